//! The parts of watch mode: events, file watching, input, the session and the screen.

pub mod events;
pub mod files;
pub mod input;
pub mod screen;
pub mod session;
pub mod terminal;
