//! The convex hull, WebCola's `ConvexHull`: Andrew's monotone chain.

use alloc::vec::Vec;
use core::cmp::Ordering;

use super::point::{is_left, Point};

/// The convex hull of `points`, without a closing duplicate, in the orientation where
/// `is_left(h[i], h[i + 1], p) >= 0` for every point `p` (WebCola's `ConvexHull`, same
/// points in the same order). Collinear points on the hull are left out; an empty input
/// gives an empty hull, a single point or a vertical segment one or two points.
///
/// Points are sorted by x descending, then y descending, as WebCola sorts them.
#[must_use]
pub fn convex_hull(points: &[Point]) -> Vec<Point> {
    let n = points.len();
    if n == 0 {
        return Vec::new();
    }
    let mut p = points.to_vec();
    p.sort_by(|a, b| {
        let (k, l) = if a[0] == b[0] {
            (a[1], b[1])
        } else {
            (a[0], b[0])
        };
        l.partial_cmp(&k).unwrap_or(Ordering::Equal)
    });
    let minmin = 0;
    let xmin = p[0][0];
    let mut i = 1;
    while i < n && p[i][0] == xmin {
        i += 1;
    }
    let minmax = i - 1;
    let mut h: Vec<Point> = alloc::vec![p[minmin]];
    if minmax == n - 1 {
        if p[minmax][1] != p[minmin][1] {
            h.push(p[minmax]);
        }
        return h;
    }
    let maxmax = n - 1;
    let xmax = p[n - 1][0];
    let mut j = n - 1;
    while j > 0 && p[j - 1][0] == xmax {
        j -= 1;
    }
    let maxmin = j;
    // The lower hull.
    for i in minmax + 1..=maxmin {
        if is_left(p[minmin], p[maxmin], p[i]) >= 0.0 && i < maxmin {
            continue;
        }
        while h.len() > 1 && is_left(h[h.len() - 2], h[h.len() - 1], p[i]) <= 0.0 {
            h.pop();
        }
        h.push(p[i]);
    }
    // The upper hull.
    if maxmax != maxmin {
        h.push(p[maxmax]);
    }
    let bot = h.len();
    for i in (minmax..maxmin).rev() {
        if is_left(p[maxmax], p[minmax], p[i]) >= 0.0 && i > minmax {
            continue;
        }
        while h.len() > bot && is_left(h[h.len() - 2], h[h.len() - 1], p[i]) <= 0.0 {
            h.pop();
        }
        if i != minmin {
            h.push(p[i]);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_with_its_centre() {
        let s = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [5.0, 5.0],
        ];
        assert_eq!(
            convex_hull(&s),
            [[10.0, 10.0], [0.0, 10.0], [0.0, 0.0], [10.0, 0.0]]
        );
    }

    #[test]
    fn every_point_is_on_the_inner_side_of_every_hull_edge() {
        let mut rng = crate::rng::PseudoRandom::new(3);
        for n in 1..60 {
            let pts: Vec<Point> = (0..n)
                .map(|_| [(rng.next() * 20.0).round(), (rng.next() * 20.0).round()])
                .collect();
            let h = convex_hull(&pts);
            assert!(!h.is_empty());
            for k in 0..h.len() {
                let (a, b) = (h[k], h[(k + 1) % h.len()]);
                for &q in &pts {
                    assert!(is_left(a, b, q) >= 0.0, "n={n}: {q:?} outside {a:?}->{b:?}");
                }
            }
        }
    }

    #[test]
    fn degenerate_inputs() {
        assert!(convex_hull(&[]).is_empty());
        assert_eq!(convex_hull(&[[1.0, 2.0]]), [[1.0, 2.0]]);
        assert_eq!(
            convex_hull(&[[1.0, 2.0], [1.0, 5.0], [1.0, 3.0]]),
            [[1.0, 5.0], [1.0, 2.0]]
        );
    }
}
