//! Checks for 3.5 — sampling the chord inequality to test convexity.
//!
//! The answer of a sampler is random, so the cases are chosen to make it certain: every
//! non-convex case breaks the inequality on at least 20 % of uniform random pairs (measured:
//! Rosenbrock 20 %, Himmelblau 36 %, x² + 3xy + y² 27 %, the random indefinite quadratics
//! ≥ 19 %, the upside-down bell 1 − exp(−(x² + y²)/2) 28 %; midpoints alone find about as
//! many), so 500 pairs miss a violation with probability below 0.8⁵⁰⁰ ≈ 1e-48. The convex
//! cases never break it by more than round-off, which the exercise's margin (1e-9 relative)
//! absorbs: a few ulps of values below ~60.
//!
//! The bell is *quasi-convex* (its sublevel sets are discs: f on a segment never exceeds the
//! larger end value) without being convex, so it rejects a sampler that compares f(z) with
//! max(f(x), f(y)) instead of the chord. The linear x + y on the negative box [−2, −1]² tells
//! a chord with swapped weights (which fails on it) from a test point x + y (which passes).
//!
//! Mistakes are named by running each plausible wrong sampler on the same random streams as
//! the student's, and a sampler that gives up before trying all its pairs is recognised by
//! counting its calls of f on a convex bowl.

use crate::common::{Function, name_pattern_mistake};
use crate::landscapes::{booth, himmelblau, rosenbrock};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, TestRng, fmt_slice};
use rand::{RngExt, SeedableRng};
use std::cell::Cell;

/// The exercise's round-off margin, for the test's own samplers.
const ROUND_OFF_TOL: f64 = 1e-9;
/// Pairs per case (see the module comment).
const N_PAIRS: usize = 500;

/// What the student implements: `(f, lo, hi, n_pairs, rng) -> convex?`.
pub trait ConvexFn:
    Fn(&dyn Fn(&[f64]) -> f64, &[f64], &[f64], usize, &mut TestRng) -> bool
{
}
impl<T: Fn(&dyn Fn(&[f64]) -> f64, &[f64], &[f64], usize, &mut TestRng) -> bool> ConvexFn for T {}

/// One case: a function on a box, and whether it is convex there.
pub struct Case {
    pub name: String,
    pub f: Function,
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
    pub convex: bool,
}

fn case(
    name: &str,
    f: impl Fn(&[f64]) -> f64 + 'static,
    lo: Vec<f64>,
    hi: Vec<f64>,
    convex: bool,
) -> Case {
    Case {
        name: name.to_string(),
        f: Box::new(f),
        lo,
        hi,
        convex,
    }
}

/// ½pᵀAp + bᵀp with A = R·diag(l1, l2)·Rᵀ.
fn quadratic(angle: f64, l1: f64, l2: f64, b: [f64; 2]) -> impl Fn(&[f64]) -> f64 {
    let (c, s) = (angle.cos(), angle.sin());
    move |p| {
        let (u, w) = (c * p[0] + s * p[1], -s * p[0] + c * p[1]);
        0.5 * (l1 * u * u + l2 * w * w) + b[0] * p[0] + b[1] * p[1]
    }
}

