//! Edge routes of a layout (the core's `routing`): straight edges clipped at the node
//! boxes, or polylines around the other boxes, for drawing.

use colayout::routing::{EdgeRouting, RouteOptions};

use crate::error::{colayout_status, Failure};
use crate::layout::{colayout_layout, with_ref};
use crate::ptr;

/// `colayout_route_options.routing`: straight, clipped at both boxes (WebCola's
/// `makeEdgeBetween`).
pub const COLAYOUT_ROUTE_CLIP: u32 = 0;
/// `colayout_route_options.routing`: the shortest polyline around every other box
/// (WebCola's `routeEdge`).
pub const COLAYOUT_ROUTE_POLYLINE: u32 = 1;
/// `colayout_route_options.routing`: horizontal and vertical segments on a grid between
/// the boxes (WebCola's `GridRouter`), `margin` apart where they share a grid line.
pub const COLAYOUT_ROUTE_ORTHOGONAL: u32 = 2;

/// How `colayout_layout_routes` routes; fill with `colayout_route_options_default`.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct colayout_route_options {
    /// `COLAYOUT_ROUTE_CLIP`, `COLAYOUT_ROUTE_POLYLINE` or `COLAYOUT_ROUTE_ORTHOGONAL`.
    pub routing: u32,
    /// Clearance of polyline routes around the boxes, or the spacing of orthogonal
    /// segments sharing a grid line, in layout units.
    pub margin: f64,
    /// Length left free before the target box for an arrowhead (0 for none).
    pub arrow_head: f64,
}

impl From<&RouteOptions> for colayout_route_options {
    fn from(o: &RouteOptions) -> Self {
        Self {
            routing: match o.routing {
                EdgeRouting::Clip => COLAYOUT_ROUTE_CLIP,
                EdgeRouting::Polyline => COLAYOUT_ROUTE_POLYLINE,
                EdgeRouting::Orthogonal => COLAYOUT_ROUTE_ORTHOGONAL,
            },
            margin: o.margin,
            arrow_head: o.arrow_head,
        }
    }
}

impl TryFrom<&colayout_route_options> for RouteOptions {
    type Error = Failure;

    fn try_from(o: &colayout_route_options) -> Result<Self, Failure> {
        let routing = match o.routing {
            COLAYOUT_ROUTE_CLIP => EdgeRouting::Clip,
            COLAYOUT_ROUTE_POLYLINE => EdgeRouting::Polyline,
            COLAYOUT_ROUTE_ORTHOGONAL => EdgeRouting::Orthogonal,
            other => {
                return Err(colayout::Error::InvalidOption {
                    name: "routing",
                    value: f64::from(other),
                }
                .into())
            }
        };
        let options = RouteOptions {
            routing,
            margin: o.margin,
            arrow_head: o.arrow_head,
        };
        options.validate()?;
        Ok(options)
    }
}

/// Fills `out` with the core's route defaults. Does nothing when `out` is NULL.
///
/// # Safety
/// A non-NULL `out` must be valid for writing a `colayout_route_options`.
#[no_mangle]
pub unsafe extern "C" fn colayout_route_options_default(out: *mut colayout_route_options) {
    // SAFETY: forwarded from the caller; NULL is skipped.
    unsafe { ptr::put(out, colayout_route_options::from(&RouteOptions::default())) };
}

/// One route per link at the current positions (`options` NULL for the defaults):
/// route `k` is the points `offsets[k] .. offsets[k + 1]` of `points`, each point two
/// doubles `x, y`, from the source's box to the target's. `points_len` is in points
/// and `offsets_len` must be at least the link count + 1. The total point count goes
/// to `*points_count_out` (when not NULL) even when `points_len` is too small
/// (`COLAYOUT_BUFFER_TOO_SMALL`): call with `points_len` 0 to size the buffer.
///
/// # Safety
/// `layout` from `colayout_layout_new`; `options` NULL or valid; `points` valid for
/// `2 * points_len` doubles, `offsets` for `offsets_len` entries; `points_count_out`
/// NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_routes(
    layout: *const colayout_layout,
    options: *const colayout_route_options,
    points: *mut f64,
    points_len: usize,
    offsets: *mut usize,
    offsets_len: usize,
    points_count_out: *mut usize,
) -> colayout_status {
    with_ref(layout, |l| {
        // SAFETY: the caller's optional options.
        let options = if options.is_null() {
            RouteOptions::default()
        } else {
            // SAFETY: the caller's non-NULL options.
            RouteOptions::try_from(unsafe { ptr::get(options, "options")? })?
        };
        let routes = l.routes(&options)?;
        let total: usize = routes.iter().map(Vec::len).sum();
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(points_count_out, total) };
        if offsets_len < routes.len() + 1 {
            return Err(Failure::too_small("offsets", routes.len() + 1, offsets_len));
        }
        if points_len < total {
            return Err(Failure::too_small("points", total, points_len));
        }
        // SAFETY: the caller's buffers, of at least the lengths checked above.
        let (pts, offs) = unsafe {
            (
                ptr::slice_mut(points, 2 * total, "points")?,
                ptr::slice_mut(offsets, routes.len() + 1, "offsets")?,
            )
        };
        let mut at = 0;
        for (k, r) in routes.iter().enumerate() {
            offs[k] = at;
            for p in r {
                pts[2 * at] = p[0];
                pts[2 * at + 1] = p[1];
                at += 1;
            }
        }
        offs[routes.len()] = at;
        Ok(())
    })
}
