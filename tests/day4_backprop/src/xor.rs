//! Checks for 4.4 — a 2-4-1 sigmoid network trained on XOR.
//!
//! The forward pass and the loss are formulas (1e-12 against the test's own loop-based
//! network); the gradients are compared with five-point finite differences (relative error
//! < 1e-7, as in 4.3); the training loop must reproduce the test's own gradient descent step
//! for step (1e-10: the same arithmetic up to rounding, over at most 7 steps); and from ten
//! N(0, 1) starts, lr 1 and 5000 epochs must solve XOR.

use crate::layer_backprop::ForwardBackward;
use crate::net::{Act, Net, Params, SIGMOID_NET, Tensor};
use crate::net_checks::{
    expect_numeric_gradient, expect_shapes, expect_training, screened_problem,
};
use crate::numeric::expect_components;
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_slice, name_mistake,
};
use ndarray::{Array2, array};

/// What the student implements: `(x, params) -> predictions`.
pub trait Forward: Fn(&Array2<f64>, &Params) -> Array2<f64> {}
impl<T: Fn(&Array2<f64>, &Params) -> Array2<f64>> Forward for T {}

/// What the student implements: `(params0, lr, epochs) -> (params, losses)`.
pub trait TrainXor: Fn(&Params, f64, usize) -> (Params, Vec<f64>) {}
impl<T: Fn(&Params, f64, usize) -> (Params, Vec<f64>)> TrainXor for T {}

const NET: Net = SIGMOID_NET;

