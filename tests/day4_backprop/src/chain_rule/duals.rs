//! 4.1, part 2: dual numbers, run through programs with `run_on_duals!`.

use super::{DualRunner, EXACT_TOL, MISTAKE_TOL, NUMERIC_THRESHOLD};
use crate::numeric::close_to;
use crate::program::builder::Builder;
use crate::program::random::{DUAL_UNARY, screened_program};
use crate::program::reference_dual::{DualFlaw, eval_dual};
use crate::program::{BinOp, Op, Program, UnOp, single_op_value_mistakes};
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_f64, gradcheck, name_mistake,
    rel_error,
};

fn dual_flaw_mistake(flaw: DualFlaw) -> Mistake {
    let (id, explanation) = match flaw {
        DualFlaw::ProductRuleOneTerm => (
            "product_rule_one_term",
            "the product rule has two terms: (a·b)′ = a′·b + a·b′; your derivative is missing one",
        ),
        DualFlaw::QuotientRuleSign => (
            "quotient_rule_sign",
            "(a/b)′ = (a′·b − a·b′)/b²: the two terms are subtracted, not added",
        ),
        DualFlaw::QuotientRuleNoSquare => (
            "quotient_rule_denominator",
            "(a/b)′ = (a′·b − a·b′)/b²: divide by b², not by b",
        ),
        DualFlaw::SubAddsDerivatives => (
            "sub_adds_derivatives",
            "(a − b)′ = a′ − b′: subtract the derivatives too",
        ),
        DualFlaw::NegKeepsDerivative => (
            "neg_keeps_derivative",
            "−(a + a′ε) = −a − a′ε: negate the derivative as well as the value",
        ),
        DualFlaw::MissingChainFactor => (
            "missing_chain_factor",
            "f(u)′ = f′(u)·u′: multiply by the derivative the dual already carries \
             (self.derivative); without it the chain rule stops at this function",
        ),
        DualFlaw::CosDerivativeSign => ("cos_derivative_sign", "cos′(u) = −sin(u): mind the sign"),
        DualFlaw::PowerRuleExponent => (
            "power_rule_exponent",
            "(uⁿ)′ = n·uⁿ⁻¹·u′: the exponent drops by one",
        ),
        DualFlaw::TanhDerivativeOfInput => (
            "tanh_derivative_of_input",
            "tanh′(u) = 1 − tanh²(u): square the tanh of u, not u itself",
        ),
    };
    Mistake::new(id, explanation)
}

/// The named mistake whose derivative matches `got` (and differs from the right one).
fn name_dual_flaw(program: &Program, seeds: &[(f64, f64)], got: f64) -> Option<Mistake> {
    let right = eval_dual(program, seeds, None).1;
    let candidates = DualFlaw::ALL.into_iter().filter_map(|flaw| {
        let wrong = eval_dual(program, seeds, Some(flaw)).1;
        (!close_to(wrong, right, MISTAKE_TOL)).then(|| (dual_flaw_mistake(flaw), wrong))
    });
    name_mistake(got, candidates, MISTAKE_TOL)
}

/// Whether two catalogued dual mistakes give the same wrong derivative on this program.
fn dual_flaws_coincide(program: &Program, seeds: &[(f64, f64)]) -> bool {
    let right = eval_dual(program, seeds, None).1;
    let wrong: Vec<f64> = DualFlaw::ALL
        .into_iter()
        .map(|flaw| eval_dual(program, seeds, Some(flaw)).1)
        .filter(|&v| !close_to(v, right, MISTAKE_TOL))
        .collect();
    wrong
        .iter()
        .enumerate()
        .any(|(i, &a)| wrong[i + 1..].iter().any(|&b| close_to(a, b, MISTAKE_TOL)))
}

fn describe_duals(program: &Program, seeds: &[(f64, f64)]) -> String {
    let inputs: Vec<String> = seeds
        .iter()
        .enumerate()
        .map(|(i, &(v, d))| format!("let x{i} = Dual::new({}, {});", fmt_f64(v), fmt_f64(d)))
        .collect();
    format!("{} {}", inputs.join(" "), program.lines().join(" "))
}

