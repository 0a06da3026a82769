//! What the parser builds: nodes with their attributes, edges, clusters, and the scopes
//! of `node`/`edge` defaults. Attributes are parsed when they are read, into the few
//! values colayout uses, so a default costs the same however many nodes it reaches.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::POINTS_PER_INCH;
use crate::constraints::Group;
use crate::error::Error;
use crate::graph::{Graph, Link, Node};
use crate::io::{Input, Limits};

/// `key=value` pairs as written.
pub(super) type Attrs = Vec<(String, String)>;

/// The node attributes colayout uses, in layout units; `None` where not given.
#[derive(Clone, Debug, Default)]
struct NodeAttrs {
    width: Option<f64>,
    height: Option<f64>,
    /// `Some(None)`: `label="\N"`, the node's ID.
    label: Option<Option<String>>,
    /// `(x, y, pinned)`: `pos="x,y"` or `pos="x,y!"`, y negated.
    pos: Option<(f64, f64, bool)>,
    pin: Option<bool>,
}

impl NodeAttrs {
    fn read(&mut self, attrs: &Attrs, line: usize) -> Result<(), String> {
        for (k, v) in attrs {
            match k.as_str() {
                "width" => self.width = Some(number(v, k, line)? * POINTS_PER_INCH),
                "height" => self.height = Some(number(v, k, line)? * POINTS_PER_INCH),
                "label" => self.label = Some((v != "\\N").then(|| v.clone())),
                "pos" => {
                    let (xy, pinned) = v
                        .strip_suffix('!')
                        .map_or((v.as_str(), false), |xy| (xy, true));
                    let mut parts = xy.split(',');
                    let (Some(x), Some(y)) = (parts.next(), parts.next()) else {
                        return Err(format!("line {line}: pos={v:?} is not \"x,y\""));
                    };
                    self.pos = Some((number(x, k, line)?, -number(y, k, line)?, pinned));
                }
                "pin" => self.pin = Some(v.eq_ignore_ascii_case("true") || v == "1"),
                _ => {}
            }
        }
        Ok(())
    }

    /// `self` with `over`'s given values on top.
    fn merge(&mut self, over: &NodeAttrs) {
        self.width = over.width.or(self.width);
        self.height = over.height.or(self.height);
        if over.label.is_some() {
            self.label.clone_from(&over.label);
        }
        self.pos = over.pos.or(self.pos);
        self.pin = over.pin.or(self.pin);
    }
}

/// The edge attributes colayout uses.
#[derive(Clone, Copy, Debug, Default)]
struct EdgeAttrs {
    len: Option<f64>,
    weight: Option<f64>,
}

impl EdgeAttrs {
    fn read(&mut self, attrs: &Attrs, line: usize) -> Result<(), String> {
        for (k, v) in attrs {
            match k.as_str() {
                "len" => self.len = Some(number(v, k, line)? * POINTS_PER_INCH),
                "weight" => self.weight = Some(number(v, k, line)?),
                _ => {}
            }
        }
        Ok(())
    }

    fn merge(&mut self, over: &EdgeAttrs) {
        self.len = over.len.or(self.len);
        self.weight = over.weight.or(self.weight);
    }
}

/// A subgraph being read: its defaults, its cluster, and the nodes named in it (for a
/// subgraph used as an edge end).
#[derive(Default)]
struct Scope {
    node_defaults: NodeAttrs,
    edge_defaults: EdgeAttrs,
    members: Vec<usize>,
    cluster: Option<usize>,
}

/// A cluster: its parent cluster and its `margin`.
struct Cluster {
    parent: Option<usize>,
    margin: Option<f64>,
}

pub(super) struct Builder {
    limits: Limits,
    ids: Vec<String>,
    index: BTreeMap<String, usize>,
    nodes: Vec<NodeAttrs>,
    /// Each node's innermost cluster so far.
    owner: Vec<Option<usize>>,
    edges: Vec<(usize, usize, EdgeAttrs)>,
    clusters: Vec<Cluster>,
    /// The open subgraphs, the graph itself first.
    scopes: Vec<Scope>,
    pub(super) strict: bool,
    /// `digraph`.
    pub(super) directed: bool,
    /// A typed error behind the last message (limits, a node in two clusters).
    pub(super) error: Option<Error>,
}

