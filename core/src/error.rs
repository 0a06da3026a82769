//! The one error type of the core. Every frontend maps its variants one to one.

use core::fmt;

/// Why an input was refused. One variant per kind of bad input.
///
/// Each message says what is wrong and how to fix it. Node and link numbers are
/// 0-based indices into the caller's arrays.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// A link names a node index that does not exist.
    LinkOutOfRange {
        /// Index of the link.
        link: usize,
        /// The node index it names.
        node: usize,
        /// Number of nodes in the graph.
        node_count: usize,
    },
    /// A node coordinate (`x`, `y` or `z`) is NaN or infinite.
    NonFiniteCoordinate {
        /// Index of the node.
        node: usize,
    },
    /// A node `width` or `height` is NaN or infinite.
    NonFiniteSize {
        /// Index of the node.
        node: usize,
    },
    /// A node `width` or `height` is negative.
    NegativeSize {
        /// Index of the node.
        node: usize,
        /// The size given.
        value: f64,
    },
    /// A link length is zero, negative, NaN or infinite.
    InvalidLinkLength {
        /// Index of the link.
        link: usize,
        /// The length given.
        value: f64,
    },
    /// A link weight is negative, NaN or infinite.
    InvalidLinkWeight {
        /// Index of the link.
        link: usize,
        /// The weight given.
        value: f64,
    },
    /// A layout option is outside its domain (for example a link distance of 0).
    InvalidOption {
        /// The option's name, as in [`crate::LayoutOptions`].
        name: &'static str,
        /// The value given.
        value: f64,
    },
    /// A buffer has the wrong length for the graph and dimension.
    DimensionMismatch {
        /// The length required.
        expected: usize,
        /// The length given.
        found: usize,
    },
    /// A node index passed to a query does not exist.
    NodeOutOfRange {
        /// The index given.
        node: usize,
        /// Number of nodes in the graph.
        node_count: usize,
    },
    /// The dense pair tables for this many nodes do not fit in memory.
    TooManyNodes {
        /// Number of nodes.
        node_count: usize,
        /// Bytes the dense tables would need.
        bytes: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::LinkOutOfRange {
                link,
                node,
                node_count,
            } => write!(
                f,
                "link {link} names node {node}, but the graph has {node_count} nodes \
                 (indices are 0-based: use 0..{node_count})"
            ),
            Error::NonFiniteCoordinate { node } => write!(
                f,
                "node {node} has a NaN or infinite coordinate (give a finite x/y, or leave it out)"
            ),
            Error::NonFiniteSize { node } => write!(
                f,
                "node {node} has a NaN or infinite width or height (give a finite size, or leave it out)"
            ),
            Error::NegativeSize { node, value } => write!(
                f,
                "node {node} has a negative width or height ({value}); sizes must be >= 0"
            ),
            Error::InvalidLinkLength { link, value } => write!(
                f,
                "link {link} has length {value}; link lengths must be finite and > 0"
            ),
            Error::InvalidLinkWeight { link, value } => write!(
                f,
                "link {link} has weight {value}; link weights must be finite and >= 0"
            ),
            Error::InvalidOption { name, value } => {
                write!(f, "option `{name}` = {value} is out of range (see its documentation)")
            }
            Error::DimensionMismatch { expected, found } => write!(
                f,
                "buffer has length {found}, expected {expected} (nodes x dimensions)"
            ),
            Error::NodeOutOfRange { node, node_count } => write!(
                f,
                "node {node} does not exist; the graph has {node_count} nodes"
            ),
            Error::TooManyNodes { node_count, bytes } => write!(
                f,
                "{node_count} nodes need {bytes} bytes of pair tables, which could not be allocated"
            ),
        }
    }
}

impl core::error::Error for Error {}

/// Shorthand for results in this crate.
pub type Result<T> = core::result::Result<T, Error>;
