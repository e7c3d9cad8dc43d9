//! Comparing vectors and arrays, the day-2 way.
//!
//! The shared support compares scalars; day 2's answers are vectors. A vector is right when
//! it has the expected length and every component is `close` (|got − want| ≤ tol·max(1,
//! |want|)). Failures print both vectors and the first component that is off.

use gradlings_support::{CheckResult, Feedback, Mistake, close, fmt_f64, fmt_slice};
use ndarray::Array1;

/// `[a, b, c]`, eliding the middle of long vectors.
pub fn fmt_vec(v: &Array1<f64>) -> String {
    fmt_slice(&v.to_vec())
}

/// The Euclidean length ‖v‖.
pub fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// Same length and every component `close` within `tol`.
pub fn vec_close(got: &Array1<f64>, want: &Array1<f64>, tol: f64) -> bool {
    got.len() == want.len() && got.iter().zip(want).all(|(&g, &w)| close(g, w, tol))
}

/// The first catalogued mistake whose vector matches `got` within `tol`.
pub fn name_vec_mistake(
    got: &Array1<f64>,
    candidates: impl IntoIterator<Item = (Mistake, Array1<f64>)>,
    tol: f64,
) -> Option<Mistake> {
    candidates
        .into_iter()
        .find(|(_, value)| value.iter().all(|v| v.is_finite()) && vec_close(got, value, tol))
        .map(|(mistake, _)| mistake)
}

/// Fails with feedback built by `context` unless `got` has `want`'s length and every
/// component is close within `tol`. `component(i)` names component `i` for the feedback.
pub fn expect_vec_close(
    got: &Array1<f64>,
    want: &Array1<f64>,
    tol: f64,
    component: impl Fn(usize) -> String,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    if got.len() != want.len() {
        return Err(context()
            .expected(format!("{} components", want.len()))
            .got(format!("{} components: {}", got.len(), fmt_vec(got))));
    }
    let Some(i) = (0..want.len()).find(|&i| !close(got[i], want[i], tol)) else {
        return Ok(());
    };
    Err(context()
        .expected(fmt_vec(want))
        .got(fmt_vec(got))
        .tolerance(format!(
            "every component within |got − expected| ≤ {} · max(1, |expected|)",
            fmt_f64(tol)
        ))
        .note(format!(
            "first wrong component {}: expected {}, got {}",
            component(i),
            fmt_f64(want[i]),
            fmt_f64(got[i])
        )))
}

/// Fails unless `|got − want| ≤ rel_tol · |want|` — for small quantities whose relative
/// accuracy matters (a relative error of 5e-8 must not pass as 0).
pub fn expect_relative(
    got: f64,
    want: f64,
    rel_tol: f64,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    if got == want || (got - want).abs() <= rel_tol * want.abs() {
        return Ok(());
    }
    Err(context()
        .expected(fmt_f64(want))
        .got(fmt_f64(got))
        .tolerance(format!(
            "|got − expected| ≤ {} · |expected|",
            fmt_f64(rel_tol)
        )))
}

/// Coordinate names for two-variable functions: `∂f/∂x`, `∂f/∂y`.
pub fn xy_component(i: usize) -> String {
    match i {
        0 => "0 (∂f/∂x)".to_string(),
        1 => "1 (∂f/∂y)".to_string(),
        _ => i.to_string(),
    }
}

/// Coordinate names for n-variable functions: `∂f/∂x_i`.
pub fn nd_component(i: usize) -> String {
    format!("{i} (∂f/∂x_{i})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn vectors_of_other_lengths_are_never_close() {
        assert!(!vec_close(&array![1.0], &array![1.0, 2.0], 1.0));
        let err = expect_vec_close(&array![1.0], &array![1.0, 2.0], 1e-9, nd_component, || {
            Feedback::new("x")
        })
        .unwrap_err();
        assert_eq!(err.expected.as_deref(), Some("2 components"));
    }

    #[test]
    fn names_the_first_wrong_component() {
        let err = expect_vec_close(
            &array![1.0, 2.5],
            &array![1.0, 2.0],
            1e-9,
            xy_component,
            || Feedback::new("x"),
        )
        .unwrap_err();
        assert!(
            err.notes[0].contains("1 (∂f/∂y): expected 2, got 2.5"),
            "{err}"
        );
    }

    #[test]
    fn relative_comparison_sees_small_differences() {
        assert!(expect_relative(5e-8, 5e-8 * (1.0 + 1e-12), 1e-9, || Feedback::new("")).is_ok());
        assert!(expect_relative(0.0, 5e-8, 1e-3, || Feedback::new("")).is_err());
    }
}
