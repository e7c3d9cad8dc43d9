//! Running a child process with a deadline.
//!
//! Every child runs in its own process group, so a timeout kills everything it started
//! (a test binary that spawned helpers, cargo and its rustc jobs). Output is captured up to a
//! cap, so a test that prints forever cannot exhaust the checker's memory.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The most output kept per stream; the rest is read and dropped.
const OUTPUT_CAP: usize = 1 << 20;

/// How a child process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// It exited with this code.
    Code(i32),
    /// A signal ended it (on Unix): 6 is an abort, 9 a kill, 11 a segmentation fault.
    Signal(i32),
    /// It ran past the deadline and was killed.
    TimedOut,
}

/// A finished child process.
#[derive(Debug, Clone)]
pub struct Captured {
    pub exit: Exit,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `command` to completion or until `timeout`, capturing stdout and stderr.
pub fn run(mut command: Command, timeout: Duration) -> std::io::Result<Captured> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    own_process_group(&mut command);
    let started = Instant::now();
    let mut child = command.spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let exit = wait_until(&mut child, started + timeout)?;
    Ok(Captured {
        exit,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        elapsed: started.elapsed(),
    })
}

/// Reads a stream to its end on a thread of its own, keeping at most `OUTPUT_CAP` bytes.
fn drain(stream: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let Some(mut stream) = stream else {
            return String::new();
        };
        let mut kept = Vec::new();
        let mut buffer = [0u8; 8192];
        loop {
            match stream.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    kept.extend_from_slice(&buffer[..n.min(room)]);
                }
            }
        }
        String::from_utf8_lossy(&kept).into_owned()
    })
}

/// Waits for `child` until `deadline`; past it, kills the child's whole process group.
fn wait_until(child: &mut Child, deadline: Instant) -> std::io::Result<Exit> {
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(exit_of(status));
        }
        let now = Instant::now();
        if now >= deadline {
            kill_group(child);
            child.wait()?;
            return Ok(Exit::TimedOut);
        }
        // Short waits first: most test processes finish within a few milliseconds.
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

#[cfg(unix)]
fn exit_of(status: std::process::ExitStatus) -> Exit {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Exit::Code(code),
        (None, Some(signal)) => Exit::Signal(signal),
        (None, None) => Exit::Code(-1),
    }
}

#[cfg(not(unix))]
fn exit_of(status: std::process::ExitStatus) -> Exit {
    Exit::Code(status.code().unwrap_or(-1))
}

#[cfg(unix)]
fn own_process_group(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    command.process_group(0);
}

#[cfg(not(unix))]
fn own_process_group(_command: &mut Command) {}

/// SIGTERM to the group, a short grace period, then SIGKILL (nextest's sequence).
#[cfg(unix)]
fn kill_group(child: &mut Child) {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::Pid;
    let Ok(id) = i32::try_from(child.id()) else {
        let _ = child.kill();
        return;
    };
    let group = Pid::from_raw(id);
    let _ = killpg(group, Signal::SIGTERM);
    let grace = Instant::now() + Duration::from_millis(100);
    while Instant::now() < grace {
        if matches!(child.try_wait(), Ok(Some(_))) {
            break;
        }
        thread::sleep(Duration::from_millis(5));
    }
    // The leader may be gone while others in its group live on: kill the group regardless.
    let _ = killpg(group, Signal::SIGKILL);
}

#[cfg(not(unix))]
fn kill_group(child: &mut Child) {
    let _ = child.kill();
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn captures_output_and_exit_code() {
        let done = run(sh("echo out; echo err >&2; exit 3"), Duration::from_secs(5)).unwrap();
        assert_eq!(done.exit, Exit::Code(3));
        assert_eq!(done.stdout, "out\n");
        assert_eq!(done.stderr, "err\n");
    }

    #[test]
    fn kills_the_whole_group_on_timeout() {
        // The grandchild holds stdout open: if it survived, reading would never finish.
        let started = Instant::now();
        let done = run(sh("sleep 30 & sleep 30"), Duration::from_millis(200)).unwrap();
        assert_eq!(done.exit, Exit::TimedOut);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn reports_signals() {
        let done = run(sh("kill -ABRT $$"), Duration::from_secs(5)).unwrap();
        assert_eq!(done.exit, Exit::Signal(6));
    }

    #[test]
    fn caps_endless_output() {
        let done = run(sh("yes | head -c 3000000"), Duration::from_secs(10)).unwrap();
        assert_eq!(done.exit, Exit::Code(0));
        assert_eq!(done.stdout.len(), OUTPUT_CAP);
    }
}
