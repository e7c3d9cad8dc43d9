//! Comparing a student's network gradients (`Params`) with the test's, shared by 4.3, 4.4
//! and 4.7: shapes first, then each tensor against a reference, naming the worst entry
//! (`W1[2, 0]`) and, where it matches one, the catalogued mistake.

use crate::net::{Flaw, Net, Params, Tensor, random_problem};
use crate::numeric::{all_close, expect_components, five_point_gradient};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, gradcheck};
use ndarray::Array2;

/// The step of the five-point differences of the loss: truncation ~h⁴·L⁽⁵⁾/30 ≈ 1e-13 and
/// round-off ~1.5·ε·L/h ≈ 1e-13 for losses of order 1.
pub const FIVE_POINT_STEP: f64 = 1e-3;

/// Every gradient must have its parameter's shape; a transposed one is named.
pub fn expect_shapes(got: &Params, like: &Params, context: impl Fn() -> Feedback) -> CheckResult {
    for t in Tensor::ALL {
        let (got_shape, want_shape) = (got.shape(t), like.shape(t));
        if got_shape != want_shape {
            let mut reversed = want_shape.clone();
            reversed.reverse();
            let transposed = got_shape == reversed && got_shape.len() == 2;
            return Err(context()
                .expected(format!(
                    "∂L/∂{} of shape {want_shape:?}, the shape of {}",
                    t.name(),
                    t.name()
                ))
                .got(format!("shape {got_shape:?}"))
                .mistake(transposed.then(|| {
                    Mistake::new(
                        "transposed_gradient",
                        format!(
                            "∂L/∂{0} came out transposed: a gradient has the shape of its \
                             parameter — for W1 (n_hidden × n_in) that is G_Zᵀ·X, not Xᵀ·G_Z",
                            t.name()
                        ),
                    )
                })));
        }
    }
    Ok(())
}

/// The catalogued flaw whose gradient matches `got` on `tensors` (and differs there from
/// the right gradient).
pub fn name_backprop_flaw(
    net: Net,
    x: &Array2<f64>,
    y: &Array2<f64>,
    p: &Params,
    got: &Params,
    tensors: &[Tensor],
) -> Option<Mistake> {
    let (_, right) = net.backprop(x, y, p, None);
    let on = |g: &Params| -> Vec<f64> { tensors.iter().flat_map(|&t| g.tensor(t)).collect() };
    let got = on(got);
    Flaw::ALL
        .into_iter()
        .filter(|flaw| flaw.applies_to(net))
        .find(|&flaw| {
            let (_, wrong) = net.backprop(x, y, p, Some(flaw));
            all_close(&got, &on(&wrong), 1e-9) && !all_close(&on(&wrong), &on(&right), 1e-9)
        })
        .map(|flaw| flaw.mistake(net))
}

/// The five-point numerical gradient of the test's loss with respect to every parameter.
pub fn numerical_gradient(net: Net, x: &Array2<f64>, y: &Array2<f64>, p: &Params) -> Params {
    let loss = |flat: &[f64]| net.loss(x, y, &p.with_flat(flat));
    p.with_flat(&five_point_gradient(&loss, &p.flatten(), FIVE_POINT_STEP))
}

/// A problem whose reference gradient has no entry below 1e-4 in size, so that a relative
/// error of 1e-7 is meaningful for every entry (five-point differences are good to ~1e-13).
pub fn screened_problem(
    inputs: &mut Inputs,
    net: Net,
    batch: usize,
    sizes: (usize, usize, usize),
) -> (Array2<f64>, Array2<f64>, Params) {
    for _ in 0..1000 {
        let (x, y, p) = random_problem(inputs, batch, sizes);
        let (_, g) = net.backprop(&x, &y, &p, None);
        if g.flatten().iter().all(|v| v.abs() >= 1e-4) {
            return (x, y, p);
        }
    }
    panic!("the test could not draw a usable problem (a bug in the test, not in your code)")
}

/// Each tensor in `tensors` of `got` against the numerical gradient, relative error
/// ≤ `threshold` per entry; the feedback names the worst entry and the mistake.
#[allow(clippy::too_many_arguments)]
pub fn expect_numeric_gradient(
    net: Net,
    x: &Array2<f64>,
    y: &Array2<f64>,
    p: &Params,
    got: &Params,
    tensors: &[Tensor],
    threshold: f64,
    context: impl Fn() -> Feedback,
) -> CheckResult {
    expect_shapes(got, p, &context)?;
    let numeric = numerical_gradient(net, x, y, p);
    for &t in tensors {
        gradcheck::expect_gradient(
            &got.tensor(t),
            &numeric.tensor(t),
            threshold,
            |i| p.entry_name(t, i),
            || {
                context()
                    .expected(format!(
                        "∂L/∂{} = {}",
                        t.name(),
                        gradlings_support::fmt_slice(&numeric.tensor(t))
                    ))
                    .got(gradlings_support::fmt_slice(&got.tensor(t)))
                    .mistake(name_backprop_flaw(net, x, y, p, got, tensors))
            },
        )?;
    }
    Ok(())
}

/// Each tensor of `got` against the test's backpropagation, `tol · max(1, |want|)` per
/// entry (for results that must agree to rounding).
#[allow(clippy::too_many_arguments)]
pub fn expect_exact_gradient(
    net: Net,
    x: &Array2<f64>,
    y: &Array2<f64>,
    p: &Params,
    got: &Params,
    tol: f64,
    context: impl Fn() -> Feedback,
) -> CheckResult {
    expect_shapes(got, p, &context)?;
    let (_, want) = net.backprop(x, y, p, None);
    for t in Tensor::ALL {
        expect_components(
            &got.tensor(t),
            &want.tensor(t),
            tol,
            |i| p.entry_name(t, i),
            || context().mistake(name_backprop_flaw(net, x, y, p, got, &Tensor::ALL)),
        )?;
    }
    Ok(())
}

