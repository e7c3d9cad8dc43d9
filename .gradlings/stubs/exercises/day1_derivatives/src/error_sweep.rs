//! # 1.4 Truncation versus round-off
//!
//! Shrinking h makes a difference quotient more accurate — until it doesn't. Measure it: for a
//! function whose derivative you know exactly, compute the absolute error of the forward and
//! the central quotient for a whole list of step sizes.
//!
//! ```text
//! forward error(h) = |forward_diff(f, x, h) − f'(x)|  ≈ |f''|·h/2   +  ε·|f|/h
//! central error(h) = |central_diff(f, x, h) − f'(x)|  ≈ |f'''|·h²/6 +  ε·|f|/h
//!                                                        truncation    round-off
//! ```
//!
//! On a log-log plot of error against h, the truncation part is a straight line of slope 1
//! (forward) or 2 (central): ten times smaller h, ten or a hundred times smaller error. The
//! round-off part is a line of slope −1 climbing back up as h → 0. The best step sits where
//! they cross: about 10⁻⁸ for forward and 10⁻⁵ for central on exp at x = 1 — the hidden
//! tests check that your own numbers show this.
//!
//! Reuse `forward_diff` and `central_diff` from 1.1.

use crate::difference_quotients::{central_diff, forward_diff};

/// For each `h` in `hs`, in order: `(h, forward error, central error)`, where each error is
/// the absolute difference between the quotient and the exact derivative `df(x)`.
pub fn error_sweep(
    f: impl Fn(f64) -> f64,
    df: impl Fn(f64) -> f64,
    x: f64,
    hs: &[f64],
) -> Vec<(f64, f64, f64)> {
    // TODO: compute the exact derivative df(x) once; then, for every h in hs (in order),
    // push (h, |forward − exact|, |central − exact|). `hs.iter().map(...).collect()`
    // or a `for &h in hs` loop with `Vec::push` both work.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;

    // For exp at 1 with h = 0.1: forward error ≈ e·(h/2 + h²/6) ≈ 0.1405,
    // central error ≈ e·h²/6 ≈ 0.00453.
    #[test]
    fn errors_of_exp_at_one_for_h_one_tenth() {
        let rows = error_sweep(f64::exp, f64::exp, 1.0, &[0.1]);
        assert_eq!(rows.len(), 1);
        let (h, forward_error, central_error) = rows[0];
        assert_eq!(h, 0.1);
        assert!(
            (forward_error - 0.1405).abs() < 1e-3,
            "forward {forward_error}"
        );
        assert!(
            (central_error - 0.00453).abs() < 1e-4,
            "central {central_error}"
        );
    }

    // Errors are distances: never negative, one row per step size.
    #[test]
    fn errors_are_never_negative() {
        let hs = [1e-1, 1e-2, 1e-3];
        let rows = error_sweep(f64::sin, f64::cos, 0.5, &hs);
        assert_eq!(rows.len(), hs.len());
        assert!(rows.iter().all(|&(_, fe, ce)| fe >= 0.0 && ce >= 0.0));
    }
}