/// The four XOR examples (the test's own copy).
pub fn xor_data() -> (Array2<f64>, Array2<f64>) {
    (
        array![[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
        array![[0.0], [1.0], [1.0], [0.0]],
    )
}

/// A 2-4-1 network with every parameter drawn from N(0, 1), in the order W1, b1, W2, b2.
pub fn normal_init(inputs: &mut Inputs) -> Params {
    Params::random(inputs, 2, 4, 1, 1.0)
}

fn forward_mistakes(x: &Array2<f64>, p: &Params) -> Vec<(Mistake, Array2<f64>)> {
    vec![
        (
            Mistake::new(
                "tanh_hidden",
                "the hidden layer uses the sigmoid σ(z) = 1/(1 + e^(−z)), not tanh",
            ),
            Net {
                hidden: Act::Tanh,
                output: Act::Sigmoid,
            }
            .forward(x, p),
        ),
        (
            Mistake::new(
                "missing_output_activation",
                "the output goes through a sigmoid too: ŷ = σ(W2·h + b2)",
            ),
            Net {
                hidden: Act::Sigmoid,
                output: Act::Identity,
            }
            .forward(x, p),
        ),
        (
            Mistake::new(
                "missing_hidden_activation",
                "the hidden layer must apply σ to z = W1·x + b1",
            ),
            Net {
                hidden: Act::Identity,
                output: Act::Sigmoid,
            }
            .forward(x, p),
        ),
    ]
}

/// `sigmoid_mlp_forward` equals σ(σ(X·W1ᵀ + b1)·W2ᵀ + b2) computed by the test (1e-12), on
/// the XOR inputs with 5 seeded N(0, 1) networks and on 8 seeded batches of other sizes.
pub fn forward_predictions(forward: impl Forward) -> CheckResult {
    let mut inputs = Inputs::new("day4::forward_predictions");
    let (xor_x, _) = xor_data();
    for k in 0..13 {
        let (x, p) = if k < 5 {
            (xor_x.clone(), normal_init(&mut inputs))
        } else {
            let (n_in, n_hidden, n_out) =
                (inputs.index(1, 4), inputs.index(2, 6), inputs.index(1, 3));
            let batch = inputs.index(1, 6);
            let x = Array2::from_shape_fn((batch, n_in), |_| inputs.normal());
            (x, Params::random(&mut inputs, n_in, n_hidden, n_out, 1.0))
        };
        let got = forward(&x, &p);
        let want = NET.forward(&x, &p);
        let context = || {
            Feedback::new("sigmoid_mlp_forward should return σ(σ(X·W1ᵀ + b1)·W2ᵀ + b2)")
                .call(format!(
                    "sigmoid_mlp_forward(x: {} × {}, params of {})",
                    x.nrows(),
                    x.ncols(),
                    p.describe()
                ))
                .seed(inputs.seed())
        };
        if got.dim() != want.dim() {
            return Err(context()
                .expected(format!(
                    "predictions of shape {:?} (one row per example)",
                    want.dim()
                ))
                .got(format!("shape {:?}", got.dim())));
        }
        let flat = |a: &Array2<f64>| a.iter().copied().collect::<Vec<f64>>();
        expect_components(
            &flat(&got),
            &flat(&want),
            1e-12,
            |i| format!("ŷ[{}, {}]", i / want.ncols(), i % want.ncols()),
            || {
                let named = forward_mistakes(&x, &p)
                    .into_iter()
                    .find(|(_, wrong)| crate::numeric::all_close(&flat(&got), &flat(wrong), 1e-9))
                    .map(|(m, _)| m);
                context().mistake(named)
            },
        )?;
    }
    Ok(())
}

/// The loss `1/(2B)·Σ(ŷ − y)²` and every gradient of the sigmoid network: loss to 1e-12,
/// gradients to relative error < 1e-7 against five-point differences (entries ≥ 1e-4 by
/// construction), on XOR with 5 seeded N(0, 1) networks and on 8 seeded random problems.
pub fn gradients_match_numerical(forward_backward: impl ForwardBackward) -> CheckResult {
    let mut inputs = Inputs::new("day4::xor_gradients");
    for k in 0..13 {
        let (x, y, p) = if k < 5 {
            let (x, y) = xor_data();
            let p = loop {
                let p = normal_init(&mut inputs);
                let (_, g) = NET.backprop(&x, &y, &p, None);
                if g.flatten().iter().all(|v| v.abs() >= 1e-4) {
                    break p;
                }
            };
            (x, y, p)
        } else {
            let sizes = (inputs.index(1, 4), inputs.index(2, 6), inputs.index(1, 3));
            let batch = inputs.index(1, 7);
            screened_problem(&mut inputs, NET, batch, sizes)
        };
        let call = format!(
            "sigmoid_mlp_forward_backward(x: {} × {}, y: {} × {}, params of {})",
            x.nrows(),
            x.ncols(),
            y.nrows(),
            y.ncols(),
            p.describe()
        );
        let (loss, grads) = forward_backward(&x, &y, &p);
        expect_close(loss, NET.loss(&x, &y, &p), 1e-12, || {
            Feedback::new("the loss should be 1/(2B) · Σ (ŷ − y)² with ŷ = σ(W2·σ(W1·x + b1) + b2)")
                .call(call.clone())
                .mistake(name_mistake(loss, NET.loss_mistakes(&x, &y, &p), 1e-9))
                .seed(inputs.seed())
        })?;
        expect_shapes(&grads, &p, || {
            Feedback::new("a gradient has the wrong shape").call(call.clone())
        })?;
        expect_numeric_gradient(NET, &x, &y, &p, &grads, &Tensor::ALL, 1e-7, || {
            Feedback::new("the gradients disagree with the numerical gradient of the loss")
                .call(call.clone())
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// `train_xor` for 1, 2 and 7 epochs at lr 0.5 from seeded N(0, 1) starts equals the
/// test's gradient descent step for step: one loss per epoch, the loss *before* each step,
/// and the final parameters, to 1e-10 (the same arithmetic; only rounding differs).
pub fn one_epoch_is_one_step(train_xor: impl TrainXor) -> CheckResult {
    let mut inputs = Inputs::new("day4::one_epoch_is_one_step");
    let (x, y) = xor_data();
    for epochs in [1, 2, 7] {
        let p0 = normal_init(&mut inputs);
        let got = train_xor(&p0, 0.5, epochs);
        expect_training(NET, &x, &y, &p0, 0.5, epochs, &got, 1e-10, || {
            Feedback::new("train_xor should take one full-batch gradient step per epoch")
                .call(format!(
                    "train_xor(params0 = seeded N(0, 1) 2-4-1 network, lr = 0.5, epochs = {epochs})"
                ))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// The test's own gradient descent on XOR, with fixed-size arrays so that vetting ten
/// 5000-epoch starts costs little: the final loss and the number of examples on the right
/// side of ½. (Same arithmetic as `net::Net::backprop`, example by example.)
fn reference_xor_run(p0: &Params, lr: f64, epochs: usize) -> (f64, usize) {
    let sigmoid = |z: f64| 1.0 / (1.0 + (-z).exp());
    let xs = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]];
    let ys = [0.0, 1.0, 1.0, 0.0];
    let mut w1 = [[0.0; 2]; 4];
    let mut b1 = [0.0; 4];
    let mut w2 = [0.0; 4];
    for j in 0..4 {
        w1[j] = [p0.w1[[j, 0]], p0.w1[[j, 1]]];
        b1[j] = p0.b1[j];
        w2[j] = p0.w2[[0, j]];
    }
    let mut b2 = p0.b2[0];
    let forward = |w1: &[[f64; 2]; 4], b1: &[f64; 4], w2: &[f64; 4], b2: f64, x: [f64; 2]| {
        let mut h = [0.0; 4];
        for j in 0..4 {
            h[j] = sigmoid(w1[j][0] * x[0] + w1[j][1] * x[1] + b1[j]);
        }
        let y_hat = sigmoid((0..4).map(|j| w2[j] * h[j]).sum::<f64>() + b2);
        (h, y_hat)
    };
    for _ in 0..epochs {
        let (mut g_w1, mut g_b1, mut g_w2, mut g_b2) = ([[0.0; 2]; 4], [0.0; 4], [0.0; 4], 0.0);
        for (x, y) in xs.iter().zip(ys) {
            let (h, y_hat) = forward(&w1, &b1, &w2, b2, *x);
            let g_z2 = (y_hat - y) / 4.0 * y_hat * (1.0 - y_hat);
            g_b2 += g_z2;
            for j in 0..4 {
                g_w2[j] += g_z2 * h[j];
                let g_z1 = g_z2 * w2[j] * h[j] * (1.0 - h[j]);
                g_b1[j] += g_z1;
                g_w1[j][0] += g_z1 * x[0];
                g_w1[j][1] += g_z1 * x[1];
            }
        }
        for j in 0..4 {
            w1[j][0] -= lr * g_w1[j][0];
            w1[j][1] -= lr * g_w1[j][1];
            b1[j] -= lr * g_b1[j];
            w2[j] -= lr * g_w2[j];
        }
        b2 -= lr * g_b2;
    }
    let mut loss = 0.0;
    let mut correct = 0;
    for (x, y) in xs.iter().zip(ys) {
        let (_, y_hat) = forward(&w1, &b1, &w2, b2, *x);
        loss += 0.5 * (y_hat - y).powi(2) / 4.0;
        if (y_hat > 0.5) == (y > 0.5) {
            correct += 1;
        }
    }
    (loss, correct)
}

fn outcome(p: &Params) -> (f64, usize) {
    let (x, y) = xor_data();
    let y_hat = NET.forward(&x, p);
    let correct = (0..4)
        .filter(|&i| (y_hat[[i, 0]] > 0.5) == (y[[i, 0]] > 0.5))
        .count();
    (NET.loss(&x, &y, p), correct)
}

/// Epochs and learning rate of the convergence check.
pub const EPOCHS: usize = 5000;
pub const LR: f64 = 1.0;

/// From 10 seeded N(0, 1) starts, lr 1, 5000 epochs: the returned network (evaluated by the
/// test) has loss < 0.05 and classifies all four examples correctly (ŷ > ½ exactly for
/// 0 xor 1 and 1 xor 0). About 1 start in 300 sticks in a local minimum even with exact
/// gradient descent; the test only uses starts its own gradient descent solves, so a
/// correct loop passes whatever `GRADLINGS_SEED` is.
pub fn solves_xor(train_xor: impl TrainXor) -> CheckResult {
    let mut inputs = Inputs::new("day4::solves_xor");
    let mut solved = 0;
    while solved < 10 {
        let p0 = normal_init(&mut inputs);
        let (reference_loss, reference_correct) = reference_xor_run(&p0, LR, EPOCHS);
        if reference_loss >= 0.05 || reference_correct < 4 {
            continue;
        }
        let (p, losses) = train_xor(&p0, LR, EPOCHS);
        let context = |summary: &str| {
            Feedback::new(summary.to_string())
                .call(format!("train_xor(params0 = seeded N(0, 1) 2-4-1 network no. {}, lr = 1, epochs = 5000)", solved + 1))
                .seed(inputs.seed())
        };
        if losses.len() != EPOCHS {
            return Err(context("train_xor should return one loss per epoch")
                .expected(format!("{EPOCHS} losses"))
                .got(format!("{} losses", losses.len())));
        }
        expect_shapes(&p, &p0, || {
            context("the trained parameters have the wrong shapes")
        })?;
        let (loss, correct) = outcome(&p);
        if !(loss < 0.05 && correct == 4) {
            let (x, _) = xor_data();
            let y_hat = NET.forward(&x, &p);
            let initial = outcome(&p0).0;
            let mistake = if loss > initial {
                Some(uphill_mistake())
            } else if p == p0 {
                Some(unchanged_mistake())
            } else {
                None
            };
            return Err(context("the trained network does not solve XOR")
                .expected("loss < 0.05 and all four examples on the right side of ½")
                .got(format!(
                    "loss {loss:.5}, {correct}/4 correct, predictions {}",
                    fmt_slice(&y_hat.column(0).to_vec())
                ))
                .note(format!("the loss of the starting network was {initial:.5}"))
                .mistake(mistake));
        }
        solved += 1;
    }
    Ok(())
}

fn uphill_mistake() -> Mistake {
    Mistake::new(
        "ascent",
        "the loss went up: gradient *descent* subtracts, θ ← θ − lr·∂L/∂θ",
    )
}

fn unchanged_mistake() -> Mistake {
    Mistake::new(
        "params_not_updated",
        "the returned parameters are the starting ones: update a copy in the loop and return it",
    )
}

#[cfg(test)]
mod catalogue;
