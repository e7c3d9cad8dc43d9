//! `--format markdown`: one student's feedback, for a pull-request comment, a job summary or
//! a file handed back after roster grading.
//!
//! The title and total, then a table per day (status, exercise, points, a one-line reason),
//! then the full feedback of every exercise not passed, folded in a `<details>` block so a
//! long compiler error does not bury the table.

use std::fmt::Write;

use super::{Format, GradeRun};
use crate::feedback;
use crate::grading::Source;
use crate::verdict::{ExerciseVerdict, Status};

pub struct Markdown;

impl Format for Markdown {
    fn render(&self, run: &GradeRun) -> String {
        let mut out = String::new();
        let source = match run.source {
            Source::Student => "",
            Source::Solutions => " (solutions)",
        };
        let _ = writeln!(out, "# {}{source}\n", inline(run.course_title));
        let passed = run.verdicts.iter().filter(|v| v.passed()).count();
        let _ = writeln!(
            out,
            "**{} / {} points** · {passed} of {} exercises done",
            run.score(),
            run.max_score(),
            run.verdicts.len()
        );
        for (day, title, summary) in &run.days {
            let verdicts: Vec<&ExerciseVerdict> =
                run.verdicts.iter().filter(|v| v.day == *day).collect();
            if !verdicts.is_empty() {
                day_section(&mut out, *day, title, summary, &verdicts);
            }
        }
        out
    }
}

fn day_section(
    out: &mut String,
    day: u32,
    title: &str,
    summary: &str,
    verdicts: &[&ExerciseVerdict],
) {
    let _ = writeln!(out, "\n## Day {day} — {}\n", inline(title));
    let _ = writeln!(out, "| | Exercise | Points | Result |");
    let _ = writeln!(out, "|:-:|---|--:|---|");
    for verdict in verdicts {
        let _ = writeln!(
            out,
            "| {} | {} {} | {} / {} | {} |",
            emoji(verdict),
            verdict.id,
            inline(&verdict.title),
            verdict.score,
            verdict.max_score,
            inline(&feedback::headline(verdict))
        );
    }
    if verdicts.iter().all(|v| v.passed()) {
        let _ = writeln!(out, "\n**Day {day} done.** {}", inline(summary));
    }
    for verdict in verdicts.iter().filter(|v| !v.passed()) {
        let _ = writeln!(
            out,
            "\n<details>\n<summary>{} {} {} — {}</summary>\n\n{}\n</details>",
            emoji(verdict),
            verdict.id,
            html(&verdict.title),
            html(&feedback::headline(verdict)),
            fenced(&feedback::explain(verdict))
        );
    }
}

/// The status at a glance; an exercise still at its `todo!()` is "to do", not "wrong".
fn emoji(verdict: &ExerciseVerdict) -> &'static str {
    match verdict.status {
        Status::Pass => "✅",
        Status::Fail if verdict.not_started() => "⬜",
        Status::Fail => "❌",
        Status::Error => "⚠️",
        Status::Timeout => "⏱️",
    }
}

/// Text for a table cell or heading: one line, no table breaks, no HTML.
fn inline(text: &str) -> String {
    html(&text.replace('\n', " ")).replace('|', "\\|")
}

fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A fenced block that no run of backticks inside `text` can close early.
fn fenced(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    format!("{fence}text\n{}\n{fence}\n", text.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    #[test]
    fn renders_a_table_per_day_and_folds_the_feedback() {
        let verdicts = samples::verdicts();
        let text = Markdown.render(&samples::run(&verdicts));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn fences_outgrow_the_backticks_inside() {
        assert_eq!(fenced("a ``` b"), "````text\na ``` b\n````\n");
        assert_eq!(fenced("`x`"), "```text\n`x`\n```\n");
    }

    #[test]
    fn cells_stay_on_one_line_without_breaking_the_table() {
        assert_eq!(inline("a | b\n<c>"), "a \\| b &lt;c&gt;");
    }
}
