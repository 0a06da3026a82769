//! Bundling and nudging of shared route segments (WebCola's `orderEdges`,
//! `makeSegments`, `getSegmentSets`, `nudgeSegments` and `nudgeSegs`).

use alloc::collections::BTreeSet;
use alloc::vec::Vec;

use crate::constraints::vpsc::{Constraint, Solver, Variable};
use crate::error::Result;
use crate::geom::Point;

/// WebCola's `LongestCommonSubsequence` (a longest common substring): `(length, si, ti,
/// reversed)`.
fn lcs(s: &[usize], t: &[usize]) -> (usize, usize, usize, bool) {
    let mf = find_match(s, t);
    let tr: Vec<usize> = t.iter().rev().copied().collect();
    let mr = find_match(s, &tr);
    if mf.0 >= mr.0 {
        (mf.0, mf.1, mf.2, false)
    } else {
        (mr.0, mr.1, t.len() - mr.2 - mr.0, true)
    }
}

/// WebCola's `findMatch`: the first longest common run in row-major order.
fn find_match(s: &[usize], t: &[usize]) -> (usize, usize, usize) {
    let mut best = (0, 0, 0);
    let mut prev = alloc::vec![0usize; t.len()];
    let mut row = alloc::vec![0usize; t.len()];
    for (i, a) in s.iter().enumerate() {
        for (j, b) in t.iter().enumerate() {
            row[j] = if a == b {
                let v = if j == 0 { 1 } else { prev[j - 1] + 1 };
                if v > best.0 {
                    best = (v, i + 1 - v, j + 1 - v);
                }
                v
            } else {
                0
            };
        }
        core::mem::swap(&mut prev, &mut row);
    }
    best
}

/// WebCola's `isLeft`: does `a → b → c` turn left (or go straight)?
fn is_left(a: Point, b: Point, c: Point) -> bool {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) <= 0.0
}

/// WebCola's `orderEdges` over paths of vertex ids (`at` gives a vertex's point). Paths
/// may be reversed in place to run the same way as the others; `flipped[i]` toggles for
/// each reversal. Returns the pairs `(l, r)` with edge `l` left of edge `r`.
///
/// Where WebCola reads past a path's end (and throws), the pair is ordered `(i, j)`.
pub(super) fn order_edges(
    paths: &mut [Vec<usize>],
    flipped: &mut [bool],
    at: impl Fn(usize) -> Point,
) -> BTreeSet<(usize, usize)> {
    let mut order = BTreeSet::new();
    for i in 0..paths.len() {
        for j in i + 1..paths.len() {
            let mut m = lcs(&paths[i], &paths[j]);
            if m.0 == 0 {
                continue;
            }
            if m.3 {
                paths[j].reverse();
                flipped[j] = !flipped[j];
                m = lcs(&paths[i], &paths[j]);
            }
            let (e, f) = (&paths[i], &paths[j]);
            let (len, si, ti) = (m.0, m.1, m.2);
            let to_end = si + len >= e.len() || ti + len >= f.len();
            if (si == 0 || ti == 0) && to_end {
                order.insert((i, j));
                continue;
            }
            let points = if to_end {
                (
                    e.get(si + 1),
                    f.get(ti.wrapping_sub(1)),
                    e.get(si.wrapping_sub(1)),
                )
            } else {
                (
                    e.get((si + len).wrapping_sub(2)),
                    e.get(si + len),
                    f.get(ti + len),
                )
            };
            match points {
                (Some(&u), Some(&vi), Some(&vj)) if is_left(at(u), at(vi), at(vj)) => {
                    order.insert((j, i));
                }
                _ => {
                    order.insert((i, j));
                }
            }
        }
    }
    order
}

/// WebCola's `makeSegments`: the path as segments, collinear runs merged.
pub(super) fn make_segments(path: &[Point]) -> Vec<[Point; 2]> {
    let is_straight = |a: Point, b: Point, c: Point| {
        ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])).abs() < 0.001
    };
    let mut segments = Vec::new();
    let Some(&first) = path.first() else {
        return segments;
    };
    let mut a = first;
    for i in 1..path.len() {
        let b = path[i];
        match path.get(i + 1) {
            Some(&c) if is_straight(a, b, c) => {}
            _ => {
                segments.push([a, b]);
                a = b;
            }
        }
    }
    segments
}

