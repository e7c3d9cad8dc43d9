//! A grading run with one exercise per outcome, for the formats' unit tests.

use std::path::PathBuf;
use std::time::Duration;

use super::GradeRun;
use crate::grading::Source;
use crate::runner::TestStatus;
use crate::verdict::{ExerciseVerdict, Status, TestKind, TestVerdict};

fn test(name: &str, kind: TestKind, status: TestStatus, millis: u128) -> TestVerdict {
    TestVerdict {
        name: name.into(),
        kind,
        status,
        millis,
    }
}

fn exercise(id: &str, name: &str, day: u32, tests: Vec<TestVerdict>) -> ExerciseVerdict {
    ExerciseVerdict {
        id: id.into(),
        name: name.into(),
        day,
        title: format!("The {name} exercise"),
        file: PathBuf::from(format!("exercises/day{day}/src/{name}.rs")),
        status: Status::Error,
        score: 0,
        max_score: 10,
        compile_errors: Vec::new(),
        first_error_line: None,
        problem: None,
        tests,
    }
}

/// Day 1: a pass, a failing check, a `todo!()`, a timeout; day 2: a compile error.
pub fn verdicts() -> Vec<ExerciseVerdict> {
    let failed = |message: &str| TestStatus::Failed {
        message: message.into(),
        location: Some("tests/day1/graded/tests/graded.rs:10:5".into()),
    };
    let mut all = vec![
        exercise(
            "1.1",
            "passes",
            1,
            vec![
                test("passes::doubles", TestKind::Hidden, TestStatus::Passed, 3),
                test(
                    "passes::tests::two",
                    TestKind::Visible,
                    TestStatus::Passed,
                    1,
                ),
            ],
        ),
        exercise(
            "1.2",
            "fails",
            1,
            vec![test(
                "fails::doubles",
                TestKind::Hidden,
                failed("double(3) should be 6, got 5 <&> \"quoted\""),
                4,
            )],
        ),
        exercise(
            "1.3",
            "unstarted",
            1,
            vec![test(
                "unstarted::doubles",
                TestKind::Hidden,
                failed("not yet implemented"),
                2,
            )],
        ),
        exercise(
            "1.4",
            "loops",
            1,
            vec![test(
                "loops::doubles",
                TestKind::Hidden,
                TestStatus::TimedOut(Duration::from_secs(5)),
                5000,
            )],
        ),
        exercise("2.1", "broken", 2, Vec::new()),
    ];
    all[4].compile_errors = vec!["error[E0308]: mismatched types".into()];
    for verdict in &mut all {
        verdict.derive_status();
    }
    all
}

/// A run over `verdicts` with the two days they belong to.
pub fn run(verdicts: &[ExerciseVerdict]) -> GradeRun<'_> {
    GradeRun {
        course_title: "Sample course",
        source: Source::Student,
        verdicts,
        days: vec![
            (1, "Outcomes".into(), "Every way to end.".into()),
            (2, "Broken".into(), "Does not compile.".into()),
            (3, "Unselected".into(), "No exercise graded.".into()),
        ],
    }
}
