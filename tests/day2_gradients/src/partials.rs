//! Checks for 2.1 — partial derivatives and the numerical gradient.
//!
//! Both functions are formulas, so their values are checked for exactness against the
//! central difference computed here: 1e-9 relative, where every algebraically equal form
//! (`x[i] + h` or `+= h` then `-= 2h`, dividing by `2h` or multiplying by `0.5 / h`) differs
//! only by rounding, ~1e-12 at the steps used. Then two properties of *how* the gradient is
//! computed: every point f sees differs from x in at most one coordinate (a probe that is not
//! put back shifts every later partial), and f is called at most 2n + 1 times.

use crate::compare::{expect_vec_close, fmt_vec, name_vec_mistake, nd_component};
use crate::functions::{ALL, VecFn};
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_f64, name_mistake,
};
use ndarray::Array1;
use std::cell::{Cell, RefCell};

/// A function of n variables as the implementations receive it.
pub type Objective<'a> = &'a dyn Fn(&Array1<f64>) -> f64;

/// What the student implements as `partial`: `(f, x, i, h) -> ∂f/∂x_i`.
pub trait Partial: Fn(Objective, &Array1<f64>, usize, f64) -> f64 {}
impl<T: Fn(Objective, &Array1<f64>, usize, f64) -> f64> Partial for T {}

/// What the student implements as `numerical_gradient`: `(f, x, h) -> ∇f(x)`.
pub trait Gradient: Fn(Objective, &Array1<f64>, f64) -> Array1<f64> {}
impl<T: Fn(Objective, &Array1<f64>, f64) -> Array1<f64>> Gradient for T {}

/// Exactness of a formula: rounding-level differences only.
const FORMULA_TOL: f64 = 1e-9;
const STEPS: [f64; 2] = [1e-2, 1e-4];
const POINTS_PER_FUNCTION: usize = 20;

/// A point with 3 to 6 coordinates (the dimension cycles with `k`) in `func`'s box.
fn point(inputs: &mut Inputs, func: &VecFn, k: usize) -> Array1<f64> {
    Array1::from(inputs.uniform_vec(3 + k % 4, func.lo, func.hi))
}

/// x + t·e_i.
fn moved(x: &Array1<f64>, i: usize, t: f64) -> Array1<f64> {
    let mut p = x.clone();
    p[i] = x[i] + t;
    p
}

/// The reference: (f(x + h·e_i) − f(x − h·e_i)) / (2h).
pub fn central_partial(f: &dyn Fn(&Array1<f64>) -> f64, x: &Array1<f64>, i: usize, h: f64) -> f64 {
    (f(&moved(x, i, h)) - f(&moved(x, i, -h))) / (2.0 * h)
}

/// The plausible wrong values of ∂f/∂x_i, named.
fn partial_mistakes(func: &VecFn, x: &Array1<f64>, i: usize, h: f64) -> Vec<(Mistake, f64)> {
    let f = |p: &Array1<f64>| func.eval(p);
    let (up, mid, down) = (f(&moved(x, i, h)), f(x), f(&moved(x, i, -h)));
    let central = (up - down) / (2.0 * h);
    let mut list = vec![
        (
            Mistake::new(
                "forward_formula",
                "this is the forward difference (f(x + h·e_i) − f(x)) / h; the exercise asks for \
                 the central one, (f(x + h·e_i) − f(x − h·e_i)) / (2h)",
            ),
            (up - mid) / h,
        ),
        (
            Mistake::new(
                "backward_formula",
                "this is the backward difference (f(x) − f(x − h·e_i)) / h; the exercise asks \
                 for the central one, (f(x + h·e_i) − f(x − h·e_i)) / (2h)",
            ),
            (mid - down) / h,
        ),
        (
            Mistake::new(
                "minus_h_returns_to_x",
                "your lower point is x itself: after `probe[i] += h`, subtracting h once only \
                 brings probe[i] back to x[i]. Subtract 2h, or set probe[i] = x[i] − h",
            ),
            (up - mid) / (2.0 * h),
        ),
        (
            Mistake::new(
                "sign_flipped",
                "your value has the wrong sign: subtract the lower value from the upper one, \
                 f(x + h·e_i) − f(x − h·e_i)",
            ),
            -central,
        ),
        (
            Mistake::new(
                "width_h_not_2h",
                "x + h·e_i and x − h·e_i are 2h apart: divide by 2h, not h",
            ),
            2.0 * central,
        ),
        (
            Mistake::new(
                "operator_precedence",
                "operator precedence: `a / 2.0 * h` means (a / 2)·h; write `a / (2.0 * h)`",
            ),
            (up - down) / 2.0 * h,
        ),
    ];
    let all_up = x.mapv(|v| v + h);
    let all_down = x.mapv(|v| v - h);
    list.push((
        Mistake::new(
            "moved_every_coordinate",
            "you moved every coordinate by h (x + h, x − h); a partial moves only coordinate i \
             and holds the others fixed",
        ),
        (f(&all_up) - f(&all_down)) / (2.0 * h),
    ));
    for k in (0..x.len()).filter(|&k| k != i) {
        list.push((
            Mistake::new(
                "wrong_coordinate",
                format!(
                    "this is the partial along coordinate {k}, not along i = {i}: move probe[i]"
                ),
            ),
            central_partial(&f, x, k, h),
        ));
    }
    list
}

