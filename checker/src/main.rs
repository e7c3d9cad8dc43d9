//! `checker`: the gradlings exercise runner. `main` only parses and dispatches.

mod batch;
mod classroom;
mod cli;
mod commands;
mod compile;
mod course;
mod exit_codes;
mod export;
mod feedback;
mod grading;
mod overlay;
mod process;
mod report;
mod runner;
mod state;
mod stubs;
mod tree;
mod verdict;
mod watch;

use anyhow::Context;
use clap::Parser;
use std::process::ExitCode;

use cli::{ClassroomCommand, Cli, Command, DevCommand};
use course::Course;
use grading::Settings;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            anstream::eprintln!("error: {error:#}");
            ExitCode::from(exit_codes::ERROR)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let course = load_course(cli.course.as_deref())?;
    let settings = Settings {
        runner: cli.runner,
        ..Settings::for_course(&course)
    };
    let command = cli
        .command
        .unwrap_or(Command::Watch(cli::WatchArgs::default()));
    match command {
        Command::Watch(args) => commands::watch::run(&course, &settings, &args),
        Command::Grade(args) => commands::grade::run(&course, &settings, &args),
        Command::Run {
            exercise,
            solutions,
        } => commands::run::run(&course, &settings, exercise.as_deref(), solutions),
        Command::List => commands::list::run(&course),
        Command::Hint {
            exercise,
            level,
            all,
        } => commands::hint::run(&course, exercise.as_deref(), level, all),
        Command::Reset { exercise } => commands::reset::run(&course, &exercise),
        Command::Dev {
            command: DevCommand::Check,
        } => commands::dev_check::run(&course, &settings),
        Command::Classroom {
            command: ClassroomCommand::Workflow { check },
        } => commands::classroom::workflow(&course, check),
        Command::Export { command } => commands::export::run(&course, &command),
        Command::Batch(args) => commands::batch::run(&course, &settings, &args),
        Command::Dev {
            command: DevCommand::Stubs,
        } => {
            let count = stubs::snapshot(&course)?;
            anstream::println!("stored {count} stubs in {}", stubs::STUBS_DIR);
            Ok(ExitCode::from(exit_codes::SUCCESS))
        }
    }
}

fn load_course(dir: Option<&std::path::Path>) -> anyhow::Result<Course> {
    let start = match dir {
        Some(dir) => dir.to_path_buf(),
        None => std::env::current_dir().context("failed to read the current directory")?,
    };
    let start = start
        .canonicalize()
        .with_context(|| format!("failed to open the course directory {}", start.display()))?;
    let root = course::find_root(&start).with_context(|| {
        format!(
            "no {} in {} or above it (hint: run the checker inside the course, or pass \
             --course <dir>)",
            course::MANIFEST,
            start.display()
        )
    })?;
    Ok(Course::load(&root)?)
}
