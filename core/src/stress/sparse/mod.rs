//! The sparse stress model (Ortmann, Klimenta and Brandes, "A Sparse Stress Model",
//! GD 2016; s_gd2's `layout_sparse`): exact terms on links, and terms to `P` pivots per
//! component weighted by the size of the pivot's region, so memory and time per
//! iteration are `O(n·P + m)` instead of `O(n²)`. A component of at most `P` nodes has
//! every node as a pivot, and then its terms are exact.

mod build;
mod mds;

use alloc::vec::Vec;

use super::kernels::COINCIDENT_DISTANCE_SQUARED;
use super::pairs::GROUP_DUMMY_DISTANCE;
use super::Weighting;
use crate::error::Result;
use crate::graph::Graph;

/// Pivots per component when the model is chosen automatically (s_gd2's examples use
/// 200).
pub const DEFAULT_PIVOTS: usize = 200;

/// `SparseTerm::j` flag: only `i` moves (a pivot term; the pivot is its anchor).
pub(crate) const ONE_SIDED: u32 = 1 << 31;
/// `SparseTerm::j` flag: a link term (`s` is the link's weight).
pub(crate) const LINK: u32 = 1 << 30;
const INDEX: u32 = LINK - 1;

/// One term, 16 bytes: nodes `i` and `j` (the low 30 bits of `j`, its top bits the
/// [`ONE_SIDED`] and [`LINK`] flags), the ideal distance `d` (layout units), and `s`:
/// for a pivot term the number of region nodes it stands for, for a link term the
/// link's weight, for a group's dummy pair 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SparseTerm {
    pub(crate) i: u32,
    pub(crate) j: u32,
    pub(crate) d: f32,
    pub(crate) s: f32,
}

impl SparseTerm {
    fn one_sided(i: usize, anchor: usize, d: f32, s: f32) -> Self {
        Self {
            i: i as u32,
            j: anchor as u32 | ONE_SIDED,
            d,
            s,
        }
    }

    /// The other node.
    #[inline(always)]
    pub(crate) fn node_j(&self) -> usize {
        (self.j & INDEX) as usize
    }
}

/// Bytes the sparse model takes for `n` nodes, `links` links and `pivots` pivots in
/// `dims` dimensions: 16 per term (at most `n·P + links`), twice with the SGD solver's
/// copy, the pivots' distances while it is built (4 per node and pivot), and the
/// descent's per-node buffers. Saturates at `u64::MAX`.
#[must_use]
pub fn sparse_bytes(n: usize, links: usize, pivots: usize, dims: usize, sgd: bool) -> u64 {
    let (n, links, p) = (n as u128, links as u128, pivots.min(n) as u128);
    let terms = n.saturating_mul(p).saturating_add(links);
    let copies = if sgd { 2 } else { 1 };
    let per_node = dims as u128 * (7 * 8 + 5 * 4) + 64;
    let total = terms
        .saturating_mul(16 * copies)
        .saturating_add(n.saturating_mul(p).saturating_mul(4))
        .saturating_add(per_node.saturating_mul(n));
    u64::try_from(total).unwrap_or(u64::MAX)
}

/// The sparse model: its terms, pivots and current weighting.
#[derive(Clone, Debug)]
pub struct SparseModel {
    /// All descent nodes: the graph's nodes, then two dummy nodes per group.
    n: usize,
    /// The graph's nodes.
    real: usize,
    terms: Vec<SparseTerm>,
    pivots: Vec<u32>,
    group_compactness: f32,
    weighting: Weighting,
    min_d: f32,
    max_d: f64,
}

