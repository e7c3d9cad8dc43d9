//! Checks for 1.1 — forward, backward and central difference quotients.
//!
//! The quotients are formulas, so they are checked for exactness: the student's value must
//! equal the formula evaluated here to 1e-9 relative. Any algebraically equal form (dividing
//! by `2.0 * h` or multiplying by `0.5 / h`, averaging forward and backward) differs only by
//! rounding, ~1e-13 here. Then two properties the formulas imply: the forward error is
//! +f''(x)·h/2 to first order, and the central error at exp, x = 1, h = 1e-3 is e·h²/6.

use crate::functions::{BASIC, EXP, SIN, TestFn};
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, expect_within, fmt_f64, name_mistake,
};

/// What the student implements: `(f, x, h) -> approximation of f'(x)`.
pub trait Quotient: Fn(&dyn Fn(f64) -> f64, f64, f64) -> f64 {}
impl<T: Fn(&dyn Fn(f64) -> f64, f64, f64) -> f64> Quotient for T {}

/// Exactness of a formula: rounding-level differences only.
const FORMULA_TOL: f64 = 1e-9;
const STEPS: [f64; 3] = [1e-1, 1e-2, 1e-3];
const POINTS_PER_FUNCTION: usize = 20;

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Forward,
    Backward,
    Central,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Forward => "forward_diff",
            Kind::Backward => "backward_diff",
            Kind::Central => "central_diff",
        }
    }

    fn formula(self) -> &'static str {
        match self {
            Kind::Forward => "(f(x + h) − f(x)) / h",
            Kind::Backward => "(f(x) − f(x − h)) / h",
            Kind::Central => "(f(x + h) − f(x − h)) / (2h)",
        }
    }

    pub(crate) fn eval(self, f: fn(f64) -> f64, x: f64, h: f64) -> f64 {
        match self {
            Kind::Forward => (f(x + h) - f(x)) / h,
            Kind::Backward => (f(x) - f(x - h)) / h,
            Kind::Central => (f(x + h) - f(x - h)) / (2.0 * h),
        }
    }
}

/// Values of the plausible wrong answers for `kind` at (f, x, h).
pub(crate) fn mistakes(kind: Kind, f: fn(f64) -> f64, x: f64, h: f64) -> Vec<(Mistake, f64)> {
    let (fp, f0, fm) = (f(x + h), f(x), f(x - h));
    let asked = kind.formula();
    let mut list = Vec::new();
    for other in [Kind::Forward, Kind::Backward, Kind::Central] {
        if other != kind {
            list.push((
                Mistake::new(
                    match other {
                        Kind::Forward => "forward_formula",
                        Kind::Backward => "backward_formula",
                        Kind::Central => "central_formula",
                    },
                    format!(
                        "this is the {} quotient {}; {} asks for {asked}",
                        match other {
                            Kind::Forward => "forward",
                            Kind::Backward => "backward",
                            Kind::Central => "central",
                        },
                        other.formula(),
                        kind.name()
                    ),
                ),
                other.eval(f, x, h),
            ));
        }
    }
    let (numerator, width, precedence) = match kind {
        Kind::Forward => (fp - f0, h, fp - f0 / h),
        Kind::Backward => (f0 - fm, h, f0 - fm / h),
        Kind::Central => (fp - fm, 2.0 * h, (fp - fm) / 2.0 * h),
    };
    list.push((
        Mistake::new(
            "sign_flipped",
            "your value has the wrong sign: subtract the value on the left from the value on \
             the right, (right − left) / width",
        ),
        -numerator / width,
    ));
    list.push((
        Mistake::new(
            "not_divided",
            "you return the change in f without dividing by the width of the step",
        ),
        numerator,
    ));
    list.push((
        Mistake::new(
            "operator_precedence",
            if kind == Kind::Central {
                "operator precedence: `a / 2.0 * h` means (a / 2)·h; write `a / (2.0 * h)`"
            } else {
                "operator precedence: `/` binds tighter than `−`; put the difference in \
                 parentheses before dividing by h"
            },
        ),
        precedence,
    ));
    if kind == Kind::Central {
        list.push((
            Mistake::new(
                "width_h_not_2h",
                "the points x − h and x + h are 2h apart: divide by 2h, not h",
            ),
            (fp - fm) / h,
        ));
        list.push((
            Mistake::new(
                "half_steps",
                "you step h/2 each way, (f(x + h/2) − f(x − h/2)) / h: that is a central \
                 quotient with step h/2. Step the whole h each way and divide by 2h",
            ),
            (f(x + h / 2.0) - f(x - h / 2.0)) / h,
        ));
    } else {
        list.push((
            Mistake::new(
                "width_2h_not_h",
                "the two points are h apart, so divide by h, not 2h",
            ),
            numerator / (2.0 * h),
        ));
    }
    list
}

