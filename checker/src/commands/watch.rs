//! `checker` / `checker watch`: check the current exercise on every save.
//!
//! The driver of watch mode: it wires file events, keys and checks into one channel, feeds
//! them to the [`Session`] and carries out the effects the session asks for.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use crate::cli::WatchArgs;
use crate::course::Course;
use crate::exit_codes;
use crate::grading::{self, Settings, Source};
use crate::state::{self, State};
use crate::stubs;
use crate::watch::events::{Input, WatchEvent};
use crate::watch::session::{Effect, Notice, Session};
use crate::watch::{files, input, screen, terminal};

/// Interval of the safety-net poller next to file events, and how long a change must be
/// quiet before the poller (rather than the file event) reports it.
const SAFETY_POLL: Duration = Duration::from_secs(1);
const SAFETY_GRACE: Duration = Duration::from_millis(400);
/// Interval when polling is the only way to notice saves.
const POLL_ONLY: Duration = Duration::from_millis(250);

pub fn run(course: &Course, settings: &Settings, args: &WatchArgs) -> anyhow::Result<ExitCode> {
    let interactive = interactive();
    let settings = &settings.interactive();
    let state = load_or_rebuild(course, settings)?;
    let mut session = Session::new(course, state);

    let (tx, rx) = mpsc::channel();
    let (_watcher, poll_note) = start_watching(course, args.poll, &tx);
    session.notice = poll_note.map(Notice::Text);
    let paused = Arc::new(AtomicBool::new(false));
    let _raw = if interactive {
        input::keys(tx.clone(), paused.clone());
        Some(terminal::RawMode::enable()?)
    } else {
        input::lines(tx.clone());
        None
    };
    let mut driver = Driver {
        course,
        settings,
        events: tx,
        interactive,
        paused,
        last_printed: String::new(),
    };

    let mut effects = session.start();
    'watching: loop {
        for effect in std::mem::take(&mut effects) {
            match effect {
                Effect::Quit => break 'watching,
                other => effects.extend(driver.apply(&mut session, other)),
            }
        }
        if !effects.is_empty() {
            continue;
        }
        let Ok(event) = rx.recv() else { break };
        effects = session.handle(event, files::fingerprint);
    }
    drop(_raw);
    // Headless: wait for a check still in flight, so the exit code is about the latest save.
    if !interactive {
        while session.running {
            match rx.recv_timeout(settings.build_timeout) {
                Ok(WatchEvent::RunFinished(result)) => {
                    session.handle(WatchEvent::RunFinished(result), files::fingerprint);
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        driver.draw(&session);
    }
    let passed = session.verdict.as_ref().is_some_and(|v| v.passed());
    Ok(exit_codes::from_all_passed(passed))
}

/// Watch mode is interactive on a terminal, unless `CI` says otherwise.
fn interactive() -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    !ci && std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// The saved progress; if it is missing or corrupt, says so and rebuilds it from a fresh
/// check, day by day, up to the first day that is not finished: the student starts there, and
/// a fresh clone only builds day 1 before its first verdict. Exercises of later days that
/// already pass are found as the student reaches them.
fn load_or_rebuild(course: &Course, settings: &Settings) -> anyhow::Result<State> {
    let problem = match State::load(course) {
        Ok(state) => return Ok(state),
        Err(problem) => problem,
    };
    anstream::println!("{}", state::describe(&problem, &State::path(course)));
    let mut done = std::collections::BTreeSet::new();
    for day in &course.days {
        let exercises: Vec<_> = course.exercises_of_day(day.day).collect();
        let verdicts = grading::grade(course, &exercises, Source::Student, settings)?;
        let finished = verdicts.iter().all(|v| v.passed());
        done.extend(verdicts.into_iter().filter(|v| v.passed()).map(|v| v.id));
        if !finished {
            break;
        }
    }
    let state = State::fresh(course, done);
    if let Err(error) = state.save(course) {
        anstream::eprintln!("warning: cannot save progress: {error}");
    }
    Ok(state)
}

/// File events plus the polling safety net, or polling alone where events cannot work.
/// Returns the watcher to keep alive (none when polling only) and, when polling only, why.
fn start_watching(
    course: &Course,
    poll_only: bool,
    events: &Sender<WatchEvent>,
) -> (Option<notify::RecommendedWatcher>, Option<String>) {
    let exercise_files: Vec<_> = course
        .exercises
        .iter()
        .map(|e| course.root.join(&e.file))
        .collect();
    let poll_reason = if poll_only {
        Some("Watching by polling (--poll).".to_string())
    } else if files::events_unreliable(&course.root) {
        Some(
            "This looks like a Windows drive seen from WSL2, where file events do not arrive: \
              watching by polling."
                .to_string(),
        )
    } else {
        let exercises_dir = course.root.join("exercises");
        match files::watch_events(&exercises_dir, events.clone()) {
            Ok(watcher) => {
                files::poll(exercise_files, SAFETY_POLL, SAFETY_GRACE, events.clone());
                return (Some(watcher), None);
            }
            Err(error) => Some(format!(
                "File events are unavailable ({error}): watching by polling."
            )),
        }
    };
    files::poll(exercise_files, POLL_ONLY, Duration::ZERO, events.clone());
    (None, poll_reason)
}

struct Driver<'a> {
    course: &'a Course,
    settings: &'a Settings,
    events: Sender<WatchEvent>,
    interactive: bool,
    paused: Arc<AtomicBool>,
    last_printed: String,
}

impl Driver<'_> {
    fn apply(&mut self, session: &mut Session, effect: Effect) -> Vec<Effect> {
        match effect {
            Effect::StartRun(id) => {
                self.start_check(session, &id);
                Vec::new()
            }
            Effect::Save => {
                if let Err(error) = session.state.save(self.course) {
                    session.notice = Some(Notice::Text(format!("Cannot save progress: {error}")));
                }
                Vec::new()
            }
            Effect::ResetFile(id) => {
                let Some(exercise) = self.course.find(&id) else {
                    return Vec::new();
                };
                if let Err(error) = stubs::restore(self.course, exercise) {
                    session.notice = Some(Notice::Text(format!("{error:#}")));
                }
                session.handle(WatchEvent::Input(Input::Rerun), files::fingerprint)
            }
            Effect::ShowList => self.show_list(session),
            Effect::Draw => {
                self.draw(session);
                Vec::new()
            }
            Effect::Quit => vec![Effect::Quit],
        }
    }

    /// Checks `id` on a thread of its own; the verdict comes back as an event.
    fn start_check(&self, session: &mut Session, id: &str) {
        let Some(exercise) = self.course.find(id).cloned() else {
            return;
        };
        session.run_started(files::fingerprint(&self.course.root.join(&exercise.file)));
        if !self.interactive {
            anstream::println!("Checking {} {}…", exercise.id, exercise.title);
        }
        let (course, settings, events) = (
            self.course.clone(),
            self.settings.clone(),
            self.events.clone(),
        );
        std::thread::spawn(move || {
            let result = grading::grade(&course, &[&exercise], Source::Student, &settings)
                .map_err(|e| format!("{e:#}"))
                .and_then(|mut v| v.pop().ok_or_else(|| "no verdict".to_string()))
                .map(Box::new);
            let _ = events.send(WatchEvent::RunFinished(result));
        });
    }

    fn draw(&mut self, session: &Session) {
        let text = screen::render(self.course, session, self.interactive);
        if self.interactive {
            let _ = terminal::show(&text);
        } else if !session.running && text != self.last_printed {
            // Headless: print each new state once, as plain lines.
            anstream::println!("{text}");
            self.last_printed = text;
        }
    }

    fn show_list(&mut self, session: &mut Session) -> Vec<Effect> {
        if !self.interactive {
            anstream::print!(
                "{}",
                crate::commands::list::table(self.course, Some(&session.state))
            );
            return Vec::new();
        }
        self.paused.store(true, Ordering::Release);
        let picked = crate::commands::list::interactive(self.course, &mut session.state);
        self.paused.store(false, Ordering::Release);
        let _ = ratatui::crossterm::terminal::enable_raw_mode();
        match picked {
            Ok(Some(id)) => session.select(&id),
            Ok(None) => vec![Effect::Draw],
            Err(error) => {
                session.notice = Some(Notice::Text(format!("The list failed: {error}")));
                vec![Effect::Draw]
            }
        }
    }
}
