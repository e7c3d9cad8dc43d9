//! Checks for 3.8 — PageRank by power iteration (d = 0.85, dangling pages spread uniformly).
//!
//! The reference is not an iteration but the fixed point itself: the test solves the linear
//! system (I − d·M)·r = (1 − d)/n·𝟙 (M the column-stochastic link matrix, dangling columns
//! 1/n) by Gaussian elimination. The iteration shrinks its distance to that point by d per
//! update, so stopping when an update changes r by less than tol (L1) leaves an error below
//! d/(1 − d)·tol ≈ 5.7·tol; the checks pass tol = 1e-12 and require L1 < 1e-9.

use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, fmt_f64, fmt_slice};
use ndarray::{Array1, Array2};

/// What the student implements: `pagerank(n, edges, d, tol)`.
pub trait PagerankFn: Fn(usize, &[(usize, usize)], f64, f64) -> Array1<f64> {}
impl<T: Fn(usize, &[(usize, usize)], f64, f64) -> Array1<f64>> PagerankFn for T {}

/// The tolerance passed to the student's iteration, and the L1 error allowed.
const ITERATION_TOL: f64 = 1e-12;
const L1_TOL: f64 = 1e-9;

/// Solves a·x = b by Gaussian elimination with partial pivoting.
fn solve(mut a: Array2<f64>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| a[[i, col]].abs().total_cmp(&a[[j, col]].abs()))
            .unwrap_or(col);
        for k in 0..n {
            a.swap([col, k], [pivot, k]);
        }
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[[row, col]] / a[[col, col]];
            for k in col..n {
                a[[row, k]] -= factor * a[[col, k]];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[[row, k]] * x[k]).sum();
        x[row] = (b[row] - rest) / a[[row, row]];
    }
    x
}

/// Variants of the model, for the reference and the plausible wrong answers.
#[derive(Clone, Copy, PartialEq)]
enum Model {
    Right,
    DanglingLost,
    DanglingKept,
    TeleportNotDivided,
    Reversed,
    DampingSwapped,
}

/// The fixed point of the model's update, by a linear solve.
fn fixed_point(n: usize, edges: &[(usize, usize)], d: f64, model: Model) -> Vec<f64> {
    let edges: Vec<(usize, usize)> = if model == Model::Reversed {
        edges.iter().map(|&(a, b)| (b, a)).collect()
    } else {
        edges.to_vec()
    };
    let (link, teleport) = if model == Model::DampingSwapped {
        (1.0 - d, d)
    } else {
        (d, 1.0 - d)
    };
    let out_degree = out_degrees(n, &edges);
    // A = I − link·M, M[to][from] = 1/outdeg(from); dangling columns 1/n.
    let mut a = Array2::<f64>::eye(n);
    for &(from, to) in &edges {
        a[[to, from]] -= link / out_degree[from] as f64;
    }
    for j in (0..n).filter(|&j| out_degree[j] == 0) {
        match model {
            Model::DanglingLost => {}
            // The page passes its share to itself: a self-loop.
            Model::DanglingKept => a[[j, j]] -= link,
            _ => {
                for i in 0..n {
                    a[[i, j]] -= link / n as f64;
                }
            }
        }
    }
    let jump = if model == Model::TeleportNotDivided {
        teleport
    } else {
        teleport / n as f64
    };
    solve(a, vec![jump; n])
}

