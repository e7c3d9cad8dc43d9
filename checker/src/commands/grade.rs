//! `checker grade`: run the hidden tests and report scores.

use anyhow::bail;
use std::process::ExitCode;

use crate::cli::{FormatArg, GradeArgs};
use crate::course::{Course, Exercise};
use crate::exit_codes;
use crate::grading::{self, Settings, Source};
use crate::report::{Classroom, Format, GradeRun, Gradescope, Human, Json, Junit, Markdown};

pub fn run(course: &Course, settings: &Settings, args: &GradeArgs) -> anyhow::Result<ExitCode> {
    // With `--tests DIR`, grade in an overlay: DIR's course with only our sources laid over it.
    let overlay = match &args.tests {
        Some(dir) => Some(crate::overlay::with_tests_from(
            course,
            dir,
            &settings.target_dir,
        )?),
        None => None,
    };
    let course = overlay.as_ref().map_or(course, |o| o.course());
    let settings = &overlay
        .as_ref()
        .map_or_else(|| settings.clone(), |o| o.settings(settings));
    let selection = select(course, &args.exercise, &args.day)?;
    let source = if args.solutions {
        Source::Solutions
    } else {
        Source::Student
    };
    let verdicts = grading::grade(course, &selection, source, settings)?;
    let run = GradeRun {
        course_title: &course.info.title,
        source,
        verdicts: &verdicts,
        days: course
            .days
            .iter()
            .map(|d| (d.day, d.title.clone(), d.summary.clone()))
            .collect(),
    };
    let format: Box<dyn Format> = match args.format {
        FormatArg::Human => Box::new(Human { details: true }),
        FormatArg::Json => Box::new(Json),
        FormatArg::Junit => Box::new(Junit),
        FormatArg::Gradescope => Box::new(Gradescope),
        FormatArg::Classroom => Box::new(Classroom),
        FormatArg::Markdown => Box::new(Markdown),
    };
    anstream::print!("{}", format.render(&run));
    Ok(exit_codes::from_all_passed(run.all_passed()))
}

/// The exercises named by `--exercise` and `--day` (all of them when neither is given), in
/// course order.
pub fn select<'a>(
    course: &'a Course,
    exercises: &[String],
    days: &[u32],
) -> anyhow::Result<Vec<&'a Exercise>> {
    for day in days {
        if course.day(*day).is_none() {
            let known: Vec<String> = course.days.iter().map(|d| d.day.to_string()).collect();
            bail!("there is no day {day} (days: {})", known.join(", "));
        }
    }
    let mut wanted = Vec::new();
    for key in exercises {
        match course.find(key) {
            Some(exercise) => wanted.push(exercise.id.as_str()),
            None => bail!("{}", unknown_exercise(course, key)),
        }
    }
    let everything = exercises.is_empty() && days.is_empty();
    Ok(course
        .exercises
        .iter()
        .filter(|e| everything || days.contains(&e.day) || wanted.contains(&e.id.as_str()))
        .collect())
}

/// The error for an exercise name that matches nothing.
pub fn unknown_exercise(course: &Course, key: &str) -> String {
    let ids: Vec<&str> = course.exercises.iter().map(|e| e.id.as_str()).collect();
    format!(
        "there is no exercise {key:?} (use an id such as {}, a name such as {}, or a position)",
        ids.first().copied().unwrap_or("1.1"),
        course
            .exercises
            .first()
            .map_or("difference_quotients", |e| e.name.as_str())
    )
}