/// partial equals (f(x + h·e_i) − f(x − h·e_i)) / (2h) for every coordinate of 20 points of
/// each test function in 3 to 6 dimensions, for h = 1e-2 and 1e-4.
pub fn partial_formula(partial: impl Partial) -> CheckResult {
    let mut inputs = Inputs::new("day2::partial_formula");
    for func in &ALL {
        let f = |p: &Array1<f64>| func.eval(p);
        for k in 0..POINTS_PER_FUNCTION {
            let x = point(&mut inputs, func, k);
            for i in 0..x.len() {
                for h in STEPS {
                    let got = partial(&f, &x, i, h);
                    let want = central_partial(&f, &x, i, h);
                    expect_close(got, want, FORMULA_TOL, || {
                        Feedback::new(
                            "partial does not compute (f(x + h·e_i) − f(x − h·e_i)) / (2h)",
                        )
                        .call(format!(
                            "partial(f = {}, x = {}, i = {i}, h = {})",
                            func.name,
                            fmt_vec(&x),
                            fmt_f64(h)
                        ))
                        .mistake(name_mistake(
                            got,
                            partial_mistakes(func, &x, i, h),
                            FORMULA_TOL,
                        ))
                        .seed(inputs.seed())
                    })?;
                }
            }
        }
    }
    Ok(())
}

/// The gradient a student gets when the probe is not put back after each coordinate: the
/// partial of coordinate j is taken at x + offset·Σ_{k<j} e_k.
fn drifting_gradient(func: &VecFn, x: &Array1<f64>, h: f64, offset: f64) -> Array1<f64> {
    let f = |p: &Array1<f64>| func.eval(p);
    let mut base = x.clone();
    Array1::from_iter((0..x.len()).map(|j| {
        let d = central_partial(&f, &base, j, h);
        base[j] += offset;
        d
    }))
}

fn gradient_mistakes(func: &VecFn, x: &Array1<f64>, h: f64) -> Vec<(Mistake, Array1<f64>)> {
    let n = x.len();
    let mut list: Vec<(Mistake, Array1<f64>)> = Vec::new();
    // The same formula mistakes as in `partial`, made in every component.
    for (slot, (mistake, _)) in partial_mistakes(func, x, 0, h).into_iter().enumerate() {
        if mistake.id == "wrong_coordinate" {
            continue;
        }
        let values = Array1::from_iter((0..n).map(|i| partial_mistakes(func, x, i, h)[slot].1));
        list.push((mistake, values));
    }
    let restore = "you did not put the probe back: after moving coordinate i, set probe[i] = \
                   x[i] again before moving the next one. Otherwise every later partial is \
                   taken at a shifted point";
    list.push((
        Mistake::new("probe_not_restored", restore),
        drifting_gradient(func, x, h, -h),
    ));
    list.push((
        Mistake::new("probe_not_restored", restore),
        drifting_gradient(func, x, h, h),
    ));
    let f = |p: &Array1<f64>| func.eval(p);
    let mut last_skipped = Array1::from_iter((0..n).map(|i| central_partial(&f, x, i, h)));
    if let Some(last) = last_skipped.last_mut() {
        *last = 0.0;
    }
    list.push((
        Mistake::new(
            "last_coordinate_skipped",
            "the last component is 0: a range `0..n - 1` stops one short; `0..n` (or \
             `0..x.len()`) visits every coordinate",
        ),
        last_skipped,
    ));
    list
}

/// numerical_gradient equals the vector of central partials, componentwise to 1e-9, for 20
/// points of each test function in 3 to 6 dimensions and h = 1e-2 and 1e-4.
pub fn gradient_formula(numerical_gradient: impl Gradient) -> CheckResult {
    let mut inputs = Inputs::new("day2::gradient_formula");
    for func in &ALL {
        let f = |p: &Array1<f64>| func.eval(p);
        for k in 0..POINTS_PER_FUNCTION {
            let x = point(&mut inputs, func, k);
            for h in STEPS {
                let got = numerical_gradient(&f, &x, h);
                let want = Array1::from_iter((0..x.len()).map(|i| central_partial(&f, &x, i, h)));
                expect_vec_close(&got, &want, FORMULA_TOL, nd_component, || {
                    Feedback::new(
                        "numerical_gradient is not [∂f/∂x_0, …, ∂f/∂x_{n−1}], each by the central \
                         difference",
                    )
                    .call(format!(
                        "numerical_gradient(f = {}, x = {}, h = {})",
                        func.name,
                        fmt_vec(&x),
                        fmt_f64(h)
                    ))
                    .mistake(name_vec_mistake(
                        &got,
                        gradient_mistakes(func, &x, h),
                        FORMULA_TOL,
                    ))
                    .seed(inputs.seed())
                })?;
            }
        }
    }
    Ok(())
}

