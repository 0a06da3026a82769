//! `colayout.Layout`: the core's stateful engine ([`DynLayout`], 2-D or 3-D) for
//! interactive use, and `colayout.layout`, the one-shot call. The GIL is released
//! while the core runs.

use colayout::layout::REPORT_TOLERANCE;
use colayout::{DragTarget, DynLayout, Rectangle};
use numpy::{PyArray1, PyArrayMethods, PyUntypedArrayMethods};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::error::{of_kind, OrRaise};
use crate::graph::{build, GraphArgs};
use crate::options::{self, schedule};
use colayout::error::ErrorKind;

/// `values` (node-major, `rows * cols`) as a `(rows, cols)` float64 array.
fn matrix<'py>(
    py: Python<'py>,
    values: Vec<f64>,
    rows: usize,
    cols: usize,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyArray1::from_vec(py, values)
        .reshape([rows, cols])?
        .into_any())
}

/// Boxes as an `(k, 4)` array of `(x_min, y_min, x_max, y_max)`.
fn boxes<'py>(py: Python<'py>, b: &[Rectangle]) -> PyResult<Bound<'py, PyAny>> {
    let flat = b
        .iter()
        .flat_map(|r| [r.x, r.y, r.x_max, r.y_max])
        .collect();
    matrix(py, flat, b.len(), 4)
}

fn target(index: usize, group: bool) -> DragTarget {
    if group {
        DragTarget::Group(index)
    } else {
        DragTarget::Node(index)
    }
}

/// A layout you step yourself: WebCola's `start`, `tick`, `stop`, `resume`, drag and
/// update, in 2-D or 3-D (`dims=3`).
#[pyclass(name = "Layout", module = "colayout")]
pub struct PyLayout {
    layout: DynLayout,
    /// The array `positions(copy=False)` views, refreshed after every call that moves
    /// nodes (replaced when the node count changes).
    shown: Option<Py<PyAny>>,
}

impl PyLayout {
    /// Refreshes the viewed positions array, if one was handed out.
    fn refresh(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(shown) = &self.shown else {
            return Ok(());
        };
        let arr = shown.bind(py).cast::<numpy::PyArray2<f64>>()?;
        let n = self.layout.graph().node_count();
        if arr.shape() != [n, self.layout.dims()] {
            self.shown = None;
            return Ok(());
        }
        let mut rw = arr.readwrite();
        let out = rw.as_slice_mut()?;
        self.layout.positions_into(out).or_raise()
    }

    fn moved<T>(&mut self, py: Python<'_>, r: colayout::Result<T>) -> PyResult<T> {
        self.refresh(py)?;
        r.or_raise()
    }
}

