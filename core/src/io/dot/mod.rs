//! Graphviz DOT input: nodes, edges, attributes and clusters, read into the same
//! [`Input`] as WebCola's JSON.
//!
//! The whole DOT language is read:
//! - `strict`, which drops repeated edges;
//! - `graph` and `digraph` (edge direction is ignored: the layout is undirected);
//! - node and edge statements, with edge chains, subgraphs and `{a b}` as endpoints, and
//!   ports (ignored);
//! - `node`/`edge` defaults, scoped to their subgraph and given to nodes and edges created
//!   after them, as Graphviz does;
//! - subgraphs and clusters: a `subgraph cluster…` becomes a group, nested as in the file;
//! - IDs bare, numeric, quoted (with `+` concatenation) and HTML; `//`, `/* */` and `#`
//!   comments.
//!
//! The attributes used, in Graphviz's units (1 point = 1 layout unit; inches × 72):
//! - node `width`, `height` (inches): the node's box;
//! - node `label`: its label, else its ID;
//! - node `pos="x,y"` (points, y up as in Graphviz, so y is negated): its start;
//!   `pos="x,y!"` or `pin=true` also fixes it there;
//! - edge `len` (inches, neato's ideal length): the link's length;
//! - edge `weight`: the link's weight;
//! - cluster `margin` (points): the group's padding.
//!
//! Other attributes are read and ignored. [`write()`] gives a laid-out graph back as DOT.

mod builder;
mod lexer;
mod parser;
mod writer;

pub use writer::write;

use super::{Input, Limits};
use crate::error::{Error, Result};
use builder::Builder;
use lexer::{Kind, Lexer, Token};
use parser::Parser;

/// Points per inch: Graphviz sizes are in inches, positions in points.
const POINTS_PER_INCH: f64 = 72.0;
/// Graphviz's default edge `len`, 1 inch, in points: the link distance for DOT input.
pub const DEFAULT_LEN: f64 = POINTS_PER_INCH;
/// Deeper subgraph nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 200;

/// True when `text` starts (after comments) with `strict`, `graph` or `digraph`.
#[must_use]
pub fn looks_like_dot(text: &str) -> bool {
    matches!(
        Lexer::new(text).next(),
        Ok(Some(Token { kind: Kind::Id { quoted: false, ref text }, .. }))
            if ["strict", "graph", "digraph"].iter().any(|k| text.eq_ignore_ascii_case(k))
    )
}

/// Reads a DOT graph with the default [`Limits`].
///
/// # Errors
/// [`Error::Parse`] with the line for a syntax error or a bad attribute value;
/// [`Error::InputTooLarge`] beyond the limits (an edge between two subgraphs is checked
/// before its links are made); the graph's own errors ([`crate::Graph::new`],
/// [`crate::Graph::with_groups`]).
pub fn parse(text: &str) -> Result<Input> {
    parse_with(text, &Limits::default())
}

