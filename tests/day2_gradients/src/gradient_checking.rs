//! Checks for 2.5 — the relative error and the gradient check.
//!
//! `rel_error` is a formula: compared with the test's own evaluation to 1e-12 relative (any
//! correct form differs by a few ulps). `grad_check` is judged by outcomes on a small tanh
//! network whose loss and gradients the test writes out:
//! - with the right gradient, a central-difference check at h = 1e-5 leaves only
//!   f'''·h²/6 + ε·|f|/h ≲ 1e-10 of absolute noise; networks with a partial below 1e-2 are
//!   drawn again (there the relative error would measure that noise, CS231n's caveat), so a
//!   correct score is ≲ 1e-8 and must be below the course's threshold 1e-7;
//! - with a buggy gradient the score is a large, well-defined number: the test's own
//!   rel_error(buggy, central) ≥ 1e-2, and the student's must match it to 1e-6 relative (the
//!   numerical gradients may round differently, ~1e-10 on components ≥ 1e-2).

use crate::compare::{expect_relative, fmt_vec, norm};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, gradcheck};
use ndarray::{Array1, Array2, array};

use crate::partials::Objective;

/// A gradient function as the implementations receive it.
pub type GradFn<'a> = &'a dyn Fn(&Array1<f64>) -> Array1<f64>;

/// An owned gradient function (the buggy gradients the check builds).
type GradBox<'a> = dyn Fn(&Array1<f64>) -> Array1<f64> + 'a;

/// What the student implements as `rel_error`.
pub trait RelError: Fn(&Array1<f64>, &Array1<f64>) -> f64 {}
impl<T: Fn(&Array1<f64>, &Array1<f64>) -> f64> RelError for T {}

/// What the student implements as `grad_check`: `(f, grad, x, h) -> relative error`.
pub trait GradCheck: Fn(Objective, GradFn, &Array1<f64>, f64) -> f64 {}
impl<T: Fn(Objective, GradFn, &Array1<f64>, f64) -> f64> GradCheck for T {}

const FORMULA_TOL: f64 = 1e-12;
const STEP: f64 = 1e-5;
/// A second step, wide enough that the numerical gradient visibly depends on it.
const WIDE_STEP: f64 = 1e-2;
const HAPPY: f64 = 1e-7;

/// The course's definition, written independently of the student's.
pub fn reference_rel_error(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| gradlings_support::rel_error(x, y))
        .fold(0.0, f64::max)
}

fn rel_error_mistakes(a: &Array1<f64>, b: &Array1<f64>) -> Vec<(Mistake, f64)> {
    let per = |e: &dyn Fn(f64, f64) -> f64| {
        a.iter()
            .zip(b)
            .map(|(&x, &y)| e(x, y))
            .collect::<Vec<f64>>()
    };
    let max = |v: Vec<f64>| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
    let floor = |x: f64, y: f64| (x.abs() + y.abs()).max(1e-8);
    let right = per(&|x, y| (x - y).abs() / floor(x, y));
    vec![
        (
            Mistake::new(
                "missing_floor",
                "you divide by |a_i| + |b_i| without the floor: use max(1e-8, |a_i| + |b_i|), \
                 which keeps 0/0 from becoming NaN and tiny components from dominating",
            ),
            max(per(&|x, y| (x - y).abs() / (x.abs() + y.abs()))),
        ),
        (
            Mistake::new(
                "floor_added",
                "you add 1e-8 to the denominator; the definition takes the larger of the two, \
                 max(1e-8, |a_i| + |b_i|)",
            ),
            max(per(&|x, y| (x - y).abs() / (1e-8 + x.abs() + y.abs()))),
        ),
        (
            Mistake::new(
                "mean_not_max",
                "you average the componentwise errors; the check reports the worst one (max)",
            ),
            right.iter().sum::<f64>() / right.len() as f64,
        ),
        (
            Mistake::new(
                "sum_not_max",
                "you add up the componentwise errors; the check reports the worst one (max)",
            ),
            right.iter().sum::<f64>(),
        ),
        (
            Mistake::new(
                "max_in_denominator",
                "you divide by max(|a_i|, |b_i|); the definition divides by their sum, \
                 max(1e-8, |a_i| + |b_i|)",
            ),
            max(per(&|x, y| (x - y).abs() / x.abs().max(y.abs()).max(1e-8))),
        ),
        (
            Mistake::new(
                "norm_ratio",
                "you compare whole vectors (‖a − b‖ / (‖a‖ + ‖b‖)); this course's definition is \
                 componentwise, the worst component",
            ),
            norm(&(a - b)) / (norm(a) + norm(b)).max(1e-8),
        ),
        (
            Mistake::new(
                "missing_abs",
                "you forgot the absolute value of a_i − b_i: a component where b_i > a_i then \
                 counts as negative and never becomes the maximum",
            ),
            max(per(&|x, y| (x - y) / floor(x, y))).max(0.0),
        ),
    ]
}

