//! Plausible wrong answers to 4.3, each of which the checks must reject and name, and correct
//! alternatives they must accept. The wrong answers are written the way a student writes the
//! right one — with ndarray matrix products — with one thing changed.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};
use ndarray::{Array1, Axis};

#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Right,
    MissingTanhDerivative,
    TanhDerivativeOfZ,
    MissingHalf,
    SumNotMean,
    MeanOverAllEntries,
    ResidualSign,
    BiasAveraged,
    TransposedW1,
}

fn student(x: &Array2<f64>, y: &Array2<f64>, p: &Params, variant: Variant) -> (f64, Params) {
    let batch = x.nrows() as f64;
    let z = x.dot(&p.w1.t()) + &p.b1;
    let h = z.mapv(f64::tanh);
    let y_hat = h.dot(&p.w2.t()) + &p.b2;
    let residual = &y_hat - y;
    let loss = 0.5 * residual.mapv(|r| r * r).sum() / batch;
    let grad_y_hat = match variant {
        Variant::MissingHalf => 2.0 * &residual / batch,
        Variant::SumNotMean => residual.clone(),
        Variant::MeanOverAllEntries => &residual / (batch * y.ncols() as f64),
        Variant::ResidualSign => -&residual / batch,
        _ => &residual / batch,
    };
    let bias_scale = if variant == Variant::BiasAveraged {
        1.0 / batch
    } else {
        1.0
    };
    let grad_w2 = grad_y_hat.t().dot(&h);
    let grad_b2 = grad_y_hat.sum_axis(Axis(0)) * bias_scale;
    let derivative = match variant {
        Variant::MissingTanhDerivative => h.mapv(|_| 1.0),
        Variant::TanhDerivativeOfZ => z.mapv(|v| 1.0 - v * v),
        _ => h.mapv(|t| 1.0 - t * t),
    };
    let grad_z = grad_y_hat.dot(&p.w2) * derivative;
    let grad_w1 = if variant == Variant::TransposedW1 {
        x.t().dot(&grad_z)
    } else {
        grad_z.t().dot(x)
    };
    let grad_b1 = grad_z.sum_axis(Axis(0)) * bias_scale;
    (
        loss,
        Params {
            w1: grad_w1,
            b1: grad_b1,
            w2: grad_w2,
            b2: grad_b2,
        },
    )
}

fn with(variant: Variant) -> impl ForwardBackward {
    move |x: &Array2<f64>, y: &Array2<f64>, p: &Params| student(x, y, p, variant)
}

// ---- the loss ----

fn loss_of(
    hidden: fn(f64) -> f64,
    output: fn(f64) -> f64,
    scale: fn(usize, usize) -> f64,
) -> impl MlpLoss {
    move |x: &Array2<f64>, y: &Array2<f64>, p: &Params| {
        let h = (x.dot(&p.w1.t()) + &p.b1).mapv(hidden);
        let y_hat = (h.dot(&p.w2.t()) + &p.b2).mapv(output);
        (&y_hat - y).mapv(|r| r * r).sum() * scale(x.nrows(), y.ncols())
    }
}

#[test]
fn loss_rejects_a_missing_half() {
    assert_rejects(
        loss_value(loss_of(f64::tanh, |v| v, |b, _| 1.0 / b as f64)),
        "missing_half",
    );
}

#[test]
fn loss_rejects_a_sum_over_the_batch() {
    assert_rejects(
        loss_value(loss_of(f64::tanh, |v| v, |_, _| 0.5)),
        "sum_not_mean",
    );
}

#[test]
fn loss_rejects_a_mean_over_every_entry() {
    assert_rejects(
        loss_value(loss_of(f64::tanh, |v| v, |b, k| 0.5 / (b * k) as f64)),
        "mean_over_all_entries",
    );
}

#[test]
fn loss_rejects_a_linear_hidden_layer() {
    assert_rejects(
        loss_value(loss_of(|v| v, |v| v, |b, _| 0.5 / b as f64)),
        "missing_hidden_activation",
    );
}

#[test]
fn loss_rejects_tanh_on_the_output() {
    assert_rejects(
        loss_value(loss_of(f64::tanh, f64::tanh, |b, _| 0.5 / b as f64)),
        "activation_on_output",
    );
}

