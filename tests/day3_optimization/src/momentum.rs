//! Checks for 3.2 — the `Optimizer` trait: plain gradient descent (`Sgd`) and heavy-ball
//! momentum (`Momentum`).
//!
//! The checks drive the optimizer themselves, one `step` at a time, computing each gradient
//! at the current parameters, and compare every iterate with the test's own reference update.
//! The updates are a few multiplications and additions per step, so any algebraically equal
//! form differs by rounding only: at most a few ε per step relative to the largest of
//! |x|, lr·|v|, which stays below 1e-10 (relative, or absolute below 1) over the 15–20 steps
//! here. Heavy-ball momentum is the course's convention: v ← μ·v + g, x ← x − lr·v, v₀ = 0.

use crate::common::{StepFn, first_mismatch, name_mistake_vec, norm, run_optimizer, same_end};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, fmt_slice};

/// Rounding-level agreement of two implementations of the same update.
const UPDATE_TOL: f64 = 1e-10;

/// The ravine ½(x² + 100y²) of the speed check, its start, learning rate and stopping rule.
const RAVINE_START: [f64; 2] = [1.0, 1.0];
const RAVINE_LR: f64 = 0.01;
const RAVINE_MU: f64 = 0.9;
const RAVINE_GRAD_TOL: f64 = 1e-6;
const RAVINE_MAX_STEPS: usize = 5000;

/// A reference update, as a factory of fresh optimizer state.
type Model = Box<dyn Fn() -> StepFn>;

/// Plain gradient descent x ← x + sign·scale·g (the right one is sign −1, scale lr).
fn linear_step(scale: f64) -> StepFn {
    Box::new(move |params: &mut [f64], grads: &[f64]| {
        for (p, g) in params.iter_mut().zip(grads) {
            *p -= scale * g;
        }
    })
}

/// Heavy ball with a configurable velocity rule and position rule.
///
/// `velocity(v, g)` is the new velocity; `position(x, v_old, v_new, g)` the new parameter.
fn heavy_ball(
    velocity: impl Fn(f64, f64) -> f64 + 'static,
    position: impl Fn(f64, f64, f64, f64) -> f64 + 'static,
) -> StepFn {
    let mut state: Vec<f64> = Vec::new();
    Box::new(move |params: &mut [f64], grads: &[f64]| {
        if state.len() != params.len() {
            state = vec![0.0; params.len()];
        }
        for i in 0..params.len() {
            let old = state[i];
            state[i] = velocity(old, grads[i]);
            params[i] = position(params[i], old, state[i], grads[i]);
        }
    })
}

/// The reference heavy-ball optimizer: v ← μv + g, x ← x − lr·v.
pub fn reference_momentum(lr: f64, mu: f64) -> StepFn {
    heavy_ball(move |v, g| mu * v + g, move |x, _, v, _| x - lr * v)
}

fn sgd_mistakes(lr: f64) -> Vec<(Mistake, Model)> {
    vec![
        (
            Mistake::new(
                "uphill_step",
                "your parameters move along the gradient, uphill: the update is x ← x − lr·g",
            ),
            Box::new(move || linear_step(-lr)),
        ),
        (
            Mistake::new(
                "lr_ignored",
                "your step is the whole gradient: multiply it by the learning rate, x ← x − lr·g",
            ),
            Box::new(|| linear_step(1.0)),
        ),
        (
            Mistake::new(
                "divides_by_lr",
                "you divide the gradient by the learning rate; multiply: x ← x − lr·g",
            ),
            Box::new(move || linear_step(1.0 / lr)),
        ),
        (
            Mistake::new(
                "params_not_updated",
                "the parameters did not change: `step` must write the new values into \
                 `params` itself (a copy that is updated and dropped changes nothing)",
            ),
            Box::new(|| linear_step(0.0)),
        ),
    ]
}