/// A value right to about seven digits that is exactly an `f32`: computed in single precision.
///
/// f32 keeps 24 bits (relative rounding 6e-8); dividing a difference of two rounded values by
/// a small h magnifies that, so allow 1e-3 relative. A correct f64 result is an exact f32
/// only by a coincidence of probability about 2⁻²⁹.
fn single_precision(got: f64, want: f64) -> Option<Mistake> {
    let is_f32 = f64::from(got as f32) == got;
    (is_f32 && got != want && (got - want).abs() <= 1e-3 * want.abs().max(1.0)).then(|| {
        Mistake::new(
            "single_precision",
            "your value is an f32 and right to only a few digits: compute in f64 (no `as f32`, \
             no f32 variables) — single precision keeps about 7 digits, and the quotient loses \
             more of them to the subtraction",
        )
    })
}

fn formula_check(kind: Kind, quotient: impl Quotient, check_name: &str) -> CheckResult {
    let mut inputs = Inputs::new(check_name);
    for func in BASIC {
        for _ in 0..POINTS_PER_FUNCTION {
            let x = inputs.uniform(func.lo, func.hi);
            for h in STEPS {
                let got = quotient(&func.f, x, h);
                let want = kind.eval(func.f, x, h);
                expect_close(got, want, FORMULA_TOL, || {
                    Feedback::new(format!(
                        "{} does not compute {}",
                        kind.name(),
                        kind.formula()
                    ))
                    .call(format!(
                        "{}(f = {}, x = {}, h = {})",
                        kind.name(),
                        func.name,
                        fmt_f64(x),
                        fmt_f64(h)
                    ))
                    .mistake(name_mistake(got, mistakes(kind, func.f, x, h), FORMULA_TOL))
                    .mistake(single_precision(got, want))
                    .seed(inputs.seed())
                })?;
            }
        }
    }
    Ok(())
}

/// forward_diff equals (f(x + h) − f(x)) / h for exp, sin, x³ − 2x and tanh.
pub fn forward_formula(forward_diff: impl Quotient) -> CheckResult {
    formula_check(Kind::Forward, forward_diff, "day1::forward_formula")
}

/// backward_diff equals (f(x) − f(x − h)) / h.
pub fn backward_formula(backward_diff: impl Quotient) -> CheckResult {
    formula_check(Kind::Backward, backward_diff, "day1::backward_formula")
}

/// central_diff equals (f(x + h) − f(x − h)) / (2h).
pub fn central_formula(central_diff: impl Quotient) -> CheckResult {
    formula_check(Kind::Central, central_diff, "day1::central_formula")
}

/// The forward quotient overshoots by f''(x)·h/2: its signed error matches within 5 %.
///
/// Taylor: f(x + h) = f(x) + h·f'(x) + h²/2·f''(x) + O(h³), so the quotient minus f'(x) is
/// f''(x)·h/2 + O(h²). At h = 1e-2 the O(h²) part is below 1 % of it for these points, and
/// round-off (ε·|f|/h ≈ 1e-14) is negligible, so 5 % leaves room for any correct form.
pub fn forward_error_is_half_h_f2(forward_diff: impl Quotient) -> CheckResult {
    let h = 1e-2;
    let cases: [(TestFn, f64); 4] = [(EXP, 0.0), (EXP, 1.0), (SIN, 1.3), (SIN, -2.0)];
    for (func, x) in cases {
        let error = forward_diff(&func.f, x, h) - (func.d1)(x);
        let predicted = (func.d2)(x) * h / 2.0;
        expect_within(error, predicted, 0.05 * predicted.abs(), || {
            let mistake = if (error + predicted).abs() < 0.05 * predicted.abs() {
                Some(Mistake::new(
                    "backward_formula",
                    "your error is −f''(x)·h/2, the backward quotient's: forward looks ahead, \
                     to f(x + h)",
                ))
            } else if error.abs() < 0.05 * predicted.abs() {
                Some(Mistake::new(
                    "central_formula",
                    "your error is far below f''(x)·h/2, like the central quotient's: forward \
                     uses only f(x) and f(x + h)",
                ))
            } else {
                None
            };
            Feedback::new("the forward quotient's error should be f''(x)·h/2 to first order")
                .call(format!(
                    "forward_diff(f = {}, x = {x}, h = {h}) − f'(x)",
                    func.name
                ))
                .mistake(mistake)
        })?;
    }
    Ok(())
}

/// The central quotient's error at exp, x = 1, h = 1e-3 is e·h²/6 = 4.5305e-7.
///
/// Taylor: the error is f'''(x)·h²/6 + f⁽⁵⁾(x)·h⁴/120 + round-off ≈ 4.53051e-7 + 2e-14
/// ± 1e-12. A 1 % tolerance accepts every correct form and rejects first-order formulas
/// (error ≈ 1.4e-3) and a missing or extra factor of 2.
pub fn central_error_at_e(central_diff: impl Quotient) -> CheckResult {
    let (x, h) = (1.0, 1e-3);
    let e = std::f64::consts::E;
    let error = central_diff(&f64::exp, x, h) - e;
    let want = e * h * h / 6.0;
    expect_within(error, want, 0.01 * want, || {
        Feedback::new("the central quotient's error should be f'''(x)·h²/6, second order in h")
            .call("central_diff(f = exp, x = 1, h = 1e-3) − e")
            .mistake(name_mistake(
                error + e,
                mistakes(Kind::Central, f64::exp, x, h),
                FORMULA_TOL,
            ))
    })
}

#[cfg(test)]
mod catalogue;
