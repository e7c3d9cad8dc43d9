//! 4.5, part 2: Xavier and He initialisation, judged statistically.

use super::Init;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64};
use ndarray::Array2;

#[derive(Clone, Copy, PartialEq)]
enum Scheme {
    Xavier,
    He,
}

impl Scheme {
    fn name(self) -> &'static str {
        match self {
            Scheme::Xavier => "xavier_normal",
            Scheme::He => "he_normal",
        }
    }

    fn variance(self, fan_in: usize, fan_out: usize) -> f64 {
        match self {
            Scheme::Xavier => 2.0 / (fan_in + fan_out) as f64,
            Scheme::He => 2.0 / fan_in as f64,
        }
    }

    fn formula(self) -> &'static str {
        match self {
            Scheme::Xavier => "2 / (fan_in + fan_out)",
            Scheme::He => "2 / fan_in",
        }
    }
}

fn variance_mistakes(scheme: Scheme, fan_in: usize, fan_out: usize) -> Vec<(Mistake, f64)> {
    let (fi, fo) = (fan_in as f64, fan_out as f64);
    let target = scheme.variance(fan_in, fan_out);
    let mut list = vec![
        (
            Mistake::new(
                "variance_used_as_std",
                format!(
                    "the standard deviation is √({}); you multiplied by the variance itself",
                    scheme.formula()
                ),
            ),
            target * target,
        ),
        (
            Mistake::new(
                "lecun_variance",
                "1/fan_in is LeCun's variance; Xavier's is 2/(fan_in + fan_out), He's 2/fan_in",
            ),
            1.0 / fi,
        ),
        (
            Mistake::new(
                "fan_out_not_fan_in",
                "the variance was computed from fan_out; He uses fan_in (Xavier uses both)",
            ),
            2.0 / fo,
        ),
    ];
    match scheme {
        Scheme::Xavier => {
            list.push((
                Mistake::new(
                    "he_variance",
                    "2/fan_in is He's variance; Xavier's is 2/(fan_in + fan_out)",
                ),
                2.0 / fi,
            ));
            list.push((
                Mistake::new(
                    "missing_factor_two",
                    "Xavier's variance is 2/(fan_in + fan_out), not 1/(fan_in + fan_out)",
                ),
                1.0 / (fi + fo),
            ));
        }
        Scheme::He => list.push((
            Mistake::new(
                "xavier_variance",
                "2/(fan_in + fan_out) is Xavier's variance; He's is 2/fan_in",
            ),
            2.0 / (fi + fo),
        )),
    }
    list
}

fn moments(w: &Array2<f64>) -> (f64, f64, f64) {
    let n = w.len() as f64;
    let mean = w.sum() / n;
    let variance = w.mapv(|v| (v - mean).powi(2)).sum() / n;
    let kurtosis = w.mapv(|v| (v - mean).powi(4)).sum() / n / (variance * variance);
    (mean, variance, kurtosis)
}

fn init_check(init: impl Init, scheme: Scheme, check: &str) -> CheckResult {
    let mut inputs = Inputs::new(check);
    for (fan_in, fan_out) in [(300, 100), (100, 300), (64, 256)] {
        let call = format!("{}({fan_in}, {fan_out}, rng)", scheme.name());
        let seed_rng = inputs.fork_rng();
        let other_rng = inputs.fork_rng();
        let seed = inputs.seed();
        let context = |summary: &str| {
            Feedback::new(summary.to_string())
                .call(call.clone())
                .seed(seed)
        };
        let w = init(fan_in, fan_out, &mut seed_rng.clone());
        if w.dim() != (fan_out, fan_in) {
            let transposed = w.dim() == (fan_in, fan_out);
            return Err(context("the weight matrix has the wrong shape")
                .expected(format!("{fan_out} × {fan_in} (fan_out × fan_in: one row per unit, one column per input)"))
                .got(format!("{} × {}", w.nrows(), w.ncols()))
                .mistake(transposed.then(|| {
                    Mistake::new("shape_transposed", "rows are units (fan_out), columns are inputs (fan_in), like W1 in 4.3")
                })));
        }
        let rng_not_used = || {
            Some(Mistake::new(
                "rng_not_used",
                "draw every weight from the `rng` you are given, so that the same seed gives the \
                 same weights and another seed other weights",
            ))
        };
        if init(fan_in, fan_out, &mut seed_rng.clone()) != w {
            return Err(
                context("the same generator state must give the same weights")
                    .mistake(rng_not_used()),
            );
        }
        if init(fan_in, fan_out, &mut other_rng.clone()) == w {
            return Err(
                context("another generator state must give other weights").mistake(rng_not_used())
            );
        }
        let target = scheme.variance(fan_in, fan_out);
        let (mean, variance, kurtosis) = moments(&w);
        if !variance.is_finite() || (variance / target - 1.0).abs() > 0.05 {
            let named = variance_mistakes(scheme, fan_in, fan_out)
                .into_iter()
                .find(|(_, v)| (variance / v - 1.0).abs() <= 0.05)
                .map(|(m, _)| m);
            return Err(context(&format!(
                "the sample variance should be {} within 5 %",
                scheme.formula()
            ))
            .expected(fmt_f64(target))
            .got(fmt_f64(variance))
            .tolerance("|variance / expected − 1| ≤ 0.05")
            .mistake(named));
        }
        let mean_bound = 6.0 * (target / w.len() as f64).sqrt();
        if mean.abs() > mean_bound {
            return Err(context("the weights should be centred on 0")
                .expected(format!("a sample mean within ±{}", fmt_f64(mean_bound)))
                .got(fmt_f64(mean))
                .mistake(Some(Mistake::new(
                    "mean_not_zero",
                    "draw from N(0, s²): multiply a standard normal by s, add nothing",
                ))));
        }
        if (kurtosis - 3.0).abs() > 0.3 {
            let uniform = (kurtosis - 1.8).abs() <= 0.3;
            return Err(context("the weights should be normally distributed")
                .expected("kurtosis 3 (a normal distribution)")
                .got(format!("kurtosis {kurtosis:.3}"))
                .tolerance("± 0.3")
                .mistake(uniform.then(|| {
                    Mistake::new("uniform_not_normal", "these look uniform (kurtosis 1.8): use standard_normal(rng), times the standard deviation")
                })));
        }
    }
    Ok(())
}

/// `xavier_normal(fan_in, fan_out, rng)`: shape fan_out × fan_in, N(0, 2/(fan_in + fan_out))
/// — variance within 5 %, mean ≈ 0, normal (kurtosis ≈ 3), reproducible from the rng.
pub fn xavier_variance(init: impl Init) -> CheckResult {
    init_check(init, Scheme::Xavier, "day4::xavier_variance")
}

/// `he_normal(fan_in, fan_out, rng)`: shape fan_out × fan_in, N(0, 2/fan_in).
pub fn he_variance(init: impl Init) -> CheckResult {
    init_check(init, Scheme::He, "day4::he_variance")
}
