//! The `colayout` binary, run as a user would.

mod common;

use common::{colayout, data, tmp, written_json};

#[test]
fn lays_out_a_bundled_graph_to_json_and_svg() {
    let (json, svg) = (tmp("lesmis.json"), tmp("lesmis.svg"));
    let out = colayout(
        &[
            "layout",
            &data("lesmis.json"),
            "-o",
            json.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        None,
    );
    let doc = written_json(&out, &json);
    assert_eq!(doc["positions"].as_array().unwrap().len(), 77);
    for key in [
        "ticks",
        "stress",
        "p_stress",
        "sn",
        "millis",
        "descent_millis",
    ] {
        assert!(doc["stats"][key].is_number(), "stats.{key}");
    }
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.starts_with("<svg") && picture.contains("Valjean"));
}

#[test]
fn reads_stdin_and_writes_stdout() {
    let out = colayout(
        &["layout", "-", "--iterations", "5,0,5", "--dims", "3"],
        Some(r#"{"nodes": 3, "links": [[0, 1], [1, 2]]}"#),
    );
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["positions"][2].as_array().unwrap().len(),
        3,
        "3-D positions"
    );
}

#[test]
fn ticks_runs_exactly_that_many_iterations() {
    let out = colayout(&["layout", &data("karate.json"), "--ticks", "7"], None);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["stats"]["ticks"], 7);
}

#[test]
fn webcola_example_shape_with_string_numbers() {
    let text = r#"{"nodes":[{"name":"a","width":"60","height":"40"},{"name":"b","width":60,"height":40},{"name":"c"}],
                  "links":[{"source":"0","target":1,"length":"50"},{"source":"b","target":"c","weight":"0.5"}]}"#;
    let svg = tmp("boxes.svg");
    let out = colayout(&["layout", "-", "--svg", svg.to_str().unwrap()], Some(text));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<rect"));
}

