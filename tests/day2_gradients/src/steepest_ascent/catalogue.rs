//! Plausible wrong answers to 2.3, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_fails_saying, assert_rejects};

fn right_rate(g: &Array1<f64>, u: &Array1<f64>) -> Option<f64> {
    let length = u.dot(u).sqrt();
    (length > 0.0).then(|| g.dot(u) / length)
}

fn right_direction(g: &Array1<f64>) -> Option<Array1<f64>> {
    let length = g.dot(g).sqrt();
    (length > 0.0).then(|| g / length)
}

#[test]
fn the_spec_value_is_the_formula() {
    let g = worked_gradient(1.0, 2.0);
    let rate = right_rate(&g, &array![3.0, 4.0]).unwrap();
    assert!((rate - WORKED_RATE).abs() < 5e-11, "{rate}");
}

// ---- directional_derivative ----

#[test]
fn directional_rejects_a_missing_normalisation() {
    let raw = |g: &Array1<f64>, u: &Array1<f64>| Some(g.dot(u));
    assert_rejects(directional_derivative_formula(raw), "not_normalised");
    assert_rejects(directional_derivative_ignores_length(raw), "not_normalised");
}

#[test]
fn directional_rejects_dividing_by_the_squared_length() {
    let squared = |g: &Array1<f64>, u: &Array1<f64>| Some(g.dot(u) / u.dot(u));
    assert_rejects(
        directional_derivative_formula(squared),
        "divided_by_norm_squared",
    );
}

#[test]
fn directional_rejects_the_cosine() {
    let cosine =
        |g: &Array1<f64>, u: &Array1<f64>| Some(g.dot(u) / (g.dot(g).sqrt() * u.dot(u).sqrt()));
    assert_rejects(directional_derivative_formula(cosine), "cosine_only");
}

#[test]
fn directional_rejects_normalising_the_gradient() {
    let wrong_vector = |g: &Array1<f64>, u: &Array1<f64>| Some(g.dot(u) / g.dot(g).sqrt());
    assert_rejects(
        directional_derivative_formula(wrong_vector),
        "normalised_the_gradient",
    );
}

#[test]
fn directional_rejects_nan_for_the_zero_vector() {
    let unguarded = |g: &Array1<f64>, u: &Array1<f64>| Some(g.dot(u) / u.dot(u).sqrt());
    assert_accepts(directional_derivative_formula(unguarded));
    assert_rejects(
        directional_derivative_of_zero_u_is_none(unguarded),
        "divided_by_zero_length",
    );
}

#[test]
fn directional_rejects_zero_for_the_zero_vector() {
    let zero = |g: &Array1<f64>, u: &Array1<f64>| {
        let length = u.dot(u).sqrt();
        Some(if length == 0.0 {
            0.0
        } else {
            g.dot(u) / length
        })
    };
    assert_rejects(
        directional_derivative_of_zero_u_is_none(zero),
        "zero_instead_of_none",
    );
}

#[test]
fn directional_rejects_none_for_a_zero_gradient() {
    let flat_is_none = |g: &Array1<f64>, u: &Array1<f64>| {
        if g.dot(g) == 0.0 {
            None
        } else {
            right_rate(g, u)
        }
    };
    assert_accepts(directional_derivative_formula(flat_is_none));
    assert_rejects(
        directional_derivative_of_zero_u_is_none(flat_is_none),
        "none_for_zero_gradient",
    );
}

#[test]
fn directional_rejects_a_flipped_sign() {
    let negative = |g: &Array1<f64>, u: &Array1<f64>| right_rate(g, u).map(|r| -r);
    assert_rejects(directional_derivative_formula(negative), "sign_flipped");
    assert_rejects(
        best_of_3600_directions(negative, right_direction),
        "descent_direction",
    );
}

#[test]
fn directional_accepts_normalising_u_first() {
    let unit_first = |g: &Array1<f64>, u: &Array1<f64>| {
        let length = u.iter().map(|v| v * v).sum::<f64>().sqrt();
        if length == 0.0 {
            return None;
        }
        let unit = u.mapv(|v| v / length);
        Some(g.iter().zip(&unit).map(|(a, b)| a * b).sum())
    };
    assert_accepts(directional_derivative_formula(unit_first));
    assert_accepts(directional_derivative_ignores_length(unit_first));
    assert_accepts(directional_derivative_of_zero_u_is_none(unit_first));
    assert_accepts(best_of_3600_directions(unit_first, right_direction));
}

// ---- steepest_ascent ----

#[test]
fn steepest_rejects_the_raw_gradient() {
    let raw = |g: &Array1<f64>| Some(g.clone());
    assert_rejects(steepest_ascent_direction(raw), "unnormalised_gradient");
}

#[test]
fn steepest_rejects_the_descent_direction() {
    let downhill = |g: &Array1<f64>| right_direction(g).map(|u| -u);
    assert_rejects(steepest_ascent_direction(downhill), "descent_direction");
    assert_rejects(
        best_of_3600_directions(right_rate, downhill),
        "descent_direction",
    );
}

#[test]
fn steepest_rejects_dividing_by_the_squared_length() {
    let squared = |g: &Array1<f64>| Some(g / g.dot(g));
    assert_rejects(
        steepest_ascent_direction(squared),
        "divided_by_norm_squared",
    );
}

#[test]
fn steepest_rejects_none_when_only_some_components_are_zero() {
    let any_zero = |g: &Array1<f64>| {
        if g.iter().any(|&c| c == 0.0) {
            return None;
        }
        Some(g / g.dot(g).sqrt())
    };
    assert_fails_saying(
        steepest_ascent_direction(any_zero),
        "some components are 0, but not all",
    );
}

#[test]
fn steepest_rejects_nan_for_a_zero_gradient() {
    let unguarded = |g: &Array1<f64>| Some(g / g.dot(g).sqrt());
    assert_accepts(steepest_ascent_direction(unguarded));
    assert_rejects(
        steepest_ascent_of_zero_gradient_is_none(unguarded),
        "divided_by_zero_length",
    );
}

#[test]
fn steepest_rejects_a_zero_vector_for_a_zero_gradient() {
    let zeros = |g: &Array1<f64>| {
        let length = g.dot(g).sqrt();
        Some(if length == 0.0 { g.clone() } else { g / length })
    };
    assert_rejects(
        steepest_ascent_of_zero_gradient_is_none(zeros),
        "zero_instead_of_none",
    );
}

#[test]
fn steepest_accepts_hypot_and_mapv() {
    let alternative = |g: &Array1<f64>| {
        let length = g.fold(0.0f64, |acc, v| acc.hypot(*v));
        if length == 0.0 {
            None
        } else {
            Some(g.mapv(|v| v / length))
        }
    };
    assert_accepts(steepest_ascent_direction(alternative));
    assert_accepts(steepest_ascent_of_zero_gradient_is_none(alternative));
    assert_accepts(best_of_3600_directions(right_rate, alternative));
}
