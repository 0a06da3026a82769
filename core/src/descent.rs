//! WebCola's stress descent: gradient, Hessian-scaled step, RK4 averaging, locks and
//! the deterministic displacement of coincident nodes.

use alloc::vec::Vec;
use core::ops::Range;

use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::kernels;
use crate::overlap::{Axis, Projection};
use crate::paths::{ShortestPaths, Work};
use crate::rng::PseudoRandom;

/// Which pair weights the descent minimises with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weighting {
    /// Weight 1 for every reachable pair: WebCola's descent before `G` is set
    /// (the first two phases of `start`).
    Unit,
    /// WebCola's `G`: the link weight (`weight || 1`) on links, 2 elsewhere, so that
    /// non-adjacent pairs only repel (P-stress).
    PStress,
    /// Every reachable pair both attracts and repels (neato's and libcola's full
    /// stress); link weights above 1 are capped at 1.
    Full,
    /// WebCola's grid-snap phase: as `PStress`, but with no stress between real nodes,
    /// so only the grid and the group dummies act.
    GridSnap,
}

/// Up to this many pairs (about 4000 nodes, 64 MB), the derivative pass keeps the
/// per-pair Hessian terms so the step size needs no second square root per pair.
pub const CURVATURE_CACHE_PAIRS: usize = 8 << 20;

/// Ideal distance between the two dummy nodes of a group (WebCola's 0.1).
pub const GROUP_DUMMY_DISTANCE: f32 = 0.1;

/// Ideal distances and weights of every unordered pair, in the triangular layout of
/// [`crate::kernels`]: 8 bytes per pair.
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
    /// Weight per pair, see [`crate::kernels`].
    weight: Vec<f32>,
    weighting: Weighting,
    /// Smallest positive ideal distance, or 1 when there is none: the length of the
    /// random displacement of coincident nodes (WebCola's `minD`).
    min_d: f32,
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
            bytes: pairs.saturating_mul(8),
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
        let fill = |(u, out): (usize, &mut [f32]), buf: &mut (Vec<f64>, Work)| -> f64 {
            sp.row(u, &mut buf.0, &mut buf.1);
            let mut m = f64::INFINITY;
            for (o, &d) in out.iter_mut().zip(&buf.0[u + 1..]) {
                if d.is_finite() {
                    m = m.min(d);
                    *o = d as f32;
                }
            }
            m
        };
        let scratch = || (alloc::vec![0.0; real], Work::new(real));
        #[cfg(feature = "parallel")]
        let mut min_d = {
            use rayon::prelude::*;
            jobs.into_par_iter()
                .map_init(scratch, |buf, job| fill(job, buf))
                .reduce(|| f64::INFINITY, f64::min)
        };
        #[cfg(not(feature = "parallel"))]
        let mut min_d = {
            let mut buf = scratch();
            jobs.into_iter()
                .map(|job| fill(job, &mut buf))
                .fold(f64::INFINITY, f64::min)
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

    /// The triangular ideal-distance buffer (see [`crate::kernels`]).
    #[must_use]
    pub fn ideal_buffer(&self) -> &[f32] {
        &self.ideal
    }

    /// The triangular weight buffer (see [`crate::kernels`]).
    #[must_use]
    pub fn weight_buffer(&self) -> &[f32] {
        &self.weight
    }

    /// WebCola's `minD`, the length of a coincident-node displacement.
    #[must_use]
    pub fn min_d(&self) -> f32 {
        self.min_d
    }
}

/// One block's work in a derivative pass: its rows, its gradient and diagonal outputs,
/// and its slices of the Hessian-term cache.
type BlockJob<'a> = (
    Range<usize>,
    &'a mut Vec<f32>,
    &'a mut Vec<f32>,
    &'a mut [f32],
    &'a mut [f32],
);

/// A derivative kernel instance (see [`kernels::derivatives`]).
type DerivativePass = fn(
    usize,
    Range<usize>,
    &[f32],
    &[f32],
    &[f32],
    &mut [f32],
    &mut [f32],
    (&mut [f32], &mut [f32]),
) -> bool;

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

