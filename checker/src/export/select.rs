//! Which parts of the instructor's repository a student copy takes.
//!
//! An allow-list, so that whatever an instructor adds at the top of the repository (notes,
//! benchmarks, CI for the course itself) stays private unless named here: the workspace
//! members (but never `solutions/`), the course manifest, the build and checker
//! configuration, the stored stubs, the documentation, and the Classroom and dev-container
//! setup.

use std::path::Path;

use crate::course::{MANIFEST, parts};
use crate::tree::{Plan, TreeError, workspace};

/// The checker's crate.
pub const CHECKER_DIR: &str = "checker";

/// Top-level files and directories a student copy takes when they exist.
const TAKEN: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    MANIFEST,
    "README.md",
    ".gitignore",
    ".gitattributes",
    "rust-toolchain",
    "rust-toolchain.toml",
    "rustfmt.toml",
    ".rustfmt.toml",
    "clippy.toml",
    ".clippy.toml",
    ".cargo",
    ".config",
    ".gradlings",
    "docs",
    ".devcontainer",
    // Autograding of the student's repository.
    ".github/workflows/classroom.yml",
    ".github/classroom",
];

/// Top-level files whose name starts with one of these: the licence.
const LICENCE_PREFIXES: &[&str] = &["LICENSE", "LICENCE", "COPYING"];

/// Parts of the taken directories that are for the course's authors only: the checker's
/// own test suite runs the instructor's self-check, which needs the solutions.
const AUTHORS_ONLY: &[&str] = &["checker/tests"];

/// The student copy of the course at `root`, before its workspace is trimmed.
pub fn student_copy(root: &Path, hidden_tests: bool) -> Result<Plan, TreeError> {
    let mut plan = Plan::default();
    for name in TAKEN {
        plan.add_tree(Path::new(name), &root.join(name))?;
    }
    for licence in licence_files(root)? {
        plan.add_tree(Path::new(&licence), &root.join(&licence))?;
    }
    for top in workspace::member_top_dirs(root)? {
        plan.add_tree(Path::new(&top), &root.join(&top))?;
    }
    if hidden_tests {
        plan.add_tree(Path::new(parts::TESTS_DIR), &root.join(parts::TESTS_DIR))?;
    } else {
        plan.remove_tree(Path::new(parts::TESTS_DIR));
    }
    plan.remove_tree(Path::new(parts::SOLUTIONS_DIR));
    for private in AUTHORS_ONLY {
        plan.remove_tree(Path::new(private));
    }
    Ok(plan)
}

fn licence_files(root: &Path) -> Result<Vec<String>, TreeError> {
    let entries = std::fs::read_dir(root).map_err(|source| TreeError::Read {
        path: root.to_path_buf(),
        source,
    })?;
    Ok(entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| LICENCE_PREFIXES.iter().any(|p| name.starts_with(p)))
        .collect())
}
