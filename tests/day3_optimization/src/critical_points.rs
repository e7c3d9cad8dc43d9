//! Checks for 3.4 — the numerical Hessian and the second-derivative test.
//!
//! The Hessians are compared with exact ones written out by hand (`landscapes`). A central
//! second difference with step h has truncation error ~h²·|f⁗|/12 and round-off ~4ε·|f|/h²;
//! for the recommended h ≈ 1e-4·max(1, |x|) both are below 1e-6 relative to the larger of
//! the Hessian and |f|, and any h between ~3e-5 and ~1e-3 stays below 1e-5 relative to it. The
//! labels are exact by design: every test point is far from the boundary between two
//! labels (eigenvalues of size ≥ 0.5 or exactly 0), so any sensible zero tolerance agrees.

use crate::common::Function;
use crate::landscapes::{
    eigenvalues_2x2, himmelblau, himmelblau_hessian, quartic4, quartic4_hessian, rosenbrock,
    rosenbrock_hessian, wavy3, wavy3_hessian,
};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, fmt_slice};
use ndarray::{Array2, array};

mod models;
use models::*;

/// The spec's bound at Himmelblau's minimum (3, 2), absolute: reached by h ≲ 2e-3 (the
/// truncation error there is exactly 2h² on the diagonal).
const HIMMELBLAU_TOL: f64 = 1e-5;
/// At random points: relative to the largest of the entries and |f(x)| (see the module comment).
const HESSIAN_REL_TOL: f64 = 1e-5;
/// The zero-eigenvalue tolerance of the exercise, for the test's own labels.
const ZERO_EIGENVALUE_TOL: f64 = 1e-4;

/// The labels, as the checks see them (the graded tests convert the student's enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Min,
    Max,
    Saddle,
    Degenerate,
}

/// What the student implements: `(f, x) -> Hessian`.
pub trait HessianFn: Fn(&dyn Fn(&[f64]) -> f64, &[f64]) -> Array2<f64> {}
impl<T: Fn(&dyn Fn(&[f64]) -> f64, &[f64]) -> Array2<f64>> HessianFn for T {}

/// What the student implements: `(f, x) -> label`.
pub trait ClassifyFn: Fn(&dyn Fn(&[f64]) -> f64, &[f64]) -> Label {}
impl<T: Fn(&dyn Fn(&[f64]) -> f64, &[f64]) -> Label> ClassifyFn for T {}

fn fmt_matrix(m: &Array2<f64>) -> String {
    let rows: Vec<String> = m
        .rows()
        .into_iter()
        .map(|r| fmt_slice(&r.to_vec()))
        .collect();
    format!("[{}]", rows.join(", "))
}

fn largest(m: &Array2<f64>) -> f64 {
    m.iter().fold(0.0f64, |acc, v| acc.max(v.abs()))
}

fn name_hessian_mistake(got: &Array2<f64>, exact: &Array2<f64>, tol: f64) -> Option<Mistake> {
    // Ten times the check's tolerance: a wrong stencil computed with any sensible h matches.
    let tol = 10.0 * tol;
    let n = got.nrows();
    let asymmetric = (0..n).any(|i| (0..i).any(|j| (got[[i, j]] - got[[j, i]]).abs() > tol));
    if asymmetric {
        return Some(Mistake::new(
            "not_symmetric",
            "your matrix is not symmetric (perhaps only one triangle is filled): the Hessian \
             is, so set H[j][i] = H[i][j]",
        ));
    }
    hessian_mistakes(exact)
        .into_iter()
        .find(|(_, wrong)| {
            got.iter()
                .zip(wrong.iter())
                .all(|(a, b)| (a - b).abs() <= tol)
        })
        .map(|(mistake, _)| mistake)
}

/// Compares a Hessian with the exact one: shape, then every entry within `tol`.
fn compare_hessian(
    got: &Array2<f64>,
    exact: &Array2<f64>,
    tol: f64,
    call: &str,
    seed: Option<u64>,
) -> CheckResult {
    let n = exact.nrows();
    let with_seed = |fb: Feedback| match seed {
        Some(s) => fb.seed(s),
        None => fb,
    };
    if got.dim() != exact.dim() {
        return Err(with_seed(
            Feedback::new("numerical_hessian returns a matrix of the wrong shape")
                .call(call)
                .expected(format!(
                    "{n}×{n} (one row and one column per coordinate of x)"
                ))
                .got(format!("{}×{}", got.nrows(), got.ncols())),
        ));
    }
    let bad = (0..n * n).map(|k| (k / n, k % n)).find(|&(i, j)| {
        let within = (got[[i, j]] - exact[[i, j]]).abs() <= tol; // false for NaN
        !within
    });
    let Some((i, j)) = bad else {
        return Ok(());
    };
    Err(with_seed(
        Feedback::new("numerical_hessian is not the matrix of second derivatives")
            .call(call)
            .expected(fmt_matrix(exact))
            .got(fmt_matrix(got))
            .tolerance(format!(
                "|H[i][j] − exact| ≤ {} for every entry",
                fmt_f64(tol)
            ))
            .note(format!(
                "first wrong entry H[{i}][{j}] = {}, exact {}",
                fmt_f64(got[[i, j]]),
                fmt_f64(exact[[i, j]])
            ))
            .mistake(name_hessian_mistake(got, exact, tol)),
    ))
}

