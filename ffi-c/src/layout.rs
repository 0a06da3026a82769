//! `colayout_layout`: the core's `DynLayout` (2-D or 3-D) behind an opaque handle:
//! start, tick, run, drag, update, and positions, bounds and reports out.

use colayout::{DragTarget, DynLayout, LayoutOptions};

use crate::error::{boundary, colayout_status, Failure, Outcome};
use crate::graph::{colayout_graph, colayout_rect};
use crate::options::{colayout_options, colayout_schedule, COLAYOUT_AXIS_X, COLAYOUT_AXIS_Y};
use crate::ptr;

/// A layout (opaque): WebCola's `Layout` in 2 or 3 dimensions. Free with
/// `colayout_layout_free`. One handle must not be used from two threads at once;
/// different handles may be.
#[allow(non_camel_case_types)]
pub struct colayout_layout {
    layout: DynLayout,
}

/// `colayout_layout_drag_*` target: a node, by index.
pub const COLAYOUT_DRAG_NODE: u32 = 0;
/// `colayout_layout_drag_*` target: a group, by index.
pub const COLAYOUT_DRAG_GROUP: u32 = 1;

/// A constraint that does not hold (the core's `Violation`).
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct colayout_violation {
    /// Index of the constraint: the graph's, in the order added, then flow constraints.
    pub constraint: usize,
    /// `COLAYOUT_AXIS_X` or `COLAYOUT_AXIS_Y`.
    pub axis: u32,
    /// By how much, in layout units.
    pub amount: f64,
}

/// Makes a layout of `graph` (copied, with its groups and constraints) in `dims`
/// dimensions (2 or 3) with `options` (NULL for the defaults) into `*out`. On failure
/// `*out` is NULL and nothing is allocated.
///
/// # Safety
/// `graph` from `colayout_graph_new`; `options` NULL or valid; `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_new(
    graph: *const colayout_graph,
    options: *const colayout_options,
    dims: u32,
    out: *mut *mut colayout_layout,
) -> colayout_status {
    boundary(|| {
        // SAFETY: the caller's pointers.
        let out = unsafe { ptr::get_mut(out, "out")? };
        *out = core::ptr::null_mut();
        // SAFETY: as above.
        let graph = unsafe { ptr::get(graph, "graph")? }.build()?;
        // SAFETY: as above.
        let options = match unsafe { options.as_ref() } {
            Some(o) => LayoutOptions::try_from(o)?,
            None => LayoutOptions::default(),
        };
        let layout = DynLayout::new(graph, options, dims as usize)?;
        *out = Box::into_raw(Box::new(colayout_layout { layout }));
        Ok(())
    })
}

/// Frees a layout. NULL is allowed.
///
/// # Safety
/// `layout` must be NULL or come from `colayout_layout_new`, and not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_free(layout: *mut colayout_layout) {
    if !layout.is_null() {
        // SAFETY: made by `Box::into_raw` in `colayout_layout_new`, freed once.
        drop(unsafe { Box::from_raw(layout) });
    }
}

fn with(
    layout: *mut colayout_layout,
    f: impl FnOnce(&mut DynLayout) -> Outcome,
) -> colayout_status {
    boundary(|| {
        // SAFETY: the caller passes a layout from `colayout_layout_new` or NULL.
        f(&mut unsafe { ptr::get_mut(layout, "layout")? }.layout)
    })
}

pub(crate) fn with_ref(
    layout: *const colayout_layout,
    f: impl FnOnce(&DynLayout) -> Outcome,
) -> colayout_status {
    boundary(|| {
        // SAFETY: as in `with`.
        f(&unsafe { ptr::get(layout, "layout")? }.layout)
    })
}

/// WebCola's `start(a, b, c, d, keep_running, center_graph)` with `schedule` (NULL for
/// `start()`: run to convergence). The ticks run go to `*ticks_out` when not NULL.
///
/// # Safety
/// `layout` from `colayout_layout_new`; `schedule` and `ticks_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_start(
    layout: *mut colayout_layout,
    schedule: *const colayout_schedule,
    ticks_out: *mut usize,
) -> colayout_status {
    with(layout, |l| {
        // SAFETY: the caller's optional pointer.
        let schedule = unsafe { schedule.as_ref() }
            .map(Into::into)
            .unwrap_or_default();
        let ticks = l.start(schedule)?;
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(ticks_out, ticks) };
        Ok(())
    })
}

