//! `colayout_graph`: a graph from flat arrays (the core's `GraphArrays`), with its groups
//! and user constraints. They are checked when a layout is made from the graph.

use std::ffi::c_char;

use colayout::constraints::DEFAULT_PAGE_WEIGHT;
use colayout::{Graph, GraphArrays, Group, Rectangle, UserConstraint};

use crate::error::{boundary, colayout_status, Failure, Outcome};
use crate::options::axis_of;
use crate::ptr;

/// A graph as flat arrays (the core's `GraphArrays`). Start from
/// `colayout_graph_arrays_init`; the optional arrays are NULL or have one entry per link
/// (`lengths`, `weights`) or per node (`widths`, `heights`, `fixed`; `positions` has
/// `dims` per node, node-major). The arrays are copied by `colayout_graph_new`.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug)]
pub struct colayout_graph_arrays {
    /// Number of nodes.
    pub node_count: usize,
    /// Link ends, `[s0, t0, s1, t1, ...]`: `2 * edge_count` 0-based node indices.
    pub edges: *const u32,
    /// Number of links.
    pub edge_count: usize,
    /// Ideal length per link, or NULL for `link_distance`.
    pub lengths: *const f64,
    /// Stress weight per link (WebCola's `weight`), or NULL.
    pub weights: *const f64,
    /// Box width per node, or NULL.
    pub widths: *const f64,
    /// Box height per node, or NULL.
    pub heights: *const f64,
    /// Start positions, `positions[i * dims + d]`, or NULL (nodes start at the canvas centre).
    pub positions: *const f64,
    /// Coordinates per node in `positions`: 2 or 3.
    pub dims: u32,
    /// Per node: fixed at its start position, or NULL.
    pub fixed: *const bool,
}

/// A graph with its groups and constraints (opaque). Free with `colayout_graph_free`.
#[allow(non_camel_case_types)]
pub struct colayout_graph {
    pub(crate) graph: Graph,
    pub(crate) groups: Vec<Group>,
    pub(crate) constraints: Vec<UserConstraint>,
}

/// A box: `x` to `x_max` across, `y` to `y_max` down (the core's `Rectangle`).
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct colayout_rect {
    /// Left edge.
    pub x: f64,
    /// Right edge.
    pub x_max: f64,
    /// Top edge.
    pub y: f64,
    /// Bottom edge.
    pub y_max: f64,
}

impl From<Rectangle> for colayout_rect {
    fn from(r: Rectangle) -> Self {
        Self {
            x: r.x,
            x_max: r.x_max,
            y: r.y,
            y_max: r.y_max,
        }
    }
}

impl colayout_graph {
    /// The core graph with its groups and constraints, validated.
    pub(crate) fn build(&self) -> Result<Graph, Failure> {
        Ok(self
            .graph
            .clone()
            .with_groups(self.groups.clone())?
            .with_constraints(self.constraints.clone())?)
    }

    fn push(&mut self, c: UserConstraint, index_out: *mut usize) {
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(index_out, self.constraints.len()) };
        self.constraints.push(c);
    }
}

/// `a` as the core's `GraphArrays`.
///
/// # Safety
/// The pointers in `a` must be NULL or valid for their documented lengths.
pub(crate) unsafe fn graph_arrays<'a>(
    a: &colayout_graph_arrays,
) -> Result<GraphArrays<'a>, Failure> {
    let m2 = a.edge_count.checked_mul(2).ok_or_else(|| {
        Failure::from(colayout::Error::InputTooLarge {
            what: "links",
            count: a.edge_count as u64,
            limit: u64::from(u32::MAX),
        })
    })?;
    let dims = a.dims as usize;
    let pos_len = a.node_count.saturating_mul(dims);
    // SAFETY: forwarded from the caller.
    unsafe {
        Ok(GraphArrays {
            node_count: a.node_count,
            edges: ptr::slice(a.edges, m2, "edges")?,
            lengths: ptr::optional(a.lengths, a.edge_count, "lengths")?,
            weights: ptr::optional(a.weights, a.edge_count, "weights")?,
            widths: ptr::optional(a.widths, a.node_count, "widths")?,
            heights: ptr::optional(a.heights, a.node_count, "heights")?,
            positions: ptr::optional(a.positions, pos_len, "positions")?,
            dims,
            fixed: ptr::optional(a.fixed, a.node_count, "fixed")?,
        })
    }
}

