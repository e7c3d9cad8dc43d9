//! The command line.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::runner::RunnerChoice;

/// Exercises for "Week 2: Calculus as the Engine of Learning": watch, run, hint, grade.
#[derive(Debug, Parser)]
#[command(name = "checker", version, about, long_about = None)]
pub struct Cli {
    /// The course directory [default: the nearest directory at or above the current one
    /// that has a course.toml]
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,

    /// Which test runner to use
    #[arg(long, global = true, value_enum, default_value_t = RunnerChoice::Auto)]
    pub runner: RunnerChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Watch your exercise files and check the current exercise on every save (the default)
    Watch(WatchArgs),
    /// Grade exercises with the hidden tests
    Grade(GradeArgs),
    /// Check one exercise now and show all of its feedback
    Run {
        /// Exercise id ("1.3"), name ("curvature") or position ("3") [default: the current one]
        exercise: Option<String>,
        /// Check the solution instead of your file
        #[arg(long)]
        solutions: bool,
    },
    /// List the exercises with their points
    List,
    /// Show a hint for an exercise
    Hint {
        /// Exercise id, name or position [default: the current one]
        exercise: Option<String>,
        /// Which hint (1 is a nudge, the last is nearly the answer)
        #[arg(long, conflicts_with = "all")]
        level: Option<usize>,
        /// Show every hint at once
        #[arg(long)]
        all: bool,
    },
    /// Restore an exercise's original stub (your code in that file is lost)
    Reset {
        /// Exercise id, name or position
        exercise: String,
    },
    /// Tools for course authors
    Dev {
        #[command(subcommand)]
        command: DevCommand,
    },
    /// GitHub Classroom autograding generated from course.toml
    Classroom {
        #[command(subcommand)]
        command: ClassroomCommand,
    },
    /// Write a copy of the course: the student template, or the solutions branch
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Grade every student repository in a folder into a CSV (and feedback files)
    Batch(BatchArgs),
}

#[derive(Debug, Args, Default)]
pub struct WatchArgs {
    /// Check for changes by polling instead of file events (WSL2 on Windows drives, network
    /// mounts, some containers)
    #[arg(long)]
    pub poll: bool,
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// Grade only this exercise (id, name or position); repeatable
    #[arg(long, short, value_name = "EXERCISE")]
    pub exercise: Vec<String>,
    /// Grade only this day; repeatable
    #[arg(long, short, value_name = "N")]
    pub day: Vec<u32>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Grade the solutions instead of the exercises (should give full points)
    #[arg(long)]
    pub solutions: bool,
    /// Take the hidden tests, manifests and course.toml from DIR — a checkout of the course,
    /// or of its tests/ — and only your exercises/*/src files from here
    #[arg(long, value_name = "DIR", conflicts_with = "solutions")]
    pub tests: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    /// JUnit XML: one test suite per day, one test case per exercise
    Junit,
    /// Gradescope's results.json
    Gradescope,
    /// GitHub Classroom's command-grader result, one test per exercise
    Classroom,
    /// Feedback for one student: a table per day, the details of what is not done folded
    Markdown,
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Prove the course is sound: stubs compile and fail, solutions pass, trees and course.toml
    /// agree with the tests
    Check,
    /// Store the current exercise files as the originals that `reset` restores
    Stubs,
}

#[derive(Debug, Subcommand)]
pub enum ClassroomCommand {
    /// Write .github/workflows/classroom.yml and .github/classroom/autograding.json: one
    /// graded step per exercise, worth its points
    Workflow {
        /// Change nothing; exit with 1 if the files differ from what course.toml gives now
        #[arg(long)]
        check: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The student template: everything a student needs, without the solutions
    Student {
        /// Where to write it (a new or empty directory outside the course)
        dir: PathBuf,
        /// Leave the hidden tests out too (grade with `grade --tests DIR`)
        #[arg(long)]
        without_hidden_tests: bool,
    },
    /// The course with the solutions in exercises/: what the `solutions` branch holds
    Solutions {
        /// Where to write it (a new or empty directory outside the course)
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The folder with one checkout per student, as `gh classroom clone student-repos` or
    /// GitHub Classroom Assistant make it
    pub submissions: PathBuf,
    /// Write the grades here: one row per student, one column per exercise, the total
    #[arg(long, value_name = "FILE")]
    pub csv: PathBuf,
    /// Also write each student's feedback, as <student>.md, into this folder
    #[arg(long, value_name = "DIR")]
    pub feedback: Option<PathBuf>,
    /// Stop compiling one submission after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub build_timeout: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_arguments_means_watch() {
        let cli = Cli::try_parse_from(["checker"]).unwrap();
        assert!(cli.command.is_none());
    }
}
