//! A tree to write: every file's path in the new tree and where its content comes from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a copy of the course could not be planned or written.
#[derive(Debug, thiserror::Error)]
pub enum TreeError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a valid Cargo manifest: {message}", path.display())]
    Manifest { path: PathBuf, message: String },
    #[error(
        "{} would have to be left out, because it needs {}, which this copy does not contain\n\
         (hint: only the solutions and the hidden tests may be left out; make the package \
         independent of them)",
        package.display(),
        needs.display()
    )]
    Required { package: PathBuf, needs: PathBuf },
}

/// Where one file of a planned tree comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// A file on disk, copied byte for byte when the tree is written.
    Copy(PathBuf),
    /// Bytes already in memory: a rewritten manifest, or a file read from a submission.
    Data(Vec<u8>),
}

impl Content {
    pub fn bytes(&self) -> Result<Vec<u8>, TreeError> {
        match self {
            Content::Copy(path) => std::fs::read(path).map_err(|source| TreeError::Read {
                path: path.clone(),
                source,
            }),
            Content::Data(bytes) => Ok(bytes.clone()),
        }
    }
}

/// The files of a tree, by their path relative to its root.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    files: BTreeMap<PathBuf, Content>,
}

impl Plan {
    pub fn insert(&mut self, path: impl Into<PathBuf>, content: Content) {
        self.files.insert(path.into(), content);
    }

    pub fn get(&self, path: &Path) -> Option<&Content> {
        self.files.get(path)
    }

    pub fn contains(&self, path: &Path) -> bool {
        self.files.contains_key(path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn files(&self) -> impl Iterator<Item = (&Path, &Content)> {
        self.files
            .iter()
            .map(|(path, content)| (path.as_path(), content))
    }

    /// The directories holding a `Cargo.toml`, the root excluded.
    pub fn package_dirs(&self) -> Vec<PathBuf> {
        self.files
            .keys()
            .filter(|path| path.file_name().is_some_and(|name| name == "Cargo.toml"))
            .filter_map(|path| path.parent())
            .filter(|dir| !dir.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .collect()
    }

    /// Removes every file at or under `path`.
    pub fn remove_tree(&mut self, path: &Path) {
        self.files.retain(|file, _| !file.starts_with(path));
    }

    /// Adds the file or directory `source` (a trusted tree: the instructor's) as `path`,
    /// leaving out build output, version control and editor leftovers. A missing `source`
    /// adds nothing.
    pub fn add_tree(&mut self, path: &Path, source: &Path) -> Result<(), TreeError> {
        let metadata = match std::fs::metadata(source) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source_error) => {
                return Err(TreeError::Read {
                    path: source.to_path_buf(),
                    source: source_error,
                });
            }
        };
        if metadata.is_file() {
            self.insert(path, Content::Copy(source.to_path_buf()));
            return Ok(());
        }
        if !metadata.is_dir() || is_build_output(source) {
            return Ok(());
        }
        let entries = std::fs::read_dir(source).map_err(|error| TreeError::Read {
            path: source.to_path_buf(),
            source: error,
        })?;
        for entry in entries {
            let entry = entry.map_err(|error| TreeError::Read {
                path: source.to_path_buf(),
                source: error,
            })?;
            let name = entry.file_name();
            if is_leftover(&name.to_string_lossy()) {
                continue;
            }
            self.add_tree(&path.join(&name), &entry.path())?;
        }
        Ok(())
    }
}

/// Cargo marks its target directories with a `CACHEDIR.TAG`.
fn is_build_output(dir: &Path) -> bool {
    dir.join("CACHEDIR.TAG").is_file()
}

/// Files no copy of the course should carry: version control, the student's progress,
/// editor backups.
fn is_leftover(name: &str) -> bool {
    const NAMES: &[&str] = &[".git", ".gradlings-state.json", ".DS_Store"];
    NAMES.contains(&name) || name.ends_with('~') || name.ends_with(".swp")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_tree_skips_build_output_and_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "src/lib.rs",
            "src/a.rs~",
            "target/CACHEDIR.TAG",
            "target/x",
            ".git/HEAD",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        let mut plan = Plan::default();
        plan.add_tree(Path::new("crate"), root).unwrap();
        let files: Vec<&Path> = plan.files().map(|(path, _)| path).collect();
        assert_eq!(files, [Path::new("crate/src/lib.rs")]);
    }

    #[test]
    fn remove_tree_removes_only_that_subtree() {
        let mut plan = Plan::default();
        for file in ["a/src/x.rs", "a/src2/y.rs", "a/Cargo.toml"] {
            plan.insert(file, Content::Data(Vec::new()));
        }
        plan.remove_tree(Path::new("a/src"));
        assert!(plan.contains(Path::new("a/src2/y.rs")));
        assert!(!plan.contains(Path::new("a/src/x.rs")));
        assert_eq!(plan.package_dirs(), [PathBuf::from("a")]);
    }
}
