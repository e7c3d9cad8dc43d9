//! The test's own side of 3.4: labels from Hessians, the plausible wrong Hessians and
//! second-derivative tests, and the functions whose critical points are classified.

use super::{Label, ZERO_EIGENVALUE_TOL};
use crate::common::Function;
use crate::landscapes::{eigenvalues_2x2, himmelblau, himmelblau_gradient, himmelblau_hessian};
use gradlings_support::Mistake;
use ndarray::{Array2, array};

/// Plausible wrong Hessians, built from the exact one.
pub(super) fn hessian_mistakes(exact: &Array2<f64>) -> Vec<(Mistake, Array2<f64>)> {
    let n = exact.nrows();
    let off = |factor: f64| {
        Array2::from_shape_fn((n, n), |(i, j)| {
            if i == j {
                exact[[i, j]]
            } else {
                factor * exact[[i, j]]
            }
        })
    };
    let diag = |factor: f64| {
        Array2::from_shape_fn((n, n), |(i, j)| {
            if i == j {
                factor * exact[[i, j]]
            } else {
                exact[[i, j]]
            }
        })
    };
    vec![
        (
            Mistake::new(
                "mixed_not_divided_by_4",
                "your mixed partials are 4× too large: the four-point stencil spans 2h in each \
                 direction, so divide by 4h² (or 4·hᵢ·hⱼ)",
            ),
            off(4.0),
        ),
        (
            Mistake::new(
                "mixed_divided_by_2",
                "your mixed partials are 2× too large: the four-point stencil spans 2h in each \
                 direction, so divide by 4h² (or 4·hᵢ·hⱼ), not 2h²",
            ),
            off(2.0),
        ),
        (
            Mistake::new(
                "mixed_partials_missing",
                "the off-diagonal entries ∂²f/∂xᵢ∂xⱼ (i ≠ j) are missing: they need the \
                 four-point stencil f(+,+) − f(+,−) − f(−,+) + f(−,−)",
            ),
            off(0.0),
        ),
        (
            Mistake::new(
                "diagonal_halved",
                "your diagonal is half the true one: (f(x + h) − 2f(x) + f(x − h)) is divided by \
                 h², not 2h²",
            ),
            diag(0.5),
        ),
        (
            Mistake::new(
                "diagonal_doubled",
                "your diagonal is twice the true one: divide (f(x + h) − 2f(x) + f(x − h)) by h² \
                 (with the same h as in the stencil)",
            ),
            diag(2.0),
        ),
    ]
}

/// The label of a symmetric 2×2 Hessian, with the exercise's zero tolerance; `strict` drops
/// the tolerance (a plausible mistake).
pub(super) fn label_of(h: &Array2<f64>, strict: bool) -> Label {
    let (low, high) = eigenvalues_2x2(h);
    let scale = low.abs().max(high.abs()).max(1.0);
    let zero_tol = if strict {
        0.0
    } else {
        ZERO_EIGENVALUE_TOL * scale
    };
    if low.abs() <= zero_tol || high.abs() <= zero_tol {
        Label::Degenerate
    } else if low > 0.0 {
        Label::Min
    } else if high < 0.0 {
        Label::Max
    } else {
        Label::Saddle
    }
}

/// The test's own central-difference Hessian (h = 1e-4·max(1, |xᵢ|)), for the mistake models.
pub(super) fn reference_numerical_hessian(f: &dyn Fn(&[f64]) -> f64, x: &[f64]) -> Array2<f64> {
    let steps: Vec<f64> = x.iter().map(|v| 1e-4 * v.abs().max(1.0)).collect();
    let at = |i: usize, si: f64, j: usize, sj: f64| {
        let mut p = x.to_vec();
        p[i] += si * steps[i];
        p[j] += sj * steps[j];
        f(&p)
    };
    Array2::from_shape_fn((x.len(), x.len()), |(i, j)| {
        if i == j {
            (at(i, 1.0, i, 0.0) - 2.0 * f(x) + at(i, -1.0, i, 0.0)) / (steps[i] * steps[i])
        } else {
            (at(i, 1.0, j, 1.0) - at(i, 1.0, j, -1.0) - at(i, -1.0, j, 1.0) + at(i, -1.0, j, -1.0))
                / (4.0 * steps[i] * steps[j])
        }
    })
}

/// Plausible wrong second-derivative tests, as functions of the (numerical) Hessian.
/// A second-derivative test as a function of the Hessian.
pub(super) type Rule = fn(&Array2<f64>) -> Label;

