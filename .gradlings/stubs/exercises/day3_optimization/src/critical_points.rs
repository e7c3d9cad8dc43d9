//! # 3.4 Critical points and the second-derivative test
//!
//! Gradient descent stops where the gradient vanishes: at a *critical point*. That may be a
//! minimum (what we want), a maximum, or a saddle — a mountain pass that goes up in one
//! direction and down in another. The gradient cannot tell them apart, since it is zero at
//! all three. The second derivatives can. They form the *Hessian* matrix
//!
//! ```text
//! H[i][j] = ∂²f / ∂xᵢ∂xⱼ          symmetric: H[i][j] = H[j][i]
//! ```
//!
//! Near a critical point x*, f(x* + d) ≈ f(x*) + ½·dᵀH d, so the shape of f there is the
//! shape of the quadratic dᵀH d, read off from the eigenvalues λ of H:
//!
//! ```text
//! all λ > 0              Min          curves up in every direction
//! all λ < 0              Max          curves down in every direction
//! some λ > 0, some < 0   Saddle       up one way, down another
//! some λ = 0             Degenerate   the test says nothing; higher derivatives decide
//! ```
//!
//! For two variables, H = [[p, q], [q, s]] has the eigenvalues
//!
//! ```text
//! λ = (p + s)/2 ± √( ((p − s)/2)² + q² )
//! ```
//!
//! The Hessian can be computed numerically with central differences, one step h per axis:
//!
//! ```text
//! H[i][i] ≈ ( f(x + h·eᵢ) − 2·f(x) + f(x − h·eᵢ) ) / h²
//! H[i][j] ≈ ( f(x + h·eᵢ + h·eⱼ) − f(x + h·eᵢ − h·eⱼ)
//!           − f(x − h·eᵢ + h·eⱼ) + f(x − h·eᵢ − h·eⱼ) ) / (4h²)          i ≠ j
//! ```
//!
//! Both are second order: the truncation error shrinks like h². Round-off grows like
//! ε·|f|/h² (ε ≈ 2.2e-16), so h must not be too small either; h = 1e-4·max(1, |xᵢ|), about
//! the fourth root of ε, balances the two and gives about eight correct digits.
//!
//! Numerically, "λ = 0" never happens exactly. At the origin of x⁴ + y⁴ the true Hessian is
//! zero, but the formula above returns 2h² ≈ 2e-8 on the diagonal. So an eigenvalue counts
//! as zero when |λ| ≤ [`ZERO_EIGENVALUE_TOL`]·max(1, largest |λ|).
//!
//! A worked number: Himmelblau's function (x² + y − 11)² + (x + y² − 7)² has a minimum at
//! (3, 2). Its Hessian there is [[74, 20], [20, 34]]: λ = 54 ± √(20² + 20²) ≈ 25.7 and 82.3,
//! both positive, so it is a minimum. For x² + 3xy + y², H = [[2, 3], [3, 2]] has λ = 5 and
//! −1: a saddle at the origin.
//!
//! **Rust notes.** `Array2::zeros((n, n))` makes an n×n matrix of zeros; index it with
//! `h[[i, j]]`. To evaluate f at a shifted point, copy `x` into a `Vec` (`x.to_vec()`),
//! change the coordinates you need, and pass `&point`.

use ndarray::Array2;

/// An eigenvalue of the Hessian counts as zero when |λ| ≤ this · max(1, largest |λ|).
pub const ZERO_EIGENVALUE_TOL: f64 = 1e-4;

/// What kind of critical point the second-derivative test finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriticalPoint {
    Min,
    Max,
    Saddle,
    /// A zero eigenvalue: the second derivatives cannot decide.
    Degenerate,
}

/// The Hessian of `f` at `x` (an n×n symmetric matrix) by central differences.
pub fn numerical_hessian(f: impl Fn(&[f64]) -> f64, x: &[f64]) -> Array2<f64> {
    // TODO: return the n×n matrix of second derivatives at x, n = x.len().
    // Use h = 1e-4·max(1, |x_i|) on axis i; the diagonal by the three-point stencil, the
    // off-diagonal entries by the four-point stencil (divide by 4·h_i·h_j), and fill both
    // H[i][j] and H[j][i].
    todo!()
}

/// Classifies the critical point `x` of a function of two variables by the eigenvalues of
/// its numerical Hessian.
pub fn classify_critical_point(f: impl Fn(&[f64]) -> f64, x: &[f64]) -> CriticalPoint {
    // TODO: compute numerical_hessian(f, x) (x has two coordinates) and its two eigenvalues.
    // Return Degenerate if one of them is zero within ZERO_EIGENVALUE_TOL·max(1, largest |λ|);
    // otherwise Min, Max or Saddle by their signs.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn himmelblau(p: &[f64]) -> f64 {
        (p[0] * p[0] + p[1] - 11.0).powi(2) + (p[0] + p[1] * p[1] - 7.0).powi(2)
    }

    // The worked number: differentiating Himmelblau twice by hand gives
    // f_xx = 12x² + 4y − 42, f_xy = 4x + 4y, f_yy = 12y² + 4x − 26: 74, 20, 34 at (3, 2).
    #[test]
    fn hessian_of_himmelblau_at_its_minimum() {
        let h = numerical_hessian(himmelblau, &[3.0, 2.0]);
        let expected = [[74.0, 20.0], [20.0, 34.0]];
        for i in 0..2 {
            for j in 0..2 {
                assert!(
                    (h[[i, j]] - expected[i][j]).abs() < 1e-5,
                    "H[{i}, {j}] = {}",
                    h[[i, j]]
                );
            }
        }
    }

    // x² + 3xy + y² has eigenvalues 5 and −1 at 0 (a saddle); x⁴ + y⁴ has a zero Hessian
    // there, so the test cannot decide, even though 0 is in fact its minimum.
    #[test]
    fn saddle_and_degenerate_at_the_origin() {
        let saddle = |p: &[f64]| p[0] * p[0] + 3.0 * p[0] * p[1] + p[1] * p[1];
        assert_eq!(
            classify_critical_point(saddle, &[0.0, 0.0]),
            CriticalPoint::Saddle
        );
        let quartic = |p: &[f64]| p[0].powi(4) + p[1].powi(4);
        assert_eq!(
            classify_critical_point(quartic, &[0.0, 0.0]),
            CriticalPoint::Degenerate
        );
    }
}