/// WebCola's grid-snap term: coordinates within half a cell of a multiple of `size`
/// are pulled onto it with stiffness `strength / (size/2)^2` (times the largest Hessian
/// entry with `scale_by_max_h`, used when groups add dummy nodes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridSnap {
    /// Grid spacing, in layout units.
    pub size: f32,
    /// Strength (WebCola's `snapStrength`, 1000).
    pub strength: f32,
    /// Scale the pull by the largest Hessian diagonal entry.
    pub scale_by_max_h: bool,
    /// Only the first `nodes` nodes snap (the graph's nodes, not group dummies).
    pub nodes: usize,
}

/// What the derivative pass needs besides the positions it works on.
#[derive(Clone, Debug)]
struct Derivatives<const K: usize> {
    pairs: PairTable,
    /// Locked nodes and the positions they are pulled to, ascending by node.
    locks: Vec<(usize, [f64; K])>,
    snap: Option<GridSnap>,
    /// `f32` copy of the positions of the last pass, which the pair kernels read.
    xf: Vec<f32>,
    /// `f32` copy of a step direction, for the curvature kernel.
    dirf: Vec<f32>,
    /// Per-pair Hessian terms `a`, `b` of the last pass (see
    /// [`kernels::curvature_cached`]), one `f32` each per pair; empty above
    /// [`CURVATURE_CACHE_PAIRS`] pairs, where the curvature kernel recomputes them.
    terms: (Vec<f32>, Vec<f32>),
    /// Row blocks of the pair kernels (see [`row_blocks`]).
    blocks: Vec<Range<usize>>,
    /// Gradient and diagonal partial sums of blocks 1.. (block 0 writes `g`, `hdiag`).
    partial: Vec<(Vec<f32>, Vec<f32>)>,
    rng: PseudoRandom,
    /// Gradient, SoA `K * n`.
    g: Vec<f32>,
    /// Hessian diagonal, SoA `K * n`.
    hdiag: Vec<f32>,
    /// The part of `hdiag` from grid snap and locks, which the curvature kernel does
    /// not see.
    extra: Vec<f32>,
    /// Largest Hessian diagonal entry of the last pass (before lock terms).
    max_h: f32,
}

/// WebCola's `Descent` for `K` dimensions (2 or 3).
///
/// Positions are structure-of-arrays, `x[d * n + i]`, kept in `f64` (so that VPSC's
/// 1e-6 separations survive between projections); the pair kernels read an `f32` copy.
#[derive(Clone, Debug)]
pub struct Descent<const K: usize> {
    n: usize,
    x: Vec<f64>,
    deriv: Derivatives<K>,
    /// RK4 buffers `a, b, c, d, ia, ib`, each `K * n`, and the projected-step direction `e`.
    rk: [Vec<f64>; 7],
    projection: Option<Projection>,
    /// Relative convergence threshold of [`Descent::run`].
    pub threshold: f64,
}

