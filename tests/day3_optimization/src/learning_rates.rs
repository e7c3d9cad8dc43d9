//! Checks for 3.1 — gradient descent on f(x) = a·x² and its learning-rate regimes.
//!
//! The trajectory has a closed form, x_k = x₀·(1 − 2a·lr)^k, which is the test's reference.
//! A correct loop computes it by k multiplications (or subtractions) instead of a power, so
//! the two differ by rounding only: each step adds a relative error of a few ε·(1 + |1 − r|/|r|),
//! at most ~60ε for the factors |r| ≥ 0.05 drawn here, so ≤ 25 steps stay below 1e-12
//! relative. The classification is exact by design: the fixed cases put the boundaries
//! (r = 0, r = −1) where the floating-point arithmetic is exact, and the random cases keep
//! r at least 0.01 away from every boundary.

use crate::common::{first_mismatch, name_mistake_vec, name_pattern_mistake};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, fmt_slice};

/// Rounding-level agreement with the closed form (see the module comment).
const TRAJECTORY_TOL: f64 = 1e-12;

/// The regimes, as the checks see them (the graded tests convert the student's enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    Monotone,
    OneStep,
    Oscillating,
    TwoCycle,
    Divergent,
}

/// The learning rate that gives the factor r = 1 − 2a·lr.
fn lr_for_factor(a: f64, r: f64) -> f64 {
    (1.0 - r) / (2.0 * a)
}

/// Iterates x ← x·factor; `[x₀, …, x_steps]` (the wrong answers are other factors).
fn geometric(x0: f64, factor: f64, steps: usize) -> Vec<f64> {
    (0..=steps).map(|k| x0 * factor.powi(k as i32)).collect()
}

fn trajectory_mistakes(a: f64, x0: f64, lr: f64, steps: usize) -> Vec<(Mistake, Vec<f64>)> {
    let r = 1.0 - 2.0 * a * lr;
    let right = geometric(x0, r, steps + 1);
    vec![
        (
            Mistake::new(
                "missing_factor_2",
                "your steps use f'(x) = a·x; the derivative of a·x² is 2a·x",
            ),
            geometric(x0, 1.0 - a * lr, steps),
        ),
        (
            Mistake::new(
                "uphill_step",
                "your x moves along the gradient, uphill: the update is x ← x − lr·f'(x)",
            ),
            geometric(x0, 1.0 + 2.0 * a * lr, steps),
        ),
        (
            Mistake::new(
                "ignores_a",
                "your steps use f'(x) = 2x, the derivative of x²; here f = a·x², so f'(x) = 2a·x",
            ),
            geometric(x0, 1.0 - 2.0 * lr, steps),
        ),
        (
            Mistake::new(
                "missing_start",
                "the trajectory must start with x₀ itself: [x₀, x₁, …, x_steps], steps + 1 values",
            ),
            right[1..=steps].to_vec(),
        ),
        (
            Mistake::new(
                "one_step_short",
                "your loop stops one step early: the trajectory ends with x_steps and has \
                 steps + 1 values",
            ),
            right[..steps].to_vec(),
        ),
        (
            Mistake::new(
                "one_step_too_many",
                "your loop takes one step too many: the trajectory ends with x_steps and has \
                 steps + 1 values",
            ),
            right,
        ),
    ]
}

