//! `checker batch SUBMISSIONS --csv FILE [--feedback DIR]`: grade a whole roster.

use anyhow::{Context, bail};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::batch::cache::DayCache;
use crate::batch::progress::Progress;
use crate::batch::roster::{self, Submission};
use crate::batch::sheet::{Row, Sheet};
use crate::cli::BatchArgs;
use crate::course::{Course, Exercise};
use crate::exit_codes;
use crate::grading::{self, Settings, Source};
use crate::overlay::{DaySources, Overlay, Pristine, Submitted};
use crate::report::{Format, GradeRun, Markdown};
use crate::runner::RunnerChoice;
use crate::verdict::{ExerciseVerdict, Status};

pub fn run(course: &Course, settings: &Settings, args: &BatchArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let submissions = roster::discover(&args.submissions)?;
    if submissions.is_empty() {
        bail!(
            "{} holds no student repositories (hint: one folder per student, as \
             `gh classroom clone student-repos` or GitHub Classroom Assistant make them)",
            args.submissions.display()
        );
    }
    if let Some(dir) = &args.feedback {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the feedback folder {}", dir.display()))?;
    }

    let mut progress = Progress::new(submissions.len());
    progress.say(&format!(
        "grading {} submissions; first the course's own stubs, which compiles the \
         dependencies once",
        submissions.len()
    ));
    progress.working_on("the course's own stubs");
    let mut overlay = Overlay::new(&Pristine::of_course(course), &settings.target_dir)?;
    let settings = Settings {
        runner: batch_runner(settings.runner),
        ..overlay.settings(settings)
    };
    let mut graded = Graded::default();
    // Also the verdicts every unstarted day gets.
    let originals = overlay.originals()?;
    graded
        .grade(&mut overlay, &originals, &settings)
        .context("failed to grade the course's own stubs, before any submission")?;

    let mut sheet = Sheet::create(&args.csv, overlay.course())?;
    let per_submission = Settings {
        build_timeout: Duration::from_secs(args.build_timeout),
        ..settings.clone()
    };
    let max_score = overlay.course().total_points();
    for submission in &submissions {
        progress.working_on(&submission.student);
        let row = graded.submission(&mut overlay, submission, &per_submission);
        sheet.write(&row)?;
        if let Some(dir) = &args.feedback {
            let path = dir.join(format!("{}.md", row.student));
            std::fs::write(&path, feedback(overlay.course(), &row))
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        let notes = match row.notes.len() {
            0 => String::new(),
            1 => "  (1 note)".to_string(),
            n => format!("  ({n} notes)"),
        };
        progress.graded(&format!(
            "{:<24} {:>4} / {max_score}{notes}",
            row.student,
            row.total()
        ));
    }
    progress.finish();
    anstream::println!(
        "graded {} submissions in {:.0?}: {}{}",
        submissions.len(),
        started.elapsed(),
        args.csv.display(),
        args.feedback
            .as_deref()
            .map(|dir| format!(", feedback in {}", dir.display()))
            .unwrap_or_default()
    );
    anstream::println!(
        "{} of {} days were built and tested; the others had the very sources of a day \
         graded before (the original stubs, or a copy)",
        graded.days_built,
        graded.days_seen
    );
    Ok(ExitCode::from(exit_codes::SUCCESS))
}

/// The checker's own runner unless nextest is asked for by name: per submission, nextest
/// would add a cargo invocation and a second listing of every test binary (about a sixth of
/// a batch's time, measured with `bench/batch.py`). Both give the same verdicts.
fn batch_runner(choice: RunnerChoice) -> RunnerChoice {
    match choice {
        RunnerChoice::Auto => RunnerChoice::Processes,
        chosen => chosen,
    }
}

/// What the batch has graded so far.
#[derive(Default)]
struct Graded {
    cache: DayCache,
    /// Days of submissions looked at, and those among them that had to be built.
    days_seen: usize,
    days_built: usize,
}

impl Graded {
    /// Grades one submission; whatever goes wrong becomes a note on its row, and an
    /// exercise that could not be graded an error worth nothing.
    fn submission(
        &mut self,
        overlay: &mut Overlay,
        submission: &Submission,
        settings: &Settings,
    ) -> Row {
        let mut notes = Vec::new();
        let mut found = Vec::new();
        match &submission.problem {
            Some(problem) => notes.push(problem.clone()),
            None => match overlay.read(&submission.dir) {
                Ok(submitted) => {
                    notes.extend(submitted.notes.iter().cloned());
                    self.days_seen += submitted.days.len();
                    match self.grade(overlay, &submitted, settings) {
                        Ok(built) => self.days_built += built,
                        Err(error) => notes.push(format!("grading failed: {error:#}")),
                    }
                    for sources in &submitted.days {
                        found.extend(self.cache.get(sources).into_iter().flatten().cloned());
                    }
                }
                Err(error) => notes.push(format!("could not be read: {error:#}")),
            },
        }
        let verdicts = overlay
            .course()
            .exercises
            .iter()
            .map(
                |exercise| match found.iter().position(|v| v.id == exercise.id) {
                    Some(at) => found.swap_remove(at),
                    None => not_graded(exercise),
                },
            )
            .collect();
        Row {
            student: submission.student.clone(),
            verdicts,
            notes,
        }
    }

    /// Grades the days of `submitted` not graded before, and remembers their verdicts.
    /// Returns how many days that was.
    fn grade(
        &mut self,
        overlay: &mut Overlay,
        submitted: &Submitted,
        settings: &Settings,
    ) -> anyhow::Result<usize> {
        let new: Vec<&DaySources> = submitted
            .days
            .iter()
            .filter(|sources| self.cache.get(sources).is_none())
            .collect();
        if new.is_empty() {
            return Ok(0);
        }
        overlay.lay(submitted)?;
        let course = overlay.course();
        let selection: Vec<&Exercise> = course
            .exercises
            .iter()
            .filter(|e| new.iter().any(|sources| sources.day == e.day))
            .collect();
        let verdicts = grading::grade(course, &selection, Source::Student, settings)?;
        let built = new.len();
        for sources in new {
            let of_day = verdicts
                .iter()
                .filter(|v| v.day == sources.day)
                .cloned()
                .collect();
            self.cache.insert(sources.clone(), of_day);
        }
        Ok(built)
    }
}

/// The verdict on an exercise the batch could not grade (the row's notes say why).
fn not_graded(exercise: &Exercise) -> ExerciseVerdict {
    ExerciseVerdict {
        id: exercise.id.clone(),
        name: exercise.name.clone(),
        day: exercise.day,
        title: exercise.title.clone(),
        file: exercise.file.clone(),
        status: Status::Error,
        score: 0,
        max_score: exercise.points,
        compile_errors: Vec::new(),
        first_error_line: None,
        problem: Some("this submission could not be graded; see the notes from grading".into()),
        tests: Vec::new(),
    }
}

/// The markdown handed back to one student: their grade report, then the notes.
fn feedback(course: &Course, row: &Row) -> String {
    let run = GradeRun {
        course_title: &course.info.title,
        source: Source::Student,
        verdicts: &row.verdicts,
        days: course
            .days
            .iter()
            .map(|d| (d.day, d.title.clone(), d.summary.clone()))
            .collect(),
    };
    let mut text = Markdown.render(&run);
    if !row.notes.is_empty() {
        text.push_str("\n## Notes from grading\n\n");
        for note in &row.notes {
            text.push_str(&format!("- {note}\n"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::sample;

    #[test]
    fn an_ungradable_submission_still_gets_feedback() {
        let dir = tempfile::tempdir().unwrap();
        let course = sample(dir.path(), &[(1, "a")]);
        let row = Row {
            student: "bob".into(),
            verdicts: course.exercises.iter().map(not_graded).collect(),
            notes: vec!["a symbolic link, not a checkout: not graded".into()],
        };
        let text = feedback(&course, &row);
        assert!(text.contains("**0 / 10 points**"), "{text}");
        assert!(text.contains("see the notes from grading"), "{text}");
        assert!(
            text.ends_with("- a symbolic link, not a checkout: not graded\n"),
            "{text}"
        );
    }
}
