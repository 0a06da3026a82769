//! Tangents between points and convex polygons (Dan Sunday's searches, as WebCola's
//! `geom.ts` has them), and segment–polygon crossing.

use alloc::vec::Vec;

use super::point::{above, below, is_left, line_intersection, Point};

/// The indices of the right and left tangent points from a point to a convex polygon
/// (WebCola's `tangent_PointPolyC`): `(rtan, ltan)`.
///
/// # Panics
/// If the polygon has fewer than two vertices.
#[must_use]
pub fn point_polygon_tangents(p: Point, polygon: &[Point]) -> (usize, usize) {
    assert!(polygon.len() >= 2, "a tangent needs a polygon");
    let mut closed = polygon.to_vec();
    closed.push(polygon[0]);
    (right_tangent(p, &closed), left_tangent(p, &closed))
}

fn right_tangent(p: Point, v: &[Point]) -> usize {
    let n = v.len() - 1;
    if below(p, v[1], v[0]) && !above(p, v[n - 1], v[0]) {
        return 0;
    }
    let (mut a, mut b) = (0, n);
    loop {
        if b - a == 1 {
            return if above(p, v[a], v[b]) { a } else { b };
        }
        let c = (a + b) / 2;
        let dn_c = below(p, v[c + 1], v[c]);
        if dn_c && !above(p, v[c - 1], v[c]) {
            return c;
        }
        let take_left = if above(p, v[a + 1], v[a]) {
            dn_c || above(p, v[a], v[c])
        } else {
            dn_c && below(p, v[a], v[c])
        };
        if take_left {
            b = c;
        } else {
            a = c;
        }
    }
}

fn left_tangent(p: Point, v: &[Point]) -> usize {
    let n = v.len() - 1;
    if above(p, v[n - 1], v[0]) && !below(p, v[1], v[0]) {
        return 0;
    }
    let (mut a, mut b) = (0, n);
    loop {
        if b - a == 1 {
            return if below(p, v[a], v[b]) { a } else { b };
        }
        let c = (a + b) / 2;
        let dn_c = below(p, v[c + 1], v[c]);
        if above(p, v[c - 1], v[c]) && !dn_c {
            return c;
        }
        let take_left = if below(p, v[a + 1], v[a]) {
            !dn_c || below(p, v[a], v[c])
        } else {
            !dn_c && above(p, v[a], v[c])
        };
        if take_left {
            b = c;
        } else {
            a = c;
        }
    }
}

/// Which of the four bitangents of two convex polygons (WebCola's `BiTangents` keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BiTangentKind {
    /// Both polygons on the left of the line.
    Ll,
    /// Both on the right.
    Rr,
    /// First on the right, second on the left.
    Rl,
    /// First on the left, second on the right.
    Lr,
}

/// The bitangents between polygons `v` and `w` as `(kind, i, j)`: the line through
/// `v[i]` and `w[j]`. WebCola's brute-force `tangents(V, W)`: every vertex pair is
/// tested, a later match of a kind replaces the earlier one, and the kinds come in the
/// order they were first found (the order WebCola's `for..in` visits them).
#[must_use]
pub fn tangents(v: &[Point], w: &[Point]) -> Vec<(BiTangentKind, usize, usize)> {
    let mut out: Vec<(BiTangentKind, usize, usize)> = Vec::new();
    let (m, n) = (v.len().saturating_sub(1), w.len().saturating_sub(1));
    for i in 0..m {
        for j in 0..n {
            let v1 = v[if i == 0 { m - 1 } else { i - 1 }];
            let (v2, v3) = (v[i], v[i + 1]);
            let w1 = w[if j == 0 { n - 1 } else { j - 1 }];
            let (w2, w3) = (w[j], w[j + 1]);
            let a = is_left(v1, v2, w2);
            let b = is_left(v2, w1, w2);
            let c = is_left(v2, w2, w3);
            let d = is_left(w1, w2, v2);
            let e = is_left(w2, v1, v2);
            let f = is_left(w2, v2, v3);
            let kind = if a >= 0.0 && b >= 0.0 && c < 0.0 && d >= 0.0 && e >= 0.0 && f < 0.0 {
                BiTangentKind::Ll
            } else if a <= 0.0 && b <= 0.0 && c > 0.0 && d <= 0.0 && e <= 0.0 && f > 0.0 {
                BiTangentKind::Rr
            } else if a <= 0.0 && b > 0.0 && c <= 0.0 && d >= 0.0 && e < 0.0 && f >= 0.0 {
                BiTangentKind::Rl
            } else if a >= 0.0 && b < 0.0 && c >= 0.0 && d <= 0.0 && e > 0.0 && f <= 0.0 {
                BiTangentKind::Lr
            } else {
                continue;
            };
            match out.iter_mut().find(|t| t.0 == kind) {
                Some(t) => *t = (kind, i, j),
                None => out.push((kind, i, j)),
            }
        }
    }
    out
}

/// Whether segment `a → b` meets the closed polygon's boundary, ends included.
///
/// WebCola's `intersects` leaves out the closing edge `last → first`, so its routes may
/// cross one side of a box; this tests every side.
#[must_use]
pub fn segment_crosses_polygon(a: Point, b: Point, polygon: &[Point]) -> bool {
    let k = polygon.len();
    (0..k).any(|i| {
        let (p, q) = (polygon[(i + k - 1) % k], polygon[i]);
        k > 1 && line_intersection(a, b, p, q).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, s: f64) -> Vec<Point> {
        alloc::vec![[x, y], [x + s, y], [x + s, y + s], [x, y + s]]
    }

    /// Every vertex of `q` on one side (or on) the line `a → b`.
    fn supporting(a: Point, b: Point, q: &[Point]) -> bool {
        q.iter().all(|&o| is_left(a, b, o) >= 0.0) || q.iter().all(|&o| is_left(a, b, o) <= 0.0)
    }

    #[test]
    fn point_tangents_of_a_square_touch_its_silhouette() {
        let q = square(0.0, 0.0, 10.0);
        let p = [-10.0, 5.0];
        let (r, l) = point_polygon_tangents(p, &q);
        let mut ends = [r % 4, l % 4];
        ends.sort_unstable();
        assert_eq!(ends, [0, 3]);
        for t in [r, l] {
            assert!(supporting(p, q[t % 4], &q));
        }
    }

    #[test]
    fn bitangents_support_both_squares() {
        let (v, w) = (square(0.0, 0.0, 10.0), square(30.0, 5.0, 10.0));
        let t = tangents(&v, &w);
        assert!(!t.is_empty());
        for &(_, i, j) in &t {
            assert!(
                supporting(v[i], w[j], &v) && supporting(v[i], w[j], &w),
                "{t:?}"
            );
        }
    }

    #[test]
    fn segment_through_the_closing_side_is_seen() {
        let q = square(0.0, 0.0, 10.0);
        assert!(segment_crosses_polygon([-5.0, 5.0], [5.0, 5.0], &q));
        assert!(!segment_crosses_polygon([-5.0, 5.0], [-1.0, 5.0], &q));
    }
}
