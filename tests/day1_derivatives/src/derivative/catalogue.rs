//! Plausible wrong answers to 1.2, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

type F<'a> = &'a dyn Fn(f64) -> f64;

fn central(f: F, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x - h)) / (2.0 * h)
}

fn both(derivative: impl Derivative + Copy) -> [CheckResult; 2] {
    [known_slopes(derivative), nine_digits_everywhere(derivative)]
}

// ---- wrong answers ----

#[test]
fn rejects_a_forward_quotient_even_at_its_best_step() {
    let forward = |f: F, x: f64| (f(x + 1e-8) - f(x)) / 1e-8;
    for result in both(forward) {
        assert_rejects(result, "one_sided_difference");
    }
}

#[test]
fn rejects_a_scaled_backward_quotient() {
    let backward = |f: F, x: f64| {
        let h = f64::EPSILON.sqrt() * x.abs().max(1.0);
        (f(x) - f(x - h)) / h
    };
    for result in both(backward) {
        assert_rejects(result, "one_sided_difference");
    }
}

#[test]
fn rejects_a_forward_quotient_with_a_larger_step() {
    // Here the errors are clearly f''·h/2, and the probe at 0 reads h = 1e-5.
    assert_rejects(
        nine_digits_everywhere(|f, x| (f(x + 1e-5) - f(x)) / 1e-5),
        "one_sided_difference",
    );
}

#[test]
fn rejects_central_with_h_1e_3() {
    for result in both(|f, x| central(f, x, 1e-3)) {
        assert_rejects(result, "step_too_large");
    }
}

#[test]
fn rejects_central_with_h_1e_4() {
    // Fails only where |f'''| / max(1, |f'|) is large: exp near 3, x³ − 2x near 0.
    assert_rejects(
        nine_digits_everywhere(|f, x| central(f, x, 1e-4)),
        "step_too_large",
    );
}

#[test]
fn rejects_central_with_h_1e_12() {
    for result in both(|f, x| central(f, x, 1e-12)) {
        assert_rejects(result, "step_too_small");
    }
}

#[test]
fn rejects_a_five_point_stencil_with_a_tiny_step() {
    let tiny = |f: F, x: f64| {
        let h = 1e-11;
        (f(x - 2.0 * h) - 8.0 * f(x - h) + 8.0 * f(x + h) - f(x + 2.0 * h)) / (12.0 * h)
    };
    assert_rejects(nine_digits_everywhere(tiny), "step_too_small");
}

#[test]
fn rejects_a_step_proportional_to_x() {
    let proportional = |f: F, x: f64| central(f, x, f64::EPSILON.cbrt() * x.abs());
    assert_rejects(
        nine_digits_everywhere(proportional),
        "step_vanishes_at_zero",
    );
}

#[test]
fn rejects_a_central_quotient_divided_by_h() {
    // 1.1's width_h_not_2h carried over: twice the derivative.
    assert_rejects(
        nine_digits_everywhere(|f, x| (f(x + 6e-6) - f(x - 6e-6)) / 6e-6),
        "wrong_formula",
    );
}

// ---- correct alternatives ----

#[test]
fn accepts_central_with_the_cube_root_step() {
    for result in both(|f, x| central(f, x, f64::EPSILON.cbrt() * x.abs().max(1.0))) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_central_with_a_fixed_step_of_1e_6() {
    for result in both(|f, x| central(f, x, 1e-6)) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_central_with_a_fixed_step_of_1e_5() {
    for result in both(|f, x| central(f, x, 1e-5)) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_a_five_point_stencil() {
    let five_point = |f: F, x: f64| {
        let h = 1e-3 * x.abs().max(1.0);
        (f(x - 2.0 * h) - 8.0 * f(x - h) + 8.0 * f(x + h) - f(x + 2.0 * h)) / (12.0 * h)
    };
    for result in both(five_point) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_richardson_extrapolation() {
    let richardson = |f: F, x: f64| {
        let h = 1e-3;
        (4.0 * central(f, x, h / 2.0) - central(f, x, h)) / 3.0
    };
    for result in both(richardson) {
        assert_accepts(result);
    }
}

#[test]
fn accepts_a_step_exactly_representable_beside_x() {
    // The textbook trick: use the step the machine actually takes, (x + h) − x.
    let exact_step = |f: F, x: f64| {
        let h = f64::EPSILON.cbrt() * (1.0 + x.abs());
        let (up, down) = (x + h, x - h);
        (f(up) - f(down)) / (up - down)
    };
    for result in both(exact_step) {
        assert_accepts(result);
    }
}
