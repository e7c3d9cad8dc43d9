//! Everything watch mode reacts to arrives as one [`WatchEvent`] on one channel.

use std::path::PathBuf;

use crate::verdict::ExerciseVerdict;

/// What the student asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// `h`: show the next hint.
    Hint,
    /// `l`: the list of exercises.
    List,
    /// `n`: go on to the next exercise (once the current one passes).
    Next,
    /// `r`: check again.
    Rerun,
    /// `x`: reset the exercise to its stub (asks first).
    Reset,
    /// `y` / `n` answers while a question is open.
    Yes,
    No,
    /// `q` or Ctrl-C.
    Quit,
    /// Anything else: show the keys again.
    Other,
}

impl Input {
    /// The input for a typed key.
    pub fn from_char(c: char) -> Input {
        match c.to_ascii_lowercase() {
            'h' => Input::Hint,
            'l' => Input::List,
            'n' => Input::Next,
            'r' => Input::Rerun,
            'x' => Input::Reset,
            'y' => Input::Yes,
            'q' => Input::Quit,
            _ => Input::Other,
        }
    }
}

#[derive(Debug)]
pub enum WatchEvent {
    Input(Input),
    /// The student's input ended (stdin closed in headless mode).
    InputClosed,
    /// A file event (already debounced) for this `.rs` file.
    FileChanged(PathBuf),
    /// The polling safety net saw this file change on disk.
    Polled(PathBuf),
    /// A check finished.
    RunFinished(Result<Box<ExerciseVerdict>, String>),
}
