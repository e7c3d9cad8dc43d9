//! Plausible wrong answers to 2.2, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_fails_saying, assert_rejects};

/// The right Rosenbrock gradient, coordinate by coordinate (an alternative to the solution's
/// term-by-term accumulation).
fn rosenbrock_by_coordinate(x: &Array1<f64>) -> Array1<f64> {
    let n = x.len();
    Array1::from_iter((0..n).map(|j| {
        let mut g = 0.0;
        if j + 1 < n {
            g += -400.0 * x[j] * (x[j + 1] - x[j] * x[j]) - 2.0 * (1.0 - x[j]);
        }
        if j > 0 {
            g += 200.0 * (x[j] - x[j - 1] * x[j - 1]);
        }
        g
    }))
}

fn himmelblau_expanded(x: &Array1<f64>) -> Array1<f64> {
    let (a, b) = (x[0], x[1]);
    array![
        4.0 * a.powi(3) + 4.0 * a * b - 42.0 * a + 2.0 * b * b - 14.0,
        4.0 * b.powi(3) + 4.0 * a * b - 26.0 * b + 2.0 * a * a - 22.0
    ]
}

fn beale_right(x: &Array1<f64>) -> Array1<f64> {
    let (a, b) = (x[0], x[1]);
    let u = [
        1.5 - a + a * b,
        2.25 - a + a * b * b,
        2.625 - a + a * b.powi(3),
    ];
    array![
        2.0 * (u[0] * (b - 1.0) + u[1] * (b * b - 1.0) + u[2] * (b.powi(3) - 1.0)),
        2.0 * a * (u[0] + 2.0 * u[1] * b + 3.0 * u[2] * b * b)
    ]
}

fn booth_expanded(x: &Array1<f64>) -> Array1<f64> {
    array![
        10.0 * x[0] + 8.0 * x[1] - 34.0,
        8.0 * x[0] + 10.0 * x[1] - 38.0
    ]
}

// ---- Rosenbrock ----

#[test]
fn rosenbrock_rejects_dropping_the_interior_term() {
    let first_term_only = |x: &Array1<f64>| {
        let n = x.len();
        Array1::from_iter((0..n).map(|j| {
            if j + 1 < n {
                -400.0 * x[j] * (x[j + 1] - x[j] * x[j]) - 2.0 * (1.0 - x[j])
            } else {
                200.0 * (x[j] - x[j - 1] * x[j - 1])
            }
        }))
    };
    assert_rejects(
        rosenbrock_gradient(first_term_only),
        "dropped_interior_term",
    );
}

#[test]
fn rosenbrock_rejects_a_missing_chain_factor() {
    let no_inner = |x: &Array1<f64>| {
        let mut g = rosenbrock_by_coordinate(x);
        for j in 0..x.len() - 1 {
            let valley = x[j + 1] - x[j] * x[j];
            g[j] += 400.0 * x[j] * valley + 200.0 * valley;
        }
        g
    };
    assert_rejects(rosenbrock_gradient(no_inner), "missing_chain_factor");
}

#[test]
fn rosenbrock_rejects_the_sign_of_one_minus_x() {
    let plus = |x: &Array1<f64>| {
        let mut g = rosenbrock_by_coordinate(x);
        for j in 0..x.len() - 1 {
            g[j] += 4.0 * (1.0 - x[j]);
        }
        g
    };
    assert_rejects(rosenbrock_gradient(plus), "sign_of_inner_derivative");
}

#[test]
fn rosenbrock_rejects_the_two_dimensional_formula() {
    let two_d = |x: &Array1<f64>| {
        array![
            -400.0 * x[0] * (x[1] - x[0] * x[0]) - 2.0 * (1.0 - x[0]),
            200.0 * (x[1] - x[0] * x[0])
        ]
    };
    assert_fails_saying(rosenbrock_gradient(two_d), "components");
    assert_rejects(rosenbrock_gradient(two_d), "wrong_length");
}

#[test]
fn rosenbrock_accepts_coordinate_by_coordinate() {
    assert_accepts(rosenbrock_gradient(rosenbrock_by_coordinate));
}

// ---- Himmelblau ----

