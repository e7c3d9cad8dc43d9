//! `checker export student|solutions DIR`: write a copy of the course for others.

use std::process::ExitCode;

use crate::cli::ExportCommand;
use crate::course::Course;
use crate::exit_codes;
use crate::export::{self, Kind};

pub fn run(course: &Course, command: &ExportCommand) -> anyhow::Result<ExitCode> {
    let (kind, dir) = match command {
        ExportCommand::Student {
            dir,
            without_hidden_tests,
        } => (
            Kind::Student {
                hidden_tests: !without_hidden_tests,
            },
            dir,
        ),
        ExportCommand::Solutions { dir } => (Kind::Solutions, dir),
    };
    let exported = export::export(course, kind, dir)?;
    anstream::println!("wrote {} files to {}", exported.files, dir.display());
    for gone in &exported.left_out {
        anstream::println!(
            "left out {}: it needs {}, which this copy does not have",
            gone.package.display(),
            gone.needs.display()
        );
    }
    let next = match kind {
        Kind::Student { hidden_tests: true } => {
            "Students start with `cargo checker` in it; publish it as the assignment's template \
             repository."
        }
        Kind::Student {
            hidden_tests: false,
        } => {
            "It has no hidden tests: grade it with `cargo checker grade --tests DIR`, DIR being \
             a checkout of this course (see docs/roster.md)."
        }
        Kind::Solutions => "`cargo checker grade` in it gives full points.",
    };
    anstream::println!("{next}");
    Ok(ExitCode::from(exit_codes::SUCCESS))
}