/// Runs `program` on the student's duals and compares both parts with the reference:
/// the value to `value_tol`, the derivative to `derivative_tol` (relative to max(1, |want|)).
fn expect_dual(
    run: &impl DualRunner,
    program: &Program,
    seeds: &[(f64, f64)],
    summary: &str,
    seed: Option<u64>,
) -> CheckResult {
    let (value, derivative) = run(program, seeds);
    let (want_value, want_derivative) = eval_dual(program, seeds, None);
    let with_seed = |feedback: Feedback| match seed {
        Some(seed) => feedback.seed(seed),
        None => feedback,
    };
    let xs: Vec<f64> = seeds.iter().map(|s| s.0).collect();
    expect_close(value, want_value, EXACT_TOL, || {
        with_seed(
            Feedback::new(format!("{summary}: the value part is wrong"))
                .call(describe_duals(program, seeds))
                .mistake(name_mistake(
                    value,
                    single_op_value_mistakes(program, &xs),
                    MISTAKE_TOL,
                )),
        )
    })?;
    expect_close(derivative, want_derivative, EXACT_TOL, || {
        with_seed(
            Feedback::new(format!("{summary}: the derivative part is wrong"))
                .call(describe_duals(program, seeds))
                .mistake(name_dual_flaw(program, seeds, derivative)),
        )
    })
}

/// A number in ±[lo, hi].
fn signed(inputs: &mut Inputs, lo: f64, hi: f64) -> f64 {
    let magnitude = inputs.uniform(lo, hi);
    if inputs.index(0, 2) == 0 {
        magnitude
    } else {
        -magnitude
    }
}

/// Addition, subtraction, multiplication and division between duals and with plain numbers
/// on either side, and negation, on seeded operands whose derivative parts are arbitrary (not
/// just 1): value and derivative exact to 1e-12 (each is one or two roundings).
pub fn dual_arithmetic(run: impl DualRunner) -> CheckResult {
    let mut inputs = Inputs::new("day4::dual_arithmetic");
    for op in [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div] {
        for _ in 0..10 {
            let a = (inputs.uniform(-3.0, 3.0), inputs.uniform(-2.0, 2.0));
            let b = (signed(&mut inputs, 0.5, 3.0), inputs.uniform(-2.0, 2.0));
            let c = signed(&mut inputs, 0.5, 3.0);
            let summary = format!("the dual {} is not right", op.symbol());
            let mut both = Program::new(2);
            both.push(Op::Binary(op, 0, 1));
            expect_dual(&run, &both, &[a, b], &summary, Some(inputs.seed()))?;
            let mut left = Program::new(1);
            left.push(Op::NumLeft(op, c, 0));
            expect_dual(&run, &left, &[b], &summary, Some(inputs.seed()))?;
            let mut right = Program::new(1);
            right.push(Op::NumRight(op, 0, c));
            expect_dual(&run, &right, &[a], &summary, Some(inputs.seed()))?;
        }
    }
    for _ in 0..10 {
        let a = (inputs.uniform(-3.0, 3.0), signed(&mut inputs, 0.5, 2.0));
        let mut neg = Program::new(1);
        neg.push(Op::Unary(UnOp::Neg, 0));
        expect_dual(
            &run,
            &neg,
            &[a],
            "the dual negation is not right",
            Some(inputs.seed()),
        )?;
    }
    Ok(())
}

/// sin, cos, exp, ln, tanh and powf (n = 2, 3, −1, 0.5, 2.5) of seeded duals whose
/// derivative part is not 1 (so a forgotten `·u′` shows): exact to 1e-12.
pub fn dual_functions(run: impl DualRunner) -> CheckResult {
    let mut inputs = Inputs::new("day4::dual_functions");
    let ops = [
        UnOp::Sin,
        UnOp::Cos,
        UnOp::Exp,
        UnOp::Ln,
        UnOp::Tanh,
        UnOp::Powf(2.0),
        UnOp::Powf(3.0),
        UnOp::Powf(-1.0),
        UnOp::Powf(0.5),
        UnOp::Powf(2.5),
    ];
    for op in ops {
        for _ in 0..10 {
            let positive =
                matches!(op, UnOp::Ln) || matches!(op, UnOp::Powf(n) if n.fract() != 0.0);
            let a = if positive {
                inputs.uniform(0.2, 3.0)
            } else {
                signed(&mut inputs, 0.5, 2.5)
            };
            // A derivative part away from 1, so that forgetting to multiply by it shows.
            let da = signed(&mut inputs, 1.3, 2.5);
            let mut program = Program::new(1);
            program.push(Op::Unary(op, 0));
            let summary = format!("{} of a dual is not right", op.call("u"));
            expect_dual(&run, &program, &[(a, da)], &summary, Some(inputs.seed()))?;
        }
    }
    Ok(())
}

