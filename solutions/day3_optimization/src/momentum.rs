//! # 3.2 Momentum
//!
//! Plain gradient descent forgets everything after each step: it looks only at the slope
//! under its feet. In a long, narrow valley that is a bad habit. Across the valley the walls
//! are steep, so the step bounces from wall to wall; along the valley floor the slope is
//! gentle, so progress is slow. A learning rate small enough to stop the bouncing makes the
//! crawl along the floor slower still.
//!
//! Momentum gives the walker a memory, like a heavy ball rolling downhill. It keeps a
//! *velocity* v, a running sum of past gradients that decays by a factor μ each step.
//! Gradients that keep pointing the same way (along the valley floor) pile up and the ball
//! speeds up; gradients that flip sign (across the valley) cancel out.
//!
//! ```text
//! plain gradient descent (Sgd)     x ← x − lr·g
//! heavy-ball momentum              v ← μ·v + g          (v starts at 0)
//!                                  x ← x − lr·v
//! ```
//!
//! Both update every coordinate the same way, element by element. With μ = 0 momentum is
//! plain gradient descent; μ = 0.9 is the usual choice.
//!
//! The tests race your momentum against plain gradient descent in such a valley,
//! f = ½(x² + 100y²) from (1, 1) with lr = 0.01 for both: counting the steps until
//! ‖∇f‖ < 1e-6 (checked before each step), momentum with μ = 0.9 must need at most half as
//! many as gradient descent (which needs 1375).
//!
//! A worked number: f(x) = x² (g = 2x) from x = 1 with lr = 0.1, μ = 0.9.
//! Step 1: g = 2, v = 2, x = 1 − 0.2 = 0.8. Step 2: g = 1.6, v = 0.9·2 + 1.6 = 3.4,
//! x = 0.8 − 0.34 = 0.46. Then 0.062 and −0.3086: the ball overshoots the minimum and
//! swings back, but on a long valley this speed is exactly what we want.
//!
//! **Rust notes.** An optimizer is anything that implements the trait [`Optimizer`]: one
//! method, `step`, that changes `params` in place given the gradient `grads` at `params`
//! (both slices have the same length). `&mut self` lets the optimizer update its own state,
//! such as the velocity. The constructors are written for you; the velocity starts as an
//! empty `Vec` because the number of parameters is only known at the first step, so resize
//! it then (`vec![0.0; params.len()]`). Because every optimizer has the same `step`, any
//! training loop can drive any of them — the hidden tests race yours against each other.

/// An optimizer: updates parameters in place from their gradient, one step at a time.
pub trait Optimizer {
    /// One update of `params`, given the gradient `grads` of the loss at `params`.
    fn step(&mut self, params: &mut [f64], grads: &[f64]);
}

/// Plain gradient descent: x ← x − lr·g.
#[derive(Debug, Clone)]
pub struct Sgd {
    pub lr: f64,
}

impl Sgd {
    pub fn new(lr: f64) -> Self {
        Sgd { lr }
    }
}

impl Optimizer for Sgd {
    fn step(&mut self, params: &mut [f64], grads: &[f64]) {
        for (param, grad) in params.iter_mut().zip(grads) {
            *param -= self.lr * grad;
        }
    }
}

/// Heavy-ball momentum: v ← μ·v + g, then x ← x − lr·v.
#[derive(Debug, Clone)]
pub struct Momentum {
    pub lr: f64,
    pub mu: f64,
    /// One velocity per parameter; empty until the first step.
    pub velocity: Vec<f64>,
}

impl Momentum {
    pub fn new(lr: f64, mu: f64) -> Self {
        Momentum {
            lr,
            mu,
            velocity: Vec::new(),
        }
    }
}

impl Optimizer for Momentum {
    fn step(&mut self, params: &mut [f64], grads: &[f64]) {
        if self.velocity.len() != params.len() {
            self.velocity = vec![0.0; params.len()];
        }
        for ((param, grad), velocity) in params.iter_mut().zip(grads).zip(&mut self.velocity) {
            *velocity = self.mu * *velocity + grad;
            *param -= self.lr * *velocity;
        }
    }
}

/// Runs `optimizer` for `steps` steps from `x0` on the gradient `grad`; returns every
/// iterate, `[x_0, x_1, …, x_steps]`. (Written for you: it is how the tests
/// drive an optimizer.)
pub fn trajectory(
    optimizer: &mut dyn Optimizer,
    grad: impl Fn(&[f64]) -> Vec<f64>,
    x0: &[f64],
    steps: usize,
) -> Vec<Vec<f64>> {
    let mut x = x0.to_vec();
    let mut path = vec![x.clone()];
    for _ in 0..steps {
        let g = grad(&x);
        optimizer.step(&mut x, &g);
        path.push(x.clone());
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    // One step of plain gradient descent: 1 − 0.1·2 = 0.8 and −2 − 0.1·(−4) = −1.6.
    #[test]
    fn sgd_steps_against_the_gradient() {
        let mut params = [1.0, -2.0];
        Sgd::new(0.1).step(&mut params, &[2.0, -4.0]);
        assert!((params[0] - 0.8).abs() < 1e-12 && (params[1] + 1.6).abs() < 1e-12);
    }

    // The worked number above: x² from 1, lr 0.1, μ 0.9 gives 1, 0.8, 0.46, 0.062, −0.3086.
    #[test]
    fn momentum_on_x_squared() {
        let mut momentum = Momentum::new(0.1, 0.9);
        let path = trajectory(&mut momentum, |x| vec![2.0 * x[0]], &[1.0], 4);
        let expected = [1.0, 0.8, 0.46, 0.062, -0.3086];
        for (x, want) in path.iter().zip(expected) {
            assert!((x[0] - want).abs() < 1e-12, "got {}, expected {want}", x[0]);
        }
    }
}
