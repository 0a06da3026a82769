//! `colayout.routing`'s Python side: edge routes of a layout (`Layout.routes`) and the
//! geometry functions WebCola users know (`convex_hull`, `make_edge_between`).

use colayout::geom::{convex_hull as hull, make_edge_between as between, Point};
use colayout::routing::{EdgeRouting, RouteOptions};
use colayout::Rectangle;
use numpy::{PyArray1, PyArrayMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::floats;
use crate::error::OrRaise;

/// Points as a `(k, 2)` float64 array.
pub fn point_array<'py>(py: Python<'py>, pts: &[Point]) -> PyResult<Bound<'py, PyAny>> {
    let flat: Vec<f64> = pts.iter().flatten().copied().collect();
    Ok(PyArray1::from_vec(py, flat)
        .reshape([pts.len(), 2])?
        .into_any())
}

/// Route options from keywords; `None` takes the core's default.
pub fn route_options(
    route: &str,
    margin: Option<f64>,
    arrow_head: Option<f64>,
) -> PyResult<RouteOptions> {
    let d = RouteOptions::default();
    let options = RouteOptions {
        routing: route.parse::<EdgeRouting>().or_raise()?,
        margin: margin.unwrap_or(d.margin),
        arrow_head: arrow_head.unwrap_or(d.arrow_head),
    };
    options.validate().or_raise()?;
    Ok(options)
}

fn points_of(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<Point>> {
    let a = floats(obj, name)?;
    if !(a.values.is_empty() || a.shape.len() == 2 && a.shape[1] == 2) {
        return Err(PyValueError::new_err(format!(
            "{name} must have shape (k, 2)"
        )));
    }
    Ok(a.values.chunks_exact(2).map(|p| [p[0], p[1]]).collect())
}

fn rect_of(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Rectangle> {
    match floats(obj, name)?.values[..] {
        [x, y, x_max, y_max] => Ok(Rectangle::new(x, x_max, y, y_max)),
        _ => Err(PyValueError::new_err(format!(
            "{name} must be (x_min, y_min, x_max, y_max)"
        ))),
    }
}

/// The convex hull of `(k, 2)` points, WebCola's `ConvexHull` (same points, same order).
#[pyfunction]
pub fn convex_hull<'py>(
    py: Python<'py>,
    points: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    point_array(py, &hull(&points_of(points, "points")?))
}

/// WebCola's `makeEdgeBetween`: the line between two boxes' centres (each
/// `(x_min, y_min, x_max, y_max)`) clipped at both, as a `(3, 2)` array of the source
/// intersection, the target intersection and where an `arrow_head` long arrow starts.
#[pyfunction]
#[pyo3(signature = (source, target, arrow_head=0.0))]
pub fn make_edge_between<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    target: &Bound<'py, PyAny>,
    arrow_head: f64,
) -> PyResult<Bound<'py, PyAny>> {
    let e = between(
        &rect_of(source, "source")?,
        &rect_of(target, "target")?,
        arrow_head,
    );
    point_array(
        py,
        &[e.source_intersection, e.target_intersection, e.arrow_start],
    )
}
