//! # 1.1 Difference quotients
//!
//! The derivative f'(x) is the slope of f at the single point x: how many units the output
//! moves per unit of input, for a vanishingly small nudge. A program cannot shrink the nudge
//! to zero, but it can take a small step `h` and measure the slope of the straight line
//! through two nearby points of the graph. That slope is a *difference quotient*:
//!
//! ```text
//! forward    f'(x) ≈ (f(x + h) − f(x)) / h           error ≈ +f''(x)·h/2    (first order)
//! backward   f'(x) ≈ (f(x) − f(x − h)) / h           error ≈ −f''(x)·h/2    (first order)
//! central    f'(x) ≈ (f(x + h) − f(x − h)) / (2h)    error ≈ f'''(x)·h²/6   (second order)
//! ```
//!
//! A worked number: for f(x) = x² at x = 3 with h = 0.1, the forward quotient is
//! (9.61 − 9) / 0.1 = 6.1, the backward one (9 − 8.41) / 0.1 = 5.9 and the central one
//! (9.61 − 8.41) / 0.2 = 6.0 — exactly f'(3) = 6, because the central error involves
//! f''' and a parabola has f''' = 0.
//!
//! In machine learning this is how gradients are *checked*: slow (two calls of f per input),
//! but immune to the bugs a hand-written backward pass can hide.
//!
//! **Rust notes.** `f: impl Fn(f64) -> f64` accepts a closure such as `|x| x * x` or a
//! function such as `f64::exp`; call it like any function, `f(x + h)`. Watch the operator
//! precedence: `a - b / h` divides only `b`.

/// The forward difference quotient `(f(x + h) − f(x)) / h`.
pub fn forward_diff(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    // TODO: return the slope of the line through (x, f(x)) and (x + h, f(x + h)).
    todo!()
}

/// The backward difference quotient `(f(x) − f(x − h)) / h`.
pub fn backward_diff(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    // TODO: return the slope of the line through (x − h, f(x − h)) and (x, f(x)).
    todo!()
}

/// The central difference quotient `(f(x + h) − f(x − h)) / (2h)`.
pub fn central_diff(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    // TODO: return the slope of the line through (x − h, f(x − h)) and (x + h, f(x + h)).
    // Those two points are 2h apart.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    // The worked number above: x² at 3 with h = 0.1 gives 6.1, 5.9 and 6.0.
    #[test]
    fn quotients_of_x_squared_at_3() {
        let square = |x: f64| x * x;
        assert_abs_diff_eq!(forward_diff(square, 3.0, 0.1), 6.1, epsilon = 1e-12);
        assert_abs_diff_eq!(backward_diff(square, 3.0, 0.1), 5.9, epsilon = 1e-12);
        assert_abs_diff_eq!(central_diff(square, 3.0, 0.1), 6.0, epsilon = 1e-12);
    }

    // exp is its own derivative, so exp'(0) = 1. With h = 1e-3 the forward error is about
    // h/2 = 5e-4, the central error only about h²/6 ≈ 1.7e-7.
    #[test]
    fn central_beats_forward_on_exp() {
        let forward_error = (forward_diff(f64::exp, 0.0, 1e-3) - 1.0).abs();
        let central_error = (central_diff(f64::exp, 0.0, 1e-3) - 1.0).abs();
        assert!(
            (forward_error - 5e-4).abs() < 1e-5,
            "forward error {forward_error}"
        );
        assert!(central_error < 2e-7, "central error {central_error}");
    }
}
