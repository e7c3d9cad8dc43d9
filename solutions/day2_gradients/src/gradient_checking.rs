//! # 2.5 Gradient checking
//!
//! A hand-derived or backpropagated gradient can be wrong and *still train* — slowly, or to
//! a worse answer — so bugs in gradients hide well. The cure is cheap to write: compare the
//! analytic gradient with a numerical one (2.1) at a few points. If they agree to many
//! digits, the analytic one is right.
//!
//! "Agree" needs a scale-free measure: an absolute difference of 1e-4 is alarming for
//! partials near 1e-3 and harmless for partials near 1e4. So compare each component relative
//! to its size, and report the worst component:
//!
//! ```text
//! rel_error(a, b) = max_i  |a_i − b_i| / max(1e-8, |a_i| + |b_i|)
//!
//!   < 1e-7   the gradient is right
//!   ~ 1e-5   suspicious (fine only near kinks such as ReLU at 0)
//!   > 1e-3   the gradient is wrong
//! ```
//!
//! The floor 1e-8 keeps the ratio finite when both components are 0 (then the error is
//! 0/1e-8 = 0, not 0/0 = NaN).
//!
//! A worked number: a = [1, 1], b = [1, 2]. Component 0 agrees exactly (error 0);
//! component 1 has |1 − 2| / (1 + 2) = 1/3. The worst is 1/3. And 1 vs 1 + 1e-7 gives
//! 1e-7 / (2 + 1e-7) ≈ 5e-8: a tiny relative disagreement.
//!
//! `grad_check` puts it together: the analytic gradient `grad(x)` against the central
//! numerical gradient of `f` at `x` with step `h`, measured with `rel_error`. Your
//! `numerical_gradient` from 2.1 is imported for you.
//!
//! **Rust notes.** Walk two arrays side by side with `a.iter().zip(b)`; keep a running
//! maximum with `worst = worst.max(e)` (starting from 0.0).

use crate::partials::numerical_gradient;
use ndarray::Array1;

/// The worst componentwise relative error `max_i |a_i − b_i| / max(1e-8, |a_i| + |b_i|)`
/// of two vectors of the same length (0 for empty vectors).
pub fn rel_error(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let mut worst: f64 = 0.0;
    for (x, y) in a.iter().zip(b) {
        let error = (x - y).abs() / (x.abs() + y.abs()).max(1e-8);
        worst = worst.max(error);
    }
    worst
}

/// `rel_error` between the analytic gradient `grad(x)` and the central numerical gradient
/// of `f` at `x` with step `h`.
pub fn grad_check(
    f: impl Fn(&Array1<f64>) -> f64,
    grad: impl Fn(&Array1<f64>) -> Array1<f64>,
    x: &Array1<f64>,
    h: f64,
) -> f64 {
    let analytic = grad(x);
    let numeric = numerical_gradient(f, x, h);
    rel_error(&analytic, &numeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    // The worked numbers above.
    #[test]
    fn rel_error_of_worked_examples() {
        assert!((rel_error(&array![1.0, 1.0], &array![1.0, 2.0]) - 1.0 / 3.0).abs() < 1e-15);
        assert!((rel_error(&array![1.0], &array![1.0 + 1e-7]) - 5e-8).abs() < 1e-12);
        assert_eq!(rel_error(&array![0.0], &array![0.0]), 0.0);
    }

    // ∇(x² + y²) = [2x, 2y] is right; [2x, y] forgets a factor 2 in its second component,
    // which is off by |2y − y| / (2|y| + |y|) = 1/3.
    #[test]
    fn grad_check_tells_right_from_wrong() {
        let f = |p: &Array1<f64>| p[0] * p[0] + p[1] * p[1];
        let x = array![0.3, -1.2];
        let right = grad_check(
            f,
            |p: &Array1<f64>| array![2.0 * p[0], 2.0 * p[1]],
            &x,
            1e-5,
        );
        let wrong = grad_check(f, |p: &Array1<f64>| array![2.0 * p[0], p[1]], &x, 1e-5);
        assert!(right < 1e-7, "{right}");
        assert!((wrong - 1.0 / 3.0).abs() < 1e-6, "{wrong}");
    }
}
