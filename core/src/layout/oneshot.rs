//! The one-shot layouts: [`layout`], [`layout_into`] and [`layout_edges`].

use alloc::vec::Vec;

use super::{Layout, LayoutOptions, Schedule};
use crate::error::{Error, Result};
use crate::graph::{Graph, GraphArrays};

/// Summary of a one-shot layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutStats {
    /// Ticks run after the phases.
    pub ticks: usize,
    /// Unweighted stress ([`Layout::stress`]).
    pub stress: f64,
    /// P-stress ([`Layout::p_stress`]).
    pub p_stress: f64,
}

/// Lays out `graph` in 2-D with WebCola's `start()`: runs to convergence and returns one
/// `[x, y]` per node.
///
/// # Errors
/// As [`Layout::new`].
pub fn layout(graph: &Graph, options: &LayoutOptions) -> Result<Vec<[f64; 2]>> {
    let mut l = Layout::<2>::new(graph.clone(), options.clone())?;
    l.start(Schedule::default())?;
    Ok(l.positions())
}

/// Lays out `graph` in `K` dimensions with `schedule`, writing positions node-major into
/// `out` (`out[i * K + d]`), the form the frontends use.
///
/// # Errors
/// As [`Layout::new`], and [`Error::DimensionMismatch`] for a wrong `out` length.
pub fn layout_into<const K: usize>(
    graph: &Graph,
    options: &LayoutOptions,
    schedule: Schedule,
    out: &mut [f64],
) -> Result<LayoutStats> {
    if out.len() != K * graph.node_count() {
        return Err(Error::DimensionMismatch {
            expected: K * graph.node_count(),
            found: out.len(),
        });
    }
    let mut l = Layout::<K>::new(graph.clone(), options.clone())?;
    let ticks = l.start(schedule)?;
    l.positions_into(out)?;
    Ok(LayoutStats {
        ticks,
        stress: l.stress(),
        p_stress: l.p_stress(),
    })
}

/// Lays out `node_count` nodes joined by `edges` (`[s0, t0, s1, t1, ...]`, 0-based) in
/// 2-D with WebCola's `start()`, writing `[x0, y0, x1, y1, ...]` into `out`: the
/// frontends' one-shot call (C's `colayout_layout_edges`). Gives the CLI's positions,
/// bit for bit, for the same graph and options.
///
/// # Errors
/// As [`Graph::from_arrays`] and [`layout_into`].
pub fn layout_edges(
    node_count: usize,
    edges: &[u32],
    options: &LayoutOptions,
    out: &mut [f64],
) -> Result<LayoutStats> {
    let graph = Graph::from_arrays(&GraphArrays::new(node_count, edges))?;
    layout_into::<2>(&graph, options, Schedule::default(), out)
}
