//! # 1.5 Slopes, tangents and secants
//!
//! Geometrically, the derivative is the slope of the *tangent line*: the straight line that
//! touches the graph at x₀ and has the same steepness there. Near x₀ it is the best straight
//! approximation of f — the linearisation every optimiser relies on:
//!
//! ```text
//! tangent at x₀:   y = f(x₀) + f'(x₀)·(x − x₀)  =  slope·x + intercept
//!                  slope = f'(x₀),   intercept = f(x₀) − f'(x₀)·x₀
//! ```
//!
//! A *secant* is the line through two points of the graph, (x₀, f(x₀)) and
//! (x₀ + h, f(x₀ + h)); its slope is the forward quotient (f(x₀ + h) − f(x₀)) / h. As h
//! shrinks, the secant turns into the tangent, and its slope error shrinks in proportion to h:
//! about ten times smaller for every ten times smaller h.
//!
//! Worked number: f(x) = 3x² − 4x at x₀ = 1 has f(1) = −1 and f'(x) = 6x − 4, so f'(1) = 2
//! and the tangent is y = 2x − 3. The secant with h = 0.5 has slope (f(1.5) − f(1)) / 0.5 =
//! (0.75 + 1) / 0.5 = 3.5.
//!
//! Use your `derivative` from 1.2 for the slope.

use crate::derivative::derivative;

/// The tangent line of `f` at `x0` as `(slope, intercept)`, so that it is
/// `y = slope · x + intercept`.
pub fn tangent_line(f: impl Fn(f64) -> f64, x0: f64) -> (f64, f64) {
    // TODO: slope = f'(x0); the tangent passes through (x0, f(x0)), which fixes the intercept.
    todo!()
}

/// The slopes of the secants through `(x0, f(x0))` and `(x0 + h, f(x0 + h))`, one per `h`
/// in `hs`, in the same order.
pub fn secant_slopes(f: impl Fn(f64) -> f64, x0: f64, hs: &[f64]) -> Vec<f64> {
    // TODO: one slope per h, in the order of hs.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    // The worked number: 3x² − 4x at 1 has the tangent y = 2x − 3.
    #[test]
    fn tangent_of_the_parabola_at_one() {
        let (slope, intercept) = tangent_line(|x| 3.0 * x * x - 4.0 * x, 1.0);
        assert_abs_diff_eq!(slope, 2.0, epsilon = 1e-7);
        assert_abs_diff_eq!(intercept, -3.0, epsilon = 1e-7);
    }

    // The worked number: the secant with h = 0.5 has slope 3.5; for this parabola the
    // secant slope is 2 + 3h, so h = 0.1 gives 2.3.
    #[test]
    fn secants_approach_the_tangent() {
        let slopes = secant_slopes(|x| 3.0 * x * x - 4.0 * x, 1.0, &[0.5, 0.1]);
        assert_eq!(slopes.len(), 2);
        assert_abs_diff_eq!(slopes[0], 3.5, epsilon = 1e-9);
        assert_abs_diff_eq!(slopes[1], 2.3, epsilon = 1e-9);
    }
}
