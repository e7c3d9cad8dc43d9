//! The checker on a tiny fixture course with one exercise per outcome
//! (`tests/fixtures/course`): pass, failing check, `todo!()`, endless loop, `process::exit`,
//! stack overflow, abort, a test missing from the graded binary, a compile error in one day
//! (which must not cost the other days), and broken manifests.

mod common;

use common::fixture;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the checker in `course`; prints everything if `expected_code` does not match.
#[track_caller]
fn checker(course: &Path, args: &[&str], expected_code: i32) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_checker"))
        .args(args)
        .arg("--course")
        .arg(course)
        .env("NO_COLOR", "1")
        .env("GRADLINGS_TARGET_DIR", course.join("target"))
        .output()
        .expect("the checker runs");
    assert_eq!(
        output.status.code(),
        Some(expected_code),
        "`checker {}` exited with {:?}\n--- stdout\n{}\n--- stderr\n{}",
        args.join(" "),
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// What each fixture exercise must come out as: (name, status, text the feedback contains).
const EXPECTED: &[(&str, &str, &str)] = &[
    ("passes", "pass", "All 2 tests passed"),
    ("fails", "fail", "double(3) should be 6"),
    ("unstarted", "fail", "Not yet implemented"),
    ("loops", "timeout", "timed out after 2 s"),
    ("exits", "fail", "std::process::exit"),
    ("overflows", "fail", "stack overflowed"),
    ("aborts", "fail", "aborted"),
    ("untested", "error", "graded test `untested::missing_test`"),
    ("broken", "error", "mismatched types"),
    ("innocent", "error", "day 2 does not compile"),
    ("later", "pass", "All 2 tests passed"),
];

fn exercise<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no verdict for {name}"))
}

fn nextest_installed() -> bool {
    Command::new("cargo")
        .args(["nextest", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn every_outcome_gets_its_verdict_with_the_checkers_runner() {
    every_outcome_gets_its_verdict("processes");
}

#[test]
fn every_outcome_gets_its_verdict_with_nextest() {
    if !nextest_installed() {
        eprintln!("cargo-nextest is not installed: only the checker's own runner was tested");
        return;
    }
    every_outcome_gets_its_verdict("nextest");
}

fn every_outcome_gets_its_verdict(runner: &str) {
    let course = fixture();
    let args = ["--runner", runner, "grade", "--format", "json"];
    let output = checker(course.path(), &args, 1);
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    for (name, status, says) in EXPECTED {
        let verdict = exercise(&json, name);
        let feedback = verdict["feedback"].as_str().unwrap();
        assert_eq!(verdict["status"], *status, "{runner}, {name}: {feedback}");
        assert!(
            feedback.contains(says),
            "{name}: expected {says:?} in\n{feedback}"
        );
        let expected_score = if *status == "pass" { 10 } else { 0 };
        assert_eq!(verdict["score"], expected_score, "{name}");
    }
    let broken = exercise(&json, "broken")["feedback"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        broken.contains("exercises/day2_broken/src/broken.rs"),
        "the compile error names the student's file:\n{broken}"
    );
    assert_eq!(json["score"], 20);
}

#[test]
fn solutions_pass_where_their_tests_exist() {
    let course = fixture();
    let output = checker(
        course.path(),
        &["grade", "--solutions", "--format", "json"],
        1,
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    for exercise in json["exercises"].as_array().unwrap() {
        let expected = if exercise["name"] == "untested" {
            "error"
        } else {
            "pass"
        };
        assert_eq!(exercise["status"], expected, "{exercise:#}");
    }
}

#[test]
fn a_deleted_exercise_file_costs_only_its_day_and_says_how_to_get_it_back() {
    let course = fixture();
    std::fs::remove_file(course.path().join("exercises/day3_later/src/later.rs")).unwrap();
    let output = checker(
        course.path(),
        &["grade", "--day", "3", "--format", "json"],
        1,
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let later = exercise(&json, "later");
    let feedback = later["feedback"].as_str().unwrap();
    assert_eq!(later["status"], "error", "{feedback}");
    assert!(
        feedback.contains("exercises/day3_later/src/later.rs is missing")
            && feedback.contains("cargo checker reset 3.later"),
        "{feedback}"
    );
    let output = checker(course.path(), &["run", "passes"], 0);
    assert!(String::from_utf8_lossy(&output.stdout).contains("All 2 tests passed"));
}

#[test]
fn one_exercise_can_be_run_alone() {
    let course = fixture();
    let output = checker(course.path(), &["run", "passes"], 0);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("1.passes Passes"), "{text}");
    assert!(text.contains("All 2 tests passed"), "{text}");
}

/// Breaks the manifest with `edit` and expects exit code 2 and `message` on stderr.
#[track_caller]
fn broken_manifest(edit: impl FnOnce(&str) -> String, message: &str) {
    let course = fixture();
    let path: PathBuf = course.path().join("course.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
    let output = checker(course.path(), &["list"], 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(message),
        "expected {message:?} in\n{stderr}"
    );
}

#[test]
fn a_syntax_error_names_its_line() {
    broken_manifest(
        |t| t.replacen("title = \"Fixture course\"", "title = ", 1),
        "line 4",
    );
}

#[test]
fn an_unknown_field_is_named() {
    broken_manifest(|t| t.replacen("points = 10", "pionts = 10", 1), "pionts");
}

#[test]
fn a_missing_file_names_the_entry_line() {
    broken_manifest(
        |t| t.replacen("src/passes.rs", "src/pases.rs", 1),
        "course.toml:25: exercise 1.passes: file is exercises/day1_outcomes/src/pases.rs",
    );
}

#[test]
fn a_duplicate_id_is_named() {
    broken_manifest(
        |t| t.replacen("id = \"1.fails\"", "id = \"1.passes\"", 1),
        "exercise id \"1.passes\" is used twice",
    );
}

#[test]
fn a_missing_manifest_says_where_it_looked() {
    let course = fixture();
    std::fs::remove_file(course.path().join("course.toml")).unwrap();
    let output = checker(course.path(), &["list"], 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no course.toml in"), "{stderr}");
}
