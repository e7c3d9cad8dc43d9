//! Checks for 1.7 — complex step and Richardson extrapolation (stretch).
//!
//! Complex step: exact to machine precision, so it is held to 1e-14 on the classic test
//! function e^x / √(sin³x + cos³x) at 1.5 and to 1e-13 at seeded points of exp, sin,
//! x³ − 2x and tanh — levels no real difference quotient reaches (its round-off floor is
//! about 1e-11). When it fails, a non-holomorphic probe tells the methods apart: for
//! p(z) = (Re z)² + 5i·Im z, the complex step returns exactly 5 whatever its h, the real part
//! returns x², a real central difference 2x, and a forgotten division 5h.
//!
//! Richardson: judged by its order, not its formula. The error on exp at 0 must be small and
//! shrink about 16× when h halves; on seeded exponentials e^(a·x) and quintics the ratio
//! err(2h)/err(h) must be 12…20 and the error within the h⁴ bound. Both usual forms,
//! (4·D(h/2) − D(h))/3 and (4·D(h) − D(2h))/3, pass.

use crate::functions::{CUBIC, EXP, SIN, TANH, TestFn};
use crate::patterns::rough;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, close, expect_close, fmt_f64};
use num_complex::Complex64;

/// What the student implements: `(f, x) -> f'(x)` for f on complex numbers.
pub trait ComplexStep: Fn(&dyn Fn(Complex64) -> Complex64, f64) -> f64 {}
impl<T: Fn(&dyn Fn(Complex64) -> Complex64, f64) -> f64> ComplexStep for T {}

/// What the student implements: `(f, x, h) -> f'(x)` by Richardson extrapolation.
pub trait Richardson: Fn(&dyn Fn(f64) -> f64, f64, f64) -> f64 {}
impl<T: Fn(&dyn Fn(f64) -> f64, f64, f64) -> f64> Richardson for T {}

/// The classic complex-step test function (Squire & Trapp, 1998).
pub fn classic(z: Complex64) -> Complex64 {
    z.exp() / (z.sin().powi(3) + z.cos().powi(3)).sqrt()
}

/// Its derivative at 1.5: f' = f·(1 − g'/(2g)) with g = sin³ + cos³, confirmed to 40 digits
/// (4.05342789389862065771…) with mpmath.
pub const CLASSIC_SLOPE_AT_1_5: f64 = 4.053427893898621;

/// Machine precision on the classic function: the imaginary part is computed without any
/// subtraction of nearly equal numbers, so the result is within a few ε.
const CLASSIC_TOL: f64 = 1e-14;
/// Seeded points: 1e-13 relative (≈ 450 ε) covers the rounding of complex exp, sin and tanh;
/// a real central difference at its best step is off by ~1e-11.
const RANDOM_TOL: f64 = 1e-13;
const POINTS_PER_FUNCTION: usize = 10;

/// A function on complex numbers, as `complex_step` takes it.
type ComplexFn = fn(Complex64) -> Complex64;

/// The functions of the random points, each with its version on complex numbers.
fn complex_functions() -> [(TestFn, ComplexFn); 4] {
    [
        (EXP, |z| z.exp()),
        (SIN, |z| z.sin()),
        (CUBIC, |z| z * z * z - 2.0 * z),
        (TANH, |z| z.tanh()),
    ]
}

/// complex_step on e^x / √(sin³x + cos³x) at 1.5 gives 4.053427893898621 to 1e-14.
pub fn complex_step_classic(complex_step: impl ComplexStep) -> CheckResult {
    let got = complex_step(&classic, 1.5);
    expect_close(got, CLASSIC_SLOPE_AT_1_5, CLASSIC_TOL, || {
        Feedback::new("complex_step is not exact to machine precision")
            .call("complex_step(f = e^x / √(sin³x + cos³x), x = 1.5)")
            .mistake(diagnose_complex_step(&complex_step))
    })
}

/// complex_step is within 1e-13 · max(1, |f'(x)|) at 10 seeded points each of exp, sin,
/// x³ − 2x and tanh.
pub fn complex_step_machine_precision(complex_step: impl ComplexStep) -> CheckResult {
    let mut inputs = Inputs::new("day1::complex_step_machine_precision");
    for (func, f) in complex_functions() {
        for _ in 0..POINTS_PER_FUNCTION {
            let x = inputs.uniform(func.lo, func.hi);
            let got = complex_step(&f, x);
            expect_close(got, (func.d1)(x), RANDOM_TOL, || {
                Feedback::new("complex_step is not exact to machine precision")
                    .call(format!(
                        "complex_step(f = {}, x = {})",
                        func.name,
                        fmt_f64(x)
                    ))
                    .mistake(diagnose_complex_step(&complex_step))
                    .seed(inputs.seed())
            })?;
        }
    }
    Ok(())
}

