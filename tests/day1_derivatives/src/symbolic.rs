//! Checks for 1.6 — symbolic differentiation.
//!
//! The checks work on the test's own copy of `Expr` ([`expr::Expr`]); `graded/tests/graded.rs`
//! converts trees to the student's type and back. `eval` is compared with the definitions.
//! `diff` is judged only by the *values* of the tree it returns — evaluated here with the
//! reference evaluator, so a slip in the student's `eval` cannot spoil it — against
//! derivatives written out by hand for the exercise's six expressions, and against a
//! forward-mode reference derivative for seeded random trees. Tree shapes are never
//! compared: any correct tree passes, simplified or not.
//!
//! When a value is wrong, the checks name the slip by re-running the reference derivative
//! with each slip students make (a forgotten chain-rule factor, one term of the product
//! rule, a sign of cos, the power rule's exponent, …) and finding the one that reproduces
//! every value the student's trees gave.

pub mod expr;
mod naming;

use crate::patterns::rough;
pub use expr::{EvalSlip, Expr, NO_CHAIN_ANYWHERE, Rounding, Slip, random_expr};
use gradlings_support::{CheckResult, Feedback, Inputs, fmt_f64};

/// Every comparison allows `RELATIVE_TOL · max(1, |expected|)` plus `ROUNDING_MARGIN` times a
/// first-order bound on the rounding error of evaluating the expression or its derivative
/// by the rules (see [`Expr::rounding`]). Correct programs that compute in another order, or
/// write uⁿ as exp(n·ln u), stay within the bound; every slip changes the value at O(1).
const RELATIVE_TOL: f64 = 1e-12;
const ROUNDING_MARGIN: f64 = 16.0;
const POINTS_PER_EXPRESSION: usize = 20;
const RANDOM_TREES: usize = 60;
const POINTS_PER_TREE: usize = 5;

/// One of the exercise's expressions with its value and derivative written out by hand.
pub struct HandWorked {
    pub expr: Expr,
    pub derivative_text: &'static str,
    pub value: fn(f64) -> f64,
    pub derivative: fn(f64) -> f64,
}

/// x³, sin(x²), x·eˣ, ln(x² + 1), (x + 1)⁻¹ and exp(sin x)·cos x.
pub fn six_expressions() -> [HandWorked; 6] {
    let x = Expr::x;
    [
        HandWorked {
            expr: Expr::pow(x(), 3.0),
            derivative_text: "3x²",
            value: |x| x * x * x,
            derivative: |x| 3.0 * x * x,
        },
        HandWorked {
            expr: Expr::sin(Expr::pow(x(), 2.0)),
            derivative_text: "cos(x²)·2x",
            value: |x| (x * x).sin(),
            derivative: |x| (x * x).cos() * 2.0 * x,
        },
        HandWorked {
            expr: Expr::mul(x(), Expr::exp(x())),
            derivative_text: "eˣ + x·eˣ",
            value: |x| x * x.exp(),
            derivative: |x| (1.0 + x) * x.exp(),
        },
        HandWorked {
            expr: Expr::ln(Expr::add(Expr::pow(x(), 2.0), Expr::c(1.0))),
            derivative_text: "2x / (x² + 1)",
            value: |x| (x * x + 1.0).ln(),
            derivative: |x| 2.0 * x / (x * x + 1.0),
        },
        HandWorked {
            expr: Expr::pow(Expr::add(x(), Expr::c(1.0)), -1.0),
            derivative_text: "−(x + 1)⁻²",
            value: |x| 1.0 / (x + 1.0),
            derivative: |x| -1.0 / ((x + 1.0) * (x + 1.0)),
        },
        HandWorked {
            expr: Expr::mul(Expr::exp(Expr::sin(x())), Expr::cos(x())),
            derivative_text: "exp(sin x)·(cos² x − sin x)",
            value: |x| x.sin().exp() * x.cos(),
            derivative: |x| x.sin().exp() * (x.cos() * x.cos() - x.sin()),
        },
    ]
}

fn tolerance(want: f64, rounding_error: f64) -> f64 {
    RELATIVE_TOL * want.abs().max(1.0) + ROUNDING_MARGIN * rounding_error
}

/// One value the student's code produced, and what it should have been.
struct Sample<'a> {
    expr: &'a Expr,
    x: f64,
    got: f64,
    want: f64,
    tol: f64,
}

impl Sample<'_> {
    fn passes(&self) -> bool {
        within(self.got, self.want, self.tol)
    }
}

/// NaN never passes; equal infinities do.
fn within(got: f64, want: f64, tol: f64) -> bool {
    got == want || (got - want).abs() <= tol
}

