//! # colayout
//!
//! Constraint-based graph layout in the WebCola / libcola family: stress minimisation
//! by WebCola's Hessian-scaled, RK4-averaged gradient descent, with P-stress,
//! deterministic displacement of coincident nodes, and packing of disconnected
//! components. `no_std` + `alloc`.
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
//! The [`Layout`] driver exposes WebCola's phased `start`, `tick`, `stop` and `resume`;
//! [`paths`], [`linklengths`], [`packing`] and [`descent`] are usable on their own.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod constraints;
pub mod descent;
pub mod error;
pub mod graph;
pub mod groups;
#[cfg(feature = "json")]
pub mod json;
pub mod kernels;
pub mod layout;
pub mod linklengths;
pub mod math;
pub mod metrics;
pub mod overlap;
pub mod packing;
pub mod paths;
pub mod rect;
pub mod rng;
pub mod vpsc;

pub use constraints::UserConstraint;
pub use descent::{Descent, PairTable, Weighting};
pub use error::{Error, Result};
pub use graph::{Graph, Link, Node};
pub use groups::Group;
pub use layout::{
    layout, layout_into, DragTarget, Flow, Layout, LayoutOptions, LayoutStats, Schedule,
    StressMode, Tick, Violation,
};
pub use linklengths::LinkLengths;
pub use overlap::Axis;
pub use rect::Rectangle;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