impl<const K: usize> Descent<K> {
    /// A descent from positions `x` (SoA, `K * n`) over `pairs`, displacing coincident
    /// nodes with [`PseudoRandom`] seeded by `seed` (WebCola uses 1).
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] if `x.len() != K * pairs.node_count()`;
    /// [`Error::NonFiniteCoordinate`] if a position is not finite.
    pub fn new(x: Vec<f64>, pairs: PairTable, seed: u64) -> Result<Self> {
        let n = pairs.node_count();
        if x.len() != K * n {
            return Err(Error::DimensionMismatch {
                expected: K * n,
                found: x.len(),
            });
        }
        if let Some(i) = x.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFiniteCoordinate { node: i % n.max(1) });
        }
        let buf = || alloc::vec![0.0f32; K * n];
        let buf64 = || alloc::vec![0.0f64; K * n];
        Ok(Self {
            n,
            x,
            deriv: Derivatives {
                pairs,
                locks: Vec::new(),
                snap: None,
                xf: buf(),
                dirf: buf(),
                terms: {
                    let pairs = kernels::pair_count(n);
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    if pairs <= CURVATURE_CACHE_PAIRS
                        && a.try_reserve_exact(pairs).is_ok()
                        && b.try_reserve_exact(pairs).is_ok()
                    {
                        a.resize(pairs, 0.0);
                        b.resize(pairs, 0.0);
                    }
                    (a, b)
                },
                blocks: row_blocks(n),
                partial: (1..row_blocks(n).len()).map(|_| (buf(), buf())).collect(),
                rng: PseudoRandom::new(seed),
                g: buf(),
                hdiag: buf(),
                extra: buf(),
                max_h: 0.0,
            },
            rk: [
                buf64(),
                buf64(),
                buf64(),
                buf64(),
                buf64(),
                buf64(),
                buf64(),
            ],
            projection: None,
            threshold: 1e-4,
        })
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Positions, SoA `x[d * n + i]`.
    #[must_use]
    pub fn x(&self) -> &[f64] {
        &self.x
    }

    /// Positions, mutable (for packing, dragging and incremental updates).
    pub fn x_mut(&mut self) -> &mut [f64] {
        &mut self.x
    }

    /// The pair table.
    #[must_use]
    pub fn pairs(&self) -> &PairTable {
        &self.deriv.pairs
    }

    /// The pair table, mutable (to reweight between phases).
    pub fn pairs_mut(&mut self) -> &mut PairTable {
        &mut self.deriv.pairs
    }

    /// The gradient of the last derivative pass, SoA.
    #[must_use]
    pub fn gradient(&self) -> &[f32] {
        &self.deriv.g
    }

    /// The Hessian diagonal of the last derivative pass, SoA, with lock terms. Descent
    /// iterations compute it only when locks or grid snap need it (zero otherwise);
    /// [`Descent::compute_derivatives`] always does.
    #[must_use]
    pub fn hessian_diagonal(&self) -> &[f32] {
        &self.deriv.hdiag
    }

    /// Restarts the displacement generator from `seed`.
    pub fn reseed(&mut self, seed: u64) {
        self.deriv.rng = PseudoRandom::new(seed);
    }

    /// Removes every lock.
    pub fn clear_locks(&mut self) {
        self.deriv.locks.clear();
    }

    /// Pulls node `u` towards `p` with a spring of stiffness `max_h` (WebCola's `Locks.add`).
    /// Adding a lock for a node that has one replaces it.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`].
    pub fn lock(&mut self, u: usize, p: [f64; K]) -> Result<()> {
        if u >= self.n {
            return Err(Error::NodeOutOfRange {
                node: u,
                node_count: self.n,
            });
        }
        let locks = &mut self.deriv.locks;
        match locks.binary_search_by_key(&u, |l| l.0) {
            Ok(i) => locks[i].1 = p,
            Err(i) => locks.insert(i, (u, p)),
        }
        Ok(())
    }

    /// Turns the grid-snap term on or off.
    pub fn set_grid_snap(&mut self, snap: Option<GridSnap>) {
        self.deriv.snap = snap;
    }

    /// Projects every step onto constraints (x, then y), or stops projecting with `None`.
    pub fn set_projection(&mut self, projection: Option<Projection>) {
        self.projection = projection;
    }

    /// The projection, if any.
    #[must_use]
    pub fn projection(&self) -> Option<&Projection> {
        self.projection.as_ref()
    }

    /// The projection, mutable (to pin dragged nodes).
    pub fn projection_mut(&mut self) -> Option<&mut Projection> {
        self.projection.as_mut()
    }

    /// WebCola's `computeDerivatives(x)` on the current positions.
    pub fn compute_derivatives(&mut self) {
        self.deriv.compute(self.n, &mut self.x, true);
    }

    /// WebCola's `computeStepSize(d)` at the current positions, for a `K * n` direction
    /// (after [`Descent::compute_derivatives`]): `gᵀd / dᵀHd`, or 0 when `dᵀHd` is 0 or
    /// not finite.
    ///
    /// # Panics
    /// If `dir.len() != K * n`.
    #[must_use]
    pub fn compute_step_size(&self, dir: &[f32]) -> f64 {
        self.deriv.step_size(self.n, dir)
    }

    /// One RK4-averaged iteration (WebCola's `rungeKutta`); returns the sum of squared
    /// displacements.
    pub fn runge_kutta(&mut self) -> f64 {
        let [a, b, c, d, ia, ib, e] = &mut self.rk;
        let mut step = Stepper {
            n: self.n,
            deriv: &mut self.deriv,
            projection: self.projection.as_mut(),
            e,
        };
        step.next_position(&mut self.x, a);
        kernels::midpoint(&self.x, a, ia);
        step.next_position(ia, b);
        kernels::midpoint(&self.x, b, ib);
        step.next_position(ib, c);
        step.next_position(c, d);
        kernels::rk4_average(&mut self.x, a, b, c, d)
    }

    /// WebCola's `run`: up to `iterations` RK4 iterations, stopping once the displacement
    /// changes by less than `threshold` relative. Returns the last displacement.
    pub fn run(&mut self, iterations: usize) -> f64 {
        let mut stress = f64::MAX;
        for _ in 0..iterations {
            let s = self.runge_kutta();
            let converged = crate::math::abs(stress / s - 1.0) < self.threshold;
            stress = s;
            if converged {
                break;
            }
        }
        stress
    }

    /// WebCola's `computeStress`: `Σ (l - D)^2 / D^2` over reachable pairs, unweighted,
    /// group dummy pairs included.
    #[must_use]
    pub fn stress(&self) -> f64 {
        let p = &self.deriv.pairs;
        kernels::stress::<K>(self.n, self.n, &self.x, &p.ideal, &p.weight, false)
    }

    /// The weighted stress the current weighting minimises (P-stress under
    /// [`Weighting::PStress`]).
    #[must_use]
    pub fn weighted_stress(&self) -> f64 {
        let p = &self.deriv.pairs;
        kernels::stress::<K>(self.n, self.n, &self.x, &p.ideal, &p.weight, true)
    }
}

