//! Checks for 3.7 — minibatches and stochastic gradient descent on a line.
//!
//! The batches are checked structurally (each index exactly once, the sizes) and
//! statistically (shuffled). The training loop is random through its batches, so its exact
//! arithmetic is checked where the randomness vanishes: with one batch holding all points,
//! SGD *is* full-batch gradient descent whatever the order of the indices, equal to the
//! test's own loop up to the order of summation (≤ 1e-12 relative over ≤ 5 steps; 1e-9 is
//! generous). The fit on noisy data is then checked by its outcome.
//!
//! Both functions must draw their randomness from the generator they are given (so that a
//! seed replays a run), and `sgd_linreg` must cut new batches every epoch. Neither shows in
//! the numbers, so the checks read how far the generator has advanced (its word position):
//! a shuffle of n indices draws about n words, every time, whatever the algorithm.

use crate::common::{first_mismatch, name_mistake_vec};
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, TestRng, fmt_f64, fmt_slice};

/// What the student implements: `minibatch_indices(n, batch, rng)`.
pub trait BatchesFn: Fn(usize, usize, &mut TestRng) -> Vec<Vec<usize>> {}
impl<T: Fn(usize, usize, &mut TestRng) -> Vec<Vec<usize>>> BatchesFn for T {}

/// What the student implements: `sgd_linreg(x, y, lr, batch, epochs, rng) -> (w, b)`.
pub trait LinregFn: Fn(&[f64], &[f64], f64, usize, usize, &mut TestRng) -> (f64, f64) {}
impl<T: Fn(&[f64], &[f64], f64, usize, usize, &mut TestRng) -> (f64, f64)> LinregFn for T {}

/// Agreement of full-batch SGD with the test's gradient descent (order of summation only).
const FULL_BATCH_TOL: f64 = 1e-9;

/// Describes the batches briefly: how many, and their sizes.
fn describe(batches: &[Vec<usize>]) -> String {
    let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
    if sizes.len() <= 6 {
        format!("{} batches of sizes {sizes:?}", sizes.len())
    } else {
        format!(
            "{} batches of sizes [{}, {}, {}, …, {}, {}]",
            sizes.len(),
            sizes[0],
            sizes[1],
            sizes[2],
            sizes[sizes.len() - 2],
            sizes[sizes.len() - 1]
        )
    }
}

/// What is wrong with a partition of 0..n into batches of `batch`, if anything.
fn partition_problem(
    batches: &[Vec<usize>],
    n: usize,
    batch: usize,
) -> Option<(String, Option<Mistake>)> {
    let mut seen = vec![0usize; n];
    for &i in batches.iter().flatten() {
        if i >= n {
            let mistake = (i == n).then(|| {
                Mistake::new(
                    "indices_start_at_1",
                    "the indices run from 0 to n − 1, not from 1 to n",
                )
            });
            return Some((format!("index {i} is out of range 0..{n}"), mistake));
        }
        seen[i] += 1;
    }
    if let Some(i) = seen.iter().position(|&c| c > 1) {
        let mistake = Mistake::new(
            "sampled_with_replacement",
            "an index appears twice: shuffle the indices 0..n and cut them into batches, instead \
             of drawing each index at random",
        );
        return Some((
            format!("index {i} appears {} times in one epoch", seen[i]),
            Some(mistake),
        ));
    }
    let total: usize = batches.iter().map(Vec::len).sum();
    if let Some(i) = seen.iter().position(|&c| c == 0) {
        let mistake = (total == n - n % batch).then(|| {
            Mistake::new(
                "drops_last_batch",
                "the last, shorter batch is missing: when batch does not divide n, the remaining \
                 n mod batch indices form one more batch",
            )
        });
        return Some((
            format!("index {i} is missing ({total} of {n} indices appear)"),
            mistake,
        ));
    }
    if let Some(k) = batches.iter().position(Vec::is_empty) {
        let mistake = Mistake::new(
            "empty_batch",
            "there is an empty batch: when batch divides n exactly, there is no extra batch at \
             the end",
        );
        return Some((format!("batch {k} is empty"), Some(mistake)));
    }
    let want_count = n.div_ceil(batch);
    let sizes_ok =
        batches.len() == want_count && batches[..want_count - 1].iter().all(|b| b.len() == batch);
    if !sizes_ok {
        return Some((
            format!(
                "expected {want_count} batches: {} of {batch} then one of {}",
                want_count - 1,
                n - batch * (want_count - 1)
            ),
            None,
        ));
    }
    None
}

