//! Issue: inputs that were misread or gave a confusing message now say what is wrong,
//! or are read as their writer meant.

mod common;

use common::{colayout, colayout_bytes};

fn json_out(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_dot_width_with_an_exponent_is_read_whole() {
    let text = "graph { node [height=0.5]; a [width=2e3]; b [width=1.5E-1]; a -- b }";
    let out = colayout(
        &["layout", "-", "--ticks", "1", "--svg", "/dev/null"],
        Some(text),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let input = colayout::io::dot::parse(text).unwrap();
    assert_eq!(input.graph.nodes()[0].width, Some(2000.0 * 72.0));
    assert_eq!(input.graph.nodes()[1].width, Some(0.15 * 72.0));
}

#[test]
fn utf16_input_is_read_with_or_without_a_byte_order_mark() {
    let text = r#"{"nodes": 3, "links": [[0, 1], [1, 2]]}"#;
    for bom in [&[][..], &[0xFF, 0xFE][..]] {
        let mut bytes = bom.to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let doc = json_out(&colayout_bytes(
            &["layout", "-", "--ticks", "1"],
            Some(&bytes),
        ));
        assert_eq!(doc["positions"].as_array().unwrap().len(), 3);
    }
    let bad = colayout_bytes(&["layout", "-"], Some(b"{\"nodes\": \xff}"));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not UTF-8"));
}

#[test]
fn a_huge_node_count_names_the_limit() {
    for text in [
        r#"{"nodes": 1e12}"#,
        r#"{"nodes": 18446744073709551615}"#,
        r#"{"nodes": 4000000000}"#,
    ] {
        let out = colayout(&["layout", "-"], Some(text));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("more than the 10000000") && err.contains("--max-nodes"),
            "{err}"
        );
    }
    let out = colayout(
        &["layout", "-", "--max-nodes", "2"],
        Some(r#"{"nodes": 3}"#),
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 nodes, more than the 2"));
}

#[test]
fn seventy_thousand_nodes_are_refused_by_the_dense_model_with_the_way_out() {
    let out = colayout(
        &["layout", "-", "--pivots", "0"],
        Some(r#"{"nodes": 70000}"#),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("29.4 GB") && err.contains("memory_limit") && err.contains("--pivots"),
        "{err}"
    );
}

#[test]
fn values_the_kernels_cannot_hold_are_refused_not_written_as_nan() {
    for (text, needle) in [
        (
            r#"{"nodes": [{"x": 1e15}, {}], "links": [[0, 1]]}"#,
            "node 0: x = 1e15",
        ),
        (
            r#"{"nodes": 2, "links": [{"source": 0, "target": 1, "length": 1e-15}]}"#,
            "link 0: length",
        ),
        (
            r#"{"nodes": 2, "links": [{"source": 0, "target": 1, "length": 1e38}]}"#,
            "link 0: length",
        ),
        (
            r#"{"nodes": [{"width": 1e18, "height": 1e18}, {}], "links": [[0, 1]]}"#,
            "node 0: width",
        ),
        (
            r#"{"nodes": 2, "links": [[0, 1]], "groups": [{"leaves": [0], "padding": 1e15}]}"#,
            "group 0: padding",
        ),
        (
            r#"{"nodes": 2, "links": [[0, 1]], "constraints": [{"axis": "x", "left": 0, "right": 1, "gap": 1e15}]}"#,
            "constraint 0: gap",
        ),
    ] {
        let out = colayout(&["layout", "-", "--avoid-overlaps"], Some(text));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text}: {err}");
        assert!(
            err.contains(needle) && err.contains("out of range"),
            "{text}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn overlaps_that_remain_are_reported() {
    // Two boxes held at one point by equality constraints cannot be separated.
    let text = r#"{"nodes": [{"width": 10, "height": 10}, {"width": 10, "height": 10}],
                  "links": [[0, 1]],
                  "constraints": [{"axis": "x", "left": 0, "right": 1, "gap": 0, "equality": true},
                                  {"axis": "y", "left": 0, "right": 1, "gap": 0, "equality": true}]}"#;
    let out = colayout(
        &["layout", "-", "--avoid-overlaps", "--max-ticks", "200"],
        Some(text),
    );
    let doc = json_out(&out);
    assert_eq!(doc["overlapping"], serde_json::json!([[0, 1]]));
    assert_eq!(doc["stats"]["converged"], false);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("still overlap") && err.contains("could not be satisfied"),
        "{err}"
    );
    assert!(err.contains("stopped after 200 ticks"), "{err}");
}
