//! Eight `f32` lanes: the operations the SIMD pair kernels use, as a trait, so one
//! kernel body compiles for `wide::f32x8` (whatever the build's target features give)
//! and for AVX chosen at run time (`avx.rs`). Every operation is a plain IEEE
//! one (no fused multiply-add), so both give the same bits.

use core::ops::{Add, AddAssign, BitAnd, BitOrAssign, Div, Mul, Sub};

/// Lanes per [`Lane`].
pub const LANES: usize = 8;

/// Eight `f32` lanes. Comparisons return masks (all bits set where true) in the same type.
pub trait Lane:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + AddAssign
    + BitAnd<Output = Self>
    + BitOrAssign
{
    /// Every lane `v`.
    fn splat(v: f32) -> Self;
    /// Lanes `p[0..LANES]`.
    ///
    /// # Safety
    /// `p` is valid for reading `LANES` floats; no alignment is needed.
    unsafe fn load(p: *const f32) -> Self;
    /// Writes the lanes to `p[0..LANES]`.
    ///
    /// # Safety
    /// `p` is valid for writing `LANES` floats; no alignment is needed.
    unsafe fn store(self, p: *mut f32);
    /// The lanes in order.
    fn to_array(self) -> [f32; LANES];
    /// Correctly rounded square root per lane.
    fn sqrt(self) -> Self;
    /// `self <= o` per lane, as a mask.
    fn simd_le(self, o: Self) -> Self;
    /// `self > o` per lane, as a mask.
    fn simd_gt(self, o: Self) -> Self;
    /// Per lane, `if_one` where the mask `self` is set, else `if_zero`.
    fn bitselect(self, if_one: Self, if_zero: Self) -> Self;
    /// `maxps` semantics: the larger lane, for inputs that are never NaN.
    fn fast_max(self, o: Self) -> Self;
    /// `minps` semantics: the smaller lane, for inputs that are never NaN.
    fn fast_min(self, o: Self) -> Self;
    /// Whether any lane of the mask is set.
    fn any(self) -> bool;
}

impl Lane for wide::f32x8 {
    #[inline(always)]
    fn splat(v: f32) -> Self {
        Self::splat(v)
    }
    #[inline(always)]
    unsafe fn load(p: *const f32) -> Self {
        // SAFETY: the caller guarantees `p` is valid for `LANES` floats.
        Self::from(unsafe { core::ptr::read_unaligned(p.cast::<[f32; LANES]>()) })
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f32) {
        // SAFETY: the caller guarantees `p` is valid for `LANES` floats.
        unsafe { core::ptr::write_unaligned(p.cast::<[f32; LANES]>(), self.to_array()) }
    }
    #[inline(always)]
    fn to_array(self) -> [f32; LANES] {
        Self::to_array(self)
    }
    #[inline(always)]
    fn sqrt(self) -> Self {
        Self::sqrt(self)
    }
    #[inline(always)]
    fn simd_le(self, o: Self) -> Self {
        Self::simd_le(self, o)
    }
    #[inline(always)]
    fn simd_gt(self, o: Self) -> Self {
        Self::simd_gt(self, o)
    }
    #[inline(always)]
    fn bitselect(self, if_one: Self, if_zero: Self) -> Self {
        Self::bitselect(self, if_one, if_zero)
    }
    #[inline(always)]
    fn fast_max(self, o: Self) -> Self {
        Self::fast_max(self, o)
    }
    #[inline(always)]
    fn fast_min(self, o: Self) -> Self {
        Self::fast_min(self, o)
    }
    #[inline(always)]
    fn any(self) -> bool {
        Self::any(self)
    }
}
