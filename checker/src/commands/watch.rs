//! `checker` / `checker watch`: check the current exercise on every save.

use std::process::ExitCode;

use crate::cli::WatchArgs;
use crate::course::Course;

pub fn run(course: &Course, _args: &WatchArgs) -> anyhow::Result<ExitCode> {
    crate::commands::run::run(course, None, false)
}
