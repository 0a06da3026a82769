//! `colayout._colayout`, the extension module under the `colayout` Python package:
//! thin bindings of the core. The rooms mirror the core's: [`graph`] (graphs from
//! array-likes), [`layout`] (the engine and the one-shot call), [`io`] (readers), [`metrics`] (layout quality),
//! [`options`] (keyword options by the core's names), [`routing`] (edge routes and
//! geometry), [`powergraph`], [`error`] (one exception per
//! error kind), and [`convert`] (Python values into Rust ones).

mod convert;
mod error;
mod graph;
mod io;
mod layout;
mod metrics;
mod options;
mod powergraph;
mod routing;

use pyo3::prelude::*;

/// The package version (the workspace's).
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every error code, in the core's order (the names of the `LayoutError` subclasses).
#[pyfunction]
fn error_codes() -> Vec<&'static str> {
    colayout::Error::CODES.to_vec()
}

#[pymodule]
fn _colayout(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", VERSION)?;
    m.add_class::<graph::PyGraph>()?;
    m.add_class::<layout::PyLayout>()?;
    m.add_function(wrap_pyfunction!(layout::layout, m)?)?;
    m.add_function(wrap_pyfunction!(layout::default_options, m)?)?;
    m.add_function(wrap_pyfunction!(metrics::scale_normalised_stress, m)?)?;
    m.add_function(wrap_pyfunction!(io::read_json, m)?)?;
    m.add_function(wrap_pyfunction!(io::read_dot, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(routing::convex_hull, m)?)?;
    m.add_function(wrap_pyfunction!(powergraph::power_graph, m)?)?;
    m.add_function(wrap_pyfunction!(routing::make_edge_between, m)?)?;
    error::register(m)
}
