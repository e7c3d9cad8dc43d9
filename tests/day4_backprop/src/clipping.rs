//! Checks for 4.6 — gradient clipping by the global norm.
//!
//! Everything here is a formula evaluated a handful of times per number, so results must
//! match the test's own to 1e-12 (`|got − want| ≤ 1e-12 · max(1, |want|)`). The exercise
//! fixes the convention: scale by exactly `max_norm / norm`, only when `norm > max_norm`.

use crate::numeric::expect_components;
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_f64, fmt_slice, name_mistake,
};

/// What the student implements: `grads -> global norm`.
pub trait GlobalNorm: Fn(&[Vec<f64>]) -> f64 {}
impl<T: Fn(&[Vec<f64>]) -> f64> GlobalNorm for T {}

/// What the student implements: `(grads, max_norm) -> norm before clipping`, clipping in place.
pub trait ClipGradNorm: Fn(&mut [Vec<f64>], f64) -> f64 {}
impl<T: Fn(&mut [Vec<f64>], f64) -> f64> ClipGradNorm for T {}

const TOL: f64 = 1e-12;

fn norm(grads: &[Vec<f64>]) -> f64 {
    grads.iter().flatten().map(|g| g * g).sum::<f64>().sqrt()
}

fn tensor_norm(g: &[f64]) -> f64 {
    g.iter().map(|v| v * v).sum::<f64>().sqrt()
}

fn describe(grads: &[Vec<f64>]) -> String {
    let tensors: Vec<String> = grads.iter().map(|g| fmt_slice(g)).collect();
    format!("[{}]", tensors.join(", "))
}

fn norm_mistakes(grads: &[Vec<f64>]) -> Vec<(Mistake, f64)> {
    vec![
        (
            Mistake::new(
                "squared_norm",
                "this is Σ g², the square of the norm: take the square root",
            ),
            norm(grads).powi(2),
        ),
        (
            Mistake::new(
                "sum_of_tensor_norms",
                "the global norm is √(Σ over all tensors of Σ g²), not the sum of each tensor's norm",
            ),
            grads.iter().map(|g| tensor_norm(g)).sum(),
        ),
        (
            Mistake::new(
                "largest_tensor_norm",
                "the global norm covers all tensors together, not only the largest",
            ),
            grads.iter().map(|g| tensor_norm(g)).fold(0.0, f64::max),
        ),
        (
            Mistake::new("l1_norm", "this is Σ |g|; the norm is √(Σ g²)"),
            grads.iter().flatten().map(|g| g.abs()).sum(),
        ),
    ]
}

/// The tensors the right clipping produces.
fn clipped(grads: &[Vec<f64>], max_norm: f64) -> Vec<Vec<f64>> {
    let n = norm(grads);
    let scale = if n > max_norm { max_norm / n } else { 1.0 };
    grads
        .iter()
        .map(|g| g.iter().map(|v| v * scale).collect())
        .collect()
}

/// The tensors each plausible wrong clipping produces.
fn clip_mistakes(grads: &[Vec<f64>], max_norm: f64) -> Vec<(Mistake, Vec<Vec<f64>>)> {
    let n = norm(grads);
    let scale_all = |s: f64| {
        grads
            .iter()
            .map(|g| g.iter().map(|v| v * s).collect())
            .collect()
    };
    vec![
        (
            Mistake::new(
                "per_tensor_clipping",
                "each tensor was clipped by its own norm; clip by the global norm of all tensors \
                 together, with one factor for all, so the direction of the whole step is kept",
            ),
            grads
                .iter()
                .map(|g| {
                    let t = tensor_norm(g);
                    let s = if t > max_norm { max_norm / t } else { 1.0 };
                    g.iter().map(|v| v * s).collect()
                })
                .collect(),
        ),
        (
            Mistake::new(
                "clamped_components",
                "each component was clamped to [−max_norm, max_norm]; that bends the direction — \
                 scale all components by max_norm / norm instead",
            ),
            grads
                .iter()
                .map(|g| g.iter().map(|v| v.clamp(-max_norm, max_norm)).collect())
                .collect(),
        ),
        (
            Mistake::new(
                "scaled_up_small_gradients",
                "a gradient shorter than max_norm must be left alone; only scale when norm > max_norm",
            ),
            scale_all(max_norm / n),
        ),
        (
            Mistake::new(
                "inverted_ratio",
                "the factor is max_norm / norm (less than 1), not norm / max_norm",
            ),
            scale_all(n / max_norm),
        ),
        (
            Mistake::new(
                "not_clipped",
                "the gradients were not changed: scale them in place",
            ),
            grads.to_vec(),
        ),
        (
            Mistake::new(
                "epsilon_in_denominator",
                "you scale by max_norm / (norm + 1e-6), PyTorch's guard against dividing by zero; \
                 this exercise scales by exactly max_norm / norm (a zero gradient never gets \
                 there, since 0 > max_norm is false)",
            ),
            scale_all(max_norm / (n + 1e-6)),
        ),
    ]
}

