//! Grading: build the day crates with their hidden tests, run every test of the selected
//! exercises in isolation, and turn the results into exercise verdicts.
//!
//! One copy of the hidden tests serves both implementations: the feature `student` or
//! `solutions` of the day's tests package picks which crate they link. All days build in one
//! `cargo build --keep-going`, so a compile error costs only its own day.

mod attribute;

use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::compile::{self, BuildPlan};
use crate::course::{Course, Day, Exercise};
use crate::runner::{self, RunOptions, RunnerChoice, TestJob, TestResult};
use crate::verdict::{ExerciseVerdict, Status, TestKind, TestVerdict};

/// Which implementation the hidden tests run against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The student's crates in `exercises/`.
    Student,
    /// The complete twins in `solutions/`.
    Solutions,
}

impl Source {
    fn feature(self) -> &'static str {
        match self {
            Source::Student => "student",
            Source::Solutions => "solutions",
        }
    }

    fn package(self, day: &Day) -> String {
        match self {
            Source::Student => day.exercise_package(),
            Source::Solutions => day.solution_package(),
        }
    }

    fn dir(self, day: &Day) -> PathBuf {
        match self {
            Source::Student => day.exercise_dir(),
            Source::Solutions => day.solution_dir(),
        }
    }
}

/// How to grade.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The checker's own target directory (apart from rust-analyzer's and `cargo test`'s, so
    /// neither waits for the other's build lock).
    pub target_dir: PathBuf,
    pub test_timeout: Duration,
    pub build_timeout: Duration,
    pub runner: RunnerChoice,
}

impl Settings {
    pub fn for_course(course: &Course) -> Self {
        Settings {
            target_dir: default_target_dir(&course.root),
            test_timeout: Duration::from_secs(course.info.test_timeout_secs),
            build_timeout: Duration::from_secs(30 * 60),
            runner: RunnerChoice::Auto,
        }
    }

    /// The settings for an interactive check: `Auto` picks the faster, checker's own runner.
    pub fn interactive(&self) -> Settings {
        let runner = match self.runner {
            RunnerChoice::Auto => RunnerChoice::Interactive,
            explicit => explicit,
        };
        Settings {
            runner,
            ..self.clone()
        }
    }
}

/// `target/checker` inside the course, unless `GRADLINGS_TARGET_DIR` says otherwise.
pub fn default_target_dir(root: &Path) -> PathBuf {
    std::env::var_os("GRADLINGS_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target").join("checker"))
}

/// What one grading run found.
#[derive(Debug)]
pub struct Graded {
    /// One verdict per selected exercise, in the order of the selection.
    pub verdicts: Vec<ExerciseVerdict>,
    /// Every test in each built day's graded binary (for consistency checks).
    pub hidden_tests: BTreeMap<u32, Vec<String>>,
}

/// Grades `selection` (exercises of `course`) against `source`.
pub fn grade(
    course: &Course,
    selection: &[&Exercise],
    source: Source,
    settings: &Settings,
) -> anyhow::Result<Vec<ExerciseVerdict>> {
    Ok(grade_with_listing(course, selection, source, settings)?.verdicts)
}

