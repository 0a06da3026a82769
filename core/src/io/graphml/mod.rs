//! GraphML input (yEd, Gephi, networkx's `write_graphml`), read into the same
//! [`Input`] as WebCola's JSON and DOT.
//!
//! Read: the first `<graph>` (its `edgedefault` says whether links are directed), its
//! `<node>`s and `<edge>`s at any depth, and `<key>` declarations with their defaults.
//! Node data by `attr.name` (any case): `x`, `y`, `width`, `height` (layout units) and
//! `label` (else the node's `id`). Edge data: `weight` and `length`. A node holding a
//! nested `<graph>` is a group of that graph's nodes and groups, as GraphML nests them;
//! edges must join plain nodes. Other keys, ports and hyperedges are ignored.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{Input, Limits};
use crate::constraints::Group;
use crate::error::{Error, Result};
use crate::graph::{Graph, Link, Node};

fn bad(msg: String) -> Error {
    Error::parse("GraphML", msg)
}

/// True when `text` looks like GraphML (an XML document whose root is `graphml`).
#[must_use]
pub fn looks_like_graphml(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<?xml") && t.contains("<graphml") || t.starts_with("<graphml")
}

/// Reads GraphML with the default [`Limits`].
///
/// # Errors
/// As [`parse_with`].
pub fn parse(text: &str) -> Result<Input> {
    parse_with(text, &Limits::default())
}

/// The elements named `name` under `n`, at any depth.
fn elements<'a, 'i>(
    n: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    n.descendants()
        .filter(move |d| d.is_element() && d.tag_name().name() == name)
}

/// What one `<key>` declares: the data's name (lower case), what it is for, its default.
struct Key {
    name: String,
    for_nodes: bool,
    for_edges: bool,
    default: Option<String>,
}

