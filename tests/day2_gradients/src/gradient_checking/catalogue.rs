//! Plausible wrong answers to 2.5, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

fn componentwise(a: &Array1<f64>, b: &Array1<f64>, e: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    a.iter().zip(b).map(|(&x, &y)| e(x, y)).collect()
}

fn right_rel_error(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    componentwise(a, b, |x, y| (x - y).abs() / (x.abs() + y.abs()).max(1e-8))
        .into_iter()
        .fold(0.0, f64::max)
}

fn central_gradient(f: Objective, x: &Array1<f64>, h: f64) -> Array1<f64> {
    Array1::from_iter((0..x.len()).map(|i| {
        let (mut up, mut down) = (x.clone(), x.clone());
        up[i] += h;
        down[i] -= h;
        (f(&up) - f(&down)) / (2.0 * h)
    }))
}

fn right_grad_check(f: Objective, grad: GradFn, x: &Array1<f64>, h: f64) -> f64 {
    right_rel_error(&grad(x), &central_gradient(f, x, h))
}

#[test]
fn the_worked_values_are_right() {
    // 1e-7 / (2 + 1e-7) = 4.99999975e-8.
    assert!((reference_rel_error(&array![1.0], &array![1.0 + 1e-7]) - 5e-8).abs() < 3e-15);
    assert!((reference_rel_error(&array![1.0, 1.0], &array![1.0, 2.0]) - 1.0 / 3.0).abs() < 1e-15);
}

// ---- rel_error ----

#[test]
fn rel_error_rejects_a_missing_floor() {
    let no_floor = |a: &Array1<f64>, b: &Array1<f64>| {
        componentwise(a, b, |x, y| (x - y).abs() / (x.abs() + y.abs()))
            .into_iter()
            .fold(0.0, f64::max)
    };
    // f64::max drops the NaN of 0/0, so equal zeros still give 0; tiny components do not.
    assert_accepts(rel_error_of_zeros_is_zero(no_floor));
    assert_rejects(rel_error_formula(no_floor), "missing_floor");
}

#[test]
fn rel_error_rejects_a_nan_propagating_missing_floor() {
    // Same mistake, but NaN survives the maximum (f64::max would drop it).
    let no_floor = |a: &Array1<f64>, b: &Array1<f64>| {
        componentwise(a, b, |x, y| (x - y).abs() / (x.abs() + y.abs()))
            .into_iter()
            .fold(0.0, |m, e| if e > m || e.is_nan() { e } else { m })
    };
    assert_rejects(rel_error_of_zeros_is_zero(no_floor), "missing_floor");
    assert_rejects(rel_error_formula(no_floor), "missing_floor");
}

#[test]
fn rel_error_rejects_adding_the_floor() {
    let added = |a: &Array1<f64>, b: &Array1<f64>| {
        componentwise(a, b, |x, y| (x - y).abs() / (1e-8 + x.abs() + y.abs()))
            .into_iter()
            .fold(0.0, f64::max)
    };
    assert_rejects(rel_error_formula(added), "floor_added");
}

#[test]
fn rel_error_rejects_a_maximum_that_starts_at_minus_infinity() {
    let from_minus_infinity = |a: &Array1<f64>, b: &Array1<f64>| {
        a.iter()
            .zip(b)
            .map(|(x, y)| (x - y).abs() / (x.abs() + y.abs()).max(1e-8))
            .fold(f64::NEG_INFINITY, f64::max)
    };
    assert_accepts(rel_error_formula(from_minus_infinity));
    assert_rejects(
        rel_error_of_zeros_is_zero(from_minus_infinity),
        "max_starts_at_minus_infinity",
    );
}

#[test]
fn rel_error_rejects_the_mean() {
    let mean = |a: &Array1<f64>, b: &Array1<f64>| {
        let e = componentwise(a, b, |x, y| (x - y).abs() / (x.abs() + y.abs()).max(1e-8));
        e.iter().sum::<f64>() / e.len() as f64
    };
    assert_rejects(rel_error_formula(mean), "mean_not_max");
}

#[test]
fn rel_error_rejects_the_norm_ratio() {
    let norms = |a: &Array1<f64>, b: &Array1<f64>| norm(&(a - b)) / (norm(a) + norm(b)).max(1e-8);
    assert_rejects(rel_error_formula(norms), "norm_ratio");
}

#[test]
fn rel_error_rejects_the_larger_instead_of_the_sum() {
    let larger = |a: &Array1<f64>, b: &Array1<f64>| {
        componentwise(a, b, |x, y| (x - y).abs() / x.abs().max(y.abs()).max(1e-8))
            .into_iter()
            .fold(0.0, f64::max)
    };
    assert_rejects(rel_error_formula(larger), "max_in_denominator");
}

