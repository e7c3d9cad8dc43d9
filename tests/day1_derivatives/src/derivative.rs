//! Checks for 1.2 — a derivative accurate to nine significant digits.
//!
//! The exercise leaves the method and the step to the student, so the checks test only the
//! outcome: `|got − f'(x)| ≤ 1e-9 · max(1, |f'(x)|)` against the exact derivative, at known
//! slopes and at 50 points per function (x = 0 and 49 seeded ones). The tolerance is the
//! requirement itself. It sits between what a central quotient with a well-chosen step
//! reaches — truncation f'''·h²/6 and round-off ε·|f|/h balance near h = ∛ε ≈ 6e-6, where
//! both are about 4e-11 · scale — and what a one-sided quotient can reach at best, about
//! √ε ≈ 1e-8 at h ≈ √ε. Fixed central steps from 5e-7 to 3e-5, five-point stencils and
//! Richardson extrapolation all pass.
//!
//! On failure the feedback says *why*, from two kinds of evidence gathered on the side:
//! - two probes at x = 0 whose answers are exact in floating point: for f(t) = t², every
//!   symmetric stencil returns exactly 0 while a forward (backward) quotient returns +h (−h);
//!   for f(t) = t³ the central quotient returns exactly h², which reveals the step;
//! - the shape of the errors over a grid on sin and ln(1 + x²): ∝ f'' for a one-sided
//!   quotient, ∝ f''' for a central one with too large a step, erratic under round-off, and
//!   ∝ f' when the formula itself is wrong.

use crate::functions::{ALL, CUBIC, LOG1P_SQUARE, SIN, TestFn};
use crate::patterns::{Fit, proportional_fit, rough};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, close, expect_close, fmt_f64};
use std::f64::consts::{E, PI};

