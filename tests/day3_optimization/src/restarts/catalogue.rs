//! Plausible wrong answers to 3.6, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

fn descend_n(extra: isize) -> impl DescendFn {
    move |df: &dyn Fn(f64) -> f64, x0: f64, lr: f64, iters: usize| {
        let steps = (iters as isize + extra).max(0) as usize;
        reference_descend(df, x0, lr, steps)
    }
}

// ---- descend ----

#[test]
fn descend_rejects_off_by_one_loops() {
    assert_rejects(descend_takes_exact_steps(descend_n(-1)), "one_step_short");
    assert_rejects(descend_takes_exact_steps(descend_n(1)), "one_step_too_many");
}

#[test]
fn descend_rejects_an_uphill_step() {
    let uphill = |df: &dyn Fn(f64) -> f64, x0: f64, lr: f64, iters: usize| {
        let mut x = x0;
        for _ in 0..iters {
            x += lr * df(x);
        }
        x
    };
    assert_rejects(descend_takes_exact_steps(uphill), "uphill_step");
}

#[test]
fn descend_rejects_returning_the_start() {
    assert_rejects(
        descend_takes_exact_steps(|_: &dyn Fn(f64) -> f64, x0, _, _| x0),
        "returns_start",
    );
}

#[test]
fn descend_accepts_a_while_loop_and_another_order() {
    let alternative = |df: &dyn Fn(f64) -> f64, x0: f64, lr: f64, iters: usize| {
        let (mut x, mut k) = (x0, 0);
        while k < iters {
            x = x - df(x) * lr;
            k += 1;
        }
        x
    };
    assert_accepts(descend_takes_exact_steps(alternative));
}

// ---- best_of_restarts ----

/// Picks the answer from the end points, the starts and f.
type Chooser = fn(&[(f64, f64)], &[f64], &dyn Fn(f64) -> f64) -> (f64, f64);

/// Restarts that choose among the (end, f(end)) pairs with `choose`.
fn restarts_choosing(choose: Chooser) -> impl RestartsFn {
    move |f: &dyn Fn(f64) -> f64, df: &dyn Fn(f64) -> f64, starts: &[f64], lr: f64, iters: usize| {
        let ends: Vec<(f64, f64)> = starts
            .iter()
            .map(|&s| {
                let x = reference_descend(df, s, lr, iters);
                (x, f(x))
            })
            .collect();
        choose(&ends, starts, f)
    }
}

#[test]
fn restarts_reject_the_last_result() {
    let wrong = restarts_choosing(|ends, _, _| ends[ends.len() - 1]);
    assert_rejects(restarts_pick_the_lowest_end(&wrong), "returns_last");
    assert_rejects(rastrigin_global_minimum(&wrong), "returns_last");
}

#[test]
fn restarts_reject_the_first_result() {
    let wrong = restarts_choosing(|ends, _, _| ends[0]);
    assert_rejects(restarts_pick_the_lowest_end(&wrong), "returns_first");
    assert_rejects(double_well_global_minimum(&wrong), "returns_first");
}

#[test]
fn restarts_reject_the_highest_end() {
    let wrong = restarts_choosing(|ends, _, _| {
        ends.iter()
            .copied()
            .fold(ends[0], |b, e| if e.1 > b.1 { e } else { b })
    });
    assert_rejects(restarts_pick_the_lowest_end(&wrong), "picks_highest");
}

#[test]
fn restarts_reject_the_best_start() {
    let wrong = restarts_choosing(|_, starts, f| {
        starts
            .iter()
            .map(|&s| (s, f(s)))
            .fold(
                (starts[0], f(starts[0])),
                |b, e| if e.1 < b.1 { e } else { b },
            )
    });
    assert_rejects(
        restarts_pick_the_lowest_end(&wrong),
        "best_start_not_descended",
    );
}

#[test]
fn restarts_reject_f_of_the_start() {
    let wrong = restarts_choosing(|ends, starts, f| {
        let i = (0..ends.len()).fold(0, |b, i| if ends[i].1 < ends[b].1 { i } else { b });
        (ends[i].0, f(starts[i]))
    });
    assert_rejects(restarts_pick_the_lowest_end(&wrong), "f_of_start");
}

#[test]
fn restarts_reject_a_fixed_number_of_steps() {
    // Runs 1000 steps whatever `iters` says: indistinguishable once every run has converged,
    // so the short runs are what catch it.
    let fixed = |f: &dyn Fn(f64) -> f64,
                 df: &dyn Fn(f64) -> f64,
                 starts: &[f64],
                 lr: f64,
                 _iters: usize| {
        starts
            .iter()
            .map(|&s| {
                let x = reference_descend(df, s, lr, 1000);
                (x, f(x))
            })
            .fold((f64::NAN, f64::INFINITY), |best, e| {
                if e.1 < best.1 { e } else { best }
            })
    };
    gradlings_support::assert_fails_saying(
        restarts_pick_the_lowest_end(fixed),
        "best_of_restarts does not return the lowest end point",
    );
}

#[test]
fn restarts_accept_sorting_the_ends() {
    let sorted = restarts_choosing(|ends, _, _| {
        let mut ends = ends.to_vec();
        ends.sort_by(|a, b| a.1.total_cmp(&b.1));
        ends[0]
    });
    assert_accepts(restarts_pick_the_lowest_end(&sorted));
    assert_accepts(rastrigin_global_minimum(&sorted));
    assert_accepts(double_well_global_minimum(&sorted));
}
