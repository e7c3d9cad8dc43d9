//! Plausible wrong answers to 3.7, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};
use rand::RngExt;
use rand::seq::SliceRandom;

fn shuffled(n: usize, rng: &mut TestRng) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..n).collect();
    indices.shuffle(rng);
    indices
}

fn right_batches(n: usize, batch: usize, rng: &mut TestRng) -> Vec<Vec<usize>> {
    shuffled(n, rng)
        .chunks(batch)
        .map(<[usize]>::to_vec)
        .collect()
}

// ---- minibatch_indices: partition ----

#[test]
fn batches_reject_dropping_the_last_batch() {
    let wrong = |n: usize, batch: usize, rng: &mut TestRng| {
        shuffled(n, rng)
            .chunks_exact(batch)
            .map(<[usize]>::to_vec)
            .collect()
    };
    assert_rejects(batches_partition_the_indices(wrong), "drops_last_batch");
}

#[test]
fn batches_reject_an_empty_last_batch() {
    let wrong = |n: usize, batch: usize, rng: &mut TestRng| {
        let indices = shuffled(n, rng);
        (0..=n / batch)
            .map(|k| indices[k * batch..((k + 1) * batch).min(n)].to_vec())
            .collect()
    };
    assert_rejects(batches_partition_the_indices(wrong), "empty_batch");
}

#[test]
fn batches_reject_sampling_with_replacement() {
    let wrong = |n: usize, batch: usize, rng: &mut TestRng| {
        let draws: Vec<usize> = (0..n).map(|_| rng.random_range(0..n)).collect();
        draws.chunks(batch).map(<[usize]>::to_vec).collect()
    };
    assert_rejects(
        batches_partition_the_indices(wrong),
        "sampled_with_replacement",
    );
}

#[test]
fn batches_reject_indices_from_1() {
    let wrong = |n: usize, batch: usize, rng: &mut TestRng| {
        let mut indices: Vec<usize> = (1..=n).collect();
        indices.shuffle(rng);
        indices.chunks(batch).map(<[usize]>::to_vec).collect()
    };
    assert_rejects(batches_partition_the_indices(wrong), "indices_start_at_1");
}

#[test]
fn batches_accept_a_hand_written_shuffle() {
    // Fisher–Yates by hand, and batches collected with a loop.
    let by_hand = |n: usize, batch: usize, rng: &mut TestRng| {
        let mut indices: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = rng.random_range(0..=i);
            indices.swap(i, j);
        }
        let mut batches = Vec::new();
        let mut start = 0;
        while start < n {
            batches.push(indices[start..(start + batch).min(n)].to_vec());
            start += batch;
        }
        batches
    };
    assert_accepts(batches_partition_the_indices(by_hand));
    assert_accepts(batches_are_shuffled(by_hand));
}

// ---- minibatch_indices: shuffled ----

#[test]
fn shuffle_rejects_the_natural_order() {
    let wrong = |n: usize, batch: usize, _: &mut TestRng| {
        (0..n)
            .collect::<Vec<_>>()
            .chunks(batch)
            .map(<[usize]>::to_vec)
            .collect()
    };
    assert_accepts(batches_partition_the_indices(wrong));
    assert_rejects(batches_are_shuffled(wrong), "not_shuffled");
}

#[test]
fn shuffle_rejects_shuffling_only_the_batch_order() {
    let wrong = |n: usize, batch: usize, rng: &mut TestRng| {
        let mut batches: Vec<Vec<usize>> = (0..n)
            .collect::<Vec<_>>()
            .chunks(batch)
            .map(<[usize]>::to_vec)
            .collect();
        batches.shuffle(rng);
        batches
    };
    assert_rejects(batches_are_shuffled(wrong), "batch_order_only");
}

#[test]
fn shuffle_rejects_shuffling_only_inside_batches() {
    let wrong = |n: usize, batch: usize, rng: &mut TestRng| {
        let mut batches: Vec<Vec<usize>> = (0..n)
            .collect::<Vec<_>>()
            .chunks(batch)
            .map(<[usize]>::to_vec)
            .collect();
        for b in &mut batches {
            b.shuffle(rng);
        }
        batches
    };
    assert_rejects(batches_are_shuffled(wrong), "within_batches_only");
}

