//! Points, orientation tests and segment intersection (WebCola's `geom.ts` and
//! `Rectangle.lineIntersection`).

/// A point `[x, y]`, in the layout's units.
pub type Point = [f64; 2];

/// Twice the signed area of `p0, p1, p2`: positive when `p2` is left of the line
/// `p0 → p1` (in y-down screen coordinates, clockwise), zero on it (WebCola's `isLeft`).
#[inline]
#[must_use]
pub fn is_left(p0: Point, p1: Point, p2: Point) -> f64 {
    (p1[0] - p0[0]) * (p2[1] - p0[1]) - (p2[0] - p0[0]) * (p1[1] - p0[1])
}

/// `is_left(p, vi, vj) > 0` (WebCola's `above`).
#[inline]
pub(crate) fn above(p: Point, vi: Point, vj: Point) -> bool {
    is_left(p, vi, vj) > 0.0
}

/// `is_left(p, vi, vj) < 0` (WebCola's `below`).
#[inline]
pub(crate) fn below(p: Point, vi: Point, vj: Point) -> bool {
    is_left(p, vi, vj) < 0.0
}

/// Where segment `a1 → a2` meets segment `b1 → b2`, ends included; `None` when they
/// do not meet or are parallel (WebCola's `Rectangle.lineIntersection`).
#[must_use]
pub fn line_intersection(a1: Point, a2: Point, b1: Point, b2: Point) -> Option<Point> {
    let (dx12, dy12) = (a2[0] - a1[0], a2[1] - a1[1]);
    let (dx34, dy34) = (b2[0] - b1[0], b2[1] - b1[1]);
    let denominator = dy34 * dx12 - dx34 * dy12;
    if denominator == 0.0 {
        return None;
    }
    let (dx31, dy31) = (a1[0] - b1[0], a1[1] - b1[1]);
    let a = (dx34 * dy31 - dy34 * dx31) / denominator;
    let b = (dx12 * dy31 - dy12 * dx31) / denominator;
    ((0.0..=1.0).contains(&a) && (0.0..=1.0).contains(&b))
        .then(|| [a1[0] + a * dx12, a1[1] + a * dy12])
}

/// Euclidean distance.
#[inline]
#[must_use]
pub fn distance(a: Point, b: Point) -> f64 {
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    crate::math::sqrt(dx * dx + dy * dy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orientation_and_crossings() {
        assert!(is_left([0.0, 0.0], [1.0, 0.0], [0.0, 1.0]) > 0.0);
        assert_eq!(is_left([0.0, 0.0], [1.0, 1.0], [2.0, 2.0]), 0.0);
        let x = line_intersection([0.0, 0.0], [2.0, 2.0], [0.0, 2.0], [2.0, 0.0]);
        assert_eq!(x, Some([1.0, 1.0]));
        assert_eq!(
            line_intersection([0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]),
            None
        );
        assert_eq!(
            line_intersection([0.0, 0.0], [1.0, 1.0], [3.0, 0.0], [3.0, 5.0]),
            None
        );
        assert_eq!(
            line_intersection([0.0, 0.0], [2.0, 0.0], [2.0, -1.0], [2.0, 1.0]),
            Some([2.0, 0.0])
        );
    }
}