fn expect_rel_error(
    rel_error: &impl RelError,
    a: &Array1<f64>,
    b: &Array1<f64>,
    seed: Option<u64>,
) -> CheckResult {
    let got = rel_error(a, b);
    let want = reference_rel_error(a, b);
    let context = || {
        let fb = Feedback::new("rel_error is not max_i |a_i − b_i| / max(1e-8, |a_i| + |b_i|)")
            .call(format!("rel_error(a = {}, b = {})", fmt_vec(a), fmt_vec(b)))
            .mistake(name_score(got, rel_error_mistakes(a, b), 1e-9));
        match seed {
            Some(s) => fb.seed(s),
            None => fb,
        }
    };
    if got.is_nan() {
        return Err(context().expected(fmt_f64(want)).got("NaN"));
    }
    expect_relative(got, want, FORMULA_TOL, context)
}

/// rel_error on the worked cases — [1] vs [1 + 1e-7] ≈ 5e-8 and [1, 1] vs [1, 2] = 1/3 —, on
/// [1e-10, 3] vs [3e-10, 3] = 0.02 (where the floor 1e-8 decides), and on 40 random pairs of
/// vectors (1 to 8 components, mixed scales, some equal, some tiny).
pub fn rel_error_formula(rel_error: impl RelError) -> CheckResult {
    expect_rel_error(&rel_error, &array![1.0], &array![1.0 + 1e-7], None)?;
    expect_rel_error(&rel_error, &array![1.0, 1.0], &array![1.0, 2.0], None)?;
    // Both components tiny: the floor decides (2e-10 / 1e-8 = 0.02, not 2e-10 / 4e-10 = 0.5).
    expect_rel_error(&rel_error, &array![1e-10, 3.0], &array![3e-10, 3.0], None)?;
    let mut inputs = Inputs::new("day2::rel_error_formula");
    for k in 0..40 {
        let n = 1 + k % 8;
        let a = Array1::from_iter((0..n).map(|_| {
            let scale = [1.0, 1e-3, 1e3, 1e-9][inputs.index(0, 4)];
            scale * inputs.uniform(-2.0, 2.0)
        }));
        let b = Array1::from_iter(a.iter().map(|&x| match inputs.index(0, 3) {
            0 => x,                                             // agrees exactly
            1 => x * (1.0 + inputs.uniform(-1e-3, 1e-3)),       // agrees roughly
            _ => inputs.uniform(-2.0, 2.0) * x.abs().max(1e-9), // disagrees
        }));
        expect_rel_error(&rel_error, &a, &b, Some(inputs.seed()))?;
    }
    Ok(())
}

