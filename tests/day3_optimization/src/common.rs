//! Helpers shared by the checks of day 3: comparing vectors, naming mistakes from whole
//! vectors or from patterns of discrete answers, and driving an optimizer step by step.

use gradlings_support::{CheckResult, Feedback, Mistake, close, fmt_f64, fmt_slice};

/// One optimizer as the checks see it: a closure doing `step(params, grads)` on its own state.
///
/// The graded tests wrap the student's `Optimizer` in one of these, so the same checks drive
/// the student's optimizers, the solutions and the catalogued wrong ones.
pub type StepFn = Box<dyn FnMut(&mut [f64], &[f64])>;

/// A function of several variables, boxed so that tables of test cases can hold different ones.
pub type Function = Box<dyn Fn(&[f64]) -> f64>;

/// Index of the first component where `got` and `want` are not close, or `Some(len)` when the
/// lengths differ; `None` when every component is close.
pub fn first_mismatch(got: &[f64], want: &[f64], tol: f64) -> Option<usize> {
    if got.len() != want.len() {
        return Some(got.len().min(want.len()));
    }
    (0..want.len()).find(|&i| !close(got[i], want[i], tol))
}

/// The first candidate whose whole vector matches `got` (same length, every component close).
pub fn name_mistake_vec(
    got: &[f64],
    candidates: impl IntoIterator<Item = (Mistake, Vec<f64>)>,
    tol: f64,
) -> Option<Mistake> {
    candidates
        .into_iter()
        .find(|(_, value)| {
            value.iter().all(|v| v.is_finite()) && first_mismatch(got, value, tol).is_none()
        })
        .map(|(mistake, _)| mistake)
}

/// Fails unless `got` has the length of `want` and every component is close (relative `tol`).
/// The feedback shows the first wrong component and both vectors.
pub fn expect_vec_close(
    got: &[f64],
    want: &[f64],
    tol: f64,
    what: &str,
    context: impl FnOnce() -> Feedback,
) -> CheckResult {
    let Some(i) = first_mismatch(got, want, tol) else {
        return Ok(());
    };
    let mut feedback = context();
    if got.len() != want.len() {
        feedback = feedback
            .expected(format!("{} values {}", want.len(), fmt_slice(want)))
            .got(format!("{} values {}", got.len(), fmt_slice(got)));
    } else {
        feedback = feedback
            .expected(fmt_slice(want))
            .got(fmt_slice(got))
            .tolerance(format!(
                "every component: |got − expected| ≤ {} · max(1, |expected|)",
                fmt_f64(tol)
            ))
            .note(format!(
                "first wrong component: {what}[{i}] = {}, expected {}",
                fmt_f64(got[i]),
                fmt_f64(want[i])
            ));
        if !got[i].is_finite() {
            feedback = feedback.note(gradlings_support::tolerance::non_finite_note(got[i]));
        }
    }
    Err(feedback)
}

/// Names a mistake from discrete answers (a regime, a label, a yes/no) over a whole table of
/// cases: the first candidate that gives exactly the student's answers on every case, or else
/// the first one that gives the student's answer on the case that failed.
pub fn name_pattern_mistake<T: PartialEq>(
    got: &[T],
    failed_case: usize,
    candidates: Vec<(Mistake, Vec<T>)>,
) -> Option<Mistake> {
    let whole = candidates
        .iter()
        .position(|(_, answers)| answers.as_slice() == got);
    let index = whole.or_else(|| {
        candidates
            .iter()
            .position(|(_, answers)| answers.get(failed_case) == got.get(failed_case))
    })?;
    candidates
        .into_iter()
        .nth(index)
        .map(|(mistake, _)| mistake)
}

/// Two runs that did not converge ended at the same place (or both blew up).
pub fn same_end(a: &[f64], b: &[f64]) -> bool {
    let finite = |v: &[f64]| v.iter().all(|x| x.is_finite());
    if !finite(a) || !finite(b) {
        return !finite(a) && !finite(b);
    }
    first_mismatch(a, b, 1e-9).is_none()
}

/// Euclidean norm.
pub fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Runs `step` for `steps` steps from `x0` on `grad`; every iterate `[x_0, …, x_steps]`.
pub fn run_optimizer(
    step: &mut StepFn,
    grad: &dyn Fn(&[f64]) -> Vec<f64>,
    x0: &[f64],
    steps: usize,
) -> Vec<Vec<f64>> {
    let mut x = x0.to_vec();
    let mut path = vec![x.clone()];
    for _ in 0..steps {
        let g = grad(&x);
        step(&mut x, &g);
        path.push(x.clone());
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_mismatch_reports_lengths_and_components() {
        assert_eq!(first_mismatch(&[1.0, 2.0], &[1.0, 2.0], 1e-12), None);
        assert_eq!(first_mismatch(&[1.0, 2.5], &[1.0, 2.0], 1e-12), Some(1));
        assert_eq!(first_mismatch(&[1.0], &[1.0, 2.0], 1e-12), Some(1));
        assert_eq!(first_mismatch(&[f64::NAN], &[1.0], 1e-12), Some(0));
    }

    #[test]
    fn pattern_prefers_a_whole_match() {
        let candidates = vec![
            (Mistake::new("a", "a"), vec![1, 2, 3]),
            (Mistake::new("b", "b"), vec![1, 2, 4]),
        ];
        let named = name_pattern_mistake(&[0, 2, 4], 1, candidates.clone());
        assert_eq!(named.unwrap().id, "a"); // no whole match: first agreeing on case 1
        assert_eq!(
            name_pattern_mistake(&[1, 2, 4], 2, candidates).unwrap().id,
            "b"
        );
    }
}
