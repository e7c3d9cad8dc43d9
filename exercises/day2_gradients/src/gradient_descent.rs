//! # 2.6 The gradient-descent loop
//!
//! −∇f(x) is the direction of steepest descent (2.3). So take a small step that way, look
//! again, and repeat: that loop trains linear regressions and GPTs alike. In Python it is
//! five lines:
//!
//! ```text
//! for step in range(num_steps):
//!     gradient = compute_gradient(loss, weights)
//!     weights = weights - learning_rate * gradient
//! ```
//!
//! A loop you can rely on also knows when to stop. Yours stops for one of three reasons, and
//! it checks them in this order, at the top of every pass, *before* stepping:
//!
//! ```text
//! x ← x0, iters ← 0
//! loop:
//!     g ← ∇f(x)
//!     1. diverged   if any component of x or g is NaN or infinite,
//!                   or ‖x‖ > DIVERGENCE_BOUND (1e10)                → stop
//!     2. converged  if ‖g‖ < tol      (‖·‖ the Euclidean length)    → stop
//!     3. out of budget if iters == max_iters                        → stop
//!     x ← x − lr·g
//!     iters ← iters + 1
//! ```
//!
//! So `iters` is the number of update steps taken, and `x` is the point where the loop
//! stopped. `converged` and `diverged` say which of the first two reasons stopped it (both
//! are false when the budget ran out).
//!
//! A worked number: f(x) = x², ∇f = 2x, x0 = 1, lr = 0.25. Each step does
//! x ← x − 0.25·2x = x/2, so after k steps x = 2⁻ᵏ and ‖g‖ = 2·2⁻ᵏ. With tol = 1e-3,
//! ‖g‖ = 0.00195 after 10 steps (not yet) and 0.00098 after 11: the loop stops converged with
//! iters = 11 and x = 2⁻¹¹.
//!
//! Why the divergence test: with a learning rate that is too large each step overshoots
//! further than the last, |x| grows geometrically, and a loop without the test would spin
//! through all of `max_iters` computing infinities and NaNs. Stopping early and saying so is
//! what the caller needs.
//!
//! **Rust notes.** Keep `let mut x = x0.clone();`. `g.dot(&g).sqrt()` is ‖g‖;
//! `x.iter().all(|v| v.is_finite())` tests every component. The update can be written
//! `x = &x - &(lr * &g);` or in place, `x.scaled_add(-lr, &g);`.

use ndarray::Array1;

/// ‖x‖ beyond which a run counts as diverged.
pub const DIVERGENCE_BOUND: f64 = 1e10;

/// How a gradient-descent run ended.
#[derive(Debug, Clone, PartialEq)]
pub struct GdResult {
    /// The point where the loop stopped.
    pub x: Array1<f64>,
    /// The number of update steps `x ← x − lr·g` taken.
    pub iters: usize,
    /// ‖∇f(x)‖ < tol at the returned x.
    pub converged: bool,
    /// x or ∇f(x) became non-finite, or ‖x‖ exceeded `DIVERGENCE_BOUND`.
    pub diverged: bool,
}

/// Gradient descent from `x0` with learning rate `lr`, following the loop above.
pub fn gradient_descent(
    grad: impl Fn(&Array1<f64>) -> Array1<f64>,
    x0: &Array1<f64>,
    lr: f64,
    max_iters: usize,
    tol: f64,
) -> GdResult {
    // TODO: follow the loop above. Start from a copy of x0 with iters = 0. At the top of
    // every pass compute g = grad(&x); stop if diverged, else if converged, else if
    // iters == max_iters (in that order); otherwise step x ← x − lr·g and add 1 to iters.
    // Return a GdResult with all four fields filled in.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn grad_of_x_squared(x: &Array1<f64>) -> Array1<f64> {
        2.0 * x
    }

    // The worked number above: x halves each step; ‖g‖ first drops below 1e-3 after 11.
    #[test]
    fn x_squared_converges_in_11_steps() {
        let run = gradient_descent(grad_of_x_squared, &array![1.0], 0.25, 100, 1e-3);
        assert!(run.converged && !run.diverged, "{run:?}");
        assert_eq!(run.iters, 11);
        assert!((run.x[0] - 0.5f64.powi(11)).abs() < 1e-15, "{run:?}");
    }

    // With lr = 1.5 each step maps x to x − 3x = −2x: |x| doubles until it passes 1e10,
    // after 34 steps (2³⁴ ≈ 1.7e10), long before the budget of 1000 is spent.
    #[test]
    fn too_large_a_rate_diverges_early() {
        let run = gradient_descent(grad_of_x_squared, &array![1.0], 1.5, 1000, 1e-3);
        assert!(run.diverged && !run.converged, "{run:?}");
        assert_eq!(run.iters, 34);
    }
}
