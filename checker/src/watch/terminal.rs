//! The terminal in watch mode: raw mode on while watching, restored on every exit path.

use ratatui::crossterm::{cursor, execute, terminal};
use std::io::Write;

/// Raw mode for single-key input; dropping the guard restores the terminal.
pub struct RawMode;

impl RawMode {
    pub fn enable() -> std::io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        // Restore the terminal even if the checker panics.
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = terminal::disable_raw_mode();
            default_hook(info);
        }));
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Clears the screen and shows `text` (raw mode needs `\r\n` line ends).
pub fn show(text: &str) -> std::io::Result<()> {
    let mut out = anstream::stdout();
    execute!(
        out,
        terminal::Clear(terminal::ClearType::All),
        terminal::Clear(terminal::ClearType::Purge),
        cursor::MoveTo(0, 0)
    )?;
    write!(out, "{}", text.replace('\n', "\r\n"))?;
    out.flush()
}
