//! Plausible wrong answers to 1.1, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

// ---- forward_diff ----

#[test]
fn forward_rejects_the_backward_formula() {
    assert_rejects(
        forward_formula(|f, x, h| (f(x) - f(x - h)) / h),
        "backward_formula",
    );
}

#[test]
fn forward_rejects_a_flipped_sign() {
    assert_rejects(
        forward_formula(|f, x, h| (f(x) - f(x + h)) / h),
        "sign_flipped",
    );
}

#[test]
fn forward_rejects_a_missing_division() {
    assert_rejects(forward_formula(|f, x, h| f(x + h) - f(x)), "not_divided");
}

#[test]
fn forward_rejects_operator_precedence() {
    assert_rejects(
        forward_formula(|f, x, h| f(x + h) - f(x) / h),
        "operator_precedence",
    );
}

#[test]
fn forward_rejects_dividing_by_2h() {
    assert_rejects(
        forward_formula(|f, x, h| (f(x + h) - f(x)) / (2.0 * h)),
        "width_2h_not_h",
    );
}

#[test]
fn forward_error_rejects_backward_and_central() {
    assert_rejects(
        forward_error_is_half_h_f2(|f, x, h| (f(x) - f(x - h)) / h),
        "backward_formula",
    );
    assert_rejects(
        forward_error_is_half_h_f2(|f, x, h| (f(x + h) - f(x - h)) / (2.0 * h)),
        "central_formula",
    );
}

#[test]
fn forward_accepts_multiplying_by_the_reciprocal() {
    let alternative = |f: &dyn Fn(f64) -> f64, x: f64, h: f64| (f(x + h) - f(x)) * h.recip();
    assert_accepts(forward_formula(alternative));
    assert_accepts(forward_error_is_half_h_f2(alternative));
}

// ---- backward_diff ----

#[test]
fn forward_rejects_single_precision() {
    let single = |f: &dyn Fn(f64) -> f64, x: f64, h: f64| {
        let (up, here) = (f(x + h) as f32, f(x) as f32);
        f64::from((up - here) / h as f32)
    };
    assert_rejects(forward_formula(single), "single_precision");
}

#[test]
fn backward_rejects_the_forward_formula() {
    assert_rejects(
        backward_formula(|f, x, h| (f(x + h) - f(x)) / h),
        "forward_formula",
    );
}

#[test]
fn backward_rejects_a_flipped_sign() {
    assert_rejects(
        backward_formula(|f, x, h| (f(x - h) - f(x)) / h),
        "sign_flipped",
    );
}

#[test]
fn backward_rejects_operator_precedence() {
    assert_rejects(
        backward_formula(|f, x, h| f(x) - f(x - h) / h),
        "operator_precedence",
    );
}

#[test]
fn backward_accepts_the_negated_step() {
    // (f(x − h) − f(x)) / (−h) is the same quotient written from the other side.
    assert_accepts(backward_formula(|f, x, h| (f(x - h) - f(x)) / -h));
}

// ---- central_diff ----

#[test]
fn central_rejects_one_sided_formulas() {
    assert_rejects(
        central_formula(|f, x, h| (f(x + h) - f(x)) / h),
        "forward_formula",
    );
    assert_rejects(
        central_formula(|f, x, h| (f(x) - f(x - h)) / h),
        "backward_formula",
    );
}

#[test]
fn central_rejects_dividing_by_h() {
    assert_rejects(
        central_formula(|f, x, h| (f(x + h) - f(x - h)) / h),
        "width_h_not_2h",
    );
}

#[test]
fn central_rejects_half_steps() {
    assert_rejects(
        central_formula(|f, x, h| (f(x + h / 2.0) - f(x - h / 2.0)) / h),
        "half_steps",
    );
}

#[test]
fn central_rejects_operator_precedence() {
    assert_rejects(
        central_formula(|f, x, h| (f(x + h) - f(x - h)) / 2.0 * h),
        "operator_precedence",
    );
}

#[test]
fn central_rejects_a_flipped_sign() {
    assert_rejects(
        central_formula(|f, x, h| (f(x - h) - f(x + h)) / (2.0 * h)),
        "sign_flipped",
    );
}

#[test]
fn central_error_rejects_the_forward_formula() {
    assert_rejects(
        central_error_at_e(|f, x, h| (f(x + h) - f(x)) / h),
        "forward_formula",
    );
}

#[test]
fn central_accepts_the_mean_of_forward_and_backward() {
    let mean = |f: &dyn Fn(f64) -> f64, x: f64, h: f64| {
        0.5 * ((f(x + h) - f(x)) / h + (f(x) - f(x - h)) / h)
    };
    assert_accepts(central_formula(mean));
    assert_accepts(central_error_at_e(mean));
}

#[test]
fn central_accepts_half_over_h() {
    let alternative = |f: &dyn Fn(f64) -> f64, x: f64, h: f64| (f(x + h) - f(x - h)) * (0.5 / h);
    assert_accepts(central_formula(alternative));
    assert_accepts(central_error_at_e(alternative));
}
