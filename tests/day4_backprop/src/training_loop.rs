//! Checks for 4.7 — training on the tape: `loss.backward()` and a gradient-descent loop.
//!
//! The tape's gradients must be *the same numbers* as hand-written backpropagation (the test's
//! per-example loops of `net::Net::backprop`), to 1e-9 relative: both compute the exact
//! derivative, and only rounding differs. A training loop must then reproduce the test's
//! gradient descent to 1e-9, and with a small learning rate its loss must fall at every step.

use crate::layer_backprop::{ForwardBackward, problems};
use crate::net::{Net, Params, TANH_NET, random_problem};
use crate::net_checks::{
    expect_exact_gradient, expect_shapes, expect_training, reference_training,
};
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_slice, name_mistake,
};
use ndarray::Array2;

/// What the student implements: `(params0, x, y, lr, steps) -> (params, losses)`.
pub trait TrainOnTape:
    Fn(&Params, &Array2<f64>, &Array2<f64>, f64, usize) -> (Params, Vec<f64>)
{
}
impl<T: Fn(&Params, &Array2<f64>, &Array2<f64>, f64, usize) -> (Params, Vec<f64>)> TrainOnTape
    for T
{
}

const NET: Net = TANH_NET;
/// Two exact computations of the same derivative: rounding only.
const TOL: f64 = 1e-9;

/// `tape_loss_and_grads` returns the loss `1/(2B)·Σ(ŷ − y)²` (1e-12) and gradients equal to
/// backpropagation's (1e-9 per entry), on 4.3's worked example, a fixed 3-4-2 network and 12
/// seeded ones.
pub fn tape_matches_backprop(tape_loss_and_grads: impl ForwardBackward) -> CheckResult {
    for problem in problems("day4::tape_matches_backprop", 12) {
        let (x, y, p) = (&problem.x, &problem.y, &problem.params);
        let (loss, grads) = tape_loss_and_grads(x, y, p);
        expect_close(loss, NET.loss(x, y, p), 1e-12, || {
            problem
                .feedback(
                    "the loss built on the tape should be 1/(2B) · Σ (ŷ − y)²",
                    "tape_loss_and_grads",
                )
                .mistake(name_mistake(loss, NET.loss_mistakes(x, y, p), 1e-9))
        })?;
        expect_shapes(&grads, p, || {
            problem.feedback("a gradient has the wrong shape", "tape_loss_and_grads")
        })?;
        expect_exact_gradient(NET, x, y, p, &grads, TOL, || {
            problem
                .feedback(
                    "the gradients from the tape should equal backpropagation's (4.3)",
                    "tape_loss_and_grads",
                )
                .note(
                    "the gradients come from your tape of 4.2: if `cargo checker run 4.2` does \
                     not pass yet, fix the tape first",
                )
        })?;
    }
    Ok(())
}

fn call(p: &Params, x: &Array2<f64>, lr: f64, steps: usize) -> String {
    format!(
        "train_on_tape(params0 of {}, x: {} × {}, y, lr = {lr}, steps = {steps})",
        p.describe(),
        x.nrows(),
        x.ncols()
    )
}

/// `train_on_tape` for 1, 3 and 20 steps at lr 0.1 on seeded problems equals the test's
/// gradient descent with backpropagation's gradients: one loss per step (before the step)
/// and the final parameters, to 1e-9.
pub fn training_matches_backprop(train: impl TrainOnTape) -> CheckResult {
    let mut inputs = Inputs::new("day4::training_matches_backprop");
    for steps in [1, 3, 20] {
        let (x, y, p0) = random_problem(&mut inputs, 4, (2, 3, 2));
        let got = train(&p0, &x, &y, 0.1, steps);
        expect_training(NET, &x, &y, &p0, 0.1, steps, &got, TOL, || {
            Feedback::new("train_on_tape should take `steps` gradient-descent steps with the tape's gradients")
                .call(call(&p0, &x, 0.1, steps))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// Steps and learning rate of the monotonic-decrease check.
pub const STEPS: usize = 100;
pub const SMALL_LR: f64 = 0.05;

/// With lr 0.05, 100 steps on 3 seeded problems: every loss is below the one before it.
/// The test only uses problems on which its own gradient descent decreases strictly (with a
/// step this small it nearly always does), so any correct loop passes.
pub fn loss_decreases_monotonically(train: impl TrainOnTape) -> CheckResult {
    let mut inputs = Inputs::new("day4::loss_decreases_monotonically");
    let mut tested = 0;
    while tested < 3 {
        let (x, y, p0) = random_problem(&mut inputs, 5, (3, 4, 1));
        let (_, reference) = reference_training(NET, &x, &y, &p0, SMALL_LR, STEPS, None);
        if reference.windows(2).any(|w| w[1] >= w[0]) {
            continue;
        }
        tested += 1;
        let (p, losses) = train(&p0, &x, &y, SMALL_LR, STEPS);
        let context = || {
            Feedback::new("with a small learning rate the loss should fall at every step")
                .call(call(&p0, &x, SMALL_LR, STEPS))
                .seed(inputs.seed())
        };
        if losses.len() != STEPS {
            return Err(context()
                .expected(format!("{STEPS} losses, one per step"))
                .got(format!("{} losses", losses.len())));
        }
        // `partial_cmp`: a NaN loss counts as not decreasing.
        let decreases =
            |k: usize| losses[k].partial_cmp(&losses[k - 1]) == Some(std::cmp::Ordering::Less);
        if let Some(k) = (1..STEPS).find(|&k| !decreases(k)) {
            let mistake = if losses[STEPS - 1] > losses[0] {
                Some(Mistake::new(
                    "ascent",
                    "the loss goes up: gradient *descent* subtracts, θ ← θ − lr·∂L/∂θ",
                ))
            } else if p == p0 || losses.iter().all(|&l| l == losses[0]) {
                Some(Mistake::new(
                    "params_not_updated",
                    "the loss never changes: update the parameters after every backward pass",
                ))
            } else {
                None
            };
            return Err(context()
                .expected(format!("losses[{k}] < losses[{}]", k - 1))
                .got(format!(
                    "losses[{}] = {}, losses[{k}] = {} (first losses {})",
                    k - 1,
                    losses[k - 1],
                    losses[k],
                    fmt_slice(&losses[..k.clamp(1, 8)])
                ))
                .mistake(mistake));
        }
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
