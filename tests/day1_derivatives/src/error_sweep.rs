//! Checks for 1.4 — truncation error versus round-off error.
//!
//! First the rows themselves: one per h, in the order of `hs`, each
//! `(h, |forward − f'(x)|, |central − f'(x)|)`, compared with the same quantities computed
//! here from the 1.1 formulas, on exp at 1, sin at 0.7 (h = 10⁻¹ … 10⁻¹⁵) and seeded random
//! cases (random function, point and steps). Then two properties of the student's own
//! numbers that the exercise is about: where each error is smallest, and how fast it shrinks.
//!
//! Tolerance of a row: `1e-9 · max(1, |want|) + 8ε · max|f(x), f(x ± h)| / h`. The first term
//! is exactness of a formula; the second is the round-off of the quotient itself: two correct
//! algebraic forms (dividing by 2h or multiplying by 0.5/h, averaging forward and backward)
//! round their numerators differently by up to a few ε·|f|, which the division by h
//! magnifies. For h ≥ 1e-6 that term is below 1e-9; at h = 1e-15 the errors are pure
//! round-off and any value of the right size is right.

use crate::difference_quotients::{Kind, mistakes as quotient_mistakes};
use crate::functions::{BASIC, EXP, SIN, TestFn};
use crate::patterns::rough;
use gradlings_support::tolerance::non_finite_note;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, fmt_slice};

/// What the student implements: `(f, df, x, hs) -> rows (h, forward error, central error)`.
pub trait Sweep:
    Fn(&dyn Fn(f64) -> f64, &dyn Fn(f64) -> f64, f64, &[f64]) -> Vec<(f64, f64, f64)>
{
}
impl<T: Fn(&dyn Fn(f64) -> f64, &dyn Fn(f64) -> f64, f64, &[f64]) -> Vec<(f64, f64, f64)>> Sweep
    for T
{
}

/// h = 10⁻ᵏ for k = 1 … 15, as written in the exercise.
pub const DECADES: [f64; 15] = [
    1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15,
];
/// Exactness of a formula (see the module docs for the round-off term added to it).
const FORMULA_TOL: f64 = 1e-9;
const RANDOM_CASES: usize = 12;

/// One call of error_sweep: a function with its exact derivative, a point, the steps.
struct Case {
    func: TestFn,
    x: f64,
    hs: Vec<f64>,
}

impl Case {
    fn call(&self) -> String {
        format!(
            "error_sweep(f = {}, df = its derivative, x = {}, hs = {})",
            self.func.name,
            fmt_f64(self.x),
            fmt_slice(&self.hs)
        )
    }

    fn run(&self, error_sweep: &impl Sweep) -> Vec<(f64, f64, f64)> {
        error_sweep(&self.func.f, &self.func.d1, self.x, &self.hs)
    }
}

/// The rows are (h, |forward − f'(x)|, |central − f'(x)|), one per h in the order of hs.
///
/// Tolerance: see the module docs.
pub fn errors_match_the_quotients(error_sweep: impl Sweep) -> CheckResult {
    let mut inputs = Inputs::new("day1::errors_match_the_quotients");
    let mut cases = vec![
        Case {
            func: EXP,
            x: 1.0,
            hs: DECADES.to_vec(),
        },
        Case {
            func: SIN,
            x: 0.7,
            hs: DECADES.to_vec(),
        },
    ];
    for _ in 0..RANDOM_CASES {
        let func = BASIC[inputs.index(0, BASIC.len())];
        let x = inputs.uniform(func.lo, func.hi);
        let n = inputs.index(1, 8);
        let hs = (0..n)
            .map(|_| 10f64.powf(inputs.uniform(-12.0, -0.5)))
            .collect();
        cases.push(Case { func, x, hs });
    }
    for case in &cases {
        let rows = case.run(&error_sweep);
        expect_rows(&rows, case)?;
        for (i, (&h, &row)) in case.hs.iter().zip(&rows).enumerate() {
            check_row(i, h, row, case).map_err(|feedback| feedback.seed(inputs.seed()))?;
        }
    }
    Ok(())
}

