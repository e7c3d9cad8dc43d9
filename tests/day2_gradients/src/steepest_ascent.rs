//! Checks for 2.3 — directional derivatives and the direction of steepest ascent.
//!
//! Both answers are formulas (∇f·u/‖u‖ and ∇f/‖∇f‖) evaluated with a dot product, a square
//! root and a division: any correct form agrees to a few ulps, so values are compared at
//! 1e-12 relative. The search over 3600 unit directions has a grid error: the best grid
//! direction is at most half a step, π/3600, from the gradient, so its rate is at least
//! ‖∇f‖·cos(π/3600) ≈ ‖∇f‖·(1 − 3.8e-7); the check allows 4e-7.

use crate::compare::{fmt_vec, name_vec_mistake, norm, vec_close};
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_f64, name_mistake,
};
use ndarray::{Array1, array};
use std::f64::consts::PI;

/// What the student implements as `directional_derivative`: `(∇f(x), u) -> D_u f(x)`.
pub trait Directional: Fn(&Array1<f64>, &Array1<f64>) -> Option<f64> {}
impl<T: Fn(&Array1<f64>, &Array1<f64>) -> Option<f64>> Directional for T {}

/// What the student implements as `steepest_ascent`: `∇f(x) -> ∇f/‖∇f‖`.
pub trait Steepest: Fn(&Array1<f64>) -> Option<Array1<f64>> {}
impl<T: Fn(&Array1<f64>) -> Option<Array1<f64>>> Steepest for T {}

const FORMULA_TOL: f64 = 1e-12;
const DIRECTIONS: usize = 3600;

/// The spec's worked number: f = x²y + sin y at (1, 2) along u = (3, 4).
pub const WORKED_RATE: f64 = 2.8670825308;

/// ∇(x²y + sin y) = [2xy, x² + cos y].
fn worked_gradient(x: f64, y: f64) -> Array1<f64> {
    array![2.0 * x * y, x * x + y.cos()]
}

fn directional_mistakes(g: &Array1<f64>, u: &Array1<f64>) -> Vec<(Mistake, f64)> {
    let dot = g.dot(u);
    let (nu, ng) = (norm(u), norm(g));
    vec![
        (
            Mistake::new(
                "not_normalised",
                "you return ∇f·u without dividing by ‖u‖: the rate along a direction must not \
                 depend on how long u is",
            ),
            dot,
        ),
        (
            Mistake::new(
                "divided_by_norm_squared",
                "you divide by ‖u‖² (u·u) instead of ‖u‖ = √(u·u)",
            ),
            dot / (nu * nu),
        ),
        (
            Mistake::new(
                "normalised_the_gradient",
                "you divide by ‖∇f‖: it is the direction u that must be made a unit vector, \
                 the gradient keeps its length",
            ),
            dot / ng,
        ),
        (
            Mistake::new(
                "cosine_only",
                "you return cos θ = ∇f·u / (‖∇f‖·‖u‖); the rate is ‖∇f‖·cos θ = ∇f·u / ‖u‖",
            ),
            dot / (ng * nu),
        ),
        (
            Mistake::new(
                "sign_flipped",
                "your rate has the wrong sign: D_u f = +∇f·u / ‖u‖",
            ),
            -dot / nu,
        ),
    ]
}

fn directional_call(g: &Array1<f64>, u: &Array1<f64>) -> String {
    format!(
        "directional_derivative(grad = {}, u = {})",
        fmt_vec(g),
        fmt_vec(u)
    )
}

/// Fails unless `got` is `Some(want)` within `tol`.
fn expect_rate(
    got: Option<f64>,
    g: &Array1<f64>,
    u: &Array1<f64>,
    tol: f64,
    seed: Option<u64>,
) -> CheckResult {
    let want = g.dot(u) / norm(u);
    let with_seed = |fb: Feedback| match seed {
        Some(s) => fb.seed(s),
        None => fb,
    };
    let Some(got) = got else {
        return Err(with_seed(
            Feedback::new("directional_derivative returned None for a nonzero direction u")
                .call(directional_call(g, u))
                .expected(format!("Some({})", fmt_f64(want)))
                .got("None")
                .note("only the zero vector u = 0 has no direction"),
        ));
    };
    expect_close(got, want, tol, || {
        with_seed(
            Feedback::new("directional_derivative does not compute ∇f·u / ‖u‖")
                .call(directional_call(g, u))
                .mistake(name_mistake(got, directional_mistakes(g, u), tol)),
        )
    })
}

