//! The graded tests of day 4. Each test runs one check of `day4_backprop_tests` against
//! the implementation under test: the student's crate (feature `student`) or the solutions
//! (feature `solutions`). The checker selects the feature; names are `<exercise>::<check>`.
#![cfg(any(feature = "student", feature = "solutions"))]
// Checks return their whole `Feedback` on failure (see the crate docs of the checks).
#![allow(clippy::result_large_err)]

#[cfg(not(feature = "solutions"))]
use day4_backprop as day4;
#[cfg(feature = "solutions")]
use day4_backprop_solution as day4;

use day4_backprop_tests as checks;
use day4_backprop_tests::{run_on_duals, run_on_tape};
use gradlings_support::grade;

/// The checks' `Params` and the exercise's have the same four fields.
fn to_student(p: &checks::net::Params) -> day4::layer_backprop::Params {
    day4::layer_backprop::Params {
        w1: p.w1.clone(),
        b1: p.b1.clone(),
        w2: p.w2.clone(),
        b2: p.b2.clone(),
    }
}

fn from_student(p: day4::layer_backprop::Params) -> checks::net::Params {
    checks::net::Params {
        w1: p.w1,
        b1: p.b1,
        w2: p.w2,
        b2: p.b2,
    }
}

mod chain_rule {
    use super::{checks::chain_rule as check, day4::chain_rule as imp, *};

    #[test]
    fn chain_rule_example() {
        grade(|| check::chain_rule_example(imp::chain_derivative));
    }

    #[test]
    fn random_chains() {
        grade(|| check::random_chains(imp::chain_derivative));
    }

    #[test]
    fn dual_arithmetic() {
        grade(|| check::dual_arithmetic(run_on_duals!(imp::Dual)));
    }

    #[test]
    fn dual_functions() {
        grade(|| check::dual_functions(run_on_duals!(imp::Dual)));
    }

    #[test]
    fn dual_composite_example() {
        grade(|| check::dual_composite_example(run_on_duals!(imp::Dual)));
    }

    #[test]
    fn dual_random_expressions() {
        grade(|| check::dual_random_expressions(run_on_duals!(imp::Dual)));
    }
}

mod autodiff {
    use super::{checks::autodiff as check, day4::autodiff as imp, *};

    #[test]
    fn micrograd_sanity_check() {
        grade(|| check::micrograd_sanity_check(run_on_tape!(imp::Tape)));
    }

    #[test]
    fn micrograd_more_ops() {
        grade(|| check::micrograd_more_ops(run_on_tape!(imp::Tape)));
    }

    #[test]
    fn each_operation() {
        grade(|| check::each_operation(run_on_tape!(imp::Tape)));
    }

    #[test]
    fn reused_variables() {
        grade(|| check::reused_variables(run_on_tape!(imp::Tape)));
    }

    #[test]
    fn random_expressions() {
        grade(|| check::random_expressions(run_on_tape!(imp::Tape)));
    }

    #[test]
    fn long_chain() {
        grade(|| check::long_chain(run_on_tape!(imp::Tape)));
    }
}

mod layer_backprop {
    use super::{checks::layer_backprop as check, day4::layer_backprop as imp, *};
    use checks::net::Params;
    use ndarray::Array2;

    fn forward_backward(x: &Array2<f64>, y: &Array2<f64>, p: &Params) -> (f64, Params) {
        let (loss, grads) = imp::mlp_forward_backward(x, y, &to_student(p));
        (loss, from_student(grads))
    }

    #[test]
    fn loss_value() {
        grade(|| check::loss_value(|x, y, p| imp::mlp_loss(x, y, &to_student(p))));
    }

    #[test]
    fn output_layer_gradients() {
        grade(|| check::output_layer_gradients(forward_backward));
    }

    #[test]
    fn hidden_layer_gradients() {
        grade(|| check::hidden_layer_gradients(forward_backward));
    }
}

mod xor {
    use super::{checks::xor as check, day4::xor as imp, *};
    use checks::net::Params;
    use ndarray::Array2;

    fn forward_backward(x: &Array2<f64>, y: &Array2<f64>, p: &Params) -> (f64, Params) {
        let (loss, grads) = imp::sigmoid_mlp_forward_backward(x, y, &to_student(p));
        (loss, from_student(grads))
    }

