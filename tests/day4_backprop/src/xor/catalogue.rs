//! Plausible wrong answers to 4.4, each of which the checks must reject and name, and correct
//! alternatives they must accept, written as a student would with ndarray.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};
use ndarray::{Array1, Axis};

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

// ---- forward ----

fn forward_with(hidden: fn(f64) -> f64, output: fn(f64) -> f64) -> impl Forward {
    move |x: &Array2<f64>, p: &Params| {
        let h = (x.dot(&p.w1.t()) + &p.b1).mapv(hidden);
        (h.dot(&p.w2.t()) + &p.b2).mapv(output)
    }
}

#[test]
fn forward_accepts_the_matrix_form() {
    assert_accepts(forward_predictions(forward_with(sigmoid, sigmoid)));
}

#[test]
fn forward_accepts_a_row_by_row_loop_with_the_tanh_form_of_sigmoid() {
    // σ(z) = (1 + tanh(z/2))/2, another algebraic form.
    let alt = |z: f64| 0.5 * (1.0 + (0.5 * z).tanh());
    assert_accepts(forward_predictions(move |x: &Array2<f64>, p: &Params| {
        let mut out = Array2::zeros((x.nrows(), p.w2.nrows()));
        for (b, row) in x.rows().into_iter().enumerate() {
            let h = (p.w1.dot(&row) + &p.b1).mapv(alt);
            out.row_mut(b).assign(&(p.w2.dot(&h) + &p.b2).mapv(alt));
        }
        out
    }));
}

#[test]
fn forward_rejects_tanh_in_the_hidden_layer() {
    assert_rejects(
        forward_predictions(forward_with(f64::tanh, sigmoid)),
        "tanh_hidden",
    );
}

#[test]
fn forward_rejects_a_linear_output() {
    assert_rejects(
        forward_predictions(forward_with(sigmoid, |z| z)),
        "missing_output_activation",
    );
}

#[test]
fn forward_rejects_a_linear_hidden_layer() {
    assert_rejects(
        forward_predictions(forward_with(|z| z, sigmoid)),
        "missing_hidden_activation",
    );
}

// ---- gradients ----

#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Right,
    MissingOutputDerivative,
    OutputDerivativeOfActivation,
    TanhDerivativeHidden,
    HiddenDerivativeOfActivation,
    MissingHalf,
    SumNotMean,
}

fn student(x: &Array2<f64>, y: &Array2<f64>, p: &Params, variant: Variant) -> (f64, Params) {
    let batch = x.nrows() as f64;
    let h = (x.dot(&p.w1.t()) + &p.b1).mapv(sigmoid);
    let y_hat = (h.dot(&p.w2.t()) + &p.b2).mapv(sigmoid);
    let residual = &y_hat - y;
    let loss = 0.5 * residual.mapv(|r| r * r).sum() / batch;
    let grad_y_hat = match variant {
        Variant::MissingHalf => 2.0 * &residual / batch,
        Variant::SumNotMean => residual.clone(),
        _ => &residual / batch,
    };
    let output_derivative = match variant {
        Variant::MissingOutputDerivative => y_hat.mapv(|_| 1.0),
        Variant::OutputDerivativeOfActivation => y_hat.mapv(|s| sigmoid(s) * (1.0 - sigmoid(s))),
        _ => y_hat.mapv(|s| s * (1.0 - s)),
    };
    let grad_z2 = grad_y_hat * output_derivative;
    let hidden_derivative = match variant {
        Variant::TanhDerivativeHidden => h.mapv(|s| 1.0 - s * s),
        Variant::HiddenDerivativeOfActivation => h.mapv(|s| sigmoid(s) * (1.0 - sigmoid(s))),
        _ => h.mapv(|s| s * (1.0 - s)),
    };
    let grad_z1 = grad_z2.dot(&p.w2) * hidden_derivative;
    let grads = Params {
        w1: grad_z1.t().dot(x),
        b1: grad_z1.sum_axis(Axis(0)),
        w2: grad_z2.t().dot(&h),
        b2: grad_z2.sum_axis(Axis(0)),
    };
    (loss, grads)
}

fn fb(variant: Variant) -> impl ForwardBackward + Copy {
    move |x: &Array2<f64>, y: &Array2<f64>, p: &Params| student(x, y, p, variant)
}

#[test]
fn gradients_accept_the_matrix_formulas() {
    assert_accepts(gradients_match_numerical(fb(Variant::Right)));
}

#[test]
fn gradients_reject_a_missing_output_derivative() {
    assert_rejects(
        gradients_match_numerical(fb(Variant::MissingOutputDerivative)),
        "missing_output_derivative",
    );
}

#[test]
fn gradients_reject_sigmoid_applied_twice_at_the_output() {
    assert_rejects(
        gradients_match_numerical(fb(Variant::OutputDerivativeOfActivation)),
        "output_derivative_of_activation",
    );
}

#[test]
fn gradients_reject_the_tanh_derivative() {
    assert_rejects(
        gradients_match_numerical(fb(Variant::TanhDerivativeHidden)),
        "tanh_derivative_for_sigmoid",
    );
}

