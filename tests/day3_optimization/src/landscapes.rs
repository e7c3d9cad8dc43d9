//! The test functions of day 3, with their exact derivatives written out by hand.
//!
//! The checks compare the student's numbers with these (exact Hessians, exact gradients);
//! the unit tests below make sure the hand-written derivatives are themselves right.

use ndarray::{Array2, array};

/// Himmelblau's function (x² + y − 11)² + (x + y² − 7)²: four minima, one maximum, four saddles.
pub fn himmelblau(p: &[f64]) -> f64 {
    (p[0] * p[0] + p[1] - 11.0).powi(2) + (p[0] + p[1] * p[1] - 7.0).powi(2)
}

pub fn himmelblau_gradient(p: &[f64]) -> [f64; 2] {
    let (x, y) = (p[0], p[1]);
    let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
    [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b]
}

pub fn himmelblau_hessian(p: &[f64]) -> Array2<f64> {
    let (x, y) = (p[0], p[1]);
    array![
        [12.0 * x * x + 4.0 * y - 42.0, 4.0 * x + 4.0 * y],
        [4.0 * x + 4.0 * y, 12.0 * y * y + 4.0 * x - 26.0]
    ]
}

/// Rosenbrock's banana (1 − x)² + 100(y − x²)², minimum at (1, 1).
pub fn rosenbrock(p: &[f64]) -> f64 {
    (1.0 - p[0]).powi(2) + 100.0 * (p[1] - p[0] * p[0]).powi(2)
}

pub fn rosenbrock_gradient(p: &[f64]) -> Vec<f64> {
    let (x, y) = (p[0], p[1]);
    vec![
        -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
        200.0 * (y - x * x),
    ]
}

pub fn rosenbrock_hessian(p: &[f64]) -> Array2<f64> {
    let (x, y) = (p[0], p[1]);
    array![
        [1200.0 * x * x - 400.0 * y + 2.0, -400.0 * x],
        [-400.0 * x, 200.0]
    ]
}

/// Booth's function (x + 2y − 7)² + (2x + y − 5)², a convex quadratic with minimum (1, 3).
pub fn booth(p: &[f64]) -> f64 {
    (p[0] + 2.0 * p[1] - 7.0).powi(2) + (2.0 * p[0] + p[1] - 5.0).powi(2)
}

/// A smooth non-polynomial function of three variables: sin(x)·e^(y/2) + x²z − cos(yz).
pub fn wavy3(p: &[f64]) -> f64 {
    let (x, y, z) = (p[0], p[1], p[2]);
    x.sin() * (0.5 * y).exp() + x * x * z - (y * z).cos()
}

pub fn wavy3_hessian(p: &[f64]) -> Array2<f64> {
    let (x, y, z) = (p[0], p[1], p[2]);
    let e = (0.5 * y).exp();
    let (s, c) = ((y * z).sin(), (y * z).cos());
    let xy = 0.5 * x.cos() * e;
    let yz = s + y * z * c;
    array![
        [-x.sin() * e + 2.0 * z, xy, 2.0 * x],
        [xy, 0.25 * x.sin() * e + z * z * c, yz],
        [2.0 * x, yz, y * y * c]
    ]
}

/// The fixed symmetric matrix of `quartic4`.
fn quartic4_matrix() -> Array2<f64> {
    array![
        [4.0, 1.0, 0.0, -1.0],
        [1.0, 3.0, 0.5, 0.0],
        [0.0, 0.5, 2.0, 0.3],
        [-1.0, 0.0, 0.3, 5.0]
    ]
}

/// Four variables: ½·xᵀAx + ¼·Σ xᵢ⁴.
pub fn quartic4(p: &[f64]) -> f64 {
    let a = quartic4_matrix();
    let mut value = 0.0;
    for i in 0..4 {
        value += 0.25 * p[i].powi(4);
        for j in 0..4 {
            value += 0.5 * p[i] * a[[i, j]] * p[j];
        }
    }
    value
}

pub fn quartic4_hessian(p: &[f64]) -> Array2<f64> {
    let mut h = quartic4_matrix();
    for i in 0..4 {
        h[[i, i]] += 3.0 * p[i] * p[i];
    }
    h
}

/// The eigenvalues (smaller, larger) of a symmetric 2×2 matrix.
pub fn eigenvalues_2x2(h: &Array2<f64>) -> (f64, f64) {
    let (p, q, s) = (h[[0, 0]], h[[0, 1]], h[[1, 1]]);
    let mean = (p + s) / 2.0;
    let radius = (((p - s) / 2.0).powi(2) + q * q).sqrt();
    (mean - radius, mean + radius)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Central second differences with h = 1e-4: truncation ~1e-7 for these functions,
    /// round-off ~1e-8·|f|; 1e-5·max(1, |H|) is comfortably above both.
    fn numeric_hessian(f: fn(&[f64]) -> f64, x: &[f64]) -> Array2<f64> {
        let n = x.len();
        let h = 1e-4;
        let at = |i: usize, si: f64, j: usize, sj: f64| {
            let mut p = x.to_vec();
            p[i] += si * h;
            p[j] += sj * h;
            f(&p)
        };
        Array2::from_shape_fn((n, n), |(i, j)| {
            (at(i, 1.0, j, 1.0) - at(i, 1.0, j, -1.0) - at(i, -1.0, j, 1.0) + at(i, -1.0, j, -1.0))
                / (4.0 * h * h)
        })
    }

    #[test]
    fn hand_written_hessians_agree_with_differences() {
        type Case = (fn(&[f64]) -> f64, fn(&[f64]) -> Array2<f64>, Vec<f64>);
        let cases: [Case; 4] = [
            (himmelblau, himmelblau_hessian, vec![1.3, -2.1]),
            (rosenbrock, rosenbrock_hessian, vec![-0.7, 1.9]),
            (wavy3, wavy3_hessian, vec![0.4, -1.1, 1.7]),
            (quartic4, quartic4_hessian, vec![0.3, -1.2, 0.8, 1.5]),
        ];
        for (f, exact, x) in cases {
            let (numeric, exact) = (numeric_hessian(f, &x), exact(&x));
            let scale = exact.iter().fold(1.0f64, |m, v| m.max(v.abs()));
            for (a, b) in numeric.iter().zip(exact.iter()) {
                assert!((a - b).abs() < 1e-5 * scale, "{numeric} vs {exact}");
            }
        }
    }

    #[test]
    fn hand_written_gradients_agree_with_differences() {
        let h = 1e-6;
        for p in [[1.3, -2.1], [-0.7, 1.9], [3.0, 2.0]] {
            let g = himmelblau_gradient(&p);
            let r = rosenbrock_gradient(&p);
            for i in 0..2 {
                let mut up = p;
                let mut down = p;
                up[i] += h;
                down[i] -= h;
                let nh = (himmelblau(&up) - himmelblau(&down)) / (2.0 * h);
                let nr = (rosenbrock(&up) - rosenbrock(&down)) / (2.0 * h);
                assert!(
                    (nh - g[i]).abs() < 1e-5 * g[i].abs().max(1.0),
                    "{nh} vs {}",
                    g[i]
                );
                assert!(
                    (nr - r[i]).abs() < 1e-5 * r[i].abs().max(1.0),
                    "{nr} vs {}",
                    r[i]
                );
            }
        }
    }
}
