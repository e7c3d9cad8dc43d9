//! # 4.2 Reverse-mode automatic differentiation
//!
//! Dual numbers (4.1) carry one derivative forward: d/dx of everything. A network has
//! millions of weights and one loss, and wants the opposite: ∂loss/∂w for *every* w, at once.
//! Reverse mode does exactly that, in one backward sweep, however many inputs there are. It is
//! what `loss.backward()` does in PyTorch, and what you build here, micrograd-sized.
//!
//! **Forward: record.** Every operation appends a *node* to a tape: its value, and for each
//! of its inputs the *local derivative* ∂output/∂input — a number, computed right away from
//! the values at hand:
//!
//! ```text
//! c = a + b        ∂c/∂a = 1            ∂c/∂b = 1
//! c = a · b        ∂c/∂a = b            ∂c/∂b = a
//! c = aⁿ           ∂c/∂a = n·aⁿ⁻¹       (n a constant)
//! c = exp(a)       ∂c/∂a = exp(a) = c
//! c = tanh(a)      ∂c/∂a = 1 − tanh²(a) = 1 − c²
//! c = relu(a)      ∂c/∂a = 1 if a > 0, else 0          (relu(a) = max(a, 0))
//! ```
//!
//! **Backward: sweep.** Write ḡ(v) for ∂y/∂v, the *gradient* of the output y with respect to
//! node v. Start with ḡ(y) = 1 and every other ḡ at 0. Visit the nodes from the last one
//! recorded to the first; each node hands its gradient to its inputs, times the local
//! derivative (the chain rule):
//!
//! ```text
//! for each input a of node c:    ḡ(a) += ∂c/∂a · ḡ(c)
//! ```
//!
//! Two details make it right. **`+=`, not `=`**: a variable used twice (`x * x`, or `x` in
//! many terms of a loss) receives a contribution from every use, and its gradient is their
//! sum. **The order**: a node must have received *all* its contributions before it passes its
//! gradient on. A node is always recorded after its inputs, so the tape is a topological
//! order of the graph, and the reverse of the tape is exactly the order you need — no
//! recursion, so a chain of 100 000 operations is no problem.
//!
//! A worked number: x = 3, y = x·x + x. The tape is [x = 3; t = x·x = 9 (∂t/∂x = 3, twice);
//! y = t + x = 12 (∂y/∂t = 1, ∂y/∂x = 1)]. Backward: ḡ(y) = 1; node y gives ḡ(t) += 1 and
//! ḡ(x) += 1; node t gives ḡ(x) += 3·1 twice. So dy/dx = 1 + 3 + 3 = 7 = 2·3 + 1.
//!
//! ## What you write
//!
//! The forward value and the local derivatives of each operation, as a call of
//! `self.tape.record(value, &[(input, local_derivative), …])`, and the backward sweep.
//! Subtraction, negation and division can be built from the other operations as micrograd
//! does (`a − b = a + (−b)`, `−a = a · (−1)`, `a / b = a · b⁻¹`) or recorded with their own
//! local derivatives; both are right. Everything else is written for you: arithmetic with
//! plain numbers on either side (`2.0 * x`, `x / 3.0`, `1.0 - x`) turns the number into a
//! constant node and calls your operators.
//!
//! **Rust notes.** A `Var<'t>` is a small copyable handle: the tape it lives on and the index
//! of its node. The `'t` only says "this variable cannot outlive its tape"; you never need to
//! write it yourself beyond what is already there. `x.value()` reads a variable's value.
//! In `backward`, `self.tape.nodes.borrow()` gives read access to the recorded nodes (they
//! sit in a `RefCell` so that recording works through a shared `&Tape`).

use std::cell::RefCell;
use std::ops::{Add, Div, Index, Mul, Neg, Sub};

/// One recorded operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value the operation computed.
    pub value: f64,
    /// For each input: (the input's node index, the local derivative ∂value/∂input).
    /// Empty for a variable or a constant.
    pub inputs: Vec<(usize, f64)>,
}

/// The tape: every node, in the order the operations happened.
#[derive(Debug, Default)]
pub struct Tape {
    pub nodes: RefCell<Vec<Node>>,
}

