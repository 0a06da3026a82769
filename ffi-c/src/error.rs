//! Status codes, the thread-local last error message, and the panic boundary every
//! export goes through.

use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use colayout::{Error, ErrorKind};

/// What a call returns. `COLAYOUT_OK` is 0; each core error kind has the core's number
/// (`colayout::ErrorKind`, 1 to 24); the last three are the C layer's own. After any
/// status but `COLAYOUT_OK`, `colayout_last_error_message()` says what went wrong.
#[repr(C)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum colayout_status {
    /// Success.
    COLAYOUT_OK = 0,
    /// A link names a node that does not exist.
    COLAYOUT_LINK_OUT_OF_RANGE = 1,
    /// A node coordinate is NaN or infinite.
    COLAYOUT_NON_FINITE_COORDINATE = 2,
    /// A node size is NaN or infinite.
    COLAYOUT_NON_FINITE_SIZE = 3,
    /// A node size is negative.
    COLAYOUT_NEGATIVE_SIZE = 4,
    /// A link length is not positive and finite.
    COLAYOUT_INVALID_LINK_LENGTH = 5,
    /// A link weight is negative or not finite.
    COLAYOUT_INVALID_LINK_WEIGHT = 6,
    /// An option is outside its domain (NaN, negative, zero where it must be positive).
    COLAYOUT_INVALID_OPTION = 7,
    /// An array has the wrong length, or a dimension is not 2 or 3.
    COLAYOUT_DIMENSION_MISMATCH = 8,
    /// A node or group index is out of range (drag, update).
    COLAYOUT_NODE_OUT_OF_RANGE = 9,
    /// A constraint or group names a node that does not exist.
    COLAYOUT_UNKNOWN_NODE = 10,
    /// A group names a child group that does not exist.
    COLAYOUT_UNKNOWN_GROUP = 11,
    /// Groups contain each other in a cycle.
    COLAYOUT_GROUP_CYCLE = 12,
    /// A group is the child of two groups.
    COLAYOUT_GROUP_IN_TWO_GROUPS = 13,
    /// A node is in two groups that do not nest (allowed with `overlapping_groups`).
    COLAYOUT_NODE_IN_TWO_GROUPS = 14,
    /// A group has no nodes and no child groups.
    COLAYOUT_EMPTY_GROUP = 15,
    /// A group's padding or stiffness is out of its domain.
    COLAYOUT_INVALID_GROUP_VALUE = 16,
    /// An alignment, distribution or fixed-relative constraint lists nothing.
    COLAYOUT_EMPTY_CONSTRAINT = 17,
    /// A constraint has a NaN or infinite number, or a weight that is not positive.
    COLAYOUT_NON_FINITE_CONSTRAINT = 18,
    /// A distribution names something that is not an alignment on its axis.
    COLAYOUT_INVALID_DISTRIBUTION = 19,
    /// Input text could not be read (not produced by the C API's array calls).
    COLAYOUT_PARSE = 20,
    /// A count does not fit the core's limits.
    COLAYOUT_INPUT_TOO_LARGE = 21,
    /// The dense model would need more than `memory_limit` bytes.
    COLAYOUT_TOO_MANY_NODES = 22,
    /// A value is outside the range the layout can compute in.
    COLAYOUT_OUT_OF_RANGE = 23,
    /// The layout went non-finite; it keeps the positions of its last finite iteration.
    COLAYOUT_DIVERGED = 24,
    /// A required pointer argument was NULL.
    COLAYOUT_NULL_POINTER = 100,
    /// An output buffer is shorter than the result; the required count is reported
    /// where the call has a count out-pointer.
    COLAYOUT_BUFFER_TOO_SMALL = 101,
    /// colayout panicked (a bug): the call had no effect that can be relied on.
    COLAYOUT_PANIC = 102,
}

use colayout_status as S;

