//! Shortest paths over the link lengths: all pairs into one flat buffer, single source,
//! and node-to-node paths, with WebCola's `Calculator` meaning.
//!
//! Uniform lengths use breadth-first search; otherwise Dijkstra with a binary heap.
//! Unreachable pairs are `+inf`.

use alloc::collections::BinaryHeap;
use alloc::vec::Vec;
use core::cmp::Ordering;

use crate::error::{Error, Result};
use crate::graph::Graph;

/// All-pairs distances, row-major: `get(u, v) == data[u * n + v]`, `+inf` when unreachable.
/// Units are those of the link lengths.
#[derive(Clone, Debug, PartialEq)]
pub struct DistanceMatrix {
    n: usize,
    data: Vec<f64>,
}

impl DistanceMatrix {
    /// Number of nodes (rows and columns).
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Distance from `u` to `v`.
    ///
    /// # Panics
    /// If `u` or `v` is `>= node_count()`.
    #[must_use]
    pub fn get(&self, u: usize, v: usize) -> f64 {
        self.data[u * self.n + v]
    }

    /// Row `u`: distances from `u` to every node.
    ///
    /// # Panics
    /// If `u >= node_count()`.
    #[must_use]
    pub fn row(&self, u: usize) -> &[f64] {
        &self.data[u * self.n..(u + 1) * self.n]
    }

    /// The flat row-major buffer of `n * n` distances.
    #[must_use]
    pub fn as_slice(&self) -> &[f64] {
        &self.data
    }
}

/// Distances between all pairs of nodes, as WebCola's `Calculator.DistanceMatrix()`.
///
/// `lengths[i]` is the length of link `i` (see [`crate::linklengths::link_lengths`]).
///
/// # Errors
/// [`Error::DimensionMismatch`] if `lengths.len() != graph.link_count()`;
/// [`Error::TooManyNodes`] if `n * n` distances cannot be allocated.
pub fn all_pairs(graph: &Graph, lengths: &[f64]) -> Result<DistanceMatrix> {
    let n = graph.node_count();
    let mut data = Vec::new();
    let cells = n.saturating_mul(n);
    data.try_reserve_exact(cells)
        .map_err(|_| Error::TooManyNodes {
            node_count: n,
            bytes: (cells as u64).saturating_mul(8),
            limit: u64::MAX,
        })?;
    ShortestPaths::new(graph, lengths)?.for_each_row(|_, row| data.extend_from_slice(row));
    Ok(DistanceMatrix { n, data })
}

/// Distances from `source` to every node, as `Calculator.DistancesFromNode(source)`.
///
/// # Errors
/// [`Error::NodeOutOfRange`], or [`Error::DimensionMismatch`] for a wrong `lengths`.
pub fn single_source(graph: &Graph, lengths: &[f64], source: usize) -> Result<Vec<f64>> {
    check_node(graph, source)?;
    let sp = ShortestPaths::new(graph, lengths)?;
    let mut row = alloc::vec![0.0; graph.node_count()];
    let mut work = Work::new(graph.node_count());
    sp.row(source, &mut row, &mut work);
    Ok(row)
}

/// A shortest path from `source` to `target` as node indices, both ends included,
/// or `None` when `target` is unreachable.
///
/// WebCola's `Calculator.PathFromNodeToNode(s, t)` returns the same path without `t`
/// and in reverse order; when several shortest paths exist the two may pick different ones.
///
/// # Errors
/// [`Error::NodeOutOfRange`], or [`Error::DimensionMismatch`] for a wrong `lengths`.
pub fn path(
    graph: &Graph,
    lengths: &[f64],
    source: usize,
    target: usize,
) -> Result<Option<Vec<usize>>> {
    check_node(graph, source)?;
    check_node(graph, target)?;
    let sp = ShortestPaths::new(graph, lengths)?;
    let n = graph.node_count();
    let mut dist = alloc::vec![0.0; n];
    let mut prev = alloc::vec![u32::MAX; n];
    sp.dijkstra(
        source,
        &mut dist,
        &mut Work::new(n),
        Some((&mut prev, target)),
    );
    if dist[target].is_infinite() {
        return Ok(None);
    }
    let mut out = alloc::vec![target];
    let mut v = target;
    while v != source {
        v = prev[v] as usize;
        out.push(v);
    }
    out.reverse();
    Ok(Some(out))
}

fn check_node(graph: &Graph, node: usize) -> Result<()> {
    if node < graph.node_count() {
        Ok(())
    } else {
        Err(Error::NodeOutOfRange {
            node,
            node_count: graph.node_count(),
        })
    }
}