/// V8's `Array.prototype.sort` for a comparator returning a number, as far as it
/// matters for a comparator that is not transitive: a run found first (a strictly
/// descending one reversed), then binary insertion. V8 merges runs for 64 elements or
/// more; this keeps inserting, which gives the same order for consistent comparators.
fn js_sort<T: Copy>(a: &mut [T], cmp: impl Fn(&T, &T) -> f64) {
    let n = a.len();
    if n < 2 {
        return;
    }
    let mut run = 2;
    let descending = cmp(&a[1], &a[0]) < 0.0;
    while run < n {
        let order = cmp(&a[run], &a[run - 1]);
        if (descending && order >= 0.0) || (!descending && order < 0.0) {
            break;
        }
        run += 1;
    }
    if descending {
        a[..run].reverse();
    }
    for start in run..n {
        let pivot = a[start];
        let (mut left, mut right) = (0, start);
        while left < right {
            let mid = left + ((right - left) >> 1);
            if cmp(&pivot, &a[mid]) < 0.0 {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        a.copy_within(left..start, left + 1);
        a[left] = pivot;
    }
}

/// WebCola's `nudgeSegments` along axis `x` (0 or 1; `y` is the other): spreads the
/// overlapping segments across `x` by `gap`, ordered by `left_of`.
pub(super) fn nudge_segments(
    routes: &mut [Vec<[Point; 2]>],
    x: usize,
    left_of: &BTreeSet<(usize, usize)>,
    gap: f64,
) -> Result<()> {
    let y = 1 - x;
    let mut segments: Vec<(usize, usize)> = Vec::new();
    for (ei, route) in routes.iter().enumerate() {
        for (si, s) in route.iter().enumerate() {
            if (s[1][x] - s[0][x]).abs() < 0.1 {
                segments.push((ei, si));
            }
        }
    }
    segments.sort_by(|a, b| {
        let (pa, pb) = (routes[a.0][a.1][0][x], routes[b.0][b.1][0][x]);
        pa.partial_cmp(&pb).unwrap_or(core::cmp::Ordering::Equal)
    });
    let mut sets: Vec<(f64, Vec<(usize, usize)>)> = Vec::new();
    for s in segments {
        let pos = routes[s.0][s.1][0][x];
        match sets.last_mut() {
            Some(set) if (pos - set.0).abs() <= 0.1 => set.1.push(s),
            _ => sets.push((pos, alloc::vec![s])),
        }
    }
    for (_, set) in &sets {
        let mut events: Vec<(u8, (usize, usize), f64)> = Vec::with_capacity(2 * set.len());
        for &s in set {
            let seg = routes[s.0][s.1];
            events.push((0, s, seg[0][y].min(seg[1][y])));
            events.push((1, s, seg[0][y].max(seg[1][y])));
        }
        js_sort(&mut events, |a, b| {
            a.2 - b.2 + f64::from(a.0) - f64::from(b.0)
        });
        let mut open = Vec::new();
        let mut open_count = 0i64;
        for &(kind, s, _) in &events {
            if kind == 0 {
                open.push(s);
                open_count += 1;
            } else {
                open_count -= 1;
            }
            if open_count == 0 {
                nudge_segs(routes, x, &open, left_of, gap)?;
                open.clear();
            }
        }
    }
    Ok(())
}

/// WebCola's `nudgeSegs`: one VPSC problem over the `x` positions of `segments`.
fn nudge_segs(
    routes: &mut [Vec<[Point; 2]>],
    x: usize,
    segments: &[(usize, usize)],
    left_of: &BTreeSet<(usize, usize)>,
    gap: f64,
) -> Result<()> {
    let y = 1 - x;
    let n = segments.len();
    if n <= 1 {
        return Ok(());
    }
    let vs: Vec<Variable> = segments
        .iter()
        .map(|s| Variable::new(routes[s.0][s.1][0][x]))
        .collect();
    let mut cs = Vec::new();
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let (s1, s2) = (segments[i], segments[j]);
            if !left_of.contains(&(s1.0, s2.0)) {
                continue;
            }
            let seg = routes[s1.0][s1.1];
            let increasing = seg[0][y] < seg[1][y];
            let (l, r) = if increasing == (x == 0) {
                (j, i)
            } else {
                (i, j)
            };
            cs.push(Constraint::new(l, r, gap));
        }
    }
    let mut solver = Solver::new(vs, cs)?;
    solver.solve();
    for (i, pos) in solver.positions().into_iter().enumerate() {
        let (e, si) = segments[i];
        let route = &mut routes[e];
        route[si][0][x] = pos;
        route[si][1][x] = pos;
        if si > 0 {
            route[si - 1][1][x] = pos;
        }
        if si + 1 < route.len() {
            route[si + 1][0][x] = pos;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_longest_match_wins() {
        assert_eq!(find_match(&[1, 2, 3, 9, 4, 5], &[4, 5, 1, 2]), (2, 0, 2));
        assert_eq!(lcs(&[1, 2, 3], &[3, 2, 1]), (3, 0, 0, true));
    }
}
