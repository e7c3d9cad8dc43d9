//! Where the pristine parts of the overlay come from.

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

use crate::course::parts::{TESTS_DIR, has_hidden_tests};
use crate::course::{Course, MANIFEST};

/// The instructor's side of a grading: everything but the student's sources.
#[derive(Debug, Clone)]
pub struct Pristine {
    /// The course: `course.toml`, the manifests, the build configuration, the stubs.
    pub course_root: PathBuf,
    /// The hidden tests: the course's `tests/` directory, or a checkout of it.
    pub tests: PathBuf,
}

impl Pristine {
    /// The instructor's own course, with its tests.
    pub fn of_course(course: &Course) -> Pristine {
        Pristine {
            course_root: course.root.clone(),
            tests: course.root.join(TESTS_DIR),
        }
    }

    /// `dir` as given to `grade --tests`: a checkout of the whole course (it has a
    /// `course.toml`), or of just its hidden tests (the course's `tests/` directory, or a
    /// folder that holds it). With tests alone, the rest comes from the student's `course`.
    pub fn locate(dir: &Path, course: &Course) -> anyhow::Result<Pristine> {
        let dir = dir
            .canonicalize()
            .with_context(|| format!("cannot open the tests directory {}", dir.display()))?;
        if dir.join(MANIFEST).is_file() {
            if !has_hidden_tests(&dir) {
                bail!(
                    "{} is a copy of the course without its hidden tests (no {TESTS_DIR}/)\n\
                     (hint: pass the instructor's copy of the course, or of its {TESTS_DIR}/)",
                    dir.display()
                );
            }
            return Ok(Pristine {
                course_root: dir.clone(),
                tests: dir.join(TESTS_DIR),
            });
        }
        let holds_every_day = |tests: &Path| {
            course
                .days
                .iter()
                .all(|day| tests.join(&day.krate).is_dir())
        };
        for tests in [dir.join(TESTS_DIR), dir.clone()] {
            if holds_every_day(&tests) {
                return Ok(Pristine {
                    course_root: course.root.clone(),
                    tests,
                });
            }
        }
        let first = course.days.first().map_or("day1", |d| d.krate.as_str());
        bail!(
            "{} holds neither a course (no {MANIFEST}) nor the hidden tests of every day \
             (looked for {TESTS_DIR}/{first}/ and {first}/)\n\
             (hint: pass a checkout of the instructor's course, or of its {TESTS_DIR}/ directory)",
            dir.display()
        )
    }
}
