//! Non-overlap constraints by WebCola's scan line, and overlap removal.
//!
//! For the x axis the scan runs over y (rectangles open at their top edge and close at
//! their bottom edge) and keeps the open rectangles ordered by centre x; each closing
//! rectangle gets constraints against its recorded neighbours. The y axis swaps the
//! roles. This reproduces WebCola's `generateXConstraints` / `generateYConstraints`
//! constraint for constraint, including its event order and its keying of the ordered
//! sets by rectangle centre (two rectangles with the same centre share one key).

use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::vpsc::{Constraint, Solver, Variable};
use crate::error::{Error, Result};
use crate::geom::{Axis, Rectangle};

/// Minimum separation WebCola adds to every non-overlap gap.
pub const MIN_SEPARATION: f64 = 1e-6;

/// A centre coordinate as an ordered key; `-0` and `0` are one key, as in WebCola's
/// comparator `a.pos - b.pos`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Key(f64);

impl Eq for Key {}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.0 + 0.0).total_cmp(&(other.0 + 0.0))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct ScanNode {
    var: usize,
    rect: Rectangle,
    pos: Key,
    prev: BTreeMap<Key, usize>,
    next: BTreeMap<Key, usize>,
}

/// Non-overlap constraints between `rects` along `axis` (WebCola's
/// `generateConstraints(rs, vars, rect, minSep)`); `vars[i]` is the variable of rectangle
/// `i`. Gaps are half the sum of the two sizes plus `min_sep`.
///
/// # Panics
/// If `vars.len() < rects.len()`.
#[must_use]
pub fn generate_constraints(
    rects: &[Rectangle],
    vars: &[usize],
    axis: Axis,
    min_sep: f64,
) -> Vec<Constraint> {
    let n = rects.len();
    let mut nodes: Vec<ScanNode> = rects
        .iter()
        .zip(vars)
        .map(|(r, &v)| ScanNode {
            var: v,
            rect: *r,
            pos: Key(axis.centre(r)),
            prev: BTreeMap::new(),
            next: BTreeMap::new(),
        })
        .collect();
    // Events by position; opens before closes; opens in reverse input order, closes in
    // input order: the order V8's sort gives WebCola's inconsistent comparator.
    let mut events: Vec<(f64, bool, usize)> = Vec::with_capacity(2 * n);
    for (i, r) in rects.iter().enumerate() {
        let (open, close) = axis.open_close(r);
        events.push((open, true, i));
        events.push((close, false, i));
    }
    events.sort_by(|a, b| {
        (a.0 + 0.0)
            .partial_cmp(&(b.0 + 0.0))
            .unwrap_or(Ordering::Equal)
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| if a.1 { b.2.cmp(&a.2) } else { a.2.cmp(&b.2) })
    });
    let mut cs = Vec::new();
    let mut scanline: BTreeMap<Key, usize> = BTreeMap::new();
    for &(_, is_open, v) in &events {
        let key = nodes[v].pos;
        if is_open {
            scanline.entry(key).or_insert(v);
            match axis {
                Axis::X => find_x_neighbours(v, &scanline, &mut nodes),
                Axis::Y => find_y_neighbours(v, &scanline, &mut nodes),
            }
        } else {
            scanline.remove(&key);
            let sep = |a: &ScanNode, b: &ScanNode| {
                (axis.size(&a.rect) + axis.size(&b.rect)) / 2.0 + min_sep
            };
            let prev: Vec<usize> = nodes[v].prev.values().rev().copied().collect();
            for u in prev {
                cs.push(Constraint::new(
                    nodes[u].var,
                    nodes[v].var,
                    sep(&nodes[u], &nodes[v]),
                ));
                nodes[u].next.remove(&key);
            }
            let next: Vec<usize> = nodes[v].next.values().copied().collect();
            for u in next {
                cs.push(Constraint::new(
                    nodes[v].var,
                    nodes[u].var,
                    sep(&nodes[v], &nodes[u]),
                ));
                nodes[u].prev.remove(&key);
            }
        }
    }
    cs
}

