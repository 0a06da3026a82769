//! `--route`, `--arrows` and `--hulls`: routes in the JSON, routed edges, arrowheads and
//! hull outlines in the SVG (issue 13).

mod common;

use colayout::geom::segment_crosses_polygon;
use colayout::Rectangle;
use common::{colayout, data, tmp, written_json};

fn boxes(doc: &serde_json::Value, input: &serde_json::Value) -> Vec<Rectangle> {
    doc["positions"]
        .as_array()
        .unwrap()
        .iter()
        .zip(input["nodes"].as_array().unwrap())
        .map(|(p, v)| {
            Rectangle::centred(
                p[0].as_f64().unwrap(),
                p[1].as_f64().unwrap(),
                v["width"].as_f64().unwrap(),
                v["height"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn polyline_routes_in_the_json_avoid_other_boxes_and_the_svg_draws_them() {
    let (json, svg) = (tmp("routes.json"), tmp("routes.svg"));
    let out = colayout(
        &[
            "layout",
            &data("lesmis_groups.json"),
            "--avoid-overlaps",
            "--iterations",
            "10,10,10",
            "--link-distance",
            "60",
            "--route",
            "polyline",
            "--hulls",
            "-o",
            json.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        None,
    );
    let doc = written_json(&out, &json);
    let input: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("lesmis_groups.json")).unwrap())
            .unwrap();
    let links = input["links"].as_array().unwrap();
    let routes = doc["routes"].as_array().unwrap();
    assert_eq!(routes.len(), links.len());
    let boxes = boxes(&doc, &input);
    let mut bent = 0;
    for (r, l) in routes.iter().zip(links) {
        let (s, t) = (
            l["source"].as_u64().unwrap() as usize,
            l["target"].as_u64().unwrap() as usize,
        );
        let pts: Vec<[f64; 2]> = r
            .as_array()
            .unwrap()
            .iter()
            .map(|p| [p[0].as_f64().unwrap(), p[1].as_f64().unwrap()])
            .collect();
        bent += usize::from(pts.len() > 2);
        for w in pts.windows(2) {
            for (k, b) in boxes.iter().enumerate() {
                if k != s && k != t {
                    let inner = b.inflate(-1e-6).vertices();
                    assert!(
                        !segment_crosses_polygon(w[0], w[1], &inner),
                        "{s}->{t} crosses {k}"
                    );
                }
            }
        }
    }
    assert!(bent > 10, "only {bent} routes bend");
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.contains("<polyline "));
    assert_eq!(
        picture.matches("<polygon ").count(),
        5,
        "one hull per group"
    );
    assert!(
        !picture.contains("marker-end"),
        "undirected JSON: no arrows by default"
    );
}

#[test]
fn digraphs_get_arrows_and_clipped_routes_by_default() {
    let svg = tmp("arrows.svg");
    let json = tmp("arrows.json");
    let dot = "digraph { node [width=0.5, height=0.3]; a -> b; b -> c; c -> a }";
    let out = colayout(
        &[
            "layout",
            "-",
            "--route",
            "clip",
            "-o",
            json.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        Some(dot),
    );
    let doc = written_json(&out, &json);
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert_eq!(picture.matches("marker-end=\"url(#arrow)\"").count(), 3);
    // Clipped routes: two points, the last an arrowhead (5) short of the target box.
    for r in doc["routes"].as_array().unwrap() {
        assert_eq!(r.as_array().unwrap().len(), 2);
    }
    let off = colayout(
        &["layout", "-", "--no-arrows", "--svg", svg.to_str().unwrap()],
        Some(dot),
    );
    assert!(off.status.success());
    assert!(!std::fs::read_to_string(&svg)
        .unwrap()
        .contains("marker-end"));
}

#[test]
fn a_bad_route_option_is_a_usage_error() {
    let out = colayout(&["layout", &data("karate.json"), "--route", "curved"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("clip") && err.contains("polyline"), "{err}");
    let neg = colayout(
        &["layout", &data("karate.json"), "--route-margin", "-1"],
        None,
    );
    assert_eq!(neg.status.code(), Some(2));
}

#[test]
fn power_graph_groups_are_laid_out_and_its_edges_expand_to_the_links() {
    let json = tmp("power.json");
    let svg = tmp("power.svg");
    let out = colayout(
        &[
            "layout",
            &data("karate.json"),
            "--power-graph",
            "--iterations",
            "10,10,10",
            "-o",
            json.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        None,
    );
    let doc = written_json(&out, &json);
    let pg = &doc["power_graph"];
    let groups = pg["groups"].as_array().unwrap();
    assert_eq!(
        doc["groups"].as_array().unwrap().len(),
        groups.len(),
        "laid out as groups"
    );
    // Expand every power edge to node pairs: exactly the input's links.
    fn leaves(groups: &[serde_json::Value], end: &serde_json::Value, out: &mut Vec<u64>) {
        if let Some(v) = end.get("node") {
            out.push(v.as_u64().unwrap());
        } else {
            let g = &groups[end["group"].as_u64().unwrap() as usize];
            out.extend(
                g["leaves"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap()),
            );
            for c in g["groups"].as_array().unwrap() {
                leaves(groups, &serde_json::json!({ "group": c }), out);
            }
        }
    }
    let mut expanded = Vec::new();
    for e in pg["power_edges"].as_array().unwrap() {
        let (mut s, mut t) = (Vec::new(), Vec::new());
        leaves(groups, &e["source"], &mut s);
        leaves(groups, &e["target"], &mut t);
        for &a in &s {
            for &b in &t {
                expanded.push((a.min(b), a.max(b)));
            }
        }
    }
    expanded.sort_unstable();
    let input: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("karate.json")).unwrap()).unwrap();
    let mut links: Vec<(u64, u64)> = input["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let (a, b) = (l[0].as_u64().unwrap(), l[1].as_u64().unwrap());
            (a.min(b), a.max(b))
        })
        .collect();
    links.sort_unstable();
    assert_eq!(expanded, links);
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert_eq!(
        picture.matches("<line ").count() + picture.matches("<polyline ").count(),
        pg["power_edges"].as_array().unwrap().len()
    );
    let grouped = colayout(
        &["layout", &data("smallgrouped.json"), "--power-graph"],
        None,
    );
    assert_eq!(grouped.status.code(), Some(2));
}

#[test]
fn orthogonal_routes_have_only_horizontal_and_vertical_segments() {
    let json = tmp("orthogonal.json");
    let out = colayout(
        &[
            "layout",
            &data("smallgrouped.json"),
            "--avoid-overlaps",
            "--iterations",
            "10,10,10",
            "--route",
            "orthogonal",
            "-o",
            json.to_str().unwrap(),
        ],
        None,
    );
    let doc = written_json(&out, &json);
    let routes = doc["routes"].as_array().unwrap();
    assert!(!routes.is_empty());
    for r in routes {
        let pts: Vec<(f64, f64)> = r
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
            .collect();
        for w in pts.windows(2) {
            assert!(
                (w[0].0 - w[1].0).abs() < 1e-6 || (w[0].1 - w[1].1).abs() < 1e-6,
                "{pts:?}"
            );
        }
    }
}