/// One tick; `*ended_out` (when not NULL) is true once the layout has ended (converged,
/// or `max_ticks` since the last start or resume).
///
/// # Safety
/// `layout` from `colayout_layout_new`; `ended_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_tick(
    layout: *mut colayout_layout,
    ended_out: *mut bool,
) -> colayout_status {
    with(layout, |l| {
        let t = l.tick()?;
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(ended_out, t.ended) };
        Ok(())
    })
}

/// Exactly `count` ticks, with no convergence test.
///
/// # Safety
/// `layout` from `colayout_layout_new`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_run_ticks(
    layout: *mut colayout_layout,
    count: usize,
) -> colayout_status {
    with(layout, |l| {
        l.run_ticks(count).map(|_| ()).map_err(Into::into)
    })
}

/// Ticks until converged (or `max_ticks`); the ticks run go to `*ticks_out` when not NULL.
///
/// # Safety
/// `layout` from `colayout_layout_new`; `ticks_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_run(
    layout: *mut colayout_layout,
    ticks_out: *mut usize,
) -> colayout_status {
    with(layout, |l| {
        let ticks = l.run_until_converged()?;
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(ticks_out, ticks) };
        Ok(())
    })
}

/// WebCola's `stop()`.
///
/// # Safety
/// `layout` from `colayout_layout_new`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_stop(layout: *mut colayout_layout) -> colayout_status {
    with(layout, |l| {
        l.stop();
        Ok(())
    })
}

/// WebCola's `resume()`.
///
/// # Safety
/// `layout` from `colayout_layout_new`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_resume(layout: *mut colayout_layout) -> colayout_status {
    with(layout, |l| {
        l.resume();
        Ok(())
    })
}

/// libcola's `makeFeasible()`: moves the current positions onto the constraints (and,
/// with `avoid_overlaps`, off each other and into their groups) with no forces; see the
/// core's `Layout::make_feasible`.
///
/// # Safety
/// `layout` from `colayout_layout_new`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_make_feasible(
    layout: *mut colayout_layout,
) -> colayout_status {
    with(layout, |l| {
        l.make_feasible();
        Ok(())
    })
}

/// Counts: nodes, groups and coordinates per node (2 or 3), each to its out-pointer when
/// not NULL.
///
/// # Safety
/// `layout` from `colayout_layout_new`; the out-pointers NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_counts(
    layout: *const colayout_layout,
    node_count_out: *mut usize,
    group_count_out: *mut usize,
    dims_out: *mut u32,
) -> colayout_status {
    with_ref(layout, |l| {
        // SAFETY: the caller's optional out-pointers.
        unsafe {
            ptr::put(node_count_out, l.graph().node_count());
            ptr::put(group_count_out, l.graph().groups().len());
            ptr::put(dims_out, l.dims() as u32);
        }
        Ok(())
    })
}

/// Numbers about the current layout, each to its out-pointer when not NULL: alpha (the
/// last tick's displacement, 0 once ended), unweighted stress, P-stress, and the ticks run.
///
/// # Safety
/// `layout` from `colayout_layout_new`; the out-pointers NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_stats(
    layout: *const colayout_layout,
    alpha_out: *mut f64,
    stress_out: *mut f64,
    p_stress_out: *mut f64,
    ticks_out: *mut usize,
) -> colayout_status {
    with_ref(layout, |l| {
        // SAFETY: the caller's optional out-pointers.
        unsafe {
            ptr::put(alpha_out, l.alpha());
            if !stress_out.is_null() {
                ptr::put(stress_out, l.stress());
            }
            if !p_stress_out.is_null() {
                ptr::put(p_stress_out, l.p_stress());
            }
            ptr::put(ticks_out, l.ticks());
        }
        Ok(())
    })
}

