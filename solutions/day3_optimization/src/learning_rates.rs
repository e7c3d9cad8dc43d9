//! # 3.1 Learning-rate regimes
//!
//! Gradient descent repeats one move: x ← x − lr·f'(x). The learning rate `lr` decides
//! everything. Too small and the walk crawls; too large and each step jumps past the
//! minimum onto the far wall, higher than where it started. The parabola f(x) = a·x²
//! (a > 0, minimum at 0) lets us see exactly why, because one step is a multiplication:
//!
//! ```text
//! f'(x)   = 2a·x
//! x_{k+1} = x_k − lr·2a·x_k = (1 − 2a·lr)·x_k = r·x_k        r = 1 − 2a·lr
//! x_k     = x_0·r^k
//! ```
//!
//! Everything depends on the factor r:
//!
//! ```text
//!      0 < r < 1    Monotone      x shrinks towards 0 without changing sign (slowly if r ≈ 1)
//!      r = 0        OneStep       lr = 1/(2a): the first step lands exactly on the minimum
//!     −1 < r < 0    Oscillating   x flips sign every step, but |x| still shrinks
//!      r = −1       TwoCycle      lr = 1/a: x bounces between x_0 and −x_0 forever
//!      r < −1       Divergent     x flips sign and |x| grows without bound
//! ```
//!
//! So on a parabola of curvature f'' = 2a, gradient descent converges exactly when
//! lr < 2/f'' = 1/a. The same rule, with the largest curvature, governs any smooth bowl.
//!
//! A worked number: f(x) = x² (a = 1) from x_0 = 10. With lr = 0.2, r = 0.6 and after ten
//! steps x = 10·0.6¹⁰ ≈ 0.060466. With lr = 0.05, r = 0.9 and x = 10·0.9¹⁰ ≈ 3.486784 (too
//! slow). With lr = 1.1, r = −1.2 and x = 10·1.2¹⁰ ≈ 61.917364 (diverging).
//!
//! **Rust notes.** `LrRegime` is an enum: return one of its variants, e.g.
//! `LrRegime::OneStep`. The regime boundaries are single points, so compare `r` with `==`
//! there: the tests only ask about boundaries where the arithmetic is exact (such as
//! a = 2, lr = 0.25).

/// How gradient descent behaves on f(x) = a·x² for a given learning rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LrRegime {
    /// 0 < r < 1: every step moves towards the minimum without crossing it.
    Monotone,
    /// r = 0: the first step lands exactly on the minimum.
    OneStep,
    /// −1 < r < 0: the iterate crosses the minimum every step, but converges.
    Oscillating,
    /// r = −1: the iterate bounces between x₀ and −x₀ forever.
    TwoCycle,
    /// r < −1: the iterate crosses the minimum every step and runs away.
    Divergent,
}

/// Gradient descent on f(x) = a·x² from `x0`: the iterates `[x_0, x_1, …, x_steps]`.
///
/// The result has `steps + 1` values: the start, then one value after each step.
pub fn gd_quadratic_trajectory(a: f64, x0: f64, lr: f64, steps: usize) -> Vec<f64> {
    let mut xs = Vec::with_capacity(steps + 1);
    let mut x = x0;
    xs.push(x);
    for _ in 0..steps {
        let gradient = 2.0 * a * x;
        x -= lr * gradient;
        xs.push(x);
    }
    xs
}

/// The regime of gradient descent on f(x) = a·x² with learning rate `lr` (a > 0, lr > 0).
pub fn classify_lr(a: f64, lr: f64) -> LrRegime {
    let r = 1.0 - 2.0 * a * lr;
    if r == 0.0 {
        LrRegime::OneStep
    } else if r == -1.0 {
        LrRegime::TwoCycle
    } else if r > 0.0 {
        LrRegime::Monotone
    } else if r > -1.0 {
        LrRegime::Oscillating
    } else {
        LrRegime::Divergent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The worked numbers above: x² from 10, ten steps. x_10 = 10·(1 − 2·lr)¹⁰.
    #[test]
    fn ten_steps_on_x_squared() {
        let last = |lr: f64| *gd_quadratic_trajectory(1.0, 10.0, lr, 10).last().unwrap();
        assert!((last(0.2) - 0.060466176).abs() < 1e-9);
        assert!((last(0.05) - 3.486784401).abs() < 1e-9);
        assert!((last(1.1) - 61.917364224).abs() < 1e-8);
    }

    // The trajectory starts with x_0 and has one more value than there are steps.
    #[test]
    fn trajectory_includes_the_start() {
        let xs = gd_quadratic_trajectory(1.0, 3.0, 0.25, 2);
        // r = 1 − 2·0.25 = 0.5: 3, 1.5, 0.75.
        assert_eq!(xs.len(), 3);
        assert!((xs[0] - 3.0).abs() < 1e-12 && (xs[2] - 0.75).abs() < 1e-12);
    }

    // f = 2x²: r = 1 − 4·lr is 0 at lr = 0.25 and −1 at lr = 0.5; just past 0.5 it diverges.
    #[test]
    fn regimes_of_two_x_squared() {
        assert_eq!(classify_lr(2.0, 0.25), LrRegime::OneStep);
        assert_eq!(classify_lr(2.0, 0.5), LrRegime::TwoCycle);
        assert_eq!(classify_lr(2.0, 0.5000001), LrRegime::Divergent);
    }
}
