//! # 4.5 Vanishing gradients
//!
//! Backpropagation multiplies. Through a deep network the gradient of the first layer is a
//! product with one factor per layer above it: a weight matrix and an activation derivative.
//! If those factors are typically below 1, the product shrinks geometrically and the early
//! layers stop learning. That is the vanishing-gradient problem, and sigmoid is its classic
//! cause, because its slope is never more than ¼:
//!
//! ```text
//! σ(z) = 1/(1 + e^(−z))     σ′(z) = σ(z)(1 − σ(z)) ≤ ¼          (equality at z = 0)
//! relu(z) = max(z, 0)       relu′(z) = 1 for z > 0, 0 for z < 0  (we use 0 at z = 0)
//! tanh′(z) = 1 − tanh²(z) ≤ 1
//!
//! d/dx σ(σ(…σ(x)…)) with 10 sigmoids  =  σ′(u₀)·σ′(u₁)·…·σ′(u₉)  ≤  (¼)¹⁰ ≈ 9.5e-7
//! ```
//!
//! ReLU's slope is exactly 1 wherever a unit is active, so the product does not shrink by
//! itself — provided the weights keep the signal's size from layer to layer. That is what the
//! initialisations are for: draw each weight from a normal distribution N(0, s²) with
//!
//! ```text
//! Xavier (Glorot):  s² = 2 / (fan_in + fan_out)     for sigmoid and tanh
//! He (Kaiming):     s² = 2 / fan_in                 for ReLU (half its inputs are cut to 0)
//! ```
//!
//! where fan_in is the number of inputs of a unit and fan_out the number of units.
//!
//! The experiment: a stack of layers without biases, `h₀ = x` (B × width, one example per
//! row), `h_l = act(h_{l−1}·W_lᵀ)` for l = 1…L (the activation after **every** layer, the
//! last one included), and the loss `L = 1/(2B)·Σ ‖h_L‖²` (½ · mean over the batch of the
//! squared output). Backpropagation gives each ∂L/∂W_l; its size is the Frobenius norm
//! `‖G‖ = √(Σ g²)`. With depth 10, width 32, batch 64, sigmoid with Xavier init gives
//! ‖∂L/∂W₁‖ about a million times smaller than ‖∂L/∂W₁₀‖; ReLU with He init keeps them
//! within a factor of a few. See it with your own functions (prints a table):
//! `cargo test -p day4_backprop gradient_norms_per_layer -- --nocapture`.
//!
//! ```text
//! G_L = h_L / B ⊙ act′(Z_L)               (Z_l = h_{l−1}·W_lᵀ, the pre-activations)
//! ∂L/∂W_l = G_lᵀ · h_{l−1}
//! G_{l−1} = (G_l · W_l) ⊙ act′(Z_{l−1})
//! ```
//!
//! **Rust notes.** `standard_normal(rng)` draws one N(0, 1) number; multiply it by s for
//! N(0, s²). `Array2::from_shape_fn((rows, cols), |_| …)` fills a matrix by calling the
//! closure once per element. Weight matrices have shape (fan_out, fan_in), like W1 in 4.3.

use crate::chain_rule::{Link, chain_derivative};
use ndarray::Array2;
use rand::{Rng, RngExt};

/// An activation function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    Sigmoid,
    Relu,
    Tanh,
}

impl Activation {
    /// act(z).
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => 1.0 / (1.0 + (-z).exp()),
            Activation::Relu => z.max(0.0),
            Activation::Tanh => z.tanh(),
        }
    }

    /// act′(z), the derivative at the pre-activation z (ReLU: 0 at z = 0).
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
            Activation::Tanh => {
                let t = z.tanh();
                1.0 - t * t
            }
        }
    }
}

/// The derivative of σ(σ(…σ(x)…)), with `depth` sigmoids, at x (depth 0 is the identity).
pub fn sigmoid_chain_derivative(x: f64, depth: usize) -> f64 {
    let link: Link = (
        |z| Activation::Sigmoid.apply(z),
        |z| Activation::Sigmoid.derivative(z),
    );
    chain_derivative(&vec![link; depth], x)
}

/// One draw from the standard normal distribution N(0, 1) (Box–Muller).
pub fn standard_normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>(); // in (0, 1], so ln(u1) is finite
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A (fan_out × fan_in) matrix of independent N(0, 2/(fan_in + fan_out)) draws.
pub fn xavier_normal(fan_in: usize, fan_out: usize, rng: &mut impl Rng) -> Array2<f64> {
    let std = (2.0 / (fan_in + fan_out) as f64).sqrt();
    Array2::from_shape_fn((fan_out, fan_in), |_| std * standard_normal(rng))
}

