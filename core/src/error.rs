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
        /// The node index it names, as given (negative from frontends with signed
        /// indices, such as Python's).
        node: i64,
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
    /// A node is a leaf of two groups of which neither contains the other, and
    /// `LayoutOptions::overlapping_groups` is off (or, in DOT, two such clusters).
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
    /// Input text (JSON or DOT) is malformed, or a value in it has the wrong type.
    Parse {
        /// The format: `"JSON"`, `"DOT"` or `"text"` (an encoding problem).
        format: &'static str,
        /// What is wrong and where, in one line.
        message: alloc::string::String,
    },
    /// The input has more nodes or links than a reader accepts (see
    /// [`crate::io::Limits`]).
    InputTooLarge {
        /// What there is too much of: `"nodes"` or `"links"`.
        what: &'static str,
        /// How many the input has (at least).
        count: u64,
        /// The limit.
        limit: u64,
    },
    /// The stress model for this many nodes needs more memory than
    /// [`crate::LayoutOptions::memory_limit`] allows, or than can be allocated (then
    /// `limit` is `u64::MAX`).
    TooManyNodes {
        /// Number of nodes, with two per group.
        node_count: usize,
        /// Bytes the model needs (saturated at `u64::MAX`).
        bytes: u64,
        /// The memory limit, in bytes.
        limit: u64,
    },
    /// A finite value is too large or too small for the layout's `f32` kernels (see
    /// [`crate::layout::ranges`]), so the layout would overflow.
    OutOfRange {
        /// What holds it: `"node"`, `"link"`, `"group"`, `"constraint"`, `"option"` or
        /// `"graph"` (its longest shortest path).
        item: &'static str,
        /// Index of the node, link, group or constraint (0 otherwise).
        index: usize,
        /// The field: `"x"`, `"width"`, `"length"`, `"padding"`, `"gap"`, ...
        field: &'static str,
        /// The value given.
        value: f64,
        /// The smallest value accepted.
        min: f64,
        /// The largest value accepted.
        max: f64,
    },
    /// The layout became non-finite (a value overflowed the kernels); the positions are
    /// those of the last finite iteration.
    Diverged {
        /// The iteration (counted from the start of the run) that went non-finite.
        iteration: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::LinkOutOfRange {
                link,
                node,
                node_count,
            } => match node_count.checked_sub(1) {
                Some(last) => write!(
                    f,
                    "link {link} names node {node}, but the graph has {node_count} nodes \
                     (indices are 0-based: 0 to {last})"
                ),
                None => write!(f, "link {link} names node {node}, but the graph has no nodes"),
            },
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
                "node {node} is a leaf of groups {} and {}, which do not nest; list it in the innermost group \
                 only (set overlapping_groups / overlappingGroups to allow overlapping groups)",
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
            Error::Parse { ref message, .. } => f.write_str(message),
            Error::InputTooLarge { what, count, limit } => write!(
                f,
                "the input has {count} {what}, more than the {limit} a reader accepts \
                 (raise the limit, for example the CLI's --max-{what})"
            ),
            Error::TooManyNodes {
                node_count,
                bytes,
                limit,
            } if bytes > limit => write!(
                f,
                "{node_count} nodes need {} for the stress model, more than the memory limit \
                 of {}; use the sparse model (`pivots`: \"auto\", or fewer pivots such as 50; \
                 the CLI's --pivots), or raise `memory_limit` if the machine has the memory",
                Bytes(bytes),
                Bytes(limit)
            ),
            Error::TooManyNodes {
                node_count, bytes, ..
            } => write!(
                f,
                "{node_count} nodes need {} for the stress model, which could not be \
                 allocated; use the sparse model with fewer pivots (`pivots`, the CLI's \
                 --pivots)",
                Bytes(bytes)
            ),
            Error::OutOfRange {
                item,
                index,
                field,
                value,
                min,
                max,
            } => {
                match item {
                    "option" => write!(f, "option `{field}`")?,
                    "graph" => write!(f, "the graph's {field}")?,
                    _ => write!(f, "{item} {index}: {field}")?,
                }
                write!(
                    f,
                    " = {value:e} is out of range: the layout's f32 kernels need it within \
                     [{min:e}, {max:e}] (change the input's units: the layout scales with them)"
                )
            }
            Error::Diverged { iteration } => write!(
                f,
                "the layout became non-finite at iteration {iteration} (a value overflowed its \
                 f32 kernels); the positions are those of the last finite iteration"
            ),
        }
    }
}

/// Bytes, printed with a decimal unit (and the exact count below a kilobyte).
struct Bytes(u64);

