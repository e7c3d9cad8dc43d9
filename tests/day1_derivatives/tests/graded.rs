//! The graded tests of day 1. Each test runs one check of `day1_derivatives_tests` against
//! the implementation under test: the student's crate (feature `student`) or the solutions
//! (feature `solutions`). The checker selects the feature; names are `<exercise>::<check>`.
#![cfg(any(feature = "student", feature = "solutions"))]

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
