//! Plausible wrong answers to 1.6, each of which the checks must reject and name, and correct
//! alternatives they must accept. The wrong `diff`s build trees, the way a student's does.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

fn c(v: f64) -> Expr {
    Expr::c(v)
}

/// A student's `diff`, with `slip` made in one rule (or none).
fn diff_with(e: &Expr, slip: Option<Slip>) -> Expr {
    let d = |u: &Expr| diff_with(u, slip);
    let chain = |outer: Expr, u: &Expr, forgot: Slip| {
        if slip == Some(forgot) {
            outer
        } else {
            Expr::mul(outer, d(u))
        }
    };
    match e {
        Expr::Const(value) if slip == Some(Slip::ConstantNotZero) => c(*value),
        Expr::Const(_) => c(0.0),
        Expr::X => c(1.0),
        Expr::Add(u, v) => Expr::add(d(u), d(v)),
        Expr::Mul(u, v) => match slip {
            Some(Slip::ProductFirstTermOnly) => Expr::mul(d(u), (**v).clone()),
            Some(Slip::ProductSecondTermOnly) => Expr::mul((**u).clone(), d(v)),
            Some(Slip::ProductOfDerivatives) => Expr::mul(d(u), d(v)),
            _ => Expr::add(
                Expr::mul(d(u), (**v).clone()),
                Expr::mul((**u).clone(), d(v)),
            ),
        },
        Expr::Pow(u, n) => {
            let outer = match slip {
                Some(Slip::PowerNoMinusOne) => Expr::mul(c(*n), Expr::pow((**u).clone(), *n)),
                Some(Slip::PowerMissingFactor) => Expr::pow((**u).clone(), n - 1.0),
                Some(Slip::PowerPlusOne) => Expr::mul(c(*n), Expr::pow((**u).clone(), n + 1.0)),
                _ => Expr::mul(c(*n), Expr::pow((**u).clone(), n - 1.0)),
            };
            chain(outer, u, Slip::NoChainPow)
        }
        Expr::Sin(u) => {
            let outer = if slip == Some(Slip::SinSignFlipped) {
                Expr::mul(c(-1.0), Expr::cos((**u).clone()))
            } else {
                Expr::cos((**u).clone())
            };
            chain(outer, u, Slip::NoChainSin)
        }
        Expr::Cos(u) => {
            let outer = if slip == Some(Slip::CosSignFlipped) {
                Expr::sin((**u).clone())
            } else {
                Expr::mul(c(-1.0), Expr::sin((**u).clone()))
            };
            chain(outer, u, Slip::NoChainCos)
        }
        Expr::Exp(u) => chain(Expr::exp((**u).clone()), u, Slip::NoChainExp),
        Expr::Ln(u) => chain(Expr::pow((**u).clone(), -1.0), u, Slip::NoChainLn),
    }
}

/// A `diff` that forgets the chain rule in every arm.
fn diff_without_chain_rule(e: &Expr) -> Expr {
    let d = diff_without_chain_rule;
    match e {
        Expr::Const(_) => c(0.0),
        Expr::X => c(1.0),
        Expr::Add(u, v) => Expr::add(d(u), d(v)),
        Expr::Mul(u, v) => Expr::add(
            Expr::mul(d(u), (**v).clone()),
            Expr::mul((**u).clone(), d(v)),
        ),
        Expr::Pow(u, n) => Expr::mul(c(*n), Expr::pow((**u).clone(), n - 1.0)),
        Expr::Sin(u) => Expr::cos((**u).clone()),
        Expr::Cos(u) => Expr::mul(c(-1.0), Expr::sin((**u).clone())),
        Expr::Exp(u) => Expr::exp((**u).clone()),
        Expr::Ln(u) => Expr::pow((**u).clone(), -1.0),
    }
}

fn diff_checks(diff: impl Fn(&Expr) -> Expr + Copy) -> [CheckResult; 2] {
    [
        derivatives_of_six_expressions(diff),
        derivatives_of_random_trees(diff),
    ]
}

