//! The graded tests of day 3. Each test runs one check of `day3_optimization_tests` against
//! the implementation under test: the student's crate (feature `student`) or the solutions
//! (feature `solutions`). The checker selects the feature; names are `<exercise>::<check>`.
#![cfg(any(feature = "student", feature = "solutions"))]
// Checks return their whole `Feedback` on failure (see the crate docs of the checks).
#![allow(clippy::result_large_err)]

#[cfg(not(feature = "solutions"))]
use day3_optimization as day3;
#[cfg(feature = "solutions")]
use day3_optimization_solution as day3;

use day3_optimization_tests as checks;
use gradlings_support::grade;

/// Wraps an optimizer of the student's `Optimizer` trait as the checks' step closure.
fn stepper(mut optimizer: impl day3::momentum::Optimizer + 'static) -> checks::common::StepFn {
    Box::new(move |params, grads| optimizer.step(params, grads))
}

mod learning_rates {
    use super::{checks::learning_rates as check, day3::learning_rates as imp, *};

    fn regime(r: imp::LrRegime) -> check::Regime {
        match r {
            imp::LrRegime::Monotone => check::Regime::Monotone,
            imp::LrRegime::OneStep => check::Regime::OneStep,
            imp::LrRegime::Oscillating => check::Regime::Oscillating,
            imp::LrRegime::TwoCycle => check::Regime::TwoCycle,
            imp::LrRegime::Divergent => check::Regime::Divergent,
        }
    }

    #[test]
    fn trajectory_matches_closed_form() {
        grade(|| check::trajectory_matches_closed_form(imp::gd_quadratic_trajectory));
    }

    #[test]
    fn classify_lr_regimes() {
        grade(|| check::classify_lr_regimes(|a, lr| regime(imp::classify_lr(a, lr))));
    }
}

mod momentum {
    use super::{checks::momentum as check, day3::momentum as imp, *};

    #[test]
    fn sgd_step() {
        grade(|| check::sgd_step(|lr| stepper(imp::Sgd::new(lr))));
    }

    #[test]
    fn momentum_update() {
        grade(|| check::momentum_update(|lr, mu| stepper(imp::Momentum::new(lr, mu))));
    }

    #[test]
    fn momentum_beats_gd_in_a_ravine() {
        grade(|| {
            check::momentum_beats_gd_in_a_ravine(|lr, mu| stepper(imp::Momentum::new(lr, mu)))
        });
    }
}

mod adam {
    use super::{checks::adam as check, day3::adam as imp, *};

    #[test]
    fn adam_first_step() {
        grade(|| check::adam_first_step(|lr| stepper(imp::Adam::new(lr))));
    }

    #[test]
    fn adam_update() {
        grade(|| check::adam_update(|lr| stepper(imp::Adam::new(lr))));
    }

    #[test]
    fn adam_solves_rosenbrock() {
        grade(|| check::adam_solves_rosenbrock(|lr| stepper(imp::Adam::new(lr))));
    }
}

mod critical_points {
    use super::{checks::critical_points as check, day3::critical_points as imp, *};

    fn label(c: imp::CriticalPoint) -> check::Label {
        match c {
            imp::CriticalPoint::Min => check::Label::Min,
            imp::CriticalPoint::Max => check::Label::Max,
            imp::CriticalPoint::Saddle => check::Label::Saddle,
            imp::CriticalPoint::Degenerate => check::Label::Degenerate,
        }
    }

    #[test]
    fn hessian_at_himmelblau_minimum() {
        grade(|| check::hessian_at_himmelblau_minimum(|f, x| imp::numerical_hessian(f, x)));
    }

    #[test]
    fn hessian_matches_exact() {
        grade(|| check::hessian_matches_exact(|f, x| imp::numerical_hessian(f, x)));
    }

    #[test]
    fn classifies_himmelblau() {
        grade(|| check::classifies_himmelblau(|f, x| label(imp::classify_critical_point(f, x))));
    }

