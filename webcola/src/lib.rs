//! The one WebCola harness: runs npm `webcola@3.4.0` in Node on the same inputs as
//! colayout, for the comparison tests and the benchmarks.
//!
//! The Node side is `harness/run.cjs` (protocol in `harness/README.md`); this crate
//! installs its pinned dependencies on first use (`npm ci`), sends one JSON request per
//! call and parses the answer. It needs `node` and `npm` on `PATH` and fails loudly
//! without them: a comparison that cannot run must not pass.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use colayout::Graph;
use serde_json::{json, Value};

/// The harness directory, `webcola/harness`.
#[must_use]
pub fn harness_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("harness")
}

/// The repository's `data/` directory.
#[must_use]
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

static INSTALL: Mutex<bool> = Mutex::new(false);

/// Installs the harness's pinned npm dependencies once per process, if missing.
///
/// # Errors
/// When `npm ci` cannot run or fails.
pub fn ensure_installed() -> Result<(), String> {
    let mut done = INSTALL.lock().map_err(|e| e.to_string())?;
    if *done {
        return Ok(());
    }
    let dir = harness_dir();
    if !dir.join("node_modules/webcola/package.json").exists() {
        let out = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .output()
            .map_err(|e| format!("cannot run npm (is Node installed?): {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "npm ci in {} failed: {}",
                dir.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    *done = true;
    Ok(())
}

/// Sends one request to WebCola and returns its answer.
///
/// # Errors
/// When Node cannot run, or the harness reports an error.
pub fn request(req: &Value) -> Result<Value, String> {
    ensure_installed()?;
    let mut child = Command::new("node")
        .arg(harness_dir().join("run.cjs"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run node: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(req.to_string().as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let answer: Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "harness output is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    if let Some(err) = answer.get("error") {
        return Err(format!("webcola harness: {err}"));
    }
    Ok(answer)
}

/// Reads graph `name`, in the corpus or the WebCola shape (with groups and
/// constraints), from `data/`, or from a path.
///
/// # Errors
/// When the graph is not found or invalid.
pub fn load(name: &str) -> Result<Graph, String> {
    let candidates = [data_dir().join(format!("{name}.json")), PathBuf::from(name)];
    let path = candidates
        .iter()
        .find(|p| p.is_file())
        .ok_or_else(|| format!("graph {name} not found"))?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    colayout::io::json::parse(&text)
        .map(|input| input.graph)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// [`load`] for tests: the fixture `data/NAME.json`.
///
/// # Panics
/// When the fixture is missing or invalid.
#[must_use]
pub fn fixture(name: &str) -> Graph {
    load(name).unwrap_or_else(|e| panic!("{e}"))
}

/// The same graph with every node a `width` × `height` box.
///
/// # Panics
/// For a non-finite or negative size (test inputs only).
#[must_use]
pub fn with_boxes(graph: &Graph, width: f64, height: f64) -> Graph {
    let nodes = graph
        .nodes()
        .iter()
        .map(|v| colayout::Node {
            width: Some(width),
            height: Some(height),
            ..v.clone()
        })
        .collect();
    Graph::new(nodes, graph.links().to_vec()).expect("valid sizes")
}

/// Node boxes at `positions` (zero-size for nodes without a size).
#[must_use]
pub fn node_boxes(graph: &Graph, positions: &[[f64; 2]]) -> Vec<colayout::Rectangle> {
    graph
        .nodes()
        .iter()
        .zip(positions)
        .map(|(v, p)| {
            colayout::Rectangle::centred(
                p[0],
                p[1],
                v.width.unwrap_or(0.0),
                v.height.unwrap_or(0.0),
            )
        })
        .collect()
}

/// The graph's links as `[[s, t], ...]`.
#[must_use]
pub fn links_json(graph: &Graph) -> Value {
    Value::Array(
        graph
            .links()
            .iter()
            .map(|l| json!([l.source, l.target]))
            .collect(),
    )
}

/// Reproducible starting positions in `[0, scale)^2`, node-major `[[x, y], ...]`, from a
/// small xorshift generator (independent of colayout's own generator).
#[must_use]
pub fn random_positions(n: usize, scale: f64, seed: u64) -> Vec<[f64; 2]> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n).map(|_| [next() * scale, next() * scale]).collect()
}

/// Parses an array of numbers, with `null` as +inf (the harness's encoding).
#[must_use]
pub fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_f64().unwrap_or(f64::INFINITY))
                .collect()
        })
        .unwrap_or_default()
}

/// Parses `[[x, y], ...]`.
#[must_use]
pub fn points(v: &Value) -> Vec<[f64; 2]> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    [
                        p[0].as_f64().unwrap_or(f64::NAN),
                        p[1].as_f64().unwrap_or(f64::NAN),
                    ]
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The harness's `layout` request for `graph` (with its node sizes, positions, fixed
/// flags, groups and constraints) under `options`, with `start(a, b, c, d)` phases and
/// then ticks to convergence (or exactly `ticks`).
#[must_use]
pub fn layout_request(
    graph: &Graph,
    options: &colayout::LayoutOptions,
    iterations: [usize; 4],
    ticks: Option<usize>,
) -> Value {
    use colayout::{Axis, UserConstraint};
    let axis = |a: Axis| if a == Axis::X { "x" } else { "y" };
    let nodes: Vec<Value> = graph
        .nodes()
        .iter()
        .map(|v| {
            let mut o = serde_json::Map::new();
            for (k, x) in [
                ("width", v.width),
                ("height", v.height),
                ("x", v.x),
                ("y", v.y),
            ] {
                if let Some(x) = x {
                    o.insert(k.into(), json!(x));
                }
            }
            if v.fixed {
                o.insert("fixed".into(), json!(true));
            }
            Value::Object(o)
        })
        .collect();
    let constraints: Vec<Value> = graph
        .constraints()
        .iter()
        .map(|c| match c {
            UserConstraint::Separation { axis: a, left, right, gap, equality } => {
                json!({"axis": axis(*a), "left": left, "right": right, "gap": gap, "equality": equality})
            }
            UserConstraint::Alignment { axis: a, offsets } => json!({"type": "alignment", "axis": axis(*a),
                "offsets": offsets.iter().map(|(n, o)| json!({"node": n, "offset": o})).collect::<Vec<_>>()}),
            other => panic!("WebCola has no {other:?}"),
        })
        .collect();
    let groups: Vec<Value> = graph
        .groups()
        .groups()
        .iter()
        .enumerate()
        .map(|(j, g)| json!({"leaves": g.leaves, "groups": g.groups, "padding": graph.groups().padding(j)}))
        .collect();
    let mut req = json!({
        "op": "layout", "n": graph.node_count(), "links": links_json(graph), "nodes": nodes,
        "link_distance": options.link_distance, "size": options.size, "iterations": iterations,
        "ticks": ticks, "max_ticks": options.max_ticks, "avoid_overlaps": options.avoid_overlaps,
        "convergence_threshold": options.convergence_threshold,
        "handle_disconnected": options.handle_disconnected,
    });
    if !constraints.is_empty() {
        req["constraints"] = json!(constraints);
    }
    if !groups.is_empty() {
        req["groups"] = json!(groups);
    }
    if let Some(f) = options.flow {
        req["flow"] = json!({"axis": axis(f.axis), "min_separation": f.min_separation});
    }
    req
}