fn momentum_mistakes(lr: f64, mu: f64) -> Vec<(Mistake, Model)> {
    vec![
        (
            Mistake::new(
                "velocity_not_kept",
                "this is plain gradient descent: the velocity must remember the past, \
                 v ← μ·v + g, with v kept in the optimizer between steps",
            ),
            Box::new(move || linear_step(lr)),
        ),
        (
            Mistake::new(
                "velocity_averaged",
                "you average the velocity, v ← μ·v + (1 − μ)·g; the heavy ball adds the whole \
                 gradient: v ← μ·v + g",
            ),
            Box::new(move || {
                heavy_ball(
                    move |v, g| mu * v + (1.0 - mu) * g,
                    move |x, _, v, _| x - lr * v,
                )
            }),
        ),
        (
            Mistake::new(
                "lr_applied_twice",
                "the learning rate is applied twice, in v ← μ·v + lr·g and again in x ← x − lr·v; \
                 the velocity adds the raw gradient: v ← μ·v + g",
            ),
            Box::new(move || heavy_ball(move |v, g| mu * v + lr * g, move |x, _, v, _| x - lr * v)),
        ),
        (
            Mistake::new(
                "nesterov",
                "this is Nesterov's look-ahead update x ← x − lr·(μ·v + g); the exercise asks \
                 for the heavy ball, x ← x − lr·v with the new v",
            ),
            Box::new(move || {
                heavy_ball(
                    move |v, g| mu * v + g,
                    move |x, _, v, g| x - lr * (mu * v + g),
                )
            }),
        ),
        (
            Mistake::new(
                "stale_velocity",
                "you move with the old velocity and update v afterwards; first v ← μ·v + g, \
                 then x ← x − lr·v with the new v",
            ),
            Box::new(move || heavy_ball(move |v, g| mu * v + g, move |x, old, _, _| x - lr * old)),
        ),
        (
            Mistake::new(
                "uphill_step",
                "your parameters move along the velocity, uphill: x ← x − lr·v",
            ),
            Box::new(move || heavy_ball(move |v, g| mu * v + g, move |x, _, v, _| x + lr * v)),
        ),
        (
            Mistake::new(
                "mu_on_gradient",
                "μ multiplies the old velocity, not the gradient: v ← μ·v + g",
            ),
            Box::new(move || heavy_ball(move |v, g| v + mu * g, move |x, _, v, _| x - lr * v)),
        ),
    ]
}

/// Runs each model like the student's optimizer and names the one that matches `got`.
fn name_path_mistake(
    got: &[f64],
    models: Vec<(Mistake, Model)>,
    grad: &dyn Fn(&[f64]) -> Vec<f64>,
    x0: &[f64],
    steps: usize,
) -> Option<Mistake> {
    let candidates = models.into_iter().map(|(mistake, make)| {
        let path = run_optimizer(&mut make(), grad, x0, steps).concat();
        (mistake, path)
    });
    name_mistake_vec(got, candidates, 1e-9)
}

/// A separable quadratic bowl ½·Σ cᵢ·xᵢ²: its gradient is cᵢ·xᵢ.
fn bowl_gradient(curvatures: Vec<f64>) -> impl Fn(&[f64]) -> Vec<f64> {
    move |x| x.iter().zip(&curvatures).map(|(x, c)| c * x).collect()
}

