//! `colayout.Graph`: the core's validated [`Graph`], built from array-likes (edges,
//! sizes, positions, fixed, lengths, weights) and WebCola-shaped groups and
//! constraints, or read from a file ([`crate::io`]).

use colayout::error::ErrorKind;
use colayout::graph::check_node_count;
use colayout::{Error, Graph, Link, Node};
use numpy::{PyArray1, PyArrayMethods};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{flags, floats, integers, Plain};
use crate::error::{of_kind, OrRaise};

/// A graph: nodes with optional boxes, start positions and fixed flags, links with
/// optional lengths and weights, groups and constraints. Node indices are 0-based.
#[pyclass(name = "Graph", module = "colayout", frozen)]
pub struct PyGraph {
    pub graph: Graph,
    pub labels: Vec<Option<String>>,
}

/// The per-node and per-link arguments every graph-taking call accepts.
#[derive(Default)]
pub struct GraphArgs<'py> {
    pub n: Option<Bound<'py, PyAny>>,
    pub sizes: Option<Bound<'py, PyAny>>,
    pub positions: Option<Bound<'py, PyAny>>,
    pub fixed: Option<Bound<'py, PyAny>>,
    pub lengths: Option<Bound<'py, PyAny>>,
    pub weights: Option<Bound<'py, PyAny>>,
    pub groups: Option<Bound<'py, PyAny>>,
    pub constraints: Option<Bound<'py, PyAny>>,
}

/// The names of [`GraphArgs`], in order.
const GRAPH_ARGS: [&str; 8] = [
    "n",
    "sizes",
    "positions",
    "fixed",
    "lengths",
    "weights",
    "groups",
    "constraints",
];

