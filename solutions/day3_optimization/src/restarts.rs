//! # 3.6 Local-minimum traps and random restarts
//!
//! Gradient descent only ever walks downhill, so it stops in the first valley it rolls into:
//! a *local* minimum, lower than everything nearby but not necessarily the lowest point
//! anywhere (the *global* minimum). Which valley it finds depends only on where it starts.
//! The cheapest cure is to start several times from different places and keep the best
//! result: *random restarts*.
//!
//! ```text
//! descend:           x ← x − lr·f'(x),  exactly `iters` times
//! best of restarts:  run descend from every start s₁, s₂, …;
//!                    return the end point x with the lowest f(x), and that f(x)
//! ```
//!
//! Two landscapes show the trap. The double well f(x) = x⁴ − 3x² + x has two valleys: a
//! shallow one near x ≈ 1.131 (f ≈ −1.070) and a deep one near x ≈ −1.301 (f ≈ −3.514).
//! Started at 2, gradient descent settles in the shallow one; started at −2, in the deep one.
//! The Rastrigin function f(x) = 10 + x² − 10·cos(2πx) is a bowl covered in ripples: a local
//! minimum near every integer, the global one at 0 with f = 0.
//!
//! A worked number: on the double well with lr = 0.01 and 1000 iterations, the starts 2 and
//! −2 end at 1.1309 and −1.3008; the best of the two is (−1.3008, −3.5139).
//!
//! **Rust notes.** `f` and `df` are closures: `f(x)` is the value, `df(x)` the derivative.
//! Return a tuple with `(x, fx)`. The starts are never empty; if two ends tie, keep the
//! earlier start's.

/// Gradient descent from `x0`: exactly `iters` steps of x ← x − lr·df(x); returns the last x.
pub fn descend(df: impl Fn(f64) -> f64, x0: f64, lr: f64, iters: usize) -> f64 {
    let mut x = x0;
    for _ in 0..iters {
        x -= lr * df(x);
    }
    x
}

/// Runs [`descend`] from every start and returns `(x, f(x))` of the lowest end point.
pub fn best_of_restarts(
    f: impl Fn(f64) -> f64,
    df: impl Fn(f64) -> f64,
    starts: &[f64],
    lr: f64,
    iters: usize,
) -> (f64, f64) {
    let mut best = (f64::NAN, f64::INFINITY);
    for &start in starts {
        let x = descend(&df, start, lr, iters);
        let fx = f(x);
        if fx < best.1 {
            best = (x, fx);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    // On x² the derivative is 2x, so each step multiplies x by 1 − 2·lr = 0.8 (lr = 0.1):
    // after 3 steps from 1, x = 0.8³ = 0.512.
    #[test]
    fn descend_takes_exactly_iters_steps() {
        let x = descend(|x| 2.0 * x, 1.0, 0.1, 3);
        assert!((x - 0.512).abs() < 1e-12);
    }

    // The worked number: from 2 the walk is trapped near 1.131; from −2 it reaches the
    // global minimum near −1.3008, where f ≈ −3.5139.
    #[test]
    fn restarts_escape_the_shallow_well() {
        let f = |x: f64| x.powi(4) - 3.0 * x * x + x;
        let df = |x: f64| 4.0 * x.powi(3) - 6.0 * x + 1.0;
        let (x, fx) = best_of_restarts(f, df, &[2.0, -2.0], 0.01, 1000);
        assert!((x + 1.3008396).abs() < 1e-6, "x = {x}");
        assert!((fx + 3.5139050).abs() < 1e-6, "f = {fx}");
    }
}
