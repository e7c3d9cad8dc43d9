//! How much rounding can move a value: the tolerance of every comparison in the symbolic
//! checks.

use super::Expr;

/// Values at a point with first-order bounds on their rounding errors (see
/// [`Expr::rounding`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rounding {
    pub value: f64,
    pub value_error: f64,
    pub derivative: f64,
    pub derivative_error: f64,
}

impl Expr {
    /// First-order bounds on the rounding error of evaluating the expression, and of
    /// evaluating its derivative by the rules, in floating point at `x`.
    ///
    /// Each operation adds its own rounding (ε relative to its result, more for exp, ln and
    /// powers of large arguments) and passes on its inputs' errors times its sensitivity to
    /// them (e.g. exp(u) multiplies u's error by e^u). Two correct programs — the student's
    /// and the test's — each stay within such a bound whatever order they compute in, so a
    /// small multiple of it is the honest tolerance, even where the result itself is small
    /// after cancellation or hugely sensitive (cos of a large exp).
    pub fn rounding(&self, x: f64) -> Rounding {
        let eps = f64::EPSILON;
        let leaf = |value: f64, derivative: f64| Rounding {
            value,
            value_error: 0.0,
            derivative,
            derivative_error: 0.0,
        };
        match self {
            Expr::Const(c) => leaf(*c, 0.0),
            Expr::X => leaf(x, 1.0),
            Expr::Add(u, v) => {
                let (u, v) = (u.rounding(x), v.rounding(x));
                Rounding {
                    value: u.value + v.value,
                    value_error: u.value_error
                        + v.value_error
                        + eps * (u.value.abs() + v.value.abs()),
                    derivative: u.derivative + v.derivative,
                    derivative_error: u.derivative_error
                        + v.derivative_error
                        + eps * (u.derivative.abs() + v.derivative.abs()),
                }
            }
            Expr::Mul(u, v) => {
                let (u, v) = (u.rounding(x), v.rounding(x));
                let (left, right) = (u.derivative * v.value, u.value * v.derivative);
                Rounding {
                    value: u.value * v.value,
                    value_error: v.value.abs() * u.value_error
                        + u.value.abs() * v.value_error
                        + eps * (u.value * v.value).abs(),
                    derivative: left + right,
                    derivative_error: v.value.abs() * u.derivative_error
                        + u.derivative.abs() * v.value_error
                        + u.value.abs() * v.derivative_error
                        + v.derivative.abs() * u.value_error
                        + 2.0 * eps * (left.abs() + right.abs()),
                }
            }
            Expr::Pow(u, n) => {
                let u = u.rounding(x);
                let value = u.value.powf(*n);
                let outer = n * u.value.powf(n - 1.0);
                let outer_slope = n * (n - 1.0) * u.value.powf(n - 2.0);
                // A power may be computed as exp(n·ln u): relative error ε·|n·ln u|.
                let relative = eps * (2.0 + (n.abs() + 1.0) * u.value.abs().ln().abs());
                Rounding {
                    value,
                    value_error: outer.abs() * u.value_error + relative * value.abs(),
                    derivative: outer * u.derivative,
                    derivative_error: outer_slope.abs() * u.value_error * u.derivative.abs()
                        + outer.abs() * u.derivative_error
                        + 2.0 * relative * (outer * u.derivative).abs(),
                }
            }
            Expr::Sin(u) | Expr::Cos(u) => {
                let u = u.rounding(x);
                let is_sin = matches!(self, Expr::Sin(_));
                let (value, slope) = if is_sin {
                    (u.value.sin(), u.value.cos())
                } else {
                    (u.value.cos(), -u.value.sin())
                };
                Rounding {
                    value,
                    value_error: slope.abs() * u.value_error + eps,
                    derivative: slope * u.derivative,
                    derivative_error: value.abs() * u.value_error * u.derivative.abs()
                        + slope.abs() * u.derivative_error
                        + 3.0 * eps * u.derivative.abs(),
                }
            }
            Expr::Exp(u) => {
                let u = u.rounding(x);
                let value = u.value.exp();
                Rounding {
                    value,
                    value_error: value * u.value_error + 2.0 * eps * value,
                    derivative: value * u.derivative,
                    derivative_error: value * u.value_error * u.derivative.abs()
                        + value * u.derivative_error
                        + 3.0 * eps * (value * u.derivative).abs(),
                }
            }
            Expr::Ln(u) => {
                let u = u.rounding(x);
                let derivative = u.derivative / u.value;
                Rounding {
                    value: u.value.ln(),
                    value_error: u.value_error / u.value.abs() + eps * u.value.ln().abs(),
                    derivative,
                    derivative_error: u.derivative_error / u.value.abs()
                        + derivative.abs() * u.value_error / u.value.abs()
                        + 3.0 * eps * derivative.abs(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::random_expr;
    use super::*;
    use gradlings_support::Inputs;

    /// The rounding bound holds for evaluation in another order and with powers as
    /// exp(n·ln u), the largest source of difference between correct evaluators.
    #[test]
    fn rounding_bound_covers_another_evaluation_order() {
        fn other(e: &Expr, x: f64) -> f64 {
            match e {
                Expr::Const(c) => *c,
                Expr::X => x,
                Expr::Add(u, v) => other(v, x) + other(u, x),
                Expr::Mul(u, v) => other(v, x) * other(u, x),
                Expr::Pow(u, n) => (n * other(u, x).ln()).exp(),
                Expr::Sin(u) => other(u, x).sin(),
                Expr::Cos(u) => other(u, x).cos(),
                Expr::Exp(u) => other(u, x).exp(),
                Expr::Ln(u) => other(u, x).ln(),
            }
        }
        let mut inputs = Inputs::with_seed(5);
        let mut worst: f64 = 0.0;
        for _ in 0..3000 {
            let e = random_expr(&mut inputs, 3);
            let x = inputs.uniform(-2.0, 2.0);
            let bound = e.rounding(x);
            let (a, b) = (e.eval(x), other(&e, x));
            if a.is_finite() && a.abs() < 1e8 && a != b {
                worst = worst.max((a - b).abs() / (bound.value_error + 1e-300));
            }
        }
        assert!(worst < 4.0, "difference reached {worst} × the bound");
    }
}
