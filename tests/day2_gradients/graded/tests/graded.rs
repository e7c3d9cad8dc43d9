//! The graded tests of day 2. Each test runs one check of `day2_gradients_tests` against
//! the implementation under test: the student's crate (feature `student`) or the solutions
//! (feature `solutions`). The checker selects the feature; names are `<exercise>::<check>`.
#![cfg(any(feature = "student", feature = "solutions"))]

#[cfg(not(feature = "solutions"))]
use day2_gradients as day2;
#[cfg(feature = "solutions")]
use day2_gradients_solution as day2;

use day2_gradients_tests as checks;
use gradlings_support::grade;

mod partials {
    use super::{checks::partials as check, day2::partials as imp, *};

    #[test]
    fn partial_formula() {
        grade(|| check::partial_formula(|f, x, i, h| imp::partial(f, x, i, h)));
    }

    #[test]
    fn gradient_formula() {
        grade(|| check::gradient_formula(|f, x, h| imp::numerical_gradient(f, x, h)));
    }

    #[test]
    fn gradient_probes_one_coordinate() {
        grade(|| check::gradient_probes_one_coordinate(|f, x, h| imp::numerical_gradient(f, x, h)));
    }

    #[test]
    fn gradient_call_budget() {
        grade(|| check::gradient_call_budget(|f, x, h| imp::numerical_gradient(f, x, h)));
    }
}

mod analytic_gradients {
    use super::{checks::analytic_gradients as check, day2::analytic_gradients as imp, *};

    #[test]
    fn rosenbrock_gradient() {
        grade(|| check::rosenbrock_gradient(imp::rosenbrock_grad));
    }

    #[test]
    fn himmelblau_gradient() {
        grade(|| check::himmelblau_gradient(imp::himmelblau_grad));
    }

    #[test]
    fn beale_gradient() {
        grade(|| check::beale_gradient(imp::beale_grad));
    }

    #[test]
    fn booth_gradient() {
        grade(|| check::booth_gradient(imp::booth_grad));
    }

    #[test]
    fn zero_at_minima() {
        grade(|| {
            check::zero_at_minima(
                imp::rosenbrock_grad,
                imp::himmelblau_grad,
                imp::beale_grad,
                imp::booth_grad,
            )
        });
    }
}

mod steepest_ascent {
    use super::{checks::steepest_ascent as check, day2::steepest_ascent as imp, *};

    #[test]
    fn directional_derivative_formula() {
        grade(|| check::directional_derivative_formula(imp::directional_derivative));
    }

    #[test]
    fn directional_derivative_ignores_length() {
        grade(|| check::directional_derivative_ignores_length(imp::directional_derivative));
    }

    #[test]
    fn directional_derivative_of_zero_u_is_none() {
        grade(|| check::directional_derivative_of_zero_u_is_none(imp::directional_derivative));
    }

    #[test]
    fn steepest_ascent_direction() {
        grade(|| check::steepest_ascent_direction(imp::steepest_ascent));
    }

    #[test]
    fn steepest_ascent_of_zero_gradient_is_none() {
        grade(|| check::steepest_ascent_of_zero_gradient_is_none(imp::steepest_ascent));
    }

    #[test]
    fn best_of_3600_directions() {
        grade(|| check::best_of_3600_directions(imp::directional_derivative, imp::steepest_ascent));
    }
}

mod gradient_fields {
    use super::{checks::gradient_fields as check, day2::gradient_fields as imp, *};

    #[test]
    fn field_shape() {
        grade(|| check::field_shape(|f, xs, ys| imp::gradient_field(f, xs, ys)));
    }

    #[test]
    fn field_of_bowl() {
        grade(|| check::field_of_bowl(|f, xs, ys| imp::gradient_field(f, xs, ys)));
    }

    #[test]
    fn field_of_random_surfaces() {
        grade(|| check::field_of_random_surfaces(|f, xs, ys| imp::gradient_field(f, xs, ys)));
    }
}

mod gradient_checking {
    use super::{checks::gradient_checking as check, day2::gradient_checking as imp, *};

    #[test]
    fn rel_error_formula() {
        grade(|| check::rel_error_formula(imp::rel_error));
    }

    #[test]
    fn rel_error_of_zeros_is_zero() {
        grade(|| check::rel_error_of_zeros_is_zero(imp::rel_error));
    }

    #[test]
    fn grad_check_passes_a_correct_gradient() {
        grade(|| {
            check::grad_check_passes_a_correct_gradient(|f, g, x, h| imp::grad_check(f, g, x, h))
        });
    }

    #[test]
    fn grad_check_flags_a_buggy_gradient() {
        grade(|| {
            check::grad_check_flags_a_buggy_gradient(|f, g, x, h| imp::grad_check(f, g, x, h))
        });
    }
}

mod gradient_descent {
    use super::{checks::gradient_descent as check, day2::gradient_descent as imp, *};
    use check::{GradFn, Outcome};
    use ndarray::Array1;

    /// The student's loop, its result translated into the checks' own type.
    fn descend(grad: GradFn, x0: &Array1<f64>, lr: f64, max_iters: usize, tol: f64) -> Outcome {
        let result = imp::gradient_descent(grad, x0, lr, max_iters, tol);
        Outcome {
            x: result.x,
            iters: result.iters,
            converged: result.converged,
            diverged: result.diverged,
        }
    }

    #[test]
    fn eleven_steps_on_x_squared() {
        grade(|| check::eleven_steps_on_x_squared(descend));
    }

    #[test]
    fn booth_converges_from_random_starts() {
        grade(|| check::booth_converges_from_random_starts(descend));
    }

    #[test]
    fn divergence_is_reported_early() {
        grade(|| check::divergence_is_reported_early(descend));
    }

    #[test]
    fn respects_max_iters() {
        grade(|| check::respects_max_iters(descend));
    }

    #[test]
    fn converged_start_takes_no_step() {
        grade(|| check::converged_start_takes_no_step(descend));
    }
}
