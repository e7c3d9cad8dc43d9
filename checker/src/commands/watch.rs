//! `checker` / `checker watch`: check the current exercise on every save.

use std::process::ExitCode;

use crate::cli::WatchArgs;
use crate::course::Course;
use crate::grading::Settings;

pub fn run(course: &Course, settings: &Settings, _args: &WatchArgs) -> anyhow::Result<ExitCode> {
    crate::commands::run::run(course, settings, None, false)
}
