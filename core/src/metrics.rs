//! Layout quality measures that do not depend on output units.

use alloc::vec::Vec;

use crate::geom::Rectangle;
use crate::graph::Graph;
use crate::paths::{ShortestPaths, Work};

/// Scale-normalised stress (SN) of a layout, on the largest connected component.
///
/// With `d_ij` the hop distance and `r_ij = |x_i - x_j| / d_ij` over unordered pairs of
/// the component, `SN = min_a Σ d_ij^-2 (a |x_i - x_j| - d_ij)^2 = P - (Σ r)^2 / Σ r^2`,
/// where `P` is the number of pairs. This is the measure of the reference values in
/// `data/README.md`, so values compare directly with its s_gd2 and neato columns.
///
/// `positions` is node-major: `positions[i * dims + d]`. Ties for the largest component
/// go to the one found first.
///
/// # Panics
/// If `positions.len() != graph.node_count() * dims`.
#[must_use]
pub fn scale_normalised_stress(graph: &Graph, positions: &[f64], dims: usize) -> f64 {
    assert_eq!(positions.len(), graph.node_count() * dims);
    let lcc = largest_component(graph);
    let (sum_r, sum_r2) = ratio_sums(graph, positions, dims, &lcc, &lcc, true);
    let pairs = (lcc.len() * lcc.len().saturating_sub(1) / 2) as f64;
    if sum_r2 > 0.0 {
        pairs - sum_r * sum_r / sum_r2
    } else {
        pairs
    }
}

/// Largest connected components up to this many nodes get the exact SN in
/// [`crate::Layout::scale_normalised_stress`]; larger ones the sampled estimate.
pub const EXACT_SN_NODES: usize = 20_000;
/// Sources of the sampled SN estimate (the corpus README's 300).
pub const SN_SAMPLE_SOURCES: usize = 300;

/// The sampled estimate of [`scale_normalised_stress`]: breadth-first search from
/// `sources` distinct nodes of the largest component, drawn by a generator seeded with
/// `seed`, and `SN ≈ P · (1 - mean(r)² / mean(r²))` over the sampled pairs, `P` the
/// component's pair count. Exact (all pairs) when `sources` covers the component.
///
/// # Panics
/// If `positions.len() != graph.node_count() * dims`.
#[must_use]
pub fn sampled_scale_normalised_stress(
    graph: &Graph,
    positions: &[f64],
    dims: usize,
    sources: usize,
    seed: u64,
) -> f64 {
    assert_eq!(positions.len(), graph.node_count() * dims);
    let lcc = largest_component(graph);
    if sources >= lcc.len() {
        return scale_normalised_stress(graph, positions, dims);
    }
    // A partial Fisher-Yates shuffle picks the sources.
    let mut pool = lcc.clone();
    let mut rng = crate::rng::SplitMix64::new(seed);
    for k in 0..sources {
        let j = k + rng.below(pool.len() - k);
        pool.swap(k, j);
    }
    let (sum_r, sum_r2) = ratio_sums(graph, positions, dims, &pool[..sources], &lcc, false);
    let sampled = (sources * (lcc.len() - 1)) as f64;
    let pairs = (lcc.len() * (lcc.len() - 1) / 2) as f64;
    if sum_r2 > 0.0 {
        let (mean, mean2) = (sum_r / sampled, sum_r2 / sampled);
        pairs * (1.0 - mean * mean / mean2)
    } else {
        pairs
    }
}

/// The largest connected component (ties: the first found).
fn largest_component(graph: &Graph) -> Vec<usize> {
    graph.components().into_iter().fold(
        Vec::new(),
        |best, c| if c.len() > best.len() { c } else { best },
    )
}

