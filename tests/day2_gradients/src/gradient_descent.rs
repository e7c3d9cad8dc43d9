//! Checks for 2.6 — the gradient-descent loop.
//!
//! The exercise fixes the loop exactly (see its text): at the top of every pass compute
//! g = ∇f(x); stop *diverged* if x or g is non-finite or ‖x‖ > 1e10, else stop *converged*
//! if ‖g‖ < tol, else stop if iters == max_iters; then step x ← x − lr·g and count the step.
//! The checks run that definition here ([`run`] with [`Variant::Right`]) and compare
//! outcomes: the flags, the number of steps, and the final point.
//!
//! - Counts are compared exactly. Rounding can change a count only if ‖g‖ lands within
//!   ~1e-15 relative of tol, while ‖g‖ shrinks by ≥ 10 % per step in every case used.
//! - On x² (x0 = 1, lr = 0.25) every step halves x exactly, so x = 2⁻¹¹ after 11 steps is exact.
//! - On Booth (Hessian eigenvalues 2 and 18) ‖x − x*‖ ≤ ‖∇f‖/2 < tol/2, so tol = 1e-8 puts
//!   x within 5e-9 of (1, 3); with lr = 0.05 the slow direction contracts by 0.9 per step,
//!   so from starts whose slow component is ≥ 0.5 the loop needs 175–215 steps. (A start on
//!   the fast axis would converge in ~10: those are drawn again.)
//! - With lr = 0.112 the fast direction grows by |1 − 0.112·18| = 1.016 per step: ‖x‖ passes
//!   1e10 after about 1300 steps, far below the budget of 10 000. A reported divergence may
//!   come one step early or late (checking the new x after stepping is fine).
//!
//! Every mistake is recognised by running it here (a [`Variant`] of the loop) and finding the
//! one whose outcome equals the student's.

use crate::compare::{fmt_vec, norm};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, close, fmt_f64};
use ndarray::{Array1, array};
use std::fmt;

/// How a run ended: the same fields as the student's `GdResult`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub x: Array1<f64>,
    pub iters: usize,
    pub converged: bool,
    pub diverged: bool,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "GdResult {{ x: {}, iters: {}, converged: {}, diverged: {} }}",
            fmt_vec(&self.x),
            self.iters,
            self.converged,
            self.diverged
        )
    }
}

/// A gradient function as the implementation receives it.
pub type GradFn<'a> = &'a dyn Fn(&Array1<f64>) -> Array1<f64>;

/// What the student implements: `(grad, x0, lr, max_iters, tol) -> outcome`.
pub trait Descent: Fn(GradFn, &Array1<f64>, f64, usize, f64) -> Outcome {}
impl<T: Fn(GradFn, &Array1<f64>, f64, usize, f64) -> Outcome> Descent for T {}

pub const DIVERGENCE_BOUND: f64 = 1e10;

/// The loop as the exercise defines it, and the ways it goes wrong.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Variant {
    Right,
    Uphill,
    StepBeforeTest,
    CountsEvaluations,
    SquaredNorm,
    IgnoresTol,
    OneStepTooMany,
    NoDivergenceTest,
    FiniteOnly,
    BudgetFirst,
}

impl Variant {
    const MISTAKES: [Variant; 9] = [
        Variant::Uphill,
        Variant::StepBeforeTest,
        Variant::CountsEvaluations,
        Variant::SquaredNorm,
        Variant::IgnoresTol,
        Variant::OneStepTooMany,
        Variant::NoDivergenceTest,
        Variant::FiniteOnly,
        Variant::BudgetFirst,
    ];

