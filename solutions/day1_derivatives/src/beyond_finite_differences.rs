//! # 1.7 Beyond finite differences (stretch)
//!
//! Two classic ways to beat the accuracy limit of exercise 1.4.
//!
//! **Complex step.** Evaluate f at a complex point x + i·h. Taylor's theorem gives
//! f(x + ih) = f(x) + ih·f'(x) − h²/2·f''(x) − ih³/6·f'''(x) + …, so the imaginary part
//! divided by h is f'(x) with error h²·f'''/6 — and *no subtraction of nearly equal numbers*,
//! hence no round-off penalty. h can be absurdly small, like 10⁻²⁰, and the derivative comes
//! out exact to machine precision:
//!
//! ```text
//! f'(x) ≈ Im f(x + i·h) / h,        h = 1e-20
//! ```
//!
//! It needs f to be written with operations that work on complex numbers (here the
//! `Complex64` type: `z.exp()`, `z.sin()`, `z.sqrt()`, `z.powi(3)`, `+ − × ÷`).
//!
//! **Richardson extrapolation.** The central quotient D(h) has error c·h² + O(h⁴). Compute it
//! at h and at h/2: D(h/2) has error c·h²/4. Combining the two so the c·h² terms cancel leaves
//! a fourth-order method:
//!
//! ```text
//! R(h) = (4·D(h/2) − D(h)) / 3        error O(h⁴): halve h, the error drops ~16×
//! ```
//!
//! The same idea — estimate the leading error term from two runs and remove it — powers
//! Romberg integration and adaptive ODE solvers.

use crate::difference_quotients::central_diff;

pub use num_complex::Complex64;

/// f'(x) by the complex-step method: `Im f(x + i·h) / h` with a tiny h.
pub fn complex_step(f: impl Fn(Complex64) -> Complex64, x: f64) -> f64 {
    let h = 1e-20;
    f(Complex64::new(x, h)).im / h
}

/// f'(x) by Richardson extrapolation of the central quotient from steps `h` and `h/2`.
pub fn richardson(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    let coarse = central_diff(&f, x, h);
    let fine = central_diff(&f, x, h / 2.0);
    (4.0 * fine - coarse) / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    // d/dx x² = 2x: 6 at x = 3, to the last digit.
    #[test]
    fn complex_step_of_a_square_is_exact() {
        let got = complex_step(|z| z * z, 3.0);
        assert_abs_diff_eq!(got, 6.0, epsilon = 1e-15);
    }

    // exp'(0) = 1. The central quotient with h = 0.1 is off by about h²/6 ≈ 1.7e-3;
    // Richardson with the same h is off by about h⁴/480 ≈ 2e-7 (or h⁴/30 ≈ 3e-6 if you
    // extrapolate from h and 2h instead of h/2 and h) — a thousand times better.
    #[test]
    fn richardson_is_far_better_than_central() {
        let error = (richardson(f64::exp, 0.0, 0.1) - 1.0).abs();
        assert!(error < 5e-6, "error {error}");
    }
}
