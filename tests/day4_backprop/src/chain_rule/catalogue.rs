//! Plausible wrong answers to 4.1, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use crate::program::reference_dual::{DualFlaw, eval_dual};
use crate::program::{BinOp, Op};
use crate::run_on_duals;
use gradlings_support::CheckResult;
use gradlings_support::{assert_accepts, assert_fails_saying, assert_rejects};
use std::ops::{Add, Div, Mul, Neg, Sub};

// ---- chain_derivative ----

fn right(links: &[Link], x: f64) -> f64 {
    let (mut value, mut derivative) = (x, 1.0);
    for (f, df) in links {
        derivative *= df(value);
        value = f(value);
    }
    derivative
}

#[test]
fn chain_rejects_derivatives_at_x() {
    let wrong = |links: &[Link], x: f64| links.iter().map(|(_, df)| df(x)).product::<f64>();
    assert_rejects(chain_rule_example(wrong), "derivatives_at_x");
    assert_rejects(random_chains(wrong), "derivatives_at_x");
}

#[test]
fn chain_rejects_updating_the_value_first() {
    let wrong = |links: &[Link], x: f64| {
        let (mut value, mut derivative) = (x, 1.0);
        for (f, df) in links {
            value = f(value);
            derivative *= df(value);
        }
        derivative
    };
    assert_rejects(chain_rule_example(wrong), "derivatives_at_outputs");
    assert_rejects(random_chains(wrong), "derivatives_at_outputs");
}

#[test]
fn chain_rejects_the_reversed_order() {
    let wrong = |links: &[Link], x: f64| {
        let reversed: Vec<Link> = links.iter().rev().copied().collect();
        right(&reversed, x)
    };
    assert_rejects(chain_rule_example(wrong), "order_reversed");
    assert_rejects(random_chains(wrong), "order_reversed");
}

#[test]
fn chain_rejects_a_sum() {
    let wrong = |links: &[Link], x: f64| {
        let (mut value, mut sum) = (x, 0.0);
        for (f, df) in links {
            sum += df(value);
            value = f(value);
        }
        sum
    };
    assert_rejects(chain_rule_example(wrong), "summed_not_multiplied");
    // The empty chain comes first, and a sum of nothing is 0, not 1.
    assert_fails_saying(random_chains(wrong), "identity");
}

#[test]
fn chain_rejects_skipping_the_first_link() {
    let wrong = |links: &[Link], x: f64| {
        let (mut value, mut derivative) = (x, 1.0);
        for (k, (f, df)) in links.iter().enumerate() {
            if k > 0 {
                derivative *= df(value);
            }
            value = f(value);
        }
        derivative
    };
    assert_rejects(chain_rule_example(wrong), "first_link_skipped");
    assert_rejects(random_chains(wrong), "first_link_skipped");
}

#[test]
fn chain_rejects_returning_the_value() {
    let wrong = |links: &[Link], x: f64| links.iter().fold(x, |u, (f, _)| f(u));
    assert_rejects(chain_rule_example(wrong), "returned_value");
}

#[test]
fn chain_accepts_values_first_then_the_product_from_the_outside_in() {
    let alternative = |links: &[Link], x: f64| {
        let mut values = vec![x];
        for (f, _) in links {
            values.push(f(*values.last().unwrap()));
        }
        (0..links.len())
            .rev()
            .map(|i| links[i].1(values[i]))
            .product::<f64>()
    };
    assert_accepts(chain_rule_example(alternative));
    assert_accepts(random_chains(alternative));
}

#[test]
fn chain_accepts_recursion_on_the_inner_chain() {
    fn recursive(links: &[Link], x: f64) -> f64 {
        match links.split_last() {
            None => 1.0,
            Some(((_, df_last), inner)) => {
                let inner_value = inner.iter().fold(x, |u, (f, _)| f(u));
                df_last(inner_value) * recursive(inner, x)
            }
        }
    }
    assert_accepts(chain_rule_example(recursive));
    assert_accepts(random_chains(recursive));
}

// ---- dual numbers ----

/// The catalogue's dual numbers: `FLAW` indexes `DualFlaw::ALL` (`RIGHT` for none); `ALT`
/// switches to other correct algebraic forms.
#[derive(Debug, Clone, Copy)]
struct TestDual<const FLAW: usize, const ALT: bool> {
    value: f64,
    derivative: f64,
}

const RIGHT: usize = usize::MAX;

