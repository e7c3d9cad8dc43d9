//! `--format json`: the checker's own schema, for scripts and other graders.
//!
//! ```json
//! { "schema": "gradlings-grade/1", "course": "…", "source": "student",
//!   "score": 10, "max_score": 85, "passed": 1, "total": 7,
//!   "exercises": [ { "id": "1.1", "name": "difference_quotients", "day": 1,
//!       "title": "…", "file": "exercises/…", "status": "pass|fail|error|timeout",
//!       "score": 10, "max_score": 10, "feedback": "…",
//!       "tests": [ { "name": "…", "kind": "hidden|visible",
//!                    "status": "pass|fail|timeout|crash|error", "millis": 3, "message": "…" } ] } ] }
//! ```

use serde::Serialize;

use super::{Format, GradeRun};
use crate::feedback;
use crate::grading::Source;
use crate::runner::TestStatus;
use crate::verdict::{ExerciseVerdict, Status, TestKind, TestVerdict};

pub const SCHEMA: &str = "gradlings-grade/1";

pub struct Json;

#[derive(Serialize)]
pub struct Document<'a> {
    pub schema: &'static str,
    pub course: &'a str,
    pub source: &'static str,
    pub score: u32,
    pub max_score: u32,
    pub passed: usize,
    pub total: usize,
    pub exercises: Vec<ExerciseDoc<'a>>,
}

#[derive(Serialize)]
pub struct ExerciseDoc<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub day: u32,
    pub title: &'a str,
    pub file: String,
    pub status: Status,
    pub score: u32,
    pub max_score: u32,
    pub feedback: String,
    pub tests: Vec<TestDoc<'a>>,
}

#[derive(Serialize)]
pub struct TestDoc<'a> {
    pub name: &'a str,
    pub kind: TestKind,
    pub status: &'static str,
    pub millis: u128,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Format for Json {
    fn render(&self, run: &GradeRun) -> String {
        let document = Document {
            schema: SCHEMA,
            course: run.course_title,
            source: match run.source {
                Source::Student => "student",
                Source::Solutions => "solutions",
            },
            score: run.score(),
            max_score: run.max_score(),
            passed: run.verdicts.iter().filter(|v| v.passed()).count(),
            total: run.verdicts.len(),
            exercises: run.verdicts.iter().map(exercise_doc).collect(),
        };
        let mut text = serde_json::to_string_pretty(&document).expect("plain data serialises");
        text.push('\n');
        text
    }
}

fn exercise_doc(verdict: &ExerciseVerdict) -> ExerciseDoc<'_> {
    ExerciseDoc {
        id: &verdict.id,
        name: &verdict.name,
        day: verdict.day,
        title: &verdict.title,
        file: verdict.file.display().to_string(),
        status: verdict.status,
        score: verdict.score,
        max_score: verdict.max_score,
        feedback: feedback::explain(verdict),
        tests: verdict.tests.iter().map(test_doc).collect(),
    }
}

fn test_doc(test: &TestVerdict) -> TestDoc<'_> {
    let status = match test.status {
        TestStatus::Passed => "pass",
        TestStatus::Failed { .. } | TestStatus::ExitedEarly(_) => "fail",
        TestStatus::TimedOut(_) => "timeout",
        TestStatus::Crashed(_) => "crash",
        TestStatus::NotFound => "error",
    };
    TestDoc {
        name: &test.name,
        kind: test.kind,
        status,
        millis: test.millis,
        message: (!test.status.passed()).then(|| feedback::explain_test(test)),
    }
}
