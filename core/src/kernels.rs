//! The hot loops of the descent, as pure functions over flat slices.
//!
//! Buffer layouts shared by every kernel:
//! - Positions and per-node vectors are structure-of-arrays: `x[d * n + i]` is
//!   coordinate `d` of node `i`, for `d < K`. Units are the caller's (pixels in WebCola).
//! - Pair tables are upper-triangular, row-major, one entry per unordered pair `u < v`,
//!   at [`pair_index`]`(n, u, v)`; row `u` holds `v = u + 1 .. n` contiguously.
//!   `ideal` holds the ideal distance (> 0), or `-1` for an unreachable pair.
//!   `weight` holds the pair weight: in `(0, 1]` it scales the pair's stress term; above 1
//!   it marks a P-stress pair, skipped whenever it is farther apart than `ideal` (and then
//!   weighted 1). Unreachable pairs carry weight 2, so `weight > 1 && distance > ideal`
//!   is the only test a kernel makes.
//!
//! Every pair is evaluated once and its contribution added to both ends. Kernels use
//! plain multiplies and adds (no fused multiply-add) and reduce in a fixed order, so
//! the same input gives the same bits on every target. The implementations here are
//! scalar; SIMD versions will keep these signatures and be tested against them.

/// Squared distance at or below which two nodes count as coincident (WebCola's `1e-9`).
pub const COINCIDENT_DISTANCE_SQUARED: f32 = 1e-9;

/// Index of the unordered pair `u < v` in an upper-triangular table over `n` nodes.
#[inline(always)]
#[must_use]
pub fn pair_index(n: usize, u: usize, v: usize) -> usize {
    debug_assert!(u < v && v < n);
    row_start(n, u) + (v - u - 1)
}

/// Index of the first entry (`v = u + 1`) of row `u`.
#[inline(always)]
#[must_use]
pub fn row_start(n: usize, u: usize) -> usize {
    u * n - u * (u + 1) / 2
}

