//! # 1.2 A derivative you can trust
//!
//! Exercise 1.1 gave you formulas; this one asks you to *choose* one, and a step size, so that
//! `derivative(f, x)` is right to about nine significant digits for any smooth `f` you will
//! meet in this course. Two errors pull the step size `h` in opposite directions:
//!
//! - **truncation**: the quotient is only a Taylor approximation. Its error shrinks with h —
//!   like h for one-sided quotients, like h² for the central one.
//! - **round-off**: f is computed to about ε·|f| (ε = 2.2·10⁻¹⁶ for `f64`), and dividing the
//!   difference of two nearly equal values by a tiny h magnifies that to ε·|f|/h.
//!
//! Balancing the two, the best central step is near h ≈ ∛ε ≈ 6·10⁻⁶ (scaled by the size of
//! x), where both errors are about ε^(2/3) ≈ 4·10⁻¹¹. A forward quotient can do no better than
//! about √ε ≈ 10⁻⁸ — not enough for the nine digits asked here.
//!
//! ```text
//! h = ∛ε · max(1, |x|)          f'(x) ≈ (f(x + h) − f(x − h)) / (2h)
//! ```
//!
//! Higher-order stencils (five points) or Richardson extrapolation (exercise 1.7) work too.
//! Reuse your `central_diff` from 1.1: `crate::difference_quotients::central_diff(&f, x, h)`
//! (pass `&f` to lend the function instead of giving it away).

use crate::difference_quotients::central_diff;

/// f'(x), accurate to about 1e-9 · max(1, |f'(x)|) for smooth f.
pub fn derivative(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    // TODO: pick a method and a step size that reach nine digits (see above),
    // then return the approximation of f'(x). Scale the step with max(1, |x|).
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    // sin'(0) = cos(0) = 1.
    #[test]
    fn slope_of_sin_at_zero_is_one() {
        assert_abs_diff_eq!(derivative(f64::sin, 0.0), 1.0, epsilon = 1e-9);
    }

    // d/dx x³ = 3x², which is 12 at x = 2.
    #[test]
    fn slope_of_cube_at_two_is_twelve() {
        assert_abs_diff_eq!(derivative(|x| x * x * x, 2.0), 12.0, epsilon = 1e-8);
    }
}
