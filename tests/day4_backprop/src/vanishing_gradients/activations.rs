//! 4.5, part 1: the activations and the sigmoid chain (exact formulas, 1e-12).

use super::{Activation, ActivationFns, SigmoidChain};
use crate::numeric::expect_relative;
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_f64, name_mistake,
};

fn activation_mistakes(act: Activation, z: f64, derivative: bool) -> Vec<(Mistake, f64)> {
    let s = Activation::Sigmoid.apply(z);
    match (act, derivative) {
        (Activation::Sigmoid, false) => vec![(
            Mistake::new("sigmoid_sign", "σ(z) = 1/(1 + e^(−z)): the exponent is −z"),
            1.0 / (1.0 + z.exp()),
        )],
        (Activation::Sigmoid, true) => vec![
            (
                Mistake::new(
                    "sigmoid_derivative_missing_factor",
                    "σ′(z) = σ(z)·(1 − σ(z)): the factor (1 − σ(z)) is missing",
                ),
                s,
            ),
            (
                Mistake::new(
                    "sigmoid_derivative_of_z",
                    "σ′(z) = σ(z)·(1 − σ(z)): use σ(z), not z, in that formula",
                ),
                z * (1.0 - z),
            ),
        ],
        (Activation::Relu, false) => vec![(
            Mistake::new(
                "relu_is_min",
                "relu(z) = max(z, 0): negative inputs become 0, positive ones pass",
            ),
            z.min(0.0),
        )],
        (Activation::Relu, true) => vec![(
            Mistake::new(
                "relu_derivative_is_value",
                "relu′(z) is 1 for z > 0 and 0 for z < 0 — the slope, not the value",
            ),
            z.max(0.0),
        )],
        (Activation::Tanh, false) => Vec::new(),
        (Activation::Tanh, true) => vec![
            (
                Mistake::new(
                    "tanh_derivative_of_z",
                    "tanh′(z) = 1 − tanh²(z): square tanh(z), not z",
                ),
                1.0 - z * z,
            ),
            (
                Mistake::new(
                    "tanh_derivative_missing_square",
                    "tanh′(z) = 1 − tanh²(z): the tanh is squared",
                ),
                1.0 - z.tanh(),
            ),
        ],
    }
}

/// apply and derivative of sigmoid, ReLU and tanh at 30 seeded z in ±[0.01, 6] (never at
/// ReLU's kink, where any value in [0, 1] is a valid slope): exact to 1e-12.
pub fn activations(fns: impl ActivationFns) -> CheckResult {
    let mut inputs = Inputs::new("day4::activations");
    for act in Activation::ALL {
        for _ in 0..30 {
            let magnitude = inputs.uniform(0.01, 6.0);
            let z = if inputs.index(0, 2) == 0 {
                magnitude
            } else {
                -magnitude
            };
            let (value, slope) = fns(act, z);
            let call = format!("Activation::{act:?}");
            expect_close(value, act.apply(z), 1e-12, || {
                Feedback::new(format!("{call}.apply is not right"))
                    .call(format!("{call}.apply({})", fmt_f64(z)))
                    .mistake(name_mistake(
                        value,
                        activation_mistakes(act, z, false),
                        1e-9,
                    ))
                    .seed(inputs.seed())
            })?;
            expect_close(slope, act.derivative(z), 1e-12, || {
                Feedback::new(format!("{call}.derivative is not right"))
                    .call(format!("{call}.derivative({})", fmt_f64(z)))
                    .mistake(name_mistake(slope, activation_mistakes(act, z, true), 1e-9))
                    .seed(inputs.seed())
            })?;
        }
    }
    Ok(())
}

fn chain_values(x: f64, depth: usize) -> Vec<f64> {
    let mut u = vec![x];
    for _ in 0..depth {
        u.push(Activation::Sigmoid.apply(*u.last().expect("starts at x")));
    }
    u
}

fn chain_mistakes(x: f64, depth: usize) -> Vec<(Mistake, f64)> {
    let u = chain_values(x, depth);
    let d = |v: f64| Activation::Sigmoid.derivative(v);
    vec![
        (
            Mistake::new(
                "derivative_at_x",
                "each σ′ belongs at the value entering that sigmoid, not at x",
            ),
            d(x).powi(depth as i32),
        ),
        (
            Mistake::new(
                "derivatives_at_outputs",
                "each σ′ was evaluated at the value coming out of its sigmoid; use the value going in",
            ),
            (1..=depth).map(|i| d(u[i])).product(),
        ),
        (
            Mistake::new(
                "one_factor_missing",
                "the product has one factor too few: depth sigmoids give depth factors",
            ),
            (0..depth.saturating_sub(1)).map(|i| d(u[i])).product(),
        ),
        (
            Mistake::new(
                "returned_value",
                "this is σ(σ(…σ(x))) itself, not its derivative",
            ),
            u[depth],
        ),
    ]
}

/// `sigmoid_chain_derivative(x, depth)` equals σ′(u₀)·σ′(u₁)·…·σ′(u_{depth−1}) (relative
/// 1e-12, a product of exact factors) for depths 0 to 12 at seeded x in [−4, 4] — depth 0 is
/// the identity, derivative 1 — and at depth 10 it never exceeds (¼)¹⁰ = 9.5367e-7.
pub fn sigmoid_chain_bound(chain: impl SigmoidChain) -> CheckResult {
    let mut inputs = Inputs::new("day4::sigmoid_chain_bound");
    for depth in 0..=12 {
        for _ in 0..5 {
            let x = inputs.uniform(-4.0, 4.0);
            let got = chain(x, depth);
            let want: f64 = {
                let u = chain_values(x, depth);
                (0..depth)
                    .map(|i| Activation::Sigmoid.derivative(u[i]))
                    .product()
            };
            let call = format!("sigmoid_chain_derivative({}, {depth})", fmt_f64(x));
            expect_relative(got, want, 1e-12, || {
                let feedback = Feedback::new(format!(
                    "the derivative of {depth} sigmoids in a row is the product of their slopes"
                ))
                .call(call.clone())
                .mistake(name_mistake(got, chain_mistakes(x, depth), 1e-9))
                .seed(inputs.seed());
                if depth == 0 {
                    feedback.note("zero sigmoids is the identity function: derivative 1")
                } else {
                    feedback
                }
            })?;
            let bound = 0.25_f64.powi(depth as i32);
            if got > bound {
                return Err(Feedback::new(format!(
                    "σ′ ≤ ¼, so {depth} sigmoids in a row have slope ≤ (¼)^{depth}"
                ))
                .call(call)
                .expected(format!("at most {}", fmt_f64(bound)))
                .got(fmt_f64(got))
                .seed(inputs.seed()));
            }
        }
    }
    Ok(())
}
