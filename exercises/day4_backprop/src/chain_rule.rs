//! # 4.1 The chain rule
//!
//! Almost every function in machine learning is a *composition*: a layer feeds an activation,
//! which feeds the next layer, which feeds the loss. The chain rule tells you how fast a
//! composition changes: multiply the rates of change of its links, each one measured at the
//! point where the signal actually passes through it.
//!
//! ```text
//! y = f(g(x))                 dy/dx = f'(g(x)) · g'(x)
//!
//! a chain of n links:  u₀ = x,  u₁ = f₁(u₀),  u₂ = f₂(u₁),  …,  y = uₙ = fₙ(uₙ₋₁)
//!                      dy/dx = f₁'(u₀) · f₂'(u₁) · … · fₙ'(uₙ₋₁)
//! ```
//!
//! Each derivative is evaluated at the value that *enters* its link, not at x and not at the
//! value that comes out. A worked number: the chain [x², sin, exp] at x = 1 passes through
//! u₀ = 1, u₁ = 1, u₂ = sin 1 = 0.8415, y = e^0.8415 = 2.3198, so
//! dy/dx = (2·1) · cos(1) · e^0.8415 = 2 · 0.5403 · 2.3198 = 2.5068.
//!
//! ## Forward mode: dual numbers
//!
//! Writing out the chain by hand does not scale to a formula with products and quotients.
//! *Dual numbers* let the computer apply the rules for you. A dual number `a + a′ε` carries a
//! value `a` and a derivative `a′`; the symbol ε obeys ε² = 0, which throws away everything
//! but the first-order change. Doing ordinary arithmetic on pairs gives exactly the rules of
//! calculus:
//!
//! ```text
//! (a + a′ε) + (b + b′ε) = (a + b) + (a′ + b′)ε
//! (a + a′ε) − (b + b′ε) = (a − b) + (a′ − b′)ε
//! (a + a′ε) · (b + b′ε) = ab + (a′b + ab′)ε                product rule
//! (a + a′ε) / (b + b′ε) = a/b + ((a′b − ab′) / b²)ε        quotient rule
//! f(a + a′ε)            = f(a) + f′(a)·a′ε                  chain rule
//! ```
//!
//! Start from `Dual::var(x)` = x + 1ε (dx/dx = 1), compute with it as with any number, and the
//! ε-part of the result is the derivative of your formula at x — exact to rounding, no step
//! size. This is *forward-mode automatic differentiation*. For example `Dual::var(3.0)` times
//! itself is 9 + 6ε: the value of x² at 3 and its derivative 2·3.
//!
//! **Rust notes.** `fs: &[(fn(f64) -> f64, fn(f64) -> f64)]` is a slice of (function,
//! derivative) pairs; a closure that captures nothing, such as `|u| u * u`, fits a `fn` slot,
//! and so do `f64::sin` and `f64::cos`. `Dual` is `Copy`, so `a * b` does not use up `a`. The
//! operators are Rust traits: `impl Mul for Dual` is what makes `a * b` work. Mixing a `Dual`
//! with an `f64` (`2.0 * x`, `x / 3.0`) is already written for you: the number becomes a
//! constant dual, `Dual::constant(c)`, whose derivative is 0.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// One link of a chain: the function and its derivative.
pub type Link = (fn(f64) -> f64, fn(f64) -> f64);

/// The derivative of the chain `fs` at `x`: the links are applied in order, `fs[0]` first.
///
/// An empty chain is the identity function, whose derivative is 1.
pub fn chain_derivative(fs: &[Link], x: f64) -> f64 {
    // TODO: walk the chain from fs[0] to the last link, keeping two numbers: the value u
    // entering the current link (it starts at x) and the product of derivatives so far (it
    // starts at 1). For each `&(f, df)` in fs: first multiply the product by df(u) — the
    // derivative at the value *entering* the link — then move u on to f(u). Return the product.
    todo!()
}

/// A dual number `value + derivative·ε` with ε² = 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dual {
    pub value: f64,
    pub derivative: f64,
}

impl Dual {
    pub fn new(value: f64, derivative: f64) -> Dual {
        Dual { value, derivative }
    }

    /// The variable you differentiate with respect to: dx/dx = 1.
    pub fn var(x: f64) -> Dual {
        Dual::new(x, 1.0)
    }

    /// A number that does not depend on x: derivative 0.
    pub fn constant(c: f64) -> Dual {
        Dual::new(c, 0.0)
    }
}

impl Add for Dual {
    type Output = Dual;
    fn add(self, other: Dual) -> Dual {
        // TODO: (a + a′ε) + (b + b′ε) = (a + b) + (a′ + b′)ε.
        // Return `Dual::new(value, derivative)` with the two parts.
        todo!()
    }
}

impl Sub for Dual {
    type Output = Dual;
    fn sub(self, other: Dual) -> Dual {
        // TODO: (a + a′ε) − (b + b′ε) = (a − b) + (a′ − b′)ε.
        todo!()
    }
}

