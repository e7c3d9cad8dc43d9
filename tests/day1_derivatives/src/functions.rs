//! The test functions of day 1, each with its exact derivatives.
//!
//! The checks call the student's code on these and compare with the exact values (for
//! accuracy requirements) or with the formula the exercise asks for (for exactness).

/// A smooth function with its first four derivatives and the interval it is tested on.
#[derive(Clone, Copy)]
pub struct TestFn {
    pub name: &'static str,
    pub f: fn(f64) -> f64,
    pub d1: fn(f64) -> f64,
    pub d2: fn(f64) -> f64,
    pub d3: fn(f64) -> f64,
    /// The fourth derivative: the truncation term of the second difference (exercise 1.3).
    pub d4: fn(f64) -> f64,
    pub lo: f64,
    pub hi: f64,
}

fn sech2(x: f64) -> f64 {
    1.0 / x.cosh().powi(2)
}

pub const EXP: TestFn = TestFn {
    name: "exp",
    f: f64::exp,
    d1: f64::exp,
    d2: f64::exp,
    d3: f64::exp,
    d4: f64::exp,
    lo: -3.0,
    hi: 3.0,
};

pub const SIN: TestFn = TestFn {
    name: "sin",
    f: f64::sin,
    d1: f64::cos,
    d2: |x| -x.sin(),
    d3: |x| -x.cos(),
    d4: f64::sin,
    lo: -4.0,
    hi: 4.0,
};

pub const CUBIC: TestFn = TestFn {
    name: "x³ − 2x",
    f: |x| x * x * x - 2.0 * x,
    d1: |x| 3.0 * x * x - 2.0,
    d2: |x| 6.0 * x,
    d3: |_| 6.0,
    d4: |_| 0.0,
    lo: -3.0,
    hi: 3.0,
};

pub const TANH: TestFn = TestFn {
    name: "tanh",
    f: f64::tanh,
    d1: sech2,
    d2: |x| -2.0 * x.tanh() * sech2(x),
    d3: |x| {
        let t = x.tanh();
        -2.0 * sech2(x) * (1.0 - 3.0 * t * t)
    },
    d4: |x| {
        let t = x.tanh();
        8.0 * t * sech2(x) * (2.0 - 3.0 * t * t)
    },
    lo: -3.0,
    hi: 3.0,
};

/// ln(1 + x²): its derivatives change sign, and it is not a polynomial.
pub const LOG1P_SQUARE: TestFn = TestFn {
    name: "ln(1 + x²)",
    f: |x| (1.0 + x * x).ln(),
    d1: |x| 2.0 * x / (1.0 + x * x),
    d2: |x| 2.0 * (1.0 - x * x) / (1.0 + x * x).powi(2),
    d3: |x| 4.0 * x * (x * x - 3.0) / (1.0 + x * x).powi(3),
    d4: |x| -12.0 * (x.powi(4) - 6.0 * x * x + 1.0) / (1.0 + x * x).powi(4),
    lo: -3.0,
    hi: 3.0,
};

/// The four functions of the difference-quotient checks.
pub const BASIC: [TestFn; 4] = [EXP, SIN, CUBIC, TANH];

/// Everything, for the accuracy checks.
pub const ALL: [TestFn; 5] = [EXP, SIN, CUBIC, TANH, LOG1P_SQUARE];

#[cfg(test)]
mod tests {
    use super::*;

    /// The derivatives written above must themselves be right: compare each with a central
    /// difference of the one before (h = 1e-5 gives ~1e-9 accuracy for these functions).
    #[test]
    fn derivatives_are_consistent() {
        let h = 1e-5;
        for func in ALL {
            for i in 0..=20 {
                let x = func.lo + (func.hi - func.lo) * f64::from(i) / 20.0;
                let pairs = [
                    (func.f, func.d1),
                    (func.d1, func.d2),
                    (func.d2, func.d3),
                    (func.d3, func.d4),
                ];
                for (k, (g, dg)) in pairs.into_iter().enumerate() {
                    let numeric = (g(x + h) - g(x - h)) / (2.0 * h);
                    assert!(
                        (numeric - dg(x)).abs() < 1e-6 * dg(x).abs().max(1.0),
                        "{} derivative {} at {x}: {numeric} vs {}",
                        func.name,
                        k + 1,
                        dg(x)
                    );
                }
            }
        }
    }
}
