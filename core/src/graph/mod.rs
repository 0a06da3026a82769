//! Validated input graphs: nodes, links and CSR adjacency.

mod arrays;

use alloc::vec::Vec;

pub use arrays::{check_node_count, GraphArrays, MAX_NODES};

use crate::constraints::{self, Group, GroupTree, UserConstraint};
use crate::error::{Error, Result};

/// One node, in WebCola's input shape. All fields are optional.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Node {
    /// Initial x. When absent the layout starts the node at the canvas centre
    /// (WebCola's rule), and coincident nodes are then spread by the seeded LCG.
    pub x: Option<f64>,
    /// Initial y; absent means the canvas centre.
    pub y: Option<f64>,
    /// Initial z, used by 3-D layouts only; absent means 0.
    pub z: Option<f64>,
    /// Box width in layout units (pixels in WebCola); absent means
    /// [`crate::LayoutOptions::default_node_size`] for packing.
    pub width: Option<f64>,
    /// Box height in layout units.
    pub height: Option<f64>,
    /// A fixed node keeps its initial position: WebCola's `fixed`.
    pub fixed: bool,
}

/// One undirected link between two nodes, given by 0-based node indices.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Link {
    /// Index of one end.
    pub source: usize,
    /// Index of the other end.
    pub target: usize,
    /// Ideal length of this link, used by [`crate::LinkLengths::Given`].
    #[cfg_attr(feature = "serde", serde(default))]
    pub length: Option<f64>,
    /// Stress weight of this link. WebCola's `weight`: absent or 0 means 1; a weight
    /// above 1 makes the link behave like a non-adjacent pair under P-stress.
    #[cfg_attr(feature = "serde", serde(default))]
    pub weight: Option<f64>,
}

impl Link {
    /// A link with no length or weight.
    #[must_use]
    pub fn new(source: usize, target: usize) -> Self {
        Self {
            source,
            target,
            length: None,
            weight: None,
        }
    }
}

/// A validated graph with compressed-sparse-row adjacency.
///
/// Invariants, checked by [`Graph::new`]:
/// - every link endpoint is `< node_count()`, and the node count fits in `u32`;
/// - every coordinate and size is finite, sizes are `>= 0`;
/// - link lengths are finite and `> 0`, link weights finite and `>= 0`.
///
/// Adjacency: the neighbours of node `u` are `adj_nodes[adj_start[u]..adj_start[u + 1]]`,
/// and `adj_links` holds, at the same positions, the index of the link that made each
/// entry. A link `(s, t)` with `s != t` appears in both rows; a self-loop appears once.
/// Duplicate links appear once per link. Within a row, entries are in link order.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    nodes: Vec<Node>,
    links: Vec<Link>,
    adj_start: Vec<u32>,
    adj_nodes: Vec<u32>,
    adj_links: Vec<u32>,
    groups: GroupTree,
    constraints: Vec<UserConstraint>,
}

impl Graph {
    /// Validates nodes and links and builds the adjacency.
    ///
    /// # Errors
    /// [`Error::LinkOutOfRange`], [`Error::NonFiniteCoordinate`], [`Error::NonFiniteSize`],
    /// [`Error::NegativeSize`], [`Error::InvalidLinkLength`], [`Error::InvalidLinkWeight`],
    /// or [`Error::InputTooLarge`] when the node or link count does not fit in `u32`.
    pub fn new(nodes: Vec<Node>, links: Vec<Link>) -> Result<Self> {
        let n = nodes.len();
        for (what, count) in [("nodes", n), ("links", links.len())] {
            if u32::try_from(count).is_err() {
                return Err(Error::InputTooLarge {
                    what,
                    count: count as u64,
                    limit: u64::from(u32::MAX),
                });
            }
        }
        for (i, v) in nodes.iter().enumerate() {
            if [v.x, v.y, v.z].iter().flatten().any(|c| !c.is_finite()) {
                return Err(Error::NonFiniteCoordinate { node: i });
            }
            for s in [v.width, v.height].into_iter().flatten() {
                if !s.is_finite() {
                    return Err(Error::NonFiniteSize { node: i });
                }
                if s < 0.0 {
                    return Err(Error::NegativeSize { node: i, value: s });
                }
            }
        }
        for (i, l) in links.iter().enumerate() {
            for node in [l.source, l.target] {
                if node >= n {
                    return Err(Error::LinkOutOfRange {
                        link: i,
                        node: i64::try_from(node).unwrap_or(i64::MAX),
                        node_count: n,
                    });
                }
            }
            if let Some(len) = l.length {
                if !(len.is_finite() && len > 0.0) {
                    return Err(Error::InvalidLinkLength {
                        link: i,
                        value: len,
                    });
                }
            }
            if let Some(w) = l.weight {
                if !(w.is_finite() && w >= 0.0) {
                    return Err(Error::InvalidLinkWeight { link: i, value: w });
                }
            }
        }
        let (adj_start, adj_nodes, adj_links) = build_csr(n, &links);
        Ok(Self {
            groups: GroupTree::new(n, Vec::new())?,
            nodes,
            links,
            adj_start,
            adj_nodes,
            adj_links,
            constraints: Vec::new(),
        })
    }