/// A value on a tape: a copyable handle to one node.
#[derive(Debug, Clone, Copy)]
pub struct Var<'t> {
    tape: &'t Tape,
    index: usize,
}

/// The result of a backward sweep: `values[i]` is ∂y/∂(node i).
#[derive(Debug, Clone, PartialEq)]
pub struct Grads {
    pub values: Vec<f64>,
}

// ---- written for you: the tape's bookkeeping ----

impl Tape {
    pub fn new() -> Tape {
        Tape::default()
    }

    /// A new input variable with the given value.
    pub fn var(&self, value: f64) -> Var<'_> {
        self.record(value, &[])
    }

    /// A constant: a node with no inputs, like a variable you will not ask about.
    pub fn constant(&self, value: f64) -> Var<'_> {
        self.record(value, &[])
    }

    /// How many nodes have been recorded.
    pub fn len(&self) -> usize {
        self.nodes.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends a node with this value and these (input, local derivative) pairs, and returns
    /// the handle of the new node.
    pub fn record<'t>(&'t self, value: f64, inputs: &[(Var<'t>, f64)]) -> Var<'t> {
        let inputs = inputs
            .iter()
            .map(|&(input, local)| {
                assert!(
                    std::ptr::eq(input.tape, self),
                    "cannot combine variables from different tapes"
                );
                (input.index, local)
            })
            .collect();
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node { value, inputs });
        Var {
            tape: self,
            index: nodes.len() - 1,
        }
    }
}

impl<'t> Var<'t> {
    /// The value of this variable.
    pub fn value(self) -> f64 {
        self.tape.nodes.borrow()[self.index].value
    }

    /// The index of this variable's node on the tape.
    pub fn index(self) -> usize {
        self.index
    }
}

impl Grads {
    /// ∂y/∂v, the same as `grads[v]`.
    pub fn wrt(&self, v: Var<'_>) -> f64 {
        self.values[v.index]
    }
}

impl Index<Var<'_>> for Grads {
    type Output = f64;
    fn index(&self, v: Var<'_>) -> &f64 {
        &self.values[v.index]
    }
}

// ---- what you write: each operation's value and local derivatives ----

impl<'t> Add for Var<'t> {
    type Output = Var<'t>;
    fn add(self, other: Var<'t>) -> Var<'t> {
        // TODO: c = a + b. Record a node with the value a + b and, for each input, its local
        // derivative: ∂c/∂a = 1 and ∂c/∂b = 1. In code:
        // `self.tape.record(self.value() + other.value(), &[(self, 1.0), (other, 1.0)])`.
        todo!()
    }
}

impl<'t> Mul for Var<'t> {
    type Output = Var<'t>;
    fn mul(self, other: Var<'t>) -> Var<'t> {
        // TODO: c = a·b. Record the value a·b with ∂c/∂a = b and ∂c/∂b = a
        // (read the numbers a and b with self.value() and other.value()).
        todo!()
    }
}

impl<'t> Neg for Var<'t> {
    type Output = Var<'t>;
    fn neg(self) -> Var<'t> {
        // TODO: −a. Either build it from multiplication, `self * -1.0`, or record it yourself
        // with the local derivative −1.
        todo!()
    }
}

impl<'t> Sub for Var<'t> {
    type Output = Var<'t>;
    fn sub(self, other: Var<'t>) -> Var<'t> {
        // TODO: a − b. Either build it from the operations above, `self + (-other)`, or record it
        // with ∂/∂a = 1 and ∂/∂b = −1.
        todo!()
    }
}

impl<'t> Div for Var<'t> {
    type Output = Var<'t>;
    fn div(self, other: Var<'t>) -> Var<'t> {
        // TODO: a / b. Either build it as `self * other.powf(-1.0)`, or record it with
        // ∂/∂a = 1/b and ∂/∂b = −a/b².
        todo!()
    }
}

impl<'t> Var<'t> {
    /// selfⁿ for a constant exponent n.
    pub fn powf(self, n: f64) -> Var<'t> {
        // TODO: record the value aⁿ with the local derivative n·aⁿ⁻¹ (a = self.value()).
        todo!()
    }

    /// e^self.
    pub fn exp(self) -> Var<'t> {
        // TODO: record the value eᵃ with the local derivative eᵃ.
        todo!()
    }

