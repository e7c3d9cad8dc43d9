//! The test's own model of 3.9: random problems, the loss and its gradients written as
//! loops (with the plausible wrong variants), and the training loops.

use gradlings_support::{Inputs, Mistake};
use ndarray::Array2;

/// One problem: ratings, mask, and a point (U, V) to evaluate at.
pub struct Problem {
    pub r: Array2<f64>,
    pub mask: Array2<bool>,
    pub u: Array2<f64>,
    pub v: Array2<f64>,
}

fn normal_matrix(inputs: &mut Inputs, rows: usize, cols: usize, scale: f64) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |_| scale * inputs.normal())
}

/// Ratings of rank `k` (product of N(0, 1) factors) on an m×n grid, a fraction `observed`
/// of them visible (the others stored as 0), and a random point (U, V) of rank `fit_rank`
/// with entries of size `scale`.
pub(super) fn problem(
    inputs: &mut Inputs,
    (m, n, k): (usize, usize, usize),
    observed: f64,
    fit_rank: usize,
    scale: f64,
) -> Problem {
    let (ut, vt) = (
        normal_matrix(inputs, m, k, 1.0),
        normal_matrix(inputs, n, k, 1.0),
    );
    let mask = Array2::from_shape_fn((m, n), |_| inputs.uniform(0.0, 1.0) < observed);
    // Unknown ratings are stored as 0, as in a real ratings table.
    let mut r = ut.dot(&vt.t());
    r.zip_mut_with(&mask, |rating, &seen| {
        if !seen {
            *rating = 0.0;
        }
    });
    let u = normal_matrix(inputs, m, fit_rank, scale);
    let v = normal_matrix(inputs, n, fit_rank, scale);
    Problem { r, mask, u, v }
}

/// Variants of the loss and gradient: the right one and plausible wrong ones.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Variant {
    Right,
    NoHalfOnData,
    NoHalfOnPenalty,
    Unmasked,
    NoPenalty,
    Mean,
    SignFlipped,
    PenaltyMissingInGradient,
    PenaltyHalvedInGradient,
}

/// The loss and gradients, by plain loops over the entries.
pub(super) fn loss_grad(
    p: &Problem,
    lambda: f64,
    variant: Variant,
) -> (f64, Array2<f64>, Array2<f64>) {
    let (m, n) = p.r.dim();
    let k = p.u.ncols();
    let mut data = 0.0;
    let mut count = 0usize;
    let mut du = Array2::zeros((m, k));
    let mut dv = Array2::zeros((n, k));
    for i in 0..m {
        for j in 0..n {
            if !p.mask[[i, j]] && variant != Variant::Unmasked {
                continue;
            }
            let prediction: f64 = (0..k).map(|c| p.u[[i, c]] * p.v[[j, c]]).sum();
            let e = prediction - p.r[[i, j]];
            data += e * e;
            count += 1;
            for c in 0..k {
                du[[i, c]] += e * p.v[[j, c]];
                dv[[j, c]] += e * p.u[[i, c]];
            }
        }
    }
    let squares = p.u.iter().chain(p.v.iter()).map(|x| x * x).sum::<f64>();
    let data_factor = match variant {
        Variant::NoHalfOnData => 1.0,
        Variant::Mean => 0.5 / count.max(1) as f64,
        _ => 0.5,
    };
    let penalty_factor = match variant {
        Variant::NoHalfOnPenalty => lambda,
        Variant::NoPenalty => 0.0,
        _ => 0.5 * lambda,
    };
    let loss = data_factor * data + penalty_factor * squares;
    // The gradient of the data term is 2·data_factor·E·V; of the penalty 2·penalty_factor·U.
    let gradient_lambda = match variant {
        Variant::PenaltyMissingInGradient => 0.0,
        Variant::PenaltyHalvedInGradient => penalty_factor,
        _ => 2.0 * penalty_factor,
    };
    let sign = if variant == Variant::SignFlipped {
        -1.0
    } else {
        1.0
    };
    let du = sign * (2.0 * data_factor * du + gradient_lambda * &p.u);
    let dv = sign * (2.0 * data_factor * dv + gradient_lambda * &p.v);
    (loss, du, dv)
}

