//! Putting a planned tree on disk.

use std::path::{Path, PathBuf};

use super::plan::{Content, Plan, TreeError};

/// Writes `plan` into `dir`, creating it.
pub fn write_new(plan: &Plan, dir: &Path) -> Result<(), TreeError> {
    for (path, content) in plan.files() {
        let target = dir.join(path);
        create_parent(&target)?;
        let written = match content {
            // `fs::copy` keeps the permissions (an executable script stays executable).
            Content::Copy(source) => std::fs::copy(source, &target).map(drop),
            Content::Data(bytes) => std::fs::write(&target, bytes),
        };
        written.map_err(|source| TreeError::Write {
            path: target.clone(),
            source,
        })?;
    }
    Ok(())
}

/// Makes `dir` hold exactly `plan`, rewriting only the files whose content differs and
/// deleting the files the plan does not have, except the top-level entries named in
/// `left_alone` (cargo's). Unchanged files keep their modification times, so cargo sees them
/// as unchanged and rebuilds only what differs. Returns how many files were written or
/// deleted.
pub fn sync(plan: &Plan, dir: &Path, left_alone: &[&str]) -> Result<usize, TreeError> {
    let mut touched = 0;
    for (path, content) in plan.files() {
        let target = dir.join(path);
        let wanted = content.bytes()?;
        if std::fs::read(&target).is_ok_and(|existing| existing == wanted) {
            continue;
        }
        create_parent(&target)?;
        // A directory (or anything else) where the file belongs goes first.
        if std::fs::symlink_metadata(&target).is_ok_and(|m| !m.is_file()) {
            remove(&target)?;
        }
        std::fs::write(&target, wanted).map_err(|source| TreeError::Write {
            path: target.clone(),
            source,
        })?;
        touched += 1;
    }
    touched += remove_unplanned(plan, dir, Path::new(""), left_alone)?;
    Ok(touched)
}

/// Deletes what is under `dir/rel` but not in `plan`, and directories left empty.
fn remove_unplanned(
    plan: &Plan,
    dir: &Path,
    rel: &Path,
    left_alone: &[&str],
) -> Result<usize, TreeError> {
    let here = dir.join(rel);
    let entries = std::fs::read_dir(&here).map_err(|source| TreeError::Read {
        path: here.clone(),
        source,
    })?;
    let mut removed = 0;
    for entry in entries {
        let entry = entry.map_err(|source| TreeError::Read {
            path: here.clone(),
            source,
        })?;
        let path = rel.join(entry.file_name());
        if left_alone.iter().any(|name| path == Path::new(name)) {
            continue;
        }
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            removed += remove_unplanned(plan, dir, &path, left_alone)?;
            let emptied = std::fs::read_dir(dir.join(&path)).is_ok_and(|mut e| e.next().is_none());
            if emptied {
                remove(&dir.join(&path))?;
            }
        } else if !plan.contains(&path) {
            remove(&dir.join(&path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn remove(path: &PathBuf) -> Result<(), TreeError> {
    let is_dir = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    let removed = if is_dir {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    removed.map_err(|source| TreeError::Write {
        path: path.clone(),
        source,
    })
}

fn create_parent(target: &Path) -> Result<(), TreeError> {
    let Some(parent) = target.parent() else {
        return Ok(());
    };
    std::fs::create_dir_all(parent).map_err(|source| TreeError::Write {
        path: parent.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn modified(path: &Path) -> SystemTime {
        std::fs::metadata(path).unwrap().modified().unwrap()
    }

    #[test]
    fn sync_rewrites_only_what_changed_and_removes_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let mut plan = Plan::default();
        plan.insert("a/same.rs", Content::Data(b"same".to_vec()));
        plan.insert("a/changes.rs", Content::Data(b"before".to_vec()));
        plan.insert("b/goes.rs", Content::Data(b"gone soon".to_vec()));
        assert_eq!(sync(&plan, dir.path(), &["target"]).unwrap(), 3);
        let same = dir.path().join("a/same.rs");
        let before = modified(&same);

        plan.insert("a/changes.rs", Content::Data(b"after".to_vec()));
        plan.remove_tree(Path::new("b"));
        std::fs::create_dir_all(dir.path().join("target/debug")).unwrap();
        assert_eq!(
            sync(&plan, dir.path(), &["target"]).unwrap(),
            2,
            "one rewrite, one deletion"
        );
        assert_eq!(modified(&same), before, "an unchanged file is not touched");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a/changes.rs")).unwrap(),
            "after"
        );
        assert!(!dir.path().join("b").exists(), "emptied directories go");
        assert!(
            dir.path().join("target/debug").is_dir(),
            "what is left alone stays"
        );
        assert_eq!(sync(&plan, dir.path(), &["target"]).unwrap(), 0);
    }
}
