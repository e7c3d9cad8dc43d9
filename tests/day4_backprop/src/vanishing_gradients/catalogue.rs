//! Plausible wrong answers to 4.5, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{Inputs, assert_accepts, assert_rejects};
use ndarray::Axis;
use rand::RngExt;

// ---- activations ----

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn right_activation(act: Activation, z: f64) -> (f64, f64) {
    match act {
        Activation::Sigmoid => (sigmoid(z), sigmoid(z) * (1.0 - sigmoid(z))),
        Activation::Relu => (z.max(0.0), if z > 0.0 { 1.0 } else { 0.0 }),
        Activation::Tanh => (z.tanh(), 1.0 - z.tanh().powi(2)),
    }
}

fn with_change(act_changed: Activation, changed: fn(f64) -> (f64, f64)) -> impl ActivationFns {
    move |act: Activation, z: f64| {
        if act == act_changed {
            changed(z)
        } else {
            right_activation(act, z)
        }
    }
}

#[test]
fn activations_accept_other_algebraic_forms() {
    assert_accepts(activations(|act: Activation, z: f64| match act {
        // e^(−z)/(1 + e^(−z))² and relu′ = 1 for z ≥ 0 (the kink is never tested).
        Activation::Sigmoid => (
            0.5 * (1.0 + (0.5 * z).tanh()),
            (-z).exp() / (1.0 + (-z).exp()).powi(2),
        ),
        Activation::Relu => (
            if z > 0.0 { z } else { 0.0 },
            if z >= 0.0 { 1.0 } else { 0.0 },
        ),
        Activation::Tanh => (z.tanh(), 1.0 / z.cosh().powi(2)),
    }));
}

#[test]
fn activations_reject_the_sigmoid_sign() {
    let wrong = with_change(Activation::Sigmoid, |z| {
        (1.0 / (1.0 + z.exp()), sigmoid(z) * (1.0 - sigmoid(z)))
    });
    assert_rejects(activations(wrong), "sigmoid_sign");
}

#[test]
fn activations_reject_a_sigmoid_derivative_without_one_minus() {
    assert_rejects(
        activations(with_change(Activation::Sigmoid, |z| {
            (sigmoid(z), sigmoid(z))
        })),
        "sigmoid_derivative_missing_factor",
    );
}

#[test]
fn activations_reject_the_sigmoid_derivative_of_z() {
    assert_rejects(
        activations(with_change(Activation::Sigmoid, |z| {
            (sigmoid(z), z * (1.0 - z))
        })),
        "sigmoid_derivative_of_z",
    );
}

#[test]
fn activations_reject_relu_slope_as_its_value() {
    assert_rejects(
        activations(with_change(Activation::Relu, |z| (z.max(0.0), z.max(0.0)))),
        "relu_derivative_is_value",
    );
}

#[test]
fn activations_reject_relu_as_min() {
    assert_rejects(
        activations(with_change(Activation::Relu, |z| (z.min(0.0), 0.0))),
        "relu_is_min",
    );
}

#[test]
fn activations_reject_tanh_derivative_of_z() {
    assert_rejects(
        activations(with_change(Activation::Tanh, |z| (z.tanh(), 1.0 - z * z))),
        "tanh_derivative_of_z",
    );
}

// ---- the sigmoid chain ----

fn chain_by(
    evaluate_at: fn(&[f64], usize) -> f64,
    factors: fn(usize) -> usize,
) -> impl SigmoidChain {
    move |x: f64, depth: usize| {
        let mut u = vec![x];
        for _ in 0..depth {
            u.push(sigmoid(*u.last().unwrap()));
        }
        (0..factors(depth))
            .map(|i| {
                let v = evaluate_at(&u, i);
                sigmoid(v) * (1.0 - sigmoid(v))
            })
            .product()
    }
}

#[test]
fn chain_accepts_a_running_product() {
    assert_accepts(sigmoid_chain_bound(|x: f64, depth: usize| {
        let (mut value, mut slope) = (x, 1.0);
        for _ in 0..depth {
            let s = sigmoid(value);
            slope *= s * (1.0 - s);
            value = s;
        }
        slope
    }));
}

