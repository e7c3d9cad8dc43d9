//! Checks for the secants of 1.5: the formula, and how fast the secant approaches the tangent.

use crate::functions::BASIC;
use crate::patterns::rough;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, fmt_slice};

/// What the student implements: `(f, x0, hs) -> one secant slope per h`.
pub trait Secants: Fn(&dyn Fn(f64) -> f64, f64, &[f64]) -> Vec<f64> {}
impl<T: Fn(&dyn Fn(f64) -> f64, f64, &[f64]) -> Vec<f64>> Secants for T {}

/// Exactness of the secant formula (see `secant_tolerance` for the round-off term).
const SECANT_TOL: f64 = 1e-9;
const RANDOM_SECANT_CASES: usize = 15;

/// The secant slope through (x0, f(x0)) and (x0 + h, f(x0 + h)).
fn secant(f: &dyn Fn(f64) -> f64, x0: f64, h: f64) -> f64 {
    (f(x0 + h) - f(x0)) / h
}

/// Exactness plus round-off: another correct form may divide by the run (x0 + h) − x0
/// instead of h (they differ by ε·|x0|/h relative) and round the rise differently (by
/// ε·|f|/h absolute). For the steps used (h ≥ 1e-6) this adds at most a few 1e-9.
fn secant_tolerance(f: &dyn Fn(f64) -> f64, x0: f64, h: f64, want: f64) -> f64 {
    let scale = f(x0).abs().max(f(x0 + h).abs());
    SECANT_TOL * want.abs().max(1.0) + 4.0 * f64::EPSILON * (x0.abs() * want.abs() + scale) / h
}

/// One call of secant_slopes and what it should return.
struct SecantCase<'a> {
    name: String,
    f: &'a dyn Fn(f64) -> f64,
    /// The exact f'(x0), the slope of the tangent the secants approach.
    slope: f64,
    x0: f64,
    hs: Vec<f64>,
}

/// A wrong answer's values for one case, and how far from them a match may be beyond the
/// secant tolerance (the tangent slope comes from the student's own 1.2, good to ~1e-9).
struct Candidate {
    mistake: Mistake,
    values: Vec<f64>,
    extra: f64,
}

impl SecantCase<'_> {
    fn call(&self) -> String {
        format!(
            "secant_slopes(f = {}, x0 = {}, hs = {})",
            self.name,
            fmt_f64(self.x0),
            fmt_slice(&self.hs)
        )
    }

    fn want(&self) -> Vec<f64> {
        self.hs
            .iter()
            .map(|&h| secant(self.f, self.x0, h))
            .collect()
    }

    /// Whether `got` equals `candidate`'s values entry by entry.
    fn matches(&self, got: &[f64], candidate: &Candidate) -> bool {
        got.len() == candidate.values.len()
            && got
                .iter()
                .zip(&candidate.values)
                .zip(&self.hs)
                .all(|((&g, &v), &h)| {
                    let tol = secant_tolerance(self.f, self.x0, h, v) + candidate.extra * v.abs();
                    v.is_finite() && (g - v).abs() <= tol
                })
    }

    /// The plausible wrong answers, in the same order for every case.
    fn candidates(&self) -> Vec<Candidate> {
        let (f, x0) = (self.f, self.x0);
        let each = |q: &dyn Fn(f64) -> f64| self.hs.iter().map(|&h| q(h)).collect::<Vec<f64>>();
        let mut reversed = self.want();
        reversed.reverse();
        let exact = |mistake, values| Candidate {
            mistake,
            values,
            extra: 0.0,
        };
        vec![
            exact(
                Mistake::new(
                    "central_not_secant",
                    "this is the central quotient (f(x0 + h) − f(x0 − h)) / (2h); the secant \
                     goes through x0 and x0 + h: (f(x0 + h) − f(x0)) / h",
                ),
                each(&|h| (f(x0 + h) - f(x0 - h)) / (2.0 * h)),
            ),
            exact(
                Mistake::new(
                    "backward",
                    "this is the secant through x0 − h and x0; the exercise's secant goes \
                     through x0 and x0 + h: (f(x0 + h) − f(x0)) / h",
                ),
                each(&|h| (f(x0) - f(x0 - h)) / h),
            ),
            exact(
                Mistake::new(
                    "not_divided",
                    "you return the rise f(x0 + h) − f(x0) without dividing by the run h",
                ),
                each(&|h| f(x0 + h) - f(x0)),
            ),
            exact(
                Mistake::new(
                    "reversed_order",
                    "your slopes come in reverse order: keep the order of hs",
                ),
                reversed,
            ),
            Candidate {
                mistake: Mistake::new(
                    "tangent_not_secant",
                    "every slope is f'(x0), the tangent's: a secant's slope depends on h — it \
                     is (f(x0 + h) − f(x0)) / h",
                ),
                values: vec![self.slope; self.hs.len()],
                extra: 1e-7,
            },
        ]
    }
}

/// The wrong answer that reproduces the student's slopes in every case, or failing that,
/// the first that reproduces them in the `failing` case. (One case alone can be ambiguous:
/// for a tiny h the central quotient equals the tangent slope to 1e-10.)
fn name_secant_mistake(runs: &[(&SecantCase, Vec<f64>)], failing: usize) -> Option<Mistake> {
    let mut per_case: Vec<Vec<Candidate>> =
        runs.iter().map(|(case, _)| case.candidates()).collect();
    let count = per_case.first()?.len();
    let reproduces = |k: usize, run: usize| runs[run].0.matches(&runs[run].1, &per_case[run][k]);
    let k = (0..count)
        .find(|&k| (0..runs.len()).all(|run| reproduces(k, run)))
        .or_else(|| (0..count).find(|&k| reproduces(k, failing)))?;
    Some(per_case.swap_remove(failing).swap_remove(k).mistake)
}

