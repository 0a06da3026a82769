//! The pair kernels on eight `f32` lanes: eight pairs `(u, v..v+8)` of a row at a
//! time, the P-stress skip and the coincidence test as lane masks, and horizontal sums
//! in a fixed lane order, so x86 (SSE or AVX) and Wasm (simd128 or not) give the same
//! bits. The last `< 8` pairs of a row go through the scalar per-pair code.
//!
//! Each kernel body is generic over [`Lane`] and runs on `wide::f32x8`, or on AVX
//! when the build lacks it and the machine has it (see `avx.rs`).

use super::lane::{Lane, LANES};
use super::{row_start, scalar, COINCIDENT_DISTANCE_SQUARED};
use core::ops::Range;

/// The lanes of the build's target features.
pub type Wide = wide::f32x8;

/// Lanes `s[i..i + LANES]`.
///
/// # Safety
/// `i + LANES <= s.len()`.
#[inline(always)]
unsafe fn load<L: Lane>(s: &[f32], i: usize) -> L {
    debug_assert!(i + LANES <= s.len());
    // SAFETY: the caller guarantees `i + LANES <= s.len()`; the read is unaligned.
    unsafe { L::load(s.as_ptr().add(i)) }
}

/// Writes lanes to `s[i..i + LANES]`.
///
/// # Safety
/// `i + LANES <= s.len()`.
#[inline(always)]
unsafe fn store<L: Lane>(v: L, s: &mut [f32], i: usize) {
    debug_assert!(i + LANES <= s.len());
    // SAFETY: the caller guarantees `i + LANES <= s.len()`; the write is unaligned.
    unsafe { v.store(s.as_mut_ptr().add(i)) }
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
unsafe fn separation<L: Lane, const K: usize>(
    xu: &[L; K],
    x: &[f32],
    n: usize,
    v: usize,
) -> ([L; K], L) {
    let mut dv = [L::splat(0.0); K];
    let mut l2 = L::splat(0.0);
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
pub fn hsum<L: Lane>(v: L) -> f32 {
    let a = v.to_array();
    ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]))
}

/// Per-pair terms for eight pairs: `(gs, hcoef, l2, l3)`, zero for skipped lanes,
/// and the lanes' coincidence mask.
#[inline(always)]
fn lane_terms<L: Lane>(l2: L, ideal: L, weight: L) -> (L, L, L, L, L) {
    let tiny = L::splat(COINCIDENT_DISTANCE_SQUARED);
    let coincident = l2.simd_le(tiny);
    // `fast_max`/`fast_min` are one instruction (maxps, f32x4.pmax); `max`/`min` add
    // NaN handling that these inputs (finite, non-negative) never need. Same values.
    let l2 = l2.fast_max(tiny);
    let l = l2.sqrt();
    let one = L::splat(1.0);
    let skip = weight.simd_gt(one) & l.simd_gt(ideal);
    let w = skip.bitselect(L::splat(0.0), weight.fast_min(one));
    let l3 = l2 * l;
    let two_w_t = L::splat(2.0) * w / (ideal * ideal * l3);
    let gs = (l - ideal) * l2 * two_w_t;
    (gs, two_w_t, l2, l3, coincident)
}

/// [`super::derivatives`] on lanes `L`; inlined into each caller so it compiles with the
/// caller's target features.
#[inline(always)]
#[allow(clippy::too_many_arguments)] // a kernel is a function of its slices
pub fn derivatives_on<L: Lane, const K: usize, const HDIAG: bool, const TERMS: bool>(
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
    let mut coincident = L::splat(0.0);
    let mut coincident_tail = false;
    for u in rows.clone() {
        let base = row_start(n, u);
        let xu: [f32; K] = core::array::from_fn(|d| x[d * n + u]);
        let xu_l: [L; K] = core::array::from_fn(|d| L::splat(xu[d]));
        let mut gu = [L::splat(0.0); K];
        let mut hu = [L::splat(0.0); K];
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
            let two_l3 = L::splat(2.0) * l3;
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
                unsafe { store(load::<L>(g, i) - gd, g, i) };
                if HDIAG {
                    let h = hcoef * (two_l3 + id * (dv[d] * dv[d] - l2));
                    hu[d] += h;
                    unsafe { store(load::<L>(hdiag, i) + h, hdiag, i) };
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

/// [`super::curvature`] on lanes `L`, inlined into each caller.
#[inline(always)]
pub fn curvature_on<L: Lane, const K: usize>(
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
        let xu_l: [L; K] = core::array::from_fn(|d| L::splat(xu[d]));
        let du_l: [L; K] = core::array::from_fn(|d| L::splat(du[d]));
        let mut row = L::splat(0.0);
        let mut v = u + 1;
        while v + LANES <= n {
            let p = base + (v - u - 1);
            // SAFETY (every load below): as in `derivatives`, `v + LANES <= n` and
            // `p + LANES` stays within row `u`; `check_lengths` asserted the lengths.
            let (dv, l2) = unsafe { separation(&xu_l, x, n, v) };
            let id = unsafe { load(ideal, p) };
            let (_, hcoef, l2, l3, _) = lane_terms(l2, id, unsafe { load(weight, p) });
            let two_l3 = L::splat(2.0) * l3;
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

/// [`super::curvature_cached`] on lanes `L`, inlined into each caller.
#[inline(always)]
pub fn curvature_cached_on<L: Lane, const K: usize>(
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
        let xu_l: [L; K] = core::array::from_fn(|d| L::splat(xu[d]));
        let du_l: [L; K] = core::array::from_fn(|d| L::splat(du[d]));
        let mut row = L::splat(0.0);
        let mut v = u + 1;
        while v + LANES <= n {
            let p = base + (v - u - 1);
            // SAFETY (every load below): `v + LANES <= n` and `p + LANES` stays within
            // row `u`, so all indices are inside the lengths asserted above.
            let (a, b): (L, L) = unsafe { (load(ta, p), load(tb, p)) };
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