#[test]
fn bad_input_exits_2_with_one_clear_line() {
    let cases: &[(&[&str], Option<&str>, &str)] = &[
        (&["layout", "/no/such/file.json"], None, "cannot read"),
        (
            &["layout", "-"],
            Some("{\"nodes\": 3, \"links\": [[0, 1],"),
            "invalid JSON",
        ),
        (
            &["layout", "-"],
            Some(r#"{"nodes": 3, "links": [[0, 7]]}"#),
            "node 7",
        ),
        (
            &["layout", "-"],
            Some(r#"{"nodes": [{"x": "NaN", "y": 1}]}"#),
            "NaN or infinite",
        ),
        (
            &["layout", "-"],
            Some(r#"{"nodes": [{"x": 1e999, "y": 1}]}"#),
            "",
        ),
        (
            &["layout", "-"],
            Some(r#"{"nodes": [{"width": -5}]}"#),
            "negative",
        ),
        (
            &["layout", "-"],
            Some(r#"{"nodes": 2, "links": [{"source": 0, "target": 1, "length": -3}]}"#),
            "length",
        ),
        (
            &["layout", "-", "--link-distance", "0"],
            Some(r#"{"nodes": 2, "links": [[0, 1]]}"#),
            "link_distance",
        ),
        (&["layout", "-", "--dims", "4"], Some("{}"), "--dims"),
        (&["frobnicate"], None, "unknown command"),
        (&["layout"], None, "missing INPUT"),
    ];
    for (args, stdin, needle) in cases {
        let out = colayout(args, *stdin);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("colayout: error: ") && err.contains(needle),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn groups_and_constraints_from_webcola_json() {
    let (json, svg) = (tmp("grouped.json"), tmp("grouped.svg"));
    let args = [
        "layout",
        &data("smallgrouped.json"),
        "--avoid-overlaps",
        "--link-distance",
        "100",
        "--iterations",
        "10,10,10",
        "-o",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ];
    let out = colayout(&args, None);
    let doc = written_json(&out, &json);
    assert_eq!(doc["groups"].as_array().unwrap().len(), 3);
    assert!(doc["unsatisfied"].as_array().unwrap().is_empty());
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(
        picture.matches("<rect").count() >= 1 + 3 + 7,
        "background, 3 groups, 7 boxes"
    );
}

#[test]
fn flow_layout_flag_points_links_down() {
    let text = r#"{"nodes": 4, "links": [[0, 1], [1, 2], [0, 3]]}"#;
    let out = colayout(
        &["layout", "-", "--flow", "y,40", "--iterations", "10,10,10"],
        Some(text),
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let y = |i: usize| doc["positions"][i][1].as_f64().unwrap();
    assert!(y(1) >= y(0) + 40.0 - 1e-3 && y(2) >= y(1) + 40.0 - 1e-3 && y(3) >= y(0) + 40.0 - 1e-3);
}

#[test]
fn infeasible_constraints_are_reported_not_fatal() {
    let text = r#"{"nodes": [{}, {}, {}], "links": [[0, 1], [1, 2]],
        "constraints": [{"axis": "x", "left": 1, "right": 2, "gap": 10}, {"axis": "x", "left": 2, "right": 1, "gap": 10}]}"#;
    let out = colayout(&["layout", "-"], Some(text));
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["unsatisfied"].as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not be satisfied"));
}

#[test]
fn bad_groups_and_constraints_exit_2_with_one_clear_line() {
    let nodes = r#""nodes": [{}, {}, {}], "links": [[0, 1]]"#;
    let cases = [
        (
            r#""constraints": [{"axis": "x", "left": 0, "right": 9, "gap": 5}]"#,
            "names node 9",
        ),
        (
            r#""constraints": [{"type": "alignment", "axis": "y", "offsets": []}]"#,
            "lists no nodes",
        ),
        (
            r#""constraints": [{"axis": "x", "left": 0, "right": 1, "gap": "NaN"}]"#,
            "NaN or infinite",
        ),
        (
            r#""constraints": [{"type": "circular", "axis": "x"}]"#,
            "unknown type",
        ),
        (
            r#""groups": [{"leaves": [0], "groups": [1]}, {"leaves": [1], "groups": [0]}]"#,
            "contains itself",
        ),
        (
            r#""groups": [{"leaves": [0, 1]}, {"leaves": [1, 2]}]"#,
            "do not nest",
        ),
        (
            r#""groups": [{"leaves": [0], "padding": "Infinity"}]"#,
            "padding",
        ),
        (r#""groups": [{"leaves": [7]}]"#, "names node 7"),
        (r#""groups": [{"groups": [4]}]"#, "child group 4"),
    ];
    for (extra, needle) in cases {
        let text = format!("{{{nodes}, {extra}}}");
        let out = colayout(&["layout", "-"], Some(&text));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{extra}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{extra}: {err}");
        assert!(err.contains(needle), "{extra}: {err}");
    }
}

#[test]
fn help_prints_usage() {
    let out = colayout(&["--help"], None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("colayout layout INPUT"));
}

#[test]
fn reads_graphviz_dot_with_clusters_as_groups() {
    let json = tmp("clusters.json");
    let out = colayout(
        &[
            "layout",
            &data("clusters.dot"),
            "--avoid-overlaps",
            "--iterations",
            "10,10,10",
            "-o",
            json.to_str().unwrap(),
        ],
        None,
    );
    let doc = written_json(&out, &json);
    let positions = doc["positions"].as_array().unwrap();
    assert_eq!(positions.len(), 15);
    let groups = doc["groups"].as_array().unwrap();
    assert_eq!(
        groups.len(),
        3,
        "cluster_core, cluster_projection, cluster_frontends"
    );
    // "npm package" (node 14, 1.2 × 0.3 inches) sits inside cluster_frontends' box.
    let numbers = |v: &serde_json::Value| -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    };
    let (p, b) = (numbers(&positions[14]), numbers(&groups[2]));
    assert!(
        b[0] <= p[0] - 43.2 && p[0] + 43.2 <= b[1] && b[2] <= p[1] - 10.8 && p[1] + 10.8 <= b[3]
    );
    // Links get Graphviz's default length, 72 points.
    let q = numbers(&positions[13]);
    let d = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt();
    assert!(d > 40.0, "npm package to wasm: {d}");
}

#[test]
fn reads_dot_from_stdin_and_reports_syntax_errors_with_the_line() {
    let out = colayout(&["layout", "-"], Some("graph { a -- b -- c; c -- a }"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["positions"].as_array().unwrap().len(), 3);
    let out = colayout(&["layout", "-"], Some("digraph {\n  a -> b\n  b -> [\n}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3") && err.lines().count() == 1, "{err}");
}

#[test]
fn overlapping_groups_need_the_flag() {
    let text = r#"{"nodes": [{"width": 10, "height": 10}, {"width": 10, "height": 10}, {"width": 10, "height": 10}],
        "links": [[0, 1], [1, 2]], "groups": [{"leaves": [0, 1]}, {"leaves": [1, 2]}]}"#;
    let out = colayout(&["layout", "-", "--avoid-overlaps"], Some(text));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("node 1") && err.contains("overlapping_groups"),
        "{err}"
    );
    let out = colayout(
        &["layout", "-", "--avoid-overlaps", "--overlapping-groups"],
        Some(text),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Group boxes are [x, X, y, Y].
    let b = |j: usize, k: usize| doc["groups"][j][k].as_f64().unwrap();
    assert!(
        b(0, 0) < b(1, 1) && b(1, 0) < b(0, 1),
        "the boxes overlap in x"
    );
    assert!(b(0, 2) < b(1, 3) && b(1, 2) < b(0, 3), "and in y");
    assert!(doc["overlapping"].as_array().unwrap().is_empty());
}

#[test]
fn solver_sgd_lays_out_and_a_wrong_solver_is_a_usage_error() {
    let text = r#"{"nodes": 5, "links": [[0, 1], [1, 2], [2, 3], [3, 4]]}"#;
    let out = colayout(
        &["layout", "-", "--solver", "sgd", "--stress", "full"],
        Some(text),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = |i: usize, d: usize| doc["positions"][i][d].as_f64().unwrap();
    let span = (p(0, 0) - p(4, 0)).hypot(p(0, 1) - p(4, 1));
    assert!((span - 80.0).abs() < 2.0, "{span}");
    assert!(doc["stats"]["converged"].as_bool().unwrap());
    let bad = colayout(&["layout", "-", "--solver", "annealing"], Some(text));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("solver"));
    let convergent = colayout(
        &[
            "layout",
            "-",
            "--solver",
            "sgd",
            "--sgd-schedule",
            "convergent",
        ],
        Some(text),
    );
    assert!(convergent.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&convergent.stdout).unwrap();
    assert!(doc["stats"]["converged"].as_bool().unwrap());
    let bad = colayout(&["layout", "-", "--sgd-schedule", "cosine"], Some(text));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("sgd_schedule"));
}

#[test]
fn pivots_choose_the_sparse_model_and_a_bad_count_is_a_usage_error() {
    // A 30 000-node path: the dense model would need 5.4 GB, so `auto` goes sparse.
    let links: Vec<String> = (0..29_999).map(|i| format!("[{i}, {}]", i + 1)).collect();
    let text = format!(r#"{{"nodes": 30000, "links": [{}]}}"#, links.join(","));
    let out = colayout(
        &["layout", "-", "--solver", "sgd", "--pivots", "4"],
        Some(&text),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = |i: usize, d: usize| doc["positions"][i][d].as_f64().unwrap();
    let link = (p(100, 0) - p(101, 0)).hypot(p(100, 1) - p(101, 1));
    assert!((link - 20.0).abs() < 2.0, "{link}");
    let span = (p(0, 0) - p(29_999, 0)).hypot(p(0, 1) - p(29_999, 1));
    assert!(span > 0.5 * 20.0 * 29_999.0, "the path unfolds: {span}");
    let small = r#"{"nodes": 5, "links": [[0, 1], [1, 2], [2, 3], [3, 4]]}"#;
    let dense = colayout(&["layout", "-", "--pivots", "0"], Some(small));
    let auto = colayout(&["layout", "-", "--pivots", "auto"], Some(small));
    let positions = |o: &std::process::Output| {
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["positions"].clone()
    };
    assert_eq!(
        positions(&dense),
        positions(&auto),
        "auto is dense while it fits"
    );
    let bad = colayout(&["layout", "-", "--pivots", "many"], Some(small));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("pivots"));
}