    fn mistake(self) -> Mistake {
        match self {
            Variant::Right => unreachable!("not a mistake"),
            Variant::Uphill => Mistake::new(
                "stepped_uphill",
                "your steps go uphill: the update is x ← x − lr·∇f(x) — minus, because the \
                 gradient points uphill",
            ),
            Variant::StepBeforeTest => Mistake::new(
                "off_by_one_iters",
                "you take one step after the gradient is already small enough: test \
                 ‖∇f(x)‖ < tol at the top of the loop, before stepping",
            ),
            Variant::CountsEvaluations => Mistake::new(
                "off_by_one_iters",
                "your iters is one more than the number of steps (it counts gradient \
                 evaluations): count only the updates x ← x − lr·g",
            ),
            Variant::SquaredNorm => Mistake::new(
                "squared_norm",
                "you compare ‖g‖² = g·g with tol; the test is on the length ‖g‖ = √(g·g)",
            ),
            Variant::IgnoresTol => Mistake::new(
                "never_converges",
                "your loop never stops for convergence: stop as soon as ‖∇f(x)‖ < tol",
            ),
            Variant::OneStepTooMany => Mistake::new(
                "off_by_one_iters",
                "you take max_iters + 1 steps: stop when iters == max_iters",
            ),
            Variant::NoDivergenceTest => Mistake::new(
                "never_reports_divergence",
                "your loop never reports divergence: stop with diverged = true as soon as x or \
                 ∇f(x) is NaN or infinite, or ‖x‖ > 1e10",
            ),
            Variant::FiniteOnly => Mistake::new(
                "missing_divergence_bound",
                "you stop only on NaN or infinity; a diverging run also stops once ‖x‖ > 1e10 \
                 (DIVERGENCE_BOUND), long before it overflows",
            ),
            Variant::BudgetFirst => Mistake::new(
                "budget_checked_first",
                "your loop stops for the budget before it looks at the last point: when the \
                 max_iters-th step lands where ‖∇f‖ < tol (or ‖x‖ > 1e10), the result must still \
                 say converged (or diverged). Test divergence and convergence at the top of every \
                 pass, the last one included, and only then the budget — a `while iters < \
                 max_iters` loop skips those tests on the final point",
            ),
        }
    }
}

/// Runs the loop of the exercise (or one of its mistakes).
pub fn run(
    variant: Variant,
    grad: GradFn,
    x0: &Array1<f64>,
    lr: f64,
    max_iters: usize,
    tol: f64,
) -> Outcome {
    let mut x = x0.clone();
    let mut iters = 0;
    let finish = |x: Array1<f64>, iters: usize, converged: bool, diverged: bool| Outcome {
        iters: iters + usize::from(variant == Variant::CountsEvaluations),
        x,
        converged,
        diverged,
    };
    loop {
        if variant == Variant::BudgetFirst && iters == max_iters {
            return finish(x, iters, false, false);
        }
        let g = grad(&x);
        let finite = x.iter().chain(&g).all(|v| v.is_finite());
        let too_far = norm(&x) > DIVERGENCE_BOUND && variant != Variant::FiniteOnly;
        if variant != Variant::NoDivergenceTest && (!finite || too_far) {
            return finish(x, iters, false, true);
        }
        let small = match variant {
            Variant::SquaredNorm => g.dot(&g) < tol,
            Variant::IgnoresTol => false,
            _ => norm(&g) < tol,
        };
        if small && variant != Variant::StepBeforeTest {
            return finish(x, iters, true, false);
        }
        let budget = if variant == Variant::OneStepTooMany {
            max_iters + 1
        } else {
            max_iters
        };
        if iters == budget {
            return finish(x, iters, false, false);
        }
        let sign = if variant == Variant::Uphill {
            1.0
        } else {
            -1.0
        };
        x.scaled_add(sign * lr, &g);
        iters += 1;
        if small {
            // StepBeforeTest: the test comes after the step, on the gradient it used.
            return finish(x, iters, true, false);
        }
    }
}

/// Same flags, same count, and the same point (1e-9), counting non-finite points as equal.
fn same(a: &Outcome, b: &Outcome) -> bool {
    let point = a.x.len() == b.x.len()
        && a.x
            .iter()
            .zip(&b.x)
            .all(|(&p, &q)| close(p, q, 1e-9) || !(p.is_finite() || q.is_finite()));
    a.converged == b.converged && a.diverged == b.diverged && a.iters == b.iters && point
}

fn which_mistake(
    got: &Outcome,
    grad: GradFn,
    x0: &Array1<f64>,
    lr: f64,
    max_iters: usize,
    tol: f64,
) -> Option<Mistake> {
    Variant::MISTAKES
        .into_iter()
        .find(|&v| same(got, &run(v, grad, x0, lr, max_iters, tol)))
        .map(Variant::mistake)
}

fn call(what: &str, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64) -> String {
    format!(
        "gradient_descent(grad = {what}, x0 = {}, lr = {}, max_iters = {max_iters}, tol = {})",
        fmt_vec(x0),
        fmt_f64(lr),
        fmt_f64(tol)
    )
}

/// The outcome must equal the definition's exactly (flags and count) and in x (1e-9).
fn expect_outcome(
    descent: &impl Descent,
    what: &str,
    grad: GradFn,
    x0: &Array1<f64>,
    (lr, max_iters, tol): (f64, usize, f64),
) -> Result<Outcome, Feedback> {
    let got = descent(grad, x0, lr, max_iters, tol);
    let want = run(Variant::Right, grad, x0, lr, max_iters, tol);
    if same(&got, &want) {
        return Ok(got);
    }
    Err(
        Feedback::new("gradient_descent did not end as the loop in the exercise does")
            .call(call(what, x0, lr, max_iters, tol))
            .expected(&want)
            .got(&got)
            .tolerance("flags and iters exactly; x within 1e-9 · max(1, |x|)")
            .mistake(which_mistake(&got, grad, x0, lr, max_iters, tol)),
    )
}

