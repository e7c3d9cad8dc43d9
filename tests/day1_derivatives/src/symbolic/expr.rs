//! The test's own copy of the exercise's `Expr`, with a reference evaluator, a reference
//! derivative that can make each slip students make, and a generator of random trees.
//!
//! The derivative is computed in forward mode — each node yields its value and its derivative
//! together — so it shares no code, and no tree shape, with a `diff` that builds a new tree.

use gradlings_support::Inputs;
use std::fmt;

mod rounding;
pub use rounding::Rounding;

/// An expression in one variable `x` (the same variants as the exercise's).
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Const(f64),
    X,
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Pow(Box<Expr>, f64),
    Sin(Box<Expr>),
    Cos(Box<Expr>),
    Exp(Box<Expr>),
    Ln(Box<Expr>),
}

// The same short constructors as the exercise's (they build trees; they are not `+` and `·`).
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

    /// The value at `x`, by the definitions of the operations.
    pub fn eval(&self, x: f64) -> f64 {
        self.eval_with(x, None)
    }

    /// The value at `x`, with one operation evaluated the way a slip would.
    pub fn eval_with(&self, x: f64, slip: Option<EvalSlip>) -> f64 {
        let ev = |e: &Expr| e.eval_with(x, slip);
        match (self, slip) {
            (Expr::Const(c), _) => *c,
            (Expr::X, _) => x,
            (Expr::Add(u, v), Some(EvalSlip::AddMulSwapped)) => ev(u) * ev(v),
            (Expr::Add(u, v), _) => ev(u) + ev(v),
            (Expr::Mul(u, v), Some(EvalSlip::AddMulSwapped)) => ev(u) + ev(v),
            (Expr::Mul(u, v), _) => ev(u) * ev(v),
            // `as i32` truncates toward zero, as the slip does.
            (Expr::Pow(u, n), Some(EvalSlip::PowInteger)) => ev(u).powi(*n as i32),
            (Expr::Pow(u, n), Some(EvalSlip::PowTimes)) => ev(u) * n,
            (Expr::Pow(u, n), _) => ev(u).powf(*n),
            (Expr::Sin(u), Some(EvalSlip::SinCosSwapped)) => ev(u).cos(),
            (Expr::Sin(u), _) => ev(u).sin(),
            (Expr::Cos(u), Some(EvalSlip::SinCosSwapped)) => ev(u).sin(),
            (Expr::Cos(u), _) => ev(u).cos(),
            (Expr::Exp(u), _) => ev(u).exp(),
            (Expr::Ln(u), Some(EvalSlip::Log10)) => ev(u).log10(),
            (Expr::Ln(u), _) => ev(u).ln(),
        }
    }

    /// The derivative at `x`, with the rules applied as right (no slips) or with the slips.
    pub fn derivative(&self, x: f64, slips: &[Slip]) -> f64 {
        self.forward(x, slips).1
    }

    /// Forward mode: (value, derivative) of the expression at `x`.
    fn forward(&self, x: f64, slips: &[Slip]) -> (f64, f64) {
        let has = |slip: Slip| slips.contains(&slip);
        let chain = |slip: Slip, du: f64| if has(slip) { 1.0 } else { du };
        match self {
            Expr::Const(c) => (*c, if has(Slip::ConstantNotZero) { *c } else { 0.0 }),
            Expr::X => (x, 1.0),
            Expr::Add(u, v) => {
                let ((u, du), (v, dv)) = (u.forward(x, slips), v.forward(x, slips));
                (u + v, du + dv)
            }
            Expr::Mul(u, v) => {
                let ((u, du), (v, dv)) = (u.forward(x, slips), v.forward(x, slips));
                let d = if has(Slip::ProductFirstTermOnly) {
                    du * v
                } else if has(Slip::ProductSecondTermOnly) {
                    u * dv
                } else if has(Slip::ProductOfDerivatives) {
                    du * dv
                } else {
                    du * v + u * dv
                };
                (u * v, d)
            }
            Expr::Pow(u, n) => {
                let (u, du) = u.forward(x, slips);
                let outer = if has(Slip::PowerNoMinusOne) {
                    n * u.powf(*n)
                } else if has(Slip::PowerMissingFactor) {
                    u.powf(n - 1.0)
                } else if has(Slip::PowerPlusOne) {
                    n * u.powf(n + 1.0)
                } else {
                    n * u.powf(n - 1.0)
                };
                (u.powf(*n), outer * chain(Slip::NoChainPow, du))
            }
            Expr::Sin(u) => {
                let (u, du) = u.forward(x, slips);
                let outer = if has(Slip::SinSignFlipped) {
                    -u.cos()
                } else {
                    u.cos()
                };
                (u.sin(), outer * chain(Slip::NoChainSin, du))
            }
            Expr::Cos(u) => {
                let (u, du) = u.forward(x, slips);
                let outer = if has(Slip::CosSignFlipped) {
                    u.sin()
                } else {
                    -u.sin()
                };
                (u.cos(), outer * chain(Slip::NoChainCos, du))
            }
            Expr::Exp(u) => {
                let (u, du) = u.forward(x, slips);
                (u.exp(), u.exp() * chain(Slip::NoChainExp, du))
            }
            Expr::Ln(u) => {
                let (u, du) = u.forward(x, slips);
                (u.ln(), chain(Slip::NoChainLn, du) / u)
            }
        }
    }

    /// Whether x occurs in the expression (otherwise its derivative is trivially 0).
    pub fn has_x(&self) -> bool {
        match self {
            Expr::Const(_) => false,
            Expr::X => true,
            Expr::Add(u, v) | Expr::Mul(u, v) => u.has_x() || v.has_x(),
            Expr::Pow(u, _) | Expr::Sin(u) | Expr::Cos(u) | Expr::Exp(u) | Expr::Ln(u) => u.has_x(),
        }
    }
}

