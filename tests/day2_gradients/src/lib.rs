//! Hidden tests for day 2 — gradients and multivariable calculus.
//!
//! Each module holds the checks of one exercise: plain functions that take the implementation
//! under test and return feedback on failure. `graded/tests/graded.rs` runs them against the
//! student's crate (feature `student`) or the solutions (feature `solutions`); each module's
//! `catalogue` runs them against plausible wrong answers and correct alternatives.

pub mod analytic_gradients;
pub mod compare;
pub mod functions;
pub mod gradient_checking;
pub mod gradient_descent;
pub mod gradient_fields;
pub mod partials;
pub mod steepest_ascent;
