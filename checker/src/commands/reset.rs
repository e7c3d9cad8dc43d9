//! `checker reset <exercise>`: put back the original stub of one exercise.

use std::process::ExitCode;

use crate::commands::run::resolve;
use crate::course::Course;
use crate::exit_codes;
use crate::state::State;
use crate::stubs;

pub fn run(course: &Course, key: &str) -> anyhow::Result<ExitCode> {
    let exercise = resolve(course, Some(key))?;
    stubs::restore(course, exercise)?;
    if let Ok(mut state) = State::load(course)
        && state.done.remove(&exercise.id)
    {
        state.save(course)?;
    }
    anstream::println!("{} is back to its original stub.", exercise.file.display());
    Ok(ExitCode::from(exit_codes::SUCCESS))
}
