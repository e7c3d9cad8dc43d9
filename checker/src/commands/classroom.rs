//! `checker classroom workflow [--check]`: write the GitHub Classroom files that course.toml
//! implies, or check that the committed ones still match it.

use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;

use crate::classroom::{self, GeneratedFile};
use crate::course::Course;
use crate::exit_codes;

pub fn workflow(course: &Course, check: bool) -> anyhow::Result<ExitCode> {
    let files = classroom::generate(course)?;
    if check {
        return Ok(exit_codes::from_all_passed(up_to_date(course, &files)));
    }
    for file in &files {
        write(&course.root, file)?;
        anstream::println!("wrote {}", file.path);
    }
    anstream::println!(
        "{} graded steps worth {} points; commit both files",
        course.exercises.len(),
        course.total_points()
    );
    Ok(ExitCode::from(exit_codes::SUCCESS))
}

/// Reports each file as up to date or not; true when all are.
fn up_to_date(course: &Course, files: &[GeneratedFile]) -> bool {
    let mut all = true;
    for file in files {
        let path = course.root.join(file.path);
        // A checkout on Windows may have turned the line endings into CRLF.
        let committed = std::fs::read_to_string(&path).map(|text| text.replace("\r\n", "\n"));
        match committed {
            Ok(text) if text == file.text => {
                anstream::println!("✓ {} matches course.toml", file.path)
            }
            Ok(_) => {
                all = false;
                anstream::println!(
                    "✗ {} is out of date with course.toml (hint: run `cargo checker classroom \
                     workflow` and commit the result)",
                    file.path
                );
            }
            Err(error) => {
                all = false;
                anstream::println!(
                    "✗ {} cannot be read: {error} (hint: run `cargo checker classroom \
                     workflow` to create it)",
                    file.path
                );
            }
        }
    }
    all
}

/// Writes `file` under `root` through a temporary file, so a reader never sees half of it.
fn write(root: &Path, file: &GeneratedFile) -> anyhow::Result<()> {
    let path = root.join(file.path);
    let dir = path.parent().context("a generated file has a directory")?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("failed to create the directory {}", dir.display()))?;
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, &file.text)
        .with_context(|| format!("failed to write {}", temporary.display()))?;
    std::fs::rename(&temporary, &path)
        .with_context(|| format!("failed to replace {}", path.display()))
}
