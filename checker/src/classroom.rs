//! GitHub Classroom autograding, generated from course.toml: the workflow
//! (`.github/workflows/classroom.yml`) and the older action's test list
//! (`.github/classroom/autograding.json`), one graded step per exercise worth its points.
//!
//! Both files are derived data: `cargo checker classroom workflow` writes them, and
//! `--check` (run by `cargo test`) fails when the committed files differ from what course.toml
//! gives now.

pub mod actions;
pub mod autograding_json;
pub mod grading_steps;
pub mod workflow;

use crate::course::Course;

/// Why the files could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum ClassroomError {
    #[error("course.toml lists no exercises, so there is nothing to grade")]
    NoExercises,
    #[error(
        "exercises {first:?} and {second:?} would both be graded by the workflow step \
         `{step_id}` (hint: step ids keep only letters and digits of an exercise id; make the \
         two ids differ in those)"
    )]
    StepIdClash {
        first: String,
        second: String,
        step_id: String,
    },
    #[error("the generated workflow misuses an action:\n{}", .0.join("\n"))]
    ActionInputs(Vec<String>),
    #[error("failed to write the workflow as YAML: {0}")]
    Yaml(#[from] serde_norway::Error),
}

/// A file to write, relative to the course root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: &'static str,
    pub text: String,
}

/// The workflow and the test list for `course`.
pub fn generate(course: &Course) -> Result<[GeneratedFile; 2], ClassroomError> {
    let plan = grading_steps::grading_plan(course)?;
    Ok([workflow::render(&plan)?, autograding_json::render(&plan)])
}
