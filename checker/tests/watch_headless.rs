//! Watch mode driven headless on the fixture course: commands arrive as lines on stdin, the
//! screen comes out as plain text on stdout, and real file saves trigger the checks.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

mod common;
use common::fixture;

/// A running headless watch session.
struct Watch {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watch {
    fn start(course: &Path) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_checker"))
            .arg("--course")
            .arg(course)
            .env("NO_COLOR", "1")
            .env("GRADLINGS_TARGET_DIR", course.join("target"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the checker starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        Watch {
            child,
            stdin,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a line containing `text`; prints everything seen if it never comes.
    #[track_caller]
    fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line.contains(text);
                    self.seen.push(line);
                    if found {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "watch mode never printed {text:?}; it printed:\n{}",
            self.seen.join("\n")
        );
    }

    fn send(&mut self, command: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{command}").unwrap();
        stdin.flush().unwrap();
    }

    /// Closes stdin (ends watch mode) and returns the exit code.
    fn finish(mut self) -> Option<i32> {
        drop(self.stdin.take());
        self.child.wait().unwrap().code()
    }
}

#[test]
fn a_student_session_from_a_failing_save_to_the_next_exercise() {
    let course = fixture();
    let mut watch = Watch::start(course.path());
    // No progress file yet: it says so and finds the first exercise that is not done.
    watch.expect("No progress saved yet");
    watch.expect("1.fails Fails");
    watch.expect("double(3) should be 6");

    // A save with the right answer is picked up without touching the keyboard.
    let file = course.path().join("exercises/day1_outcomes/src/fails.rs");
    let fixed = std::fs::read_to_string(&file)
        .unwrap()
        .replace("x + 2.0", "2.0 * x");
    std::fs::write(&file, fixed).unwrap();
    watch.expect("Well done! Press n for the next exercise.");

    watch.send("n");
    watch.expect("1.unstarted Unstarted");
    watch.expect("Not yet implemented");
    watch.send("h");
    watch.expect("Hint 1/2: first hint");
    watch.send("q");
    assert_eq!(
        watch.finish(),
        Some(1),
        "the current exercise does not pass: exit code 1"
    );

    let state = std::fs::read_to_string(course.path().join(".gradlings-state.json")).unwrap();
    let state: serde_json::Value = serde_json::from_str(&state).unwrap();
    assert_eq!(state["current"], "1.unstarted");
    assert!(
        state["done"]
            .as_array()
            .unwrap()
            .contains(&"1.fails".into()),
        "{state}"
    );
    assert_eq!(state["hints_shown"]["1.unstarted"], 1);
}

#[test]
fn a_corrupt_progress_file_is_rebuilt() {
    let course = fixture();
    std::fs::write(course.path().join(".gradlings-state.json"), "{ garbage").unwrap();
    let mut watch = Watch::start(course.path());
    watch.expect("could not be read");
    watch.expect("1.fails Fails");
    assert_eq!(watch.finish(), Some(1));
    let state = std::fs::read_to_string(course.path().join(".gradlings-state.json")).unwrap();
    assert!(state.contains("\"current\": \"1.fails\""), "{state}");
}

#[test]
fn reset_restores_the_stub_after_asking() {
    let course = fixture();
    let file = course.path().join("exercises/day1_outcomes/src/fails.rs");
    let stub = std::fs::read_to_string(&file).unwrap();
    let stubs = course
        .path()
        .join(".gradlings/stubs/exercises/day1_outcomes/src");
    std::fs::create_dir_all(&stubs).unwrap();
    std::fs::write(stubs.join("fails.rs"), &stub).unwrap();

    let mut watch = Watch::start(course.path());
    watch.expect("double(3) should be 6");
    std::fs::write(&file, stub.replace("x + 2.0", "x + 4.0")).unwrap();
    watch.expect("left: 7.0");
    watch.send("x");
    watch.expect("Reset exercises/day1_outcomes/src/fails.rs to its original stub?");
    watch.send("y");
    watch.expect("reset to its original stub");
    watch.send("q");
    watch.finish();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stub);
}