/// The plausible wrong answers: other fixed points, and one update only.
fn mistakes(n: usize, edges: &[(usize, usize)], d: f64) -> Vec<(Mistake, Vec<f64>)> {
    let list = [
        (
            Model::DanglingLost,
            "dangling_mass_lost",
            "the rank of pages without links disappears (the ranks sum to less than 1): spread \
             it over all n pages, d·Σ_dangling r_j / n for every page",
        ),
        (
            Model::DanglingKept,
            "dangling_mass_kept",
            "a page without links keeps its own rank, as if it linked to itself; from a dead \
             end the surfer jumps to a random page, so spread d·r_j / n over all n pages",
        ),
        (
            Model::TeleportNotDivided,
            "teleport_not_divided_by_n",
            "the random jump lands on one of n pages, so each gets (1 − d)/n, not 1 − d",
        ),
        (
            Model::Reversed,
            "edges_reversed",
            "an edge (from, to) passes rank from `from` to `to`; yours flows the other way",
        ),
        (
            Model::DampingSwapped,
            "damping_swapped",
            "d is the probability of following a link: the links carry d·r, the random jump 1 − d",
        ),
    ];
    let mut candidates: Vec<(Mistake, Vec<f64>)> = list
        .into_iter()
        .map(|(model, id, text)| (Mistake::new(id, text), fixed_point(n, edges, d, model)))
        .collect();
    candidates.push((
        Mistake::new(
            "stops_after_one_update",
            "you return after a single update; repeat until the L1 change is below tol",
        ),
        one_update(n, edges, d),
    ));
    // Two mistakes whose limit has no linear solve: iterate them as a student's loop would.
    let out_degree = out_degrees(n, edges);
    let links = |r: &[f64], share: f64, next: &mut [f64]| {
        for &(from, to) in edges {
            next[to] += share * r[from] / out_degree[from] as f64;
        }
    };
    let no_damping = iterate_to_limit(n, |r| {
        let dangling: f64 = (0..n).filter(|&j| out_degree[j] == 0).map(|j| r[j]).sum();
        let mut next = vec![dangling / n as f64; n];
        links(r, 1.0, &mut next);
        next
    });
    let renormalised = iterate_to_limit(n, |r| {
        let mut next = vec![(1.0 - d) / n as f64; n];
        links(r, d, &mut next);
        let total: f64 = next.iter().sum();
        next.iter().map(|v| v / total).collect()
    });
    let iterated = [
        (
            no_damping,
            "no_damping",
            "you follow the links with probability 1: the surfer follows a link with \
             probability d and jumps to a random page with 1 − d, which every page receives as \
             (1 − d)/n",
        ),
        (
            renormalised,
            "dangling_mass_renormalised",
            "you drop the rank of pages without links and rescale the ranks to sum to 1; that \
             scales the random jump too. Spread d·Σ_dangling r_j / n over all n pages instead",
        ),
    ];
    for (limit, id, text) in iterated {
        if let Some(limit) = limit {
            candidates.push((Mistake::new(id, text), limit));
        }
    }
    candidates
}

fn out_degrees(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut out_degree = vec![0usize; n];
    for &(from, _) in edges {
        out_degree[from] += 1;
    }
    out_degree
}

/// The limit of `update` iterated from the uniform start, if it settles.
fn iterate_to_limit(n: usize, update: impl Fn(&[f64]) -> Vec<f64>) -> Option<Vec<f64>> {
    let mut ranks = vec![1.0 / n as f64; n];
    for _ in 0..20_000 {
        let next = update(&ranks);
        let change = l1(&next, &ranks);
        ranks = next;
        if change < 1e-14 {
            return Some(ranks);
        }
    }
    None
}

/// One update from the uniform start (the test's own iteration step).
fn one_update(n: usize, edges: &[(usize, usize)], d: f64) -> Vec<f64> {
    let out_degree = out_degrees(n, edges);
    let start = 1.0 / n as f64;
    let dangling = start * out_degree.iter().filter(|&&k| k == 0).count() as f64;
    let mut next = vec![(1.0 - d) / n as f64 + d * dangling / n as f64; n];
    for &(from, to) in edges {
        next[to] += d * start / out_degree[from] as f64;
    }
    next
}

fn l1(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum()
}

fn name_mistake(got: &[f64], n: usize, edges: &[(usize, usize)], d: f64) -> Option<Mistake> {
    mistakes(n, edges, d)
        .into_iter()
        .find(|(_, want)| got.len() == want.len() && l1(got, want) < 1e-6)
        .map(|(mistake, _)| mistake)
}

fn fmt_edges(edges: &[(usize, usize)]) -> String {
    if edges.len() <= 8 {
        let parts: Vec<String> = edges.iter().map(|(a, b)| format!("{a}→{b}")).collect();
        parts.join(", ")
    } else {
        format!("{} random edges", edges.len())
    }
}

/// Compares a rank vector with `want` in L1.
fn compare(
    got: &Array1<f64>,
    want: &[f64],
    n: usize,
    edges: &[(usize, usize)],
    d: f64,
    seed: Option<u64>,
) -> CheckResult {
    let got = got.to_vec();
    let call = format!(
        "pagerank(n = {n}, edges = {}, d = {}, tol = {})",
        fmt_edges(edges),
        fmt_f64(d),
        fmt_f64(ITERATION_TOL)
    );
    let with_seed = |fb: Feedback| match seed {
        Some(s) => fb.seed(s),
        None => fb,
    };
    if got.len() != n {
        return Err(with_seed(
            Feedback::new("pagerank returns the wrong number of ranks")
                .call(call)
                .expected(format!("{n} ranks, one per page"))
                .got(format!("{} values", got.len())),
        ));
    }
    let error = l1(&got, want);
    let within = error < L1_TOL; // false for NaN
    if within {
        return Ok(());
    }
    Err(with_seed(
        Feedback::new("pagerank does not return the PageRank vector")
            .call(call)
            .expected(fmt_slice(want))
            .got(fmt_slice(&got))
            .tolerance(format!("Σ|got − expected| < {}", fmt_f64(L1_TOL)))
            .note(format!(
                "L1 distance {}; your ranks sum to {}",
                fmt_f64(error),
                fmt_f64(got.iter().sum())
            ))
            .mistake(name_mistake(&got, n, edges, d)),
    ))
}