/// gd_quadratic_trajectory(a, x0, lr, steps) equals [x₀·r^k for k = 0..=steps], r = 1 − 2a·lr.
///
/// Fixed cases: the worked numbers (x² from 10, ten steps, lr 0.2, 0.05 and 1.1 end at
/// 0.060466, 3.486784 and 61.917364) and a one-step case; then 40 seeded random (a, x₀, lr,
/// steps) with factors r in every regime. Tolerance 1e-12 relative: rounding only (see the
/// module comment).
pub fn trajectory_matches_closed_form(
    trajectory: impl Fn(f64, f64, f64, usize) -> Vec<f64>,
) -> CheckResult {
    let mut inputs = Inputs::new("day3::trajectory_matches_closed_form");
    let mut cases = vec![
        (1.0, 10.0, 0.2, 10),
        (1.0, 10.0, 0.05, 10),
        (1.0, 10.0, 1.1, 10),
        (4.0, 1.5, 0.125, 3),
        (0.5, -4.0, 0.3, 0),
    ];
    for _ in 0..40 {
        let a = inputs.uniform(0.1, 3.0);
        let magnitude = inputs.uniform(0.05, 1.5);
        let r = if inputs.uniform(0.0, 1.0) < 0.5 {
            magnitude
        } else {
            -magnitude
        };
        let x0 = inputs.uniform(-10.0, 10.0);
        let steps = inputs.index(1, 26);
        cases.push((a, x0, lr_for_factor(a, r), steps));
    }
    for (a, x0, lr, steps) in cases {
        let got = trajectory(a, x0, lr, steps);
        let want = geometric(x0, 1.0 - 2.0 * a * lr, steps);
        if let Some(k) = first_mismatch(&got, &want, TRAJECTORY_TOL) {
            let mut feedback = Feedback::new(
                "gd_quadratic_trajectory does not follow x_{k+1} = x_k − lr·2a·x_k from x₀",
            )
            .call(format!(
                "gd_quadratic_trajectory(a = {}, x0 = {}, lr = {}, steps = {steps})",
                fmt_f64(a),
                fmt_f64(x0),
                fmt_f64(lr)
            ))
            .expected(format!("{} values {}", want.len(), fmt_slice(&want)))
            .got(format!("{} values {}", got.len(), fmt_slice(&got)))
            .mistake(name_mistake_vec(
                &got,
                trajectory_mistakes(a, x0, lr, steps),
                1e-9,
            ))
            .seed(inputs.seed());
            if got.len() == want.len() {
                feedback = feedback
                    .tolerance(format!(
                        "every x_k: |got − expected| ≤ {} · max(1, |expected|)",
                        fmt_f64(TRAJECTORY_TOL)
                    ))
                    .note(format!(
                        "first wrong value: x_{k} = {}, expected x₀·r^{k} = {}",
                        fmt_f64(got[k]),
                        fmt_f64(want[k])
                    ));
            }
            return Err(feedback);
        }
    }
    Ok(())
}

/// The correct regime of factor r = 1 − 2a·lr.
fn regime_of(r: f64) -> Regime {
    if r == 0.0 {
        Regime::OneStep
    } else if r == -1.0 {
        Regime::TwoCycle
    } else if r > 0.0 {
        Regime::Monotone
    } else if r > -1.0 {
        Regime::Oscillating
    } else {
        Regime::Divergent
    }
}

/// The plausible wrong classifiers, as functions of (a, lr).
/// A classifier as a function of (a, lr).
type Classifier = fn(f64, f64) -> Regime;

fn regime_mistakes() -> Vec<(Mistake, Classifier)> {
    vec![
        (
            Mistake::new(
                "missing_factor_2",
                "your boundaries are those of f'(x) = a·x: the derivative of a·x² is 2a·x, so \
                 r = 1 − 2a·lr (one step at lr = 1/(2a), the two-cycle at lr = 1/a)",
            ),
            |a, lr| regime_of(1.0 - a * lr),
        ),
        (
            Mistake::new(
                "two_cycle_called_divergent",
                "at r = −1 exactly, |x| neither grows nor shrinks: x bounces between x₀ and −x₀ \
                 (TwoCycle); only r < −1 is Divergent",
            ),
            |a, lr| {
                let r = 1.0 - 2.0 * a * lr;
                if r <= -1.0 {
                    Regime::Divergent
                } else {
                    regime_of(r)
                }
            },
        ),
        (
            Mistake::new(
                "one_step_called_monotone",
                "at r = 0 exactly the first step lands on the minimum: that is OneStep, not \
                 Monotone",
            ),
            |a, lr| {
                let r = 1.0 - 2.0 * a * lr;
                if r == 0.0 {
                    Regime::Monotone
                } else {
                    regime_of(r)
                }
            },
        ),
        (
            Mistake::new(
                "oscillation_called_divergent",
                "a negative factor −1 < r < 0 flips the sign of x every step but still shrinks \
                 |x|: that is Oscillating (it converges), not Divergent",
            ),
            |a, lr| {
                let r = 1.0 - 2.0 * a * lr;
                if r < 0.0 && r > -1.0 {
                    Regime::Divergent
                } else {
                    regime_of(r)
                }
            },
        ),
        (
            Mistake::new(
                "boundary_with_tolerance",
                "you treat r as a boundary value (0 or −1) when it is only near one; the regimes \
                 change exactly at r = 0 and r = −1: r = −1.0000004 already diverges, slowly. \
                 Compare r with the boundaries exactly",
            ),
            |a, lr| {
                let r = 1.0 - 2.0 * a * lr;
                if r.abs() < 1e-6 {
                    Regime::OneStep
                } else if (r + 1.0).abs() < 1e-6 {
                    Regime::TwoCycle
                } else {
                    regime_of(r)
                }
            },
        ),
        (
            Mistake::new(
                "oscillation_called_monotone",
                "with −1 < r < 0 the iterate crosses the minimum every step (x changes sign): \
                 that is Oscillating; Monotone needs 0 < r < 1",
            ),
            |a, lr| {
                let r = 1.0 - 2.0 * a * lr;
                if r < 0.0 && r > -1.0 {
                    Regime::Monotone
                } else {
                    regime_of(r)
                }
            },
        ),
    ]
}