/// Tells the methods apart with probes whose answers differ by method (see the module docs).
fn diagnose_complex_step(complex_step: &impl ComplexStep) -> Option<Mistake> {
    let x = 0.7;
    let probe = complex_step(&|z: Complex64| Complex64::new(z.re * z.re, 5.0 * z.im), x);
    if close(probe, 5.0, 1e-9) {
        // The method is right; the step shows in z³ at 1: Im (1 + ih)³ / h = 3 − h².
        let cube = complex_step(&|z: Complex64| z * z * z, 1.0);
        let h = (3.0 - cube).abs().sqrt();
        return (h > 1e-7).then(|| {
            Mistake::new(
                "step_too_large",
                format!(
                    "your step looks like h ≈ {}: the complex step's error is f'''·h²/6, and \
                     nothing stops you from making it negligible — there is no subtraction, so \
                     no round-off penalty. Use h = 1e-20",
                    rough(h)
                ),
            )
        });
    }
    if probe > 0.0 && probe < 1e-3 {
        return Some(Mistake::new(
            "not_divided",
            format!(
                "you return Im f(x + ih) without dividing by h (h ≈ {}): the imaginary part is \
                 about h·f'(x)",
                rough(probe / 5.0)
            ),
        ));
    }
    if close(probe, x * x, 1e-6) {
        return Some(Mistake::new(
            "real_part",
            "you return the real part of f(x + ih), which is f(x) up to h²: the derivative \
             sits in the imaginary part, Im f(x + ih) / h (`.im`)",
        ));
    }
    if close(probe, 2.0 * x, 1e-4) {
        return Some(Mistake::new(
            "finite_difference",
            "you use a real difference quotient: its round-off keeps it near 1e-11 at best. \
             Evaluate f once at the complex point x + ih (`Complex64::new(x, h)`) and return \
             the imaginary part divided by h",
        ));
    }
    None
}

fn central(f: &dyn Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x - h)) / (2.0 * h)
}

/// The values of the plausible wrong combinations at (f, x, h).
fn richardson_mistakes(f: &dyn Fn(f64) -> f64, x: f64, h: f64) -> Vec<(Mistake, f64)> {
    let (coarse, fine, coarser) = (
        central(f, x, h),
        central(f, x, h / 2.0),
        central(f, x, 2.0 * h),
    );
    let no_extrapolation = || {
        Mistake::new(
            "no_extrapolation",
            "this is a plain central quotient, whose error shrinks only 4× when h halves: \
             combine D(h) and D(h/2) as (4·D(h/2) − D(h)) / 3 so the h² terms cancel",
        )
    };
    let first_order = || {
        Mistake::new(
            "first_order_weights",
            "2·D(h/2) − D(h) cancels an error ∝ h, as for a first-order method; the central \
             quotient's error is ∝ h², so the weights are 4 and 1, over 3: \
             (4·D(h/2) − D(h)) / 3",
        )
    };
    let undivided = || {
        Mistake::new(
            "missing_divide_by_3",
            "4·D(h/2) − D(h) counts f' three times: divide by 3",
        )
    };
    vec![
        (no_extrapolation(), coarse),
        (no_extrapolation(), fine),
        (first_order(), 2.0 * fine - coarse),
        (first_order(), 2.0 * coarse - coarser),
        (undivided(), 4.0 * fine - coarse),
        (undivided(), 4.0 * coarse - coarser),
        (
            Mistake::new(
                "weights_swapped",
                "the weight 4 goes with the finer step: (4·D(h/2) − D(h)) / 3",
            ),
            (4.0 * coarse - fine) / 3.0,
        ),
    ]
}

/// The first mistake whose value matches `got` at (f, x, h).
fn name_richardson_mistake(got: f64, f: &dyn Fn(f64) -> f64, x: f64, h: f64) -> Option<Mistake> {
    gradlings_support::name_mistake(got, richardson_mistakes(f, x, h), 1e-9)
}

/// Richardson on exp at 0: |R(0.1) − 1| < 5e-6, and err(0.2) / err(0.1) in [12, 20].
///
/// R(h) = (4·D(h/2) − D(h))/3 has error −f⁽⁵⁾·h⁴/480 ≈ 2.1e-7 at h = 0.1; the other usual
/// form, (4·D(h) − D(2h))/3, has −f⁽⁵⁾·h⁴/30 ≈ 3.3e-6 — both under 5e-6, while a plain central
/// quotient is off by 1.7e-3. A fourth-order error grows 16× when h doubles (the h⁶ term
/// shifts that by < 1 % here); second order gives 4×.
pub fn richardson_on_exp(richardson: impl Richardson) -> CheckResult {
    let exp: &dyn Fn(f64) -> f64 = &f64::exp;
    let (fine, coarse) = (richardson(exp, 0.0, 0.1), richardson(exp, 0.0, 0.2));
    let (err_fine, err_coarse) = ((fine - 1.0).abs(), (coarse - 1.0).abs());
    if err_fine.is_nan() || err_fine >= 5e-6 {
        return Err(
            Feedback::new("richardson on exp at 0 is not fourth-order accurate")
                .call("richardson(f = exp, x = 0, h = 0.1)")
                .expected("1 within 5e-6")
                .got(fmt_f64(fine))
                .mistake(name_richardson_mistake(fine, exp, 0.0, 0.1)),
        );
    }
    let ratio = err_coarse / err_fine;
    if !(12.0..=20.0).contains(&ratio) {
        return Err(Feedback::new(
            "richardson's error should grow about 16× when h doubles (fourth order)",
        )
        .call("richardson(f = exp, x = 0, h = 0.2) and (…, h = 0.1)")
        .expected("error(0.2) / error(0.1) in [12, 20]")
        .got(format!(
            "{} (errors {} and {})",
            rough(ratio),
            rough(err_coarse),
            rough(err_fine)
        ))
        .mistake(name_richardson_mistake(fine, exp, 0.0, 0.1)));
    }
    Ok(())
}

