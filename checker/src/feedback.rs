//! The words a student reads about one exercise: why it failed and what to do next.

use crate::runner::TestStatus;
use crate::verdict::{ExerciseVerdict, Status, TestKind, TestVerdict};

/// At most this many failing tests are explained per exercise; the first is usually enough.
const FAILURES_SHOWN: usize = 3;

/// A short reason for the verdict, for one-line summaries.
pub fn headline(verdict: &ExerciseVerdict) -> String {
    match verdict.status {
        Status::Pass => format!("{} tests passed", verdict.tests.len()),
        Status::Error if !verdict.compile_errors.is_empty() => "does not compile".into(),
        Status::Error => "cannot be tested".into(),
        Status::Timeout => "timed out".into(),
        Status::Fail if verdict.not_started() => "not yet implemented".into(),
        Status::Fail => {
            let failing = verdict.failures().count();
            format!("{failing} of {} tests failing", verdict.tests.len())
        }
    }
}

/// The full feedback on an exercise, as plain text.
pub fn explain(verdict: &ExerciseVerdict) -> String {
    match verdict.status {
        Status::Pass => format!("All {} tests passed.", verdict.tests.len()),
        Status::Error if !verdict.compile_errors.is_empty() => format!(
            "{} does not compile:\n\n{}",
            verdict.file.display(),
            verdict.compile_errors.join("\n").trim_end()
        ),
        Status::Error => verdict
            .problem
            .clone()
            .unwrap_or_else(|| "this exercise could not be tested".into()),
        Status::Fail if verdict.not_started() => format!(
            "Not yet implemented: open {} and replace each `todo!()` with your code.",
            verdict.file.display()
        ),
        Status::Fail | Status::Timeout => failing_tests(verdict),
    }
}

/// The failing tests explained: real failures first, in full; tests that only hit a `todo!()`
/// in one line at the end, with where the `todo!()`s are.
fn failing_tests(verdict: &ExerciseVerdict) -> String {
    let (unstarted, failing): (Vec<&TestVerdict>, Vec<&TestVerdict>) = verdict
        .failures()
        .partition(|test| test.status.not_yet_implemented());
    let mut text: Vec<String> = failing
        .iter()
        .take(FAILURES_SHOWN)
        .map(|test| format!("✗ {}\n{}", test.name, indent(&explain_test(test), "  ")))
        .collect();
    if failing.len() > FAILURES_SHOWN {
        text.push(format!(
            "… and {} more failing tests.",
            failing.len() - FAILURES_SHOWN
        ));
    }
    if !unstarted.is_empty() {
        let mut places: Vec<&str> = unstarted
            .iter()
            .filter_map(|test| match &test.status {
                TestStatus::Failed { location, .. } => location.as_deref(),
                _ => None,
            })
            .collect();
        places.sort();
        places.dedup();
        text.push(format!(
            "✗ {} more test{} reached a `todo!()` that is not filled in yet{}",
            unstarted.len(),
            if unstarted.len() == 1 { "" } else { "s" },
            if places.is_empty() {
                ".".to_string()
            } else {
                format!(": {}", places.join(", "))
            }
        ));
    }
    text.join("\n\n")
}

/// Why one test did not pass.
pub fn explain_test(test: &TestVerdict) -> String {
    match &test.status {
        TestStatus::Passed => "passed".into(),
        TestStatus::Failed { message, location } => match location {
            // The hidden tests' feedback is already written for the student.
            Some(at) if at.starts_with("tests/") || at.contains("/tests/support/") => {
                message.clone()
            }
            // A visible test's own assertion sits in the student's file as well: that is not
            // "your code panicked", just the test saying what it expected.
            Some(at) if test.kind == TestKind::Visible => format!("failed at {at}:\n{message}"),
            Some(at) => format!("your code panicked at {at}:\n{message}"),
            None => message.clone(),
        },
        TestStatus::TimedOut(after) => format!(
            "timed out after {} s and was stopped — a loop that never ends? (check each \
             loop's exit condition, and that an iteration cannot diverge)",
            after.as_secs()
        ),
        TestStatus::Crashed(reason) => format!("the test process crashed: {reason}"),
        TestStatus::ExitedEarly(code) => format!(
            "the test process exited{} before the check finished — does your code call \
             `std::process::exit`? Return a value instead.",
            code.map(|c| format!(" with code {c}")).unwrap_or_default()
        ),
        TestStatus::NotFound => "the test does not exist in the test binary".into(),
    }
}

/// Indents every non-empty line of `text`.
pub fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed_at(kind: TestKind, location: &str) -> TestVerdict {
        TestVerdict {
            name: "partials::x".into(),
            kind,
            status: TestStatus::Failed {
                message: "index out of bounds".into(),
                location: Some(location.into()),
            },
            millis: 1,
        }
    }

    #[test]
    fn a_panic_in_the_students_file_is_told_apart_from_a_visible_tests_assertion() {
        let file = "exercises/day2/src/partials.rs:30:5";
        let hidden = explain_test(&failed_at(TestKind::Hidden, file));
        assert_eq!(
            hidden,
            format!("your code panicked at {file}:\nindex out of bounds")
        );
        let visible = explain_test(&failed_at(TestKind::Visible, file));
        assert_eq!(visible, format!("failed at {file}:\nindex out of bounds"));
        let check = explain_test(&failed_at(
            TestKind::Hidden,
            "tests/day2/src/partials.rs:9:1",
        ));
        assert_eq!(check, "index out of bounds");
    }
}
