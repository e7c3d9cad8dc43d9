//! Plausible wrong answers to 1.7, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

type C<'a> = &'a dyn Fn(Complex64) -> Complex64;
type F<'a> = &'a dyn Fn(f64) -> f64;

fn complex_checks(complex_step: impl ComplexStep + Copy) -> [CheckResult; 2] {
    [
        complex_step_classic(complex_step),
        complex_step_machine_precision(complex_step),
    ]
}

fn richardson_checks(richardson: impl Richardson + Copy) -> [CheckResult; 2] {
    [
        richardson_on_exp(richardson),
        richardson_fourth_order(richardson),
    ]
}

/// The stated constant agrees with the analytic derivative f·(1 − g'/(2g)), g = sin³ + cos³.
#[test]
fn classic_constant_matches_the_analytic_derivative() {
    let x: f64 = 1.5;
    let (s, c) = (x.sin(), x.cos());
    let g = s.powi(3) + c.powi(3);
    let g_prime = 3.0 * s * s * c - 3.0 * c * c * s;
    let analytic = x.exp() / g.sqrt() * (1.0 - g_prime / (2.0 * g));
    assert!(
        (analytic - CLASSIC_SLOPE_AT_1_5).abs() < 4.0 * f64::EPSILON * analytic,
        "{analytic}"
    );
}

// ---- complex_step: wrong answers ----

#[test]
fn complex_step_rejects_the_real_part() {
    for result in complex_checks(|f: C, x| f(Complex64::new(x, 1e-20)).re) {
        assert_rejects(result, "real_part");
    }
}

#[test]
fn complex_step_rejects_a_missing_division() {
    for result in complex_checks(|f: C, x| f(Complex64::new(x, 1e-20)).im) {
        assert_rejects(result, "not_divided");
    }
}

#[test]
fn complex_step_rejects_a_large_step() {
    for result in complex_checks(|f: C, x| f(Complex64::new(x, 1e-3)).im / 1e-3) {
        assert_rejects(result, "step_too_large");
    }
}

#[test]
fn complex_step_rejects_a_real_central_difference() {
    let real_central = |f: C, x: f64| {
        let h = 6e-6;
        (f(Complex64::new(x + h, 0.0)).re - f(Complex64::new(x - h, 0.0)).re) / (2.0 * h)
    };
    for result in complex_checks(real_central) {
        assert_rejects(result, "finite_difference");
    }
}

// ---- complex_step: correct alternatives ----

#[test]
fn complex_step_accepts_other_tiny_steps() {
    for h in [1e-20, 1e-30, 1e-100, 1e-12] {
        for result in complex_checks(move |f: C, x| f(Complex64::new(x, h)).im / h) {
            assert_accepts(result);
        }
    }
}

#[test]
fn complex_step_accepts_the_conjugate_direction() {
    // Im f(x − ih) = −h·f'(x) + …: same derivative, other sign of the step.
    for result in complex_checks(|f: C, x| -f(Complex64::new(x, -1e-20)).im / 1e-20) {
        assert_accepts(result);
    }
}

// ---- richardson: wrong answers ----

fn central(f: F, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x - h)) / (2.0 * h)
}

#[test]
fn richardson_rejects_no_extrapolation() {
    for result in richardson_checks(|f: F, x, h| central(f, x, h)) {
        assert_rejects(result, "no_extrapolation");
    }
}

#[test]
fn richardson_rejects_first_order_weights() {
    for result in richardson_checks(|f: F, x, h| 2.0 * central(f, x, h / 2.0) - central(f, x, h)) {
        assert_rejects(result, "first_order_weights");
    }
}

#[test]
fn richardson_rejects_a_missing_division_by_3() {
    for result in richardson_checks(|f: F, x, h| 4.0 * central(f, x, h / 2.0) - central(f, x, h)) {
        assert_rejects(result, "missing_divide_by_3");
    }
}

#[test]
fn richardson_rejects_swapped_weights() {
    for result in
        richardson_checks(|f: F, x, h| (4.0 * central(f, x, h) - central(f, x, h / 2.0)) / 3.0)
    {
        assert_rejects(result, "weights_swapped");
    }
}

// ---- richardson: correct alternatives ----

#[test]
fn richardson_accepts_h_and_half_h() {
    for result in
        richardson_checks(|f: F, x, h| (4.0 * central(f, x, h / 2.0) - central(f, x, h)) / 3.0)
    {
        assert_accepts(result);
    }
}

#[test]
fn richardson_accepts_h_and_twice_h() {
    for result in
        richardson_checks(|f: F, x, h| (4.0 * central(f, x, h) - central(f, x, 2.0 * h)) / 3.0)
    {
        assert_accepts(result);
    }
}

#[test]
fn richardson_accepts_the_correction_form() {
    // D(h/2) + (D(h/2) − D(h)) / 3: the fine value plus the estimated error.
    for result in richardson_checks(|f: F, x, h| {
        let (fine, coarse) = (central(f, x, h / 2.0), central(f, x, h));
        fine + (fine - coarse) / 3.0
    }) {
        assert_accepts(result);
    }
}

#[test]
fn richardson_accepts_the_five_point_stencil_it_equals() {
    // (4·D(h/2) − D(h))/3 written out is the five-point stencil with step h/2.
    for result in richardson_checks(|f: F, x, h| {
        let k = h / 2.0;
        (f(x - 2.0 * k) - 8.0 * f(x - k) + 8.0 * f(x + k) - f(x + 2.0 * k)) / (12.0 * k)
    }) {
        assert_accepts(result);
    }
}