/// A smooth function with its first and fifth derivatives.
struct Smooth {
    name: String,
    f: Box<dyn Fn(f64) -> f64>,
    d1: Box<dyn Fn(f64) -> f64>,
    d5: Box<dyn Fn(f64) -> f64>,
}

fn exponential(a: f64) -> Smooth {
    Smooth {
        name: format!("exp({}·x)", fmt_f64(a)),
        f: Box::new(move |x| (a * x).exp()),
        d1: Box::new(move |x| a * (a * x).exp()),
        d5: Box::new(move |x| a.powi(5) * (a * x).exp()),
    }
}

fn quintic(c: [f64; 6]) -> Smooth {
    let value = move |x: f64| c.iter().rev().fold(0.0, |acc, &ck| acc * x + ck);
    let slope = move |x: f64| (1..6).rev().fold(0.0, |acc, k| acc * x + k as f64 * c[k]);
    Smooth {
        name: format!(
            "the quintic with coefficients {:.3?} (x⁰ first, rounded)",
            c.map(|ck| (ck * 1000.0).round() / 1000.0)
        ),
        f: Box::new(value),
        d1: Box::new(slope),
        d5: Box::new(move |_| 120.0 * c[5]),
    }
}

/// On seeded exponentials e^(a·x) (a in [0.5, 2]) and quintics (|x⁵ coefficient| ≥ 0.5), at
/// x in [−1, 1] with h = 0.1: err(0.2) / err(0.1) is in [12, 20] and
/// |err(0.1)| ≤ 1.2 · |f⁽⁵⁾(x)| · h⁴ / 30 + 1e-12.
///
/// The bound holds for both usual forms (error f⁽⁵⁾·h⁴/480 or /30) with 20 % for the h⁶ term
/// (below 2 % here) and 1e-12 for round-off (ε·|f|/h ≈ 1e-14); errors are at least ~1e-9, so
/// the ratio is not round-off. On a quintic f⁽⁷⁾ = 0: the ratio is 16 up to rounding.
pub fn richardson_fourth_order(richardson: impl Richardson) -> CheckResult {
    let mut inputs = Inputs::new("day1::richardson_fourth_order");
    let mut functions = Vec::new();
    for _ in 0..6 {
        functions.push(exponential(inputs.uniform(0.5, 2.0)));
        let mut c = [0.0; 6];
        for ck in &mut c[..5] {
            *ck = inputs.uniform(-2.0, 2.0);
        }
        let sign = if inputs.index(0, 2) == 0 { -1.0 } else { 1.0 };
        c[5] = sign * inputs.uniform(0.5, 2.0);
        functions.push(quintic(c));
    }
    let h = 0.1;
    for func in &functions {
        let x = inputs.uniform(-1.0, 1.0);
        let exact = (func.d1)(x);
        let fine = richardson(&*func.f, x, h);
        let coarse = richardson(&*func.f, x, 2.0 * h);
        let (err_fine, err_coarse) = ((fine - exact).abs(), (coarse - exact).abs());
        let bound = 1.2 * (func.d5)(x).abs() * h.powi(4) / 30.0 + 1e-12;
        let ratio = err_coarse / err_fine;
        let call = format!(
            "richardson(f = {}, x = {}, h = 0.1 and 0.2)",
            func.name,
            fmt_f64(x)
        );
        let mistake = || name_richardson_mistake(fine, &*func.f, x, h);
        if err_fine.is_nan() || err_fine > bound {
            return Err(
                Feedback::new("richardson's error is larger than a fourth-order method's")
                    .call(call)
                    .expected(format!(
                        "|error at h = 0.1| ≤ 1.2·|f⁽⁵⁾(x)|·h⁴/30 = {}",
                        rough(bound)
                    ))
                    .got(format!(
                        "error {} (value {})",
                        rough(err_fine),
                        fmt_f64(fine)
                    ))
                    .mistake(mistake())
                    .seed(inputs.seed()),
            );
        }
        if !(12.0..=20.0).contains(&ratio) {
            return Err(Feedback::new(
                "richardson's error should grow about 16× when h doubles (fourth order)",
            )
            .call(call)
            .expected("error(0.2) / error(0.1) in [12, 20]")
            .got(format!(
                "{} (errors {} and {})",
                rough(ratio),
                rough(err_coarse),
                rough(err_fine)
            ))
            .mistake(mistake())
            .seed(inputs.seed()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