/// Written the way the feedback shows it: `sin((x)^2)`, `(x + 1)`, `x·exp(x)`.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Const(c) => write!(f, "{c}"),
            Expr::X => write!(f, "x"),
            Expr::Add(u, v) => write!(f, "({u} + {v})"),
            Expr::Mul(u, v) => write!(f, "{u}·{v}"),
            Expr::Pow(u, n) => write!(f, "({u})^{n}"),
            Expr::Sin(u) => write!(f, "sin({u})"),
            Expr::Cos(u) => write!(f, "cos({u})"),
            Expr::Exp(u) => write!(f, "exp({u})"),
            Expr::Ln(u) => write!(f, "ln({u})"),
        }
    }
}

/// A slip in applying one rule of differentiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    NoChainSin,
    NoChainCos,
    NoChainExp,
    NoChainLn,
    NoChainPow,
    /// (u·v)' = u'·v
    ProductFirstTermOnly,
    /// (u·v)' = u·v'
    ProductSecondTermOnly,
    /// (u·v)' = u'·v'
    ProductOfDerivatives,
    /// cos(u)' = +sin(u)·u'
    CosSignFlipped,
    /// sin(u)' = −cos(u)·u'
    SinSignFlipped,
    /// (uⁿ)' = n·uⁿ·u'
    PowerNoMinusOne,
    /// (uⁿ)' = uⁿ⁻¹·u'
    PowerMissingFactor,
    /// (uⁿ)' = n·uⁿ⁺¹·u' (the exponent raised, as in integration)
    PowerPlusOne,
    /// c' = c
    ConstantNotZero,
}

/// The chain-rule slips, which a student often makes in every arm at once.
pub const NO_CHAIN_ANYWHERE: [Slip; 5] = [
    Slip::NoChainSin,
    Slip::NoChainCos,
    Slip::NoChainExp,
    Slip::NoChainLn,
    Slip::NoChainPow,
];

/// A slip in evaluating one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalSlip {
    /// `powi(n as i32)`: right for whole exponents only.
    PowInteger,
    /// u·n instead of uⁿ.
    PowTimes,
    /// `log10` for ln.
    Log10,
    SinCosSwapped,
    AddMulSwapped,
}

