//! Shared support for the hidden tests of gradlings.
//!
//! - [`feedback`]: what a failed check tells the student ([`Feedback`], [`Mistake`]).
//! - [`tolerance`]: float comparison with stated tolerances, and mistake naming.
//! - [`gradcheck`]: numerical gradients and CS231n-style relative-error checks.
//! - [`seed`]: seeded, portable random inputs, replayable with `GRADLINGS_SEED`.
//! - [`grade`]: running a check as a graded test, and proving checks in the suite's own tests.

pub mod feedback;
pub mod gradcheck;
pub mod grade;
pub mod seed;
pub mod tolerance;

pub use feedback::{CheckResult, Feedback, Mistake};
pub use grade::{assert_accepts, assert_fails_saying, assert_rejects, grade};
pub use seed::{Inputs, TestRng};
pub use tolerance::{
    close, expect_close, expect_within, fmt_f64, fmt_slice, name_mistake, rel_error,
};
/// Re-exported so every day's tests compare and build complex numbers with the same crates.
pub use {approx, num_complex};