/// Whether two catalogued clipping mistakes give the same (wrong) tensors here.
fn clip_mistakes_coincide(grads: &[Vec<f64>], max_norm: f64) -> bool {
    let right = flatten(&clipped(grads, max_norm));
    let wrong: Vec<Vec<f64>> = clip_mistakes(grads, max_norm)
        .into_iter()
        .map(|(_, g)| flatten(&g))
        .filter(|g| !crate::numeric::all_close(g, &right, 1e-9))
        .collect();
    wrong.iter().enumerate().any(|(i, a)| {
        wrong[i + 1..]
            .iter()
            .any(|b| crate::numeric::all_close(a, b, 1e-9))
    })
}

fn flatten(grads: &[Vec<f64>]) -> Vec<f64> {
    grads.iter().flatten().copied().collect()
}

/// Clips a copy of `grads` with the student's function and compares the tensors and the
/// returned norm with the test's.
fn expect_clip(
    clip: &impl ClipGradNorm,
    grads: &[Vec<f64>],
    max_norm: f64,
    seed: Option<u64>,
) -> CheckResult {
    let mut got = grads.to_vec();
    let returned = clip(&mut got, max_norm);
    let want = clipped(grads, max_norm);
    let call = format!(
        "clip_grad_norm({}, max_norm = {})",
        describe(grads),
        fmt_f64(max_norm)
    );
    let with_seed = |f: Feedback| match seed {
        Some(s) => f.seed(s),
        None => f,
    };
    let shapes: Vec<usize> = got.iter().map(Vec::len).collect();
    let want_shapes: Vec<usize> = grads.iter().map(Vec::len).collect();
    if shapes != want_shapes {
        return Err(with_seed(
            Feedback::new("clipping must keep every tensor's length").call(call),
        )
        .expected(format!("lengths {want_shapes:?}"))
        .got(format!("lengths {shapes:?}")));
    }
    let got_flat = flatten(&got);
    expect_components(
        &got_flat,
        &flatten(&want),
        TOL,
        |i| format!("component {i} (counting across tensors)"),
        || {
            let named = clip_mistakes(grads, max_norm)
                .into_iter()
                .find(|(_, wrong)| crate::numeric::all_close(&got_flat, &flatten(wrong), 1e-9))
                .map(|(m, _)| m);
            let divided_by_zero = (got_flat.iter().any(|v| v.is_nan()) && norm(grads) == 0.0).then(|| {
            Mistake::new(
                "divided_by_zero_norm",
                "NaN: a zero gradient has norm 0, and max_norm / 0 is infinite (0 · ∞ = NaN) — only \
                 scale when norm > max_norm",
            )
        });
            with_seed(Feedback::new("the clipped gradients are wrong").call(call.clone()))
                .mistake(named.or(divided_by_zero))
        },
    )?;
    let n = norm(grads);
    expect_close(returned, n, TOL, || {
        let mut candidates = vec![
            (
                Mistake::new(
                    "returned_norm_after",
                    "return the norm *before* clipping (it tells you how large the gradient really was)",
                ),
                n.min(max_norm),
            ),
            (
                Mistake::new(
                    "returned_scale",
                    "return the norm before clipping, not the scale factor",
                ),
                max_norm / n,
            ),
        ];
        candidates.extend(norm_mistakes(grads));
        with_seed(
            Feedback::new("clip_grad_norm should return the global norm before clipping")
                .call(call.clone()),
        )
        .mistake(name_mistake(returned, candidates, 1e-9))
    })
}