/// directional_derivative equals ∇f·u/‖u‖: the worked case f = x²y + sin y at (1, 2),
/// u = (3, 4) gives 2.8670825308; then 40 random gradients and directions in 2 to 5
/// dimensions.
pub fn directional_derivative_formula(directional: impl Directional) -> CheckResult {
    let g = worked_gradient(1.0, 2.0);
    let u = array![3.0, 4.0];
    expect_rate(directional(&g, &u), &g, &u, FORMULA_TOL, None)?;
    let mut inputs = Inputs::new("day2::directional_derivative_formula");
    for k in 0..40 {
        let n = 2 + k % 4;
        let g = Array1::from(inputs.uniform_vec(n, -3.0, 3.0));
        let u = Array1::from(inputs.uniform_vec(n, -3.0, 3.0));
        expect_rate(
            directional(&g, &u),
            &g,
            &u,
            FORMULA_TOL,
            Some(inputs.seed()),
        )?;
    }
    Ok(())
}

/// Scaling u by c > 0 leaves the rate unchanged; c < 0 reverses the direction and negates it.
/// Compared with the student's own rate along u (1e-12 relative: only rounding differs).
pub fn directional_derivative_ignores_length(directional: impl Directional) -> CheckResult {
    let mut inputs = Inputs::new("day2::directional_derivative_ignores_length");
    for k in 0..10 {
        let n = 2 + k % 3;
        let g = Array1::from(inputs.uniform_vec(n, -3.0, 3.0));
        let u = Array1::from(inputs.uniform_vec(n, -3.0, 3.0));
        let Some(base) = directional(&g, &u) else {
            return expect_rate(None, &g, &u, FORMULA_TOL, Some(inputs.seed()));
        };
        for c in [1e-3, 0.5, 7.0, 1e4, -2.0] {
            let scaled = c * &u;
            let got = directional(&g, &scaled);
            let want = c.signum() * base;
            let value = got.unwrap_or(f64::NAN);
            expect_close(value, want, FORMULA_TOL, || {
                let mistake = if close_to(value, c * base) {
                    Some(Mistake::new(
                        "not_normalised",
                        format!(
                            "your rate grew by the factor {c} by which u grew: divide ∇f·u by \
                             ‖u‖ so that only u's direction matters"
                        ),
                    ))
                } else {
                    None
                };
                Feedback::new(if c > 0.0 {
                    "the rate changed when u was scaled by a positive factor (same direction)"
                } else {
                    "reversing u should negate the rate"
                })
                .call(format!(
                    "{} vs directional_derivative(grad, u) = {}",
                    directional_call(&g, &scaled),
                    fmt_f64(base)
                ))
                .mistake(mistake)
                .seed(inputs.seed())
            })?;
        }
    }
    Ok(())
}

fn close_to(a: f64, b: f64) -> bool {
    gradlings_support::close(a, b, FORMULA_TOL)
}

fn none_mistake(got: &str) -> Option<Mistake> {
    if got.contains("NaN") {
        Some(Mistake::new(
            "divided_by_zero_length",
            "you divided by a length of 0 (0/0 is NaN): test for the zero vector first and \
             return None",
        ))
    } else if got.starts_with("Some") {
        Some(Mistake::new(
            "zero_instead_of_none",
            "a zero vector has no direction, so there is no answer to give: return None, not \
             Some(…)",
        ))
    } else {
        None
    }
}

