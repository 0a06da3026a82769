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
    /// A constraint or group names a node that does not exist.
    UnknownNode {
        /// What names it: `"constraint"` or `"group"`.
        item: &'static str,
        /// Index of the constraint or group.
        index: usize,
        /// The node index it names.
        node: usize,
    },
    /// A group names a child group that does not exist.
    UnknownGroup {
        /// Index of the group.
        group: usize,
        /// The child index it names.
        child: usize,
    },
    /// A group contains itself, directly or through its children.
    GroupCycle {
        /// A group on the cycle.
        group: usize,
    },
    /// A group is listed as a child of two groups.
    GroupInTwoGroups {
        /// The child group.
        group: usize,
        /// Its two parents.
        parents: (usize, usize),
    },
    /// A node is a leaf of two groups of which neither contains the other.
    NodeInTwoGroups {
        /// The node.
        node: usize,
        /// The two groups.
        groups: (usize, usize),
    },
    /// A group has no leaves and no child groups, so it has no extent.
    EmptyGroup {
        /// Index of the group.
        group: usize,
    },
    /// A group's padding or stiffness is negative or not finite (stiffness must be > 0).
    InvalidGroupValue {
        /// Index of the group.
        group: usize,
        /// The value given.
        value: f64,
    },
    /// An alignment or other constraint lists no nodes.
    EmptyConstraint {
        /// Index of the constraint.
        constraint: usize,
    },
    /// A constraint has a gap, offset, separation, bound or weight that is not finite
    /// (or a weight that is not > 0).
    NonFiniteConstraint {
        /// Index of the constraint.
        constraint: usize,
    },
    /// A distribution constraint names something that is not an alignment on its axis.
    InvalidDistribution {
        /// Index of the distribution constraint.
        constraint: usize,
        /// The index it names.
        alignment: usize,
    },
    /// JSON input (feature `json`) is malformed, or a value has the wrong type.
    Json {
        /// What is wrong, in one line.
        message: alloc::string::String,
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
            Error::UnknownNode { item, index, node } => write!(
                f,
                "{item} {index} names node {node}, which does not exist (node indices are 0-based)"
            ),
            Error::UnknownGroup { group, child } => write!(
                f,
                "group {group} names child group {child}, which does not exist (group indices are 0-based)"
            ),
            Error::GroupCycle { group } => write!(
                f,
                "group {group} contains itself through its child groups; groups must nest as a tree"
            ),
            Error::GroupInTwoGroups { group, parents } => write!(
                f,
                "group {group} is a child of both group {} and group {}; give each group one parent",
                parents.0, parents.1
            ),
            Error::NodeInTwoGroups { node, groups } => write!(
                f,
                "node {node} is a leaf of groups {} and {}, which do not nest; a node belongs to one group \
                 (list it in the innermost group only)",
                groups.0, groups.1
            ),
            Error::EmptyGroup { group } => {
                write!(f, "group {group} has no leaves and no child groups; remove it or give it members")
            }
            Error::InvalidGroupValue { group, value } => write!(
                f,
                "group {group} has padding or stiffness {value}; padding must be finite and >= 0, stiffness > 0"
            ),
            Error::EmptyConstraint { constraint } => {
                write!(f, "constraint {constraint} lists no nodes; give it at least one")
            }
            Error::NonFiniteConstraint { constraint } => write!(
                f,
                "constraint {constraint} has a NaN or infinite gap, offset, separation, bound or weight"
            ),
            Error::InvalidDistribution {
                constraint,
                alignment,
            } => write!(
                f,
                "distribution constraint {constraint} names constraint {alignment}, which is not an \
                 alignment on the same axis"
            ),
            Error::Json { ref message } => f.write_str(message),
            Error::TooManyNodes { node_count, bytes } => write!(
                f,
                "{node_count} nodes need {bytes} bytes of pair tables, which could not be allocated"
            ),
        }
    }
}

impl Error {
    /// The variant's name, a stable code that every frontend maps one to one: the JS
    /// `LayoutError.code`, the C status, the Python exception class.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::LinkOutOfRange { .. } => "LinkOutOfRange",
            Error::NonFiniteCoordinate { .. } => "NonFiniteCoordinate",
            Error::NonFiniteSize { .. } => "NonFiniteSize",
            Error::NegativeSize { .. } => "NegativeSize",
            Error::InvalidLinkLength { .. } => "InvalidLinkLength",
            Error::InvalidLinkWeight { .. } => "InvalidLinkWeight",
            Error::InvalidOption { .. } => "InvalidOption",
            Error::DimensionMismatch { .. } => "DimensionMismatch",
            Error::NodeOutOfRange { .. } => "NodeOutOfRange",
            Error::UnknownNode { .. } => "UnknownNode",
            Error::UnknownGroup { .. } => "UnknownGroup",
            Error::GroupCycle { .. } => "GroupCycle",
            Error::GroupInTwoGroups { .. } => "GroupInTwoGroups",
            Error::NodeInTwoGroups { .. } => "NodeInTwoGroups",
            Error::EmptyGroup { .. } => "EmptyGroup",
            Error::InvalidGroupValue { .. } => "InvalidGroupValue",
            Error::EmptyConstraint { .. } => "EmptyConstraint",
            Error::NonFiniteConstraint { .. } => "NonFiniteConstraint",
            Error::InvalidDistribution { .. } => "InvalidDistribution",
            Error::Json { .. } => "Json",
            Error::TooManyNodes { .. } => "TooManyNodes",
        }
    }

    /// Every code [`Error::code`] can return, in declaration order.
    pub const CODES: &'static [&'static str] = &[
        "LinkOutOfRange",
        "NonFiniteCoordinate",
        "NonFiniteSize",
        "NegativeSize",
        "InvalidLinkLength",
        "InvalidLinkWeight",
        "InvalidOption",
        "DimensionMismatch",
        "NodeOutOfRange",
        "UnknownNode",
        "UnknownGroup",
        "GroupCycle",
        "GroupInTwoGroups",
        "NodeInTwoGroups",
        "EmptyGroup",
        "InvalidGroupValue",
        "EmptyConstraint",
        "NonFiniteConstraint",
        "InvalidDistribution",
        "Json",
        "TooManyNodes",
    ];
}

impl core::error::Error for Error {}

/// Shorthand for results in this crate.
pub type Result<T> = core::result::Result<T, Error>;