fn grad_x_squared(x: &Array1<f64>) -> Array1<f64> {
    2.0 * x
}

fn grad_booth(x: &Array1<f64>) -> Array1<f64> {
    array![
        10.0 * x[0] + 8.0 * x[1] - 34.0,
        8.0 * x[0] + 10.0 * x[1] - 38.0
    ]
}

const BOOTH_MINIMUM: [f64; 2] = [1.0, 3.0];

/// A start in [−10, 10]² whose offset from (1, 3) has a component ≥ 0.5 along `axis`
/// ((1, −1)/√2 is Booth's slow direction, (1, 1)/√2 its fast one).
fn booth_start(inputs: &mut Inputs, axis: [f64; 2]) -> Array1<f64> {
    for _ in 0..1000 {
        let x0 = Array1::from(inputs.uniform_vec(2, -10.0, 10.0));
        let along = ((x0[0] - BOOTH_MINIMUM[0]) * axis[0] + (x0[1] - BOOTH_MINIMUM[1]) * axis[1])
            / std::f64::consts::SQRT_2;
        if along.abs() >= 0.5 {
            return x0;
        }
    }
    unreachable!("most starts qualify")
}

/// f = x², x0 = 1, lr = 0.25, tol = 1e-3, max_iters = 100: converged after exactly 11
/// steps at x = 2⁻¹¹ (each step halves x; ‖g‖ = 2·2⁻ᵏ first drops below 1e-3 at k = 11).
pub fn eleven_steps_on_x_squared(descent: impl Descent) -> CheckResult {
    let got = expect_outcome(
        &descent,
        "2x (f = x²)",
        &grad_x_squared,
        &array![1.0],
        (0.25, 100, 1e-3),
    )?;
    debug_assert_eq!(got.iters, 11);
    Ok(())
}

/// Booth from 20 random starts, lr = 0.05, tol = 1e-8, max_iters = 1000: converged within
/// 1e-8 of (1, 3), in 100 to 300 steps — exactly as many as the definition takes.
pub fn booth_converges_from_random_starts(descent: impl Descent) -> CheckResult {
    let mut inputs = Inputs::new("day2::booth_converges_from_random_starts");
    let what = "∇booth = [10x + 8y − 34, 8x + 10y − 38]";
    for _ in 0..20 {
        let x0 = booth_start(&mut inputs, [1.0, -1.0]);
        let got = expect_outcome(&descent, what, &grad_booth, &x0, (0.05, 1000, 1e-8))
            .map_err(|fb| fb.seed(inputs.seed()))?;
        let distance = norm(&(&got.x - &array![BOOTH_MINIMUM[0], BOOTH_MINIMUM[1]]));
        if distance > 1e-8 || !(100..=300).contains(&got.iters) {
            return Err(
                Feedback::new("Booth should converge to (1, 3) in 100 to 300 steps")
                    .call(call(what, &x0, 0.05, 1000, 1e-8))
                    .expected("‖x − (1, 3)‖ ≤ 1e-8 and 100 ≤ iters ≤ 300")
                    .got(format!(
                        "‖x − (1, 3)‖ = {} after {} steps",
                        fmt_f64(distance),
                        got.iters
                    ))
                    .seed(inputs.seed()),
            );
        }
    }
    Ok(())
}