/// The status of each core error kind, in `ErrorKind::ALL` order (a new kind in the core
/// fails to compile here until it gets its status).
const KIND_STATUS: [colayout_status; ErrorKind::ALL.len()] = [
    S::COLAYOUT_LINK_OUT_OF_RANGE,
    S::COLAYOUT_NON_FINITE_COORDINATE,
    S::COLAYOUT_NON_FINITE_SIZE,
    S::COLAYOUT_NEGATIVE_SIZE,
    S::COLAYOUT_INVALID_LINK_LENGTH,
    S::COLAYOUT_INVALID_LINK_WEIGHT,
    S::COLAYOUT_INVALID_OPTION,
    S::COLAYOUT_DIMENSION_MISMATCH,
    S::COLAYOUT_NODE_OUT_OF_RANGE,
    S::COLAYOUT_UNKNOWN_NODE,
    S::COLAYOUT_UNKNOWN_GROUP,
    S::COLAYOUT_GROUP_CYCLE,
    S::COLAYOUT_GROUP_IN_TWO_GROUPS,
    S::COLAYOUT_NODE_IN_TWO_GROUPS,
    S::COLAYOUT_EMPTY_GROUP,
    S::COLAYOUT_INVALID_GROUP_VALUE,
    S::COLAYOUT_EMPTY_CONSTRAINT,
    S::COLAYOUT_NON_FINITE_CONSTRAINT,
    S::COLAYOUT_INVALID_DISTRIBUTION,
    S::COLAYOUT_PARSE,
    S::COLAYOUT_INPUT_TOO_LARGE,
    S::COLAYOUT_TOO_MANY_NODES,
    S::COLAYOUT_OUT_OF_RANGE,
    S::COLAYOUT_DIVERGED,
];

/// Every status, in number order.
pub(crate) const ALL_STATUSES: [colayout_status; ErrorKind::ALL.len() + 4] = {
    let mut out = [S::COLAYOUT_OK; ErrorKind::ALL.len() + 4];
    let mut i = 0;
    while i < KIND_STATUS.len() {
        out[i + 1] = KIND_STATUS[i];
        i += 1;
    }
    out[i + 1] = S::COLAYOUT_NULL_POINTER;
    out[i + 2] = S::COLAYOUT_BUFFER_TOO_SMALL;
    out[i + 3] = S::COLAYOUT_PANIC;
    out
};

impl colayout_status {
    /// The status of a core error kind.
    #[must_use]
    pub fn of_kind(kind: ErrorKind) -> Self {
        KIND_STATUS
            .get((kind as usize).wrapping_sub(1))
            .copied()
            .unwrap_or(S::COLAYOUT_PANIC)
    }

    /// The status's name without `COLAYOUT_`, as a NUL-terminated string: the core
    /// kind's name (`"LinkOutOfRange"`), or `"Ok"`, `"NullPointer"`, `"BufferTooSmall"`,
    /// `"Panic"`.
    #[must_use]
    pub fn name(self) -> &'static core::ffi::CStr {
        match self {
            S::COLAYOUT_OK => c"Ok",
            S::COLAYOUT_NULL_POINTER => c"NullPointer",
            S::COLAYOUT_BUFFER_TOO_SMALL => c"BufferTooSmall",
            S::COLAYOUT_PANIC => c"Panic",
            kind => KIND_NAMES[kind as usize - 1],
        }
    }
}

/// The core kinds' names, NUL-terminated, in `ErrorKind::ALL` order.
const KIND_NAMES: [&core::ffi::CStr; ErrorKind::ALL.len()] = [
    c"LinkOutOfRange",
    c"NonFiniteCoordinate",
    c"NonFiniteSize",
    c"NegativeSize",
    c"InvalidLinkLength",
    c"InvalidLinkWeight",
    c"InvalidOption",
    c"DimensionMismatch",
    c"NodeOutOfRange",
    c"UnknownNode",
    c"UnknownGroup",
    c"GroupCycle",
    c"GroupInTwoGroups",
    c"NodeInTwoGroups",
    c"EmptyGroup",
    c"InvalidGroupValue",
    c"EmptyConstraint",
    c"NonFiniteConstraint",
    c"InvalidDistribution",
    c"Parse",
    c"InputTooLarge",
    c"TooManyNodes",
    c"OutOfRange",
    c"Diverged",
];

