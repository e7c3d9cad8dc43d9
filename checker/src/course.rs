//! The course manifest, `course.toml`: typed, loaded and validated.
//!
//! Everything the checker knows about the course comes from here — the order of the
//! exercises, their files, the graded tests, points and hints. A mistake in the file is
//! reported with its line and what to change, never as a panic.

pub mod parts;
mod validate;

use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub use validate::CourseError;

/// The file name of the manifest at the root of a course.
pub const MANIFEST: &str = "course.toml";

/// The manifest format this checker reads.
pub const FORMAT_VERSION: u32 = 1;

/// `course.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseFile {
    format_version: u32,
    course: CourseInfo,
    #[serde(default)]
    days: Vec<Spanned<Day>>,
    #[serde(default)]
    exercises: Vec<Spanned<Exercise>>,
}

/// The `[course]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseInfo {
    pub title: String,
    /// Wall-clock limit of one graded test, in seconds.
    #[serde(default = "default_timeout")]
    pub test_timeout_secs: u64,
}

fn default_timeout() -> u64 {
    5
}

/// One `[[days]]` table: a day crate.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    pub day: u32,
    /// Directory name under `exercises/`, `solutions/` and `tests/`; also the package name.
    #[serde(rename = "crate")]
    pub krate: String,
    pub title: String,
    /// What the day taught, shown when a student finishes it.
    pub summary: String,
}

impl Day {
    /// The package of the student's crate.
    pub fn exercise_package(&self) -> String {
        self.krate.clone()
    }

    /// The package of the complete twin.
    pub fn solution_package(&self) -> String {
        format!("{}_solution", self.krate)
    }

    /// The package of the graded tests: a test binary that runs the checks against the
    /// student's crate or the solutions, selected by its feature `student` or `solutions`.
    pub fn graded_package(&self) -> String {
        format!("{}_graded", self.krate)
    }

    pub fn exercise_dir(&self) -> PathBuf {
        Path::new("exercises").join(&self.krate)
    }

    pub fn solution_dir(&self) -> PathBuf {
        Path::new("solutions").join(&self.krate)
    }

    pub fn tests_dir(&self) -> PathBuf {
        Path::new("tests").join(&self.krate)
    }

    /// Inside the checks' directory, so that everything hidden stays under `tests/`.
    pub fn graded_dir(&self) -> PathBuf {
        self.tests_dir().join("graded")
    }

    /// The file of the graded tests.
    pub fn graded_file(&self) -> PathBuf {
        self.graded_dir().join("tests").join("graded.rs")
    }
}

/// One `[[exercises]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Shown to students, e.g. "2.3".
    pub id: String,
    /// Module and file name in the day crate.
    pub name: String,
    pub day: u32,
    pub title: String,
    /// The student's file, relative to the course root.
    pub file: PathBuf,
    pub points: u32,
    /// Graded tests, `<name>::<test>` in the day's graded binary.
    pub tests: Vec<String>,
    /// From a nudge to nearly the answer.
    pub hints: Vec<String>,
}

impl Exercise {
    /// The full names of the graded tests in the day's graded binary.
    pub fn hidden_test_names(&self) -> Vec<String> {
        self.tests
            .iter()
            .map(|test| format!("{}::{test}", self.name))
            .collect()
    }

    /// The prefix of this exercise's visible tests in the day crate's unit tests.
    pub fn visible_test_prefix(&self) -> String {
        format!("{}::tests::", self.name)
    }
}

/// A loaded, validated course.
#[derive(Debug, Clone)]
pub struct Course {
    pub root: PathBuf,
    pub info: CourseInfo,
    pub days: Vec<Day>,
    pub exercises: Vec<Exercise>,
}

impl Course {
    /// Loads and validates `course.toml` in `root`.
    pub fn load(root: &Path) -> Result<Course, CourseError> {
        let path = root.join(MANIFEST);
        let text = std::fs::read_to_string(&path).map_err(|source| CourseError::Read {
            path: path.clone(),
            source,
        })?;
        Course::parse(root, &text)
    }

    /// Parses and validates manifest `text` of the course at `root`.
    pub fn parse(root: &Path, text: &str) -> Result<Course, CourseError> {
        let file: CourseFile = toml::from_str(text).map_err(|error| CourseError::Syntax {
            path: root.join(MANIFEST),
            message: error.to_string(),
        })?;
        validate::validate(root, text, file)
    }

    pub fn day(&self, number: u32) -> Option<&Day> {
        self.days.iter().find(|day| day.day == number)
    }

    /// Finds an exercise by id ("1.3"), name ("curvature") or position ("3", 1-based).
    pub fn find(&self, key: &str) -> Option<&Exercise> {
        self.exercises
            .iter()
            .find(|e| e.id == key || e.name == key)
            .or_else(|| {
                let position: usize = key.parse().ok()?;
                self.exercises.get(position.checked_sub(1)?)
            })
    }

    pub fn exercises_of_day(&self, day: u32) -> impl Iterator<Item = &Exercise> {
        self.exercises.iter().filter(move |e| e.day == day)
    }

    pub fn total_points(&self) -> u32 {
        self.exercises.iter().map(|e| e.points).sum()
    }
}

/// The course root: the nearest directory at or above `start` that holds `course.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(MANIFEST).is_file())
        .map(Path::to_path_buf)
}

/// A small course on disk for unit tests: `exercises` are `(day, name)` pairs, each with one
/// graded test `t` and two hints.
#[cfg(test)]
pub fn sample(dir: &Path, exercises: &[(u32, &str)]) -> Course {
    let mut days: Vec<u32> = exercises.iter().map(|(d, _)| *d).collect();
    days.dedup();
    let mut manifest = String::from("format_version = 1\n[course]\ntitle = \"t\"\n");
    for day in days {
        manifest += &format!(
            "[[days]]\nday = {day}\ncrate = \"d{day}\"\ntitle = \"Day {day}\"\nsummary = \"s{day}\"\n"
        );
        let krate = format!("d{day}");
        let tests = dir.join("tests").join(&krate);
        for crate_dir in [
            dir.join("exercises").join(&krate),
            dir.join("solutions").join(&krate),
            tests.join("graded"),
            tests,
        ] {
            std::fs::create_dir_all(crate_dir.join("src")).unwrap();
            std::fs::write(crate_dir.join("Cargo.toml"), "").unwrap();
        }
    }
    for (day, name) in exercises {
        let file = format!("exercises/d{day}/src/{name}.rs");
        std::fs::write(dir.join(&file), "").unwrap();
        manifest += &format!(
            "[[exercises]]\nid = \"{day}.{name}\"\nname = \"{name}\"\nday = {day}\n\
             title = \"{name}\"\nfile = \"{file}\"\npoints = 10\ntests = [\"t\"]\n\
             hints = [\"h1\", \"h2\"]\n"
        );
    }
    Course::parse(dir, &manifest).unwrap()
}
