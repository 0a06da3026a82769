//! `colayout.scale_normalised_stress`: the core's layout quality measure, for any
//! library's positions.

use colayout::error::ErrorKind;
use pyo3::prelude::*;

use crate::convert::floats;
use crate::error::of_kind;
use crate::graph::{build, GraphArgs, PyGraph};

/// Scale-normalised stress (SN) of `positions` (`(n, 2)` or `(n, 3)`) for the graph of
/// `edges` (an `(m, 2)` array-like of node indices, or a `Graph`), on its largest
/// component: independent of output units, so layouts from any library compare. With
/// `sources`, the estimate from that many sampled breadth-first sources (drawn with
/// `seed`), for graphs too large for all pairs.
#[pyfunction]
#[pyo3(signature = (edges, positions, *, n=None, sources=None, seed=1))]
pub fn scale_normalised_stress<'py>(
    py: Python<'py>,
    edges: &Bound<'py, PyAny>,
    positions: &Bound<'py, PyAny>,
    n: Option<Bound<'py, PyAny>>,
    sources: Option<usize>,
    seed: u64,
) -> PyResult<f64> {
    let p = floats(positions, "positions")?;
    let (rows, dims) = match p.shape[..] {
        [rows, dims @ (2 | 3)] => (rows, dims),
        _ => {
            return Err(of_kind(
                ErrorKind::DimensionMismatch,
                format!(
                    "positions must have shape (n, 2) or (n, 3), not {:?}",
                    p.shape
                ),
            ))
        }
    };
    // Without `n`, the graph has the positions' rows, or more if the edges say so.
    let mut graph = build(
        edges,
        &GraphArgs {
            n: n.clone(),
            ..GraphArgs::default()
        },
        dims,
    )?;
    if n.is_none() && edges.cast::<PyGraph>().is_err() && graph.node_count() < rows {
        let args = GraphArgs {
            n: Some(rows.into_pyobject(py)?.into_any()),
            ..GraphArgs::default()
        };
        graph = build(edges, &args, dims)?;
    }
    if graph.node_count() != rows {
        return Err(of_kind(
            ErrorKind::DimensionMismatch,
            format!(
                "positions has {rows} rows for a graph of {} nodes",
                graph.node_count()
            ),
        ));
    }
    let values = p.values;
    Ok(py.detach(move || match sources {
        Some(k) => {
            colayout::metrics::sampled_scale_normalised_stress(&graph, &values, dims, k, seed)
        }
        None => colayout::metrics::scale_normalised_stress(&graph, &values, dims),
    }))
}
