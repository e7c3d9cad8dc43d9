//! Naming the slip behind a wrong value: re-run the reference with each slip students make
//! and find the one that reproduces what the student's code gave.

use super::{EvalSlip, NO_CHAIN_ANYWHERE, Sample, Slip, within};
use gradlings_support::Mistake;

/// The evaluation slip that reproduces every value, or failing that, the failing one.
pub(super) fn name_eval_slip(samples: &[Sample], failing: usize) -> Option<Mistake> {
    let slips = [
        EvalSlip::PowInteger,
        EvalSlip::PowTimes,
        EvalSlip::Log10,
        EvalSlip::SinCosSwapped,
        EvalSlip::AddMulSwapped,
    ];
    let reproduces =
        |slip: EvalSlip, s: &Sample| within(s.got, s.expr.eval_with(s.x, Some(slip)), s.tol);
    let slip = slips
        .iter()
        .find(|&&slip| samples.iter().all(|s| reproduces(slip, s)))
        .or_else(|| {
            slips
                .iter()
                .find(|&&slip| reproduces(slip, &samples[failing]))
        })?;
    Some(match slip {
        EvalSlip::PowInteger => Mistake::new(
            "pow_integer_only",
            "`powi(n as i32)` cuts a fractional exponent such as 0.5 down to a whole number: \
             use `powf(*n)`",
        ),
        EvalSlip::PowTimes => Mistake::new(
            "pow_is_times",
            "Pow(u, n) is u raised to the power n, `powf(*n)`, not u·n",
        ),
        EvalSlip::Log10 => Mistake::new(
            "ln_is_log10",
            "Ln is the natural logarithm, `.ln()`; `log10` is the base-10 one",
        ),
        EvalSlip::SinCosSwapped => Mistake::new(
            "sin_cos_swapped",
            "your Sin arm computes cos and your Cos arm sin: swap them back",
        ),
        EvalSlip::AddMulSwapped => Mistake::new(
            "add_mul_swapped",
            "your Add arm multiplies and your Mul arm adds: swap them back",
        ),
    })
}

/// The single slips, then forgetting the chain rule everywhere (a student who forgot it in
/// one arm is best told which one).
fn slip_candidates() -> Vec<Vec<Slip>> {
    let mut candidates = Vec::new();
    for slip in [
        Slip::NoChainSin,
        Slip::NoChainCos,
        Slip::NoChainExp,
        Slip::NoChainLn,
        Slip::NoChainPow,
        Slip::ProductFirstTermOnly,
        Slip::ProductSecondTermOnly,
        Slip::ProductOfDerivatives,
        Slip::CosSignFlipped,
        Slip::SinSignFlipped,
        Slip::PowerNoMinusOne,
        Slip::PowerMissingFactor,
        Slip::PowerPlusOne,
        Slip::ConstantNotZero,
    ] {
        candidates.push(vec![slip]);
    }
    candidates.push(NO_CHAIN_ANYWHERE.to_vec());
    candidates
}

/// The slip that reproduces every value the student's trees gave, or failing that, the
/// first that reproduces the failing one.
pub(super) fn name_slip(samples: &[Sample], failing: usize) -> Option<Mistake> {
    let reproduces =
        |slips: &[Slip], s: &Sample| within(s.got, s.expr.derivative(s.x, slips), s.tol);
    let candidates = slip_candidates();
    let slips = candidates
        .iter()
        .find(|slips| samples.iter().all(|s| reproduces(slips, s)))
        .or_else(|| {
            candidates
                .iter()
                .find(|slips| reproduces(slips, &samples[failing]))
        })?;
    Some(slip_mistake(slips))
}

fn slip_mistake(slips: &[Slip]) -> Mistake {
    let forgot_chain = |rule: &str| {
        Mistake::new(
            "no_chain_rule",
            format!("chain rule: {rule} — you left out the factor u' (the inner derivative)"),
        )
    };
    if slips.len() > 1 {
        return Mistake::new(
            "no_chain_rule",
            "none of your rules multiplies by the inner derivative u' (the chain rule): \
             sin(u)' = cos(u)·u', exp(u)' = exp(u)·u', (uⁿ)' = n·uⁿ⁻¹·u', …",
        );
    }
    match slips[0] {
        Slip::NoChainSin => forgot_chain("sin(u)' = cos(u)·u'"),
        Slip::NoChainCos => forgot_chain("cos(u)' = −sin(u)·u'"),
        Slip::NoChainExp => forgot_chain("exp(u)' = exp(u)·u'"),
        Slip::NoChainLn => forgot_chain("ln(u)' = u'/u"),
        Slip::NoChainPow => forgot_chain("(uⁿ)' = n·uⁿ⁻¹·u'"),
        Slip::ProductFirstTermOnly | Slip::ProductSecondTermOnly => Mistake::new(
            "product_rule_one_term",
            "the product rule has two terms: (u·v)' = u'·v + u·v'",
        ),
        Slip::ProductOfDerivatives => Mistake::new(
            "product_of_derivatives",
            "the derivative of a product is not the product of the derivatives: \
             (u·v)' = u'·v + u·v', not u'·v'",
        ),
        Slip::CosSignFlipped => Mistake::new(
            "cos_sign",
            "cos(u)' = −sin(u)·u': the minus sign is missing",
        ),
        Slip::SinSignFlipped => Mistake::new(
            "sin_sign",
            "sin(u)' = +cos(u)·u': there is no minus sign (that belongs to cos)",
        ),
        Slip::PowerNoMinusOne => Mistake::new(
            "power_rule_exponent",
            "power rule: (uⁿ)' = n·uⁿ⁻¹·u' — lower the exponent by one (`n - 1.0`)",
        ),
        Slip::PowerMissingFactor => Mistake::new(
            "power_rule_factor",
            "power rule: (uⁿ)' = n·uⁿ⁻¹·u' — the exponent n comes down as a factor",
        ),
        Slip::PowerPlusOne => Mistake::new(
            "power_rule_exponent_raised",
            "power rule: (uⁿ)' = n·uⁿ⁻¹·u' — differentiating lowers the exponent to n − 1 \
             (raising it to n + 1 belongs to integration)",
        ),
        Slip::ConstantNotZero => Mistake::new(
            "constant_derivative",
            "a constant does not change: the derivative of Const(c) is Const(0)",
        ),
    }
}
