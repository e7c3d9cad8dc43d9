//! 4.1, part 1: `chain_derivative` against the test's product of exact derivatives.

use super::{ChainDerivative, EXACT_TOL, Link, MISTAKE_TOL};
use crate::numeric::close_to;
use gradlings_support::{
    CheckResult, Feedback, Inputs, Mistake, expect_close, fmt_f64, name_mistake,
};

struct ChainFn {
    name: &'static str,
    link: Link,
}

fn sech2(u: f64) -> f64 {
    1.0 / u.cosh().powi(2)
}

const LIBRARY: [ChainFn; 7] = [
    ChainFn {
        name: "x²",
        link: (|u| u * u, |u| 2.0 * u),
    },
    ChainFn {
        name: "sin",
        link: (f64::sin, f64::cos),
    },
    ChainFn {
        name: "cos",
        link: (f64::cos, |u| -u.sin()),
    },
    ChainFn {
        name: "exp",
        link: (f64::exp, f64::exp),
    },
    ChainFn {
        name: "tanh",
        link: (f64::tanh, sech2),
    },
    ChainFn {
        name: "x³ − x",
        link: (|u| u * u * u - u, |u| 3.0 * u * u - 1.0),
    },
    ChainFn {
        name: "0.5x + 1",
        link: (|u| 0.5 * u + 1.0, |_| 0.5),
    },
];

/// The values the chain passes through: u₀ = x, u₁ = f₁(u₀), …
fn chain_values(links: &[Link], x: f64) -> Vec<f64> {
    let mut values = vec![x];
    for (f, _) in links {
        values.push(f(*values.last().expect("starts with x")));
    }
    values
}

/// The test's reference: f₁′(u₀)·f₂′(u₁)·…
fn chain_reference(links: &[Link], x: f64) -> f64 {
    let u = chain_values(links, x);
    links
        .iter()
        .enumerate()
        .map(|(i, (_, df))| df(u[i]))
        .product()
}

fn chain_mistakes(links: &[Link], x: f64) -> Vec<(Mistake, f64)> {
    let u = chain_values(links, x);
    let n = links.len();
    let product_over =
        |range: std::ops::Range<usize>| -> f64 { range.map(|i| links[i].1(u[i])).product() };
    let reversed: Vec<Link> = links.iter().rev().copied().collect();
    vec![
        (
            Mistake::new(
                "derivatives_at_x",
                "every derivative was evaluated at x; each link's derivative belongs at the \
                 value that enters that link: f₁′(u₀)·f₂′(u₁)·…, with u₁ = f₁(x), …",
            ),
            links.iter().map(|(_, df)| df(x)).product(),
        ),
        (
            Mistake::new(
                "derivatives_at_outputs",
                "each derivative was evaluated at the value coming *out* of its link; evaluate \
                 fᵢ′ at the value going in — compute the derivative before you update the value",
            ),
            (0..n).map(|i| links[i].1(u[i + 1])).product(),
        ),
        (
            Mistake::new(
                "order_reversed",
                "the chain was applied from the last link to the first; fs[0] is applied first \
                 (it is the innermost function)",
            ),
            chain_reference(&reversed, x),
        ),
        (
            Mistake::new(
                "summed_not_multiplied",
                "the chain rule multiplies the link derivatives; you added them",
            ),
            (0..n).map(|i| links[i].1(u[i])).sum(),
        ),
        (
            Mistake::new(
                "first_link_skipped",
                "the first link's derivative is missing from the product (an off-by-one in the \
                 loop)",
            ),
            product_over(1.min(n)..n),
        ),
        (
            Mistake::new(
                "last_link_skipped",
                "the last link's derivative is missing from the product (an off-by-one in the \
                 loop)",
            ),
            product_over(0..n.saturating_sub(1)),
        ),
        (
            Mistake::new(
                "returned_value",
                "this is the value of the chain, not its derivative",
            ),
            u[n],
        ),
    ]
}

/// Whether two catalogued mistakes give the same wrong number on this chain.
fn mistakes_coincide(links: &[Link], x: f64) -> bool {
    let right = chain_reference(links, x);
    let wrong: Vec<f64> = chain_mistakes(links, x)
        .into_iter()
        .map(|(_, v)| v)
        .filter(|&v| !close_to(v, right, MISTAKE_TOL))
        .collect();
    wrong
        .iter()
        .enumerate()
        .any(|(i, &a)| wrong[i + 1..].iter().any(|&b| close_to(a, b, MISTAKE_TOL)))
}

