//! Checks for 3.6 — gradient descent from several starts, keeping the best end point.
//!
//! `descend` is compared with the test's own loop x ← x − lr·f'(x), exactly `iters` times.
//! Every correct way to write that step (`x -= lr * df(x)`, `x = x - df(x) * lr`, …) rounds
//! the same way or within an ulp per step, and the functions here are contractions near
//! their minima, so the results agree to 1e-12 relative. The landscapes of the spec (Rastrigin
//! and the double well) are then checked against values that GD itself converges to.

use crate::common::{first_mismatch, name_mistake_vec};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_f64, fmt_slice};
use std::f64::consts::PI;

/// Rounding-level agreement of two loops doing the same steps.
const LOOP_TOL: f64 = 1e-12;

/// What the student implements: `descend(df, x0, lr, iters) -> x`.
pub trait DescendFn: Fn(&dyn Fn(f64) -> f64, f64, f64, usize) -> f64 {}
impl<T: Fn(&dyn Fn(f64) -> f64, f64, f64, usize) -> f64> DescendFn for T {}

/// What the student implements: `best_of_restarts(f, df, starts, lr, iters) -> (x, f(x))`.
pub trait RestartsFn:
    Fn(&dyn Fn(f64) -> f64, &dyn Fn(f64) -> f64, &[f64], f64, usize) -> (f64, f64)
{
}
impl<T: Fn(&dyn Fn(f64) -> f64, &dyn Fn(f64) -> f64, &[f64], f64, usize) -> (f64, f64)> RestartsFn
    for T
{
}

/// The test's own gradient descent.
fn reference_descend(df: &dyn Fn(f64) -> f64, x0: f64, lr: f64, iters: usize) -> f64 {
    let mut x = x0;
    for _ in 0..iters {
        x -= lr * df(x);
    }
    x
}

fn descend_mistakes(
    df: &dyn Fn(f64) -> f64,
    x0: f64,
    lr: f64,
    iters: usize,
) -> Vec<(Mistake, Vec<f64>)> {
    let uphill = {
        let mut x = x0;
        for _ in 0..iters {
            x += lr * df(x);
        }
        x
    };
    vec![
        (
            Mistake::new(
                "one_step_short",
                "your loop takes iters − 1 steps; it must take exactly iters steps",
            ),
            vec![reference_descend(df, x0, lr, iters.saturating_sub(1))],
        ),
        (
            Mistake::new(
                "one_step_too_many",
                "your loop takes iters + 1 steps; it must take exactly iters steps",
            ),
            vec![reference_descend(df, x0, lr, iters + 1)],
        ),
        (
            Mistake::new(
                "uphill_step",
                "your x moves along the derivative, uphill: x ← x − lr·f'(x)",
            ),
            vec![uphill],
        ),
        (
            Mistake::new(
                "lr_ignored",
                "your step is the whole derivative: x ← x − lr·f'(x)",
            ),
            vec![reference_descend(df, x0, 1.0, iters)],
        ),
        (
            Mistake::new(
                "returns_start",
                "you return the start; return x after the iters steps",
            ),
            vec![x0],
        ),
    ]
}

/// Going uphill on a quartic often overflows; then the values cannot be compared, but both
/// blowing up is the same diagnosis.
fn uphill_blew_up(
    got: f64,
    df: &dyn Fn(f64) -> f64,
    x0: f64,
    lr: f64,
    iters: usize,
) -> Option<Mistake> {
    let mut x = x0;
    for _ in 0..iters {
        x += lr * df(x);
    }
    (!got.is_finite() && !x.is_finite()).then(|| {
        Mistake::new(
            "uphill_step",
            "your x moves along the derivative, uphill: x ← x − lr·f'(x)",
        )
    })
}

/// A family of smooth 1-D functions with derivatives, for random cases.
struct Landscape {
    name: String,
    f: Box<dyn Fn(f64) -> f64>,
    df: Box<dyn Fn(f64) -> f64>,
}

/// x⁴ − a·x² + b·x: one or two wells, depending on a and b.
fn quartic_well(a: f64, b: f64) -> Landscape {
    Landscape {
        name: format!("x⁴ − {}x² + {}x", fmt_f64(a), fmt_f64(b)),
        f: Box::new(move |x| x.powi(4) - a * x * x + b * x),
        df: Box::new(move |x| 4.0 * x.powi(3) - 2.0 * a * x + b),
    }
}