#[test]
fn rel_error_rejects_a_missing_abs() {
    let signed = |a: &Array1<f64>, b: &Array1<f64>| {
        componentwise(a, b, |x, y| (x - y) / (x.abs() + y.abs()).max(1e-8))
            .into_iter()
            .fold(0.0, f64::max)
    };
    assert_rejects(rel_error_formula(signed), "missing_abs");
}

#[test]
fn rel_error_accepts_an_explicit_loop_with_the_reciprocal() {
    let looped = |a: &Array1<f64>, b: &Array1<f64>| {
        let mut worst = 0.0f64;
        for i in (0..a.len()).rev() {
            let scale = f64::max(a[i].abs() + b[i].abs(), 1e-8);
            worst = worst.max((b[i] - a[i]).abs() * scale.recip());
        }
        worst
    };
    assert_accepts(rel_error_formula(looped));
    assert_accepts(rel_error_of_zeros_is_zero(looped));
}

// ---- grad_check ----

#[test]
fn grad_check_rejects_comparing_the_gradient_with_itself() {
    let itself =
        |_f: Objective, grad: GradFn, x: &Array1<f64>, _h: f64| right_rel_error(&grad(x), &grad(x));
    assert_accepts(grad_check_passes_a_correct_gradient(itself));
    assert_rejects(
        grad_check_flags_a_buggy_gradient(itself),
        "compared_with_itself",
    );
}

#[test]
fn grad_check_rejects_the_absolute_error() {
    let absolute = |f: Objective, grad: GradFn, x: &Array1<f64>, h: f64| {
        let (a, n) = (grad(x), central_gradient(f, x, h));
        a.iter()
            .zip(&n)
            .map(|(p, q)| (p - q).abs())
            .fold(0.0, f64::max)
    };
    assert_rejects(
        grad_check_flags_a_buggy_gradient(absolute),
        "absolute_error",
    );
}

#[test]
fn grad_check_rejects_forward_differences() {
    let forward = |f: Objective, grad: GradFn, x: &Array1<f64>, h: f64| {
        let fx = f(x);
        let numeric = Array1::from_iter((0..x.len()).map(|i| {
            let mut p = x.clone();
            p[i] += h;
            (f(&p) - fx) / h
        }));
        right_rel_error(&grad(x), &numeric)
    };
    assert_rejects(
        grad_check_passes_a_correct_gradient(forward),
        "forward_difference",
    );
}

#[test]
fn grad_check_rejects_ignoring_its_step() {
    let fixed_step =
        |f: Objective, grad: GradFn, x: &Array1<f64>, _h: f64| right_grad_check(f, grad, x, 1e-6);
    assert_rejects(grad_check_flags_a_buggy_gradient(fixed_step), "ignores_h");
}

#[test]
fn grad_check_rejects_the_mean_error() {
    let mean = |f: Objective, grad: GradFn, x: &Array1<f64>, h: f64| {
        let (a, n) = (grad(x), central_gradient(f, x, h));
        let total: f64 = a
            .iter()
            .zip(&n)
            .map(|(p, q)| (p - q).abs() / (p.abs() + q.abs()).max(1e-8))
            .sum();
        total / a.len() as f64
    };
    assert_rejects(grad_check_flags_a_buggy_gradient(mean), "mean_not_max");
}

#[test]
fn grad_check_accepts_numerical_first_and_arguments_swapped() {
    let swapped = |f: Objective, grad: GradFn, x: &Array1<f64>, h: f64| {
        let numeric = central_gradient(f, x, h);
        right_rel_error(&numeric, &grad(x))
    };
    assert_accepts(grad_check_passes_a_correct_gradient(swapped));
    assert_accepts(grad_check_flags_a_buggy_gradient(swapped));
    assert_accepts(grad_check_passes_a_correct_gradient(right_grad_check));
    assert_accepts(grad_check_flags_a_buggy_gradient(right_grad_check));
}

/// Scores of the correct gradient across many seeds stay far below the 1e-7 threshold, and
/// the buggy ones far above 1e-2 (the margins the module docs claim).
#[test]
fn margins_hold_across_seeds() {
    let (mut worst_right, mut least_buggy) = (0.0f64, f64::INFINITY);
    for seed in 0..200 {
        let mut inputs = Inputs::with_seed(seed);
        let (net, theta) = network(&mut inputs);
        let numeric = central(&net, &theta, STEP);
        worst_right = worst_right.max(reference_rel_error(&net.gradient(&theta, true), &numeric));
        least_buggy = least_buggy.min(reference_rel_error(&net.gradient(&theta, false), &numeric));
        let mut doubled = net.gradient(&theta, true);
        let last = doubled.len() - 1;
        doubled[last] *= 2.0;
        least_buggy = least_buggy.min(reference_rel_error(&doubled, &numeric));
    }
    assert!(worst_right < 1e-8, "worst correct score {worst_right}");
    assert!(least_buggy > 1e-2, "smallest buggy score {least_buggy}");
}
