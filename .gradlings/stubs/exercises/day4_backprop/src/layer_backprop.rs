//! # 4.3 Backpropagation through a layer
//!
//! Reverse mode on a tape (4.2) works one number at a time. Written with matrices, the same
//! sweep becomes a handful of matrix products: *backpropagation*. Here it is for a network
//! with one hidden layer of tanh units, the picture from the course text:
//!
//! ```text
//! for one example x (a column):   z = W1·x + b1      h = tanh(z)      ŷ = W2·h + b2
//!                                 loss of the example = ½·‖ŷ − y‖²
//! ```
//!
//! A batch holds B examples, one per **row** of `x` (B × n_in) and `y` (B × n_out). Row by
//! row that is `Z = X·W1ᵀ + b1`, `H = tanh(Z)`, `Ŷ = H·W2ᵀ + b2`, and the loss is the
//! **mean over the batch** of the per-example loss, **with the ½**:
//!
//! ```text
//! L = 1/(2B) · Σ_rows Σ_outputs (ŷ − y)²
//! ```
//!
//! The backward pass is the chain rule, applied from the loss back to the input; each line
//! reuses the one before it (G below is ∂L/∂ of the matrix named by its subscript):
//!
//! ```text
//! G_Ŷ  = (Ŷ − Y) / B                    B × n_out        (the ½ cancels the 2 of the square)
//! ∂L/∂W2 = G_Ŷᵀ · H                      n_out × n_hidden
//! ∂L/∂b2 = column sums of G_Ŷ            n_out
//! G_H  = G_Ŷ · W2                       B × n_hidden     (the gradient flows back through W2)
//! G_Z  = G_H ⊙ (1 − H²)                 B × n_hidden     (tanh′(z) = 1 − tanh²(z), elementwise)
//! ∂L/∂W1 = G_Zᵀ · X                      n_hidden × n_in
//! ∂L/∂b1 = column sums of G_Z            n_hidden
//! ```
//!
//! Every gradient has the shape of its parameter — a quick check on any formula. Biases are
//! added to every row, so their gradient *sums* the rows.
//!
//! A worked number, one example with one unit everywhere: x = 1, y = 0, W1 = 0.5, b1 = 0,
//! W2 = 2, b2 = 0. Forward: z = 0.5, h = tanh 0.5 = 0.4621, ŷ = 0.9242, L = ½·0.9242² =
//! 0.4271. Backward: G_Ŷ = 0.9242, ∂L/∂W2 = 0.9242·0.4621 = 0.4271, ∂L/∂b2 = 0.9242,
//! G_Z = 0.9242·2·(1 − 0.4621²) = 1.4537 = ∂L/∂W1 = ∂L/∂b1.
//!
//! **Rust notes.** `a.dot(&b)` multiplies matrices, `a.t()` is the transpose (a view, no
//! copy), `a.mapv(f64::tanh)` applies a function to every element, `&z + &b1` adds the vector
//! `b1` to every row of `z` (broadcasting), `g.sum_axis(Axis(0))` sums the rows, and `&a * &b`
//! multiplies elementwise. Operators on references (`&a - &b`) leave both operands usable.

use ndarray::{Array1, Array2, Axis};

/// The parameters of the network — and, with the same shapes, their gradients.
///
/// `w1`: n_hidden × n_in, `b1`: n_hidden, `w2`: n_out × n_hidden, `b2`: n_out.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub w1: Array2<f64>,
    pub b1: Array1<f64>,
    pub w2: Array2<f64>,
    pub b2: Array1<f64>,
}

/// The loss `1/(2B) · Σ (ŷ − y)²` of the network on the batch `x` (one example per row).
pub fn mlp_loss(x: &Array2<f64>, y: &Array2<f64>, params: &Params) -> f64 {
    // TODO: the forward pass and the loss, for the whole batch at once:
    // hidden = tanh(x·W1ᵀ + b1), y_hat = hidden·W2ᵀ + b2, then
    // L = 0.5 · (sum of all (y_hat − y)²) / B, where B = x.nrows() is the batch size.
    todo!()
}

/// The loss and its gradient with respect to every parameter, by backpropagation.
pub fn mlp_forward_backward(x: &Array2<f64>, y: &Array2<f64>, params: &Params) -> (f64, Params) {
    // TODO: the same forward pass (keep hidden and y_hat) and loss, then the backward pass of
    // the table above, line by line: G_Ŷ = (y_hat − y)/B; ∂L/∂W2 = G_Ŷᵀ·hidden;
    // ∂L/∂b2 = column sums of G_Ŷ; G_Z = (G_Ŷ·W2) ⊙ (1 − hidden²); ∂L/∂W1 = G_Zᵀ·x;
    // ∂L/∂b1 = column sums of G_Z. Return (loss, Params { w1: ∂L/∂W1, b1: …, w2: …, b2: … }).
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

    // The worked number above: with h = tanh(0.5), ŷ = 2h and L = ½ŷ²; ∂L/∂W2 = ŷ·h and
    // ∂L/∂W1 = ŷ·2·(1 − h²)·x with x = 1.
    #[test]
    fn one_unit_everywhere() {
        let (x, y) = (array![[1.0]], array![[0.0]]);
        let h = 0.5_f64.tanh();
        let y_hat = 2.0 * h;
        let (loss, grads) = mlp_forward_backward(&x, &y, &one_unit_network());
        assert!((loss - 0.5 * y_hat * y_hat).abs() < 1e-12);
        assert!((mlp_loss(&x, &y, &one_unit_network()) - loss).abs() < 1e-12);
        assert!((grads.w2[[0, 0]] - y_hat * h).abs() < 1e-12);
        assert!((grads.b2[0] - y_hat).abs() < 1e-12);
        assert!((grads.w1[[0, 0]] - y_hat * 2.0 * (1.0 - h * h)).abs() < 1e-12);
        assert!((grads.b1[0] - y_hat * 2.0 * (1.0 - h * h)).abs() < 1e-12);
    }

    // Every gradient has the shape of its parameter: here 3 inputs, 4 hidden units, 2 outputs.
    #[test]
    fn gradients_have_the_shapes_of_the_parameters() {
        let params = Params {
            w1: Array2::from_elem((4, 3), 0.1),
            b1: Array1::zeros(4),
            w2: Array2::from_elem((2, 4), -0.2),
            b2: Array1::zeros(2),
        };
        let (x, y) = (Array2::from_elem((5, 3), 1.0), Array2::zeros((5, 2)));
        let (_, grads) = mlp_forward_backward(&x, &y, &params);
        assert_eq!(grads.w1.dim(), (4, 3));
        assert_eq!(grads.b1.len(), 4);
        assert_eq!(grads.w2.dim(), (2, 4));
        assert_eq!(grads.b2.len(), 2);
    }
}
