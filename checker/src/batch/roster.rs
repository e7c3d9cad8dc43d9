//! The submissions in a folder, as GitHub Classroom lays them out.
//!
//! `gh classroom clone student-repos` and GitHub Classroom Assistant both make one folder per
//! student repository, named `<assignment>-<github user>`. The student's name is the folder
//! name without the prefix they all share.

use anyhow::Context;
use std::path::{Path, PathBuf};

/// One student repository to grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// The student's name: the folder name without the shared assignment prefix.
    pub student: String,
    pub dir: PathBuf,
    /// Why it cannot be graded at all, if so.
    pub problem: Option<String>,
}

/// Every folder in `dir` (hidden ones aside), sorted by name.
pub fn discover(dir: &Path) -> anyhow::Result<Vec<Submission>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the submissions folder {}", dir.display()))?;
    let mut found: Vec<(String, PathBuf, Option<String>)> = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            found.push((name, entry.path(), None));
        } else if kind.is_symlink() {
            let problem = "a symbolic link, not a checkout: not graded".to_string();
            found.push((name, entry.path(), Some(problem)));
        }
        // Plain files (a CSV the tools wrote, a README) are not submissions.
    }
    found.sort();
    let names: Vec<&str> = found.iter().map(|(name, _, _)| name.as_str()).collect();
    let students = without_shared_prefix(&names);
    Ok(found
        .into_iter()
        .zip(students)
        .map(|((_, dir, problem), student)| Submission {
            student,
            dir,
            problem,
        })
        .collect())
}

/// Drops the prefix up to a `-` that all names share (`week2-alice`, `week2-bob` → `alice`,
/// `bob`); names stay whole when there is no such prefix or only one name.
pub fn without_shared_prefix(names: &[&str]) -> Vec<String> {
    let cut = match names {
        [] | [_] => 0,
        [first, rest @ ..] => {
            let mut shared = first.len();
            for name in rest {
                shared = first
                    .bytes()
                    .zip(name.bytes())
                    .take(shared)
                    .take_while(|(a, b)| a == b)
                    .count();
            }
            while !first.is_char_boundary(shared) {
                shared -= 1;
            }
            first[..shared].rfind('-').map_or(0, |dash| dash + 1)
        }
    };
    let cut = if names.iter().all(|n| n.len() > cut) {
        cut
    } else {
        0
    };
    names.iter().map(|name| name[cut..].to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_assignment_prefix_goes() {
        assert_eq!(
            without_shared_prefix(&["week2-calculus-alice", "week2-calculus-anna"]),
            ["alice", "anna"]
        );
        assert_eq!(without_shared_prefix(&["alice", "bob"]), ["alice", "bob"]);
        assert_eq!(without_shared_prefix(&["hw-alice"]), ["hw-alice"]);
        assert_eq!(without_shared_prefix(&["hw-", "hw-bob"]), ["hw-", "hw-bob"]);
        assert_eq!(without_shared_prefix(&["é-a", "é-b"]), ["a", "b"]);
    }

    #[test]
    fn folders_are_submissions_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["hw-bob", "hw-alice", ".git"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        std::fs::write(dir.path().join("grades.csv"), "").unwrap();
        let found = discover(dir.path()).unwrap();
        let students: Vec<&str> = found.iter().map(|s| s.student.as_str()).collect();
        assert_eq!(students, ["alice", "bob"]);
    }
}