#[pymethods]
impl PyLayout {
    /// A layout of `edges` (an `(m, 2)` array-like of node indices, or a `Graph`) with
    /// the graph's keywords (`n`, `sizes`, `positions`, `fixed`, `lengths`, `weights`,
    /// `groups`, `constraints`), `dims`, and the core's options by name.
    #[new]
    #[pyo3(signature = (edges, **kwargs))]
    fn new<'py>(
        py: Python<'py>,
        edges: &Bound<'py, PyAny>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        let (args, rest) = GraphArgs::take(kwargs)?;
        let call = options::read(rest.as_ref())?;
        if call.iterations.is_some() {
            return Err(PyTypeError::new_err(
                "Layout() takes no iterations; give them to start()",
            ));
        }
        let graph = build(edges, &args, call.dims)?;
        let options = call.options;
        let layout = py
            .detach(move || DynLayout::new(graph, options, call.dims))
            .or_raise()?;
        Ok(PyLayout {
            layout,
            shown: None,
        })
    }

    /// WebCola's `start(a, b, c, d, keepRunning, centerGraph)`: `iterations` is
    /// `(a, b, c)` or `(a, b, c, d)`; unset arguments take WebCola's defaults. Returns
    /// the ticks run.
    #[pyo3(signature = (iterations=None, *, keep_running=None, center_graph=None))]
    fn start(
        &mut self,
        py: Python<'_>,
        iterations: Option<&Bound<'_, PyAny>>,
        keep_running: Option<bool>,
        center_graph: Option<bool>,
    ) -> PyResult<usize> {
        let counts = iterations
            .filter(|i| !i.is_none())
            .map(options::iterations)
            .transpose()?;
        let s = schedule(counts, keep_running, center_graph);
        let layout = &mut self.layout;
        let r = py.detach(move || layout.start(s));
        self.moved(py, r)
    }

    /// One tick; True when the layout has ended (converged, or `max_ticks` ticks since
    /// the last start or resume).
    fn tick(&mut self, py: Python<'_>) -> PyResult<bool> {
        let layout = &mut self.layout;
        let r = py.detach(move || layout.tick().map(|t| t.ended));
        self.moved(py, r)
    }

    /// Exactly `count` ticks, with no convergence test.
    fn run_ticks(&mut self, py: Python<'_>, count: usize) -> PyResult<()> {
        let layout = &mut self.layout;
        let r = py.detach(move || layout.run_ticks(count).map(|_| ()));
        self.moved(py, r)
    }

    /// Ticks until converged (or `max_ticks`); returns the ticks run.
    fn run(&mut self, py: Python<'_>) -> PyResult<usize> {
        let layout = &mut self.layout;
        let r = py.detach(move || layout.run_until_converged());
        self.moved(py, r)
    }

    /// WebCola's `stop()`.
    fn stop(&mut self) {
        self.layout.stop();
    }

    /// WebCola's `resume()`.
    fn resume(&mut self) {
        self.layout.resume();
    }

    /// Moves the nodes, as libcola's `makeFeasible`, until every constraint holds and
    /// no boxes overlap (when avoiding overlaps).
    fn make_feasible(&mut self, py: Python<'_>) -> PyResult<()> {
        let layout = &mut self.layout;
        py.detach(move || layout.make_feasible());
        self.refresh(py)
    }

    /// Replaces the graph while running, keeping positions. `previous[i]` is node `i`'s
    /// index in the old graph, or -1 for a new node; by default node `i` keeps the
    /// old node `i`'s position where there was one.
    #[pyo3(signature = (edges, *, previous=None, **kwargs))]
    fn update<'py>(
        &mut self,
        py: Python<'py>,
        edges: &Bound<'py, PyAny>,
        previous: Option<&Bound<'py, PyAny>>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<()> {
        let (args, rest) = GraphArgs::take(kwargs)?;
        if let Some((k, _)) = rest.as_ref().and_then(|r| r.iter().next()) {
            return Err(PyTypeError::new_err(format!(
                "update() got an unexpected keyword argument {k} (the options stay)"
            )));
        }
        let graph = build(edges, &args, self.layout.dims())?;
        let old = self.layout.graph().node_count();
        let n = graph.node_count();
        let previous: Vec<Option<usize>> = match previous.filter(|p| !p.is_none()) {
            None => (0..n).map(|i| (i < old).then_some(i)).collect(),
            Some(p) => {
                let p = crate::convert::integers(p, "previous")?;
                if p.shape != [n] {
                    return Err(of_kind(
                        ErrorKind::DimensionMismatch,
                        format!("previous must have shape (n,) = ({n},), not {:?}", p.shape),
                    ));
                }
                p.values.iter().map(|&i| usize::try_from(i).ok()).collect()
            }
        };
        let layout = &mut self.layout;
        let r = py.detach(move || layout.update(graph, &previous));
        self.moved(py, r)
    }

    /// Starts dragging node `index` (or group `index` with `group=True`).
    #[pyo3(signature = (index, *, group=false))]
    fn drag_start(&mut self, index: usize, group: bool) -> PyResult<()> {
        self.layout.drag_start(target(index, group)).or_raise()
    }

    /// Moves a dragged node or group to `(x, y)` and resumes the layout.
    #[pyo3(signature = (index, x, y, *, group=false))]
    fn drag(&mut self, py: Python<'_>, index: usize, x: f64, y: f64, group: bool) -> PyResult<()> {
        let r = self.layout.drag(target(index, group), [x, y]);
        self.moved(py, r)
    }

    /// Ends a drag.
    #[pyo3(signature = (index, *, group=false))]
    fn drag_end(&mut self, index: usize, group: bool) -> PyResult<()> {
        self.layout.drag_end(target(index, group)).or_raise()
    }

    /// Positions as an `(n, dims)` float64 array: a fresh copy, or with `copy=False` a
    /// read-only view the layout rewrites after every call that moves nodes.
    #[pyo3(signature = (copy=true))]
    fn positions<'py>(&mut self, py: Python<'py>, copy: bool) -> PyResult<Bound<'py, PyAny>> {
        let (n, k) = (self.layout.graph().node_count(), self.layout.dims());
        if copy {
            return matrix(py, self.layout.positions(), n, k);
        }
        let shown = match &self.shown {
            Some(s) => s.bind(py).clone(),
            None => {
                let s = matrix(py, self.layout.positions(), n, k)?;
                self.shown = Some(s.clone().unbind());
                s
            }
        };
        let view = shown.call_method0("view")?;
        view.call_method1("setflags", (false,))?;
        Ok(view)
    }

    /// Node boxes as an `(n, 4)` array of `(x_min, y_min, x_max, y_max)`.
    fn node_bounds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        boxes(py, &self.layout.node_bounds())
    }

    /// One route per link, in link order, each a `(k, 2)` array from the source's box to
    /// `arrow_head` short of the target's: `route="clip"` (straight, clipped at the
    /// boxes), `"polyline"` (around every other box, grown by `margin`) or
    /// `"orthogonal"` (on a grid between the boxes, `margin` apart on shared grid
    /// lines). `None` takes the core's defaults.
    #[pyo3(signature = (route="clip", margin=None, arrow_head=None))]
    fn routes<'py>(
        &self,
        py: Python<'py>,
        route: &str,
        margin: Option<f64>,
        arrow_head: Option<f64>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let options = crate::routing::route_options(route, margin, arrow_head)?;
        let routes = py.detach(|| self.layout.routes(&options)).or_raise()?;
        routes
            .iter()
            .map(|r| crate::routing::point_array(py, r))
            .collect()
    }

    /// Group outlines: per group a `(k, 2)` array, the convex hull of its members'
    /// boxes grown by its padding.
    fn group_hulls<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.layout
            .group_hulls()
            .iter()
            .map(|h| crate::routing::point_array(py, h))
            .collect()
    }

    /// Group boxes as a `(groups, 4)` array of `(x_min, y_min, x_max, y_max)`.
    fn group_bounds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        boxes(py, &self.layout.group_bounds())
    }

    /// Constraints that do not hold within `tolerance`: `(constraint, axis, amount)`
    /// with `axis` `"x"` or `"y"`; constraint indices are the graph's, then flow's.
    #[pyo3(signature = (tolerance=REPORT_TOLERANCE))]
    fn unsatisfied(&self, tolerance: f64) -> Vec<(usize, &'static str, f64)> {
        self.layout
            .unsatisfied(tolerance)
            .iter()
            .map(|v| (v.constraint, v.axis.name(), v.amount))
            .collect()
    }

    /// Pairs of nodes whose boxes overlap by more than `tolerance` on both axes.
    #[pyo3(signature = (tolerance=REPORT_TOLERANCE))]
    fn overlapping_nodes(&self, tolerance: f64) -> Vec<(usize, usize)> {
        self.layout.overlapping_nodes(tolerance)
    }

    /// Unweighted stress over node pairs (WebCola's `computeStress`).
    fn stress(&self) -> f64 {
        self.layout.stress()
    }

    /// P-stress: stress with non-adjacent pairs only repelling.
    fn p_stress(&self) -> f64 {
        self.layout.p_stress()
    }

    /// Scale-normalised stress on the largest component.
    fn scale_normalised_stress(&self) -> f64 {
        self.layout.scale_normalised_stress()
    }

    /// Current alpha (WebCola's).
    #[getter]
    fn alpha(&self) -> f64 {
        self.layout.alpha()
    }

    /// True while ticking would move nodes.
    #[getter]
    fn is_running(&self) -> bool {
        self.layout.is_running()
    }

    /// Ticks since the last start or resume.
    #[getter]
    fn ticks(&self) -> usize {
        self.layout.ticks()
    }

    /// True when the layout last ended at `max_ticks` rather than converged.
    #[getter]
    fn reached_max_ticks(&self) -> bool {
        self.layout.reached_max_ticks()
    }

    /// 2 or 3.
    #[getter]
    fn dims(&self) -> usize {
        self.layout.dims()
    }

    /// Number of nodes.
    #[getter]
    fn n(&self) -> usize {
        self.layout.graph().node_count()
    }

    /// The options, under WebCola's names.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = colayout::io::json::options_to_json(self.layout.options());
        py.import("json")?.call_method1("loads", (text,))
    }

    fn __repr__(&self) -> String {
        format!(
            "colayout.Layout(n={}, dims={}, ticks={}, alpha={})",
            self.layout.graph().node_count(),
            self.layout.dims(),
            self.layout.ticks(),
            self.layout.alpha()
        )
    }
}