/// Like [`grade`], and also returns the graded tests each day has.
pub fn grade_with_listing(
    course: &Course,
    selection: &[&Exercise],
    source: Source,
    settings: &Settings,
) -> anyhow::Result<Graded> {
    crate::course::parts::ensure_gradable(course, source)?;
    let mut hidden_tests = BTreeMap::new();
    let days: BTreeSet<u32> = selection.iter().map(|e| e.day).collect();
    let days: Vec<&Day> = days.iter().filter_map(|&d| course.day(d)).collect();
    let plan = build_plan(&days, course, source, settings);
    let report = compile::build(&plan).context("failed to build the exercises")?;
    let mut built_days = Vec::new();

    let mut verdicts: Vec<ExerciseVerdict> = selection.iter().map(|e| blank_verdict(e)).collect();
    let mut jobs = Vec::new();
    let mut owners = Vec::new(); // (verdict index, kind) of each job
    for day in &days {
        let day_exercises: Vec<usize> = (0..selection.len())
            .filter(|&i| selection[i].day == day.day)
            .collect();
        let paths = DayPaths::new(course, day, source);
        let exes = (
            report.executable(&paths.impl_manifest, true, &source.package(day)),
            report.executable(&paths.graded_manifest, false, "graded"),
        );
        let (Some(impl_exe), Some(graded_exe)) = exes else {
            let failure = attribute::DayFailure {
                course,
                day,
                paths: &paths,
                report: &report,
            };
            failure.explain(selection, &day_exercises, &mut verdicts);
            continue;
        };
        built_days.push(*day);
        let visible = runner::list_tests(&impl_exe.path, &paths.impl_dir)?;
        let hidden = runner::list_tests(&graded_exe.path, &paths.graded_dir)?;
        hidden_tests.insert(day.day, hidden.clone());
        for &i in &day_exercises {
            let exercise = selection[i];
            for name in exercise.hidden_test_names() {
                if hidden.contains(&name) {
                    let binary_id = format!("{}::graded", day.graded_package());
                    jobs.push(job(
                        &graded_exe.path,
                        &paths.graded_dir,
                        binary_id,
                        name,
                        true,
                    ));
                    owners.push((i, TestKind::Hidden));
                } else {
                    verdicts[i].problem = Some(format!(
                        "course.toml lists the graded test `{name}`, but {} has no such test \
                         (hint: `cargo checker dev check` compares the two)",
                        day.graded_file().display()
                    ));
                }
            }
            let prefix = exercise.visible_test_prefix();
            for name in visible.iter().filter(|n| n.starts_with(&prefix)) {
                let binary_id = source.package(day);
                jobs.push(job(
                    &impl_exe.path,
                    &paths.impl_dir,
                    binary_id,
                    name.clone(),
                    false,
                ));
                owners.push((i, TestKind::Visible));
            }
        }
    }

    let options = RunOptions::new(settings.test_timeout);
    let results = run_tests(
        &jobs,
        &options,
        &build_plan(&built_days, course, source, settings),
        settings.runner,
    );
    for (result, (i, kind)) in results.into_iter().zip(owners) {
        verdicts[i].tests.push(TestVerdict {
            name: result.name,
            kind,
            status: result.status,
            millis: result.duration.as_millis(),
        });
    }
    for verdict in &mut verdicts {
        verdict.derive_status();
    }
    Ok(Graded {
        verdicts,
        hidden_tests,
    })
}

/// Runs the tests with nextest when asked or available, else with the checker's own runner.
fn run_tests(
    jobs: &[TestJob],
    options: &RunOptions,
    plan: &BuildPlan,
    choice: RunnerChoice,
) -> Vec<TestResult> {
    let use_nextest = match choice {
        RunnerChoice::Processes | RunnerChoice::Interactive => false,
        RunnerChoice::Nextest => true,
        RunnerChoice::Auto => runner::nextest::available(),
    };
    if use_nextest {
        match runner::nextest::run_all(jobs, options, plan) {
            Ok(results) => return results,
            Err(error) => anstream::eprintln!(
                "warning: {error:#}\n(falling back to the checker's own test runner)"
            ),
        }
    }
    runner::run_all(jobs, options)
}

fn job(
    executable: &Path,
    cwd: &Path,
    binary_id: String,
    name: String,
    requires_marker: bool,
) -> TestJob {
    TestJob {
        executable: executable.to_path_buf(),
        cwd: cwd.to_path_buf(),
        binary_id,
        name,
        requires_marker,
    }
}

fn blank_verdict(exercise: &Exercise) -> ExerciseVerdict {
    ExerciseVerdict {
        id: exercise.id.clone(),
        name: exercise.name.clone(),
        day: exercise.day,
        title: exercise.title.clone(),
        file: exercise.file.clone(),
        status: Status::Error,
        score: 0,
        max_score: exercise.points,
        compile_errors: Vec::new(),
        first_error_line: None,
        problem: None,
        tests: Vec::new(),
    }
}

/// The absolute paths of one day's crates, as cargo reports them.
pub(crate) struct DayPaths {
    impl_dir: PathBuf,
    impl_manifest: PathBuf,
    tests_manifest: PathBuf,
    graded_dir: PathBuf,
    graded_manifest: PathBuf,
}

impl DayPaths {
    fn new(course: &Course, day: &Day, source: Source) -> Self {
        let impl_dir = course.root.join(source.dir(day));
        let graded_dir = course.root.join(day.graded_dir());
        DayPaths {
            impl_manifest: impl_dir.join("Cargo.toml"),
            tests_manifest: course.root.join(day.tests_dir()).join("Cargo.toml"),
            graded_manifest: graded_dir.join("Cargo.toml"),
            impl_dir,
            graded_dir,
        }
    }
}

/// The build of `days`: each day's implementation and hidden tests, with the feature that
/// links the one to the other.
fn build_plan(days: &[&Day], course: &Course, source: Source, settings: &Settings) -> BuildPlan {
    BuildPlan {
        workspace: course.root.clone(),
        target_dir: settings.target_dir.clone(),
        packages: days
            .iter()
            .flat_map(|day| [source.package(day), day.graded_package()])
            .collect(),
        features: days
            .iter()
            .map(|day| format!("{}/{}", day.graded_package(), source.feature()))
            .collect(),
        timeout: settings.build_timeout,
    }
}
