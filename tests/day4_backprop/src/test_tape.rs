//! The catalogue's own tape: the exercise's API (`Tape::new`, `tape.var`, `tape.constant`,
//! operators with numbers on either side, `powf`, `exp`, `tanh`, `relu`, `backward`,
//! `grads[x]`), with a catalogued flaw chosen by the const parameter `FLAW` (an index into
//! [`TapeFlaw::ALL`], or [`RIGHT`]) and one of two correct styles:
//!
//! - [`DERIVED`]: micrograd's derived operations (`−a = a·(−1)`, `a − b = a + (−b)`,
//!   `a / b = a·b⁻¹`) and a sweep over the tape by index, like the solution;
//! - [`DIRECT`]: negation, subtraction and division as nodes of their own, and a backward
//!   pass that first builds a topological order by an iterative depth-first search from the
//!   output (no recursion), as a student who follows micrograd's `backward` closely might.

use crate::program::reference_tape::TapeFlaw;
use std::cell::RefCell;
use std::ops::{Add, Div, Index, Mul, Neg, Sub};

pub const RIGHT: usize = usize::MAX;
pub const DERIVED: usize = 0;
pub const DIRECT: usize = 1;

/// The `FLAW` index of `flaw`.
pub const fn flaw(flaw: TapeFlaw) -> usize {
    let mut i = 0;
    while i < TapeFlaw::ALL.len() {
        if TapeFlaw::ALL[i] as usize == flaw as usize {
            return i;
        }
        i += 1;
    }
    panic!("unknown flaw")
}

struct Node {
    value: f64,
    inputs: Vec<(usize, f64)>,
}

pub struct TestTape<const FLAW: usize, const STYLE: usize> {
    nodes: RefCell<Vec<Node>>,
}

#[derive(Clone, Copy)]
pub struct TestVar<'t, const FLAW: usize, const STYLE: usize> {
    tape: &'t TestTape<FLAW, STYLE>,
    index: usize,
}

pub struct TestGrads(Vec<f64>);

impl<const FLAW: usize, const STYLE: usize> Default for TestTape<FLAW, STYLE> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const FLAW: usize, const STYLE: usize> TestTape<FLAW, STYLE> {
    pub fn new() -> Self {
        TestTape {
            nodes: RefCell::new(Vec::new()),
        }
    }

    fn has(f: TapeFlaw) -> bool {
        FLAW == flaw(f)
    }

    fn record(&self, value: f64, inputs: Vec<(usize, f64)>) -> TestVar<'_, FLAW, STYLE> {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node { value, inputs });
        TestVar {
            tape: self,
            index: nodes.len() - 1,
        }
    }

    pub fn var(&self, value: f64) -> TestVar<'_, FLAW, STYLE> {
        self.record(value, Vec::new())
    }

    pub fn constant(&self, value: f64) -> TestVar<'_, FLAW, STYLE> {
        self.record(value, Vec::new())
    }
}

impl<'t, const FLAW: usize, const STYLE: usize> TestVar<'t, FLAW, STYLE> {
    pub fn value(self) -> f64 {
        self.tape.nodes.borrow()[self.index].value
    }

    fn unary(self, value: f64, local: f64) -> Self {
        self.tape.record(value, vec![(self.index, local)])
    }

    pub fn powf(self, n: f64) -> Self {
        let a = self.value();
        let local = if TestTape::<FLAW, STYLE>::has(TapeFlaw::PowerRuleExponent) {
            n * a.powf(n)
        } else if TestTape::<FLAW, STYLE>::has(TapeFlaw::PowerRuleMissingN) {
            a.powf(n - 1.0)
        } else {
            n * a.powf(n - 1.0)
        };
        self.unary(a.powf(n), local)
    }

    pub fn exp(self) -> Self {
        let e = self.value().exp();
        self.unary(e, e)
    }

    pub fn tanh(self) -> Self {
        let a = self.value();
        let t = a.tanh();
        let local = if TestTape::<FLAW, STYLE>::has(TapeFlaw::TanhLocalOfInput) {
            1.0 - a * a
        } else {
            1.0 - t * t
        };
        self.unary(t, local)
    }

    pub fn relu(self) -> Self {
        let a = self.value();
        let local = if TestTape::<FLAW, STYLE>::has(TapeFlaw::ReluLocalAlwaysOne) || a > 0.0 {
            1.0
        } else {
            0.0
        };
        self.unary(a.max(0.0), local)
    }

