//! `--format human`: a per-day table with the feedback of what is not done yet.

use anstyle::{AnsiColor, Style};
use std::fmt::Write;

use super::{Format, GradeRun};
use crate::feedback;
use crate::verdict::{ExerciseVerdict, Status};

pub struct Human {
    /// Show the full feedback of failing exercises, not only the headline.
    pub details: bool,
}

const PASS: Style = AnsiColor::Green.on_default();
const FAIL: Style = AnsiColor::Red.on_default();
const TIMEOUT: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

pub fn mark(status: Status) -> (Style, &'static str) {
    match status {
        Status::Pass => (PASS, "✓"),
        Status::Fail => (FAIL, "✗"),
        Status::Error => (FAIL, "!"),
        Status::Timeout => (TIMEOUT, "⏱"),
    }
}

impl Format for Human {
    fn render(&self, run: &GradeRun) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{BOLD}{}{BOLD:#}", run.course_title);
        for (day, title, summary) in &run.days {
            let verdicts: Vec<&ExerciseVerdict> =
                run.verdicts.iter().filter(|v| v.day == *day).collect();
            if verdicts.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{BOLD}Day {day} — {title}{BOLD:#}");
            for verdict in &verdicts {
                self.exercise(&mut out, verdict);
            }
            if verdicts.iter().all(|v| v.passed()) {
                let _ = writeln!(out, "  {PASS}Day {day} done.{PASS:#} {DIM}{summary}{DIM:#}");
            }
        }
        let passed = run.verdicts.iter().filter(|v| v.passed()).count();
        let _ = writeln!(
            out,
            "\n{BOLD}{} / {} points{BOLD:#} · {passed} of {} exercises done",
            run.score(),
            run.max_score(),
            run.verdicts.len()
        );
        out
    }
}

impl Human {
    fn exercise(&self, out: &mut String, verdict: &ExerciseVerdict) {
        let (style, symbol) = mark(verdict.status);
        let _ = writeln!(
            out,
            "  {style}{symbol}{style:#} {:<5} {:<38} {:>3}/{:<3} {DIM}{}{DIM:#}",
            verdict.id,
            verdict.title,
            verdict.score,
            verdict.max_score,
            feedback::headline(verdict)
        );
        let worth_explaining = !verdict.passed() && !verdict.not_started();
        if self.details && worth_explaining {
            let _ = writeln!(
                out,
                "{}\n",
                feedback::indent(&feedback::explain(verdict), "        ")
            );
        }
    }
}
