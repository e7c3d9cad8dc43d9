//! Hidden tests for day 1 — derivatives and the concept of change.
//!
//! Each module holds the checks of one exercise: plain functions that take the implementation
//! under test and return feedback on failure. `tests/graded.rs` runs them against the
//! student's crate (feature `student`) or the solutions (feature `solutions`); each module's
//! `catalogue` runs them against plausible wrong answers and correct alternatives.

pub mod difference_quotients;
pub mod functions;
