//! Plausible wrong answers to 2.6, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

fn is_finite(v: &Array1<f64>) -> bool {
    v.iter().all(|x| x.is_finite())
}

fn outcome(x: Array1<f64>, iters: usize, converged: bool, diverged: bool) -> Outcome {
    Outcome {
        x,
        iters,
        converged,
        diverged,
    }
}

/// A `for` loop over the step number, with the update written with operators.
fn for_loop(grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64) -> Outcome {
    let mut x = x0.clone();
    for k in 0..=max_iters {
        let g = grad(&x);
        if !is_finite(&x) || !is_finite(&g) || norm(&x) > DIVERGENCE_BOUND {
            return outcome(x, k, false, true);
        }
        if norm(&g) < tol {
            return outcome(x, k, true, false);
        }
        if k == max_iters {
            return outcome(x, k, false, false);
        }
        x = &x - &(lr * &g);
    }
    unreachable!("the loop returns at k == max_iters")
}

/// Tests divergence on the new point right after each step (one gradient call fewer).
fn divergence_after_step(
    grad: GradFn,
    x0: &Array1<f64>,
    lr: f64,
    max_iters: usize,
    tol: f64,
) -> Outcome {
    let mut x = x0.clone();
    let mut iters = 0;
    loop {
        let g = grad(&x);
        if !is_finite(&g) {
            return outcome(x, iters, false, true);
        }
        if norm(&g) < tol {
            return outcome(x, iters, true, false);
        }
        if iters >= max_iters {
            return outcome(x, iters, false, false);
        }
        for (xi, gi) in x.iter_mut().zip(&g) {
            *xi -= lr * gi;
        }
        iters += 1;
        if !is_finite(&x) || norm(&x) > DIVERGENCE_BOUND {
            return outcome(x, iters, false, true);
        }
    }
}

/// The seed text's loop with a convergence test added after the step.
fn step_then_test(grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64) -> Outcome {
    let mut x = x0.clone();
    for step in 0..max_iters {
        let g = grad(&x);
        if !is_finite(&g) || norm(&x) > DIVERGENCE_BOUND {
            return outcome(x, step, false, true);
        }
        x = &x - &(lr * &g);
        if norm(&g) < tol {
            return outcome(x, step + 1, true, false);
        }
    }
    outcome(x, max_iters, false, false)
}

#[test]
fn rejects_stepping_uphill() {
    let uphill = |grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64| {
        let flipped = |x: &Array1<f64>| -grad(x);
        for_loop(&flipped, x0, lr, max_iters, tol)
    };
    assert_rejects(eleven_steps_on_x_squared(uphill), "stepped_uphill");
    assert_rejects(booth_converges_from_random_starts(uphill), "stepped_uphill");
}

#[test]
fn rejects_testing_after_the_step() {
    assert_rejects(
        eleven_steps_on_x_squared(step_then_test),
        "off_by_one_iters",
    );
    assert_rejects(
        booth_converges_from_random_starts(step_then_test),
        "off_by_one_iters",
    );
    assert_rejects(
        converged_start_takes_no_step(step_then_test),
        "off_by_one_iters",
    );
}

#[test]
fn rejects_counting_gradient_evaluations() {
    let evaluations = |grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64| {
        let mut result = for_loop(grad, x0, lr, max_iters, tol);
        result.iters += 1;
        result
    };
    assert_rejects(eleven_steps_on_x_squared(evaluations), "off_by_one_iters");
}

#[test]
fn rejects_one_step_too_many() {
    let inclusive = |grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64| {
        for_loop(grad, x0, lr, max_iters + 1, tol)
    };
    assert_accepts(eleven_steps_on_x_squared(inclusive));
    assert_rejects(respects_max_iters(inclusive), "off_by_one_iters");
}

#[test]
fn rejects_the_squared_norm() {
    let squared = |grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64| {
        let mut x = x0.clone();
        for k in 0..=max_iters {
            let g = grad(&x);
            if !is_finite(&g) || norm(&x) > DIVERGENCE_BOUND {
                return outcome(x, k, false, true);
            }
            if g.dot(&g) < tol {
                return outcome(x, k, true, false);
            }
            if k == max_iters {
                return outcome(x, k, false, false);
            }
            x.scaled_add(-lr, &g);
        }
        unreachable!()
    };
    assert_rejects(eleven_steps_on_x_squared(squared), "squared_norm");
}

