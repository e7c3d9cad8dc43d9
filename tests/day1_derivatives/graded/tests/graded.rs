//! The graded tests of day 1. Each test runs one check of `day1_derivatives_tests` against
//! the implementation under test: the student's crate (feature `student`) or the solutions
//! (feature `solutions`). The checker selects the feature; names are `<exercise>::<check>`.
#![cfg(any(feature = "student", feature = "solutions"))]
// Checks return their whole `Feedback` on failure (see the crate docs of the checks).
#![allow(clippy::result_large_err)]

#[cfg(not(feature = "solutions"))]
use day1_derivatives as day1;
#[cfg(feature = "solutions")]
use day1_derivatives_solution as day1;

use day1_derivatives_tests as checks;
use gradlings_support::grade;

mod difference_quotients {
    use super::{checks::difference_quotients as check, day1::difference_quotients as imp, *};

    #[test]
    fn forward_formula() {
        grade(|| check::forward_formula(|f, x, h| imp::forward_diff(f, x, h)));
    }

    #[test]
    fn backward_formula() {
        grade(|| check::backward_formula(|f, x, h| imp::backward_diff(f, x, h)));
    }

    #[test]
    fn central_formula() {
        grade(|| check::central_formula(|f, x, h| imp::central_diff(f, x, h)));
    }

    #[test]
    fn forward_error_is_first_order() {
        grade(|| check::forward_error_is_half_h_f2(|f, x, h| imp::forward_diff(f, x, h)));
    }

    #[test]
    fn central_error_is_second_order() {
        grade(|| check::central_error_at_e(|f, x, h| imp::central_diff(f, x, h)));
    }
}

mod derivative {
    use super::{checks::derivative as check, day1::derivative as imp, *};

    #[test]
    fn known_slopes() {
        grade(|| check::known_slopes(|f, x| imp::derivative(f, x)));
    }

    #[test]
    fn nine_digits_everywhere() {
        grade(|| check::nine_digits_everywhere(|f, x| imp::derivative(f, x)));
    }
}

mod curvature {
    use super::{checks::curvature as check, day1::curvature as imp, *};

    #[test]
    fn known_curvatures() {
        grade(|| check::known_curvatures(|f, x| imp::second_derivative(f, x)));
    }

    #[test]
    fn accurate_at_random_points() {
        grade(|| check::accurate_at_random_points(|f, x| imp::second_derivative(f, x)));
    }
}

mod error_sweep {
    use super::{checks::error_sweep as check, day1::error_sweep as imp, *};

    #[test]
    fn errors_match_the_quotients() {
        grade(|| check::errors_match_the_quotients(|f, df, x, hs| imp::error_sweep(f, df, x, hs)));
    }

    #[test]
    fn best_steps() {
        grade(|| check::best_steps(|f, df, x, hs| imp::error_sweep(f, df, x, hs)));
    }

    #[test]
    fn truncation_slopes() {
        grade(|| check::truncation_slopes(|f, df, x, hs| imp::error_sweep(f, df, x, hs)));
    }
}

mod tangents {
    use super::{checks::tangents as check, day1::tangents as imp, *};

    #[test]
    fn tangent_of_the_parabola() {
        grade(|| check::tangent_of_the_parabola(|f, x0| imp::tangent_line(f, x0)));
    }

    #[test]
    fn tangents_of_random_cubics() {
        grade(|| check::tangents_of_random_cubics(|f, x0| imp::tangent_line(f, x0)));
    }

    #[test]
    fn secant_formula() {
        grade(|| check::secant_formula(|f, x0, hs| imp::secant_slopes(f, x0, hs)));
    }

    #[test]
    fn secants_converge_linearly() {
        grade(|| check::secants_converge_linearly(|f, x0, hs| imp::secant_slopes(f, x0, hs)));
    }
}

mod symbolic {
    use super::{checks::symbolic as check, day1::symbolic as imp, *};
    use check::Expr;

    /// The test's tree as the student's type.
    fn to_student(e: &Expr) -> imp::Expr {
        let sub = |u: &Expr| Box::new(to_student(u));
        match e {
            Expr::Const(c) => imp::Expr::Const(*c),
            Expr::X => imp::Expr::X,
            Expr::Add(u, v) => imp::Expr::Add(sub(u), sub(v)),
            Expr::Mul(u, v) => imp::Expr::Mul(sub(u), sub(v)),
            Expr::Pow(u, n) => imp::Expr::Pow(sub(u), *n),
            Expr::Sin(u) => imp::Expr::Sin(sub(u)),
            Expr::Cos(u) => imp::Expr::Cos(sub(u)),
            Expr::Exp(u) => imp::Expr::Exp(sub(u)),
            Expr::Ln(u) => imp::Expr::Ln(sub(u)),
        }
    }

    /// The student's tree as the test's type, to evaluate it with the reference evaluator.
    fn from_student(e: &imp::Expr) -> Expr {
        let sub = |u: &imp::Expr| Box::new(from_student(u));
        match e {
            imp::Expr::Const(c) => Expr::Const(*c),
            imp::Expr::X => Expr::X,
            imp::Expr::Add(u, v) => Expr::Add(sub(u), sub(v)),
            imp::Expr::Mul(u, v) => Expr::Mul(sub(u), sub(v)),
            imp::Expr::Pow(u, n) => Expr::Pow(sub(u), *n),
            imp::Expr::Sin(u) => Expr::Sin(sub(u)),
            imp::Expr::Cos(u) => Expr::Cos(sub(u)),
            imp::Expr::Exp(u) => Expr::Exp(sub(u)),
            imp::Expr::Ln(u) => Expr::Ln(sub(u)),
        }
    }

    #[test]
    fn eval_matches_the_definition() {
        grade(|| check::eval_matches_the_definition(|e, x| to_student(e).eval(x)));
    }

    #[test]
    fn derivatives_of_six_expressions() {
        grade(|| check::derivatives_of_six_expressions(|e| from_student(&to_student(e).diff())));
    }

    #[test]
    fn derivatives_of_random_trees() {
        grade(|| check::derivatives_of_random_trees(|e| from_student(&to_student(e).diff())));
    }
}

mod beyond_finite_differences {
    use super::{
        checks::beyond_finite_differences as check, day1::beyond_finite_differences as imp, *,
    };

    #[test]
    fn complex_step_classic() {
        grade(|| check::complex_step_classic(|f, x| imp::complex_step(f, x)));
    }

    #[test]
    fn complex_step_machine_precision() {
        grade(|| check::complex_step_machine_precision(|f, x| imp::complex_step(f, x)));
    }

    #[test]
    fn richardson_on_exp() {
        grade(|| check::richardson_on_exp(|f, x, h| imp::richardson(f, x, h)));
    }

    #[test]
    fn richardson_fourth_order() {
        grade(|| check::richardson_fourth_order(|f, x, h| imp::richardson(f, x, h)));
    }
}
