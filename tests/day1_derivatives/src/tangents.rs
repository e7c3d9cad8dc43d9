//! Checks for 1.5 — tangent lines and secants.
//!
//! `tangent_line` must return the exact tangent (slope f'(x₀), intercept f(x₀) − f'(x₀)·x₀)
//! of the worked parabola and of seeded random cubics, whose derivatives the test writes out.
//! `secant_slopes` must equal the secant formula (f(x₀ + h) − f(x₀)) / h for every h, in
//! order, and its error must shrink in proportion to h.

use crate::patterns::rough;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, close, fmt_f64, rel_error};

/// What the student implements: `(f, x0) -> (slope, intercept)`.
pub trait Tangent: Fn(&dyn Fn(f64) -> f64, f64) -> (f64, f64) {}
impl<T: Fn(&dyn Fn(f64) -> f64, f64) -> (f64, f64)> Tangent for T {}

/// The slope comes from 1.2's `derivative`, accurate to 1e-9 · max(1, |f'|); 1e-7 leaves a
/// factor 100 for any method that meets 1.2, and rejects any one-sided quotient (≥ 1e-8 · |f''|
/// at its best step, ~1e-5 at typical ones).
const TANGENT_TOL: f64 = 1e-7;
const RANDOM_CUBICS: usize = 25;

/// A cubic a + b·x + c·x² + d·x³ with its exact derivative.
#[derive(Clone, Copy)]
struct Cubic([f64; 4]);

impl Cubic {
    fn value(self, x: f64) -> f64 {
        let [a, b, c, d] = self.0;
        a + x * (b + x * (c + x * d))
    }

    fn slope(self, x: f64) -> f64 {
        let [_, b, c, d] = self.0;
        b + x * (2.0 * c + x * 3.0 * d)
    }

    /// The cubic as the feedback shows it, coefficients to three decimals (the call shows
    /// the point in full; the seed replays the exact coefficients).
    fn name(self) -> String {
        let [a, b, c, d] = self.0.map(|v| (v * 1000.0).round() / 1000.0);
        let term = |v: f64, power: &str| {
            let sign = if v < 0.0 { '−' } else { '+' };
            format!(" {sign} {}{power}", v.abs())
        };
        format!("{a}{}{}{}", term(b, "·x"), term(c, "·x²"), term(d, "·x³"))
    }
}

/// tangent_line(3x² − 4x, 1) is (2, −3): f(1) = −1, f'(1) = 6 − 4 = 2, −1 − 2·1 = −3.
///
/// Tolerance 1e-7 (see `TANGENT_TOL`). Then the tangent of t² at 0, the flat line (0, 0),
/// within 1e-9: there every stencil of second order or better — central, five-point,
/// Richardson, the one-sided three-point formula — is exact (t² is even, and its third
/// derivative vanishes), while a first-order quotient returns its own step h. So this is the
/// probe that tells a slope from 1.2's `derivative` from a forward quotient with a tiny step,
/// which can land within 1e-7 on the cubics.
pub fn tangent_of_the_parabola(tangent_line: impl Tangent) -> CheckResult {
    let parabola = Cubic([0.0, -4.0, 3.0, 0.0]);
    let got = tangent_line(&|x| parabola.value(x), 1.0);
    expect_tangent(got, parabola, 1.0, || {
        Feedback::new("tangent_line is not the tangent of 3x² − 4x at x0 = 1, y = 2x − 3")
            .call("tangent_line(f = 3x² − 4x, x0 = 1)")
    })?;
    let (slope, intercept) = tangent_line(&|t| t * t, 0.0);
    if slope.abs() <= FLAT_TOL && intercept.abs() <= FLAT_TOL {
        return Ok(());
    }
    let one_sided = slope.is_finite() && slope.abs() > FLAT_TOL && slope.abs() < 1e-2;
    Err(
        Feedback::new("the tangent of t² at its bottom, t = 0, is the flat line y = 0")
            .call("tangent_line(f = t², x0 = 0)")
            .expected("(slope, intercept) = (0, 0)")
            .got(format!("({}, {})", fmt_f64(slope), fmt_f64(intercept)))
            .tolerance("each within 1e-9")
            .mistake(one_sided.then(|| {
                Mistake::new(
                    "one_sided_slope",
                    format!(
                        "your slope at the bottom of t² is {}, about the step of a one-sided \
                         quotient (f(x0 + h) − f(x0)) / h, which is only first-order accurate. \
                         Take the slope from `derivative` (1.2), whose central quotient gives \
                         exactly 0 here",
                        rough(slope.abs())
                    ),
                )
            })),
    )
}

