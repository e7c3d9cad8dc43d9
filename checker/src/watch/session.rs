//! Watch mode as a state machine: events in, effects out.
//!
//! The session decides; the driver (`commands/watch.rs`) does — starts checks, writes files,
//! draws. Keeping the two apart lets the tests feed events and read effects, with no terminal,
//! no file watcher and no clock.

use std::path::{Path, PathBuf};

use super::events::{Input, WatchEvent};
use crate::course::{Course, Exercise};
use crate::state::State;
use crate::verdict::ExerciseVerdict;

/// What the driver must do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Check this exercise (the driver reports back with `RunFinished`).
    StartRun(String),
    /// Persist the state.
    Save,
    /// Restore this exercise's stub, then check it.
    ResetFile(String),
    /// Show the exercise list; the driver may call [`Session::select`].
    ShowList,
    /// Redraw the screen.
    Draw,
    /// Leave watch mode.
    Quit,
}

/// A question waiting for y/n.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Reset,
}

/// What the screen shows besides the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The exercise passed; `n` moves on.
    Passed,
    /// The student pressed `n` too early.
    NotDoneYet,
    /// Every exercise of this day is done.
    DayDone(u32),
    /// Every exercise is done.
    CourseDone,
    /// The stub was restored.
    WasReset,
    /// Free text (a problem the driver ran into).
    Text(String),
}

pub struct Session<'a> {
    course: &'a Course,
    pub state: State,
    /// A check is running.
    pub running: bool,
    /// A save (or `r`) came in while a check was running: check again when it ends.
    rerun_queued: bool,
    /// Fingerprint of the current file when its latest check started.
    checked_fingerprint: Option<u64>,
    pub verdict: Option<ExerciseVerdict>,
    pub notice: Option<Notice>,
    pub question: Option<Question>,
    /// Set once the poller saw a save that file events missed.
    pub events_missed: bool,
}

impl<'a> Session<'a> {
    pub fn new(course: &'a Course, state: State) -> Self {
        Session {
            course,
            state,
            running: false,
            rerun_queued: false,
            checked_fingerprint: None,
            verdict: None,
            notice: None,
            question: None,
            events_missed: false,
        }
    }