/// Number of unordered pairs over `n` nodes.
#[inline(always)]
#[must_use]
pub fn pair_count(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

/// Per-pair terms of WebCola's `computeDerivatives`, shared by the derivative and
/// curvature kernels: `None` when the pair is skipped, else `(gs, hcoef, l2)` with
/// `g += d * gs` and the per-dimension Hessian term `hcoef * (2 l^3 + D (d_i^2 - l^2))`.
#[inline(always)]
pub(crate) fn pair_terms(l2: f32, ideal: f32, weight: f32) -> Option<(f32, f32, f32, f32)> {
    let l2 = if l2 > COINCIDENT_DISTANCE_SQUARED {
        l2
    } else {
        COINCIDENT_DISTANCE_SQUARED
    };
    let l = crate::math::sqrtf(l2);
    if weight > 1.0 && l > ideal {
        return None;
    }
    let w = if weight > 1.0 { 1.0 } else { weight };
    // One division for both terms: 1/(D² l) = l² · 1/(D² l³).
    let l3 = l2 * l;
    let two_w_t = 2.0 * w / (ideal * ideal * l3);
    let gs = (l - ideal) * l2 * two_w_t;
    Some((gs, two_w_t, l2, l3))
}

#[cfg(not(feature = "simd"))]
pub use scalar::{curvature, curvature_cached, derivatives};
#[cfg(feature = "simd")]
pub use simd::{curvature, curvature_cached, derivatives};

/// The scalar kernels: the reference the SIMD kernels are tested against, and the ones
/// that run without the `simd` feature.
pub mod scalar {
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
}

#[cfg(feature = "simd")]
pub mod simd {
    //! The pair kernels on `f32x8` lanes: eight pairs `(u, v..v+8)` of a row at a time,
    //! the P-stress skip and the coincidence test as lane masks, and horizontal sums in
    //! a fixed lane order, so x86 (SSE or AVX) and Wasm (simd128 or not) give the same
    //! bits. The last `< 8` pairs of a row go through the scalar per-pair code.

    use super::{row_start, scalar, COINCIDENT_DISTANCE_SQUARED};
    use core::ops::Range;

    /// The one lane type of the crate; change it here to change the SIMD width.
    pub type Lane = wide::f32x8;
    /// Lanes per [`Lane`].
    pub const LANES: usize = 8;

    /// Lanes `s[i..i + LANES]`.
    ///
    /// # Safety
    /// `i + LANES <= s.len()`.
    #[inline(always)]
    unsafe fn load(s: &[f32], i: usize) -> Lane {
        debug_assert!(i + LANES <= s.len());
        // SAFETY: the caller guarantees `i + LANES <= s.len()`; the read is unaligned.
        Lane::from(unsafe { core::ptr::read_unaligned(s.as_ptr().add(i).cast::<[f32; LANES]>()) })
    }

    /// Writes lanes to `s[i..i + LANES]`.
    ///
    /// # Safety
    /// `i + LANES <= s.len()`.
    #[inline(always)]
    unsafe fn store(v: Lane, s: &mut [f32], i: usize) {
        debug_assert!(i + LANES <= s.len());
        // SAFETY: the caller guarantees `i + LANES <= s.len()`; the write is unaligned.
        unsafe {
            core::ptr::write_unaligned(s.as_mut_ptr().add(i).cast::<[f32; LANES]>(), v.to_array())
        }
    }

    /// The lengths every pair kernel relies on; checked once per call so the lane loads
    /// need no bounds checks.
    fn check_lengths<const K: usize>(
        n: usize,
        x: &[f32],
        ideal: &[f32],
        weight: &[f32],
        per_node: &[usize],
    ) {
        let pairs = super::pair_count(n);
        assert!(
            x.len() >= K * n && ideal.len() >= pairs && weight.len() >= pairs,
            "pair kernel buffers too short"
        );
        assert!(
            per_node.iter().all(|&l| l >= K * n),
            "pair kernel buffers too short"
        );
    }

    /// `xu - x_v` per dimension for the lanes `v..v + LANES`, and its squared length.
    ///
    /// # Safety
    /// `v + LANES <= n` and `x.len() >= K * n`, so every load is in bounds.
    #[inline(always)]
    unsafe fn separation<const K: usize>(
        xu: &[Lane; K],
        x: &[f32],
        n: usize,
        v: usize,
    ) -> ([Lane; K], Lane) {
        let mut dv = [Lane::splat(0.0); K];
        let mut l2 = Lane::splat(0.0);
        for d in 0..K {
            // SAFETY: `d * n + v + LANES <= K * n <= x.len()` by the caller's contract.
            dv[d] = xu[d] - unsafe { load(x, d * n + v) };
            l2 += dv[d] * dv[d];
        }
        (dv, l2)
    }

    /// Sum of the lanes in a fixed order: `((0+1)+(2+3))+((4+5)+(6+7))`.
    #[inline(always)]
    #[must_use]
    pub fn hsum(v: Lane) -> f32 {
        let a = v.to_array();
        ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]))
    }

    /// Per-pair terms for eight pairs: `(gs, hcoef, l2, l3)`, zero for skipped lanes,
    /// and the lanes' coincidence mask.
    #[inline(always)]
    fn lane_terms(l2: Lane, ideal: Lane, weight: Lane) -> (Lane, Lane, Lane, Lane, Lane) {
        let tiny = Lane::splat(COINCIDENT_DISTANCE_SQUARED);
        let coincident = l2.simd_le(tiny);
        // `fast_max`/`fast_min` are one instruction (maxps, f32x4.pmax); `max`/`min` add
        // NaN handling that these inputs (finite, non-negative) never need. Same values.
        let l2 = l2.fast_max(tiny);
        let l = l2.sqrt();
        let one = Lane::splat(1.0);
        let skip = weight.simd_gt(one) & l.simd_gt(ideal);
        let w = skip.bitselect(Lane::splat(0.0), weight.fast_min(one));
        let l3 = l2 * l;
        let two_w_t = Lane::splat(2.0) * w / (ideal * ideal * l3);
        let gs = (l - ideal) * l2 * two_w_t;
        (gs, two_w_t, l2, l3, coincident)
    }

    /// The SIMD twin of [`super::scalar::derivatives`]; same contract.
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
        let hdiag_len = if HDIAG { hdiag.len() } else { K * n };
        check_lengths::<K>(n, x, ideal, weight, &[g.len(), hdiag_len]);
        let (ta, tb) = terms;
        let p0 = row_start(n, rows.start);
        let block_pairs = row_start(n, rows.end) - p0;
        assert!(rows.end <= n, "rows out of range");
        assert!(
            !TERMS || (ta.len() >= block_pairs && tb.len() >= block_pairs),
            "pair kernel buffers too short"
        );
        g[..K * n].fill(0.0);
        if HDIAG {
            hdiag[..K * n].fill(0.0);
        }
        let mut coincident = Lane::splat(0.0);
        let mut coincident_tail = false;
        for u in rows.clone() {
            let base = row_start(n, u);
            let xu: [f32; K] = core::array::from_fn(|d| x[d * n + u]);
            let xu_l: [Lane; K] = core::array::from_fn(|d| Lane::splat(xu[d]));
            let mut gu = [Lane::splat(0.0); K];
            let mut hu = [Lane::splat(0.0); K];
            let mut v = u + 1;
            while v + LANES <= n {
                let p = base + (v - u - 1);
                // SAFETY (every load and store below): `v + LANES <= n`, so
                // `d * n + v + LANES <= K * n`, and `p + LANES` stays within row `u` of
                // the pair tables; `check_lengths` asserted those lengths.
                let (dv, l2) = unsafe { separation(&xu_l, x, n, v) };
                let id = unsafe { load(ideal, p) };
                let (gs, hcoef, l2, l3, co) = lane_terms(l2, id, unsafe { load(weight, p) });
                coincident |= co;
                let two_l3 = Lane::splat(2.0) * l3;
                if TERMS {
                    // SAFETY: `p + LANES` stays within the rows' pairs, which `ta` and `tb`
                    // cover from `p0` on (asserted).
                    unsafe {
                        store(hcoef * (two_l3 - id * l2), ta, p - p0);
                        store(hcoef * id, tb, p - p0);
                    }
                }
                for d in 0..K {
                    let gd = dv[d] * gs;
                    gu[d] += gd;
                    let i = d * n + v;
                    unsafe { store(load(g, i) - gd, g, i) };
                    if HDIAG {
                        let h = hcoef * (two_l3 + id * (dv[d] * dv[d] - l2));
                        hu[d] += h;
                        unsafe { store(load(hdiag, i) + h, hdiag, i) };
                    }
                }
                v += LANES;
            }
            let mut gu_tail = [0.0f32; K];
            let mut hu_tail = [0.0f32; K];
            coincident_tail |= scalar::derivative_pairs::<K, HDIAG, TERMS>(
                n,
                u,
                v..n,
                x,
                (ideal, weight),
                (g, hdiag),
                (ta, tb, p0),
                (&mut gu_tail, &mut hu_tail),
            );
            for d in 0..K {
                g[d * n + u] += hsum(gu[d]) + gu_tail[d];
                if HDIAG {
                    hdiag[d * n + u] += hsum(hu[d]) + hu_tail[d];
                }
            }
        }
        coincident.any() || coincident_tail
    }

    /// The SIMD twin of [`super::scalar::curvature`]; same contract.
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
        check_lengths::<K>(n, x, ideal, weight, &[dir.len()]);
        let mut total = 0.0f64;
        for u in rows.clone() {
            let base = row_start(n, u);
            let xu: [f32; K] = core::array::from_fn(|d| x[d * n + u]);
            let du: [f32; K] = core::array::from_fn(|d| dir[d * n + u]);
            let xu_l: [Lane; K] = core::array::from_fn(|d| Lane::splat(xu[d]));
            let du_l: [Lane; K] = core::array::from_fn(|d| Lane::splat(du[d]));
            let mut row = Lane::splat(0.0);
            let mut v = u + 1;
            while v + LANES <= n {
                let p = base + (v - u - 1);
                // SAFETY (every load below): as in `derivatives`, `v + LANES <= n` and
                // `p + LANES` stays within row `u`; `check_lengths` asserted the lengths.
                let (dv, l2) = unsafe { separation(&xu_l, x, n, v) };
                let id = unsafe { load(ideal, p) };
                let (_, hcoef, l2, l3, _) = lane_terms(l2, id, unsafe { load(weight, p) });
                let two_l3 = Lane::splat(2.0) * l3;
                for d in 0..K {
                    let h = hcoef * (two_l3 + id * (dv[d] * dv[d] - l2));
                    let e = du_l[d] - unsafe { load(dir, d * n + v) };
                    row += h * (e * e);
                }
                v += LANES;
            }
            let tail = scalar::curvature_pairs::<K>(n, u, v..n, x, (ideal, weight), dir);
            total += f64::from(hsum(row) + tail);
        }
        total
    }

    /// The SIMD twin of [`super::scalar::curvature_cached`]; same contract.
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
        let (ta, tb) = terms;
        let pairs = super::pair_count(n);
        assert!(rows.end <= n, "rows out of range");
        assert!(
            x.len() >= K * n && dir.len() >= K * n && ta.len() >= pairs && tb.len() >= pairs,
            "pair kernel buffers too short"
        );
        let mut total = 0.0f64;
        for u in rows.clone() {
            let base = row_start(n, u);
            let xu: [f32; K] = core::array::from_fn(|d| x[d * n + u]);
            let du: [f32; K] = core::array::from_fn(|d| dir[d * n + u]);
            let xu_l: [Lane; K] = core::array::from_fn(|d| Lane::splat(xu[d]));
            let du_l: [Lane; K] = core::array::from_fn(|d| Lane::splat(du[d]));
            let mut row = Lane::splat(0.0);
            let mut v = u + 1;
            while v + LANES <= n {
                let p = base + (v - u - 1);
                // SAFETY (every load below): `v + LANES <= n` and `p + LANES` stays within
                // row `u`, so all indices are inside the lengths asserted above.
                let (a, b) = unsafe { (load(ta, p), load(tb, p)) };
                for d in 0..K {
                    let dv = xu_l[d] - unsafe { load(x, d * n + v) };
                    let e = du_l[d] - unsafe { load(dir, d * n + v) };
                    row += (a + b * (dv * dv)) * (e * e);
                }
                v += LANES;
            }
            let tail = scalar::curvature_cached_pairs::<K>(n, u, v..n, x, (ta, tb), dir);
            total += f64::from(hsum(row) + tail);
        }
        total
    }
}

