//! Plane geometry shared by the constraint solvers, the routers and the frontends
//! (WebCola's `geom.ts` and `Rectangle`): axes, rectangles, points and orientation,
//! segment intersection, the convex hull, tangents to convex polygons, and edges
//! clipped at their boxes.

mod edge;
mod hull;
mod point;
mod rectangle;
mod tangent;

use core::str::FromStr;

pub use edge::{make_edge_between, make_edge_to, ClippedEdge};
pub use hull::convex_hull;
pub use point::{distance, is_left, line_intersection, Point};
pub use rectangle::Rectangle;
pub use tangent::{point_polygon_tangents, segment_crosses_polygon, tangents, BiTangentKind};

use crate::error::Error;

/// A coordinate axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Axis {
    /// Horizontal.
    X,
    /// Vertical.
    Y,
}

impl Axis {
    /// Dimension index: 0 for x, 1 for y.
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Axis::X => 0,
            Axis::Y => 1,
        }
    }

    /// The axis' name in every frontend: `"x"` or `"y"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Axis::X => "x",
            Axis::Y => "y",
        }
    }

    /// The other axis.
    #[must_use]
    pub fn other(self) -> Axis {
        match self {
            Axis::X => Axis::Y,
            Axis::Y => Axis::X,
        }
    }

    pub(crate) fn centre(self, r: &Rectangle) -> f64 {
        match self {
            Axis::X => r.cx(),
            Axis::Y => r.cy(),
        }
    }

    pub(crate) fn size(self, r: &Rectangle) -> f64 {
        match self {
            Axis::X => r.width(),
            Axis::Y => r.height(),
        }
    }

    /// Where a rectangle opens and closes in the scan (its extent on the other axis).
    pub(crate) fn open_close(self, r: &Rectangle) -> (f64, f64) {
        match self {
            Axis::X => (r.y, r.y_max),
            Axis::Y => (r.x, r.x_max),
        }
    }

    /// WebCola's `makeRect(open, close, centre, size)`.
    pub(crate) fn make_rect(self, open: f64, close: f64, centre: f64, size: f64) -> Rectangle {
        match self {
            Axis::X => Rectangle::new(centre - size / 2.0, centre + size / 2.0, open, close),
            Axis::Y => Rectangle::new(open, close, centre - size / 2.0, centre + size / 2.0),
        }
    }
}

impl FromStr for Axis {
    type Err = Error;

    /// `"x"` or `"y"` (any case).
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim() {
            "x" | "X" => Ok(Axis::X),
            "y" | "Y" => Ok(Axis::Y),
            _ => Err(Error::parse(
                "option",
                alloc::format!("axis must be \"x\" or \"y\", not {s:?}"),
            )),
        }
    }
}
