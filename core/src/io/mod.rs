//! Readers shared by every frontend: WebCola's JSON (feature `json`) and Graphviz DOT
//! (feature `dot`), both into one [`Input`].

use alloc::string::String;
use alloc::vec::Vec;

use crate::graph::Graph;

#[cfg(feature = "dot")]
pub mod dot;
#[cfg(feature = "json")]
pub mod json;

/// A graph read from a file, with the labels to draw.
#[derive(Clone, Debug)]
pub struct Input {
    /// The validated graph, with its groups and constraints.
    pub graph: Graph,
    /// Each node's label, if any: JSON's `label`, `name` or `id` (or the corpus'
    /// `labels`), DOT's `label` or node ID.
    pub labels: Vec<Option<String>>,
}