/// Weighted stress `Σ_{u<v<limit} w (l - D)^2 / D^2` over reachable pairs of the first
/// `limit` nodes, in `f64`.
///
/// With `p_stress`, pairs with weight above 1 that are farther apart than their ideal
/// distance are left out and other weights are capped at 1 (the goal WebCola's P-stress
/// descent minimises). Without it every reachable pair has weight 1, which is WebCola's
/// `computeStress` (for `limit = n`).
#[must_use]
pub fn stress<const K: usize>(
    n: usize,
    limit: usize,
    x: &[f64],
    ideal: &[f32],
    weight: &[f32],
    p_stress: bool,
) -> f64 {
    let mut total = 0.0f64;
    for u in 0..limit.min(n) {
        let base = row_start(n, u);
        for v in u + 1..limit.min(n) {
            let p = base + (v - u - 1);
            let d = f64::from(ideal[p]);
            if d <= 0.0 {
                continue;
            }
            let mut l2 = 0.0f64;
            for k in 0..K {
                let e = x[k * n + u] - x[k * n + v];
                l2 += e * e;
            }
            let l = crate::math::sqrt(l2);
            let mut w = 1.0;
            if p_stress {
                let wp = f64::from(weight[p]);
                if wp > 1.0 && l > d {
                    continue;
                }
                w = wp.min(1.0);
            }
            total += w * (l - d) * (l - d) / (d * d);
        }
    }
    total
}