/// minibatch_indices(n, batch) returns ⌈n/batch⌉ batches, all of size `batch` except possibly
/// the last, holding every index of 0..n exactly once.
///
/// Fixed: n = 1000, batch = 32 (31 batches of 32, one of 8); n = 64, batch = 32 (no empty
/// third batch); batch > n; batch = 1; n = 1. Then 20 seeded (n, batch). Exact comparison.
pub fn batches_partition_the_indices(minibatch_indices: impl BatchesFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::batches_partition_the_indices");
    let mut cases = vec![(1000, 32), (64, 32), (10, 25), (7, 1), (1, 4)];
    for _ in 0..20 {
        cases.push((inputs.index(1, 300), inputs.index(1, 50)));
    }
    for (n, batch) in cases {
        let batches = minibatch_indices(n, batch, &mut inputs.fork_rng());
        if let Some((problem, mistake)) = partition_problem(&batches, n, batch) {
            let last = n - batch * (n.div_ceil(batch) - 1);
            return Err(Feedback::new(
                "minibatch_indices does not split 0..n into batches that use every index once",
            )
            .call(format!("minibatch_indices(n = {n}, batch = {batch}, rng)"))
            .expected(format!(
                "{} batches: {} of size {batch}, then one of size {last}; every index once",
                n.div_ceil(batch),
                n.div_ceil(batch) - 1
            ))
            .got(describe(&batches))
            .note(problem)
            .mistake(mistake)
            .seed(inputs.seed()));
        }
    }
    Ok(())
}

/// Is this batch a run of consecutive indices in increasing order?
fn is_run(batch: &[usize]) -> bool {
    batch.windows(2).all(|w| w[1] == w[0] + 1)
}

