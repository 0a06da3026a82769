//! DOT output: a laid-out graph for Graphviz, with every node's `pos` (so `neato -n2`
//! draws it where colayout put it) and its groups as nested clusters.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use super::POINTS_PER_INCH;
use crate::graph::Graph;

/// A DOT string literal.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The graph as DOT (`graph`, or `digraph` when `directed`): nodes `n0, n1, ...` with
/// `pos` in points (y negated, as the DOT reader reads it), `width`/`height` in inches
/// when sized, `label` when given; links as edges; groups as nested `cluster` subgraphs.
/// `positions` are node-major, `dims` per node (the first two are used); `labels` is
/// indexed like the nodes.
///
/// Reading the output back gives the same positions, sizes, labels, links and groups.
#[must_use]
pub fn write(
    graph: &Graph,
    positions: &[f64],
    dims: usize,
    labels: &[Option<String>],
    directed: bool,
) -> String {
    let mut out = String::new();
    let (kind, arrow) = if directed {
        ("digraph", "->")
    } else {
        ("graph", "--")
    };
    let _ = writeln!(out, "{kind} {{");
    let _ = writeln!(out, "  node [shape=box, fixedsize=true];");
    let groups = graph.groups();
    let mut parent: Vec<Option<usize>> = alloc::vec![None; groups.groups().len()];
    for (j, g) in groups.groups().iter().enumerate() {
        for &c in &g.groups {
            parent[c] = Some(j);
        }
    }
    let mut in_group = alloc::vec![false; graph.node_count()];
    for g in groups.groups() {
        for &v in &g.leaves {
            in_group[v] = true;
        }
    }
    let node_line = |out: &mut String, i: usize, indent: usize| {
        let v = &graph.nodes()[i];
        let (x, y) = (positions[i * dims], positions[i * dims + 1]);
        let _ = write!(out, "{:indent$}n{i} [pos=\"{x},{}\"", "", -y);
        if let Some(w) = v.width {
            let h = v.height.unwrap_or(w);
            let _ = write!(
                out,
                ", width={}, height={}",
                w / POINTS_PER_INCH,
                h / POINTS_PER_INCH
            );
        } else {
            let _ = write!(out, ", shape=point");
        }
        if let Some(Some(l)) = labels.get(i) {
            let _ = write!(out, ", label={}", quoted(l));
        }
        let _ = writeln!(out, "];");
    };
    // Clusters, outermost first, each with its leaves and its child clusters inside.
    let mut stack: Vec<(usize, usize, bool)> = (0..parent.len())
        .rev()
        .filter(|&j| parent[j].is_none())
        .map(|j| (j, 1, true))
        .collect();
    while let Some((j, depth, open)) = stack.pop() {
        let indent = 2 * depth;
        if !open {
            let _ = writeln!(out, "{:indent$}}}", "");
            continue;
        }
        let g = &groups.groups()[j];
        let _ = writeln!(out, "{:indent$}subgraph cluster_{j} {{", "");
        if let Some(p) = g.padding {
            let _ = writeln!(out, "{:indent$}  margin={p};", "");
        }
        for &v in &g.leaves {
            node_line(&mut out, v, indent + 2);
        }
        stack.push((j, depth, false));
        for &c in g.groups.iter().rev() {
            stack.push((c, depth + 1, true));
        }
    }
    for i in (0..graph.node_count()).filter(|&i| !in_group[i]) {
        node_line(&mut out, i, 2);
    }
    for l in graph.links() {
        let _ = write!(out, "  n{} {arrow} n{}", l.source, l.target);
        if let Some(len) = l.length {
            let _ = write!(out, " [len={}]", len / POINTS_PER_INCH);
        }
        let _ = writeln!(out, ";");
    }
    out.push_str("}\n");
    out
}
