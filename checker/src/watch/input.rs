//! Keys from the terminal (raw mode), or lines from stdin when headless.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use super::events::{Input, WatchEvent};

/// Reads single key presses. While `paused` is set (another screen reads the keys), it
/// leaves them alone.
pub fn keys(events: Sender<WatchEvent>, paused: Arc<AtomicBool>) {
    thread::spawn(move || {
        loop {
            if paused.load(Ordering::Acquire) {
                thread::sleep(Duration::from_millis(20));
                continue;
            }
            match event::poll(Duration::from_millis(50)) {
                Ok(false) => continue,
                Ok(true) if paused.load(Ordering::Acquire) => continue,
                Ok(true) => {}
                Err(_) => return,
            }
            let Ok(Event::Key(key)) = event::read() else {
                continue;
            };
            if key.kind != KeyEventKind::Press {
                continue;
            }
            let input = match key.code {
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Input::Quit,
                KeyCode::Char(c) => Input::from_char(c),
                KeyCode::Esc => Input::No,
                _ => Input::Other,
            };
            if events.send(WatchEvent::Input(input)).is_err() {
                return;
            }
        }
    });
}

/// Reads commands as lines from stdin (headless mode: scripts and tests drive watch mode this
/// way). The end of stdin ends watch mode.
pub fn lines(events: Sender<WatchEvent>) {
    thread::spawn(move || {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            let Some(c) = line.trim().chars().next() else {
                continue;
            };
            if events.send(WatchEvent::Input(Input::from_char(c))).is_err() {
                return;
            }
        }
        let _ = events.send(WatchEvent::InputClosed);
    });
}