/// minibatch_indices shuffles: a new random order every call, mixed across batches, and
/// every index equally likely in every position.
///
/// 20 calls with n = 1000, batch = 32 on one generator: the order must change from call to
/// call; at most 2 of the 32 batches may be runs of consecutive indices (a shuffle makes even
/// one unlikely: ~1e-40); index 0 must not always land in the same batch. Then 1000 calls
/// with n = batch = 10: each index comes first 100 ± 45 times (binomial, σ ≈ 9.5: ±4.7σ).
pub fn batches_are_shuffled(minibatch_indices: impl BatchesFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::batches_are_shuffled");
    let call = "minibatch_indices(n = 1000, batch = 32, rng), 20 times with the same rng";
    let fail = |summary: &str, got: String, mistake: Mistake, seed: u64| {
        Err(Feedback::new(summary)
            .call(call)
            .got(got)
            .mistake(Some(mistake))
            .seed(seed))
    };
    let mut rng = inputs.fork_rng();
    let epochs: Vec<Vec<Vec<usize>>> = (0..20)
        .map(|_| minibatch_indices(1000, 32, &mut rng))
        .collect();
    let partition = |e: &Vec<Vec<usize>>| partition_problem(e, 1000, 32);
    if epochs[0].iter().map(Vec::len).sum::<usize>() != 1000 {
        let problem = partition(&epochs[0]).unwrap_or_default();
        return Err(
            Feedback::new("minibatch_indices does not partition 0..1000 into batches")
                .call(call)
                .note(problem.0)
                .mistake(problem.1),
        );
    }
    let runs = epochs[0].iter().filter(|b| is_run(b)).count();
    if runs == epochs[0].len() && epochs[0].concat().windows(2).all(|w| w[0] < w[1]) {
        return fail(
            "minibatch_indices does not shuffle",
            "the batches [0..32], [32..64], … in order".to_string(),
            Mistake::new(
                "not_shuffled",
                "the indices come in their natural order: shuffle them (indices.shuffle(rng)) \
                 before cutting them into batches",
            ),
            inputs.seed(),
        );
    }
    if runs > 2 {
        return fail(
            "minibatch_indices only shuffles the order of the batches",
            format!("{runs} of 32 batches are runs of consecutive indices"),
            Mistake::new(
                "batch_order_only",
                "the batches are still blocks of consecutive indices, only their order changes: \
                 shuffle the indices themselves, then cut them into batches",
            ),
            inputs.seed(),
        );
    }
    if let Some(problem) = epochs.iter().find_map(partition) {
        return Err(
            Feedback::new("minibatch_indices does not partition 0..1000 into batches")
                .call(call)
                .note(problem.0)
                .mistake(problem.1),
        );
    }
    if epochs.iter().all(|e| e == &epochs[0]) {
        return fail(
            "minibatch_indices returns the same order every epoch",
            "20 identical orders".to_string(),
            Mistake::new(
                "same_order_every_epoch",
                "every call gives the same order: shuffle with the rng you are given (a generator \
                 created inside the function with a fixed seed repeats itself)",
            ),
            inputs.seed(),
        );
    }
    if rng.get_word_pos() == 0 {
        return fail(
            "minibatch_indices does not use the rng it is given",
            "the rng was never drawn from in 20 calls".to_string(),
            Mistake::new(
                "ignores_rng",
                "you shuffle with a generator of your own: shuffle with the `rng` argument \
                 (indices.shuffle(rng)), so that the caller's seed decides — and replays — \
                 the batches",
            ),
            inputs.seed(),
        );
    }
    let batch_of_zero: Vec<usize> = epochs
        .iter()
        .map(|e| e.iter().position(|b| b.contains(&0)).unwrap_or(0))
        .collect();
    if batch_of_zero.iter().all(|&k| k == batch_of_zero[0]) {
        return fail(
            "minibatch_indices only shuffles inside each batch",
            format!("index 0 is in batch {} in all 20 epochs", batch_of_zero[0]),
            Mistake::new(
                "within_batches_only",
                "each index stays in its batch, only the order inside a batch changes: shuffle \
                 all n indices first, then cut them into batches",
            ),
            inputs.seed(),
        );
    }
    let mut first_counts = [0usize; 10];
    let mut rng = inputs.fork_rng();
    for _ in 0..1000 {
        let batches = minibatch_indices(10, 10, &mut rng);
        if let Some(&first) = batches.first().and_then(|b| b.first()) {
            first_counts[first.min(9)] += 1;
        }
    }
    if let Some(i) = first_counts.iter().position(|&c| !(55..=145).contains(&c)) {
        return Err(
            Feedback::new("minibatch_indices does not shuffle uniformly")
                .call("minibatch_indices(n = 10, batch = 10, rng), 1000 times with the same rng")
                .expected("each index first in about 100 of the 1000 orders (55 to 145)")
                .got(format!(
                    "index {i} came first {} times; all counts {first_counts:?}",
                    first_counts[i]
                ))
                .note("use the library shuffle (rand::seq::SliceRandom), which is uniform")
                .seed(inputs.seed()),
        );
    }
    Ok(())
}