fn flaw_index(flaw: DualFlaw) -> usize {
    DualFlaw::ALL.iter().position(|&f| f == flaw).unwrap()
}

impl<const FLAW: usize, const ALT: bool> TestDual<FLAW, ALT> {
    fn new(value: f64, derivative: f64) -> Self {
        TestDual { value, derivative }
    }
    fn has(flaw: DualFlaw) -> bool {
        FLAW == flaw_index(flaw)
    }
    fn chain(self, value: f64, local: f64) -> Self {
        let inner = if Self::has(DualFlaw::MissingChainFactor) {
            1.0
        } else {
            self.derivative
        };
        Self::new(value, local * inner)
    }
    fn sin(self) -> Self {
        self.chain(self.value.sin(), self.value.cos())
    }
    fn cos(self) -> Self {
        let sign = if Self::has(DualFlaw::CosDerivativeSign) {
            1.0
        } else {
            -1.0
        };
        self.chain(self.value.cos(), sign * self.value.sin())
    }
    fn exp(self) -> Self {
        self.chain(self.value.exp(), self.value.exp())
    }
    fn ln(self) -> Self {
        self.chain(self.value.ln(), self.value.recip())
    }
    fn tanh(self) -> Self {
        let t = self.value.tanh();
        if Self::has(DualFlaw::TanhDerivativeOfInput) {
            self.chain(t, 1.0 - self.value * self.value)
        } else if ALT {
            self.chain(t, 1.0 / self.value.cosh().powi(2))
        } else {
            self.chain(t, 1.0 - t * t)
        }
    }
    fn powf(self, n: f64) -> Self {
        let local = if Self::has(DualFlaw::PowerRuleExponent) {
            n * self.value.powf(n)
        } else if ALT && n.fract() == 0.0 {
            n * self.value.powi(n as i32 - 1)
        } else {
            n * self.value.powf(n - 1.0)
        };
        self.chain(self.value.powf(n), local)
    }
}

impl<const F: usize, const A: bool> Add for TestDual<F, A> {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self::new(self.value + o.value, self.derivative + o.derivative)
    }
}

impl<const F: usize, const A: bool> Sub for TestDual<F, A> {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        if Self::has(DualFlaw::SubAddsDerivatives) {
            Self::new(self.value - o.value, self.derivative + o.derivative)
        } else if A {
            self + (-o)
        } else {
            Self::new(self.value - o.value, self.derivative - o.derivative)
        }
    }
}

impl<const F: usize, const A: bool> Mul for TestDual<F, A> {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        let derivative = if Self::has(DualFlaw::ProductRuleOneTerm) {
            self.derivative * o.value
        } else {
            self.derivative * o.value + self.value * o.derivative
        };
        Self::new(self.value * o.value, derivative)
    }
}

impl<const F: usize, const A: bool> Div for TestDual<F, A> {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        let (a, da, b, db) = (self.value, self.derivative, o.value, o.derivative);
        let derivative = if Self::has(DualFlaw::QuotientRuleSign) {
            (da * b + a * db) / (b * b)
        } else if Self::has(DualFlaw::QuotientRuleNoSquare) {
            (da * b - a * db) / b
        } else if A {
            da / b - a * db / (b * b)
        } else {
            (da * b - a * db) / (b * b)
        };
        Self::new(a / b, derivative)
    }
}

impl<const F: usize, const A: bool> Neg for TestDual<F, A> {
    type Output = Self;
    fn neg(self) -> Self {
        if Self::has(DualFlaw::NegKeepsDerivative) {
            Self::new(-self.value, self.derivative)
        } else {
            Self::new(-self.value, -self.derivative)
        }
    }
}

macro_rules! with_numbers {
    ($Trait:ident, $method:ident) => {
        impl<const F: usize, const A: bool> $Trait<f64> for TestDual<F, A> {
            type Output = Self;
            fn $method(self, c: f64) -> Self {
                self.$method(Self::new(c, 0.0))
            }
        }
        impl<const F: usize, const A: bool> $Trait<TestDual<F, A>> for f64 {
            type Output = TestDual<F, A>;
            fn $method(self, u: TestDual<F, A>) -> TestDual<F, A> {
                TestDual::new(self, 0.0).$method(u)
            }
        }
    };
}
with_numbers!(Add, add);
with_numbers!(Sub, sub);
with_numbers!(Mul, mul);
with_numbers!(Div, div);