/// One row per h.
fn expect_rows(rows: &[(f64, f64, f64)], case: &Case) -> CheckResult {
    if rows.len() == case.hs.len() {
        return Ok(());
    }
    let mistake = (rows.len() == DECADES.len()).then(|| {
        Mistake::new(
            "ignores_hs",
            "you return 15 rows whatever hs holds: make one row for each h in hs, in order",
        )
    });
    Err(
        Feedback::new("error_sweep must return one row for each step size in hs")
            .call(case.call())
            .expected(format!("{} rows", case.hs.len()))
            .got(format!("{} rows", rows.len()))
            .mistake(mistake),
    )
}

/// The row for `h` (row `i`).
fn check_row(i: usize, h: f64, row: (f64, f64, f64), case: &Case) -> CheckResult {
    let (f, x) = (case.func.f, case.x);
    let (got_h, got_forward, got_central) = row;
    if got_h != h {
        let reversed = case.hs.len() > 1 && got_h == case.hs[case.hs.len() - 1 - i];
        return Err(Feedback::new(format!(
            "row {i} must start with the step it was computed with, hs[{i}] = {}",
            fmt_f64(h)
        ))
        .call(case.call())
        .expected(fmt_f64(h))
        .got(fmt_f64(got_h))
        .mistake(Some(Mistake::new(
            "wrong_h_column",
            if reversed {
                "your rows come in reverse order: keep the order of hs"
            } else {
                "the first entry of each row is the step h from hs, unchanged: loop over the hs \
                 you are given"
            },
        ))));
    }
    let exact = (case.func.d1)(x);
    let forward = Kind::Forward.eval(f, x, h) - exact;
    let central = Kind::Central.eval(f, x, h) - exact;
    let scale = f(x).abs().max(f(x + h).abs()).max(f(x - h).abs());
    let round_off = 8.0 * f64::EPSILON * scale / h;
    let tol = |want: f64| FORMULA_TOL * want.abs().max(1.0) + round_off;
    let matches = |got: f64, value: f64| value.is_finite() && (got - value).abs() <= tol(value);
    let mistake = || {
        if matches(got_forward, central.abs()) && matches(got_central, forward.abs()) {
            return Some(Mistake::new(
                "swapped_columns",
                "your columns are swapped: each row is (h, forward error, central error)",
            ));
        }
        if matches(got_forward, forward) && matches(got_central, central) {
            return Some(Mistake::new(
                "signed_error",
                "an error here is a distance, |quotient − f'(x)|: take the absolute value \
                 (`.abs()`)",
            ));
        }
        // Relative errors in one column or both (the other one right).
        let either = |got: f64, error: f64| {
            (
                matches(got, error.abs() / exact.abs()),
                matches(got, error.abs()),
            )
        };
        let (forward_relative, forward_right) = either(got_forward, forward);
        let (central_relative, central_right) = either(got_central, central);
        let any_relative = forward_relative || central_relative;
        let both_explained =
            (forward_relative || forward_right) && (central_relative || central_right);
        if any_relative && both_explained {
            return Some(Mistake::new(
                "relative_error",
                "you divided by |f'(x)|: the exercise asks for the absolute error \
                 |quotient − f'(x)|",
            ));
        }
        let height = f(x);
        if matches(got_forward, (forward + exact - height).abs())
            && matches(got_central, (central + exact - height).abs())
        {
            return Some(Mistake::new(
                "compared_with_f",
                "you compare the quotients with f(x), the height of the graph; the error of a \
                 derivative estimate is its distance from the exact derivative, df(x)",
            ));
        }
        let wrong_quotient = |kind: Kind, got: f64| {
            quotient_mistakes(kind, f, x, h)
                .into_iter()
                .find(|(_, q)| matches(got, (q - exact).abs()))
                .map(|(m, _)| m)
        };
        let (column, slip) = match wrong_quotient(Kind::Forward, got_forward) {
            Some(slip) => ("forward_diff", slip),
            None => ("central_diff", wrong_quotient(Kind::Central, got_central)?),
        };
        Some(Mistake::new(
            "wrong_quotient_from_1_1",
            format!(
                "error_sweep builds on 1.1: your errors are those of a wrong {column} — \
                 {}. Fix it in 1.1 (`cargo checker run 1.1`) and this follows",
                slip.explanation
            ),
        ))
    };
    let context = |column: &str| {
        Feedback::new(format!(
            "error_sweep: the {column} error of row {i} (h = {}) is not |{column} quotient − \
             f'(x)|",
            fmt_f64(h)
        ))
        .call(case.call())
        .mistake(mistake())
    };
    for (column, got, want) in [
        ("forward", got_forward, forward.abs()),
        ("central", got_central, central.abs()),
    ] {
        if (got - want).abs() <= tol(want) {
            continue;
        }
        let mut feedback = context(column)
            .expected(fmt_f64(want))
            .got(fmt_f64(got))
            .tolerance(format!(
                "|got − expected| ≤ 1e-9 · max(1, |expected|) + 8ε · max|f(x), f(x ± h)| / h \
                 = {}",
                rough(tol(want))
            ));
        if !got.is_finite() {
            feedback = feedback.note(non_finite_note(got));
        }
        return Err(feedback);
    }
    Ok(())
}

