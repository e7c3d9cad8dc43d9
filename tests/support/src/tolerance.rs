//! Comparing floating-point results.
//!
//! The course's rule: a value is right when `|got − want| ≤ tol · max(1, |want|)`, i.e. an
//! absolute tolerance near zero and a relative one for large values. Every check states its
//! `tol` and why it is the right size for the method's error order. NaN is never close.

use crate::feedback::{CheckResult, Feedback, Mistake};

/// `|got − want| ≤ tol · max(1, |want|)`; false for NaN or infinities that differ.
pub fn close(got: f64, want: f64, tol: f64) -> bool {
    if got == want {
        // Exact agreement, including equal infinities.
        return true;
    }
    if !got.is_finite() || !want.is_finite() {
        // An infinite `want` would make the tolerance infinite: nothing else is close to it.
        return false;
    }
    (got - want).abs() <= tol * want.abs().max(1.0)
}

/// How a tolerance reads in feedback.
pub fn describe(tol: f64) -> String {
    format!("|got − expected| ≤ {} · max(1, |expected|)", fmt_f64(tol))
}

/// Formats a float for people: shortest round-trip digits, scientific when very small or large.
pub fn fmt_f64(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-4..1e7).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// Formats a slice of floats as `[a, b, c]`, eliding the middle of long ones.
pub fn fmt_slice(xs: &[f64]) -> String {
    const SHOWN: usize = 8;
    let parts: Vec<String> = if xs.len() <= SHOWN {
        xs.iter().map(|&x| fmt_f64(x)).collect()
    } else {
        let mut parts: Vec<String> = xs[..SHOWN / 2].iter().map(|&x| fmt_f64(x)).collect();
        parts.push(format!("… ({} more) …", xs.len() - SHOWN));
        parts.extend(xs[xs.len() - SHOWN / 2..].iter().map(|&x| fmt_f64(x)));
        parts
    };
    format!("[{}]", parts.join(", "))
}

/// Fails with feedback built by `context` (plus expected, got and tolerance) unless close.
pub fn expect_close(
    got: f64,
    want: f64,
    tol: f64,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    if close(got, want, tol) {
        return Ok(());
    }
    let mut feedback = context()
        .expected(fmt_f64(want))
        .got(fmt_f64(got))
        .tolerance(describe(tol));
    if !got.is_finite() {
        feedback = feedback.note(non_finite_note(got));
    }
    Err(feedback)
}

/// Fails unless `|got − want| ≤ abs_tol` (for quantities whose scale the check knows, such
/// as an error term predicted by Taylor's theorem).
pub fn expect_within(
    got: f64,
    want: f64,
    abs_tol: f64,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    if got == want || (got - want).abs() <= abs_tol {
        return Ok(());
    }
    let mut feedback = context()
        .expected(fmt_f64(want))
        .got(fmt_f64(got))
        .tolerance(format!("|got − expected| ≤ {}", fmt_f64(abs_tol)));
    if !got.is_finite() {
        feedback = feedback.note(non_finite_note(got));
    }
    Err(feedback)
}

/// Explains a NaN or infinite result.
pub fn non_finite_note(got: f64) -> String {
    if got.is_nan() {
        "NaN comes from 0/0, ∞ − ∞ or an operation outside its domain (ln or sqrt of a negative)"
            .to_string()
    } else {
        "an infinite result usually means a division by zero or an overflow".to_string()
    }
}

/// The first catalogued mistake whose value matches `got` within `tol`.
///
/// Checks compute each plausible wrong answer on the side; when the student's value equals one
/// of them, the feedback can say which mistake it is instead of only "wrong".
pub fn name_mistake(
    got: f64,
    candidates: impl IntoIterator<Item = (Mistake, f64)>,
    tol: f64,
) -> Option<Mistake> {
    candidates
        .into_iter()
        .find(|(_, value)| value.is_finite() && close(got, *value, tol))
        .map(|(mistake, _)| mistake)
}

/// CS231n-style relative error of two scalars: `|a − b| / max(1e-8, |a| + |b|)`.
pub fn rel_error(a: f64, b: f64) -> f64 {
    (a - b).abs() / (a.abs() + b.abs()).max(1e-8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_is_absolute_near_zero_and_relative_far_from_it() {
        assert!(close(1e-10, 0.0, 1e-9));
        assert!(!close(2e-9, 0.0, 1e-9));
        assert!(close(1e6 + 1e-4, 1e6, 1e-9));
        assert!(!close(1e6 + 1e-2, 1e6, 1e-9));
    }

    #[test]
    fn nan_is_never_close() {
        assert!(!close(f64::NAN, 0.0, 1.0));
        assert!(!close(0.0, f64::NAN, 1.0));
        assert!(!close(f64::INFINITY, 1.0, 1.0));
        assert!(close(f64::INFINITY, f64::INFINITY, 0.0));
        assert!(
            !close(1.0, f64::INFINITY, 1e-9),
            "finite is not close to infinite"
        );
    }

    #[test]
    fn expect_close_reports_expected_got_and_tolerance() {
        let err = expect_close(1.5, 1.0, 1e-9, || Feedback::new("wrong")).unwrap_err();
        assert_eq!(err.expected.as_deref(), Some("1"));
        assert_eq!(err.got.as_deref(), Some("1.5"));
        assert!(err.tolerance.unwrap().contains("1e-9"));
        let nan = expect_close(f64::NAN, 1.0, 1e-9, || Feedback::new("wrong")).unwrap_err();
        assert!(nan.notes[0].contains("NaN"));
    }

    #[test]
    fn name_mistake_picks_the_matching_candidate() {
        let candidates = [(Mistake::new("a", "a"), 1.0), (Mistake::new("b", "b"), 2.0)];
        assert_eq!(name_mistake(2.0, candidates.clone(), 1e-9).unwrap().id, "b");
        assert!(name_mistake(3.0, candidates, 1e-9).is_none());
    }

    #[test]
    fn formats_floats_readably() {
        assert_eq!(fmt_f64(0.25), "0.25");
        assert_eq!(fmt_f64(4.5305e-7), "4.5305e-7");
        assert_eq!(fmt_slice(&[1.0, 2.5]), "[1, 2.5]");
        assert!(fmt_slice(&[0.0; 20]).contains("12 more"));
    }

    #[test]
    fn rel_error_matches_the_course_definition() {
        assert!((rel_error(1.0, 1.0 + 1e-7) - 5e-8).abs() < 1e-12);
        assert_eq!(rel_error(0.0, 0.0), 0.0);
    }
}