/// Compares the student's trajectory with the reference one, naming a mistake on failure.
#[allow(clippy::too_many_arguments)]
fn compare_paths(
    got: &[Vec<f64>],
    want: &[Vec<f64>],
    what: &str,
    call: String,
    models: Vec<(Mistake, Model)>,
    grad: &dyn Fn(&[f64]) -> Vec<f64>,
    x0: &[f64],
    seed: u64,
) -> CheckResult {
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        if let Some(i) = first_mismatch(g, w, UPDATE_TOL) {
            let steps = want.len() - 1;
            let mut feedback = Feedback::new(format!("{what} does not follow its update rule"))
                .call(call)
                .expected(format!("x_{k} = {}", fmt_slice(w)))
                .got(format!("x_{k} = {}", fmt_slice(g)))
                .tolerance(format!(
                    "every coordinate: |got − expected| ≤ {} · max(1, |expected|)",
                    fmt_f64(UPDATE_TOL)
                ))
                .mistake(name_path_mistake(&got.concat(), models, grad, x0, steps))
                .seed(seed);
            if k == 1 {
                feedback = feedback.note("the very first step is already wrong");
            } else if i < w.len() {
                feedback = feedback.note(format!(
                    "x_0 … x_{} were right; step {k} went wrong at coordinate {i}",
                    k - 1
                ));
            }
            return Err(feedback);
        }
    }
    Ok(())
}

/// Sgd::new(lr).step(params, grads) sets params to params − lr·grads, coordinate by
/// coordinate, in place, at every step.
///
/// 30 seeded cases: 1–6 coordinates, lr in [0.001, 0.5], 20 steps on a random bowl (the
/// gradient is recomputed at each new point). Tolerance 1e-10: rounding only.
pub fn sgd_step(make_sgd: impl Fn(f64) -> StepFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::sgd_step");
    for _ in 0..30 {
        let dims = inputs.index(1, 7);
        let lr = inputs.uniform(0.001, 0.5);
        let x0 = inputs.uniform_vec(dims, -5.0, 5.0);
        let grad = bowl_gradient(inputs.uniform_vec(dims, -2.0, 4.0));
        let got = run_optimizer(&mut make_sgd(lr), &grad, &x0, 20);
        let want = run_optimizer(&mut linear_step(lr), &grad, &x0, 20);
        compare_paths(
            &got,
            &want,
            "Sgd",
            format!(
                "Sgd::new({}), 20 steps from x_0 = {} on ½·Σ cᵢxᵢ²",
                fmt_f64(lr),
                fmt_slice(&x0)
            ),
            sgd_mistakes(lr),
            &grad,
            &x0,
            inputs.seed(),
        )?;
    }
    Ok(())
}

/// Momentum::new(lr, mu) follows v ← μ·v + g, x ← x − lr·v from v = 0.
///
/// A fixed case with μ = 0, then 30 seeded cases: 1–5 coordinates, lr in [0.01, 0.2], μ in
/// [0, 0.99], 15 steps on a random bowl, each with a fresh optimizer; last the worked number:
/// x² (g = 2x) from 1 with lr 0.1, μ 0.9 gives 1, 0.8, 0.46, 0.062, −0.3086. (It comes last
/// because there lr = 1 − μ, where an averaged velocity and a doubled lr give the same
/// numbers: a failure found on a random case first names the mistake unambiguously.)
/// Tolerance 1e-10 (rounding only; see the module comment).
pub fn momentum_update(make_momentum: impl Fn(f64, f64) -> StepFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::momentum_update");
    let mut cases = vec![(0.05, 0.0, vec![2.0, -1.0], vec![1.0, 3.0], 5)];
    for _ in 0..30 {
        let dims = inputs.index(1, 6);
        let lr = inputs.uniform(0.01, 0.2);
        let mu = inputs.uniform(0.0, 0.99);
        cases.push((
            lr,
            mu,
            inputs.uniform_vec(dims, -3.0, 3.0),
            inputs.uniform_vec(dims, 0.2, 5.0),
            15,
        ));
    }
    cases.push((0.1, 0.9, vec![1.0], vec![2.0], 4));
    for (lr, mu, x0, curvatures, steps) in cases {
        let grad = bowl_gradient(curvatures);
        let got = run_optimizer(&mut make_momentum(lr, mu), &grad, &x0, steps);
        let want = run_optimizer(&mut reference_momentum(lr, mu), &grad, &x0, steps);
        compare_paths(
            &got,
            &want,
            "Momentum",
            format!(
                "Momentum::new({}, {}), {steps} steps from x_0 = {} on ½·Σ cᵢxᵢ²",
                fmt_f64(lr),
                fmt_f64(mu),
                fmt_slice(&x0)
            ),
            momentum_mistakes(lr, mu),
            &grad,
            &x0,
            inputs.seed(),
        )?;
    }
    Ok(())
}