    /// The same graph with `groups` (WebCola's `groups`), replacing any it had.
    ///
    /// A node listed in a group and in one of that group's ancestors is kept in the
    /// innermost group only. (WebCola keeps it in both, which makes the containment
    /// constraints contradict the non-overlap ones.) A node in two groups that do not
    /// nest is kept in both; a [`crate::Layout`] of it needs
    /// [`crate::LayoutOptions::overlapping_groups`].
    ///
    /// # Errors
    /// [`Error::UnknownNode`], [`Error::UnknownGroup`], [`Error::GroupCycle`],
    /// [`Error::GroupInTwoGroups`], [`Error::EmptyGroup`], [`Error::InvalidGroupValue`].
    /// (WebCola throws a `TypeError` on a cycle.)
    pub fn with_groups(mut self, groups: Vec<Group>) -> Result<Self> {
        self.groups = GroupTree::new(self.node_count(), groups)?;
        Ok(self)
    }

    /// The same graph with user `constraints`, replacing any it had.
    ///
    /// # Errors
    /// [`Error::UnknownNode`], [`Error::EmptyConstraint`], [`Error::NonFiniteConstraint`],
    /// [`Error::InvalidDistribution`].
    pub fn with_constraints(mut self, constraints: Vec<UserConstraint>) -> Result<Self> {
        constraints::user::validate(&constraints, self.node_count())?;
        self.constraints = constraints;
        Ok(self)
    }

    /// The groups.
    #[must_use]
    pub fn groups(&self) -> &GroupTree {
        &self.groups
    }

    /// The user constraints.
    #[must_use]
    pub fn constraints(&self) -> &[UserConstraint] {
        &self.constraints
    }

    /// A graph of `node_count` default nodes and plain links: the corpus shape
    /// `{"nodes": N, "links": [[u, v], ...]}`.
    ///
    /// # Errors
    /// As [`Graph::new`].
    pub fn from_edges(
        node_count: usize,
        edges: impl IntoIterator<Item = (usize, usize)>,
    ) -> Result<Self> {
        let links = edges.into_iter().map(|(s, t)| Link::new(s, t)).collect();
        Self::new(alloc::vec![Node::default(); node_count], links)
    }

    /// Number of nodes.
    #[inline]
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of links.
    #[inline]
    #[must_use]
    pub fn link_count(&self) -> usize {
        self.links.len()
    }

    /// The nodes, in input order.
    #[inline]
    #[must_use]
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The links, in input order.
    #[inline]
    #[must_use]
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Neighbours of `u`, one entry per incident link (see the type's invariants).
    ///
    /// # Panics
    /// If `u >= node_count()`.
    #[inline]
    #[must_use]
    pub fn neighbours(&self, u: usize) -> &[u32] {
        &self.adj_nodes[self.adj_start[u] as usize..self.adj_start[u + 1] as usize]
    }

    /// The link indices matching [`Graph::neighbours`] entry for entry.
    ///
    /// # Panics
    /// If `u >= node_count()`.
    #[inline]
    #[must_use]
    pub fn incident_links(&self, u: usize) -> &[u32] {
        &self.adj_links[self.adj_start[u] as usize..self.adj_start[u + 1] as usize]
    }

    /// Connected components, as WebCola's `separateGraphs` finds them: nodes in index
    /// order start new components, and each is explored depth-first in adjacency order.
    /// Isolated nodes form components of their own.
    #[must_use]
    pub fn components(&self) -> Vec<Vec<usize>> {
        self.components_where(|_| &[])
    }

    /// Components for packing: as [`Graph::components`], but the members of a top-level
    /// group, and the nodes of each user constraint, always share a component, so
    /// packing never tears a group apart or breaks a constraint. (WebCola uses links
    /// only.)
    #[must_use]
    pub fn packing_components(&self) -> Vec<Vec<usize>> {
        let groups = &self.groups;
        let mut sets: Vec<Vec<usize>> = (0..groups.len())
            .filter(|&j| groups.is_top_level(j))
            .map(|j| groups.members(j))
            .collect();
        sets.extend(self.constraints.iter().map(|c| c.nodes(&self.constraints)));
        if sets.iter().all(|m| m.len() < 2) {
            return self.components();
        }
        // Extra adjacency: each member to its set's first member, and back.
        let mut extra: Vec<Vec<usize>> = alloc::vec![Vec::new(); self.node_count()];
        for m in &sets {
            if let Some((&first, rest)) = m.split_first() {
                for &v in rest {
                    extra[v].push(first);
                }
                extra[first].extend_from_slice(rest);
            }
        }
        self.components_where(|u| &extra[u])
    }

    fn components_where<'a>(&self, extra: impl Fn(usize) -> &'a [usize]) -> Vec<Vec<usize>> {
        let n = self.node_count();
        let mut seen = alloc::vec![false; n];
        let mut out = Vec::new();
        // Iterative DFS visiting neighbours in the order WebCola's recursion does.
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for s in 0..n {
            if seen[s] {
                continue;
            }
            let mut comp = Vec::new();
            seen[s] = true;
            comp.push(s);
            stack.push((s, 0));
            while let Some(top) = stack.last_mut() {
                let (u, k) = *top;
                let nb = self.neighbours(u);
                let group = extra(u);
                if k < nb.len() + group.len() {
                    top.1 += 1;
                    let v = if k < nb.len() {
                        nb[k] as usize
                    } else {
                        group[k - nb.len()]
                    };
                    if !seen[v] {
                        seen[v] = true;
                        comp.push(v);
                        stack.push((v, 0));
                    }
                } else {
                    stack.pop();
                }
            }
            out.push(comp);
        }
        out
    }
}

