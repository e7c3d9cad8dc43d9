//! The API pins live in `pins/` and run from `tests/api.rs` (trybuild pass cases): each day's
//! public functions, with the exact argument and return types the hidden tests rely on, must
//! compile against both the student's crate and the solutions.
