//! The test's own forward-mode evaluation: dual numbers written out in full, optionally with
//! one of the mistakes students make in them (to recognise a wrong result by its value).
//!
//! Arithmetic with a plain number is evaluated the way the exercise provides it: the number
//! becomes a constant dual (derivative 0) and the dual–dual operation does the rest, so a
//! flawed operation affects `2.0 * x` exactly as it does in the student's code.

use super::{BinOp, Op, Program, UnOp};

/// A mistake in one rule of dual arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DualFlaw {
    /// (ab)′ = a′b: the second term of the product rule is missing.
    ProductRuleOneTerm,
    /// (a/b)′ = (a′b + ab′)/b².
    QuotientRuleSign,
    /// (a/b)′ = (a′b − ab′)/b.
    QuotientRuleNoSquare,
    /// (a − b)′ = a′ + b′.
    SubAddsDerivatives,
    /// −(a + a′ε) = −a + a′ε.
    NegKeepsDerivative,
    /// f(a + a′ε) = f(a) + f′(a)ε: the inner derivative a′ is dropped.
    MissingChainFactor,
    /// cos′ = +sin.
    CosDerivativeSign,
    /// (aⁿ)′ = n·aⁿ·a′.
    PowerRuleExponent,
    /// tanh′(a) = 1 − a².
    TanhDerivativeOfInput,
}

impl DualFlaw {
    pub const ALL: [DualFlaw; 9] = [
        DualFlaw::ProductRuleOneTerm,
        DualFlaw::QuotientRuleSign,
        DualFlaw::QuotientRuleNoSquare,
        DualFlaw::SubAddsDerivatives,
        DualFlaw::NegKeepsDerivative,
        DualFlaw::MissingChainFactor,
        DualFlaw::CosDerivativeSign,
        DualFlaw::PowerRuleExponent,
        DualFlaw::TanhDerivativeOfInput,
    ];
}

#[derive(Clone, Copy)]
struct D {
    v: f64,
    d: f64,
}

fn binary(op: BinOp, a: D, b: D, flaw: Option<DualFlaw>) -> D {
    use DualFlaw::*;
    match op {
        BinOp::Add => D {
            v: a.v + b.v,
            d: a.d + b.d,
        },
        BinOp::Sub => D {
            v: a.v - b.v,
            d: if flaw == Some(SubAddsDerivatives) {
                a.d + b.d
            } else {
                a.d - b.d
            },
        },
        BinOp::Mul => D {
            v: a.v * b.v,
            d: if flaw == Some(ProductRuleOneTerm) {
                a.d * b.v
            } else {
                a.d * b.v + a.v * b.d
            },
        },
        BinOp::Div => D {
            v: a.v / b.v,
            d: match flaw {
                Some(QuotientRuleSign) => (a.d * b.v + a.v * b.d) / (b.v * b.v),
                Some(QuotientRuleNoSquare) => (a.d * b.v - a.v * b.d) / b.v,
                _ => (a.d * b.v - a.v * b.d) / (b.v * b.v),
            },
        },
    }
}

fn unary(op: UnOp, a: D, flaw: Option<DualFlaw>) -> D {
    use DualFlaw::*;
    let v = op.apply(a.v);
    let local = match (op, flaw) {
        (UnOp::Neg, Some(NegKeepsDerivative)) => 1.0,
        (UnOp::Cos, Some(CosDerivativeSign)) => a.v.sin(),
        (UnOp::Powf(n), Some(PowerRuleExponent)) => n * a.v.powf(n),
        (UnOp::Tanh, Some(TanhDerivativeOfInput)) => 1.0 - a.v * a.v,
        _ => op.derivative(a.v),
    };
    let inner = if flaw == Some(MissingChainFactor) && op != UnOp::Neg {
        1.0
    } else {
        a.d
    };
    D {
        v,
        d: local * inner,
    }
}

/// Value and derivative of the output when input i starts as `seeds[i] = (value, derivative)`.
pub fn eval_dual(program: &Program, seeds: &[(f64, f64)], flaw: Option<DualFlaw>) -> (f64, f64) {
    assert_eq!(seeds.len(), program.inputs);
    let constant = |c: f64| D { v: c, d: 0.0 };
    let mut slots: Vec<D> = seeds.iter().map(|&(v, d)| D { v, d }).collect();
    for op in &program.ops {
        let next = match *op {
            Op::Binary(op, a, b) => binary(op, slots[a], slots[b], flaw),
            Op::NumLeft(op, c, b) => binary(op, constant(c), slots[b], flaw),
            Op::NumRight(op, a, c) => binary(op, slots[a], constant(c), flaw),
            Op::Unary(op, a) => unary(op, slots[a], flaw),
        };
        slots.push(next);
    }
    let out = slots.last().expect("a program has an output");
    (out.v, out.d)
}

/// The exact gradient of the output (one forward sweep per input).
pub fn exact_gradient(program: &Program, xs: &[f64]) -> Vec<f64> {
    (0..xs.len())
        .map(|i| {
            let seeds: Vec<(f64, f64)> = xs
                .iter()
                .enumerate()
                .map(|(j, &x)| (x, if i == j { 1.0 } else { 0.0 }))
                .collect();
            eval_dual(program, &seeds, None).1
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::builder::Builder;

    #[test]
    fn product_and_quotient_rules() {
        let b = Builder::new(2);
        let (x, y) = (b.input(0), b.input(1));
        let p = b.finish(x * y / (x + 1.0));
        // f = xy/(x + 1): ∂f/∂x = y/(x + 1)², ∂f/∂y = x/(x + 1).
        let g = exact_gradient(&p, &[2.0, 3.0]);
        assert!((g[0] - 3.0 / 9.0).abs() < 1e-15 && (g[1] - 2.0 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn the_missing_chain_factor_shows_with_an_inner_derivative() {
        let b = Builder::new(1);
        let x = b.input(0);
        let p = b.finish(x.sin());
        let right = eval_dual(&p, &[(0.5, 3.0)], None).1;
        let wrong = eval_dual(&p, &[(0.5, 3.0)], Some(DualFlaw::MissingChainFactor)).1;
        assert!((right - 3.0 * 0.5_f64.cos()).abs() < 1e-15);
        assert!((wrong - 0.5_f64.cos()).abs() < 1e-15);
    }
}
