//! Checks for 3.9 — matrix factorization for ratings, the Netflix problem.
//!
//! Convention (stated in the exercise): with eᵢⱼ = uᵢ·vⱼ − rᵢⱼ on observed entries,
//! loss = ½·Σ_observed eᵢⱼ² + (λ/2)·(‖U‖² + ‖V‖²), dU = E·V + λU, dV = Eᵀ·U + λV, and
//! training is full-batch gradient descent updating U and V together from the given start.
//!
//! The loss is a sum of a few hundred terms: any summation order agrees to ~1e-14 relative,
//! so it is compared at 1e-12. The gradients are checked against the test's central
//! differences of its own loss. The loss is quadratic in each single entry of U or V (every
//! prediction is linear in it), so the central difference is exact up to round-off,
//! ~ε·|loss|/h ≈ 1e-11 with h = 1e-3; the spec's relative-error bound 1e-5 is far above that.

use gradlings_support::gradcheck::expect_gradient;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64};
use ndarray::Array2;

mod model;
use model::*;

/// What the student implements: `mf_loss_grad(r, mask, u, v, lambda) -> (loss, dU, dV)`.
pub trait LossGradFn:
    Fn(&Array2<f64>, &Array2<bool>, &Array2<f64>, &Array2<f64>, f64) -> (f64, Array2<f64>, Array2<f64>)
{
}
impl<T> LossGradFn for T where
    T: Fn(
        &Array2<f64>,
        &Array2<bool>,
        &Array2<f64>,
        &Array2<f64>,
        f64,
    ) -> (f64, Array2<f64>, Array2<f64>)
{
}

/// What the student implements: `train_mf(r, mask, u0, v0, lambda, lr, steps) -> (U, V)`.
pub trait TrainFn:
    Fn(
    &Array2<f64>,
    &Array2<bool>,
    &Array2<f64>,
    &Array2<f64>,
    f64,
    f64,
    usize,
) -> (Array2<f64>, Array2<f64>)
{
}
impl<T> TrainFn for T where
    T: Fn(
        &Array2<f64>,
        &Array2<bool>,
        &Array2<f64>,
        &Array2<f64>,
        f64,
        f64,
        usize,
    ) -> (Array2<f64>, Array2<f64>)
{
}

const LOSS_TOL: f64 = 1e-12;
const GRADIENT_REL_ERROR: f64 = 1e-5;
const GRADIENT_STEP: f64 = 1e-3;
/// Agreement of a few gradient steps with the test's own (summation order only).
const TRAIN_TOL: f64 = 1e-10;
/// The training run of the convergence check.
const TRAIN_LR: f64 = 0.02;
const TRAIN_STEPS: usize = 2000;
const RMSE_TARGET: f64 = 1e-3;

fn describe(p: &Problem, lambda: f64) -> String {
    let (m, n) = p.r.dim();
    let observed = p.mask.iter().filter(|&&b| b).count();
    format!(
        "mf_loss_grad(r: {m}×{n} with {observed} observed, mask, u: {m}×{k}, v: {n}×{k}, lambda = {})",
        fmt_f64(lambda),
        k = p.u.ncols()
    )
}

/// The seeded problems of the loss and gradient checks: 20×15 ratings of rank 3, 60 %
/// observed, evaluated at random (U, V) of rank 3; λ 0, 0.1 and random.
fn problems(inputs: &mut Inputs) -> Vec<(Problem, f64)> {
    (0..6)
        .map(|k| {
            let lambda = match k {
                0 => 0.0,
                1 => 0.1,
                _ => inputs.uniform(0.0, 1.0),
            };
            (problem(inputs, (20, 15, 3), 0.6, 3, 0.7), lambda)
        })
        .collect()
}