pub(super) fn label_mistakes() -> Vec<(Mistake, Rule)> {
    vec![
        (
            Mistake::new(
                "min_max_swapped",
                "positive eigenvalues mean the graph curves up in every direction: a minimum \
                 (negative ones: a maximum)",
            ),
            |h| match label_of(h, false) {
                Label::Min => Label::Max,
                Label::Max => Label::Min,
                other => other,
            },
        ),
        (
            Mistake::new(
                "ignores_mixed_partial",
                "you decide from the diagonal entries alone; the mixed partial matters too (for \
                 x² + 3xy + y² both diagonal entries are 2, yet it is a saddle): use the \
                 eigenvalues of the whole Hessian",
            ),
            |h| {
                let (p, s) = (h[[0, 0]], h[[1, 1]]);
                let diagonal = array![[p, 0.0], [0.0, s]];
                label_of(&diagonal, false)
            },
        ),
        (
            Mistake::new(
                "determinant_only",
                "a positive determinant means both eigenvalues have the same sign — both \
                 positive (a minimum) or both negative (a maximum); look at the trace or \
                 H[0][0] to tell which",
            ),
            |h| match label_of(h, false) {
                Label::Max => Label::Min,
                other => other,
            },
        ),
        (
            Mistake::new(
                "no_zero_tolerance",
                "a numerical Hessian is never exactly zero: at the origin of x⁴ + y⁴ it is about \
                 2h² on the diagonal. Count |λ| ≤ ZERO_EIGENVALUE_TOL·max(1, largest |λ|) as zero",
            ),
            |h| label_of(h, true),
        ),
    ]
}

/// One classification case: the function, its critical point, the right label.
pub(super) struct Case {
    pub(super) name: String,
    pub(super) f: Function,
    pub(super) x: Vec<f64>,
    pub(super) label: Label,
}

/// Newton's method on Himmelblau's gradient from `start` (exact derivatives, 30 steps).
pub(super) fn himmelblau_critical_point(start: [f64; 2]) -> [f64; 2] {
    let mut p = start;
    for _ in 0..30 {
        let g = himmelblau_gradient(&p);
        let h = himmelblau_hessian(&p);
        let det = h[[0, 0]] * h[[1, 1]] - h[[0, 1]] * h[[1, 0]];
        p[0] -= (h[[1, 1]] * g[0] - h[[0, 1]] * g[1]) / det;
        p[1] -= (h[[0, 0]] * g[1] - h[[1, 0]] * g[0]) / det;
    }
    p
}

/// Approximate locations of Himmelblau's nine critical points (refined by Newton).
pub(super) const HIMMELBLAU_STARTS: [[f64; 2]; 9] = [
    [3.0, 2.0],
    [-2.805, 3.131],
    [-3.779, -3.283],
    [3.584, -1.848],
    [-0.271, -0.923],
    [0.087, 2.884],
    [-3.073, -0.081],
    [3.385, 0.074],
    [-0.128, -1.954],
];

/// The nine critical points of Himmelblau with their labels from the exact Hessian.
pub(super) fn himmelblau_cases() -> Vec<Case> {
    HIMMELBLAU_STARTS
        .iter()
        .map(|&start| {
            let p = himmelblau_critical_point(start);
            Case {
                name: "Himmelblau".to_string(),
                f: Box::new(himmelblau),
                x: p.to_vec(),
                label: label_of(&himmelblau_hessian(&p), false),
            }
        })
        .collect()
}

/// f(p) = ½(p − c)ᵀ·R·diag(λ)·Rᵀ·(p − c) + k (a rotated quadratic with critical point c).
pub(super) fn rotated_quadratic(c: Vec<f64>, angle: f64, l1: f64, l2: f64, k: f64) -> Function {
    let (cos, sin) = (angle.cos(), angle.sin());
    Box::new(move |p| {
        let (dx, dy) = (p[0] - c[0], p[1] - c[1]);
        let (u, w) = (cos * dx + sin * dy, -sin * dx + cos * dy);
        0.5 * (l1 * u * u + l2 * w * w) + k
    })
}

/// f(p) = ½λ·u² + s·w⁴ in rotated coordinates (u, w) around c: one zero eigenvalue.
pub(super) fn rotated_degenerate(c: Vec<f64>, angle: f64, l1: f64, s: f64) -> Function {
    let (cos, sin) = (angle.cos(), angle.sin());
    Box::new(move |p| {
        let (dx, dy) = (p[0] - c[0], p[1] - c[1]);
        let (u, w) = (cos * dx + sin * dy, -sin * dx + cos * dy);
        0.5 * l1 * u * u + s * w.powi(4)
    })
}
