//! # 4.6 Gradient clipping
//!
//! Vanishing gradients (4.5) have an evil twin: in a deep or recurrent network the factors
//! of the chain rule can be larger than 1, and then the gradient *explodes* — one huge step
//! and the training is ruined. Gradient clipping puts a ceiling on the size of a step without
//! changing its direction: if the gradient is longer than `max_norm`, scale it down to length
//! `max_norm`.
//!
//! The length is the **global** norm over all of the model's gradient tensors together, as if
//! they were one long vector, so every tensor is scaled by the *same* factor and the
//! direction of the whole step is kept:
//!
//! ```text
//! norm = √( Σ_tensors Σ_components g² )
//! if norm > max_norm:   every g ← g · (max_norm / norm)          (otherwise nothing changes)
//! ```
//!
//! Clipping each tensor on its own, or clamping each component to [−max, max], would bend the
//! direction of the step. (PyTorch's `clip_grad_norm_` also adds 1e-6 to the norm to guard
//! against dividing by zero; here, scale by exactly `max_norm / norm`, and only when
//! `norm > max_norm` — a zero gradient is left alone.)
//!
//! A worked number: one tensor [3, 4] has norm 5; with max_norm 1 it becomes
//! [3/5, 4/5] = [0.6, 0.8]. Two tensors [3, 0] and [0, 4] also have global norm 5 and become
//! [0.6, 0] and [0, 0.8]. [0.3, 0.4] (norm 0.5) is left as it is.
//!
//! **Rust notes.** `grads: &mut [Vec<f64>]` lets you change the numbers in place:
//! `for g in grads.iter_mut() { for v in g.iter_mut() { *v *= scale; } }`.

/// The global norm √(Σ g²) over all tensors.
pub fn global_norm(grads: &[Vec<f64>]) -> f64 {
    grads.iter().flatten().map(|g| g * g).sum::<f64>().sqrt()
}

/// Scales all tensors by `max_norm / norm` if their global norm exceeds `max_norm`; returns
/// the norm *before* clipping.
pub fn clip_grad_norm(grads: &mut [Vec<f64>], max_norm: f64) -> f64 {
    let norm = global_norm(grads);
    if norm > max_norm {
        let scale = max_norm / norm;
        for v in grads.iter_mut().flatten() {
            *v *= scale;
        }
    }
    norm
}

#[cfg(test)]
mod tests {
    use super::*;

    // [3, 4] has norm 5; scaled by 1/5 it becomes [0.6, 0.8], of norm 1.
    #[test]
    fn clips_three_four_to_unit_length() {
        let mut grads = vec![vec![3.0, 4.0]];
        let norm = clip_grad_norm(&mut grads, 1.0);
        assert!((norm - 5.0).abs() < 1e-12);
        assert!((grads[0][0] - 0.6).abs() < 1e-12 && (grads[0][1] - 0.8).abs() < 1e-12);
    }

    // The norm is global: [3, 0] and [0, 4] together have norm 5, so both shrink by 1/5.
    #[test]
    fn clips_by_the_global_norm() {
        let mut grads = vec![vec![3.0, 0.0], vec![0.0, 4.0]];
        clip_grad_norm(&mut grads, 1.0);
        assert!((grads[0][0] - 0.6).abs() < 1e-12 && grads[0][1].abs() < 1e-12);
        assert!(grads[1][0].abs() < 1e-12 && (grads[1][1] - 0.8).abs() < 1e-12);
    }

    // A gradient shorter than max_norm is left alone.
    #[test]
    fn leaves_a_short_gradient_alone() {
        let mut grads = vec![vec![0.3, 0.4]];
        let norm = clip_grad_norm(&mut grads, 1.0);
        assert!((norm - 0.5).abs() < 1e-12);
        assert_eq!(grads, vec![vec![0.3, 0.4]]);
    }
}