/// The flat tangent of t² at 0: exact (0) for any second-order stencil, and 1.2 demands 1e-9.
const FLAT_TOL: f64 = 1e-9;

/// tangent_line is exact on 25 seeded cubics (coefficients in [−3, 3], x0 in [−2, 2]).
///
/// Tolerance 1e-7 · max(1, |slope|) for the slope (see `TANGENT_TOL`) and
/// 1e-7 · max(1, |f(x0)|, |slope · x0|) for the intercept f(x0) − slope·x0, whose rounding
/// and inherited slope error scale with its two terms, not with their (possibly small)
/// difference.
pub fn tangents_of_random_cubics(tangent_line: impl Tangent) -> CheckResult {
    let mut inputs = Inputs::new("day1::tangents_of_random_cubics");
    for _ in 0..RANDOM_CUBICS {
        let cubic = Cubic([(); 4].map(|_| inputs.uniform(-3.0, 3.0)));
        let x0 = inputs.uniform(-2.0, 2.0);
        let got = tangent_line(&|x| cubic.value(x), x0);
        expect_tangent(got, cubic, x0, || {
            Feedback::new("tangent_line is not the tangent of the cubic")
                .call(format!(
                    "tangent_line(f = {}, x0 = {})",
                    cubic.name(),
                    fmt_f64(x0)
                ))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

fn expect_tangent(
    got: (f64, f64),
    cubic: Cubic,
    x0: f64,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    let (height, slope) = (cubic.value(x0), cubic.slope(x0));
    let intercept = height - slope * x0;
    let intercept_scale = height.abs().max((slope * x0).abs()).max(1.0);
    let slope_ok = close(got.0, slope, TANGENT_TOL);
    let intercept_ok = (got.1 - intercept).abs() <= TANGENT_TOL * intercept_scale;
    if slope_ok && intercept_ok {
        return Ok(());
    }
    Err(context()
        .expected(format!(
            "(slope, intercept) = ({}, {})",
            fmt_f64(slope),
            fmt_f64(intercept)
        ))
        .got(format!("({}, {})", fmt_f64(got.0), fmt_f64(got.1)))
        .tolerance(format!(
            "slope: 1e-7 · max(1, |slope|); intercept: 1e-7 · max(1, |f(x0)|, |slope · x0|) = {}",
            rough(TANGENT_TOL * intercept_scale)
        ))
        .mistake(tangent_mistake(got, height, slope, x0)))
}

fn tangent_mistake(got: (f64, f64), height: f64, slope: f64, x0: f64) -> Option<Mistake> {
    let intercept = height - slope * x0;
    let pair_close = |(s, b): (f64, f64)| close(got.0, s, 1e-6) && close(got.1, b, 1e-6);
    let candidates = [
        (
            (slope, height),
            Mistake::new(
                "intercept_is_height",
                "your intercept is f(x0), the height of the graph at x0. The intercept is where \
                 the line crosses x = 0: from y = f(x0) + slope·(x − x0), it is f(x0) − slope·x0",
            ),
        ),
        (
            (slope, height + slope * x0),
            Mistake::new(
                "intercept_sign",
                "sign error in the intercept: y = f(x0) + slope·(x − x0) crosses x = 0 at \
                 f(x0) − slope·x0",
            ),
        ),
        (
            (slope, slope * x0 - height),
            Mistake::new(
                "intercept_sign",
                "your intercept has the wrong sign: it is f(x0) − slope·x0, not slope·x0 − f(x0)",
            ),
        ),
        (
            (intercept, slope),
            Mistake::new(
                "swapped",
                "you return (intercept, slope): the tuple is (slope, intercept)",
            ),
        ),
    ];
    if let Some((_, mistake)) = candidates.into_iter().find(|(pair, _)| pair_close(*pair)) {
        return Some(mistake);
    }
    // The intercept follows from the student's own slope, which is near but not accurate.
    let consistent = close(got.1, height - got.0 * x0, 1e-9);
    if consistent && close(got.0, slope, 1e-2) {
        return Some(Mistake::new(
            "slope_inaccurate",
            format!(
                "your intercept follows from your slope, but the slope is off by a relative {}: \
                 take it from `derivative` (1.2), which is accurate to nine digits, not from a \
                 difference quotient with a large step",
                rough(rel_error(got.0, slope) * 2.0)
            ),
        ));
    }
    None
}

mod secants;
pub use secants::{Secants, secant_formula, secants_converge_linearly};

#[cfg(test)]
mod catalogue;