impl fmt::Display for Bytes {
    /// Tenths of a unit in integer arithmetic (no float formatting code in small builds).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [&str; 6] = ["kB", "MB", "GB", "TB", "PB", "EB"];
        if self.0 == u64::MAX {
            return f.write_str("more than 18.4 EB");
        }
        if self.0 < 1000 {
            return write!(f, "{} bytes", self.0);
        }
        let (mut scale, mut unit) = (1000u64, 0);
        while self.0 / scale >= 1000 && unit + 1 < UNITS.len() {
            scale *= 1000;
            unit += 1;
        }
        let tenths = (u128::from(self.0) * 10 + u128::from(scale) / 2) / u128::from(scale);
        write!(f, "{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
    }
}

/// The kind of an [`Error`], without its details: one value per variant, numbered from
/// 1 so that a C status can use 0 for success. The numbers are stable.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// [`Error::LinkOutOfRange`].
    LinkOutOfRange = 1,
    /// [`Error::NonFiniteCoordinate`].
    NonFiniteCoordinate = 2,
    /// [`Error::NonFiniteSize`].
    NonFiniteSize = 3,
    /// [`Error::NegativeSize`].
    NegativeSize = 4,
    /// [`Error::InvalidLinkLength`].
    InvalidLinkLength = 5,
    /// [`Error::InvalidLinkWeight`].
    InvalidLinkWeight = 6,
    /// [`Error::InvalidOption`].
    InvalidOption = 7,
    /// [`Error::DimensionMismatch`].
    DimensionMismatch = 8,
    /// [`Error::NodeOutOfRange`].
    NodeOutOfRange = 9,
    /// [`Error::UnknownNode`].
    UnknownNode = 10,
    /// [`Error::UnknownGroup`].
    UnknownGroup = 11,
    /// [`Error::GroupCycle`].
    GroupCycle = 12,
    /// [`Error::GroupInTwoGroups`].
    GroupInTwoGroups = 13,
    /// [`Error::NodeInTwoGroups`].
    NodeInTwoGroups = 14,
    /// [`Error::EmptyGroup`].
    EmptyGroup = 15,
    /// [`Error::InvalidGroupValue`].
    InvalidGroupValue = 16,
    /// [`Error::EmptyConstraint`].
    EmptyConstraint = 17,
    /// [`Error::NonFiniteConstraint`].
    NonFiniteConstraint = 18,
    /// [`Error::InvalidDistribution`].
    InvalidDistribution = 19,
    /// [`Error::Parse`].
    Parse = 20,
    /// [`Error::InputTooLarge`].
    InputTooLarge = 21,
    /// [`Error::TooManyNodes`].
    TooManyNodes = 22,
    /// [`Error::OutOfRange`].
    OutOfRange = 23,
    /// [`Error::Diverged`].
    Diverged = 24,
}

impl ErrorKind {
    /// Every kind, in declaration (and number) order.
    pub const ALL: [ErrorKind; 24] = [
        ErrorKind::LinkOutOfRange,
        ErrorKind::NonFiniteCoordinate,
        ErrorKind::NonFiniteSize,
        ErrorKind::NegativeSize,
        ErrorKind::InvalidLinkLength,
        ErrorKind::InvalidLinkWeight,
        ErrorKind::InvalidOption,
        ErrorKind::DimensionMismatch,
        ErrorKind::NodeOutOfRange,
        ErrorKind::UnknownNode,
        ErrorKind::UnknownGroup,
        ErrorKind::GroupCycle,
        ErrorKind::GroupInTwoGroups,
        ErrorKind::NodeInTwoGroups,
        ErrorKind::EmptyGroup,
        ErrorKind::InvalidGroupValue,
        ErrorKind::EmptyConstraint,
        ErrorKind::NonFiniteConstraint,
        ErrorKind::InvalidDistribution,
        ErrorKind::Parse,
        ErrorKind::InputTooLarge,
        ErrorKind::TooManyNodes,
        ErrorKind::OutOfRange,
        ErrorKind::Diverged,
    ];

