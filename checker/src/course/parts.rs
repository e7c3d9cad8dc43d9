//! Which parts of the course a copy holds.
//!
//! The instructor's repository has everything. A student copy (`checker export student`)
//! has no `solutions/`, and may have no `tests/` either, when the hidden tests are kept in a
//! private repository and graded with `--tests DIR`. Each part is either there for every day
//! or not there at all.

use std::path::{Path, PathBuf};

use super::{Course, Day};
use crate::grading::Source;

/// The directory of the complete twins.
pub const SOLUTIONS_DIR: &str = "solutions";
/// The directory of the hidden tests.
pub const TESTS_DIR: &str = "tests";
/// The workspace members under [`TESTS_DIR`]: each day's checks and, inside them, its graded
/// tests.
pub const HIDDEN_TEST_MEMBERS: &[&str] = &["tests/*", "tests/*/graded"];

/// True when the course at `root` carries its solutions.
pub fn has_solutions(root: &Path) -> bool {
    root.join(SOLUTIONS_DIR).is_dir()
}

/// True when the course at `root` carries its hidden tests.
pub fn has_hidden_tests(root: &Path) -> bool {
    root.join(TESTS_DIR).is_dir()
}

/// The crate directories of `day` that a course at `root` must have.
pub fn expected_dirs(root: &Path, day: &Day) -> Vec<PathBuf> {
    let mut dirs = vec![day.exercise_dir()];
    if has_solutions(root) {
        dirs.push(day.solution_dir());
    }
    if has_hidden_tests(root) {
        dirs.push(day.tests_dir());
        dirs.push(day.graded_dir());
    }
    dirs
}

/// What a copy of the course lacks for grading.
#[derive(Debug, thiserror::Error)]
pub enum Missing {
    #[error(
        "the hidden tests are not in this copy of the course ({} has no {TESTS_DIR}/ directory)\n\
         (hint: grade with the instructor's copy of the tests: `cargo checker grade --tests DIR`, \
         where DIR is a checkout of the course, or of its {TESTS_DIR}/ directory)",
        root.display()
    )]
    HiddenTests { root: PathBuf },
    #[error(
        "the solutions are not in this copy of the course ({} has no {SOLUTIONS_DIR}/ directory)\n\
         (hint: grade the solutions in the instructor's copy of the course)",
        root.display()
    )]
    Solutions { root: PathBuf },
}

/// Checks that `course` has what grading `source` needs.
pub fn ensure_gradable(course: &Course, source: Source) -> Result<(), Missing> {
    let root = course.root.clone();
    if !has_hidden_tests(&course.root) {
        return Err(Missing::HiddenTests { root });
    }
    if source == Source::Solutions && !has_solutions(&course.root) {
        return Err(Missing::Solutions { root });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::sample;

    #[test]
    fn a_copy_without_hidden_tests_says_how_to_grade() {
        let dir = tempfile::tempdir().unwrap();
        let course = sample(dir.path(), &[(1, "a")]);
        assert!(ensure_gradable(&course, Source::Solutions).is_ok());
        std::fs::remove_dir_all(dir.path().join(SOLUTIONS_DIR)).unwrap();
        let error = ensure_gradable(&course, Source::Solutions).unwrap_err();
        assert!(error.to_string().contains("solutions are not in this copy"));
        std::fs::remove_dir_all(dir.path().join(TESTS_DIR)).unwrap();
        let error = ensure_gradable(&course, Source::Student).unwrap_err();
        assert!(error.to_string().contains("--tests DIR"), "{error}");
    }
}
