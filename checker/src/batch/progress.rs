//! Progress of a batch: a bar on a terminal, one plain line per student otherwise (CI logs,
//! redirected output).

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

pub enum Progress {
    Bar(ProgressBar),
    Lines { total: usize, done: usize },
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::Lines { total, done: 0 };
        }
        let bar = ProgressBar::new(total as u64);
        let style = ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} {msg}")
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Progress::Bar(bar)
    }

    /// Says what is happening now (a bar's message; nothing in plain lines).
    pub fn working_on(&self, what: &str) {
        if let Progress::Bar(bar) = self {
            bar.set_message(what.to_string());
        }
    }

    /// A line of log, above the bar.
    pub fn say(&self, line: &str) {
        match self {
            Progress::Bar(bar) => bar.println(line),
            Progress::Lines { .. } => anstream::eprintln!("{line}"),
        }
    }

    /// One student graded.
    pub fn graded(&mut self, summary: &str) {
        match self {
            Progress::Bar(bar) => {
                bar.println(summary);
                bar.inc(1);
            }
            Progress::Lines { total, done } => {
                *done += 1;
                anstream::eprintln!("[{done}/{total}] {summary}");
            }
        }
    }

    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
