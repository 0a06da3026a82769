//! Axis-aligned rectangles, WebCola's `Rectangle(x, X, y, Y)`.

use super::point::{line_intersection, Point};

/// A rectangle by its extents: `x..x_max` by `y..y_max` (WebCola's `x, X, y, Y`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rectangle {
    /// Left edge.
    pub x: f64,
    /// Right edge.
    pub x_max: f64,
    /// Top edge.
    pub y: f64,
    /// Bottom edge.
    pub y_max: f64,
}

impl Rectangle {
    /// A rectangle from its extents.
    #[must_use]
    pub const fn new(x: f64, x_max: f64, y: f64, y_max: f64) -> Self {
        Self { x, x_max, y, y_max }
    }

    /// A `width` by `height` rectangle centred on `(cx, cy)`.
    #[must_use]
    pub fn centred(cx: f64, cy: f64, width: f64, height: f64) -> Self {
        Self::new(
            cx - width / 2.0,
            cx + width / 2.0,
            cy - height / 2.0,
            cy + height / 2.0,
        )
    }

    /// The empty rectangle, identity of [`Rectangle::union`] (WebCola's `Rectangle.empty()`).
    #[must_use]
    pub const fn empty() -> Self {
        Self::new(
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        )
    }

    /// Centre x.
    #[must_use]
    pub fn cx(&self) -> f64 {
        (self.x + self.x_max) / 2.0
    }

    /// Centre y.
    #[must_use]
    pub fn cy(&self) -> f64 {
        (self.y + self.y_max) / 2.0
    }

    /// Width.
    #[must_use]
    pub fn width(&self) -> f64 {
        self.x_max - self.x
    }

    /// Height.
    #[must_use]
    pub fn height(&self) -> f64 {
        self.y_max - self.y
    }

    /// Overlap in x with `r`, 0 when disjoint (WebCola's `overlapX`).
    #[must_use]
    pub fn overlap_x(&self, r: &Rectangle) -> f64 {
        let (ux, vx) = (self.cx(), r.cx());
        if ux <= vx && r.x < self.x_max {
            self.x_max - r.x
        } else if vx <= ux && self.x < r.x_max {
            r.x_max - self.x
        } else {
            0.0
        }
    }

    /// Overlap in y with `r`, 0 when disjoint (WebCola's `overlapY`).
    #[must_use]
    pub fn overlap_y(&self, r: &Rectangle) -> f64 {
        let (uy, vy) = (self.cy(), r.cy());
        if uy <= vy && r.y < self.y_max {
            self.y_max - r.y
        } else if vy <= uy && self.y < r.y_max {
            r.y_max - self.y
        } else {
            0.0
        }
    }

    /// Moves the rectangle so its centre x is `cx`.
    pub fn set_x_centre(&mut self, cx: f64) {
        let d = cx - self.cx();
        self.x += d;
        self.x_max += d;
    }

    /// Moves the rectangle so its centre y is `cy`.
    pub fn set_y_centre(&mut self, cy: f64) {
        let d = cy - self.cy();
        self.y += d;
        self.y_max += d;
    }

    /// The smallest rectangle containing both.
    #[must_use]
    pub fn union(&self, r: &Rectangle) -> Rectangle {
        Rectangle::new(
            self.x.min(r.x),
            self.x_max.max(r.x_max),
            self.y.min(r.y),
            self.y_max.max(r.y_max),
        )
    }

    /// The rectangle grown by `pad` on every side.
    #[must_use]
    pub fn inflate(&self, pad: f64) -> Rectangle {
        Rectangle::new(
            self.x - pad,
            self.x_max + pad,
            self.y - pad,
            self.y_max + pad,
        )
    }

    /// The corners clockwise on screen from the top left: `(x, y), (X, y), (X, Y), (x, Y)`
    /// (WebCola's `vertices()`).
    #[must_use]
    pub fn vertices(&self) -> [Point; 4] {
        [
            [self.x, self.y],
            [self.x_max, self.y],
            [self.x_max, self.y_max],
            [self.x, self.y_max],
        ]
    }

    /// Where segment `a → b` meets the sides, in side order top, right, bottom, left
    /// (WebCola's `lineIntersections`); a corner can appear twice.
    pub fn line_intersections(&self, a: Point, b: Point) -> impl Iterator<Item = Point> {
        let v = self.vertices();
        (0..4).filter_map(move |i| line_intersection(a, b, v[i], v[(i + 1) % 4]))
    }

    /// Where the segment from the centre to `p` leaves the rectangle, `None` when `p` is
    /// inside (WebCola's `rayIntersection`).
    #[must_use]
    pub fn ray_intersection(&self, p: Point) -> Option<Point> {
        self.line_intersections([self.cx(), self.cy()], p).next()
    }

    /// True when `p` is strictly inside.
    #[must_use]
    pub fn contains_strictly(&self, p: Point) -> bool {
        self.x < p[0] && p[0] < self.x_max && self.y < p[1] && p[1] < self.y_max
    }

    /// True when the two overlap by more than `tolerance` in both x and y.
    #[must_use]
    pub fn overlaps(&self, r: &Rectangle, tolerance: f64) -> bool {
        self.x_max.min(r.x_max) - self.x.max(r.x) > tolerance
            && self.y_max.min(r.y_max) - self.y.max(r.y) > tolerance
    }
}