/// `global_norm` equals √(Σ g²) over all tensors (1e-12) for [3, 4] (5), [3, 0] and [0, 4]
/// (5), no tensors (0), and 30 seeded lists of 1 to 5 tensors of 1 to 6 entries.
pub fn global_norm_value(global_norm: impl GlobalNorm) -> CheckResult {
    let mut cases: Vec<(Vec<Vec<f64>>, Option<u64>)> = vec![
        (vec![vec![3.0, 4.0]], None),
        (vec![vec![3.0, 0.0], vec![0.0, 4.0]], None),
        (vec![], None),
    ];
    let mut inputs = Inputs::new("day4::global_norm_value");
    for _ in 0..30 {
        let count = inputs.index(1, 6);
        let grads = random_tensors(&mut inputs, count);
        cases.push((grads, Some(inputs.seed())));
    }
    for (grads, seed) in cases {
        let got = global_norm(&grads);
        expect_close(got, norm(&grads), TOL, || {
            let f = Feedback::new("global_norm should be √(Σ over all tensors of Σ g²)")
                .call(format!("global_norm({})", describe(&grads)))
                .mistake(name_mistake(got, norm_mistakes(&grads), 1e-9));
            match seed {
                Some(s) => f.seed(s),
                None => f,
            }
        })?;
    }
    Ok(())
}

/// `count` tensors of 1 to 6 entries in [−3, 3].
fn random_tensors(inputs: &mut Inputs, count: usize) -> Vec<Vec<f64>> {
    (0..count)
        .map(|_| {
            let len = inputs.index(1, 7);
            inputs.uniform_vec(len, -3.0, 3.0)
        })
        .collect()
}

/// The exercise's examples: [3, 4] with max 1 → [0.6, 0.8] (returns 5); [0.3, 0.4] with
/// max 1 unchanged (returns 0.5); [3, 0] and [0, 4] with max 1 → [0.6, 0] and [0, 0.8].
pub fn clip_examples(clip: impl ClipGradNorm) -> CheckResult {
    expect_clip(&clip, &[vec![3.0, 4.0]], 1.0, None)?;
    expect_clip(&clip, &[vec![0.3, 0.4]], 1.0, None)?;
    expect_clip(&clip, &[vec![3.0, 0.0], vec![0.0, 4.0]], 1.0, None)
}

/// 40 seeded lists of 2 to 5 tensors whose global norm exceeds max_norm (drawn in
/// [0.1, 0.9]·norm): every tensor is scaled by the same factor max_norm / norm (1e-12), so
/// the clipped gradient points the same way and has norm exactly max_norm.
pub fn clips_by_global_norm(clip: impl ClipGradNorm) -> CheckResult {
    let mut inputs = Inputs::new("day4::clips_by_global_norm");
    for _ in 0..40 {
        // Skip the rare draws on which two different mistakes give the same tensors (e.g. every
        // tensor and every component already below max_norm).
        let (grads, max_norm) = loop {
            let count = inputs.index(2, 6);
            let grads = random_tensors(&mut inputs, count);
            let max_norm = inputs.uniform(0.1, 0.9) * norm(&grads);
            if !clip_mistakes_coincide(&grads, max_norm) {
                break (grads, max_norm);
            }
        };
        expect_clip(&clip, &grads, max_norm, Some(inputs.seed()))?;
    }
    Ok(())
}

/// Gradients whose global norm is at most max_norm are left exactly as they are (and the
/// norm is returned): 20 seeded lists with max_norm in [1.1, 3]·norm, a list whose norm
/// equals max_norm, and all-zero gradients (norm 0, no division by zero).
pub fn leaves_small_gradients_alone(clip: impl ClipGradNorm) -> CheckResult {
    expect_clip(&clip, &[vec![0.0, 0.0], vec![0.0]], 1.0, None)?;
    expect_clip(&clip, &[vec![0.6], vec![0.8]], 1.0, None)?;
    let mut inputs = Inputs::new("day4::leaves_small_gradients_alone");
    for _ in 0..20 {
        let count = inputs.index(1, 5);
        let grads = random_tensors(&mut inputs, count);
        let max_norm = inputs.uniform(1.1, 3.0) * norm(&grads);
        expect_clip(&clip, &grads, max_norm, Some(inputs.seed()))?;
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