#[test]
fn gradients_reject_sigmoid_applied_twice_in_the_hidden_layer() {
    assert_rejects(
        gradients_match_numerical(fb(Variant::HiddenDerivativeOfActivation)),
        "hidden_derivative_of_activation",
    );
}

#[test]
fn gradients_reject_a_missing_half() {
    assert_rejects(
        gradients_match_numerical(fb(Variant::MissingHalf)),
        "missing_half",
    );
}

#[test]
fn gradients_reject_a_sum_over_the_batch() {
    assert_rejects(
        gradients_match_numerical(fb(Variant::SumNotMean)),
        "sum_not_mean",
    );
}

// ---- training ----

#[derive(Clone, Copy, PartialEq)]
enum Loop {
    Right,
    /// Rebuilds the parameters each epoch instead of updating in place.
    RightRebuilt,
    Ascent,
    LrIgnored,
    ExtraStep,
    MissingStep,
    LossAfterStep,
    ReturnsStart,
}

fn train(p0: &Params, lr: f64, epochs: usize, how: Loop) -> (Params, Vec<f64>) {
    let (x, y) = xor_data();
    let mut p = p0.clone();
    let mut losses = Vec::new();
    let rounds = match how {
        Loop::ExtraStep => epochs + 1,
        Loop::MissingStep => epochs - 1,
        _ => epochs,
    };
    for _ in 0..rounds {
        let (loss, g) = student(&x, &y, &p, Variant::Right);
        if how != Loop::LossAfterStep {
            losses.push(loss);
        }
        let step = match how {
            Loop::Ascent => -lr,
            Loop::LrIgnored => 1.0,
            _ => lr,
        };
        if how == Loop::RightRebuilt {
            p = Params {
                w1: &p.w1 - &(&g.w1 * step),
                b1: &p.b1 - &(&g.b1 * step),
                w2: &p.w2 - &(&g.w2 * step),
                b2: &p.b2 - &(&g.b2 * step),
            };
        } else {
            p.w1.scaled_add(-step, &g.w1);
            p.b1.scaled_add(-step, &g.b1);
            p.w2.scaled_add(-step, &g.w2);
            p.b2.scaled_add(-step, &g.b2);
        }
        if how == Loop::LossAfterStep {
            losses.push(student(&x, &y, &p, Variant::Right).0);
        }
    }
    if how == Loop::ReturnsStart {
        return (p0.clone(), losses);
    }
    (p, losses)
}

fn trainer(how: Loop) -> impl TrainXor + Copy {
    move |p0: &Params, lr: f64, epochs: usize| train(p0, lr, epochs, how)
}

#[test]
fn training_accepts_in_place_and_rebuilt_updates() {
    for how in [Loop::Right, Loop::RightRebuilt] {
        assert_accepts(one_epoch_is_one_step(trainer(how)));
        assert_accepts(solves_xor(trainer(how)));
    }
}

#[test]
fn training_rejects_ascent() {
    assert_rejects(one_epoch_is_one_step(trainer(Loop::Ascent)), "ascent");
    assert_rejects(solves_xor(trainer(Loop::Ascent)), "ascent");
}

#[test]
fn training_rejects_ignoring_the_learning_rate() {
    assert_rejects(
        one_epoch_is_one_step(trainer(Loop::LrIgnored)),
        "lr_ignored",
    );
}

#[test]
fn training_rejects_an_extra_step() {
    assert_rejects(
        one_epoch_is_one_step(trainer(Loop::ExtraStep)),
        "one_step_too_many",
    );
}

#[test]
fn training_rejects_a_missing_step() {
    assert_rejects(
        one_epoch_is_one_step(trainer(Loop::MissingStep)),
        "one_step_too_few",
    );
}

#[test]
fn training_rejects_the_loss_after_each_step() {
    assert_rejects(
        one_epoch_is_one_step(trainer(Loop::LossAfterStep)),
        "loss_after_step",
    );
}

#[test]
fn training_rejects_returning_the_start() {
    assert_rejects(
        solves_xor(trainer(Loop::ReturnsStart)),
        "params_not_updated",
    );
}

#[test]
fn the_untrained_zero_network_has_loss_one_eighth() {
    let (x, y) = xor_data();
    let zeros = Params {
        w1: Array2::zeros((4, 2)),
        b1: Array1::zeros(4),
        w2: Array2::zeros((1, 4)),
        b2: Array1::zeros(1),
    };
    assert!((NET.loss(&x, &y, &zeros) - 0.125).abs() < 1e-15);
}

#[test]
fn the_fast_reference_agrees_with_the_network_reference() {
    let mut inputs = Inputs::with_seed(2);
    let (x, y) = xor_data();
    for _ in 0..3 {
        let p0 = normal_init(&mut inputs);
        let (p, _) = crate::net_checks::reference_training(NET, &x, &y, &p0, 1.0, 300, None);
        let (loss, correct) = reference_xor_run(&p0, 1.0, 300);
        assert!((loss - NET.loss(&x, &y, &p)).abs() < 1e-12, "{loss}");
        assert_eq!(correct, outcome(&p).1);
    }
}
