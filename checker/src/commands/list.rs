//! `checker list`: the exercises with their state — an interactive list on a terminal
//! (filter, search, continue at an exercise, reset one), a plain table otherwise.

mod ui;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::course::Course;
use crate::exit_codes;
use crate::state::State;

pub use ui::interactive;

pub fn run(course: &Course) -> anyhow::Result<ExitCode> {
    let mut state = State::load(course).ok();
    let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    match state.as_mut() {
        Some(state) if terminal && !ci => {
            if let Some(id) = interactive(course, state)? {
                state.current = id.clone();
                state.save(course)?;
                anstream::println!("Continuing at {id}: run `cargo checker` to watch it.");
            }
        }
        _ => anstream::print!("{}", table(course, state.as_ref())),
    }
    Ok(ExitCode::from(exit_codes::SUCCESS))
}

/// The plain table: state, id, title, points, file.
pub fn table(course: &Course, state: Option<&State>) -> String {
    let mut out = String::new();
    for day in &course.days {
        out.push_str(&format!("Day {} — {}\n", day.day, day.title));
        for exercise in course.exercises_of_day(day.day) {
            let mark = match state {
                Some(s) if s.done.contains(&exercise.id) => "✓",
                Some(s) if s.current == exercise.id => "▶",
                Some(_) => "·",
                None => " ",
            };
            out.push_str(&format!(
                "  {mark} {:<5} {:<38} {:>3} pts  {}\n",
                exercise.id,
                exercise.title,
                exercise.points,
                exercise.file.display()
            ));
        }
    }
    let summary = match state {
        Some(s) => format!(
            "{} of {} exercises done, {} of {} points\n",
            s.done.len(),
            course.exercises.len(),
            s.points(course),
            course.total_points()
        ),
        None => format!(
            "{} exercises, {} points (no progress saved yet: start with `cargo checker`)\n",
            course.exercises.len(),
            course.total_points()
        ),
    };
    out.push_str(&summary);
    out
}
