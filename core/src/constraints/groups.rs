//! Nested groups of nodes: validation, bounds, and WebCola's group containment and
//! group non-overlap constraints (`computeGroupBounds`, `generateGroupConstraints`),
//! with libcola's overlapping clusters: a node may be a leaf of groups that do not nest.
//!
//! Each group `j` has two VPSC variables per axis, at indices `n + 2j` (its left/top
//! border, `minVar`) and `n + 2j + 1` (its right/bottom border, `maxVar`), which are also
//! the descent's two dummy nodes for the group.

use alloc::vec::Vec;

use super::overlap::{generate_constraints, generate_constraints_except, MIN_SEPARATION};
use super::vpsc::Constraint;
use crate::error::{Error, Result};
use crate::geom::{Axis, Rectangle};

/// Default padding between a group's border and its members (WebCola's 1).
pub const DEFAULT_PADDING: f64 = 1.0;
/// Default VPSC weight of a group's border variables (WebCola's 0.01).
pub const DEFAULT_STIFFNESS: f64 = 0.01;

/// A group: nodes (leaves) and child groups, drawn as a box around them.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Group {
    /// Member nodes, by index.
    pub leaves: Vec<usize>,
    /// Child groups, by index into the group list.
    pub groups: Vec<usize>,
    /// Gap between the group's border and its members, in layout units. Default 1.
    pub padding: Option<f64>,
    /// Weight of the border's wish to stay where the descent puts it. Default 0.01.
    pub stiffness: Option<f64>,
}

/// A validated forest of groups over `n` nodes.
///
/// Invariants: every group has one parent or none, there are no cycles, a node listed
/// in a group and in one of its ancestors is kept in the innermost group only, and no
/// group is empty. A node may stay a leaf of several groups that do not nest (a shared
/// node, see [`GroupTree::first_shared_node`]). `order` lists the groups children-first.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupTree {
    groups: Vec<Group>,
    root_leaves: Vec<usize>,
    root_groups: Vec<usize>,
    order: Vec<usize>,
    /// The lowest shared node, with the two lowest groups it is a leaf of.
    first_shared: Option<(usize, (usize, usize))>,
    /// Every node that is a leaf of more than one group, ascending.
    shared: Vec<usize>,
    /// Sibling groups with a node in common, `(a, b)` with `a < b`: no non-overlap
    /// between them.
    exempt: Vec<(usize, usize)>,
    /// `(node, group)`: a node of one group of an exempt pair, not in the other group,
    /// kept out of that other group's box.
    apart: Vec<(usize, usize)>,
}

