//! The grading overlay: a scratch copy of the course in which only the student's own files
//! come from their repository.
//!
//! Grading a submission reads nothing else of it: `course.toml`, the manifests, the hidden
//! tests and the build configuration come from the pristine copy (the instructor's), and the
//! student's `exercises/<day>/src/**` files are laid over them. Editing a test or a manifest
//! in a submission therefore changes nothing.
//!
//! The overlay lives in the checker's target directory and is reused: laying the next
//! submission rewrites only the files that differ, so cargo rebuilds just the student crates
//! that changed and compiles the dependencies once for a whole roster.

mod pristine;
mod sources;

use anyhow::Context;
use std::path::{Path, PathBuf};

use crate::course::{Course, Day, MANIFEST, parts};
use crate::grading::Settings;
use crate::tree::{self, Content, Plan, workspace};

pub use pristine::Pristine;

/// The scratch directory, inside the checker's target directory.
const OVERLAY_DIR: &str = "overlay";

/// The overlay's own target directory, inside it. Not the checker's: cargo keys its
/// fingerprints by paths relative to the workspace, so two workspaces with the same layout
/// in one target directory could take each other's builds for their own.
const OVERLAY_TARGET: &str = "target";

/// What cargo writes into the overlay, which syncing leaves alone.
const CARGOS_OWN: &[&str] = &[OVERLAY_TARGET, "Cargo.lock"];

/// What the overlay takes from the pristine copy besides the workspace members.
const PRISTINE_FILES: &[&str] = &["Cargo.toml", "Cargo.lock", MANIFEST, ".cargo", ".config"];

/// Members that grading never builds: the solutions, and the checker itself.
const NOT_BUILT: &[&str] = &[parts::SOLUTIONS_DIR, "checker"];

/// One day's sources, as a submission gave them (or the original stubs in their place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySources {
    pub day: u32,
    /// Paths relative to the course root, with their bytes, sorted by path.
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

/// Everything taken from one submission.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub days: Vec<DaySources>,
    /// What was not taken, and why: for the student and the grader.
    pub notes: Vec<String>,
}

/// A course copy to grade submissions in.
pub struct Overlay {
    dir: PathBuf,
    /// The pristine tree, with the original stubs in every `exercises/<day>/src`.
    base: Plan,
    /// The course as loaded from the overlay.
    course: Course,
}

impl Overlay {
    /// Builds the overlay of `pristine` in `target_dir`, with the original stubs.
    pub fn new(pristine: &Pristine, target_dir: &Path) -> anyhow::Result<Overlay> {
        let base = base_plan(pristine)?;
        let dir = target_dir.join(OVERLAY_DIR);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("failed to create {}", dir.display()))?;
        // Cargo reports canonical paths; grading compares them with the course root.
        let dir = dir
            .canonicalize()
            .with_context(|| format!("failed to open {}", dir.display()))?;
        tree::write::sync(&base, &dir, CARGOS_OWN)?;
        let course = Course::load(&dir)
            .with_context(|| format!("the grading copy in {} is not a course", dir.display()))?;
        Ok(Overlay { dir, base, course })
    }

    /// The course to grade: the overlay, with whatever was laid last.
    pub fn course(&self) -> &Course {
        &self.course
    }

    /// `settings` for grading in the overlay: its own target directory, and the pristine
    /// course's time limit (not the one a submission's `course.toml` may claim).
    pub fn settings(&self, settings: &Settings) -> Settings {
        Settings {
            target_dir: self.dir.join(OVERLAY_TARGET),
            test_timeout: Settings::for_course(&self.course).test_timeout,
            ..settings.clone()
        }
    }

    /// The sources of `submission` (a checkout of the course), day by day; a day whose crate
    /// cannot be taken (no `src/lib.rs`) gets the original stubs, with a note.
    pub fn read(&self, submission: &Path) -> anyhow::Result<Submitted> {
        let mut submitted = Submitted {
            days: Vec::new(),
            notes: Vec::new(),
        };
        for day in &self.course.days {
            let taken = sources::take(submission, &src_dir(day));
            submitted.notes.extend(taken.notes);
            let mut files = match taken.files {
                Some(files) => files,
                None => {
                    submitted
                        .notes
                        .push(format!("day {} was graded as the original stubs", day.day));
                    self.stubs(day)?
                }
            };
            files.sort();
            submitted.days.push(DaySources {
                day: day.day,
                files,
            });
        }
        Ok(submitted)
    }

    /// The course as published: the original stubs of every day.
    pub fn originals(&self) -> anyhow::Result<Submitted> {
        let days = self
            .course
            .days
            .iter()
            .map(|day| {
                Ok(DaySources {
                    day: day.day,
                    files: self.stubs(day)?,
                })
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Submitted {
            days,
            notes: Vec::new(),
        })
    }

    /// The original stubs of `day`, as laid by default.
    fn stubs(&self, day: &Day) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
        let src = src_dir(day);
        let mut files = Vec::new();
        for (path, content) in self.base.files().filter(|(p, _)| p.starts_with(&src)) {
            files.push((path.to_path_buf(), content.bytes()?));
        }
        Ok(files)
    }

    /// Lays `submitted` over the pristine copy, rewriting only the files that changed.
    pub fn lay(&mut self, submitted: &Submitted) -> anyhow::Result<()> {
        let mut plan = self.base.clone();
        for sources in &submitted.days {
            if let Some(day) = self.course.day(sources.day) {
                plan.remove_tree(&src_dir(day));
            }
            for (path, bytes) in &sources.files {
                plan.insert(path, Content::Data(bytes.clone()));
            }
        }
        tree::write::sync(&plan, &self.dir, CARGOS_OWN)?;
        Ok(())
    }
}

fn src_dir(day: &Day) -> PathBuf {
    day.exercise_dir().join("src")
}

/// The pristine course, trimmed to what grading builds.
fn base_plan(pristine: &Pristine) -> anyhow::Result<Plan> {
    let root = &pristine.course_root;
    let course = Course::load(root)?;
    let mut plan = Plan::default();
    for name in PRISTINE_FILES {
        plan.add_tree(Path::new(name), &root.join(name))?;
    }
    for top in workspace::member_top_dirs(root)? {
        if !NOT_BUILT.contains(&top.as_str()) && top != parts::TESTS_DIR {
            plan.add_tree(Path::new(&top), &root.join(&top))?;
        }
    }
    plan.add_tree(Path::new(parts::TESTS_DIR), &pristine.tests)?;

    let required: Vec<PathBuf> = course
        .days
        .iter()
        .flat_map(|day| [day.exercise_dir(), day.tests_dir(), day.graded_dir()])
        .collect();
    let rules = workspace::Rules {
        required: &required,
        extra_members: parts::HIDDEN_TEST_MEMBERS,
    };
    workspace::trim(&mut plan, &rules)?;
    Ok(plan)
}

/// For `grade --tests DIR`: the overlay of the instructor's copy in `tests_dir`, with the
/// student's sources from `course`, ready to grade. Notes go to stderr.
pub fn with_tests_from(
    course: &Course,
    tests_dir: &Path,
    target_dir: &Path,
) -> anyhow::Result<Overlay> {
    let pristine = Pristine::locate(tests_dir, course)?;
    let mut overlay = Overlay::new(&pristine, target_dir)?;
    let submitted = overlay.read(&course.root)?;
    for note in &submitted.notes {
        anstream::eprintln!("note: {note}");
    }
    overlay.lay(&submitted)?;
    Ok(overlay)
}
