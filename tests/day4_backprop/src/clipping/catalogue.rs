//! Plausible wrong clippings, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

fn right_norm(grads: &[Vec<f64>]) -> f64 {
    grads.iter().flatten().map(|g| g * g).sum::<f64>().sqrt()
}

fn right_clip(grads: &mut [Vec<f64>], max_norm: f64) -> f64 {
    let n = right_norm(grads);
    if n > max_norm {
        for v in grads.iter_mut().flatten() {
            *v *= max_norm / n;
        }
    }
    n
}

// ---- global_norm ----

#[test]
fn norm_accepts_a_sum_of_per_tensor_squares_and_hypot() {
    assert_accepts(global_norm_value(|grads: &[Vec<f64>]| {
        grads
            .iter()
            .map(|g| g.iter().map(|v| v * v).sum::<f64>())
            .sum::<f64>()
            .sqrt()
    }));
    assert_accepts(global_norm_value(|grads: &[Vec<f64>]| {
        grads
            .iter()
            .flatten()
            .fold(0.0, |acc: f64, v| acc.hypot(*v))
    }));
}

#[test]
fn norm_rejects_the_squared_norm() {
    assert_rejects(
        global_norm_value(|grads: &[Vec<f64>]| grads.iter().flatten().map(|g| g * g).sum()),
        "squared_norm",
    );
}

#[test]
fn norm_rejects_a_sum_of_tensor_norms() {
    assert_rejects(
        global_norm_value(|grads: &[Vec<f64>]| {
            grads
                .iter()
                .map(|g| g.iter().map(|v| v * v).sum::<f64>().sqrt())
                .sum()
        }),
        "sum_of_tensor_norms",
    );
}

#[test]
fn norm_rejects_the_l1_norm() {
    assert_rejects(
        global_norm_value(|grads: &[Vec<f64>]| grads.iter().flatten().map(|g| g.abs()).sum()),
        "l1_norm",
    );
}

// ---- clip_grad_norm ----

#[test]
fn clip_accepts_the_right_clipping() {
    assert_accepts(clip_examples(right_clip));
    assert_accepts(clips_by_global_norm(right_clip));
    assert_accepts(leaves_small_gradients_alone(right_clip));
}

#[test]
fn clip_accepts_a_factor_of_min_one() {
    // scale = min(1, max/norm), guarded for norm = 0: multiplies by exactly 1 when short.
    let alternative = |grads: &mut [Vec<f64>], max_norm: f64| {
        let n = right_norm(grads);
        let scale = if n == 0.0 {
            1.0
        } else {
            (max_norm / n).min(1.0)
        };
        for g in grads.iter_mut() {
            for v in g.iter_mut() {
                *v *= scale;
            }
        }
        n
    };
    assert_accepts(clip_examples(alternative));
    assert_accepts(clips_by_global_norm(alternative));
    assert_accepts(leaves_small_gradients_alone(alternative));
}

#[test]
fn clip_rejects_per_tensor_clipping() {
    let wrong = |grads: &mut [Vec<f64>], max_norm: f64| {
        let n = right_norm(grads);
        for g in grads.iter_mut() {
            let t = g.iter().map(|v| v * v).sum::<f64>().sqrt();
            if t > max_norm {
                g.iter_mut().for_each(|v| *v *= max_norm / t);
            }
        }
        n
    };
    assert_rejects(clip_examples(wrong), "per_tensor_clipping");
    assert_rejects(clips_by_global_norm(wrong), "per_tensor_clipping");
}

#[test]
fn clip_rejects_clamping_components() {
    let wrong = |grads: &mut [Vec<f64>], max_norm: f64| {
        let n = right_norm(grads);
        grads
            .iter_mut()
            .flatten()
            .for_each(|v| *v = v.clamp(-max_norm, max_norm));
        n
    };
    assert_rejects(clip_examples(wrong), "clamped_components");
    assert_rejects(clips_by_global_norm(wrong), "clamped_components");
}

#[test]
fn clip_rejects_returning_the_norm_after_clipping() {
    let wrong = |grads: &mut [Vec<f64>], max_norm: f64| {
        right_clip(grads, max_norm);
        right_norm(grads)
    };
    assert_rejects(clip_examples(wrong), "returned_norm_after");
    assert_rejects(clips_by_global_norm(wrong), "returned_norm_after");
}

#[test]
fn clip_rejects_scaling_every_gradient() {
    // Always scaling by max_norm / norm: NaN for zero gradients (checked first), and short
    // gradients blown up to max_norm.
    let wrong = |grads: &mut [Vec<f64>], max_norm: f64| {
        let n = right_norm(grads);
        grads.iter_mut().flatten().for_each(|v| *v *= max_norm / n);
        n
    };
    assert_rejects(leaves_small_gradients_alone(wrong), "divided_by_zero_norm");
    let guarded = |grads: &mut [Vec<f64>], max_norm: f64| {
        let n = right_norm(grads);
        if n > 0.0 {
            grads.iter_mut().flatten().for_each(|v| *v *= max_norm / n);
        }
        n
    };
    assert_rejects(
        leaves_small_gradients_alone(guarded),
        "scaled_up_small_gradients",
    );
}

#[test]
fn clip_rejects_the_inverted_ratio() {
    let wrong = |grads: &mut [Vec<f64>], max_norm: f64| {
        let n = right_norm(grads);
        if n > max_norm {
            grads.iter_mut().flatten().for_each(|v| *v *= n / max_norm);
        }
        n
    };
    assert_rejects(clips_by_global_norm(wrong), "inverted_ratio");
}

#[test]
fn clip_rejects_an_epsilon_in_the_denominator() {
    let wrong = |grads: &mut [Vec<f64>], max_norm: f64| {
        let norm = right_norm(grads);
        if norm > max_norm {
            let scale = max_norm / (norm + 1e-6);
            grads.iter_mut().flatten().for_each(|v| *v *= scale);
        }
        norm
    };
    assert_rejects(clip_examples(wrong), "epsilon_in_denominator");
    assert_rejects(clips_by_global_norm(wrong), "epsilon_in_denominator");
}
