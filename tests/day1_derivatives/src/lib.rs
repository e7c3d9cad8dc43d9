//! Hidden tests for day 1 — derivatives and the concept of change.
//!
//! Each module holds the checks of one exercise: plain functions that take the implementation
//! under test and return feedback on failure. `graded/tests/graded.rs` runs them against the
//! student's crate (feature `student`) or the solutions (feature `solutions`); each module's
//! `catalogue` runs them against plausible wrong answers and correct alternatives.

// A failed check returns its whole `Feedback` by value: it is built once, on the failure path
// of a test, so the size of the `Err` variant costs nothing that matters.
#![allow(clippy::result_large_err)]

pub mod beyond_finite_differences;
pub mod curvature;
pub mod derivative;
pub mod difference_quotients;
pub mod error_sweep;
pub mod functions;
pub mod patterns;
pub mod symbolic;
pub mod tangents;
