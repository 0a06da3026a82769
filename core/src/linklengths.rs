//! Ideal link lengths: uniform, per link, and WebCola's symmetric-difference and
//! Jaccard lengths.

use alloc::vec::Vec;

use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::math;

/// How each link's ideal length is chosen. Lengths are in layout units (pixels in WebCola).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum LinkLengths {
    /// Each link's own [`crate::Link::length`] where given, the layout's `link_distance`
    /// otherwise. When no link has a length this is WebCola's `linkDistance(number)`.
    #[default]
    Given,
    /// WebCola's `symmetricDiffLinkLengths(ideal, w)`: `ideal * (1 + w * sqrt(|A ∪ B| - |A ∩ B|))`
    /// for a link between nodes with neighbour sets A and B.
    SymmetricDiff {
        /// Scale of every length (WebCola's `idealLength`).
        ideal: f64,
        /// Weight of the neighbourhood term.
        w: f64,
    },
    /// WebCola's `jaccardLinkLengths(ideal, w)`: `ideal * (1 + w * |A ∩ B| / |A ∪ B|)`,
    /// where the fraction is 0 when either end has only one neighbour.
    Jaccard {
        /// Scale of every length.
        ideal: f64,
        /// Weight of the neighbourhood term.
        w: f64,
    },
}

/// Each link's length under `kind`, in link order.
///
/// # Errors
/// [`Error::InvalidOption`] when `link_distance`, `ideal` or `w` is not finite, or
/// `link_distance`/`ideal` is not `> 0`, or `w < 0`.
pub fn link_lengths(graph: &Graph, link_distance: f64, kind: LinkLengths) -> Result<Vec<f64>> {
    positive("link_distance", link_distance)?;
    Ok(match kind {
        LinkLengths::Given => graph
            .links()
            .iter()
            .map(|l| l.length.unwrap_or(link_distance))
            .collect(),
        LinkLengths::SymmetricDiff { ideal, w } => {
            positive("link_lengths.ideal", ideal)?;
            non_negative("link_lengths.w", w)?;
            scale(symmetric_diff_link_lengths(graph, w), ideal)
        }
        LinkLengths::Jaccard { ideal, w } => {
            positive("link_lengths.ideal", ideal)?;
            non_negative("link_lengths.w", w)?;
            scale(jaccard_link_lengths(graph, w), ideal)
        }
    })
}

/// WebCola's `symmetricDiffLinkLengths(links, la, w)`: the factor `1 + w * sqrt(|A ∪ B| - |A ∩ B|)`
/// per link, which WebCola stores in `link.length` and multiplies by the ideal length.
///
/// Neighbour sets are sets (duplicate links count once); a self-loop makes a node its own
/// neighbour, as in WebCola.
#[must_use]
pub fn symmetric_diff_link_lengths(graph: &Graph, w: f64) -> Vec<f64> {
    neighbourhood_lengths(graph, w, |_, _, union, inter| {
        math::sqrt((union - inter) as f64)
    })
}

/// WebCola's `jaccardLinkLengths(links, la, w)`: the factor `1 + w * |A ∩ B| / |A ∪ B|` per
/// link, with the fraction 0 when `min(|A|, |B|) < 1.1` (an end with one neighbour).
#[must_use]
pub fn jaccard_link_lengths(graph: &Graph, w: f64) -> Vec<f64> {
    neighbourhood_lengths(graph, w, |a, b, union, inter| {
        if a.min(b) <= 1 {
            0.0
        } else {
            inter as f64 / union as f64
        }
    })
}

fn neighbourhood_lengths(
    graph: &Graph,
    w: f64,
    f: impl Fn(usize, usize, usize, usize) -> f64,
) -> Vec<f64> {
    let sets: Vec<Vec<u32>> = (0..graph.node_count())
        .map(|u| {
            let mut s = graph.neighbours(u).to_vec();
            s.sort_unstable();
            s.dedup();
            s
        })
        .collect();
    graph
        .links()
        .iter()
        .map(|l| {
            let (a, b) = (&sets[l.source], &sets[l.target]);
            let inter = sorted_intersection_count(a, b);
            let union = a.len() + b.len() - inter;
            1.0 + w * f(a.len(), b.len(), union, inter)
        })
        .collect()
}

fn sorted_intersection_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            core::cmp::Ordering::Less => i += 1,
            core::cmp::Ordering::Greater => j += 1,
            core::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

fn scale(mut v: Vec<f64>, by: f64) -> Vec<f64> {
    for x in &mut v {
        *x *= by;
    }
    v
}

pub(crate) fn positive(name: &'static str, value: f64) -> Result<()> {
    if value.is_finite() && value > 0.0 {
        Ok(())
    } else {
        Err(Error::InvalidOption { name, value })
    }
}

