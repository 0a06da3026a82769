//! The dense stress model: ideal distance and weight of every unordered pair of
//! nodes, in the triangular layout of [`super::kernels`].

use alloc::vec::Vec;
use core::ops::Range;

use super::kernels;
use super::Weighting;
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::paths::{ShortestPaths, Work};

/// Up to this many pairs (about 4000 nodes, 64 MB), the derivative pass keeps the
/// per-pair Hessian terms so the step size needs no second square root per pair.
pub const CURVATURE_CACHE_PAIRS: usize = 8 << 20;

/// Bytes the dense model takes for `n` descent nodes in `dims` dimensions: 8 per pair
/// for the table, 4 per pair for the P-stress weights of [`crate::Layout::p_stress`],
/// 8 per pair for the Hessian-term cache (up to [`CURVATURE_CACHE_PAIRS`] pairs), and
/// the per-node buffers of the descent. Saturates at `u64::MAX`; computed before
/// anything is allocated, in `u128`, so it is right on 32-bit targets too.
#[must_use]
pub fn dense_bytes(n: usize, dims: usize) -> u64 {
    let n = n as u128;
    let pairs = n.saturating_mul(n.saturating_sub(1)) / 2;
    let cache = if pairs <= CURVATURE_CACHE_PAIRS as u128 {
        8 * pairs
    } else {
        0
    };
    // Positions, RK4 buffers (f64), gradient, diagonals, copies and 15 block partials (f32).
    let per_node = dims as u128 * (8 * 8 + 5 * 4 + 30 * 4);
    let total = pairs
        .saturating_mul(12)
        .saturating_add(cache)
        .saturating_add(per_node.saturating_mul(n));
    u64::try_from(total).unwrap_or(u64::MAX)
}

/// Ideal distance between the two dummy nodes of a group (WebCola's 0.1).
pub const GROUP_DUMMY_DISTANCE: f32 = 0.1;

/// Ideal distances and weights of every unordered pair, in the triangular layout of
/// [`crate::stress::kernels`]: 8 bytes per pair.
#[derive(Clone, Debug)]
pub struct PairTable {
    /// All descent nodes: the graph's nodes, then two dummy nodes per group.
    n: usize,
    /// The graph's nodes.
    real: usize,
    /// Weight of the pair of dummy nodes of a group under P-stress (WebCola's
    /// `groupCompactness`).
    group_compactness: f32,
    /// Ideal distance per pair (layout units), `-1` when unreachable.
    ideal: Vec<f32>,
    /// Weight per pair, see [`crate::stress::kernels`].
    weight: Vec<f32>,
    weighting: Weighting,
    /// Smallest positive ideal distance, or 1 when there is none: the length of the
    /// random displacement of coincident nodes (WebCola's `minD`).
    min_d: f32,
    /// Longest finite distance between two of the graph's nodes (0 when there is none).
    max_d: f64,
}