/// A failed call: its status and message.
#[derive(Debug)]
pub struct Failure {
    pub status: colayout_status,
    pub message: String,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure {
            status: colayout_status::of_kind(e.kind()),
            message: e.to_string(),
        }
    }
}

impl Failure {
    /// `argument` was NULL.
    pub fn null(argument: &str) -> Self {
        Failure {
            status: S::COLAYOUT_NULL_POINTER,
            message: format!("{argument} is NULL"),
        }
    }

    /// `buffer` holds `given` entries and the result needs `needed`.
    pub fn too_small(buffer: &str, needed: usize, given: usize) -> Self {
        Failure {
            status: S::COLAYOUT_BUFFER_TOO_SMALL,
            message: format!("{buffer} holds {given} entries, {needed} are needed"),
        }
    }
}

/// The result of a call's body.
pub type Outcome = Result<(), Failure>;

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_last_error(message: &str) {
    let text = CString::new(message.replace('\0', " ")).unwrap_or_default();
    LAST_ERROR.with(|m| *m.borrow_mut() = text);
}

/// Runs `body` behind the panic boundary: its failure, or a panic, becomes the status
/// and the thread's last error message; success clears the message.
pub fn boundary(body: impl FnOnce() -> Outcome) -> colayout_status {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => {
            set_last_error("");
            S::COLAYOUT_OK
        }
        Ok(Err(f)) => {
            set_last_error(&f.message);
            f.status
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            set_last_error(&format!(
                "colayout panicked (a bug, please report it): {what}"
            ));
            S::COLAYOUT_PANIC
        }
    }
}

/// The message of the last call on this thread that did not return `COLAYOUT_OK`, or
/// `""` after a successful call. The string belongs to colayout and stays valid until
/// the thread's next colayout call.
#[no_mangle]
pub extern "C" fn colayout_last_error_message() -> *const c_char {
    LAST_ERROR
        .try_with(|m| m.borrow().as_ptr())
        .unwrap_or(c"".as_ptr())
}

/// The name of `status` without its `COLAYOUT_` prefix (`"Ok"`, `"LinkOutOfRange"`,
/// `"NullPointer"`, ...), or `"Unknown"` for a number that is no status. A static string.
#[no_mangle]
pub extern "C" fn colayout_status_name(status: u32) -> *const c_char {
    ALL_STATUSES
        .iter()
        .find(|s| **s as u32 == status)
        .map_or(c"Unknown".as_ptr(), |s| s.name().as_ptr())
}

/// Panics inside the boundary, so that tests can check the `COLAYOUT_PANIC` path.
#[cfg(feature = "debug-panic")]
#[no_mangle]
pub extern "C" fn colayout_debug_panic() -> colayout_status {
    boundary(|| panic!("colayout_debug_panic was called"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_follow_the_core_kinds() {
        for kind in ErrorKind::ALL {
            let s = colayout_status::of_kind(kind);
            assert_eq!(s as u32, kind as u32);
            assert_eq!(s.name().to_str().unwrap(), kind.name());
            let mut snake = String::from("COLAYOUT");
            for c in kind.name().chars() {
                if c.is_ascii_uppercase() {
                    snake.push('_');
                }
                snake.push(c.to_ascii_uppercase());
            }
            assert_eq!(format!("{s:?}"), snake);
        }
        assert_eq!(ALL_STATUSES.len(), 28);
        assert!(ALL_STATUSES
            .windows(2)
            .all(|w| (w[0] as u32) < (w[1] as u32)));
    }

    #[test]
    fn a_panic_becomes_a_status_and_a_message() {
        let s = boundary(|| panic!("boom"));
        assert_eq!(s, S::COLAYOUT_PANIC);
        let m = unsafe { core::ffi::CStr::from_ptr(colayout_last_error_message()) };
        assert!(m.to_str().unwrap().contains("boom"));
        assert_eq!(boundary(|| Ok(())), S::COLAYOUT_OK);
        let m = unsafe { core::ffi::CStr::from_ptr(colayout_last_error_message()) };
        assert!(m.to_bytes().is_empty());
    }
}