/// Writes node positions node-major into `out`: `out[i * dims + d]`. `len` must be at
/// least `dims * node_count` (else `COLAYOUT_BUFFER_TOO_SMALL`, nothing written).
///
/// # Safety
/// `layout` from `colayout_layout_new`; `out` valid for `len` doubles.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_positions(
    layout: *const colayout_layout,
    out: *mut f64,
    len: usize,
) -> colayout_status {
    with_ref(layout, |l| {
        let needed = l.dims() * l.graph().node_count();
        if len < needed {
            return Err(Failure::too_small("positions", needed, len));
        }
        // SAFETY: the caller's buffer of `len >= needed` doubles.
        let out = unsafe { ptr::slice_mut(out, needed, "positions")? };
        Ok(l.positions_into(out)?)
    })
}

/// Writes `count` boxes from `boxes` into `out` (capacity `len`), the count to `*count_out`.
fn write_boxes(
    boxes: &[colayout::Rectangle],
    out: *mut colayout_rect,
    len: usize,
    count_out: *mut usize,
    name: &str,
) -> Outcome {
    // SAFETY: the caller's optional out-pointer.
    unsafe { ptr::put(count_out, boxes.len()) };
    if len < boxes.len() {
        return Err(Failure::too_small(name, boxes.len(), len));
    }
    // SAFETY: the caller's buffer of `len >= boxes.len()` entries.
    let out = unsafe { ptr::slice_mut(out, boxes.len(), name)? };
    for (o, b) in out.iter_mut().zip(boxes) {
        *o = (*b).into();
    }
    Ok(())
}

/// Writes each group's box (its members' boxes grown by its padding) into `out`, one
/// per group in the order added. The group count goes to `*count_out` (when not NULL)
/// even when `len` is too small (`COLAYOUT_BUFFER_TOO_SMALL`): call with `len` 0 to size
/// the buffer.
///
/// # Safety
/// `layout` from `colayout_layout_new`; `out` valid for `len` entries; `count_out` NULL
/// or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_group_bounds(
    layout: *const colayout_layout,
    out: *mut colayout_rect,
    len: usize,
    count_out: *mut usize,
) -> colayout_status {
    with_ref(layout, |l| {
        write_boxes(&l.group_bounds(), out, len, count_out, "group bounds")
    })
}

/// Writes each node's box at its current position into `out` (as
/// `colayout_layout_group_bounds`; nodes without a size get a zero-size box).
///
/// # Safety
/// As `colayout_layout_group_bounds`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_node_bounds(
    layout: *const colayout_layout,
    out: *mut colayout_rect,
    len: usize,
    count_out: *mut usize,
) -> colayout_status {
    with_ref(layout, |l| {
        write_boxes(&l.node_bounds(), out, len, count_out, "node bounds")
    })
}

/// Writes the constraints that do not hold within `tolerance` (layout units), or that the
/// solver found unsatisfiable, into `out`. The count goes to `*count_out` (when not
/// NULL) even when `len` is too small (`COLAYOUT_BUFFER_TOO_SMALL`).
///
/// # Safety
/// `layout` from `colayout_layout_new`; `out` valid for `len` entries; `count_out` NULL
/// or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_unsatisfied(
    layout: *const colayout_layout,
    tolerance: f64,
    out: *mut colayout_violation,
    len: usize,
    count_out: *mut usize,
) -> colayout_status {
    with_ref(layout, |l| {
        let v = l.unsatisfied(tolerance);
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(count_out, v.len()) };
        if len < v.len() {
            return Err(Failure::too_small("violations", v.len(), len));
        }
        // SAFETY: the caller's buffer of `len >= v.len()` entries.
        let out = unsafe { ptr::slice_mut(out, v.len(), "violations")? };
        for (o, v) in out.iter_mut().zip(&v) {
            *o = colayout_violation {
                constraint: v.constraint,
                axis: if v.axis.index() == 0 {
                    COLAYOUT_AXIS_X
                } else {
                    COLAYOUT_AXIS_Y
                },
                amount: v.amount,
            };
        }
        Ok(())
    })
}