/// Every dual check on the duals with flaw `F`.
fn all_dual_checks<const F: usize, const A: bool>() -> [CheckResult; 4] {
    [
        dual_arithmetic(run_on_duals!(TestDual<F, A>)),
        dual_functions(run_on_duals!(TestDual<F, A>)),
        dual_composite_example(run_on_duals!(TestDual<F, A>)),
        dual_random_expressions(run_on_duals!(TestDual<F, A>)),
    ]
}

#[test]
fn duals_right_and_alternative_forms_pass_everything() {
    for result in all_dual_checks::<RIGHT, false>() {
        assert_accepts(result);
    }
    // Subtraction as a + (−b), the quotient as a′/b − ab′/b², tanh′ as sech², integer powers
    // with powi.
    for result in all_dual_checks::<RIGHT, true>() {
        assert_accepts(result);
    }
}

/// The checks of `results` that must reject the flaw, by name.
fn rejects(results: [CheckResult; 4], which: &[usize], id: &str) {
    for (k, result) in results.into_iter().enumerate() {
        if which.contains(&k) {
            assert_rejects(result, id);
        }
    }
}

const ARITHMETIC: usize = 0;
const FUNCTIONS: usize = 1;
const COMPOSITE: usize = 2;
const RANDOM: usize = 3;

#[test]
fn duals_reject_a_one_term_product_rule() {
    rejects(
        all_dual_checks::<0, false>(),
        &[ARITHMETIC, COMPOSITE, RANDOM],
        "product_rule_one_term",
    );
}

#[test]
fn duals_reject_the_quotient_rule_with_a_plus() {
    rejects(
        all_dual_checks::<1, false>(),
        &[ARITHMETIC, RANDOM],
        "quotient_rule_sign",
    );
}

#[test]
fn duals_reject_the_quotient_rule_over_b() {
    rejects(
        all_dual_checks::<2, false>(),
        &[ARITHMETIC, RANDOM],
        "quotient_rule_denominator",
    );
}

#[test]
fn duals_reject_subtraction_adding_derivatives() {
    rejects(
        all_dual_checks::<3, false>(),
        &[ARITHMETIC, RANDOM],
        "sub_adds_derivatives",
    );
}

#[test]
fn duals_reject_negation_keeping_the_derivative() {
    rejects(
        all_dual_checks::<4, false>(),
        &[ARITHMETIC, COMPOSITE],
        "neg_keeps_derivative",
    );
}

#[test]
fn duals_reject_a_missing_chain_factor() {
    rejects(
        all_dual_checks::<5, false>(),
        &[FUNCTIONS, COMPOSITE, RANDOM],
        "missing_chain_factor",
    );
}

#[test]
fn duals_reject_the_cosine_sign() {
    rejects(
        all_dual_checks::<6, false>(),
        &[FUNCTIONS, RANDOM],
        "cos_derivative_sign",
    );
}

#[test]
fn duals_reject_the_power_rule_keeping_the_exponent() {
    rejects(
        all_dual_checks::<7, false>(),
        &[FUNCTIONS, RANDOM],
        "power_rule_exponent",
    );
}

#[test]
fn duals_reject_tanh_derivative_of_the_input() {
    rejects(
        all_dual_checks::<8, false>(),
        &[FUNCTIONS, RANDOM],
        "tanh_derivative_of_input",
    );
}

#[test]
fn the_flaw_indices_match_the_list() {
    assert_eq!(flaw_index(DualFlaw::ProductRuleOneTerm), 0);
    assert_eq!(flaw_index(DualFlaw::TanhDerivativeOfInput), 8);
}

#[test]
fn duals_reject_a_reversed_subtraction_by_its_value() {
    #[derive(Debug, Clone, Copy)]
    struct Reversed {
        value: f64,
        derivative: f64,
    }
    // Only what the arithmetic check needs; the other operations are never reached.
    impl Reversed {
        fn new(value: f64, derivative: f64) -> Self {
            Reversed { value, derivative }
        }
    }
    let run = |program: &Program, seeds: &[(f64, f64)]| -> (f64, f64) {
        let d = |s: (f64, f64)| Reversed::new(s.0, s.1);
        let out = match program.ops[0] {
            Op::Binary(BinOp::Sub, _, _) => {
                let (a, b) = (d(seeds[0]), d(seeds[1]));
                Reversed::new(b.value - a.value, b.derivative - a.derivative)
            }
            _ => return eval_dual(program, seeds, None),
        };
        (out.value, out.derivative)
    };
    assert_rejects(dual_arithmetic(run), "sub_reversed");
}
