//! # Day 3 — optimization and finding minima
//!
//! Work through the exercises in this order (`cargo checker` shows you where you are):
//!
//! 1. [`learning_rates`] — too small, just right, too large: the learning-rate regimes
//! 2. [`momentum`] — the `Optimizer` trait, plain gradient descent and heavy-ball momentum
//! 3. [`adam`] — adaptive step sizes with bias correction
//! 4. [`critical_points`] — the Hessian and the second-derivative test
//! 5. [`convexity`] — testing convexity by sampling chords
//! 6. [`restarts`] — local-minimum traps and random restarts
//! 7. [`sgd`] — minibatches and stochastic gradient descent
//! 8. [`pagerank`] — PageRank as a fixed-point iteration
//! 9. [`matrix_factorization`] — the Netflix problem
//!
//! The theory for the day is in this crate's `README.md`.

pub mod adam;
pub mod convexity;
pub mod critical_points;
pub mod learning_rates;
pub mod matrix_factorization;
pub mod momentum;
pub mod pagerank;
pub mod restarts;
pub mod sgd;
