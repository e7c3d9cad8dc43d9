//! The result formats of `grade` on the fixture course, read back as their consumers read
//! them: JUnit with quick-junit, Gradescope's results.json and GitHub Classroom's grader
//! result against the fields their documentation and source list.

mod common;

use common::fixture;
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const CHECKER: &str = env!("CARGO_BIN_EXE_checker");

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
fn junit_has_a_suite_per_day_and_a_case_per_exercise() {
    let course = fixture();
    let output = checker(course.path(), &["grade", "--format", "junit"], 1);
    let xml = String::from_utf8(output.stdout).unwrap();
    let report = quick_junit::Report::deserialize_from_str(&xml)
        .unwrap_or_else(|e| panic!("not JUnit ({e}):\n{xml}"));
    assert_eq!(report.test_suites.len(), 3, "{xml}");
    assert_eq!(report.tests, EXERCISES);
    // Errors: untested (a test course.toml names is missing), broken and innocent (day 2
    // does not compile). Every other exercise but the two passing ones is a failure.
    assert_eq!(report.errors, 3, "{xml}");
    assert_eq!(report.failures, EXERCISES - 3 - PASSING.len(), "{xml}");
}

/// Gradescope's results.json fields (its "Autograder Specifications"), so that
/// `deny_unknown_fields` rejects anything the specification does not list.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Listed to be recognised, not read.
struct GradescopeResults {
    score: Option<f64>,
    execution_time: Option<f64>,
    output: Option<String>,
    output_format: Option<String>,
    test_output_format: Option<String>,
    test_name_format: Option<String>,
    visibility: Option<String>,
    stdout_visibility: Option<String>,
    extra_data: Option<Value>,
    tests: Option<Vec<GradescopeTest>>,
    leaderboard: Option<Vec<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct GradescopeTest {
    score: Option<f64>,
    max_score: Option<f64>,
    status: Option<String>,
    name: Option<String>,
    name_format: Option<String>,
    number: Option<String>,
    output: Option<String>,
    output_format: Option<String>,
    tags: Option<Vec<String>>,
    visibility: Option<String>,
    extra_data: Option<Value>,
}

#[test]
fn gradescope_results_follow_the_specification() {
    let course = fixture();
    let output = checker(course.path(), &["grade", "--format", "gradescope"], 1);
    let results: GradescopeResults = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not a results.json ({e}):\n{}", describe("grade", &output)));
    assert_eq!(results.score, Some(20.0));
    let tests = results.tests.unwrap();
    assert_eq!(tests.len(), EXERCISES);
    for test in &tests {
        let number = test.number.as_deref().unwrap();
        let passed = PASSING.contains(&number);
        assert_eq!(
            test.status.as_deref(),
            Some(if passed { "passed" } else { "failed" })
        );
        assert_eq!(
            test.score,
            Some(if passed { 10.0 } else { 0.0 }),
            "{number}"
        );
        assert_eq!(test.max_score, Some(10.0));
        assert_eq!(test.visibility.as_deref(), Some("visible"));
        assert!(!test.output.as_deref().unwrap().is_empty(), "{number}");
    }
}

/// The result the Classroom command grader writes (its `generateResult`), field for field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GraderResult {
    version: u32,
    status: String,
    max_score: u32,
    tests: Vec<GraderTest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct GraderTest {
    name: String,
    status: String,
    score: u32,
    message: String,
    test_code: String,
    filename: String,
    line_no: u32,
    duration: u64,
}

#[test]
fn classroom_result_reports_every_exercise_in_one_step() {
    let course = fixture();
    let output = checker(course.path(), &["grade", "--format", "classroom"], 1);
    let result: GraderResult = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not a grader result ({e}):\n{}", describe("grade", &output)));
    assert_eq!((result.version, result.status.as_str()), (1, "fail"));
    assert_eq!(result.tests.len(), EXERCISES);
    // The reporter's "Points X/Y": the tests' scores against max_score.
    let points: u32 = result.tests.iter().map(|t| t.score).sum();
    assert_eq!((points, result.max_score), (20, 110));
    let untested = result
        .tests
        .iter()
        .find(|t| t.name.starts_with("1.untested"));
    assert_eq!(untested.unwrap().status, "error");
    let passes = result.tests.iter().find(|t| t.name.starts_with("1.passes"));
    assert_eq!(passes.unwrap().test_code, "cargo checker run 1.passes");
}
