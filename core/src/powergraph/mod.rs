//! Power graphs (WebCola's `powergraph.ts`): a greedy decomposition of a graph into
//! nested modules, so that a few power edges between modules stand for the links.
//!
//! WebCola merges, at each step, the pair of top-level modules that share the most
//! neighbours (the pair first in id order on ties), until no pair shares one. It
//! recomputes every pair at every step; here each pair's count is kept in a heap and
//! recomputed only when a module it touches changed. Counts only fall when modules
//! merge, so a heap entry whose modules did not change since it was counted is the
//! exact best: the same merges, in the same order, as WebCola's.

mod config;

use alloc::vec::Vec;

use crate::constraints::Group;
use crate::error::{Error, Result};
use crate::graph::Graph;

pub use config::Configuration;

/// One end of a power edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PowerEnd {
    /// A node, by index.
    Node(usize),
    /// A group of [`PowerGraph::groups`], by index.
    Group(usize),
}

/// An edge between modules: every node under `source` links to every node under
/// `target` (WebCola's `PowerEdge`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PowerEdge {
    /// Where it starts.
    pub source: PowerEnd,
    /// Where it ends.
    pub target: PowerEnd,
    /// The link type the edge stands for (0 unless links are typed).
    pub link_type: u32,
}

/// A group of the decomposition: nodes and child groups, by index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PowerGroup {
    /// Member nodes.
    pub leaves: Vec<usize>,
    /// Child groups, by index into [`PowerGraph::groups`].
    pub groups: Vec<usize>,
}

/// The groups and power edges of [`power_graph`] (WebCola's `getGroups` result).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PowerGraph {
    /// Groups in WebCola's order; a group's index is its WebCola `id`.
    pub groups: Vec<PowerGroup>,
    /// Power edges in WebCola's order.
    pub power_edges: Vec<PowerEdge>,
}

impl PowerGraph {
    /// The nodes under an end (a node, or every leaf of a group and its descendants).
    /// Groups must nest without cycles, as [`power_graph`]'s do.
    #[must_use]
    pub fn leaves(&self, end: PowerEnd) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = alloc::vec![end];
        while let Some(e) = stack.pop() {
            match e {
                PowerEnd::Node(v) => out.push(v),
                // A group index past the list (a hand-made graph) holds nothing.
                PowerEnd::Group(g) => {
                    if let Some(group) = self.groups.get(g) {
                        out.extend_from_slice(&group.leaves);
                        stack.extend(group.groups.iter().map(|&c| PowerEnd::Group(c)));
                    }
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The groups as layout groups (WebCola's `powerGraphGroups` sets them on the
    /// layout): same members, the core's default padding and stiffness.
    #[must_use]
    pub fn layout_groups(&self) -> Vec<Group> {
        self.groups
            .iter()
            .map(|g| Group {
                leaves: g.leaves.clone(),
                groups: g.groups.clone(),
                ..Group::default()
            })
            .collect()
    }

    /// Every `(source, target, type)` the power edges stand for, sorted: the links of
    /// the graph, each once.
    #[must_use]
    pub fn expanded_links(&self) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        for e in &self.power_edges {
            for &s in &self.leaves(e.source) {
                for &t in &self.leaves(e.target) {
                    out.push((s, t, e.link_type));
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// WebCola's greedy power-graph decomposition of `n` nodes and their `links`
/// (`(source, target, type)`; use type 0 for untyped links): `powerGraphGroups`.
///
/// # Errors
/// [`Error::NodeOutOfRange`] for a link end past `n`, [`Error::InputTooLarge`] for
/// more than `u32::MAX` nodes or links.
pub fn power_graph(n: usize, links: &[(usize, usize, u32)]) -> Result<PowerGraph> {
    // Merges add at most n - 1 modules, and module ids are u32.
    let limit = u64::from(u32::MAX / 2);
    for (what, count) in [("nodes", n), ("links", links.len())] {
        if count as u64 >= limit {
            return Err(Error::InputTooLarge {
                what,
                count: count as u64,
                limit,
            });
        }
    }
    for &(s, t, _) in links {
        for end in [s, t] {
            if end >= n {
                return Err(Error::NodeOutOfRange {
                    node: end,
                    node_count: n,
                });
            }
        }
    }
    let mut c = Configuration::new(n, links);
    while c.greedy_merge() {}
    Ok(c.group_hierarchy())
}

/// [`power_graph`] of a graph's links, all of type 0 (WebCola's default `linkType`).
///
/// # Errors
/// As [`power_graph`].
pub fn power_graph_of(graph: &Graph) -> Result<PowerGraph> {
    let links: Vec<(usize, usize, u32)> = graph
        .links()
        .iter()
        .map(|l| (l.source, l.target, 0))
        .collect();
    power_graph(graph.node_count(), &links)
}

#[cfg(test)]
mod tests;
