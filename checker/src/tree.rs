//! Copies of the course: the student and solutions exports, and the scratch overlay grading
//! builds in.
//!
//! A [`Plan`] says where every file of the new tree comes from; [`workspace::trim`] leaves out
//! the packages that cannot build without what the copy lacks (the solutions, the hidden
//! tests) and rewrites the manifests that only mention them; [`write`] puts the plan on disk,
//! either into a fresh directory or over a previous copy, touching only the files that
//! changed.

pub mod plan;
pub mod workspace;
pub mod write;

pub use plan::{Content, Plan, TreeError};
