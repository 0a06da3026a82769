//! One derivative pass of the descent: gradient and Hessian diagonal over the row
//! blocks of the pair table, grid snap, locks, and the step size `gᵀd / dᵀHd`.

use alloc::vec::Vec;
use core::ops::Range;

use super::kernels;
use super::Model;
use crate::rng::PseudoRandom;

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
pub(super) struct Derivatives<const K: usize> {
    pub(super) model: Model,
    /// Locked nodes and the positions they are pulled to, ascending by node.
    pub(super) locks: Vec<(usize, [f64; K])>,
    pub(super) snap: Option<GridSnap>,
    /// `f32` copy of the positions of the last pass, which the pair kernels read.
    pub(super) xf: Vec<f32>,
    /// `f32` copy of a step direction, for the curvature kernel.
    pub(super) dirf: Vec<f32>,
    /// Per-pair Hessian terms `a`, `b` of the last pass (see
    /// [`kernels::curvature_cached`]), one `f32` each per pair; empty above
    /// [`CURVATURE_CACHE_PAIRS`] pairs, where the curvature kernel recomputes them.
    pub(super) terms: (Vec<f32>, Vec<f32>),
    /// Row blocks of the pair kernels (see [`row_blocks`]).
    pub(super) blocks: Vec<Range<usize>>,
    /// Gradient and diagonal partial sums of blocks 1.. (block 0 writes `g`, `hdiag`).
    pub(super) partial: Vec<(Vec<f32>, Vec<f32>)>,
    pub(super) rng: PseudoRandom,
    /// Gradient, SoA `K * n`.
    pub(super) g: Vec<f32>,
    /// Hessian diagonal, SoA `K * n`.
    pub(super) hdiag: Vec<f32>,
    /// The part of `hdiag` from grid snap and locks, which the curvature kernel does
    /// not see.
    pub(super) extra: Vec<f32>,
    /// Largest Hessian diagonal entry of the last pass (before lock terms).
    pub(super) max_h: f32,
}

impl<const K: usize> Derivatives<K> {
    /// WebCola's `computeDerivatives`. The Hessian diagonal (and `max_h`) is computed
    /// only when `want_diagonal`, or when locks or scaled grid snap need `max_h`.
    pub(super) fn compute(&mut self, n: usize, x: &mut [f64], want_diagonal: bool) {
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
        let min_d = f64::from(self.model.min_d());
        if let Model::Sparse(m) = &self.model {
            let moved = m.derivatives::<K>(&self.xf, &mut self.g, &mut self.hdiag, diagonal);
            if !moved.is_empty() {
                for &v in &moved {
                    let rd = self.rng.offset_dir::<K>(min_d);
                    for d in 0..K {
                        x[d * n + v] += rd[d];
                    }
                }
                kernels::narrow(x, &mut self.xf);
                m.derivatives::<K>(&self.xf, &mut self.g, &mut self.hdiag, diagonal);
            }
        } else if self.blocked_pass(n, pass, diagonal) {
            displace_coincident::<K>(n, x, &mut self.rng, min_d);
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
        let Model::Dense(p) = &self.model else {
            return false;
        };
        let xf = &self.xf;
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
        let run = |(rows, g, h, a, b): BlockJob<'_>| {
            pass(
                n,
                rows,
                xf,
                p.ideal_buffer(),
                p.weight_buffer(),
                g,
                h,
                (a, b),
            )
        };
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
    pub(super) fn step_size(&self, n: usize, dir: &[f32]) -> f64 {
        let num = kernels::dot(&self.g, dir);
        let xf = &self.xf;
        let (ta, tb) = (&self.terms.0, &self.terms.1);
        let mut den = match &self.model {
            Model::Dense(p) => self.sum_blocks(|rows| {
                if ta.is_empty() {
                    kernels::curvature::<K>(n, rows, xf, p.ideal_buffer(), p.weight_buffer(), dir)
                } else {
                    kernels::curvature_cached::<K>(n, rows, xf, (ta, tb), dir)
                }
            }),
            Model::Sparse(m) => m.curvature::<K>(xf, dir),
        };
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

/// WebCola's displacement of coincident nodes, in its order: for every ordered pair
/// `(u, v)`, while the two are within `sqrt(1e-9)`, move `v` by a random offset of
/// length `min_d`, at most `n` times.
pub(super) fn displace_coincident<const K: usize>(
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
