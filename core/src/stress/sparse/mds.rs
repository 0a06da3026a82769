//! Pivot MDS (Brandes and Pich, GD 2006): a start for the sparse model from the pivots'
//! distances alone, in `O(s · m²)` for `s` nodes and `m` pivots.

use alloc::vec::Vec;

use crate::rng::SplitMix64;

/// Pivots the start uses at most: more barely change it.
const MDS_PIVOTS: usize = 32;
/// Power iterations per eigenvector.
const POWER_ITERATIONS: usize = 200;

/// Positions SoA `K * s` for the `s` nodes of one component from `rows` (pivot-major,
/// `rows[q * s + i]`, layout units): the double-centred squared distances `C` to the
/// first pivots, projected on the top eigenvectors of `CᵀC`, scaled to fit the
/// distances best (least squares on `(a·l - d) / d`), and jittered by 1e-3 of the mean
/// distance so no two nodes start on one point.
pub(super) fn pivot_mds<const K: usize>(
    rows: &[f32],
    pivots: usize,
    s: usize,
    rng: &mut SplitMix64,
) -> Vec<f64> {
    let m = pivots.min(MDS_PIVOTS);
    let d2 = |q: usize, i: usize| {
        let d = f64::from(rows[q * s + i]);
        d * d
    };
    let mut pivot_mean = alloc::vec![0.0f64; m];
    let mut node_mean = alloc::vec![0.0f64; s];
    for (q, pm) in pivot_mean.iter_mut().enumerate() {
        for (i, nm) in node_mean.iter_mut().enumerate() {
            let v = d2(q, i);
            *pm += v;
            *nm += v;
        }
    }
    let grand = pivot_mean.iter().sum::<f64>() / (m * s) as f64;
    pivot_mean.iter_mut().for_each(|v| *v /= s as f64);
    node_mean.iter_mut().for_each(|v| *v /= m as f64);
    // C, node-major: c[i * m + q].
    let mut c = alloc::vec![0.0f64; s * m];
    for i in 0..s {
        for q in 0..m {
            c[i * m + q] = -0.5 * (d2(q, i) - pivot_mean[q] - node_mean[i] + grand);
        }
    }
    let mut ctc = alloc::vec![0.0f64; m * m];
    for ci in c.chunks_exact(m) {
        for a in 0..m {
            for b in 0..m {
                ctc[a * m + b] += ci[a] * ci[b];
            }
        }
    }
    let mut out = alloc::vec![0.0f64; K * s];
    let mut found: Vec<Vec<f64>> = Vec::with_capacity(K);
    for d in 0..K {
        let (v, lambda) = top_eigenvector(&ctc, m, &found, rng);
        if lambda > 0.0 {
            let scale = 1.0 / crate::math::sqrt(crate::math::sqrt(lambda));
            for (i, ci) in c.chunks_exact(m).enumerate() {
                out[d * s + i] = ci.iter().zip(&v).map(|(a, b)| a * b).sum::<f64>() * scale;
            }
        }
        found.push(v);
    }
    fit_scale::<K>(rows, m, s, &mut out, rng);
    out
}

/// The top eigenvector of the symmetric `m × m` matrix `a` orthogonal to `found`, by
/// power iteration from a seeded vector, and its eigenvalue.
fn top_eigenvector(
    a: &[f64],
    m: usize,
    found: &[Vec<f64>],
    rng: &mut SplitMix64,
) -> (Vec<f64>, f64) {
    let mut v: Vec<f64> = (0..m).map(|_| rng.unit() - 0.5).collect();
    let mut lambda = 0.0;
    for _ in 0..POWER_ITERATIONS {
        for f in found {
            let dot: f64 = v.iter().zip(f).map(|(x, y)| x * y).sum();
            v.iter_mut().zip(f).for_each(|(x, y)| *x -= dot * y);
        }
        let norm = crate::math::sqrt(v.iter().map(|x| x * x).sum());
        if norm == 0.0 || !norm.is_finite() {
            return (alloc::vec![0.0; m], 0.0);
        }
        v.iter_mut().for_each(|x| *x /= norm);
        let w: Vec<f64> = (0..m)
            .map(|r| {
                a[r * m..(r + 1) * m]
                    .iter()
                    .zip(&v)
                    .map(|(x, y)| x * y)
                    .sum()
            })
            .collect();
        lambda = w.iter().zip(&v).map(|(x, y)| x * y).sum();
        v = w;
    }
    let norm = crate::math::sqrt(v.iter().map(|x| x * x).sum());
    if norm > 0.0 && norm.is_finite() {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    (v, lambda)
}

/// Scales `x` (SoA `K * s`) by the `a` minimising `Σ ((a·l - d) / d)²` over the node-to-
/// pivot distances of the first `m` pivots, then jitters it.
fn fit_scale<const K: usize>(
    rows: &[f32],
    m: usize,
    s: usize,
    x: &mut [f64],
    rng: &mut SplitMix64,
) {
    let (mut num, mut den, mut sum_d, mut count) = (0.0f64, 0.0f64, 0.0f64, 0usize);
    // A pivot's own coordinates are those of the node it is.
    for q in 0..m {
        // The node at distance 0 from pivot q.
        let Some(p) = (0..s).find(|&i| rows[q * s + i] == 0.0) else {
            continue;
        };
        for i in 0..s {
            let d = f64::from(rows[q * s + i]);
            if d <= 0.0 || !d.is_finite() {
                continue;
            }
            let mut l2 = 0.0;
            for k in 0..K {
                let e = x[k * s + i] - x[k * s + p];
                l2 += e * e;
            }
            let r = crate::math::sqrt(l2) / d;
            num += r;
            den += r * r;
            sum_d += d;
            count += 1;
        }
    }
    let a = if den > 0.0 { num / den } else { 1.0 };
    let jitter = if count > 0 {
        1e-3 * sum_d / count as f64
    } else {
        1e-3
    };
    for v in x.iter_mut() {
        *v = *v * a + (rng.unit() - 0.5) * jitter;
    }
}
