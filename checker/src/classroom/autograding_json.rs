//! `.github/classroom/autograding.json`: the test list of Classroom's older autograding
//! action (`education/autograding`), for assignments that still use it.
//!
//! Each test runs `setup`, then `run`, in a shell with only `PATH` (and `FORCE_COLOR`) in
//! the environment; `timeout` is in minutes and covers both. With `input` and `output` empty
//! the exit code alone decides: 0 earns the test's `points`. `comparison` must still be one of
//! `exact`, `included`, `regex`.

use serde::{Deserialize, Serialize};

use super::GeneratedFile;
use super::grading_steps::{GradingPlan, WARM_UP_MINUTES};

/// Where the file lives in the course.
pub const PATH: &str = ".github/classroom/autograding.json";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Autograding {
    pub tests: Vec<Test>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Test {
    pub name: String,
    pub setup: String,
    pub run: String,
    pub input: String,
    pub output: String,
    pub comparison: String,
    pub timeout: u64,
    pub points: u32,
}

/// The tests that carry out `plan`. The first test's setup is the warm-up, which every later
/// test reuses, so it gets the warm-up's time on top of its own.
pub fn autograding(plan: &GradingPlan) -> Autograding {
    let tests = plan
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let first = index == 0;
            Test {
                name: step.test_name.clone(),
                setup: if first {
                    plan.warm_up.join("; ")
                } else {
                    String::new()
                },
                run: step.command.clone(),
                input: String::new(),
                output: String::new(),
                comparison: "included".into(),
                timeout: step.timeout_minutes + if first { WARM_UP_MINUTES } else { 0 },
                points: step.points,
            }
        })
        .collect();
    Autograding { tests }
}

/// The file's text.
pub fn render(plan: &GradingPlan) -> GeneratedFile {
    let mut text = serde_json::to_string_pretty(&autograding(plan)).expect("plain data serialises");
    text.push('\n');
    GeneratedFile { path: PATH, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::grading_steps::grading_plan;

    #[test]
    fn one_test_per_exercise_graded_by_exit_code() {
        let dir = tempfile::tempdir().unwrap();
        let course = crate::course::sample(dir.path(), &[(1, "alpha"), (2, "beta")]);
        let plan = grading_plan(&course).unwrap();
        let steps = &plan.steps;
        let text = render(&plan).text;
        let file: Autograding = serde_json::from_str(&text).unwrap();
        assert_eq!(file.tests.len(), 2);
        let (first, second) = (&file.tests[0], &file.tests[1]);
        assert_eq!(first.run, "cargo checker grade --exercise 1.alpha");
        assert_eq!(
            first.setup,
            "cargo checker grade --day 1 || true; cargo checker grade --day 2 || true"
        );
        assert_eq!(first.timeout, steps[0].timeout_minutes + WARM_UP_MINUTES);
        assert_eq!(second.setup, "");
        assert_eq!(second.timeout, steps[1].timeout_minutes);
        for test in &file.tests {
            assert_eq!((test.input.as_str(), test.output.as_str()), ("", ""));
            assert_eq!(test.comparison, "included");
            assert_eq!(test.points, 10);
        }
    }
}