/// Writes the pairs of nodes whose boxes overlap by more than `tolerance` in both x and
/// y into `out`, two node indices per pair (`[i0, j0, i1, j1, ...]`, `i < j`); `len` is
/// in pairs. The pair count goes to `*count_out` (when not NULL) even when `len` is too
/// small (`COLAYOUT_BUFFER_TOO_SMALL`).
///
/// # Safety
/// `layout` from `colayout_layout_new`; `out` valid for `2 * len` entries; `count_out`
/// NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_overlapping_nodes(
    layout: *const colayout_layout,
    tolerance: f64,
    out: *mut u32,
    len: usize,
    count_out: *mut usize,
) -> colayout_status {
    with_ref(layout, |l| {
        let pairs = l.overlapping_nodes(tolerance);
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(count_out, pairs.len()) };
        if len < pairs.len() {
            return Err(Failure::too_small("overlapping pairs", pairs.len(), len));
        }
        // SAFETY: the caller's buffer of `2 * len >= 2 * pairs.len()` entries.
        let out = unsafe { ptr::slice_mut(out, 2 * pairs.len(), "overlapping pairs")? };
        for (o, &(i, j)) in out.chunks_exact_mut(2).zip(&pairs) {
            o[0] = i as u32;
            o[1] = j as u32;
        }
        Ok(())
    })
}

fn target(kind: u32, index: usize) -> Result<DragTarget, Failure> {
    match kind {
        COLAYOUT_DRAG_NODE => Ok(DragTarget::Node(index)),
        COLAYOUT_DRAG_GROUP => Ok(DragTarget::Group(index)),
        _ => Err(colayout::Error::InvalidOption {
            name: "drag target",
            value: f64::from(kind),
        }
        .into()),
    }
}

/// WebCola's `dragStart`: holds node or group `index` (`kind` is `COLAYOUT_DRAG_NODE` or
/// `COLAYOUT_DRAG_GROUP`) where it is until `colayout_layout_drag_end`.
///
/// # Safety
/// `layout` from `colayout_layout_new`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_drag_start(
    layout: *mut colayout_layout,
    kind: u32,
    index: usize,
) -> colayout_status {
    with(layout, |l| Ok(l.drag_start(target(kind, index)?)?))
}

/// WebCola's `drag`: moves the dragged node or group to `(x, y)`.
///
/// # Safety
/// `layout` from `colayout_layout_new`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_drag(
    layout: *mut colayout_layout,
    kind: u32,
    index: usize,
    x: f64,
    y: f64,
) -> colayout_status {
    with(layout, |l| Ok(l.drag(target(kind, index)?, [x, y])?))
}

/// WebCola's `dragEnd`: releases the node or group.
///
/// # Safety
/// `layout` from `colayout_layout_new`.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_drag_end(
    layout: *mut colayout_layout,
    kind: u32,
    index: usize,
) -> colayout_status {
    with(layout, |l| Ok(l.drag_end(target(kind, index)?)?))
}

/// Replaces the graph while running, keeping positions: `previous[i]` (for each of the
/// new graph's `previous_len` nodes) is node `i`'s index in the old graph, or -1 for a
/// new node. On failure the layout is unchanged.
///
/// # Safety
/// `layout` from `colayout_layout_new`; `graph` from `colayout_graph_new`; `previous`
/// valid for `previous_len` entries.
#[no_mangle]
pub unsafe extern "C" fn colayout_layout_update(
    layout: *mut colayout_layout,
    graph: *const colayout_graph,
    previous: *const i64,
    previous_len: usize,
) -> colayout_status {
    with(layout, |l| {
        // SAFETY: the caller's pointers.
        let graph = unsafe { ptr::get(graph, "graph")? }.build()?;
        // SAFETY: as above.
        let previous: Vec<Option<usize>> =
            unsafe { ptr::slice(previous, previous_len, "previous")? }
                .iter()
                .map(|&p| usize::try_from(p).ok())
                .collect();
        Ok(l.update(graph, &previous)?)
    })
}
