//! What watch mode shows: progress, the current exercise, its verdict, hints and the keys.
//!
//! Rendering is a pure function of the session, so it is the same text in a terminal and in
//! headless mode (where it is printed without clearing the screen).

use anstyle::{AnsiColor, Style};
use std::fmt::Write;

use super::session::{Notice, Question, Session};
use crate::course::Course;
use crate::feedback;
use crate::report::human::mark;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GOOD: Style = AnsiColor::Green.on_default();
const WARN: Style = AnsiColor::Yellow.on_default();
const BAR_WIDTH: usize = 30;

/// The whole screen.
pub fn render(course: &Course, session: &Session, link: bool) -> String {
    let mut out = String::new();
    let exercise = session.current();
    let done = session.state.done.len();
    let total = course.exercises.len();
    let filled = (done * BAR_WIDTH).checked_div(total).unwrap_or(0);
    let _ = writeln!(
        out,
        "{GOOD}{}{GOOD:#}{DIM}{}{DIM:#}  {done}/{total} exercises · {}/{} points",
        "█".repeat(filled),
        "░".repeat(BAR_WIDTH - filled),
        session.state.points(course),
        course.total_points()
    );
    let verdict = session.verdict.as_ref().filter(|v| v.id == exercise.id);
    let line = verdict
        .and_then(|v| v.first_error_line)
        .unwrap_or_else(|| first_todo_line(course, exercise));
    let location = format!("{}:{line}", exercise.file.display());
    let location = if link {
        hyperlink(&course.root.join(&exercise.file), &location)
    } else {
        location
    };
    let _ = writeln!(
        out,
        "\n{BOLD}{} {}{BOLD:#}  {location}",
        exercise.id, exercise.title
    );

    if session.running {
        let _ = writeln!(out, "{DIM}Checking…{DIM:#}");
    }
    if let Some(verdict) = verdict {
        let (style, symbol) = mark(verdict.status);
        let _ = writeln!(
            out,
            "{style}{symbol} {}{style:#}\n",
            feedback::headline(verdict)
        );
        if !verdict.passed() {
            let _ = writeln!(out, "{}\n", feedback::explain(verdict).trim_end());
        }
    }

    let shown = session.hints_shown();
    for (level, hint) in exercise.hints.iter().take(shown).enumerate() {
        let _ = writeln!(
            out,
            "{WARN}Hint {}/{}:{WARN:#} {hint}",
            level + 1,
            exercise.hints.len()
        );
    }
    if shown > 0 {
        out.push('\n');
    }
    if let Some(notice) = &session.notice {
        let _ = writeln!(out, "{}\n", notice_text(course, session, notice));
    }
    if session.events_missed {
        let _ = writeln!(
            out,
            "{WARN}Note:{WARN:#} a save reached the checker only through polling — file events \
             do not seem to arrive here (WSL2 on a Windows drive? a network mount?). Saves are \
             still noticed, within a second; `cargo checker watch --poll` makes that the rule.\n"
        );
    }
    let _ = writeln!(out, "{}", keys(session));
    out
}

fn notice_text(course: &Course, session: &Session, notice: &Notice) -> String {
    match notice {
        Notice::Passed => format!("{GOOD}Well done!{GOOD:#} Press n for the next exercise."),
        Notice::NotDoneYet => "This exercise does not pass yet — finish it first, or press l to \
                               pick another one."
            .into(),
        Notice::DayDone(day) => {
            let summary = course.day(*day).map_or("", |d| d.summary.as_str());
            format!("{GOOD}Day {day} done!{GOOD:#} {summary}\nPress n to go on.")
        }
        Notice::CourseDone => format!(
            "{GOOD}Every exercise is done — {} of {} points.{GOOD:#} Congratulations!",
            session.state.points(course),
            course.total_points()
        ),
        Notice::WasReset => "The exercise was reset to its original stub.".into(),
        Notice::Text(text) => format!("{WARN}{text}{WARN:#}"),
    }
}

fn keys(session: &Session) -> String {
    match session.question {
        Some(Question::Reset) => format!(
            "{BOLD}Reset {} to its original stub? Your code in it will be lost. [y/N]{BOLD:#}",
            session.current().file.display()
        ),
        None => format!(
            "{DIM}h{DIM:#} hint · {DIM}l{DIM:#} list · {DIM}n{DIM:#} next · {DIM}r{DIM:#} re-run · \
             {DIM}x{DIM:#} reset · {DIM}q{DIM:#} quit"
        ),
    }
}

/// The line of the first `todo!()` (where to start typing), else 1.
fn first_todo_line(course: &Course, exercise: &crate::course::Exercise) -> usize {
    std::fs::read_to_string(course.root.join(&exercise.file))
        .ok()
        .and_then(|text| text.lines().position(|l| l.contains("todo!()")))
        .map_or(1, |i| i + 1)
}

/// An OSC 8 terminal hyperlink to `path` showing `text`.
fn hyperlink(path: &std::path::Path, text: &str) -> String {
    format!(
        "\x1b]8;;file://{}\x1b\\{text}\x1b]8;;\x1b\\",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::sample;
    use crate::state::State;
    use crate::verdict::{ExerciseVerdict, Status};
    use std::collections::BTreeSet;

    #[test]
    fn the_location_is_the_first_compile_error_else_the_first_todo() {
        let dir = tempfile::tempdir().unwrap();
        let course = sample(dir.path(), &[(1, "a")]);
        let exercise = &course.exercises[0];
        std::fs::write(dir.path().join(&exercise.file), "\n\n    todo!()\n").unwrap();
        let mut session = Session::new(&course, State::fresh(&course, BTreeSet::new()));
        let place = |line: usize| format!("{}:{line}", exercise.file.display());
        assert!(render(&course, &session, false).contains(&place(3)));

        session.verdict = Some(ExerciseVerdict {
            id: exercise.id.clone(),
            name: exercise.name.clone(),
            day: 1,
            title: exercise.title.clone(),
            file: exercise.file.clone(),
            status: Status::Error,
            score: 0,
            max_score: 10,
            compile_errors: vec!["error: expected expression".into()],
            first_error_line: Some(30),
            problem: None,
            tests: Vec::new(),
        });
        assert!(render(&course, &session, false).contains(&place(30)));
    }
}
