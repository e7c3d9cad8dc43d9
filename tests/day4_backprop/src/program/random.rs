//! Seeded random programs whose gradients are safe to check numerically.
//!
//! Each operation is drawn only where it is smooth and well scaled at the current values:
//! no division by numbers below 0.5 in size, no ReLU within 0.1 of its kink, no logarithm or
//! fractional power of numbers below 0.2, no exp above 2.5, no value above 20 in size. Every
//! input is made to reach the output. A program is then *screened*: the test's exact
//! forward-mode gradient and its five-point finite-difference gradient must agree to 1e-8
//! (relative error), and no component may be below 1e-3 in size — so the relative-error
//! checks on the student's gradient measure the student's code, never a near-zero
//! denominator or a kink the finite difference stepped over.

use super::reference_dual::exact_gradient;
use super::{BinOp, Op, Program, UnOp};
use crate::numeric::five_point_gradient;
use gradlings_support::{Inputs, rel_error};

/// The unary operations of the tape (4.2), with the exponents `powf` is tried with.
pub const TAPE_UNARY: [UnOp; 8] = [
    UnOp::Neg,
    UnOp::Powf(2.0),
    UnOp::Powf(3.0),
    UnOp::Powf(-1.0),
    UnOp::Powf(0.5),
    UnOp::Exp,
    UnOp::Tanh,
    UnOp::Relu,
];

/// The unary operations of the dual numbers (4.1).
pub const DUAL_UNARY: [UnOp; 10] = [
    UnOp::Neg,
    UnOp::Powf(2.0),
    UnOp::Powf(3.0),
    UnOp::Powf(-1.0),
    UnOp::Powf(1.5),
    UnOp::Exp,
    UnOp::Tanh,
    UnOp::Sin,
    UnOp::Cos,
    UnOp::Ln,
];

const BINARY: [BinOp; 4] = [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div];
const MAX_VALUE: f64 = 20.0;

/// Whether `op` is smooth, defined and well scaled at the argument `a`.
fn unary_is_safe(op: UnOp, a: f64) -> bool {
    match op {
        UnOp::Powf(n) if n.fract() != 0.0 => a > 0.2,
        UnOp::Powf(n) if n < 0.0 => a.abs() > 0.5,
        UnOp::Exp => a < 2.5,
        UnOp::Ln => a > 0.2,
        UnOp::Relu => a.abs() > 0.1,
        _ => true,
    }
}

fn binary_is_safe(op: BinOp, b: f64) -> bool {
    op != BinOp::Div || b.abs() > 0.5
}

/// A number in ±[0.5, 3].
fn constant(inputs: &mut Inputs) -> f64 {
    let magnitude = inputs.uniform(0.5, 3.0);
    if inputs.index(0, 2) == 0 {
        magnitude
    } else {
        -magnitude
    }
}

/// An unscreened random program with `n_inputs` inputs in [−2, 2] and about `n_ops`
/// operations drawn from the binary operations and `unary`.
pub fn random_program(
    inputs: &mut Inputs,
    n_inputs: usize,
    n_ops: usize,
    unary: &[UnOp],
) -> (Program, Vec<f64>) {
    let xs: Vec<f64> = (0..n_inputs).map(|_| inputs.uniform(-2.0, 2.0)).collect();
    let mut program = Program::new(n_inputs);
    let mut values = xs.clone();
    let mut attempts = 0;
    while program.ops.len() < n_ops && attempts < 100 * n_ops {
        attempts += 1;
        let last = values.len() - 1;
        // Favour the latest value, so programs are deep as well as wide.
        let a = if inputs.index(0, 2) == 0 {
            last
        } else {
            inputs.index(0, values.len())
        };
        let b = inputs.index(0, values.len());
        let binop = BINARY[inputs.index(0, BINARY.len())];
        let op = match inputs.index(0, 6) {
            0..=2 => Op::Binary(binop, a, b),
            3 => Op::NumLeft(binop, constant(inputs), a),
            4 => Op::NumRight(binop, a, constant(inputs)),
            _ => Op::Unary(unary[inputs.index(0, unary.len())], a),
        };
        let safe = match op {
            Op::Binary(op, _, b) => binary_is_safe(op, values[b]),
            Op::NumLeft(op, _, b) => binary_is_safe(op, values[b]),
            Op::NumRight(op, _, c) => binary_is_safe(op, c),
            Op::Unary(op, a) => unary_is_safe(op, values[a]),
        };
        if !safe {
            continue;
        }
        program.ops.push(op);
        let value = *program.values(&xs).last().expect("just pushed");
        if value.is_finite() && value.abs() <= MAX_VALUE {
            values.push(value);
        } else {
            program.ops.pop();
        }
    }
    // Every input must reach the output: add c·x to the output for any that does not.
    if program.ops.is_empty() {
        program.push(Op::NumRight(BinOp::Mul, 0, constant(inputs)));
    }
    let reached = program.ancestors_of_output();
    for (i, &reaches) in reached.iter().enumerate().take(n_inputs) {
        if !reaches {
            let output = program.output();
            let term = program.push(Op::NumRight(BinOp::Mul, i, constant(inputs)));
            program.push(Op::Binary(BinOp::Add, output, term));
        }
    }
    (program, xs)
}

/// A screened random program: its inputs, its exact gradient and its five-point numerical
/// gradient (which agree to 1e-8 in relative error, with every component at least 1e-3).
pub struct Screened {
    pub program: Program,
    pub xs: Vec<f64>,
    pub exact: Vec<f64>,
    pub numeric: Vec<f64>,
}

/// The step of the five-point stencil: error ≈ h⁴·f⁽⁵⁾/30 ≈ 1e-13 and round-off
/// ≈ 1.5·ε·|f|/h ≈ 1e-11 for the values (≤ 20) these programs compute.
pub const FIVE_POINT_STEP: f64 = 1e-3;

pub fn screened_program(
    inputs: &mut Inputs,
    n_inputs: usize,
    n_ops: usize,
    unary: &[UnOp],
) -> Screened {
    for _ in 0..1000 {
        let (program, xs) = random_program(inputs, n_inputs, n_ops, unary);
        let exact = exact_gradient(&program, &xs);
        let numeric = five_point_gradient(&|x: &[f64]| program.value(x), &xs, FIVE_POINT_STEP);
        let usable = exact
            .iter()
            .zip(&numeric)
            .all(|(&e, &n)| e.is_finite() && e.abs() >= 1e-3 && rel_error(e, n) <= 1e-8);
        if usable {
            return Screened {
                program,
                xs,
                exact,
                numeric,
            };
        }
    }
    panic!("the test could not draw a usable random program (a bug in the test, not in your code)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screened_programs_are_usable_and_varied() {
        let mut inputs = Inputs::with_seed(11);
        let mut kinds = std::collections::HashSet::new();
        for _ in 0..50 {
            let s = screened_program(&mut inputs, 3, 15, &TAPE_UNARY);
            assert!(s.program.ops.len() >= 15);
            for op in &s.program.ops {
                kinds.insert(format!("{op:?}").split('(').next().unwrap().to_string());
            }
        }
        assert_eq!(kinds.len(), 4, "{kinds:?}");
    }

    #[test]
    fn every_input_reaches_the_output() {
        let mut inputs = Inputs::with_seed(5);
        for _ in 0..100 {
            let (p, _) = random_program(&mut inputs, 4, 3, &DUAL_UNARY);
            assert!(p.ancestors_of_output()[..4].iter().all(|&r| r));
        }
    }
}
