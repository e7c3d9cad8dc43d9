//! The one-hidden-layer network of 4.3, 4.4 and 4.7, as the test computes it: parameters,
//! forward pass, loss and backpropagation written with plain loops, one example at a time
//! (independent of the matrix formulas the exercises use), with the catalogued mistakes.
//!
//! Convention (the exercises state it): one example per row of `x` (B × n_in) and `y`
//! (B × n_out); `w1` is n_hidden × n_in, `w2` is n_out × n_hidden; the loss is
//! `1/(2B) · Σ_rows Σ_outputs (ŷ − y)²`.

mod flaw;

pub use flaw::Flaw;

use gradlings_support::{Inputs, Mistake};
use ndarray::{Array1, Array2};

/// The network's parameters, or their gradients (same shapes).
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub w1: Array2<f64>,
    pub b1: Array1<f64>,
    pub w2: Array2<f64>,
    pub b2: Array1<f64>,
}

/// Which tensor of [`Params`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tensor {
    W1,
    B1,
    W2,
    B2,
}

impl Tensor {
    pub const ALL: [Tensor; 4] = [Tensor::W1, Tensor::B1, Tensor::W2, Tensor::B2];

    pub fn name(self) -> &'static str {
        match self {
            Tensor::W1 => "W1",
            Tensor::B1 => "b1",
            Tensor::W2 => "W2",
            Tensor::B2 => "b2",
        }
    }
}

impl Params {
    /// Every entry drawn from N(0, scale²): W1, b1, W2, b2, each row by row.
    pub fn random(
        inputs: &mut Inputs,
        n_in: usize,
        n_hidden: usize,
        n_out: usize,
        scale: f64,
    ) -> Params {
        let mut draw = || scale * inputs.normal();
        let w1 = Array2::from_shape_fn((n_hidden, n_in), |_| draw());
        let b1 = Array1::from_shape_fn(n_hidden, |_| draw());
        let w2 = Array2::from_shape_fn((n_out, n_hidden), |_| draw());
        let b2 = Array1::from_shape_fn(n_out, |_| draw());
        Params { w1, b1, w2, b2 }
    }

    /// (n_in, n_hidden, n_out).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.w1.ncols(), self.w1.nrows(), self.w2.nrows())
    }

    /// The entries of one tensor, row by row.
    pub fn tensor(&self, t: Tensor) -> Vec<f64> {
        match t {
            Tensor::W1 => self.w1.iter().copied().collect(),
            Tensor::B1 => self.b1.to_vec(),
            Tensor::W2 => self.w2.iter().copied().collect(),
            Tensor::B2 => self.b2.to_vec(),
        }
    }

    /// The shape of one tensor, as it reads in feedback.
    pub fn shape(&self, t: Tensor) -> Vec<usize> {
        match t {
            Tensor::W1 => self.w1.shape().to_vec(),
            Tensor::B1 => self.b1.shape().to_vec(),
            Tensor::W2 => self.w2.shape().to_vec(),
            Tensor::B2 => self.b2.shape().to_vec(),
        }
    }

    /// The name of entry `i` (row by row) of tensor `t`, e.g. `W1[2, 0]`.
    pub fn entry_name(&self, t: Tensor, i: usize) -> String {
        match t {
            Tensor::W1 => format!("W1[{}, {}]", i / self.w1.ncols(), i % self.w1.ncols()),
            Tensor::W2 => format!("W2[{}, {}]", i / self.w2.ncols(), i % self.w2.ncols()),
            Tensor::B1 => format!("b1[{i}]"),
            Tensor::B2 => format!("b2[{i}]"),
        }
    }

    /// All entries: W1, b1, W2, b2, each row by row.
    pub fn flatten(&self) -> Vec<f64> {
        Tensor::ALL.iter().flat_map(|&t| self.tensor(t)).collect()
    }

    /// These shapes with the entries of `flat` (as `flatten` orders them).
    pub fn with_flat(&self, flat: &[f64]) -> Params {
        let mut values = flat.iter().copied();
        let mut next = || values.next().expect("one value per parameter");
        Params {
            w1: Array2::from_shape_fn(self.w1.dim(), |_| next()),
            b1: Array1::from_shape_fn(self.b1.len(), |_| next()),
            w2: Array2::from_shape_fn(self.w2.dim(), |_| next()),
            b2: Array1::from_shape_fn(self.b2.len(), |_| next()),
        }
    }

    /// `self − lr · grads`, tensor by tensor.
    pub fn step(&self, grads: &Params, lr: f64) -> Params {
        Params {
            w1: &self.w1 - &(lr * &grads.w1),
            b1: &self.b1 - &(lr * &grads.b1),
            w2: &self.w2 - &(lr * &grads.w2),
            b2: &self.b2 - &(lr * &grads.b2),
        }
    }

    /// The sizes, for the "called" line of feedback.
    pub fn describe(&self) -> String {
        let (n_in, n_hidden, n_out) = self.sizes();
        format!("a {n_in}-{n_hidden}-{n_out} network")
    }
}