pub(crate) fn non_negative(name: &'static str, value: f64) -> Result<()> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(Error::InvalidOption { name, value })
    }
}

/// Strongly connected components of the graph with links directed source → target,
/// as WebCola's `stronglyConnectedComponents` (Tarjan): vertices visited in index order,
/// successors in link order, components in completion order, members in stack-pop order.
#[must_use]
pub fn strongly_connected_components(graph: &Graph) -> Vec<Vec<usize>> {
    let n = graph.node_count();
    let mut out_start = alloc::vec![0usize; n + 1];
    for l in graph.links() {
        out_start[l.source + 1] += 1;
    }
    for u in 0..n {
        out_start[u + 1] += out_start[u];
    }
    let mut fill = out_start.clone();
    let mut succ = alloc::vec![0usize; graph.link_count()];
    for l in graph.links() {
        succ[fill[l.source]] = l.target;
        fill[l.source] += 1;
    }
    const UNSEEN: usize = usize::MAX;
    let (mut index, mut low) = (alloc::vec![UNSEEN; n], alloc::vec![0usize; n]);
    let mut on_stack = alloc::vec![false; n];
    let (mut stack, mut components, mut next_index) = (Vec::new(), Vec::new(), 0);
    // Explicit call stack of (vertex, next successor position).
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        calls.push((root, out_start[root]));
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut k)) = calls.last_mut() {
            if *k < out_start[v + 1] {
                let w = succ[*k];
                *k += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, out_start[w]));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                components.push(component);
            }
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
        }
    }
    components
}

/// WebCola's `generateDirectedEdgeConstraints`: for every link whose ends lie in
/// different strongly connected components, in link order, `target ≥ source + min_separation`
/// on `axis`. Links inside a cycle (and self-loops) get none.
#[must_use]
pub fn generate_directed_edge_constraints(
    graph: &Graph,
    axis: crate::geom::Axis,
    min_separation: f64,
) -> Vec<crate::constraints::UserConstraint> {
    let mut component = alloc::vec![0usize; graph.node_count()];
    for (i, c) in strongly_connected_components(graph).iter().enumerate() {
        for &v in c {
            component[v] = i;
        }
    }
    graph
        .links()
        .iter()
        .filter(|l| component[l.source] != component[l.target])
        .map(|l| crate::constraints::UserConstraint::Separation {
            axis,
            left: l.source,
            right: l.target,
            gap: min_separation,
            equality: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triangle_plus_pendant() -> Graph {
        Graph::from_edges(4, [(0, 1), (1, 2), (2, 0), (2, 3)]).unwrap()
    }

    #[test]
    fn symmetric_diff_matches_webcola_triangle() {
        let l = symmetric_diff_link_lengths(&triangle_plus_pendant(), 1.0);
        let want = [1.0 + 2f64.sqrt(), 1.0 + 3f64.sqrt(), 1.0 + 3f64.sqrt(), 3.0];
        for (a, b) in l.iter().zip(want) {
            assert!((a - b).abs() < 1e-12, "{l:?}");
        }
    }

    #[test]
    fn jaccard_matches_webcola_triangle() {
        // The pendant link 2-3 gets no neighbourhood term: node 3 has one neighbour.
        let l = jaccard_link_lengths(&triangle_plus_pendant(), 1.0);
        let want = [1.0 + 1.0 / 3.0, 1.25, 1.25, 1.0];
        for (a, b) in l.iter().zip(want) {
            assert!((a - b).abs() < 1e-12, "{l:?}");
        }
    }

    #[test]
    fn scc_matches_webcola_order() {
        // WebCola's test graph: 0→1→2→0, 2→3, 3↔4, 5 alone gives [[4,3],[2,1,0],[5]].
        let g = Graph::from_edges(6, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3)]).unwrap();
        assert_eq!(
            strongly_connected_components(&g),
            [alloc::vec![4, 3], alloc::vec![2, 1, 0], alloc::vec![5]]
        );
        let flow = generate_directed_edge_constraints(&g, crate::geom::Axis::Y, 30.0);
        assert_eq!(flow.len(), 1, "only 2→3 crosses components");
    }

    #[test]
    fn given_lengths_fall_back_to_link_distance() {
        let mut g = Graph::from_edges(3, [(0, 1), (1, 2)]).unwrap();
        let mut links = g.links().to_vec();
        links[1].length = Some(7.0);
        g = Graph::new(g.nodes().to_vec(), links).unwrap();
        assert_eq!(
            link_lengths(&g, 20.0, LinkLengths::Given).unwrap(),
            [20.0, 7.0]
        );
        assert!(link_lengths(&g, 0.0, LinkLengths::Given).is_err());
    }
}
