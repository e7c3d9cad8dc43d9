//! Gradient checking, as CS231n teaches it.
//!
//! The test computes its own central-difference gradient and compares it with the student's
//! analytic one component by component with the relative error
//! `|a − n| / max(1e-8, |a| + |n|)`. A failure names the worst component, both values and the
//! relative error, so the student knows exactly which partial derivative is off.

use crate::feedback::{CheckResult, Feedback};
use crate::tolerance::{fmt_f64, rel_error};

/// Central-difference gradient of `f` at `x` with step `h` (the test's own reference).
pub fn numerical_gradient(f: &dyn Fn(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<f64> {
    let mut probe = x.to_vec();
    (0..x.len())
        .map(|i| {
            let xi = probe[i];
            probe[i] = xi + h;
            let up = f(&probe);
            probe[i] = xi - h;
            let down = f(&probe);
            probe[i] = xi;
            (up - down) / (2.0 * h)
        })
        .collect()
}

/// The largest componentwise relative error and where it is.
pub fn worst_component(analytic: &[f64], numeric: &[f64]) -> (usize, f64) {
    analytic
        .iter()
        .zip(numeric)
        .map(|(&a, &n)| {
            if a.is_nan() {
                f64::INFINITY
            } else {
                rel_error(a, n)
            }
        })
        .enumerate()
        .fold(
            (0, 0.0),
            |best, (i, e)| if e > best.1 { (i, e) } else { best },
        )
}

/// Fails unless every component of `analytic` is within relative error `threshold` of
/// `numeric`. `name(i)` says what component `i` is (e.g. `W1[2, 0]`); `context` builds the
/// rest of the feedback (the call, the point).
pub fn expect_gradient(
    analytic: &[f64],
    numeric: &[f64],
    threshold: f64,
    name: impl Fn(usize) -> String,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    if analytic.len() != numeric.len() {
        return Err(context()
            .expected(format!("{} components", numeric.len()))
            .got(format!("{} components", analytic.len())));
    }
    let (worst, error) = worst_component(analytic, numeric);
    if error <= threshold {
        return Ok(());
    }
    Err(context()
        .note(format!(
            "worst component {}: analytic {} vs numerical {} (relative error {})",
            name(worst),
            fmt_f64(analytic[worst]),
            fmt_f64(numeric[worst]),
            fmt_f64(error)
        ))
        .tolerance(format!(
            "relative error |a − n| / max(1e-8, |a| + |n|) ≤ {}",
            fmt_f64(threshold)
        )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bowl(x: &[f64]) -> f64 {
        x[0] * x[0] + 3.0 * x[1] * x[1]
    }

    #[test]
    fn numerical_gradient_of_a_bowl() {
        let g = numerical_gradient(&bowl, &[1.0, -2.0], 1e-5);
        assert!(
            (g[0] - 2.0).abs() < 1e-8 && (g[1] + 12.0).abs() < 1e-8,
            "{g:?}"
        );
    }

    #[test]
    fn names_the_worst_component() {
        let err = expect_gradient(
            &[2.0, -10.0],
            &[2.0, -12.0],
            1e-7,
            |i| format!("x[{i}]"),
            || Feedback::new("gradient is off"),
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("worst component x[1]"), "{text}");
        assert!(text.contains("analytic -10 vs numerical -12"), "{text}");
    }

    #[test]
    fn nan_is_the_worst_component() {
        assert_eq!(worst_component(&[1.0, f64::NAN], &[1.0, 2.0]).0, 1);
    }

    #[test]
    fn accepts_a_correct_gradient() {
        let numeric = numerical_gradient(&bowl, &[0.5, 0.25], 1e-5);
        assert!(
            expect_gradient(
                &[1.0, 1.5],
                &numeric,
                1e-7,
                |i| i.to_string(),
                || { Feedback::new("") }
            )
            .is_ok()
        );
    }
}