/// A hidden or output activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Identity,
    Tanh,
    Sigmoid,
}

impl Act {
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Act::Identity => z,
            Act::Tanh => z.tanh(),
            Act::Sigmoid => 1.0 / (1.0 + (-z).exp()),
        }
    }

    pub fn derivative(self, z: f64) -> f64 {
        match self {
            Act::Identity => 1.0,
            Act::Tanh => 1.0 - z.tanh().powi(2),
            Act::Sigmoid => {
                let s = Act::Sigmoid.apply(z);
                s * (1.0 - s)
            }
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Act::Identity => "identity",
            Act::Tanh => "tanh",
            Act::Sigmoid => "sigmoid",
        }
    }
}

/// A network shape: the hidden activation and the output activation.
#[derive(Debug, Clone, Copy)]
pub struct Net {
    pub hidden: Act,
    pub output: Act,
}

/// 4.3 and 4.7: tanh hidden layer, linear output.
pub const TANH_NET: Net = Net {
    hidden: Act::Tanh,
    output: Act::Identity,
};

/// 4.4: sigmoid in both layers.
pub const SIGMOID_NET: Net = Net {
    hidden: Act::Sigmoid,
    output: Act::Sigmoid,
};

impl Net {
    /// Hidden activations and outputs for one example.
    fn example(&self, x: &[f64], p: &Params) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
        let (_, n_hidden, n_out) = p.sizes();
        let z1: Vec<f64> = (0..n_hidden)
            .map(|j| {
                p.b1[j]
                    + x.iter()
                        .enumerate()
                        .map(|(i, xi)| p.w1[[j, i]] * xi)
                        .sum::<f64>()
            })
            .collect();
        let h: Vec<f64> = z1.iter().map(|&z| self.hidden.apply(z)).collect();
        let z2: Vec<f64> = (0..n_out)
            .map(|k| {
                p.b2[k]
                    + h.iter()
                        .enumerate()
                        .map(|(j, hj)| p.w2[[k, j]] * hj)
                        .sum::<f64>()
            })
            .collect();
        let y_hat: Vec<f64> = z2.iter().map(|&z| self.output.apply(z)).collect();
        (z1, h, z2, y_hat)
    }

    /// The outputs Ŷ (B × n_out).
    pub fn forward(&self, x: &Array2<f64>, p: &Params) -> Array2<f64> {
        let (_, _, n_out) = p.sizes();
        let mut out = Array2::zeros((x.nrows(), n_out));
        for (b, row) in x.rows().into_iter().enumerate() {
            let (_, _, _, y_hat) = self.example(&row.to_vec(), p);
            for k in 0..n_out {
                out[[b, k]] = y_hat[k];
            }
        }
        out
    }

    /// `1/(2B) · Σ (ŷ − y)²`.
    pub fn loss(&self, x: &Array2<f64>, y: &Array2<f64>, p: &Params) -> f64 {
        let y_hat = self.forward(x, p);
        0.5 * (&y_hat - y).mapv(|r| r * r).sum() / x.nrows() as f64
    }

    /// The loss and its gradient by backpropagation, one example at a time; with `flaw`,
    /// the gradient a student with that mistake computes.
    pub fn backprop(
        &self,
        x: &Array2<f64>,
        y: &Array2<f64>,
        p: &Params,
        flaw: Option<Flaw>,
    ) -> (f64, Params) {
        let batch = x.nrows() as f64;
        let (n_in, n_hidden, n_out) = p.sizes();
        let has = |f: Flaw| flaw == Some(f);
        let mut g = Params {
            w1: Array2::zeros((n_hidden, n_in)),
            b1: Array1::zeros(n_hidden),
            w2: Array2::zeros((n_out, n_hidden)),
            b2: Array1::zeros(n_out),
        };
        let bias_scale = if has(Flaw::BiasAveraged) {
            1.0 / batch
        } else {
            1.0
        };
        let mut loss = 0.0;
        for (b, row) in x.rows().into_iter().enumerate() {
            let xs = row.to_vec();
            let (z1, h, z2, y_hat) = self.example(&xs, p);
            let mut grad_z2 = vec![0.0; n_out];
            for k in 0..n_out {
                let r = y_hat[k] - y[[b, k]];
                loss += 0.5 * r * r / batch;
                let grad_y_hat = if has(Flaw::MissingHalf) {
                    2.0 * r / batch
                } else if has(Flaw::SumNotMean) {
                    r
                } else if has(Flaw::MeanOverAllEntries) {
                    r / (batch * n_out as f64)
                } else if has(Flaw::ResidualSign) {
                    -r / batch
                } else {
                    r / batch
                };
                let out_derivative = if has(Flaw::MissingOutputDerivative) {
                    1.0
                } else if has(Flaw::OutputDerivativeOfActivation) {
                    self.output.derivative(y_hat[k])
                } else {
                    self.output.derivative(z2[k])
                };
                grad_z2[k] = grad_y_hat * out_derivative;
                g.b2[k] += bias_scale * grad_z2[k];
                for (j, h_j) in h.iter().enumerate() {
                    g.w2[[k, j]] += grad_z2[k] * h_j;
                }
            }
            for j in 0..n_hidden {
                let grad_h: f64 = (0..n_out).map(|k| grad_z2[k] * p.w2[[k, j]]).sum();
                let hidden_derivative = if has(Flaw::MissingHiddenDerivative) {
                    1.0
                } else if has(Flaw::HiddenDerivativeOfZ) {
                    match self.hidden {
                        Act::Sigmoid => z1[j] * (1.0 - z1[j]),
                        _ => 1.0 - z1[j] * z1[j],
                    }
                } else if has(Flaw::HiddenDerivativeOfActivation) {
                    self.hidden.derivative(h[j])
                } else if has(Flaw::TanhDerivativeInSigmoidLayer) {
                    1.0 - h[j] * h[j]
                } else {
                    self.hidden.derivative(z1[j])
                };
                let grad_z1 = grad_h * hidden_derivative;
                g.b1[j] += bias_scale * grad_z1;
                for (i, x_i) in xs.iter().enumerate() {
                    g.w1[[j, i]] += grad_z1 * x_i;
                }
            }
        }
        (loss, g)
    }

    /// The values of the plausible wrong losses, to name a wrong loss value.
    pub fn loss_mistakes(
        &self,
        x: &Array2<f64>,
        y: &Array2<f64>,
        p: &Params,
    ) -> Vec<(Mistake, f64)> {
        let loss = self.loss(x, y, p);
        let (batch, n_out) = (x.nrows() as f64, p.sizes().2 as f64);
        let linear_hidden = Net {
            hidden: Act::Identity,
            output: self.output,
        };
        let mut list = vec![
            (Flaw::MissingHalf.mistake(*self), 2.0 * loss),
            (Flaw::SumNotMean.mistake(*self), batch * loss),
            (Flaw::MeanOverAllEntries.mistake(*self), loss / n_out),
            (
                Mistake::new(
                    "missing_hidden_activation",
                    format!(
                        "the hidden layer must apply {} to z = W1·x + b1",
                        self.hidden.name()
                    ),
                ),
                linear_hidden.loss(x, y, p),
            ),
        ];
        if self.output == Act::Identity {
            let squashed = Net {
                hidden: self.hidden,
                output: self.hidden,
            };
            list.push((
                Mistake::new(
                    "activation_on_output",
                    "the output layer is linear: ŷ = W2·h + b2, with no activation",
                ),
                squashed.loss(x, y, p),
            ));
        } else {
            let linear_output = Net {
                hidden: self.hidden,
                output: Act::Identity,
            };
            list.push((
                Mistake::new(
                    "missing_output_activation",
                    "the output goes through a sigmoid too: ŷ = σ(W2·h + b2)",
                ),
                linear_output.loss(x, y, p),
            ));
        }
        list
    }
}

