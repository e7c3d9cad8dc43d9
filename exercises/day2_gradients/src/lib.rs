//! # Day 2 — gradients and multivariable calculus
//!
//! Work through the exercises in this order (`cargo checker` shows you where you are):
//!
//! 1. [`partials`] — partial derivatives and the numerical gradient
//! 2. [`analytic_gradients`] — gradients of the classic test landscapes, by hand
//! 3. [`steepest_ascent`] — directional derivatives and the direction of steepest ascent
//! 4. [`gradient_fields`] — the gradient at every point of a grid
//! 5. [`gradient_checking`] — catching a wrong gradient with a numerical one
//! 6. [`gradient_descent`] — the loop that trains every neural network
//!
//! The theory for the day is in this crate's `README.md`.
//!
//! A point in n dimensions is an `ndarray::Array1<f64>` throughout the day: functions take
//! `&Array1<f64>` and gradients come back as `Array1<f64>`. Build one with
//! `array![1.0, 2.0]` (`use ndarray::array;`), read a coordinate with `x[0]`.

pub mod analytic_gradients;
pub mod gradient_checking;
pub mod gradient_descent;
pub mod gradient_fields;
pub mod partials;
pub mod steepest_ascent;