impl Builder {
    pub(super) fn new(limits: Limits) -> Self {
        Self {
            limits,
            ids: Vec::new(),
            index: BTreeMap::new(),
            nodes: Vec::new(),
            owner: Vec::new(),
            edges: Vec::new(),
            clusters: Vec::new(),
            scopes: alloc::vec![Scope::default()],
            strict: false,
            directed: false,
            error: None,
        }
    }

    fn fail(&mut self, e: Error) -> String {
        let text = e.to_string();
        self.error = Some(e);
        text
    }

    /// Depth of subgraph nesting.
    pub(super) fn depth(&self) -> usize {
        self.scopes.len()
    }

    /// Opens a subgraph; a `cluster` one becomes a group inside the enclosing cluster.
    pub(super) fn open(&mut self, cluster: bool) {
        let cluster = cluster.then(|| {
            let parent = self.scopes.iter().rev().find_map(|s| s.cluster);
            self.clusters.push(Cluster {
                parent,
                margin: None,
            });
            self.clusters.len() - 1
        });
        self.scopes.push(Scope {
            cluster,
            ..Scope::default()
        });
    }

    /// Closes the innermost subgraph; returns the nodes named in it, once each.
    pub(super) fn close(&mut self) -> Vec<usize> {
        let mut members = self.scopes.pop().map(|s| s.members).unwrap_or_default();
        members.sort_unstable();
        members.dedup();
        if self.scopes.len() > 1 {
            if let Some(parent) = self.scopes.last_mut() {
                parent.members.extend_from_slice(&members);
            }
        }
        members
    }

    pub(super) fn node_defaults(&mut self, attrs: &Attrs, line: usize) -> Result<(), String> {
        match self.scopes.last_mut() {
            Some(s) => s.node_defaults.read(attrs, line),
            None => Ok(()),
        }
    }

    pub(super) fn edge_defaults(&mut self, attrs: &Attrs, line: usize) -> Result<(), String> {
        match self.scopes.last_mut() {
            Some(s) => s.edge_defaults.read(attrs, line),
            None => Ok(()),
        }
    }

    /// Graph attributes: a cluster keeps its `margin` (points); others are ignored.
    pub(super) fn graph_attrs(&mut self, attrs: &Attrs, line: usize) -> Result<(), String> {
        if let Some(c) = self.scopes.last().and_then(|s| s.cluster) {
            for (k, v) in attrs {
                if k == "margin" {
                    self.clusters[c].margin = Some(number(v, k, line)?);
                }
            }
        }
        Ok(())
    }

    /// The node named `id`, created with the current defaults when new, and named in
    /// the open subgraphs.
    pub(super) fn node(&mut self, id: &str) -> Result<usize, String> {
        let v = match self.index.get(id) {
            Some(&v) => v,
            None => {
                let v = self.ids.len();
                if v == self.limits.max_nodes {
                    return Err(self.fail(Error::InputTooLarge {
                        what: "nodes",
                        count: v as u64 + 1,
                        limit: v as u64,
                    }));
                }
                self.ids.push(id.to_string());
                self.index.insert(id.to_string(), v);
                let mut attrs = NodeAttrs::default();
                for s in &self.scopes {
                    attrs.merge(&s.node_defaults);
                }
                self.nodes.push(attrs);
                self.owner.push(None);
                v
            }
        };
        if self.scopes.len() > 1 {
            if let Some(s) = self.scopes.last_mut() {
                s.members.push(v);
            }
        }
        if let Some(c) = self.scopes.iter().rev().find_map(|s| s.cluster) {
            self.own(v, c)?;
        }
        Ok(v)
    }