#[test]
fn shuffle_rejects_the_same_order_every_epoch() {
    use rand::SeedableRng;
    let wrong = |n: usize, batch: usize, _: &mut TestRng| {
        right_batches(n, batch, &mut TestRng::seed_from_u64(7))
    };
    assert_rejects(batches_are_shuffled(wrong), "same_order_every_epoch");
}

#[test]
fn shuffle_rejects_a_rotation() {
    // A random rotation of 0..n is not a shuffle: most batches stay consecutive runs.
    let wrong = |n: usize, batch: usize, rng: &mut TestRng| {
        let shift = rng.random_range(0..n);
        let rotated: Vec<usize> = (0..n).map(|i| (i + shift) % n).collect();
        rotated.chunks(batch).map(<[usize]>::to_vec).collect()
    };
    assert_rejects(batches_are_shuffled(wrong), "batch_order_only");
}

// ---- sgd_linreg ----

/// Minibatch SGD with a configurable step rule, on the given batches.
fn sgd_with(rule: Rule, sum_order_reversed: bool) -> impl LinregFn {
    move |x: &[f64], y: &[f64], lr: f64, batch: usize, epochs: usize, rng: &mut TestRng| {
        let (mut w, mut b) = (0.0, 0.0);
        let epochs = if rule == Rule::OneEpoch { 1 } else { epochs };
        for _ in 0..epochs {
            for mut indices in right_batches(x.len(), batch, rng) {
                if sum_order_reversed {
                    indices.reverse();
                }
                let m = indices.len() as f64;
                let scale = match rule {
                    Rule::Sum => 2.0,
                    Rule::Half => 1.0 / m,
                    Rule::BatchParameter(_) => 2.0 / batch as f64,
                    _ => 2.0 / m,
                };
                let sign = if rule == Rule::Uphill { -1.0 } else { 1.0 };
                let gw: f64 = indices.iter().map(|&i| (w * x[i] + b - y[i]) * x[i]).sum();
                let new_w = w - sign * lr * scale * gw;
                let w_for_b = if rule == Rule::UpdatedW { new_w } else { w };
                let gb: f64 = indices.iter().map(|&i| w_for_b * x[i] + b - y[i]).sum();
                b -= sign * lr * scale * gb;
                w = new_w;
            }
        }
        (w, b)
    }
}

#[test]
fn sgd_rejects_a_missing_factor_2() {
    assert_rejects(
        full_batch_is_gradient_descent(sgd_with(Rule::Half, false)),
        "missing_factor_2",
    );
}

#[test]
fn sgd_rejects_a_sum_over_the_batch() {
    assert_rejects(
        full_batch_is_gradient_descent(sgd_with(Rule::Sum, false)),
        "sum_not_mean",
    );
    assert_rejects(
        sgd_fits_a_noisy_line(sgd_with(Rule::Sum, false)),
        "diverged",
    );
}

#[test]
fn sgd_rejects_an_uphill_step() {
    assert_rejects(
        full_batch_is_gradient_descent(sgd_with(Rule::Uphill, false)),
        "uphill_step",
    );
}

#[test]
fn sgd_rejects_b_with_the_updated_w() {
    assert_rejects(
        full_batch_is_gradient_descent(sgd_with(Rule::UpdatedW, false)),
        "b_uses_updated_w",
    );
}

#[test]
fn sgd_rejects_a_single_epoch() {
    assert_rejects(
        full_batch_is_gradient_descent(sgd_with(Rule::OneEpoch, false)),
        "one_epoch_only",
    );
}

#[test]
fn sgd_rejects_one_full_batch_step_per_epoch() {
    let full_batch = |x: &[f64], y: &[f64], lr: f64, _: usize, epochs: usize, rng: &mut TestRng| {
        sgd_with(Rule::Right, false)(x, y, lr, x.len(), epochs, rng)
    };
    assert_accepts(full_batch_is_gradient_descent(full_batch));
    assert_rejects(sgd_fits_a_noisy_line(full_batch), "one_step_per_epoch");
}