    /// The kind's name, equal to its variant's: the JS `LayoutError.code`, the Python
    /// exception class, the C status without its `COLAYOUT_` prefix (in snake case).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::LinkOutOfRange => "LinkOutOfRange",
            ErrorKind::NonFiniteCoordinate => "NonFiniteCoordinate",
            ErrorKind::NonFiniteSize => "NonFiniteSize",
            ErrorKind::NegativeSize => "NegativeSize",
            ErrorKind::InvalidLinkLength => "InvalidLinkLength",
            ErrorKind::InvalidLinkWeight => "InvalidLinkWeight",
            ErrorKind::InvalidOption => "InvalidOption",
            ErrorKind::DimensionMismatch => "DimensionMismatch",
            ErrorKind::NodeOutOfRange => "NodeOutOfRange",
            ErrorKind::UnknownNode => "UnknownNode",
            ErrorKind::UnknownGroup => "UnknownGroup",
            ErrorKind::GroupCycle => "GroupCycle",
            ErrorKind::GroupInTwoGroups => "GroupInTwoGroups",
            ErrorKind::NodeInTwoGroups => "NodeInTwoGroups",
            ErrorKind::EmptyGroup => "EmptyGroup",
            ErrorKind::InvalidGroupValue => "InvalidGroupValue",
            ErrorKind::EmptyConstraint => "EmptyConstraint",
            ErrorKind::NonFiniteConstraint => "NonFiniteConstraint",
            ErrorKind::InvalidDistribution => "InvalidDistribution",
            ErrorKind::Parse => "Parse",
            ErrorKind::InputTooLarge => "InputTooLarge",
            ErrorKind::TooManyNodes => "TooManyNodes",
            ErrorKind::OutOfRange => "OutOfRange",
            ErrorKind::Diverged => "Diverged",
        }
    }

    /// The kind numbered `code` (see the type's documentation).
    #[must_use]
    pub fn from_code(code: u32) -> Option<ErrorKind> {
        ErrorKind::ALL.iter().copied().find(|k| *k as u32 == code)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Error {
    /// The error's kind.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::LinkOutOfRange { .. } => ErrorKind::LinkOutOfRange,
            Error::NonFiniteCoordinate { .. } => ErrorKind::NonFiniteCoordinate,
            Error::NonFiniteSize { .. } => ErrorKind::NonFiniteSize,
            Error::NegativeSize { .. } => ErrorKind::NegativeSize,
            Error::InvalidLinkLength { .. } => ErrorKind::InvalidLinkLength,
            Error::InvalidLinkWeight { .. } => ErrorKind::InvalidLinkWeight,
            Error::InvalidOption { .. } => ErrorKind::InvalidOption,
            Error::DimensionMismatch { .. } => ErrorKind::DimensionMismatch,
            Error::NodeOutOfRange { .. } => ErrorKind::NodeOutOfRange,
            Error::UnknownNode { .. } => ErrorKind::UnknownNode,
            Error::UnknownGroup { .. } => ErrorKind::UnknownGroup,
            Error::GroupCycle { .. } => ErrorKind::GroupCycle,
            Error::GroupInTwoGroups { .. } => ErrorKind::GroupInTwoGroups,
            Error::NodeInTwoGroups { .. } => ErrorKind::NodeInTwoGroups,
            Error::EmptyGroup { .. } => ErrorKind::EmptyGroup,
            Error::InvalidGroupValue { .. } => ErrorKind::InvalidGroupValue,
            Error::EmptyConstraint { .. } => ErrorKind::EmptyConstraint,
            Error::NonFiniteConstraint { .. } => ErrorKind::NonFiniteConstraint,
            Error::InvalidDistribution { .. } => ErrorKind::InvalidDistribution,
            Error::Parse { .. } => ErrorKind::Parse,
            Error::InputTooLarge { .. } => ErrorKind::InputTooLarge,
            Error::TooManyNodes { .. } => ErrorKind::TooManyNodes,
            Error::OutOfRange { .. } => ErrorKind::OutOfRange,
            Error::Diverged { .. } => ErrorKind::Diverged,
        }
    }

    /// The kind's name ([`ErrorKind::name`]), a stable code that every frontend maps one
    /// to one: the JS `LayoutError.code`, the C status, the Python exception class.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.kind().name()
    }

    /// Every code [`Error::code`] can return, in [`ErrorKind::ALL`] order.
    pub const CODES: [&'static str; ErrorKind::ALL.len()] = {
        let mut out = [""; ErrorKind::ALL.len()];
        let mut i = 0;
        while i < out.len() {
            out[i] = ErrorKind::ALL[i].name();
            i += 1;
        }
        out
    };

    /// A parse error in `format` with `message`.
    pub(crate) fn parse(format: &'static str, message: impl Into<alloc::string::String>) -> Self {
        Error::Parse {
            format,
            message: message.into(),
        }
    }
}

impl core::error::Error for Error {}

/// Shorthand for results in this crate.
pub type Result<T> = core::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_numbered_in_order_and_named_once() {
        for (i, k) in ErrorKind::ALL.iter().enumerate() {
            assert_eq!(*k as u32, i as u32 + 1);
            assert_eq!(ErrorKind::from_code(*k as u32), Some(*k));
            assert_eq!(Error::CODES[i], k.name());
        }
        assert_eq!(ErrorKind::from_code(0), None);
        let mut names = Error::CODES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorKind::ALL.len());
    }

    #[test]
    fn byte_counts_read_as_decimal_units() {
        assert_eq!(alloc::format!("{}", Bytes(512)), "512 bytes");
        assert_eq!(alloc::format!("{}", Bytes(19_600_000_000)), "19.6 GB");
        assert_eq!(alloc::format!("{}", Bytes(u64::MAX)), "more than 18.4 EB");
    }
}