/// eval agrees with the definitions: the six expressions against their values written by
/// hand (5 seeded points each in [0.1, 2]), √(x² + 1) (a fractional power), and 60 seeded
/// random trees against the reference evaluator.
///
/// Tolerance: 1e-12 relative plus 16× the rounding bound (see `RELATIVE_TOL`).
pub fn eval_matches_the_definition(eval: impl Fn(&Expr, f64) -> f64) -> CheckResult {
    let mut inputs = Inputs::new("day1::eval_matches_the_definition");
    let six = six_expressions();
    let root = Expr::pow(Expr::add(Expr::pow(Expr::x(), 2.0), Expr::c(1.0)), 0.5);
    let mut cases: Vec<(&Expr, f64, f64)> = Vec::new();
    for worked in &six {
        for _ in 0..5 {
            let x = inputs.uniform(0.1, 2.0);
            cases.push((&worked.expr, x, (worked.value)(x)));
        }
    }
    cases.push((&root, 2.0, 5f64.sqrt()));
    let trees: Vec<Expr> = (0..RANDOM_TREES)
        .map(|_| random_expr(&mut inputs, 3))
        .collect();
    for tree in &trees {
        for _ in 0..3 {
            let x = inputs.uniform(-2.0, 2.0);
            cases.push((tree, x, tree.eval(x)));
        }
    }
    let samples: Vec<Sample> = cases
        .into_iter()
        .filter(|&(_, _, want)| want.is_finite() && want.abs() < 1e8)
        .map(|(expr, x, want)| Sample {
            expr,
            x,
            got: eval(expr, x),
            want,
            tol: tolerance(want, expr.rounding(x).value_error),
        })
        .collect();
    let Some(failing) = samples.iter().position(|s| !s.passes()) else {
        return Ok(());
    };
    let s = &samples[failing];
    Err(Feedback::new(format!("eval of {} is wrong", s.expr))
        .call(format!("({}).eval({})", s.expr, fmt_f64(s.x)))
        .expected(fmt_f64(s.want))
        .got(fmt_f64(s.got))
        .tolerance(format!("|got − expected| ≤ {}", rough(s.tol)))
        .mistake(naming::name_eval_slip(&samples, failing))
        .seed(inputs.seed()))
}

/// diff is right on the exercise's six expressions: the student's tree, evaluated at 20
/// seeded points in [0.1, 2] (where all six are defined), equals the derivative written out
/// by hand.
///
/// Tolerance: 1e-12 relative plus 16× the rounding bound (see `RELATIVE_TOL`).
pub fn derivatives_of_six_expressions(diff: impl Fn(&Expr) -> Expr) -> CheckResult {
    let mut inputs = Inputs::new("day1::derivatives_of_six_expressions");
    let six = six_expressions();
    let derivatives: Vec<Expr> = six.iter().map(|worked| diff(&worked.expr)).collect();
    let mut samples = Vec::new();
    let mut texts = Vec::new();
    for (worked, derivative) in six.iter().zip(&derivatives) {
        for _ in 0..POINTS_PER_EXPRESSION {
            let x = inputs.uniform(0.1, 2.0);
            let want = (worked.derivative)(x);
            samples.push(Sample {
                expr: &worked.expr,
                x,
                got: derivative.eval(x),
                want,
                tol: tolerance(want, worked.expr.rounding(x).derivative_error),
            });
            texts.push((worked.derivative_text, derivative));
        }
    }
    let Some(failing) = samples.iter().position(|s| !s.passes()) else {
        return Ok(());
    };
    let (text, derivative) = texts[failing];
    Err(diff_feedback(&samples, failing, derivative)
        .expected(format!("{} = {}", text, fmt_f64(samples[failing].want)))
        .seed(inputs.seed()))
}

/// diff is right on 60 seeded random trees of depth ≤ 3 (sums, products, powers with whole,
/// negative and fractional exponents, sin, cos, exp, ln), each at 5 seeded points in
/// [−2, 2], against the test's forward-mode derivative.
///
/// Tolerance: 1e-12 relative plus 16× the rounding bound (see `RELATIVE_TOL`).
pub fn derivatives_of_random_trees(diff: impl Fn(&Expr) -> Expr) -> CheckResult {
    let mut inputs = Inputs::new("day1::derivatives_of_random_trees");
    let mut trees = Vec::new();
    // Bounded: at most 20 draws per tree wanted.
    for _ in 0..20 * RANDOM_TREES {
        if trees.len() == RANDOM_TREES {
            break;
        }
        let tree = random_expr(&mut inputs, 3);
        if tree.has_x() {
            trees.push(tree);
        }
    }
    let derivatives: Vec<Expr> = trees.iter().map(&diff).collect();
    let mut samples = Vec::new();
    let mut owners = Vec::new();
    for (tree, derivative) in trees.iter().zip(&derivatives) {
        for _ in 0..POINTS_PER_TREE {
            let x = inputs.uniform(-2.0, 2.0);
            let want = tree.derivative(x, &[]);
            let rounding = tree.rounding(x).derivative_error;
            // Keep to points where the derivative is moderate and well-conditioned: where
            // rounding alone could be 1e-8 of it, no program can be judged to 1e-12.
            if !want.is_finite()
                || want.abs() > 1e8
                || rounding.is_nan()
                || rounding > 1e-8 * want.abs().max(1.0)
            {
                continue;
            }
            samples.push(Sample {
                expr: tree,
                x,
                got: derivative.eval(x),
                want,
                tol: tolerance(want, rounding),
            });
            owners.push(derivative);
        }
    }
    let Some(failing) = samples.iter().position(|s| !s.passes()) else {
        return Ok(());
    };
    Err(diff_feedback(&samples, failing, owners[failing])
        .expected(fmt_f64(samples[failing].want))
        .seed(inputs.seed()))
}

/// The feedback for a wrong derivative value, with the slip named when one explains it.
fn diff_feedback(samples: &[Sample], failing: usize, derivative: &Expr) -> Feedback {
    let s = &samples[failing];
    let mut feedback = Feedback::new(format!("diff of {} has the wrong value", s.expr))
        .call(format!(
            "({}).diff().eval({}), evaluated by the test",
            s.expr,
            fmt_f64(s.x)
        ))
        .got(fmt_f64(s.got))
        .tolerance(format!("|got − expected| ≤ {}", rough(s.tol)))
        .mistake(naming::name_slip(samples, failing));
    let shown = derivative.to_string();
    if shown.chars().count() <= 300 {
        feedback = feedback.note(format!("your diff returned {shown}"));
    }
    feedback
}

#[cfg(test)]
mod catalogue;