/// `Σ r` and `Σ r²` over pairs from `sources` to the other members of `members`, with
/// `r = |x_s - x_t| / hops(s, t)`; with `upper`, only pairs `t > s` (each pair once).
fn ratio_sums(
    graph: &Graph,
    positions: &[f64],
    dims: usize,
    sources: &[usize],
    members: &[usize],
    upper: bool,
) -> (f64, f64) {
    let n = graph.node_count();
    // Hop distances: the shortest paths over unit lengths (breadth-first).
    let unit = alloc::vec![1.0; graph.link_count()];
    let Ok(sp) = ShortestPaths::new(graph, &unit) else {
        return (0.0, 0.0);
    };
    let (mut hops, mut work) = (alloc::vec![0.0; n], Work::new(n));
    let (mut sum_r, mut sum_r2) = (0.0f64, 0.0f64);
    for &s in sources {
        sp.row(s, &mut hops, &mut work);
        for &t in members {
            if t == s || (upper && t < s) {
                continue;
            }
            let mut l2 = 0.0;
            for d in 0..dims {
                let e = positions[s * dims + d] - positions[t * dims + d];
                l2 += e * e;
            }
            let r = crate::math::sqrt(l2) / hops[t];
            sum_r += r;
            sum_r2 += r * r;
        }
    }
    (sum_r, sum_r2)
}

/// Number of pairs of boxes that overlap by more than `tolerance` in both x and y.
#[must_use]
pub fn overlapping_pairs(boxes: &[Rectangle], tolerance: f64) -> usize {
    overlapping_boxes(boxes, tolerance).len()
}

/// The pairs `(i, j)`, `i < j`, of boxes that overlap by more than `tolerance` in both
/// x and y, sorted. A sweep over x: O(n log n) plus the pairs that overlap in x. Boxes
/// with a non-finite extent are skipped.
#[must_use]
pub fn overlapping_boxes(boxes: &[Rectangle], tolerance: f64) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..boxes.len())
        .filter(|&i| {
            let b = &boxes[i];
            [b.x, b.x_max, b.y, b.y_max].iter().all(|v| v.is_finite())
        })
        .collect();
    order.sort_by(|&a, &b| boxes[a].x.total_cmp(&boxes[b].x));
    let mut out = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if boxes[j].x >= boxes[i].x_max - tolerance {
                break;
            }
            if boxes[i].overlaps(&boxes[j], tolerance) {
                out.push((i.min(j), i.max(j)));
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_path_layout_has_zero_sn_at_any_scale() {
        let g = Graph::from_edges(4, [(0, 1), (1, 2), (2, 3)]).unwrap();
        for scale in [1.0, 37.5] {
            let p: Vec<f64> = (0..4).flat_map(|i| [i as f64 * scale, 0.0]).collect();
            assert!(scale_normalised_stress(&g, &p, 2).abs() < 1e-9);
        }
    }

    #[test]
    fn overlapping_boxes_are_found_by_the_sweep_as_by_all_pairs() {
        let mut rng = crate::rng::PseudoRandom::new(3);
        let boxes: Vec<Rectangle> = (0..200)
            .map(|_| {
                let (x, y) = (rng.next_between(0.0, 100.0), rng.next_between(0.0, 100.0));
                Rectangle::centred(
                    x,
                    y,
                    rng.next_between(0.0, 12.0),
                    rng.next_between(0.0, 12.0),
                )
            })
            .collect();
        let mut brute = Vec::new();
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                if boxes[i].overlaps(&boxes[j], 0.5) {
                    brute.push((i, j));
                }
            }
        }
        assert!(!brute.is_empty());
        assert_eq!(overlapping_boxes(&boxes, 0.5), brute);
    }

    #[test]
    fn sn_uses_the_largest_component_only() {
        let g = Graph::from_edges(5, [(0, 1), (1, 2), (3, 4)]).unwrap();
        let p = [0.0, 0.0, 1.0, 0.0, 2.0, 0.0, 50.0, 50.0, 50.0, 50.0];
        assert!(scale_normalised_stress(&g, &p, 2).abs() < 1e-9);
        let folded = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        assert!(scale_normalised_stress(&g, &folded, 2) > 0.1);
    }
}
