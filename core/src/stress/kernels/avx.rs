//! The SIMD pair kernels compiled a second time for AVX, chosen at run time.
//!
//! Built only on x86-64 builds without AVX in their target features (the default
//! `cargo build --release`, the C library, the Python wheel): there `wide::f32x8` is
//! two SSE halves, and a machine with AVX runs these 256-bit copies instead. They use
//! no fused multiply-add, so they give the same bits as the SSE2 kernels.

use super::lane::{Lane, LANES};
use core::arch::x86_64::{
    __m256, _mm256_add_ps, _mm256_and_ps, _mm256_andnot_ps, _mm256_cmp_ps, _mm256_div_ps,
    _mm256_loadu_ps, _mm256_max_ps, _mm256_min_ps, _mm256_movemask_ps, _mm256_mul_ps, _mm256_or_ps,
    _mm256_set1_ps, _mm256_sqrt_ps, _mm256_storeu_ps, _mm256_sub_ps, _CMP_GT_OQ, _CMP_LE_OQ,
};
use core::ops::Range;
use core::ops::{Add, AddAssign, BitAnd, BitOrAssign, Div, Mul, Sub};

/// Whether this machine runs AVX (detected once by `std`, then a cached load).
#[inline]
#[must_use]
pub fn detected() -> bool {
    std::is_x86_feature_detected!("avx")
}

/// Eight lanes in one AVX register. Only built inside functions compiled with AVX
/// enabled (the wrappers below), which `#[inline(always)]` lets every operation join.
#[derive(Clone, Copy)]
pub struct Avx(__m256);

// SAFETY (every intrinsic in this file): an `Avx` exists only inside the
// `#[target_feature(enable = "avx")]` wrappers below, which run only after
// `detected()` returned true.
macro_rules! binary {
    ($tr:ident, $f:ident, $op:ident) => {
        impl $tr for Avx {
            type Output = Self;
            #[inline(always)]
            fn $f(self, o: Self) -> Self {
                Self(unsafe { $op(self.0, o.0) })
            }
        }
    };
}
binary!(Add, add, _mm256_add_ps);
binary!(Sub, sub, _mm256_sub_ps);
binary!(Mul, mul, _mm256_mul_ps);
binary!(Div, div, _mm256_div_ps);
binary!(BitAnd, bitand, _mm256_and_ps);

impl AddAssign for Avx {
    #[inline(always)]
    fn add_assign(&mut self, o: Self) {
        *self = *self + o;
    }
}

impl BitOrAssign for Avx {
    #[inline(always)]
    fn bitor_assign(&mut self, o: Self) {
        self.0 = unsafe { _mm256_or_ps(self.0, o.0) };
    }
}

impl Lane for Avx {
    #[inline(always)]
    fn splat(v: f32) -> Self {
        Self(unsafe { _mm256_set1_ps(v) })
    }
    #[inline(always)]
    unsafe fn load(p: *const f32) -> Self {
        Self(unsafe { _mm256_loadu_ps(p) })
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f32) {
        unsafe { _mm256_storeu_ps(p, self.0) }
    }
    #[inline(always)]
    fn to_array(self) -> [f32; LANES] {
        let mut a = [0.0; LANES];
        unsafe { _mm256_storeu_ps(a.as_mut_ptr(), self.0) };
        a
    }
    #[inline(always)]
    fn sqrt(self) -> Self {
        Self(unsafe { _mm256_sqrt_ps(self.0) })
    }
    #[inline(always)]
    fn simd_le(self, o: Self) -> Self {
        Self(unsafe { _mm256_cmp_ps::<_CMP_LE_OQ>(self.0, o.0) })
    }
    #[inline(always)]
    fn simd_gt(self, o: Self) -> Self {
        Self(unsafe { _mm256_cmp_ps::<_CMP_GT_OQ>(self.0, o.0) })
    }
    #[inline(always)]
    fn bitselect(self, if_one: Self, if_zero: Self) -> Self {
        let one = unsafe { _mm256_and_ps(self.0, if_one.0) };
        Self(unsafe { _mm256_or_ps(one, _mm256_andnot_ps(self.0, if_zero.0)) })
    }
    #[inline(always)]
    fn fast_max(self, o: Self) -> Self {
        Self(unsafe { _mm256_max_ps(self.0, o.0) })
    }
    #[inline(always)]
    fn fast_min(self, o: Self) -> Self {
        Self(unsafe { _mm256_min_ps(self.0, o.0) })
    }
    #[inline(always)]
    fn any(self) -> bool {
        unsafe { _mm256_movemask_ps(self.0) != 0 }
    }
}

/// [`super::simd::derivatives`] on AVX lanes.
///
/// # Safety
/// [`detected`] returned true.
#[target_feature(enable = "avx")]
#[allow(clippy::too_many_arguments)] // a kernel is a function of its slices
pub unsafe fn derivatives<const K: usize, const HDIAG: bool, const TERMS: bool>(
    n: usize,
    rows: Range<usize>,
    x: &[f32],
    ideal: &[f32],
    weight: &[f32],
    g: &mut [f32],
    hdiag: &mut [f32],
    terms: (&mut [f32], &mut [f32]),
) -> bool {
    super::simd::derivatives_on::<Avx, K, HDIAG, TERMS>(n, rows, x, ideal, weight, g, hdiag, terms)
}

/// [`super::simd::curvature`] on AVX lanes.
///
/// # Safety
/// [`detected`] returned true.
#[target_feature(enable = "avx")]
pub unsafe fn curvature<const K: usize>(
    n: usize,
    rows: Range<usize>,
    x: &[f32],
    ideal: &[f32],
    weight: &[f32],
    dir: &[f32],
) -> f64 {
    super::simd::curvature_on::<Avx, K>(n, rows, x, ideal, weight, dir)
}

/// [`super::simd::curvature_cached`] on AVX lanes.
///
/// # Safety
/// [`detected`] returned true.
#[target_feature(enable = "avx")]
pub unsafe fn curvature_cached<const K: usize>(
    n: usize,
    rows: Range<usize>,
    x: &[f32],
    terms: (&[f32], &[f32]),
    dir: &[f32],
) -> f64 {
    super::simd::curvature_cached_on::<Avx, K>(n, rows, x, terms, dir)
}
