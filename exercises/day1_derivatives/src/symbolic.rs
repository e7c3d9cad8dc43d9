//! # 1.6 Symbolic differentiation
//!
//! Finite differences *measure* a slope; symbolic differentiation *derives* it, exactly, by
//! applying the rules of calculus to the expression itself — what a computer algebra system
//! (or you, on paper) does. An expression is a tree: `sin(x²)` is `Sin(Pow(X, 2))`. The
//! derivative of a tree is built from the derivatives of its branches:
//!
//! ```text
//! c' = 0                 x' = 1
//! (u + v)' = u' + v'                        sum rule
//! (u·v)'   = u'·v + u·v'                    product rule
//! (uⁿ)'    = n·uⁿ⁻¹·u'                      power rule (n a constant)
//! sin(u)'  = cos(u)·u'       cos(u)' = −sin(u)·u'
//! exp(u)'  = exp(u)·u'       ln(u)'  = u'/u  =  u⁻¹·u'
//! ```
//!
//! Every rule with a `·u'` at the end is the **chain rule** at work: the outer function's
//! derivative, evaluated at the inner value, times the inner function's derivative. Forget
//! the `·u'` and `sin(x²)` comes out as `cos(x²)` instead of `cos(x²)·2x`.
//!
//! Symbolic derivatives are exact, but the trees grow quickly (each product rule doubles a
//! branch). Automatic differentiation (day 4) keeps the exactness without the growth.
//!
//! The constructors `Expr::add`, `Expr::mul`, … are written for you so `diff` can read like
//! the rules above, e.g. `Expr::mul(Expr::cos(u.clone()), u.diff())`. `Box<Expr>` is a
//! pointer to a sub-tree; `u.as_ref()` or `&**u` gives the `&Expr` inside, and `.clone()`
//! copies a sub-tree you need twice. Don't simplify: a correct tree of any shape passes.

/// An expression in one variable `x`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A constant number.
    Const(f64),
    /// The variable x.
    X,
    /// u + v
    Add(Box<Expr>, Box<Expr>),
    /// u · v
    Mul(Box<Expr>, Box<Expr>),
    /// uⁿ for a constant exponent n
    Pow(Box<Expr>, f64),
    Sin(Box<Expr>),
    Cos(Box<Expr>),
    Exp(Box<Expr>),
    /// Natural logarithm.
    Ln(Box<Expr>),
}

// Already written for you: short constructors. (`Expr::add(u, v)` builds a tree; it is not
// the `+` operator, which is why clippy's suggestion to implement `std::ops::Add` is off.)
#[allow(clippy::should_implement_trait)]
impl Expr {
    pub fn c(value: f64) -> Expr {
        Expr::Const(value)
    }
    pub fn x() -> Expr {
        Expr::X
    }
    pub fn add(u: Expr, v: Expr) -> Expr {
        Expr::Add(Box::new(u), Box::new(v))
    }
    pub fn mul(u: Expr, v: Expr) -> Expr {
        Expr::Mul(Box::new(u), Box::new(v))
    }
    pub fn pow(u: Expr, n: f64) -> Expr {
        Expr::Pow(Box::new(u), n)
    }
    pub fn sin(u: Expr) -> Expr {
        Expr::Sin(Box::new(u))
    }
    pub fn cos(u: Expr) -> Expr {
        Expr::Cos(Box::new(u))
    }
    pub fn exp(u: Expr) -> Expr {
        Expr::Exp(Box::new(u))
    }
    pub fn ln(u: Expr) -> Expr {
        Expr::Ln(Box::new(u))
    }
}

impl Expr {
    /// The value of the expression at `x`.
    pub fn eval(&self, x: f64) -> f64 {
        // TODO: `match self { Expr::Const(c) => *c, Expr::X => x, ... }`; evaluate
        // sub-trees recursively with `u.eval(x)`. `f64` has `powf`, `sin`, `cos`, `exp`, `ln`.
        todo!()
    }

    /// The derivative with respect to x, as a new expression.
    pub fn diff(&self) -> Expr {
        // TODO: one match arm per rule in the table above. Every arm that wraps a sub-tree
        // u must end with the chain-rule factor u.diff().
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    // x·x + 3 at x = 2 is 7.
    #[test]
    fn evaluates_a_polynomial() {
        let e = Expr::add(Expr::mul(Expr::x(), Expr::x()), Expr::c(3.0));
        assert_abs_diff_eq!(e.eval(2.0), 7.0, epsilon = 1e-12);
    }

    // (x³)' = 3x², which is 12 at x = 2.
    #[test]
    fn power_rule() {
        let e = Expr::pow(Expr::x(), 3.0);
        assert_abs_diff_eq!(e.diff().eval(2.0), 12.0, epsilon = 1e-12);
    }

    // sin(x²)' = cos(x²)·2x (the chain rule), which is 2·cos(1) at x = 1.
    #[test]
    fn chain_rule() {
        let e = Expr::sin(Expr::pow(Expr::x(), 2.0));
        let want = 2.0 * 1.0_f64.cos();
        assert_abs_diff_eq!(e.diff().eval(1.0), want, epsilon = 1e-12);
    }
}
