//! Plausible wrong answers to 3.4, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

/// Which entries a Hessian implementation fills.
#[derive(Clone, Copy, PartialEq)]
enum Fill {
    Both,
    UpperOnly,
    DiagonalOnly,
}

/// A central-difference Hessian with a fixed step and configurable divisors.
fn stencil(h: f64, diag_divisor: f64, mixed_divisor: f64, fill: Fill) -> impl HessianFn {
    move |f: &dyn Fn(&[f64]) -> f64, x: &[f64]| {
        let n = x.len();
        let at = |i: usize, si: f64, j: usize, sj: f64| {
            let mut p = x.to_vec();
            p[i] += si * h;
            p[j] += sj * h;
            f(&p)
        };
        let mut m = Array2::zeros((n, n));
        for i in 0..n {
            m[[i, i]] =
                (at(i, 1.0, i, 0.0) - 2.0 * f(x) + at(i, -1.0, i, 0.0)) / (diag_divisor * h * h);
            if fill == Fill::DiagonalOnly {
                continue;
            }
            for j in i + 1..n {
                let mixed = (at(i, 1.0, j, 1.0) - at(i, 1.0, j, -1.0) - at(i, -1.0, j, 1.0)
                    + at(i, -1.0, j, -1.0))
                    / (mixed_divisor * h * h);
                m[[i, j]] = mixed;
                if fill == Fill::Both {
                    m[[j, i]] = mixed;
                }
            }
        }
        m
    }
}

// ---- numerical_hessian ----

#[test]
fn hessian_rejects_mixed_partials_over_h_squared() {
    let wrong = stencil(1e-4, 1.0, 1.0, Fill::Both);
    assert_rejects(
        hessian_at_himmelblau_minimum(&wrong),
        "mixed_not_divided_by_4",
    );
    assert_rejects(hessian_matches_exact(&wrong), "mixed_not_divided_by_4");
}

#[test]
fn hessian_rejects_mixed_partials_over_2_h_squared() {
    let wrong = stencil(1e-4, 1.0, 2.0, Fill::Both);
    assert_rejects(hessian_at_himmelblau_minimum(&wrong), "mixed_divided_by_2");
    assert_rejects(hessian_matches_exact(&wrong), "mixed_divided_by_2");
}

#[test]
fn hessian_rejects_missing_mixed_partials() {
    let wrong = stencil(1e-4, 1.0, 4.0, Fill::DiagonalOnly);
    assert_rejects(
        hessian_at_himmelblau_minimum(&wrong),
        "mixed_partials_missing",
    );
    assert_rejects(hessian_matches_exact(&wrong), "mixed_partials_missing");
}

#[test]
fn hessian_rejects_a_halved_diagonal() {
    let wrong = stencil(1e-4, 2.0, 4.0, Fill::Both);
    assert_rejects(hessian_matches_exact(&wrong), "diagonal_halved");
}

#[test]
fn hessian_rejects_one_triangle() {
    let wrong = stencil(1e-4, 1.0, 4.0, Fill::UpperOnly);
    assert_rejects(hessian_matches_exact(&wrong), "not_symmetric");
}

#[test]
fn hessian_rejects_a_large_step() {
    // Truncation error 2h² = 5e-3 on the diagonal at (3, 2).
    assert_rejects(
        hessian_at_himmelblau_minimum(stencil(0.05, 1.0, 4.0, Fill::Both)),
        "step_too_large",
    );
}

#[test]
fn hessian_rejects_a_tiny_step() {
    // h = 1e-8: round-off ε·|f|/h² swamps everything away from the minimum.
    assert_fails_saying_rounding(hessian_matches_exact(stencil(1e-8, 1.0, 4.0, Fill::Both)));
}

fn assert_fails_saying_rounding(result: CheckResult) {
    gradlings_support::assert_fails_saying(result, "numerical_hessian is not the matrix");
}

#[test]
fn hessian_accepts_other_steps() {
    for h in [1e-3, 1.2e-4, 3e-5] {
        let alternative = stencil(h, 1.0, 4.0, Fill::Both);
        assert_accepts(hessian_at_himmelblau_minimum(&alternative));
        assert_accepts(hessian_matches_exact(&alternative));
    }
}