/// `Σ a_i b_i`, accumulated in `f64` in index order.
#[must_use]
pub fn dot(a: &[f32], b: &[f32]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(&p, &q)| f64::from(p) * f64::from(q))
        .sum()
}

/// `out = x0 - s * dir`, elementwise, in `f64` (positions are kept in `f64`; the
/// direction may be an `f32` gradient).
pub fn step<D: Copy + Into<f64>>(x0: &[f64], dir: &[D], s: f64, out: &mut [f64]) {
    for ((o, &x), &d) in out.iter_mut().zip(x0).zip(dir) {
        *o = x - s * d.into();
    }
}

/// `out = a + (b - a) / 2`, elementwise (WebCola's `mid`).
pub fn midpoint(a: &[f64], b: &[f64], out: &mut [f64]) {
    for ((o, &p), &q) in out.iter_mut().zip(a).zip(b) {
        *o = p + (q - p) / 2.0;
    }
}

/// RK4 averaging: `x = (a + 2b + 2c + d) / 6`; returns the sum of squared displacements
/// of `x`, accumulated in index order.
pub fn rk4_average(x: &mut [f64], a: &[f64], b: &[f64], c: &[f64], d: &[f64]) -> f64 {
    let mut disp = 0.0f64;
    for i in 0..x.len() {
        let xn = (a[i] + 2.0 * b[i] + 2.0 * c[i] + d[i]) / 6.0;
        let dd = x[i] - xn;
        disp += dd * dd;
        x[i] = xn;
    }
    disp
}

