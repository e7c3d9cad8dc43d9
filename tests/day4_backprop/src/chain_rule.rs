//! Checks for 4.1 — the chain rule by hand, and forward-mode dual numbers.
//!
//! `chain_derivative` is a product of exact derivatives, so it must equal the test's own
//! product to 1e-12 relative: the only differences between correct implementations are the
//! order of a handful of multiplications (a few ulps). The dual numbers are run through
//! [`Program`]s with the `run_on_duals!` macro: single operations with arbitrary dual
//! operands (value and derivative exact to 1e-12), the course text's example, and random
//! expressions compared with five-point finite differences (relative error ≤ 1e-6).

use crate::program::Program;

/// One link of a chain, as in the exercise: the function and its derivative.
pub type Link = (fn(f64) -> f64, fn(f64) -> f64);

/// What the student implements: `(links, x) -> d/dx of the chain`.
pub trait ChainDerivative: Fn(&[Link], f64) -> f64 {}
impl<T: Fn(&[Link], f64) -> f64> ChainDerivative for T {}

/// A program run on the student's dual numbers: `(program, seeds) -> (value, derivative)`.
pub trait DualRunner: Fn(&Program, &[(f64, f64)]) -> (f64, f64) {}
impl<T: Fn(&Program, &[(f64, f64)]) -> (f64, f64)> DualRunner for T {}

/// Exact arithmetic up to rounding: a few ulps per operation.
pub(crate) const EXACT_TOL: f64 = 1e-12;
/// Matching a wrong answer computed on the side.
pub(crate) const MISTAKE_TOL: f64 = 1e-9;
/// Relative error against five-point differences (which are accurate to ~1e-10 here).
pub(crate) const NUMERIC_THRESHOLD: f64 = 1e-6;

mod chain;
mod duals;

pub use chain::{chain_rule_example, random_chains};
pub use duals::{dual_arithmetic, dual_composite_example, dual_functions, dual_random_expressions};

#[cfg(test)]
mod catalogue;