/// A diverging run stops early and says so: a gradient that turns NaN (after 1 step), x⁴
/// with lr = 0.1 from 3 (‖x‖ > 1e10 after 4 steps), and Booth with lr = 0.112 from 5 random
/// starts (after ~1300 steps); max_iters = 10 000, tol = 1e-8. The count may differ from the
/// definition's by one (testing the new x right after a step is fine).
pub fn divergence_is_reported_early(descent: impl Descent) -> CheckResult {
    let mut inputs = Inputs::new("day2::divergence_is_reported_early");
    let nan_beyond_two =
        |x: &Array1<f64>| x.mapv(|v| if v.abs() < 2.0 { 2.0 * v } else { f64::NAN });
    let quartic = |x: &Array1<f64>| x.mapv(|v| 4.0 * v.powi(3));
    // NaN first, then overflow, then the slow Booth divergence: each case tells apart one
    // more way of missing the divergence test.
    let mut cases: Vec<(&str, GradFn, Array1<f64>, f64)> = vec![
        (
            "2x for |x| < 2, NaN beyond",
            &nan_beyond_two,
            array![1.5],
            1.2,
        ),
        ("4x³ (f = x⁴)", &quartic, array![3.0], 0.1),
    ];
    for _ in 0..5 {
        let x0 = booth_start(&mut inputs, [1.0, 1.0]);
        cases.push((
            "∇booth = [10x + 8y − 34, 8x + 10y − 38]",
            &grad_booth,
            x0,
            0.112,
        ));
    }
    let (max_iters, tol) = (10_000, 1e-8);
    for (what, grad, x0, lr) in cases {
        let got = descent(grad, &x0, lr, max_iters, tol);
        let want = run(Variant::Right, grad, &x0, lr, max_iters, tol);
        debug_assert!(want.diverged && want.iters < 2000, "{want}");
        if got.diverged && !got.converged && got.iters.abs_diff(want.iters) <= 1 {
            continue;
        }
        return Err(Feedback::new(
            "this run diverges: gradient_descent should stop early and say so",
        )
        .call(call(what, &x0, lr, max_iters, tol))
        .expected(format!(
            "diverged = true, converged = false, after {} step(s) (±1), where ‖x‖ = {}",
            want.iters,
            fmt_f64(norm(&want.x))
        ))
        .got(&got)
        .mistake(which_mistake(&got, grad, &x0, lr, max_iters, tol))
        .seed(inputs.seed()));
    }
    Ok(())
}

/// The budget is max_iters steps: x², lr = 1e-3, tol = 1e-12 stops after exactly 50 steps
/// when max_iters = 50 (x = 0.998⁵⁰), and after 0 when max_iters = 0 (x = x0); neither
/// converged nor diverged.
///
/// When the budget runs out on the very point where the run converges or diverges, the
/// flags still say so (the tests come first at the top of every pass): x², x0 = 1, lr = 1.5
/// (x doubles and flips sign each step) and max_iters = 34 is diverged after 34 steps
/// (‖x‖ = 2³⁴ > 1e10); with lr = 0.25, tol = 1e-3 and max_iters = 11 it converges after
/// exactly 11; and a start with ‖∇f‖ < tol is converged even with max_iters = 0.
pub fn respects_max_iters(descent: impl Descent) -> CheckResult {
    for max_iters in [50, 0, 1] {
        expect_outcome(
            &descent,
            "2x (f = x²)",
            &grad_x_squared,
            &array![1.0],
            (1e-3, max_iters, 1e-12),
        )?;
    }
    // The diverging case first: only a loop that tests the budget first fails it, while a
    // loop that steps before testing convergence fails the converging ones as well.
    let at_the_budget = [
        (array![1.0], (1.5, 34, 1e-3)),
        (array![1.0], (0.25, 11, 1e-3)),
        (array![1e-9], (0.25, 0, 1e-3)),
    ];
    // Whether the loop tests for divergence at all (with budget to spare it stops at 34):
    // then a wrong flag at the budget comes from testing the budget first.
    let tests_divergence = descent(&grad_x_squared, &array![1.0], 1.5, 100, 1e-3).diverged;
    for (x0, (lr, max_iters, tol)) in at_the_budget {
        expect_outcome(
            &descent,
            "2x (f = x²)",
            &grad_x_squared,
            &x0,
            (lr, max_iters, tol),
        )
        .map_err(|mut feedback| {
            let budget_first = run(
                Variant::BudgetFirst,
                &grad_x_squared,
                &x0,
                lr,
                max_iters,
                tol,
            );
            let got = descent(&grad_x_squared, &x0, lr, max_iters, tol);
            if tests_divergence && same(&got, &budget_first) {
                feedback.mistake = Some(Variant::BudgetFirst.mistake());
            }
            feedback
        })?;
    }
    Ok(())
}

/// A start that already satisfies ‖∇f‖ < tol takes no step: Booth from (1, 3) and x² from
/// 1e-9 report converged with iters = 0 and x = x0.
pub fn converged_start_takes_no_step(descent: impl Descent) -> CheckResult {
    expect_outcome(
        &descent,
        "∇booth",
        &grad_booth,
        &array![1.0, 3.0],
        (0.05, 100, 1e-8),
    )?;
    expect_outcome(
        &descent,
        "2x (f = x²)",
        &grad_x_squared,
        &array![1e-9],
        (0.25, 100, 1e-3),
    )?;
    Ok(())
}

#[cfg(test)]
mod catalogue;