/// A case known by hand: (name of f, f, x, f'(x)).
type KnownCase = (&'static str, fn(f64) -> f64, f64, f64);

/// What the student implements: `(f, x) -> f'(x)`.
pub trait Derivative: Fn(&dyn Fn(f64) -> f64, f64) -> f64 {}
impl<T: Fn(&dyn Fn(f64) -> f64, f64) -> f64> Derivative for T {}

/// The exercise's requirement: nine significant digits.
const TOL: f64 = 1e-9;
const POINTS_PER_FUNCTION: usize = 50;
/// The largest central step that meets the tolerance everywhere: on x³ − 2x at x = 0 the
/// truncation error is f'''·h²/6 = h² against a tolerance of 1e-9, so h ≤ 3.2e-5.
const LARGEST_GOOD_CENTRAL_STEP: f64 = 3e-5;
/// Below this, round-off (up to a few ε·|f|/h, ≥ 1e-9 · |f| at h = 4e-7) makes some of the
/// 250 points miss: measured, fixed central steps from 5e-7 to 3e-5 pass, 2e-7 does not.
const SMALLEST_GOOD_CENTRAL_STEP: f64 = 5e-7;

/// derivative matches slopes known by hand: sin'(0) = 1, exp'(1) = e, (x³)'(2) = 12, …
///
/// Tolerance 1e-9 relative: the exercise's requirement (see the module docs).
pub fn known_slopes(derivative: impl Derivative) -> CheckResult {
    let cube: fn(f64) -> f64 = |x| x * x * x;
    let cases: [KnownCase; 8] = [
        ("sin", f64::sin, 0.0, 1.0),
        ("sin", f64::sin, PI, -1.0),
        ("exp", f64::exp, 1.0, E),
        ("exp", f64::exp, -3.0, (-3.0_f64).exp()),
        ("x³", cube, 2.0, 12.0),
        ("x³ − 2x", CUBIC.f, -3.0, 25.0),
        ("tanh", f64::tanh, 0.0, 1.0),
        ("ln(1 + x²)", LOG1P_SQUARE.f, 1.0, 1.0),
    ];
    for (name, f, x, want) in cases {
        let got = derivative(&f, x);
        expect_close(got, want, TOL, || {
            Feedback::new("derivative is not accurate to nine significant digits")
                .call(format!("derivative(f = {name}, x = {})", fmt_f64(x)))
                .mistake(diagnose(&derivative))
        })?;
    }
    Ok(())
}

/// derivative is within 1e-9 · max(1, |f'(x)|) at every one of 50 points per function
/// (exp, sin, x³ − 2x, tanh, ln(1 + x²)): x = 0 and 49 seeded points in each interval.
///
/// Tolerance: the exercise's requirement (see the module docs). Every point must pass — a
/// method that is accurate "on average" is not a derivative you can trust.
pub fn nine_digits_everywhere(derivative: impl Derivative) -> CheckResult {
    let mut inputs = Inputs::new("day1::nine_digits_everywhere");
    for func in ALL {
        // x = 0 first: a step proportional to |x| vanishes there.
        let xs: Vec<f64> = std::iter::once(0.0)
            .chain((1..POINTS_PER_FUNCTION).map(|_| inputs.uniform(func.lo, func.hi)))
            .collect();
        let got: Vec<f64> = xs.iter().map(|&x| derivative(&func.f, x)).collect();
        let misses = (0..xs.len())
            .filter(|&i| !close(got[i], (func.d1)(xs[i]), TOL))
            .count();
        let worst = (0..xs.len())
            .max_by(|&a, &b| {
                miss_ratio(func, xs[a], got[a]).total_cmp(&miss_ratio(func, xs[b], got[b]))
            })
            .unwrap_or(0);
        let (x, got) = (xs[worst], got[worst]);
        expect_close(got, (func.d1)(x), TOL, || {
            Feedback::new(format!(
                "derivative is not accurate to nine significant digits on {}: {misses} of {} \
                 points miss, this is the worst",
                func.name,
                xs.len()
            ))
            .call(format!("derivative(f = {}, x = {})", func.name, fmt_f64(x)))
            .mistake(diagnose(&derivative))
            .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// How many tolerances `got` is away from f'(x) (infinite for NaN).
fn miss_ratio(func: TestFn, x: f64, got: f64) -> f64 {
    let want = (func.d1)(x);
    let ratio = (got - want).abs() / (TOL * want.abs().max(1.0));
    if ratio.is_nan() { f64::INFINITY } else { ratio }
}

/// The student's errors on a fixed grid, fitted to the shapes each mistake leaves.
struct ErrorShape {
    /// got ≈ factor · f'(x): the formula itself is off by a factor.
    scaled: Fit,
    /// got − f' ≈ factor · f''(x): a one-sided quotient, factor = ±h/2.
    one_sided: Fit,
    /// got − f' ≈ factor · f'''(x): a central quotient, factor = h²/6.
    central: Fit,
}

/// The shape of the student's errors on sin over [−4, 4] and ln(1 + x²) over [−3, 3], whose
/// f', f'' and f''' are far from proportional to each other (unlike exp's).
fn error_shape(derivative: &impl Derivative) -> ErrorShape {
    let (mut got, mut d1, mut errors, mut d2, mut d3) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for func in [SIN, LOG1P_SQUARE] {
        for i in 0..=24 {
            let x = func.lo + (func.hi - func.lo) * f64::from(i) / 24.0;
            let value = derivative(&func.f, x);
            got.push(value);
            d1.push((func.d1)(x));
            errors.push(value - (func.d1)(x));
            d2.push((func.d2)(x));
            d3.push((func.d3)(x));
        }
    }
    ErrorShape {
        scaled: proportional_fit(&got, &d1),
        one_sided: proportional_fit(&errors, &d2),
        central: proportional_fit(&errors, &d3),
    }
}

/// Names the mistake behind an inaccurate derivative, from probes and the error shape.
fn diagnose(derivative: &impl Derivative) -> Option<Mistake> {
    // For t², every symmetric stencil gives exactly 0 at x = 0 (f(−t) = f(t) exactly);
    // a forward quotient gives (h² − 0)/h = h, a backward one −h.
    let even = derivative(&|t| t * t, 0.0);
    if !even.is_finite() {
        return Some(Mistake::new(
            "step_vanishes_at_zero",
            format!(
                "at x = 0 your derivative returns {}: a step proportional to |x| is 0 there, \
                 and (f(x + 0) − f(x − 0)) / 0 is 0/0. Scale the step with max(1, |x|) instead",
                fmt_f64(even)
            ),
        ));
    }
    let shape = error_shape(derivative);
    if shape.scaled.explains(0.99) && (shape.scaled.factor - 1.0).abs() > 0.01 {
        return Some(Mistake::new(
            "wrong_formula",
            format!(
                "your values are about {} × f'(x): the formula is wrong, not just the step. If \
                 you reuse central_diff from 1.1, make sure it passes 1.1's tests first",
                rough(shape.scaled.factor)
            ),
        ));
    }
    if even != 0.0 || shape.one_sided.explains(0.9) {
        let h = if even != 0.0 {
            even.abs()
        } else {
            2.0 * shape.one_sided.factor.abs()
        };
        return Some(Mistake::new(
            "one_sided_difference",
            format!(
                "your errors behave like a one-sided (forward or backward) quotient's, with a \
                 step of about h = {}. Its truncation error f''·h/2 shrinks only like h while \
                 round-off grows like ε·|f|/h: the best it can do is about 1e-8, never nine \
                 digits. Use the central quotient with h ≈ ∛ε · max(1, |x|) ≈ 6e-6 · max(1, |x|)",
                rough(h)
            ),
        ));
    }
    // For t³ at 0 the central quotient gives (h³ + h³)/(2h) = h²; higher-order stencils give 0.
    let odd = derivative(&|t| t * t * t, 0.0);
    let central_step = if odd > 0.0 { odd.sqrt() } else { 0.0 };
    if central_step > LARGEST_GOOD_CENTRAL_STEP || shape.central.explains(0.9) {
        let h = if central_step > 0.0 {
            central_step
        } else {
            (6.0 * shape.central.factor.abs()).sqrt()
        };
        return Some(Mistake::new(
            "step_too_large",
            format!(
                "your errors follow f'''(x)·h²/6 with h ≈ {}: the central quotient's truncation \
                 error. The step is too large — use h ≈ ∛ε · max(1, |x|) ≈ 6e-6 · max(1, |x|), \
                 where truncation and round-off balance",
                rough(h)
            ),
        ));
    }
    let erratic = !shape.one_sided.explains(0.5) && !shape.central.explains(0.5);
    if central_step < SMALLEST_GOOD_CENTRAL_STEP && (central_step > 0.0 || erratic) {
        let step = if central_step > 0.0 {
            format!(" (your step looks like h ≈ {})", rough(central_step))
        } else {
            String::new()
        };
        return Some(Mistake::new(
            "step_too_small",
            format!(
                "your errors are erratic, not a smooth function of x: round-off dominates{step}. \
                 f is only accurate to about ε·|f|, and dividing the difference of two nearly \
                 equal values by a tiny h magnifies that to ε·|f|/h. Use h ≈ ∛ε · max(1, |x|) \
                 ≈ 6e-6 · max(1, |x|)"
            ),
        ));
    }
    None
}

#[cfg(test)]
mod catalogue;
