//! Nested groups of nodes: validation, bounds, and WebCola's group containment and
//! group non-overlap constraints (`computeGroupBounds`, `generateGroupConstraints`).
//!
//! Each group `j` has two VPSC variables per axis, at indices `n + 2j` (its left/top
//! border, `minVar`) and `n + 2j + 1` (its right/bottom border, `maxVar`), which are also
//! the descent's two dummy nodes for the group.

use alloc::vec::Vec;

use super::overlap::{generate_constraints, MIN_SEPARATION};
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
/// Invariants: every group has one parent or none, there are no cycles, every node is a
/// leaf of at most one group (a node listed in a group and in one of its ancestors is
/// kept in the innermost group only), and no group is empty. `order` lists the groups
/// children-first.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupTree {
    groups: Vec<Group>,
    root_leaves: Vec<usize>,
    root_groups: Vec<usize>,
    order: Vec<usize>,
}

impl GroupTree {
    /// Validates `groups` over `node_count` nodes.
    ///
    /// # Errors
    /// [`Error::UnknownNode`], [`Error::UnknownGroup`], [`Error::GroupCycle`],
    /// [`Error::GroupInTwoGroups`], [`Error::NodeInTwoGroups`], [`Error::EmptyGroup`],
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
        let mut owner: Vec<Option<usize>> = alloc::vec![None; node_count];
        for (j, group) in groups.iter().enumerate() {
            for &v in &group.leaves {
                owner[v] = match owner[v] {
                    None => Some(j),
                    Some(o) if o == j || is_ancestor(j, o) => Some(o),
                    Some(o) if is_ancestor(o, j) => Some(j),
                    Some(o) => {
                        return Err(Error::NodeInTwoGroups {
                            node: v,
                            groups: (o, j),
                        })
                    }
                };
            }
        }
        for (j, gr) in groups.iter_mut().enumerate() {
            let mut seen = Vec::with_capacity(gr.leaves.len());
            gr.leaves.retain(|&v| {
                let keep = owner[v] == Some(j) && !seen.contains(&v);
                seen.push(v);
                keep
            });
            gr.groups.dedup();
        }
        if let Some(j) =
            (0..g).find(|&j| groups[j].leaves.is_empty() && groups[j].groups.is_empty())
        {
            return Err(Error::EmptyGroup { group: j });
        }
        let root_leaves = (0..node_count).filter(|&v| owner[v].is_none()).collect();
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
        Ok(Self {
            groups,
            root_leaves,
            root_groups,
            order,
        })
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

    /// Nodes of group `j` and of all its descendants.
    #[must_use]
    pub fn members(&self, j: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = alloc::vec![j];
        while let Some(k) = stack.pop() {
            out.extend(&self.groups[k].leaves);
            stack.extend(&self.groups[k].groups);
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

    /// WebCola's `generateGroupConstraints(root, axis, 1e-6)`: non-overlap between the
    /// members of every group (a child group counting as one box), and containment of
    /// members between each group's border variables. `n` is the node count; group
    /// bounds come from [`GroupTree::bounds`].
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
            for &c in children {
                rects.push(group_bounds[c]);
                vars.push(min_var(c));
            }
            let mut cs = generate_constraints(&rects, &vars, axis, MIN_SEPARATION);
            for &c in children {
                let adj = (self.padding(c) - axis.size(&group_bounds[c])) / 2.0;
                for k in &mut cs {
                    if k.right == min_var(c) {
                        k.gap += adj;
                    }
                    if k.left == min_var(c) {
                        k.left = min_var(c) + 1;
                        k.gap += adj;
                    }
                }
            }
            out.extend(cs);
        }
        out
    }
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
            GroupTree::new(3, alloc::vec![group(&[0, 1], &[]), group(&[1, 2], &[])]).unwrap_err(),
            Error::NodeInTwoGroups {
                node: 1,
                groups: (0, 1)
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
}
