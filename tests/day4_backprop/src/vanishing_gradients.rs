//! Checks for 4.5 — activations, the sigmoid chain, Xavier and He initialisation, and the
//! per-layer gradient norms of a deep network.
//!
//! Formulas are exact (1e-12). The gradient norms must equal the test's own
//! backpropagation (per-example loops, independent of matrix formulas) to 1e-9 relative.
//! The initialisations are judged statistically on 16 000 to 30 000 draws: variance within
//! 5 % (its standard error is ≤ 1.1 %, so 5 % is ≥ 4.5 standard errors), mean within 6
//! standard errors of 0, kurtosis 3 ± 0.3 (standard error ≤ 0.04), and the same draws from
//! the same seed. The depth-10 demonstration uses the test's own Xavier (sigmoid) and He
//! (ReLU) weights, so it measures the student's backpropagation only.

use gradlings_support::TestRng;
use ndarray::Array2;

/// The activations (the test's own copy of the exercise's enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    Sigmoid,
    Relu,
    Tanh,
}

impl Activation {
    pub const ALL: [Activation; 3] = [Activation::Sigmoid, Activation::Relu, Activation::Tanh];

    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => 1.0 / (1.0 + (-z).exp()),
            Activation::Relu => z.max(0.0),
            Activation::Tanh => z.tanh(),
        }
    }

    pub fn derivative(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => {
                let s = Activation::Sigmoid.apply(z);
                s * (1.0 - s)
            }
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Tanh => 1.0 - z.tanh().powi(2),
        }
    }
}

/// `(activation, z) -> (act(z), act′(z))`, from the student's `apply` and `derivative`.
pub trait ActivationFns: Fn(Activation, f64) -> (f64, f64) {}
impl<T: Fn(Activation, f64) -> (f64, f64)> ActivationFns for T {}

/// `(x, depth) -> d/dx σ(σ(…σ(x)))`.
pub trait SigmoidChain: Fn(f64, usize) -> f64 {}
impl<T: Fn(f64, usize) -> f64> SigmoidChain for T {}

/// `(fan_in, fan_out, rng) -> weights (fan_out × fan_in)`.
pub trait Init: Fn(usize, usize, &mut TestRng) -> Array2<f64> {}
impl<T: Fn(usize, usize, &mut TestRng) -> Array2<f64>> Init for T {}

/// `(x, ws, act) -> ‖∂L/∂W_l‖ for each layer`.
pub trait GradNorms: Fn(&Array2<f64>, &[Array2<f64>], Activation) -> Vec<f64> {}
impl<T: Fn(&Array2<f64>, &[Array2<f64>], Activation) -> Vec<f64>> GradNorms for T {}

mod activations;
mod deep_network;
mod init;

pub use activations::{activations, sigmoid_chain_bound};
pub use deep_network::{
    BATCH, DEPTH, NormFlaw, WIDTH, demo_stack, grad_norms_match_backprop, reference_norms,
    relu_gradients_survive, sigmoid_gradients_vanish,
};
pub use init::{he_variance, xavier_variance};

#[cfg(test)]
mod catalogue;
