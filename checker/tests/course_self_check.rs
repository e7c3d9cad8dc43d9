//! The course self-check, part of `cargo test` at the root: the real checker on the real
//! course. It proves that every solution passes every hidden and visible test, that every
//! stub compiles and fails each graded test with "not yet implemented", that exercise and
//! solution trees are twins, and that course.toml and the graded tests agree.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the checker lives in the course root")
        .to_path_buf()
}

#[track_caller]
fn checker(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_checker"))
        .args(args)
        .current_dir(course_root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the checker runs");
    if output.status.code() == Some(2) {
        panic!(
            "`checker {}` failed to run:\n--- stdout\n{}\n--- stderr\n{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    output
}

#[test]
fn dev_check_passes() {
    let output = checker(&["dev", "check"]);
    assert!(
        output.status.success(),
        "`checker dev check` found problems:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn grade_json(extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["grade", "--format", "json"];
    args.extend_from_slice(extra);
    let output = checker(&args);
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "grade --format json printed no JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code(), json)
}

#[test]
fn stubs_score_nothing_and_grade_exits_non_zero() {
    let (code, json) = grade_json(&[]);
    assert_eq!(code, Some(1), "not everything is done: exit code 1");
    assert_eq!(json["score"], 0);
    for exercise in json["exercises"].as_array().unwrap() {
        assert_eq!(exercise["status"], "fail", "{exercise:#}");
        assert_eq!(exercise["score"], 0, "{exercise:#}");
        let feedback = exercise["feedback"].as_str().unwrap();
        assert!(feedback.contains("Not yet implemented"), "{feedback}");
    }
}

#[test]
fn solutions_score_full_points() {
    let (code, json) = grade_json(&["--solutions"]);
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["score"], json["max_score"]);
    assert!(json["max_score"].as_u64().unwrap() > 0);
    for exercise in json["exercises"].as_array().unwrap() {
        assert_eq!(exercise["status"], "pass", "{exercise:#}");
    }
}