/// Exponents of the random trees: whole, negative and fractional.
const EXPONENTS: [f64; 7] = [-2.0, -1.0, -0.5, 0.5, 1.5, 2.0, 3.0];

/// A random expression of depth at most `depth`. Every Pow and Ln argument is positive by
/// construction (u² + c with c ≥ 0.5, or exp(u)), so the expression and every correct form of
/// its derivative — including uⁿ written as exp(n·ln u) — are defined for every x.
pub fn random_expr(inputs: &mut Inputs, depth: usize) -> Expr {
    if depth == 0 || inputs.index(0, 6) == 0 {
        return if inputs.index(0, 3) == 0 {
            Expr::c((inputs.uniform(-2.0, 2.0) * 4.0).round() / 4.0)
        } else {
            Expr::x()
        };
    }
    let sub = |inputs: &mut Inputs| random_expr(inputs, depth - 1);
    match inputs.index(0, 7) {
        0 => Expr::add(sub(inputs), sub(inputs)),
        1 => Expr::mul(sub(inputs), sub(inputs)),
        2 => Expr::sin(sub(inputs)),
        3 => Expr::cos(sub(inputs)),
        4 => Expr::exp(sub(inputs)),
        5 => {
            let u = sub(inputs);
            Expr::ln(positive(inputs, u))
        }
        _ => {
            let u = sub(inputs);
            let n = EXPONENTS[inputs.index(0, EXPONENTS.len())];
            Expr::pow(positive(inputs, u), n)
        }
    }
}

/// u² + c (c ∈ {0.5, 1, 1.5, 2}) or exp(u): positive whatever u is.
fn positive(inputs: &mut Inputs, u: Expr) -> Expr {
    if inputs.index(0, 2) == 0 {
        let c = 0.5 * inputs.index(1, 5) as f64;
        Expr::add(Expr::mul(u.clone(), u), Expr::c(c))
    } else {
        Expr::exp(u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Five-point central difference, error f⁽⁵⁾·h⁴/30.
    fn five_point(e: &Expr, x: f64, h: f64) -> f64 {
        (e.eval(x - 2.0 * h) - 8.0 * e.eval(x - h) + 8.0 * e.eval(x + h) - e.eval(x + 2.0 * h))
            / (12.0 * h)
    }

    /// The forward-mode derivative agrees with finite differences on random trees, wherever
    /// the finite differences are trustworthy (two steps agree to 1e-8 relative).
    /// (Five-point error f⁽⁵⁾·h⁴/30: at h = 1e-3 about 3e-14·|f⁽⁵⁾|.)
    #[test]
    fn reference_derivative_matches_finite_differences() {
        let mut inputs = Inputs::with_seed(11);
        let mut tested = 0;
        for _ in 0..400 {
            let e = random_expr(&mut inputs, 3);
            let x = inputs.uniform(-2.0, 2.0);
            let want = e.derivative(x, &[]);
            let scale = want.abs().max(1.0);
            let (coarse, fine) = (five_point(&e, x, 2e-3), five_point(&e, x, 1e-3));
            if !want.is_finite() || (coarse - fine).abs() > 1e-8 * scale {
                continue;
            }
            tested += 1;
            assert!(
                (fine - want).abs() < 1e-7 * scale,
                "{e} at {x}: {fine} vs {want}"
            );
        }
        assert!(tested > 250, "only {tested} usable trees");
    }

    #[test]
    fn slips_change_the_derivative() {
        let e = Expr::sin(Expr::pow(Expr::x(), 2.0));
        let x: f64 = 1.3;
        assert!((e.derivative(x, &[]) - (x * x).cos() * 2.0 * x).abs() < 1e-14);
        assert!((e.derivative(x, &[Slip::NoChainSin]) - (x * x).cos()).abs() < 1e-14);
    }

    #[test]
    fn displays_readably() {
        let e = Expr::mul(Expr::x(), Expr::exp(Expr::add(Expr::x(), Expr::c(1.0))));
        assert_eq!(e.to_string(), "x·exp((x + 1))");
    }
}