fn chain_names(names: &[&str]) -> String {
    format!("[{}]", names.join(", "))
}

fn expect_chain(
    chain_derivative: &impl ChainDerivative,
    links: &[Link],
    names: &[&str],
    x: f64,
    seed: Option<u64>,
) -> CheckResult {
    let got = chain_derivative(links, x);
    let want = chain_reference(links, x);
    expect_close(got, want, EXACT_TOL, || {
        let mut feedback = Feedback::new(
            "chain_derivative should multiply the link derivatives, each at the value entering \
             its link",
        )
        .call(format!(
            "chain_derivative({}, x = {})",
            chain_names(names),
            fmt_f64(x)
        ))
        .mistake(name_mistake(got, chain_mistakes(links, x), MISTAKE_TOL));
        if links.is_empty() {
            feedback =
                feedback.note("an empty chain is the identity function: its derivative is 1");
        }
        if let Some(seed) = seed {
            feedback = feedback.seed(seed);
        }
        feedback
    })
}

/// The course's example: the chain [x², sin, exp] has derivative exp(sin x²)·cos(x²)·2x.
///
/// At x = 1 that is 2.506761534986894; then 20 seeded x in [−2, 2], against the formula
/// written out (a product of three exact factors: 1e-12 relative).
pub fn chain_rule_example(chain_derivative: impl ChainDerivative) -> CheckResult {
    let links: [Link; 3] = [LIBRARY[0].link, LIBRARY[1].link, LIBRARY[3].link];
    let formula = |x: f64| (x * x).sin().exp() * (x * x).cos() * 2.0 * x;
    let known = chain_derivative(&links, 1.0);
    expect_close(known, 2.506761534986894, EXACT_TOL, || {
        Feedback::new("the chain [x², sin, exp] at x = 1 has derivative 2·cos(1)·e^(sin 1)")
            .call("chain_derivative([x², sin, exp], x = 1)")
            .mistake(name_mistake(
                known,
                chain_mistakes(&links, 1.0),
                MISTAKE_TOL,
            ))
    })?;
    let mut inputs = Inputs::new("day4::chain_rule_example");
    for _ in 0..20 {
        let x = inputs.uniform(-2.0, 2.0);
        let got = chain_derivative(&links, x);
        expect_close(got, formula(x), EXACT_TOL, || {
            Feedback::new("the chain [x², sin, exp] has derivative exp(sin x²)·cos(x²)·2x")
                .call(format!(
                    "chain_derivative([x², sin, exp], x = {})",
                    fmt_f64(x)
                ))
                .mistake(name_mistake(got, chain_mistakes(&links, x), MISTAKE_TOL))
                .seed(inputs.seed())
        })?;
    }
    Ok(())
}

/// Random chains of 0 to 5 links from sin, cos, exp, tanh, x², x³ − x and 0.5x + 1 at seeded
/// points, against the test's product of exact derivatives (1e-12 relative). The empty chain
/// is the identity (derivative 1).
pub fn random_chains(chain_derivative: impl ChainDerivative) -> CheckResult {
    expect_chain(&chain_derivative, &[], &[], 0.7, None)?;
    let mut inputs = Inputs::new("day4::random_chains");
    let mut tested = 0;
    while tested < 60 {
        let len = inputs.index(1, 6);
        let picks: Vec<&ChainFn> = (0..len)
            .map(|_| &LIBRARY[inputs.index(0, LIBRARY.len())])
            .collect();
        let x = inputs.uniform(-1.5, 1.5);
        let links: Vec<Link> = picks.iter().map(|c| c.link).collect();
        // Keep the values moderate, so that the exact tolerance means the same everywhere,
        // and skip the rare chains on which two different mistakes give the same number (such
        // as [0.5x + 1, x²], where the reversed order and derivatives at x both give x).
        if chain_values(&links, x).iter().any(|u| u.abs() > 10.0) || mistakes_coincide(&links, x) {
            continue;
        }
        let names: Vec<&str> = picks.iter().map(|c| c.name).collect();
        expect_chain(&chain_derivative, &links, &names, x, Some(inputs.seed()))?;
        tested += 1;
    }
    Ok(())
}
