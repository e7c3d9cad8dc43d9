//! Building test binaries with cargo, one build for every day at once.
//!
//! `cargo build --tests --keep-going --message-format json` compiles all requested crates,
//! carrying on past a crate that fails, so a compile error in one day never stops another
//! day from being graded. The JSON messages tell which test executables were built and which
//! errors belong to which package.

use anyhow::{Context, bail};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::process::{self, Exit};

/// A test executable cargo built.
#[derive(Debug, Clone)]
pub struct Executable {
    /// The manifest of the package it belongs to.
    pub manifest: PathBuf,
    /// The target's name: the crate name for unit tests, the file stem for integration tests.
    pub target: String,
    /// True for the unit tests of a library.
    pub is_lib: bool,
    pub path: PathBuf,
}

/// A compiler error.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// The manifest of the package that failed.
    pub manifest: PathBuf,
    /// The message as rustc prints it.
    pub rendered: String,
    /// The file of the primary span, relative to the workspace root, if any.
    pub file: Option<PathBuf>,
    /// The line of the primary span.
    pub line: Option<usize>,
}

/// Everything one build produced.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub executables: Vec<Executable>,
    pub errors: Vec<CompileError>,
    /// Cargo's own error output when it failed before compiling (a broken manifest, a
    /// missing dependency).
    pub cargo_stderr: String,
}

impl BuildReport {
    pub fn executable(&self, manifest: &Path, is_lib: bool, target: &str) -> Option<&Executable> {
        self.executables
            .iter()
            .find(|e| e.manifest == manifest && e.is_lib == is_lib && e.target == target)
    }

    pub fn errors_of(&self, manifest: &Path) -> impl Iterator<Item = &CompileError> {
        let manifest = manifest.to_path_buf();
        self.errors.iter().filter(move |e| e.manifest == manifest)
    }
}

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildPlan {
    pub workspace: PathBuf,
    pub target_dir: PathBuf,
    pub packages: Vec<String>,
    /// `package/feature` entries.
    pub features: Vec<String>,
    /// The longest a build may take before it is stopped.
    pub timeout: Duration,
}

/// Runs the build and collects executables and errors. Fails only if cargo itself could not
/// run or was stopped; compile errors are part of the report.
pub fn build(plan: &BuildPlan) -> anyhow::Result<BuildReport> {
    let mut command = Command::new(cargo());
    command
        .current_dir(&plan.workspace)
        .args([
            "build",
            "--tests",
            "--keep-going",
            "--message-format",
            "json",
        ])
        .arg("--target-dir")
        .arg(&plan.target_dir);
    for package in &plan.packages {
        command.args(["--package", package]);
    }
    if !plan.features.is_empty() {
        command.args(["--features", &plan.features.join(",")]);
    }
    let done = process::run(command, plan.timeout).context("failed to run `cargo build`")?;
    if done.exit == Exit::TimedOut {
        bail!(
            "`cargo build` did not finish within {} s (hint: a first build downloads and \
             compiles dependencies; run the command again once it has finished)",
            plan.timeout.as_secs()
        );
    }
    let mut report = parse_messages(&done.stdout, &plan.workspace);
    let compiled_nothing = report.executables.is_empty() && report.errors.is_empty();
    if done.exit != Exit::Code(0) && compiled_nothing {
        report.cargo_stderr = done.stderr;
    }
    Ok(report)
}

/// The cargo that runs us (`cargo checker`), else the one on PATH.
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

