//! Nodes, links, groups and constraints from JSON values. The streaming reader hands
//! over one node or link at a time, so a value never outlives its item.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value;

use crate::constraints::{Group, UserConstraint, DEFAULT_PAGE_WEIGHT};
use crate::geom::{Axis, Rectangle};
use crate::graph::Node;

pub(super) type HashMap<K, V> = BTreeMap<K, V>;

/// A node read from JSON: the node, its label, and its `id` and `name`.
pub(super) type NodeItem = (Node, Option<String>, [Option<String>; 2]);

/// A node's fields: numbers (or strings holding them), WebCola's `fixed`, and its
/// label (`label`, `name` or `id`). Also returns its `id` and `name`, which links,
/// groups and constraints may use to name it.
pub(super) fn node_from(i: usize, v: &Value) -> Result<NodeItem, String> {
    let o = v
        .as_object()
        .ok_or_else(|| format!("node {i} is not an object"))?;
    let num = |key: &str| -> Result<Option<f64>, String> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => as_number(v)
                .map(Some)
                .ok_or_else(|| format!("node {i}: \"{key}\" is not a number")),
        }
    };
    let node = Node {
        x: num("x")?,
        y: num("y")?,
        z: num("z")?,
        width: num("width")?,
        height: num("height")?,
        fixed: o.get("fixed").is_some_and(truthy),
    };
    let text = |k: &str| o.get(k).and_then(as_text);
    let label = ["label", "name", "id"].iter().find_map(|k| text(k));
    Ok((node, label, [text("id"), text("name")]))
}

/// A link end: a node index (a number or a numeric string) or a node's `id`/`name`.
pub(super) enum Ref {
    Index(usize),
    Name(String),
}

/// A link read from JSON: its ends, length and weight.
pub(super) type LinkItem = ([Ref; 2], Option<f64>, Option<f64>);

/// A link, `[source, target]` or `{"source", "target", "length", "weight"}`: its ends,
/// length and weight.
pub(super) fn link_from(i: usize, v: &Value) -> Result<LinkItem, String> {
    let end = |v: Option<&Value>, key: &str| -> Result<Ref, String> {
        let v = v.ok_or_else(|| format!("link {i} has no {key}"))?;
        if let Some(k) = as_index(v) {
            return Ok(Ref::Index(k));
        }
        match v {
            Value::String(s) => Ok(Ref::Name(s.clone())),
            _ => Err(format!(
                "link {i}: {key} {v} is neither a node index nor a node id/name"
            )),
        }
    };
    match v {
        Value::Array(pair) if pair.len() >= 2 => Ok((
            [end(pair.first(), "source")?, end(pair.get(1), "target")?],
            None,
            None,
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
            Ok((
                [
                    end(o.get("source"), "source")?,
                    end(o.get("target"), "target")?,
                ],
                num("length")?,
                num("weight")?,
            ))
        }
        _ => Err(format!(
            "link {i} must be [source, target] or {{\"source\", \"target\"}}"
        )),
    }
}

/// A node reference: an index (number or numeric string) or a node's `id`/`name`.
pub(super) fn node_ref(v: &Value, ids: &HashMap<String, usize>) -> Option<usize> {
    as_index(v).or_else(|| v.as_str().and_then(|s| ids.get(s).copied()))
}

pub(super) fn parse_group(
    j: usize,
    item: &Value,
    ids: &HashMap<String, usize>,
) -> Result<Group, String> {
    if let Value::Array(leaves) = item {
        return Ok(Group {
            leaves: leaves
                .iter()
                .map(|v| {
                    node_ref(v, ids).ok_or_else(|| format!("group {j}: leaf {v} is not an index"))
                })
                .collect::<Result<_, _>>()?,
            ..Group::default()
        });
    }
    let o = item
        .as_object()
        .ok_or_else(|| format!("group {j} is neither an object nor an array of leaves"))?;
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

pub(super) fn parse_constraint(
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
pub(super) fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A non-negative integer index, as a number or a string.
pub(super) fn as_index(v: &Value) -> Option<usize> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|k| usize::try_from(k).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

pub(super) fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// JavaScript truthiness, as WebCola reads `fixed`.
pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0 && !x.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}
