//! Reading WebCola's JSON (feature `json`): graphs with groups and constraints, and
//! layout options under WebCola's names. Every frontend reads through here.
//!
//! Graphs: WebCola's shape `{"nodes": [{"x", "y", "width", "height", "fixed", "name"}, ...],
//! "links": [{"source", "target", "length", "weight"}, ...], "groups": [...],
//! "constraints": [...]}`, where numbers may be strings (as in WebCola's examples) and
//! `source`/`target` may be node indices or a node's `id`/`name`; or the corpus shape
//! `{"nodes": N, "links": [[u, v], ...]}`.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde_json::Value;

use super::Input;
use crate::constraints::{Group, UserConstraint, DEFAULT_PAGE_WEIGHT};
use crate::error::Error;
use crate::geom::{Axis, Rectangle};
use crate::graph::{Graph, Link, Node};
use crate::layout::{Flow, LayoutOptions, StressMode};
use crate::linklengths::LinkLengths;

type HashMap<K, V> = BTreeMap<K, V>;

/// Parses a graph.
///
/// # Errors
/// [`Error::Json`] for malformed JSON or a value of the wrong type; the graph's own
/// errors ([`Graph::new`], [`Graph::with_groups`], [`Graph::with_constraints`]).
pub fn parse(text: &str) -> Result<Input, Error> {
    parse_graph(text).map_err(|e| match e {
        Failure::Json(message) => Error::Json { message },
        Failure::Graph(e) => e,
    })
}

enum Failure {
    Json(String),
    Graph(Error),
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Failure::Json(s)
    }
}

impl From<&str> for Failure {
    fn from(s: &str) -> Self {
        Failure::Json(s.to_string())
    }
}

fn parse_graph(text: &str) -> Result<Input, Failure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = doc
        .as_object()
        .ok_or("expected a JSON object with \"nodes\" and \"links\"")?;
    let (nodes, labels, ids) = match obj.get("nodes") {
        Some(Value::Array(items)) => parse_nodes(items)?,
        Some(v) => {
            let n = as_index(v).ok_or("\"nodes\" must be an array of nodes or a node count")?;
            (vec![Node::default(); n], vec![None; n], HashMap::new())
        }
        None => (Vec::new(), Vec::new(), HashMap::new()),
    };
    let links = match obj.get("links").or_else(|| obj.get("edges")) {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, l)| parse_link(i, l, &ids))
            .collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err("\"links\" must be an array".into()),
        None => Vec::new(),
    };
    let mut labels = labels;
    // The corpus shape may carry a top-level "labels" array.
    if let (Some(Value::Array(names)), Some(Value::Number(_))) =
        (obj.get("labels"), obj.get("nodes"))
    {
        labels = names.iter().map(as_text).collect();
    }
    labels.resize(nodes.len(), None);
    let groups = match obj.get("groups") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(j, g)| parse_group(j, g, &ids))
            .collect::<Result<Vec<_>, _>>()?,
        Some(Value::Null) | None => Vec::new(),
        Some(_) => return Err("\"groups\" must be an array".into()),
    };
    let constraints = match obj.get("constraints") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, c)| parse_constraint(i, c, &ids))
            .collect::<Result<Vec<_>, _>>()?,
        Some(Value::Null) | None => Vec::new(),
        Some(_) => return Err("\"constraints\" must be an array".into()),
    };
    let graph = Graph::new(nodes, links)
        .and_then(|g| g.with_groups(groups))
        .and_then(|g| g.with_constraints(constraints))
        .map_err(Failure::Graph)?;
    Ok(Input { graph, labels })
}

type Nodes = (Vec<Node>, Vec<Option<String>>, HashMap<String, usize>);

fn parse_nodes(items: &[Value]) -> Result<Nodes, String> {
    let mut nodes = Vec::with_capacity(items.len());
    let mut labels = Vec::with_capacity(items.len());
    let mut ids = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let Some(o) = item.as_object() else {
            return Err(format!("node {i} is not an object"));
        };
        let num = |key: &str| -> Result<Option<f64>, String> {
            match o.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => as_number(v)
                    .map(Some)
                    .ok_or_else(|| format!("node {i}: \"{key}\" is not a number")),
            }
        };
        nodes.push(Node {
            x: num("x")?,
            y: num("y")?,
            z: num("z")?,
            width: num("width")?,
            height: num("height")?,
            fixed: o.get("fixed").is_some_and(truthy),
        });
        let label = ["label", "name", "id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(as_text));
        for key in ["id", "name"] {
            if let Some(t) = o.get(key).and_then(as_text) {
                ids.entry(t).or_insert(i);
            }
        }
        labels.push(label);
    }
    Ok((nodes, labels, ids))
}

