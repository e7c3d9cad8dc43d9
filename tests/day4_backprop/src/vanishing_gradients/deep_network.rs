//! 4.5, part 3: the per-layer gradient norms of a deep network, exactly and in the
//! depth-10 demonstration.

use super::{Activation, GradNorms};
use crate::numeric::expect_relative;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, fmt_slice};
use ndarray::Array2;

/// A mistake in the deep network's backpropagation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormFlaw {
    ReversedOrder,
    MissingHalf,
    SumNotMean,
    SquaredNorms,
    MissingLastDerivative,
    DerivativeAtActivation,
    MissingActivationDerivative,
}

impl NormFlaw {
    pub const ALL: [NormFlaw; 7] = [
        NormFlaw::ReversedOrder,
        NormFlaw::MissingHalf,
        NormFlaw::SumNotMean,
        NormFlaw::SquaredNorms,
        NormFlaw::MissingLastDerivative,
        NormFlaw::DerivativeAtActivation,
        NormFlaw::MissingActivationDerivative,
    ];

    fn mistake(self) -> Mistake {
        match self {
            NormFlaw::ReversedOrder => Mistake::new(
                "reversed_order",
                "the norms come out from the last layer to the first; return them in layer order, W₁ first",
            ),
            NormFlaw::MissingHalf => Mistake::new(
                "missing_half",
                "L = 1/(2B)·Σ‖h_L‖² has a ½: ∂L/∂h_L = h_L/B; your norms are twice too large",
            ),
            NormFlaw::SumNotMean => Mistake::new(
                "sum_not_mean",
                "the loss is a mean over the batch: divide by B",
            ),
            NormFlaw::SquaredNorms => Mistake::new(
                "squared_norm",
                "the Frobenius norm is √(Σ g²); you returned Σ g² without the square root",
            ),
            NormFlaw::MissingLastDerivative => Mistake::new(
                "missing_last_derivative",
                "G_L = h_L/B ⊙ act′(Z_L): the activation follows the last layer too, so its \
                 derivative belongs in the first gradient of the backward pass",
            ),
            NormFlaw::DerivativeAtActivation => Mistake::new(
                "derivative_at_activation",
                "act′ belongs at the pre-activation Z = h·Wᵀ, not at the activation h = act(Z)",
            ),
            NormFlaw::MissingActivationDerivative => Mistake::new(
                "missing_activation_derivative",
                "every layer's gradient must pass through act′(Z) elementwise: it is missing",
            ),
        }
    }
}

/// The test's backpropagation through the bias-free stack, one example at a time: the
/// Frobenius norm of ∂L/∂W_l for each layer, L = 1/(2B)·Σ‖h_L‖².
pub fn reference_norms(
    x: &Array2<f64>,
    ws: &[Array2<f64>],
    act: Activation,
    flaw: Option<NormFlaw>,
) -> Vec<f64> {
    let has = |f: NormFlaw| flaw == Some(f);
    let batch = x.nrows() as f64;
    let mut grads: Vec<Array2<f64>> = ws.iter().map(|w| Array2::zeros(w.dim())).collect();
    let slope = |z: f64, h: f64| {
        if has(NormFlaw::MissingActivationDerivative) {
            1.0
        } else if has(NormFlaw::DerivativeAtActivation) {
            act.derivative(h)
        } else {
            act.derivative(z)
        }
    };
    for row in x.rows() {
        // Forward: the input of each layer and its pre-activations.
        let mut layer_inputs = vec![row.to_vec()];
        let mut pre = Vec::new();
        for w in ws {
            let h = layer_inputs.last().expect("starts with x");
            let z: Vec<f64> = (0..w.nrows())
                .map(|o| (0..w.ncols()).map(|i| w[[o, i]] * h[i]).sum())
                .collect();
            let next: Vec<f64> = z.iter().map(|&v| act.apply(v)).collect();
            pre.push(z);
            layer_inputs.push(next);
        }
        // Backward.
        let scale = if has(NormFlaw::MissingHalf) {
            2.0 / batch
        } else if has(NormFlaw::SumNotMean) {
            1.0
        } else {
            1.0 / batch
        };
        let last = ws.len() - 1;
        let out = &layer_inputs[ws.len()];
        let mut delta: Vec<f64> = (0..out.len())
            .map(|o| {
                let s = if has(NormFlaw::MissingLastDerivative) {
                    1.0
                } else {
                    slope(pre[last][o], out[o])
                };
                scale * out[o] * s
            })
            .collect();
        for l in (0..ws.len()).rev() {
            let input = &layer_inputs[l];
            for (o, d) in delta.iter().enumerate() {
                for (i, h) in input.iter().enumerate() {
                    grads[l][[o, i]] += d * h;
                }
            }
            if l > 0 {
                delta = (0..ws[l].ncols())
                    .map(|i| {
                        let back: f64 = delta
                            .iter()
                            .enumerate()
                            .map(|(o, d)| d * ws[l][[o, i]])
                            .sum();
                        back * slope(pre[l - 1][i], layer_inputs[l][i])
                    })
                    .collect();
            }
        }
    }
    let mut norms: Vec<f64> = grads
        .iter()
        .map(|g| {
            let squared = g.mapv(|v| v * v).sum();
            if has(NormFlaw::SquaredNorms) {
                squared
            } else {
                squared.sqrt()
            }
        })
        .collect();
    if has(NormFlaw::ReversedOrder) {
        norms.reverse();
    }
    norms
}

