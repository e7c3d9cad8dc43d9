//! Plausible wrong answers to 2.1, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

/// The central partial written the way most students write it.
fn good_partial(f: Objective, x: &Array1<f64>, i: usize, h: f64) -> f64 {
    let mut probe = x.clone();
    probe[i] += h;
    let up = f(&probe);
    probe[i] -= 2.0 * h;
    let down = f(&probe);
    (up - down) / (2.0 * h)
}

// ---- partial ----

#[test]
fn partial_rejects_the_forward_formula() {
    let forward = |f: Objective, x: &Array1<f64>, i: usize, h: f64| {
        let mut probe = x.clone();
        probe[i] += h;
        (f(&probe) - f(x)) / h
    };
    assert_rejects(partial_formula(forward), "forward_formula");
}

#[test]
fn partial_rejects_subtracting_h_only_once() {
    let back_to_x = |f: Objective, x: &Array1<f64>, i: usize, h: f64| {
        let mut probe = x.clone();
        probe[i] += h;
        let up = f(&probe);
        probe[i] -= h;
        let down = f(&probe);
        (up - down) / (2.0 * h)
    };
    assert_rejects(partial_formula(back_to_x), "minus_h_returns_to_x");
}

#[test]
fn partial_rejects_dividing_by_h() {
    assert_rejects(
        partial_formula(|f, x, i, h| good_partial(f, x, i, h) * 2.0),
        "width_h_not_2h",
    );
}

#[test]
fn partial_rejects_the_next_coordinate() {
    let off_by_one =
        |f: Objective, x: &Array1<f64>, i: usize, h: f64| good_partial(f, x, (i + 1) % x.len(), h);
    assert_rejects(partial_formula(off_by_one), "wrong_coordinate");
}

#[test]
fn partial_rejects_moving_every_coordinate() {
    let everything =
        |f: Objective, x: &Array1<f64>, _i: usize, h: f64| (f(&(x + h)) - f(&(x - h))) / (2.0 * h);
    assert_rejects(partial_formula(everything), "moved_every_coordinate");
}

#[test]
fn partial_rejects_a_flipped_sign() {
    assert_rejects(
        partial_formula(|f, x, i, h| -good_partial(f, x, i, h)),
        "sign_flipped",
    );
}

#[test]
fn partial_accepts_setting_the_coordinate_and_multiplying_by_half_over_h() {
    let alternative = |f: Objective, x: &Array1<f64>, i: usize, h: f64| {
        let mut probe = x.clone();
        probe[i] = x[i] - h;
        let down = f(&probe);
        probe[i] = x[i] + h;
        let up = f(&probe);
        (up - down) * (0.5 / h)
    };
    assert_accepts(partial_formula(alternative));
    assert_accepts(partial_formula(good_partial));
}

// ---- numerical_gradient ----

/// Moves probe[i] up and down but never puts it back: it ends at x[i] − h.
fn unrestored_gradient(f: Objective, x: &Array1<f64>, h: f64) -> Array1<f64> {
    let mut probe = x.clone();
    let mut grad = Array1::zeros(x.len());
    for i in 0..x.len() {
        probe[i] = x[i] + h;
        let up = f(&probe);
        probe[i] = x[i] - h;
        let down = f(&probe);
        grad[i] = (up - down) / (2.0 * h);
    }
    grad
}

#[test]
fn gradient_rejects_a_probe_that_is_not_put_back() {
    assert_rejects(gradient_formula(unrestored_gradient), "probe_not_restored");
    assert_rejects(
        gradient_probes_one_coordinate(unrestored_gradient),
        "probe_not_restored",
    );
}

#[test]
fn gradient_rejects_a_probe_left_above_x() {
    // Down first, then up, and no reset: the probe ends at x[i] + h.
    let unrestored_up = |f: Objective, x: &Array1<f64>, h: f64| {
        let mut probe = x.clone();
        Array1::from_iter((0..x.len()).map(|i| {
            probe[i] -= h;
            let down = f(&probe);
            probe[i] += 2.0 * h;
            (f(&probe) - down) / (2.0 * h)
        }))
    };
    assert_rejects(gradient_formula(unrestored_up), "probe_not_restored");
}

#[test]
fn gradient_rejects_forward_differences() {
    let forward = |f: Objective, x: &Array1<f64>, h: f64| {
        let fx = f(x);
        Array1::from_iter((0..x.len()).map(|i| {
            let mut probe = x.clone();
            probe[i] += h;
            (f(&probe) - fx) / h
        }))
    };
    assert_rejects(gradient_formula(forward), "forward_formula");
}

#[test]
fn gradient_rejects_dividing_by_h() {
    let wide = |f: Objective, x: &Array1<f64>, h: f64| {
        Array1::from_iter((0..x.len()).map(|i| 2.0 * good_partial(f, x, i, h)))
    };
    assert_rejects(gradient_formula(wide), "width_h_not_2h");
}

#[test]
fn gradient_rejects_three_calls_per_coordinate() {
    // Correct values (the mean of forward and backward is the central difference), but f(x)
    // is recomputed for every coordinate.
    let wasteful = |f: Objective, x: &Array1<f64>, h: f64| {
        Array1::from_iter((0..x.len()).map(|i| {
            let mut probe = x.clone();
            probe[i] += h;
            let forward = (f(&probe) - f(x)) / h;
            probe[i] -= 2.0 * h;
            let backward = (f(x) - f(&probe)) / h;
            0.5 * (forward + backward)
        }))
    };
    assert_accepts(gradient_formula(wasteful));
    assert_rejects(gradient_call_budget(wasteful), "recomputed_center");
}

#[test]
fn gradient_rejects_a_missing_coordinate() {
    let short = |f: Objective, x: &Array1<f64>, h: f64| {
        Array1::from_iter((0..x.len() - 1).map(|i| good_partial(f, x, i, h)))
    };
    gradlings_support::assert_fails_saying(gradient_formula(short), "components");
}

#[test]
fn gradient_accepts_a_backward_loop_with_f_of_x_computed_once() {
    let alternative = |f: Objective, x: &Array1<f64>, h: f64| {
        let _center = f(x); // allowed: 2n + 1 calls in all
        let mut probe = x.clone();
        let mut grad = Array1::zeros(x.len());
        for i in (0..x.len()).rev() {
            probe[i] += h;
            let up = f(&probe);
            probe[i] -= 2.0 * h;
            let down = f(&probe);
            probe[i] += h; // back to x[i], up to rounding
            grad[i] = (up - down) / (2.0 * h);
        }
        grad
    };
    assert_accepts(gradient_formula(alternative));
    assert_accepts(gradient_probes_one_coordinate(alternative));
    assert_accepts(gradient_call_budget(alternative));
}

#[test]
fn gradient_accepts_calling_partial() {
    let via_partial = |f: Objective, x: &Array1<f64>, h: f64| {
        Array1::from_iter((0..x.len()).map(|i| good_partial(f, x, i, h)))
    };
    assert_accepts(gradient_formula(via_partial));
    assert_accepts(gradient_probes_one_coordinate(via_partial));
    assert_accepts(gradient_call_budget(via_partial));
}

#[test]
fn gradient_rejects_a_loop_that_stops_one_short() {
    let one_short = |f: Objective, x: &Array1<f64>, h: f64| {
        let mut g = Array1::zeros(x.len());
        for i in 0..x.len() - 1 {
            g[i] = good_partial(f, x, i, h);
        }
        g
    };
    assert_rejects(gradient_formula(one_short), "last_coordinate_skipped");
}