/// classify_lr(a, lr) gives the regime of r = 1 − 2a·lr for every case.
///
/// Fixed cases: a = 2 with lr 0.25 (OneStep), 0.5 (TwoCycle), 0.5000001 (Divergent), 0.1
/// (Monotone), 0.4 (Oscillating); boundaries for a = 0.5, 1 and 4, where 2a·lr is exact; then
/// 40 seeded random cases at least 0.01 from every boundary. Exact comparison (an enum).
pub fn classify_lr_regimes(classify: impl Fn(f64, f64) -> Regime) -> CheckResult {
    let mut inputs = Inputs::new("day3::classify_lr_regimes");
    let mut cases: Vec<(f64, f64)> = vec![
        (2.0, 0.25),
        (2.0, 0.5),
        (2.0, 0.5000001),
        (2.0, 0.1),
        (2.0, 0.4),
        (1.0, 0.001),
        (1.0, 0.5),
        (1.0, 1.0),
        (1.0, 0.75),
        (1.0, 1.1),
        (0.5, 1.0),
        (0.5, 2.0),
        (0.5, 1.999),
        (4.0, 0.125),
        (4.0, 0.25),
        (4.0, 0.3),
    ];
    for _ in 0..40 {
        let a = inputs.uniform(0.1, 5.0);
        let r = match inputs.index(0, 3) {
            0 => inputs.uniform(0.01, 0.99),
            1 => inputs.uniform(-0.99, -0.01),
            _ => inputs.uniform(-3.0, -1.01),
        };
        cases.push((a, lr_for_factor(a, r)));
    }
    let got: Vec<Regime> = cases.iter().map(|&(a, lr)| classify(a, lr)).collect();
    let want: Vec<Regime> = cases
        .iter()
        .map(|&(a, lr)| regime_of(1.0 - 2.0 * a * lr))
        .collect();
    let Some(i) = (0..cases.len()).find(|&i| got[i] != want[i]) else {
        return Ok(());
    };
    let (a, lr) = cases[i];
    let candidates = regime_mistakes()
        .into_iter()
        .map(|(mistake, model)| (mistake, cases.iter().map(|&(a, lr)| model(a, lr)).collect()))
        .collect();
    Err(
        Feedback::new("classify_lr returns the wrong regime for f(x) = a·x²")
            .call(format!(
                "classify_lr(a = {}, lr = {})",
                fmt_f64(a),
                fmt_f64(lr)
            ))
            .expected(format!("{:?}", want[i]))
            .got(format!("{:?}", got[i]))
            .note(format!(
                "the factor of one step is r = 1 − 2a·lr = {}",
                fmt_f64(1.0 - 2.0 * a * lr)
            ))
            .mistake(name_pattern_mistake(&got, i, candidates))
            .seed(inputs.seed()),
    )
}

#[cfg(test)]
mod catalogue;