#[test]
fn hessian_accepts_the_four_point_stencil_on_the_diagonal() {
    // With i = j the mixed stencil is (f(x + 2h) − 2f(x) + f(x − 2h)) / (4h²): a central
    // second difference with step 2h, equally right.
    let four_point = |f: &dyn Fn(&[f64]) -> f64, x: &[f64]| {
        let h = 1e-4;
        let n = x.len();
        Array2::from_shape_fn((n, n), |(i, j)| {
            let at = |si: f64, sj: f64| {
                let mut p = x.to_vec();
                p[i] += si * h;
                p[j] += sj * h;
                f(&p)
            };
            (at(1.0, 1.0) - at(1.0, -1.0) - at(-1.0, 1.0) + at(-1.0, -1.0)) / (4.0 * h * h)
        })
    };
    assert_accepts(hessian_at_himmelblau_minimum(four_point));
    assert_accepts(hessian_matches_exact(four_point));
}

// ---- classify_critical_point ----

/// A classifier built on the test's own Hessian and a decision rule.
fn classifier(decide: fn(&Array2<f64>) -> Label) -> impl ClassifyFn {
    move |f: &dyn Fn(&[f64]) -> f64, x: &[f64]| decide(&reference_numerical_hessian(f, x))
}

fn model(id: &str) -> fn(&Array2<f64>) -> Label {
    label_mistakes()
        .into_iter()
        .find(|(m, _)| m.id == id)
        .map(|(_, f)| f)
        .unwrap()
}

#[test]
fn classify_rejects_min_and_max_swapped() {
    let wrong = classifier(model("min_max_swapped"));
    assert_rejects(classifies_himmelblau(&wrong), "min_max_swapped");
    assert_rejects(
        classifies_quadratics_and_degenerate(&wrong),
        "min_max_swapped",
    );
}

#[test]
fn classify_rejects_ignoring_the_mixed_partial() {
    let wrong = classifier(model("ignores_mixed_partial"));
    assert_rejects(
        classifies_quadratics_and_degenerate(&wrong),
        "ignores_mixed_partial",
    );
}

#[test]
fn classify_rejects_the_determinant_alone() {
    let wrong = classifier(model("determinant_only"));
    assert_rejects(classifies_himmelblau(&wrong), "determinant_only");
    assert_rejects(
        classifies_quadratics_and_degenerate(&wrong),
        "determinant_only",
    );
}

#[test]
fn classify_rejects_no_zero_tolerance() {
    let wrong = classifier(model("no_zero_tolerance"));
    assert_rejects(
        classifies_quadratics_and_degenerate(&wrong),
        "no_zero_tolerance",
    );
}

#[test]
fn classify_accepts_determinant_and_trace() {
    // The textbook two-variable test: D = f_xx·f_yy − f_xy², with a relative zero band.
    let alternative = classifier(|h| {
        let (p, q, s) = (h[[0, 0]], h[[0, 1]], h[[1, 1]]);
        let det = p * s - q * q;
        let scale = (p.abs() + s.abs() + q.abs()).max(1.0);
        if det.abs() <= 1e-6 * scale * scale {
            Label::Degenerate
        } else if det < 0.0 {
            Label::Saddle
        } else if p + s > 0.0 {
            Label::Min
        } else {
            Label::Max
        }
    });
    assert_accepts(classifies_himmelblau(&alternative));
    assert_accepts(classifies_quadratics_and_degenerate(&alternative));
}

#[test]
fn himmelblau_has_four_minima_one_maximum_four_saddles() {
    let labels: Vec<Label> = himmelblau_cases().iter().map(|c| c.label).collect();
    let count = |l: Label| labels.iter().filter(|&&x| x == l).count();
    assert_eq!(
        (count(Label::Min), count(Label::Max), count(Label::Saddle)),
        (4, 1, 4)
    );
    for case in himmelblau_cases() {
        let g = crate::landscapes::himmelblau_gradient(&case.x);
        assert!(
            g[0].abs() < 1e-10 && g[1].abs() < 1e-10,
            "not critical: {:?}",
            case.x
        );
        let (low, high) = eigenvalues_2x2(&himmelblau_hessian(&case.x));
        assert!(
            low.abs().min(high.abs()) > 10.0,
            "eigenvalues {low}, {high} at {:?}",
            case.x
        );
    }
    // The nine points are distinct.
    let cases = himmelblau_cases();
    for (i, a) in cases.iter().enumerate() {
        for b in &cases[..i] {
            assert!((a.x[0] - b.x[0]).abs() + (a.x[1] - b.x[1]).abs() > 0.1);
        }
    }
}
