//! Checks for 4.2 — reverse-mode autodiff on a tape.
//!
//! Every check describes a computation as a [`Program`] and replays it on the student's tape
//! with the `run_on_tape!` macro: inputs as `tape.var(x)`, operations with the operators and
//! methods, `y.backward()`, `grads[x]`. References: exact values written out by hand
//! (micrograd's examples, single operations, variables used many times), the test's own
//! forward-mode derivatives (a 100 000-operation chain), and five-point finite differences
//! (random expressions). A wrong gradient is named by recomputing it with the test's own
//! tape carrying each catalogued flaw ([`reference_tape`](crate::program::reference_tape)).

use crate::numeric::{all_close, expect_components};
use crate::program::builder::Builder;
use crate::program::random::{TAPE_UNARY, screened_program};
use crate::program::reference_dual::{eval_dual, exact_gradient};
use crate::program::reference_tape::{Flavor, TapeFlaw, tape_gradient};
use crate::program::{BinOp, Op, Program, UnOp, single_op_value_mistakes};
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, gradcheck, name_mistake,
};

/// A program run on the student's tape: `(program, xs) -> (value, gradient wrt each input)`.
pub trait TapeRunner: Fn(&Program, &[f64]) -> (f64, Vec<f64>) {}
impl<T: Fn(&Program, &[f64]) -> (f64, Vec<f64>)> TapeRunner for T {}

/// Exact arithmetic up to rounding (a few ulps per operation, few operations).
const EXACT_TOL: f64 = 1e-12;
/// Matching a wrong gradient computed on the side.
const MISTAKE_TOL: f64 = 1e-9;
/// Relative error against five-point differences (accurate to ~1e-10: `program::random`).
const NUMERIC_THRESHOLD: f64 = 1e-6;

fn tape_flaw_mistake(flaw: TapeFlaw) -> Mistake {
    let (id, explanation) = match flaw {
        TapeFlaw::GradOverwritten => (
            "grad_overwritten",
            "a variable used more than once must collect a contribution from every use: \
             accumulate with `grads[input] += local * grad`, not `=`",
        ),
        TapeFlaw::ForwardSweep => (
            "forward_sweep",
            "visit the nodes from the last recorded back to the first: a node may pass its \
             gradient on only after every node that uses it has been visited",
        ),
        TapeFlaw::SeedZero => (
            "seed_not_one",
            "start the sweep with ∂y/∂y = 1 at the output's own node; from 0, every gradient \
             stays 0",
        ),
        TapeFlaw::MulLocalSwapped => (
            "mul_local_swapped",
            "for c = a·b, ∂c/∂a = b and ∂c/∂b = a: each input's local derivative is the \
             *other* input's value",
        ),
        TapeFlaw::SubLocalSign => ("sub_local_sign", "for c = a − b, ∂c/∂b = −1, not +1"),
        TapeFlaw::QuotientLocalSign => (
            "quotient_local_sign",
            "for c = a / b, ∂c/∂b = −a/b² (negative), and ∂c/∂a = 1/b",
        ),
        TapeFlaw::QuotientLocalNoSquare => (
            "quotient_local_no_square",
            "for c = a / b, ∂c/∂b = −a/b²: divide by b², not by b",
        ),
        TapeFlaw::PowerRuleExponent => (
            "power_rule_exponent",
            "for c = aⁿ, ∂c/∂a = n·aⁿ⁻¹: the exponent drops by one",
        ),
        TapeFlaw::PowerRuleMissingN => (
            "power_rule_missing_n",
            "for c = aⁿ, ∂c/∂a = n·aⁿ⁻¹: the factor n is missing",
        ),
        TapeFlaw::TanhLocalOfInput => (
            "tanh_local_of_input",
            "for c = tanh(a), ∂c/∂a = 1 − tanh²(a) = 1 − c²: square the output, not the input",
        ),
        TapeFlaw::ReluLocalAlwaysOne => (
            "relu_local_always_one",
            "for c = relu(a), ∂c/∂a is 1 where a > 0 and 0 where a < 0: a unit that is off \
             passes no gradient back",
        ),
    };
    Mistake::new(id, explanation)
}

