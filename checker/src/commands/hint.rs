//! `checker hint`: the hints of an exercise, from a nudge to nearly the answer.

use anyhow::bail;
use std::process::ExitCode;

use crate::commands::run::resolve;
use crate::course::Course;
use crate::exit_codes;

pub fn run(
    course: &Course,
    key: Option<&str>,
    level: Option<usize>,
    all: bool,
) -> anyhow::Result<ExitCode> {
    let exercise = resolve(course, key)?;
    let count = exercise.hints.len();
    let levels = if all {
        1..=count
    } else {
        let level = level.unwrap_or(1);
        if level == 0 || level > count {
            bail!("exercise {} has hints 1 to {count}", exercise.id);
        }
        level..=level
    };
    for level in levels {
        anstream::println!(
            "Hint {level}/{count} for {} {}:\n  {}\n",
            exercise.id,
            exercise.title,
            exercise.hints[level - 1]
        );
    }
    Ok(ExitCode::from(exit_codes::SUCCESS))
}