/// The sweeps the property checks look at: h = 10⁻¹ … 10⁻¹⁵ on exp at 1 and sin at 0.7.
fn decade_cases() -> [Case; 2] {
    [
        Case {
            func: EXP,
            x: 1.0,
            hs: DECADES.to_vec(),
        },
        Case {
            func: SIN,
            x: 0.7,
            hs: DECADES.to_vec(),
        },
    ]
}

/// Rows fit for a log-log plot: one per h, errors finite and never negative.
fn expect_plottable(rows: &[(f64, f64, f64)], case: &Case) -> CheckResult {
    expect_rows(rows, case)?;
    for (i, &(h, forward, central)) in rows.iter().enumerate() {
        for (column, value) in [("forward", forward), ("central", central)] {
            if value.is_finite() && value >= 0.0 {
                continue;
            }
            let mistake = (value < 0.0).then(|| {
                Mistake::new(
                    "signed_error",
                    "an error here is a distance, |quotient − f'(x)|: take the absolute value",
                )
            });
            return Err(Feedback::new(format!(
                "error_sweep: the {column} error of row {i} (h = {}) must be a finite distance ≥ 0",
                fmt_f64(h)
            ))
            .call(case.call())
            .got(fmt_f64(value))
            .mistake(mistake));
        }
    }
    Ok(())
}

/// Where the errors are smallest: forward at h = 10⁻⁷ … 10⁻⁹, central at 10⁻⁵ … 10⁻⁷.
///
/// Truncation (f''·h/2, f'''·h²/6) meets round-off (≈ ε·|f|/h) near √ε ≈ 1.5e-8 for forward
/// and ∛ε ≈ 6e-6 for central; on exp at 1 and sin at 0.7 the smallest errors sit at
/// 10⁻⁸ (forward) and 10⁻⁵ or 10⁻⁷ (central) with at least a factor 3 to spare against the
/// decades just outside the accepted ones, so other correct algebraic forms land inside too.
pub fn best_steps(error_sweep: impl Sweep) -> CheckResult {
    for case in decade_cases() {
        let rows = case.run(&error_sweep);
        expect_plottable(&rows, &case)?;
        let best = |column: fn(&(f64, f64, f64)) -> f64| {
            (0..rows.len())
                .min_by(|&a, &b| column(&rows[a]).total_cmp(&column(&rows[b])))
                .map_or(0, |i| i + 1)
        };
        let (forward_k, central_k) = (best(|r| r.1), best(|r| r.2));
        let forward_ok = (7..=9).contains(&forward_k);
        let central_ok = (5..=7).contains(&central_k);
        if forward_ok && central_ok {
            continue;
        }
        let swapped = (5..=7).contains(&forward_k) && (7..=9).contains(&central_k);
        let (column, k, range) = if forward_ok {
            ("central", central_k, "10⁻⁵ … 10⁻⁷")
        } else {
            ("forward", forward_k, "10⁻⁷ … 10⁻⁹")
        };
        return Err(Feedback::new(format!(
            "error_sweep: the smallest {column} error should be at h = {range}, where truncation \
             and round-off balance"
        ))
        .call(case.call())
        .expected(format!("h = {range}"))
        .got(format!("h = 1e-{k}"))
        .note(column_note(&rows, column))
        .mistake(swapped.then(|| {
            Mistake::new(
                "swapped_columns",
                "your columns are swapped: each row is (h, forward error, central error)",
            )
        })));
    }
    Ok(())
}