/// Fills `out` with `node_count` nodes and `edge_count` links at `edges`, every optional
/// array NULL and `dims` 2 (the core's `GraphArrays::new`). Does nothing when `out` is NULL.
///
/// # Safety
/// A non-NULL `out` must be valid for writing a `colayout_graph_arrays`.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_arrays_init(
    out: *mut colayout_graph_arrays,
    node_count: usize,
    edges: *const u32,
    edge_count: usize,
) {
    let d = GraphArrays::new(node_count, &[]);
    let a = colayout_graph_arrays {
        node_count,
        edges,
        edge_count,
        lengths: core::ptr::null(),
        weights: core::ptr::null(),
        widths: core::ptr::null(),
        heights: core::ptr::null(),
        positions: core::ptr::null(),
        dims: d.dims as u32,
        fixed: core::ptr::null(),
    };
    // SAFETY: forwarded from the caller; NULL is skipped.
    unsafe { ptr::put(out, a) };
}

/// Makes a graph from `arrays` (copied) into `*out`. On failure `*out` is NULL.
///
/// # Safety
/// `arrays` must be NULL or valid, with its pointers valid for their lengths; `out` must
/// be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_new(
    arrays: *const colayout_graph_arrays,
    out: *mut *mut colayout_graph,
) -> colayout_status {
    boundary(|| {
        // SAFETY: the caller's pointers.
        let out = unsafe { ptr::get_mut(out, "out")? };
        *out = core::ptr::null_mut();
        // SAFETY: as above.
        let a = unsafe { graph_arrays(ptr::get(arrays, "arrays")?)? };
        let graph = Graph::from_arrays(&a)?;
        *out = Box::into_raw(Box::new(colayout_graph {
            graph,
            groups: Vec::new(),
            constraints: Vec::new(),
        }));
        Ok(())
    })
}

/// Reads a graph in WebCola's JSON shape (`{"nodes", "links", "groups", "constraints"}`,
/// as the CLI reads it) from `len` bytes of UTF-8 at `json` into `*out`. On failure
/// `*out` is NULL.
///
/// # Safety
/// `json` valid for `len` bytes; `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut colayout_graph,
) -> colayout_status {
    boundary(|| {
        // SAFETY: the caller's pointers.
        let out = unsafe { ptr::get_mut(out, "out")? };
        *out = core::ptr::null_mut();
        // SAFETY: as above.
        let bytes = unsafe { ptr::slice(json.cast::<u8>(), len, "json")? };
        let text = core::str::from_utf8(bytes).map_err(|e| Failure {
            status: colayout_status::COLAYOUT_PARSE,
            message: format!("json is not UTF-8: {e}"),
        })?;
        let graph = colayout::io::json::parse(text)?.graph;
        *out = Box::into_raw(Box::new(colayout_graph {
            groups: graph.groups().groups().to_vec(),
            constraints: graph.constraints().to_vec(),
            graph,
        }));
        Ok(())
    })
}

/// Frees a graph. NULL is allowed.
///
/// # Safety
/// `graph` must be NULL or come from `colayout_graph_new`, and not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_free(graph: *mut colayout_graph) {
    if !graph.is_null() {
        // SAFETY: made by `Box::into_raw` in `colayout_graph_new`, freed once.
        drop(unsafe { Box::from_raw(graph) });
    }
}

/// Runs `f` on the graph behind `graph`.
fn with_graph(
    graph: *mut colayout_graph,
    f: impl FnOnce(&mut colayout_graph) -> Outcome,
) -> colayout_status {
    boundary(|| {
        // SAFETY: the caller passes a graph from `colayout_graph_new` or NULL.
        f(unsafe { ptr::get_mut(graph, "graph")? })
    })
}

fn indices(p: *const u32, len: usize, name: &str) -> Result<Vec<usize>, Failure> {
    // SAFETY: the caller's array of `len` entries.
    Ok(unsafe { ptr::slice(p, len, name)? }
        .iter()
        .map(|&v| v as usize)
        .collect())
}

/// Adds a group (WebCola's `{leaves, groups, padding}`): `leaf_count` node indices at
/// `leaves`, `group_count` child group indices at `groups` (groups are numbered in the
/// order they are added), and optional `padding` and `stiffness` (NULL for the core's
/// defaults, 1 and 0.01). The group's index goes to `*index_out` when it is not NULL.
/// Groups are checked when a layout is made.
///
/// # Safety
/// `graph` from `colayout_graph_new`; the arrays valid for their counts; the optional
/// pointers NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_add_group(
    graph: *mut colayout_graph,
    leaves: *const u32,
    leaf_count: usize,
    groups: *const u32,
    group_count: usize,
    padding: *const f64,
    stiffness: *const f64,
    index_out: *mut usize,
) -> colayout_status {
    with_graph(graph, |g| {
        let group = Group {
            leaves: indices(leaves, leaf_count, "leaves")?,
            groups: indices(groups, group_count, "groups")?,
            // SAFETY: optional pointers from the caller.
            padding: unsafe { padding.as_ref() }.copied(),
            // SAFETY: as above.
            stiffness: unsafe { stiffness.as_ref() }.copied(),
        };
        // SAFETY: the caller's optional out-pointer.
        unsafe { ptr::put(index_out, g.groups.len()) };
        g.groups.push(group);
        Ok(())
    })
}

