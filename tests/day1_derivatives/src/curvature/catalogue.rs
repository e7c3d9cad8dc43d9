//! Plausible wrong answers to 1.3, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

type F<'a> = &'a dyn Fn(f64) -> f64;

fn second_difference(f: F, x: f64, h: f64) -> f64 {
    (f(x + h) - 2.0 * f(x) + f(x - h)) / (h * h)
}

fn both(second_derivative: impl SecondDerivative + Copy) -> [CheckResult; 2] {
    [
        known_curvatures(second_derivative),
        accurate_at_random_points(second_derivative),
    ]
}

// ---- wrong answers ----

#[test]
fn rejects_dividing_by_h() {
    let h = 1e-4;
    for result in both(|f, x| (f(x + h) - 2.0 * f(x) + f(x - h)) / h) {
        assert_rejects(result, "divided_by_h");
    }
}

#[test]
fn rejects_dividing_and_multiplying_by_h() {
    // `… / h * h` parses as (… / h) · h: the h² is never divided out.
    let precedence = |f: F, x: f64| {
        let h = 1e-4;
        (f(x + h) - 2.0 * f(x) + f(x - h)) / h * h
    };
    for result in both(precedence) {
        assert_rejects(result, "divided_by_h");
    }
}

#[test]
fn rejects_a_flipped_sign() {
    let h = 1e-4;
    for result in both(|f, x| (2.0 * f(x) - f(x + h) - f(x - h)) / (h * h)) {
        assert_rejects(result, "sign_flipped");
    }
}

#[test]
fn rejects_the_first_derivative() {
    let h = 1e-5;
    for result in both(|f, x| (f(x + h) - f(x - h)) / (2.0 * h)) {
        assert_rejects(result, "first_derivative");
    }
}

#[test]
fn rejects_dividing_by_2h_squared() {
    let h = 1e-4;
    for result in both(|f, x| (f(x + h) - 2.0 * f(x) + f(x - h)) / (2.0 * h * h)) {
        assert_rejects(result, "half");
    }
}

#[test]
fn rejects_a_forward_second_difference() {
    let h = 1e-4;
    for result in both(|f, x| (f(x + 2.0 * h) - 2.0 * f(x + h) + f(x)) / (h * h)) {
        assert_rejects(result, "one_sided");
    }
}

#[test]
fn rejects_a_step_of_1e_7() {
    for result in both(|f, x| second_difference(f, x, 1e-7)) {
        assert_rejects(result, "step_too_small");
    }
}

#[test]
fn rejects_a_step_of_1e_2() {
    for result in both(|f, x| second_difference(f, x, 1e-2)) {
        assert_rejects(result, "step_too_large");
    }
}

// ---- correct alternatives ----

#[test]
fn accepts_the_fourth_root_step() {
    for result in both(|f, x| second_difference(f, x, f64::EPSILON.powf(0.25) * x.abs().max(1.0))) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_a_fixed_step_of_1e_3() {
    for result in both(|f, x| second_difference(f, x, 1e-3)) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_nested_central_differences() {
    // The central quotient of the central quotient: the second difference with step 2h.
    let nested = |f: F, x: f64| {
        let h = 1e-4;
        let slope = |y: f64| (f(y + h) - f(y - h)) / (2.0 * h);
        (slope(x + h) - slope(x - h)) / (2.0 * h)
    };
    for result in both(nested) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_a_five_point_stencil() {
    let five_point = |f: F, x: f64| {
        let h = 1e-3;
        (-f(x + 2.0 * h) + 16.0 * f(x + h) - 30.0 * f(x) + 16.0 * f(x - h) - f(x - 2.0 * h))
            / (12.0 * h * h)
    };
    for result in both(five_point) {
        assert_accepts(result);
    }
}