fn rejects_slip(slip: Slip, id: &str) {
    for result in diff_checks(|e| diff_with(e, Some(slip))) {
        assert_rejects(result, id);
    }
}

// ---- diff: wrong answers ----

#[test]
fn rejects_forgetting_the_chain_rule_everywhere() {
    for result in diff_checks(diff_without_chain_rule) {
        assert_rejects(result, "no_chain_rule");
    }
}

#[test]
fn rejects_forgetting_the_chain_rule_in_one_arm() {
    for slip in [Slip::NoChainSin, Slip::NoChainExp, Slip::NoChainLn] {
        rejects_slip(slip, "no_chain_rule");
    }
    // Every power and cosine among the six has x itself inside (inner derivative 1): the
    // random trees catch these two.
    for slip in [Slip::NoChainPow, Slip::NoChainCos] {
        assert_rejects(
            derivatives_of_random_trees(|e| diff_with(e, Some(slip))),
            "no_chain_rule",
        );
    }
}

#[test]
fn rejects_one_term_of_the_product_rule() {
    rejects_slip(Slip::ProductFirstTermOnly, "product_rule_one_term");
    rejects_slip(Slip::ProductSecondTermOnly, "product_rule_one_term");
}

#[test]
fn rejects_the_product_of_derivatives() {
    rejects_slip(Slip::ProductOfDerivatives, "product_of_derivatives");
}

#[test]
fn rejects_a_missing_minus_in_cos() {
    rejects_slip(Slip::CosSignFlipped, "cos_sign");
}

#[test]
fn rejects_a_minus_in_sin() {
    rejects_slip(Slip::SinSignFlipped, "sin_sign");
}

#[test]
fn rejects_the_power_rule_without_minus_one() {
    rejects_slip(Slip::PowerNoMinusOne, "power_rule_exponent");
}

#[test]
fn rejects_the_power_rule_without_the_factor() {
    rejects_slip(Slip::PowerMissingFactor, "power_rule_factor");
}

#[test]
fn rejects_the_power_rule_raising_the_exponent() {
    rejects_slip(Slip::PowerPlusOne, "power_rule_exponent_raised");
}

#[test]
fn rejects_a_constant_that_does_not_vanish() {
    rejects_slip(Slip::ConstantNotZero, "constant_derivative");
}

// ---- diff: correct alternatives ----

#[test]
fn accepts_the_straightforward_rules() {
    for result in diff_checks(|e| diff_with(e, None)) {
        assert_accepts(result);
    }
}

/// Differently shaped but equal trees: factors in the other order, ln(u)' as u'·u⁻¹ … and uⁿ
/// differentiated as exp(n·ln u), whose derivative is uⁿ·(n·u'/u).
fn diff_other_shapes(e: &Expr) -> Expr {
    let d = diff_other_shapes;
    match e {
        Expr::Const(_) => c(0.0),
        Expr::X => c(1.0),
        Expr::Add(u, v) => Expr::add(d(v), d(u)),
        Expr::Mul(u, v) => Expr::add(
            Expr::mul((**u).clone(), d(v)),
            Expr::mul(d(u), (**v).clone()),
        ),
        Expr::Pow(u, n) => {
            let as_exp = Expr::exp(Expr::mul(c(*n), Expr::ln((**u).clone())));
            d(&as_exp)
        }
        Expr::Sin(u) => Expr::mul(d(u), Expr::cos((**u).clone())),
        Expr::Cos(u) => Expr::mul(Expr::mul(d(u), Expr::sin((**u).clone())), c(-1.0)),
        Expr::Exp(u) => Expr::mul(d(u), (*e).clone()),
        Expr::Ln(u) => Expr::mul(d(u), Expr::pow((**u).clone(), -1.0)),
    }
}

#[test]
fn accepts_differently_shaped_trees_and_pow_via_exp_ln() {
    for result in diff_checks(diff_other_shapes) {
        assert_accepts(result);
    }
}