/// [`generate_constraints`] with no constraint between the rectangles of an `exempt`
/// pair (indices into `rects`), and none lost through them: the scan runs once per set
/// of rectangles holding no exempt pair, every other pair sharing some set, and
/// constraints found twice are kept once.
///
/// # Panics
/// If `vars.len() < rects.len()` or an exempt index is out of range.
#[must_use]
pub fn generate_constraints_except(
    rects: &[Rectangle],
    vars: &[usize],
    exempt: &[(usize, usize)],
    axis: Axis,
    min_sep: f64,
) -> Vec<Constraint> {
    if exempt.is_empty() {
        return generate_constraints(rects, vars, axis, min_sep);
    }
    let is_exempt = |a: usize, b: usize| exempt.iter().any(|&e| e == (a, b) || e == (b, a));
    let involved: Vec<usize> = (0..rects.len())
        .filter(|&i| exempt.iter().any(|&(a, b)| a == i || b == i))
        .collect();
    // Greedy sets of involved rectangles, until every pair that is not exempt shares one.
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for (i, &x) in involved.iter().enumerate() {
        for &y in &involved[i..] {
            let covered = sets.iter().any(|s| s.contains(&x) && s.contains(&y));
            if is_exempt(x, y) || covered {
                continue;
            }
            let mut set = alloc::vec![x];
            if y != x {
                set.push(y);
            }
            for &z in &involved {
                if !set.contains(&z) && set.iter().all(|&w| !is_exempt(w, z)) {
                    set.push(z);
                }
            }
            sets.push(set);
        }
    }
    let mut cs = Vec::new();
    for set in &sets {
        let keep: Vec<usize> = (0..rects.len())
            .filter(|i| set.contains(i) || involved.binary_search(i).is_err())
            .collect();
        let rs: Vec<Rectangle> = keep.iter().map(|&i| rects[i]).collect();
        let vs: Vec<usize> = keep.iter().map(|&i| vars[i]).collect();
        cs.extend(generate_constraints(&rs, &vs, axis, min_sep));
    }
    // The first constraint of each variable pair (one sort instance: pairs of usize).
    let mut pairs: Vec<(usize, usize)> = cs.iter().map(|c| (c.left, c.right)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut taken = alloc::vec![false; pairs.len()];
    cs.retain(|c| match pairs.binary_search(&(c.left, c.right)) {
        Ok(k) if !taken[k] => {
            taken[k] = true;
            true
        }
        _ => false,
    });
    cs
}

/// Links `v` with `u` as its `forward` neighbour (and `v` as `u`'s reverse one).
fn link(nodes: &mut [ScanNode], v: usize, u: usize, forward_is_next: bool) {
    let (ku, kv) = (nodes[u].pos, nodes[v].pos);
    if forward_is_next {
        nodes[v].next.entry(ku).or_insert(u);
        nodes[u].prev.entry(kv).or_insert(v);
    } else {
        nodes[v].prev.entry(ku).or_insert(u);
        nodes[u].next.entry(kv).or_insert(v);
    }
}

fn find_x_neighbours(v: usize, scanline: &BTreeMap<Key, usize>, nodes: &mut [ScanNode]) {
    let key = nodes[v].pos;
    for forward_is_next in [true, false] {
        let candidates: Vec<usize> = if forward_is_next {
            scanline
                .range((core::ops::Bound::Excluded(key), core::ops::Bound::Unbounded))
                .map(|(_, &u)| u)
                .collect()
        } else {
            scanline.range(..key).rev().map(|(_, &u)| u).collect()
        };
        for u in candidates {
            let ov = nodes[u].rect.overlap_x(&nodes[v].rect);
            if ov <= 0.0 || ov <= nodes[u].rect.overlap_y(&nodes[v].rect) {
                link(nodes, v, u, forward_is_next);
            }
            if ov <= 0.0 {
                break;
            }
        }
    }
}

fn find_y_neighbours(v: usize, scanline: &BTreeMap<Key, usize>, nodes: &mut [ScanNode]) {
    let key = nodes[v].pos;
    for forward_is_next in [true, false] {
        let u = if forward_is_next {
            scanline
                .range((core::ops::Bound::Excluded(key), core::ops::Bound::Unbounded))
                .next()
                .map(|(_, &u)| u)
        } else {
            scanline.range(..key).next_back().map(|(_, &u)| u)
        };
        if let Some(u) = u {
            if nodes[u].rect.overlap_x(&nodes[v].rect) > 0.0 {
                link(nodes, v, u, forward_is_next);
            }
        }
    }
}

/// WebCola's `generateXConstraints`: x non-overlap constraints between rectangles,
/// variable `i` being rectangle `i`'s centre x.
#[must_use]
pub fn generate_x_constraints(rects: &[Rectangle]) -> Vec<Constraint> {
    let vars: Vec<usize> = (0..rects.len()).collect();
    generate_constraints(rects, &vars, Axis::X, MIN_SEPARATION)
}

/// WebCola's `generateYConstraints`: y non-overlap constraints between rectangles.
#[must_use]
pub fn generate_y_constraints(rects: &[Rectangle]) -> Vec<Constraint> {
    let vars: Vec<usize> = (0..rects.len()).collect();
    generate_constraints(rects, &vars, Axis::Y, MIN_SEPARATION)
}

/// Moves rectangles so that none overlap, first in x, then in y, each as little as
/// possible (WebCola's `removeOverlaps`).
///
/// # Errors
/// [`Error::InvalidOption`] when a rectangle has a non-finite or inverted extent.
pub fn remove_overlaps(rects: &mut [Rectangle]) -> Result<()> {
    for r in rects.iter() {
        for v in [r.x, r.x_max, r.y, r.y_max] {
            if !v.is_finite() {
                return Err(Error::InvalidOption {
                    name: "rectangle",
                    value: v,
                });
            }
        }
        if r.x_max < r.x || r.y_max < r.y {
            return Err(Error::InvalidOption {
                name: "rectangle",
                value: (r.x_max - r.x).min(r.y_max - r.y),
            });
        }
    }
    for axis in [Axis::X, Axis::Y] {
        let vars = rects
            .iter()
            .map(|r| Variable::new(axis.centre(r)))
            .collect();
        let cs = match axis {
            Axis::X => generate_x_constraints(rects),
            Axis::Y => generate_y_constraints(rects),
        };
        let mut solver = Solver::new(vars, cs)?;
        solver.solve();
        for (i, r) in rects.iter_mut().enumerate() {
            match axis {
                Axis::X => r.set_x_centre(solver.position(i)),
                Axis::Y => r.set_y_centre(solver.position(i)),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_boxes_are_pushed_apart() {
        let mut rs = [
            Rectangle::centred(0.0, 0.0, 10.0, 10.0),
            Rectangle::centred(3.0, 1.0, 10.0, 10.0),
            Rectangle::centred(1.0, 4.0, 10.0, 10.0),
        ];
        remove_overlaps(&mut rs).unwrap();
        for i in 0..3 {
            for j in i + 1..3 {
                assert!(!rs[i].overlaps(&rs[j], 1e-6), "{:?} {:?}", rs[i], rs[j]);
            }
        }
    }

    #[test]
    fn an_exempt_pair_gets_no_constraint_and_loses_none_through_it() {
        let rs: Vec<Rectangle> = (0..3)
            .map(|i| Rectangle::centred(10.0 * f64::from(i), 0.0, 10.0, 10.0))
            .collect();
        let pairs = |cs: &[Constraint]| -> Vec<(usize, usize)> {
            cs.iter().map(|c| (c.left, c.right)).collect()
        };
        let vars = [0, 1, 2];
        let all = generate_constraints_except(&rs, &vars, &[], Axis::X, MIN_SEPARATION);
        assert_eq!(pairs(&all), [(0, 1), (1, 2)], "the scan: neighbours only");
        let cs = generate_constraints_except(&rs, &vars, &[(1, 0)], Axis::X, MIN_SEPARATION);
        assert_eq!(pairs(&cs), [(0, 2), (1, 2)]);
    }

    #[test]
    fn side_by_side_boxes_get_one_x_constraint() {
        let rs = [
            Rectangle::centred(0.0, 0.0, 10.0, 10.0),
            Rectangle::centred(20.0, 0.0, 10.0, 10.0),
        ];
        let cs = generate_x_constraints(&rs);
        assert_eq!(cs.len(), 1);
        assert_eq!((cs[0].left, cs[0].right), (0, 1));
        assert!((cs[0].gap - (10.0 + MIN_SEPARATION)).abs() < 1e-12);
        assert!(
            generate_y_constraints(&rs).is_empty(),
            "no x overlap, no y constraint"
        );
    }
}
