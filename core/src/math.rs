//! Float functions routed through one place: std when the `std` feature is on, libm otherwise.
//!
//! `sqrt` is correctly rounded in both (IEEE 754), so the choice never changes layout bits.

#[cfg(not(any(feature = "std", feature = "libm")))]
compile_error!("colayout needs either the `std` or the `libm` feature for float functions");

/// Square root of an `f32`.
#[inline(always)]
#[must_use]
pub fn sqrtf(x: f32) -> f32 {
    #[cfg(feature = "std")]
    {
        x.sqrt()
    }
    #[cfg(not(feature = "std"))]
    {
        libm::sqrtf(x)
    }
}

/// Square root of an `f64`.
#[inline(always)]
#[must_use]
pub fn sqrt(x: f64) -> f64 {
    #[cfg(feature = "std")]
    {
        x.sqrt()
    }
    #[cfg(not(feature = "std"))]
    {
        libm::sqrt(x)
    }
}

/// Absolute value of an `f64`.
#[inline(always)]
#[must_use]
pub fn abs(x: f64) -> f64 {
    f64::from_bits(x.to_bits() & !(1u64 << 63))
}

/// `e^x`, from libm on every target (std's comes from the platform and may differ in
/// the last bit), so that schedules built from it give the same bits everywhere.
#[inline]
#[must_use]
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// Natural logarithm, from libm on every target (see [`exp`]).
#[inline]
#[must_use]
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}