/// The fixed cases of the spec, then seeded random quadratics of both kinds.
fn cases(inputs: &mut Inputs) -> Vec<Case> {
    let square = |half: f64| (vec![-half, -half], vec![half, half]);
    let (lo2, hi2) = square(2.0);
    let mut list = vec![
        case(
            "x² + y²",
            |p| p[0] * p[0] + p[1] * p[1],
            vec![-3.0, -3.0],
            vec![3.0, 3.0],
            true,
        ),
        case("Booth", booth, vec![-10.0, -10.0], vec![10.0, 10.0], true),
        case(
            "|x| + |y|",
            |p| p[0].abs() + p[1].abs(),
            lo2.clone(),
            hi2.clone(),
            true,
        ),
        case(
            "3x − 2y + z/2 + 1",
            |p| 3.0 * p[0] - 2.0 * p[1] + 0.5 * p[2] + 1.0,
            vec![-5.0; 3],
            vec![5.0; 3],
            true,
        ),
        case(
            "exp(x + y)",
            |p| (p[0] + p[1]).exp(),
            lo2.clone(),
            hi2.clone(),
            true,
        ),
        case(
            "x⁴ − 3x² + y² (convex for |x| > 0.71 only)",
            |p| p[0].powi(4) - 3.0 * p[0] * p[0] + p[1] * p[1],
            vec![1.5, -1.0],
            vec![3.0, 1.0],
            true,
        ),
        case(
            "Rosenbrock",
            rosenbrock,
            vec![-2.0, -1.0],
            vec![2.0, 3.0],
            false,
        ),
        case(
            "Himmelblau",
            himmelblau,
            vec![-5.0, -5.0],
            vec![5.0, 5.0],
            false,
        ),
        case(
            "x² + 3xy + y²",
            |p| p[0] * p[0] + 3.0 * p[0] * p[1] + p[1] * p[1],
            lo2,
            hi2,
            false,
        ),
        case(
            "1 − exp(−(x² + y²)/2) (an upside-down bell: round level sets, but not convex)",
            |p| 1.0 - (-(p[0] * p[0] + p[1] * p[1]) / 2.0).exp(),
            vec![-3.0, -3.0],
            vec![3.0, 3.0],
            false,
        ),
        case(
            "−(x² + y²)/100000 (concave, if only just: chords lie up to 2e-5 below it)",
            |p| -1e-5 * (p[0] * p[0] + p[1] * p[1]),
            vec![-1.0, -1.0],
            vec![1.0, 1.0],
            false,
        ),
        case(
            "x + y",
            |p| p[0] + p[1],
            vec![-2.0, -2.0],
            vec![-1.0, -1.0],
            true,
        ),
    ];
    for k in 0..8 {
        let convex = k % 2 == 0;
        let angle = inputs.uniform(0.0, std::f64::consts::PI);
        let l1 = inputs.uniform(0.5, 5.0);
        let l2 = if convex {
            inputs.uniform(0.2, 5.0)
        } else {
            -inputs.uniform(0.2, 1.0) * l1
        };
        let b = [inputs.uniform(-2.0, 2.0), inputs.uniform(-2.0, 2.0)];
        let name = format!(
            "½pᵀAp + bᵀp, A with eigenvalues {:.3} and {:.3}, b = {}",
            l1,
            l2,
            fmt_slice(&b)
        );
        list.push(case(
            &name,
            quadratic(angle, l1, l2, b),
            vec![-3.0, -3.0],
            vec![3.0, 3.0],
            convex,
        ));
    }
    list
}

/// A sampler with configurable sampling and comparison, for the plausible wrong answers.
fn sampler(
    draw: fn(&mut TestRng, f64, f64) -> f64,
    point_t: fn(&mut TestRng) -> f64,
    halve: bool,
    violated: fn(f64, f64, f64) -> bool,
) -> impl ConvexFn {
    sampler_with(draw, point_t, halve, move |fz, fx, fy, t, margin| {
        violated(fz, t * fx + (1.0 - t) * fy, margin)
    })
}

/// The general sampler: `violated(f(z), f(x), f(y), t, margin)` decides each pair.
fn sampler_with(
    draw: fn(&mut TestRng, f64, f64) -> f64,
    point_t: fn(&mut TestRng) -> f64,
    halve: bool,
    violated: impl Fn(f64, f64, f64, f64, f64) -> bool,
) -> impl ConvexFn {
    move |f: &dyn Fn(&[f64]) -> f64, lo: &[f64], hi: &[f64], n: usize, rng: &mut TestRng| {
        for _ in 0..n {
            let x: Vec<f64> = lo.iter().zip(hi).map(|(&l, &h)| draw(rng, l, h)).collect();
            let y: Vec<f64> = lo.iter().zip(hi).map(|(&l, &h)| draw(rng, l, h)).collect();
            let t = point_t(rng);
            let z: Vec<f64> = if halve {
                x.iter()
                    .zip(&y)
                    .map(|(a, b)| t * a + (1.0 - t) * b)
                    .collect()
            } else {
                x.iter().zip(&y).map(|(a, b)| a + b).collect()
            };
            let (fx, fy) = (f(&x), f(&y));
            let margin = ROUND_OFF_TOL * (1.0 + fx.abs() + fy.abs());
            if violated(f(&z), fx, fy, t, margin) {
                return false;
            }
        }
        true
    }
}

