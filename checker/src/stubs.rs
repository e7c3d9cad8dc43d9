//! The original stubs, kept apart from the student's files so `reset` works anywhere —
//! without git history, in a downloaded zip, in a Classroom copy.
//!
//! `.gradlings/stubs/` mirrors every exercise file as it was published. It is generated with
//! `cargo checker dev stubs` from `exercises/`; in the course's own repository `dev check`
//! (and so `cargo test`) fails when the two drift apart.

use anyhow::Context;
use std::path::PathBuf;

use crate::course::{Course, Exercise};

pub const STUBS_DIR: &str = ".gradlings/stubs";

pub fn stub_path(course: &Course, exercise: &Exercise) -> PathBuf {
    course.root.join(STUBS_DIR).join(&exercise.file)
}

/// Overwrites the student's file with its original stub.
pub fn restore(course: &Course, exercise: &Exercise) -> anyhow::Result<()> {
    let stub = stub_path(course, exercise);
    let text = std::fs::read(&stub).with_context(|| {
        format!(
            "the original of {} is missing ({} cannot be read)",
            exercise.file.display(),
            stub.display()
        )
    })?;
    let target = course.root.join(&exercise.file);
    std::fs::write(&target, text).with_context(|| format!("failed to write {}", target.display()))
}

/// Copies every exercise file into the stubs directory; returns how many.
pub fn snapshot(course: &Course) -> anyhow::Result<usize> {
    for exercise in &course.exercises {
        let stub = stub_path(course, exercise);
        if let Some(parent) = stub.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(course.root.join(&exercise.file), &stub)
            .with_context(|| format!("failed to copy {}", exercise.file.display()))?;
    }
    Ok(course.exercises.len())
}

/// Exercise files whose stored stub differs from them (or is missing).
pub fn drift(course: &Course) -> Vec<String> {
    course
        .exercises
        .iter()
        .filter(|e| {
            std::fs::read(stub_path(course, e)).ok()
                != std::fs::read(course.root.join(&e.file)).ok()
        })
        .map(|e| {
            format!(
                "{} differs from its stored stub in {STUBS_DIR} (run `cargo checker dev stubs` \
                 after changing an exercise)",
                e.file.display()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::sample;

    #[test]
    fn snapshot_then_restore_brings_the_stub_back() {
        let dir = tempfile::tempdir().unwrap();
        let course = sample(dir.path(), &[(1, "a")]);
        let file = dir.path().join(&course.exercises[0].file);
        std::fs::write(&file, "stub").unwrap();
        assert_eq!(snapshot(&course).unwrap(), 1);
        assert!(drift(&course).is_empty());
        std::fs::write(&file, "student's work").unwrap();
        assert_eq!(drift(&course).len(), 1);
        restore(&course, &course.exercises[0]).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "stub");
    }

    #[test]
    fn a_missing_stub_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let course = sample(dir.path(), &[(1, "a")]);
        let error = restore(&course, &course.exercises[0]).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("the original of exercises/d1/src/a.rs is missing")
        );
    }
}