/// Every point at which numerical_gradient calls f differs from x in at most one coordinate.
///
/// A coordinate counts as moved when it differs from x by more than 1e-6·h: correct code
/// that moves by h and back may leave a rounding difference of ~1e-16·|x_k| ≪ 1e-9 (h =
/// 1e-3), while a probe that was not put back is off by h.
pub fn gradient_probes_one_coordinate(numerical_gradient: impl Gradient) -> CheckResult {
    let mut inputs = Inputs::new("day2::gradient_probes_one_coordinate");
    let h = 1e-3;
    for func in &ALL {
        for k in 0..4 {
            let x = point(&mut inputs, func, k);
            let n = x.len();
            let seen = RefCell::new(Vec::new());
            let recording = |p: &Array1<f64>| {
                seen.borrow_mut().push(p.clone());
                if p.len() == n { func.eval(p) } else { f64::NAN }
            };
            numerical_gradient(&recording, &x, h);
            let call = || {
                format!(
                    "numerical_gradient(f = {}, x = {}, h = {h})",
                    func.name,
                    fmt_vec(&x)
                )
            };
            for p in seen.borrow().iter() {
                if p.len() != n {
                    return Err(
                        Feedback::new("f was called with a vector of the wrong length")
                            .call(call())
                            .expected(format!("points with {n} coordinates, like x"))
                            .got(format!(
                                "a point with {} coordinates: {}",
                                p.len(),
                                fmt_vec(p)
                            ))
                            .seed(inputs.seed()),
                    );
                }
                let shifted: Vec<usize> =
                    (0..n).filter(|&c| (p[c] - x[c]).abs() > 1e-6 * h).collect();
                if shifted.len() > 1 {
                    let offsets: Vec<String> = shifted
                        .iter()
                        .map(|&c| format!("x_{c} {:+e}", p[c] - x[c]))
                        .collect();
                    return Err(Feedback::new(
                        "f was called at a point that differs from x in more than one coordinate",
                    )
                    .call(call())
                    .expected("each probe moves exactly one coordinate of x, by ±h")
                    .got(format!("{} ({})", fmt_vec(p), offsets.join(", ")))
                    .mistake(Some(Mistake::new(
                        "probe_not_restored",
                        "you did not put the probe back: after moving coordinate i, set \
                         probe[i] = x[i] again before moving the next one",
                    )))
                    .seed(inputs.seed()));
                }
            }
        }
    }
    Ok(())
}

/// numerical_gradient calls f at most 2n + 1 times (two per coordinate, plus f(x) once if
/// the implementation wants it).
pub fn gradient_call_budget(numerical_gradient: impl Gradient) -> CheckResult {
    let mut inputs = Inputs::new("day2::gradient_call_budget");
    for func in &ALL {
        for k in 0..4 {
            let x = point(&mut inputs, func, k);
            let n = x.len();
            let calls = Cell::new(0usize);
            let calls_at_x = Cell::new(0usize);
            let counting = |p: &Array1<f64>| {
                calls.set(calls.get() + 1);
                if p == x {
                    calls_at_x.set(calls_at_x.get() + 1);
                }
                if p.len() == n { func.eval(p) } else { f64::NAN }
            };
            numerical_gradient(&counting, &x, 1e-4);
            let (calls, calls_at_x) = (calls.get(), calls_at_x.get());
            if calls > 2 * n + 1 {
                let mistake = if calls_at_x > 1 {
                    Mistake::new(
                        "recomputed_center",
                        format!(
                            "you call f at x itself {calls_at_x} times. The central difference \
                             needs only f(x + h·e_i) and f(x − h·e_i); if you want f(x), compute \
                             it once before the loop"
                        ),
                    )
                } else {
                    Mistake::new(
                        "too_many_calls",
                        "each partial needs two calls of f, f(x + h·e_i) and f(x − h·e_i); \
                         look for calls you repeat",
                    )
                };
                return Err(Feedback::new("numerical_gradient calls f too often")
                    .call(format!(
                        "numerical_gradient(f = {}, x = {} ({n} coordinates), h = 1e-4)",
                        func.name,
                        fmt_vec(&x)
                    ))
                    .expected(format!("at most 2n + 1 = {} calls of f", 2 * n + 1))
                    .got(format!("{calls} calls"))
                    .mistake(Some(mistake))
                    .seed(inputs.seed()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
