//! Running compiled tests, each in a process of its own.
//!
//! One process per test (as nextest does) means a test that loops, aborts, overflows its
//! stack or calls `process::exit` affects only its own verdict. Tests run in parallel, several
//! per core; each has a wall-clock limit after which its process group is killed.

mod interpret;
pub mod nextest;

use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::process;
pub use interpret::{TestStatus, interpret};

/// One test to run.
#[derive(Debug, Clone)]
pub struct TestJob {
    /// The test binary.
    pub executable: PathBuf,
    /// Where cargo would run it: the package directory.
    pub cwd: PathBuf,
    /// nextest's name for the binary: `pkg` for unit tests, `pkg::graded` for a test file.
    pub binary_id: String,
    /// The full libtest name, e.g. `curvature::exp_at_one`.
    pub name: String,
    /// Graded tests print a pass marker; a test that never printed it did not finish.
    pub requires_marker: bool,
}

/// The outcome of one test.
#[derive(Debug, Clone)]
pub struct TestResult {
    pub name: String,
    pub status: TestStatus,
    pub duration: Duration,
}

/// How tests are run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub timeout: Duration,
    pub parallelism: usize,
    /// Repeated by a graded test's pass marker; fresh for every run.
    pub nonce: String,
}

/// Tests run at once per core. A function that loops makes every test calling it wait out the
/// whole time limit; with one test per core, an exercise with six such tests on two cores would
/// take three limits to report. Several per core report them all after one limit, and cost the
/// usual short tests nothing measurable (bench/grade_times.py).
const TESTS_PER_CORE: usize = 4;

impl RunOptions {
    pub fn new(timeout: Duration) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        RunOptions {
            timeout,
            parallelism: cores * TESTS_PER_CORE,
            nonce: fresh_nonce(),
        }
    }
}

/// A token the student's code cannot know in advance.
fn fresh_nonce() -> String {
    use std::hash::{BuildHasher, RandomState};
    let time = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "{:016x}",
        RandomState::new().hash_one((time, std::process::id()))
    )
}

/// Which runner executes the tests.
///
/// `Auto` means nextest for grading runs (reports, batches) and the checker's own runner for
/// interactive checks (watch mode, `run`): nextest's second cargo invocation and test listing
/// roughly double the latency between a save and its verdict (see bench/watch_latency.py).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum RunnerChoice {
    /// nextest for `grade` when it is installed; the checker's own for watch mode and `run`
    #[default]
    Auto,
    /// `Auto` as resolved for an interactive check: the checker's own runner.
    #[value(skip)]
    Interactive,
    /// cargo-nextest
    Nextest,
    /// the checker's own: one process per test
    Processes,
}

/// The names of the tests in a libtest binary.
pub fn list_tests(executable: &PathBuf, cwd: &PathBuf) -> anyhow::Result<Vec<String>> {
    let mut command = Command::new(executable);
    command
        .current_dir(cwd)
        .args(["--list", "--format", "terse"]);
    let done = process::run(command, Duration::from_secs(30))?;
    if done.exit != process::Exit::Code(0) {
        anyhow::bail!(
            "failed to list the tests of {}: {}",
            executable.display(),
            done.stderr.trim()
        );
    }
    Ok(done
        .stdout
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(str::to_string)
        .collect())
}

/// Runs every job, `parallelism` at a time; results come back in the order of `jobs`.
pub fn run_all(jobs: &[TestJob], options: &RunOptions) -> Vec<TestResult> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<TestResult>>> = Mutex::new(vec![None; jobs.len()]);
    std::thread::scope(|scope| {
        for _ in 0..options.parallelism.max(1).min(jobs.len()) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(index) else { break };
                    let result = run_one(job, options);
                    results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
}

fn run_one(job: &TestJob, options: &RunOptions) -> TestResult {
    let mut command = Command::new(&job.executable);
    command
        .current_dir(&job.cwd)
        .args(["--exact", &job.name, "--nocapture", "--test-threads", "1"])
        .env("RUST_BACKTRACE", "0")
        .env(gradlings_markers::NONCE_ENV, &options.nonce);
    match process::run(command, options.timeout) {
        Ok(done) => TestResult {
            name: job.name.clone(),
            status: interpret(&done, job.requires_marker, &options.nonce, options.timeout),
            duration: done.elapsed,
        },
        Err(error) => TestResult {
            name: job.name.clone(),
            status: TestStatus::Crashed(format!("could not start the test binary: {error}")),
            duration: Duration::ZERO,
        },
    }
}

/// The marker protocol shared with the hidden tests' `grade` (tests/support/src/grade.rs).
pub mod gradlings_markers {
    pub const PASS_MARKER: &str = "gradlings: check passed";
    pub const NONCE_ENV: &str = "GRADLINGS_NONCE";
}
