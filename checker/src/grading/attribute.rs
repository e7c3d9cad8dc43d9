//! Which compile errors belong to which exercise.
//!
//! A compile error anywhere in a day crate stops all of that day's tests. Each exercise is
//! shown the errors in its own file; the others of the day are told where the error is. An
//! error in the hidden tests (the student's code compiles, but a signature changed) goes to
//! the exercise whose graded tests failed to compile.

use std::path::Path;

use super::DayPaths;
use crate::compile::{BuildReport, CompileError};
use crate::course::{Course, Day, Exercise};
use crate::verdict::ExerciseVerdict;

pub(super) struct DayFailure<'a> {
    pub course: &'a Course,
    pub day: &'a Day,
    pub paths: &'a DayPaths,
    pub report: &'a BuildReport,
}

impl DayFailure<'_> {
    /// Fills in the verdicts of `day_exercises` (indices into `selection`) of a day that did
    /// not build.
    pub(super) fn explain(
        &self,
        selection: &[&Exercise],
        day_exercises: &[usize],
        verdicts: &mut [ExerciseVerdict],
    ) {
        let impl_errors: Vec<&CompileError> =
            self.report.errors_of(&self.paths.impl_manifest).collect();
        // The checks and the graded tests: both are the hidden tests.
        let test_errors: Vec<&CompileError> = self
            .report
            .errors_of(&self.paths.tests_manifest)
            .chain(self.report.errors_of(&self.paths.graded_manifest))
            .collect();
        if let Some(missing) = self.missing_file() {
            self.a_file_is_missing(missing, selection, day_exercises, verdicts);
        } else if !impl_errors.is_empty() {
            self.in_the_students_crate(&impl_errors, selection, day_exercises, verdicts);
        } else if !test_errors.is_empty() {
            self.in_the_hidden_tests(&test_errors, selection, day_exercises, verdicts);
        } else {
            let why = match self.report.cargo_stderr.trim() {
                "" => "cargo built nothing and reported no compile error",
                stderr => stderr,
            };
            for &i in day_exercises {
                verdicts[i].problem =
                    Some(format!("day {} could not be built: {why}", self.day.day));
            }
        }
    }

    /// The first exercise of the day whose file is gone (a student may delete one).
    fn missing_file(&self) -> Option<&Exercise> {
        self.course
            .exercises
            .iter()
            .filter(|e| e.day == self.day.day)
            .find(|e| !self.course.root.join(&e.file).is_file())
    }

    fn a_file_is_missing(
        &self,
        missing: &Exercise,
        selection: &[&Exercise],
        day_exercises: &[usize],
        verdicts: &mut [ExerciseVerdict],
    ) {
        let file = missing.file.display();
        let hint = format!(
            "(hint: `cargo checker reset {}` brings back its original stub)",
            missing.id
        );
        for &i in day_exercises {
            verdicts[i].problem = Some(if selection[i].id == missing.id {
                format!(
                    "{file} is missing, so day {} cannot be built {hint}",
                    self.day.day
                )
            } else {
                format!(
                    "day {} cannot be built, so none of its exercises can be tested: {file} \
                     (exercise {}) is missing {hint}",
                    self.day.day, missing.id
                )
            });
        }
    }

    fn in_the_students_crate(
        &self,
        errors: &[&CompileError],
        selection: &[&Exercise],
        day_exercises: &[usize],
        verdicts: &mut [ExerciseVerdict],
    ) {
        let files = distinct_files(errors);
        for &i in day_exercises {
            let own: Vec<&CompileError> = errors
                .iter()
                .copied()
                .filter(|e| e.file.as_deref() == Some(selection[i].file.as_path()))
                .collect();
            if own.is_empty() {
                verdicts[i].problem = Some(format!(
                    "day {} does not compile, so none of its exercises can be tested: fix the \
                     error{} in {} first",
                    self.day.day,
                    if errors.len() == 1 { "" } else { "s" },
                    files.join(", ")
                ));
            } else {
                verdicts[i].first_error_line = own[0].line;
                verdicts[i].compile_errors = own.iter().map(|e| e.rendered.clone()).collect();
            }
        }
    }

    fn in_the_hidden_tests(
        &self,
        errors: &[&CompileError],
        selection: &[&Exercise],
        day_exercises: &[usize],
        verdicts: &mut [ExerciseVerdict],
    ) {
        let graded = self.course.root.join(self.day.graded_file());
        let graded_text = std::fs::read_to_string(graded).unwrap_or_default();
        for &i in day_exercises {
            let own: Vec<String> = errors
                .iter()
                .filter(|e| module_at(&graded_text, e) == Some(selection[i].name.as_str()))
                .map(|e| e.rendered.clone())
                .collect();
            verdicts[i].problem = Some(if own.is_empty() {
                format!(
                    "the hidden tests of day {} do not compile against your code; see the \
                     other exercises of the day for the errors",
                    self.day.day
                )
            } else {
                format!(
                    "your code compiles, but the hidden tests cannot call it — did you change a \
                     function's signature, a type or a name? Put back the original ones (the \
                     stub in `cargo checker reset {}` has them). The compiler said:\n{}",
                    selection[i].id,
                    own.join("\n")
                )
            });
        }
    }
}

fn distinct_files(errors: &[&CompileError]) -> Vec<String> {
    let mut files: Vec<String> = errors
        .iter()
        .map(|e| {
            e.file
                .as_deref()
                .map_or_else(|| "the day crate".to_string(), |f| f.display().to_string())
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The `mod NAME` of graded.rs that encloses the error's line.
fn module_at<'a>(graded: &'a str, error: &CompileError) -> Option<&'a str> {
    let is_graded = error
        .file
        .as_deref()
        .is_some_and(|f| f.ends_with(Path::new("tests/graded.rs")));
    let line = error.line.filter(|_| is_graded)?;
    graded
        .lines()
        .take(line)
        .filter_map(|l| l.trim_start().strip_prefix("mod "))
        .filter_map(|rest| rest.split([' ', '{', ';']).next())
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn finds_the_enclosing_module_of_a_graded_test() {
        let graded = "use x;\nmod a {\n  fn t() {}\n}\nmod b {\n  fn u() { oops }\n}\n";
        let error = CompileError {
            manifest: PathBuf::new(),
            rendered: String::new(),
            file: Some(PathBuf::from("tests/day1/tests/graded.rs")),
            line: Some(6),
        };
        assert_eq!(module_at(graded, &error), Some("b"));
    }
}
