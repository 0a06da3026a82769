//! `colayout.read_json` and `colayout.read_dot`: files through the core's readers
//! (WebCola JSON with groups and constraints; Graphviz DOT), as `colayout.Graph`s with
//! their labels.

use std::path::PathBuf;

use colayout::io::{decode, dot, json, Input};
use pyo3::prelude::*;

use crate::error::OrRaise;
use crate::graph::PyGraph;

fn read(
    py: Python<'_>,
    path: PathBuf,
    parse: fn(&str) -> colayout::Result<Input>,
) -> PyResult<PyGraph> {
    let bytes = std::fs::read(&path)?;
    let input = py
        .detach(move || decode(&bytes).and_then(|text| parse(&text)))
        .or_raise()?;
    Ok(PyGraph {
        graph: input.graph,
        labels: input.labels,
    })
}

/// Reads a WebCola JSON graph (`{"nodes", "links", "groups", "constraints"}`, or the
/// corpus shape `{"nodes": N, "links": [[u, v], ...]}`).
#[pyfunction]
pub fn read_json(py: Python<'_>, path: PathBuf) -> PyResult<PyGraph> {
    read(py, path, json::parse)
}

/// Reads a Graphviz DOT graph (nodes, edges, `width`/`height` in inches, `pos`,
/// clusters as groups).
#[pyfunction]
pub fn read_dot(py: Python<'_>, path: PathBuf) -> PyResult<PyGraph> {
    read(py, path, dot::parse)
}