/// Adds WebCola's separation constraint: on `axis` (`COLAYOUT_AXIS_X` or `_Y`),
/// `right >= left + gap`, or `right == left + gap` with `equality`. Constraints are
/// numbered in the order they are added; the index goes to `*index_out` when not NULL.
///
/// # Safety
/// `graph` from `colayout_graph_new`; `index_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_add_separation(
    graph: *mut colayout_graph,
    axis: u32,
    left: u32,
    right: u32,
    gap: f64,
    equality: bool,
    index_out: *mut usize,
) -> colayout_status {
    with_graph(graph, |g| {
        let c = UserConstraint::Separation {
            axis: axis_of(axis)?,
            left: left as usize,
            right: right as usize,
            gap,
            equality,
        };
        g.push(c, index_out);
        Ok(())
    })
}

/// Adds WebCola's alignment constraint: on `axis`, the `count` nodes at `nodes` sit at
/// their `offsets` (NULL for all 0) from the first one. `COLAYOUT_AXIS_X` puts them on
/// a vertical line.
///
/// # Safety
/// `graph` from `colayout_graph_new`; `nodes` (and `offsets` unless NULL) valid for
/// `count` entries; `index_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_add_alignment(
    graph: *mut colayout_graph,
    axis: u32,
    nodes: *const u32,
    offsets: *const f64,
    count: usize,
    index_out: *mut usize,
) -> colayout_status {
    with_graph(graph, |g| {
        let nodes = indices(nodes, count, "nodes")?;
        // SAFETY: the caller's optional array of `count` entries.
        let offsets = unsafe { ptr::optional(offsets, count, "offsets")? };
        let offsets = nodes
            .iter()
            .enumerate()
            .map(|(k, &v)| (v, offsets.map_or(0.0, |o| o[k])))
            .collect();
        let c = UserConstraint::Alignment {
            axis: axis_of(axis)?,
            offsets,
        };
        g.push(c, index_out);
        Ok(())
    })
}

/// Adds libcola's distribution constraint: the guides of the `count` alignment
/// constraints (by constraint index) at `alignments`, all on `axis`, are `separation`
/// apart, in order.
///
/// # Safety
/// `graph` from `colayout_graph_new`; `alignments` valid for `count` entries;
/// `index_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_add_distribution(
    graph: *mut colayout_graph,
    axis: u32,
    alignments: *const usize,
    count: usize,
    separation: f64,
    index_out: *mut usize,
) -> colayout_status {
    with_graph(graph, |g| {
        // SAFETY: the caller's array of `count` entries.
        let alignments = unsafe { ptr::slice(alignments, count, "alignments")? }.to_vec();
        let c = UserConstraint::Distribution {
            axis: axis_of(axis)?,
            alignments,
            separation,
        };
        g.push(c, index_out);
        Ok(())
    })
}

/// Adds libcola's fixed-relative constraint: the `count` nodes at `nodes` move as one
/// rigid set, keeping the offsets between their start positions.
///
/// # Safety
/// `graph` from `colayout_graph_new`; `nodes` valid for `count` entries; `index_out`
/// NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_add_fixed_relative(
    graph: *mut colayout_graph,
    nodes: *const u32,
    count: usize,
    index_out: *mut usize,
) -> colayout_status {
    with_graph(graph, |g| {
        let c = UserConstraint::FixedRelative {
            nodes: indices(nodes, count, "nodes")?,
        };
        g.push(c, index_out);
        Ok(())
    })
}

/// Adds libcola's page-boundary constraints: the boxes of the `count` nodes at `nodes`
/// (all nodes when `count` is 0) stay inside `*bounds`, whose edges give way only when
/// the nodes cannot fit. `weight` is the edges' weight, NULL for the core's default.
///
/// # Safety
/// `graph` from `colayout_graph_new`; `bounds` valid; `weight` NULL or valid; `nodes`
/// valid for `count` entries; `index_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn colayout_graph_add_page_boundary(
    graph: *mut colayout_graph,
    bounds: *const colayout_rect,
    weight: *const f64,
    nodes: *const u32,
    count: usize,
    index_out: *mut usize,
) -> colayout_status {
    with_graph(graph, |g| {
        // SAFETY: the caller's pointers.
        let b = unsafe { ptr::get(bounds, "bounds")? };
        let c = UserConstraint::PageBoundary {
            bounds: Rectangle::new(b.x, b.x_max, b.y, b.y_max),
            // SAFETY: the caller's optional pointer.
            weight: unsafe { weight.as_ref() }
                .copied()
                .unwrap_or(DEFAULT_PAGE_WEIGHT),
            nodes: indices(nodes, count, "nodes")?,
        };
        g.push(c, index_out);
        Ok(())
    })
}