/// Whether the student's `powf` is right on its own: x.powf(−1) at 1.7 has ∂/∂x = −1/1.7².
fn powf_is_right(run: &impl TapeRunner) -> bool {
    let mut program = Program::new(1);
    program.push(Op::Unary(UnOp::Powf(-1.0), 0));
    let (_, grads) = run(&program, &[1.7]);
    all_close(&grads, &[-1.0 / (1.7 * 1.7)], EXACT_TOL)
}

/// Whether the student's tape keeps only the last contribution to a variable used twice:
/// y = x + x at x = 1.5 then has ∂y/∂x = 1, not 2 (a sweep seeded with 0 gives 0).
fn overwrites_gradients(run: &impl TapeRunner) -> bool {
    let mut program = Program::new(1);
    program.push(Op::Binary(BinOp::Add, 0, 0));
    let (_, grads) = run(&program, &[1.5]);
    all_close(&grads, &[1.0], EXACT_TOL)
}

/// The catalogued flaw whose gradient matches `got` (and differs from the right one). When
/// several flaws give the same numbers, the first is named and the others are mentioned.
///
/// A quotient recorded with ∂c/∂b = −a/b gives the very numbers of a / b built as a·b⁻¹ with
/// the power rule's exponent not lowered; when the student's `powf` is right on its own, the
/// power rule is not the culprit. Likewise `=` for `+=` can leave every gradient 0, as a sweep
/// seeded with 0 does; a tape that overwrites on a tiny program of its own is not blamed on
/// its seed.
fn name_tape_flaw(
    run: &impl TapeRunner,
    program: &Program,
    xs: &[f64],
    got: &[f64],
) -> Option<Mistake> {
    let (_, right) = tape_gradient(program, xs, None, Flavor::Derived);
    let powf_right = powf_is_right(run);
    let overwrites = overwrites_gradients(run);
    let matches = |flaw: TapeFlaw| {
        if flaw == TapeFlaw::PowerRuleExponent && powf_right {
            return false;
        }
        if flaw == TapeFlaw::SeedZero && overwrites {
            return false;
        }
        let flavors: &[Flavor] = match flaw {
            TapeFlaw::SubLocalSign
            | TapeFlaw::QuotientLocalSign
            | TapeFlaw::QuotientLocalNoSquare => &[Flavor::Direct],
            _ => &[Flavor::Derived, Flavor::Direct],
        };
        flavors.iter().any(|&flavor| {
            let (_, wrong) = tape_gradient(program, xs, Some(flaw), flavor);
            all_close(got, &wrong, MISTAKE_TOL) && !all_close(&wrong, &right, MISTAKE_TOL)
        })
    };
    let mut found = TapeFlaw::ALL.into_iter().filter(|&flaw| matches(flaw));
    let first = tape_flaw_mistake(found.next()?);
    let others: Vec<String> = found
        .map(|flaw| tape_flaw_mistake(flaw).explanation)
        .collect();
    if others.is_empty() {
        return Some(first);
    }
    Some(Mistake::new(
        first.id,
        format!(
            "{} (the same numbers also come from another mistake: {})",
            first.explanation,
            others.join("; or: ")
        ),
    ))
}

fn input_name(i: usize) -> String {
    format!("∂y/∂x{i}")
}

fn with_seed(feedback: Feedback, seed: Option<u64>) -> Feedback {
    match seed {
        Some(seed) => feedback.seed(seed),
        None => feedback,
    }
}

/// Runs `program` on the tape; the value must match to `value_tol` and the gradient must
/// equal `want` to `EXACT_TOL` per component.
fn expect_exact(
    run: &impl TapeRunner,
    program: &Program,
    xs: &[f64],
    want: &[f64],
    summary: &str,
    seed: Option<u64>,
) -> CheckResult {
    let (value, grads) = run(program, xs);
    expect_close(value, program.value(xs), EXACT_TOL, || {
        with_seed(
            Feedback::new(format!("{summary}: the forward value is wrong"))
                .call(program.describe(xs))
                .mistake(name_mistake(
                    value,
                    single_op_value_mistakes(program, xs),
                    MISTAKE_TOL,
                )),
            seed,
        )
    })?;
    expect_components(&grads, want, EXACT_TOL, input_name, || {
        with_seed(
            Feedback::new(format!("{summary}: the gradient is wrong"))
                .call(format!("{}; y.backward()", program.describe(xs)))
                .mistake(name_tape_flaw(run, program, xs, &grads)),
            seed,
        )
    })
}