fn name_norm_flaw(
    x: &Array2<f64>,
    ws: &[Array2<f64>],
    act: Activation,
    got: &[f64],
) -> Option<Mistake> {
    let right = reference_norms(x, ws, act, None);
    let same = |a: &[f64], b: &[f64]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(p, q)| p == q || (q.is_finite() && (p - q).abs() <= 1e-8 * q.abs()))
    };
    NormFlaw::ALL
        .into_iter()
        .find(|&flaw| {
            let wrong = reference_norms(x, ws, act, Some(flaw));
            same(got, &wrong) && !same(&wrong, &right)
        })
        .map(NormFlaw::mistake)
}

fn describe_stack(x: &Array2<f64>, ws: &[Array2<f64>], act: Activation) -> String {
    let widths: Vec<String> = std::iter::once(x.ncols())
        .chain(ws.iter().map(|w| w.nrows()))
        .map(|n| n.to_string())
        .collect();
    format!(
        "layer_weight_grad_norms(x: {} × {}, ws: {} layers, widths {}, Activation::{act:?})",
        x.nrows(),
        x.ncols(),
        ws.len(),
        widths.join("-")
    )
}

/// A random stack: weights N(0, 1/fan_in) (any scale does for exactness), inputs N(0, 1).
fn random_stack(
    inputs: &mut Inputs,
    widths: &[usize],
    batch: usize,
) -> (Array2<f64>, Vec<Array2<f64>>) {
    let x = Array2::from_shape_fn((batch, widths[0]), |_| inputs.normal());
    let ws = widths
        .windows(2)
        .map(|pair| {
            let std = (1.0 / pair[0] as f64).sqrt() * 1.5;
            Array2::from_shape_fn((pair[1], pair[0]), |_| std * inputs.normal())
        })
        .collect();
    (x, ws)
}

fn expect_norms(
    norms: &impl GradNorms,
    x: &Array2<f64>,
    ws: &[Array2<f64>],
    act: Activation,
    seed: u64,
) -> CheckResult {
    let got = norms(x, ws, act);
    let want = reference_norms(x, ws, act, None);
    let context = || {
        Feedback::new("the per-layer gradient norms disagree with the test's backpropagation")
            .call(describe_stack(x, ws, act))
            .seed(seed)
    };
    if got.len() != want.len() {
        return Err(context()
            .expected(format!("{} norms, one per layer", want.len()))
            .got(format!("{} norms", got.len())));
    }
    for (l, (&g, &w)) in got.iter().zip(&want).enumerate() {
        expect_relative(g, w, 1e-9, || {
            context()
                .note(format!(
                    "layer {} (‖∂L/∂W{}‖); all norms: expected {}, got {}",
                    l + 1,
                    l + 1,
                    fmt_slice(&want),
                    fmt_slice(&got)
                ))
                .mistake(name_norm_flaw(x, ws, act, &got))
        })?;
    }
    Ok(())
}

/// Seeded stacks of 2 to 5 layers of varying widths (2 to 6, not square), batches of 3 to
/// 6, each activation: every norm within 1e-9 (relative) of the test's backpropagation.
pub fn grad_norms_match_backprop(norms: impl GradNorms) -> CheckResult {
    let mut inputs = Inputs::new("day4::grad_norms_match_backprop");
    for act in Activation::ALL {
        for _ in 0..8 {
            // At least 2 layers and 3 examples: with one layer a missing last derivative is a
            // missing derivative, and with B = 2 dropping the mean is dropping the ½.
            let depth = inputs.index(2, 6);
            let widths: Vec<usize> = (0..=depth).map(|_| inputs.index(2, 7)).collect();
            let batch = inputs.index(3, 7);
            let (x, ws) = random_stack(&mut inputs, &widths, batch);
            expect_norms(&norms, &x, &ws, act, inputs.seed())?;
        }
    }
    Ok(())
}

/// Depth, width and batch of the demonstration.
pub const DEPTH: usize = 10;
pub const WIDTH: usize = 32;
pub const BATCH: usize = 64;

