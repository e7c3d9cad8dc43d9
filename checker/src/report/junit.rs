//! `--format junit`: a JUnit XML report for CI systems that display test results (GitLab,
//! Jenkins, test-report actions).
//!
//! One `<testsuite>` per day, one `<testcase>` per exercise (not per hidden test: an exercise
//! is what earns points). A failing or timed-out exercise is a `<failure>`, one that does not
//! compile or cannot be tested an `<error>`; either carries the headline as its message and
//! the full feedback as its text. Points are `<property>`s: `score` and `max_score` on every
//! suite and test case.

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};
use std::time::Duration;

use super::{Format, GradeRun};
use crate::feedback;
use crate::verdict::{ExerciseVerdict, Status};

pub struct Junit;

impl Format for Junit {
    fn render(&self, run: &GradeRun) -> String {
        let mut report = Report::new(run.course_title);
        for day in days_in_order(run.verdicts) {
            let verdicts: Vec<&ExerciseVerdict> =
                run.verdicts.iter().filter(|v| v.day == day).collect();
            report.add_test_suite(day_suite(run, day, &verdicts));
        }
        report.set_time(verdicts_time(run.verdicts.iter()));
        // The report is plain data in memory and `to_string` writes into a `Vec`, which cannot
        // fail; quick-junit already strips characters XML cannot hold.
        report.to_string().expect("a JUnit report serialises") + "\n"
    }
}

/// The days of `verdicts`, each once, in the order they first appear.
fn days_in_order(verdicts: &[ExerciseVerdict]) -> Vec<u32> {
    let mut days = Vec::new();
    for verdict in verdicts {
        if !days.contains(&verdict.day) {
            days.push(verdict.day);
        }
    }
    days
}

fn day_suite(run: &GradeRun, day: u32, verdicts: &[&ExerciseVerdict]) -> TestSuite {
    let title = run
        .days
        .iter()
        .find(|(number, _, _)| *number == day)
        .map_or_else(
            || format!("Day {day}"),
            |(_, title, _)| format!("Day {day}: {title}"),
        );
    let mut suite = TestSuite::new(title);
    let score: u32 = verdicts.iter().map(|v| v.score).sum();
    let max_score: u32 = verdicts.iter().map(|v| v.max_score).sum();
    suite.add_properties(points(score, max_score));
    suite.add_test_cases(verdicts.iter().map(|v| test_case(day, v)));
    suite.set_time(verdicts_time(verdicts.iter().copied()));
    suite
}

fn test_case(day: u32, verdict: &ExerciseVerdict) -> TestCase {
    let status = match verdict.status {
        Status::Pass => TestCaseStatus::success(),
        Status::Fail | Status::Timeout | Status::Error => {
            let kind = if verdict.status == Status::Error {
                NonSuccessKind::Error
            } else {
                NonSuccessKind::Failure
            };
            let mut status = TestCaseStatus::non_success(kind);
            status
                .set_message(feedback::headline(verdict))
                .set_type(status_name(verdict.status))
                .set_description(feedback::explain(verdict));
            status
        }
    };
    let mut case = TestCase::new(format!("{} {}", verdict.id, verdict.title), status);
    case.set_classname(format!("day{day}"))
        .set_time(verdicts_time([verdict]))
        .add_properties(points(verdict.score, verdict.max_score));
    case.add_property(Property::new("file", verdict.file.display().to_string()));
    case
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::Error => "error",
        Status::Timeout => "timeout",
    }
}

fn points(score: u32, max_score: u32) -> [Property; 2] {
    [
        Property::new("score", score.to_string()),
        Property::new("max_score", max_score.to_string()),
    ]
}

/// The time the tests of `verdicts` ran, added up.
fn verdicts_time<'a>(verdicts: impl IntoIterator<Item = &'a ExerciseVerdict>) -> Duration {
    let millis: u128 = verdicts
        .into_iter()
        .flat_map(|v| &v.tests)
        .map(|t| t.millis)
        .sum();
    Duration::from_millis(u64::try_from(millis).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    fn property<'a>(properties: &'a [Property], name: &str) -> &'a str {
        properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .unwrap_or_else(|| panic!("no property {name}"))
            .value
            .as_str()
    }

    /// Parses the XML back with quick-junit and checks the counts and points it carries.
    #[test]
    fn parses_back_with_one_suite_per_day_and_one_case_per_exercise() {
        let verdicts = samples::verdicts();
        let xml = Junit.render(&samples::run(&verdicts));
        let report = Report::deserialize_from_str(&xml)
            .unwrap_or_else(|e| panic!("not a JUnit report ({e}):\n{xml}"));

        assert_eq!(
            report.name.as_ref().map(|n| n.as_str()),
            Some("Sample course")
        );
        assert_eq!(report.tests, 5, "{xml}");
        assert_eq!(report.failures, 3, "fails, unstarted, loops:\n{xml}");
        assert_eq!(report.errors, 1, "broken:\n{xml}");
        let names: Vec<&str> = report.test_suites.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Day 1: Outcomes", "Day 2: Broken"],
            "no suite for day 3"
        );

        let day1 = &report.test_suites[0];
        assert_eq!((day1.tests, day1.failures, day1.errors), (4, 3, 0));
        assert_eq!(property(&day1.properties, "score"), "10");
        assert_eq!(property(&day1.properties, "max_score"), "40");
        let passes = &day1.test_cases[0];
        assert_eq!(passes.name.as_str(), "1.1 The passes exercise");
        assert_eq!(passes.classname.as_ref().unwrap().as_str(), "day1");
        assert!(matches!(passes.status, TestCaseStatus::Success { .. }));
        assert_eq!(property(&passes.properties, "score"), "10");
        assert_eq!(
            property(&passes.properties, "file"),
            "exercises/day1/src/passes.rs"
        );
    }

    #[test]
    fn a_failure_carries_the_headline_and_the_feedback() {
        let verdicts = samples::verdicts();
        let xml = Junit.render(&samples::run(&verdicts));
        let report = Report::deserialize_from_str(&xml).unwrap();
        let fails = &report.test_suites[0].test_cases[1];
        let TestCaseStatus::NonSuccess {
            kind,
            message,
            ty,
            description,
            ..
        } = &fails.status
        else {
            panic!("1.2 should fail: {xml}");
        };
        assert_eq!(*kind, NonSuccessKind::Failure);
        assert_eq!(message.as_ref().unwrap().as_str(), "1 of 1 tests failing");
        assert_eq!(ty.as_ref().unwrap().as_str(), "fail");
        let text = description.as_ref().unwrap().as_str();
        assert!(
            text.contains("double(3) should be 6, got 5 <&> \"quoted\""),
            "escaped and read back intact: {text}"
        );
        assert_eq!(property(&fails.properties, "score"), "0");

        let broken = &report.test_suites[1].test_cases[0];
        let TestCaseStatus::NonSuccess { kind, ty, .. } = &broken.status else {
            panic!("2.1 should be an error: {xml}");
        };
        assert_eq!(*kind, NonSuccessKind::Error);
        assert_eq!(ty.as_ref().unwrap().as_str(), "error");
    }
}