/// Lays out `edges` (an `(m, 2)` array-like of node indices, or a `Graph`) with WebCola's
/// `start()` and returns the positions as an `(n, dims)` float64 array. Keywords: the
/// graph's (`n`, `sizes`, `positions`, `fixed`, `lengths`, `weights`, `groups`,
/// `constraints`), `dims`, `iterations`, and the core's options by name.
#[pyfunction]
#[pyo3(signature = (edges, **kwargs))]
pub fn layout<'py>(
    py: Python<'py>,
    edges: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (args, rest) = GraphArgs::take(kwargs)?;
    let call = options::read(rest.as_ref())?;
    let graph = build(edges, &args, call.dims)?;
    let (n, dims) = (graph.node_count(), call.dims);
    let s = schedule(call.iterations, None, None);
    let options = call.options;
    let positions = py
        .detach(move || -> colayout::Result<Vec<f64>> {
            let mut l = DynLayout::new(graph, options, dims)?;
            l.start(s)?;
            Ok(l.positions())
        })
        .or_raise()?;
    matrix(py, positions, n, dims)
}

/// The core's default options, under WebCola's names.
#[pyfunction]
pub fn default_options(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let text = colayout::io::json::options_to_json(&colayout::LayoutOptions::default());
    py.import("json")?.call_method1("loads", (text,))
}