/// numerical_hessian(Himmelblau, (3, 2)) = [[74, 20], [20, 34]] within 1e-5 per entry.
///
/// The bound is the spec's. The truncation error at this point is exactly 2h² on both
/// diagonal entries (Himmelblau's fourth derivatives are 24) and 0 off the diagonal, so a
/// step up to ~2e-3 passes; a larger one is named.
pub fn hessian_at_himmelblau_minimum(hessian: impl HessianFn) -> CheckResult {
    let exact = array![[74.0, 20.0], [20.0, 34.0]];
    let got = hessian(&himmelblau, &[3.0, 2.0]);
    let call = "numerical_hessian(Himmelblau, x = [3, 2])";
    compare_hessian(&got, &exact, HIMMELBLAU_TOL, call, None).map_err(|feedback| {
        let too_large = Mistake::new(
            "step_too_large",
            "your diagonal is off by the same positive amount in both entries: that is the \
             truncation error 2h² of the central stencil, so your h is too large; use \
             h ≈ 1e-4·max(1, |xᵢ|)",
        );
        let shaped = got.dim() == (2, 2);
        let (e0, e1) = if shaped {
            (got[[0, 0]] - 74.0, got[[1, 1]] - 34.0)
        } else {
            (0.0, 0.0)
        };
        let off_error = if shaped {
            (got[[0, 1]] - 20.0).abs().max((got[[1, 0]] - 20.0).abs())
        } else {
            0.0
        };
        let truncation = shaped
            && e0 > 0.0
            && e1 > 0.0
            && (e0 - e1).abs() <= 0.2 * e0.max(e1)
            && off_error <= 0.1 * e0.max(e1);
        feedback.mistake(truncation.then_some(too_large))
    })
}

/// numerical_hessian matches the exact Hessian at random points of four functions.
///
/// Himmelblau on [−5, 5]², Rosenbrock on [−2, 2] × [−1, 3], sin(x)e^(y/2) + x²z − cos(yz) on
/// [−2, 2]³ and a 4-variable quartic on [−2, 2]⁴, 10 seeded points each. Tolerance 1e-5 ×
/// max(1, largest |entry|, |f(x)|): truncation scales with the Hessian, round-off with |f|
/// (see the module comment).
pub fn hessian_matches_exact(hessian: impl HessianFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::hessian_matches_exact");
    type Case = (
        &'static str,
        fn(&[f64]) -> f64,
        fn(&[f64]) -> Array2<f64>,
        Vec<(f64, f64)>,
    );
    let functions: [Case; 4] = [
        (
            "Himmelblau",
            himmelblau,
            himmelblau_hessian,
            vec![(-5.0, 5.0); 2],
        ),
        (
            "Rosenbrock",
            rosenbrock,
            rosenbrock_hessian,
            vec![(-2.0, 2.0), (-1.0, 3.0)],
        ),
        (
            "sin(x)·e^(y/2) + x²z − cos(yz)",
            wavy3,
            wavy3_hessian,
            vec![(-2.0, 2.0); 3],
        ),
        (
            "½xᵀAx + ¼Σxᵢ⁴ (4 variables)",
            quartic4,
            quartic4_hessian,
            vec![(-2.0, 2.0); 4],
        ),
    ];
    for (name, f, exact_hessian, bounds) in functions {
        for _ in 0..10 {
            let x: Vec<f64> = bounds
                .iter()
                .map(|&(lo, hi)| inputs.uniform(lo, hi))
                .collect();
            let exact = exact_hessian(&x);
            let got = hessian(&f, &x);
            let tol = HESSIAN_REL_TOL * largest(&exact).max(f(&x).abs()).max(1.0);
            let call = format!("numerical_hessian({name}, x = {})", fmt_slice(&x));
            compare_hessian(&got, &exact, tol, &call, Some(inputs.seed()))?;
        }
    }
    Ok(())
}

fn judge(classify: impl ClassifyFn, cases: &[Case], seed: Option<u64>) -> CheckResult {
    let got: Vec<Label> = cases.iter().map(|c| classify(&*c.f, &c.x)).collect();
    let Some(i) = (0..cases.len()).find(|&i| got[i] != cases[i].label) else {
        return Ok(());
    };
    let candidates = label_mistakes()
        .into_iter()
        .map(|(mistake, model)| {
            let answers = cases
                .iter()
                .map(|c| model(&reference_numerical_hessian(&*c.f, &c.x)))
                .collect();
            (mistake, answers)
        })
        .collect();
    let case = &cases[i];
    let hessian = reference_numerical_hessian(&*case.f, &case.x);
    let (low, high) = eigenvalues_2x2(&hessian);
    let feedback = Feedback::new("classify_critical_point gives the wrong label")
        .call(format!(
            "classify_critical_point({}, x = {})",
            case.name,
            fmt_slice(&case.x)
        ))
        .expected(format!("{:?}", case.label))
        .got(format!("{:?}", got[i]))
        .note(format!(
            "the Hessian there is about {}, with eigenvalues {} and {}",
            fmt_matrix(&hessian),
            fmt_f64(low),
            fmt_f64(high)
        ))
        .mistake(crate::common::name_pattern_mistake(&got, i, candidates));
    Err(match seed {
        Some(s) => feedback.seed(s),
        None => feedback,
    })
}

