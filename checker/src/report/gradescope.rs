//! `--format gradescope`: Gradescope's `results.json`, written to
//! `/autograder/results/results.json` by a `run_autograder` script.
//!
//! The fields, from Gradescope's "Autograder Specifications" (Output format):
//! top level `score`, `execution_time`, `output`, `output_format`, `test_output_format`,
//! `test_name_format`, `visibility`, `stdout_visibility`, `extra_data`, `tests`,
//! `leaderboard` — all optional, but `score` is required unless every test has one, and a
//! top-level `score` overrides the tests' total. Each test: `score`, `max_score`, `status`
//! (`passed` or `failed`), `name`, `name_format`, `number`, `output`, `output_format`,
//! `tags`, `visibility` (`hidden`, `after_due_date`, `after_published`, `visible`),
//! `extra_data`. There is no top-level `max_score`: Gradescope takes the maximum from the
//! assignment's settings, so the assignment's points should equal the course's total.
//!
//! We write one test per exercise: its id as `number` (Gradescope orders by it), points,
//! status, the full feedback as `output`, the day as a tag, always `visible` (the feedback is
//! written for students). The top-level `score` is the sum of the tests' scores and `output`
//! is a one-line summary.

use serde::Serialize;

use super::{Format, GradeRun};
use crate::feedback;
use crate::verdict::ExerciseVerdict;

pub struct Gradescope;

#[derive(Serialize)]
struct Results {
    score: u32,
    output: String,
    tests: Vec<TestResult>,
}

#[derive(Serialize)]
struct TestResult {
    name: String,
    number: String,
    score: u32,
    max_score: u32,
    status: &'static str,
    output: String,
    tags: Vec<String>,
    visibility: &'static str,
}

impl Format for Gradescope {
    fn render(&self, run: &GradeRun) -> String {
        let passed = run.verdicts.iter().filter(|v| v.passed()).count();
        let results = Results {
            score: run.score(),
            output: format!(
                "{}: {} / {} points, {passed} of {} exercises done.",
                run.course_title,
                run.score(),
                run.max_score(),
                run.verdicts.len()
            ),
            tests: run.verdicts.iter().map(test_result).collect(),
        };
        let mut text = serde_json::to_string_pretty(&results).expect("plain data serialises");
        text.push('\n');
        text
    }
}

fn test_result(verdict: &ExerciseVerdict) -> TestResult {
    TestResult {
        name: format!("{} {}", verdict.id, verdict.title),
        number: verdict.id.clone(),
        score: verdict.score,
        max_score: verdict.max_score,
        status: if verdict.passed() { "passed" } else { "failed" },
        output: feedback::explain(verdict),
        tags: vec![format!("day {}", verdict.day)],
        visibility: "visible",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;
    use serde::Deserialize;
    use serde_json::Value;

    /// `results.json` as Gradescope's specification lists it: every field it knows, so
    /// `deny_unknown_fields` rejects anything else.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // Fields exist to be recognised, not read.
    struct SpecResults {
        score: Option<f64>,
        execution_time: Option<f64>,
        output: Option<String>,
        output_format: Option<String>,
        test_output_format: Option<String>,
        test_name_format: Option<String>,
        visibility: Option<String>,
        stdout_visibility: Option<String>,
        extra_data: Option<Value>,
        tests: Option<Vec<SpecTest>>,
        leaderboard: Option<Vec<Value>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct SpecTest {
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

    const VISIBILITIES: [&str; 4] = ["hidden", "after_due_date", "after_published", "visible"];

    fn rendered() -> SpecResults {
        let verdicts = samples::verdicts();
        let text = Gradescope.render(&samples::run(&verdicts));
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("not a Gradescope results.json ({e}):\n{text}"))
    }

    #[test]
    fn follows_the_specification() {
        let results = rendered();
        let tests = results.tests.expect("one test per exercise");
        assert_eq!(tests.len(), 5);
        let total: f64 = tests
            .iter()
            .map(|t| t.score.expect("every test is scored"))
            .sum();
        assert_eq!(
            results.score,
            Some(total),
            "a top-level score overrides the tests' total: they must agree"
        );
        for test in &tests {
            let status = test.status.as_deref().unwrap();
            assert!(["passed", "failed"].contains(&status), "{status}");
            assert!(VISIBILITIES.contains(&test.visibility.as_deref().unwrap()));
            assert!(test.max_score.unwrap() >= test.score.unwrap());
            assert!(!test.output.as_deref().unwrap().is_empty());
            assert!(test.name.is_some() && test.number.is_some());
        }
    }

    #[test]
    fn carries_points_status_and_feedback_per_exercise() {
        let tests = rendered().tests.unwrap();
        let passes = &tests[0];
        assert_eq!(passes.number.as_deref(), Some("1.1"));
        assert_eq!(passes.name.as_deref(), Some("1.1 The passes exercise"));
        assert_eq!((passes.score, passes.max_score), (Some(10.0), Some(10.0)));
        assert_eq!(passes.status.as_deref(), Some("passed"));
        assert_eq!(passes.tags.as_deref(), Some(&["day 1".to_string()][..]));

        let fails = &tests[1];
        assert_eq!(fails.score, Some(0.0));
        assert_eq!(fails.status.as_deref(), Some("failed"));
        assert!(
            fails
                .output
                .as_deref()
                .unwrap()
                .contains("double(3) should be 6")
        );
        let broken = &tests[4];
        assert!(
            broken
                .output
                .as_deref()
                .unwrap()
                .contains("mismatched types")
        );
    }
}
