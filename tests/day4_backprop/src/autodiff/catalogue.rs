//! Plausible wrong tapes, each of which the checks must reject and name, and correct
//! alternatives they must accept. The tapes are the catalogue's own (`crate::test_tape`),
//! with the exercise's API, replayed through the same `run_on_tape!` as the student's.

use super::*;
use crate::run_on_tape;
use crate::test_tape::{DERIVED, DIRECT, RIGHT, TestTape, flaw};
use gradlings_support::{assert_accepts, assert_rejects};

/// Every check of 4.2, in order, on the tape with flaw `F` and style `S`.
fn all_checks<const F: usize, const S: usize>() -> [CheckResult; 6] {
    [
        micrograd_sanity_check(run_on_tape!(TestTape<F, S>)),
        micrograd_more_ops(run_on_tape!(TestTape<F, S>)),
        each_operation(run_on_tape!(TestTape<F, S>)),
        reused_variables(run_on_tape!(TestTape<F, S>)),
        random_expressions(run_on_tape!(TestTape<F, S>)),
        long_chain(run_on_tape!(TestTape<F, S>)),
    ]
}

const SANITY: usize = 0;
const MORE_OPS: usize = 1;
const EACH: usize = 2;
const REUSED: usize = 3;
const RANDOM: usize = 4;
const LONG: usize = 5;

fn rejects(results: [CheckResult; 6], which: &[usize], id: &str) {
    for (k, result) in results.into_iter().enumerate() {
        if which.contains(&k) {
            assert_rejects(result, id);
        }
    }
}

/// For flaws whose numbers can coincide with another flaw's (a forward sweep and a zero seed
/// both leave most gradients at 0): the checks in `named` must name `id`, those in `failing`
/// must fail (naming whichever matching flaw comes first).
fn rejects_some_by_name(results: [CheckResult; 6], named: &[usize], failing: &[usize], id: &str) {
    for (k, result) in results.into_iter().enumerate() {
        if named.contains(&k) {
            assert_rejects(result, id);
        } else if failing.contains(&k) {
            assert!(result.is_err(), "check {k} accepted the flaw {id}");
        }
    }
}

#[test]
fn accepts_micrograds_derived_operations() {
    for result in all_checks::<RIGHT, DERIVED>() {
        assert_accepts(result);
    }
}

#[test]
fn accepts_direct_operations_and_an_explicit_topological_order() {
    for result in all_checks::<RIGHT, DIRECT>() {
        assert_accepts(result);
    }
}

#[test]
fn rejects_overwriting_instead_of_accumulating() {
    const F: usize = flaw(TapeFlaw::GradOverwritten);
    rejects_some_by_name(
        all_checks::<F, DERIVED>(),
        &[REUSED, LONG, SANITY],
        &[MORE_OPS, RANDOM],
        "grad_overwritten",
    );
}

#[test]
fn rejects_a_forward_sweep() {
    const F: usize = flaw(TapeFlaw::ForwardSweep);
    rejects_some_by_name(
        all_checks::<F, DERIVED>(),
        &[REUSED],
        &[SANITY, MORE_OPS, RANDOM, LONG],
        "forward_sweep",
    );
}

#[test]
fn rejects_a_zero_seed() {
    const F: usize = flaw(TapeFlaw::SeedZero);
    rejects(
        all_checks::<F, DERIVED>(),
        &[SANITY, EACH, RANDOM],
        "seed_not_one",
    );
}

#[test]
fn rejects_swapped_product_derivatives() {
    const F: usize = flaw(TapeFlaw::MulLocalSwapped);
    rejects(
        all_checks::<F, DERIVED>(),
        &[SANITY, MORE_OPS, EACH, RANDOM],
        "mul_local_swapped",
    );
}

#[test]
fn rejects_a_subtraction_sign() {
    const F: usize = flaw(TapeFlaw::SubLocalSign);
    rejects(
        all_checks::<F, DIRECT>(),
        &[MORE_OPS, EACH, RANDOM],
        "sub_local_sign",
    );
}

#[test]
fn rejects_a_quotient_sign() {
    const F: usize = flaw(TapeFlaw::QuotientLocalSign);
    rejects(
        all_checks::<F, DIRECT>(),
        &[MORE_OPS, EACH, RANDOM],
        "quotient_local_sign",
    );
}

#[test]
fn rejects_a_quotient_without_the_square() {
    const F: usize = flaw(TapeFlaw::QuotientLocalNoSquare);
    rejects(
        all_checks::<F, DIRECT>(),
        &[MORE_OPS, EACH, RANDOM],
        "quotient_local_no_square",
    );
}

#[test]
fn rejects_the_power_rule_keeping_the_exponent() {
    const F: usize = flaw(TapeFlaw::PowerRuleExponent);
    rejects(
        all_checks::<F, DERIVED>(),
        &[MORE_OPS, EACH, RANDOM],
        "power_rule_exponent",
    );
}

#[test]
fn rejects_the_power_rule_without_n() {
    const F: usize = flaw(TapeFlaw::PowerRuleMissingN);
    rejects(
        all_checks::<F, DIRECT>(),
        &[MORE_OPS, EACH, RANDOM],
        "power_rule_missing_n",
    );
}

#[test]
fn rejects_tanh_derivative_of_the_input() {
    const F: usize = flaw(TapeFlaw::TanhLocalOfInput);
    rejects(
        all_checks::<F, DERIVED>(),
        &[EACH, REUSED, RANDOM],
        "tanh_local_of_input",
    );
}

#[test]
fn rejects_relu_passing_every_gradient() {
    const F: usize = flaw(TapeFlaw::ReluLocalAlwaysOne);
    // (Random expressions catch it too when one has a ReLU below its kink on the way to the
    // output; whether the seeded ones do depends on the seed.)
    rejects(
        all_checks::<F, DERIVED>(),
        &[SANITY, EACH],
        "relu_local_always_one",
    );
}

#[test]
fn rejects_a_reversed_subtraction_by_its_value() {
    // A tape whose `a - b` computes b − a (with matching local derivatives).
    let run = |program: &Program, xs: &[f64]| -> (f64, Vec<f64>) {
        if let [Op::Binary(BinOp::Sub, 0, 1)] = program.ops[..] {
            return (xs[1] - xs[0], vec![-1.0, 1.0]);
        }
        run_on_tape!(TestTape<RIGHT, DERIVED>)(program, xs)
    };
    assert_rejects(each_operation(run), "sub_reversed");
}