    #[test]
    fn classifies_quadratics_and_degenerate() {
        grade(|| {
            check::classifies_quadratics_and_degenerate(|f, x| {
                label(imp::classify_critical_point(f, x))
            })
        });
    }
}

mod convexity {
    use super::{checks::convexity as check, day3::convexity as imp, *};

    #[test]
    fn convex_functions_pass() {
        grade(|| {
            check::convex_functions_pass(|f, lo, hi, n, rng| {
                imp::is_convex_sampled(f, lo, hi, n, rng)
            })
        });
    }

    #[test]
    fn non_convex_functions_fail() {
        grade(|| {
            check::non_convex_functions_fail(|f, lo, hi, n, rng| {
                imp::is_convex_sampled(f, lo, hi, n, rng)
            })
        });
    }
}

mod restarts {
    use super::{checks::restarts as check, day3::restarts as imp, *};

    #[test]
    fn descend_takes_exact_steps() {
        grade(|| {
            check::descend_takes_exact_steps(|df, x0, lr, iters| imp::descend(df, x0, lr, iters))
        });
    }

    #[test]
    fn restarts_pick_the_lowest_end() {
        grade(|| {
            check::restarts_pick_the_lowest_end(|f, df, s, lr, n| {
                imp::best_of_restarts(f, df, s, lr, n)
            })
        });
    }

    #[test]
    fn rastrigin_global_minimum() {
        grade(|| {
            check::rastrigin_global_minimum(|f, df, s, lr, n| {
                imp::best_of_restarts(f, df, s, lr, n)
            })
        });
    }

    #[test]
    fn double_well_global_minimum() {
        grade(|| {
            check::double_well_global_minimum(|f, df, s, lr, n| {
                imp::best_of_restarts(f, df, s, lr, n)
            })
        });
    }
}

mod sgd {
    use super::{checks::sgd as check, day3::sgd as imp, *};

    #[test]
    fn batches_partition_the_indices() {
        grade(|| check::batches_partition_the_indices(imp::minibatch_indices));
    }

    #[test]
    fn batches_are_shuffled() {
        grade(|| check::batches_are_shuffled(imp::minibatch_indices));
    }

    #[test]
    fn full_batch_is_gradient_descent() {
        grade(|| check::full_batch_is_gradient_descent(imp::sgd_linreg));
    }

    #[test]
    fn sgd_fits_a_noisy_line() {
        grade(|| check::sgd_fits_a_noisy_line(imp::sgd_linreg));
    }
}

mod pagerank {
    use super::{checks::pagerank as check, day3::pagerank as imp, *};

    #[test]
    fn ranks_of_the_example_graph() {
        grade(|| check::ranks_of_the_example_graph(imp::pagerank));
    }

    #[test]
    fn random_graphs_match_the_linear_solve() {
        grade(|| check::random_graphs_match_the_linear_solve(imp::pagerank));
    }

    #[test]
    fn ranks_sum_to_one() {
        grade(|| check::ranks_sum_to_one(imp::pagerank));
    }
}

mod matrix_factorization {
    use super::{checks::matrix_factorization as check, day3::matrix_factorization as imp, *};

    #[test]
    fn loss_value() {
        grade(|| check::loss_value(imp::mf_loss_grad));
    }

    #[test]
    fn gradient_check() {
        grade(|| check::gradient_check(imp::mf_loss_grad));
    }

    #[test]
    fn unobserved_ratings_change_nothing() {
        grade(|| check::unobserved_ratings_change_nothing(imp::mf_loss_grad, imp::train_mf));
    }

    #[test]
    fn training_steps_are_gradient_steps() {
        grade(|| check::training_steps_are_gradient_steps(imp::train_mf));
    }

    #[test]
    fn training_fits_the_observed_ratings() {
        grade(|| check::training_fits_the_observed_ratings(imp::train_mf));
    }
}
