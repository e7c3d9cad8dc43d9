//! Plausible wrong answers to 4.7, written on the catalogue's own tape (`crate::test_tape`)
//! as a student would write them on theirs, each of which the checks must reject and name,
//! and correct alternatives they must accept.

use super::*;
use crate::program::reference_tape::TapeFlaw;
use crate::test_tape::{DERIVED, DIRECT, RIGHT, TestTape, flaw};
use gradlings_support::{assert_accepts, assert_rejects};

#[derive(Clone, Copy, PartialEq)]
enum Loss {
    Right,
    /// Sums each example's loss and divides once, squaring with powf.
    RightPerExample,
    MissingHalf,
    SumNotMean,
    MeanOverAllEntries,
    NoTanh,
}

/// `tape_loss_and_grads` on the catalogue's tape with flaw `F` and style `S`.
fn on_tape<const F: usize, const S: usize>(
    x: &Array2<f64>,
    y: &Array2<f64>,
    p: &Params,
    loss_kind: Loss,
) -> (f64, Params) {
    let tape = TestTape::<F, S>::new();
    let w1 = p.w1.mapv(|w| tape.var(w));
    let b1 = p.b1.mapv(|b| tape.var(b));
    let w2 = p.w2.mapv(|w| tape.var(w));
    let b2 = p.b2.mapv(|b| tape.var(b));
    let batch = x.nrows() as f64;
    let mut total = tape.constant(0.0);
    for (xr, yr) in x.rows().into_iter().zip(y.rows()) {
        let hidden: Vec<_> = (0..w1.nrows())
            .map(|j| {
                let mut z = b1[j];
                for i in 0..xr.len() {
                    z = z + w1[[j, i]] * xr[i];
                }
                if loss_kind == Loss::NoTanh {
                    z
                } else {
                    z.tanh()
                }
            })
            .collect();
        let mut example = tape.constant(0.0);
        for k in 0..yr.len() {
            let mut out = b2[k];
            for (j, &h) in hidden.iter().enumerate() {
                out = out + w2[[k, j]] * h;
            }
            let r = out - yr[k];
            example = example
                + if loss_kind == Loss::RightPerExample {
                    r.powf(2.0)
                } else {
                    r * r
                };
        }
        total = if loss_kind == Loss::RightPerExample {
            total + 0.5 * example
        } else {
            total + example
        };
    }
    let loss = match loss_kind {
        Loss::RightPerExample => total / batch,
        Loss::MissingHalf => total / batch,
        Loss::SumNotMean => 0.5 * total,
        Loss::MeanOverAllEntries => total * (0.5 / (batch * y.ncols() as f64)),
        Loss::Right | Loss::NoTanh => total * (0.5 / batch),
    };
    let grads = loss.backward();
    let g = Params {
        w1: w1.mapv(|v| grads[v]),
        b1: b1.mapv(|v| grads[v]),
        w2: w2.mapv(|v| grads[v]),
        b2: b2.mapv(|v| grads[v]),
    };
    (loss.value(), g)
}

fn right(x: &Array2<f64>, y: &Array2<f64>, p: &Params) -> (f64, Params) {
    on_tape::<RIGHT, DERIVED>(x, y, p, Loss::Right)
}

fn wrong(kind: Loss) -> impl ForwardBackward {
    move |x: &Array2<f64>, y: &Array2<f64>, p: &Params| on_tape::<RIGHT, DERIVED>(x, y, p, kind)
}

#[test]
fn tape_accepts_both_tape_styles_and_a_per_example_sum() {
    assert_accepts(tape_matches_backprop(right));
    assert_accepts(tape_matches_backprop(
        |x: &Array2<f64>, y: &Array2<f64>, p: &Params| {
            on_tape::<RIGHT, DIRECT>(x, y, p, Loss::RightPerExample)
        },
    ));
}

#[test]
fn tape_rejects_a_missing_half() {
    assert_rejects(
        tape_matches_backprop(wrong(Loss::MissingHalf)),
        "missing_half",
    );
}

#[test]
fn tape_rejects_a_sum_over_the_batch() {
    assert_rejects(
        tape_matches_backprop(wrong(Loss::SumNotMean)),
        "sum_not_mean",
    );
}