/// classify_critical_point labels all nine critical points of Himmelblau's function: four
/// minima, one maximum, four saddles.
///
/// The test locates the points itself (Newton's method on the exact gradient from rough
/// locations, to full precision) and labels them by the eigenvalues of the exact Hessian; the
/// smallest |eigenvalue| there is above 10, far from zero.
pub fn classifies_himmelblau(classify: impl ClassifyFn) -> CheckResult {
    judge(classify, &himmelblau_cases(), None)
}

/// classify_critical_point labels quadratics and degenerate points.
///
/// Fixed: x² + 3xy + y² (Saddle), x⁴ + y⁴ (Degenerate), −x² − y² (Max), x² + y⁴ and x⁴ − y⁴
/// (Degenerate), all at the origin. Then 40 seeded rotated quadratics around random centres
/// (eigenvalues of size 0.5 to 20 with random signs: Min, Max or Saddle) and 10 rotated
/// ½λu² ± w⁴ (Degenerate).
pub fn classifies_quadratics_and_degenerate(classify: impl ClassifyFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::classifies_quadratics_and_degenerate");
    let origin = vec![0.0, 0.0];
    let fixed: Vec<(&str, Function, Label)> = vec![
        (
            "x² + 3xy + y²",
            Box::new(|p: &[f64]| p[0] * p[0] + 3.0 * p[0] * p[1] + p[1] * p[1]),
            Label::Saddle,
        ),
        (
            "x⁴ + y⁴",
            Box::new(|p: &[f64]| p[0].powi(4) + p[1].powi(4)),
            Label::Degenerate,
        ),
        (
            "−x² − y²",
            Box::new(|p: &[f64]| -p[0] * p[0] - p[1] * p[1]),
            Label::Max,
        ),
        (
            "x² + y⁴",
            Box::new(|p: &[f64]| p[0] * p[0] + p[1].powi(4)),
            Label::Degenerate,
        ),
        (
            "x⁴ − y⁴",
            Box::new(|p: &[f64]| p[0].powi(4) - p[1].powi(4)),
            Label::Degenerate,
        ),
    ];
    let mut cases: Vec<Case> = fixed
        .into_iter()
        .map(|(name, f, label)| Case {
            name: name.to_string(),
            f,
            x: origin.clone(),
            label,
        })
        .collect();
    for _ in 0..40 {
        let c = inputs.uniform_vec(2, -3.0, 3.0);
        let angle = inputs.uniform(0.0, std::f64::consts::PI);
        let mut eigen = || {
            let size = inputs.uniform(0.5, 20.0);
            if inputs.uniform(0.0, 1.0) < 0.5 {
                size
            } else {
                -size
            }
        };
        let (l1, l2) = (eigen(), eigen());
        let label = match (l1 > 0.0, l2 > 0.0) {
            (true, true) => Label::Min,
            (false, false) => Label::Max,
            _ => Label::Saddle,
        };
        let k = inputs.uniform(-5.0, 5.0);
        cases.push(Case {
            name: format!(
                "½(λ₁u² + λ₂w²) + {} with λ = ({}, {}), axes turned by {} rad, centre {}",
                fmt_f64(k),
                fmt_f64(l1),
                fmt_f64(l2),
                fmt_f64(angle),
                fmt_slice(&c)
            ),
            f: rotated_quadratic(c.clone(), angle, l1, l2, k),
            x: c,
            label,
        });
    }
    for _ in 0..10 {
        let c = inputs.uniform_vec(2, -3.0, 3.0);
        let angle = inputs.uniform(0.0, std::f64::consts::PI);
        let l1 = inputs.uniform(0.5, 20.0)
            * if inputs.uniform(0.0, 1.0) < 0.5 {
                1.0
            } else {
                -1.0
            };
        let s = if inputs.uniform(0.0, 1.0) < 0.5 {
            1.0
        } else {
            -1.0
        };
        cases.push(Case {
            name: format!(
                "½·{}·u² {} w⁴, axes turned by {} rad, centre {}",
                fmt_f64(l1),
                if s > 0.0 { "+" } else { "−" },
                fmt_f64(angle),
                fmt_slice(&c)
            ),
            f: rotated_degenerate(c.clone(), angle, l1, s),
            x: c,
            label: Label::Degenerate,
        });
    }
    judge(classify, &cases, Some(inputs.seed()))
}

#[cfg(test)]
mod catalogue;