#[test]
fn rejects_never_testing_for_divergence() {
    let blind = |grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64| {
        let mut x = x0.clone();
        for k in 0..max_iters {
            let g = grad(&x);
            if norm(&g) < tol {
                return outcome(x, k, true, false);
            }
            x.scaled_add(-lr, &g);
        }
        outcome(x, max_iters, false, false)
    };
    assert_accepts(eleven_steps_on_x_squared(blind));
    assert_rejects(
        divergence_is_reported_early(blind),
        "never_reports_divergence",
    );
}

#[test]
fn rejects_testing_only_for_nan_and_infinity() {
    let finite_only = |grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64| {
        let mut x = x0.clone();
        for k in 0..=max_iters {
            let g = grad(&x);
            if !is_finite(&x) || !is_finite(&g) {
                return outcome(x, k, false, true);
            }
            if norm(&g) < tol {
                return outcome(x, k, true, false);
            }
            if k == max_iters {
                return outcome(x, k, false, false);
            }
            x.scaled_add(-lr, &g);
        }
        unreachable!()
    };
    assert_rejects(
        divergence_is_reported_early(finite_only),
        "missing_divergence_bound",
    );
}

#[test]
fn rejects_testing_the_budget_first() {
    let budget_first = |grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64| {
        let mut x = x0.clone();
        let mut iters = 0;
        while iters < max_iters {
            let g = grad(&x);
            if !is_finite(&x) || !is_finite(&g) || norm(&x) > DIVERGENCE_BOUND {
                return outcome(x, iters, false, true);
            }
            if norm(&g) < tol {
                return outcome(x, iters, true, false);
            }
            x = &x - &(lr * &g);
            iters += 1;
        }
        outcome(x, iters, false, false)
    };
    assert_accepts(eleven_steps_on_x_squared(budget_first));
    assert_accepts(booth_converges_from_random_starts(budget_first));
    assert_accepts(divergence_is_reported_early(budget_first));
    assert_accepts(converged_start_takes_no_step(budget_first));
    assert_rejects(respects_max_iters(budget_first), "budget_checked_first");
}

#[test]
fn accepts_a_for_loop() {
    assert_accepts(eleven_steps_on_x_squared(for_loop));
    assert_accepts(booth_converges_from_random_starts(for_loop));
    assert_accepts(divergence_is_reported_early(for_loop));
    assert_accepts(respects_max_iters(for_loop));
    assert_accepts(converged_start_takes_no_step(for_loop));
}

#[test]
fn accepts_testing_divergence_after_the_step() {
    assert_accepts(eleven_steps_on_x_squared(divergence_after_step));
    assert_accepts(booth_converges_from_random_starts(divergence_after_step));
    assert_accepts(divergence_is_reported_early(divergence_after_step));
    assert_accepts(respects_max_iters(divergence_after_step));
    assert_accepts(converged_start_takes_no_step(divergence_after_step));
}

/// The spec's ranges hold for the definition on many seeds: Booth converges in 100–300
/// steps, and lr = 0.112 diverges well within the budget.
#[test]
fn booth_ranges_hold_across_seeds() {
    let (mut fewest, mut most, mut longest_divergence) = (usize::MAX, 0, 0);
    for seed in 0..300 {
        let mut inputs = Inputs::with_seed(seed);
        let x0 = booth_start(&mut inputs, [1.0, -1.0]);
        let r = run(Variant::Right, &grad_booth, &x0, 0.05, 1000, 1e-8);
        assert!(r.converged, "{r}");
        fewest = fewest.min(r.iters);
        most = most.max(r.iters);
        let x0 = booth_start(&mut inputs, [1.0, 1.0]);
        let d = run(Variant::Right, &grad_booth, &x0, 0.112, 10_000, 1e-8);
        assert!(d.diverged, "{d}");
        longest_divergence = longest_divergence.max(d.iters);
    }
    assert!(fewest >= 100 && most <= 300, "{fewest}..{most}");
    assert!(longest_divergence < 2000, "{longest_divergence}");
}