    /// tanh(self).
    pub fn tanh(self) -> Var<'t> {
        // TODO: record t = tanh(a) with the local derivative 1 − t².
        todo!()
    }

    /// max(self, 0).
    pub fn relu(self) -> Var<'t> {
        // TODO: record max(a, 0) with the local derivative 1 if a > 0, else 0.
        todo!()
    }

    /// The gradient of this variable with respect to every node on the tape.
    pub fn backward(self) -> Grads {
        // TODO: the reverse sweep.
        // 1. `let nodes = self.tape.nodes.borrow();` and a vector of gradients, one 0.0 per node;
        //    set the gradient of this node (self.index) to 1 — ∂y/∂y = 1.
        // 2. Visit the nodes from self.index down to 0. For each input `(input, local)` of node i,
        //    add `local * grads[i]` to `grads[input]` (add: a node used twice collects both parts).
        // 3. Return `Grads { values: grads }`.
        todo!()
    }
}

// ---- written for you: arithmetic with plain numbers, on either side ----

impl<'t> Add<f64> for Var<'t> {
    type Output = Var<'t>;
    fn add(self, c: f64) -> Var<'t> {
        self + self.tape.constant(c)
    }
}

impl<'t> Add<Var<'t>> for f64 {
    type Output = Var<'t>;
    fn add(self, v: Var<'t>) -> Var<'t> {
        v.tape.constant(self) + v
    }
}

impl<'t> Sub<f64> for Var<'t> {
    type Output = Var<'t>;
    fn sub(self, c: f64) -> Var<'t> {
        self - self.tape.constant(c)
    }
}

impl<'t> Sub<Var<'t>> for f64 {
    type Output = Var<'t>;
    fn sub(self, v: Var<'t>) -> Var<'t> {
        v.tape.constant(self) - v
    }
}

impl<'t> Mul<f64> for Var<'t> {
    type Output = Var<'t>;
    fn mul(self, c: f64) -> Var<'t> {
        self * self.tape.constant(c)
    }
}

impl<'t> Mul<Var<'t>> for f64 {
    type Output = Var<'t>;
    fn mul(self, v: Var<'t>) -> Var<'t> {
        v.tape.constant(self) * v
    }
}

impl<'t> Div<f64> for Var<'t> {
    type Output = Var<'t>;
    fn div(self, c: f64) -> Var<'t> {
        self / self.tape.constant(c)
    }
}

impl<'t> Div<Var<'t>> for f64 {
    type Output = Var<'t>;
    fn div(self, v: Var<'t>) -> Var<'t> {
        v.tape.constant(self) / v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The worked number above: y = x·x + x at 3 is 12, and dy/dx = 2·3 + 1 = 7. The 7 only
    // comes out if x collects its gradient from all three of its uses.
    #[test]
    fn square_plus_x_at_three() {
        let tape = Tape::new();
        let x = tape.var(3.0);
        let y = x * x + x;
        let grads = y.backward();
        assert!((y.value() - 12.0).abs() < 1e-12);
        assert!((grads[x] - 7.0).abs() < 1e-12, "dy/dx = {}", grads[x]);
    }

    // micrograd's sanity check (test/test_engine.py): at x = −4 the output is −20 and
    // dy/dx = 46. Every intermediate value is a small integer, so the answer is exact.
    #[test]
    fn micrograd_sanity_check() {
        let tape = Tape::new();
        let x = tape.var(-4.0);
        let z = 2.0 * x + 2.0 + x;
        let q = z.relu() + z * x;
        let h = (z * z).relu();
        let y = h + q + q * x;
        let grads = y.backward();
        assert_eq!(y.value(), -20.0);
        assert_eq!(grads[x], 46.0);
    }

    // d/da (a / b) = 1/b and d/db (a / b) = −a/b²: at a = 3, b = 2 that is 0.5 and −0.75.
    #[test]
    fn quotient_at_three_over_two() {
        let tape = Tape::new();
        let (a, b) = (tape.var(3.0), tape.var(2.0));
        let grads = (a / b).backward();
        assert!((grads[a] - 0.5).abs() < 1e-12);
        assert!((grads[b] + 0.75).abs() < 1e-12);
    }
}
