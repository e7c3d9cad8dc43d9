//! Checks for 2.2 — analytic gradients of Rosenbrock, Himmelblau, Beale and Booth.
//!
//! The reference is the test's own central-difference gradient with h = 1e-5. On these
//! polynomials, in the boxes used, its error is about f'''·h²/6 + ε·|f|/h ≲ 1e-7 in absolute
//! terms (|f'''| ≲ 5e3, |f| ≲ 4e3). Points where some partial is smaller than 0.5 are drawn
//! again: there the relative error |a − n| / (|a| + |n|) would measure the reference's own
//! noise. Elsewhere a correct gradient scores ≲ 1e-7, comfortably below the threshold 1e-6,
//! while every catalogued mistake scores above 1e-2. At the exact minima every bracket is
//! zero, so a correct gradient is zero to rounding (1e-12).

use crate::compare::{expect_vec_close, fmt_vec, name_vec_mistake, nd_component, xy_component};
use gradlings_support::gradcheck::{expect_gradient, numerical_gradient};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_slice};
use ndarray::{Array1, array};

/// What the student implements: `x -> ∇f(x)`.
pub trait GradientFn: Fn(&Array1<f64>) -> Array1<f64> {}
impl<T: Fn(&Array1<f64>) -> Array1<f64>> GradientFn for T {}

const POINTS: usize = 50;
const REFERENCE_STEP: f64 = 1e-5;
const GRADCHECK_THRESHOLD: f64 = 1e-6;
/// Partials smaller than this make the relative error meaningless (see the module docs).
const SMALLEST_PARTIAL: f64 = 0.5;

/// Plausible wrong gradients, each with its mistake.
type Candidates = Vec<(Mistake, Array1<f64>)>;

/// A test landscape: its function, the box its points come from, its dimensions, and the
/// plausible wrong gradients (computed from the brackets written out here).
struct Landscape {
    name: &'static str,
    f: fn(&Array1<f64>) -> f64,
    lo: f64,
    hi: f64,
    dims: &'static [usize],
    mistakes: fn(&Array1<f64>) -> Candidates,
}

fn rosenbrock(x: &Array1<f64>) -> f64 {
    (0..x.len() - 1)
        .map(|i| 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2))
        .sum()
}

fn himmelblau(x: &Array1<f64>) -> f64 {
    (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2)
}

fn beale(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    (1.5 - a + a * b).powi(2) + (2.25 - a + a * b * b).powi(2) + (2.625 - a + a * b.powi(3)).powi(2)
}

fn booth(x: &Array1<f64>) -> f64 {
    (x[0] + 2.0 * x[1] - 7.0).powi(2) + (2.0 * x[0] + x[1] - 5.0).powi(2)
}

/// Mistakes any gradient can have: the wrong sign, a lost power-rule factor 2, and (in two
/// dimensions) the components in the wrong order.
fn generic_mistakes(right: &Array1<f64>) -> Candidates {
    let mut list = vec![
        (
            Mistake::new(
                "sign_error",
                "your gradient points the opposite way (every component has the wrong sign): \
                 ∇f points uphill",
            ),
            -right,
        ),
        (
            Mistake::new(
                "missing_power_rule_factor",
                "every component is half the right value: d/dt u² = 2·u·u' — the factor 2 is \
                 missing",
            ),
            0.5 * right,
        ),
    ];
    if right.len() == 2 {
        list.push((
            Mistake::new(
                "swapped_components",
                "your components are in the wrong order: return [∂f/∂x, ∂f/∂y]",
            ),
            array![right[1], right[0]],
        ));
    }
    list
}

