//! `checker list`: the exercises, in order, with their files and points.

use std::process::ExitCode;

use crate::course::Course;
use crate::exit_codes;

pub fn run(course: &Course) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    for day in &course.days {
        out.push_str(&format!("Day {} — {}\n", day.day, day.title));
        for exercise in course.exercises_of_day(day.day) {
            out.push_str(&format!(
                "  {:<5} {:<38} {:>3} pts  {}\n",
                exercise.id,
                exercise.title,
                exercise.points,
                exercise.file.display()
            ));
        }
    }
    out.push_str(&format!(
        "{} exercises, {} points\n",
        course.exercises.len(),
        course.total_points()
    ));
    anstream::print!("{out}");
    Ok(std::process::ExitCode::from(exit_codes::SUCCESS))
}