/// Full-batch gradient descent on the mean squared error, from w = b = 0 (the reference).
fn gradient_descent(x: &[f64], y: &[f64], lr: f64, epochs: usize, rule: Rule) -> (f64, f64) {
    let (mut w, mut b) = (0.0, 0.0);
    let n = match rule {
        Rule::BatchParameter(batch) => batch as f64,
        _ => x.len() as f64,
    };
    let steps = if rule == Rule::OneEpoch { 1 } else { epochs };
    for _ in 0..steps {
        let residual = |w: f64, b: f64, i: usize| w * x[i] + b - y[i];
        let gw: f64 = (0..x.len()).map(|i| residual(w, b, i) * x[i]).sum();
        let gb_at = |w: f64| (0..x.len()).map(|i| residual(w, b, i)).sum::<f64>();
        let scale = match rule {
            Rule::Sum => 2.0,
            Rule::Half => 1.0 / n,
            _ => 2.0 / n,
        };
        let sign = if rule == Rule::Uphill { -1.0 } else { 1.0 };
        let new_w = w - sign * lr * scale * gw;
        let gb = if rule == Rule::UpdatedW {
            gb_at(new_w)
        } else {
            gb_at(w)
        };
        b -= sign * lr * scale * gb;
        w = new_w;
    }
    (w, b)
}

/// Variants of the gradient-descent step: the right one and plausible wrong ones.
#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Right,
    Half,
    Sum,
    Uphill,
    UpdatedW,
    OneEpoch,
    /// Divides by the `batch` argument instead of the size of the batch at hand.
    BatchParameter(usize),
}

fn step_mistakes(
    x: &[f64],
    y: &[f64],
    lr: f64,
    batch: usize,
    epochs: usize,
) -> Vec<(Mistake, Vec<f64>)> {
    let list = [
        (
            Rule::Half,
            "missing_factor_2",
            "your gradient misses the factor 2: the loss is the mean of (ŷ − y)² without ½, so \
             ∂L/∂w = (2/|B|)·Σ (ŷᵢ − yᵢ)·xᵢ",
        ),
        (
            Rule::Sum,
            "sum_not_mean",
            "your gradient sums over the batch; the loss is the *mean* squared error, so divide \
             by the batch size |B|",
        ),
        (
            Rule::Uphill,
            "uphill_step",
            "your step goes uphill: w ← w − lr·∂L/∂w and b ← b − lr·∂L/∂b",
        ),
        (
            Rule::UpdatedW,
            "b_uses_updated_w",
            "b's gradient is computed with the already-updated w; compute both gradients at the \
             old (w, b), then update both",
        ),
        (
            Rule::OneEpoch,
            "one_epoch_only",
            "your loop runs one epoch; it must run `epochs` epochs",
        ),
        (
            Rule::BatchParameter(batch),
            "divides_by_batch_argument",
            "you divide by the `batch` argument; a batch can be smaller than that (the last \
             one, or the only one when batch > n): divide by the number of indices in the \
             batch at hand, indices.len()",
        ),
    ];
    list.into_iter()
        .map(|(rule, id, text)| {
            let (w, b) = gradient_descent(x, y, lr, epochs, rule);
            (Mistake::new(id, text), vec![w, b])
        })
        .collect()
}

