//! # 2.4 Gradient fields
//!
//! Evaluate the gradient of f(x, y) at every point of a grid and draw each one as a little
//! arrow: that picture is the *gradient field*. Every arrow points uphill, at right angles to
//! the contour line through its point, and is long where the landscape is steep. Gradient
//! descent follows the arrows backwards, so the field shows at a glance where it will go.
//!
//! The grid is given by its x coordinates `xs` (nx of them) and y coordinates `ys` (ny).
//! Store the field as an image is stored: one *row* per y value, one *column* per x value,
//! and the two partials along the last axis.
//!
//! ```text
//! field.shape() == [ny, nx, 2]
//! field[[j, i, 0]] = ∂f/∂x at (xs[i], ys[j])  ≈ (f(x + h, y) − f(x − h, y)) / (2h)
//! field[[j, i, 1]] = ∂f/∂y at (xs[i], ys[j])  ≈ (f(x, y + h) − f(x, y − h)) / (2h)
//!                                                 with h = FIELD_STEP = 1e-5
//! ```
//!
//! A worked number: f = x² + 3y² has ∇f = [2x, 6y]. On the grid xs = [−1, 0, 1],
//! ys = [0, 2] the field has shape [2, 3, 2], and `field[[1, 0, ..]]` — row 1 (y = 2),
//! column 0 (x = −1) — is [−2, 12].
//!
//! **Rust notes.** `Array3::zeros((ny, nx, 2))` makes the output (the shape is a tuple);
//! index it with `field[[j, i, 0]]`. Loop `for (j, &y) in ys.iter().enumerate()` to get
//! both the row number and its y value. Here f takes two plain numbers: call it `f(x, y)`.

use ndarray::{Array1, Array3};

/// The step of the central differences in [`gradient_field`].
pub const FIELD_STEP: f64 = 1e-5;

/// ∇f at every grid point: shape (ys.len(), xs.len(), 2), `[j, i]` holding
/// `[∂f/∂x, ∂f/∂y]` at `(xs[i], ys[j])`.
pub fn gradient_field(
    f: impl Fn(f64, f64) -> f64,
    xs: &Array1<f64>,
    ys: &Array1<f64>,
) -> Array3<f64> {
    // TODO: make an array of zeros of shape (ys.len(), xs.len(), 2). For every row j
    // (y = ys[j]) and column i (x = xs[i]) store the central differences in x and in y,
    // with h = FIELD_STEP, at [j, i, 0] and [j, i, 1]. Return the array.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    // The worked number above: rows follow ys, columns follow xs.
    #[test]
    fn field_of_a_bowl() {
        let field = gradient_field(
            |x, y| x * x + 3.0 * y * y,
            &array![-1.0, 0.0, 1.0],
            &array![0.0, 2.0],
        );
        assert_eq!(field.shape(), &[2, 3, 2]);
        // Row 1 is y = 2, column 0 is x = −1: ∇f = [2·(−1), 6·2].
        assert!((field[[1, 0, 0]] + 2.0).abs() < 1e-6, "{field}");
        assert!((field[[1, 0, 1]] - 12.0).abs() < 1e-6, "{field}");
    }
}