/// The exercise's example: sin(x²)·e⁻ˣ at 1.3 has derivative −0.3548635744708411 (1e-12),
/// and 2x·cos(x²)·e⁻ˣ − sin(x²)·e⁻ˣ at 20 seeded x in [−2, 2].
pub fn dual_composite_example(run: impl DualRunner) -> CheckResult {
    let b = Builder::new(1);
    let x = b.input(0);
    let program = b.finish((x * x).sin() * (-x).exp());
    let formula = |x: f64| (2.0 * x * (x * x).cos() - (x * x).sin()) * (-x).exp();
    let call = |x: f64| {
        format!(
            "let x = Dual::var({}); (x * x).sin() * (-x).exp()",
            fmt_f64(x)
        )
    };
    let (_, known) = run(&program, &[(1.3, 1.0)]);
    expect_close(known, -0.3548635744708411, EXACT_TOL, || {
        Feedback::new("d/dx sin(x²)·e⁻ˣ at 1.3 is −0.3548635744708411")
            .call(call(1.3))
            .mistake(name_dual_flaw(&program, &[(1.3, 1.0)], known))
    })?;
    let mut inputs = Inputs::new("day4::dual_composite_example");
    for _ in 0..20 {
        let x = inputs.uniform(-2.0, 2.0);
        let (value, derivative) = run(&program, &[(x, 1.0)]);
        expect_close(value, (x * x).sin() * (-x).exp(), EXACT_TOL, || {
            Feedback::new("the value of sin(x²)·e⁻ˣ is wrong")
                .call(call(x))
                .seed(inputs.seed())
        })?;
        expect_close(derivative, formula(x), EXACT_TOL, || {
            Feedback::new("d/dx sin(x²)·e⁻ˣ = 2x·cos(x²)·e⁻ˣ − sin(x²)·e⁻ˣ")
                .call(call(x))
                .mistake(name_dual_flaw(&program, &[(x, 1.0)], derivative))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// 40 seeded random expressions of one variable (4 to 16 operations from + − × ÷, numbers on
/// either side, neg, powf, exp, tanh, sin, cos, ln): the derivative part of
/// `f(Dual::var(x))` against the test's five-point finite difference, relative error
/// ≤ 1e-6 (the difference itself is accurate to ~1e-10: see `program::random`).
pub fn dual_random_expressions(run: impl DualRunner) -> CheckResult {
    let mut inputs = Inputs::new("day4::dual_random_expressions");
    for _ in 0..40 {
        // Skip the rare programs on which two different mistakes give the same derivative.
        let s = loop {
            let n_ops = inputs.index(4, 17);
            let s = screened_program(&mut inputs, 1, n_ops, &DUAL_UNARY);
            if !dual_flaws_coincide(&s.program, &[(s.xs[0], 1.0)]) {
                break s;
            }
        };
        let seeds = [(s.xs[0], 1.0)];
        let (value, derivative) = run(&s.program, &seeds);
        let want_value = s.program.value(&s.xs);
        expect_close(value, want_value, 1e-10, || {
            Feedback::new("the value part of the expression is wrong")
                .call(describe_duals(&s.program, &seeds))
                .seed(inputs.seed())
        })?;
        gradcheck::expect_gradient(
            &[derivative],
            &s.numeric,
            NUMERIC_THRESHOLD,
            |_| "d/dx".to_string(),
            || {
                Feedback::new("the derivative part disagrees with the finite-difference derivative")
                    .call(describe_duals(&s.program, &seeds))
                    .expected(fmt_f64(s.numeric[0]))
                    .got(fmt_f64(derivative))
                    .mistake(name_dual_flaw(&s.program, &seeds, derivative))
                    .seed(inputs.seed())
            },
        )?;
        debug_assert!(rel_error(s.exact[0], s.numeric[0]) <= 1e-8);
    }
    Ok(())
}
