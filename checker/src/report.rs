//! Output formats of `grade`: one file per format behind one trait.

mod classroom;
mod gradescope;
pub mod human;
mod json;
mod junit;
mod markdown;
#[cfg(test)]
mod samples;

use crate::grading::Source;
use crate::verdict::ExerciseVerdict;

pub use classroom::Classroom;
pub use gradescope::Gradescope;
pub use human::Human;
pub use json::Json;
pub use junit::Junit;
pub use markdown::Markdown;

/// One grading run: what every format renders.
pub struct GradeRun<'a> {
    pub course_title: &'a str,
    pub source: Source,
    pub verdicts: &'a [ExerciseVerdict],
    /// Each day's number, title and summary of what it taught.
    pub days: Vec<(u32, String, String)>,
}

impl GradeRun<'_> {
    pub fn score(&self) -> u32 {
        self.verdicts.iter().map(|v| v.score).sum()
    }

    pub fn max_score(&self) -> u32 {
        self.verdicts.iter().map(|v| v.max_score).sum()
    }

    pub fn all_passed(&self) -> bool {
        self.verdicts.iter().all(|v| v.passed())
    }
}

/// A way to write a grading run.
pub trait Format {
    fn render(&self, run: &GradeRun) -> String;
}
