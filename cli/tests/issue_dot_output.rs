//! `--dot OUT.dot`: the layout as DOT with `pos`, read back by colayout itself (issue 13).

mod common;

use common::{colayout, data, tmp, written_json};

#[test]
fn dot_output_reads_back_with_the_laid_out_positions_and_clusters() {
    let (json, dot) = (tmp("dot-out.json"), tmp("dot-out.dot"));
    let out = colayout(
        &[
            "layout",
            &data("clusters.dot"),
            "-o",
            json.to_str().unwrap(),
            "--dot",
            dot.to_str().unwrap(),
        ],
        None,
    );
    let doc = written_json(&out, &json);
    let text = std::fs::read_to_string(&dot).unwrap();
    assert!(text.starts_with("digraph {") && text.contains("subgraph cluster_0"));
    let back = colayout::io::dot::parse(&text).unwrap();
    let original =
        colayout::io::dot::parse(&std::fs::read_to_string(data("clusters.dot")).unwrap()).unwrap();
    assert_eq!(
        back.graph.groups().groups().len(),
        original.graph.groups().groups().len()
    );
    assert_eq!(back.graph.links().len(), original.graph.links().len());
    // Nodes are written as n<i>; their pos is the JSON's position.
    for (i, p) in doc["positions"].as_array().unwrap().iter().enumerate() {
        let label = original.labels[i].as_deref().unwrap();
        let j = back
            .labels
            .iter()
            .position(|l| l.as_deref() == Some(label))
            .unwrap();
        let v = &back.graph.nodes()[j];
        // The reader's unit conversion may round the last bit.
        let close = |a: Option<f64>, b: Option<f64>| {
            (a.unwrap() - b.unwrap()).abs() <= 1e-9 * (1.0 + b.unwrap().abs())
        };
        assert!(
            close(v.x, p[0].as_f64()) && close(v.y, p[1].as_f64()),
            "{label}"
        );
    }
    let same = colayout(
        &[
            "layout",
            &data("karate.json"),
            "--dot",
            "x.dot",
            "-o",
            "x.dot",
        ],
        None,
    );
    assert_eq!(same.status.code(), Some(2));
}

#[test]
fn graphml_input_from_networkx_is_laid_out_and_bad_graphml_is_refused() {
    let (json, svg) = (tmp("graphml.json"), tmp("graphml.svg"));
    let out = colayout(
        &[
            "layout",
            &data("lesmis.graphml"),
            "--avoid-overlaps",
            "-o",
            json.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        None,
    );
    let doc = written_json(&out, &json);
    assert_eq!(doc["positions"].as_array().unwrap().len(), 77);
    assert!(
        doc["overlapping"].as_array().unwrap().is_empty(),
        "boxes from width/height data"
    );
    assert!(std::fs::read_to_string(&svg).unwrap().contains("Valjean"));
    let bad = colayout(
        &["layout", "-"],
        Some("<?xml version=\"1.0\"?><graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>"),
    );
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("\"b\" is not a node") && err.contains("line 1"),
        "{err}"
    );
}

#[test]
fn png_output_is_the_svgs_picture_at_its_size() {
    let (png, svg) = (tmp("picture.png"), tmp("picture.svg"));
    let out = colayout(
        &[
            "layout",
            &data("smallgrouped.json"),
            "--png",
            png.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
    );
    let picture = std::fs::read_to_string(&svg).unwrap();
    let attr = |k: &str| -> u32 {
        let v = picture
            .split(&format!("{k}=\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        v.parse::<f64>().unwrap().ceil() as u32
    };
    assert_eq!((w, h), (attr("width"), attr("height")));
    let same = colayout(
        &[
            "layout",
            &data("karate.json"),
            "--png",
            "p.png",
            "--svg",
            "p.png",
        ],
        None,
    );
    assert_eq!(same.status.code(), Some(2));
}