impl<'py> GraphArgs<'py> {
    /// Takes the graph's arguments out of `kwargs`; returns them and the rest (the
    /// options).
    pub fn take(
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<(Self, Option<Bound<'py, PyDict>>)> {
        let Some(kwargs) = kwargs else {
            return Ok((Self::default(), None));
        };
        let rest = kwargs.copy()?;
        let mut got: [Option<Bound<'py, PyAny>>; 8] = Default::default();
        for (slot, name) in got.iter_mut().zip(GRAPH_ARGS) {
            if let Some(v) = rest.get_item(name)? {
                rest.del_item(name)?;
                *slot = Some(v).filter(|v| !v.is_none());
            }
        }
        let [n, sizes, positions, fixed, lengths, weights, groups, constraints] = got;
        let args = GraphArgs {
            n,
            sizes,
            positions,
            fixed,
            lengths,
            weights,
            groups,
            constraints,
        };
        Ok((args, Some(rest)))
    }

    fn given(&self) -> Option<&'static str> {
        [
            &self.n,
            &self.sizes,
            &self.positions,
            &self.fixed,
            &self.lengths,
            &self.weights,
            &self.groups,
            &self.constraints,
        ]
        .into_iter()
        .zip(GRAPH_ARGS)
        .find_map(|(v, name)| v.is_some().then_some(name))
    }
}

fn shape_error(name: &str, want: &str, shape: &[usize]) -> PyErr {
    of_kind(
        ErrorKind::DimensionMismatch,
        format!("{name} must have shape {want}, not {shape:?}"),
    )
}

/// `edges` as `(source, target)` index pairs, and the node count (`n`, or the largest
/// index + 1).
fn read_edges(
    edges: &Bound<'_, PyAny>,
    n: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Vec<u32>, usize)> {
    let a = integers(edges, "edges")?;
    let m = match a.shape[..] {
        [m, 2] => m,
        _ if a.values.is_empty() => 0,
        _ => return Err(shape_error("edges", "(m, 2)", &a.shape)),
    };
    let n = match n.filter(|n| !n.is_none()) {
        Some(n) => {
            let n: i64 = n
                .extract()
                .map_err(|_| PyTypeError::new_err("n must be an integer"))?;
            usize::try_from(n).map_err(|_| {
                of_kind(
                    ErrorKind::OutOfRange,
                    format!("n must be 0 or more, not {n}"),
                )
            })?
        }
        None => a
            .values
            .iter()
            .max()
            .map_or(0, |&v| usize::try_from(v.saturating_add(1)).unwrap_or(0)),
    };
    check_node_count(n).or_raise()?;
    let mut out = Vec::with_capacity(2 * m);
    for (k, &v) in a.values.iter().enumerate() {
        match u32::try_from(v) {
            Ok(u) if (u as usize) < n => out.push(u),
            _ => {
                return Err(crate::error::to_py(&Error::LinkOutOfRange {
                    link: k / 2,
                    node: v,
                    node_count: n,
                }))
            }
        }
    }
    Ok((out, n))
}

/// A per-node value of `width` numbers: an `(n, width)` array, or a dict from node
/// index to `width` numbers (nodes it leaves out get none).
fn per_node(
    obj: &Bound<'_, PyAny>,
    n: usize,
    width: usize,
    name: &str,
) -> PyResult<Vec<Option<Vec<f64>>>> {
    let mut out = vec![None; n];
    if let Ok(d) = obj.cast::<PyDict>() {
        for (k, v) in d.iter() {
            let i: i64 = k
                .extract()
                .map_err(|_| PyTypeError::new_err(format!("{name}: keys must be node indices")))?;
            let at = usize::try_from(i).ok().filter(|&i| i < n).ok_or_else(|| {
                of_kind(
                    ErrorKind::NodeOutOfRange,
                    format!("{name}: node {i} does not exist; the graph has {n} nodes"),
                )
            })?;
            let row = floats(&v, name)?;
            if row.values.len() != width {
                return Err(shape_error(
                    &format!("{name}[{i}]"),
                    &format!("({width},)"),
                    &row.shape,
                ));
            }
            out[at] = Some(row.values);
        }
        return Ok(out);
    }
    let a = floats(obj, name)?;
    if a.shape != [n, width] && !(n == 0 && a.values.is_empty()) {
        return Err(shape_error(
            name,
            &format!("(n, {width}) = ({n}, {width})"),
            &a.shape,
        ));
    }
    for (o, row) in out.iter_mut().zip(a.values.chunks_exact(width)) {
        *o = Some(row.to_vec());
    }
    Ok(out)
}

/// A per-link array of `m` numbers.
fn per_link(obj: &Bound<'_, PyAny>, m: usize, name: &str) -> PyResult<Vec<f64>> {
    let a = floats(obj, name)?;
    if a.shape != [m] && !(m == 0 && a.values.is_empty()) {
        return Err(shape_error(name, &format!("(m,) = ({m},)"), &a.shape));
    }
    Ok(a.values)
}

/// `fixed`: a boolean array of `n` flags, or a collection of node indices.
fn read_fixed(obj: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<bool>> {
    let np = obj.py().import("numpy")?;
    let kind: String = np
        .call_method1("asarray", (obj,))?
        .getattr("dtype")?
        .getattr("kind")?
        .extract()?;
    if kind == "b" {
        let a = flags(obj, "fixed")?;
        if a.shape != [n] {
            return Err(shape_error("fixed", &format!("(n,) = ({n},)"), &a.shape));
        }
        return Ok(a.values);
    }
    let mut out = vec![false; n];
    for i in integers(obj, "fixed")?.values {
        let at = usize::try_from(i).ok().filter(|&i| i < n).ok_or_else(|| {
            of_kind(
                ErrorKind::NodeOutOfRange,
                format!("fixed: node {i} does not exist; the graph has {n} nodes"),
            )
        })?;
        out[at] = true;
    }
    Ok(out)
}

/// The graph of a layout call: `edges` as a `Graph` (then no other argument), or an
/// `(m, 2)` array-like of node indices with `args`.
pub fn build(edges: &Bound<'_, PyAny>, args: &GraphArgs<'_>, dims: usize) -> PyResult<Graph> {
    if let Ok(g) = edges.cast::<PyGraph>() {
        if let Some(name) = args.given() {
            return Err(PyTypeError::new_err(format!(
                "{name} cannot be given with a Graph, which holds its own"
            )));
        }
        return Ok(g.get().graph.clone());
    }
    let (ends, n) = read_edges(edges, args.n.as_ref())?;
    let m = ends.len() / 2;
    let mut nodes = vec![Node::default(); n];
    if let Some(p) = &args.positions {
        for (v, p) in nodes.iter_mut().zip(per_node(p, n, dims, "positions")?) {
            if let Some(p) = p {
                (v.x, v.y, v.z) = (Some(p[0]), Some(p[1]), p.get(2).copied());
            }
        }
    }
    if let Some(s) = &args.sizes {
        for (v, s) in nodes.iter_mut().zip(per_node(s, n, 2, "sizes")?) {
            if let Some(s) = s {
                (v.width, v.height) = (Some(s[0]), Some(s[1]));
            }
        }
    }
    if let Some(f) = &args.fixed {
        for (v, f) in nodes.iter_mut().zip(read_fixed(f, n)?) {
            v.fixed = f;
        }
    }
    let lengths = args
        .lengths
        .as_ref()
        .map(|l| per_link(l, m, "lengths"))
        .transpose()?;
    let weights = args
        .weights
        .as_ref()
        .map(|w| per_link(w, m, "weights"))
        .transpose()?;
    let links = ends
        .chunks_exact(2)
        .enumerate()
        .map(|(k, e)| Link {
            length: lengths.as_ref().map(|l| l[k]),
            weight: weights.as_ref().map(|w| w[k]),
            ..Link::new(e[0] as usize, e[1] as usize)
        })
        .collect();
    let mut graph = Graph::new(nodes, links).or_raise()?;
    if let Some(g) = args.groups.as_ref().filter(|g| !g.is_none()) {
        let text = Plain::read(g, "groups")?.into_json().to_string();
        graph = graph
            .with_groups(colayout::io::json::parse_groups(&text).or_raise()?)
            .or_raise()?;
    }
    if let Some(c) = args.constraints.as_ref().filter(|c| !c.is_none()) {
        let text = Plain::read(c, "constraints")?.into_json().to_string();
        graph = graph
            .with_constraints(colayout::io::json::parse_constraints(&text).or_raise()?)
            .or_raise()?;
    }
    Ok(graph)
}

#[pymethods]
impl PyGraph {
    /// A graph from `edges` (an `(m, 2)` array-like of 0-based node indices) and the
    /// optional per-node and per-link arrays, groups and constraints (keywords `n`,
    /// `sizes`, `positions`, `fixed`, `lengths`, `weights`, `groups`, `constraints`,
    /// `dims`); see `colayout.layout`.
    #[new]
    #[pyo3(signature = (edges, **kwargs))]
    fn new<'py>(edges: &Bound<'py, PyAny>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Self> {
        let (args, rest) = GraphArgs::take(kwargs)?;
        let mut dims = 2;
        if let Some(rest) = rest {
            if let Some(d) = rest.get_item("dims")? {
                rest.del_item("dims")?;
                dims = crate::options::dims(&d)?;
            }
            if let Some((k, _)) = rest.iter().next() {
                return Err(PyTypeError::new_err(format!(
                    "Graph() got an unexpected keyword argument {k} (options go to layout or Layout)"
                )));
            }
        }
        let graph = build(edges, &args, dims)?;
        let labels = vec![None; graph.node_count()];
        Ok(PyGraph { graph, labels })
    }

    /// Number of nodes.
    #[getter]
    fn n(&self) -> usize {
        self.graph.node_count()
    }

    /// Links as an `(m, 2)` int64 array of node indices.
    #[getter]
    fn edges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let flat: Vec<i64> = self
            .graph
            .links()
            .iter()
            .flat_map(|l| [l.source as i64, l.target as i64])
            .collect();
        Ok(PyArray1::from_vec(py, flat)
            .reshape([self.graph.link_count(), 2])?
            .into_any())
    }

    /// Each node's label from the file (JSON `label`, `name` or `id`; DOT `label` or
    /// node ID), or None.
    #[getter]
    fn labels(&self) -> Vec<Option<String>> {
        self.labels.clone()
    }

    /// Box sizes as an `(n, 2)` array of `(width, height)`; NaN where a node has none.
    #[getter]
    fn sizes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let flat: Vec<f64> = self
            .graph
            .nodes()
            .iter()
            .flat_map(|v| [v.width.unwrap_or(f64::NAN), v.height.unwrap_or(f64::NAN)])
            .collect();
        Ok(PyArray1::from_vec(py, flat)
            .reshape([self.graph.node_count(), 2])?
            .into_any())
    }

    /// Number of groups.
    #[getter]
    fn group_count(&self) -> usize {
        self.graph.groups().len()
    }

    /// Number of constraints.
    #[getter]
    fn constraint_count(&self) -> usize {
        self.graph.constraints().len()
    }

    fn __len__(&self) -> usize {
        self.graph.node_count()
    }

    fn __repr__(&self) -> String {
        format!(
            "colayout.Graph(n={}, links={}, groups={}, constraints={})",
            self.graph.node_count(),
            self.graph.link_count(),
            self.graph.groups().len(),
            self.graph.constraints().len()
        )
    }
}