impl PairTable {
    /// Ideal distances from the shortest paths over `lengths` (one per link), weighted by
    /// `weighting`.
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] or [`Error::InvalidLinkLength`] for bad `lengths`;
    /// [`Error::TooManyNodes`] when the tables cannot be allocated.
    pub fn new(graph: &Graph, lengths: &[f64], weighting: Weighting) -> Result<Self> {
        Self::with_groups(graph, lengths, weighting, 0, 1e-6)
    }

    /// As [`PairTable::new`], plus two dummy nodes per group after the graph's nodes
    /// (`n + 2j` and `n + 2j + 1`), `0.1` apart and unreachable from everything else;
    /// under P-stress their pair has weight `group_compactness`.
    ///
    /// # Errors
    /// As [`PairTable::new`].
    pub fn with_groups(
        graph: &Graph,
        lengths: &[f64],
        weighting: Weighting,
        groups: usize,
        group_compactness: f64,
    ) -> Result<Self> {
        let real = graph.node_count();
        let n = real + 2 * groups;
        let pairs = kernels::pair_count(n);
        let mut ideal = Vec::new();
        let mut weight = Vec::new();
        let oom = |_| Error::TooManyNodes {
            node_count: n,
            bytes: (pairs as u64).saturating_mul(8),
            limit: u64::MAX,
        };
        ideal.try_reserve_exact(pairs).map_err(oom)?;
        weight.try_reserve_exact(pairs).map_err(oom)?;
        let sp = ShortestPaths::new(graph, lengths)?;
        ideal.resize(pairs, -1.0);
        // The real part of each real row: `real - u - 1` pairs at `row_start(n, u)`.
        let mut jobs: Vec<(usize, &mut [f32])> = Vec::with_capacity(real);
        let mut rest = &mut ideal[..];
        for u in 0..real {
            let (row, tail) = core::mem::take(&mut rest).split_at_mut(n - u - 1);
            rest = tail;
            jobs.push((u, &mut row[..real - u - 1]));
        }
        // Each row's shortest and longest finite distance.
        let fill = |(u, out): (usize, &mut [f32]), buf: &mut (Vec<f64>, Work)| -> (f64, f64) {
            sp.row(u, &mut buf.0, &mut buf.1);
            let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
            for (o, &d) in out.iter_mut().zip(&buf.0[u + 1..]) {
                if d.is_finite() {
                    lo = lo.min(d);
                    hi = hi.max(d);
                    *o = d as f32;
                }
            }
            (lo, hi)
        };
        let both = |a: (f64, f64), b: (f64, f64)| (a.0.min(b.0), a.1.max(b.1));
        let scratch = || (alloc::vec![0.0; real], Work::new(real));
        #[cfg(feature = "parallel")]
        let (mut min_d, max_d) = {
            use rayon::prelude::*;
            jobs.into_par_iter()
                .map_init(scratch, |buf, job| fill(job, buf))
                .reduce(|| (f64::INFINITY, 0.0), both)
        };
        #[cfg(not(feature = "parallel"))]
        let (mut min_d, max_d) = {
            let mut buf = scratch();
            jobs.into_iter()
                .map(|job| fill(job, &mut buf))
                .fold((f64::INFINITY, 0.0), both)
        };
        for u in (real..n).step_by(2) {
            ideal[kernels::pair_index(n, u, u + 1)] = GROUP_DUMMY_DISTANCE;
            min_d = min_d.min(f64::from(GROUP_DUMMY_DISTANCE));
        }
        weight.resize(pairs, 1.0);
        let mut table = Self {
            n,
            real,
            group_compactness: group_compactness as f32,
            ideal,
            weight,
            weighting,
            min_d: if min_d.is_finite() { min_d as f32 } else { 1.0 },
            max_d,
        };
        table.reweight(graph, weighting);
        Ok(table)
    }

    /// Recomputes the weights for `weighting`; distances are kept.
    ///
    /// # Panics
    /// If `graph` is not the graph the table was built from.
    pub fn reweight(&mut self, graph: &Graph, weighting: Weighting) {
        let mut weight = core::mem::take(&mut self.weight);
        self.fill_weights(graph, weighting, &mut weight);
        self.weight = weight;
        self.weighting = weighting;
    }

    /// The weights `weighting` gives, without changing the table.
    ///
    /// # Panics
    /// If `graph` is not the graph the table was built from.
    #[must_use]
    pub fn weights_for(&self, graph: &Graph, weighting: Weighting) -> Vec<f32> {
        let mut weight = alloc::vec![0.0; self.ideal.len()];
        self.fill_weights(graph, weighting, &mut weight);
        weight
    }

    fn fill_weights(&self, graph: &Graph, weighting: Weighting, weight: &mut [f32]) {
        assert_eq!(
            graph.node_count(),
            self.real,
            "graph does not match the pair table"
        );
        let base = match weighting {
            Weighting::PStress => 2.0,
            Weighting::Unit | Weighting::Full => 1.0,
            Weighting::GridSnap => 0.0,
        };
        for u in 0..self.n {
            let row = kernels::row_start(self.n, u);
            for v in u + 1..self.n {
                let p = row + (v - u - 1);
                weight[p] = if v >= self.real {
                    match (weighting, self.ideal[p] > 0.0) {
                        (Weighting::Unit, true) => 1.0,
                        (_, true) => self.group_compactness,
                        (_, false) => 2.0,
                    }
                } else if self.ideal[p] > 0.0 {
                    base
                } else if weighting == Weighting::GridSnap {
                    0.0
                } else {
                    2.0
                };
            }
        }
        if matches!(weighting, Weighting::PStress | Weighting::Full) {
            for l in graph.links() {
                if l.source == l.target {
                    continue;
                }
                // WebCola: `G[u][v] = e.weight || 1`; duplicate links: the last wins.
                let w = match l.weight {
                    Some(w) if w != 0.0 => w,
                    _ => 1.0,
                } as f32;
                let (u, v) = (l.source.min(l.target), l.source.max(l.target));
                let p = kernels::pair_index(self.n, u, v);
                weight[p] = if weighting == Weighting::Full {
                    w.min(1.0)
                } else {
                    w
                };
            }
        }
    }

    /// Number of descent nodes: graph nodes plus group dummies.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// The current weighting.
    #[must_use]
    pub fn weighting(&self) -> Weighting {
        self.weighting
    }

    /// Ideal distance between `u != v`, `None` when unreachable.
    ///
    /// # Panics
    /// If `u == v` or either is out of range.
    #[must_use]
    pub fn ideal(&self, u: usize, v: usize) -> Option<f32> {
        let d = self.ideal[kernels::pair_index(self.n, u.min(v), u.max(v))];
        (d > 0.0).then_some(d)
    }

    /// The triangular ideal-distance buffer (see [`crate::stress::kernels`]).
    #[must_use]
    pub fn ideal_buffer(&self) -> &[f32] {
        &self.ideal
    }

    /// The triangular weight buffer (see [`crate::stress::kernels`]).
    #[must_use]
    pub fn weight_buffer(&self) -> &[f32] {
        &self.weight
    }

    /// WebCola's `minD`, the length of a coincident-node displacement.
    #[must_use]
    pub fn min_d(&self) -> f32 {
        self.min_d
    }

    /// The longest finite shortest-path distance between two of the graph's nodes.
    #[must_use]
    pub fn max_d(&self) -> f64 {
        self.max_d
    }
}