/// The spec's graph 0→1, 0→2, 1→2, 2→0, 3→2, 3→4 (page 4 dangling) with d = 0.85 has the
/// ranks [0.3501783623, 0.1884166981, 0.3653970214, 0.0395908941, 0.0564170241].
///
/// The stated values have 10 decimals (error ≤ 5e-11 each), so the L1 bound is 1e-9.
pub fn ranks_of_the_example_graph(pagerank: impl PagerankFn) -> CheckResult {
    let edges = [(0, 1), (0, 2), (1, 2), (2, 0), (3, 2), (3, 4)];
    let want = [
        0.3501783623,
        0.1884166981,
        0.3653970214,
        0.0395908941,
        0.0564170241,
    ];
    compare(
        &pagerank(5, &edges, 0.85, ITERATION_TOL),
        &want,
        5,
        &edges,
        0.85,
        None,
    )
}

/// A random graph on n pages: each possible link with probability p, and some pages forced
/// to have no links at all.
fn random_graph(inputs: &mut Inputs, n: usize, p: f64, dangling: usize) -> Vec<(usize, usize)> {
    let mut edges = Vec::new();
    for from in dangling..n {
        for to in 0..n {
            if from != to && inputs.uniform(0.0, 1.0) < p {
                edges.push((from, to));
            }
        }
    }
    // Shuffle the order of the edges (Fisher–Yates on the seeded inputs).
    for i in (1..edges.len()).rev() {
        let j = inputs.index(0, i + 1);
        edges.swap(i, j);
    }
    edges
}

/// pagerank matches the linear solve on 10 seeded random graphs of 50 pages (link
/// probability 0.02–0.15, 3–10 dangling pages, d = 0.85 or random in [0.5, 0.95]):
/// L1 < 1e-9 with tol = 1e-12.
pub fn random_graphs_match_the_linear_solve(pagerank: impl PagerankFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::random_graphs_match_the_linear_solve");
    for k in 0..10 {
        let p = inputs.uniform(0.02, 0.15);
        let dangling = inputs.index(3, 11);
        let edges = random_graph(&mut inputs, 50, p, dangling);
        let d = if k < 5 {
            0.85
        } else {
            inputs.uniform(0.5, 0.95)
        };
        let want = fixed_point(50, &edges, d, Model::Right);
        compare(
            &pagerank(50, &edges, d, ITERATION_TOL),
            &want,
            50,
            &edges,
            d,
            Some(inputs.seed()),
        )?;
    }
    Ok(())
}

/// The ranks are a probability distribution: all positive, summing to 1 within 1e-9, also
/// when half the pages are dangling (10 seeded graphs of 5–60 pages).
pub fn ranks_sum_to_one(pagerank: impl PagerankFn) -> CheckResult {
    let mut inputs = Inputs::new("day3::ranks_sum_to_one");
    for _ in 0..10 {
        let n = inputs.index(5, 61);
        let p = inputs.uniform(0.05, 0.3);
        let edges = random_graph(&mut inputs, n, p, n / 2);
        let got = pagerank(n, &edges, 0.85, ITERATION_TOL).to_vec();
        let sum: f64 = got.iter().sum();
        let positive = got.len() == n && got.iter().all(|&r| r > 0.0);
        let sums_to_one = (sum - 1.0).abs() < L1_TOL;
        if !(positive && sums_to_one) {
            return Err(Feedback::new("the ranks should be positive and sum to 1")
                .call(format!(
                    "pagerank(n = {n}, edges = {}, d = 0.85, tol = 1e-12)",
                    fmt_edges(&edges)
                ))
                .expected(format!("{n} positive ranks with sum 1"))
                .got(format!(
                    "{} values with sum {}: {}",
                    got.len(),
                    fmt_f64(sum),
                    fmt_slice(&got)
                ))
                .tolerance(format!("|sum − 1| < {}", fmt_f64(L1_TOL)))
                .mistake(name_mistake(&got, n, &edges, 0.85))
                .seed(inputs.seed()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