fn rosenbrock_mistakes(x: &Array1<f64>) -> Candidates {
    let n = x.len();
    let valley = |i: usize| x[i + 1] - x[i] * x[i];
    // Term i contributes `own(i)` to ∂f/∂x_i and `next(i)` to ∂f/∂x_{i+1}.
    let build = |own: &dyn Fn(usize) -> f64, next: &dyn Fn(usize) -> f64, interior: bool| {
        let mut g = Array1::<f64>::zeros(n);
        for i in 0..n - 1 {
            g[i] += own(i);
            if interior || i + 1 == n - 1 {
                g[i + 1] += next(i);
            }
        }
        g
    };
    let own = |i: usize| -400.0 * x[i] * valley(i) - 2.0 * (1.0 - x[i]);
    let next = |i: usize| 200.0 * valley(i);
    let right = build(&own, &next, true);
    let mut list = vec![
        (
            Mistake::new(
                "dropped_interior_term",
                "an interior coordinate x_j (0 < j < n − 1) appears in two terms of the sum — \
                 as x_i in term j and as x_{i+1} in term j − 1 — but your ∂f/∂x_j has only the \
                 first: add 200·(x_j − x_{j−1}²)",
            ),
            build(&own, &next, false),
        ),
        (
            Mistake::new(
                "missing_chain_factor",
                "d/dx_i of 100·(x_{i+1} − x_i²)² is 200·(x_{i+1} − x_i²)·(−2x_i): the inner \
                 derivative −2x_i is missing",
            ),
            build(&|i| 200.0 * valley(i) - 2.0 * (1.0 - x[i]), &next, true),
        ),
        (
            Mistake::new(
                "sign_of_inner_derivative",
                "d/dx_i (1 − x_i)² = 2·(1 − x_i)·(−1) = −2·(1 − x_i): the inner derivative −1 \
                 is missing",
            ),
            build(
                &|i| -400.0 * x[i] * valley(i) + 2.0 * (1.0 - x[i]),
                &next,
                true,
            ),
        ),
    ];
    list.extend(generic_mistakes(&right));
    list
}

fn himmelblau_mistakes(x: &Array1<f64>) -> Candidates {
    let (a, b) = (x[0], x[1]);
    let (u, v) = (a * a + b - 11.0, a + b * b - 7.0);
    let right = array![4.0 * a * u + 2.0 * v, 2.0 * u + 4.0 * b * v];
    let chain = "d/dx (x² + y − 11)² = 2·(x² + y − 11)·2x and d/dy (x + y² − 7)² = \
                 2·(x + y² − 7)·2y: an inner derivative (2x or 2y) is missing";
    let mut list = vec![
        (
            Mistake::new("missing_chain_factor", chain),
            array![2.0 * u + 2.0 * v, 2.0 * u + 2.0 * v],
        ),
        (
            Mistake::new("missing_chain_factor", chain),
            array![2.0 * u + 2.0 * v, right[1]],
        ),
        (
            Mistake::new("missing_chain_factor", chain),
            array![right[0], 2.0 * u + 2.0 * v],
        ),
    ];
    list.extend(generic_mistakes(&right));
    list
}

fn beale_mistakes(x: &Array1<f64>) -> Candidates {
    let (a, b) = (x[0], x[1]);
    let u = [
        1.5 - a + a * b,
        2.25 - a + a * b * b,
        2.625 - a + a * b.powi(3),
    ];
    let d_da = 2.0 * u[0] * (b - 1.0) + 2.0 * u[1] * (b * b - 1.0) + 2.0 * u[2] * (b.powi(3) - 1.0);
    let d_db = 2.0 * u[0] * a + 2.0 * u[1] * 2.0 * a * b + 2.0 * u[2] * 3.0 * a * b * b;
    let right = array![d_da, d_db];
    let mut list = vec![
        (
            Mistake::new(
                "power_rule_coefficient",
                "d/dy (x·y²) = 2xy and d/dy (x·y³) = 3xy²: your ∂f/∂y lost the power-rule \
                 coefficients 2 and 3",
            ),
            array![
                d_da,
                2.0 * u[0] * a + 2.0 * u[1] * a * b + 2.0 * u[2] * a * b * b
            ],
        ),
        (
            Mistake::new(
                "sign_of_inner_derivative",
                "d/dx (c − x + x·yᵏ) = yᵏ − 1, not 1 − yᵏ: your ∂f/∂x has the wrong sign",
            ),
            array![-d_da, d_db],
        ),
        (
            Mistake::new(
                "missing_chain_factor",
                "each bracket's derivative needs its inner derivative (yᵏ − 1 for x, k·x·yᵏ⁻¹ \
                 for y); yours has 2·u without it",
            ),
            array![2.0 * (u[0] + u[1] + u[2]), 2.0 * (u[0] + u[1] + u[2])],
        ),
    ];
    list.extend(generic_mistakes(&right));
    list
}

