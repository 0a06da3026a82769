//! The SIMD kernels' entry points: the AVX copies ([`super::avx`]) where the build lacks
//! AVX and the machine has it, else the build's own lanes.

use super::simd::{curvature_cached_on, curvature_on, derivatives_on, Wide};
use core::ops::Range;

/// Runs `$on::<Avx, ..>` where the build lacks AVX and the machine has it, else
/// `$on::<Wide, ..>`.
macro_rules! dispatch {
    ($f:ident, $on:ident::<$($c:ident),*>($($a:ident),*)) => {{
        #[cfg(all(feature = "std", target_arch = "x86_64", not(target_feature = "avx")))]
        if super::avx::detected() {
            // SAFETY: the machine runs AVX.
            return unsafe { super::avx::$f::<$($c),*>($($a),*) };
        }
        $on::<Wide, $($c),*>($($a),*)
    }};
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
    dispatch!(
        derivatives,
        derivatives_on::<K, HDIAG, TERMS>(n, rows, x, ideal, weight, g, hdiag, terms)
    )
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
    dispatch!(curvature, curvature_on::<K>(n, rows, x, ideal, weight, dir))
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
    dispatch!(
        curvature_cached,
        curvature_cached_on::<K>(n, rows, x, terms, dir)
    )
}