pub(super) const MISTAKES: [(Variant, &str, &str); 8] = [
    (
        Variant::NoHalfOnData,
        "missing_half",
        "the data term has a ½ in front: loss = ½·Σ_observed (uᵢ·vⱼ − rᵢⱼ)² + …, and then its \
         gradient is E·V without a factor 2",
    ),
    (
        Variant::NoHalfOnPenalty,
        "penalty_missing_half",
        "the penalty is (λ/2)·(‖U‖² + ‖V‖²), whose gradient is λU (not 2λU)",
    ),
    (
        Variant::Unmasked,
        "mask_ignored",
        "you sum over every entry; only the observed ratings (mask true) count",
    ),
    (
        Variant::NoPenalty,
        "penalty_missing",
        "the weight-decay term (λ/2)·(‖U‖² + ‖V‖²) is missing (its gradient adds λU and λV)",
    ),
    (
        Variant::Mean,
        "mean_not_sum",
        "the loss is a sum over the observed ratings, not a mean",
    ),
    (
        Variant::SignFlipped,
        "gradient_sign_flipped",
        "your gradients point downhill: with e = u·v − r, dU = E·V + λU (check the sign of e)",
    ),
    (
        Variant::PenaltyMissingInGradient,
        "penalty_missing_in_gradient",
        "the loss includes the penalty but the gradients do not: add λU to dU and λV to dV",
    ),
    (
        Variant::PenaltyHalvedInGradient,
        "penalty_gradient_halved",
        "the gradient of (λ/2)·‖U‖² is λU, not (λ/2)·U: the 2 of the square cancels the ½",
    ),
];

/// The largest entrywise difference; infinite when any entry is NaN (f64::max would skip it).
pub(super) fn max_diff(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    a.iter().zip(b.iter()).fold(0.0f64, |m, (x, y)| {
        let d = (x - y).abs();
        if d.is_nan() { f64::INFINITY } else { m.max(d) }
    })
}

/// The mistake whose loss (or, with `gradients`, whose gradients) equals the student's.
pub(super) fn name_mistake(
    p: &Problem,
    lambda: f64,
    got: &(f64, Array2<f64>, Array2<f64>),
    gradients: bool,
) -> Option<Mistake> {
    MISTAKES.iter().find_map(|&(variant, id, text)| {
        // Without the penalty, the gradients are those of `PenaltyMissingInGradient`: name that.
        if gradients && variant == Variant::NoPenalty {
            return None;
        }
        let wrong = loss_grad(p, lambda, variant);
        let matches = if gradients {
            got.1.dim() == wrong.1.dim()
                && got.2.dim() == wrong.2.dim()
                && max_diff(&got.1, &wrong.1) <= 1e-9 * (1.0 + max_abs(&wrong.1))
                && max_diff(&got.2, &wrong.2) <= 1e-9 * (1.0 + max_abs(&wrong.2))
                && (max_diff(&wrong.1, &loss_grad(p, lambda, Variant::Right).1) > 0.0
                    || max_diff(&wrong.2, &loss_grad(p, lambda, Variant::Right).2) > 0.0)
        } else {
            gradlings_support::close(got.0, wrong.0, 1e-9)
                && wrong.0 != loss_grad(p, lambda, Variant::Right).0
        };
        matches.then(|| Mistake::new(id, text))
    })
}

pub(super) fn max_abs(a: &Array2<f64>) -> f64 {
    a.iter().fold(0.0f64, |m, x| m.max(x.abs()))
}

/// Entry `index` of U then V, in row-major order.
pub(super) fn entry_mut(q: &mut Problem, index: usize) -> &mut f64 {
    let k = q.u.ncols();
    if index < q.u.len() {
        &mut q.u[[index / k, index % k]]
    } else {
        let j = index - q.u.len();
        &mut q.v[[j / k, j % k]]
    }
}

/// The test's central-difference gradient of its own loss with respect to U then V.
pub(super) fn numerical_gradient(p: &Problem, lambda: f64, h: f64) -> Vec<f64> {
    let mut probe = Problem {
        r: p.r.clone(),
        mask: p.mask.clone(),
        u: p.u.clone(),
        v: p.v.clone(),
    };
    let mut numeric = Vec::with_capacity(p.u.len() + p.v.len());
    for index in 0..p.u.len() + p.v.len() {
        let original = *entry_mut(&mut probe, index);
        *entry_mut(&mut probe, index) = original + h;
        let up = loss_grad(&probe, lambda, Variant::Right).0;
        *entry_mut(&mut probe, index) = original - h;
        let down = loss_grad(&probe, lambda, Variant::Right).0;
        *entry_mut(&mut probe, index) = original;
        numeric.push((up - down) / (2.0 * h));
    }
    numeric
}

