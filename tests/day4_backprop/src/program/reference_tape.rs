//! The test's own reverse-mode evaluation, with the mistakes students make in it.
//!
//! It records nodes exactly as the exercise's tape does — inputs first, a constant node for
//! every plain number, and either micrograd's derived operations (`−a = a·(−1)`,
//! `a − b = a + (−b)`, `a / b = a·b⁻¹`, [`Flavor::Derived`]) or direct local derivatives
//! ([`Flavor::Direct`]) — so that a flawed sweep gives here the very numbers it gives in the
//! student's code, and the check can name the flaw.

use super::{BinOp, Op, Program, UnOp};

/// A mistake in a reverse-mode tape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TapeFlaw {
    /// `grads[input] = …` instead of `+=`.
    GradOverwritten,
    /// The sweep visits nodes first to last.
    ForwardSweep,
    /// The output's own gradient starts at 0 instead of 1.
    SeedZero,
    /// ∂(a·b)/∂a recorded as a (and ∂/∂b as b).
    MulLocalSwapped,
    /// ∂(a − b)/∂b recorded as +1.
    SubLocalSign,
    /// ∂(a / b)/∂b recorded as +a/b².
    QuotientLocalSign,
    /// ∂(a / b)/∂b recorded as −a/b (the square of b forgotten).
    QuotientLocalNoSquare,
    /// ∂(aⁿ)/∂a recorded as n·aⁿ.
    PowerRuleExponent,
    /// ∂(aⁿ)/∂a recorded as aⁿ⁻¹.
    PowerRuleMissingN,
    /// ∂tanh(a)/∂a recorded as 1 − a².
    TanhLocalOfInput,
    /// ∂relu(a)/∂a recorded as 1 everywhere.
    ReluLocalAlwaysOne,
}

impl TapeFlaw {
    /// In the order they are tried when naming a wrong gradient: the seed first, because a
    /// gradient that is all zeros most often comes from it.
    pub const ALL: [TapeFlaw; 11] = [
        TapeFlaw::SeedZero,
        TapeFlaw::GradOverwritten,
        TapeFlaw::ForwardSweep,
        TapeFlaw::MulLocalSwapped,
        TapeFlaw::SubLocalSign,
        TapeFlaw::QuotientLocalSign,
        TapeFlaw::PowerRuleExponent,
        TapeFlaw::QuotientLocalNoSquare,
        TapeFlaw::PowerRuleMissingN,
        TapeFlaw::TanhLocalOfInput,
        TapeFlaw::ReluLocalAlwaysOne,
    ];
}

/// How negation, subtraction and division are recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// From the other operations, as micrograd does.
    Derived,
    /// As single nodes with their own local derivatives.
    Direct,
}

struct Node {
    value: f64,
    inputs: Vec<(usize, f64)>,
}

struct RefTape {
    nodes: Vec<Node>,
    flaw: Option<TapeFlaw>,
    flavor: Flavor,
}

impl RefTape {
    fn record(&mut self, value: f64, inputs: Vec<(usize, f64)>) -> usize {
        self.nodes.push(Node { value, inputs });
        self.nodes.len() - 1
    }

    fn value(&self, i: usize) -> f64 {
        self.nodes[i].value
    }

    fn has(&self, flaw: TapeFlaw) -> bool {
        self.flaw == Some(flaw)
    }

    fn leaf(&mut self, value: f64) -> usize {
        self.record(value, Vec::new())
    }

    fn add(&mut self, a: usize, b: usize) -> usize {
        let value = self.value(a) + self.value(b);
        self.record(value, vec![(a, 1.0), (b, 1.0)])
    }

    fn mul(&mut self, a: usize, b: usize) -> usize {
        let (va, vb) = (self.value(a), self.value(b));
        let (da, db) = if self.has(TapeFlaw::MulLocalSwapped) {
            (va, vb)
        } else {
            (vb, va)
        };
        self.record(va * vb, vec![(a, da), (b, db)])
    }

    fn neg(&mut self, a: usize) -> usize {
        match self.flavor {
            Flavor::Derived => {
                let minus_one = self.leaf(-1.0);
                self.mul(a, minus_one)
            }
            Flavor::Direct => {
                let value = -self.value(a);
                self.record(value, vec![(a, -1.0)])
            }
        }
    }

    fn sub(&mut self, a: usize, b: usize) -> usize {
        match self.flavor {
            Flavor::Derived => {
                let minus_b = self.neg(b);
                self.add(a, minus_b)
            }
            Flavor::Direct => {
                let value = self.value(a) - self.value(b);
                let db = if self.has(TapeFlaw::SubLocalSign) {
                    1.0
                } else {
                    -1.0
                };
                self.record(value, vec![(a, 1.0), (b, db)])
            }
        }
    }

    fn div(&mut self, a: usize, b: usize) -> usize {
        match self.flavor {
            Flavor::Derived => {
                let inverse = self.unary(UnOp::Powf(-1.0), b);
                self.mul(a, inverse)
            }
            Flavor::Direct => {
                let (va, vb) = (self.value(a), self.value(b));
                let sign = if self.has(TapeFlaw::QuotientLocalSign) {
                    1.0
                } else {
                    -1.0
                };
                let square = if self.has(TapeFlaw::QuotientLocalNoSquare) {
                    vb
                } else {
                    vb * vb
                };
                self.record(va / vb, vec![(a, 1.0 / vb), (b, sign * va / square)])
            }
        }
    }