/// Reads a DOT graph, refusing more nodes or links than `limits` allow.
///
/// # Errors
/// As [`parse`].
pub fn parse_with(text: &str, limits: &Limits) -> Result<Input> {
    let mut p = Parser {
        lexer: Lexer::new(text),
        peeked: None,
        b: Builder::new(*limits),
    };
    if let Err(message) = p.graph() {
        return Err(p
            .b
            .error
            .take()
            .unwrap_or_else(|| Error::parse("DOT", message)));
    }
    p.b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    fn links(input: &Input) -> Vec<(usize, usize)> {
        input
            .graph
            .links()
            .iter()
            .map(|l| (l.source, l.target))
            .collect()
    }

    #[test]
    fn reads_nodes_edges_chains_and_subgraph_endpoints() {
        let input = parse(
            "/* a comment */ digraph G {\n  // another\n  a->b -> c;\n  a -> {d e} [len=2];\n  \"x y\" -- f:port:n -- -1.5\n}",
        )
        .unwrap();
        let labels: Vec<_> = input.labels.iter().map(|l| l.clone().unwrap()).collect();
        assert_eq!(labels, ["a", "b", "c", "d", "e", "x y", "f", "-1.5"]);
        assert_eq!(
            links(&input),
            [(0, 1), (1, 2), (0, 3), (0, 4), (5, 6), (6, 7)]
        );
        assert_eq!(input.graph.links()[2].length, Some(144.0));
        assert_eq!(input.graph.links()[0].length, None);
    }

    #[test]
    fn node_attributes_defaults_and_units() {
        let input = parse(
            "graph { node [width=1]; a [height=0.5, label=\"Alpha\"]; subgraph { node [width=2]; b } c; d [pos=\"10,20!\"]; e [pos=\"1,2\"] }",
        )
        .unwrap();
        let nodes = input.graph.nodes();
        assert_eq!((nodes[0].width, nodes[0].height), (Some(72.0), Some(36.0)));
        assert_eq!(nodes[1].width, Some(144.0), "defaults of the inner scope");
        assert_eq!(
            nodes[2].width,
            Some(72.0),
            "the inner default does not leak out"
        );
        assert_eq!(
            (nodes[3].x, nodes[3].y, nodes[3].fixed),
            (Some(10.0), Some(-20.0), true)
        );
        assert!(!nodes[4].fixed);
        assert_eq!(input.labels[0].as_deref(), Some("Alpha"));
    }

    #[test]
    fn clusters_become_nested_groups() {
        let input = parse(
            "digraph { subgraph cluster_0 { a; b; subgraph cluster_inner { margin=4; c } } subgraph cluster_1 { d } e; a -> d; c -> e }",
        )
        .unwrap();
        let groups = input.graph.groups();
        assert_eq!(groups.len(), 3);
        assert_eq!(groups.members(0), [0, 1, 2]);
        assert_eq!(groups.members(1), [2]);
        assert_eq!(groups.members(2), [3]);
    }

    #[test]
    fn strict_drops_repeated_edges_and_quoted_strings_join() {
        let input = parse("strict graph { a -- b; b -- a; \"lo\" + \"ng\" -- a }").unwrap();
        assert_eq!(links(&input), [(0, 1), (2, 0)]);
        assert_eq!(input.labels[2].as_deref(), Some("long"));
        let html = parse("graph { a [label=<<b>bold</b>>] }").unwrap();
        assert_eq!(html.labels[0].as_deref(), Some("<b>bold</b>"));
    }

    #[test]
    fn errors_name_the_line() {
        for (text, want) in [
            ("graph { a -- }", "line 1: expected a node"),
            (
                "graph {\n a [width=wide] }",
                "line 2: width=\"wide\" is not a number",
            ),
            ("graph { a", "missing }"),
            ("graph { \"a }", "unterminated string"),
            ("grph { }", "starts with graph or digraph"),
            ("graph { } x", "after the graph"),
            ("graph { a -- b [len=-1] }", "length"),
        ] {
            let e = parse(text).unwrap_err().to_string();
            assert!(e.contains(want), "{text:?}: {e}");
        }
        let deep = format!("graph {{ {} }}", "{".repeat(5000));
        assert!(parse(&deep)
            .unwrap_err()
            .to_string()
            .contains("nested more than"));
    }

    proptest::proptest! {
        /// Any text, however broken, gives a graph or an error: never a panic.
        #[test]
        fn never_panics(text in "[a-c0-9.é{}\\[\\];=,:\"<>/*#+ \n-]{0,80}") {
            let _ = parse(&format!("graph {{{text}"));
            let _ = parse(&text);
            let _ = looks_like_dot(&text);
        }
    }

    #[test]
    fn recognises_dot_after_comments() {
        assert!(looks_like_dot("# cpp line\n/* c */ digraph { }"));
        assert!(looks_like_dot("STRICT Graph { }"));
        assert!(!looks_like_dot("{\"nodes\": []}"));
        assert!(!looks_like_dot(""));
    }

    #[test]
    fn written_dot_reads_back_the_same_graph() {
        let text = "digraph { subgraph cluster_0 { margin=4; a [width=1, height=0.5, label=\"A \\\"q\\\"\"]; subgraph cluster_1 { b } } c; a -> b [len=2]; b -> c }";
        let input = parse(text).unwrap();
        let n = input.graph.node_count();
        let positions: Vec<f64> = (0..2 * n).map(|k| k as f64 * 1.5 - 2.0).collect();
        let out = write(&input.graph, &positions, 2, &input.labels, input.directed);
        let back = parse(&out).unwrap();
        assert!(back.directed);
        assert_eq!(back.graph.node_count(), n);
        assert_eq!(back.graph.links().len(), 2);
        assert_eq!(back.graph.groups().groups().len(), 2);
        let by_label = |inp: &Input, l: &str| {
            inp.labels
                .iter()
                .position(|x| x.as_deref() == Some(l))
                .unwrap()
        };
        let (i, j) = (by_label(&input, "A \"q\""), by_label(&back, "A \"q\""));
        assert_eq!(back.graph.nodes()[j].width, input.graph.nodes()[i].width);
        let near = |a: Option<f64>, b: f64| (a.unwrap() - b).abs() <= 1e-9 * (1.0 + b.abs());
        assert!(near(back.graph.nodes()[j].x, positions[2 * i]));
        assert!(near(back.graph.nodes()[j].y, positions[2 * i + 1]));
        assert_eq!(back.graph.links()[0].length, input.graph.links()[0].length);
    }
}
