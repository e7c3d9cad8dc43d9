//! Plausible wrong answers to 3.3, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

fn variant(v: Variant) -> impl Fn(f64) -> StepFn {
    move |lr| adam_variant(lr, v)
}

#[test]
fn rejects_a_missing_bias_correction() {
    assert_rejects(
        adam_first_step(variant(Variant::NoBiasCorrection)),
        "no_bias_correction",
    );
    assert_rejects(
        adam_update(variant(Variant::NoBiasCorrection)),
        "no_bias_correction",
    );
}

#[test]
fn rejects_an_uncorrected_v() {
    assert_rejects(
        adam_first_step(variant(Variant::OnlyMCorrected)),
        "v_not_corrected",
    );
    assert_rejects(
        adam_update(variant(Variant::OnlyMCorrected)),
        "v_not_corrected",
    );
}

#[test]
fn rejects_an_uncorrected_m() {
    assert_rejects(
        adam_first_step(variant(Variant::OnlyVCorrected)),
        "m_not_corrected",
    );
    assert_rejects(
        adam_update(variant(Variant::OnlyVCorrected)),
        "m_not_corrected",
    );
}

#[test]
fn rejects_eps_inside_the_square_root() {
    assert_rejects(
        adam_update(variant(Variant::EpsInsideSqrt)),
        "eps_inside_sqrt",
    );
}

#[test]
fn rejects_the_rearranged_eps() {
    assert_rejects(adam_update(variant(Variant::EpsRescaled)), "eps_rescaled");
}

#[test]
fn rejects_t_off_by_one() {
    assert_rejects(adam_first_step(variant(Variant::TOffByOne)), "t_off_by_one");
    assert_rejects(adam_update(variant(Variant::TOffByOne)), "t_off_by_one");
}

#[test]
fn rejects_t_starting_at_zero() {
    // The bias correction of the first step divides by 1 − β⁰ = 0: a NaN step.
    assert_rejects(
        adam_first_step(variant(Variant::TStartsAtZero)),
        "t_starts_at_zero",
    );
}

#[test]
fn rejects_swapped_betas() {
    assert_rejects(adam_update(variant(Variant::BetasSwapped)), "betas_swapped");
}

#[test]
fn rejects_averages_without_one_minus_beta() {
    assert_rejects(
        adam_first_step(variant(Variant::NoOneMinusBeta)),
        "missing_one_minus_beta",
    );
    assert_rejects(
        adam_update(variant(Variant::NoOneMinusBeta)),
        "missing_one_minus_beta",
    );
}

#[test]
fn rejects_state_reset_every_step() {
    assert_rejects(adam_update(variant(Variant::StateReset)), "state_reset");
}

#[test]
fn rejects_t_counted_per_coordinate() {
    assert_rejects(
        adam_first_step(variant(Variant::TPerCoordinate)),
        "t_per_coordinate",
    );
    assert_rejects(
        adam_update(variant(Variant::TPerCoordinate)),
        "t_per_coordinate",
    );
}

#[test]
fn rejects_plain_gradient_descent() {
    let sgd = |lr: f64| -> StepFn {
        Box::new(move |params: &mut [f64], grads: &[f64]| {
            for (p, g) in params.iter_mut().zip(grads) {
                *p -= lr * g;
            }
        })
    };
    assert_rejects(adam_first_step(sgd), "plain_sgd");
    assert_rejects(adam_solves_rosenbrock(sgd), "plain_sgd");
}

#[test]
fn accepts_running_products_and_a_rearranged_quotient() {
    // βᵗ kept as running products; m̂/(√v̂ + ε) written as m·(1/c1)/(√(v/c2) + ε) in a
    // different order of operations.
    let alternative = |lr: f64| -> StepFn {
        let (mut m, mut v) = (Vec::new(), Vec::new());
        let (mut p1, mut p2) = (1.0, 1.0);
        Box::new(move |params: &mut [f64], grads: &[f64]| {
            if m.is_empty() {
                m = vec![0.0; params.len()];
                v = vec![0.0; params.len()];
            }
            p1 *= 0.9;
            p2 *= 0.999;
            for i in 0..params.len() {
                m[i] += 0.1 * (grads[i] - m[i]);
                v[i] += 0.001 * (grads[i] * grads[i] - v[i]);
                let denominator = (v[i] / (1.0 - p2)).sqrt() + 1e-8;
                params[i] -= lr * (1.0 / (1.0 - p1)) * m[i] / denominator;
            }
        })
    };
    assert_accepts(adam_first_step(alternative));
    assert_accepts(adam_update(alternative));
    assert_accepts(adam_solves_rosenbrock(alternative));
}