/// With one batch holding all the points, sgd_linreg is gradient descent on the mean squared
/// error from w = b = 0, one step per epoch.
///
/// Fixed: the worked number, points (1, 1) and (2, 3), lr 0.1, one epoch → w = 0.7, b = 0.4.
/// Then 20 seeded data sets (n in 5..40, batch n or n + 5, 1–5 epochs, lr in [0.01, 0.1]).
/// Tolerance 1e-9 relative (see the module comment).
pub fn full_batch_is_gradient_descent(sgd_linreg: impl LinregFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::full_batch_is_gradient_descent");
    let mut cases = vec![(vec![1.0, 2.0], vec![1.0, 3.0], 0.1, 2, 1)];
    for _ in 0..20 {
        let n = inputs.index(5, 40);
        let x = inputs.uniform_vec(n, -2.0, 2.0);
        let y: Vec<f64> = x
            .iter()
            .map(|&xi| 1.5 * xi + 0.5 + inputs.normal())
            .collect();
        let batch = if inputs.uniform(0.0, 1.0) < 0.5 {
            n
        } else {
            n + 5
        };
        cases.push((x, y, inputs.uniform(0.01, 0.1), batch, inputs.index(1, 6)));
    }
    for (case, (x, y, lr, batch, epochs)) in cases.into_iter().enumerate() {
        let (w, b) = sgd_linreg(&x, &y, lr, batch, epochs, &mut inputs.fork_rng());
        let want = if case == 0 {
            // By hand: ∂L/∂w = −7, ∂L/∂b = −4, so w = 0.7 and b = 0.4 after one step of 0.1.
            vec![0.7, 0.4]
        } else {
            let (w, b) = gradient_descent(&x, &y, lr, epochs, Rule::Right);
            vec![w, b]
        };
        if first_mismatch(&[w, b], &want, FULL_BATCH_TOL).is_some() {
            return Err(Feedback::new(
                "with a single batch, sgd_linreg should be gradient descent on the mean squared error",
            )
            .call(format!(
                "sgd_linreg(x = {}, y = {}, lr = {}, batch = {batch}, epochs = {epochs}, rng)",
                fmt_slice(&x),
                fmt_slice(&y),
                fmt_f64(lr)
            ))
            .expected(format!("(w, b) = ({}, {})", fmt_f64(want[0]), fmt_f64(want[1])))
            .got(format!("({}, {})", fmt_f64(w), fmt_f64(b)))
            .tolerance(format!("each: |got − expected| ≤ {} · max(1, |expected|)", fmt_f64(FULL_BATCH_TOL)))
            .note("L = (1/|B|)·Σ (w·xᵢ + b − yᵢ)², both gradients at the old (w, b), start at w = b = 0")
            .mistake(name_mistake_vec(&[w, b], step_mistakes(&x, &y, lr, batch, epochs), 1e-9))
            .seed(inputs.seed()));
        }
    }
    Ok(())
}

/// SGD recovers y = 3x − 2 from 1000 noisy points: |w − 3| < 0.05 and |b + 2| < 0.05, and it
/// shuffles anew every epoch.
///
/// x uniform in [−1, 1], noise N(0, 0.1²); lr 0.05, batch 32, 20 epochs (640 steps), three
/// seeded data sets. Least squares itself is within ~0.006 of (3, −2) here (noise
/// 0.1/√(1000/3) for w, 0.1/√1000 for b), and 640 steps of 0.05 shrink the start's error by
/// (1 − 0.1·E[x²]·2)⁶⁴⁰ < 1e-9, so a correct SGD lands well inside 0.05, while one step per
/// epoch (20 steps of full-batch GD) stops short at b ≈ −1.8.
///
/// Two things the fit cannot show are checked after it. The batches must come from the rng
/// passed in (it must have been drawn from). And reusing the first epoch's batches fits the
/// line as well, so a tiny problem tells: the points (1, 1) and (2, 3), batch 1, lr 0.05,
/// 3 epochs — each epoch visits the points in one of 2 orders, so a run has 2³ = 8 equally
/// likely histories, each ending at a different (w, b) (steps on two points with different
/// x do not commute). Over 40 seeds a loop that shuffles every epoch shows at least 3 of
/// them (fewer has probability 28·(1/4)⁴⁰ < 1e-22); one that reuses its batches shows 2 at
/// most, whatever generator it shuffles with.
pub fn sgd_fits_a_noisy_line(sgd_linreg: impl LinregFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::sgd_fits_a_noisy_line");
    let (lr, batch, epochs) = (0.05, 32, 20);
    for _ in 0..3 {
        let x = inputs.uniform_vec(1000, -1.0, 1.0);
        let y: Vec<f64> = x
            .iter()
            .map(|&xi| 3.0 * xi - 2.0 + 0.1 * inputs.normal())
            .collect();
        let mut rng = inputs.fork_rng();
        let (w, b) = sgd_linreg(&x, &y, lr, batch, epochs, &mut rng);
        if (w - 3.0).abs() < 0.05 && (b + 2.0).abs() < 0.05 {
            expect_rng_used(rng.get_word_pos()).map_err(|fb| fb.seed(inputs.seed()))?;
            continue;
        }
        let one_step_per_epoch = gradient_descent(&x, &y, lr, epochs, Rule::Right);
        let full_batch = Mistake::new(
            "one_step_per_epoch",
            "you take one full-batch step per epoch; SGD takes one step per minibatch, \
             ⌈n/batch⌉ = 32 steps per epoch here",
        );
        let diverged = Mistake::new(
            "diverged",
            "(w, b) blew up: with a *sum* over the batch instead of the mean, the steps are \
             |B| times too large for this learning rate",
        );
        let named = if first_mismatch(&[w, b], &[one_step_per_epoch.0, one_step_per_epoch.1], 1e-9)
            .is_none()
        {
            Some(full_batch)
        } else if !(w.is_finite() && b.is_finite()) || w.abs().max(b.abs()) > 1e3 {
            Some(diverged)
        } else {
            None
        };
        return Err(Feedback::new("sgd_linreg does not fit the line y = 3x − 2")
            .call(format!(
                "sgd_linreg(1000 points of y = 3x − 2 + noise, lr = {lr}, batch = {batch}, \
                 epochs = {epochs}, rng)"
            ))
            .expected("w within 0.05 of 3 and b within 0.05 of −2")
            .got(format!("(w, b) = ({}, {})", fmt_f64(w), fmt_f64(b)))
            .mistake(named)
            .seed(inputs.seed()));
    }
    batches_change_every_epoch(&sgd_linreg)
}