#[derive(Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
enum CargoMessage {
    CompilerArtifact {
        manifest_path: PathBuf,
        target: Target,
        profile: Profile,
        executable: Option<PathBuf>,
    },
    CompilerMessage {
        manifest_path: PathBuf,
        message: Diagnostic,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
struct Target {
    name: String,
    kind: Vec<String>,
}

#[derive(Deserialize)]
struct Profile {
    test: bool,
}

#[derive(Deserialize)]
struct Diagnostic {
    level: String,
    rendered: Option<String>,
    spans: Vec<Span>,
}

#[derive(Deserialize)]
struct Span {
    file_name: PathBuf,
    #[serde(default)]
    is_primary: bool,
    line_start: usize,
    /// Set when the span lies in a macro's expansion: where the macro was called.
    #[serde(default)]
    expansion: Option<Box<Expansion>>,
}

#[derive(Deserialize)]
struct Expansion {
    span: Span,
}

impl Span {
    /// This span, or for an error inside a macro from a dependency (whose file is in the
    /// cargo registry), the call site in the course that expanded it.
    fn in_course(&self, workspace: &Path) -> &Span {
        let mut span = self;
        loop {
            let inside = span.file_name.is_relative() || span.file_name.starts_with(workspace);
            match &span.expansion {
                Some(expansion) if !inside => span = &expansion.span,
                _ if inside => return span,
                _ => return self,
            }
        }
    }
}

/// Parses cargo's JSON lines; lines that are not cargo messages are skipped.
pub fn parse_messages(stdout: &str, workspace: &Path) -> BuildReport {
    let mut report = BuildReport::default();
    for line in stdout.lines() {
        let Ok(message) = serde_json::from_str::<CargoMessage>(line) else {
            continue;
        };
        match message {
            CargoMessage::CompilerArtifact {
                manifest_path,
                target,
                profile,
                executable: Some(path),
            } if profile.test => report.executables.push(Executable {
                manifest: manifest_path,
                is_lib: target.kind.iter().any(|k| k == "lib" || k == "rlib"),
                target: target.name,
                path,
            }),
            CargoMessage::CompilerMessage {
                manifest_path,
                message,
            } if message.level == "error" => {
                let primary = message
                    .spans
                    .iter()
                    .find(|s| s.is_primary)
                    .map(|s| s.in_course(workspace));
                let error = CompileError {
                    manifest: manifest_path,
                    rendered: message.rendered.unwrap_or_default(),
                    file: primary.map(|s| relative_to(&s.file_name, workspace)),
                    line: primary.map(|s| s.line_start),
                };
                // cargo reports an error once per target that includes the file (lib and lib
                // test): keep one copy.
                if !report
                    .errors
                    .iter()
                    .any(|e| e.manifest == error.manifest && e.rendered == error.rendered)
                {
                    report.errors.push(error);
                }
            }
            _ => {}
        }
    }
    report
}

fn relative_to(file: &Path, workspace: &Path) -> PathBuf {
    file.strip_prefix(workspace).unwrap_or(file).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGES: &str = r#"{"reason":"compiler-artifact","package_id":"p","manifest_path":"/c/exercises/day1/Cargo.toml","target":{"kind":["lib"],"crate_types":["lib"],"name":"day1","src_path":"/c/exercises/day1/src/lib.rs"},"profile":{"opt_level":"1","test":true},"features":[],"filenames":[],"executable":"/c/target/debug/deps/day1-abc","fresh":false}
{"reason":"compiler-artifact","package_id":"p","manifest_path":"/c/exercises/day1/Cargo.toml","target":{"kind":["lib"],"name":"day1"},"profile":{"test":false},"executable":null}
{"reason":"compiler-message","package_id":"p","manifest_path":"/c/exercises/day2/Cargo.toml","target":{"kind":["lib"],"name":"day2"},"message":{"level":"error","rendered":"error[E0308]: mismatched types\n","spans":[{"file_name":"exercises/day2/src/a.rs","is_primary":true,"line_start":48}]}}
{"reason":"compiler-message","package_id":"p","manifest_path":"/c/exercises/day2/Cargo.toml","target":{"kind":["lib"],"name":"day2"},"message":{"level":"error","rendered":"error[E0308]: mismatched types\n","spans":[{"file_name":"exercises/day2/src/a.rs","is_primary":true,"line_start":48}]}}
{"reason":"compiler-message","package_id":"p","manifest_path":"/c/exercises/day2/Cargo.toml","target":{"kind":["lib"],"name":"day2"},"message":{"level":"warning","rendered":"warning: unused\n","spans":[]}}
not json at all
{"reason":"build-finished","success":false}"#;

    #[test]
    fn an_error_inside_a_dependencys_macro_is_placed_at_the_call() {
        let line = r#"{"reason":"compiler-message","package_id":"p","manifest_path":"/c/exercises/day2/Cargo.toml","target":{"kind":["lib"],"name":"day2"},"message":{"level":"error","rendered":"error\n","spans":[{"file_name":"/home/u/.cargo/registry/src/ndarray/src/slice.rs","is_primary":true,"line_start":900,"expansion":{"span":{"file_name":"exercises/day2/src/a.rs","is_primary":false,"line_start":12},"macro_decl_name":"s!"}}]}}"#;
        let report = parse_messages(line, Path::new("/c"));
        let error = &report.errors[0];
        assert_eq!(
            error.file.as_deref(),
            Some(Path::new("exercises/day2/src/a.rs"))
        );
        assert_eq!(error.line, Some(12));
    }

    #[test]
    fn collects_test_executables_and_errors() {
        let report = parse_messages(MESSAGES, Path::new("/c"));
        assert_eq!(
            report.executables.len(),
            1,
            "only test-profile artifacts with an executable"
        );
        let exe = &report.executables[0];
        assert!(exe.is_lib);
        assert_eq!(exe.target, "day1");
        assert_eq!(
            report.errors.len(),
            1,
            "warnings skipped, duplicates merged"
        );
        let error = &report.errors[0];
        assert_eq!(
            error.file.as_deref(),
            Some(Path::new("exercises/day2/src/a.rs"))
        );
        assert_eq!(error.line, Some(48));
        assert!(
            report
                .executable(Path::new("/c/exercises/day1/Cargo.toml"), true, "day1")
                .is_some()
        );
    }
}