#[test]
fn chain_rejects_every_slope_at_x() {
    assert_rejects(
        sigmoid_chain_bound(chain_by(|u, _| u[0], |d| d)),
        "derivative_at_x",
    );
}

#[test]
fn chain_rejects_slopes_at_the_outputs() {
    assert_rejects(
        sigmoid_chain_bound(chain_by(|u, i| u[i + 1], |d| d)),
        "derivatives_at_outputs",
    );
}

#[test]
fn chain_rejects_a_missing_factor() {
    assert_rejects(
        sigmoid_chain_bound(chain_by(|u, i| u[i], |d| d.saturating_sub(1))),
        "one_factor_missing",
    );
}

// ---- initialisation ----

fn normal(rng: &mut TestRng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

fn init_with(variance: fn(f64, f64) -> f64) -> impl Init {
    move |fan_in: usize, fan_out: usize, rng: &mut TestRng| {
        let std = variance(fan_in as f64, fan_out as f64).sqrt();
        Array2::from_shape_fn((fan_out, fan_in), |_| std * normal(rng))
    }
}

#[test]
fn inits_accept_the_right_variances() {
    assert_accepts(xavier_variance(init_with(|i, o| 2.0 / (i + o))));
    assert_accepts(he_variance(init_with(|i, _| 2.0 / i)));
}

#[test]
fn inits_accept_a_normal_from_another_algorithm() {
    // The sum of 12 uniforms minus 6 is approximately N(0, 1) (kurtosis 2.9).
    assert_accepts(he_variance(
        |fan_in: usize, fan_out: usize, rng: &mut TestRng| {
            let std = (2.0 / fan_in as f64).sqrt();
            Array2::from_shape_fn((fan_out, fan_in), |_| {
                std * ((0..12).map(|_| rng.random::<f64>()).sum::<f64>() - 6.0)
            })
        },
    ));
}

#[test]
fn xavier_rejects_he_variance() {
    assert_rejects(xavier_variance(init_with(|i, _| 2.0 / i)), "he_variance");
}

#[test]
fn xavier_rejects_a_missing_factor_two() {
    assert_rejects(
        xavier_variance(init_with(|i, o| 1.0 / (i + o))),
        "missing_factor_two",
    );
}

#[test]
fn xavier_rejects_the_variance_as_standard_deviation() {
    assert_rejects(
        xavier_variance(init_with(|i, o| (2.0 / (i + o)).powi(2))),
        "variance_used_as_std",
    );
}

#[test]
fn he_rejects_xavier_variance() {
    assert_rejects(
        he_variance(init_with(|i, o| 2.0 / (i + o))),
        "xavier_variance",
    );
}

#[test]
fn he_rejects_lecun_variance() {
    assert_rejects(he_variance(init_with(|i, _| 1.0 / i)), "lecun_variance");
}

#[test]
fn he_rejects_fan_out() {
    assert_rejects(he_variance(init_with(|_, o| 2.0 / o)), "fan_out_not_fan_in");
}

#[test]
fn he_rejects_a_transposed_shape() {
    assert_rejects(
        he_variance(|fan_in: usize, fan_out: usize, rng: &mut TestRng| {
            let std = (2.0 / fan_in as f64).sqrt();
            Array2::from_shape_fn((fan_in, fan_out), |_| std * normal(rng))
        }),
        "shape_transposed",
    );
}

#[test]
fn he_rejects_uniform_draws() {
    assert_rejects(
        he_variance(|fan_in: usize, fan_out: usize, rng: &mut TestRng| {
            // Uniform on [−a, a] has variance a²/3: the right variance, the wrong shape.
            let a = (3.0 * 2.0 / fan_in as f64).sqrt();
            Array2::from_shape_fn((fan_out, fan_in), |_| rng.random_range(-a..a))
        }),
        "uniform_not_normal",
    );
}

#[test]
fn xavier_rejects_a_generator_of_its_own() {
    assert_rejects(
        xavier_variance(|fan_in: usize, fan_out: usize, _rng: &mut TestRng| {
            let mut own = Inputs::with_seed(1).fork_rng();
            let std = (2.0 / (fan_in + fan_out) as f64).sqrt();
            Array2::from_shape_fn((fan_out, fan_in), |_| std * normal(&mut own))
        }),
        "rng_not_used",
    );
}

// ---- gradient norms ----

#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Right,
    ReversedOrder,
    MissingHalf,
    SumNotMean,
    SquaredNorms,
    MissingLastDerivative,
    DerivativeAtActivation,
    MissingActivationDerivative,
}