/// mf_loss_grad's loss is ½·Σ_observed (uᵢ·vⱼ − rᵢⱼ)² + (λ/2)(‖U‖² + ‖V‖²).
///
/// Fixed: the worked number (one rating 2, u = v = [1], λ = 0.1 → 0.6). Then 6 seeded 20×15
/// problems. Tolerance 1e-12 relative (summation order only).
pub fn loss_value(mf_loss_grad: impl LossGradFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::loss_value");
    let one = Problem {
        r: Array2::from_elem((1, 1), 2.0),
        mask: Array2::from_elem((1, 1), true),
        u: Array2::ones((1, 1)),
        v: Array2::ones((1, 1)),
    };
    let mut cases = vec![(one, 0.1)];
    cases.extend(problems(&mut inputs));
    for (case, (p, lambda)) in cases.iter().enumerate() {
        let got = mf_loss_grad(&p.r, &p.mask, &p.u, &p.v, *lambda);
        let want = if case == 0 {
            0.6
        } else {
            loss_grad(p, *lambda, Variant::Right).0
        };
        gradlings_support::expect_close(got.0, want, LOSS_TOL, || {
            Feedback::new("mf_loss_grad returns the wrong loss")
                .call(describe(p, *lambda))
                .note("loss = ½·Σ_observed (uᵢ·vⱼ − rᵢⱼ)² + (λ/2)·(‖U‖² + ‖V‖²)")
                .mistake(name_mistake(p, *lambda, &got, false))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// mf_loss_grad's gradients pass a gradient check against central differences of the loss
/// (relative error < 1e-5, worst component named).
///
/// 6 seeded 20×15 problems with rank-3 factors (see `problems`). The shapes come first:
/// dU is m×k like U, dV is n×k like V.
pub fn gradient_check(mf_loss_grad: impl LossGradFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::gradient_check");
    for (p, lambda) in problems(&mut inputs) {
        let got = mf_loss_grad(&p.r, &p.mask, &p.u, &p.v, lambda);
        let (du, dv) = (&got.1, &got.2);
        if du.dim() != p.u.dim() || dv.dim() != p.v.dim() {
            let swapped = du.dim() == p.v.dim() && dv.dim() == p.u.dim();
            return Err(Feedback::new("the gradients have the wrong shapes")
                .call(describe(&p, lambda))
                .expected(format!(
                    "dU {:?} (like U) and dV {:?} (like V)",
                    p.u.dim(),
                    p.v.dim()
                ))
                .got(format!("dU {:?} and dV {:?}", du.dim(), dv.dim()))
                .mistake(swapped.then(|| {
                    Mistake::new(
                        "gradients_swapped",
                        "you return (loss, dV, dU); the order is (loss, dU, dV)",
                    )
                }))
                .seed(inputs.seed()));
        }
        let analytic: Vec<f64> = du.iter().chain(dv.iter()).copied().collect();
        let numeric = numerical_gradient(&p, lambda, GRADIENT_STEP);
        let k = p.u.ncols();
        let m_entries = p.u.len();
        let name = |i: usize| {
            if i < m_entries {
                format!("dU[{}, {}]", i / k, i % k)
            } else {
                format!("dV[{}, {}]", (i - m_entries) / k, (i - m_entries) % k)
            }
        };
        expect_gradient(&analytic, &numeric, GRADIENT_REL_ERROR, name, || {
            Feedback::new("mf_loss_grad's gradients do not match the loss")
                .call(describe(&p, lambda))
                .note("dU = E·V + λU and dV = Eᵀ·U + λV with eᵢⱼ = uᵢ·vⱼ − rᵢⱼ on observed entries, 0 elsewhere")
                .mistake(name_mistake(&p, lambda, &got, true))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

fn fmt_shapes(u: &Array2<f64>, v: &Array2<f64>) -> String {
    format!("U {:?}, V {:?}", u.dim(), v.dim())
}

/// A few steps of train_mf equal the test's own gradient descent (U and V updated together).
///
/// 5 seeded 12×9 problems, rank 2 fitted with λ in [0, 0.5], lr 0.01, 1 to 4 steps, from a
/// random start. Tolerance 1e-10 relative (summation order only). Zero steps return the start.
pub fn training_steps_are_gradient_steps(train_mf: impl TrainFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::training_steps_are_gradient_steps");
    for case in 0..5 {
        let p = problem(&mut inputs, (12, 9, 2), 0.6, 2, 0.5);
        let lambda = inputs.uniform(0.0, 0.5);
        let steps = if case == 0 { 0 } else { inputs.index(1, 5) };
        let got = train_mf(&p.r, &p.mask, &p.u, &p.v, lambda, 0.01, steps);
        let want = reference_train(&p, lambda, 0.01, steps, Rule::Right);
        let shapes_ok = got.0.dim() == want.0.dim() && got.1.dim() == want.1.dim();
        let error = if shapes_ok {
            max_diff(&got.0, &want.0).max(max_diff(&got.1, &want.1))
        } else {
            f64::INFINITY
        };
        let scale = 1.0 + max_abs(&want.0).max(max_abs(&want.1));
        let within = error <= TRAIN_TOL * scale; // false for NaN
        if !within {
            return Err(Feedback::new("train_mf does not take plain gradient steps on the loss")
                .call(format!(
                    "train_mf(12×9 ratings, mask, u0 12×2, v0 9×2, lambda = {}, lr = 0.01, steps = {steps})",
                    fmt_f64(lambda)
                ))
                .expected(format!("{} after {steps} steps U ← U − lr·dU, V ← V − lr·dV", fmt_shapes(&want.0, &want.1)))
                .got(format!("{}; largest difference {}", fmt_shapes(&got.0, &got.1), fmt_f64(error)))
                .tolerance(format!("|got − expected| ≤ {} · (1 + largest |entry|)", fmt_f64(TRAIN_TOL)))
                .mistake(name_train_mistake(&got, &p, lambda, 0.01, steps))
                .seed(inputs.seed()));
        }
    }
    Ok(())
}

/// train_mf fits a rank-2 matrix from 60 % of its entries: observed RMSE < 1e-3.
///
/// 5 seeded 20×15 problems (ratings U*·V*ᵀ with N(0, 1) factors), start 0.1·N(0, 1),
/// λ = 0, lr 0.02, 2000 steps. The loss is not convex: about 2 % of such random problems
/// trap gradient descent in a spurious local minimum (RMSE ~0.2) whatever the learning rate.
/// So each problem is first solved by the test's own gradient descent from the same start,
/// and a problem it cannot fit is replaced by a new one; on the problems kept, the reference
/// reaches RMSE < 1e-3 within ~1400 steps, and every correct implementation follows the same
/// path up to rounding.
pub fn training_fits_the_observed_ratings(train_mf: impl TrainFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::training_fits_the_observed_ratings");
    let mut kept = 0;
    for _ in 0..20 {
        if kept == 5 {
            break;
        }
        let p = problem(&mut inputs, (20, 15, 2), 0.6, 2, 0.1);
        let (u, v) = reference_train(&p, 0.0, TRAIN_LR, TRAIN_STEPS, Rule::Right);
        if observed_rmse(&p.r, &p.mask, &u, &v) >= RMSE_TARGET {
            continue;
        }
        kept += 1;
        let got = train_mf(&p.r, &p.mask, &p.u, &p.v, 0.0, TRAIN_LR, TRAIN_STEPS);
        let shapes_ok = got.0.dim() == p.u.dim() && got.1.dim() == p.v.dim();
        let rmse = if shapes_ok {
            observed_rmse(&p.r, &p.mask, &got.0, &got.1)
        } else {
            f64::NAN
        };
        let fits = rmse < RMSE_TARGET; // false for NaN
        if !fits {
            return Err(Feedback::new("train_mf does not fit the observed ratings")
                .call(format!(
                    "train_mf(20×15 ratings of rank 2, 60 % observed, u0 20×2, v0 15×2, lambda = 0, \
                     lr = {TRAIN_LR}, steps = {TRAIN_STEPS})"
                ))
                .expected(format!(
                    "observed RMSE < {} (gradient descent from this start gets there)",
                    fmt_f64(RMSE_TARGET)
                ))
                .got(if shapes_ok {
                    format!("RMSE {}", fmt_f64(rmse))
                } else {
                    fmt_shapes(&got.0, &got.1)
                })
                .mistake(name_train_mistake(&got, &p, 0.0, TRAIN_LR, TRAIN_STEPS))
                .seed(inputs.seed()));
        }
    }
    Ok(())
}

/// Changing the unobserved ratings changes nothing: not the loss, not the gradients, not the
/// trained factors.
///
/// 4 seeded 20×15 problems; every unobserved rating is replaced by a value in [−1000, 1000].
/// The results must agree to 1e-12 relative (they should be identical).
pub fn unobserved_ratings_change_nothing(
    mf_loss_grad: impl LossGradFn,
    train_mf: impl TrainFn,
) -> CheckResult {
    let mut inputs = Inputs::new("day3::unobserved_ratings_change_nothing");
    for _ in 0..4 {
        let p = problem(&mut inputs, (20, 15, 3), 0.6, 3, 0.5);
        let mut noisy = p.r.clone();
        for ((i, j), value) in noisy.indexed_iter_mut() {
            if !p.mask[[i, j]] {
                *value = inputs.uniform(-1000.0, 1000.0);
            }
        }
        let a = mf_loss_grad(&p.r, &p.mask, &p.u, &p.v, 0.1);
        let b = mf_loss_grad(&noisy, &p.mask, &p.u, &p.v, 0.1);
        let ta = train_mf(&p.r, &p.mask, &p.u, &p.v, 0.1, 0.01, 3);
        let tb = train_mf(&noisy, &p.mask, &p.u, &p.v, 0.1, 0.01, 3);
        let same = |x: &Array2<f64>, y: &Array2<f64>| {
            x.dim() == y.dim() && max_diff(x, y) <= 1e-12 * (1.0 + max_abs(x))
        };
        let changed = if !gradlings_support::close(b.0, a.0, 1e-12) {
            Some(format!(
                "the loss changed from {} to {}",
                fmt_f64(a.0),
                fmt_f64(b.0)
            ))
        } else if !same(&a.1, &b.1) || !same(&a.2, &b.2) {
            Some("the gradients changed".to_string())
        } else if !same(&ta.0, &tb.0) || !same(&ta.1, &tb.1) {
            Some("the factors trained by train_mf (3 steps) changed".to_string())
        } else {
            None
        };
        if let Some(what) = changed {
            return Err(Feedback::new("the unobserved ratings must not matter")
                .call(format!(
                    "{} twice: the second time every unobserved rating replaced by a number in \
                     [−1000, 1000]",
                    describe(&p, 0.1)
                ))
                .expected("identical results")
                .got(what)
                .mistake(Some(Mistake::new(
                    "mask_ignored",
                    "a rating where mask is false is unknown (it could be anything): skip those \
                     entries in the loss and in the gradients",
                )))
                .seed(inputs.seed()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
