//! The generated GitHub Classroom files: in sync with course.toml, and their graded commands
//! working in the stripped environment the Classroom graders give them; the course's CI
//! workflow and its Codespaces container.

mod common;

use common::fixture;
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CHECKER: &str = env!("CARGO_BIN_EXE_checker");

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the checker lives in the course root")
        .to_path_buf()
}

/// Prints a finished command and its output, for assertion messages.
fn describe(what: &str, output: &Output) -> String {
    format!(
        "`{what}` exited with {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs the checker on `course`; prints everything if `expected_code` does not match.
#[track_caller]
fn checker(course: &Path, args: &[&str], expected_code: i32) -> Output {
    let output = Command::new(CHECKER)
        .args(args)
        .arg("--course")
        .arg(course)
        .env("NO_COLOR", "1")
        .env("GRADLINGS_TARGET_DIR", course.join("target"))
        .output()
        .expect("the checker runs");
    let what = format!("checker {}", args.join(" "));
    assert_eq!(
        output.status.code(),
        Some(expected_code),
        "{}",
        describe(&what, &output)
    );
    output
}

/// The fixture's exercises that pass as the student left them; the rest earn nothing.
const PASSING: [&str; 2] = ["1.passes", "3.later"];
/// The fixture's exercises, 10 points each.
const EXERCISES: usize = 11;

#[test]
fn the_committed_classroom_files_match_course_toml() {
    let output = Command::new(CHECKER)
        .args(["classroom", "workflow", "--check"])
        .current_dir(course_root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the checker runs");
    assert!(
        output.status.success(),
        "the Classroom workflow files drifted from course.toml — run `cargo checker \
         classroom workflow` and commit the result.\n{}",
        describe("checker classroom workflow --check", &output)
    );
}

#[test]
fn check_fails_when_points_change_until_the_files_are_written_again() {
    let course = fixture();
    let root = course.path();
    checker(root, &["classroom", "workflow", "--check"], 1);
    checker(root, &["classroom", "workflow"], 0);
    checker(root, &["classroom", "workflow", "--check"], 0);

    let manifest = root.join("course.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replacen("points = 10", "points = 15", 1)).unwrap();
    let output = checker(root, &["classroom", "workflow", "--check"], 1);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("✗ .github/workflows/classroom.yml is out of date")
            && stdout.contains("✗ .github/classroom/autograding.json is out of date"),
        "{stdout}"
    );
    checker(root, &["classroom", "workflow"], 0);
    checker(root, &["classroom", "workflow", "--check"], 0);
}

// ---------------------------------------------------------------------------------------
// Course CI and Codespaces

/// A GitHub workflow's steps, as far as these tests read them.
#[derive(Deserialize)]
struct CiWorkflow {
    jobs: std::collections::BTreeMap<String, CiJob>,
}

#[derive(Deserialize)]
struct CiJob {
    steps: Vec<CiStep>,
}

#[derive(Deserialize)]
struct CiStep {
    uses: Option<String>,
    run: Option<String>,
    #[serde(default)]
    with: std::collections::BTreeMap<String, String>,
}

#[test]
fn ci_runs_formatting_lints_and_the_readme_test_command() {
    let text = std::fs::read_to_string(course_root().join(".github/workflows/ci.yml")).unwrap();
    let workflow: CiWorkflow = serde_norway::from_str(&text).unwrap();
    let steps: Vec<&CiStep> = workflow.jobs.values().flat_map(|j| &j.steps).collect();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s.run.as_deref()).collect();
    assert_eq!(
        runs,
        [
            "cargo fmt --all --check",
            "cargo clippy --workspace --all-targets --all-features -- -D warnings",
            "cargo test",
        ]
    );
    let readme = std::fs::read_to_string(course_root().join("README.md")).unwrap();
    assert!(
        readme.contains("\ncargo test "),
        "the README's test command is `cargo test`"
    );
    let toolchain = steps
        .iter()
        .find(|s| s.uses.as_deref() == Some("dtolnay/rust-toolchain@stable"))
        .expect("a Rust toolchain");
    assert_eq!(toolchain.with["components"], "rustfmt, clippy");
    for action in ["taiki-e/install-action@nextest", "Swatinem/rust-cache@v2"] {
        assert!(
            steps.iter().any(|s| s.uses.as_deref() == Some(action)),
            "{action}"
        );
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DevContainer {
    image: String,
    customizations: Value,
    post_create_command: String,
}

#[test]
fn a_codespace_comes_with_rust_analyzer_nextest_and_a_first_build() {
    let root = course_root();
    let text = std::fs::read_to_string(root.join(".devcontainer/devcontainer.json")).unwrap();
    let container: DevContainer = serde_json::from_str(&text).unwrap();
    assert!(
        container
            .image
            .starts_with("mcr.microsoft.com/devcontainers/rust:")
    );
    let extensions = &container.customizations["vscode"]["extensions"];
    assert!(
        extensions
            .as_array()
            .unwrap()
            .contains(&Value::from("rust-lang.rust-analyzer")),
        "{extensions}"
    );
    assert_eq!(
        container.post_create_command,
        "bash .devcontainer/post-create.sh"
    );
    let script = std::fs::read_to_string(root.join(".devcontainer/post-create.sh")).unwrap();
    for step in [
        "cargo-nextest",
        "cargo checker list",
        "cargo checker grade --day 1",
    ] {
        assert!(script.contains(step), "post-create.sh should run {step}");
    }
}

/// The graded commands, run exactly as GitHub Classroom's command grader runs them.
#[cfg(unix)]
mod graders_environment {
    use super::*;

    /// The parts of the workflow this test reads.
    #[derive(Deserialize)]
    struct Workflow {
        jobs: std::collections::BTreeMap<String, Job>,
    }

    #[derive(Deserialize)]
    struct Job {
        steps: Vec<Step>,
    }

    #[derive(Deserialize)]
    struct Step {
        uses: Option<String>,
        run: Option<String>,
        #[serde(default)]
        with: std::collections::BTreeMap<String, serde_norway::Value>,
    }

    /// A graded step: its command and its points.
    struct Graded {
        command: String,
        max_score: u64,
    }

    fn graded_steps(workflow: &Workflow) -> (String, Vec<Graded>) {
        let steps = &workflow.jobs["run-autograding-tests"].steps;
        let warm_up = steps.iter().find_map(|s| s.run.clone()).expect("a warm-up");
        let graded = steps
            .iter()
            .filter(|s| {
                s.uses
                    .as_deref()
                    .is_some_and(|u| u.contains("autograding-command-grader"))
            })
            .map(|s| Graded {
                command: s.with["command"].as_str().unwrap().to_string(),
                max_score: s.with["max-score"].as_u64().unwrap(),
            })
            .collect();
        (warm_up, graded)
    }

    /// Runs `command` the way the Classroom command grader does: in `sh`, in the repository,
    /// with only the environment it passes on (its `src/main.js`). `shims` goes in front of
    /// PATH: there `cargo checker` finds this build of the checker, as the course's cargo alias
    /// would.
    fn run_like_the_grader(course: &Path, shims: &Path, command: &str) -> Output {
        let path = format!("{}:{}", shims.display(), std::env::var("PATH").unwrap());
        Command::new("sh")
            .args(["-c", command])
            .current_dir(course)
            .env_clear()
            .env("PATH", path)
            .env("FORCE_COLOR", "true")
            .env("DOTNET_CLI_HOME", "/tmp")
            .env("DOTNET_NOLOGO", "true")
            .env("HOME", std::env::var("HOME").unwrap_or_default())
            .output()
            .expect("sh runs")
    }

    /// `cargo-checker` on PATH: cargo runs it for `cargo checker …`, with `checker` as its first
    /// argument.
    fn checker_shim(dir: &Path) {
        use std::os::unix::fs::PermissionsExt;
        let shim = dir.join("cargo-checker");
        std::fs::write(
            &shim,
            format!("#!/bin/sh\nshift\nexec '{CHECKER}' \"$@\"\n"),
        )
        .unwrap();
        std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// The points the graded steps earn: all of a step's `max-score` when its command exits
    /// with 0, none otherwise.
    fn points_earned(course: &Path, shims: &Path, steps: &[Graded], extra: &str) -> (u64, String) {
        let mut earned = 0;
        let mut log = String::new();
        for step in steps {
            let command = format!("{}{extra}", step.command);
            let output = run_like_the_grader(course, shims, &command);
            assert_ne!(
                output.status.code(),
                Some(2),
                "{}",
                describe(&command, &output)
            );
            if output.status.success() {
                earned += step.max_score;
            }
            log += &format!("{command}: {:?}\n", output.status.code());
        }
        (earned, log)
    }

    #[test]
    fn graded_commands_work_in_the_graders_stripped_environment() {
        let course = fixture();
        let root = course.path();
        checker(root, &["classroom", "workflow"], 0);
        let text = std::fs::read_to_string(root.join(".github/workflows/classroom.yml")).unwrap();
        let workflow: Workflow = serde_norway::from_str(&text).unwrap();
        let (warm_up, steps) = graded_steps(&workflow);
        assert_eq!(steps.len(), EXERCISES);

        let shims = tempfile::tempdir().unwrap();
        checker_shim(shims.path());
        // The workflow's first build, with the grader's environment (`env -i` keeps PATH and
        // HOME, as the step itself does).
        let output = run_like_the_grader(root, shims.path(), &warm_up);
        assert!(output.status.success(), "{}", describe(&warm_up, &output));

        let (student, log) = points_earned(root, shims.path(), &steps, "");
        assert_eq!(
            student,
            10 * PASSING.len() as u64,
            "as the student left them:\n{log}"
        );
        let (solutions, log) = points_earned(root, shims.path(), &steps, " --solutions");
        // Every solution passes, but `1.untested` names a test that does not exist.
        assert_eq!(
            solutions,
            10 * (EXERCISES as u64 - 1),
            "the solutions:\n{log}"
        );
    }

    /// `.github/classroom/autograding.json`, as far as this test reads it.
    #[derive(Deserialize)]
    struct LegacyTests {
        tests: Vec<LegacyTest>,
    }

    #[derive(Deserialize)]
    struct LegacyTest {
        setup: String,
        run: String,
        points: u64,
    }

    /// The older action (`education/autograding`) passes on even less: only PATH and
    /// FORCE_COLOR, not HOME (cargo and rustup then find the home directory from the user
    /// database).
    fn run_like_the_legacy_runner(course: &Path, shims: &Path, command: &str) -> Output {
        let path = format!("{}:{}", shims.display(), std::env::var("PATH").unwrap());
        Command::new("sh")
            .args(["-c", command])
            .current_dir(course)
            .env_clear()
            .env("PATH", path)
            .env("FORCE_COLOR", "true")
            .output()
            .expect("sh runs")
    }

    #[test]
    fn legacy_tests_work_with_only_path_in_the_environment() {
        let course = fixture();
        let root = course.path();
        checker(root, &["classroom", "workflow"], 0);
        let text =
            std::fs::read_to_string(root.join(".github/classroom/autograding.json")).unwrap();
        let legacy: LegacyTests = serde_json::from_str(&text).unwrap();
        assert_eq!(legacy.tests.len(), EXERCISES);

        let shims = tempfile::tempdir().unwrap();
        checker_shim(shims.path());
        let mut earned = 0;
        let mut log = String::new();
        for test in &legacy.tests {
            if !test.setup.is_empty() {
                let output = run_like_the_legacy_runner(root, shims.path(), &test.setup);
                // A setup that fails fails its test: the warm-up must not.
                assert!(
                    output.status.success(),
                    "{}",
                    describe(&test.setup, &output)
                );
            }
            let output = run_like_the_legacy_runner(root, shims.path(), &test.run);
            assert_ne!(
                output.status.code(),
                Some(2),
                "{}",
                describe(&test.run, &output)
            );
            if output.status.success() {
                earned += test.points;
            }
            log += &format!("{}: {:?}\n", test.run, output.status.code());
        }
        assert_eq!(earned, 10 * PASSING.len() as u64, "{log}");
    }
}