/// A `diff` that simplifies as it goes: drops zero terms, folds constants.
fn diff_simplifying(e: &Expr) -> Expr {
    fn mul(u: Expr, v: Expr) -> Expr {
        match (&u, &v) {
            (Expr::Const(a), _) if *a == 0.0 => c(0.0),
            (_, Expr::Const(b)) if *b == 0.0 => c(0.0),
            (Expr::Const(a), _) if *a == 1.0 => v,
            (_, Expr::Const(b)) if *b == 1.0 => u,
            (Expr::Const(a), Expr::Const(b)) => c(a * b),
            _ => Expr::mul(u, v),
        }
    }
    fn add(u: Expr, v: Expr) -> Expr {
        match (&u, &v) {
            (Expr::Const(a), _) if *a == 0.0 => v,
            (_, Expr::Const(b)) if *b == 0.0 => u,
            (Expr::Const(a), Expr::Const(b)) => c(a + b),
            _ => Expr::add(u, v),
        }
    }
    let d = diff_simplifying;
    match e {
        Expr::Const(_) => c(0.0),
        Expr::X => c(1.0),
        Expr::Add(u, v) => add(d(u), d(v)),
        Expr::Mul(u, v) => add(mul(d(u), (**v).clone()), mul((**u).clone(), d(v))),
        Expr::Pow(u, n) => mul(mul(c(*n), Expr::pow((**u).clone(), n - 1.0)), d(u)),
        Expr::Sin(u) => mul(Expr::cos((**u).clone()), d(u)),
        Expr::Cos(u) => mul(mul(c(-1.0), Expr::sin((**u).clone())), d(u)),
        Expr::Exp(u) => mul(Expr::exp((**u).clone()), d(u)),
        Expr::Ln(u) => mul(d(u), Expr::pow((**u).clone(), -1.0)),
    }
}

#[test]
fn accepts_a_simplifying_diff() {
    for result in diff_checks(diff_simplifying) {
        assert_accepts(result);
    }
}

// ---- eval ----

#[test]
fn eval_rejects_an_integer_power() {
    assert_rejects(
        eval_matches_the_definition(|e, x| e.eval_with(x, Some(EvalSlip::PowInteger))),
        "pow_integer_only",
    );
}

#[test]
fn eval_rejects_log10() {
    assert_rejects(
        eval_matches_the_definition(|e, x| e.eval_with(x, Some(EvalSlip::Log10))),
        "ln_is_log10",
    );
}

#[test]
fn eval_rejects_swapped_operations() {
    assert_rejects(
        eval_matches_the_definition(|e, x| e.eval_with(x, Some(EvalSlip::SinCosSwapped))),
        "sin_cos_swapped",
    );
    assert_rejects(
        eval_matches_the_definition(|e, x| e.eval_with(x, Some(EvalSlip::AddMulSwapped))),
        "add_mul_swapped",
    );
    assert_rejects(
        eval_matches_the_definition(|e, x| e.eval_with(x, Some(EvalSlip::PowTimes))),
        "pow_is_times",
    );
}

/// An evaluator a student might write differently: whole powers by `powi`, the others by
/// exp(n·ln u), subtraction-free, with an explicit stack of partial results nowhere needed.
fn eval_other_way(e: &Expr, x: f64) -> f64 {
    let ev = |u: &Expr| eval_other_way(u, x);
    match e {
        Expr::Const(v) => *v,
        Expr::X => x,
        Expr::Add(u, v) => ev(v) + ev(u),
        Expr::Mul(u, v) => ev(v) * ev(u),
        Expr::Pow(u, n) if n.fract() == 0.0 && n.abs() < 64.0 => ev(u).powi(*n as i32),
        Expr::Pow(u, n) => (n * ev(u).ln()).exp(),
        Expr::Sin(u) => ev(u).sin(),
        Expr::Cos(u) => ev(u).cos(),
        Expr::Exp(u) => ev(u).exp(),
        Expr::Ln(u) => ev(u).ln(),
    }
}

#[test]
fn eval_accepts_another_order_and_powers_via_exp_ln() {
    assert_accepts(eval_matches_the_definition(eval_other_way));
    assert_accepts(eval_matches_the_definition(|e, x| e.eval(x)));
}