/// micrograd's sanity check (its `test/test_engine.py`): at x = −4,
/// `z = 2x + 2 + x; q = relu(z) + z·x; h = relu(z·z); y = h + q + q·x` gives y = −20 and
/// dy/dx = 46 **exactly**: every intermediate value and local derivative is a small
/// integer, exactly representable, so every correct tape (any accumulation order) lands on
/// 46 with no rounding at all.
pub fn micrograd_sanity_check(run: impl TapeRunner) -> CheckResult {
    let b = Builder::new(1);
    let x = b.input(0);
    let z = 2.0 * x + 2.0 + x;
    let q = z.relu() + z * x;
    let h = (z * z).relu();
    let program = b.finish(h + q + q * x);
    let xs = [-4.0];
    let (value, grads) = run(&program, &xs);
    expect_close(value, -20.0, 0.0, || {
        Feedback::new("micrograd's sanity check: y should be exactly −20")
            .call(program.describe(&xs))
    })?;
    expect_components(
        &grads,
        &[46.0],
        0.0,
        |_| "dy/dx".to_string(),
        || {
            Feedback::new("micrograd's sanity check: dy/dx should be exactly 46")
                .call(format!("{}; y.backward()", program.describe(&xs)))
                .mistake(name_tape_flaw(&run, &program, &xs, &grads))
        },
    )
}

/// micrograd's larger example (`test_more_ops`), with a = −4 and b = 2: g = 2421/98 =
/// 24.70408163265306, ∂g/∂a = 47620/343 = 138.83381924198252 and ∂g/∂b = 221433/343 =
/// 645.5772594752186 (the exact fractions, computed independently with rational
/// arithmetic; micrograd's README prints them rounded). Tolerance 1e-9 relative: a few
/// dozen operations on values up to ~1e3 round at the 1e-14 level.
pub fn micrograd_more_ops(run: impl TapeRunner) -> CheckResult {
    let program = micrograd_more_ops_program();
    let xs = [-4.0, 2.0];
    let (value, grads) = run(&program, &xs);
    expect_close(value, 2421.0 / 98.0, 1e-9, || {
        Feedback::new("micrograd's larger example: g should be 24.70408163265306")
            .call(program.describe(&xs))
    })?;
    let want = [47620.0 / 343.0, 221433.0 / 343.0];
    let names = |i: usize| ["∂g/∂a", "∂g/∂b"][i].to_string();
    expect_components(&grads, &want, 1e-9, names, || {
        Feedback::new("micrograd's larger example: the gradient should be (138.8338…, 645.5773…)")
            .call(format!("{}; g.backward()", program.describe(&xs)))
            .mistake(name_tape_flaw(&run, &program, &xs, &grads))
    })
}

/// The program of micrograd's `test_more_ops`, operation for operation.
pub fn micrograd_more_ops_program() -> Program {
    let builder = Builder::new(2);
    let (a, b) = (builder.input(0), builder.input(1));
    let c = a + b;
    let d = a * b + b.powf(3.0);
    let c = c + (c + 1.0);
    let c = c + (1.0 + c + (-a));
    let d = d + (d * 2.0 + (b + a).relu());
    let d = d + (3.0 * d + (b - a).relu());
    let e = c - d;
    let f = e.powf(2.0);
    let g = f / 2.0;
    let g = g + 10.0 / f;
    builder.finish(g)
}