/// The exercise's sampler, but deciding after the first pair (`if … { return false } else
/// { return true }` inside the loop).
fn first_pair_only() -> impl ConvexFn {
    let reference = reference_sampler();
    move |f: &dyn Fn(&[f64]) -> f64, lo: &[f64], hi: &[f64], n: usize, rng: &mut TestRng| {
        reference(f, lo, hi, n.min(1), rng)
    }
}

fn early_return_mistake() -> Mistake {
    Mistake::new(
        "returns_after_first_pair",
        "your sampler decides after the first pair: `return true` inside the loop ends it \
         before the other pairs are tried. Return false as soon as a pair breaks the \
         inequality, but return true only after the loop, when all n_pairs passed",
    )
}

/// Whether the sampler answers "convex" on a convex bowl (where no pair breaks the
/// inequality) after trying only some of its pairs: each pair needs f at its two ends and
/// between them, so n pairs take at least n calls of f.
fn stops_early(is_convex: &impl ConvexFn) -> bool {
    let calls = Cell::new(0usize);
    let bowl = |p: &[f64]| {
        calls.set(calls.get() + 1);
        p.iter().map(|v| v * v).sum::<f64>()
    };
    let n = 50;
    let convex = is_convex(
        &bowl,
        &[-1.0, -1.0],
        &[1.0, 1.0],
        n,
        &mut TestRng::seed_from_u64(1),
    );
    convex && (1..n).contains(&calls.get())
}

fn in_box(rng: &mut TestRng, lo: f64, hi: f64) -> f64 {
    rng.random_range(lo..hi)
}

fn uniform_t(rng: &mut TestRng) -> f64 {
    rng.random()
}

/// The test's own sampler: the exercise's rule.
pub fn reference_sampler() -> impl ConvexFn {
    sampler(in_box, uniform_t, true, |fz, chord, margin| {
        fz > chord + margin
    })
}

fn mistakes() -> Vec<(Mistake, Box<dyn ConvexFn>)> {
    vec![
        (
            Mistake::new(
                "inequality_reversed",
                "your test flags chords that lie *above* the graph; convexity fails when the graph \
                 lies above the chord: f(t·x + (1 − t)·y) > t·f(x) + (1 − t)·f(y) + margin",
            ),
            Box::new(sampler(in_box, uniform_t, true, |fz, chord, margin| {
                fz < chord - margin
            })),
        ),
        (
            Mistake::new(
                "no_round_off_margin",
                "a linear function is convex, but its two sides differ by round-off in the last \
                 digit: count a violation only beyond the margin ROUND_OFF_TOL·(1 + |f(x)| + |f(y)|)",
            ),
            Box::new(sampler(in_box, uniform_t, true, |fz, chord, _| fz > chord)),
        ),
        (
            Mistake::new(
                "margin_too_wide",
                "your margin lets real violations through: a function that is concave only \
                 just breaks the inequality by far less than 1e-3. Use ROUND_OFF_TOL (1e-9) · \
                 (1 + |f(x)| + |f(y)|): it only has to absorb round-off",
            ),
            Box::new(sampler(in_box, uniform_t, true, |fz, chord, margin| {
                fz > chord + 1e6 * margin
            })),
        ),
        (
            Mistake::new(
                "samples_outside_box",
                "your points are not drawn from the box: each coordinate i must lie between lo[i] \
                 and hi[i] (rng.random_range(lo[i]..hi[i]))",
            ),
            Box::new(sampler(
                |rng, _, _| rng.random(),
                uniform_t,
                true,
                |fz, chord, margin| fz > chord + margin,
            )),
        ),
        (
            Mistake::new(
                "point_not_between",
                "your test point is x + y; the point between x and y is t·x + (1 − t)·y \
                 (the midpoint (x + y)/2 for t = ½)",
            ),
            Box::new(sampler(
                in_box,
                |_| 0.5,
                false,
                |fz, chord, margin| fz > chord + margin,
            )),
        ),
        (
            Mistake::new(
                "chord_weights_swapped",
                "your chord weighs the ends the wrong way round: the point z = t·x + (1 − t)·y \
                 lies under t·f(x) + (1 − t)·f(y) — f(x) gets the weight t, like x",
            ),
            Box::new(sampler_with(
                in_box,
                uniform_t,
                true,
                |fz, fx, fy, t, margin| fz > (1.0 - t) * fx + t * fy + margin,
            )),
        ),
        (
            Mistake::new(
                "max_not_chord",
                "you compare f(z) with the larger of f(x) and f(y); that tests quasi-convexity \
                 (level sets without dents), which a non-convex bell also passes. Compare with \
                 the chord at the same place, t·f(x) + (1 − t)·f(y)",
            ),
            Box::new(sampler_with(
                in_box,
                uniform_t,
                true,
                |fz, fx, fy, _, margin| fz > fx.max(fy) + margin,
            )),
        ),
        (early_return_mistake(), Box::new(first_pair_only())),
        (
            Mistake::new(
                "never_finds_violations",
                "your sampler never finds a violation: with t = 0 or 1 the test point is an end \
                 point and the inequality holds trivially; draw t from (0, 1), or use t = ½",
            ),
            Box::new(sampler(
                in_box,
                |_| 1.0,
                true,
                |fz, chord, margin| fz > chord + margin,
            )),
        ),
    ]
}

