//! The scalar kernels: the reference the SIMD kernels are tested against, and the ones
//! that run without the `simd` feature.

use super::{pair_terms, row_start, COINCIDENT_DISTANCE_SQUARED};
use core::ops::Range;

/// `xu - x_v` per dimension, and its squared length.
#[inline(always)]
fn separation<const K: usize>(xu: &[f32; K], x: &[f32], n: usize, v: usize) -> ([f32; K], f32) {
    let mut dv = [0.0f32; K];
    let mut l2 = 0.0f32;
    for d in 0..K {
        dv[d] = xu[d] - x[d * n + v];
        l2 += dv[d] * dv[d];
    }
    (dv, l2)
}

/// The pairs `(u, v)`, `v` in `vs`, of row `u` of the derivative pass: the body of
/// [`derivatives`], and the tail of the SIMD kernel. Adds each pair's gradient and
/// diagonal terms to row `u`'s sums `acc` and to `out` at `v`, writes its Hessian terms
/// to `terms` (whose first pair is `p0`) with `TERMS`, and returns whether a pair
/// was coincident.
#[inline(always)]
#[allow(clippy::too_many_arguments, clippy::type_complexity)] // the kernel's slices, grouped
pub(super) fn derivative_pairs<const K: usize, const HDIAG: bool, const TERMS: bool>(
    n: usize,
    u: usize,
    vs: Range<usize>,
    x: &[f32],
    (ideal, weight): (&[f32], &[f32]),
    (g, hdiag): (&mut [f32], &mut [f32]),
    (ta, tb, p0): (&mut [f32], &mut [f32], usize),
    (gu, hu): (&mut [f32; K], &mut [f32; K]),
) -> bool {
    let base = row_start(n, u);
    let xu: [f32; K] = core::array::from_fn(|d| x[d * n + u]);
    let mut coincident = false;
    for v in vs {
        let p = base + (v - u - 1);
        let (dv, l2) = separation(&xu, x, n, v);
        coincident |= l2 <= COINCIDENT_DISTANCE_SQUARED;
        let Some((gs, hcoef, l2, l3)) = pair_terms(l2, ideal[p], weight[p]) else {
            if TERMS {
                ta[p - p0] = 0.0;
                tb[p - p0] = 0.0;
            }
            continue;
        };
        if TERMS {
            ta[p - p0] = hcoef * (2.0 * l3 - ideal[p] * l2);
            tb[p - p0] = hcoef * ideal[p];
        }
        for d in 0..K {
            let gd = dv[d] * gs;
            gu[d] += gd;
            g[d * n + v] -= gd;
            if HDIAG {
                let h = hcoef * (2.0 * l3 + ideal[p] * (dv[d] * dv[d] - l2));
                hu[d] += h;
                hdiag[d * n + v] += h;
            }
        }
    }
    coincident
}

/// The pairs `(u, v)`, `v` in `vs`, of row `u` of [`curvature`] (also the SIMD tail).
#[inline(always)]
pub(super) fn curvature_pairs<const K: usize>(
    n: usize,
    u: usize,
    vs: Range<usize>,
    x: &[f32],
    (ideal, weight): (&[f32], &[f32]),
    dir: &[f32],
) -> f32 {
    let base = row_start(n, u);
    let xu: [f32; K] = core::array::from_fn(|d| x[d * n + u]);
    let du: [f32; K] = core::array::from_fn(|d| dir[d * n + u]);
    let mut row = 0.0f32;
    for v in vs {
        let p = base + (v - u - 1);
        let (dv, l2) = separation(&xu, x, n, v);
        let Some((_, hcoef, l2, l3)) = pair_terms(l2, ideal[p], weight[p]) else {
            continue;
        };
        for d in 0..K {
            let h = hcoef * (2.0 * l3 + ideal[p] * (dv[d] * dv[d] - l2));
            let e = du[d] - dir[d * n + v];
            row += h * (e * e);
        }
    }
    row
}

