//! # 2.3 The direction of steepest ascent
//!
//! Standing at a point x, you can walk off in any direction u. How fast does f rise if you
//! do? That rate is the *directional derivative*, and the gradient answers it for every
//! direction at once: it is the dot product of ∇f(x) with the *unit* vector along u.
//!
//! ```text
//! D_u f(x) = ∇f(x) · u / ‖u‖ = ‖∇f(x)‖ · cos θ        θ = angle between ∇f(x) and u
//!
//! steepest ascent:  u* = ∇f(x) / ‖∇f(x)‖,   D_u* f = ‖∇f(x)‖   (cos θ = 1)
//! steepest descent: −u*,                     rate −‖∇f(x)‖      (cos θ = −1)
//! ```
//!
//! Dividing by ‖u‖ makes the answer depend on the *direction* only: walking along (3, 4) or
//! (30, 40) is the same walk. Since cos θ ≤ 1, no direction climbs faster than the gradient's
//! own, and the opposite direction descends fastest — the reason gradient *descent* steps
//! along −∇f. The zero vector has no direction, and a zero gradient (a flat spot: a minimum,
//! maximum or saddle) has no steepest direction: both answers are `None`.
//!
//! A worked number: f(x, y) = x²y + sin y has ∇f = [2xy, x² + cos y], which at (1, 2) is
//! [4, 1 + cos 2] = [4, 0.583853]. Along u = (3, 4), ‖u‖ = 5:
//! D_u f = (4·3 + 0.583853·4) / 5 = 2.8670825308. The steepest rate there is
//! ‖∇f‖ = √(16 + 0.340885) = 4.042386.
//!
//! **Rust notes.** `a.dot(&b)` is the dot product of two `Array1`s, so ‖u‖ is
//! `u.dot(u).sqrt()`. `grad / norm` divides every component (`&Array1 / f64` gives a new
//! array). Return `None` for "no answer", `Some(value)` otherwise.

use ndarray::Array1;

/// The rate of change of f along the direction of `u`, given `grad` = ∇f(x);
/// `None` when `u` is the zero vector.
pub fn directional_derivative(grad: &Array1<f64>, u: &Array1<f64>) -> Option<f64> {
    // TODO: return None when u is the zero vector (‖u‖ == 0);
    // otherwise Some(∇f · u / ‖u‖).
    todo!()
}

/// The unit vector along which f rises fastest, given `grad` = ∇f(x);
/// `None` when the gradient is zero.
pub fn steepest_ascent(grad: &Array1<f64>) -> Option<Array1<f64>> {
    // TODO: return None when the gradient is the zero vector;
    // otherwise Some(∇f / ‖∇f‖), a vector of length 1.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    // The worked number above: ∇f(1, 2) = [4, 1 + cos 2], u = (3, 4).
    #[test]
    fn rate_along_3_4() {
        let grad = array![4.0, 1.0 + 2f64.cos()];
        let rate = directional_derivative(&grad, &array![3.0, 4.0]).unwrap();
        assert!((rate - 2.8670825308).abs() < 1e-9, "{rate}");
    }

    // ∇f = [3, 4] has length 5, so the steepest direction is [0.6, 0.8].
    #[test]
    fn steepest_direction_of_3_4() {
        let u = steepest_ascent(&array![3.0, 4.0]).unwrap();
        assert!(
            (u[0] - 0.6).abs() < 1e-12 && (u[1] - 0.8).abs() < 1e-12,
            "{u}"
        );
    }

    // The zero vector has no direction; a zero gradient has no steepest one.
    #[test]
    fn zero_vectors_give_none() {
        assert_eq!(
            directional_derivative(&array![1.0, 2.0], &array![0.0, 0.0]),
            None
        );
        assert_eq!(steepest_ascent(&array![0.0, 0.0]), None);
    }
}
