//! Issue: node and link counts that would exhaust memory are refused before anything is
//! allocated for them, with a clear error, from every reader and from flat arrays.

use colayout::io::{dot, json, Limits};
use colayout::{Error, ErrorKind, Graph, GraphArrays};

#[test]
fn a_node_count_past_usize_is_refused_not_a_capacity_overflow_panic() {
    let e = json::parse(r#"{"nodes": 18446744073709551615}"#).unwrap_err();
    assert_eq!(
        e,
        Error::InputTooLarge {
            what: "nodes",
            count: u64::MAX,
            limit: Limits::default().max_nodes as u64
        }
    );
    assert!(e.to_string().contains("--max-nodes"), "{e}");
}

#[test]
fn four_billion_nodes_are_refused_not_an_allocation_abort() {
    let e = json::parse(r#"{"nodes": 4000000000, "links": [[0, 1]]}"#).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InputTooLarge);
    let e = Graph::from_arrays(&GraphArrays::new(4_000_000_000usize * 2, &[])).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InputTooLarge);
}

#[test]
fn a_node_count_written_as_a_float_says_what_is_wrong() {
    let e = json::parse(r#"{"nodes": 1e12}"#).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InputTooLarge);
    assert!(e.to_string().contains("1000000000000 nodes"), "{e}");
    let e = json::parse(r#"{"nodes": 2.5}"#).unwrap_err().to_string();
    assert!(e.contains("not a whole number of nodes"), "{e}");
    let e = json::parse(r#"{"nodes": -3}"#).unwrap_err().to_string();
    assert!(e.contains("negative"), "{e}");
}

#[test]
fn a_small_dot_file_describing_a_hundred_million_edges_is_refused() {
    let side = |p: &str| {
        (0..10_000)
            .map(|i| format!("{p}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = format!("graph G {{ {{{}}} -- {{{}}} }}", side("a"), side("b"));
    assert!(text.len() < 120_000, "a {} byte file", text.len());
    let e = dot::parse(&text).unwrap_err();
    assert_eq!(
        e,
        Error::InputTooLarge {
            what: "links",
            count: 100_000_000,
            limit: Limits::default().max_links as u64
        }
    );
}

#[test]
fn twenty_thousand_node_defaults_over_twenty_thousand_nodes_read_in_linear_memory() {
    let mut text = String::from("graph G {\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "node [width={}, label=\"n{i}\"]; v{i};\n",
            1 + i % 3
        ));
    }
    text.push('}');
    let input = dot::parse(&text).unwrap();
    assert_eq!(input.graph.node_count(), 20_000);
    assert_eq!(input.graph.nodes()[4].width, Some(2.0 * 72.0));
    assert_eq!(input.labels[19_999].as_deref(), Some("n19999"));
}

#[test]
fn limits_are_the_readers_own() {
    let small = Limits {
        max_nodes: 2,
        max_links: 1,
    };
    assert_eq!(
        dot::parse_with("graph { a -- b -- c }", &small)
            .unwrap_err()
            .kind(),
        ErrorKind::InputTooLarge
    );
    assert_eq!(
        dot::parse_with("graph { a -- b; a -- b }", &small)
            .unwrap_err()
            .kind(),
        ErrorKind::InputTooLarge
    );
    assert!(dot::parse_with("graph { a -- b }", &small).is_ok());
}