impl<const K: usize> Derivatives<K> {
    /// WebCola's `computeDerivatives`. The Hessian diagonal (and `max_h`) is computed
    /// only when `want_diagonal`, or when locks or scaled grid snap need `max_h`.
    fn compute(&mut self, n: usize, x: &mut [f64], want_diagonal: bool) {
        let diagonal =
            want_diagonal || !self.locks.is_empty() || self.snap.is_some_and(|s| s.scale_by_max_h);
        let cache = !self.terms.0.is_empty();
        let pass = match (diagonal, cache) {
            (true, true) => kernels::derivatives::<K, true, true>,
            (true, false) => kernels::derivatives::<K, true, false>,
            (false, true) => kernels::derivatives::<K, false, true>,
            (false, false) => kernels::derivatives::<K, false, false>,
        };
        kernels::narrow(x, &mut self.xf);
        if self.blocked_pass(n, pass, diagonal) {
            displace_coincident::<K>(n, x, &mut self.rng, f64::from(self.pairs.min_d));
            kernels::narrow(x, &mut self.xf);
            self.blocked_pass(n, pass, diagonal);
        }
        if !diagonal {
            self.hdiag.fill(0.0);
        }
        self.max_h = self
            .hdiag
            .iter()
            .fold(0.0f32, |m, &h| if h > m { h } else { m });
        self.extra.fill(0.0);
        if let Some(snap) = self.snap {
            let size = f64::from(snap.size);
            let r = size / 2.0;
            let mut kk = f64::from(snap.strength) / (r * r);
            if snap.scale_by_max_h {
                kk *= f64::from(self.max_h);
            }
            for d in 0..K {
                for u in 0..snap.nodes.min(n) {
                    let xiu = x[d * n + u];
                    let mm = xiu / size;
                    let f = mm % 1.0;
                    let q = mm - f;
                    let dx = if f.abs() <= 0.5 {
                        xiu - q * size
                    } else if xiu > 0.0 {
                        xiu - (q + 1.0) * size
                    } else {
                        xiu - (q - 1.0) * size
                    };
                    if -r < dx && dx <= r {
                        self.g[d * n + u] += (kk * dx) as f32;
                        self.extra[d * n + u] += kk as f32;
                    }
                }
            }
        }
        let max_h = f64::from(self.max_h);
        for &(u, ref p) in &self.locks {
            for d in 0..K {
                self.extra[d * n + u] += self.max_h;
                self.g[d * n + u] -= (max_h * (p[d] - x[d * n + u])) as f32;
            }
        }
        for (h, e) in self.hdiag.iter_mut().zip(&self.extra) {
            *h += e;
        }
    }

