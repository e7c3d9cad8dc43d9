//! `checker hint`: the hints of an exercise, from a nudge to nearly the answer.
//!
//! Without `--level` it is progressive, like `h` in watch mode: each call shows one more hint
//! (and the ones before it) and remembers how far the student got.

use anyhow::bail;
use std::process::ExitCode;

use crate::commands::run::resolve;
use crate::course::Course;
use crate::exit_codes;
use crate::state::State;

pub fn run(
    course: &Course,
    key: Option<&str>,
    level: Option<usize>,
    all: bool,
) -> anyhow::Result<ExitCode> {
    let mut state = State::load(course).ok();
    let current = state.as_ref().map(|s| s.current.clone());
    let exercise = resolve(course, key.or(current.as_deref()))?;
    let count = exercise.hints.len();
    let shown_before = state
        .as_ref()
        .and_then(|s| s.hints_shown.get(&exercise.id).copied())
        .unwrap_or(0);
    let levels = match (all, level) {
        (true, _) => 1..=count,
        (false, Some(level)) if level == 0 || level > count => {
            bail!("exercise {} has hints 1 to {count}", exercise.id)
        }
        (false, Some(level)) => level..=level,
        (false, None) => 1..=(shown_before + 1).min(count),
    };
    let newest = *levels.end();
    for level in levels {
        anstream::println!(
            "Hint {level}/{count} for {} {}:\n  {}\n",
            exercise.id,
            exercise.title,
            exercise.hints[level - 1]
        );
    }
    if level.is_none() && !all && newest == count && shown_before >= count {
        anstream::println!("That was the last hint for {}.", exercise.id);
    }
    if let Some(state) = state.as_mut()
        && newest > shown_before
    {
        state.hints_shown.insert(exercise.id.clone(), newest);
        state.save(course)?;
    }
    Ok(ExitCode::from(exit_codes::SUCCESS))
}