/// Each operation alone on seeded inputs — + − × ÷ between variables and with numbers on
/// either side, negation, powf (n = 2, 3, −1, 0.5, 2.5), exp, tanh and relu (on both sides of
/// its kink) — value and gradient exact to 1e-12 against the derivative written out.
pub fn each_operation(run: impl TapeRunner) -> CheckResult {
    let mut inputs = Inputs::new("day4::each_operation");
    let signed = |inputs: &mut Inputs, lo: f64, hi: f64| {
        let m = inputs.uniform(lo, hi);
        if inputs.index(0, 2) == 0 { m } else { -m }
    };
    for op in [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div] {
        for _ in 0..10 {
            let a = inputs.uniform(-3.0, 3.0);
            let b = signed(&mut inputs, 0.5, 3.0);
            let c = signed(&mut inputs, 0.5, 3.0);
            let summary = format!("the tape's {} is not right", op.symbol());
            let mut programs = Vec::new();
            let mut both = Program::new(2);
            both.push(Op::Binary(op, 0, 1));
            programs.push((both, vec![a, b]));
            let mut left = Program::new(1);
            left.push(Op::NumLeft(op, c, 0));
            programs.push((left, vec![b]));
            let mut right = Program::new(1);
            right.push(Op::NumRight(op, 0, c));
            programs.push((right, vec![a]));
            for (program, xs) in &programs {
                let want = exact_gradient(program, xs);
                expect_exact(&run, program, xs, &want, &summary, Some(inputs.seed()))?;
            }
        }
    }
    let unary = [
        UnOp::Neg,
        UnOp::Powf(2.0),
        UnOp::Powf(3.0),
        UnOp::Powf(-1.0),
        UnOp::Powf(0.5),
        UnOp::Powf(2.5),
        UnOp::Exp,
        UnOp::Tanh,
        UnOp::Relu,
    ];
    for op in unary {
        for k in 0..10 {
            let a = match op {
                UnOp::Powf(n) if n.fract() != 0.0 => inputs.uniform(0.2, 3.0),
                // Half the points on each side of the kink, none within 0.1 of it.
                UnOp::Relu if k % 2 == 0 => inputs.uniform(0.1, 3.0),
                UnOp::Relu => -inputs.uniform(0.1, 3.0),
                _ => signed(&mut inputs, 0.5, 2.5),
            };
            let mut program = Program::new(1);
            program.push(Op::Unary(op, 0));
            let want = [op.derivative(a)];
            let summary = format!("{} on the tape is not right", op.call("x"));
            expect_exact(&run, &program, &[a], &want, &summary, Some(inputs.seed()))?;
        }
    }
    Ok(())
}

/// Variables used many times and shared subexpressions, against derivatives written out:
/// x + x → 2; x·x at 3 → 6; x·x·x + x at 2 → 13; x / x → 0; t = tanh x, t·t + x →
/// 2t(1 − t²) + 1; z = x·y, z·z + z at (2, 3) → (39, 26). Exact to 1e-12.
// `x / x` is the point: one variable on both sides of an operation.
#[allow(clippy::eq_op)]
pub fn reused_variables(run: impl TapeRunner) -> CheckResult {
    let one = |f: &dyn Fn(crate::program::builder::Sym) -> crate::program::builder::Sym| {
        let b = Builder::new(1);
        let x = b.input(0);
        let y = f(x);
        b.finish(y)
    };
    let t = 0.8_f64.tanh();
    let cases: Vec<(Program, Vec<f64>, Vec<f64>)> = vec![
        (one(&|x| x + x), vec![3.0], vec![2.0]),
        (one(&|x| x * x), vec![3.0], vec![6.0]),
        (one(&|x| x * x * x + x), vec![2.0], vec![13.0]),
        (one(&|x| x / x), vec![1.7], vec![0.0]),
        (
            one(&|x| {
                let t = x.tanh();
                t * t + x
            }),
            vec![0.8],
            vec![2.0 * t * (1.0 - t * t) + 1.0],
        ),
        (
            {
                let b = Builder::new(2);
                let (x, y) = (b.input(0), b.input(1));
                let z = x * y;
                b.finish(z * z + z)
            },
            vec![2.0, 3.0],
            vec![39.0, 26.0],
        ),
    ];
    for (program, xs, want) in &cases {
        expect_exact(
            &run,
            program,
            xs,
            want,
            "a variable used more than once",
            None,
        )?;
    }
    Ok(())
}

