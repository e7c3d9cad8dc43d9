//! Checks for 1.3 — the second derivative.
//!
//! Outcome only, like 1.2: `|got − f''(x)| ≤ 1e-6 · max(1, |f''(x)|)` against the exact second
//! derivative, at known values and at 30 seeded points per function. The tolerance is the
//! exercise's requirement. The second difference with h ≈ ε^(1/4) ≈ 1.2e-4 (scaled by
//! max(1, |x|)) has truncation f''''·h²/12 ≈ 1.2e-9 · |f''''| and round-off about
//! 4ε·|f|/h² ≈ 6e-8 · |f|, far inside it; so do steps from about 1e-5 to 1e-3, nested central
//! differences and five-point stencils. A forward second difference (error f'''·h) or a step
//! of 1e-7 (round-off ≈ 0.1 · |f|) cannot pass.
//!
//! On failure the mistake is named from the student's values on a grid over sin and
//! ln(1 + x²), whose derivatives of every order have different shapes: values proportional to
//! f'' with the wrong factor (−1, ½, or a tiny one when dividing by h instead of h²), values
//! equal to f', or errors proportional to f''' (one-sided), f'''' (step too large) or to
//! nothing (round-off).

use crate::functions::{ALL, LOG1P_SQUARE, SIN, TestFn};
use crate::patterns::{proportional_fit, rough};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, close, expect_close, fmt_f64};
use std::f64::consts::{E, FRAC_PI_2};