/// Splits the rows of the `n`-node pair table into blocks of about equal pair counts: one
/// block per 32 768 pairs, at most 16. The split depends on `n` only, and the pair
/// kernels' partial sums are added in block order, so the bits do not depend on the
/// number of threads, or on whether the `parallel` feature is on.
#[must_use]
pub fn row_blocks(n: usize) -> Vec<Range<usize>> {
    let pairs = kernels::pair_count(n);
    let count = (pairs >> 15).clamp(1, 16);
    let target = pairs.div_ceil(count);
    let mut out = Vec::with_capacity(count);
    let (mut start, mut acc) = (0, 0);
    for u in 0..n {
        acc += n - u - 1;
        if acc >= target && out.len() + 1 < count {
            out.push(start..u + 1);
            start = u + 1;
            acc = 0;
        }
    }
    out.push(start..n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_blocks_cover_every_row_once_with_balanced_pairs() {
        for n in [0, 1, 2, 77, 419, 2000, 5000] {
            let blocks = row_blocks(n);
            assert_eq!(blocks.first().map(|b| b.start), Some(0));
            assert_eq!(blocks.last().map(|b| b.end), Some(n));
            assert!(blocks.windows(2).all(|w| w[0].end == w[1].start));
            assert!(blocks.len() <= 16);
            let pairs =
                |r: &Range<usize>| kernels::row_start(n, r.end) - kernels::row_start(n, r.start);
            let most = blocks.iter().map(pairs).max().unwrap_or(0);
            assert!(
                most <= kernels::pair_count(n).div_ceil(blocks.len()) + n,
                "n={n}: {blocks:?}"
            );
        }
        assert_eq!(row_blocks(419).len(), 2);
    }

    #[test]
    fn pair_table_encodes_unreachable_and_weights() {
        let g = Graph::new(
            alloc::vec![Default::default(); 4],
            alloc::vec![
                crate::Link {
                    weight: Some(0.5),
                    ..crate::Link::new(0, 1)
                },
                crate::Link::new(1, 2)
            ],
        )
        .unwrap();
        let mut t = PairTable::new(&g, &[10.0, 10.0], Weighting::PStress).unwrap();
        assert_eq!(t.ideal(0, 2), Some(20.0));
        assert_eq!(t.ideal(3, 0), None);
        let w = |t: &PairTable, u, v| t.weight[kernels::pair_index(4, u, v)];
        assert_eq!(
            (w(&t, 0, 1), w(&t, 1, 2), w(&t, 0, 2), w(&t, 0, 3)),
            (0.5, 1.0, 2.0, 2.0)
        );
        t.reweight(&g, Weighting::Unit);
        assert_eq!((w(&t, 0, 1), w(&t, 0, 2), w(&t, 0, 3)), (1.0, 1.0, 2.0));
        assert_eq!(t.min_d(), 10.0);
    }
}
