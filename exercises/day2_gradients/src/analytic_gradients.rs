//! # 2.2 Analytic gradients
//!
//! Optimisers are tested on a handful of classic landscapes. Their gradients follow from the
//! rules of Day 1 applied one variable at a time: treat every other variable as a constant,
//! and use the chain rule for a squared bracket, d/dt (u(t))² = 2·u(t)·u'(t). That inner
//! factor u'(t) is the one people forget.
//!
//! ```text
//! Rosenbrock  f(x) = Σ_{i=0}^{n−2} [ 100·(x_{i+1} − x_i²)² + (1 − x_i)² ]   minimum (1, …, 1)
//! Himmelblau  f(x, y) = (x² + y − 11)² + (x + y² − 7)²                      minimum (3, 2) and 3 more
//! Beale       f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²   minimum (3, 0.5)
//! Booth       f(x, y) = (x + 2y − 7)² + (2x + y − 5)²                        minimum (1, 3)
//! ```
//!
//! **Rosenbrock in n dimensions.** Coordinate x_j appears in *two* terms of the sum: in term
//! j as x_i (when j ≤ n − 2) and in term j − 1 as x_{i+1} (when j ≥ 1). Its partial collects
//! both, so only the first and the last coordinate have a single contribution:
//!
//! ```text
//! ∂f/∂x_j = −400·x_j·(x_{j+1} − x_j²) − 2·(1 − x_j)     from term j,      if j ≤ n − 2
//!         +  200·(x_j − x_{j−1}²)                        from term j − 1,  if j ≥ 1
//! ```
//!
//! A worked number: Booth at (0, 0). The brackets are u = x + 2y − 7 = −7 and
//! v = 2x + y − 5 = −5; ∂f/∂x = 2u·1 + 2v·2 = −14 − 20 = −34 and
//! ∂f/∂y = 2u·2 + 2v·1 = −28 − 10 = −38. At a minimum every partial is exactly zero.
//!
//! The functions themselves are written out below (you do not need to change them); use them
//! to check your gradients numerically with 2.1's `numerical_gradient`.
//!
//! **Rust notes.** The two-variable functions read `x[0]` as x and `x[1]` as y, and return
//! `array![df_dx, df_dy]`. For Rosenbrock start from `Array1::zeros(n)` and add each term's
//! contributions into it (`grad[j] += …`).

use ndarray::{Array1, array};

/// Rosenbrock's banana valley in n ≥ 2 dimensions.
pub fn rosenbrock(x: &Array1<f64>) -> f64 {
    (0..x.len() - 1)
        .map(|i| 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2))
        .sum()
}

/// Himmelblau's function: four minima, all with value 0.
pub fn himmelblau(x: &Array1<f64>) -> f64 {
    (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2)
}

/// Beale's function: flat plateaus and steep walls.
pub fn beale(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    (1.5 - a + a * b).powi(2) + (2.25 - a + a * b * b).powi(2) + (2.625 - a + a * b.powi(3)).powi(2)
}

/// Booth's function: a tilted quadratic bowl.
pub fn booth(x: &Array1<f64>) -> f64 {
    (x[0] + 2.0 * x[1] - 7.0).powi(2) + (2.0 * x[0] + x[1] - 5.0).powi(2)
}

/// ∇ of [`rosenbrock`] in n dimensions (same length as `x`).
pub fn rosenbrock_grad(x: &Array1<f64>) -> Array1<f64> {
    // TODO: start from `Array1::zeros(x.len())`. For each term i = 0 … n − 2 of the sum,
    // add its slope with respect to x_i to grad[i] and its slope with respect to x_{i+1}
    // to grad[i + 1] (the formula above). Works for every n ≥ 2.
    todo!()
}

/// ∇ of [`himmelblau`]: `[∂f/∂x, ∂f/∂y]`.
pub fn himmelblau_grad(x: &Array1<f64>) -> Array1<f64> {
    // TODO: name the brackets u = x² + y − 11 and v = x + y² − 7, so f = u² + v².
    // Then ∂f/∂x = 2u·∂u/∂x + 2v·∂v/∂x, and the same for y. Return array![df_dx, df_dy].
    todo!()
}

/// ∇ of [`beale`]: `[∂f/∂x, ∂f/∂y]`.
pub fn beale_grad(x: &Array1<f64>) -> Array1<f64> {
    // TODO: name the three brackets u1, u2, u3. Differentiate each one with respect to x
    // (y held constant) and with respect to y (x held constant), then use
    // d(u²) = 2u·du for each. Return array![df_dx, df_dy].
    todo!()
}

/// ∇ of [`booth`]: `[∂f/∂x, ∂f/∂y]`.
pub fn booth_grad(x: &Array1<f64>) -> Array1<f64> {
    // TODO: name the brackets u = x + 2y − 7 and v = 2x + y − 5, so f = u² + v².
    // Return array![df_dx, df_dy], using d(u²) = 2u·du for each bracket.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The worked number above: ∇booth(0, 0) = [−34, −38].
    #[test]
    fn booth_gradient_at_origin() {
        let grad = booth_grad(&array![0.0, 0.0]);
        assert!(
            (grad[0] + 34.0).abs() < 1e-12 && (grad[1] + 38.0).abs() < 1e-12,
            "{grad}"
        );
    }

    // (1, 1, 1) makes every bracket of the Rosenbrock sum zero, so every partial is zero.
    #[test]
    fn rosenbrock_gradient_vanishes_at_ones() {
        let grad = rosenbrock_grad(&array![1.0, 1.0, 1.0]);
        assert_eq!(grad.len(), 3);
        assert!(grad.iter().all(|g| g.abs() < 1e-12), "{grad}");
    }

    // At (0, 0, 0) only the (1 − x_i)² terms have a slope: −2 for x₀ and x₁. The last
    // coordinate appears only inside 100·(x₂ − x₁²)², whose slope is 200·(0 − 0) = 0.
    #[test]
    fn rosenbrock_gradient_at_origin() {
        let grad = rosenbrock_grad(&array![0.0, 0.0, 0.0]);
        assert!((grad[0] + 2.0).abs() < 1e-12, "{grad}");
        assert!((grad[1] + 2.0).abs() < 1e-12, "{grad}");
        assert!(grad[2].abs() < 1e-12, "{grad}");
    }
}