    /// Puts node `v` in cluster `c` if `c` is inside its cluster so far; a node in two
    /// clusters of which neither holds the other is an error, as in a JSON graph.
    fn own(&mut self, v: usize, c: usize) -> Result<(), String> {
        let inside = |mut a: usize, b: usize, clusters: &[Cluster]| loop {
            if a == b {
                return true;
            }
            match clusters[a].parent {
                Some(p) => a = p,
                None => return false,
            }
        };
        self.owner[v] = match self.owner[v] {
            None => Some(c),
            Some(o) if inside(c, o, &self.clusters) => Some(c),
            Some(o) if inside(o, c, &self.clusters) => Some(o),
            Some(o) => {
                return Err(self.fail(Error::NodeInTwoGroups {
                    node: v,
                    groups: (o.min(c), o.max(c)),
                }))
            }
        };
        Ok(())
    }

    pub(super) fn set_node_attrs(
        &mut self,
        v: usize,
        attrs: &Attrs,
        line: usize,
    ) -> Result<(), String> {
        self.nodes[v].read(attrs, line)
    }

    /// Edges from every node of each set to every node of the next, with the current
    /// defaults and `attrs`; refused before any is made when they would pass the limit.
    pub(super) fn edges(
        &mut self,
        sets: &[Vec<usize>],
        attrs: &Attrs,
        line: usize,
    ) -> Result<(), String> {
        let count = sets
            .windows(2)
            .map(|w| (w[0].len() as u64).saturating_mul(w[1].len() as u64))
            .fold(self.edges.len() as u64, u64::saturating_add);
        let limit = self.limits.max_links as u64;
        if count > limit {
            return Err(self.fail(Error::InputTooLarge {
                what: "links",
                count,
                limit,
            }));
        }
        let mut e = EdgeAttrs::default();
        for s in &self.scopes {
            e.merge(&s.edge_defaults);
        }
        let mut given = EdgeAttrs::default();
        given.read(attrs, line)?;
        e.merge(&given);
        for w in sets.windows(2) {
            for &a in &w[0] {
                for &b in &w[1] {
                    self.edges.push((a, b, e));
                }
            }
        }
        Ok(())
    }

    pub(super) fn finish(self) -> Result<Input, Error> {
        let mut nodes = Vec::with_capacity(self.ids.len());
        let mut labels = Vec::with_capacity(self.ids.len());
        for (id, a) in self.ids.into_iter().zip(&self.nodes) {
            let (x, y, pinned) = a
                .pos
                .map_or((None, None, false), |(x, y, p)| (Some(x), Some(y), p));
            nodes.push(Node {
                x,
                y,
                z: None,
                width: a.width,
                height: a.height,
                fixed: a.pin.unwrap_or(false) || pinned,
            });
            labels.push(Some(a.label.clone().flatten().unwrap_or(id)));
        }
        let mut links = Vec::with_capacity(self.edges.len());
        let mut seen = BTreeSet::new();
        for &(a, b, e) in &self.edges {
            if self.strict && !seen.insert((a.min(b), a.max(b))) {
                continue;
            }
            links.push(Link {
                length: e.len,
                weight: e.weight,
                ..Link::new(a, b)
            });
        }
        let mut groups: Vec<Group> = self
            .clusters
            .iter()
            .map(|c| Group {
                padding: c.margin,
                ..Group::default()
            })
            .collect();
        for (v, o) in self.owner.iter().enumerate() {
            if let Some(c) = *o {
                groups[c].leaves.push(v);
            }
        }
        for (j, c) in self.clusters.iter().enumerate() {
            if let Some(p) = c.parent {
                groups[p].groups.push(j);
            }
        }
        let graph = Graph::new(nodes, links)?.with_groups(groups)?;
        Ok(Input {
            graph,
            labels,
            directed: self.directed,
        })
    }
}

fn number(v: &str, name: &str, line: usize) -> Result<f64, String> {
    match v.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("line {line}: {name}={v:?} is not a number")),
    }
}
