//! What the checker's exit code means (documented in the README).

use std::process::ExitCode;

/// Everything asked for passed (or the command succeeded).
pub const SUCCESS: u8 = 0;
/// The command ran, but some exercise is not done: a failing, timed-out or non-compiling one.
pub const NOT_DONE: u8 = 1;
/// The checker could not do its job: a broken course.toml, cargo missing, bad arguments.
pub const ERROR: u8 = 2;

pub fn from_all_passed(all_passed: bool) -> ExitCode {
    ExitCode::from(if all_passed { SUCCESS } else { NOT_DONE })
}