    fn binary(&mut self, op: BinOp, a: usize, b: usize) -> usize {
        match op {
            BinOp::Add => self.add(a, b),
            BinOp::Sub => self.sub(a, b),
            BinOp::Mul => self.mul(a, b),
            BinOp::Div => self.div(a, b),
        }
    }

    fn unary(&mut self, op: UnOp, a: usize) -> usize {
        if op == UnOp::Neg {
            return self.neg(a);
        }
        let va = self.value(a);
        let value = op.apply(va);
        let local = match (op, self.flaw) {
            (UnOp::Powf(n), Some(TapeFlaw::PowerRuleExponent)) => n * va.powf(n),
            (UnOp::Powf(n), Some(TapeFlaw::PowerRuleMissingN)) => va.powf(n - 1.0),
            (UnOp::Tanh, Some(TapeFlaw::TanhLocalOfInput)) => 1.0 - va * va,
            (UnOp::Relu, Some(TapeFlaw::ReluLocalAlwaysOne)) => 1.0,
            _ => op.derivative(va),
        };
        self.record(value, vec![(a, local)])
    }

    fn backward(&self, output: usize) -> Vec<f64> {
        let mut grads = vec![0.0; self.nodes.len()];
        grads[output] = if self.has(TapeFlaw::SeedZero) {
            0.0
        } else {
            1.0
        };
        let order: Vec<usize> = if self.has(TapeFlaw::ForwardSweep) {
            (0..=output).collect()
        } else {
            (0..=output).rev().collect()
        };
        for i in order {
            let grad = grads[i];
            for &(input, local) in &self.nodes[i].inputs {
                if self.has(TapeFlaw::GradOverwritten) {
                    grads[input] = local * grad;
                } else {
                    grads[input] += local * grad;
                }
            }
        }
        grads
    }
}

/// The output's value and its gradient with respect to each input, by reverse mode.
pub fn tape_gradient(
    program: &Program,
    xs: &[f64],
    flaw: Option<TapeFlaw>,
    flavor: Flavor,
) -> (f64, Vec<f64>) {
    assert_eq!(xs.len(), program.inputs);
    let mut tape = RefTape {
        nodes: Vec::new(),
        flaw,
        flavor,
    };
    let mut slots: Vec<usize> = xs.iter().map(|&x| tape.leaf(x)).collect();
    for op in &program.ops {
        let node = match *op {
            Op::Binary(op, a, b) => tape.binary(op, slots[a], slots[b]),
            Op::NumLeft(op, c, b) => {
                let c = tape.leaf(c);
                tape.binary(op, c, slots[b])
            }
            Op::NumRight(op, a, c) => {
                let c = tape.leaf(c);
                tape.binary(op, slots[a], c)
            }
            Op::Unary(op, a) => tape.unary(op, slots[a]),
        };
        slots.push(node);
    }
    let output = *slots.last().expect("a program has an output");
    let grads = tape.backward(output);
    (tape.value(output), grads[..xs.len()].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::builder::Builder;
    use crate::program::reference_dual::exact_gradient;

    fn sample() -> Program {
        let b = Builder::new(2);
        let (x, y) = (b.input(0), b.input(1));
        let z = x * y - 1.5 / (x + 3.0);
        let w = (z.tanh() - x).powf(2.0) + (2.0 - y).relu() + (x - 1.0).relu() + z.exp() / y;
        b.finish(-w * x)
    }

    #[test]
    fn both_flavors_agree_with_forward_mode() {
        let (p, xs) = (sample(), [0.7, -1.3]);
        let exact = exact_gradient(&p, &xs);
        for flavor in [Flavor::Derived, Flavor::Direct] {
            let (value, grads) = tape_gradient(&p, &xs, None, flavor);
            assert!((value - p.value(&xs)).abs() < 1e-12);
            for (g, e) in grads.iter().zip(&exact) {
                assert!(
                    (g - e).abs() < 1e-12 * e.abs().max(1.0),
                    "{flavor:?}: {g} vs {e}"
                );
            }
        }
    }

    #[test]
    fn every_flaw_changes_the_gradient_of_the_sample() {
        let (p, xs) = (sample(), [0.7, -1.3]);
        let exact = exact_gradient(&p, &xs);
        for flaw in TapeFlaw::ALL {
            // The sign flaws only exist where subtraction and division are their own nodes.
            let flavor = match flaw {
                TapeFlaw::SubLocalSign
                | TapeFlaw::QuotientLocalSign
                | TapeFlaw::QuotientLocalNoSquare => Flavor::Direct,
                _ => Flavor::Derived,
            };
            let (_, grads) = tape_gradient(&p, &xs, Some(flaw), flavor);
            let differs = grads.iter().zip(&exact).any(|(g, e)| (g - e).abs() > 1e-6);
            assert!(differs, "{flaw:?} leaves the gradient unchanged");
        }
    }
}
