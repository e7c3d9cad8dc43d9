//! The catalogued mistakes in the loss and in backpropagation, and how they read.

use super::{Act, Net};
use gradlings_support::Mistake;

/// A mistake in the loss or in backpropagation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// The hidden activation's derivative is missing.
    MissingHiddenDerivative,
    /// The hidden derivative's formula is fed the pre-activation z (1 − z², or z(1 − z)).
    HiddenDerivativeOfZ,
    /// The hidden derivative is evaluated at the activation h (act′(h) instead of act′(z)).
    HiddenDerivativeOfActivation,
    /// The tanh formula 1 − h² used for a sigmoid layer.
    TanhDerivativeInSigmoidLayer,
    /// The output activation's derivative is missing (sigmoid output).
    MissingOutputDerivative,
    /// The output derivative's formula is fed ŷ: σ′(ŷ) instead of σ′(z₂) = ŷ(1 − ŷ).
    OutputDerivativeOfActivation,
    /// The loss without its ½ (gradients twice as large).
    MissingHalf,
    /// A sum over the batch instead of the mean.
    SumNotMean,
    /// The mean over every entry (B·n_out) instead of over the batch (B).
    MeanOverAllEntries,
    /// y − ŷ instead of ŷ − y.
    ResidualSign,
    /// Bias gradients averaged over the batch instead of summed.
    BiasAveraged,
}

impl Flaw {
    pub const ALL: [Flaw; 11] = [
        Flaw::MissingHiddenDerivative,
        Flaw::HiddenDerivativeOfZ,
        Flaw::HiddenDerivativeOfActivation,
        Flaw::TanhDerivativeInSigmoidLayer,
        Flaw::MissingOutputDerivative,
        Flaw::OutputDerivativeOfActivation,
        Flaw::MissingHalf,
        Flaw::SumNotMean,
        Flaw::MeanOverAllEntries,
        Flaw::ResidualSign,
        Flaw::BiasAveraged,
    ];

    /// Whether the flaw exists for this network (e.g. no output derivative to forget when
    /// the output is linear).
    pub fn applies_to(self, net: Net) -> bool {
        match self {
            Flaw::MissingOutputDerivative | Flaw::OutputDerivativeOfActivation => {
                net.output == Act::Sigmoid
            }
            Flaw::TanhDerivativeInSigmoidLayer => net.hidden == Act::Sigmoid,
            _ => true,
        }
    }

    /// What the student did, in words for this network.
    pub fn mistake(self, net: Net) -> Mistake {
        let hidden = net.hidden.name();
        let (id, explanation): (&'static str, String) = match self {
            Flaw::MissingHiddenDerivative => (
                "missing_hidden_derivative",
                format!(
                    "the gradient reaching the hidden layer must be multiplied by {hidden}′(z) \
                     elementwise before it reaches W1 and b1 — it is missing"
                ),
            ),
            Flaw::HiddenDerivativeOfZ => (
                "hidden_derivative_of_z",
                match net.hidden {
                    Act::Sigmoid => "σ′(z) = σ(z)(1 − σ(z)) = h(1 − h): use the activation h, \
                                     not the pre-activation z, in that formula"
                        .to_string(),
                    _ => "tanh′(z) = 1 − tanh²(z) = 1 − h²: square the activation h, not the \
                          pre-activation z"
                        .to_string(),
                },
            ),
            Flaw::HiddenDerivativeOfActivation => (
                "hidden_derivative_of_activation",
                format!(
                    "{hidden}′ was applied to the activation h = {hidden}(z), i.e. {hidden} \
                     twice; the derivative is {hidden}′(z), which you can write from h directly"
                ),
            ),
            Flaw::TanhDerivativeInSigmoidLayer => (
                "tanh_derivative_for_sigmoid",
                "1 − h² is tanh's derivative; a sigmoid layer's is h(1 − h)".to_string(),
            ),
            Flaw::MissingOutputDerivative => (
                "missing_output_derivative",
                "the output goes through a sigmoid too: multiply (ŷ − y)/B by σ′ = ŷ(1 − ŷ) \
                 before it reaches W2 and b2"
                    .to_string(),
            ),
            Flaw::OutputDerivativeOfActivation => (
                "output_derivative_of_activation",
                "σ′ at the output is ŷ(1 − ŷ) with ŷ = σ(z₂); you applied σ to ŷ once more"
                    .to_string(),
            ),
            Flaw::MissingHalf => (
                "missing_half",
                "the loss has a ½ in front: L = 1/(2B)·Σ(ŷ − y)², so ∂L/∂ŷ = (ŷ − y)/B; your \
                 gradients are twice too large"
                    .to_string(),
            ),
            Flaw::SumNotMean => (
                "sum_not_mean",
                "the loss is the *mean* over the batch: divide by B, the number of rows of x"
                    .to_string(),
            ),
            Flaw::MeanOverAllEntries => (
                "mean_over_all_entries",
                "divide by the batch size B only, not by B·n_out: the squared errors of one \
                 example's outputs are summed"
                    .to_string(),
            ),
            Flaw::ResidualSign => (
                "residual_sign",
                "∂L/∂ŷ = (ŷ − y)/B: prediction minus target; your gradients have the opposite \
                 sign"
                    .to_string(),
            ),
            Flaw::BiasAveraged => (
                "bias_gradient_averaged",
                "a bias is added to every row, so its gradient is the *sum* of the rows of the \
                 gradient below it (the 1/B is already inside)"
                    .to_string(),
            ),
        };
        Mistake::new(id, explanation)
    }
}