/// Row-by-row shortest paths, shared by [`all_pairs`] and the descent's pair tables so
/// that no `n * n` `f64` buffer is needed there.
pub(crate) struct ShortestPaths<'g> {
    graph: &'g Graph,
    lengths: &'g [f64],
    /// `Some(l)` when every link has the same length `l`: BFS suffices.
    uniform: Option<f64>,
}

/// Reusable per-source scratch.
pub(crate) struct Work {
    queue: Vec<u32>,
    hops: Vec<u32>,
    heap: BinaryHeap<Entry>,
    /// Tentative distances of [`ShortestPaths::reach`], `+inf` between calls.
    dist: Vec<f64>,
}

impl Work {
    pub(crate) fn new(n: usize) -> Self {
        Self {
            queue: Vec::with_capacity(n),
            hops: alloc::vec![u32::MAX; n],
            heap: BinaryHeap::new(),
            dist: Vec::new(),
        }
    }
}

impl<'g> ShortestPaths<'g> {
    pub(crate) fn new(graph: &'g Graph, lengths: &'g [f64]) -> Result<Self> {
        if lengths.len() != graph.link_count() {
            return Err(Error::DimensionMismatch {
                expected: graph.link_count(),
                found: lengths.len(),
            });
        }
        if let Some((i, &l)) = lengths
            .iter()
            .enumerate()
            .find(|(_, l)| !(l.is_finite() && **l > 0.0))
        {
            return Err(Error::InvalidLinkLength { link: i, value: l });
        }
        let uniform = match lengths.first() {
            Some(&l0) if lengths.iter().all(|&l| l == l0) => Some(l0),
            Some(_) => None,
            None => Some(1.0),
        };
        Ok(Self {
            graph,
            lengths,
            uniform,
        })
    }

    /// Calls `f(source, row)` for every source in ascending order.
    pub(crate) fn for_each_row(&self, mut f: impl FnMut(usize, &[f64])) {
        let n = self.graph.node_count();
        let mut row = alloc::vec![0.0; n];
        let mut work = Work::new(n);
        for s in 0..n {
            self.row(s, &mut row, &mut work);
            f(s, &row);
        }
    }

    /// Distances from `s` into `row` (length `n`).
    pub(crate) fn row(&self, s: usize, row: &mut [f64], work: &mut Work) {
        match self.uniform {
            Some(l) => self.bfs(s, l, row, work),
            None => self.dijkstra(s, row, work, None),
        }
    }

    /// The nodes reachable from `s` with their distances, into `out` in the order they
    /// are settled (`s` first, distances ascending). Costs the size of `s`'s component,
    /// not `n`: only the nodes it touches are reset.
    pub(crate) fn reach(&self, s: usize, work: &mut Work, out: &mut Vec<(u32, f64)>) {
        out.clear();
        let n = self.graph.node_count();
        if work.dist.len() != n {
            work.dist = alloc::vec![f64::INFINITY; n];
        }
        let dist = &mut work.dist;
        dist[s] = 0.0;
        if let Some(l) = self.uniform {
            out.push((s as u32, 0.0));
            let mut head = 0;
            while head < out.len() {
                let (u, du) = out[head];
                head += 1;
                for &v in self.graph.neighbours(u as usize) {
                    if dist[v as usize] == f64::INFINITY {
                        dist[v as usize] = du + l;
                        out.push((v, du + l));
                    }
                }
            }
        } else {
            let heap = &mut work.heap;
            heap.clear();
            heap.push(Entry(0.0, s as u32));
            let mut touched = core::mem::take(&mut work.queue);
            touched.clear();
            touched.push(s as u32);
            while let Some(Entry(d, u)) = heap.pop() {
                let u = u as usize;
                if d > dist[u] {
                    continue;
                }
                out.push((u as u32, d));
                for (&v, &li) in self
                    .graph
                    .neighbours(u)
                    .iter()
                    .zip(self.graph.incident_links(u))
                {
                    let t = d + self.lengths[li as usize];
                    if t < dist[v as usize] {
                        if dist[v as usize] == f64::INFINITY {
                            touched.push(v);
                        }
                        dist[v as usize] = t;
                        heap.push(Entry(t, v));
                    }
                }
            }
            for &v in &touched {
                dist[v as usize] = f64::INFINITY;
            }
            work.queue = touched;
            return;
        }
        for &(v, _) in out.iter() {
            dist[v as usize] = f64::INFINITY;
        }
    }

    fn bfs(&self, s: usize, l: f64, row: &mut [f64], work: &mut Work) {
        let hops = &mut work.hops;
        hops.fill(u32::MAX);
        work.queue.clear();
        hops[s] = 0;
        work.queue.push(s as u32);
        let mut head = 0;
        while head < work.queue.len() {
            let u = work.queue[head] as usize;
            head += 1;
            let h = hops[u] + 1;
            for &v in self.graph.neighbours(u) {
                if hops[v as usize] == u32::MAX {
                    hops[v as usize] = h;
                    work.queue.push(v);
                }
            }
        }
        for (d, &h) in row.iter_mut().zip(hops.iter()) {
            *d = if h == u32::MAX {
                f64::INFINITY
            } else {
                f64::from(h) * l
            };
        }
    }