fn student(x: &Array2<f64>, ws: &[Array2<f64>], act: Activation, variant: Variant) -> Vec<f64> {
    let slope = |z: &Array2<f64>, h: &Array2<f64>| match variant {
        Variant::MissingActivationDerivative => z.mapv(|_| 1.0),
        Variant::DerivativeAtActivation => h.mapv(|v| act.derivative(v)),
        _ => z.mapv(|v| act.derivative(v)),
    };
    let mut hs = vec![x.clone()];
    let mut zs = Vec::new();
    for w in ws {
        let z = hs.last().unwrap().dot(&w.t());
        hs.push(z.mapv(|v| act.apply(v)));
        zs.push(z);
    }
    let batch = x.nrows() as f64;
    let scale = match variant {
        Variant::MissingHalf => 2.0 / batch,
        Variant::SumNotMean => 1.0,
        _ => 1.0 / batch,
    };
    let last = ws.len() - 1;
    let mut delta = &hs[ws.len()] * scale;
    if variant != Variant::MissingLastDerivative {
        delta = delta * slope(&zs[last], &hs[ws.len()]);
    }
    let mut norms = vec![0.0; ws.len()];
    for l in (0..ws.len()).rev() {
        let g = delta.t().dot(&hs[l]);
        let squared = g.mapv(|v| v * v).sum_axis(Axis(0)).sum();
        norms[l] = if variant == Variant::SquaredNorms {
            squared
        } else {
            squared.sqrt()
        };
        if l > 0 {
            delta = delta.dot(&ws[l]) * slope(&zs[l - 1], &hs[l]);
        }
    }
    if variant == Variant::ReversedOrder {
        norms.reverse();
    }
    norms
}

fn norms_with(variant: Variant) -> impl GradNorms + Copy {
    move |x: &Array2<f64>, ws: &[Array2<f64>], act: Activation| student(x, ws, act, variant)
}

#[test]
fn norms_accept_the_matrix_formulas() {
    assert_accepts(grad_norms_match_backprop(norms_with(Variant::Right)));
    assert_accepts(sigmoid_gradients_vanish(norms_with(Variant::Right)));
    assert_accepts(relu_gradients_survive(norms_with(Variant::Right)));
}

#[test]
fn norms_reject_the_reversed_order() {
    assert_rejects(
        grad_norms_match_backprop(norms_with(Variant::ReversedOrder)),
        "reversed_order",
    );
    assert_rejects(
        sigmoid_gradients_vanish(norms_with(Variant::ReversedOrder)),
        "reversed_order",
    );
}

#[test]
fn norms_reject_a_missing_half() {
    assert_rejects(
        grad_norms_match_backprop(norms_with(Variant::MissingHalf)),
        "missing_half",
    );
}

#[test]
fn norms_reject_a_sum_over_the_batch() {
    assert_rejects(
        grad_norms_match_backprop(norms_with(Variant::SumNotMean)),
        "sum_not_mean",
    );
}

#[test]
fn norms_reject_squared_norms() {
    assert_rejects(
        grad_norms_match_backprop(norms_with(Variant::SquaredNorms)),
        "squared_norm",
    );
}

#[test]
fn norms_reject_a_missing_last_derivative() {
    assert_rejects(
        grad_norms_match_backprop(norms_with(Variant::MissingLastDerivative)),
        "missing_last_derivative",
    );
}

#[test]
fn norms_reject_the_derivative_at_the_activation() {
    assert_rejects(
        grad_norms_match_backprop(norms_with(Variant::DerivativeAtActivation)),
        "derivative_at_activation",
    );
}

#[test]
fn norms_reject_a_missing_activation_derivative() {
    let wrong = norms_with(Variant::MissingActivationDerivative);
    assert_rejects(
        grad_norms_match_backprop(wrong),
        "missing_activation_derivative",
    );
    assert_rejects(
        sigmoid_gradients_vanish(wrong),
        "missing_activation_derivative",
    );
    assert_rejects(
        relu_gradients_survive(wrong),
        "missing_activation_derivative",
    );
}