/// The student's errors of one column, decade by decade, for the feedback.
fn column_note(rows: &[(f64, f64, f64)], column: &str) -> String {
    let values: Vec<String> = rows
        .iter()
        .map(|r| rough(if column == "forward" { r.1 } else { r.2 }))
        .collect();
    format!(
        "your {column} errors for h = 1e-1 … 1e-{}: {}",
        rows.len(),
        values.join(", ")
    )
}

/// Least-squares slope of log10(error) against log10(h).
fn log_log_slope(points: &[(f64, f64)]) -> f64 {
    let logs: Vec<(f64, f64)> = points
        .iter()
        .map(|&(h, e)| (h.log10(), e.log10()))
        .collect();
    let n = logs.len() as f64;
    let (mean_x, mean_y) = (
        logs.iter().map(|p| p.0).sum::<f64>() / n,
        logs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let covariance: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let variance: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    covariance / variance
}

/// Over h = 10⁻¹ … 10⁻⁴ the errors are pure truncation: on a log-log plot the forward error
/// has slope 1 ± 0.1 and the central error slope 2 ± 0.1.
///
/// Over these steps round-off is below 1e-11, and the next Taylor terms change the slopes by
/// under 2 % on the cases used (exp at 1, sin at 0.7, exp at three seeded points), so 0.1 is
/// a wide margin that still tells first from second order.
pub fn truncation_slopes(error_sweep: impl Sweep) -> CheckResult {
    let mut inputs = Inputs::new("day1::truncation_slopes");
    let mut cases = Vec::from(decade_cases());
    for _ in 0..3 {
        let x = inputs.uniform(-1.0, 2.0);
        cases.push(Case {
            func: EXP,
            x,
            hs: DECADES.to_vec(),
        });
    }
    for case in &cases {
        let rows = case.run(&error_sweep);
        expect_plottable(&rows, case)?;
        let slope = |column: fn(&(f64, f64, f64)) -> f64| {
            let points: Vec<(f64, f64)> = rows[..4].iter().map(|r| (r.0, column(r))).collect();
            log_log_slope(&points)
        };
        let (forward, central) = (slope(|r| r.1), slope(|r| r.2));
        let forward_ok = (forward - 1.0).abs() <= 0.1;
        let central_ok = (central - 2.0).abs() <= 0.1;
        if forward_ok && central_ok {
            continue;
        }
        let swapped = (forward - 2.0).abs() <= 0.1 && (central - 1.0).abs() <= 0.1;
        let (column, got, want) = if forward_ok {
            ("central", central, 2.0)
        } else {
            ("forward", forward, 1.0)
        };
        return Err(Feedback::new(format!(
            "error_sweep: over h = 1e-1 … 1e-4 the {column} error should shrink like h^{want} \
             (log-log slope {want})"
        ))
        .call(case.call())
        .expected(format!("slope {want} ± 0.1"))
        .got(format!(
            "slope {}",
            fmt_f64((got * 1000.0).round() / 1000.0)
        ))
        .note(column_note(&rows[..4], column))
        .mistake(swapped.then(|| {
            Mistake::new(
                "swapped_columns",
                "your columns are swapped: each row is (h, forward error, central error)",
            )
        }))
        .seed(inputs.seed()));
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
