//! Reading graphs from JSON: the WebCola shape and the corpus shape.
//!
//! WebCola shape: `{"nodes": [{"x", "y", "width", "height", "fixed", "name"}, ...],
//! "links": [{"source", "target", "length", "weight"}, ...]}`. Numbers may be given as
//! strings, as WebCola's examples do; `source`/`target` may be node indices or the
//! `id`/`name` of a node. Corpus shape: `{"nodes": N, "links": [[u, v], ...]}`.

use std::collections::HashMap;

use colayout::{Graph, Link, Node};
use serde_json::Value;

/// A graph read from JSON, with the labels to draw.
pub struct Input {
    pub graph: Graph,
    pub labels: Vec<Option<String>>,
}

/// Parses `text`; errors are one-line messages.
pub fn parse(text: &str) -> Result<Input, String> {
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
    let graph = Graph::new(nodes, links).map_err(|e| e.to_string())?;
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
            let e = parse(bad).err().unwrap();
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
