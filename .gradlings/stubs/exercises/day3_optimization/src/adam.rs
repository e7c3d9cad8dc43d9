//! # 3.3 Adam
//!
//! One learning rate for every parameter is a compromise: a parameter with huge gradients
//! wants a small step, one with tiny gradients a large one. Adam (adaptive moment
//! estimation) gives each parameter its own scale. It keeps two running averages per
//! coordinate: m, of the gradient (a momentum, as in 3.2), and v, of the squared gradient
//! (how large gradients typically are there). The step is m divided by √v, so its size is
//! about `lr` whatever the scale of the gradient.
//!
//! Both averages start at 0, which biases them towards 0 in the first steps (after one step
//! m is only (1 − β1)·g = 0.1·g). Dividing by 1 − βᵗ removes that bias exactly.
//!
//! ```text
//! t ← t + 1                               t counts steps: the first step uses t = 1
//! m ← β1·m + (1 − β1)·g
//! v ← β2·v + (1 − β2)·g²                  g² element by element
//! m̂ = m / (1 − β1ᵗ)                       bias-corrected averages
//! v̂ = v / (1 − β2ᵗ)
//! x ← x − lr·m̂ / (√v̂ + ε)                ε is added after the square root
//!
//! defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8
//! ```
//!
//! A worked number: at the first step m̂ = g and v̂ = g², so every coordinate moves by
//! lr·g/(|g| + ε) ≈ lr against the sign of its gradient — whether g is 5, −200 or 0.01.
//! On f(x) = x² from x = 1 with lr = 0.1: g = 2 and x₁ = 1 − 0.1·2/(2 + 1e-8) = 0.9000000005.
//!
//! The tests compare your steps with these formulas to 1e-10, check that the first step
//! moves by lr, and run Adam on Rosenbrock's banana (1 − x)² + 100(y − x²)² from (−1.2, 1)
//! with lr = 0.01: ‖∇f‖ must drop below 1e-6 within 11 000 steps (about 5 500 suffice).
//!
//! **Rust notes.** `Adam` implements the [`Optimizer`] trait of 3.2. `t` is an `i32` so
//! that `self.beta1.powi(self.t)` works directly. As for momentum, the moment vectors `m`
//! and `v` are empty until the first step tells you how many parameters there are.

use crate::momentum::Optimizer;

/// The Adam optimizer with bias correction.
#[derive(Debug, Clone)]
pub struct Adam {
    pub lr: f64,
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    /// Running average of the gradients, one per parameter; empty until the first step.
    pub m: Vec<f64>,
    /// Running average of the squared gradients; empty until the first step.
    pub v: Vec<f64>,
    /// The number of steps taken so far (0 before the first step).
    pub t: i32,
}

impl Adam {
    /// Adam with learning rate `lr` and the default β1 = 0.9, β2 = 0.999, ε = 1e-8.
    pub fn new(lr: f64) -> Self {
        Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            m: Vec::new(),
            v: Vec::new(),
            t: 0,
        }
    }
}

impl Optimizer for Adam {
    fn step(&mut self, params: &mut [f64], grads: &[f64]) {
        // TODO: size m and v to params.len() (zeros) if they are empty; increment t (the first step
        // uses t = 1); then for every coordinate update m and v, form the bias-corrected m̂ and v̂,
        // and move params[i] by −lr·m̂ / (√v̂ + eps). The formulas are in the header.
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // At the first step m̂ = g and v̂ = g²: each coordinate moves by lr·|g|/(|g| + ε) ≈ lr,
    // against the sign of its gradient (the ε changes the step by less than lr·1e-6 here).
    #[test]
    fn first_step_moves_each_coordinate_by_lr() {
        let mut params = [0.0, 0.0, 0.0];
        Adam::new(0.1).step(&mut params, &[5.0, -200.0, 0.01]);
        let expected = [-0.1, 0.1, -0.1];
        for (got, want) in params.iter().zip(expected) {
            assert!((got - want).abs() < 1e-7, "got {got}, expected {want}");
        }
    }

    // The worked number above: x² from 1, lr 0.1. The second step, by hand: g = 1.8,
    // m = 0.36, v = 0.007236, corrections 0.19 and 0.001999, so m̂ ≈ 1.8947, √v̂ ≈ 1.9026
    // and x₂ = 0.9 − 0.1·1.8947/1.9026 ≈ 0.80041 (0.8004122286917928 to all digits).
    #[test]
    fn two_steps_on_x_squared() {
        let mut adam = Adam::new(0.1);
        let mut x = [1.0];
        let gradient = [2.0 * x[0]];
        adam.step(&mut x, &gradient);
        assert!((x[0] - 0.9000000005).abs() < 1e-12);
        let gradient = [2.0 * x[0]];
        adam.step(&mut x, &gradient);
        assert!((x[0] - 0.8004122286917928).abs() < 1e-12);
    }
}
