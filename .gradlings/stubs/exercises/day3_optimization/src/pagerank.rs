//! # 3.8 PageRank as an iteration
//!
//! Not every optimizer follows a gradient. PageRank, Google's first ranking of web pages,
//! repeats one update until nothing changes any more — the same "improve, repeat, stop when
//! converged" loop as gradient descent. Imagine a surfer who, on every page, follows one of
//! its links at random with probability d (the *damping*, 0.85), and otherwise jumps to a
//! page chosen uniformly among all n. A page's rank is the share of time the surfer spends
//! on it. A page without links (a *dangling* page) sends the surfer to a uniformly random
//! page, so its rank is spread over all n pages.
//!
//! ```text
//! r_i ← (1 − d)/n                                   the random jump
//!     + d · Σ_{j → i} r_j / outdeg(j)               shares of the pages linking to i
//!     + d · Σ_{j dangling} r_j / n                  dangling pages, spread evenly
//!
//! start:  r_i = 1/n for every page
//! stop:   when Σ_i |r_new_i − r_old_i| < tol  (return r_new), or after MAX_ITERS updates
//! ```
//!
//! Each update keeps Σ r = 1, and it shrinks the distance to the fixed point by a factor d,
//! so the iteration converges from any start, like gradient descent on a convex bowl.
//!
//! A worked number: two pages linking to each other, 0 → 1 and 1 → 0, are symmetric, so
//! both ranks are ½. Add a third page 2 with no links at all and nothing links to it: it
//! gets only random jumps and dangling shares, r₂ = (1 − d)/3 + d·r₂/3, so
//! r₂ = 0.05/0.7167 ≈ 0.0698, and the other two share the rest.
//!
//! **Rust notes.** `edges` lists the links as `(from, to)` pairs; they are distinct. Count
//! the out-degrees first (`vec![0usize; n]`). `Array1::from_elem(n, 1.0 / n as f64)` makes
//! the start vector; `Array1::zeros(n)` a vector to fill.

use ndarray::Array1;

/// The most updates `pagerank` makes before it returns, converged or not.
pub const MAX_ITERS: usize = 10_000;

/// PageRank of the `n` pages linked by `edges` (`(from, to)`), damping `d`, stopping when an
/// update changes the ranks by less than `tol` in L1 norm.
pub fn pagerank(n: usize, edges: &[(usize, usize)], d: f64, tol: f64) -> Array1<f64> {
    // TODO: count the out-degrees, start from r = 1/n everywhere, and repeat the update above
    // (random jump + shares along links + dangling rank spread over all pages) until the
    // L1 change is below tol or MAX_ITERS updates were made. Return the last ranks.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The worked number: r₂ = (1 − d)/3 + d·r₂/3 gives r₂ = 0.05/(1 − 0.85/3); pages 0 and 1
    // are symmetric, so each has (1 − r₂)/2.
    #[test]
    fn two_linked_pages_and_a_dangling_one() {
        let ranks = pagerank(3, &[(0, 1), (1, 0)], 0.85, 1e-12);
        let r2 = 0.05 / (1.0 - 0.85 / 3.0);
        let expected = [(1.0 - r2) / 2.0, (1.0 - r2) / 2.0, r2];
        for (got, want) in ranks.iter().zip(expected) {
            assert!(
                (got - want).abs() < 1e-10,
                "got {ranks}, expected {expected:?}"
            );
        }
    }

    // Ranks are shares of the surfer's time: they add up to 1.
    #[test]
    fn ranks_sum_to_one() {
        let ranks = pagerank(
            5,
            &[(0, 1), (0, 2), (1, 2), (2, 0), (3, 2), (3, 4)],
            0.85,
            1e-12,
        );
        assert!((ranks.sum() - 1.0).abs() < 1e-10);
    }
}
