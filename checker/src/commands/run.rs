//! `checker run <exercise>`: check one exercise now and show everything about it.

use anyhow::Context;
use std::process::ExitCode;

use crate::commands::grade::unknown_exercise;
use crate::course::{Course, Exercise};
use crate::exit_codes;
use crate::feedback;
use crate::grading::{self, Settings, Source};
use crate::report::human::mark;
use crate::verdict::ExerciseVerdict;

pub fn run(
    course: &Course,
    settings: &Settings,
    key: Option<&str>,
    solutions: bool,
) -> anyhow::Result<ExitCode> {
    let exercise = resolve(course, key)?;
    let source = if solutions {
        Source::Solutions
    } else {
        Source::Student
    };
    let settings = settings.interactive();
    let verdicts = grading::grade(course, &[exercise], source, &settings)?;
    let verdict = verdicts.first().context("grading returned no verdict")?;
    anstream::print!("{}", render(exercise, verdict));
    Ok(exit_codes::from_all_passed(verdict.passed()))
}

/// The exercise named by `key`, or the first one when none is given.
pub fn resolve<'a>(course: &'a Course, key: Option<&str>) -> anyhow::Result<&'a Exercise> {
    match key {
        Some(key) => course
            .find(key)
            .with_context(|| unknown_exercise(course, key)),
        None => course
            .exercises
            .first()
            .context("the course has no exercises"),
    }
}

/// An exercise's title, file, verdict and feedback.
pub fn render(exercise: &Exercise, verdict: &ExerciseVerdict) -> String {
    let (style, symbol) = mark(verdict.status);
    let bold = anstyle::Style::new().bold();
    format!(
        "{bold}{} {}{bold:#}  {}\n{style}{symbol} {}{style:#}  ({}/{} points)\n\n{}\n",
        exercise.id,
        exercise.title,
        exercise.file.display(),
        feedback::headline(verdict),
        verdict.score,
        verdict.max_score,
        feedback::explain(verdict)
    )
}