impl Mul for Dual {
    type Output = Dual;
    fn mul(self, other: Dual) -> Dual {
        // TODO: the product rule: (a + a′ε)·(b + b′ε) = ab + (a′b + ab′)ε
        // (the a′b′ε² term vanishes because ε² = 0).
        todo!()
    }
}

impl Div for Dual {
    type Output = Dual;
    fn div(self, other: Dual) -> Dual {
        // TODO: the quotient rule: (a + a′ε) / (b + b′ε) = a/b + ((a′b − ab′) / b²)ε.
        todo!()
    }
}

impl Neg for Dual {
    type Output = Dual;
    fn neg(self) -> Dual {
        // TODO: −(a + a′ε) = −a − a′ε: negate both parts.
        todo!()
    }
}

impl Dual {
    /// sin(u): derivative cos(u)·u′.
    pub fn sin(self) -> Dual {
        // TODO: f(a + a′ε) = f(a) + f′(a)·a′ε. For sin: value sin(a), derivative cos(a)·a′,
        // where a is self.value and a′ is self.derivative.
        todo!()
    }

    /// cos(u): derivative −sin(u)·u′.
    pub fn cos(self) -> Dual {
        // TODO: value cos(a), derivative −sin(a)·a′.
        todo!()
    }

    /// exp(u): derivative exp(u)·u′.
    pub fn exp(self) -> Dual {
        // TODO: value eᵃ, derivative eᵃ·a′.
        todo!()
    }

    /// ln(u) for u > 0: derivative u′/u.
    pub fn ln(self) -> Dual {
        // TODO: value ln(a), derivative a′/a.
        todo!()
    }

    /// tanh(u): derivative (1 − tanh²(u))·u′.
    pub fn tanh(self) -> Dual {
        // TODO: value t = tanh(a), derivative (1 − t²)·a′.
        todo!()
    }

    /// uⁿ for a constant exponent n: derivative n·uⁿ⁻¹·u′.
    pub fn powf(self, n: f64) -> Dual {
        // TODO: value aⁿ (`self.value.powf(n)`), derivative n·aⁿ⁻¹·a′.
        todo!()
    }
}

// Already written for you: arithmetic between a `Dual` and a plain number, on either side.
// The number becomes a constant (derivative 0) and your operators above do the rest.

impl Add<f64> for Dual {
    type Output = Dual;
    fn add(self, c: f64) -> Dual {
        self + Dual::constant(c)
    }
}

impl Add<Dual> for f64 {
    type Output = Dual;
    fn add(self, u: Dual) -> Dual {
        Dual::constant(self) + u
    }
}

impl Sub<f64> for Dual {
    type Output = Dual;
    fn sub(self, c: f64) -> Dual {
        self - Dual::constant(c)
    }
}

impl Sub<Dual> for f64 {
    type Output = Dual;
    fn sub(self, u: Dual) -> Dual {
        Dual::constant(self) - u
    }
}

impl Mul<f64> for Dual {
    type Output = Dual;
    fn mul(self, c: f64) -> Dual {
        self * Dual::constant(c)
    }
}

impl Mul<Dual> for f64 {
    type Output = Dual;
    fn mul(self, u: Dual) -> Dual {
        Dual::constant(self) * u
    }
}

impl Div<f64> for Dual {
    type Output = Dual;
    fn div(self, c: f64) -> Dual {
        self / Dual::constant(c)
    }
}

impl Div<Dual> for f64 {
    type Output = Dual;
    fn div(self, u: Dual) -> Dual {
        Dual::constant(self) / u
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The worked number above: [x², sin, exp] at 1 has derivative 2·cos(1)·e^(sin 1).
    #[test]
    fn chain_of_square_sin_exp_at_one() {
        let chain: [Link; 3] = [
            (|u| u * u, |u| 2.0 * u),
            (f64::sin, f64::cos),
            (f64::exp, f64::exp),
        ];
        let want = 2.0 * 1.0_f64.cos() * 1.0_f64.sin().exp();
        assert!((chain_derivative(&chain, 1.0) - want).abs() < 1e-12);
    }

    // x·x at 3 is 9 and its derivative 2·3 = 6: the product rule gives 1·3 + 3·1.
    #[test]
    fn dual_square_at_three() {
        let x = Dual::var(3.0);
        let y = x * x;
        assert!((y.value - 9.0).abs() < 1e-12);
        assert!((y.derivative - 6.0).abs() < 1e-12);
    }

    // sin(x²)·e⁻ˣ has derivative 2x·cos(x²)·e⁻ˣ − sin(x²)·e⁻ˣ (product and chain rules),
    // which is −0.35486357447084 at x = 1.3.
    #[test]
    fn dual_composite_at_one_point_three() {
        let x = Dual::var(1.3);
        let y = (x * x).sin() * (-x).exp();
        assert!(
            (y.derivative - (-0.3548635744708411)).abs() < 1e-12,
            "{y:?}"
        );
    }
}