impl GroupTree {
    /// Validates `groups` over `node_count` nodes.
    ///
    /// # Errors
    /// [`Error::UnknownNode`], [`Error::UnknownGroup`], [`Error::GroupCycle`],
    /// [`Error::GroupInTwoGroups`], [`Error::EmptyGroup`],
    /// [`Error::InvalidGroupValue`].
    pub fn new(node_count: usize, mut groups: Vec<Group>) -> Result<Self> {
        let g = groups.len();
        let mut parent: Vec<Option<usize>> = alloc::vec![None; g];
        for (j, gr) in groups.iter().enumerate() {
            if let Some(p) = gr.padding {
                if !(p.is_finite() && p >= 0.0) {
                    return Err(Error::InvalidGroupValue { group: j, value: p });
                }
            }
            if let Some(s) = gr.stiffness {
                if !(s.is_finite() && s > 0.0) {
                    return Err(Error::InvalidGroupValue { group: j, value: s });
                }
            }
            if let Some(&node) = gr.leaves.iter().find(|&&v| v >= node_count) {
                return Err(Error::UnknownNode {
                    item: "group",
                    index: j,
                    node,
                });
            }
            for &c in &gr.groups {
                if c >= g {
                    return Err(Error::UnknownGroup { group: j, child: c });
                }
                if c == j {
                    return Err(Error::GroupCycle { group: j });
                }
                match parent[c] {
                    Some(p) if p != j => {
                        return Err(Error::GroupInTwoGroups {
                            group: c,
                            parents: (p, j),
                        })
                    }
                    _ => parent[c] = Some(j),
                }
            }
        }
        for start in 0..g {
            let (mut at, mut steps) = (start, 0);
            while let Some(p) = parent[at] {
                at = p;
                steps += 1;
                if steps > g {
                    return Err(Error::GroupCycle { group: start });
                }
            }
        }
        let is_ancestor = |a: usize, mut b: usize| {
            while let Some(p) = parent[b] {
                if p == a {
                    return true;
                }
                b = p;
            }
            false
        };
        // Every (node, group) listing; each node keeps the innermost groups listing it.
        let mut listed: Vec<(usize, usize)> = groups
            .iter()
            .enumerate()
            .flat_map(|(j, gr)| gr.leaves.iter().map(move |&v| (v, j)))
            .collect();
        listed.sort_unstable();
        listed.dedup();
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(listed.len());
        let mut first_shared = None;
        let mut exempt = Vec::new();
        let mut shared: Vec<usize> = Vec::new();
        for run in listed.chunk_by(|a, b| a.0 == b.0) {
            let start = kept.len();
            kept.extend(
                run.iter()
                    .filter(|&&(_, j)| !run.iter().any(|&(_, k)| is_ancestor(j, k))),
            );
            let owners = &kept[start..];
            if owners.len() > 1 {
                shared.push(owners[0].0);
            }
            for (i, &(v, a)) in owners.iter().enumerate() {
                for &(_, b) in &owners[i + 1..] {
                    first_shared.get_or_insert((v, (a, b)));
                    exempt.push(below_common_ancestor(&parent, a, b));
                }
            }
        }
        exempt.sort_unstable();
        exempt.dedup();
        let mut mark = alloc::vec![usize::MAX; node_count];
        for (j, gr) in groups.iter_mut().enumerate() {
            gr.leaves.retain(|&v| {
                let keep = mark[v] != j && kept.binary_search(&(v, j)).is_ok();
                if keep {
                    mark[v] = j;
                }
                keep
            });
            gr.groups.dedup();
        }
        if let Some(j) =
            (0..g).find(|&j| groups[j].leaves.is_empty() && groups[j].groups.is_empty())
        {
            return Err(Error::EmptyGroup { group: j });
        }
        let root_leaves = (0..node_count).filter(|&v| mark[v] == usize::MAX).collect();
        let root_groups: Vec<usize> = (0..g).filter(|&j| parent[j].is_none()).collect();
        // Post-order (children in order, then the group): the order in which WebCola's
        // recursion concatenates group constraints.
        let mut order = Vec::with_capacity(g);
        for &r in &root_groups {
            let mut stack = alloc::vec![(r, 0usize)];
            while let Some(top) = stack.last_mut() {
                let (j, k) = *top;
                if let Some(&c) = groups[j].groups.get(k) {
                    top.1 += 1;
                    stack.push((c, 0));
                } else {
                    order.push(j);
                    stack.pop();
                }
            }
        }
        let mut tree = Self {
            groups,
            root_leaves,
            root_groups,
            order,
            first_shared,
            shared,
            exempt,
            apart: Vec::new(),
        };
        // Stamps per node: in the other group's members, and already listed as apart.
        let (mut in_other, mut listed_apart) = (
            alloc::vec![usize::MAX; node_count],
            alloc::vec![usize::MAX; node_count],
        );
        for (k, &(a, b)) in tree.exempt.iter().enumerate() {
            for (stamp, (x, y)) in [(2 * k, (a, b)), (2 * k + 1, (b, a))] {
                for v in tree.members(y) {
                    in_other[v] = stamp;
                }
                for v in tree.members(x) {
                    if in_other[v] != stamp && listed_apart[v] != stamp {
                        listed_apart[v] = stamp;
                        tree.apart.push((v, y));
                    }
                }
            }
        }
        Ok(tree)
    }

    /// The lowest node that is a leaf of two groups that do not nest, with the two
    /// lowest such groups; `None` when the groups nest as a tree. Such a layout needs
    /// `LayoutOptions::overlapping_groups`.
    #[must_use]
    pub fn first_shared_node(&self) -> Option<(usize, (usize, usize))> {
        self.first_shared
    }

    /// The groups, with leaves normalised (see the type's invariants).
    #[must_use]
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Number of groups.
    #[must_use]
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when there are no groups.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True when group `j` has no parent group.
    #[must_use]
    pub fn is_top_level(&self, j: usize) -> bool {
        self.root_groups.contains(&j)
    }

    /// Padding of group `j`.
    #[must_use]
    pub fn padding(&self, j: usize) -> f64 {
        self.groups[j].padding.unwrap_or(DEFAULT_PADDING)
    }

