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
//! the same input gives the same bits on every target. [`scalar`] holds the reference
//! kernels and [`simd`] their twins on eight lanes ([`lane`]), with the same signatures;
//! a test feeds both the same input. On x86-64 builds without AVX the SIMD kernels are
//! compiled a second time for AVX and chosen at run time, with the same bits.

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

#[cfg(feature = "simd")]
pub use dispatch::{curvature, curvature_cached, derivatives};
#[cfg(not(feature = "simd"))]
pub use scalar::{curvature, curvature_cached, derivatives};

#[cfg(all(
    feature = "simd",
    feature = "std",
    target_arch = "x86_64",
    not(target_feature = "avx")
))]
mod avx;
#[cfg(feature = "simd")]
mod dispatch;
#[cfg(feature = "simd")]
pub mod lane;
pub mod scalar;
#[cfg(feature = "simd")]
pub mod simd;

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

/// RK4 averaging: `out = (a + 2b + 2c + d) / 6`; returns the sum of squared
/// displacements from `x`, accumulated in index order (non-finite when some output is).
pub fn rk4_average(x: &[f64], a: &[f64], b: &[f64], c: &[f64], d: &[f64], out: &mut [f64]) -> f64 {
    let mut disp = 0.0f64;
    for i in 0..x.len() {
        let xn = (a[i] + 2.0 * b[i] + 2.0 * c[i] + d[i]) / 6.0;
        let dd = x[i] - xn;
        disp += dd * dd;
        out[i] = xn;
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
            let c2 = dispatch::derivatives::<K, true, true>(
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
            dispatch::derivatives::<K, false, false>(
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
                dispatch::curvature::<K>(n, 0..n, &x, &ideal, &weight, &dir),
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

    /// The run-time AVX kernels against the build's SSE2 ones, bit for bit.
    #[cfg(all(
        feature = "simd",
        feature = "std",
        target_arch = "x86_64",
        not(target_feature = "avx")
    ))]
    fn avx_bits<const K: usize>() {
        for n in [0, 1, 7, 8, 9, 17, 33, 100] {
            let (x, ideal, weight, dir) = random_case::<K>(n, 0x51ed + n as u64);
            let run = |avx: bool| {
                let (mut g, mut h) = (alloc::vec![0.0; K * n], alloc::vec![0.0; K * n]);
                let mut t = (
                    alloc::vec![0.0; pair_count(n)],
                    alloc::vec![0.0; pair_count(n)],
                );
                let terms = (&mut t.0[..], &mut t.1[..]);
                let (c, k, kc) = if avx {
                    // SAFETY: the caller checked `avx::detected()`.
                    unsafe {
                        (
                            avx::derivatives::<K, true, true>(
                                n,
                                0..n,
                                &x,
                                &ideal,
                                &weight,
                                &mut g,
                                &mut h,
                                terms,
                            ),
                            avx::curvature::<K>(n, 0..n, &x, &ideal, &weight, &dir),
                            avx::curvature_cached::<K>(n, 0..n, &x, (&t.0, &t.1), &dir),
                        )
                    }
                } else {
                    (
                        simd::derivatives_on::<simd::Wide, K, true, true>(
                            n,
                            0..n,
                            &x,
                            &ideal,
                            &weight,
                            &mut g,
                            &mut h,
                            terms,
                        ),
                        simd::curvature_on::<simd::Wide, K>(n, 0..n, &x, &ideal, &weight, &dir),
                        simd::curvature_cached_on::<simd::Wide, K>(n, 0..n, &x, (&t.0, &t.1), &dir),
                    )
                };
                let bits = |v: &[f32]| {
                    v.iter()
                        .map(|f| f.to_bits())
                        .collect::<alloc::vec::Vec<_>>()
                };
                (
                    c,
                    k.to_bits(),
                    kc.to_bits(),
                    bits(&g),
                    bits(&h),
                    bits(&t.0),
                    bits(&t.1),
                )
            };
            assert_eq!(run(true), run(false), "n={n}");
        }
    }

    #[test]
    #[cfg(all(
        feature = "simd",
        feature = "std",
        target_arch = "x86_64",
        not(target_feature = "avx")
    ))]
    fn avx_kernels_give_the_bits_of_the_sse2_kernels() {
        assert!(
            avx::detected(),
            "this test needs a machine with AVX (every CI machine has it)"
        );
        avx_bits::<2>();
        avx_bits::<3>();
    }

    #[test]
    #[cfg(feature = "simd")]
    fn horizontal_sum_has_a_fixed_order() {
        let v = simd::Wide::from([1e8f32, 1.0, -1e8, 1.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!(
            simd::hsum(v),
            ((1e8f32 + 1.0) + (-1e8 + 1.0)) + ((3.0 + 4.0) + (5.0 + 6.0))
        );
    }
}