fn parse_link(i: usize, item: &Value, ids: &HashMap<String, usize>) -> Result<Link, String> {
    let end = |v: Option<&Value>, key: &str| -> Result<usize, String> {
        let v = v.ok_or_else(|| format!("link {i} has no {key}"))?;
        if let Some(k) = as_index(v) {
            return Ok(k);
        }
        if let Some(k) = v.as_str().and_then(|s| ids.get(s)) {
            return Ok(*k);
        }
        Err(format!(
            "link {i}: {key} {v} is neither a node index nor a node id/name"
        ))
    };
    match item {
        Value::Array(pair) if pair.len() >= 2 => Ok(Link::new(
            end(pair.first(), "source")?,
            end(pair.get(1), "target")?,
        )),
        Value::Object(o) => {
            let num = |key: &str| -> Result<Option<f64>, String> {
                match o.get(key) {
                    None | Some(Value::Null) => Ok(None),
                    Some(v) => as_number(v)
                        .map(Some)
                        .ok_or_else(|| format!("link {i}: \"{key}\" is not a number")),
                }
            };
            Ok(Link {
                source: end(o.get("source"), "source")?,
                target: end(o.get("target"), "target")?,
                length: num("length")?,
                weight: num("weight")?,
            })
        }
        _ => Err(format!(
            "link {i} must be [source, target] or {{\"source\", \"target\"}}"
        )),
    }
}

/// A node reference: an index (number or numeric string) or a node's `id`/`name`.
fn node_ref(v: &Value, ids: &HashMap<String, usize>) -> Option<usize> {
    as_index(v).or_else(|| v.as_str().and_then(|s| ids.get(s).copied()))
}

fn parse_group(j: usize, item: &Value, ids: &HashMap<String, usize>) -> Result<Group, String> {
    let o = item
        .as_object()
        .ok_or_else(|| format!("group {j} is not an object"))?;
    let list = |key: &str, f: &dyn Fn(&Value) -> Option<usize>| -> Result<Vec<usize>, String> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| f(v).ok_or_else(|| format!("group {j}: {key} entry {v} is not an index")))
                .collect(),
            Some(_) => Err(format!("group {j}: \"{key}\" must be an array")),
        }
    };
    let num = |key: &str| -> Result<Option<f64>, String> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => as_number(v)
                .map(Some)
                .ok_or_else(|| format!("group {j}: \"{key}\" is not a number")),
        }
    };
    Ok(Group {
        leaves: list("leaves", &|v| node_ref(v, ids))?,
        groups: list("groups", &as_index)?,
        padding: num("padding")?,
        stiffness: num("stiffness")?,
    })
}

