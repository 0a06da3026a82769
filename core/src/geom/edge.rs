//! Edges clipped at their node boxes, with room for an arrowhead (WebCola's
//! `makeEdgeBetween` and `makeEdgeTo`).

use super::point::Point;
use super::rectangle::Rectangle;
use crate::math::sqrt;

/// A straight edge between two boxes, clipped at both (WebCola's `makeEdgeBetween`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClippedEdge {
    /// Where the line between the centres leaves the source box (its centre if it
    /// does not).
    pub source_intersection: Point,
    /// Where it enters the target box (its centre if it does not).
    pub target_intersection: Point,
    /// `arrow_head` before the target intersection: where an arrowhead starts.
    pub arrow_start: Point,
}

/// The straight edge from `source`'s centre to `target`'s, clipped at both boxes and
/// shortened by `arrow_head` at the target (WebCola's `makeEdgeBetween`). Coincident
/// centres give the centre for every point, where WebCola gives NaN.
#[must_use]
pub fn make_edge_between(source: &Rectangle, target: &Rectangle, arrow_head: f64) -> ClippedEdge {
    let si = source
        .ray_intersection([target.cx(), target.cy()])
        .unwrap_or([source.cx(), source.cy()]);
    let ti = target
        .ray_intersection([source.cx(), source.cy()])
        .unwrap_or([target.cx(), target.cy()]);
    let (dx, dy) = (ti[0] - si[0], ti[1] - si[1]);
    let l = sqrt(dx * dx + dy * dy);
    let al = l - arrow_head;
    let arrow_start = if l > 0.0 {
        [si[0] + al * dx / l, si[1] + al * dy / l]
    } else {
        ti
    };
    ClippedEdge {
        source_intersection: si,
        target_intersection: ti,
        arrow_start,
    }
}

/// Where the line from `s` to `target`'s centre enters the box, moved back towards
/// `s` by `arrow_head` (WebCola's `makeEdgeTo`). `s` at the centre gives the centre.
#[must_use]
pub fn make_edge_to(s: Point, target: &Rectangle, arrow_head: f64) -> Point {
    let ti = target
        .ray_intersection(s)
        .unwrap_or([target.cx(), target.cy()]);
    let (dx, dy) = (ti[0] - s[0], ti[1] - s[1]);
    let l = sqrt(dx * dx + dy * dy);
    if l > 0.0 {
        [ti[0] - arrow_head * dx / l, ti[1] - arrow_head * dy / l]
    } else {
        ti
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipped_at_both_boxes_with_room_for_the_arrow() {
        let a = Rectangle::centred(0.0, 0.0, 10.0, 10.0);
        let b = Rectangle::centred(100.0, 0.0, 20.0, 20.0);
        let e = make_edge_between(&a, &b, 5.0);
        assert_eq!(e.source_intersection, [5.0, 0.0]);
        assert_eq!(e.target_intersection, [90.0, 0.0]);
        assert_eq!(e.arrow_start, [85.0, 0.0]);
        assert_eq!(make_edge_to([0.0, 0.0], &b, 5.0), [85.0, 0.0]);
        let c = make_edge_between(&a, &a, 5.0);
        assert!(c.arrow_start.iter().all(|v| v.is_finite()));
    }
}
