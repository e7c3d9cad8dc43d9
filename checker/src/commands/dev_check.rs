//! `checker dev check`: prove the course is sound.
//!
//! 1. `course.toml` is valid (loading it checked that).
//! 2. Every day's exercise and solution trees are twins (same files, same signatures).
//! 3. Every solution passes every test, hidden and visible.
//! 4. Every stub compiles and fails each of its graded tests with "not yet implemented".
//! 5. Every graded test belongs to an exercise in `course.toml`, and every test that
//!    `course.toml` names exists.

mod twins;

use std::collections::HashSet;
use std::process::ExitCode;

use crate::course::Course;
use crate::exit_codes;
use crate::grading::{self, Settings, Source};
use crate::verdict::TestKind;

/// One verified property: its name and what is wrong with it.
struct Finding {
    what: String,
    problems: Vec<String>,
}

pub fn run(course: &Course, settings: &Settings) -> anyhow::Result<ExitCode> {
    let all: Vec<_> = course.exercises.iter().collect();
    let mut findings = vec![Finding {
        what: format!(
            "course.toml: {} exercises in {} days, {} points",
            course.exercises.len(),
            course.days.len(),
            course.total_points()
        ),
        problems: Vec::new(),
    }];

    findings.push(Finding {
        what: "exercise and solution trees are twins".into(),
        problems: course
            .days
            .iter()
            .flat_map(|day| twins::compare(&course.root, day))
            .collect(),
    });

    findings.push(Finding {
        what: format!(
            "the stored stubs ({}) match the exercises",
            crate::stubs::STUBS_DIR
        ),
        problems: crate::stubs::drift(course),
    });

    let solutions = grading::grade_with_listing(course, &all, Source::Solutions, settings)?;
    findings.push(Finding {
        what: "every solution passes every hidden and visible test".into(),
        problems: solutions
            .verdicts
            .iter()
            .filter(|v| !v.passed())
            .map(|v| {
                format!(
                    "solution of {} {}: {}",
                    v.id,
                    v.title,
                    crate::feedback::explain(v)
                )
            })
            .collect(),
    });

    let stubs = grading::grade(course, &all, Source::Student, settings)?;
    let mut stub_problems = Vec::new();
    for verdict in &stubs {
        if !verdict.compile_errors.is_empty() || verdict.problem.is_some() {
            stub_problems.push(format!(
                "stub of {}: {}",
                verdict.id,
                crate::feedback::explain(verdict)
            ));
        }
        for test in verdict.tests.iter().filter(|t| t.kind == TestKind::Hidden) {
            if !test.status.not_yet_implemented() {
                stub_problems.push(format!(
                    "stub of {}: graded test {} should fail with \"not yet implemented\", but: {}",
                    verdict.id,
                    test.name,
                    crate::feedback::explain_test(test)
                ));
            }
        }
    }
    findings.push(Finding {
        what: "every stub compiles and fails each graded test with \"not yet implemented\"".into(),
        problems: stub_problems,
    });

    let claimed: HashSet<String> = course
        .exercises
        .iter()
        .flat_map(|e| e.hidden_test_names())
        .collect();
    let mut orphans = Vec::new();
    for (day, tests) in &solutions.hidden_tests {
        for test in tests.iter().filter(|t| !claimed.contains(*t)) {
            orphans.push(format!(
                "day {day}: graded test {test} belongs to no exercise in course.toml"
            ));
        }
    }
    findings.push(Finding {
        what: format!(
            "course.toml and the graded tests name the same {} tests",
            claimed.len()
        ),
        problems: orphans,
    });

    let mut ok = true;
    for finding in &findings {
        if finding.problems.is_empty() {
            anstream::println!("✓ {}", finding.what);
        } else {
            ok = false;
            anstream::println!("✗ {}", finding.what);
            for problem in &finding.problems {
                anstream::println!("{}", crate::feedback::indent(problem, "    "));
            }
        }
    }
    Ok(exit_codes::from_all_passed(ok))
}
