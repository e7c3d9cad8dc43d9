//! # 3.9 The Netflix problem: matrix factorization
//!
//! A streaming service knows a few ratings of each user — most of the user × movie matrix R
//! is blank — and wants to predict the rest. The classic model says taste has a few hidden
//! dimensions (how much action, how much romance, …): user i is a vector uᵢ of k numbers,
//! movie j a vector vⱼ of k numbers, and the predicted rating is their dot product uᵢ·vⱼ.
//! Stacking the vectors as rows of U (m×k) and V (n×k), the prediction for the whole matrix
//! is U·Vᵀ, a matrix of rank k. Training is gradient descent on U and V together, and the
//! loss looks **only** at the ratings we have (where `mask` is true):
//!
//! ```text
//! eᵢⱼ  = uᵢ·vⱼ − rᵢⱼ    if mask[i][j], else 0                  prediction error
//! loss = ½ · Σ_{i,j observed} eᵢⱼ²  +  (λ/2)·(‖U‖² + ‖V‖²)     ‖U‖² = sum of all uᵢc²
//!
//! ∂loss/∂uᵢ = Σ_j eᵢⱼ·vⱼ + λ·uᵢ         as matrices:  dU = E·V  + λ·U     (m×k)
//! ∂loss/∂vⱼ = Σ_i eᵢⱼ·uᵢ + λ·vⱼ                       dV = Eᵀ·U + λ·V     (n×k)
//! ```
//!
//! The ½ cancels the 2 of the square; the λ term (*weight decay*) keeps U and V small.
//! Unobserved entries of R must change nothing: not the loss, not the gradients.
//!
//! `train_mf` runs full-batch gradient descent from the given U₀ and V₀: each step computes
//! both gradients at the current (U, V), then updates both, U ← U − lr·dU and
//! V ← V − lr·dV.
//!
//! A worked number: one user, one movie, rating 2, u = [1], v = [1], λ = 0.1. The error is
//! e = 1·1 − 2 = −1, so loss = ½·1 + 0.05·(1 + 1) = 0.6, dU = −1·1 + 0.1·1 = −0.9 and
//! likewise dV = −0.9.
//!
//! **Rust notes.** `u.row(i).dot(&v.row(j))` is uᵢ·vⱼ; `u.dot(&v.t())` is the whole U·Vᵀ.
//! Matrices of the same shape add and scale as expected: `&u - &(lr * &du)` or, in place,
//! `u.scaled_add(-lr, &du)`. `mask[[i, j]]` is a `bool`.

use ndarray::Array2;

/// The loss ½·Σ_observed (uᵢ·vⱼ − rᵢⱼ)² + (λ/2)(‖U‖² + ‖V‖²) and its gradients (dU, dV).
pub fn mf_loss_grad(
    r: &Array2<f64>,
    mask: &Array2<bool>,
    u: &Array2<f64>,
    v: &Array2<f64>,
    lambda: f64,
) -> (f64, Array2<f64>, Array2<f64>) {
    // TODO: compute the error matrix E (uᵢ·vⱼ − rᵢⱼ where mask is true, 0 elsewhere), then
    // loss = ½·Σ E² + (λ/2)·(‖U‖² + ‖V‖²), dU = E·V + λU and dV = Eᵀ·U + λV.
    // Return (loss, dU, dV); dU has the shape of u, dV the shape of v.
    todo!()
}

/// Full-batch gradient descent on [`mf_loss_grad`] from (U₀, V₀) for `steps` steps.
pub fn train_mf(
    r: &Array2<f64>,
    mask: &Array2<bool>,
    u0: &Array2<f64>,
    v0: &Array2<f64>,
    lambda: f64,
    lr: f64,
    steps: usize,
) -> (Array2<f64>, Array2<f64>) {
    // TODO: start from copies of u0 and v0; `steps` times compute (dU, dV) with mf_loss_grad at
    // the current (U, V), then update both: U ← U − lr·dU, V ← V − lr·dV. Return (U, V).
    todo!()
}

/// Root-mean-square error of U·Vᵀ over the observed entries. (Written for you.)
pub fn observed_rmse(
    r: &Array2<f64>,
    mask: &Array2<bool>,
    u: &Array2<f64>,
    v: &Array2<f64>,
) -> f64 {
    let prediction = u.dot(&v.t());
    let (mut sum, mut count) = (0.0, 0usize);
    for ((index, &rating), &observed) in r.indexed_iter().zip(mask.iter()) {
        if observed {
            sum += (prediction[index] - rating).powi(2);
            count += 1;
        }
    }
    (sum / count.max(1) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    // The worked number: e = −1, loss = 0.5 + 0.05·2 = 0.6, dU = dV = −1 + 0.1 = −0.9.
    #[test]
    fn one_rating() {
        let (loss, du, dv) = mf_loss_grad(
            &array![[2.0]],
            &array![[true]],
            &array![[1.0]],
            &array![[1.0]],
            0.1,
        );
        assert!((loss - 0.6).abs() < 1e-12);
        assert!((du[[0, 0]] + 0.9).abs() < 1e-12 && (dv[[0, 0]] + 0.9).abs() < 1e-12);
    }

    // R = [[1, 2], [2, ?]] is the rank-1 matrix [1, 2]ᵀ·[1, 2] with one rating hidden.
    // Gradient descent should fit the three known ratings, and the hidden one then comes out
    // as 4 — a prediction.
    #[test]
    fn fills_in_a_rank_one_matrix() {
        let r = array![[1.0, 2.0], [2.0, 0.0]];
        let mask = array![[true, true], [true, false]];
        let start = array![[0.5], [0.6]];
        let (u, v) = train_mf(&r, &mask, &start, &start, 0.0, 0.05, 3000);
        assert!(observed_rmse(&r, &mask, &u, &v) < 1e-6);
        let hidden = u.row(1).dot(&v.row(1));
        assert!((hidden - 4.0).abs() < 1e-5, "predicted {hidden}");
    }
}
