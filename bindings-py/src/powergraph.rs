//! `colayout.power_graph`: WebCola's greedy power-graph decomposition
//! (`colayout::powergraph`).

use colayout::powergraph::{power_graph_of, PowerEnd};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::error::OrRaise;
use crate::graph::{build, GraphArgs};

/// The power graph of `edges` (an `(m, 2)` array-like of node indices, or a `Graph`):
/// `{"groups": [{"leaves": [...], "groups": [...]}], "power_edges": [(source, target,
/// type)]}` with ends `("node", i)` or `("group", g)`, a group's index being its id.
/// Every node under a power edge's source links to every node under its target; the
/// power edges stand for the links exactly (WebCola's `getGroups`).
#[pyfunction]
#[pyo3(signature = (edges, *, n=None))]
pub fn power_graph<'py>(
    py: Python<'py>,
    edges: &Bound<'py, PyAny>,
    n: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let graph = build(
        edges,
        &GraphArgs {
            n,
            ..GraphArgs::default()
        },
        2,
    )?;
    let pg = py.detach(|| power_graph_of(&graph)).or_raise()?;
    let groups = PyList::empty(py);
    for g in &pg.groups {
        let d = PyDict::new(py);
        d.set_item("leaves", &g.leaves)?;
        d.set_item("groups", &g.groups)?;
        groups.append(d)?;
    }
    let end = |e: PowerEnd| match e {
        PowerEnd::Node(v) => ("node", v),
        PowerEnd::Group(g) => ("group", g),
    };
    let edges: Vec<_> = pg
        .power_edges
        .iter()
        .map(|e| (end(e.source), end(e.target), e.link_type))
        .collect();
    let out = PyDict::new(py);
    out.set_item("groups", groups)?;
    out.set_item("power_edges", edges)?;
    Ok(out)
}
