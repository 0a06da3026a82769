//! # colayout
//!
//! Constraint-based graph layout in the WebCola / libcola family: stress minimisation
//! by WebCola's Hessian-scaled, RK4-averaged gradient descent, with P-stress,
//! deterministic displacement of coincident nodes, packing of disconnected
//! components, and WebCola's constraints (non-overlap, groups, alignment, separation,
//! flow) projected by VPSC. `no_std` + `alloc`.
//!
//! ```
//! use colayout::{layout, Graph, LayoutOptions};
//!
//! // A 6-cycle with a chord, as (source, target) pairs of 0-based node indices.
//! let graph = Graph::from_edges(6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (0, 3)])?;
//! let options = LayoutOptions { link_distance: 30.0, ..LayoutOptions::default() };
//! let positions = layout(&graph, &options)?;
//! assert_eq!(positions.len(), 6);
//!
//! // Same input and seed, same bits.
//! assert_eq!(positions, layout(&graph, &options)?);
//! # Ok::<(), colayout::Error>(())
//! ```
//!
//! The rooms, in dependency order: [`geom`] (axes, rectangles), [`graph`] (validated
//! input), [`linklengths`] and [`paths`] (ideal distances), [`constraints`] (VPSC,
//! non-overlap, groups, user constraints, the projection), [`stress`] (the pair table,
//! WebCola's descent and its kernels), [`packing`], [`layout`](mod@layout) (the driver and its
//! options), [`io`] (readers), and [`metrics`].
#![no_std]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod constraints;
pub mod error;
pub mod geom;
pub mod graph;
pub mod io;
pub mod layout;
pub mod linklengths;
pub mod math;
pub mod metrics;
pub mod packing;
pub mod paths;
pub mod powergraph;
pub mod rng;
pub mod routing;
pub mod stress;

pub use constraints::{Group, UserConstraint};
pub use error::{Error, ErrorKind, Result};
pub use geom::{Axis, Rectangle};
pub use graph::{Graph, GraphArrays, Link, Node};
pub use layout::{
    layout, layout_edges, layout_into, DragTarget, DynLayout, Flow, Layout, LayoutOptions,
    LayoutStats, Schedule, StressMode, Tick, Violation,
};
pub use linklengths::LinkLengths;
pub use routing::{EdgeRouter, EdgeRouting, RouteOptions};
pub use stress::{Descent, PairTable, Pivots, SgdSchedule, Solver, Weighting};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
