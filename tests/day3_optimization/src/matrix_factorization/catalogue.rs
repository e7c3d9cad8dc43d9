//! Plausible wrong answers to 3.9, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

/// mf_loss_grad as one of the test's variants.
fn variant(v: Variant) -> impl LossGradFn {
    move |r: &Array2<f64>, mask: &Array2<bool>, u: &Array2<f64>, v_: &Array2<f64>, lambda: f64| {
        let p = Problem {
            r: r.clone(),
            mask: mask.clone(),
            u: u.clone(),
            v: v_.clone(),
        };
        loss_grad(&p, lambda, v)
    }
}

/// train_mf as one of the test's training rules.
fn training(rule: Rule) -> impl TrainFn {
    move |r: &Array2<f64>,
          mask: &Array2<bool>,
          u0: &Array2<f64>,
          v0: &Array2<f64>,
          lambda,
          lr,
          steps| {
        let start = Problem {
            r: r.clone(),
            mask: mask.clone(),
            u: u0.clone(),
            v: v0.clone(),
        };
        reference_train(&start, lambda, lr, steps, rule)
    }
}

/// The matrix form with ndarray, as a student might write it.
fn matrix_form(
    r: &Array2<f64>,
    mask: &Array2<bool>,
    u: &Array2<f64>,
    v: &Array2<f64>,
    lambda: f64,
) -> (f64, Array2<f64>, Array2<f64>) {
    let weights = mask.mapv(|b| if b { 1.0 } else { 0.0 });
    let error = (u.dot(&v.t()) - r) * &weights;
    let loss = 0.5 * error.mapv(|e| e * e).sum()
        + 0.5 * lambda * (u.mapv(|x| x * x).sum() + v.mapv(|x| x * x).sum());
    (
        loss,
        error.dot(v) + lambda * u,
        error.t().dot(u) + lambda * v,
    )
}

// ---- mf_loss_grad ----

#[test]
fn rejects_a_missing_half() {
    assert_rejects(loss_value(variant(Variant::NoHalfOnData)), "missing_half");
    assert_rejects(
        gradient_check(variant(Variant::NoHalfOnData)),
        "missing_half",
    );
}

#[test]
fn rejects_a_penalty_without_its_half() {
    assert_rejects(
        loss_value(variant(Variant::NoHalfOnPenalty)),
        "penalty_missing_half",
    );
    assert_rejects(
        gradient_check(variant(Variant::NoHalfOnPenalty)),
        "penalty_missing_half",
    );
}

#[test]
fn rejects_ignoring_the_mask() {
    assert_rejects(loss_value(variant(Variant::Unmasked)), "mask_ignored");
    assert_rejects(gradient_check(variant(Variant::Unmasked)), "mask_ignored");
    assert_rejects(
        unobserved_ratings_change_nothing(variant(Variant::Unmasked), training(Rule::Right)),
        "mask_ignored",
    );
    assert_rejects(
        unobserved_ratings_change_nothing(matrix_form, training(Rule::MaskIgnored)),
        "mask_ignored",
    );
}

#[test]
fn rejects_a_missing_penalty() {
    assert_rejects(loss_value(variant(Variant::NoPenalty)), "penalty_missing");
    assert_rejects(
        gradient_check(variant(Variant::NoPenalty)),
        "penalty_missing_in_gradient",
    );
}

#[test]
fn rejects_a_mean() {
    assert_rejects(loss_value(variant(Variant::Mean)), "mean_not_sum");
}

#[test]
fn rejects_a_flipped_gradient() {
    assert_rejects(
        gradient_check(variant(Variant::SignFlipped)),
        "gradient_sign_flipped",
    );
}

#[test]
fn rejects_a_gradient_without_the_penalty() {
    assert_rejects(
        gradient_check(variant(Variant::PenaltyMissingInGradient)),
        "penalty_missing_in_gradient",
    );
}

#[test]
fn rejects_a_halved_penalty_gradient() {
    assert_rejects(
        gradient_check(variant(Variant::PenaltyHalvedInGradient)),
        "penalty_gradient_halved",
    );
}

#[test]
fn rejects_swapped_gradients() {
    let swapped =
        |r: &Array2<f64>, mask: &Array2<bool>, u: &Array2<f64>, v: &Array2<f64>, lambda: f64| {
            let (loss, du, dv) = matrix_form(r, mask, u, v, lambda);
            (loss, dv, du)
        };
    assert_rejects(gradient_check(swapped), "gradients_swapped");
}

#[test]
fn accepts_the_matrix_form() {
    assert_accepts(loss_value(matrix_form));
    assert_accepts(gradient_check(matrix_form));
    assert_accepts(unobserved_ratings_change_nothing(
        matrix_form,
        training(Rule::Right),
    ));
}

// ---- train_mf ----

#[test]
fn training_rejects_alternating_updates() {
    assert_rejects(
        training_steps_are_gradient_steps(training(Rule::Alternating)),
        "v_uses_updated_u",
    );
}

#[test]
fn training_rejects_a_fixed_v() {
    assert_rejects(
        training_steps_are_gradient_steps(training(Rule::OnlyU)),
        "v_not_updated",
    );
    assert_rejects(
        training_fits_the_observed_ratings(training(Rule::OnlyU)),
        "v_not_updated",
    );
}

#[test]
fn training_rejects_uphill_steps() {
    assert_rejects(
        training_steps_are_gradient_steps(training(Rule::Uphill)),
        "uphill_step",
    );
    assert_rejects(
        training_fits_the_observed_ratings(training(Rule::Uphill)),
        "uphill_step",
    );
}

#[test]
fn training_rejects_ignoring_the_mask() {
    assert_rejects(
        training_fits_the_observed_ratings(training(Rule::MaskIgnored)),
        "mask_ignored",
    );
}

#[test]
fn training_accepts_the_matrix_form() {
    let alternative = |r: &Array2<f64>,
                       mask: &Array2<bool>,
                       u0: &Array2<f64>,
                       v0: &Array2<f64>,
                       lambda: f64,
                       lr: f64,
                       steps: usize| {
        let (mut u, mut v) = (u0.clone(), v0.clone());
        for _ in 0..steps {
            let (_, du, dv) = matrix_form(r, mask, &u, &v, lambda);
            u = u - lr * du;
            v = v - lr * dv;
        }
        (u, v)
    };
    assert_accepts(training_steps_are_gradient_steps(alternative));
    assert_accepts(training_fits_the_observed_ratings(alternative));
    assert_accepts(unobserved_ratings_change_nothing(matrix_form, alternative));
}

#[test]
fn training_on_the_loop_form_gradients_agrees() {
    // Training on `loss_grad`'s loops must match `reference_train`'s matrix form.
    let loops = |r: &Array2<f64>,
                 mask: &Array2<bool>,
                 u0: &Array2<f64>,
                 v0: &Array2<f64>,
                 lambda: f64,
                 lr: f64,
                 steps: usize| {
        let mut p = Problem {
            r: r.clone(),
            mask: mask.clone(),
            u: u0.clone(),
            v: v0.clone(),
        };
        for _ in 0..steps {
            let (_, du, dv) = loss_grad(&p, lambda, Variant::Right);
            p.u = &p.u - &(lr * &du);
            p.v = &p.v - &(lr * &dv);
        }
        (p.u, p.v)
    };
    assert_accepts(training_steps_are_gradient_steps(loops));
    assert_accepts(training_fits_the_observed_ratings(loops));
}
