//! # Day 4 — the chain rule and backpropagation
//!
//! Work through the exercises in this order (`cargo checker` shows you where you are):
//!
//! 1. [`chain_rule`] — the chain rule by hand, then forward-mode autodiff with dual numbers
//! 2. [`autodiff`] — reverse-mode autodiff on a tape, micrograd-sized
//! 3. [`layer_backprop`] — backpropagation through a hidden layer, with matrices
//! 4. [`xor`] — training a small network on XOR
//! 5. [`vanishing_gradients`] — why deep sigmoid networks stop learning
//! 6. [`clipping`] — gradient clipping by the global norm
//! 7. [`training_loop`] — what `loss.backward()` does: training on your own tape
//!
//! The theory for the day is in this crate's `README.md`. Two visible tests print what your
//! own code does — the XOR loss curve and the per-layer gradient norms of a deep network:
//!
//! ```text
//! cargo test -p day4_backprop xor::tests::xor_loss_curve -- --nocapture
//! cargo test -p day4_backprop vanishing_gradients::tests::gradient_norms_per_layer -- --nocapture
//! ```

pub mod autodiff;
pub mod chain_rule;
pub mod clipping;
pub mod layer_backprop;
pub mod training_loop;
pub mod vanishing_gradients;
pub mod xor;