    /// Stiffness of group `j`.
    #[must_use]
    pub fn stiffness(&self, j: usize) -> f64 {
        self.groups[j].stiffness.unwrap_or(DEFAULT_STIFFNESS)
    }

    /// Nodes of group `j` and of all its descendants, each once: the group's leaves, then
    /// its descendants' (depth first, last child first).
    #[must_use]
    pub fn members(&self, j: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = alloc::vec![j];
        while let Some(k) = stack.pop() {
            out.extend(&self.groups[k].leaves);
            stack.extend(&self.groups[k].groups);
        }
        // Only a shared node can come twice (through two groups that do not nest).
        if !self.shared.is_empty() {
            let mut seen = alloc::vec![false; self.shared.len()];
            out.retain(|v| match self.shared.binary_search(v) {
                Ok(k) => !core::mem::replace(&mut seen[k], true),
                Err(_) => true,
            });
        }
        out
    }

    /// WebCola's `computeGroupBounds`: each group's box is the union of its leaves' and
    /// children's boxes, grown by its padding.
    #[must_use]
    pub fn bounds(&self, node_bounds: &[Rectangle]) -> Vec<Rectangle> {
        let mut out = alloc::vec![Rectangle::empty(); self.groups.len()];
        for &j in &self.order {
            let g = &self.groups[j];
            let mut b = Rectangle::empty();
            for &v in &g.leaves {
                b = b.union(&node_bounds[v]);
            }
            for &c in &g.groups {
                b = b.union(&out[c]);
            }
            out[j] = b.inflate(self.padding(j));
        }
        out
    }

    /// Each group's outline for drawing: the convex hull of its leaves' box corners and
    /// its children's outlines, every point grown by the group's padding (a square
    /// around it), so the outline keeps [`GroupTree::bounds`]' clearance.
    #[must_use]
    pub fn hulls(&self, node_bounds: &[Rectangle]) -> Vec<Vec<crate::geom::Point>> {
        let mut out: Vec<Vec<crate::geom::Point>> = alloc::vec![Vec::new(); self.groups.len()];
        for &j in &self.order {
            let g = &self.groups[j];
            let pad = self.padding(j);
            let mut pts = Vec::new();
            let leaf_corners = g.leaves.iter().flat_map(|&v| node_bounds[v].vertices());
            let child_points = g.groups.iter().flat_map(|&c| out[c].iter().copied());
            for p in leaf_corners.chain(child_points) {
                pts.extend(Rectangle::centred(p[0], p[1], 2.0 * pad, 2.0 * pad).vertices());
            }
            out[j] = crate::geom::convex_hull(&pts);
        }
        out
    }

    /// WebCola's `generateGroupConstraints(root, axis, 1e-6)`: non-overlap between the
    /// members of every group (a child group counting as one box), and containment of
    /// members between each group's border variables. Members that share a node get no
    /// non-overlap; instead each node of one that is not in the other stays out of the
    /// other's box. `n` is the node count; group bounds come from [`GroupTree::bounds`].
    #[must_use]
    pub fn constraints(
        &self,
        n: usize,
        axis: Axis,
        node_bounds: &[Rectangle],
        group_bounds: &[Rectangle],
    ) -> Vec<Constraint> {
        let min_var = |j: usize| n + 2 * j;
        let mut out = Vec::new();
        let levels = self
            .order
            .iter()
            .map(|&j| Some(j))
            .chain(core::iter::once(None));
        for level in levels {
            let (leaves, children) = match level {
                Some(j) => (&self.groups[j].leaves, &self.groups[j].groups),
                None => (&self.root_leaves, &self.root_groups),
            };
            let mut rects = Vec::with_capacity(leaves.len() + children.len() + 2);
            let mut vars = Vec::with_capacity(rects.capacity());
            if let Some(j) = level {
                let b = group_bounds[j];
                let p = self.padding(j);
                let (c, s) = (axis.centre(&b), axis.size(&b) / 2.0);
                let (open, close) = axis.open_close(&b);
                rects.push(axis.make_rect(open, close, c - s + p / 2.0, p));
                vars.push(min_var(j));
                rects.push(axis.make_rect(open, close, c + s - p / 2.0, p));
                vars.push(min_var(j) + 1);
            }
            for &v in leaves {
                rects.push(node_bounds[v]);
                vars.push(v);
            }
            let first_child = rects.len();
            for &c in children {
                rects.push(group_bounds[c]);
                vars.push(min_var(c));
            }
            // Only child groups share nodes: a leaf of this level is in no group below it.
            let rect_of = |j: usize| {
                children
                    .iter()
                    .position(|&c| c == j)
                    .map(|k| first_child + k)
            };
            let exempt: Vec<(usize, usize)> = self
                .exempt
                .iter()
                .filter_map(|&(a, b)| rect_of(a).zip(rect_of(b)))
                .collect();
            let mut cs = generate_constraints_except(&rects, &vars, &exempt, axis, MIN_SEPARATION);
            for &c in children {
                self.border_gaps(&mut cs, c, min_var(c), axis, group_bounds);
            }
            out.extend(cs);
        }
        for &(v, j) in &self.apart {
            let rects = [node_bounds[v], group_bounds[j]];
            let mut cs = generate_constraints(&rects, &[v, min_var(j)], axis, MIN_SEPARATION);
            self.border_gaps(&mut cs, j, min_var(j), axis, group_bounds);
            out.extend(cs);
        }
        out
    }