/// directional_derivative returns None for u = 0 (with zero and nonzero gradients, in 2, 3
/// and 5 dimensions) — and Some for a short but nonzero u, and Some(0) for a zero gradient
/// (a flat spot rises at rate 0 in every direction; only the zero u has no direction).
pub fn directional_derivative_of_zero_u_is_none(directional: impl Directional) -> CheckResult {
    for n in [2, 3, 5] {
        for g in [
            Array1::from_iter((1..=n).map(|i| i as f64)),
            Array1::zeros(n),
        ] {
            let u = Array1::zeros(n);
            let got = directional(&g, &u);
            if let Some(value) = got {
                let shown = format!("Some({value})");
                return Err(
                    Feedback::new("the zero vector u has no direction: expected None")
                        .call(directional_call(&g, &u))
                        .expected("None")
                        .got(&shown)
                        .mistake(none_mistake(&shown)),
                );
            }
        }
    }
    let (g, u) = (array![4.0, -1.0], array![1e-3, 0.0]);
    expect_rate(directional(&g, &u), &g, &u, FORMULA_TOL, None)?;
    for n in [2, 3] {
        let g = Array1::zeros(n);
        let u = Array1::from_iter((1..=n).map(|i| i as f64));
        if directional(&g, &u).is_none() {
            return Err(Feedback::new(
                "at a flat spot (zero gradient) f rises at rate 0 in every direction",
            )
            .call(directional_call(&g, &u))
            .expected("Some(0)")
            .got("None")
            .mistake(Some(Mistake::new(
                "none_for_zero_gradient",
                "only the zero vector u has no direction; a zero gradient gives the rate \
                 ∇f·u / ‖u‖ = 0 along any u ≠ 0. Return None for u = 0 only (steepest_ascent \
                 is the one that has no answer for a zero gradient)",
            ))));
        }
        expect_rate(directional(&g, &u), &g, &u, FORMULA_TOL, None)?;
    }
    Ok(())
}

fn steepest_call(g: &Array1<f64>) -> String {
    format!("steepest_ascent(grad = {})", fmt_vec(g))
}

fn steepest_mistakes(g: &Array1<f64>) -> Vec<(Mistake, Array1<f64>)> {
    let ng = norm(g);
    vec![
        (
            Mistake::new(
                "descent_direction",
                "this is the direction of steepest *descent*, −∇f/‖∇f‖; ascent goes along +∇f",
            ),
            -g / ng,
        ),
        (
            Mistake::new(
                "unnormalised_gradient",
                "you return ∇f itself: divide it by its length ‖∇f‖ to get a unit vector",
            ),
            g.clone(),
        ),
        (
            Mistake::new(
                "divided_by_norm_squared",
                "you divide by ‖∇f‖² (∇f·∇f) instead of ‖∇f‖ = √(∇f·∇f)",
            ),
            g / (ng * ng),
        ),
        (
            Mistake::new(
                "descent_direction",
                "this is −∇f, the descent direction, and not of length 1: return ∇f/‖∇f‖",
            ),
            -g,
        ),
    ]
}

/// steepest_ascent returns ∇f/‖∇f‖ (1e-12 per component): [3, 4] → [0.6, 0.8], the worked
/// gradient, and 40 random gradients in 2 to 5 dimensions, some tiny and some huge.
pub fn steepest_ascent_direction(steepest: impl Steepest) -> CheckResult {
    let mut inputs = Inputs::new("day2::steepest_ascent_direction");
    // Gradients with some zero components are not zero: they have a steepest direction.
    let mut cases = vec![
        array![3.0, 4.0],
        array![3.0, 0.0],
        array![0.0, -2.0, 0.0],
        worked_gradient(1.0, 2.0),
    ];
    for k in 0..40 {
        let scale = [1.0, 1e-4, 1e5][k % 3];
        cases.push(scale * Array1::from(inputs.uniform_vec(2 + k % 4, -3.0, 3.0)));
    }
    for g in cases {
        let want = &g / norm(&g);
        let got = steepest(&g);
        let Some(got) = got else {
            let why = if g.iter().any(|&c| c == 0.0) {
                "some components are 0, but not all: only a gradient whose every component is 0 \
                 has no steepest direction (test the length ‖∇f‖, not each component)"
            } else {
                "only a zero gradient has no steepest direction"
            };
            return Err(
                Feedback::new("steepest_ascent returned None for a nonzero gradient")
                    .call(steepest_call(&g))
                    .expected(format!("Some({})", fmt_vec(&want)))
                    .got("None")
                    .note(why)
                    .seed(inputs.seed()),
            );
        };
        if !vec_close(&got, &want, FORMULA_TOL) {
            return Err(
                Feedback::new("steepest_ascent does not return the unit vector ∇f/‖∇f‖")
                    .call(steepest_call(&g))
                    .expected(fmt_vec(&want))
                    .got(format!(
                        "{} (length {})",
                        fmt_vec(&got),
                        fmt_f64(norm(&got))
                    ))
                    .tolerance("every component within 1e-12 · max(1, |expected|)")
                    .mistake(name_vec_mistake(&got, steepest_mistakes(&g), FORMULA_TOL))
                    .seed(inputs.seed()),
            );
        }
    }
    Ok(())
}