    /// Dijkstra from `s` into `row`. With `track = Some((prev, target))`, records each
    /// node's predecessor in `prev` and stops once `target` is settled (a path query).
    fn dijkstra(
        &self,
        s: usize,
        row: &mut [f64],
        work: &mut Work,
        mut track: Option<(&mut [u32], usize)>,
    ) {
        row.fill(f64::INFINITY);
        let heap = &mut work.heap;
        heap.clear();
        row[s] = 0.0;
        heap.push(Entry(0.0, s as u32));
        while let Some(Entry(d, u)) = heap.pop() {
            let u = u as usize;
            if d > row[u] {
                continue;
            }
            if track.as_ref().is_some_and(|t| t.1 == u) {
                break;
            }
            for (&v, &li) in self
                .graph
                .neighbours(u)
                .iter()
                .zip(self.graph.incident_links(u))
            {
                let t = d + self.lengths[li as usize];
                if t < row[v as usize] {
                    row[v as usize] = t;
                    if let Some((prev, _)) = track.as_mut() {
                        prev[v as usize] = u as u32;
                    }
                    heap.push(Entry(t, v));
                }
            }
        }
    }
}

/// Min-heap entry: (distance, node), ordered by distance then node.
#[derive(Clone, Copy, PartialEq)]
pub(crate) struct Entry(f64, u32);

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Link;

    #[test]
    fn bfs_and_dijkstra_agree_on_uniform_lengths() {
        let g = Graph::from_edges(5, [(0, 1), (1, 2), (2, 3), (0, 3)]).unwrap();
        let uniform = all_pairs(&g, &[2.0; 4]).unwrap();
        assert_eq!(uniform.get(0, 2), 4.0);
        assert_eq!(uniform.get(4, 0), f64::INFINITY);
        assert_eq!(uniform.get(3, 3), 0.0);
        let sp = ShortestPaths {
            graph: &g,
            lengths: &[2.0; 4],
            uniform: None,
        };
        let mut row = [0.0; 5];
        sp.row(0, &mut row, &mut Work::new(5));
        assert_eq!(row, uniform.row(0));
    }

    #[test]
    fn reach_finds_the_rows_distances_in_settled_order() {
        let g = Graph::from_edges(7, [(0, 1), (1, 2), (2, 3), (0, 3), (3, 4), (5, 6)]).unwrap();
        let lengths = [1.0, 2.5, 1.0, 7.0, 0.5, 1.0];
        for (uniform, lengths) in [(Some(1.0), &[1.0; 6]), (None, &lengths)] {
            let sp = ShortestPaths {
                graph: &g,
                lengths,
                uniform,
            };
            let mut work = Work::new(7);
            let mut row = [0.0; 7];
            let mut out = Vec::new();
            for s in 0..7 {
                sp.row(s, &mut row, &mut work);
                sp.reach(s, &mut work, &mut out);
                assert_eq!(out[0], (s as u32, 0.0));
                assert!(out.windows(2).all(|w| w[0].1 <= w[1].1));
                let reachable = row.iter().filter(|d| d.is_finite()).count();
                assert_eq!(out.len(), reachable);
                for &(v, d) in &out {
                    assert_eq!(d, row[v as usize]);
                }
            }
        }
    }

    #[test]
    fn dijkstra_uses_link_lengths() {
        let links = alloc::vec![
            Link {
                length: Some(1.0),
                ..Link::new(0, 1)
            },
            Link {
                length: Some(1.0),
                ..Link::new(1, 2)
            },
            Link {
                length: Some(5.0),
                ..Link::new(0, 2)
            },
        ];
        let g = Graph::new(alloc::vec![Default::default(); 3], links).unwrap();
        let lengths = [1.0, 1.0, 5.0];
        assert_eq!(single_source(&g, &lengths, 0).unwrap(), [0.0, 1.0, 2.0]);
        assert_eq!(
            path(&g, &lengths, 0, 2).unwrap(),
            Some(alloc::vec![0, 1, 2])
        );
        assert_eq!(path(&g, &lengths, 2, 2).unwrap(), Some(alloc::vec![2]));
    }

    #[test]
    fn unreachable_path_is_none() {
        let g = Graph::from_edges(3, [(0, 1)]).unwrap();
        assert_eq!(path(&g, &[1.0], 0, 2).unwrap(), None);
        assert!(single_source(&g, &[1.0], 3).is_err());
    }
}
