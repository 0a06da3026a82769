//! The C API of colayout (`libcolayout`, header `include/colayout.h`): conversions,
//! ownership and error mapping over the core; every layout decision stays in the core.
//! The modules mirror the core's: options, graph, layout, routing, and the one-shot
//! layout.
//!
//! Every export runs behind a panic boundary and checks its pointers: it returns a
//! `colayout_status` and leaves a thread-local message for `colayout_last_error_message`.

mod error;
mod graph;
mod layout;
mod oneshot;
mod options;
mod ptr;
mod routing;

pub use error::{colayout_last_error_message, colayout_status, colayout_status_name};
pub use graph::{colayout_graph, colayout_graph_arrays, colayout_rect};
pub use layout::{colayout_layout, colayout_violation, COLAYOUT_DRAG_GROUP, COLAYOUT_DRAG_NODE};
pub use oneshot::{colayout_layout_edges, colayout_version};
pub use options::{
    colayout_options, colayout_options_default, colayout_schedule, colayout_schedule_default,
    COLAYOUT_AXIS_X, COLAYOUT_AXIS_Y, COLAYOUT_LINK_LENGTHS_GIVEN, COLAYOUT_LINK_LENGTHS_JACCARD,
    COLAYOUT_LINK_LENGTHS_SYMMETRIC_DIFF, COLAYOUT_STRESS_FULL, COLAYOUT_STRESS_P,
};
pub use routing::{
    colayout_layout_routes, colayout_route_options, colayout_route_options_default,
    COLAYOUT_ROUTE_CLIP, COLAYOUT_ROUTE_ORTHOGONAL, COLAYOUT_ROUTE_POLYLINE,
};