fn expect_one_per_h(got: &[f64], case: &SecantCase) -> CheckResult {
    if got.len() == case.hs.len() {
        return Ok(());
    }
    Err(
        Feedback::new("secant_slopes must return one slope for each h in hs")
            .call(case.call())
            .expected(format!("{} slopes", case.hs.len()))
            .got(format!("{} slopes", got.len())),
    )
}

/// secant_slopes returns (f(x0 + h) − f(x0)) / h for each h in hs, in order: seeded random
/// functions, points and steps, and the worked parabola (slopes 3.5 and 2.3).
///
/// Tolerance: 1e-9 relative plus round-off (see `secant_tolerance`).
pub fn secant_formula(secant_slopes: impl Secants) -> CheckResult {
    let mut inputs = Inputs::new("day1::secant_formula");
    let parabola = |x: f64| 3.0 * x * x - 4.0 * x;
    let mut cases = Vec::new();
    let functions = BASIC;
    for _ in 0..RANDOM_SECANT_CASES {
        let func = &functions[inputs.index(0, functions.len())];
        let x0 = inputs.uniform(func.lo, func.hi);
        let n = inputs.index(1, 7);
        let hs = (0..n)
            .map(|_| 10f64.powf(inputs.uniform(-6.0, -0.3)))
            .collect();
        cases.push(SecantCase {
            name: func.name.to_string(),
            f: &func.f,
            slope: (func.d1)(x0),
            x0,
            hs,
        });
    }
    cases.push(SecantCase {
        name: "3x² − 4x".to_string(),
        f: &parabola,
        slope: 2.0,
        x0: 1.0,
        hs: vec![0.5, 0.1],
    });
    let mut runs = Vec::new();
    for case in &cases {
        let got = secant_slopes(case.f, case.x0, &case.hs);
        expect_one_per_h(&got, case).map_err(|feedback| feedback.seed(inputs.seed()))?;
        runs.push((case, got));
    }
    for (run, (case, got)) in runs.iter().enumerate() {
        for (i, (&g, w)) in got.iter().zip(case.want()).enumerate() {
            let h = case.hs[i];
            let tol = secant_tolerance(case.f, case.x0, h, w);
            if (g - w).abs() <= tol {
                continue;
            }
            return Err(Feedback::new(format!(
                "secant_slopes: slope {i} (h = {}) is not (f(x0 + h) − f(x0)) / h",
                fmt_f64(h)
            ))
            .call(case.call())
            .expected(fmt_f64(w))
            .got(fmt_f64(g))
            .tolerance(format!(
                "|got − expected| ≤ 1e-9 · max(1, |expected|) + round-off = {}",
                rough(tol)
            ))
            .mistake(name_secant_mistake(&runs, run))
            .seed(inputs.seed()));
        }
    }
    Ok(())
}

/// The secant error shrinks in proportion to h: on exp at 0.5 (and at three seeded points)
/// with h = 1e-1, 1e-2, 1e-3, 1e-4, each error is 8 to 12.5 times the next.
///
/// The error is f''·h/2 + f'''·h²/6 + …, so the ratio is 10·(1 + O(h)): 10.3 for the first
/// pair, closer to 10 after; round-off (ε·|f|/h ≤ 1e-11) is negligible against errors
/// ≥ 5e-5. A second-order secant would give ratios near 100, an h-independent one near 1.
pub fn secants_converge_linearly(secant_slopes: impl Secants) -> CheckResult {
    let mut inputs = Inputs::new("day1::secants_converge_linearly");
    let exp: &dyn Fn(f64) -> f64 = &f64::exp;
    let mut points = vec![0.5];
    points.extend(inputs.uniform_vec(3, -2.0, 2.0));
    let cases: Vec<SecantCase> = points
        .into_iter()
        .map(|x0| SecantCase {
            name: "exp".to_string(),
            f: exp,
            slope: x0.exp(),
            x0,
            hs: vec![1e-1, 1e-2, 1e-3, 1e-4],
        })
        .collect();
    let mut runs = Vec::new();
    for case in &cases {
        let got = secant_slopes(case.f, case.x0, &case.hs);
        expect_one_per_h(&got, case).map_err(|feedback| feedback.seed(inputs.seed()))?;
        runs.push((case, got));
    }
    for (run, (case, got)) in runs.iter().enumerate() {
        let hs = &case.hs;
        let errors: Vec<f64> = got.iter().map(|g| (g - case.slope).abs()).collect();
        for i in 0..hs.len() - 1 {
            let ratio = errors[i] / errors[i + 1];
            if (8.0..=12.5).contains(&ratio) {
                continue;
            }
            let hundredfold = (80.0..=125.0).contains(&ratio).then(|| {
                Mistake::new(
                    "central_not_secant",
                    "your error shrinks a hundredfold per decade, like the central quotient's: \
                     the secant goes through x0 and x0 + h, (f(x0 + h) − f(x0)) / h",
                )
            });
            return Err(Feedback::new(
                "secant_slopes: the secant's error |slope − f'(x0)| should shrink about ten \
                 times for each ten times smaller h (it is ≈ f''(x0)·h/2)",
            )
            .call(case.call())
            .expected(format!(
                "error(h = {}) / error(h = {}) in [8, 12.5]",
                hs[i],
                hs[i + 1]
            ))
            .got(format!(
                "{} (errors {} and {})",
                rough(ratio),
                rough(errors[i]),
                rough(errors[i + 1])
            ))
            .mistake(name_secant_mistake(&runs, run))
            .mistake(hundredfold)
            .seed(inputs.seed()));
        }
    }
    Ok(())
}
