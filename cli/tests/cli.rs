//! The `colayout` binary, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn colayout(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_colayout"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn data(name: &str) -> String {
    format!("{}/../data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("colayout-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
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
fn help_prints_usage() {
    let out = colayout(&["--help"], None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("colayout layout INPUT"));
}
