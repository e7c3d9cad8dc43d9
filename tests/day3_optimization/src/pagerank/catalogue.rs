//! Plausible wrong answers to 3.8, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

/// How a power iteration can be written (rightly or wrongly).
#[derive(Clone, Copy, PartialEq)]
enum Way {
    Right,
    DanglingLost,
    DanglingLostThenNormalised,
    DanglingKept,
    TeleportNotDivided,
    Reversed,
    DampingSwapped,
    OneUpdate,
    MaxNormStop,
    NoDamping,
    DanglingLostRenormalisedEachStep,
}

fn power_iteration(way: Way) -> impl PagerankFn {
    move |n: usize, edges: &[(usize, usize)], d: f64, tol: f64| {
        let edges: Vec<(usize, usize)> = if way == Way::Reversed {
            edges.iter().map(|&(a, b)| (b, a)).collect()
        } else {
            edges.to_vec()
        };
        let (link, jump) = match way {
            Way::DampingSwapped => (1.0 - d, d),
            Way::NoDamping => (1.0, 0.0),
            _ => (d, 1.0 - d),
        };
        let jump = if way == Way::TeleportNotDivided {
            jump
        } else {
            jump / n as f64
        };
        let mut out = vec![0usize; n];
        for &(from, _) in &edges {
            out[from] += 1;
        }
        let lose_dangling = matches!(
            way,
            Way::DanglingLost
                | Way::DanglingLostThenNormalised
                | Way::DanglingLostRenormalisedEachStep
        );
        let mut r = Array1::from_elem(n, 1.0 / n as f64);
        for _ in 0..10_000 {
            let dangling: f64 = (0..n).filter(|&j| out[j] == 0).map(|j| r[j]).sum();
            let spread = if lose_dangling {
                0.0
            } else {
                link * dangling / n as f64
            };
            let mut next = Array1::from_elem(n, jump + spread);
            for &(from, to) in &edges {
                next[to] += link * r[from] / out[from] as f64;
            }
            if way == Way::DanglingKept {
                // Undo the spread and keep each dead end's share on the page itself.
                next -= spread;
                for j in (0..n).filter(|&j| out[j] == 0) {
                    next[j] += link * r[j];
                }
            }
            if way == Way::DanglingLostRenormalisedEachStep {
                let total = next.sum();
                next /= total;
            }
            let change = if way == Way::MaxNormStop {
                (&next - &r).iter().fold(0.0f64, |m, v| m.max(v.abs()))
            } else {
                (&next - &r).mapv(f64::abs).sum()
            };
            r = next;
            if change < tol || way == Way::OneUpdate {
                break;
            }
        }
        if way == Way::DanglingLostThenNormalised {
            let total = r.sum();
            r /= total;
        }
        r
    }
}

#[test]
fn rejects_losing_the_dangling_mass() {
    let wrong = power_iteration(Way::DanglingLost);
    assert_rejects(ranks_of_the_example_graph(&wrong), "dangling_mass_lost");
    assert_rejects(
        random_graphs_match_the_linear_solve(&wrong),
        "dangling_mass_lost",
    );
    assert_rejects(ranks_sum_to_one(&wrong), "dangling_mass_lost");
}

#[test]
fn rejects_keeping_the_dangling_mass_on_the_page() {
    let wrong = power_iteration(Way::DanglingKept);
    assert_rejects(ranks_of_the_example_graph(&wrong), "dangling_mass_kept");
    assert_rejects(
        random_graphs_match_the_linear_solve(&wrong),
        "dangling_mass_kept",
    );
}

#[test]
fn rejects_an_undivided_teleport() {
    let wrong = power_iteration(Way::TeleportNotDivided);
    assert_rejects(
        ranks_of_the_example_graph(&wrong),
        "teleport_not_divided_by_n",
    );
    assert_rejects(ranks_sum_to_one(&wrong), "teleport_not_divided_by_n");
}

#[test]
fn rejects_reversed_edges() {
    let wrong = power_iteration(Way::Reversed);
    assert_rejects(ranks_of_the_example_graph(&wrong), "edges_reversed");
    assert_rejects(
        random_graphs_match_the_linear_solve(&wrong),
        "edges_reversed",
    );
}

#[test]
fn rejects_a_swapped_damping() {
    let wrong = power_iteration(Way::DampingSwapped);
    assert_rejects(ranks_of_the_example_graph(&wrong), "damping_swapped");
    assert_rejects(
        random_graphs_match_the_linear_solve(&wrong),
        "damping_swapped",
    );
}

#[test]
fn rejects_a_single_update() {
    let wrong = power_iteration(Way::OneUpdate);
    assert_rejects(ranks_of_the_example_graph(&wrong), "stops_after_one_update");
    assert_rejects(
        random_graphs_match_the_linear_solve(&wrong),
        "stops_after_one_update",
    );
}

#[test]
fn rejects_a_wrong_length() {
    gradlings_support::assert_fails_saying(
        ranks_of_the_example_graph(|n: usize, _: &[(usize, usize)], _, _| Array1::zeros(n - 1)),
        "expected  5 ranks",
    );
}

#[test]
fn rejects_following_links_without_damping() {
    let undamped = power_iteration(Way::NoDamping);
    assert_rejects(ranks_of_the_example_graph(&undamped), "no_damping");
}

#[test]
fn rejects_renormalising_after_losing_the_dangling_mass() {
    let renormalised = power_iteration(Way::DanglingLostRenormalisedEachStep);
    assert_rejects(
        ranks_of_the_example_graph(&renormalised),
        "dangling_mass_renormalised",
    );
    assert_rejects(
        random_graphs_match_the_linear_solve(&renormalised),
        "dangling_mass_renormalised",
    );
}

#[test]
fn accepts_the_reference_iteration() {
    let right = power_iteration(Way::Right);
    assert_accepts(ranks_of_the_example_graph(&right));
    assert_accepts(random_graphs_match_the_linear_solve(&right));
    assert_accepts(ranks_sum_to_one(&right));
}

#[test]
fn accepts_losing_the_dangling_mass_and_normalising() {
    // Without the dangling term the fixed point is the right one times a constant, so
    // normalising at the end gives exactly PageRank.
    let alternative = power_iteration(Way::DanglingLostThenNormalised);
    assert_accepts(ranks_of_the_example_graph(&alternative));
    assert_accepts(random_graphs_match_the_linear_solve(&alternative));
    assert_accepts(ranks_sum_to_one(&alternative));
}

#[test]
fn accepts_a_max_norm_stopping_rule() {
    let alternative = power_iteration(Way::MaxNormStop);
    assert_accepts(ranks_of_the_example_graph(&alternative));
    assert_accepts(random_graphs_match_the_linear_solve(&alternative));
    assert_accepts(ranks_sum_to_one(&alternative));
}

#[test]
fn the_linear_solve_gives_the_spec_values() {
    let edges = [(0, 1), (0, 2), (1, 2), (2, 0), (3, 2), (3, 4)];
    let solved = fixed_point(5, &edges, 0.85, Model::Right);
    let spec = [
        0.3501783623,
        0.1884166981,
        0.3653970214,
        0.0395908941,
        0.0564170241,
    ];
    assert!(l1(&solved, &spec) < 3e-10, "{solved:?}");
}
