//! # Day 1 — derivatives and the concept of change
//!
//! Work through the exercises in this order (`cargo checker` shows you where you are):
//!
//! 1. [`difference_quotients`] — forward, backward and central differences
//! 2. [`derivative`] — a derivative you can trust to nine digits
//! 3. [`curvature`] — the second derivative
//! 4. [`error_sweep`] — truncation error versus round-off error
//! 5. [`tangents`] — slopes, tangent lines and secants
//! 6. [`symbolic`] — differentiating expressions by the rules
//! 7. [`beyond_finite_differences`] — complex step and Richardson extrapolation (stretch)
//!
//! The theory for the day is in this crate's `README.md`.

pub mod beyond_finite_differences;
pub mod curvature;
pub mod derivative;
pub mod difference_quotients;
pub mod error_sweep;
pub mod symbolic;
pub mod tangents;
