//! Checked views of caller pointers: NULL and oversized buffers become failures.

use crate::error::Failure;

/// `len` entries at `p`, borrowed. NULL is allowed when `len` is 0.
///
/// # Safety
/// A non-NULL `p` must point to `len` readable `T`s that outlive the borrow.
pub unsafe fn slice<'a, T>(p: *const T, len: usize, name: &str) -> Result<&'a [T], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(Failure::null(name));
    }
    check_size::<T>(len, name)?;
    // SAFETY: non-NULL, the caller guarantees `len` readable entries, and the byte size
    // fits in isize.
    Ok(unsafe { core::slice::from_raw_parts(p, len) })
}

/// `len` entries at `p`, borrowed mutably. NULL is allowed when `len` is 0.
///
/// # Safety
/// A non-NULL `p` must point to `len` writable `T`s, not aliased during the borrow.
pub unsafe fn slice_mut<'a, T>(p: *mut T, len: usize, name: &str) -> Result<&'a mut [T], Failure> {
    if len == 0 {
        return Ok(&mut []);
    }
    if p.is_null() {
        return Err(Failure::null(name));
    }
    check_size::<T>(len, name)?;
    // SAFETY: as in `slice`, and the caller guarantees exclusive access.
    Ok(unsafe { core::slice::from_raw_parts_mut(p, len) })
}

/// An optional array: NULL is `None`, otherwise `len` entries.
///
/// # Safety
/// As [`slice`].
pub unsafe fn optional<'a, T>(
    p: *const T,
    len: usize,
    name: &str,
) -> Result<Option<&'a [T]>, Failure> {
    if p.is_null() {
        Ok(None)
    } else {
        // SAFETY: forwarded from the caller.
        unsafe { slice(p, len, name) }.map(Some)
    }
}

/// The value at `p`, borrowed.
///
/// # Safety
/// A non-NULL `p` must point to a valid `T` that outlives the borrow.
pub unsafe fn get<'a, T>(p: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: the caller guarantees a valid `T` when non-NULL.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null(name))
}

/// The value at `p`, borrowed mutably.
///
/// # Safety
/// A non-NULL `p` must point to a valid `T`, not aliased during the borrow.
pub unsafe fn get_mut<'a, T>(p: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: the caller guarantees a valid, exclusive `T` when non-NULL.
    unsafe { p.as_mut() }.ok_or_else(|| Failure::null(name))
}

/// Writes `v` to `out` when `out` is not NULL (an optional out-pointer).
///
/// # Safety
/// A non-NULL `out` must be valid for a write of `T`.
pub unsafe fn put<T>(out: *mut T, v: T) {
    if !out.is_null() {
        // SAFETY: non-NULL, and the caller guarantees it is writable.
        unsafe { out.write(v) };
    }
}

fn check_size<T>(len: usize, name: &str) -> Result<(), Failure> {
    match len.checked_mul(core::mem::size_of::<T>()) {
        Some(bytes) if bytes <= isize::MAX as usize => Ok(()),
        _ => Err(colayout::Error::InputTooLarge {
            what: "array entries",
            count: len as u64,
            limit: (isize::MAX as usize / core::mem::size_of::<T>().max(1)) as u64,
        }
        .into())
        .map_err(|f: Failure| Failure {
            message: format!("{name}: {}", f.message),
            ..f
        }),
    }
}
