//! # 2.1 Partial derivatives and the numerical gradient
//!
//! A loss depends on many numbers at once. To ask how it changes, change *one* of them and
//! hold all the others fixed: that is a partial derivative, ∂f/∂xᵢ — the ordinary derivative
//! of Day 1 along the i-th coordinate axis. Stack all n partials into one vector and you have
//! the gradient ∇f(x). Numerically, each partial is a central difference in which only
//! coordinate i moves:
//!
//! ```text
//! ∂f/∂xᵢ(x) ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / (2h)      eᵢ = (0, …, 0, 1, 0, …, 0), 1 at i
//!
//! ∇f(x) = [∂f/∂x₀, ∂f/∂x₁, …, ∂f/∂xₙ₋₁]               2n calls of f, error O(h²) each
//! ```
//!
//! A worked number: f(x, y) = x²·y at (3, 2) with h = 0.1. Moving x:
//! (3.1²·2 − 2.9²·2) / 0.2 = (19.22 − 16.82) / 0.2 = 12 = 2xy. Moving y:
//! (9·2.1 − 9·1.9) / 0.2 = 9 = x². So ∇f(3, 2) = [12, 9].
//!
//! Two things every numerical gradient must get right:
//! - **one coordinate at a time.** Work on a copy of x (`let mut probe = x.clone();`), move
//!   `probe[i]` up and down, and put it back to `x[i]` before you move to the next
//!   coordinate. Forget that and every later partial is taken at the wrong point.
//! - **cost.** Each partial costs two calls of f, so the gradient costs 2n calls; for a
//!   network with a million weights that is two million forward passes per step. That is why
//!   training uses backpropagation (Day 4) and numerical gradients only *check* it (2.5).
//!
//! **Rust notes.** `x: &Array1<f64>` is borrowed read-only; `x.clone()` gives you an owned
//! copy you may change. `x.len()` is n. `Array1::zeros(n)` makes the output; fill it with
//! `grad[i] = …`. Pass `&f` to lend the function to another function, e.g. to `partial`.

use ndarray::Array1;

/// ∂f/∂xᵢ at `x`, by the central difference with step `h` along coordinate `i`.
pub fn partial(f: impl Fn(&Array1<f64>) -> f64, x: &Array1<f64>, i: usize, h: f64) -> f64 {
    // TODO: copy x (`let mut probe = x.clone();`), set probe[i] = x[i] + h and call f,
    // then set probe[i] = x[i] − h and call f again. Return the difference of the two
    // values divided by 2h. Only coordinate i moves; x itself stays as it is.
    todo!()
}

/// ∇f(x): the vector of all n central-difference partials, using at most 2n + 1 calls of f.
pub fn numerical_gradient(f: impl Fn(&Array1<f64>) -> f64, x: &Array1<f64>, h: f64) -> Array1<f64> {
    // TODO: make `let mut grad = Array1::zeros(x.len());` and set grad[i] to the central
    // partial along coordinate i, for every i (calling `partial(&f, x, i, h)` is fine).
    // At most 2n + 1 calls of f, and every point you hand to f may differ from x in one
    // coordinate only.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn x2_times_y(p: &Array1<f64>) -> f64 {
        p[0] * p[0] * p[1]
    }

    // The worked number above: ∂(x²y)/∂x = 2xy = 12 and ∂(x²y)/∂y = x² = 9 at (3, 2). The
    // central difference is exact here up to rounding: x²y is quadratic in x and linear in y.
    #[test]
    fn partials_of_x2y_at_3_2() {
        let x = array![3.0, 2.0];
        assert!((partial(x2_times_y, &x, 0, 0.1) - 12.0).abs() < 1e-9);
        assert!((partial(x2_times_y, &x, 1, 0.1) - 9.0).abs() < 1e-9);
    }

    // ∇(x²y) = [2xy, x²] = [12, 9] at (3, 2).
    #[test]
    fn gradient_of_x2y_at_3_2() {
        let grad = numerical_gradient(x2_times_y, &array![3.0, 2.0], 1e-4);
        assert_eq!(grad.len(), 2);
        assert!(
            (grad[0] - 12.0).abs() < 1e-7 && (grad[1] - 9.0).abs() < 1e-7,
            "{grad}"
        );
    }
}
