//! Plausible wrong answers to 3.1, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

/// A trajectory loop with a configurable update; `keep_start` and `extra` shape the output.
fn loop_trajectory(
    update: impl Fn(f64, f64, f64) -> f64,
    keep_start: bool,
    extra: isize,
) -> impl Fn(f64, f64, f64, usize) -> Vec<f64> {
    move |a, x0, lr, steps| {
        let total = (steps as isize + extra).max(0) as usize;
        let mut xs = vec![x0];
        let mut x = x0;
        for _ in 0..total {
            x = update(a, x, lr);
            xs.push(x);
        }
        if keep_start { xs } else { xs[1..].to_vec() }
    }
}

// ---- gd_quadratic_trajectory ----

#[test]
fn trajectory_rejects_a_missing_factor_2() {
    let wrong = loop_trajectory(|a, x, lr| x - lr * a * x, true, 0);
    assert_rejects(trajectory_matches_closed_form(wrong), "missing_factor_2");
}

#[test]
fn trajectory_rejects_an_uphill_step() {
    let wrong = loop_trajectory(|a, x, lr| x + lr * 2.0 * a * x, true, 0);
    assert_rejects(trajectory_matches_closed_form(wrong), "uphill_step");
}

#[test]
fn trajectory_rejects_ignoring_a() {
    let wrong = loop_trajectory(|_, x, lr| x - lr * 2.0 * x, true, 0);
    assert_rejects(trajectory_matches_closed_form(wrong), "ignores_a");
}

#[test]
fn trajectory_rejects_a_missing_start() {
    let wrong = loop_trajectory(|a, x, lr| x - lr * 2.0 * a * x, false, 0);
    assert_rejects(trajectory_matches_closed_form(wrong), "missing_start");
}

#[test]
fn trajectory_rejects_off_by_one_loops() {
    let short = loop_trajectory(|a, x, lr| x - lr * 2.0 * a * x, true, -1);
    assert_rejects(trajectory_matches_closed_form(short), "one_step_short");
    let long = loop_trajectory(|a, x, lr| x - lr * 2.0 * a * x, true, 1);
    assert_rejects(trajectory_matches_closed_form(long), "one_step_too_many");
}

#[test]
fn trajectory_accepts_the_closed_form_and_the_factor_form() {
    assert_accepts(trajectory_matches_closed_form(|a, x0, lr, steps| {
        (0..=steps)
            .map(|k| x0 * (1.0 - 2.0 * a * lr).powi(k as i32))
            .collect()
    }));
    assert_accepts(trajectory_matches_closed_form(loop_trajectory(
        |a, x, lr| (1.0 - 2.0 * a * lr) * x,
        true,
        0,
    )));
}

// ---- classify_lr ----

/// A classifier from the factor r with configurable boundary handling.
fn by_factor(
    factor: fn(f64, f64) -> f64,
    decide: fn(f64) -> Regime,
) -> impl Fn(f64, f64) -> Regime {
    move |a, lr| decide(factor(a, lr))
}

#[test]
fn classify_rejects_a_missing_factor_2() {
    assert_rejects(
        classify_lr_regimes(by_factor(|a, lr| 1.0 - a * lr, regime_of)),
        "missing_factor_2",
    );
}

#[test]
fn classify_rejects_calling_the_two_cycle_divergent() {
    let wrong = by_factor(
        |a, lr| 1.0 - 2.0 * a * lr,
        |r| {
            if r == 0.0 {
                Regime::OneStep
            } else if r > 0.0 {
                Regime::Monotone
            } else if r > -1.0 {
                Regime::Oscillating
            } else {
                Regime::Divergent
            }
        },
    );
    assert_rejects(classify_lr_regimes(wrong), "two_cycle_called_divergent");
}

#[test]
fn classify_rejects_missing_the_one_step_case() {
    let wrong = by_factor(
        |a, lr| 1.0 - 2.0 * a * lr,
        |r| {
            if r == -1.0 {
                Regime::TwoCycle
            } else if r >= 0.0 {
                Regime::Monotone
            } else if r > -1.0 {
                Regime::Oscillating
            } else {
                Regime::Divergent
            }
        },
    );
    assert_rejects(classify_lr_regimes(wrong), "one_step_called_monotone");
}

#[test]
fn classify_rejects_calling_every_sign_flip_divergent() {
    let wrong = by_factor(
        |a, lr| 1.0 - 2.0 * a * lr,
        |r| {
            if r == 0.0 {
                Regime::OneStep
            } else if r == -1.0 {
                Regime::TwoCycle
            } else if r > 0.0 {
                Regime::Monotone
            } else {
                Regime::Divergent
            }
        },
    );
    assert_rejects(classify_lr_regimes(wrong), "oscillation_called_divergent");
}

#[test]
fn classify_rejects_a_tolerance_at_the_boundaries() {
    let wrong = |a: f64, lr: f64| {
        let r = 1.0 - 2.0 * a * lr;
        if r.abs() < 1e-9 {
            Regime::OneStep
        } else if (r + 1.0).abs() < 1e-6 {
            Regime::TwoCycle
        } else if r > 0.0 {
            Regime::Monotone
        } else if r > -1.0 {
            Regime::Oscillating
        } else {
            Regime::Divergent
        }
    };
    assert_rejects(classify_lr_regimes(wrong), "boundary_with_tolerance");
}

#[test]
fn classify_accepts_comparing_lr_with_the_thresholds() {
    // lr against 1/(2a) and 1/a instead of computing r.
    assert_accepts(classify_lr_regimes(|a, lr| {
        let (one_step, two_cycle) = (1.0 / (2.0 * a), 1.0 / a);
        if lr == one_step {
            Regime::OneStep
        } else if lr == two_cycle {
            Regime::TwoCycle
        } else if lr < one_step {
            Regime::Monotone
        } else if lr < two_cycle {
            Regime::Oscillating
        } else {
            Regime::Divergent
        }
    }));
}