/// A case known by hand: (name of f, f, x, f''(x)).
type KnownCase = (&'static str, fn(f64) -> f64, f64, f64);

/// What the student implements: `(f, x) -> f''(x)`.
pub trait SecondDerivative: Fn(&dyn Fn(f64) -> f64, f64) -> f64 {}
impl<T: Fn(&dyn Fn(f64) -> f64, f64) -> f64> SecondDerivative for T {}

/// The exercise's requirement: about six significant digits.
const TOL: f64 = 1e-6;
const POINTS_PER_FUNCTION: usize = 30;

/// second_derivative matches curvatures known by hand: exp''(1) = e, (x³)''(2) = 12, …
///
/// Tolerance 1e-6 relative: the exercise's requirement (see the module docs).
pub fn known_curvatures(second_derivative: impl SecondDerivative) -> CheckResult {
    let cube: fn(f64) -> f64 = |x| x * x * x;
    let cases: [KnownCase; 7] = [
        ("exp", f64::exp, 1.0, E),
        ("x³", cube, 2.0, 12.0),
        ("x³", cube, -1.0, -6.0),
        ("sin", f64::sin, FRAC_PI_2, -1.0),
        ("tanh", f64::tanh, 0.0, 0.0),
        ("ln(1 + x²)", LOG1P_SQUARE.f, 0.0, 2.0),
        ("ln(1 + x²)", LOG1P_SQUARE.f, 2.0, -0.24),
    ];
    for (name, f, x, want) in cases {
        let got = second_derivative(&f, x);
        expect_close(got, want, TOL, || {
            Feedback::new("second_derivative is not accurate to six significant digits")
                .call(format!("second_derivative(f = {name}, x = {})", fmt_f64(x)))
                .mistake(diagnose(&second_derivative))
        })?;
    }
    Ok(())
}

/// second_derivative is within 1e-6 · max(1, |f''(x)|) at 30 seeded points per function
/// (exp, sin, x³ − 2x, tanh, ln(1 + x²)).
///
/// Tolerance: the exercise's requirement (see the module docs); every point must pass.
pub fn accurate_at_random_points(second_derivative: impl SecondDerivative) -> CheckResult {
    let mut inputs = Inputs::new("day1::accurate_at_random_points");
    for func in ALL {
        let xs = inputs.uniform_vec(POINTS_PER_FUNCTION, func.lo, func.hi);
        let got: Vec<f64> = xs.iter().map(|&x| second_derivative(&func.f, x)).collect();
        let misses = (0..xs.len())
            .filter(|&i| !close(got[i], (func.d2)(xs[i]), TOL))
            .count();
        let worst = (0..xs.len())
            .max_by(|&a, &b| {
                miss_ratio(func, xs[a], got[a]).total_cmp(&miss_ratio(func, xs[b], got[b]))
            })
            .unwrap_or(0);
        let (x, got) = (xs[worst], got[worst]);
        expect_close(got, (func.d2)(x), TOL, || {
            Feedback::new(format!(
                "second_derivative is not accurate to six significant digits on {}: {misses} of \
                 {} points miss, this is the worst",
                func.name,
                xs.len()
            ))
            .call(format!(
                "second_derivative(f = {}, x = {})",
                func.name,
                fmt_f64(x)
            ))
            .mistake(diagnose(&second_derivative))
            .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// How many tolerances `got` is away from f''(x) (infinite for NaN).
fn miss_ratio(func: TestFn, x: f64, got: f64) -> f64 {
    let want = (func.d2)(x);
    let ratio = (got - want).abs() / (TOL * want.abs().max(1.0));
    if ratio.is_nan() { f64::INFINITY } else { ratio }
}

/// The student's values and the exact derivatives on a grid over sin and ln(1 + x²).
struct Grid {
    got: Vec<f64>,
    d: [Vec<f64>; 4],
}

impl Grid {
    fn sample(second_derivative: &impl SecondDerivative) -> Grid {
        let mut grid = Grid {
            got: Vec::new(),
            d: Default::default(),
        };
        for func in [SIN, LOG1P_SQUARE] {
            for i in 0..=20 {
                let x = -3.0 + 6.0 * f64::from(i) / 20.0;
                grid.got.push(second_derivative(&func.f, x));
                for (k, dk) in [func.d1, func.d2, func.d3, func.d4].into_iter().enumerate() {
                    grid.d[k].push(dk(x));
                }
            }
        }
        grid
    }

    fn errors(&self) -> Vec<f64> {
        self.got
            .iter()
            .zip(&self.d[1])
            .map(|(g, d2)| g - d2)
            .collect()
    }
}

/// Names the mistake behind a wrong second derivative, from the shape of its values.
fn diagnose(second_derivative: &impl SecondDerivative) -> Option<Mistake> {
    let grid = Grid::sample(second_derivative);
    let first = proportional_fit(&grid.got, &grid.d[0]);
    if first.explains(0.999) && (first.factor - 1.0).abs() < 0.01 {
        return Some(Mistake::new(
            "first_derivative",
            "your values are f'(x), the first derivative: the second difference is \
             (f(x + h) − 2·f(x) + f(x − h)) / h²",
        ));
    }
    let scaled = proportional_fit(&grid.got, &grid.d[1]);
    if scaled.explains(0.999) {
        let factor = scaled.factor;
        if (factor + 1.0).abs() < 0.01 {
            return Some(Mistake::new(
                "sign_flipped",
                "your values are −f''(x): the sign is flipped. The middle term is −2·f(x): \
                 (f(x + h) − 2·f(x) + f(x − h)) / h²",
            ));
        }
        if (factor - 0.5).abs() < 0.01 {
            return Some(Mistake::new(
                "half",
                "your values are f''(x)/2: the second difference divides by h², not 2h²",
            ));
        }
        if factor.abs() < 0.01 {
            return Some(Mistake::new(
                "divided_by_h",
                format!(
                    "your values are about {} × f''(x): the division by h² is missing or \
                     incomplete — divided by h instead of h·h (then h ≈ {}), or not divided at \
                     all, or written `… / h * h`, which divides by h and multiplies by h again \
                     (then h ≈ {}). Divide by (h * h)",
                    rough(factor),
                    rough(factor.abs()),
                    rough(factor.abs().sqrt())
                ),
            ));
        }
    }
    let errors = grid.errors();
    let one_sided = proportional_fit(&errors, &grid.d[2]);
    if one_sided.explains(0.9) {
        return Some(Mistake::new(
            "one_sided",
            format!(
                "your errors follow f'''(x)·h with h ≈ {}: a one-sided second difference such as \
                 (f(x + 2h) − 2·f(x + h) + f(x)) / h², which is only first-order accurate. Centre \
                 it on x: (f(x + h) − 2·f(x) + f(x − h)) / h²",
                rough(one_sided.factor.abs())
            ),
        ));
    }
    let truncation = proportional_fit(&errors, &grid.d[3]);
    if truncation.explains(0.9) {
        return Some(Mistake::new(
            "step_too_large",
            format!(
                "your errors follow f''''(x)·h²/12 with h ≈ {}: the second difference's \
                 truncation error. Use a smaller step, h ≈ 1e-4 · max(1, |x|)",
                rough((12.0 * truncation.factor.abs()).sqrt())
            ),
        ));
    }
    // For t² at 0 any second difference is exact whatever its step (f(±h) = h², f(0) = 0):
    // if this is right, the formula is sound and erratic errors can only be round-off.
    let sound_formula = close(second_derivative(&|t| t * t, 0.0), 2.0, TOL);
    let erratic = !one_sided.explains(0.5) && !truncation.explains(0.5);
    if sound_formula && erratic {
        return Some(Mistake::new(
            "step_too_small",
            "your errors are erratic, not a smooth function of x: round-off dominates. The \
             second difference divides rounding errors of about 4ε·|f| by h², so its best \
             step is larger than the first derivative's: h ≈ ε^(1/4) ≈ 1e-4 · max(1, |x|)",
        ));
    }
    None
}

#[cfg(test)]
mod catalogue;
