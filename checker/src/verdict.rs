//! The verdicts the checker reports: per test, per exercise.

use serde::Serialize;
use std::path::PathBuf;

use crate::runner::TestStatus;

/// Where a test comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TestKind {
    /// A graded test from `tests/`.
    Hidden,
    /// A test at the bottom of the exercise file.
    Visible,
}

/// One test's verdict.
#[derive(Debug, Clone)]
pub struct TestVerdict {
    pub name: String,
    pub kind: TestKind,
    pub status: TestStatus,
    pub millis: u128,
}

/// The state of an exercise after grading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every test passed.
    Pass,
    /// A test failed or crashed.
    Fail,
    /// It could not be tested: a compile error, or the course and its tests disagree.
    Error,
    /// A test ran out of time.
    Timeout,
}

/// One exercise's verdict.
#[derive(Debug, Clone)]
pub struct ExerciseVerdict {
    pub id: String,
    pub name: String,
    pub day: u32,
    pub title: String,
    pub file: PathBuf,
    pub status: Status,
    pub score: u32,
    pub max_score: u32,
    /// Compiler errors to show (trimmed to what concerns this exercise).
    pub compile_errors: Vec<String>,
    /// The line of the first of them in the exercise's file, where to look first.
    pub first_error_line: Option<usize>,
    /// Why it could not be tested, when status is Error without compile errors.
    pub problem: Option<String>,
    pub tests: Vec<TestVerdict>,
}

impl ExerciseVerdict {
    pub fn passed(&self) -> bool {
        self.status == Status::Pass
    }

    /// True when every failing test fails only because of `todo!()`.
    pub fn not_started(&self) -> bool {
        self.status == Status::Fail
            && self
                .tests
                .iter()
                .filter(|t| !t.status.passed())
                .all(|t| t.status.not_yet_implemented())
    }

    /// The failing tests, hidden ones first.
    pub fn failures(&self) -> impl Iterator<Item = &TestVerdict> {
        let hidden = self.tests.iter().filter(|t| t.kind == TestKind::Hidden);
        let visible = self.tests.iter().filter(|t| t.kind == TestKind::Visible);
        hidden.chain(visible).filter(|t| !t.status.passed())
    }

    /// The status that follows from compile errors, problems and test results.
    pub fn derive_status(&mut self) {
        self.status = if !self.compile_errors.is_empty() || self.problem.is_some() {
            Status::Error
        } else if self.tests.is_empty() {
            self.problem = Some("no tests ran for this exercise".into());
            Status::Error
        } else if self
            .tests
            .iter()
            .any(|t| matches!(t.status, TestStatus::TimedOut(_)))
        {
            Status::Timeout
        } else if self.tests.iter().all(|t| t.status.passed()) {
            Status::Pass
        } else {
            Status::Fail
        };
        self.score = if self.status == Status::Pass {
            self.max_score
        } else {
            0
        };
    }
}
