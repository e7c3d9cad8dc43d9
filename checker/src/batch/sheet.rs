//! The grades sheet: a CSV with one row per student, one column per exercise, then the total
//! and notes on anything that kept points from being counted.
//!
//! ```csv
//! student,1.1,1.2,2.1,total,notes
//! alice,10,15,10,35,
//! bob,10,0,0,10,exercises/day2_gradients/src/lib.rs is missing; day 2 was graded as the original stubs
//! ```
//!
//! The columns follow course.toml, so rows are written as records rather than through a serde
//! struct (the csv crate serialises neither maps nor flattened fields).

use anyhow::Context;
use std::fs::File;
use std::path::Path;

use crate::course::Course;
use crate::verdict::ExerciseVerdict;

/// The columns before and after the exercises.
pub const STUDENT: &str = "student";
pub const TOTAL: &str = "total";
pub const NOTES: &str = "notes";

/// One student's line.
#[derive(Debug, Clone)]
pub struct Row {
    pub student: String,
    /// One per exercise of the course, in its order.
    pub verdicts: Vec<ExerciseVerdict>,
    pub notes: Vec<String>,
}

impl Row {
    pub fn total(&self) -> u32 {
        self.verdicts.iter().map(|v| v.score).sum()
    }

    fn score_of(&self, id: &str) -> u32 {
        self.verdicts
            .iter()
            .find(|v| v.id == id)
            .map_or(0, |v| v.score)
    }
}

/// The sheet being written; each row is flushed as soon as it is graded, so an interrupted
/// batch keeps the rows it finished.
pub struct Sheet {
    writer: csv::Writer<File>,
    ids: Vec<String>,
}

impl Sheet {
    pub fn create(path: &Path, course: &Course) -> anyhow::Result<Sheet> {
        let mut writer = csv::Writer::from_path(path)
            .with_context(|| format!("cannot write the grades sheet {}", path.display()))?;
        let ids: Vec<String> = course.exercises.iter().map(|e| e.id.clone()).collect();
        let mut header = vec![STUDENT.to_string()];
        header.extend(ids.iter().cloned());
        header.extend([TOTAL.to_string(), NOTES.to_string()]);
        writer.write_record(&header)?;
        writer.flush()?;
        Ok(Sheet { writer, ids })
    }

    pub fn write(&mut self, row: &Row) -> anyhow::Result<()> {
        let mut record = vec![row.student.clone()];
        record.extend(self.ids.iter().map(|id| row.score_of(id).to_string()));
        record.push(row.total().to_string());
        record.push(row.notes.join("; "));
        self.writer.write_record(&record)?;
        self.writer.flush()?;
        Ok(())
    }
}
