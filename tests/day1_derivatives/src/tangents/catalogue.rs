//! Plausible wrong answers to 1.5, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_fails_saying, assert_rejects};

type F<'a> = &'a dyn Fn(f64) -> f64;

/// A slope accurate to ~1e-10, as 1.2's derivative gives.
fn slope(f: F, x0: f64) -> f64 {
    let h = f64::EPSILON.cbrt() * x0.abs().max(1.0);
    (f(x0 + h) - f(x0 - h)) / (2.0 * h)
}

fn tangent_checks(tangent_line: impl Tangent + Copy) -> [CheckResult; 2] {
    [
        tangent_of_the_parabola(tangent_line),
        tangents_of_random_cubics(tangent_line),
    ]
}

fn secant_checks(secant_slopes: impl Secants + Copy) -> [CheckResult; 2] {
    [
        secant_formula(secant_slopes),
        secants_converge_linearly(secant_slopes),
    ]
}

// ---- tangent_line: wrong answers ----

#[test]
fn tangent_rejects_the_height_as_intercept() {
    for result in tangent_checks(|f, x0| (slope(f, x0), f(x0))) {
        assert_rejects(result, "intercept_is_height");
    }
}

#[test]
fn tangent_rejects_a_flipped_intercept_sign() {
    for result in tangent_checks(|f, x0| {
        let s = slope(f, x0);
        (s, f(x0) + s * x0)
    }) {
        assert_rejects(result, "intercept_sign");
    }
    for result in tangent_checks(|f, x0| {
        let s = slope(f, x0);
        (s, s * x0 - f(x0))
    }) {
        assert_rejects(result, "intercept_sign");
    }
}

#[test]
fn tangent_rejects_a_swapped_tuple() {
    for result in tangent_checks(|f, x0| {
        let s = slope(f, x0);
        (f(x0) - s * x0, s)
    }) {
        assert_rejects(result, "swapped");
    }
}

#[test]
fn tangent_rejects_a_forward_difference_slope() {
    for result in tangent_checks(|f, x0| {
        let s = (f(x0 + 1e-4) - f(x0)) / 1e-4;
        (s, f(x0) - s * x0)
    }) {
        assert_rejects(result, "slope_inaccurate");
    }
}

#[test]
fn tangent_rejects_a_forward_difference_at_its_best_step() {
    // h ≈ √ε: about eight digits, within 1e-7 on the cubics, but first order.
    let forward = |f: &dyn Fn(f64) -> f64, x0: f64| {
        let h = 1.5e-8;
        let s = (f(x0 + h) - f(x0)) / h;
        (s, f(x0) - s * x0)
    };
    assert_accepts(tangents_of_random_cubics(forward));
    assert_rejects(tangent_of_the_parabola(forward), "one_sided_slope");
}

#[test]
fn tangent_accepts_a_one_sided_second_order_slope() {
    // (−3f(x) + 4f(x + h) − f(x + 2h)) / (2h): one-sided, but second order like the central.
    let three_point = |f: &dyn Fn(f64) -> f64, x0: f64| {
        let h = 1e-5 * x0.abs().max(1.0);
        let s = (-3.0 * f(x0) + 4.0 * f(x0 + h) - f(x0 + 2.0 * h)) / (2.0 * h);
        (s, f(x0) - s * x0)
    };
    for result in tangent_checks(three_point) {
        assert_accepts(result);
    }
}

// ---- tangent_line: correct alternatives ----

#[test]
fn tangent_accepts_the_line_evaluated_at_zero() {
    // The intercept is the tangent's height at x = 0: f(x0) + slope·(0 − x0).
    for result in tangent_checks(|f, x0| {
        let s = slope(f, x0);
        (s, f(x0) + s * (0.0 - x0))
    }) {
        assert_accepts(result);
    }
}

#[test]
fn tangent_accepts_a_five_point_slope() {
    let five_point = |f: F, x0: f64| {
        let h = 1e-3;
        let s =
            (f(x0 - 2.0 * h) - 8.0 * f(x0 - h) + 8.0 * f(x0 + h) - f(x0 + 2.0 * h)) / (12.0 * h);
        (s, f(x0) - s * x0)
    };
    for result in tangent_checks(five_point) {
        assert_accepts(result);
    }
}

// ---- secant_slopes: wrong answers ----

#[test]
fn secants_reject_the_central_quotient() {
    for result in secant_checks(|f, x0, hs| {
        hs.iter()
            .map(|&h| (f(x0 + h) - f(x0 - h)) / (2.0 * h))
            .collect()
    }) {
        assert_rejects(result, "central_not_secant");
    }
}

#[test]
fn secants_reject_a_missing_division() {
    assert_rejects(
        secant_formula(|f, x0, hs| hs.iter().map(|&h| f(x0 + h) - f(x0)).collect()),
        "not_divided",
    );
    assert_rejects(
        secants_converge_linearly(|f, x0, hs| hs.iter().map(|&h| f(x0 + h) - f(x0)).collect()),
        "not_divided",
    );
}

#[test]
fn secants_reject_the_backward_secant() {
    assert_rejects(
        secant_formula(|f, x0, hs| hs.iter().map(|&h| (f(x0) - f(x0 - h)) / h).collect()),
        "backward",
    );
}

#[test]
fn secants_reject_the_reversed_order() {
    let reversed = |f: F, x0: f64, hs: &[f64]| {
        hs.iter()
            .rev()
            .map(|&h| (f(x0 + h) - f(x0)) / h)
            .collect::<Vec<f64>>()
    };
    for result in secant_checks(reversed) {
        assert_rejects(result, "reversed_order");
    }
}

#[test]
fn secants_reject_the_tangent_slope() {
    assert_rejects(
        secant_formula(|f, x0, hs| hs.iter().map(|_| slope(f, x0)).collect()),
        "tangent_not_secant",
    );
}

#[test]
fn secants_reject_a_missing_slope() {
    assert_fails_saying(
        secant_formula(|f, x0, hs| {
            hs.iter()
                .skip(1)
                .map(|&h| (f(x0 + h) - f(x0)) / h)
                .collect()
        }),
        "one slope for each h",
    );
}

// ---- secant_slopes: correct alternatives ----

#[test]
fn secants_accept_rise_over_the_actual_run() {
    // Slope of the line through two points: divide by x1 − x0 rather than by h.
    let through_points = |f: F, x0: f64, hs: &[f64]| {
        let mut slopes = Vec::with_capacity(hs.len());
        for &h in hs {
            let x1 = x0 + h;
            slopes.push((f(x1) - f(x0)) / (x1 - x0));
        }
        slopes
    };
    for result in secant_checks(through_points) {
        assert_accepts(result);
    }
}

#[test]
fn secants_accept_the_negated_form() {
    for result in secant_checks(|f, x0, hs| hs.iter().map(|&h| (f(x0) - f(x0 + h)) / -h).collect())
    {
        assert_accepts(result);
    }
}
