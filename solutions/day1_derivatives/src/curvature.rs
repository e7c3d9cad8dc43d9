//! # 1.3 Curvature: the second derivative
//!
//! The second derivative f''(x) is the derivative of the derivative: how fast the slope
//! itself changes. Its sign tells the shape of the graph — f'' > 0 bends upward like a bowl
//! (a minimum lives at the bottom), f'' < 0 bends downward like a hill. Optimisers care: at a
//! point where f' = 0, the sign of f'' tells a minimum from a maximum (day 3), and the size of
//! f'' says how large a gradient step may be before it overshoots.
//!
//! Applying the central idea twice gives the *second difference*:
//!
//! ```text
//! f''(x) ≈ (f(x + h) − 2·f(x) + f(x − h)) / h²        error ≈ f''''(x)·h²/12
//! ```
//!
//! Round-off is now divided by h², about 4ε·|f|/h², so the best step is larger than for the
//! first derivative: h ≈ ε^(1/4) ≈ 10⁻⁴ (scaled by max(1, |x|)), giving about 7 digits.
//!
//! Worked number: for f(x) = x³ at x = 2 with h = 0.1,
//! (2.1³ − 2·8 + 1.9³) / 0.01 = (9.261 − 16 + 6.859) / 0.01 = 12.0 = 6·2. (A cubic's
//! f'''' is 0, so the second difference is exact up to rounding.)

/// f''(x), accurate to about 1e-6 · max(1, |f''(x)|) for smooth f.
pub fn second_derivative(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = f64::EPSILON.powf(0.25) * x.abs().max(1.0);
    (f(x + h) - 2.0 * f(x) + f(x - h)) / (h * h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    // exp is its own second derivative: exp''(1) = e.
    #[test]
    fn curvature_of_exp_at_one_is_e() {
        assert_abs_diff_eq!(
            second_derivative(f64::exp, 1.0),
            std::f64::consts::E,
            epsilon = 1e-6
        );
    }

    // x³ has f'' = 6x: 12 at x = 2, −6 at x = −1 (bending down).
    #[test]
    fn curvature_of_a_cubic_changes_sign() {
        let cube = |x: f64| x * x * x;
        assert_abs_diff_eq!(second_derivative(cube, 2.0), 12.0, epsilon = 1e-5);
        assert_abs_diff_eq!(second_derivative(cube, -1.0), -6.0, epsilon = 1e-5);
    }
}