    pub fn backward(self) -> TestGrads {
        let nodes = self.tape.nodes.borrow();
        let mut grads = vec![0.0; nodes.len()];
        grads[self.index] = if TestTape::<FLAW, STYLE>::has(TapeFlaw::SeedZero) {
            0.0
        } else {
            1.0
        };
        let mut order = if STYLE == DIRECT {
            topological_order(&nodes, self.index)
        } else {
            (0..=self.index).collect()
        };
        if !TestTape::<FLAW, STYLE>::has(TapeFlaw::ForwardSweep) {
            order.reverse();
        }
        for i in order {
            let grad = grads[i];
            for &(input, local) in &nodes[i].inputs {
                if TestTape::<FLAW, STYLE>::has(TapeFlaw::GradOverwritten) {
                    grads[input] = local * grad;
                } else {
                    grads[input] += local * grad;
                }
            }
        }
        TestGrads(grads)
    }
}

/// The nodes `output` depends on, each after all of its inputs: an iterative post-order
/// depth-first search.
fn topological_order(nodes: &[Node], output: usize) -> Vec<usize> {
    let mut order = Vec::new();
    let mut visited = vec![false; nodes.len()];
    let mut stack = vec![(output, false)];
    while let Some((node, inputs_done)) = stack.pop() {
        if inputs_done {
            order.push(node);
            continue;
        }
        if visited[node] {
            continue;
        }
        visited[node] = true;
        stack.push((node, true));
        for &(input, _) in &nodes[node].inputs {
            if !visited[input] {
                stack.push((input, false));
            }
        }
    }
    order
}

impl<'t, const FLAW: usize, const STYLE: usize> Index<TestVar<'t, FLAW, STYLE>> for TestGrads {
    type Output = f64;
    fn index(&self, v: TestVar<'t, FLAW, STYLE>) -> &f64 {
        &self.0[v.index]
    }
}

impl<'t, const FLAW: usize, const STYLE: usize> Add for TestVar<'t, FLAW, STYLE> {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        self.tape.record(
            self.value() + other.value(),
            vec![(self.index, 1.0), (other.index, 1.0)],
        )
    }
}

impl<'t, const FLAW: usize, const STYLE: usize> Mul for TestVar<'t, FLAW, STYLE> {
    type Output = Self;
    fn mul(self, other: Self) -> Self {
        let (a, b) = (self.value(), other.value());
        let (da, db) = if TestTape::<FLAW, STYLE>::has(TapeFlaw::MulLocalSwapped) {
            (a, b)
        } else {
            (b, a)
        };
        self.tape
            .record(a * b, vec![(self.index, da), (other.index, db)])
    }
}

impl<'t, const FLAW: usize, const STYLE: usize> Neg for TestVar<'t, FLAW, STYLE> {
    type Output = Self;
    fn neg(self) -> Self {
        if STYLE == DIRECT {
            self.unary(-self.value(), -1.0)
        } else {
            self * -1.0
        }
    }
}

impl<'t, const FLAW: usize, const STYLE: usize> Sub for TestVar<'t, FLAW, STYLE> {
    type Output = Self;
    fn sub(self, other: Self) -> Self {
        if STYLE == DIRECT {
            let db = if TestTape::<FLAW, STYLE>::has(TapeFlaw::SubLocalSign) {
                1.0
            } else {
                -1.0
            };
            self.tape.record(
                self.value() - other.value(),
                vec![(self.index, 1.0), (other.index, db)],
            )
        } else {
            self + (-other)
        }
    }
}

impl<'t, const FLAW: usize, const STYLE: usize> Div for TestVar<'t, FLAW, STYLE> {
    type Output = Self;
    fn div(self, other: Self) -> Self {
        if STYLE == DIRECT {
            let (a, b) = (self.value(), other.value());
            let sign = if TestTape::<FLAW, STYLE>::has(TapeFlaw::QuotientLocalSign) {
                1.0
            } else {
                -1.0
            };
            let square = if TestTape::<FLAW, STYLE>::has(TapeFlaw::QuotientLocalNoSquare) {
                b
            } else {
                b * b
            };
            self.tape.record(
                a / b,
                vec![(self.index, 1.0 / b), (other.index, sign * a / square)],
            )
        } else {
            self * other.powf(-1.0)
        }
    }
}

macro_rules! with_numbers {
    ($Trait:ident, $method:ident) => {
        impl<'t, const F: usize, const S: usize> $Trait<f64> for TestVar<'t, F, S> {
            type Output = Self;
            fn $method(self, c: f64) -> Self {
                self.$method(self.tape.constant(c))
            }
        }
        impl<'t, const F: usize, const S: usize> $Trait<TestVar<'t, F, S>> for f64 {
            type Output = TestVar<'t, F, S>;
            fn $method(self, v: TestVar<'t, F, S>) -> TestVar<'t, F, S> {
                v.tape.constant(self).$method(v)
            }
        }
    };
}
with_numbers!(Add, add);
with_numbers!(Sub, sub);
with_numbers!(Mul, mul);
with_numbers!(Div, div);