/// Reads GraphML text into an [`Input`], refusing more nodes or links than `limits`
/// before allocating them.
///
/// # Errors
/// [`Error::Parse`] (with the line and column) for XML that is not well formed, a root
/// that is not `graphml`, no `<graph>`, a node without an `id` or with a repeated one, a
/// number that does not parse, or an edge whose end is missing or a group;
/// [`Error::InputTooLarge`] past the limits; the graph's own errors (e.g.
/// [`Error::NonFiniteCoordinate`]).
pub fn parse_with(text: &str, limits: &Limits) -> Result<Input> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| bad(format!("not well-formed XML: {e}")))?;
    let at = |n: roxmltree::Node| {
        let p = doc.text_pos_at(n.range().start);
        format!("line {}, column {}", p.row, p.col)
    };
    let root = doc.root_element();
    if root.tag_name().name() != "graphml" {
        return Err(bad(format!(
            "{}: the root element is <{}>, not <graphml>",
            at(root),
            root.tag_name().name()
        )));
    }
    let node_count = elements(root, "node").count();
    if node_count > limits.max_nodes {
        return Err(Error::InputTooLarge {
            what: "nodes",
            count: node_count as u64,
            limit: limits.max_nodes as u64,
        });
    }
    let edge_count = elements(root, "edge").count();
    if edge_count > limits.max_links {
        return Err(Error::InputTooLarge {
            what: "links",
            count: edge_count as u64,
            limit: limits.max_links as u64,
        });
    }
    let mut keys: BTreeMap<&str, Key> = BTreeMap::new();
    for k in root
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "key")
    {
        let Some(id) = k.attribute("id") else {
            return Err(bad(format!("{}: a <key> needs an id", at(k))));
        };
        let scope = k.attribute("for").unwrap_or("all");
        keys.insert(
            id,
            Key {
                name: k.attribute("attr.name").unwrap_or(id).to_ascii_lowercase(),
                for_nodes: scope == "node" || scope == "all",
                for_edges: scope == "edge" || scope == "all",
                default: k
                    .children()
                    .find(|c| c.is_element() && c.tag_name().name() == "default")
                    .and_then(|d| d.text())
                    .map(|t| t.trim().to_string()),
            },
        );
    }
    let Some(graph) = root
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "graph")
    else {
        return Err(bad(format!("{}: no <graph> in the document", at(root))));
    };
    let directed = graph.attribute("edgedefault") == Some("directed");
    // The data of an element by name, with the keys' defaults.
    let data = |e: roxmltree::Node, nodes: bool| {
        let mut out: BTreeMap<String, String> = BTreeMap::new();
        for k in keys.values() {
            if let (true, Some(d)) = (if nodes { k.for_nodes } else { k.for_edges }, &k.default) {
                out.insert(k.name.clone(), d.clone());
            }
        }
        for d in e
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "data")
        {
            let name = d.attribute("key").and_then(|k| keys.get(k)).map_or_else(
                || d.attribute("key").unwrap_or("").to_ascii_lowercase(),
                |k| k.name.clone(),
            );
            out.insert(name, d.text().unwrap_or("").trim().to_string());
        }
        out
    };
    let number = |e: roxmltree::Node, what: &str, name: &str, v: &str| {
        v.parse::<f64>().map_err(|_| {
            bad(format!(
                "{}: {what} data {name} = {v:?} is not a number",
                at(e)
            ))
        })
    };

    let mut nodes: Vec<Node> = Vec::with_capacity(node_count);
    let mut labels: Vec<Option<String>> = Vec::with_capacity(node_count);
    let mut index: BTreeMap<&str, Option<usize>> = BTreeMap::new();
    let mut groups: Vec<Group> = Vec::new();
    // Depth-first over nested graphs: (graph element, the group it fills).
    let mut stack: Vec<(roxmltree::Node, Option<usize>)> = alloc::vec![(graph, None)];
    while let Some((g, group)) = stack.pop() {
        for n in g
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "node")
        {
            let Some(id) = n.attribute("id") else {
                return Err(bad(format!("{}: a <node> needs an id", at(n))));
            };
            if index.contains_key(id) {
                return Err(bad(format!("{}: node id {id:?} is used twice", at(n))));
            }
            let nested = n
                .children()
                .find(|c| c.is_element() && c.tag_name().name() == "graph");
            if let Some(inner) = nested {
                let j = groups.len();
                groups.push(Group::default());
                if let Some(p) = group {
                    groups[p].groups.push(j);
                }
                index.insert(id, None);
                stack.push((inner, Some(j)));
                continue;
            }
            let d = data(n, true);
            let get = |name: &str| d.get(name).filter(|v| !v.is_empty());
            let mut node = Node::default();
            for (name, slot) in [
                ("x", &mut node.x),
                ("y", &mut node.y),
                ("width", &mut node.width),
                ("height", &mut node.height),
            ] {
                if let Some(v) = get(name) {
                    *slot = Some(number(n, "node", name, v)?);
                }
            }
            let v = nodes.len();
            if let Some(p) = group {
                groups[p].leaves.push(v);
            }
            index.insert(id, Some(v));
            labels.push(Some(
                get("label").map_or_else(|| id.to_string(), Clone::clone),
            ));
            nodes.push(node);
        }
    }
    let mut links = Vec::with_capacity(edge_count);
    for e in elements(graph, "edge") {
        let mut ends = [0usize; 2];
        for (k, attr) in ["source", "target"].iter().enumerate() {
            let Some(id) = e.attribute(*attr) else {
                return Err(bad(format!("{}: an <edge> needs a {attr}", at(e))));
            };
            ends[k] = match index.get(id) {
                Some(Some(v)) => *v,
                Some(None) => {
                    return Err(bad(format!(
                        "{}: edge {attr} {id:?} is a group (a node with a nested graph); links join nodes",
                        at(e)
                    )))
                }
                None => return Err(bad(format!("{}: edge {attr} {id:?} is not a node", at(e)))),
            };
        }
        let d = data(e, false);
        let mut link = Link::new(ends[0], ends[1]);
        if let Some(v) = d.get("weight").filter(|v| !v.is_empty()) {
            link.weight = Some(number(e, "edge", "weight", v)?);
        }
        if let Some(v) = d.get("length").filter(|v| !v.is_empty()) {
            link.length = Some(number(e, "edge", "length", v)?);
        }
        links.push(link);
    }
    let graph = Graph::new(nodes, links)?.with_groups(groups)?;
    Ok(Input {
        graph,
        labels,
        directed,
    })
}

#[cfg(test)]
mod tests;