/// The demonstration's network: x ~ N(0, 1), weights N(0, variance) drawn by the test.
pub fn demo_stack(inputs: &mut Inputs, variance: f64) -> (Array2<f64>, Vec<Array2<f64>>) {
    let x = Array2::from_shape_fn((BATCH, WIDTH), |_| inputs.normal());
    let std = variance.sqrt();
    let ws = (0..DEPTH)
        .map(|_| Array2::from_shape_fn((WIDTH, WIDTH), |_| std * inputs.normal()))
        .collect();
    (x, ws)
}

fn demo_context(act: Activation, init: &str, seed: u64) -> Feedback {
    Feedback::new(format!("with {act:?} the gradient of a 10-layer network behaves wrongly"))
        .call(format!(
            "layer_weight_grad_norms(x: {BATCH} × {WIDTH} standard normal, ws: {DEPTH} layers {WIDTH} × {WIDTH} with {init} weights, Activation::{act:?})"
        ))
        .seed(seed)
}

fn demo_norms(
    norms: &impl GradNorms,
    x: &Array2<f64>,
    ws: &[Array2<f64>],
    act: Activation,
    context: &dyn Fn() -> Feedback,
) -> Result<Vec<f64>, gradlings_support::Feedback> {
    let got = norms(x, ws, act);
    if got.len() != DEPTH || got.iter().any(|n| !n.is_finite()) {
        return Err(context()
            .expected(format!("{DEPTH} finite norms"))
            .got(fmt_slice(&got))
            .mistake(name_norm_flaw(x, ws, act, &got)));
    }
    Ok(got)
}

/// Sigmoid with Xavier weights, depth 10, width 32, batch 64 (3 draws):
/// ‖∂L/∂W₁‖/‖∂L/∂W₁₀‖ < 1e-4, and the norms grow at every layer toward the output. Each
/// sigmoid layer passes back at most ¼ of the gradient; across 2000 draws with the exact
/// backpropagation the ratio stays between 8e-8 and 2e-6 and the growth is always strict.
pub fn sigmoid_gradients_vanish(norms: impl GradNorms) -> CheckResult {
    let mut inputs = Inputs::new("day4::sigmoid_gradients_vanish");
    for _ in 0..3 {
        let (x, ws) = demo_stack(&mut inputs, 2.0 / (2 * WIDTH) as f64);
        let seed = inputs.seed();
        let context = || demo_context(Activation::Sigmoid, "Xavier N(0, 2/(32 + 32))", seed);
        let got = demo_norms(&norms, &x, &ws, Activation::Sigmoid, &context)?;
        let ratio = got[0] / got[DEPTH - 1];
        if ratio.is_nan() || ratio >= 1e-4 {
            return Err(context()
                .expected("‖∂L/∂W₁‖ / ‖∂L/∂W₁₀‖ < 1e-4")
                .got(format!("{} (norms {})", fmt_f64(ratio), fmt_slice(&got)))
                .mistake(name_norm_flaw(&x, &ws, Activation::Sigmoid, &got)));
        }
        if let Some(l) = (1..DEPTH).find(|&l| got[l] <= got[l - 1]) {
            return Err(context()
                .expected("norms that grow at every layer toward the output")
                .got(format!(
                    "layer {} has {} after {} (norms {})",
                    l + 1,
                    fmt_f64(got[l]),
                    fmt_f64(got[l - 1]),
                    fmt_slice(&got)
                ))
                .mistake(name_norm_flaw(&x, &ws, Activation::Sigmoid, &got)));
        }
    }
    Ok(())
}

/// ReLU with He weights, same network (3 draws): ‖∂L/∂W₁‖/‖∂L/∂W₁₀‖ within [0.05, 5] —
/// no vanishing. Across 2000 draws with the exact backpropagation it stays in [0.19, 1.9].
pub fn relu_gradients_survive(norms: impl GradNorms) -> CheckResult {
    let mut inputs = Inputs::new("day4::relu_gradients_survive");
    for _ in 0..3 {
        let (x, ws) = demo_stack(&mut inputs, 2.0 / WIDTH as f64);
        let seed = inputs.seed();
        let context = || demo_context(Activation::Relu, "He N(0, 2/32)", seed);
        let got = demo_norms(&norms, &x, &ws, Activation::Relu, &context)?;
        let ratio = got[0] / got[DEPTH - 1];
        if !(0.05..=5.0).contains(&ratio) {
            return Err(context()
                .expected("‖∂L/∂W₁‖ / ‖∂L/∂W₁₀‖ within [0.05, 5]")
                .got(format!("{} (norms {})", fmt_f64(ratio), fmt_slice(&got)))
                .mistake(name_norm_flaw(&x, &ws, Activation::Relu, &got)));
        }
    }
    Ok(())
}
