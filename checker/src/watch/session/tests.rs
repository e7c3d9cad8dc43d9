//! Watch mode's decisions, driven by injected events.

use super::*;
use crate::course::sample;
use crate::runner::TestStatus;
use crate::verdict::{Status, TestKind, TestVerdict};
use std::collections::BTreeSet;

struct Fixture {
    _dir: tempfile::TempDir,
    course: Course,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let course = sample(dir.path(), &[(1, "a"), (1, "b"), (2, "c")]);
    Fixture { _dir: dir, course }
}

fn verdict(id: &str, passed: bool) -> Result<Box<ExerciseVerdict>, String> {
    let status = if passed {
        TestStatus::Passed
    } else {
        TestStatus::Failed {
            message: "wrong".into(),
            location: None,
        }
    };
    let mut verdict = ExerciseVerdict {
        id: id.into(),
        name: id.into(),
        day: 1,
        title: id.into(),
        file: PathBuf::new(),
        status: Status::Error,
        score: 0,
        max_score: 10,
        compile_errors: Vec::new(),
        first_error_line: None,
        problem: None,
        tests: vec![TestVerdict {
            name: "t".into(),
            kind: TestKind::Hidden,
            status,
            millis: 1,
        }],
    };
    verdict.derive_status();
    Ok(Box::new(verdict))
}

fn no_file(_: &Path) -> Option<u64> {
    None
}

fn session(f: &Fixture) -> Session<'_> {
    Session::new(&f.course, State::fresh(&f.course, BTreeSet::new()))
}

#[test]
fn starts_by_checking_the_current_exercise() {
    let f = fixture();
    let mut s = session(&f);
    assert_eq!(
        s.start(),
        vec![Effect::StartRun("1.a".into()), Effect::Draw]
    );
    assert!(s.running);
}

#[test]
fn a_save_during_a_check_is_queued_not_dropped() {
    let f = fixture();
    let mut s = session(&f);
    s.start();
    let save = WatchEvent::FileChanged(f.course.root.join("exercises/d1/src/a.rs"));
    assert_eq!(
        s.handle(save, no_file),
        vec![],
        "nothing starts while a check runs"
    );
    let effects = s.handle(WatchEvent::RunFinished(verdict("1.a", false)), no_file);
    assert!(
        effects.contains(&Effect::StartRun("1.a".into())),
        "{effects:?}"
    );
}

#[test]
fn saves_in_other_days_are_ignored_and_same_day_files_count() {
    let f = fixture();
    let mut s = session(&f);
    let other_day = WatchEvent::FileChanged(f.course.root.join("exercises/d2/src/c.rs"));
    assert_eq!(s.handle(other_day, no_file), vec![]);
    let lib = WatchEvent::FileChanged(f.course.root.join("exercises/d1/src/lib.rs"));
    assert_eq!(s.handle(lib, no_file)[0], Effect::StartRun("1.a".into()));
}

#[test]
fn passing_marks_done_and_next_moves_on() {
    let f = fixture();
    let mut s = session(&f);
    s.start();
    assert_eq!(
        s.handle(WatchEvent::Input(Input::Next), no_file),
        vec![Effect::Draw]
    );
    let effects = s.handle(WatchEvent::RunFinished(verdict("1.a", true)), no_file);
    assert!(effects.contains(&Effect::Save));
    assert_eq!(s.notice, Some(Notice::Passed));
    assert!(s.state.done.contains("1.a"));
    let effects = s.handle(WatchEvent::Input(Input::Next), no_file);
    assert_eq!(s.state.current, "1.b");
    assert!(effects.contains(&Effect::StartRun("1.b".into())));
}

#[test]
fn next_before_passing_says_so() {
    let f = fixture();
    let mut s = session(&f);
    s.handle(WatchEvent::RunFinished(verdict("1.a", false)), no_file);
    s.handle(WatchEvent::Input(Input::Next), no_file);
    assert_eq!(s.notice, Some(Notice::NotDoneYet));
    assert_eq!(s.state.current, "1.a");
}

#[test]
fn finishing_a_day_and_the_course_are_announced() {
    let f = fixture();
    let mut s = session(&f);
    s.state.done.insert("1.a".into());
    s.state.current = "1.b".into();
    s.handle(WatchEvent::RunFinished(verdict("1.b", true)), no_file);
    assert_eq!(s.notice, Some(Notice::DayDone(1)));
    s.state.current = "2.c".into();
    s.handle(WatchEvent::RunFinished(verdict("2.c", true)), no_file);
    assert_eq!(s.notice, Some(Notice::CourseDone));
}

#[test]
fn the_poller_runs_only_what_file_events_missed() {
    let f = fixture();
    let mut s = session(&f);
    let file = f.course.root.join("exercises/d1/src/a.rs");
    s.run_started(Some(7));
    s.handle(WatchEvent::RunFinished(verdict("1.a", false)), no_file);
    let same = s.handle(WatchEvent::Polled(file.clone()), |_| Some(7));
    assert_eq!(same, vec![], "already checked this content");
    assert!(!s.events_missed);
    let changed = s.handle(WatchEvent::Polled(file), |_| Some(8));
    assert_eq!(changed[0], Effect::StartRun("1.a".into()));
    assert!(
        s.events_missed,
        "the screen says file events are not arriving"
    );
}

#[test]
fn reset_asks_first() {
    let f = fixture();
    let mut s = session(&f);
    s.handle(WatchEvent::Input(Input::Reset), no_file);
    assert_eq!(s.question, Some(Question::Reset));
    assert_eq!(
        s.handle(WatchEvent::Input(Input::No), no_file),
        vec![Effect::Draw]
    );
    s.handle(WatchEvent::Input(Input::Reset), no_file);
    let effects = s.handle(WatchEvent::Input(Input::Yes), no_file);
    assert_eq!(effects, vec![Effect::ResetFile("1.a".into()), Effect::Save]);
}

#[test]
fn hints_go_up_one_level_at_a_time() {
    let f = fixture();
    let mut s = session(&f);
    for expected in [1, 2, 2] {
        s.handle(WatchEvent::Input(Input::Hint), no_file);
        assert_eq!(s.hints_shown(), expected);
    }
}

#[test]
fn a_late_verdict_of_another_exercise_only_records_progress() {
    let f = fixture();
    let mut s = session(&f);
    s.start();
    s.select("1.b");
    s.handle(WatchEvent::RunFinished(verdict("1.a", true)), no_file);
    assert!(s.verdict.is_none());
    assert_eq!(s.state.current, "1.b");
}
