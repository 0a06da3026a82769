//! Keyword options: the core's [`LayoutOptions`] under their names (`link_distance`,
//! `avoid_overlaps`, `max_ticks`, `flow`, ... or WebCola's `linkDistance`, ...), read by
//! the core's own serde names, plus the call's `iterations` (WebCola's `start(a, b, c,
//! d)`) and `dims`.

use colayout::{LayoutOptions, Schedule};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::Plain;
use crate::error::{from_serde, of_kind};
use colayout::error::ErrorKind;

/// What the keyword arguments of a layout call ask for.
pub struct Call {
    pub options: LayoutOptions,
    pub iterations: Option<[usize; 4]>,
    pub dims: usize,
}

/// Reads `kwargs`; unknown names are a `colayout.Parse` error naming the known ones.
pub fn read(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Call> {
    let mut call = Call {
        options: LayoutOptions::default(),
        iterations: None,
        dims: 2,
    };
    let Some(kwargs) = kwargs else {
        return Ok(call);
    };
    let rest = kwargs.copy()?;
    if let Some(v) = rest.get_item("iterations")? {
        rest.del_item("iterations")?;
        if !v.is_none() {
            call.iterations = Some(iterations(&v)?);
        }
    }
    if let Some(v) = rest.get_item("dims")? {
        rest.del_item("dims")?;
        call.dims = dims(&v)?;
    }
    call.options = serde::Deserialize::deserialize(Plain::read(rest.as_any(), "options")?)
        .map_err(|e: serde::de::value::Error| from_serde("options", &e.to_string()))?;
    Ok(call)
}

/// `dims`: 2 or 3.
pub fn dims(v: &Bound<'_, PyAny>) -> PyResult<usize> {
    let d: i64 = v
        .extract()
        .map_err(|_| PyTypeError::new_err("dims must be 2 or 3"))?;
    match d {
        2 | 3 => Ok(d as usize),
        _ => Err(of_kind(
            ErrorKind::DimensionMismatch,
            format!("dims must be 2 or 3, not {d}"),
        )),
    }
}

/// `(a, b, c)` or `(a, b, c, d)`: WebCola's phase iterations.
pub fn iterations(v: &Bound<'_, PyAny>) -> PyResult<[usize; 4]> {
    let counts: Vec<i64> = v.extract().map_err(|_| {
        PyTypeError::new_err("iterations must be a tuple of 3 or 4 integers (a, b, c[, d])")
    })?;
    if !(3..=4).contains(&counts.len()) || counts.iter().any(|&c| c < 0) {
        return Err(of_kind(
            ErrorKind::OutOfRange,
            format!("iterations must be 3 or 4 counts of 0 or more, not {counts:?}"),
        ));
    }
    let mut out = [0; 4];
    for (o, c) in out.iter_mut().zip(&counts) {
        *o = usize::try_from(*c).unwrap_or(usize::MAX);
    }
    Ok(out)
}

/// WebCola's `start()` schedule (the core's defaults) with what the call gives.
pub fn schedule(
    iterations: Option<[usize; 4]>,
    keep_running: Option<bool>,
    center_graph: Option<bool>,
) -> Schedule {
    let mut s = Schedule::default();
    if let Some([a, b, c, d]) = iterations {
        s.unconstrained = a;
        s.user_constraints = b;
        s.all_constraints = c;
        s.grid_snap = d;
    }
    s.keep_running = keep_running.unwrap_or(s.keep_running);
    s.center_graph = center_graph.unwrap_or(s.center_graph);
    s
}