fn booth_mistakes(x: &Array1<f64>) -> Candidates {
    let (u, v) = (x[0] + 2.0 * x[1] - 7.0, 2.0 * x[0] + x[1] - 5.0);
    let right = array![2.0 * u + 4.0 * v, 4.0 * u + 2.0 * v];
    let mut list = vec![(
        Mistake::new(
            "missing_chain_factor",
            "d/dx (2x + y − 5)² = 2·(2x + y − 5)·2 and d/dy (x + 2y − 7)² = 2·(x + 2y − 7)·2: \
             the inner factor 2 is missing",
        ),
        array![2.0 * u + 2.0 * v, 2.0 * u + 2.0 * v],
    )];
    list.extend(generic_mistakes(&right));
    list
}

const ROSENBROCK: Landscape = Landscape {
    name: "rosenbrock",
    f: rosenbrock,
    lo: -2.0,
    hi: 2.0,
    dims: &[2, 3, 4, 5, 6],
    mistakes: rosenbrock_mistakes,
};

const HIMMELBLAU: Landscape = Landscape {
    name: "himmelblau",
    f: himmelblau,
    lo: -5.0,
    hi: 5.0,
    dims: &[2],
    mistakes: himmelblau_mistakes,
};

const BEALE: Landscape = Landscape {
    name: "beale",
    f: beale,
    lo: -2.0,
    hi: 2.0,
    dims: &[2],
    mistakes: beale_mistakes,
};

const BOOTH: Landscape = Landscape {
    name: "booth",
    f: booth,
    lo: -10.0,
    hi: 10.0,
    dims: &[2],
    mistakes: booth_mistakes,
};

/// The test's central gradient of `land` at `x`.
fn reference(land: &Landscape, x: &Array1<f64>) -> Vec<f64> {
    let f = |p: &[f64]| (land.f)(&Array1::from(p.to_vec()));
    numerical_gradient(&f, &x.to_vec(), REFERENCE_STEP)
}

/// A random point of `land`'s box in `n` dimensions where every partial is ≥ 0.5 in size,
/// and the reference gradient there.
fn point(inputs: &mut Inputs, land: &Landscape, n: usize) -> (Array1<f64>, Vec<f64>) {
    for _ in 0..1000 {
        let x = Array1::from(inputs.uniform_vec(n, land.lo, land.hi));
        let numeric = reference(land, &x);
        if numeric.iter().all(|g| g.abs() >= SMALLEST_PARTIAL) {
            return (x, numeric);
        }
    }
    unreachable!("the boxes are chosen so that most points qualify")
}

/// A gradient with the wrong number of components (typically one written for 2-D only).
fn wrong_length_mistake(n: usize) -> Mistake {
    Mistake::new(
        "wrong_length",
        format!(
            "the gradient has one component per coordinate of x — {n} here. The n-dimensional \
             Rosenbrock function sums n − 1 terms 100·(x_{{i+1}} − x_i²)² + (1 − x_i)²: loop \
             over them and add each term's two partials, instead of writing out x[0] and x[1]"
        ),
    )
}