/// A random problem: inputs and targets N(0, 1), parameters N(0, 0.7²).
pub fn random_problem(
    inputs: &mut Inputs,
    batch: usize,
    sizes: (usize, usize, usize),
) -> (Array2<f64>, Array2<f64>, Params) {
    let (n_in, n_hidden, n_out) = sizes;
    let x = Array2::from_shape_fn((batch, n_in), |_| inputs.normal());
    let y = Array2::from_shape_fn((batch, n_out), |_| inputs.normal());
    let p = Params::random(inputs, n_in, n_hidden, n_out, 0.7);
    (x, y, p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::five_point_gradient;
    use gradlings_support::rel_error;

    /// The reference backpropagation agrees with finite differences of the reference loss.
    #[test]
    fn backprop_matches_finite_differences() {
        let mut inputs = Inputs::with_seed(3);
        for net in [TANH_NET, SIGMOID_NET] {
            for _ in 0..5 {
                let (x, y, p) = random_problem(&mut inputs, 4, (3, 4, 2));
                let (_, g) = net.backprop(&x, &y, &p, None);
                let f = |flat: &[f64]| net.loss(&x, &y, &p.with_flat(flat));
                let numeric = five_point_gradient(&f, &p.flatten(), 1e-3);
                for (a, n) in g.flatten().iter().zip(&numeric) {
                    assert!(
                        rel_error(*a, *n) < 1e-8 || (a - n).abs() < 1e-12,
                        "{a} vs {n}"
                    );
                }
            }
        }
    }

    #[test]
    fn flatten_round_trips_and_names_entries() {
        let mut inputs = Inputs::with_seed(1);
        let p = Params::random(&mut inputs, 3, 4, 2, 1.0);
        assert_eq!(p.with_flat(&p.flatten()), p);
        assert_eq!(p.entry_name(Tensor::W1, 7), "W1[2, 1]");
        assert_eq!(p.entry_name(Tensor::B2, 1), "b2[1]");
    }

    #[test]
    fn every_flaw_changes_some_gradient() {
        let mut inputs = Inputs::with_seed(9);
        let (x, y, p) = random_problem(&mut inputs, 4, (3, 4, 2));
        for net in [TANH_NET, SIGMOID_NET] {
            let (_, right) = net.backprop(&x, &y, &p, None);
            for flaw in Flaw::ALL.into_iter().filter(|f| f.applies_to(net)) {
                let (_, wrong) = net.backprop(&x, &y, &p, Some(flaw));
                assert!(wrong != right, "{flaw:?} changes nothing for {net:?}");
            }
        }
    }
}