    /// Runs the derivative kernel over every row block (in parallel with the `parallel`
    /// feature) and adds the blocks' partial sums into `g` and `hdiag` in block order.
    /// Returns whether some pair was coincident.
    fn blocked_pass(&mut self, n: usize, pass: DerivativePass, diagonal: bool) -> bool {
        let (xf, p) = (&self.xf, &self.pairs);
        let (mut ta, mut tb) = (&mut self.terms.0[..], &mut self.terms.1[..]);
        let mut jobs = Vec::with_capacity(self.blocks.len());
        let mut outs = core::iter::once((&mut self.g, &mut self.hdiag))
            .chain(self.partial.iter_mut().map(|(g, h)| (g, h)));
        for rows in &self.blocks {
            let len = if ta.is_empty() {
                0
            } else {
                kernels::row_start(n, rows.end) - kernels::row_start(n, rows.start)
            };
            let (a, rest_a) = core::mem::take(&mut ta).split_at_mut(len);
            let (b, rest_b) = core::mem::take(&mut tb).split_at_mut(len);
            ta = rest_a;
            tb = rest_b;
            if let Some((g, h)) = outs.next() {
                jobs.push((rows.clone(), g, h, a, b));
            }
        }
        let run =
            |(rows, g, h, a, b): BlockJob<'_>| pass(n, rows, xf, &p.ideal, &p.weight, g, h, (a, b));
        #[cfg(feature = "parallel")]
        let coincident = {
            use rayon::prelude::*;
            jobs.into_par_iter().map(run).reduce(|| false, |a, b| a | b)
        };
        #[cfg(not(feature = "parallel"))]
        let coincident = jobs.into_iter().map(run).fold(false, |a, b| a | b);
        for (pg, ph) in &self.partial {
            for (g, v) in self.g.iter_mut().zip(pg) {
                *g += v;
            }
            if diagonal {
                for (h, v) in self.hdiag.iter_mut().zip(ph) {
                    *h += v;
                }
            }
        }
        coincident
    }

    /// `f(rows)` for every row block (in parallel with the `parallel` feature), summed in
    /// block order.
    fn sum_blocks(&self, f: impl Fn(Range<usize>) -> f64 + Sync) -> f64 {
        #[cfg(feature = "parallel")]
        let parts: Vec<f64> = {
            use rayon::prelude::*;
            self.blocks.par_iter().map(|r| f(r.clone())).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let parts: Vec<f64> = self.blocks.iter().map(|r| f(r.clone())).collect();
        parts.iter().sum()
    }

    /// WebCola's `computeStepSize(dir)` at the positions of the last pass.
    fn step_size(&self, n: usize, dir: &[f32]) -> f64 {
        let p = &self.pairs;
        let num = kernels::dot(&self.g, dir);
        let xf = &self.xf;
        let (ta, tb) = (&self.terms.0, &self.terms.1);
        let mut den = self.sum_blocks(|rows| {
            if ta.is_empty() {
                kernels::curvature::<K>(n, rows, xf, &p.ideal, &p.weight, dir)
            } else {
                kernels::curvature_cached::<K>(n, rows, xf, (ta, tb), dir)
            }
        });
        den += self
            .extra
            .iter()
            .zip(dir)
            .map(|(&h, &e)| f64::from(h) * f64::from(e) * f64::from(e))
            .sum::<f64>();
        if den == 0.0 || !den.is_finite() {
            0.0
        } else {
            num / den
        }
    }
}

/// One `computeNextPosition` context: the derivative state and the optional projection.
struct Stepper<'a, const K: usize> {
    n: usize,
    deriv: &'a mut Derivatives<K>,
    projection: Option<&'a mut Projection>,
    e: &'a mut Vec<f64>,
}