/// The gradients (dU, dV) in matrix form, E·V + λU and Eᵀ·U + λV, with E masked by
/// `weights` (1 observed, 0 not). The loops of `loss_grad` are the reference for the gradient
/// checks; training runs thousands of steps, so it uses this faster form (the catalogue
/// checks that training on the loop-form gradients agrees with it).
pub(super) fn matrix_gradients(
    r: &Array2<f64>,
    weights: &Array2<f64>,
    u: &Array2<f64>,
    v: &Array2<f64>,
    lambda: f64,
) -> (Array2<f64>, Array2<f64>) {
    let error = (u.dot(&v.t()) - r) * weights;
    (error.dot(v) + lambda * u, error.t().dot(u) + lambda * v)
}

/// The test's own training: full-batch gradient descent updating U and V together (and the
/// plausible wrong loops, by `rule`).
pub(super) fn reference_train(
    start: &Problem,
    lambda: f64,
    lr: f64,
    steps: usize,
    rule: Rule,
) -> (Array2<f64>, Array2<f64>) {
    let weights = if rule == Rule::MaskIgnored {
        Array2::ones(start.r.raw_dim())
    } else {
        start.mask.mapv(|seen| if seen { 1.0 } else { 0.0 })
    };
    let sign = if rule == Rule::Uphill { -1.0 } else { 1.0 };
    let (mut u, mut v) = (start.u.clone(), start.v.clone());
    for _ in 0..steps {
        let (du, dv) = matrix_gradients(&start.r, &weights, &u, &v, lambda);
        u.scaled_add(-sign * lr, &du);
        let dv = if rule == Rule::Alternating {
            matrix_gradients(&start.r, &weights, &u, &v, lambda).1
        } else {
            dv
        };
        if rule != Rule::OnlyU {
            v.scaled_add(-sign * lr, &dv);
        }
    }
    (u, v)
}

/// Variants of the training loop: the right one and plausible wrong ones.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Rule {
    Right,
    Alternating,
    OnlyU,
    Uphill,
    MaskIgnored,
}

pub(super) const TRAIN_MISTAKES: [(Rule, &str, &str); 4] = [
    (
        Rule::Alternating,
        "v_uses_updated_u",
        "dV is computed with the already-updated U; compute both gradients at the current \
         (U, V), then update both",
    ),
    (
        Rule::OnlyU,
        "v_not_updated",
        "V never changes: update both factors, V ← V − lr·dV as well",
    ),
    (
        Rule::Uphill,
        "uphill_step",
        "your steps go uphill: U ← U − lr·dU and V ← V − lr·dV",
    ),
    (
        Rule::MaskIgnored,
        "mask_ignored",
        "training fits the unobserved entries too (as if they were ratings of 0): use only the \
         observed ratings",
    ),
];

pub(super) fn name_train_mistake(
    got: &(Array2<f64>, Array2<f64>),
    start: &Problem,
    lambda: f64,
    lr: f64,
    steps: usize,
) -> Option<Mistake> {
    TRAIN_MISTAKES.iter().find_map(|&(rule, id, text)| {
        let (u, v) = reference_train(start, lambda, lr, steps, rule);
        let finite = u.iter().chain(v.iter()).all(|x| x.is_finite());
        let same = got.0.dim() == u.dim()
            && got.1.dim() == v.dim()
            && if finite {
                max_diff(&got.0, &u) <= 1e-8 * (1.0 + max_abs(&u))
                    && max_diff(&got.1, &v) <= 1e-8 * (1.0 + max_abs(&v))
            } else {
                !got.0.iter().chain(got.1.iter()).all(|x| x.is_finite())
            };
        same.then(|| Mistake::new(id, text))
    })
}

/// Observed RMSE of U·Vᵀ (the test's own).
pub(super) fn observed_rmse(
    r: &Array2<f64>,
    mask: &Array2<bool>,
    u: &Array2<f64>,
    v: &Array2<f64>,
) -> f64 {
    let p = Problem {
        r: r.clone(),
        mask: mask.clone(),
        u: u.clone(),
        v: v.clone(),
    };
    let count = mask.iter().filter(|&&b| b).count().max(1);
    (2.0 * loss_grad(&p, 0.0, Variant::Right).0 / count as f64).sqrt()
}