/// Components that are both zero agree perfectly: [0] vs [0] is 0 (not NaN), and so are
/// [0, 0, 0] vs [0, 0, 0] and [0, 1.5] vs [0, 1.5]; two empty vectors have error 0 too.
pub fn rel_error_of_zeros_is_zero(rel_error: impl RelError) -> CheckResult {
    for (a, b) in [
        (array![0.0], array![0.0]),
        (Array1::zeros(0), Array1::zeros(0)),
        (array![0.0, 0.0, 0.0], array![0.0, 0.0, 0.0]),
        (array![0.0, 1.5], array![0.0, 1.5]),
    ] {
        let got = rel_error(&a, &b);
        if got != 0.0 {
            let mistake = if got.is_nan() {
                Some(Mistake::new(
                    "missing_floor",
                    "0 / (|0| + |0|) is 0/0 = NaN: divide by max(1e-8, |a_i| + |b_i|) instead",
                ))
            } else if got == f64::NEG_INFINITY {
                Some(Mistake::new(
                    "max_starts_at_minus_infinity",
                    "your maximum starts at −∞, which empty vectors return: errors are never \
                     negative, so start it at 0",
                ))
            } else {
                None
            };
            return Err(Feedback::new("equal vectors have relative error 0")
                .call(format!(
                    "rel_error(a = {}, b = {})",
                    fmt_vec(&a),
                    fmt_vec(&b)
                ))
                .expected("0")
                .got(fmt_f64(got))
                .mistake(mistake));
        }
    }
    Ok(())
}

/// A one-hidden-layer tanh network on a small data set. Its loss, as a function of the
/// flattened parameters θ = [W1 (H×D, row-major), b1 (H), w2 (H), b2], is
/// L(θ) = 1/(2N) · Σ_n (w2·tanh(W1·x_n + b1) + b2 − y_n)².
pub struct TanhNet {
    pub x: Array2<f64>,
    pub y: Array1<f64>,
    pub hidden: usize,
}

impl TanhNet {
    pub fn random(inputs: &mut Inputs) -> Self {
        let (n, d, hidden) = (5, 3, 4);
        let x = Array2::from_shape_fn((n, d), |_| inputs.normal());
        let y = Array1::from_iter((0..n).map(|_| inputs.normal()));
        TanhNet { x, y, hidden }
    }

    pub fn n_params(&self) -> usize {
        self.hidden * self.x.ncols() + 2 * self.hidden + 1
    }

    fn unpack(&self, theta: &Array1<f64>) -> (Array2<f64>, Array1<f64>, Array1<f64>, f64) {
        let (h, d) = (self.hidden, self.x.ncols());
        let w1 = Array2::from_shape_fn((h, d), |(i, j)| theta[i * d + j]);
        let b1 = Array1::from_iter((0..h).map(|i| theta[h * d + i]));
        let w2 = Array1::from_iter((0..h).map(|i| theta[h * d + h + i]));
        (w1, b1, w2, theta[h * d + 2 * h])
    }

    /// Hidden activations (N×H) and residuals ŷ − y.
    fn forward(&self, theta: &Array1<f64>) -> (Array2<f64>, Array1<f64>) {
        let (w1, b1, w2, b2) = self.unpack(theta);
        let a = (self.x.dot(&w1.t()) + &b1).mapv(f64::tanh);
        let residual = a.dot(&w2) + b2 - &self.y;
        (a, residual)
    }

    pub fn loss(&self, theta: &Array1<f64>) -> f64 {
        let (_, r) = self.forward(theta);
        r.dot(&r) / (2.0 * r.len() as f64)
    }

    /// Backpropagation; `tanh_derivative: false` gives the classic bug of forgetting
    /// tanh'(z) = 1 − a².
    pub fn gradient(&self, theta: &Array1<f64>, tanh_derivative: bool) -> Array1<f64> {
        let (h, d) = (self.hidden, self.x.ncols());
        let (_, _, w2, _) = self.unpack(theta);
        let (a, r) = self.forward(theta);
        let r = r / self.y.len() as f64;
        let mut grad = Array1::zeros(self.n_params());
        for n in 0..self.y.len() {
            for k in 0..h {
                let slope = if tanh_derivative {
                    1.0 - a[[n, k]] * a[[n, k]]
                } else {
                    1.0
                };
                let dz = r[n] * w2[k] * slope;
                for j in 0..d {
                    grad[k * d + j] += dz * self.x[[n, j]];
                }
                grad[h * d + k] += dz;
                grad[h * d + h + k] += r[n] * a[[n, k]];
            }
            grad[h * d + 2 * h] += r[n];
        }
        grad
    }
}