fn parse_constraint(
    i: usize,
    item: &Value,
    ids: &HashMap<String, usize>,
) -> Result<UserConstraint, String> {
    let o = item
        .as_object()
        .ok_or_else(|| format!("constraint {i} is not an object"))?;
    let field = |key: &str| o.get(key).filter(|v| !v.is_null());
    let num = |key: &str| -> Result<f64, String> {
        field(key)
            .and_then(as_number)
            .ok_or_else(|| format!("constraint {i}: \"{key}\" must be a number"))
    };
    let node = |v: Option<&Value>, key: &str| -> Result<usize, String> {
        v.and_then(|v| node_ref(v, ids))
            .ok_or_else(|| format!("constraint {i}: \"{key}\" must be a node index or id"))
    };
    let axis = || -> Result<Axis, String> {
        match field("axis").and_then(Value::as_str) {
            Some("x") => Ok(Axis::X),
            Some("y") => Ok(Axis::Y),
            _ => Err(format!("constraint {i}: \"axis\" must be \"x\" or \"y\"")),
        }
    };
    let nodes = |key: &str| -> Result<Vec<usize>, String> {
        match field(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) => a.iter().map(|v| node(Some(v), key)).collect(),
            Some(_) => Err(format!("constraint {i}: \"{key}\" must be an array")),
        }
    };
    match field("type").and_then(Value::as_str).unwrap_or("separation") {
        "separation" => Ok(UserConstraint::Separation {
            axis: axis()?,
            left: node(field("left"), "left")?,
            right: node(field("right"), "right")?,
            gap: num("gap")?,
            equality: field("equality").is_some_and(truthy),
        }),
        "alignment" => {
            let offsets = match field("offsets") {
                Some(Value::Array(a)) => a
                    .iter()
                    .map(|e| {
                        let n = node(e.get("node"), "offsets.node")?;
                        let off = e.get("offset").filter(|v| !v.is_null()).map_or(Some(0.0), as_number);
                        off.map(|off| (n, off))
                            .ok_or_else(|| format!("constraint {i}: an offset is not a number"))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
                _ => return Err(format!("constraint {i}: alignment needs an \"offsets\" array")),
            };
            Ok(UserConstraint::Alignment { axis: axis()?, offsets })
        }
        "distribution" => Ok(UserConstraint::Distribution {
            axis: axis()?,
            alignments: match field("alignments") {
                Some(Value::Array(a)) => a
                    .iter()
                    .map(|v| as_index(v).ok_or_else(|| format!("constraint {i}: alignments are constraint indices")))
                    .collect::<Result<_, _>>()?,
                _ => return Err(format!("constraint {i}: distribution needs an \"alignments\" array")),
            },
            separation: num("separation")?,
        }),
        "fixed-relative" | "fixedRelative" => Ok(UserConstraint::FixedRelative { nodes: nodes("nodes")? }),
        "page-boundary" | "pageBoundary" => Ok(UserConstraint::PageBoundary {
            bounds: Rectangle::new(num("x_min")?, num("x_max")?, num("y_min")?, num("y_max")?),
            weight: field("weight").map_or(Ok(DEFAULT_PAGE_WEIGHT), |_| num("weight"))?,
            nodes: nodes("nodes")?,
        }),
        t => Err(format!(
            "constraint {i}: unknown type {t:?} (separation, alignment, distribution, fixed-relative, page-boundary)"
        )),
    }
}

/// A number, or a string holding one (WebCola's examples use `"offset": "0"`).
fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A non-negative integer index, as a number or a string.
fn as_index(v: &Value) -> Option<usize> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|k| usize::try_from(k).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// JavaScript truthiness, as WebCola reads `fixed`.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0 && !x.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// Parses layout options under WebCola's names (all optional):
/// `linkDistance`, `symmetricDiffLinkLengths: {ideal, w}`, `jaccardLinkLengths: {ideal, w}`,
/// `convergenceThreshold`, `size: [w, h]`, `avoidOverlaps`, `handleDisconnected`,
/// `defaultNodeSize`, `groupCompactness`, `flowLayout: {axis, minSeparation}`, and
/// colayout's `stress` (`"p"` or `"full"`), `seed`, `maxTicks`, `gridSnapSize`.
///
/// # Errors
/// [`Error::Json`] for malformed JSON, an unknown key or a value of the wrong type.
pub fn parse_options(text: &str) -> Result<LayoutOptions, Error> {
    let json = |message: String| Error::Json { message };
    let doc: Value = serde_json::from_str(text).map_err(|e| json(format!("invalid JSON: {e}")))?;
    let obj = doc
        .as_object()
        .ok_or_else(|| json("options must be a JSON object".into()))?;
    let mut o = LayoutOptions::default();
    let num = |k: &str, v: &Value| {
        as_number(v).ok_or_else(|| json(format!("option {k} must be a number")))
    };
    let flag = |k: &str, v: &Value| {
        v.as_bool()
            .ok_or_else(|| json(format!("option {k} must be true or false")))
    };
    let pair = |k: &str, v: &Value| -> Result<(f64, f64), Error> {
        let g = |key: &str, default: Option<f64>| {
            v.get(key).map_or(
                default.ok_or_else(|| json(format!("option {k} needs {key}"))),
                |x| num(k, x),
            )
        };
        Ok((g("ideal", None)?, g("w", Some(1.0))?))
    };
    for (k, v) in obj {
        match k.as_str() {
            "linkDistance" => o.link_distance = num(k, v)?,
            "symmetricDiffLinkLengths" => {
                let (ideal, w) = pair(k, v)?;
                o.link_lengths = LinkLengths::SymmetricDiff { ideal, w };
            }
            "jaccardLinkLengths" => {
                let (ideal, w) = pair(k, v)?;
                o.link_lengths = LinkLengths::Jaccard { ideal, w };
            }
            "convergenceThreshold" => o.convergence_threshold = num(k, v)?,
            "size" => match v
                .as_array()
                .map(|a| a.iter().map(as_number).collect::<Option<Vec<f64>>>())
            {
                Some(Some(s)) if s.len() == 2 => o.size = [s[0], s[1]],
                _ => return Err(json("option size must be [width, height]".into())),
            },
            "avoidOverlaps" => o.avoid_overlaps = flag(k, v)?,
            "handleDisconnected" => o.handle_disconnected = flag(k, v)?,
            "defaultNodeSize" => o.default_node_size = num(k, v)?,
            "groupCompactness" => o.group_compactness = num(k, v)?,
            "flowLayout" => {
                let axis = match v.get("axis").and_then(Value::as_str).unwrap_or("y") {
                    "x" => Axis::X,
                    "y" => Axis::Y,
                    a => {
                        return Err(json(format!(
                            "flowLayout axis must be \"x\" or \"y\", not {a:?}"
                        )))
                    }
                };
                let sep = v.get("minSeparation").map_or(Ok(30.0), |s| num(k, s))?;
                o.flow = Some(Flow {
                    axis,
                    min_separation: sep,
                });
            }
            "stress" => {
                o.stress = match v.as_str() {
                    Some("p" | "pstress") => StressMode::PStress,
                    Some("full") => StressMode::Full,
                    _ => return Err(json("option stress must be \"p\" or \"full\"".into())),
                }
            }
            "seed" => {
                o.seed = v
                    .as_u64()
                    .ok_or_else(|| json("option seed must be a non-negative integer".into()))?
            }
            "maxTicks" => {
                o.max_ticks = v
                    .as_u64()
                    .and_then(|t| usize::try_from(t).ok())
                    .ok_or_else(|| json("option maxTicks must be a count".into()))?;
            }
            "gridSnapSize" => o.grid_snap_size = Some(num(k, v)?),
            other => return Err(json(format!("unknown option {other:?}"))),
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_shape() {
        let g = parse(r#"{"nodes": 3, "links": [[0, 1], [1, 2]]}"#)
            .unwrap()
            .graph;
        assert_eq!((g.node_count(), g.link_count()), (3, 2));
    }

    #[test]
    fn webcola_shape_with_strings_and_names() {
        let text = "\u{feff}{\"nodes\":[{\"name\":\"a\",\"width\":\"60\",\"x\":\"1.5\",\"fixed\":1},{\"name\":\"b\"}],\
                    \"links\":[{\"source\":\"a\",\"target\":\"1\",\"length\":\"30\"}]}";
        let input = parse(text).unwrap();
        let v = &input.graph.nodes()[0];
        assert_eq!((v.width, v.x, v.fixed), (Some(60.0), Some(1.5), true));
        let l = &input.graph.links()[0];
        assert_eq!((l.source, l.target, l.length), (0, 1, Some(30.0)));
        assert_eq!(input.labels[1].as_deref(), Some("b"));
    }

    #[test]
    fn options_use_webcola_names() {
        let o = parse_options(r#"{"linkDistance": 50, "avoidOverlaps": true, "size": [800, 600],
            "flowLayout": {"axis": "x", "minSeparation": 40}, "jaccardLinkLengths": {"ideal": 30}}"#)
        .unwrap();
        assert_eq!(
            (o.link_distance, o.avoid_overlaps, o.size),
            (50.0, true, [800.0, 600.0])
        );
        assert_eq!(
            o.flow,
            Some(Flow {
                axis: Axis::X,
                min_separation: 40.0
            })
        );
        assert_eq!(
            o.link_lengths,
            LinkLengths::Jaccard {
                ideal: 30.0,
                w: 1.0
            }
        );
        assert!(parse_options(r#"{"linkDistanse": 3}"#).is_err());
    }

    #[test]
    fn bad_inputs_are_one_line_errors() {
        for bad in [
            "{",
            "[]",
            r#"{"nodes": 2, "links": [[0, 5]]}"#,
            r#"{"nodes": [{"x": "NaN"}]}"#,
            r#"{"nodes": [{"width": -3}]}"#,
            r#"{"nodes": 2, "links": [{"source": 0, "target": 1, "length": -1}]}"#,
            r#"{"nodes": 2, "links": [{"source": 0, "target": "zz"}]}"#,
        ] {
            let e = parse(bad).err().unwrap().to_string();
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