/// descend(df, x0, lr, iters) takes exactly `iters` steps x ← x − lr·f'(x) and returns x.
///
/// 40 seeded cases on x⁴ − ax² + bx (a in [2, 5], b in [−1.5, 1.5]), x₀ in [−2.5, 2.5], lr in
/// [0.002, 0.02], iters in 2..60 (and once 0, which must return x₀). Tolerance 1e-12
/// relative: rounding only.
pub fn descend_takes_exact_steps(descend: impl DescendFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::descend_takes_exact_steps");
    for case in 0..40 {
        let land = quartic_well(inputs.uniform(2.0, 5.0), inputs.uniform(-1.5, 1.5));
        let x0 = inputs.uniform(-2.5, 2.5);
        let lr = inputs.uniform(0.002, 0.02);
        let iters = if case == 0 { 0 } else { inputs.index(2, 60) };
        let got = descend(&*land.df, x0, lr, iters);
        let want = reference_descend(&*land.df, x0, lr, iters);
        expect_close(got, want, LOOP_TOL, || {
            Feedback::new("descend does not take exactly iters steps of x ← x − lr·f'(x)")
                .call(format!(
                    "descend(f' of {}, x0 = {}, lr = {}, iters = {iters})",
                    land.name,
                    fmt_f64(x0),
                    fmt_f64(lr)
                ))
                .mistake(name_mistake_vec(
                    &[got],
                    descend_mistakes(&*land.df, x0, lr, iters),
                    1e-12,
                ))
                .mistake(uphill_blew_up(got, &*land.df, x0, lr, iters))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// The correct answer and the plausible wrong ones, each a pair (x, f) flattened.
fn restart_answers(
    land: &Landscape,
    starts: &[f64],
    lr: f64,
    iters: usize,
) -> (Vec<f64>, Vec<(Mistake, Vec<f64>)>) {
    let ends: Vec<(f64, f64)> = starts
        .iter()
        .map(|&s| {
            let x = reference_descend(&*land.df, s, lr, iters);
            (x, (land.f)(x))
        })
        .collect();
    let pick = |better: fn(f64, f64) -> bool, items: &[(f64, f64)]| {
        items.iter().copied().fold(
            items[0],
            |best, e| if better(e.1, best.1) { e } else { best },
        )
    };
    let best = pick(|a, b| a < b, &ends);
    let worst = pick(|a, b| a > b, &ends);
    let starts_with_f: Vec<(f64, f64)> = starts.iter().map(|&s| (s, (land.f)(s))).collect();
    let best_start = pick(|a, b| a < b, &starts_with_f);
    let best_index = ends.iter().position(|e| *e == best).unwrap_or(0);
    let pair = |p: (f64, f64)| vec![p.0, p.1];
    let mistakes = vec![
        (
            Mistake::new(
                "returns_last",
                "you return the last start's result; compare f at every end point and keep the \
                 lowest",
            ),
            pair(ends[ends.len() - 1]),
        ),
        (
            Mistake::new(
                "returns_first",
                "you return the first start's result; keep the end point with the lowest f",
            ),
            pair(ends[0]),
        ),
        (
            Mistake::new(
                "picks_highest",
                "you keep the end point with the highest f; we are minimizing, keep the lowest",
            ),
            pair(worst),
        ),
        (
            Mistake::new(
                "best_start_not_descended",
                "you return the best *starting* point; run gradient descent from every start and \
                 compare the end points",
            ),
            pair(best_start),
        ),
        (
            Mistake::new(
                "f_of_start",
                "you return f at the start, not at the end point: the pair is (x, f(x)) of the \
                 same x",
            ),
            vec![best.0, (land.f)(starts[best_index])],
        ),
    ];
    (pair(best), mistakes)
}

/// Runs one restarts case. On failure: the feedback (without a mistake) and every catalogued
/// mistake whose answer equals the student's.
fn evaluate_restarts(
    best_of_restarts: &impl RestartsFn,
    land: &Landscape,
    starts: &[f64],
    lr: f64,
    iters: usize,
    want: Option<(f64, f64, f64)>,
) -> Option<(Feedback, Vec<Mistake>)> {
    let (reference, mistakes) = restart_answers(land, starts, lr, iters);
    // `want` states the answer independently (x, f, tolerance) where the spec gives one.
    let (want_x, want_f, tol) = want.unwrap_or((reference[0], reference[1], 1e-9));
    let (x, fx) = best_of_restarts(&*land.f, &*land.df, starts, lr, iters);
    let within = |got: f64, want: f64| (got - want).abs() <= tol * want.abs().max(1.0);
    if within(x, want_x) && within(fx, want_f) {
        return None;
    }
    let feedback = Feedback::new("best_of_restarts does not return the lowest end point")
        .call(format!(
            "best_of_restarts({}, starts = {}, lr = {}, iters = {iters})",
            land.name,
            fmt_slice(starts),
            fmt_f64(lr)
        ))
        .expected(format!(
            "(x, f) = ({}, {})",
            fmt_f64(want_x),
            fmt_f64(want_f)
        ))
        .got(format!("({}, {})", fmt_f64(x), fmt_f64(fx)))
        .tolerance(format!(
            "each: |got − expected| ≤ {} · max(1, |expected|)",
            fmt_f64(tol)
        ));
    let matching = mistakes
        .into_iter()
        .filter(|(_, value)| first_mismatch(&[x, fx], value, 1e-9).is_none())
        .map(|(mistake, _)| mistake)
        .collect();
    Some((feedback, matching))
}

/// best_of_restarts returns (x, f(x)) of the lowest of the gradient-descent end points.
///
/// 30 seeded cases on x⁴ − ax² + bx with 3–6 starts in [−2.5, 2.5], lr 0.01, 500 iterations,
/// then 6 short runs of 3 to 20 iterations, which end far from any minimum (so a loop that
/// ignores `iters` or `lr` shows); the reference runs the test's own descent from each
/// start. Tolerance 1e-9 relative. The feedback shows the first failing case and names the
/// mistake that explains every failing case (several mistakes can give the same answer on
/// one case).
pub fn restarts_pick_the_lowest_end(best_of_restarts: impl RestartsFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::restarts_pick_the_lowest_end");
    let mut first_failure: Option<Feedback> = None;
    let mut explaining: Option<Vec<Mistake>> = None;
    for case in 0..36 {
        let land = quartic_well(inputs.uniform(2.0, 5.0), inputs.uniform(-1.5, 1.5));
        let count = inputs.index(3, 7);
        let starts = inputs.uniform_vec(count, -2.5, 2.5);
        let iters = if case < 30 { 500 } else { inputs.index(3, 21) };
        if let Some((feedback, matching)) =
            evaluate_restarts(&best_of_restarts, &land, &starts, 0.01, iters, None)
        {
            first_failure.get_or_insert(feedback);
            explaining = Some(match explaining {
                None => matching,
                Some(so_far) => so_far
                    .into_iter()
                    .filter(|m| matching.iter().any(|n| n.id == m.id))
                    .collect(),
            });
        }
    }
    match first_failure {
        None => Ok(()),
        Some(feedback) => Err(feedback
            .mistake(explaining.and_then(|list| list.into_iter().next()))
            .seed(inputs.seed())),
    }
}

fn check_restarts(
    best_of_restarts: &impl RestartsFn,
    land: &Landscape,
    starts: &[f64],
    lr: f64,
    iters: usize,
    want: (f64, f64, f64),
) -> CheckResult {
    match evaluate_restarts(best_of_restarts, land, starts, lr, iters, Some(want)) {
        None => Ok(()),
        Some((feedback, matching)) => Err(feedback.mistake(matching.into_iter().next())),
    }
}

/// Rastrigin 10 + x² − 10·cos(2πx) from [−4.3, 2.7, 0.3, 3.6], lr 0.002, 2000 iterations:
/// the best end point is the global minimum (0, 0).
///
/// Only the start 0.3 lies in the basin of 0 (|x| < ½); there GD contracts by
/// |1 − lr·f''(0)| = |1 − 0.002·(2 + 40π²)| ≈ 0.21 per step, so after 2000 steps x is 0 to
/// the last bit. The other starts stop near ±3.98 and 2.98, at f ≈ 15.9 and 9.0. Tolerance
/// 1e-9.
pub fn rastrigin_global_minimum(best_of_restarts: impl RestartsFn) -> CheckResult {
    let land = Landscape {
        name: "Rastrigin 10 + x² − 10·cos(2πx)".to_string(),
        f: Box::new(|x| 10.0 + x * x - 10.0 * (2.0 * PI * x).cos()),
        df: Box::new(|x| 2.0 * x + 20.0 * PI * (2.0 * PI * x).sin()),
    };
    check_restarts(
        &best_of_restarts,
        &land,
        &[-4.3, 2.7, 0.3, 3.6],
        0.002,
        2000,
        (0.0, 0.0, 1e-9),
    )
}

/// The double well x⁴ − 3x² + x from [2, −2], lr 0.01, 1000 iterations: the best end point is
/// the global minimum x ≈ −1.300840, f ≈ −3.513905.
///
/// The expected values are the root of f'(x) = 4x³ − 6x + 1 near −1.3 (found by Newton's
/// method in the test) and f there; GD contracts by |1 − 0.01·f''| ≈ 0.86 per step, so 1000
/// steps reach it to the last bit. Tolerance 1e-9.
pub fn double_well_global_minimum(best_of_restarts: impl RestartsFn) -> CheckResult {
    let land = quartic_well(3.0, 1.0);
    let mut root: f64 = -1.3;
    for _ in 0..50 {
        root -= (4.0 * root.powi(3) - 6.0 * root + 1.0) / (12.0 * root * root - 6.0);
    }
    let want = (root, (land.f)(root), 1e-9);
    check_restarts(&best_of_restarts, &land, &[2.0, -2.0], 0.01, 1000, want)
}

#[cfg(test)]
mod catalogue;
