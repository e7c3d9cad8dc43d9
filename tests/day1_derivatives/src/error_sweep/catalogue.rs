//! Plausible wrong answers to 1.4, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_fails_saying, assert_rejects};

type F<'a> = &'a dyn Fn(f64) -> f64;
type Rows = Vec<(f64, f64, f64)>;

fn forward(f: F, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x)) / h
}

fn central(f: F, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x - h)) / (2.0 * h)
}

/// A sweep built from a per-row function `(f, exact, x, h) -> row`.
fn rows_of(
    f: F,
    df: F,
    x: f64,
    hs: &[f64],
    row: impl Fn(F, f64, f64, f64) -> (f64, f64, f64),
) -> Rows {
    let exact = df(x);
    hs.iter().map(|&h| row(f, exact, x, h)).collect()
}

fn all_checks(error_sweep: impl Sweep + Copy) -> [CheckResult; 3] {
    [
        errors_match_the_quotients(error_sweep),
        best_steps(error_sweep),
        truncation_slopes(error_sweep),
    ]
}

// ---- wrong answers ----

#[test]
fn rejects_signed_errors() {
    let signed = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            (h, forward(f, x, h) - e, central(f, x, h) - e)
        })
    };
    for result in all_checks(signed) {
        assert_rejects(result, "signed_error");
    }
}

#[test]
fn rejects_swapped_columns() {
    let swapped = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            (
                h,
                (central(f, x, h) - e).abs(),
                (forward(f, x, h) - e).abs(),
            )
        })
    };
    for result in all_checks(swapped) {
        assert_rejects(result, "swapped_columns");
    }
}

#[test]
fn rejects_relative_errors() {
    let relative = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            (
                h,
                ((forward(f, x, h) - e) / e).abs(),
                ((central(f, x, h) - e) / e).abs(),
            )
        })
    };
    assert_rejects(errors_match_the_quotients(relative), "relative_error");
}

#[test]
fn rejects_a_relative_error_in_one_column() {
    let relative = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            (
                h,
                (forward(f, x, h) - e).abs(),
                ((central(f, x, h) - e) / e).abs(),
            )
        })
    };
    assert_rejects(errors_match_the_quotients(relative), "relative_error");
}

#[test]
fn rejects_comparing_with_f_instead_of_its_derivative() {
    let against_f = |f: F, df: F, x: f64, hs: &[f64]| {
        let _ = df;
        rows_of(f, &|t: f64| f(t), x, hs, |f, _, x, h| {
            (
                h,
                (forward(f, x, h) - f(x)).abs(),
                (central(f, x, h) - f(x)).abs(),
            )
        })
    };
    assert_rejects(errors_match_the_quotients(against_f), "compared_with_f");
}

#[test]
fn rejects_a_sweep_that_ignores_hs() {
    let own_steps = |f: F, df: F, x: f64, _hs: &[f64]| {
        let exact = df(x);
        (1..=15)
            .map(|k| {
                let h = 10f64.powi(-k);
                (
                    h,
                    (forward(f, x, h) - exact).abs(),
                    (central(f, x, h) - exact).abs(),
                )
            })
            .collect::<Rows>()
    };
    assert_rejects(errors_match_the_quotients(own_steps), "ignores_hs");
}

#[test]
fn rejects_rows_in_reverse_order() {
    let reversed = |f: F, df: F, x: f64, hs: &[f64]| {
        let mut rows = rows_of(f, df, x, hs, |f, e, x, h| {
            (
                h,
                (forward(f, x, h) - e).abs(),
                (central(f, x, h) - e).abs(),
            )
        });
        rows.reverse();
        rows
    };
    assert_rejects(errors_match_the_quotients(reversed), "wrong_h_column");
}

#[test]
fn rejects_a_wrong_forward_quotient_from_1_1() {
    // A student whose forward_diff is really the backward quotient.
    let backward_inside = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            (
                h,
                ((f(x) - f(x - h)) / h - e).abs(),
                (central(f, x, h) - e).abs(),
            )
        })
    };
    assert_rejects(
        errors_match_the_quotients(backward_inside),
        "wrong_quotient_from_1_1",
    );
}

#[test]
fn rejects_a_central_quotient_divided_by_h_from_1_1() {
    let wide = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            (
                h,
                (forward(f, x, h) - e).abs(),
                ((f(x + h) - f(x - h)) / h - e).abs(),
            )
        })
    };
    assert_rejects(errors_match_the_quotients(wide), "wrong_quotient_from_1_1");
    assert_fails_saying(truncation_slopes(wide), "slope");
}

#[test]
fn rejects_the_quotients_instead_of_their_errors() {
    let quotients = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, _, x, h| {
            (h, forward(f, x, h), central(f, x, h))
        })
    };
    assert_fails_saying(
        errors_match_the_quotients(quotients),
        "is not |forward quotient − f'(x)|",
    );
    assert_fails_saying(best_steps(quotients), "smallest");
}

// ---- correct alternatives ----

#[test]
fn accepts_the_solution_shape() {
    let sweep = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            (
                h,
                (forward(f, x, h) - e).abs(),
                (central(f, x, h) - e).abs(),
            )
        })
    };
    for result in all_checks(sweep) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_inline_formulas_with_a_reciprocal() {
    // A loop with push, df evaluated per row, and the quotients written inline with `* (0.5 / h)`.
    let inline = |f: F, df: F, x: f64, hs: &[f64]| {
        let mut rows = Vec::new();
        for &h in hs {
            let forward_error = ((f(x + h) - f(x)) * (1.0 / h) - df(x)).abs();
            let central_error = ((f(x + h) - f(x - h)) * (0.5 / h) - df(x)).abs();
            rows.push((h, forward_error, central_error));
        }
        rows
    };
    for result in all_checks(inline) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_the_central_quotient_as_the_mean_of_forward_and_backward() {
    let mean = |f: F, df: F, x: f64, hs: &[f64]| {
        rows_of(f, df, x, hs, |f, e, x, h| {
            let (fwd, bwd) = (forward(f, x, h), (f(x) - f(x - h)) / h);
            (h, (fwd - e).abs(), (0.5 * (fwd + bwd) - e).abs())
        })
    };
    for result in all_checks(mean) {
        assert_accepts(result);
    }
}