fn build_csr(n: usize, links: &[Link]) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let mut degree = alloc::vec![0u32; n + 1];
    for l in links {
        degree[l.source] += 1;
        if l.source != l.target {
            degree[l.target] += 1;
        }
    }
    let mut start = alloc::vec![0u32; n + 1];
    for u in 0..n {
        start[u + 1] = start[u] + degree[u];
    }
    let total = start[n] as usize;
    let mut fill = start.clone();
    let mut nodes = alloc::vec![0u32; total];
    let mut link_ids = alloc::vec![0u32; total];
    for (i, l) in links.iter().enumerate() {
        let mut put = |u: usize, v: usize| {
            let at = fill[u] as usize;
            nodes[at] = v as u32;
            link_ids[at] = i as u32;
            fill[u] += 1;
        };
        put(l.source, l.target);
        if l.source != l.target {
            put(l.target, l.source);
        }
    }
    (start, nodes, link_ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacency_lists_both_ends_in_link_order() {
        let g = Graph::from_edges(4, [(0, 1), (2, 0), (1, 1), (0, 1)]).unwrap();
        assert_eq!(g.neighbours(0), &[1, 2, 1]);
        assert_eq!(g.incident_links(0), &[0, 1, 3]);
        assert_eq!(g.neighbours(1), &[0, 1, 0]);
        assert_eq!(g.neighbours(3), &[] as &[u32]);
    }

    #[test]
    fn link_to_missing_node_is_an_error() {
        let e = Graph::from_edges(2, [(0, 2)]).unwrap_err();
        assert_eq!(
            e,
            Error::LinkOutOfRange {
                link: 0,
                node: 2,
                node_count: 2
            }
        );
    }

    #[test]
    fn bad_numbers_are_errors() {
        let node = |f: fn(&mut Node)| {
            let mut v = Node::default();
            f(&mut v);
            Graph::new(alloc::vec![v], Vec::new()).unwrap_err()
        };
        assert_eq!(
            node(|v| v.x = Some(f64::NAN)),
            Error::NonFiniteCoordinate { node: 0 }
        );
        assert_eq!(
            node(|v| v.y = Some(f64::INFINITY)),
            Error::NonFiniteCoordinate { node: 0 }
        );
        assert_eq!(
            node(|v| v.width = Some(f64::NAN)),
            Error::NonFiniteSize { node: 0 }
        );
        assert_eq!(
            node(|v| v.height = Some(-1.0)),
            Error::NegativeSize {
                node: 0,
                value: -1.0
            }
        );
        let link =
            |l: Link| Graph::new(alloc::vec![Node::default(); 2], alloc::vec![l]).unwrap_err();
        let mut l = Link::new(0, 1);
        l.length = Some(0.0);
        assert_eq!(
            link(l.clone()),
            Error::InvalidLinkLength {
                link: 0,
                value: 0.0
            }
        );
        l.length = None;
        l.weight = Some(-2.0);
        assert_eq!(
            link(l),
            Error::InvalidLinkWeight {
                link: 0,
                value: -2.0
            }
        );
    }

    #[test]
    fn components_in_webcola_discovery_order() {
        let g = Graph::from_edges(6, [(3, 4), (0, 5), (5, 2)]).unwrap();
        assert_eq!(
            g.components(),
            alloc::vec![alloc::vec![0, 5, 2], alloc::vec![1], alloc::vec![3, 4]]
        );
    }
}