/// How a run on the ravine ended: the steps taken before ‖∇f‖ < 1e-6 (checked before each
/// step, so a converged start takes 0), or `None`; the steps actually taken (fewer than the
/// cap when the iterate blew up); and the last iterate.
struct RavineRun {
    converged_after: Option<usize>,
    steps_taken: usize,
    end: Vec<f64>,
}

impl RavineRun {
    fn same_as(&self, other: &RavineRun) -> bool {
        self.converged_after == other.converged_after
            && self.steps_taken == other.steps_taken
            && same_end(&self.end, &other.end)
    }
}

fn ravine_run(step: &mut StepFn) -> RavineRun {
    let grad = |x: &[f64]| vec![x[0], 100.0 * x[1]];
    let mut x = RAVINE_START.to_vec();
    for k in 0..=RAVINE_MAX_STEPS {
        let g = grad(&x);
        if norm(&g) < RAVINE_GRAD_TOL {
            return RavineRun {
                converged_after: Some(k),
                steps_taken: k,
                end: x,
            };
        }
        if k == RAVINE_MAX_STEPS || !x.iter().all(|v| v.is_finite()) {
            return RavineRun {
                converged_after: None,
                steps_taken: k,
                end: x,
            };
        }
        step(&mut x, &g);
    }
    unreachable!("the loop returns at k = RAVINE_MAX_STEPS")
}

/// On the ravine f = ½(x² + 100y²) from (1, 1), momentum (lr 0.01, μ 0.9) needs at most half
/// the steps of plain gradient descent with the same lr.
///
/// Stopping rule: count the steps taken until ‖∇f‖ < 1e-6, checking before each step, at
/// most 5000. The reference gradient descent is the test's own (1375 steps); the heavy ball
/// needs 287, so "at most 687" leaves room for every correct variant while plain gradient
/// descent, an averaged velocity or a stale one fail.
pub fn momentum_beats_gd_in_a_ravine(make_momentum: impl Fn(f64, f64) -> StepFn) -> CheckResult {
    let gd_steps = ravine_run(&mut linear_step(RAVINE_LR))
        .converged_after
        .expect("the reference gradient descent converges on the ravine");
    let limit = gd_steps / 2;
    let run = ravine_run(&mut make_momentum(RAVINE_LR, RAVINE_MU));
    if run.converged_after.is_some_and(|steps| steps <= limit) {
        return Ok(());
    }
    let named = momentum_mistakes(RAVINE_LR, RAVINE_MU)
        .into_iter()
        .find(|(_, make)| ravine_run(&mut make()).same_as(&run))
        .map(|(mistake, _)| mistake);
    Err(
        Feedback::new("momentum does not speed up gradient descent in a narrow valley")
            .call(format!(
                "Momentum::new({RAVINE_LR}, {RAVINE_MU}) on f = ½(x² + 100y²) from (1, 1), \
                 counting steps until ‖∇f‖ < 1e-6"
            ))
            .expected(format!(
                "at most {limit} steps (plain gradient descent with the same lr takes {gd_steps})"
            ))
            .got(match run.converged_after {
                Some(steps) => format!("{steps} steps"),
                None if run.steps_taken < RAVINE_MAX_STEPS => format!(
                    "the iterate blew up after {} steps ({})",
                    run.steps_taken,
                    fmt_slice(&run.end)
                ),
                None => format!(
                    "no convergence within {RAVINE_MAX_STEPS} steps (ended at {})",
                    fmt_slice(&run.end)
                ),
            })
            .mistake(named),
    )
}

#[cfg(test)]
mod catalogue;
