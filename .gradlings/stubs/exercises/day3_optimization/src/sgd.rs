//! # 3.7 Stochastic gradient descent
//!
//! The loss of a model is an average over the whole data set, and so is its gradient. With
//! millions of examples, one exact gradient costs a pass over all of them. Stochastic
//! gradient descent (SGD) steps after a small random *minibatch* instead: the minibatch
//! gradient is a noisy but unbiased estimate of the full one, and many cheap noisy steps beat
//! a few expensive exact ones. The noise even helps to shake the walk out of shallow traps.
//!
//! One *epoch* is one pass over the data: shuffle the indices 0..n, cut them into batches of
//! `batch` consecutive indices (the last batch is smaller when `batch` does not divide n),
//! and take one step per batch. Every example is used exactly once per epoch.
//!
//! The model here is a line, ŷ = w·x + b, fitted by the **mean** squared error over the
//! batch B (no ½ in front):
//!
//! ```text
//! L(w, b)  = (1/|B|) · Σ_{i∈B} (w·xᵢ + b − yᵢ)²
//! ∂L/∂w    = (2/|B|) · Σ_{i∈B} (w·xᵢ + b − yᵢ)·xᵢ
//! ∂L/∂b    = (2/|B|) · Σ_{i∈B} (w·xᵢ + b − yᵢ)
//! w ← w − lr·∂L/∂w,   b ← b − lr·∂L/∂b       both gradients taken at the old (w, b)
//! ```
//!
//! Training starts at w = b = 0.
//!
//! A worked number: n = 1000, batch = 32 gives 31 batches of 32 and a last batch of 8
//! (31·32 + 8 = 1000). With a single batch holding the points (1, 1) and (2, 3) and
//! w = b = 0, the residuals are −1 and −3, so ∂L/∂w = (2/2)·(−1·1 − 3·2) = −7 and
//! ∂L/∂b = (2/2)·(−1 − 3) = −4.
//!
//! **Rust notes.** Make the indices with `(0..n).collect::<Vec<usize>>()`, shuffle them with
//! `indices.shuffle(rng)` (that needs `use rand::seq::SliceRandom;`), and cut them with
//! `indices.chunks(batch)`, which yields slices; `.to_vec()` turns one into a `Vec`.

use rand::Rng;
use rand::seq::SliceRandom;

/// A random partition of `0..n` into batches of `batch` indices (the last may be shorter).
pub fn minibatch_indices(n: usize, batch: usize, rng: &mut impl Rng) -> Vec<Vec<usize>> {
    // TODO: shuffle the indices 0..n with rng and cut them into batches of `batch`
    // (the last batch holds what is left; no empty batches).
    todo!()
}

/// Fits ŷ = w·x + b by minibatch SGD on the mean squared error, from w = b = 0; returns (w, b).
pub fn sgd_linreg(
    x: &[f64],
    y: &[f64],
    lr: f64,
    batch: usize,
    epochs: usize,
    rng: &mut impl Rng,
) -> (f64, f64) {
    // TODO: start at w = b = 0. For each epoch, get the batches from minibatch_indices(x.len(),
    // batch, rng); for each batch compute ∂L/∂w and ∂L/∂b of the mean squared error over
    // that batch at the current (w, b), then update both. Return (w, b).
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    // The worked number: 1000 = 31·32 + 8, and each index appears exactly once.
    #[test]
    fn batches_of_32_cover_1000_indices() {
        let mut rng = StdRng::seed_from_u64(3);
        let batches = minibatch_indices(1000, 32, &mut rng);
        assert_eq!(batches.len(), 32);
        assert!(batches[..31].iter().all(|b| b.len() == 32) && batches[31].len() == 8);
        let mut all: Vec<usize> = batches.concat();
        all.sort_unstable();
        assert_eq!(all, (0..1000).collect::<Vec<_>>());
    }

    // Points exactly on y = 3x − 2: SGD should recover w = 3 and b = −2.
    #[test]
    fn fits_an_exact_line() {
        let mut rng = StdRng::seed_from_u64(4);
        let x: Vec<f64> = (0..100).map(|i| f64::from(i) / 50.0 - 1.0).collect();
        let y: Vec<f64> = x.iter().map(|x| 3.0 * x - 2.0).collect();
        let (w, b) = sgd_linreg(&x, &y, 0.1, 10, 100, &mut rng);
        assert!(
            (w - 3.0).abs() < 1e-6 && (b + 2.0).abs() < 1e-6,
            "w = {w}, b = {b}"
        );
    }
}