impl SparseModel {
    /// The model of `graph` over `lengths` (one per link) with `pivots` pivots per
    /// component, plus two dummy nodes per group (`0.1` apart, as the dense model's),
    /// and its pivot-MDS start: SoA `K * n` positions for the graph's nodes, each
    /// component centred at 0. The pivots after the first are drawn by the generator
    /// seeded with `seed`.
    ///
    /// # Errors
    /// [`crate::Error::DimensionMismatch`] or [`crate::Error::InvalidLinkLength`] for bad
    /// `lengths`; [`crate::Error::TooManyNodes`] when the terms cannot be allocated.
    pub fn new<const K: usize>(
        graph: &Graph,
        lengths: &[f64],
        pivots: usize,
        groups: usize,
        group_compactness: f64,
        seed: u64,
    ) -> Result<(Self, Vec<f64>)> {
        let real = graph.node_count();
        let mut built = build::build::<K>(graph, lengths, pivots.max(1), seed)?;
        for u in (real..real + 2 * groups).step_by(2) {
            built.terms.push(SparseTerm {
                i: u as u32,
                j: u as u32 + 1,
                d: GROUP_DUMMY_DISTANCE,
                s: 1.0,
            });
            built.min_d = built.min_d.min(f64::from(GROUP_DUMMY_DISTANCE));
        }
        let model = Self {
            n: real + 2 * groups,
            real,
            terms: built.terms,
            pivots: built.pivots,
            group_compactness: group_compactness as f32,
            weighting: Weighting::Unit,
            min_d: if built.min_d.is_finite() {
                built.min_d as f32
            } else {
                1.0
            },
            max_d: built.max_d,
        };
        Ok((model, built.start))
    }

    /// Number of descent nodes: graph nodes plus group dummies.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of terms.
    #[must_use]
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The pivots, as graph nodes, component by component.
    #[must_use]
    pub fn pivots(&self) -> &[u32] {
        &self.pivots
    }

    pub(crate) fn terms(&self) -> &[SparseTerm] {
        &self.terms
    }

    /// The current weighting.
    #[must_use]
    pub fn weighting(&self) -> Weighting {
        self.weighting
    }

    /// Weighs the terms as `weighting` does the dense pairs (their distances are kept).
    pub fn reweight(&mut self, weighting: Weighting) {
        self.weighting = weighting;
    }

    /// The length of a coincident-node displacement: the shortest ideal distance.
    #[must_use]
    pub fn min_d(&self) -> f32 {
        self.min_d
    }

    /// The longest finite distance from a pivot.
    #[must_use]
    pub fn max_d(&self) -> f64 {
        self.max_d
    }

    /// A term's weight under `weighting` (on `1 / d²`, in `1 / length²`), and whether it
    /// only repels (P-stress); `None` when it has no weight. Links weigh as the dense
    /// model's (`weight > 1` repels only under P-stress, capped at 1 under full
    /// stress); pivot terms weigh their region count, repel only under P-stress.
    #[inline(always)]
    pub(crate) fn weight(&self, t: &SparseTerm, weighting: Weighting) -> Option<(f32, bool)> {
        let (w, repel) = if t.i as usize >= self.real {
            match weighting {
                Weighting::Unit => (1.0, false),
                _ => (self.group_compactness, false),
            }
        } else if t.j & LINK != 0 {
            match weighting {
                Weighting::Unit => (1.0, false),
                Weighting::PStress if t.s > 1.0 => (1.0, true),
                Weighting::PStress => (t.s, false),
                Weighting::Full => (t.s.min(1.0), false),
                Weighting::GridSnap => (0.0, false),
            }
        } else {
            match weighting {
                Weighting::Unit | Weighting::Full => (t.s, false),
                Weighting::PStress => (t.s, true),
                Weighting::GridSnap => (0.0, false),
            }
        };
        (w > 0.0).then(|| (w / (t.d * t.d), repel))
    }

    /// Stress over the terms among the first `limit` nodes, in `f64`: unweighted
    /// (`Σ (l - d)² / d²`), or with `p_stress` weighted as under P-stress (region
    /// counts on pivot terms, repelling terms farther than ideal left out).
    #[must_use]
    pub fn stress<const K: usize>(&self, x: &[f64], limit: usize, p_stress: bool) -> f64 {
        let n = self.n;
        let mut total = 0.0f64;
        for t in &self.terms {
            let (i, j) = (t.i as usize, t.node_j());
            if i >= limit || j >= limit {
                continue;
            }
            let mut l2 = 0.0f64;
            for k in 0..K {
                let e = x[k * n + i] - x[k * n + j];
                l2 += e * e;
            }
            let (l, d) = (crate::math::sqrt(l2), f64::from(t.d));
            let w = if p_stress {
                match self.weight(t, Weighting::PStress) {
                    Some((_, true)) if l > d => continue,
                    Some((w, _)) => f64::from(w) * d * d,
                    None => continue,
                }
            } else {
                1.0
            };
            total += w * (l - d) * (l - d) / (d * d);
        }
        total
    }