#[test]
fn himmelblau_rejects_a_missing_chain_factor() {
    let no_2x = |x: &Array1<f64>| {
        let (u, v) = (x[0] * x[0] + x[1] - 11.0, x[0] + x[1] * x[1] - 7.0);
        array![2.0 * u + 2.0 * v, 2.0 * u + 4.0 * x[1] * v]
    };
    assert_rejects(himmelblau_gradient(no_2x), "missing_chain_factor");
}

#[test]
fn himmelblau_rejects_swapped_components() {
    let swapped = |x: &Array1<f64>| {
        let g = himmelblau_expanded(x);
        array![g[1], g[0]]
    };
    assert_rejects(himmelblau_gradient(swapped), "swapped_components");
}

#[test]
fn himmelblau_accepts_the_expanded_polynomial() {
    assert_accepts(himmelblau_gradient(himmelblau_expanded));
}

// ---- Beale ----

#[test]
fn beale_rejects_lost_power_rule_coefficients() {
    let lost = |x: &Array1<f64>| {
        let (a, b) = (x[0], x[1]);
        let u = [
            1.5 - a + a * b,
            2.25 - a + a * b * b,
            2.625 - a + a * b.powi(3),
        ];
        array![
            beale_right(x)[0],
            2.0 * a * (u[0] + u[1] * b + u[2] * b * b)
        ]
    };
    assert_rejects(beale_gradient(lost), "power_rule_coefficient");
}

#[test]
fn beale_rejects_one_minus_y_to_the_k() {
    let flipped = |x: &Array1<f64>| {
        let g = beale_right(x);
        array![-g[0], g[1]]
    };
    assert_rejects(beale_gradient(flipped), "sign_of_inner_derivative");
}

#[test]
fn beale_accepts_factored_form() {
    assert_accepts(beale_gradient(beale_right));
}

// ---- Booth ----

#[test]
fn booth_rejects_a_missing_inner_factor() {
    let no_inner = |x: &Array1<f64>| {
        let (u, v) = (x[0] + 2.0 * x[1] - 7.0, 2.0 * x[0] + x[1] - 5.0);
        array![2.0 * u + 2.0 * v, 2.0 * u + 2.0 * v]
    };
    assert_rejects(booth_gradient(no_inner), "missing_chain_factor");
}

#[test]
fn booth_rejects_the_uphill_sign() {
    assert_rejects(
        booth_gradient(|x: &Array1<f64>| -booth_expanded(x)),
        "sign_error",
    );
}

#[test]
fn booth_rejects_a_lost_factor_two() {
    assert_rejects(
        booth_gradient(|x: &Array1<f64>| 0.5 * booth_expanded(x)),
        "missing_power_rule_factor",
    );
}

#[test]
fn booth_accepts_the_expanded_form() {
    assert_accepts(booth_gradient(booth_expanded));
}

// ---- minima ----

#[test]
fn minima_reject_a_mistyped_constant() {
    // −7 instead of −5 in the second bracket: still linear, still wrong, and not zero at (1, 3).
    let typo = |x: &Array1<f64>| {
        let (u, v) = (x[0] + 2.0 * x[1] - 7.0, 2.0 * x[0] + x[1] - 7.0);
        array![2.0 * u + 4.0 * v, 4.0 * u + 2.0 * v]
    };
    assert_rejects(
        zero_at_minima(
            rosenbrock_by_coordinate,
            himmelblau_expanded,
            beale_right,
            typo,
        ),
        "nonzero_at_minimum",
    );
    assert!(booth_gradient(typo).is_err());
}

#[test]
fn minima_reject_a_two_dimensional_rosenbrock() {
    let two_d = |x: &Array1<f64>| array![-2.0 * (1.0 - x[0]), 0.0];
    assert_fails_saying(
        zero_at_minima(two_d, himmelblau_expanded, beale_right, booth_expanded),
        "components",
    );
    assert_rejects(
        zero_at_minima(two_d, himmelblau_expanded, beale_right, booth_expanded),
        "wrong_length",
    );
}

#[test]
fn minima_accept_the_alternatives() {
    assert_accepts(zero_at_minima(
        rosenbrock_by_coordinate,
        himmelblau_expanded,
        beale_right,
        booth_expanded,
    ));
}