/// The pairs `(u, v)`, `v` in `vs`, of row `u` of [`curvature_cached`] (also the SIMD tail).
#[inline(always)]
pub(super) fn curvature_cached_pairs<const K: usize>(
    n: usize,
    u: usize,
    vs: Range<usize>,
    x: &[f32],
    (ta, tb): (&[f32], &[f32]),
    dir: &[f32],
) -> f32 {
    let base = row_start(n, u);
    let mut row = 0.0f32;
    for v in vs {
        let p = base + (v - u - 1);
        let (a, b) = (ta[p], tb[p]);
        for d in 0..K {
            let dv = x[d * n + u] - x[d * n + v];
            let e = dir[d * n + u] - dir[d * n + v];
            row += (a + b * (dv * dv)) * (e * e);
        }
    }
    row
}

/// Gradient and Hessian diagonal of the weighted stress, WebCola's `computeDerivatives`.
///
/// Evaluates the pairs `(u, v > u)` of the rows `u` in `rows` (all rows: `0..n`) and
/// overwrites `g` and, with `HDIAG`, `hdiag` (both `K * n`, SoA) with their
/// contributions; `hdiag[d * n + u]` is WebCola's `H[d][u][u]` when `rows` is `0..n`.
/// Without `HDIAG`, `hdiag` is left alone (the descent needs the diagonal only for
/// locks and grid snap). With `TERMS`, writes each pair's Hessian terms to
/// `terms.0`/`terms.1`, which start at the first pair of `rows` (see
/// [`curvature_cached`]). Returns `true` when some pair is coincident (squared
/// distance `<= 1e-9`): the caller then displaces nodes and calls again. Coincident
/// pairs are evaluated at distance `sqrt(1e-9)` so no output is ever NaN from them.
///
/// # Panics
/// If a slice is shorter than its layout requires.
#[allow(clippy::too_many_arguments)] // a kernel is a function of its slices
pub fn derivatives<const K: usize, const HDIAG: bool, const TERMS: bool>(
    n: usize,
    rows: Range<usize>,
    x: &[f32],
    ideal: &[f32],
    weight: &[f32],
    g: &mut [f32],
    hdiag: &mut [f32],
    terms: (&mut [f32], &mut [f32]),
) -> bool {
    g[..K * n].fill(0.0);
    if HDIAG {
        hdiag[..K * n].fill(0.0);
    }
    let (ta, tb) = terms;
    let p0 = row_start(n, rows.start);
    let mut coincident = false;
    for u in rows.clone() {
        let mut gu = [0.0f32; K];
        let mut hu = [0.0f32; K];
        coincident |= derivative_pairs::<K, HDIAG, TERMS>(
            n,
            u,
            u + 1..n,
            x,
            (ideal, weight),
            (g, hdiag),
            (ta, tb, p0),
            (&mut gu, &mut hu),
        );
        for d in 0..K {
            g[d * n + u] += gu[d];
            if HDIAG {
                hdiag[d * n + u] += hu[d];
            }
        }
    }
    coincident
}

/// `dirᵀ H dir` for the pair part of WebCola's Hessian at positions `x`, where `dir` is a
/// `K * n` SoA vector: `Σ_{u<v} Σ_d h_d (dir_d[u] - dir_d[v])^2`, the denominator of the
/// step size without the lock terms. Needs no stored `n x n` Hessian.
///
/// # Panics
/// If a slice is shorter than its layout requires.
#[must_use]
pub fn curvature<const K: usize>(
    n: usize,
    rows: Range<usize>,
    x: &[f32],
    ideal: &[f32],
    weight: &[f32],
    dir: &[f32],
) -> f64 {
    let mut total = 0.0f64;
    for u in rows.clone() {
        total += f64::from(curvature_pairs::<K>(
            n,
            u,
            u + 1..n,
            x,
            (ideal, weight),
            dir,
        ));
    }
    total
}

/// `dirᵀ H dir` from the per-pair Hessian terms that [`derivatives`] wrote with
/// `TERMS` at the same positions `x`: `h_d = a + b d_d²` with `a = terms.0[p]` and
/// `b = terms.1[p]`, over the pairs of `rows`. Same value as [`curvature`] (up to
/// rounding), with no square root or division per pair.
///
/// # Panics
/// If a slice is shorter than its layout requires.
#[must_use]
pub fn curvature_cached<const K: usize>(
    n: usize,
    rows: Range<usize>,
    x: &[f32],
    terms: (&[f32], &[f32]),
    dir: &[f32],
) -> f64 {
    let mut total = 0.0f64;
    for u in rows.clone() {
        total += f64::from(curvature_cached_pairs::<K>(n, u, u + 1..n, x, terms, dir));
    }
    total
}
