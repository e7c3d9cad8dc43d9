//! Hidden tests for day 3 — optimization and finding minima.
//!
//! Each exercise module holds the checks of one exercise: plain functions that take the
//! implementation under test and return feedback on failure. `graded/tests/graded.rs` runs them
//! against the student's crate (feature `student`) or the solutions (feature `solutions`);
//! each module's `catalogue` runs them against plausible wrong answers and correct
//! alternatives. `common` and `landscapes` are shared helpers and test functions.

// A failed check returns its whole `Feedback` by value: it is built once, on the failure path
// of a test, so the size of the `Err` variant costs nothing that matters.
#![allow(clippy::result_large_err)]

pub mod adam;
pub mod common;
pub mod convexity;
pub mod critical_points;
pub mod landscapes;
pub mod learning_rates;
pub mod matrix_factorization;
pub mod momentum;
pub mod pagerank;
pub mod restarts;
pub mod sgd;
