//! # 3.5 Convex or not
//!
//! A function is *convex* when the straight line (the chord) between any two points of its
//! graph never passes below the graph — a bowl, with no bumps. For convex functions gradient
//! descent has a guarantee: every local minimum is a global minimum, so wherever it settles
//! is the best place there is. Neural-network losses are not convex, which is why the next
//! exercise needs restarts.
//!
//! ```text
//! f is convex on a box  ⇔  for all x, y in the box and all t in [0, 1]:
//!
//!     f(t·x + (1 − t)·y)  ≤  t·f(x) + (1 − t)·f(y)
//!     └── f on the segment ┘  └── the chord at the same place ┘
//! ```
//!
//! (For smooth f this is the same as "the Hessian of 3.4 has no negative eigenvalue".)
//!
//! A proof must consider every pair; a program can only *sample* some. Draw `n_pairs` pairs
//! (x, y) uniformly in the box lo ≤ x ≤ hi (each coordinate between `lo[i]` and `hi[i]`),
//! and a t uniformly in [0, 1] for each (t = ½, the midpoint test, is fine too). One pair
//! that breaks the inequality proves f is *not* convex. If no pair breaks it, the answer
//! "convex" is only a well-founded guess.
//!
//! Round-off needs care: for a linear function both sides are equal in exact arithmetic, but
//! the computed values can differ in the last digit. So a pair counts as a violation only
//! when it breaks the inequality by more than a small margin:
//!
//! ```text
//! violation  ⇔  f(z) > chord + ROUND_OFF_TOL·(1 + |f(x)| + |f(y)|)     ROUND_OFF_TOL = 1e-9
//! ```
//!
//! A worked number: f(x, y) = x² + 3xy + y² with x = (1, −1) and y = (−1, 1), t = ½: the
//! midpoint is (0, 0) with f = 0, but f(x) = f(y) = 1 + (−3) + 1 = −1, so the chord is at −1
//! and the graph (0) is above it: not convex.
//!
//! **Rust notes.** `rng` is any random generator (the tests pass a seeded one). Bring the
//! methods into scope with `use rand::RngExt;`, then `rng.random_range(lo..hi)` draws an
//! `f64` in [lo, hi) and `rng.random::<f64>()` one in [0, 1).

use rand::{Rng, RngExt};

/// The relative margin by which a chord inequality must fail to count as a violation.
pub const ROUND_OFF_TOL: f64 = 1e-9;

/// Samples `n_pairs` random chords in the box `[lo, hi]`; false as soon as one lies below the
/// graph (beyond round-off), true if none does.
pub fn is_convex_sampled(
    f: impl Fn(&[f64]) -> f64,
    lo: &[f64],
    hi: &[f64],
    n_pairs: usize,
    rng: &mut impl Rng,
) -> bool {
    let dims = lo.len();
    for _ in 0..n_pairs {
        let x: Vec<f64> = (0..dims).map(|i| rng.random_range(lo[i]..hi[i])).collect();
        let y: Vec<f64> = (0..dims).map(|i| rng.random_range(lo[i]..hi[i])).collect();
        let t: f64 = rng.random();
        let z: Vec<f64> = x
            .iter()
            .zip(&y)
            .map(|(a, b)| t * a + (1.0 - t) * b)
            .collect();
        let (fx, fy) = (f(&x), f(&y));
        let chord = t * fx + (1.0 - t) * fy;
        if f(&z) > chord + ROUND_OFF_TOL * (1.0 + fx.abs() + fy.abs()) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    // x² + y² is a bowl: no chord can ever lie below it.
    #[test]
    fn a_bowl_is_convex() {
        let mut rng = StdRng::seed_from_u64(1);
        let bowl = |p: &[f64]| p[0] * p[0] + p[1] * p[1];
        assert!(is_convex_sampled(
            bowl,
            &[-3.0, -3.0],
            &[3.0, 3.0],
            1000,
            &mut rng
        ));
    }

    // The worked number: x² + 3xy + y² curves down along the direction (1, −1), so about a
    // quarter of all random chords lie below it, and 1000 pairs find one.
    #[test]
    fn a_saddle_is_not_convex() {
        let mut rng = StdRng::seed_from_u64(2);
        let saddle = |p: &[f64]| p[0] * p[0] + 3.0 * p[0] * p[1] + p[1] * p[1];
        assert!(!is_convex_sampled(
            saddle,
            &[-2.0, -2.0],
            &[2.0, 2.0],
            1000,
            &mut rng
        ));
    }
}