/// The test's own central gradient of the network loss.
fn central(net: &TanhNet, theta: &Array1<f64>, h: f64) -> Array1<f64> {
    let f = |p: &[f64]| net.loss(&Array1::from(p.to_vec()));
    Array1::from(gradcheck::numerical_gradient(&f, &theta.to_vec(), h))
}

/// A random network and parameters at which every partial is at least 1e-2 in size.
fn network(inputs: &mut Inputs) -> (TanhNet, Array1<f64>) {
    for _ in 0..1000 {
        let net = TanhNet::random(inputs);
        let theta = Array1::from_iter((0..net.n_params()).map(|_| 0.8 * inputs.normal()));
        if net.gradient(&theta, true).iter().all(|g| g.abs() >= 1e-2) {
            return (net, theta);
        }
    }
    unreachable!("most random networks qualify")
}

fn grad_check_call(what: &str, theta: &Array1<f64>, h: f64) -> String {
    format!(
        "grad_check(f = tanh-network loss, grad = {what}, x = {}, h = {h:e})",
        fmt_vec(theta)
    )
}

/// `got` equals `want` to `rel_tol` relative (scores are small numbers: `close` would be
/// absolute for them).
/// The mean (not the max) of the componentwise relative errors.
fn mean_rel_error(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    let total: f64 = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| gradlings_support::rel_error(x, y))
        .sum();
    total / a.len().max(1) as f64
}

fn rel_close(got: f64, want: f64, rel_tol: f64) -> bool {
    got == want || (got - want).abs() <= rel_tol * want.abs()
}

/// The first candidate score equal to `got` to `rel_tol` relative.
fn name_score(got: f64, candidates: Vec<(Mistake, f64)>, rel_tol: f64) -> Option<Mistake> {
    candidates
        .into_iter()
        .find(|(_, value)| value.is_finite() && rel_close(got, *value, rel_tol))
        .map(|(mistake, _)| mistake)
}

/// The test's forward-difference gradient (for naming that mistake).
fn forward(net: &TanhNet, theta: &Array1<f64>, h: f64) -> Array1<f64> {
    let fx = net.loss(theta);
    Array1::from_iter((0..theta.len()).map(|i| {
        let mut p = theta.clone();
        p[i] += h;
        (net.loss(&p) - fx) / h
    }))
}

fn forward_mistake() -> Mistake {
    Mistake::new(
        "forward_difference",
        "your numerical gradient uses forward differences, whose error (~h·f''/2) swamps a \
         gradient check: use the central difference (f(x + h·e_i) − f(x − h·e_i)) / (2h)",
    )
}

/// With the right backpropagated gradient of a tanh network, grad_check scores below 1e-7
/// (5 random networks, 21 parameters each).
pub fn grad_check_passes_a_correct_gradient(grad_check: impl GradCheck) -> CheckResult {
    let mut inputs = Inputs::new("day2::grad_check_passes_a_correct_gradient");
    for _ in 0..5 {
        let (net, theta) = network(&mut inputs);
        let f = |p: &Array1<f64>| net.loss(p);
        let grad = |p: &Array1<f64>| net.gradient(p, true);
        let score = grad_check(&f, &grad, &theta, STEP);
        if !(0.0..HAPPY).contains(&score) {
            let analytic = grad(&theta);
            let candidates = vec![(
                forward_mistake(),
                reference_rel_error(&analytic, &forward(&net, &theta, STEP)),
            )];
            return Err(Feedback::new("grad_check should score a correct gradient below 1e-7")
                .call(grad_check_call("its correct backpropagated gradient", &theta, STEP))
                .expected(format!(
                    "< 1e-7 (the test's own check scores {})",
                    fmt_f64(reference_rel_error(&analytic, &central(&net, &theta, STEP)))
                ))
                .got(fmt_f64(score))
                .mistake(name_score(score, candidates, 1e-6))
                .note(
                    "grad_check builds on numerical_gradient (2.1) and rel_error: make sure those \
                     pass first",
                )
                .seed(inputs.seed()));
        }
    }
    Ok(())
}

