//! Checks for 4.3 — backpropagation through a tanh hidden layer.
//!
//! The loss is a formula, so `mlp_loss` must equal the test's own loss to 1e-12 relative
//! (sums of a few dozen rounded terms). The gradients are compared, tensor by tensor, with
//! the test's five-point numerical gradient of its own loss: relative error < 1e-7 per entry
//! (the numerical gradient is accurate to ~1e-13 and every entry is at least 1e-4 in size:
//! `net_checks::screened_problem`). Wrong gradients are named by recomputing them with each
//! catalogued mistake (`net::Flaw`).

use crate::net::{Net, Params, TANH_NET, Tensor};
use crate::net_checks::{expect_numeric_gradient, expect_shapes, screened_problem};
use gradlings_support::{CheckResult, Feedback, Inputs, expect_close, name_mistake};
use ndarray::{Array2, array};

/// What the student implements: `(x, y, params) -> loss`.
pub trait MlpLoss: Fn(&Array2<f64>, &Array2<f64>, &Params) -> f64 {}
impl<T: Fn(&Array2<f64>, &Array2<f64>, &Params) -> f64> MlpLoss for T {}

/// What the student implements: `(x, y, params) -> (loss, gradients)`.
pub trait ForwardBackward: Fn(&Array2<f64>, &Array2<f64>, &Params) -> (f64, Params) {}
impl<T: Fn(&Array2<f64>, &Array2<f64>, &Params) -> (f64, Params)> ForwardBackward for T {}

const NET: Net = TANH_NET;
/// Relative error of a gradient entry against five-point differences.
const GRADIENT_THRESHOLD: f64 = 1e-7;
/// A loss is a short sum: rounding only.
const LOSS_TOL: f64 = 1e-12;

/// A problem and how it reads in feedback.
pub struct Problem {
    pub x: Array2<f64>,
    pub y: Array2<f64>,
    pub params: Params,
    pub label: String,
    pub seed: Option<u64>,
}

impl Problem {
    pub fn call(&self, function: &str) -> String {
        format!(
            "{function}(x: {} × {}, y: {} × {}, params of {}) — {}",
            self.x.nrows(),
            self.x.ncols(),
            self.y.nrows(),
            self.y.ncols(),
            self.params.describe(),
            self.label
        )
    }

    pub fn feedback(&self, summary: &str, function: &str) -> Feedback {
        let feedback = Feedback::new(summary).call(self.call(function));
        match self.seed {
            Some(seed) => feedback.seed(seed),
            None => feedback,
        }
    }
}

/// The exercise's worked example: one example, one unit everywhere.
pub fn one_unit_problem() -> Problem {
    Problem {
        x: array![[1.0]],
        y: array![[0.0]],
        params: Params {
            w1: array![[0.5]],
            b1: array![0.0],
            w2: array![[2.0]],
            b2: array![0.0],
        },
        label: "the worked example: x = 1, y = 0, W1 = 0.5, b1 = 0, W2 = 2, b2 = 0".to_string(),
        seed: None,
    }
}

/// A fixed 3-4-2 network on a batch of 3 with round numbers.
pub fn fixed_problem() -> Problem {
    Problem {
        x: array![[1.0, -0.5, 0.25], [0.0, 1.5, -1.0], [-2.0, 0.5, 1.0]],
        y: array![[0.5, -1.0], [1.0, 0.5], [-0.5, 0.25]],
        params: Params {
            w1: array![
                [0.2, -0.4, 0.6],
                [-0.8, 0.1, 0.3],
                [0.5, 0.5, -0.7],
                [0.3, -0.2, 0.9]
            ],
            b1: array![0.1, -0.2, 0.05, 0.3],
            w2: array![[0.7, -0.3, 0.4, 0.6], [-0.5, 0.8, 0.2, -0.9]],
            b2: array![0.1, -0.1],
        },
        label: "a fixed 3-4-2 network on a batch of 3".to_string(),
        seed: None,
    }
}

/// The fixed problems, then `count` seeded ones of varying sizes (always some with two or
/// three outputs, so the mean is over the batch and not over every entry).
pub fn problems(check: &str, count: usize) -> Vec<Problem> {
    let mut list = vec![one_unit_problem(), fixed_problem()];
    let mut inputs = Inputs::new(check);
    for k in 0..count {
        let batch = inputs.index(1, 7);
        let sizes = (inputs.index(1, 5), inputs.index(2, 6), 1 + k % 3);
        let (x, y, params) = screened_problem(&mut inputs, NET, batch, sizes);
        list.push(Problem {
            x,
            y,
            params,
            label: format!("seeded problem {}", k + 1),
            seed: Some(inputs.seed()),
        });
    }
    list
}

/// `mlp_loss` equals `1/(2B)·Σ(ŷ − y)²` computed by the test (1e-12), on the worked
/// example (0.4271045340681451), a fixed network and 12 seeded ones.
pub fn loss_value(mlp_loss: impl MlpLoss) -> CheckResult {
    for problem in problems("day4::loss_value", 12) {
        let got = mlp_loss(&problem.x, &problem.y, &problem.params);
        let want = NET.loss(&problem.x, &problem.y, &problem.params);
        expect_close(got, want, LOSS_TOL, || {
            problem
                .feedback(
                    "mlp_loss should be 1/(2B) · Σ (ŷ − y)² with ŷ = W2·tanh(W1·x + b1) + b2",
                    "mlp_loss",
                )
                .mistake(name_mistake(
                    got,
                    NET.loss_mistakes(&problem.x, &problem.y, &problem.params),
                    1e-9,
                ))
        })?;
    }
    Ok(())
}

fn check_gradients(
    forward_backward: impl ForwardBackward,
    check: &str,
    tensors: &[Tensor],
    what: &str,
) -> CheckResult {
    for problem in problems(check, 12) {
        let (x, y, p) = (&problem.x, &problem.y, &problem.params);
        let (loss, grads) = forward_backward(x, y, p);
        expect_close(loss, NET.loss(x, y, p), LOSS_TOL, || {
            problem
                .feedback(
                    "the loss returned by mlp_forward_backward is wrong",
                    "mlp_forward_backward",
                )
                .mistake(name_mistake(loss, NET.loss_mistakes(x, y, p), 1e-9))
        })?;
        expect_shapes(&grads, p, || {
            problem.feedback("a gradient has the wrong shape", "mlp_forward_backward")
        })?;
        expect_numeric_gradient(NET, x, y, p, &grads, tensors, GRADIENT_THRESHOLD, || {
            problem.feedback(
                &format!("{what} disagree with the numerical gradient of the loss"),
                "mlp_forward_backward",
            )
        })?;
    }
    Ok(())
}

/// ∂L/∂W2 and ∂L/∂b2 (and the loss returned with them): relative error < 1e-7 per entry
/// against the test's numerical gradient, on the worked example, a fixed network and 12
/// seeded ones.
pub fn output_layer_gradients(forward_backward: impl ForwardBackward) -> CheckResult {
    check_gradients(
        forward_backward,
        "day4::output_layer_gradients",
        &[Tensor::W2, Tensor::B2],
        "∂L/∂W2 and ∂L/∂b2",
    )
}

/// ∂L/∂W1 and ∂L/∂b1: relative error < 1e-7 per entry against the numerical gradient.
pub fn hidden_layer_gradients(forward_backward: impl ForwardBackward) -> CheckResult {
    check_gradients(
        forward_backward,
        "day4::hidden_layer_gradients",
        &[Tensor::W1, Tensor::B1],
        "∂L/∂W1 and ∂L/∂b1",
    )
}

#[cfg(test)]
mod catalogue;
