//! The one-shot layout `colayout_layout_edges` (the core's `layout_edges`), and the version.

use std::ffi::c_char;

use colayout::LayoutOptions;

use crate::error::{boundary, colayout_status, Failure};
use crate::options::colayout_options;
use crate::ptr;

/// Lays out `node_count` nodes joined by `edge_count` links in 2-D with WebCola's
/// `start()`: `edges` holds `2 * edge_count` 0-based node indices `[s0, t0, s1, t1, ...]`,
/// and `positions` (capacity `positions_len`, at least `2 * node_count`) receives
/// `[x0, y0, x1, y1, ...]`. `options` NULL means the defaults. Gives the CLI's positions
/// bit for bit with the same options. On failure `positions` is not written.
///
/// # Safety
/// `edges` valid for `2 * edge_count` entries, `options` NULL or valid, `positions` valid
/// for `positions_len` doubles.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_edges(
    node_count: u32,
    edges: *const u32,
    edge_count: usize,
    options: *const colayout_options,
    positions: *mut f64,
    positions_len: usize,
) -> colayout_status {
    boundary(|| {
        let n = node_count as usize;
        let m2 = edge_count.checked_mul(2).ok_or_else(|| {
            Failure::from(colayout::Error::InputTooLarge {
                what: "links",
                count: edge_count as u64,
                limit: u64::from(u32::MAX),
            })
        })?;
        // SAFETY: the caller's array of `2 * edge_count` entries.
        let edges = unsafe { ptr::slice(edges, m2, "edges")? };
        // SAFETY: the caller's optional pointer.
        let options = match unsafe { options.as_ref() } {
            Some(o) => LayoutOptions::try_from(o)?,
            None => LayoutOptions::default(),
        };
        let needed = 2 * n;
        if positions_len < needed {
            return Err(Failure::too_small("positions", needed, positions_len));
        }
        // SAFETY: the caller's buffer of `positions_len >= needed` doubles.
        let out = unsafe { ptr::slice_mut(positions, needed, "positions")? };
        // The core writes `out` only once the layout has succeeded.
        Ok(colayout::layout_edges(n, edges, &options, out).map(|_| ())?)
    })
}

/// The library's version, `"MAJOR.MINOR.PATCH"`: a static string.
#[no_mangle]
pub extern "C" fn colayout_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
