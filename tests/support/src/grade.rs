//! Running a check as a graded test, and proving a check in the suite's own tests.
//!
//! A graded test passes only if its check ran to the end: [`grade`] prints a marker line
//! that the checker requires, so a student function that calls `std::process::exit(0)` (the
//! process ends "successfully" before any assertion) earns nothing.

use crate::feedback::CheckResult;

/// The line a graded test prints when its check passed; the runner requires it.
pub const PASS_MARKER: &str = "gradlings: check passed";

/// The runner puts a per-run token here; the marker line must repeat it.
pub const NONCE_ENV: &str = "GRADLINGS_NONCE";

/// Address-space limit of a graded test process, so a runaway allocation fails fast
/// ("memory allocation failed") instead of pushing the machine into swap.
const MEMORY_LIMIT_BYTES: u64 = 4 << 30;

/// Runs `check` as a graded test: panics with the feedback on failure, prints the pass marker
/// on success.
pub fn grade(check: impl FnOnce() -> CheckResult) {
    limit_memory();
    match check() {
        Ok(()) => {
            let nonce = std::env::var(NONCE_ENV).unwrap_or_default();
            println!("{PASS_MARKER} {nonce}");
        }
        Err(feedback) => panic!("{feedback}"),
    }
}

#[cfg(target_os = "linux")]
fn limit_memory() {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    if let Ok((_, hard)) = getrlimit(Resource::RLIMIT_AS) {
        let limit = MEMORY_LIMIT_BYTES.min(hard);
        // Best effort: a refused limit leaves the test running as before.
        let _ = setrlimit(Resource::RLIMIT_AS, limit, hard);
    }
}

#[cfg(not(target_os = "linux"))]
fn limit_memory() {}

/// In the suite's own tests: `result` must fail and name the mistake `mistake_id`.
#[track_caller]
pub fn assert_rejects(result: CheckResult, mistake_id: &str) {
    match result {
        Ok(()) => panic!("the check accepted a wrong implementation ({mistake_id})"),
        Err(feedback) => assert_eq!(
            feedback.mistake_id(),
            Some(mistake_id),
            "the check failed, but named the wrong mistake:\n{feedback}"
        ),
    }
}

/// In the suite's own tests: `result` must fail; the feedback must contain `needle`.
///
/// For failures that are not a catalogued formula mistake (a modified input, a wrong length).
#[track_caller]
pub fn assert_fails_saying(result: CheckResult, needle: &str) {
    match result {
        Ok(()) => panic!("the check accepted a wrong implementation (expected: {needle})"),
        Err(feedback) => {
            let text = feedback.to_string();
            assert!(
                text.contains(needle),
                "the feedback does not say {needle:?}:\n{text}"
            );
        }
    }
}

/// In the suite's own tests: a correct alternative must pass.
#[track_caller]
pub fn assert_accepts(result: CheckResult) {
    if let Err(feedback) = result {
        panic!("the check rejected a correct implementation:\n{feedback}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::{Feedback, Mistake};

    #[test]
    fn rejects_requires_the_named_mistake() {
        let wrong = Err(Feedback::new("x").mistake(Some(Mistake::new("sign", "sign"))));
        assert_rejects(wrong, "sign");
    }

    #[test]
    #[should_panic(expected = "named the wrong mistake")]
    fn rejects_fails_on_another_mistake() {
        let wrong = Err(Feedback::new("x").mistake(Some(Mistake::new("sign", "sign"))));
        assert_rejects(wrong, "factor");
    }

    #[test]
    #[should_panic(expected = "accepted a wrong implementation")]
    fn rejects_fails_when_the_check_passes() {
        assert_rejects(Ok(()), "sign");
    }

    #[test]
    #[should_panic(expected = "rejected a correct implementation")]
    fn accepts_fails_when_the_check_fails() {
        assert_accepts(Err(Feedback::new("no")));
    }

    #[test]
    #[should_panic(expected = "wrong answer")]
    fn grade_panics_with_the_feedback() {
        grade(|| Err(Feedback::new("wrong answer")));
    }
}
