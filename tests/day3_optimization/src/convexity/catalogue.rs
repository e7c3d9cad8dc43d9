//! Plausible wrong answers to 3.5, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

fn mistake(id: &str) -> Box<dyn ConvexFn> {
    mistakes()
        .into_iter()
        .find(|(m, _)| m.id == id)
        .map(|(_, s)| s)
        .unwrap()
}

#[test]
fn rejects_a_reversed_inequality() {
    assert_rejects(
        convex_functions_pass(mistake("inequality_reversed")),
        "inequality_reversed",
    );
}

#[test]
fn rejects_a_missing_round_off_margin() {
    assert_rejects(
        convex_functions_pass(mistake("no_round_off_margin")),
        "no_round_off_margin",
    );
}

#[test]
fn rejects_sampling_outside_the_box() {
    assert_rejects(
        convex_functions_pass(mistake("samples_outside_box")),
        "samples_outside_box",
    );
}

#[test]
fn rejects_a_test_point_outside_the_segment() {
    assert_rejects(
        convex_functions_pass(mistake("point_not_between")),
        "point_not_between",
    );
}

#[test]
fn rejects_a_sampler_that_never_finds_violations() {
    assert_rejects(
        non_convex_functions_fail(mistake("never_finds_violations")),
        "never_finds_violations",
    );
    assert_rejects(
        non_convex_functions_fail(|_, _, _, _, _| true),
        "never_finds_violations",
    );
}

#[test]
fn rejects_swapped_chord_weights() {
    assert_rejects(
        convex_functions_pass(mistake("chord_weights_swapped")),
        "chord_weights_swapped",
    );
}

#[test]
fn rejects_comparing_with_the_larger_end_value() {
    assert_rejects(
        non_convex_functions_fail(mistake("max_not_chord")),
        "max_not_chord",
    );
}

#[test]
fn rejects_returning_after_the_first_pair() {
    assert_rejects(
        non_convex_functions_fail(mistake("returns_after_first_pair")),
        "returns_after_first_pair",
    );
    // The same slip with the draws in another order (t first, then y, then x): recognised
    // by the number of calls of f, not by the random stream.
    let shuffled =
        |f: &dyn Fn(&[f64]) -> f64, lo: &[f64], hi: &[f64], n: usize, rng: &mut TestRng| {
            if n == 0 {
                return true;
            }
            let t: f64 = rng.random();
            let y: Vec<f64> = (0..lo.len())
                .map(|i| rng.random_range(lo[i]..hi[i]))
                .collect();
            let x: Vec<f64> = (0..lo.len())
                .map(|i| rng.random_range(lo[i]..hi[i]))
                .collect();
            let z: Vec<f64> = x
                .iter()
                .zip(&y)
                .map(|(a, b)| t * a + (1.0 - t) * b)
                .collect();
            let (fx, fy) = (f(&x), f(&y));
            let margin = ROUND_OFF_TOL * (1.0 + fx.abs() + fy.abs());
            f(&z) <= t * fx + (1.0 - t) * fy + margin
        };
    assert_rejects(
        non_convex_functions_fail(shuffled),
        "returns_after_first_pair",
    );
}

#[test]
fn rejects_calling_everything_non_convex() {
    gradlings_support::assert_fails_saying(
        convex_functions_pass(|_, _, _, _, _| false),
        "rejects a convex function",
    );
}

#[test]
fn accepts_the_reference() {
    assert_accepts(convex_functions_pass(reference_sampler()));
    assert_accepts(non_convex_functions_fail(reference_sampler()));
}

#[test]
fn rejects_a_margin_a_million_times_too_wide() {
    assert_rejects(
        non_convex_functions_fail(mistake("margin_too_wide")),
        "margin_too_wide",
    );
}

#[test]
fn accepts_midpoints_and_a_smaller_margin() {
    // t = ½ always, and a margin of 1e-12 instead of 1e-9: still far above round-off.
    let midpoint = sampler(
        in_box,
        |_| 0.5,
        true,
        |fz, chord, margin| fz > chord + 1e-3 * margin,
    );
    assert_accepts(convex_functions_pass(&midpoint));
    assert_accepts(non_convex_functions_fail(&midpoint));
}

#[test]
fn accepts_an_absolute_margin() {
    // A fixed absolute margin of 1e-9 works for these magnitudes too.
    let absolute = sampler(in_box, uniform_t, true, |fz, chord, _| fz - chord > 1e-9);
    assert_accepts(convex_functions_pass(&absolute));
    assert_accepts(non_convex_functions_fail(&absolute));
}