#[test]
fn tape_rejects_a_mean_over_every_entry() {
    assert_rejects(
        tape_matches_backprop(wrong(Loss::MeanOverAllEntries)),
        "mean_over_all_entries",
    );
}

#[test]
fn tape_rejects_a_forgotten_tanh() {
    assert_rejects(
        tape_matches_backprop(wrong(Loss::NoTanh)),
        "missing_hidden_activation",
    );
}

#[test]
fn tape_rejects_a_tape_that_overwrites_gradients() {
    const F: usize = flaw(TapeFlaw::GradOverwritten);
    let result = tape_matches_backprop(|x: &Array2<f64>, y: &Array2<f64>, p: &Params| {
        on_tape::<F, DERIVED>(x, y, p, Loss::Right)
    });
    gradlings_support::assert_fails_saying(result, "should equal backpropagation's");
}

// ---- the training loop ----

#[derive(Clone, Copy, PartialEq)]
enum Loop {
    Right,
    Rebuilt,
    Ascent,
    LrIgnored,
    ExtraStep,
    MissingStep,
    LossAfterStep,
    NeverUpdates,
}

fn train(
    p0: &Params,
    x: &Array2<f64>,
    y: &Array2<f64>,
    lr: f64,
    steps: usize,
    how: Loop,
) -> (Params, Vec<f64>) {
    let mut p = p0.clone();
    let mut losses = Vec::new();
    let rounds = match how {
        Loop::ExtraStep => steps + 1,
        Loop::MissingStep => steps - 1,
        _ => steps,
    };
    for _ in 0..rounds {
        let (loss, g) = right(x, y, &p);
        if how != Loop::LossAfterStep {
            losses.push(loss);
        }
        let step = match how {
            Loop::Ascent => -lr,
            Loop::LrIgnored => 1.0,
            Loop::NeverUpdates => 0.0,
            _ => lr,
        };
        if how == Loop::Rebuilt {
            p = Params {
                w1: &p.w1 - &(step * &g.w1),
                b1: &p.b1 - &(step * &g.b1),
                w2: &p.w2 - &(step * &g.w2),
                b2: &p.b2 - &(step * &g.b2),
            };
        } else {
            p.w1.scaled_add(-step, &g.w1);
            p.b1.scaled_add(-step, &g.b1);
            p.w2.scaled_add(-step, &g.w2);
            p.b2.scaled_add(-step, &g.b2);
        }
        if how == Loop::LossAfterStep {
            losses.push(right(x, y, &p).0);
        }
    }
    (p, losses)
}

fn trainer(how: Loop) -> impl TrainOnTape + Copy {
    move |p0: &Params, x: &Array2<f64>, y: &Array2<f64>, lr: f64, steps: usize| {
        train(p0, x, y, lr, steps, how)
    }
}

#[test]
fn loop_accepts_in_place_and_rebuilt_updates() {
    for how in [Loop::Right, Loop::Rebuilt] {
        assert_accepts(training_matches_backprop(trainer(how)));
        assert_accepts(loss_decreases_monotonically(trainer(how)));
    }
}

#[test]
fn loop_rejects_ascent() {
    assert_rejects(training_matches_backprop(trainer(Loop::Ascent)), "ascent");
    assert_rejects(
        loss_decreases_monotonically(trainer(Loop::Ascent)),
        "ascent",
    );
}

#[test]
fn loop_rejects_ignoring_the_learning_rate() {
    assert_rejects(
        training_matches_backprop(trainer(Loop::LrIgnored)),
        "lr_ignored",
    );
}

#[test]
fn loop_rejects_an_extra_step() {
    assert_rejects(
        training_matches_backprop(trainer(Loop::ExtraStep)),
        "one_step_too_many",
    );
}

#[test]
fn loop_rejects_a_missing_step() {
    assert_rejects(
        training_matches_backprop(trainer(Loop::MissingStep)),
        "one_step_too_few",
    );
}

#[test]
fn loop_rejects_the_loss_after_each_step() {
    assert_rejects(
        training_matches_backprop(trainer(Loop::LossAfterStep)),
        "loss_after_step",
    );
}

#[test]
fn loop_rejects_never_updating() {
    assert_rejects(
        loss_decreases_monotonically(trainer(Loop::NeverUpdates)),
        "params_not_updated",
    );
}
