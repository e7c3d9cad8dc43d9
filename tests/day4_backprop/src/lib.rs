//! Hidden tests for day 4 — the chain rule and backpropagation.
//!
//! Each exercise module holds the checks of one exercise: plain functions that take the
//! implementation under test and return feedback on failure. `graded/tests/graded.rs` runs them
//! against the student's crate (feature `student`) or the solutions (feature `solutions`);
//! each module's `catalogue` runs them against plausible wrong answers and correct
//! alternatives.
//!
//! Shared machinery: [`program`] (computations as straight-line programs, replayed on the
//! student's dual numbers and tape by the `run_on_duals!` and `run_on_tape!` macros, and on
//! the test's references), [`net`] and [`net_checks`] (the one-hidden-layer network of 4.3,
//! 4.4 and 4.7), [`numeric`] (five-point differences, comparisons).

// A failed check returns its whole `Feedback` by value: it is built once, on the failure path
// of a test, so the size of the `Err` variant costs nothing that matters.
#![allow(clippy::result_large_err)]

pub mod autodiff;
pub mod chain_rule;
pub mod clipping;
pub mod layer_backprop;
pub mod net;
pub mod net_checks;
pub mod numeric;
pub mod program;
pub mod training_loop;
pub mod vanishing_gradients;
pub mod xor;

#[cfg(test)]
mod test_tape;