fn matches_numerical(grad: impl GradientFn, land: &Landscape, check_name: &str) -> CheckResult {
    let mut inputs = Inputs::new(check_name);
    for k in 0..POINTS {
        let n = land.dims[k % land.dims.len()];
        let (x, numeric) = point(&mut inputs, land, n);
        let got = grad(&x);
        let component = |i: usize| {
            if n == 2 {
                xy_component(i)
            } else {
                nd_component(i)
            }
        };
        expect_gradient(
            &got.to_vec(),
            &numeric,
            GRADCHECK_THRESHOLD,
            component,
            || {
                Feedback::new(format!(
                    "{}_grad disagrees with the numerical gradient of {}",
                    land.name, land.name
                ))
                .call(format!("{}_grad(x = {})", land.name, fmt_vec(&x)))
                .expected(format!(
                    "≈ {} (central differences, h = 1e-5)",
                    fmt_slice(&numeric)
                ))
                .got(fmt_vec(&got))
                .mistake((got.len() != n).then(|| wrong_length_mistake(n)))
                .mistake(name_vec_mistake(&got, (land.mistakes)(&x), 1e-9))
                .seed(inputs.seed())
            },
        )?;
    }
    Ok(())
}

/// rosenbrock_grad matches the central gradient (relative error < 1e-6) at 50 points of
/// [−2, 2]ⁿ, n = 2 … 6.
pub fn rosenbrock_gradient(grad: impl GradientFn) -> CheckResult {
    matches_numerical(grad, &ROSENBROCK, "day2::rosenbrock_gradient")
}

/// himmelblau_grad matches the central gradient at 50 points of [−5, 5]².
pub fn himmelblau_gradient(grad: impl GradientFn) -> CheckResult {
    matches_numerical(grad, &HIMMELBLAU, "day2::himmelblau_gradient")
}

/// beale_grad matches the central gradient at 50 points of [−2, 2]².
pub fn beale_gradient(grad: impl GradientFn) -> CheckResult {
    matches_numerical(grad, &BEALE, "day2::beale_gradient")
}

/// booth_grad matches the central gradient at 50 points of [−10, 10]².
pub fn booth_gradient(grad: impl GradientFn) -> CheckResult {
    matches_numerical(grad, &BOOTH, "day2::booth_gradient")
}

/// Every gradient is zero (each component within 1e-12) at its function's exact minimum:
/// Rosenbrock at (1, …, 1) for n = 2 … 6, Himmelblau at (3, 2), Beale at (3, 0.5), Booth at
/// (1, 3). Every bracket is exactly zero there, so only rounding could leave anything.
pub fn zero_at_minima(
    rosenbrock_grad: impl GradientFn,
    himmelblau_grad: impl GradientFn,
    beale_grad: impl GradientFn,
    booth_grad: impl GradientFn,
) -> CheckResult {
    let mut cases: Vec<(&str, Array1<f64>, Array1<f64>)> = (2..=6)
        .map(|n| {
            let ones = Array1::ones(n);
            ("rosenbrock", rosenbrock_grad(&ones), ones)
        })
        .collect();
    for (name, grad, x) in [
        (
            "himmelblau",
            &himmelblau_grad as &dyn Fn(&Array1<f64>) -> Array1<f64>,
            array![3.0, 2.0],
        ),
        ("beale", &beale_grad, array![3.0, 0.5]),
        ("booth", &booth_grad, array![1.0, 3.0]),
    ] {
        cases.push((name, grad(&x), x));
    }
    for (name, got, x) in cases {
        let zero = Array1::zeros(x.len());
        let component = |i: usize| {
            if x.len() == 2 {
                xy_component(i)
            } else {
                nd_component(i)
            }
        };
        let length_ok = got.len() == x.len();
        expect_vec_close(&got, &zero, 1e-12, component, || {
            Feedback::new(format!("{name}_grad is not zero at {name}'s minimum"))
                .call(format!("{name}_grad(x = {})", fmt_vec(&x)))
                .mistake(if length_ok {
                    Some(Mistake::new(
                        "nonzero_at_minimum",
                        "at the minimum every bracket of the function is zero, and every term \
                         of its gradient has a bracket as a factor — a term without one, or a \
                         mistyped constant, is left over",
                    ))
                } else {
                    Some(wrong_length_mistake(x.len()))
                })
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