/// Runs the student on every case (with one forked generator each) and the mistakes likewise.
fn judge(is_convex: impl ConvexFn, name: &str, want_convex: bool) -> CheckResult {
    let mut inputs = Inputs::new(name);
    let all = cases(&mut inputs);
    // One generator seed per case; the wrong samplers get the same streams as the student's.
    let seeds: Vec<u64> = all.iter().map(|_| inputs.rng().random()).collect();
    let run = |sampler: &dyn Fn(&Case, &mut TestRng) -> bool| -> Vec<bool> {
        all.iter()
            .zip(&seeds)
            .map(|(c, &seed)| sampler(c, &mut TestRng::seed_from_u64(seed)))
            .collect()
    };
    let got = run(&|c, rng| is_convex(&*c.f, &c.lo, &c.hi, N_PAIRS, rng));
    let Some(i) = (0..all.len()).find(|&i| all[i].convex == want_convex && got[i] != want_convex)
    else {
        return Ok(());
    };
    let candidates = mistakes()
        .into_iter()
        .map(|(mistake, model)| {
            let answers = run(&|c, rng| model(&*c.f, &c.lo, &c.hi, N_PAIRS, rng));
            (mistake, answers)
        })
        .collect();
    let early = (!want_convex && stops_early(&is_convex)).then(early_return_mistake);
    let c = &all[i];
    Err(Feedback::new(if want_convex {
        "is_convex_sampled rejects a convex function"
    } else {
        "is_convex_sampled misses that a function is not convex"
    })
    .call(format!(
        "is_convex_sampled({}, lo = {}, hi = {}, n_pairs = {N_PAIRS}, rng)",
        c.name,
        fmt_slice(&c.lo),
        fmt_slice(&c.hi)
    ))
    .expected(want_convex.to_string())
    .got(got[i].to_string())
    .note(if want_convex {
        "no chord of a convex function lies below its graph by more than round-off"
    } else {
        "at least 20 % of random chords lie below this graph, so 500 pairs are sure to find one"
    })
    .mistake(early)
    .mistake(name_pattern_mistake(&got, i, candidates))
    .seed(inputs.seed()))
}

/// is_convex_sampled says true for convex functions: x² + y², Booth, |x| + |y|, two linear
/// functions, exp(x + y), x⁴ − 3x² + y² on a box where it is convex, and 4 seeded random convex
/// quadratics; 500 pairs each.
pub fn convex_functions_pass(is_convex: impl ConvexFn) -> CheckResult {
    judge(is_convex, "day3::convex_functions_pass", true)
}

/// is_convex_sampled says false for Rosenbrock, Himmelblau, x² + 3xy + y², the upside-down bell
/// 1 − exp(−(x² + y²)/2), the barely concave −(x² + y²)/100000 (which a margin far above
/// round-off misses) and 4 seeded random indefinite quadratics; 500 pairs each (a miss has
/// probability below 1e-48).
pub fn non_convex_functions_fail(is_convex: impl ConvexFn) -> CheckResult {
    judge(is_convex, "day3::non_convex_functions_fail", false)
}

#[cfg(test)]
mod catalogue;
