//! Turning a finished test process into a verdict.

use std::time::Duration;

use super::gradlings_markers::PASS_MARKER;
use crate::process::{Captured, Exit};

/// The verdict on one test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestStatus {
    Passed,
    /// A failed assertion or check: the panic message, and where it was raised.
    Failed {
        message: String,
        location: Option<String>,
    },
    TimedOut(Duration),
    /// The process died: a stack overflow, an abort, running out of memory.
    Crashed(String),
    /// The process ended with success before the test finished (`std::process::exit`).
    ExitedEarly(Option<i32>),
    /// The binary has no test of that name.
    NotFound,
}

impl TestStatus {
    pub fn passed(&self) -> bool {
        *self == TestStatus::Passed
    }

    /// True when the test failed only because its stub is still `todo!()`.
    pub fn not_yet_implemented(&self) -> bool {
        matches!(self, TestStatus::Failed { message, .. } if message.starts_with("not yet implemented"))
    }
}

/// Reads the exit and output of `--exact NAME --nocapture` for one test.
pub fn interpret(
    done: &Captured,
    requires_marker: bool,
    nonce: &str,
    timeout: Duration,
) -> TestStatus {
    match done.exit {
        Exit::TimedOut => TestStatus::TimedOut(timeout),
        Exit::Signal(signal) => TestStatus::Crashed(crash_reason(signal, &done.stderr)),
        Exit::Code(0) => {
            if done.stdout.contains("running 0 tests") {
                return TestStatus::NotFound;
            }
            let summary_ok = done.stdout.contains("test result: ok. 1 passed");
            let marker = format!("{PASS_MARKER} {nonce}");
            // libtest prints `test NAME ... ` before the test's own output, on the same line.
            let marker_ok =
                !requires_marker || done.stdout.lines().any(|l| l.trim_end().ends_with(&marker));
            if summary_ok && marker_ok {
                TestStatus::Passed
            } else {
                TestStatus::ExitedEarly(Some(0))
            }
        }
        Exit::Code(101) => {
            match panic_message(&done.stderr).or_else(|| panic_message(&done.stdout)) {
                Some((message, location)) => TestStatus::Failed { message, location },
                None => TestStatus::Failed {
                    message: "the test failed without a message".to_string(),
                    location: None,
                },
            }
        }
        Exit::Code(code) => TestStatus::ExitedEarly(Some(code)),
    }
}

/// The first panic in the output: its message and location.
///
/// libtest prints `thread 'NAME' (ID) panicked at FILE:LINE:COL:` and then the message, up
/// to a `note:` line (or the end).
pub fn panic_message(output: &str) -> Option<(String, Option<String>)> {
    let mut lines = output.lines();
    let header =
        lines.find(|line| line.starts_with("thread '") && line.contains(" panicked at "))?;
    let location = header
        .split_once(" panicked at ")
        .map(|(_, at)| at.trim_end_matches(':').to_string());
    let message: Vec<&str> = lines
        .take_while(|line| !line.starts_with("note: ") && !line.starts_with("stack backtrace:"))
        .collect();
    let message = message.join("\n").trim_end().to_string();
    Some((message, location))
}

fn crash_reason(signal: i32, stderr: &str) -> String {
    if stderr.contains("has overflowed its stack") {
        "the stack overflowed — a recursion that never ends, or one nested too deeply for the \
         stack (a loop with a Vec as an explicit stack avoids the limit)"
            .into()
    } else if stderr.contains("memory allocation of") {
        "it ran out of memory (an allocation failed) — a collection growing without end?".into()
    } else {
        match signal {
            6 => "it aborted (signal 6)".into(),
            9 => "it was killed (signal 9), possibly for using too much memory".into(),
            11 => "it crashed with a segmentation fault (signal 11)".into(),
            other => format!("it was ended by signal {other}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn captured(exit: Exit, stdout: &str, stderr: &str) -> Captured {
        Captured {
            exit,
            stdout: stdout.into(),
            stderr: stderr.into(),
            elapsed: Duration::ZERO,
        }
    }

    const OK: &str = "\nrunning 1 test\ngradlings: check passed N1\ntest a::b ... ok\n\ntest result: ok. 1 passed; 0 failed";

    #[test]
    fn pass_needs_summary_and_marker() {
        let t = Duration::from_secs(5);
        assert_eq!(
            interpret(&captured(Exit::Code(0), OK, ""), true, "N1", t),
            TestStatus::Passed
        );
        assert_eq!(
            interpret(&captured(Exit::Code(0), OK, ""), true, "N2", t),
            TestStatus::ExitedEarly(Some(0)),
            "a marker with another run's nonce does not count"
        );
        assert_eq!(
            interpret(
                &captured(Exit::Code(0), "\nrunning 1 test\n", ""),
                false,
                "N1",
                t
            ),
            TestStatus::ExitedEarly(Some(0)),
            "exit(0) before the summary"
        );
        assert_eq!(
            interpret(
                &captured(Exit::Code(0), "\nrunning 0 tests\n", ""),
                false,
                "N1",
                t
            ),
            TestStatus::NotFound
        );
    }

    #[test]
    fn failure_carries_the_panic_message() {
        let stderr = "thread 'a::b' (42) panicked at exercises/day1/src/x.rs:12:5:\nnot yet implemented\nnote: run with `RUST_BACKTRACE=1`\n";
        let status = interpret(
            &captured(Exit::Code(101), "", stderr),
            true,
            "N",
            Duration::ZERO,
        );
        assert_eq!(
            status,
            TestStatus::Failed {
                message: "not yet implemented".into(),
                location: Some("exercises/day1/src/x.rs:12:5".into())
            }
        );
        assert!(status.not_yet_implemented());
    }

    #[test]
    fn multi_line_feedback_is_kept_whole() {
        let stderr = "thread 'a' panicked at tests/support/src/grade.rs:28:26:\nline one\n  called    f(1)\n\nnote: run with\n";
        let (message, _) = panic_message(stderr).unwrap();
        assert_eq!(message, "line one\n  called    f(1)");
    }

    #[test]
    fn crashes_are_explained() {
        let t = Duration::ZERO;
        let overflow =
            "\nthread 'x' has overflowed its stack\nfatal runtime error: stack overflow\n";
        match interpret(&captured(Exit::Signal(6), "", overflow), true, "N", t) {
            TestStatus::Crashed(reason) => assert!(reason.contains("stack overflowed")),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            interpret(
                &captured(Exit::TimedOut, "", ""),
                true,
                "N",
                Duration::from_secs(5)
            ),
            TestStatus::TimedOut(_)
        ));
        assert_eq!(
            interpret(&captured(Exit::Code(3), "", ""), true, "N", t),
            TestStatus::ExitedEarly(Some(3))
        );
    }
}