    fn train_xor(p0: &Params, lr: f64, epochs: usize) -> (Params, Vec<f64>) {
        let (params, losses) = imp::train_xor(&to_student(p0), lr, epochs);
        (from_student(params), losses)
    }

    #[test]
    fn forward_predictions() {
        grade(|| check::forward_predictions(|x, p| imp::sigmoid_mlp_forward(x, &to_student(p))));
    }

    #[test]
    fn gradients_match_numerical() {
        grade(|| check::gradients_match_numerical(forward_backward));
    }

    #[test]
    fn one_epoch_is_one_step() {
        grade(|| check::one_epoch_is_one_step(train_xor));
    }

    #[test]
    fn solves_xor() {
        grade(|| check::solves_xor(train_xor));
    }
}

mod vanishing_gradients {
    use super::{checks::vanishing_gradients as check, day4::vanishing_gradients as imp, *};
    use check::Activation;

    fn activation(act: Activation) -> imp::Activation {
        match act {
            Activation::Sigmoid => imp::Activation::Sigmoid,
            Activation::Relu => imp::Activation::Relu,
            Activation::Tanh => imp::Activation::Tanh,
        }
    }

    #[test]
    fn activations() {
        grade(|| {
            check::activations(|act, z| (activation(act).apply(z), activation(act).derivative(z)))
        });
    }

    #[test]
    fn sigmoid_chain_bound() {
        grade(|| check::sigmoid_chain_bound(imp::sigmoid_chain_derivative));
    }

    #[test]
    fn xavier_variance() {
        grade(|| check::xavier_variance(imp::xavier_normal));
    }

    #[test]
    fn he_variance() {
        grade(|| check::he_variance(imp::he_normal));
    }

    #[test]
    fn grad_norms_match_backprop() {
        grade(|| {
            check::grad_norms_match_backprop(|x, ws, act| {
                imp::layer_weight_grad_norms(x, ws, activation(act))
            })
        });
    }

    #[test]
    fn sigmoid_gradients_vanish() {
        grade(|| {
            check::sigmoid_gradients_vanish(|x, ws, act| {
                imp::layer_weight_grad_norms(x, ws, activation(act))
            })
        });
    }

    #[test]
    fn relu_gradients_survive() {
        grade(|| {
            check::relu_gradients_survive(|x, ws, act| {
                imp::layer_weight_grad_norms(x, ws, activation(act))
            })
        });
    }
}

mod clipping {
    use super::{checks::clipping as check, day4::clipping as imp, *};

    #[test]
    fn global_norm_value() {
        grade(|| check::global_norm_value(imp::global_norm));
    }

    #[test]
    fn clip_examples() {
        grade(|| check::clip_examples(imp::clip_grad_norm));
    }

    #[test]
    fn clips_by_global_norm() {
        grade(|| check::clips_by_global_norm(imp::clip_grad_norm));
    }

    #[test]
    fn leaves_small_gradients_alone() {
        grade(|| check::leaves_small_gradients_alone(imp::clip_grad_norm));
    }
}

mod training_loop {
    use super::{checks::training_loop as check, day4::training_loop as imp, *};
    use checks::net::Params;
    use ndarray::Array2;

    fn tape_loss_and_grads(x: &Array2<f64>, y: &Array2<f64>, p: &Params) -> (f64, Params) {
        let (loss, grads) = imp::tape_loss_and_grads(x, y, &to_student(p));
        (loss, from_student(grads))
    }

    fn train_on_tape(
        p0: &Params,
        x: &Array2<f64>,
        y: &Array2<f64>,
        lr: f64,
        steps: usize,
    ) -> (Params, Vec<f64>) {
        let (params, losses) = imp::train_on_tape(&to_student(p0), x, y, lr, steps);
        (from_student(params), losses)
    }

    #[test]
    fn tape_matches_backprop() {
        grade(|| check::tape_matches_backprop(tape_loss_and_grads));
    }

    #[test]
    fn training_matches_backprop() {
        grade(|| check::training_matches_backprop(train_on_tape));
    }

    #[test]
    fn loss_decreases_monotonically() {
        grade(|| check::loss_decreases_monotonically(train_on_tape));
    }
}