    /// Moves the constraints of group `j`'s box (variable `var`, its `minVar`) onto its
    /// border variables: `maxVar` when the box is on the left.
    fn border_gaps(
        &self,
        cs: &mut [Constraint],
        j: usize,
        var: usize,
        axis: Axis,
        group_bounds: &[Rectangle],
    ) {
        let adj = (self.padding(j) - axis.size(&group_bounds[j])) / 2.0;
        for k in cs {
            if k.right == var {
                k.gap += adj;
            }
            if k.left == var {
                k.left = var + 1;
                k.gap += adj;
            }
        }
    }
}

/// The ancestors-or-selves of groups `a` and `b` (which do not nest) that are siblings
/// below their lowest common ancestor (or top-level groups), as `(lower, higher)`.
fn below_common_ancestor(parent: &[Option<usize>], a: usize, b: usize) -> (usize, usize) {
    let chain = |mut x: usize| {
        let mut c = alloc::vec![x];
        while let Some(p) = parent[x] {
            c.push(p);
            x = p;
        }
        c
    };
    let (ca, cb) = (chain(a), chain(b));
    let common = ca
        .iter()
        .rev()
        .zip(cb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    // Neither chain is the other's tail, as neither group holds the other.
    let (x, y) = (ca[ca.len() - common - 1], cb[cb.len() - common - 1]);
    (x.min(y), x.max(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(leaves: &[usize], groups: &[usize]) -> Group {
        Group {
            leaves: leaves.to_vec(),
            groups: groups.to_vec(),
            ..Group::default()
        }
    }

    #[test]
    fn bad_group_structures_are_errors() {
        assert_eq!(
            GroupTree::new(2, alloc::vec![group(&[5], &[])]).unwrap_err(),
            Error::UnknownNode {
                item: "group",
                index: 0,
                node: 5
            }
        );
        assert_eq!(
            GroupTree::new(2, alloc::vec![group(&[0], &[3])]).unwrap_err(),
            Error::UnknownGroup { group: 0, child: 3 }
        );
        assert_eq!(
            GroupTree::new(2, alloc::vec![group(&[0], &[1]), group(&[1], &[0])]).unwrap_err(),
            Error::GroupCycle { group: 0 }
        );
        assert_eq!(
            GroupTree::new(
                3,
                alloc::vec![group(&[0], &[2]), group(&[1], &[2]), group(&[2], &[])]
            )
            .unwrap_err(),
            Error::GroupInTwoGroups {
                group: 2,
                parents: (0, 1)
            }
        );
        assert_eq!(
            GroupTree::new(3, alloc::vec![group(&[], &[])]).unwrap_err(),
            Error::EmptyGroup { group: 0 }
        );
    }

    #[test]
    fn node_in_nested_groups_stays_in_the_innermost() {
        let t = GroupTree::new(3, alloc::vec![group(&[0, 1], &[1]), group(&[1, 2], &[])]).unwrap();
        assert_eq!(t.groups()[0].leaves, [0]);
        assert_eq!(t.groups()[1].leaves, [1, 2]);
        assert_eq!(t.order, [1, 0]);
        let deep = GroupTree::new(
            4,
            alloc::vec![
                group(&[], &[1, 3]),
                group(&[0], &[2]),
                group(&[1], &[]),
                group(&[2, 3], &[])
            ],
        )
        .unwrap();
        assert_eq!(deep.order, [2, 1, 3, 0], "post-order");
    }

    #[test]
    fn group_bounds_contain_members_with_padding() {
        let t = GroupTree::new(
            3,
            alloc::vec![
                group(&[0], &[1]),
                Group {
                    padding: Some(5.0),
                    ..group(&[1], &[])
                }
            ],
        )
        .unwrap();
        let nodes = [
            Rectangle::centred(0.0, 0.0, 10.0, 10.0),
            Rectangle::centred(30.0, 0.0, 10.0, 10.0),
            Rectangle::centred(99.0, 0.0, 1.0, 1.0),
        ];
        let b = t.bounds(&nodes);
        assert_eq!(b[1], Rectangle::new(20.0, 40.0, -10.0, 10.0));
        assert_eq!(b[0], Rectangle::new(-6.0, 41.0, -11.0, 11.0));
    }

    #[test]
    fn a_node_in_two_groups_that_do_not_nest_stays_in_both() {
        let t = GroupTree::new(4, alloc::vec![group(&[0, 1], &[]), group(&[1, 2], &[])]).unwrap();
        assert_eq!(t.first_shared_node(), Some((1, (0, 1))));
        assert_eq!(t.groups()[0].leaves, [0, 1]);
        assert_eq!(t.groups()[1].leaves, [1, 2]);
        assert_eq!(t.root_leaves, [3]);
        assert_eq!(t.exempt, [(0, 1)]);
        assert_eq!(
            t.apart,
            [(0, 1), (2, 0)],
            "0 out of group 1, 2 out of group 0"
        );
        let nested = GroupTree::new(2, alloc::vec![group(&[0], &[1]), group(&[0, 1], &[])]);
        assert_eq!(nested.unwrap().first_shared_node(), None);
    }

    #[test]
    fn sharing_is_relaxed_between_the_children_of_the_lowest_common_ancestor() {
        // Group 0 holds 1 and 2; node 3 is in 1 and 2, node 4 in 2 and top-level 3.
        let t = GroupTree::new(
            6,
            alloc::vec![
                group(&[0], &[1, 2]),
                group(&[3, 5], &[]),
                group(&[3, 4], &[]),
                group(&[4], &[])
            ],
        )
        .unwrap();
        assert_eq!(t.first_shared_node(), Some((3, (1, 2))));
        assert_eq!(t.exempt, [(0, 3), (1, 2)]);
        let mut m = t.members(0);
        m.sort_unstable();
        assert_eq!(m, [0, 3, 4, 5], "each member once");
        let mut apart = t.apart.clone();
        apart.sort_unstable();
        assert_eq!(apart, [(0, 3), (3, 3), (4, 1), (5, 2), (5, 3)]);
    }

    #[test]
    fn groups_sharing_a_node_get_no_mutual_constraint_but_keep_the_others_out() {
        let t = GroupTree::new(3, alloc::vec![group(&[0, 1], &[]), group(&[1, 2], &[])]).unwrap();
        let nodes = [
            Rectangle::centred(0.0, 0.0, 10.0, 10.0),
            Rectangle::centred(12.0, 0.0, 10.0, 10.0),
            Rectangle::centred(24.0, 0.0, 10.0, 10.0),
        ];
        let b = t.bounds(&nodes);
        let cs = t.constraints(3, Axis::X, &nodes, &b);
        let (min0, max0, min1, max1) = (3, 4, 5, 6);
        let has = |l, r| cs.iter().any(|c| (c.left, c.right) == (l, r));
        let group = |v: usize| (v >= 3).then(|| (v - 3) / 2);
        assert!(
            !cs.iter().any(|c| group(c.left).is_some()
                && group(c.right).is_some()
                && group(c.left) != group(c.right)),
            "no constraint between the two groups' borders"
        );
        assert!(has(0, min1), "node 0 left of group 1");
        assert!(has(max0, 2), "node 2 right of group 0");
        for (l, r) in [(min0, 0), (0, 1), (1, max0), (min1, 1), (1, 2), (2, max1)] {
            assert!(has(l, r), "{l} left of {r}: the groups hold their nodes");
        }
    }
}
