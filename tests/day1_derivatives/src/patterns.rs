//! Recognising the shape of a student's errors.
//!
//! A numerical method leaves a fingerprint: a one-sided quotient's error follows f''(x), a
//! central quotient's follows f'''(x), round-off follows nothing smooth at all. Fitting the
//! student's errors at many points to each candidate shape tells which one it is, and the
//! fitted factor reveals the step size they used.

/// The least-squares fit `errors ≈ factor · shape`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub factor: f64,
    /// The share of the errors' energy the fit explains, `1 − Σ(e − c·s)² / Σe²`, in [0, 1]:
    /// near 1 when the errors have this shape, near 0 when they are unrelated to it.
    pub explained: f64,
}

impl Fit {
    /// The errors have this shape: the fit explains at least `share` of them.
    pub fn explains(&self, share: f64) -> bool {
        self.explained >= share
    }
}

/// Fits `errors ≈ factor · shape`; a fit with non-finite data or a zero shape explains nothing.
pub fn proportional_fit(errors: &[f64], shape: &[f64]) -> Fit {
    let nothing = Fit {
        factor: 0.0,
        explained: 0.0,
    };
    if errors.len() != shape.len() || errors.iter().chain(shape).any(|v| !v.is_finite()) {
        return nothing;
    }
    let shape_energy: f64 = shape.iter().map(|s| s * s).sum();
    let error_energy: f64 = errors.iter().map(|e| e * e).sum();
    if shape_energy == 0.0 || error_energy == 0.0 {
        return nothing;
    }
    let factor = errors.iter().zip(shape).map(|(e, s)| e * s).sum::<f64>() / shape_energy;
    let residual: f64 = errors
        .iter()
        .zip(shape)
        .map(|(e, s)| (e - factor * s).powi(2))
        .sum();
    Fit {
        factor,
        explained: (1.0 - residual / error_energy).max(0.0),
    }
}

/// A measured estimate (a step size, a factor) to two significant digits: `1.0000127e-9`
/// reads `1e-9`, `1.2345e-8` reads `1.2e-8`.
pub fn rough(x: f64) -> String {
    let rounded: f64 = format!("{x:.1e}").parse().unwrap_or(x);
    gradlings_support::fmt_f64(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_the_factor_of_a_proportional_shape() {
        let shape = [1.0, -2.0, 3.0, 0.5];
        let errors: Vec<f64> = shape.iter().map(|s| -0.25 * s).collect();
        let fit = proportional_fit(&errors, &shape);
        assert!(
            (fit.factor + 0.25).abs() < 1e-15 && fit.explained > 0.999_999,
            "{fit:?}"
        );
    }

    #[test]
    fn an_unrelated_shape_explains_little() {
        let fit = proportional_fit(&[1.0, -1.0, 1.0, -1.0], &[1.0, 1.0, 1.0, 1.0]);
        assert!(fit.explained < 1e-12, "{fit:?}");
    }

    #[test]
    fn rough_keeps_two_digits() {
        assert_eq!(rough(1.000_012_7e-9), "1e-9");
        assert_eq!(rough(0.000_123_456), "0.00012");
        assert_eq!(rough(1.234_5e-8), "1.2e-8");
        assert_eq!(rough(2.5), "2.5");
    }

    #[test]
    fn nan_explains_nothing() {
        assert_eq!(proportional_fit(&[f64::NAN], &[1.0]).explained, 0.0);
    }
}