    /// The descent's derivative pass over the terms: overwrites `g` and, with
    /// `diagonal`, `hdiag` (SoA `K * n`) with WebCola's gradient and Hessian diagonal
    /// terms at `x` (SoA `f32`). Every term acts on both its nodes here, pivots too:
    /// the descent needs the gradient of one energy to converge, and moving only the
    /// non-pivot end (as SGD does) gives it none. Returns the `j` of each coincident
    /// term, to be displaced.
    pub(super) fn derivatives<const K: usize>(
        &self,
        x: &[f32],
        g: &mut [f32],
        hdiag: &mut [f32],
        diagonal: bool,
    ) -> Vec<usize> {
        let n = self.n;
        g.fill(0.0);
        if diagonal {
            hdiag.fill(0.0);
        }
        let mut coincident = Vec::new();
        for t in &self.terms {
            let (i, j) = (t.i as usize, t.node_j());
            let Some((w, repel)) = self.weight(t, self.weighting) else {
                continue;
            };
            let (dv, mut l2) = separation::<K>(x, n, i, j);
            if l2 <= COINCIDENT_DISTANCE_SQUARED {
                coincident.push(j);
                l2 = COINCIDENT_DISTANCE_SQUARED;
            }
            let l = crate::math::sqrtf(l2);
            if repel && l > t.d {
                continue;
            }
            let l3 = l2 * l;
            let two_w_t = 2.0 * w / l3;
            let gs = (l - t.d) * l2 * two_w_t;
            for d in 0..K {
                let gd = dv[d] * gs;
                g[d * n + i] += gd;
                g[d * n + j] -= gd;
                if diagonal {
                    let h = two_w_t * (2.0 * l3 + t.d * (dv[d] * dv[d] - l2));
                    hdiag[d * n + i] += h;
                    hdiag[d * n + j] += h;
                }
            }
        }
        coincident
    }

    /// `dirᵀ H dir` for the descent's step size, with the Hessian of
    /// [`SparseModel::derivatives`] at `x`.
    pub(super) fn curvature<const K: usize>(&self, x: &[f32], dir: &[f32]) -> f64 {
        let n = self.n;
        let mut total = 0.0f64;
        for t in &self.terms {
            let (i, j) = (t.i as usize, t.node_j());
            let Some((w, repel)) = self.weight(t, self.weighting) else {
                continue;
            };
            let (dv, l2) = separation::<K>(x, n, i, j);
            let l2 = l2.max(COINCIDENT_DISTANCE_SQUARED);
            let l = crate::math::sqrtf(l2);
            if repel && l > t.d {
                continue;
            }
            let l3 = l2 * l;
            let two_w_t = 2.0 * w / l3;
            let mut term = 0.0f32;
            for d in 0..K {
                let h = two_w_t * (2.0 * l3 + t.d * (dv[d] * dv[d] - l2));
                let e = dir[d * n + i] - dir[d * n + j];
                term += h * (e * e);
            }
            total += f64::from(term);
        }
        total
    }
}

/// `x_i - x_j` per dimension (SoA `f32` positions over `n` nodes) and its squared length.
#[inline(always)]
fn separation<const K: usize>(x: &[f32], n: usize, i: usize, j: usize) -> ([f32; K], f32) {
    let mut dv = [0.0f32; K];
    let mut l2 = 0.0f32;
    for d in 0..K {
        dv[d] = x[d * n + i] - x[d * n + j];
        l2 += dv[d] * dv[d];
    }
    (dv, l2)
}

#[cfg(test)]
mod tests;
