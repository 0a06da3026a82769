//! The ranges a layout accepts. The pair kernels run in `f32`, and a pair's terms need
//! `D² · l³` (its ideal distance squared, its length cubed) to stay below `f32::MAX`
//! (about 2¹²⁸) and above the smallest normal `f32` (2⁻¹²⁶); outside these ranges they
//! would overflow into NaN. Values are checked, in layout units, when a layout is
//! made; a layout that still goes non-finite stops with [`Error::Diverged`].

use crate::constraints::UserConstraint;
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::layout::LayoutOptions;
use crate::linklengths::LinkLengths;

/// Shortest ideal link length: 2⁻²⁰ (about 9.5e-7).
pub const MIN_LENGTH: f64 = 1.0 / (1u64 << 20) as f64;
/// Longest ideal link length: 2²⁰ (about 1.05e6).
pub const MAX_LENGTH: f64 = (1u64 << 20) as f64;
/// Longest shortest path between two nodes: 2²¹ (about 2.1e6).
pub const MAX_DISTANCE: f64 = (1u64 << 21) as f64;
/// Largest coordinate magnitude (node positions, the canvas, page bounds, drag
/// targets): 2²⁷ (about 1.3e8).
pub const MAX_COORDINATE: f64 = (1u64 << 27) as f64;
/// Largest size, padding, gap, offset or separation: 2²⁴ (about 1.7e7).
pub const MAX_SIZE: f64 = (1u64 << 24) as f64;

/// `Ok` when `value` is within `[min, max]`.
fn within(
    item: &'static str,
    index: usize,
    field: &'static str,
    value: f64,
    min: f64,
    max: f64,
) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::OutOfRange {
            item,
            index,
            field,
            value,
            min,
            max,
        })
    }
}

/// A coordinate of `item` `index`.
pub(crate) fn coordinate(
    item: &'static str,
    index: usize,
    field: &'static str,
    v: f64,
) -> Result<()> {
    within(item, index, field, v, -MAX_COORDINATE, MAX_COORDINATE)
}

fn size(item: &'static str, index: usize, field: &'static str, v: f64) -> Result<()> {
    within(item, index, field, v, -MAX_SIZE, MAX_SIZE)
}

fn length(item: &'static str, index: usize, field: &'static str, v: f64) -> Result<()> {
    within(item, index, field, v, MIN_LENGTH, MAX_LENGTH)
}

/// Checks the options, the graph's values and the link `lengths` (as computed from the
/// options) against the ranges above.
///
/// # Errors
/// [`Error::OutOfRange`] for the first value out of range.
pub(crate) fn check(graph: &Graph, options: &LayoutOptions, lengths: &[f64]) -> Result<()> {
    length("option", 0, "link_distance", options.link_distance)?;
    if let LinkLengths::SymmetricDiff { ideal, .. } | LinkLengths::Jaccard { ideal, .. } =
        options.link_lengths
    {
        length("option", 0, "link_lengths.ideal", ideal)?;
    }
    coordinate("option", 0, "size", options.size[0])?;
    coordinate("option", 0, "size", options.size[1])?;
    size("option", 0, "default_node_size", options.default_node_size)?;
    if let Some(f) = options.flow {
        size("option", 0, "flow.min_separation", f.min_separation)?;
    }
    if let Some(g) = options.grid_snap_size {
        size("option", 0, "grid_snap_size", g)?;
    }
    for (i, &l) in lengths.iter().enumerate() {
        length("link", i, "length", l)?;
    }
    for (i, v) in graph.nodes().iter().enumerate() {
        for (field, c) in [("x", v.x), ("y", v.y), ("z", v.z)] {
            if let Some(c) = c {
                coordinate("node", i, field, c)?;
            }
        }
        for (field, s) in [("width", v.width), ("height", v.height)] {
            if let Some(s) = s {
                size("node", i, field, s)?;
            }
        }
    }
    for (j, g) in graph.groups().groups().iter().enumerate() {
        if let Some(p) = g.padding {
            size("group", j, "padding", p)?;
        }
    }
    for (i, c) in graph.constraints().iter().enumerate() {
        match c {
            UserConstraint::Separation { gap, .. } => size("constraint", i, "gap", *gap)?,
            UserConstraint::Alignment { offsets, .. } => {
                for &(_, off) in offsets {
                    size("constraint", i, "offset", off)?;
                }
            }
            UserConstraint::Distribution { separation, .. } => {
                size("constraint", i, "separation", *separation)?
            }
            UserConstraint::FixedRelative { .. } => {}
            UserConstraint::PageBoundary { bounds, .. } => {
                for v in [bounds.x, bounds.x_max, bounds.y, bounds.y_max] {
                    coordinate("constraint", i, "bounds", v)?;
                }
            }
        }
    }
    Ok(())
}

/// Checks the longest shortest path, `max_distance` (the pair table's).
///
/// # Errors
/// [`Error::OutOfRange`] when it is longer than [`MAX_DISTANCE`].
pub(crate) fn check_distance(max_distance: f64) -> Result<()> {
    within(
        "graph",
        0,
        "longest shortest path",
        max_distance,
        0.0,
        MAX_DISTANCE,
    )
}
