//! Taking a student's sources from a submission, which may be broken or hostile.
//!
//! Only regular files under `exercises/<day>/src` are read. Symbolic links are never
//! followed (one could point at the instructor's files), and sizes are capped so a
//! submission cannot fill the disk or the memory of the grader.

use std::path::{Component, Path, PathBuf};

/// Far above any exercise file; a bigger one is not source code.
const MAX_FILE_BYTES: u64 = 1 << 20;
/// Files taken from one day's `src`.
const MAX_FILES: usize = 500;
/// Directory levels below `src`.
const MAX_DEPTH: usize = 8;

/// What a submission gave for one day.
#[derive(Debug, Default)]
pub struct Taken {
    /// The files (paths relative to the course root) and their bytes; `None` when the day's
    /// crate could not be taken at all (no `src/lib.rs`).
    pub files: Option<Vec<(PathBuf, Vec<u8>)>>,
    /// What was left out, and why.
    pub notes: Vec<String>,
}

/// Takes `submission/<src>/**`, where `src` is a day's `exercises/<day>/src`.
pub fn take(submission: &Path, src: &Path) -> Taken {
    let mut taken = Taken::default();
    if let Err(why) = real_directory(submission, src) {
        taken.notes.push(why);
        return taken;
    }
    let mut files = Vec::new();
    walk(submission, src, 0, &mut files, &mut taken.notes);
    let lib = src.join("lib.rs");
    if files.iter().any(|(path, _)| *path == lib) {
        taken.files = Some(files);
    } else {
        taken.notes.push(format!("{} is missing", lib.display()));
    }
    taken
}

/// Checks that every component of `rel` below `root` is a directory, not a link.
fn real_directory(root: &Path, rel: &Path) -> Result<(), String> {
    let mut path = PathBuf::new();
    for component in rel.components() {
        let Component::Normal(part) = component else {
            return Err(format!("{} is not a plain relative path", rel.display()));
        };
        path.push(part);
        match std::fs::symlink_metadata(root.join(&path)) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(format!(
                    "{} is a symbolic link, which grading never follows",
                    path.display()
                ));
            }
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(format!("{} is not a directory", path.display())),
            Err(_) => return Err(format!("{} is missing", path.display())),
        }
    }
    Ok(())
}

fn walk(
    root: &Path,
    rel: &Path,
    depth: usize,
    files: &mut Vec<(PathBuf, Vec<u8>)>,
    notes: &mut Vec<String>,
) {
    let entries = match std::fs::read_dir(root.join(rel)) {
        Ok(entries) => entries,
        Err(error) => {
            notes.push(format!("cannot read {}: {error}", rel.display()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = rel.join(entry.file_name());
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            notes.push(format!("cannot read {}", path.display()));
            continue;
        };
        if meta.file_type().is_symlink() {
            notes.push(format!(
                "left out {}: a symbolic link, which grading never follows",
                path.display()
            ));
        } else if meta.is_dir() {
            if depth < MAX_DEPTH {
                walk(root, &path, depth + 1, files, notes);
            } else {
                notes.push(format!("left out {}: nested too deeply", path.display()));
            }
        } else if !meta.is_file() {
            notes.push(format!("left out {}: not a regular file", path.display()));
        } else if meta.len() > MAX_FILE_BYTES {
            notes.push(format!(
                "left out {}: {} bytes, more than the {MAX_FILE_BYTES} a source file may have",
                path.display(),
                meta.len()
            ));
        } else if files.len() >= MAX_FILES {
            notes.push(format!(
                "left out {}: more than {MAX_FILES} files in one day",
                path.display()
            ));
        } else {
            match std::fs::read(entry.path()) {
                Ok(bytes) => files.push((path, bytes)),
                Err(error) => notes.push(format!("cannot read {}: {error}", path.display())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn takes_the_sources_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "exercises/d1/src/lib.rs", "pub mod a;");
        write(root, "exercises/d1/src/a.rs", "pub fn f() {}");
        write(root, "exercises/d1/src/util/mod.rs", "");
        write(root, "exercises/d1/Cargo.toml", "[package]");
        let taken = take(root, Path::new("exercises/d1/src"));
        let files: Vec<String> = taken
            .files
            .unwrap()
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect();
        assert_eq!(
            files,
            [
                "exercises/d1/src/a.rs",
                "exercises/d1/src/lib.rs",
                "exercises/d1/src/util/mod.rs"
            ]
        );
        assert!(taken.notes.is_empty(), "{:?}", taken.notes);
    }

    #[cfg(unix)]
    #[test]
    fn never_follows_symbolic_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("student");
        write(dir.path(), "secret.rs", "pub fn answer() {}");
        write(&root, "exercises/d1/src/lib.rs", "pub mod a;");
        std::os::unix::fs::symlink(
            dir.path().join("secret.rs"),
            root.join("exercises/d1/src/a.rs"),
        )
        .unwrap();
        let taken = take(&root, Path::new("exercises/d1/src"));
        assert_eq!(taken.files.unwrap().len(), 1, "only lib.rs");
        assert!(
            taken.notes[0].contains("symbolic link"),
            "{:?}",
            taken.notes
        );

        std::os::unix::fs::symlink(root.join("exercises/d1"), root.join("exercises/d2")).unwrap();
        let taken = take(&root, Path::new("exercises/d2/src"));
        assert!(taken.files.is_none());
        assert!(taken.notes[0].contains("exercises/d2 is a symbolic link"));
    }

    #[test]
    fn a_missing_crate_or_lib_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let taken = take(dir.path(), Path::new("exercises/d1/src"));
        assert!(taken.files.is_none());
        assert_eq!(taken.notes, ["exercises is missing"]);
        write(dir.path(), "exercises/d1/src/a.rs", "");
        let taken = take(dir.path(), Path::new("exercises/d1/src"));
        assert!(taken.files.is_none());
        assert_eq!(taken.notes, ["exercises/d1/src/lib.rs is missing"]);
    }

    #[test]
    fn oversized_files_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "exercises/d1/src/lib.rs", "");
        let big = "x".repeat(MAX_FILE_BYTES as usize + 1);
        write(dir.path(), "exercises/d1/src/big.rs", &big);
        let taken = take(dir.path(), Path::new("exercises/d1/src"));
        assert_eq!(taken.files.unwrap().len(), 1);
        assert!(taken.notes[0].contains("left out exercises/d1/src/big.rs"));
    }
}