/// A (fan_out × fan_in) matrix of independent N(0, 2/fan_in) draws.
pub fn he_normal(fan_in: usize, fan_out: usize, rng: &mut impl Rng) -> Array2<f64> {
    let std = (2.0 / fan_in as f64).sqrt();
    Array2::from_shape_fn((fan_out, fan_in), |_| std * standard_normal(rng))
}

/// ‖∂L/∂W_l‖ (Frobenius) for l = 1…L, in layer order, for the stack `ws` on the batch `x`.
pub fn layer_weight_grad_norms(x: &Array2<f64>, ws: &[Array2<f64>], act: Activation) -> Vec<f64> {
    // Forward: keep every layer's input h_{l−1} and pre-activation Z_l.
    let mut layer_inputs = Vec::with_capacity(ws.len());
    let mut pre_activations = Vec::with_capacity(ws.len());
    let mut h = x.clone();
    for w in ws {
        let z = h.dot(&w.t());
        let next = z.mapv(|v| act.apply(v));
        layer_inputs.push(h);
        pre_activations.push(z);
        h = next;
    }
    // Backward: G_L = h_L / B ⊙ act′(Z_L), then down through the layers.
    let batch = x.nrows() as f64;
    let mut norms = vec![0.0; ws.len()];
    let Some(last) = pre_activations.last() else {
        return norms;
    };
    let mut grad_z = h / batch * last.mapv(|v| act.derivative(v));
    for l in (0..ws.len()).rev() {
        let grad_w = grad_z.t().dot(&layer_inputs[l]);
        norms[l] = grad_w.mapv(|g| g * g).sum().sqrt();
        if l > 0 {
            grad_z = grad_z.dot(&ws[l]) * pre_activations[l - 1].mapv(|v| act.derivative(v));
        }
    }
    norms
}

#[cfg(test)]
mod tests {
    use super::*;

    // σ(0) = ½ and σ′(0) = ½·½ = ¼, the largest slope sigmoid ever has.
    #[test]
    fn sigmoid_at_zero() {
        assert!((Activation::Sigmoid.apply(0.0) - 0.5).abs() < 1e-12);
        assert!((Activation::Sigmoid.derivative(0.0) - 0.25).abs() < 1e-12);
    }

    // Ten sigmoids in a row: ten factors, each at most ¼.
    #[test]
    fn ten_sigmoids_shrink_the_slope() {
        for x in [-2.0, 0.0, 0.7, 3.0] {
            let d = sigmoid_chain_derivative(x, 10);
            assert!(d > 0.0 && d <= 0.25_f64.powi(10), "at {x}: {d}");
        }
    }

    // The demo. Ten layers of width 32 and a batch of 64 standard-normal inputs: sigmoid with
    // Xavier weights against ReLU with He weights. Each sigmoid layer passes back at most ¼ of
    // the gradient, so ‖∂L/∂W₁‖ is many orders of magnitude below ‖∂L/∂W₁₀‖; ReLU keeps them
    // within a small factor. The bars are on a log scale: one `#` per factor of 10 above 1e-10.
    // Run with `-- --nocapture` to see the table.
    #[test]
    fn gradient_norms_per_layer() {
        use rand::SeedableRng;
        let (depth, width, batch) = (10, 32, 64);
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2024);
        let x = Array2::from_shape_fn((batch, width), |_| standard_normal(&mut rng));
        let xavier: Vec<_> = (0..depth)
            .map(|_| xavier_normal(width, width, &mut rng))
            .collect();
        let he: Vec<_> = (0..depth)
            .map(|_| he_normal(width, width, &mut rng))
            .collect();
        let sigmoid = layer_weight_grad_norms(&x, &xavier, Activation::Sigmoid);
        let relu = layer_weight_grad_norms(&x, &he, Activation::Relu);
        assert_eq!((sigmoid.len(), relu.len()), (depth, depth));

        let bar = |norm: f64| "#".repeat((norm.log10() + 10.0).clamp(0.0, 20.0).round() as usize);
        println!("layer  ‖∂L/∂W‖ sigmoid + Xavier          ‖∂L/∂W‖ ReLU + He");
        for l in 0..depth {
            let (s, r) = (sigmoid[l], relu[l]);
            println!(
                "{:>5}  {s:<9.2e} {:<24} {r:<9.2e} {}",
                l + 1,
                bar(s),
                bar(r)
            );
        }
        let (s_ratio, r_ratio) = (sigmoid[0] / sigmoid[depth - 1], relu[0] / relu[depth - 1]);
        println!("first / last layer:  sigmoid {s_ratio:.1e}   ReLU {r_ratio:.2}");
        assert!(s_ratio < 1e-4, "sigmoid ratio {s_ratio}");
        assert!((0.05..=5.0).contains(&r_ratio), "ReLU ratio {r_ratio}");
    }
}
