//! Smooth functions of n variables that the day-2 checks differentiate.
//!
//! Each couples its coordinates and is curved in every one of them, so a partial taken at the
//! wrong point (a probe that was not put back) or along the wrong axis has a visibly wrong
//! value.

use ndarray::Array1;

/// A test function of n ≥ 2 variables and the box its points are drawn from.
#[derive(Clone, Copy)]
pub struct VecFn {
    pub name: &'static str,
    pub f: fn(&Array1<f64>) -> f64,
    pub lo: f64,
    pub hi: f64,
}

impl VecFn {
    pub fn eval(&self, x: &Array1<f64>) -> f64 {
        (self.f)(x)
    }
}

fn sine_chain(x: &Array1<f64>) -> f64 {
    let n = x.len();
    (0..n).map(|i| x[i].sin() * x[(i + 1) % n]).sum::<f64>() + 0.5 * x.dot(x)
}

fn weighted_exp_cos(x: &Array1<f64>) -> f64 {
    let n = x.len() as f64;
    let s: f64 = x
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64 + 1.0) * v)
        .sum();
    (0.6 * s / n).exp() * (x[0] - x[x.len() - 1]).cos()
}

fn log_bowl(x: &Array1<f64>) -> f64 {
    (1.0 + x.dot(x)).ln() + x.iter().map(|v| v.powi(3)).sum::<f64>() / 3.0
}

fn product_of_shifts(x: &Array1<f64>) -> f64 {
    x.iter().map(|v| 1.5 + (0.8 * v).tanh()).product()
}

pub const SINE_CHAIN: VecFn = VecFn {
    name: "Σ sin(x_i)·x_{i+1} (cyclic) + ½‖x‖²",
    f: sine_chain,
    lo: -2.0,
    hi: 2.0,
};

pub const WEIGHTED_EXP_COS: VecFn = VecFn {
    name: "exp(0.6·Σ (i+1)·x_i / n)·cos(x_0 − x_{n−1})",
    f: weighted_exp_cos,
    lo: -1.5,
    hi: 1.5,
};

pub const LOG_BOWL: VecFn = VecFn {
    name: "ln(1 + ‖x‖²) + Σ x_i³/3",
    f: log_bowl,
    lo: -2.0,
    hi: 2.0,
};

pub const PRODUCT_OF_SHIFTS: VecFn = VecFn {
    name: "Π (1.5 + tanh(0.8·x_i))",
    f: product_of_shifts,
    lo: -2.0,
    hi: 2.0,
};

pub const ALL: [VecFn; 4] = [SINE_CHAIN, WEIGHTED_EXP_COS, LOG_BOWL, PRODUCT_OF_SHIFTS];