/// steepest_ascent returns None for a zero gradient in 1, 2, 3 and 5 dimensions.
pub fn steepest_ascent_of_zero_gradient_is_none(steepest: impl Steepest) -> CheckResult {
    for n in [1, 2, 3, 5] {
        let g = Array1::zeros(n);
        if let Some(got) = steepest(&g) {
            let shown = format!("Some({})", fmt_vec(&got));
            return Err(Feedback::new(
                "a zero gradient (a flat spot) has no steepest direction: expected None",
            )
            .call(steepest_call(&g))
            .expected("None")
            .got(&shown)
            .mistake(none_mistake(&shown)));
        }
    }
    Ok(())
}

/// Over 3600 unit directions (cos θ, sin θ), θ = 2πk/3600, the largest rate is ‖∇f‖ (up to the
/// grid's 3.8e-7, allowed 4e-7), the direction attaining it is within one grid step of
/// steepest_ascent(∇f), and the rate along steepest_ascent(∇f) is ‖∇f‖ (1e-12). Checked at
/// the worked gradient and 10 random ones.
pub fn best_of_3600_directions(
    directional: impl Directional,
    steepest: impl Steepest,
) -> CheckResult {
    let mut inputs = Inputs::new("day2::best_of_3600_directions");
    let mut cases = vec![worked_gradient(1.0, 2.0)];
    for _ in 0..10 {
        cases.push(Array1::from(inputs.uniform_vec(2, -5.0, 5.0)));
    }
    for g in cases {
        let steepness = norm(&g);
        let mut best = (f64::NEG_INFINITY, array![1.0, 0.0]);
        for k in 0..DIRECTIONS {
            let theta = 2.0 * PI * k as f64 / DIRECTIONS as f64;
            let u = array![theta.cos(), theta.sin()];
            let rate = directional(&g, &u).unwrap_or(f64::NAN);
            if !rate.is_finite() {
                return expect_rate(Some(rate), &g, &u, FORMULA_TOL, Some(inputs.seed()));
            }
            if rate > best.0 {
                best = (rate, u);
            }
        }
        let (best_rate, best_u) = best;
        let context = || {
            format!(
                "directional_derivative(grad = {}, u) for 3600 unit vectors u, and {}",
                fmt_vec(&g),
                steepest_call(&g)
            )
        };
        if best_rate > steepness * (1.0 + FORMULA_TOL) || best_rate < steepness * (1.0 - 4e-7) {
            return Err(
                Feedback::new("the largest rate over all directions should be ‖∇f‖")
                    .call(context())
                    .expected(format!("max rate ≈ ‖∇f‖ = {}", fmt_f64(steepness)))
                    .got(format!("max rate {}", fmt_f64(best_rate)))
                    .tolerance("within 4e-7 relative (the grid of directions is 0.1° apart)")
                    .seed(inputs.seed()),
            );
        }
        let Some(s) = steepest(&g) else {
            return Err(
                Feedback::new("steepest_ascent returned None for a nonzero gradient")
                    .call(steepest_call(&g))
                    .seed(inputs.seed()),
            );
        };
        let grid_step = 2.0 * PI / DIRECTIONS as f64;
        let miss = norm(&(&s - &best_u));
        if miss.is_nan() || miss > grid_step {
            let mistake = (norm(&(&s + &best_u)) <= grid_step).then(|| {
                Mistake::new(
                    "descent_direction",
                    "the fastest-rising direction is opposite to your steepest_ascent: it \
                     returns the descent direction (or your directional_derivative has the \
                     wrong sign)",
                )
            });
            return Err(
                Feedback::new("steepest_ascent does not point where the rate is largest")
                    .call(context())
                    .expected(format!(
                        "≈ {} (the best of the 3600 directions)",
                        fmt_vec(&best_u)
                    ))
                    .got(fmt_vec(&s))
                    .tolerance(format!("distance ≤ one grid step, {}", fmt_f64(grid_step)))
                    .mistake(mistake)
                    .seed(inputs.seed()),
            );
        }
        let along = directional(&g, &s).unwrap_or(f64::NAN);
        expect_close(along, steepness, FORMULA_TOL, || {
            Feedback::new("the rate along steepest_ascent(∇f) should be exactly ‖∇f‖")
                .call(format!(
                    "directional_derivative(grad = {}, u = {})",
                    fmt_vec(&g),
                    fmt_vec(&s)
                ))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
