//! Checks that `course.toml` describes a course that exists, naming the line of a mistake.

use super::{Course, CourseFile, Day, Exercise, FORMAT_VERSION, MANIFEST};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Why a course could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    #[error("cannot read {}: {source}\n(hint: run the checker inside the course, or pass --course <dir>)", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not valid: {message}", path.display())]
    Syntax { path: PathBuf, message: String },
    #[error("{}", problems.join("\n"))]
    Invalid { problems: Vec<String> },
}

/// The 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

pub(super) fn validate(root: &Path, text: &str, file: CourseFile) -> Result<Course, CourseError> {
    let mut problems = Vec::new();
    let mut report = |span: std::ops::Range<usize>, message: String| {
        problems.push(format!(
            "{MANIFEST}:{}: {message}",
            line_of(text, span.start)
        ));
    };

    if file.format_version != FORMAT_VERSION {
        report(
            0..0,
            format!(
                "format_version is {}, this checker reads version {FORMAT_VERSION} \
                 (hint: update the checker, or the manifest)",
                file.format_version
            ),
        );
    }
    if file.course.test_timeout_secs == 0 {
        report(0..0, "test_timeout_secs must be at least 1".into());
    }

    let mut day_numbers = HashSet::new();
    for day in &file.days {
        let span = day.span();
        let day = day.get_ref();
        if !day_numbers.insert(day.day) {
            report(span.clone(), format!("day {} is listed twice", day.day));
        }
        // A student copy may lack solutions/ and tests/ altogether (see `parts`).
        for dir in super::parts::expected_dirs(root, day) {
            if !root.join(&dir).join("Cargo.toml").is_file() {
                report(
                    span.clone(),
                    format!(
                        "day {}: crate `{}` has no {}",
                        day.day,
                        day.krate,
                        dir.join("Cargo.toml").display()
                    ),
                );
            }
        }
    }

    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    for exercise in &file.exercises {
        let span = exercise.span();
        for problem in exercise_problems(&file.days, exercise.get_ref()) {
            report(span.clone(), problem);
        }
        let exercise = exercise.get_ref();
        if !ids.insert(exercise.id.clone()) {
            report(
                span.clone(),
                format!("exercise id {:?} is used twice", exercise.id),
            );
        }
        if !names.insert((exercise.day, exercise.name.clone())) {
            report(
                span.clone(),
                format!(
                    "exercise name {:?} is used twice in day {}",
                    exercise.name, exercise.day
                ),
            );
        }
    }
    if file.exercises.is_empty() {
        report(0..0, "the course has no [[exercises]]".into());
    }

    if !problems.is_empty() {
        return Err(CourseError::Invalid { problems });
    }
    Ok(Course {
        root: root.to_path_buf(),
        info: file.course,
        days: file.days.into_iter().map(Spanned::into_inner).collect(),
        exercises: file
            .exercises
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
    })
}

/// What is wrong with one exercise entry.
fn exercise_problems(days: &[Spanned<Day>], exercise: &Exercise) -> Vec<String> {
    let mut problems = Vec::new();
    let label = format!("exercise {}", exercise.id);
    let Some(day) = days
        .iter()
        .map(Spanned::get_ref)
        .find(|d| d.day == exercise.day)
    else {
        problems.push(format!(
            "{label}: day {} has no [[days]] entry",
            exercise.day
        ));
        return problems;
    };
    let valid_ident = !exercise.name.is_empty()
        && exercise
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !exercise.name.starts_with(|c: char| c.is_ascii_digit());
    if !valid_ident {
        problems.push(format!(
            "{label}: name {:?} must be a module name (lowercase letters, digits, _)",
            exercise.name
        ));
    }
    let expected_file = day
        .exercise_dir()
        .join("src")
        .join(format!("{}.rs", exercise.name));
    if exercise.file != expected_file {
        problems.push(format!(
            "{label}: file is {}, but an exercise named {:?} of day {} lives at {}",
            exercise.file.display(),
            exercise.name,
            day.day,
            expected_file.display()
        ));
    }
    // A missing exercise file is not a mistake of the course: a student may have deleted it.
    // Grading says so and `reset` brings it back; `dev check` finds it missing from the stubs.
    if exercise.tests.is_empty() {
        problems.push(format!(
            "{label}: tests is empty; an exercise without graded tests could never be graded"
        ));
    }
    let mut seen = HashSet::new();
    for test in &exercise.tests {
        if !seen.insert(test) {
            problems.push(format!("{label}: test {test:?} is listed twice"));
        }
        if test.contains("::") || test.is_empty() {
            problems.push(format!(
                "{label}: test {test:?} must be the name inside the module `{}` (without `::`)",
                exercise.name
            ));
        }
    }
    if exercise.points == 0 {
        problems.push(format!("{label}: points must be at least 1"));
    }
    if exercise.hints.is_empty() {
        problems.push(format!("{label}: give at least one hint"));
    }
    problems
}
