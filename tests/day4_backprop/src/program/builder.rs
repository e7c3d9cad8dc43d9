//! Writing fixed programs as ordinary arithmetic: `let z = 2.0 * x + 2.0 + x;` records the
//! same operations, in the same order, as the student's tape would.

use super::{BinOp, Op, Program, UnOp};
use std::cell::RefCell;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// Records a program while you compute with [`Sym`]s.
pub struct Builder {
    program: RefCell<Program>,
}

/// A slot of the program being built.
#[derive(Clone, Copy)]
pub struct Sym<'b> {
    builder: &'b Builder,
    slot: usize,
}

impl Builder {
    pub fn new(inputs: usize) -> Builder {
        Builder {
            program: RefCell::new(Program::new(inputs)),
        }
    }

    /// Input `i`.
    pub fn input(&self, i: usize) -> Sym<'_> {
        assert!(i < self.program.borrow().inputs);
        Sym {
            builder: self,
            slot: i,
        }
    }

    /// The program, whose output must be the last value computed.
    pub fn finish(&self, output: Sym<'_>) -> Program {
        let program = self.program.borrow().clone();
        assert_eq!(
            output.slot,
            program.output(),
            "the output must be the last operation"
        );
        program
    }

    fn push(&self, op: Op) -> Sym<'_> {
        let slot = self.program.borrow_mut().push(op);
        Sym {
            builder: self,
            slot,
        }
    }
}

impl<'b> Sym<'b> {
    fn unary(self, op: UnOp) -> Sym<'b> {
        self.builder.push(Op::Unary(op, self.slot))
    }
    pub fn powf(self, n: f64) -> Sym<'b> {
        self.unary(UnOp::Powf(n))
    }
    pub fn exp(self) -> Sym<'b> {
        self.unary(UnOp::Exp)
    }
    pub fn tanh(self) -> Sym<'b> {
        self.unary(UnOp::Tanh)
    }
    pub fn relu(self) -> Sym<'b> {
        self.unary(UnOp::Relu)
    }
    pub fn sin(self) -> Sym<'b> {
        self.unary(UnOp::Sin)
    }
    pub fn cos(self) -> Sym<'b> {
        self.unary(UnOp::Cos)
    }
    pub fn ln(self) -> Sym<'b> {
        self.unary(UnOp::Ln)
    }
}

impl<'b> Neg for Sym<'b> {
    type Output = Sym<'b>;
    fn neg(self) -> Sym<'b> {
        self.unary(UnOp::Neg)
    }
}

macro_rules! binary {
    ($Trait:ident, $method:ident, $op:expr) => {
        impl<'b> $Trait for Sym<'b> {
            type Output = Sym<'b>;
            fn $method(self, other: Sym<'b>) -> Sym<'b> {
                self.builder.push(Op::Binary($op, self.slot, other.slot))
            }
        }
        impl<'b> $Trait<f64> for Sym<'b> {
            type Output = Sym<'b>;
            fn $method(self, c: f64) -> Sym<'b> {
                self.builder.push(Op::NumRight($op, self.slot, c))
            }
        }
        impl<'b> $Trait<Sym<'b>> for f64 {
            type Output = Sym<'b>;
            fn $method(self, s: Sym<'b>) -> Sym<'b> {
                s.builder.push(Op::NumLeft($op, self, s.slot))
            }
        }
    };
}

binary!(Add, add, BinOp::Add);
binary!(Sub, sub, BinOp::Sub);
binary!(Mul, mul, BinOp::Mul);
binary!(Div, div, BinOp::Div);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_in_evaluation_order() {
        let b = Builder::new(1);
        let x = b.input(0);
        let y = 2.0 * x + x.powf(2.0);
        let p = b.finish(y);
        assert_eq!(
            p.ops,
            vec![
                Op::NumLeft(BinOp::Mul, 2.0, 0),
                Op::Unary(UnOp::Powf(2.0), 0),
                Op::Binary(BinOp::Add, 1, 2),
            ]
        );
        assert_eq!(p.value(&[3.0]), 15.0);
    }
}
