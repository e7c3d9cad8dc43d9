//! Plausible wrong answers to 3.2, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

// ---- Sgd ----

#[test]
fn sgd_rejects_an_uphill_step() {
    assert_rejects(sgd_step(|lr| linear_step(-lr)), "uphill_step");
}

#[test]
fn sgd_rejects_ignoring_the_learning_rate() {
    assert_rejects(sgd_step(|_| linear_step(1.0)), "lr_ignored");
}

#[test]
fn sgd_rejects_dividing_by_the_learning_rate() {
    assert_rejects(sgd_step(|lr| linear_step(1.0 / lr)), "divides_by_lr");
}

#[test]
fn sgd_rejects_updating_a_copy() {
    let copy_only = |lr: f64| -> StepFn {
        Box::new(move |params: &mut [f64], grads: &[f64]| {
            let mut copy = params.to_vec();
            for (p, g) in copy.iter_mut().zip(grads) {
                *p -= lr * g;
            }
        })
    };
    assert_rejects(sgd_step(copy_only), "params_not_updated");
}

#[test]
fn sgd_accepts_indexing_and_reassigning() {
    let indexed = |lr: f64| -> StepFn {
        Box::new(move |params: &mut [f64], grads: &[f64]| {
            for i in 0..params.len() {
                let updated = params[i] + (-lr) * grads[i];
                params[i] = updated;
            }
        })
    };
    assert_accepts(sgd_step(indexed));
}

// ---- Momentum ----

#[test]
fn momentum_rejects_plain_gradient_descent() {
    assert_rejects(
        momentum_update(|lr, _| linear_step(lr)),
        "velocity_not_kept",
    );
    assert_rejects(
        momentum_beats_gd_in_a_ravine(|lr, _| linear_step(lr)),
        "velocity_not_kept",
    );
}

#[test]
fn momentum_rejects_an_averaged_velocity() {
    let averaged = |lr: f64, mu: f64| {
        heavy_ball(
            move |v, g| mu * v + (1.0 - mu) * g,
            move |x, _, v, _| x - lr * v,
        )
    };
    assert_rejects(momentum_update(averaged), "velocity_averaged");
    assert_rejects(momentum_beats_gd_in_a_ravine(averaged), "velocity_averaged");
}

#[test]
fn momentum_rejects_the_learning_rate_applied_twice() {
    let twice =
        |lr: f64, mu: f64| heavy_ball(move |v, g| mu * v + lr * g, move |x, _, v, _| x - lr * v);
    assert_rejects(momentum_update(twice), "lr_applied_twice");
}

#[test]
fn momentum_rejects_nesterov() {
    let nesterov = |lr: f64, mu: f64| {
        heavy_ball(
            move |v, g| mu * v + g,
            move |x, _, v, g| x - lr * (mu * v + g),
        )
    };
    assert_rejects(momentum_update(nesterov), "nesterov");
}

#[test]
fn momentum_rejects_a_stale_velocity() {
    let stale =
        |lr: f64, mu: f64| heavy_ball(move |v, g| mu * v + g, move |x, old, _, _| x - lr * old);
    assert_rejects(momentum_update(stale), "stale_velocity");
}

#[test]
fn momentum_rejects_an_uphill_step() {
    let uphill =
        |lr: f64, mu: f64| heavy_ball(move |v, g| mu * v + g, move |x, _, v, _| x + lr * v);
    assert_rejects(momentum_update(uphill), "uphill_step");
    assert_rejects(momentum_beats_gd_in_a_ravine(uphill), "uphill_step");
}

#[test]
fn momentum_rejects_mu_on_the_gradient() {
    let wrong = |lr: f64, mu: f64| heavy_ball(move |v, g| v + mu * g, move |x, _, v, _| x - lr * v);
    assert_rejects(momentum_update(wrong), "mu_on_gradient");
}

#[test]
fn momentum_accepts_the_learning_rate_inside_the_velocity() {
    // v ← μv + lr·g, x ← x − v: the same iterates, with v scaled by lr.
    let folded = |lr: f64, mu: f64| heavy_ball(move |v, g| mu * v + lr * g, |x, _, v, _| x - v);
    assert_accepts(momentum_update(folded));
    assert_accepts(momentum_beats_gd_in_a_ravine(folded));
}

#[test]
fn momentum_accepts_a_negative_velocity() {
    // v ← μv − lr·g, x ← x + v: the classic "velocity points downhill" form.
    let downhill = |lr: f64, mu: f64| heavy_ball(move |v, g| mu * v - lr * g, |x, _, v, _| x + v);
    assert_accepts(momentum_update(downhill));
    assert_accepts(momentum_beats_gd_in_a_ravine(downhill));
}
