//! Numerical helpers the day-4 checks share.

use gradlings_support::tolerance::non_finite_note;
use gradlings_support::{CheckResult, Feedback, fmt_f64};

/// Five-point central-difference gradient of `f` at `x`:
/// `f′ ≈ (−f(x + 2h) + 8f(x + h) − 8f(x − h) + f(x − 2h)) / 12h`, error h⁴·f⁽⁵⁾/30.
///
/// Fourth order: with h = 1e-3 the truncation error (~1e-13) and the round-off
/// (~1.5·ε·|f|/h ≈ 1e-13·|f|) are both far below what a relative-error threshold of 1e-7
/// needs, which the plain central difference cannot give for gradients of size 1e-3.
pub fn five_point_gradient(f: &dyn Fn(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<f64> {
    let mut probe = x.to_vec();
    (0..x.len())
        .map(|i| {
            let xi = probe[i];
            let mut at = |offset: f64| {
                probe[i] = xi + offset;
                let value = f(&probe);
                probe[i] = xi;
                value
            };
            (-at(2.0 * h) + 8.0 * at(h) - 8.0 * at(-h) + at(-2.0 * h)) / (12.0 * h)
        })
        .collect()
}

/// `|got − want| ≤ tol · |want|`: a purely relative comparison, for quantities far below 1
/// (where `expect_close`'s `max(1, |want|)` would make any tiny number pass).
pub fn expect_relative(
    got: f64,
    want: f64,
    tol: f64,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    if got == want || (want.is_finite() && (got - want).abs() <= tol * want.abs()) {
        return Ok(());
    }
    let mut feedback = context()
        .expected(fmt_f64(want))
        .got(fmt_f64(got))
        .tolerance(format!("|got − expected| ≤ {} · |expected|", fmt_f64(tol)));
    if !got.is_finite() {
        feedback = feedback.note(non_finite_note(got));
    }
    Err(feedback)
}

/// `gradlings_support::close`, except that an infinite `want` only matches itself (there,
/// `tol · |want|` is infinite and would let any finite value through).
pub fn close_to(got: f64, want: f64, tol: f64) -> bool {
    got == want || (want.is_finite() && gradlings_support::close(got, want, tol))
}

/// Whether `got` equals `want` componentwise within `tol · max(1, |want|)`.
pub fn all_close(got: &[f64], want: &[f64], tol: f64) -> bool {
    got.len() == want.len() && got.iter().zip(want).all(|(&g, &w)| close_to(g, w, tol))
}

/// Fails unless every component of `got` is within `tol · max(1, |want|)` of `want`; names
/// the worst component. For results that are exact up to rounding, where the CS231n relative
/// error would be misleading for components that are 0 up to rounding.
pub fn expect_components(
    got: &[f64],
    want: &[f64],
    tol: f64,
    name: impl Fn(usize) -> String,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    if got.len() != want.len() {
        return Err(context()
            .expected(format!("{} components", want.len()))
            .got(format!("{} components", got.len())));
    }
    let scaled_error = |i: usize| {
        let (g, w) = (got[i], want[i]);
        if close_to(g, w, tol) {
            0.0
        } else if g.is_nan() {
            f64::INFINITY
        } else {
            (g - w).abs() / w.abs().max(1.0)
        }
    };
    let worst = (0..got.len()).max_by(|&a, &b| scaled_error(a).total_cmp(&scaled_error(b)));
    match worst {
        Some(i) if scaled_error(i) > 0.0 => Err(context()
            .expected(gradlings_support::fmt_slice(want))
            .got(gradlings_support::fmt_slice(got))
            .tolerance(format!(
                "|got − expected| ≤ {} · max(1, |expected|) per component",
                fmt_f64(tol)
            ))
            .note(format!(
                "worst component {}: got {} vs expected {}",
                name(i),
                fmt_f64(got[i]),
                fmt_f64(want[i])
            ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_point_is_fourth_order() {
        let f = |x: &[f64]| x[0].exp() * x[1].sin();
        let g = five_point_gradient(&f, &[0.3, 1.1], 1e-3);
        let want = [0.3_f64.exp() * 1.1_f64.sin(), 0.3_f64.exp() * 1.1_f64.cos()];
        assert!(
            (g[0] - want[0]).abs() < 1e-12 && (g[1] - want[1]).abs() < 1e-12,
            "{g:?}"
        );
    }

    #[test]
    fn an_infinite_reference_matches_only_itself() {
        assert!(!close_to(0.5, f64::INFINITY, 1e-9));
        assert!(close_to(f64::INFINITY, f64::INFINITY, 1e-9));
        assert!(!all_close(&[1.0], &[f64::NEG_INFINITY], 1e-9));
    }

    #[test]
    fn relative_comparison_of_tiny_numbers() {
        assert!(expect_relative(1e-7 * (1.0 + 1e-13), 1e-7, 1e-12, || Feedback::new("")).is_ok());
        assert!(expect_relative(2e-7, 1e-7, 1e-12, || Feedback::new("")).is_err());
    }
}
