//! `--format classroom`: the result JSON of GitHub Classroom's command grader
//! (`classroom-resources/autograding-command-grader`), with one test per exercise, so that a
//! single grading step can report every exercise to the Classroom reporter
//! (`classroom-resources/autograding-grading-reporter`).
//!
//! The command grader writes, base64-encoded, to its `result` output:
//!
//! ```json
//! { "version": 1, "status": "pass|fail|error", "max_score": 10,
//!   "tests": [ { "name": "…", "status": "pass|fail|error", "score": 10, "message": "…",
//!                "test_code": "…", "filename": "", "line_no": 0, "duration": 1234 } ] }
//! ```
//!
//! The reporter reads it from `<RUNNER>_RESULTS`: it prints each test's `name`, `status`,
//! `message`, `test_code` and (when not 0) `line_no`; it adds up the tests' `score` against
//! `max_score` for "Points X/Y", the total that Classroom records; and it fails the run when
//! the top-level `status` is `fail` or `error`.
//!
//! What we emit: `max_score` is the total of the graded exercises; each exercise is a test
//! with its id and title as `name`, `pass` / `fail` (failing or timed out) / `error` (does not
//! compile, cannot be tested) as `status`, its points as `score`, the feedback as `message`,
//! the command that shows the same feedback locally as `test_code`, the student's file as
//! `filename`, and the time its tests ran in milliseconds as `duration` (the grader's unit).
//! The top-level `status` is `pass` when every exercise passed, else `fail` if any failed,
//! else `error`. This is plain JSON; a workflow step encodes it with `base64 -w0` (see
//! docs/autograding.md).

use serde::Serialize;

use super::{Format, GradeRun};
use crate::feedback;
use crate::verdict::{ExerciseVerdict, Status};

/// The result format version the command grader writes.
const VERSION: u32 = 1;

pub struct Classroom;

#[derive(Serialize)]
struct RunnerResult {
    version: u32,
    status: &'static str,
    max_score: u32,
    tests: Vec<TestResult>,
}

#[derive(Serialize)]
struct TestResult {
    name: String,
    status: &'static str,
    score: u32,
    message: String,
    test_code: String,
    filename: String,
    line_no: u32,
    duration: u128,
}

impl Format for Classroom {
    fn render(&self, run: &GradeRun) -> String {
        let tests: Vec<TestResult> = run.verdicts.iter().map(test_result).collect();
        let status = if tests.iter().all(|t| t.status == "pass") {
            "pass"
        } else if tests.iter().any(|t| t.status == "fail") {
            "fail"
        } else {
            "error"
        };
        let result = RunnerResult {
            version: VERSION,
            status,
            max_score: run.max_score(),
            tests,
        };
        let mut text = serde_json::to_string(&result).expect("plain data serialises");
        text.push('\n');
        text
    }
}

fn test_result(verdict: &ExerciseVerdict) -> TestResult {
    TestResult {
        name: format!("{} {}", verdict.id, verdict.title),
        status: match verdict.status {
            Status::Pass => "pass",
            Status::Fail | Status::Timeout => "fail",
            Status::Error => "error",
        },
        score: verdict.score,
        message: feedback::explain(verdict),
        test_code: format!("cargo checker run {}", verdict.id),
        filename: verdict.file.display().to_string(),
        line_no: 0,
        duration: verdict.tests.iter().map(|t| t.millis).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;
    use serde::Deserialize;

    /// The command grader's result, field for field (`generateResult` in its `src/main.js`).
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
    struct GraderTest {
        name: String,
        status: String,
        score: u32,
        message: String,
        test_code: String,
        filename: String,
        line_no: u32,
        #[allow(dead_code)] // Shown by nobody; present because the grader writes it.
        duration: u64,
    }

    const STATUSES: [&str; 3] = ["pass", "fail", "error"];

    fn rendered(verdicts: &[ExerciseVerdict]) -> GraderResult {
        let text = Classroom.render(&samples::run(verdicts));
        assert_eq!(
            text.lines().count(),
            1,
            "one line, ready for base64: {text}"
        );
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("not a command grader result ({e}):\n{text}"))
    }

    /// "Points X/Y" as the reporter computes it: the tests' scores of every runner with a
    /// `max_score`, against those `max_score`s.
    fn reporter_points(results: &[GraderResult]) -> (u32, u32) {
        results
            .iter()
            .filter(|r| r.max_score > 0)
            .fold((0, 0), |(got, max), r| {
                (
                    got + r.tests.iter().map(|t| t.score).sum::<u32>(),
                    max + r.max_score,
                )
            })
    }

    #[test]
    fn has_the_command_graders_fields_with_one_test_per_exercise() {
        let verdicts = samples::verdicts();
        let result = rendered(&verdicts);
        assert_eq!(result.version, 1);
        assert_eq!(result.status, "fail");
        assert_eq!(result.tests.len(), verdicts.len());
        for (test, verdict) in result.tests.iter().zip(&verdicts) {
            assert!(STATUSES.contains(&test.status.as_str()), "{}", test.status);
            assert!(test.name.starts_with(&verdict.id));
            assert_eq!(test.test_code, format!("cargo checker run {}", verdict.id));
            assert_eq!(test.filename, verdict.file.display().to_string());
            assert_eq!(
                test.line_no, 0,
                "the reporter prints a line only when it is not 0"
            );
        }
        let statuses: Vec<&str> = result.tests.iter().map(|t| t.status.as_str()).collect();
        assert_eq!(statuses, ["pass", "fail", "fail", "fail", "error"]);
        assert!(result.tests[1].message.contains("double(3) should be 6"));
    }

    #[test]
    fn the_reporter_adds_up_the_exercise_points() {
        let verdicts = samples::verdicts();
        assert_eq!(reporter_points(&[rendered(&verdicts)]), (10, 50));
    }

    #[test]
    fn status_is_pass_only_when_every_exercise_passed() {
        let verdicts = samples::verdicts();
        assert_eq!(rendered(&verdicts[..1]).status, "pass");
        assert_eq!(rendered(&verdicts[4..]).status, "error");
    }
}