    pub fn current(&self) -> &'a Exercise {
        self.course
            .find(&self.state.current)
            .unwrap_or(&self.course.exercises[0])
    }

    /// How many hints of the current exercise are shown.
    pub fn hints_shown(&self) -> usize {
        self.state
            .hints_shown
            .get(&self.state.current)
            .copied()
            .unwrap_or(0)
    }

    /// The first check, when watch mode starts.
    pub fn start(&mut self) -> Vec<Effect> {
        self.request_run()
    }

    /// Called by the driver as a check starts, with the file's fingerprint then.
    pub fn run_started(&mut self, fingerprint: Option<u64>) {
        self.checked_fingerprint = fingerprint;
    }

    /// Reacts to one event. `fingerprint` reads a file's current content fingerprint.
    pub fn handle(
        &mut self,
        event: WatchEvent,
        fingerprint: impl Fn(&Path) -> Option<u64>,
    ) -> Vec<Effect> {
        match event {
            WatchEvent::Input(input) => self.input(input),
            WatchEvent::InputClosed => vec![Effect::Quit],
            WatchEvent::FileChanged(path) => {
                if self.concerns_current_day(&path) {
                    self.request_run()
                } else {
                    Vec::new()
                }
            }
            WatchEvent::Polled(path) => {
                let is_current = path.ends_with(&self.current().file);
                let unchecked = fingerprint(&path) != self.checked_fingerprint;
                if is_current && unchecked && !self.rerun_queued {
                    self.events_missed = true;
                    self.request_run()
                } else {
                    Vec::new()
                }
            }
            WatchEvent::RunFinished(result) => self.finished(result),
        }
    }

    /// The student picked an exercise in the list.
    pub fn select(&mut self, id: &str) -> Vec<Effect> {
        if id == self.state.current {
            return vec![Effect::Draw];
        }
        self.state.current = id.to_string();
        self.verdict = None;
        self.notice = None;
        let mut effects = vec![Effect::Save];
        effects.extend(self.request_run());
        effects
    }

    fn concerns_current_day(&self, path: &Path) -> bool {
        let day = self.course.day(self.current().day);
        day.is_some_and(|day| {
            let src: PathBuf = day.exercise_dir().join("src");
            path.components()
                .collect::<Vec<_>>()
                .windows(src.components().count())
                .any(|w| w.iter().copied().eq(src.components()))
        })
    }

    fn request_run(&mut self) -> Vec<Effect> {
        if self.running {
            self.rerun_queued = true;
            Vec::new()
        } else {
            self.running = true;
            vec![Effect::StartRun(self.state.current.clone()), Effect::Draw]
        }
    }

    fn finished(&mut self, result: Result<Box<ExerciseVerdict>, String>) -> Vec<Effect> {
        self.running = false;
        let mut effects = Vec::new();
        match result {
            Ok(verdict) if verdict.id == self.state.current => {
                let passed = verdict.passed();
                let was_done = self.state.done.contains(&verdict.id);
                if passed {
                    self.state.done.insert(verdict.id.clone());
                    self.notice = Some(self.notice_after_pass());
                } else {
                    self.state.done.remove(&verdict.id);
                    if matches!(
                        self.notice,
                        Some(Notice::Passed | Notice::DayDone(_) | Notice::CourseDone)
                    ) {
                        self.notice = None;
                    }
                }
                if passed != was_done {
                    effects.push(Effect::Save);
                }
                self.verdict = Some(*verdict);
            }
            // A check of an exercise the student has since left: only its progress counts.
            Ok(verdict) => {
                let changed = if verdict.passed() {
                    self.state.done.insert(verdict.id.clone())
                } else {
                    self.state.done.remove(&verdict.id)
                };
                if changed {
                    effects.push(Effect::Save);
                }
            }
            Err(problem) => self.notice = Some(Notice::Text(problem)),
        }
        if std::mem::take(&mut self.rerun_queued) {
            effects.extend(self.request_run());
        }
        effects.push(Effect::Draw);
        effects
    }

    fn notice_after_pass(&self) -> Notice {
        let day = self.current().day;
        if self.state.all_done(self.course) {
            Notice::CourseDone
        } else if self.state.day_done(self.course, day) {
            Notice::DayDone(day)
        } else {
            Notice::Passed
        }
    }

    fn input(&mut self, input: Input) -> Vec<Effect> {
        if let Some(question) = self.question.take() {
            return match (question, input) {
                (Question::Reset, Input::Yes) => {
                    self.notice = Some(Notice::WasReset);
                    self.state.done.remove(&self.state.current);
                    vec![Effect::ResetFile(self.state.current.clone()), Effect::Save]
                }
                _ => vec![Effect::Draw],
            };
        }
        match input {
            Input::Hint => {
                let count = self.current().hints.len();
                let shown = (self.hints_shown() + 1).min(count);
                self.state
                    .hints_shown
                    .insert(self.state.current.clone(), shown);
                vec![Effect::Save, Effect::Draw]
            }
            Input::Next => self.next(),
            Input::Rerun => {
                let mut effects = self.request_run();
                effects.push(Effect::Draw);
                effects
            }
            Input::Reset => {
                self.question = Some(Question::Reset);
                vec![Effect::Draw]
            }
            Input::List => vec![Effect::ShowList],
            Input::Quit => vec![Effect::Quit],
            Input::Yes | Input::No | Input::Other => vec![Effect::Draw],
        }
    }

    fn next(&mut self) -> Vec<Effect> {
        if !self.state.done.contains(&self.state.current) {
            self.notice = Some(Notice::NotDoneYet);
            return vec![Effect::Draw];
        }
        match self
            .state
            .next_pending(self.course, Some(&self.state.current))
        {
            Some(id) => self.select(&id),
            None => {
                self.notice = Some(Notice::CourseDone);
                vec![Effect::Draw]
            }
        }
    }
}

#[cfg(test)]
mod tests;
