//! Constraints and their solver: WebCola's VPSC, the non-overlap scan line, nested
//! groups, the user constraints (WebCola's separation and alignment, libcola's
//! distribution, fixed-relative and page boundary), and the one [`Projection`] that
//! every solver projects its steps with.

pub mod groups;
pub mod overlap;
mod projection;
pub mod user;
pub mod vpsc;

pub use groups::{Group, GroupTree};
pub use projection::Projection;
pub use user::{UserConstraint, DEFAULT_PAGE_WEIGHT};
