//! Running a [`Program`](super::Program) on an implementation under test.
//!
//! The student's `Dual` and `Tape` are types of the student's crate, so the checks cannot
//! name them. These macros expand, where they are used (in `graded/tests/graded.rs` for the student's
//! crate or the solutions, in the catalogues for the test's own flawed versions), into a
//! closure that replays a program with that type's public API — `Dual::new`, `+ − × ÷` with
//! numbers on either side, `powf`, `exp`, …; `Tape::new`, `tape.var`, `y.backward()`,
//! `grads[x]` — exactly as a student would write the expression by hand.

/// `run_on_duals!(Dual)`: a closure `(program, seeds) -> (value, derivative)` that starts input
/// i as `Dual::new(seeds[i].0, seeds[i].1)` and returns the output's two parts.
#[macro_export]
macro_rules! run_on_duals {
    ($Dual:ty) => {
        |program: &$crate::program::Program, seeds: &[(f64, f64)]| -> (f64, f64) {
            use $crate::program::{BinOp, Op, UnOp};
            let mut slots: Vec<$Dual> = seeds.iter().map(|&(v, d)| <$Dual>::new(v, d)).collect();
            for op in &program.ops {
                let next: $Dual = match *op {
                    Op::Binary(BinOp::Add, a, b) => slots[a] + slots[b],
                    Op::Binary(BinOp::Sub, a, b) => slots[a] - slots[b],
                    Op::Binary(BinOp::Mul, a, b) => slots[a] * slots[b],
                    Op::Binary(BinOp::Div, a, b) => slots[a] / slots[b],
                    Op::NumLeft(BinOp::Add, c, b) => c + slots[b],
                    Op::NumLeft(BinOp::Sub, c, b) => c - slots[b],
                    Op::NumLeft(BinOp::Mul, c, b) => c * slots[b],
                    Op::NumLeft(BinOp::Div, c, b) => c / slots[b],
                    Op::NumRight(BinOp::Add, a, c) => slots[a] + c,
                    Op::NumRight(BinOp::Sub, a, c) => slots[a] - c,
                    Op::NumRight(BinOp::Mul, a, c) => slots[a] * c,
                    Op::NumRight(BinOp::Div, a, c) => slots[a] / c,
                    Op::Unary(UnOp::Neg, a) => -slots[a],
                    Op::Unary(UnOp::Powf(n), a) => slots[a].powf(n),
                    Op::Unary(UnOp::Exp, a) => slots[a].exp(),
                    Op::Unary(UnOp::Tanh, a) => slots[a].tanh(),
                    Op::Unary(UnOp::Sin, a) => slots[a].sin(),
                    Op::Unary(UnOp::Cos, a) => slots[a].cos(),
                    Op::Unary(UnOp::Ln, a) => slots[a].ln(),
                    Op::Unary(UnOp::Relu, _) => panic!("the dual numbers of 4.1 have no relu"),
                };
                slots.push(next);
            }
            let output = slots.last().expect("a program has an output");
            (output.value, output.derivative)
        }
    };
}

/// `run_on_tape!(Tape)`: a closure `(program, xs) -> (value, gradient)` that records the
/// program on a fresh tape (inputs first, as `tape.var(x)`), calls `backward` on the output
/// and reads the gradient of every input.
#[macro_export]
macro_rules! run_on_tape {
    ($Tape:ty) => {
        |program: &$crate::program::Program, xs: &[f64]| -> (f64, Vec<f64>) {
            use $crate::program::{BinOp, Op, UnOp};
            let tape = <$Tape>::new();
            let inputs: Vec<_> = xs.iter().map(|&x| tape.var(x)).collect();
            let mut slots = inputs.clone();
            for op in &program.ops {
                let next = match *op {
                    Op::Binary(BinOp::Add, a, b) => slots[a] + slots[b],
                    Op::Binary(BinOp::Sub, a, b) => slots[a] - slots[b],
                    Op::Binary(BinOp::Mul, a, b) => slots[a] * slots[b],
                    Op::Binary(BinOp::Div, a, b) => slots[a] / slots[b],
                    Op::NumLeft(BinOp::Add, c, b) => c + slots[b],
                    Op::NumLeft(BinOp::Sub, c, b) => c - slots[b],
                    Op::NumLeft(BinOp::Mul, c, b) => c * slots[b],
                    Op::NumLeft(BinOp::Div, c, b) => c / slots[b],
                    Op::NumRight(BinOp::Add, a, c) => slots[a] + c,
                    Op::NumRight(BinOp::Sub, a, c) => slots[a] - c,
                    Op::NumRight(BinOp::Mul, a, c) => slots[a] * c,
                    Op::NumRight(BinOp::Div, a, c) => slots[a] / c,
                    Op::Unary(UnOp::Neg, a) => -slots[a],
                    Op::Unary(UnOp::Powf(n), a) => slots[a].powf(n),
                    Op::Unary(UnOp::Exp, a) => slots[a].exp(),
                    Op::Unary(UnOp::Tanh, a) => slots[a].tanh(),
                    Op::Unary(UnOp::Relu, a) => slots[a].relu(),
                    Op::Unary(other, _) => panic!("{other:?} is not an operation of the 4.2 tape"),
                };
                slots.push(next);
            }
            let output = *slots.last().expect("a program has an output");
            let grads = output.backward();
            let gradient = inputs.iter().map(|&x| grads[x]).collect();
            (output.value(), gradient)
        }
    };
}
