//! Roster grading: every student repository in a folder, one row of a grades sheet each.
//!
//! Submissions are graded one after another in one [overlay](crate::overlay), so the
//! dependencies compile once and each submission rebuilds only its own crates. Nothing a
//! submission does — not compiling, looping, exiting early, printing without end, linking
//! outside itself, missing files — stops the batch: it costs that student, and the row says
//! why.

pub mod cache;
pub mod progress;
pub mod roster;
pub mod sheet;
