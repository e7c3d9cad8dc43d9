//! # 4.7 What `loss.backward()` does
//!
//! In PyTorch a training step is four lines: compute the loss, `loss.backward()`, step,
//! zero the gradients. Now you can say what each line does, because you have built all of it:
//!
//! 1. **Forward.** Every parameter goes on a fresh tape as a variable; the network and the loss
//!    are computed with tape arithmetic, so every multiplication and every tanh is recorded
//!    with its local derivatives (4.2).
//! 2. **`loss.backward()`.** One reverse sweep over the tape gives ∂loss/∂θ for every
//!    parameter θ at once — the same numbers the hand-written backpropagation of 4.3
//!    produces, without writing a single transpose.
//! 3. **Step.** θ ← θ − lr·∂loss/∂θ for every parameter (gradient descent).
//! 4. **Zero the gradients.** Here that is free: the next step builds a new tape.
//!
//! The network and the loss are those of 4.3, one hidden tanh layer and
//!
//! ```text
//! for one example (a row of x):  h_j = tanh(b1_j + Σ_i W1_ji·x_i)     ŷ_k = b2_k + Σ_j W2_kj·h_j
//! L = 1/(2B) · Σ_examples Σ_k (ŷ_k − y_k)²                 (½ · mean over the batch)
//! ```
//!
//! written one number at a time, since tape variables are scalars. The loss history has one
//! entry per step, the loss *before* that step (as in 4.4): `losses[0]` is the loss of the
//! starting parameters.
//!
//! A worked number: one example x = 1, y = 0 and one unit everywhere, W1 = 0.5, b1 = 0,
//! W2 = 2, b2 = 0 (the network of 4.3's example). The tape computes L = 0.4271 and
//! ∂L/∂W1 = 1.4537, exactly what 4.3's formulas give. One step with lr = 0.1 moves W1 to
//! 0.5 − 0.1·1.4537 = 0.3546.
//!
//! **Rust notes.** `params.w1.mapv(|w| tape.var(w))` turns a matrix of numbers into a matrix
//! of tape variables of the same shape (`Array2<Var>`); index it as usual, `w1[[j, i]]`, and
//! after the backward sweep `w1.mapv(|v| grads[v])` gives the matrix of gradients.
//! `tape.constant(0.0)` is a handy starting point for a sum. A `Var` times an `f64` works on
//! either side (4.2).

use crate::autodiff::{Tape, Var};
use crate::layer_backprop::Params;
use ndarray::Array2;

/// The loss `1/(2B) · Σ (ŷ − y)²` of the network of 4.3 and its gradients, computed on a tape.
pub fn tape_loss_and_grads(x: &Array2<f64>, y: &Array2<f64>, params: &Params) -> (f64, Params) {
    // TODO:
    // 1. A new tape; every parameter becomes a variable: `let w1 = params.w1.mapv(|w| tape.var(w));`
    //    and the same for b1, w2, b2.
    // 2. The loss, number by number: for each example (row) of x and y, the hidden values
    //    h_j = tanh(b1_j + Σ_i W1_ji·x_i), the outputs ŷ_k = b2_k + Σ_j W2_kj·h_j, and add
    //    (ŷ_k − y_k)² to a running total (start it at `tape.constant(0.0)`). Finally
    //    loss = total · (0.5 / B).
    // 3. `let grads = loss.backward();` and return (loss.value(), the four gradient arrays,
    //    e.g. `w1.mapv(|v| grads[v])`).
    todo!()
}

/// `steps` steps of gradient descent with gradients from the tape: the final parameters and
/// the loss before each step.
pub fn train_on_tape(
    params0: &Params,
    x: &Array2<f64>,
    y: &Array2<f64>,
    lr: f64,
    steps: usize,
) -> (Params, Vec<f64>) {
    // TODO: the loop of 4.4 with the tape's gradients: copy params0; `steps` times, get
    // (loss, grads) from tape_loss_and_grads, record the loss, and update θ ← θ − lr·∂L/∂θ.
    // Return the final parameters and the loss history.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn one_unit_network() -> Params {
        Params {
            w1: array![[0.5]],
            b1: array![0.0],
            w2: array![[2.0]],
            b2: array![0.0],
        }
    }

    // The worked number above (and of 4.3): L = ½(2·tanh 0.5)², ∂L/∂W1 = ŷ·2·(1 − h²).
    #[test]
    fn tape_matches_the_hand_formulas() {
        let (x, y) = (array![[1.0]], array![[0.0]]);
        let h = 0.5_f64.tanh();
        let y_hat = 2.0 * h;
        let (loss, grads) = tape_loss_and_grads(&x, &y, &one_unit_network());
        assert!((loss - 0.5 * y_hat * y_hat).abs() < 1e-12);
        assert!((grads.w1[[0, 0]] - y_hat * 2.0 * (1.0 - h * h)).abs() < 1e-12);
        assert!((grads.w2[[0, 0]] - y_hat * h).abs() < 1e-12);
    }

    // One step with lr = 0.1 moves W1 from 0.5 by −0.1·∂L/∂W1, and the history holds the
    // loss before the step.
    #[test]
    fn one_step_of_gradient_descent() {
        let (x, y) = (array![[1.0]], array![[0.0]]);
        let h = 0.5_f64.tanh();
        let y_hat = 2.0 * h;
        let (params, losses) = train_on_tape(&one_unit_network(), &x, &y, 0.1, 1);
        assert_eq!(losses.len(), 1);
        assert!((losses[0] - 0.5 * y_hat * y_hat).abs() < 1e-12);
        let want = 0.5 - 0.1 * y_hat * 2.0 * (1.0 - h * h);
        assert!((params.w1[[0, 0]] - want).abs() < 1e-12);
    }
}