/// 40 seeded random expressions (2 to 4 inputs, each used many times; 5 to 25 operations
/// from + − × ÷, numbers on either side, neg, powf, exp, tanh, relu): the gradient against
/// the test's five-point finite differences, relative error ≤ 1e-6 per component (the
/// differences are accurate to ~1e-10; see `program::random`).
pub fn random_expressions(run: impl TapeRunner) -> CheckResult {
    let mut inputs = Inputs::new("day4::random_expressions");
    for _ in 0..40 {
        let n_inputs = inputs.index(2, 5);
        let n_ops = inputs.index(5, 26);
        let s = screened_program(&mut inputs, n_inputs, n_ops, &TAPE_UNARY);
        let (value, grads) = run(&s.program, &s.xs);
        expect_close(value, s.program.value(&s.xs), 1e-10, || {
            Feedback::new("the forward value of the expression is wrong")
                .call(s.program.describe(&s.xs))
                .seed(inputs.seed())
        })?;
        gradcheck::expect_gradient(&grads, &s.numeric, NUMERIC_THRESHOLD, input_name, || {
            Feedback::new("the tape's gradient disagrees with the finite-difference gradient")
                .call(format!("{}; y.backward()", s.program.describe(&s.xs)))
                .expected(gradlings_support::fmt_slice(&s.numeric))
                .got(gradlings_support::fmt_slice(&grads))
                .mistake(name_tape_flaw(&run, &s.program, &s.xs, &grads))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// Operations in the long chain.
pub const LONG_CHAIN_OPS: usize = 100_000;

/// v ← (v + x)·0.9999, repeated 50 000 times from v = x: 100 000 operations, x used
/// 50 001 times. dy/dx (≈ 9933) against the test's forward-mode derivative, 1e-9 relative:
/// both accumulate ~1e5 roundings of relative size 1e-16 along a sum of positive terms.
/// A recursive backward pass overflows the stack here; a sweep over the tape does not.
pub fn long_chain(run: impl TapeRunner) -> CheckResult {
    let program = long_chain_program();
    let xs = [0.5];
    let (value, grads) = run(&program, &xs);
    let (want_value, want_derivative) = eval_dual(&program, &[(0.5, 1.0)], None);
    expect_close(value, want_value, 1e-9, || {
        Feedback::new("the value at the end of a 100 000-operation chain is wrong")
            .call(program.describe(&xs))
    })?;
    expect_components(
        &grads,
        &[want_derivative],
        1e-9,
        |_| "dy/dx".to_string(),
        || {
            Feedback::new("the gradient at the start of a 100 000-operation chain is wrong")
                .call(format!("{}; y.backward()", program.describe(&xs)))
                .mistake(name_tape_flaw(&run, &program, &xs, &grads))
        },
    )
}

pub fn long_chain_program() -> Program {
    let mut program = Program::new(1);
    let mut v = 0;
    for _ in 0..LONG_CHAIN_OPS / 2 {
        let sum = program.push(Op::Binary(BinOp::Add, v, 0));
        v = program.push(Op::NumRight(BinOp::Mul, sum, 0.9999));
    }
    program
}

#[cfg(test)]
mod catalogue;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_micrograd_numbers_agree_with_forward_mode() {
        let program = micrograd_more_ops_program();
        let g = exact_gradient(&program, &[-4.0, 2.0]);
        assert!((program.value(&[-4.0, 2.0]) - 24.70408163265306).abs() < 1e-12);
        assert!((g[0] - 138.83381924198252).abs() < 1e-10, "{g:?}");
        assert!((g[1] - 645.5772594752186).abs() < 1e-10, "{g:?}");
    }

    #[test]
    fn the_long_chain_has_the_promised_size_and_slope() {
        let program = long_chain_program();
        assert_eq!(program.ops.len(), LONG_CHAIN_OPS);
        let (_, slope) = eval_dual(&program, &[(0.5, 1.0)], None);
        assert!((9_900.0..9_950.0).contains(&slope), "{slope}");
    }
}
