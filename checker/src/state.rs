//! The student's progress: the current exercise, the ones done, the hints seen.
//!
//! Stored as JSON in `.gradlings-state.json` at the course root and written atomically
//! (a temporary file renamed over the old one), so a crash mid-write never leaves half a file.
//! A missing or unreadable file is never fatal: the caller is told why, and rebuilds the
//! state from a fresh check of the exercises (up to the first unfinished day).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::course::Course;

pub const STATE_FILE: &str = ".gradlings-state.json";
const FORMAT_VERSION: u32 = 1;

/// What the checker remembers between runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub format_version: u32,
    /// The id of the exercise the student is on.
    pub current: String,
    /// Ids of the exercises that passed.
    pub done: BTreeSet<String>,
    /// How many hints of each exercise have been shown.
    #[serde(default)]
    pub hints_shown: BTreeMap<String, usize>,
}

/// Why the saved state could not be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LoadProblem {
    /// No state yet (first run, or the file was deleted).
    Missing,
    /// The file exists but is not a state this checker can read.
    Corrupt(String),
}

impl State {
    /// A state at the first not-done exercise.
    pub fn fresh(course: &Course, done: BTreeSet<String>) -> State {
        let mut state = State {
            format_version: FORMAT_VERSION,
            current: String::new(),
            done,
            hints_shown: BTreeMap::new(),
        };
        state.current = state.next_pending(course, None).unwrap_or_else(|| {
            course
                .exercises
                .last()
                .map(|e| e.id.clone())
                .unwrap_or_default()
        });
        state
    }

    pub fn path(course: &Course) -> PathBuf {
        course.root.join(STATE_FILE)
    }

    /// Loads the saved state, checked against the course: unknown ids are dropped, an unknown
    /// current exercise moves to the first pending one.
    pub fn load(course: &Course) -> Result<State, LoadProblem> {
        let path = State::path(course);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(LoadProblem::Missing);
            }
            Err(error) => return Err(LoadProblem::Corrupt(error.to_string())),
        };
        let mut state: State =
            serde_json::from_str(&text).map_err(|e| LoadProblem::Corrupt(e.to_string()))?;
        if state.format_version != FORMAT_VERSION {
            return Err(LoadProblem::Corrupt(format!(
                "format_version {} (expected {FORMAT_VERSION})",
                state.format_version
            )));
        }
        let known: BTreeSet<&str> = course.exercises.iter().map(|e| e.id.as_str()).collect();
        state.done.retain(|id| known.contains(id.as_str()));
        state
            .hints_shown
            .retain(|id, _| known.contains(id.as_str()));
        if !known.contains(state.current.as_str()) {
            state.current = state
                .next_pending(course, None)
                .unwrap_or_else(|| course.exercises[0].id.clone());
        }
        Ok(state)
    }

    /// Writes the state atomically.
    pub fn save(&self, course: &Course) -> std::io::Result<()> {
        let path = State::path(course);
        let temporary = path.with_extension("json.tmp");
        let text = serde_json::to_string_pretty(self).expect("plain data serialises");
        std::fs::write(&temporary, text + "\n")?;
        std::fs::rename(&temporary, &path)
    }

    /// The first exercise not done, after `after` (wrapping around), if any.
    pub fn next_pending(&self, course: &Course, after: Option<&str>) -> Option<String> {
        let start = after
            .and_then(|id| course.exercises.iter().position(|e| e.id == id))
            .map_or(0, |i| i + 1);
        let count = course.exercises.len();
        (0..count)
            .map(|k| &course.exercises[(start + k) % count])
            .find(|e| !self.done.contains(&e.id))
            .map(|e| e.id.clone())
    }

    pub fn all_done(&self, course: &Course) -> bool {
        course.exercises.iter().all(|e| self.done.contains(&e.id))
    }

    pub fn day_done(&self, course: &Course, day: u32) -> bool {
        course
            .exercises_of_day(day)
            .all(|e| self.done.contains(&e.id))
    }

    /// Points of the exercises done.
    pub fn points(&self, course: &Course) -> u32 {
        course
            .exercises
            .iter()
            .filter(|e| self.done.contains(&e.id))
            .map(|e| e.points)
            .sum()
    }
}

/// The message shown when the state had to be rebuilt.
pub fn describe(problem: &LoadProblem, path: &Path) -> String {
    match problem {
        LoadProblem::Missing => format!(
            "No progress saved yet ({}): checking the exercises to find where you are…",
            path.display()
        ),
        LoadProblem::Corrupt(why) => format!(
            "Your progress file {} could not be read ({why}); rebuilding it from a fresh check \
             of the exercises…",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(dir: &Path) -> Course {
        crate::course::sample(dir, &[(1, "a"), (1, "b"), (1, "c")])
    }

    #[test]
    fn round_trips_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let course = course(dir.path());
        let state = State::fresh(&course, BTreeSet::from(["1.a".to_string()]));
        assert_eq!(state.current, "1.b");
        state.save(&course).unwrap();
        assert_eq!(State::load(&course).unwrap(), state);
        assert!(!dir.path().join(".gradlings-state.json.tmp").exists());
    }

    #[test]
    fn missing_and_corrupt_files_are_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let course = course(dir.path());
        assert_eq!(State::load(&course), Err(LoadProblem::Missing));
        std::fs::write(State::path(&course), "{ not json").unwrap();
        assert!(matches!(State::load(&course), Err(LoadProblem::Corrupt(_))));
        std::fs::write(State::path(&course), "").unwrap();
        assert!(matches!(State::load(&course), Err(LoadProblem::Corrupt(_))));
    }

    #[test]
    fn unknown_ids_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let course = course(dir.path());
        let text = r#"{"format_version":1,"current":"9.9","done":["1.a","9.9"]}"#;
        std::fs::write(State::path(&course), text).unwrap();
        let state = State::load(&course).unwrap();
        assert_eq!(state.done, BTreeSet::from(["1.a".to_string()]));
        assert_eq!(state.current, "1.b");
    }

    #[test]
    fn next_pending_wraps_around() {
        let dir = tempfile::tempdir().unwrap();
        let course = course(dir.path());
        let state = State::fresh(&course, BTreeSet::from(["1.b".to_string()]));
        assert_eq!(
            state.next_pending(&course, Some("1.a")).as_deref(),
            Some("1.c")
        );
        assert_eq!(
            state.next_pending(&course, Some("1.c")).as_deref(),
            Some("1.a")
        );
        let all = State::fresh(&course, ["1.a", "1.b", "1.c"].map(String::from).into());
        assert!(all.all_done(&course));
        assert_eq!(all.next_pending(&course, None), None);
    }
}