#[test]
fn loss_accepts_the_mean_of_per_example_losses() {
    assert_accepts(loss_value(
        |x: &Array2<f64>, y: &Array2<f64>, p: &Params| {
            let per_example: Array1<f64> = x
                .rows()
                .into_iter()
                .zip(y.rows())
                .map(|(xr, yr)| {
                    let h = (p.w1.dot(&xr) + &p.b1).mapv(f64::tanh);
                    let y_hat = p.w2.dot(&h) + &p.b2;
                    0.5 * (&y_hat - &yr).mapv(|r| r * r).sum()
                })
                .collect();
            per_example.mean().unwrap()
        },
    ));
}

// ---- the gradients ----

#[test]
fn gradients_accept_the_matrix_formulas() {
    assert_accepts(output_layer_gradients(with(Variant::Right)));
    assert_accepts(hidden_layer_gradients(with(Variant::Right)));
}

/// Example by example, column vectors, sech² for tanh′ and accumulation in another order.
fn per_example(x: &Array2<f64>, y: &Array2<f64>, p: &Params) -> (f64, Params) {
    let batch = x.nrows() as f64;
    let mut g = Params {
        w1: Array2::zeros(p.w1.dim()),
        b1: Array1::zeros(p.b1.len()),
        w2: Array2::zeros(p.w2.dim()),
        b2: Array1::zeros(p.b2.len()),
    };
    let mut loss = 0.0;
    for b in (0..x.nrows()).rev() {
        let xr = x.row(b);
        let z = p.w1.dot(&xr) + &p.b1;
        let h = z.mapv(f64::tanh);
        let r = p.w2.dot(&h) + &p.b2 - y.row(b);
        loss += 0.5 * r.dot(&r) / batch;
        let d_out = &r / batch;
        let d_z = p.w2.t().dot(&d_out) * z.mapv(|v| 1.0 / v.cosh().powi(2));
        for k in 0..d_out.len() {
            g.b2[k] += d_out[k];
            for j in 0..h.len() {
                g.w2[[k, j]] += d_out[k] * h[j];
            }
        }
        for j in 0..d_z.len() {
            g.b1[j] += d_z[j];
            for i in 0..xr.len() {
                g.w1[[j, i]] += d_z[j] * xr[i];
            }
        }
    }
    (loss, g)
}

#[test]
fn gradients_accept_an_example_by_example_loop() {
    assert_accepts(output_layer_gradients(per_example));
    assert_accepts(hidden_layer_gradients(per_example));
}

#[test]
fn output_rejects_a_flipped_residual() {
    assert_rejects(
        output_layer_gradients(with(Variant::ResidualSign)),
        "residual_sign",
    );
}

#[test]
fn output_rejects_a_missing_half() {
    assert_rejects(
        output_layer_gradients(with(Variant::MissingHalf)),
        "missing_half",
    );
}

#[test]
fn output_rejects_a_sum_over_the_batch() {
    assert_rejects(
        output_layer_gradients(with(Variant::SumNotMean)),
        "sum_not_mean",
    );
}

#[test]
fn output_rejects_a_mean_over_every_entry() {
    assert_rejects(
        output_layer_gradients(with(Variant::MeanOverAllEntries)),
        "mean_over_all_entries",
    );
}

#[test]
fn output_rejects_averaged_bias_gradients() {
    assert_rejects(
        output_layer_gradients(with(Variant::BiasAveraged)),
        "bias_gradient_averaged",
    );
}

#[test]
fn hidden_rejects_a_missing_tanh_derivative() {
    assert_rejects(
        hidden_layer_gradients(with(Variant::MissingTanhDerivative)),
        "missing_hidden_derivative",
    );
}

#[test]
fn hidden_rejects_tanh_derivative_of_z() {
    assert_rejects(
        hidden_layer_gradients(with(Variant::TanhDerivativeOfZ)),
        "hidden_derivative_of_z",
    );
}

#[test]
fn hidden_rejects_a_transposed_gradient() {
    assert_rejects(
        hidden_layer_gradients(with(Variant::TransposedW1)),
        "transposed_gradient",
    );
}

#[test]
fn hidden_rejects_averaged_bias_gradients() {
    assert_rejects(
        hidden_layer_gradients(with(Variant::BiasAveraged)),
        "bias_gradient_averaged",
    );
}

#[test]
fn the_fixed_problems_have_no_tiny_gradient_entries() {
    for problem in [one_unit_problem(), fixed_problem()] {
        let (_, g) = NET.backprop(&problem.x, &problem.y, &problem.params, None);
        assert!(
            g.flatten().iter().all(|v| v.abs() >= 1e-4),
            "{}: {g:?}",
            problem.label
        );
    }
}
