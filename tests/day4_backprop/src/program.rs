//! Expression programs: the test's description of a computation.
//!
//! A [`Program`] is a straight-line list of operations (a Wengert list): slots `0..inputs`
//! hold the inputs, and operation k writes slot `inputs + k`, reading only earlier slots. The
//! last slot is the output. Slots can be read many times, so programs express shared
//! subexpressions and variables used many times, and a long chain is just a long list (no
//! recursion anywhere).
//!
//! The checks run a program three ways: on the student's implementation (through the macros
//! in [`runners`]), on the test's own references ([`reference_dual`] for exact forward-mode
//! derivatives, [`reference_tape`] for reverse mode with or without a catalogued flaw), and
//! by finite differences of [`Program::value`].

pub mod builder;
pub mod random;
pub mod reference_dual;
pub mod reference_tape;
pub mod runners;

use gradlings_support::fmt_f64;

/// A binary arithmetic operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn apply(self, a: f64, b: f64) -> f64 {
        match self {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::Div => a / b,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

/// A unary operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnOp {
    Neg,
    /// uⁿ for a constant n.
    Powf(f64),
    Exp,
    Tanh,
    Relu,
    Sin,
    Cos,
    Ln,
}

impl UnOp {
    pub fn apply(self, a: f64) -> f64 {
        match self {
            UnOp::Neg => -a,
            UnOp::Powf(n) => a.powf(n),
            UnOp::Exp => a.exp(),
            UnOp::Tanh => a.tanh(),
            UnOp::Relu => a.max(0.0),
            UnOp::Sin => a.sin(),
            UnOp::Cos => a.cos(),
            UnOp::Ln => a.ln(),
        }
    }

    /// The exact derivative at `a`.
    pub fn derivative(self, a: f64) -> f64 {
        match self {
            UnOp::Neg => -1.0,
            UnOp::Powf(n) => n * a.powf(n - 1.0),
            UnOp::Exp => a.exp(),
            UnOp::Tanh => 1.0 - a.tanh().powi(2),
            UnOp::Relu => {
                if a > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            UnOp::Sin => a.cos(),
            UnOp::Cos => -a.sin(),
            UnOp::Ln => 1.0 / a,
        }
    }

    /// How the operation reads in Rust, applied to `arg`.
    pub fn call(self, arg: &str) -> String {
        match self {
            UnOp::Neg => format!("-{arg}"),
            UnOp::Powf(n) => format!("{arg}.powf({})", fmt_f64(n)),
            UnOp::Exp => format!("{arg}.exp()"),
            UnOp::Tanh => format!("{arg}.tanh()"),
            UnOp::Relu => format!("{arg}.relu()"),
            UnOp::Sin => format!("{arg}.sin()"),
            UnOp::Cos => format!("{arg}.cos()"),
            UnOp::Ln => format!("{arg}.ln()"),
        }
    }
}

/// One operation, reading earlier slots.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// `slot op slot`
    Binary(BinOp, usize, usize),
    /// `number op slot`, e.g. `2.0 * v`
    NumLeft(BinOp, f64, usize),
    /// `slot op number`, e.g. `v / 3.0`
    NumRight(BinOp, usize, f64),
    /// `op(slot)`
    Unary(UnOp, usize),
}

/// A straight-line program with `inputs` inputs; its output is the last slot.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub inputs: usize,
    pub ops: Vec<Op>,
}

impl Program {
    pub fn new(inputs: usize) -> Program {
        Program {
            inputs,
            ops: Vec::new(),
        }
    }

    /// Appends `op` and returns the slot it writes.
    pub fn push(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.output()
    }

    /// The output slot (the last one).
    pub fn output(&self) -> usize {
        self.inputs + self.ops.len() - 1
    }

    /// Every slot's value at the inputs `xs`.
    pub fn values(&self, xs: &[f64]) -> Vec<f64> {
        assert_eq!(xs.len(), self.inputs, "a program needs one value per input");
        let mut slots = xs.to_vec();
        for op in &self.ops {
            let value = match *op {
                Op::Binary(op, a, b) => op.apply(slots[a], slots[b]),
                Op::NumLeft(op, c, b) => op.apply(c, slots[b]),
                Op::NumRight(op, a, c) => op.apply(slots[a], c),
                Op::Unary(op, a) => op.apply(slots[a]),
            };
            slots.push(value);
        }
        slots
    }

    /// The output's value at `xs`.
    pub fn value(&self, xs: &[f64]) -> f64 {
        *self.values(xs).last().expect("a program has an output")
    }

    /// Whether each slot influences the output.
    pub fn ancestors_of_output(&self) -> Vec<bool> {
        let mut needed = vec![false; self.inputs + self.ops.len()];
        needed[self.output()] = true;
        for (k, op) in self.ops.iter().enumerate().rev() {
            if !needed[self.inputs + k] {
                continue;
            }
            match *op {
                Op::Binary(_, a, b) => {
                    needed[a] = true;
                    needed[b] = true;
                }
                Op::NumLeft(_, _, a) | Op::NumRight(_, a, _) | Op::Unary(_, a) => needed[a] = true,
            }
        }
        needed
    }