/// A mistake in a gradient-descent loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingFlaw {
    /// θ ← θ + lr·g.
    Ascent,
    /// θ ← θ − g.
    LrIgnored,
    /// One step more than asked.
    ExtraStep,
    /// One step fewer than asked.
    MissingStep,
    /// The history holds the loss after each step instead of before it.
    LossAfterStep,
}

impl TrainingFlaw {
    pub const ALL: [TrainingFlaw; 5] = [
        TrainingFlaw::Ascent,
        TrainingFlaw::LrIgnored,
        TrainingFlaw::ExtraStep,
        TrainingFlaw::MissingStep,
        TrainingFlaw::LossAfterStep,
    ];

    pub fn mistake(self) -> Mistake {
        match self {
            TrainingFlaw::Ascent => Mistake::new(
                "ascent",
                "each step went uphill: gradient *descent* subtracts, θ ← θ − lr·∂L/∂θ",
            ),
            TrainingFlaw::LrIgnored => Mistake::new(
                "lr_ignored",
                "the step must be scaled by the learning rate: θ ← θ − lr·∂L/∂θ",
            ),
            TrainingFlaw::ExtraStep => Mistake::new(
                "one_step_too_many",
                "one step too many: the loop must take exactly as many steps as asked",
            ),
            TrainingFlaw::MissingStep => Mistake::new(
                "one_step_too_few",
                "one step too few: the loop must take exactly as many steps as asked",
            ),
            TrainingFlaw::LossAfterStep => Mistake::new(
                "loss_after_step",
                "the history must hold the loss *before* each step (losses[0] is the loss of \
                 the starting parameters); yours holds the loss after it",
            ),
        }
    }
}

/// Full-batch gradient descent as the test computes it: the final parameters and the loss
/// before each step; with `flaw`, what a loop with that mistake returns.
#[allow(clippy::too_many_arguments)]
pub fn reference_training(
    net: Net,
    x: &Array2<f64>,
    y: &Array2<f64>,
    p0: &Params,
    lr: f64,
    steps: usize,
    flaw: Option<TrainingFlaw>,
) -> (Params, Vec<f64>) {
    let steps_taken = match flaw {
        Some(TrainingFlaw::ExtraStep) => steps + 1,
        Some(TrainingFlaw::MissingStep) => steps.saturating_sub(1),
        _ => steps,
    };
    let step = match flaw {
        Some(TrainingFlaw::Ascent) => -lr,
        Some(TrainingFlaw::LrIgnored) => 1.0,
        _ => lr,
    };
    let mut p = p0.clone();
    let mut losses = Vec::new();
    for _ in 0..steps_taken {
        let (loss, g) = net.backprop(x, y, &p, None);
        losses.push(loss);
        p = p.step(&g, step);
    }
    if flaw == Some(TrainingFlaw::LossAfterStep) && !losses.is_empty() {
        losses.remove(0);
        losses.push(net.loss(x, y, &p));
    }
    (p, losses)
}

/// The training flaw whose result matches `got` (parameters and history).
fn name_training_flaw(
    net: Net,
    x: &Array2<f64>,
    y: &Array2<f64>,
    p0: &Params,
    lr: f64,
    steps: usize,
    got: &(Params, Vec<f64>),
) -> Option<Mistake> {
    TrainingFlaw::ALL
        .into_iter()
        .find(|&flaw| {
            let (p, losses) = reference_training(net, x, y, p0, lr, steps, Some(flaw));
            let same_shapes = Tensor::ALL.iter().all(|&t| p.shape(t) == got.0.shape(t));
            same_shapes
                && all_close(&got.0.flatten(), &p.flatten(), 1e-8)
                && all_close(&got.1, &losses, 1e-8)
        })
        .map(TrainingFlaw::mistake)
}

/// The result of `steps` steps of a training loop against the test's own: one loss per step,
/// the loss before each step, and the final parameters, each to `tol · max(1, |want|)`.
#[allow(clippy::too_many_arguments)]
pub fn expect_training(
    net: Net,
    x: &Array2<f64>,
    y: &Array2<f64>,
    p0: &Params,
    lr: f64,
    steps: usize,
    got: &(Params, Vec<f64>),
    tol: f64,
    context: impl Fn() -> Feedback,
) -> CheckResult {
    let (want_params, want_losses) = reference_training(net, x, y, p0, lr, steps, None);
    let named = || name_training_flaw(net, x, y, p0, lr, steps, got);
    if got.1.len() != steps {
        return Err(context()
            .expected(format!("{steps} losses, one per step"))
            .got(format!("{} losses", got.1.len()))
            .mistake(named()));
    }
    expect_components(
        &got.1,
        &want_losses,
        tol,
        |i| format!("losses[{i}]"),
        || {
            context()
                .note("losses[k] is the loss before step k + 1")
                .mistake(named())
        },
    )?;
    expect_shapes(&got.0, p0, &context)?;
    for t in Tensor::ALL {
        expect_components(
            &got.0.tensor(t),
            &want_params.tensor(t),
            tol,
            |i| p0.entry_name(t, i),
            || {
                context()
                    .note(format!("final {} after {steps} steps", t.name()))
                    .mistake(named())
            },
        )?;
    }
    Ok(())
}