#[test]
fn sgd_rejects_dividing_by_the_batch_argument() {
    assert_rejects(
        full_batch_is_gradient_descent(sgd_with(Rule::BatchParameter(0), false)),
        "divides_by_batch_argument",
    );
}

#[test]
fn sgd_rejects_the_same_batches_every_epoch() {
    let reused = |x: &[f64], y: &[f64], lr: f64, batch: usize, epochs: usize, rng: &mut TestRng| {
        let batches = right_batches(x.len(), batch, rng);
        let (mut w, mut b) = (0.0, 0.0);
        for _ in 0..epochs {
            for indices in &batches {
                let m = indices.len() as f64;
                let gw: f64 = indices.iter().map(|&i| (w * x[i] + b - y[i]) * x[i]).sum();
                let gb: f64 = indices.iter().map(|&i| w * x[i] + b - y[i]).sum();
                (w, b) = (w - lr * 2.0 / m * gw, b - lr * 2.0 / m * gb);
            }
        }
        (w, b)
    };
    assert_accepts(full_batch_is_gradient_descent(reused));
    assert_rejects(sgd_fits_a_noisy_line(reused), "same_batches_every_epoch");
}

/// A generator of its own, different on every call: shuffles, but ignores the caller's rng.
fn own_rng() -> TestRng {
    use rand::SeedableRng;
    use std::sync::atomic::{AtomicU64, Ordering};
    static CALLS: AtomicU64 = AtomicU64::new(0);
    TestRng::seed_from_u64(CALLS.fetch_add(1, Ordering::Relaxed))
}

#[test]
fn sgd_rejects_ignoring_the_rng() {
    let own = |x: &[f64], y: &[f64], lr: f64, batch: usize, epochs: usize, _: &mut TestRng| {
        sgd_with(Rule::Right, false)(x, y, lr, batch, epochs, &mut own_rng())
    };
    assert_accepts(full_batch_is_gradient_descent(own));
    assert_rejects(sgd_fits_a_noisy_line(own), "ignores_rng");
}

#[test]
fn shuffle_rejects_ignoring_the_rng() {
    let own = |n: usize, batch: usize, _: &mut TestRng| right_batches(n, batch, &mut own_rng());
    assert_accepts(batches_partition_the_indices(own));
    assert_rejects(batches_are_shuffled(own), "ignores_rng");
}

#[test]
fn sgd_accepts_another_summation_order() {
    assert_accepts(full_batch_is_gradient_descent(sgd_with(Rule::Right, true)));
    assert_accepts(sgd_fits_a_noisy_line(sgd_with(Rule::Right, true)));
}

#[test]
fn sgd_accepts_per_example_accumulation_with_the_mean_taken_last() {
    let alternative =
        |x: &[f64], y: &[f64], lr: f64, batch: usize, epochs: usize, rng: &mut TestRng| {
            let (mut w, mut b) = (0.0, 0.0);
            for _ in 0..epochs {
                for indices in right_batches(x.len(), batch, rng) {
                    let (mut gw, mut gb) = (0.0, 0.0);
                    for &i in &indices {
                        let r = 2.0 * (w * x[i] + b - y[i]);
                        gw += r * x[i];
                        gb += r;
                    }
                    let m = indices.len() as f64;
                    (w, b) = (w - lr * gw / m, b - lr * gb / m);
                }
            }
            (w, b)
        };
    assert_accepts(full_batch_is_gradient_descent(alternative));
    assert_accepts(sgd_fits_a_noisy_line(alternative));
}

#[test]
fn sgd_accepts_shuffling_with_a_generator_seeded_from_the_rng() {
    use rand::SeedableRng;
    let seeded = |x: &[f64], y: &[f64], lr: f64, batch: usize, epochs: usize, rng: &mut TestRng| {
        let mut own = TestRng::from_rng(rng);
        sgd_with(Rule::Right, false)(x, y, lr, batch, epochs, &mut own)
    };
    assert_accepts(full_batch_is_gradient_descent(seeded));
    assert_accepts(sgd_fits_a_noisy_line(seeded));
}