    /// The name of a slot in feedback: inputs are `x0, x1, …`, results `v1, v2, …`.
    pub fn slot_name(&self, slot: usize) -> String {
        if slot < self.inputs {
            format!("x{slot}")
        } else {
            format!("v{}", slot - self.inputs + 1)
        }
    }

    /// The program as Rust-like lines, e.g. `v1 = x0 * x1`, eliding the middle of long ones.
    pub fn lines(&self) -> Vec<String> {
        const SHOWN: usize = 24;
        let line = |k: usize, op: &Op| {
            let rhs = match *op {
                Op::Binary(op, a, b) => {
                    format!(
                        "{} {} {}",
                        self.slot_name(a),
                        op.symbol(),
                        self.slot_name(b)
                    )
                }
                Op::NumLeft(op, c, b) => {
                    format!("{} {} {}", number(c), op.symbol(), self.slot_name(b))
                }
                Op::NumRight(op, a, c) => {
                    format!("{} {} {}", self.slot_name(a), op.symbol(), number(c))
                }
                Op::Unary(op, a) => op.call(&self.slot_name(a)),
            };
            format!("let {} = {rhs};", self.slot_name(self.inputs + k))
        };
        let n = self.ops.len();
        if n <= SHOWN {
            return self
                .ops
                .iter()
                .enumerate()
                .map(|(k, op)| line(k, op))
                .collect();
        }
        let mut lines: Vec<String> = self.ops[..SHOWN / 2]
            .iter()
            .enumerate()
            .map(|(k, op)| line(k, op))
            .collect();
        lines.push(format!("… ({} more operations) …", n - SHOWN));
        lines.extend(
            self.ops[n - SHOWN / 2..]
                .iter()
                .enumerate()
                .map(|(k, op)| line(n - SHOWN / 2 + k, op)),
        );
        lines
    }

    /// The program with its inputs, on one line, for the "called" row of feedback.
    pub fn describe(&self, xs: &[f64]) -> String {
        let inputs: Vec<String> = xs
            .iter()
            .enumerate()
            .map(|(i, &x)| format!("x{i} = {}", fmt_f64(x)))
            .collect();
        format!(
            "inputs {}; {} (output {})",
            inputs.join(", "),
            self.lines().join(" "),
            self.slot_name(self.output())
        )
    }
}

/// A number as it would appear in Rust source (`2.0`, not `2`).
fn number(c: f64) -> String {
    let text = fmt_f64(c);
    if text.contains(['.', 'e', 'i', 'N']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// For a program of a single operation: the values of the plausible wrong *forward* results
/// (operands swapped, negation forgotten), to name a wrong value.
pub fn single_op_value_mistakes(
    program: &Program,
    xs: &[f64],
) -> Vec<(gradlings_support::Mistake, f64)> {
    use gradlings_support::Mistake;
    let [op] = program.ops[..] else {
        return Vec::new();
    };
    let slot = |i: usize| xs[i];
    let reversed = |op: BinOp, a: f64, b: f64| -> Vec<(Mistake, f64)> {
        match op {
            BinOp::Sub => vec![(
                Mistake::new(
                    "sub_reversed",
                    "a − b came out as b − a: subtract the right operand from the left one",
                ),
                b - a,
            )],
            BinOp::Div => vec![(
                Mistake::new(
                    "div_reversed",
                    "a / b came out as b / a: divide the left operand by the right one",
                ),
                b / a,
            )],
            _ => Vec::new(),
        }
    };
    match op {
        Op::Binary(op, a, b) => reversed(op, slot(a), slot(b)),
        Op::NumLeft(op, c, b) => reversed(op, c, slot(b)),
        Op::NumRight(op, a, c) => reversed(op, slot(a), c),
        Op::Unary(UnOp::Neg, a) => vec![(
            Mistake::new(
                "neg_not_negated",
                "−a came out as a: negation must flip the sign",
            ),
            slot(a),
        )],
        Op::Unary(_, _) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_a_program_like_rust() {
        let mut p = Program::new(2);
        p.push(Op::Binary(BinOp::Mul, 0, 1));
        p.push(Op::NumLeft(BinOp::Sub, 2.0, 2));
        p.push(Op::Unary(UnOp::Powf(3.0), 3));
        assert_eq!(
            p.describe(&[1.5, -2.0]),
            "inputs x0 = 1.5, x1 = -2; let v1 = x0 * x1; let v2 = 2.0 - v1; let v3 = v2.powf(3); \
             (output v3)"
        );
        assert_eq!(p.value(&[1.5, -2.0]), 125.0);
    }

    #[test]
    fn ancestors_follow_the_reads() {
        let mut p = Program::new(3);
        p.push(Op::Unary(UnOp::Exp, 1));
        p.push(Op::Binary(BinOp::Add, 0, 3));
        assert_eq!(p.ancestors_of_output(), vec![true, true, false, true, true]);
    }
}