/// With a buggy gradient (tanh' forgotten, or one partial doubled), grad_check reports
/// rel_error(grad(x), central gradient with the given step h): the test's own value to 1e-6
/// relative, which is above 1e-2 for these bugs (5 random networks; h = 1e-2 for two of them
/// and 1e-5 for the others, so a check that ignores its h shows).
pub fn grad_check_flags_a_buggy_gradient(grad_check: impl GradCheck) -> CheckResult {
    let mut inputs = Inputs::new("day2::grad_check_flags_a_buggy_gradient");
    for k in 0..5 {
        let (net, theta) = network(&mut inputs);
        let f = |p: &Array1<f64>| net.loss(p);
        let doubled = theta.len() - 1 - k;
        let (what, buggy): (&str, Box<GradBox>) = if k % 2 == 0 {
            (
                "a gradient that forgets tanh' = 1 − a²",
                Box::new(|p| net.gradient(p, false)),
            )
        } else {
            (
                "a gradient with one partial doubled",
                Box::new(|p| {
                    let mut g = net.gradient(p, true);
                    g[doubled] *= 2.0;
                    g
                }),
            )
        };
        // The wide step on networks whose bug (tanh' forgotten) sits in the hidden layer, where
        // the loss is far from quadratic and the numerical gradient depends on h.
        let h = if k == 2 || k == 4 { WIDE_STEP } else { STEP };
        let analytic = buggy(&theta);
        let numeric = central(&net, &theta, h);
        let want = reference_rel_error(&analytic, &numeric);
        let got = grad_check(&f, &*buggy, &theta, h);
        if rel_close(got, want, 1e-6) {
            continue;
        }
        let max_abs = analytic
            .iter()
            .zip(&numeric)
            .map(|(a, n)| (a - n).abs())
            .fold(0.0, f64::max);
        let candidates = vec![
            (
                Mistake::new(
                    "compared_with_itself",
                    "your check scores 0 for a wrong gradient: compare grad(x) with the \
                     *numerical* gradient of f, not with itself",
                ),
                0.0,
            ),
            (
                Mistake::new(
                    "absolute_error",
                    "this is the largest absolute difference max |a_i − n_i|; divide each by \
                     max(1e-8, |a_i| + |n_i|) — use rel_error",
                ),
                max_abs,
            ),
            (
                forward_mistake(),
                reference_rel_error(&analytic, &forward(&net, &theta, h)),
            ),
            (
                Mistake::new(
                    "mean_not_max",
                    "you average the componentwise errors; grad_check reports the worst one \
                     (max), as rel_error does",
                ),
                mean_rel_error(&analytic, &numeric),
            ),
        ];
        let ignores_h = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7]
            .into_iter()
            .filter(|&fixed| fixed != h)
            .map(|fixed| {
                let mistake = Mistake::new(
                    "ignores_h",
                    format!(
                        "your check uses a step of its own ({fixed:e}), not the h it is given \
                         ({h:e}): pass h on to the numerical gradient"
                    ),
                );
                let score = reference_rel_error(&analytic, &central(&net, &theta, fixed));
                (mistake, score)
            });
        let candidates: Vec<_> = candidates.into_iter().chain(ignores_h).collect();
        return Err(Feedback::new(
            "grad_check should report the relative error between grad(x) and the central \
             numerical gradient with step h",
        )
        .call(grad_check_call(what, &theta, h))
        .expected(fmt_f64(want))
        .got(fmt_f64(got))
        .tolerance("|got − expected| ≤ 1e-6 · expected")
        .mistake(name_score(got, candidates, 1e-9))
        .seed(inputs.seed()));
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