/// Fails unless the training run drew from the generator it was given.
fn expect_rng_used(drawn: u128) -> CheckResult {
    if drawn > 0 {
        return Ok(());
    }
    Err(
        Feedback::new("sgd_linreg does not draw its batches from the rng it is given")
            .call("sgd_linreg(1000 points, lr = 0.05, batch = 32, epochs = 20, rng)")
            .got("the rng was never drawn from")
            .mistake(Some(Mistake::new(
                "ignores_rng",
                "get each epoch's batches from minibatch_indices(x.len(), batch, rng) with \
                 the `rng` argument, so that the caller's seed decides — and replays — the \
                 run",
            ))),
    )
}

/// The runs for the reshuffling check of `sgd_fits_a_noisy_line` (see there).
const HISTORY_RUNS: usize = 40;

/// A loop that shuffles every epoch ends in at least 3 different places over 40 seeds of
/// the two-point problem (see `sgd_fits_a_noisy_line`).
fn batches_change_every_epoch(sgd_linreg: impl LinregFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::batches_change_every_epoch");
    let (x, y) = ([1.0, 2.0], [1.0, 3.0]);
    let mut ends: Vec<(f64, f64)> = Vec::new();
    for _ in 0..HISTORY_RUNS {
        let end = sgd_linreg(&x, &y, 0.05, 1, 3, &mut inputs.fork_rng());
        if !ends
            .iter()
            .any(|e| e.0.to_bits() == end.0.to_bits() && e.1.to_bits() == end.1.to_bits())
        {
            ends.push(end);
        }
    }
    if ends.len() >= 3 {
        return Ok(());
    }
    Err(
        Feedback::new("sgd_linreg does not shuffle the data anew every epoch")
            .call(format!(
                "sgd_linreg(x = [1, 2], y = [1, 3], lr = 0.05, batch = 1, epochs = 3, rng) with \
             {HISTORY_RUNS} different rngs"
            ))
            .expected(
                "at least 3 different results: each epoch visits the two points in a random order, \
             so there are 2³ = 8 equally likely histories",
            )
            .got(format!(
                "{} different result(s): {}",
                ends.len(),
                ends.iter()
                    .map(|(w, b)| format!("({}, {})", fmt_f64(*w), fmt_f64(*b)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .mistake(Some(Mistake::new(
                "same_batches_every_epoch",
                "you cut the batches once and reuse them in every epoch: call minibatch_indices \
             inside the epoch loop, so each epoch visits the data in a new random order",
            )))
            .seed(inputs.seed()),
    )
}

#[cfg(test)]
mod catalogue;
