//! Copies of the course for others: the student template and the solutions branch.
//!
//! The student template holds everything a student needs and nothing of the solutions:
//! `solutions/` is left out, so is every package that needs it (the API pins), and the
//! hidden tests stop linking it. Optionally the hidden tests are left out too; grading then
//! takes them from the instructor's copy (`grade --tests DIR`). The solutions branch is the
//! same tree with the solutions' sources in `exercises/`.

mod select;

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::compile::cargo;
use crate::course::{Course, parts};
use crate::process::{self, Exit};
use crate::tree::{self, workspace};

/// Which copy to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The student template, with or without the hidden tests.
    Student { hidden_tests: bool },
    /// The course with the solutions in `exercises/` (what the `solutions` branch holds).
    Solutions,
}

/// What an export wrote.
#[derive(Debug)]
pub struct Exported {
    pub files: usize,
    pub left_out: Vec<workspace::LeftOut>,
}

/// Writes the copy `kind` of `course` into `dir`, which must be new or empty and outside
/// the course.
pub fn export(course: &Course, kind: Kind, dir: &Path) -> anyhow::Result<Exported> {
    let hidden_tests = match kind {
        Kind::Student { hidden_tests } => hidden_tests,
        Kind::Solutions => true,
    };
    if hidden_tests && !parts::has_hidden_tests(&course.root) {
        bail!(
            "this copy of the course has no hidden tests ({}/) to export",
            parts::TESTS_DIR
        );
    }
    let mut plan = select::student_copy(&course.root, hidden_tests)?;
    if kind == Kind::Solutions {
        swap_in_solutions(course, &mut plan)?;
    }
    let mut required: Vec<PathBuf> = course.days.iter().map(|d| d.exercise_dir()).collect();
    if hidden_tests {
        required.extend(
            course
                .days
                .iter()
                .flat_map(|d| [d.tests_dir(), d.graded_dir()]),
        );
    }
    required.extend(
        plan.package_dirs()
            .into_iter()
            .filter(|d| d == Path::new(select::CHECKER_DIR)),
    );
    let rules = workspace::Rules {
        required: &required,
        extra_members: &[],
    };
    let left_out = workspace::trim(&mut plan, &rules)?;
    let dir = prepare_destination(course, dir)?;
    tree::write::write_new(&plan, &dir)?;
    settle_lock_file(&dir)?;
    Ok(Exported {
        files: plan.len(),
        left_out,
    })
}

/// Replaces each day's `exercises/<day>/src` with the solution's.
fn swap_in_solutions(course: &Course, plan: &mut tree::Plan) -> anyhow::Result<()> {
    if !parts::has_solutions(&course.root) {
        bail!(
            "this copy of the course has no solutions ({}/) to export",
            parts::SOLUTIONS_DIR
        );
    }
    for day in &course.days {
        let src = day.exercise_dir().join("src");
        plan.remove_tree(&src);
        plan.add_tree(&src, &course.root.join(day.solution_dir()).join("src"))?;
    }
    Ok(())
}

/// `dir`, absolute, once it is known to be new or empty and outside the course.
fn prepare_destination(course: &Course, dir: &Path) -> anyhow::Result<PathBuf> {
    let outside = |dir: &Path| {
        if dir.starts_with(&course.root) || course.root.starts_with(dir) {
            bail!(
                "{} overlaps the course in {} (hint: export to a directory outside the course)",
                dir.display(),
                course.root.display()
            );
        }
        Ok(())
    };
    outside(&std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()))?;
    std::fs::create_dir_all(dir).with_context(|| format!("failed to create {}", dir.display()))?;
    let dir = dir
        .canonicalize()
        .with_context(|| format!("failed to open {}", dir.display()))?;
    outside(&dir)?;
    let mut entries =
        std::fs::read_dir(&dir).with_context(|| format!("failed to read {}", dir.display()))?;
    if entries.next().is_some() {
        bail!(
            "{} is not empty (hint: export to a new directory, or empty this one first)",
            dir.display()
        );
    }
    Ok(dir)
}

/// Lets cargo load the new workspace once: this proves it loads, and drops the lock file's
/// entries for the packages left out.
fn settle_lock_file(dir: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(cargo());
    command
        .current_dir(dir)
        .args(["metadata", "--format-version", "1"]);
    let done = process::run(command, Duration::from_secs(600))
        .context("failed to run `cargo metadata` in the exported copy")?;
    if done.exit != Exit::Code(0) {
        bail!(
            "the exported copy in {} is not a working Cargo workspace; cargo said:\n{}",
            dir.display(),
            done.stderr.trim()
        );
    }
    Ok(())
}