impl<const K: usize> Stepper<'_, K> {
    /// WebCola's `computeNextPosition`: `r = x0 - α g`, projected; with a projection,
    /// then `r = project(x0 - β (x0 - r))` with `β` the step size along `x0 - r`,
    /// clamped to `[0.2, 1]`.
    fn next_position(&mut self, x0: &mut [f64], r: &mut [f64]) {
        self.deriv.compute(self.n, x0, false);
        let alpha = self.deriv.step_size(self.n, &self.deriv.g);
        kernels::step(x0, &self.deriv.g, alpha, r);
        self.project(x0, r);
        if self.projection.is_some() {
            for ((e, &a), &b) in self.e.iter_mut().zip(x0.iter()).zip(r.iter()) {
                *e = a - b;
            }
            kernels::narrow(self.e, &mut self.deriv.dirf);
            let beta = self
                .deriv
                .step_size(self.n, &self.deriv.dirf)
                .clamp(0.2, 1.0);
            kernels::step(x0, self.e, beta, r);
            self.project(x0, r);
        }
    }

    /// The projection half of WebCola's `stepAndProject`: projects x (boxes at x0, y0),
    /// then y (boxes at the projected x and y0). Other dimensions are not projected.
    fn project(&mut self, x0: &[f64], r: &mut [f64]) {
        let n = self.n;
        let Some(proj) = self.projection.as_deref_mut() else {
            return;
        };
        if K < 2 {
            return;
        }
        let (rx, rest) = r.split_at_mut(n);
        proj.project(Axis::X, &x0[..n], &x0[n..2 * n], rx);
        proj.project(Axis::Y, rx, &x0[n..2 * n], &mut rest[..n]);
    }
}

/// WebCola's displacement of coincident nodes, in its order: for every ordered pair
/// `(u, v)`, while the two are within `sqrt(1e-9)`, move `v` by a random offset of
/// length `min_d`, at most `n` times.
fn displace_coincident<const K: usize>(
    n: usize,
    x: &mut [f64],
    rng: &mut PseudoRandom,
    min_d: f64,
) {
    for u in 0..n {
        for v in 0..n {
            if u == v {
                continue;
            }
            for _ in 0..n {
                let mut l2 = 0.0f64;
                for d in 0..K {
                    let e = x[d * n + u] - x[d * n + v];
                    l2 += e * e;
                }
                if l2 > 1e-9 {
                    break;
                }
                let rd = rng.offset_dir::<K>(min_d);
                for d in 0..K {
                    x[d * n + v] += rd[d];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path3() -> Graph {
        Graph::from_edges(3, [(0, 1), (1, 2)]).unwrap()
    }

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

    #[test]
    fn descent_reaches_ideal_distances_on_a_path() {
        let g = path3();
        let t = PairTable::new(&g, &[10.0, 10.0], Weighting::Unit).unwrap();
        let mut d = Descent::<2>::new(alloc::vec![0.0, 3.0, 5.0, 0.0, 1.0, -1.0], t, 1).unwrap();
        for _ in 0..200 {
            d.runge_kutta();
        }
        assert!(d.stress() < 1e-4, "{}", d.stress());
    }

    #[test]
    fn coincident_start_is_spread_by_the_lcg() {
        let g = path3();
        let t = PairTable::new(&g, &[10.0, 10.0], Weighting::Unit).unwrap();
        let mut d = Descent::<3>::new(alloc::vec![0.5; 9], t, 1).unwrap();
        d.compute_derivatives();
        let x = d.x();
        assert_eq!((x[0], x[3], x[6]), (0.5, 0.5, 0.5), "node 0 stays");
        assert_ne!(x[1], 0.5);
        assert!(d.gradient().iter().all(|v| v.is_finite()));
    }

    #[test]
    fn locked_node_is_pulled_to_its_lock() {
        let g = path3();
        let t = PairTable::new(&g, &[10.0, 10.0], Weighting::Unit).unwrap();
        let mut d = Descent::<2>::new(alloc::vec![0.0, 10.0, 20.0, 0.0, 0.0, 0.0], t, 1).unwrap();
        d.lock(0, [-5.0, 3.0]).unwrap();
        for _ in 0..100 {
            d.runge_kutta();
        }
        let (x0, y0) = (d.x()[0], d.x()[3]);
        assert!(
            (x0 + 5.0).abs() < 1.0 && (y0 - 3.0).abs() < 1.0,
            "{x0} {y0}"
        );
    }
}