/// Rounds positions to the `f32` copy the pair kernels read.
pub fn narrow(x: &[f64], out: &mut [f32]) {
    for (o, &v) in out.iter_mut().zip(x) {
        *o = v as f32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_indexing_covers_every_pair_once() {
        let n = 7;
        let mut seen = alloc::vec![false; pair_count(n)];
        for u in 0..n {
            for v in u + 1..n {
                let p = pair_index(n, u, v);
                assert!(!seen[p]);
                seen[p] = true;
            }
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn gradient_matches_finite_differences_of_stress() {
        // Three nodes, all pairs weight 1: g is the gradient of Σ (l-D)^2/D^2.
        let n = 3;
        let x = [0.0f32, 10.0, 3.0, 0.0, 1.0, 12.0];
        let ideal = [5.0f32, 8.0, 6.0];
        let weight = [1.0f32; 3];
        let (mut g, mut h) = ([0.0; 6], [0.0; 6]);
        assert!(!derivatives::<2, true, false>(
            n,
            0..n,
            &x,
            &ideal,
            &weight,
            &mut g,
            &mut h,
            (&mut [], &mut [])
        ));
        let x64 = x.map(f64::from);
        for i in 0..6 {
            let eps = 1e-2;
            let (mut xp, mut xm) = (x64, x64);
            xp[i] += eps;
            xm[i] -= eps;
            let fd = (stress::<2>(n, n, &xp, &ideal, &weight, false)
                - stress::<2>(n, n, &xm, &ideal, &weight, false))
                / (2.0 * eps);
            assert!((fd - f64::from(g[i])).abs() < 1e-3, "{i}: {fd} vs {}", g[i]);
        }
    }

    #[test]
    fn curvature_equals_quadratic_form_of_explicit_hessian() {
        let n = 3;
        let x = [0.0f32, 10.0, 3.0, 0.0, 1.0, 12.0];
        let ideal = [5.0f32, 8.0, 6.0];
        let weight = [1.0f32; 3];
        let dir = [0.3f32, -1.0, 0.5, 2.0, 0.1, -0.7];
        let (mut g, mut hd) = ([0.0; 6], [0.0; 6]);
        derivatives::<2, true, false>(
            n,
            0..n,
            &x,
            &ideal,
            &weight,
            &mut g,
            &mut hd,
            (&mut [], &mut []),
        );
        // Build the explicit per-dimension H as WebCola stores it and form dirᵀHdir.
        let mut want = 0.0f64;
        for d in 0..2 {
            for u in 0..n {
                for v in 0..n {
                    let huv = if u == v {
                        -f64::from(hd[d * n + u])
                    } else {
                        let (a, b) = (u.min(v), u.max(v));
                        let p = pair_index(n, a, b);
                        let dx = f64::from(x[d * n + u] - x[d * n + v]);
                        let l2: f64 = (0..2)
                            .map(|k| f64::from(x[k * n + u] - x[k * n + v]).powi(2))
                            .sum();
                        let l = l2.sqrt();
                        let dd = f64::from(ideal[p]);
                        -2.0 / (dd * dd * l2 * l) * (2.0 * l2 * l + dd * (dx * dx - l2))
                    };
                    // WebCola's diagonal is the negated sum of the row.
                    let huv = if u == v { -huv } else { huv };
                    want += f64::from(dir[d * n + u]) * huv * f64::from(dir[d * n + v]);
                }
            }
        }
        let got = curvature::<2>(n, 0..n, &x, &ideal, &weight, &dir);
        assert!((got - want).abs() < 1e-4 * want.abs(), "{got} vs {want}");
    }

    #[test]
    fn p_stress_pairs_farther_than_ideal_are_skipped() {
        let x = [0.0f32, 100.0, 0.0, 0.0];
        let (mut g, mut h) = ([0.0; 4], [0.0; 4]);
        derivatives::<2, true, false>(
            2,
            0..2,
            &x,
            &[10.0],
            &[2.0],
            &mut g,
            &mut h,
            (&mut [], &mut []),
        );
        assert_eq!(g, [0.0; 4]);
        derivatives::<2, true, false>(
            2,
            0..2,
            &x,
            &[10.0],
            &[1.0],
            &mut g,
            &mut h,
            (&mut [], &mut []),
        );
        assert!(g[0] < 0.0 && g[1] > 0.0);
        derivatives::<2, true, false>(
            2,
            0..2,
            &x,
            &[-1.0],
            &[2.0],
            &mut g,
            &mut h,
            (&mut [], &mut []),
        );
        assert_eq!(g, [0.0; 4], "unreachable pairs are skipped");
    }

    #[test]
    fn coincident_pairs_are_reported_and_never_nan() {
        let x = [1.0f32, 1.0, 2.0, 2.0];
        let (mut g, mut h) = ([0.0; 4], [0.0; 4]);
        assert!(derivatives::<2, true, false>(
            2,
            0..2,
            &x,
            &[10.0],
            &[1.0],
            &mut g,
            &mut h,
            (&mut [], &mut [])
        ));
        assert!(g.iter().chain(&h).all(|v| v.is_finite()));
    }

    /// Random pair tables with every kind of pair: links, P-stress pairs, unreachable
    /// pairs, small weights; and positions with one coincident pair.
    #[cfg(feature = "simd")]
    fn random_case<const K: usize>(
        n: usize,
        seed: u64,
    ) -> (
        alloc::vec::Vec<f32>,
        alloc::vec::Vec<f32>,
        alloc::vec::Vec<f32>,
        alloc::vec::Vec<f32>,
    ) {
        let mut s = seed | 1;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 40) as f32 / (1u64 << 24) as f32
        };
        let mut x: alloc::vec::Vec<f32> = (0..K * n).map(|_| next() * 400.0 - 200.0).collect();
        if n > 3 {
            for d in 0..K {
                x[d * n + 3] = x[d * n + 1];
            }
        }
        let pairs = pair_count(n);
        let ideal = (0..pairs)
            .map(|_| {
                if next() < 0.1 {
                    -1.0
                } else {
                    20.0 * (1.0 + (next() * 6.0).floor())
                }
            })
            .collect();
        let weight = (0..pairs)
            .map(|_| match (next() * 5.0) as u32 {
                0 => 1.0,
                1 => 0.5,
                2 => 1e-6,
                _ => 2.0,
            })
            .collect();
        let dir = (0..K * n).map(|_| next() - 0.5).collect();
        (x, ideal, weight, dir)
    }

    #[cfg(feature = "simd")]
    fn close(a: &[f32], b: &[f32]) {
        let scale = a.iter().fold(0.0f32, |m, v| m.max(v.abs())).max(1e-30);
        for (i, (p, q)) in a.iter().zip(b).enumerate() {
            assert!(
                (p - q).abs() <= 2e-5 * scale,
                "[{i}] {p} vs {q} (scale {scale})"
            );
        }
    }

    #[cfg(feature = "simd")]
    fn parity<const K: usize>() {
        for n in [0, 1, 2, 7, 8, 9, 16, 17, 33, 100] {
            let (x, ideal, weight, dir) = random_case::<K>(n, 0x9e37 + n as u64);
            let (mut g1, mut h1) = (alloc::vec![0.0; K * n], alloc::vec![0.0; K * n]);
            let (mut g2, mut h2) = (alloc::vec![0.0; K * n], alloc::vec![0.0; K * n]);
            let buf = || {
                (
                    alloc::vec![0.0; pair_count(n)],
                    alloc::vec![0.0; pair_count(n)],
                )
            };
            let (mut t1, mut t2) = (buf(), buf());
            let c1 = scalar::derivatives::<K, true, true>(
                n,
                0..n,
                &x,
                &ideal,
                &weight,
                &mut g1,
                &mut h1,
                (&mut t1.0, &mut t1.1),
            );
            let c2 = simd::derivatives::<K, true, true>(
                n,
                0..n,
                &x,
                &ideal,
                &weight,
                &mut g2,
                &mut h2,
                (&mut t2.0, &mut t2.1),
            );
            assert_eq!(c1, c2, "n={n}: coincidence flag");
            close(&g1, &g2);
            close(&h1, &h2);
            let mut g3 = alloc::vec![0.0; K * n];
            simd::derivatives::<K, false, false>(
                n,
                0..n,
                &x,
                &ideal,
                &weight,
                &mut g3,
                &mut [],
                (&mut [], &mut []),
            );
            assert_eq!(g2, g3, "the diagonal does not change the gradient");
            let (k1, k2) = (
                scalar::curvature::<K>(n, 0..n, &x, &ideal, &weight, &dir),
                simd::curvature::<K>(n, 0..n, &x, &ideal, &weight, &dir),
            );
            assert!(
                (k1 - k2).abs() <= 2e-5 * k1.abs().max(1e-30),
                "n={n}: curvature {k1} vs {k2}"
            );
        }
    }

    #[test]
    #[cfg(feature = "simd")]
    fn simd_kernels_agree_with_their_scalar_twins_in_2d() {
        parity::<2>();
    }

    #[test]
    #[cfg(feature = "simd")]
    fn simd_kernels_agree_with_their_scalar_twins_in_3d() {
        parity::<3>();
    }

    #[test]
    #[cfg(feature = "simd")]
    fn horizontal_sum_has_a_fixed_order() {
        let v = simd::Lane::from([1e8f32, 1.0, -1e8, 1.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!(
            simd::hsum(v),
            ((1e8f32 + 1.0) + (-1e8 + 1.0)) + ((3.0 + 4.0) + (5.0 + 6.0))
        );
    }
}
