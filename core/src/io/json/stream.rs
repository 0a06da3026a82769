//! The streaming reader: a serde visitor over the top-level object that reads nodes and
//! links one by one into [`Node`] and [`Link`], checking their counts as it goes.

use alloc::borrow::Cow;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::values::{as_text, link_from, node_from, parse_constraint, parse_group, Ref};
use crate::error::{Error, Result};
use crate::graph::{Graph, Link, Node};
use crate::io::{Input, Limits};

/// What has been read so far, and the first typed error (kept here because serde's own
/// errors carry only text).
pub(super) struct Document {
    limits: Limits,
    nodes: Option<Vec<Node>>,
    /// Nodes were given as a count (the corpus shape).
    counted: bool,
    labels: Vec<Option<String>>,
    /// Node `id`s and `name`s, for links, groups and constraints that name nodes.
    ids: BTreeMap<String, usize>,
    links: Option<Vec<Link>>,
    /// Link ends given by name before the nodes were read: `(link, is_target, name)`.
    pending: Vec<(usize, bool, String)>,
    groups: Vec<Value>,
    constraints: Vec<Value>,
    corpus_labels: Option<Vec<Value>>,
    /// `"directed": true`.
    directed: bool,
    /// Links came from an `"edges"` array (a later `"links"` replaces them).
    links_from_edges: bool,
    /// The item being read when a serde error happened (`("node", 3)`), for its
    /// message; formatted only then.
    pub(super) context: Option<(&'static str, usize)>,
    error: Option<Error>,
}

impl Document {
    pub(super) fn new(limits: Limits) -> Self {
        Self {
            limits,
            nodes: None,
            counted: false,
            labels: Vec::new(),
            ids: BTreeMap::new(),
            links: None,
            pending: Vec::new(),
            groups: Vec::new(),
            constraints: Vec::new(),
            corpus_labels: None,
            directed: false,
            links_from_edges: false,
            context: None,
            error: None,
        }
    }

    pub(super) fn take_error(&mut self) -> Option<Error> {
        self.error.take()
    }

    /// Keeps `e` and returns a serde error that stops the reader.
    fn fail<E: de::Error>(&mut self, e: Error) -> E {
        let text = e.to_string();
        self.error.get_or_insert(e);
        E::custom(text)
    }

    /// Resolves names, reads groups and constraints, and validates the graph.
    pub(super) fn finish(mut self) -> Result<Input> {
        let nodes = self.nodes.take().unwrap_or_default();
        let mut links = self.links.take().unwrap_or_default();
        for (i, is_target, name) in core::mem::take(&mut self.pending) {
            let node = self.ids.get(&name).copied().ok_or_else(|| {
                let key = if is_target { "target" } else { "source" };
                unknown_end(i, key, &name)
            })?;
            if is_target {
                links[i].target = node;
            } else {
                links[i].source = node;
            }
        }
        let mut labels = core::mem::take(&mut self.labels);
        if let (Some(names), true) = (&self.corpus_labels, self.counted) {
            labels = names.iter().map(as_text).collect();
        }
        labels.resize(nodes.len(), None);
        let text = |e: String| Error::parse("JSON", e);
        let groups = self
            .groups
            .iter()
            .enumerate()
            .map(|(j, g)| parse_group(j, g, &self.ids).map_err(text))
            .collect::<Result<Vec<_>>>()?;
        let constraints = self
            .constraints
            .iter()
            .enumerate()
            .map(|(i, c)| parse_constraint(i, c, &self.ids).map_err(text))
            .collect::<Result<Vec<_>>>()?;
        let graph = Graph::new(nodes, links)?
            .with_groups(groups)?
            .with_constraints(constraints)?;
        Ok(Input {
            graph,
            labels,
            directed: self.directed,
        })
    }
}

fn unknown_end(link: usize, key: &str, name: &str) -> Error {
    Error::parse(
        "JSON",
        format!("link {link}: {key} {name:?} is neither a node index nor a node id/name"),
    )
}

impl<'de> DeserializeSeed<'de> for &mut Document {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_map(DocumentVisitor(self))
    }
}

struct DocumentVisitor<'a>(&'a mut Document);

impl<'de> Visitor<'de> for DocumentVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object with \"nodes\" and \"links\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        let doc = self.0;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "nodes" if doc.nodes.is_some() => return Err(de::Error::duplicate_field("nodes")),
                "nodes" => map.next_value_seed(Nodes(&mut *doc))?,
                "links" if doc.links.is_some() && !doc.links_from_edges => {
                    return Err(de::Error::duplicate_field("links"))
                }
                "links" => {
                    map.next_value_seed(Links {
                        doc: &mut *doc,
                        from_edges: false,
                    })?;
                }
                // `"edges"` is a link list when there is no `"links"` (the corpus files
                // also give `"edges": <count>`, which is ignored).
                "edges" if doc.links.is_some() => {
                    map.next_value::<IgnoredAny>()?;
                }
                "edges" => map.next_value_seed(Links {
                    doc: &mut *doc,
                    from_edges: true,
                })?,
                "groups" => doc.groups = array(map.next_value()?, "groups")?,
                "constraints" => doc.constraints = array(map.next_value()?, "constraints")?,
                "labels" => doc.corpus_labels = Some(array(map.next_value()?, "labels")?),
                "directed" => doc.directed = map.next_value::<Option<bool>>()?.unwrap_or(false),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// An array value (null reads as empty).
fn array<E: de::Error>(v: Value, key: &str) -> core::result::Result<Vec<Value>, E> {
    match v {
        Value::Array(a) => Ok(a),
        Value::Null => Ok(Vec::new()),
        _ => Err(E::custom(format!("\"{key}\" must be an array"))),
    }
}

/// `"nodes"`: an array of node objects, or a node count.
struct Nodes<'a>(&'a mut Document);

impl<'de> DeserializeSeed<'de> for Nodes<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Nodes<'_> {
    fn count<E: de::Error>(self, n: u64) -> core::result::Result<(), E> {
        let limit = self.0.limits.max_nodes;
        if n > limit as u64 {
            return Err(self.0.fail(Error::InputTooLarge {
                what: "nodes",
                count: n,
                limit: limit as u64,
            }));
        }
        // At most `limit` nodes, checked above.
        let n = n as usize;
        let mut nodes = Vec::new();
        if nodes.try_reserve_exact(n).is_err() {
            return Err(self.0.fail(Error::InputTooLarge {
                what: "nodes",
                count: n as u64,
                limit: limit as u64,
            }));
        }
        nodes.resize(n, Node::default());
        self.0.nodes = Some(nodes);
        self.0.counted = true;
        Ok(())
    }
}

impl<'de> Visitor<'de> for Nodes<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"nodes\" as an array of nodes or a whole number of nodes")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> core::result::Result<(), E> {
        self.count(n)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> core::result::Result<(), E> {
        match u64::try_from(n) {
            Ok(n) => self.count(n),
            Err(_) => Err(E::custom(format!(
                "\"nodes\": {n} is negative; give an array of nodes or a whole number of nodes"
            ))),
        }
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> core::result::Result<(), E> {
        if n >= 0.0 && n.fract() == 0.0 && n < 1.8e19 {
            self.count(n as u64)
        } else {
            Err(E::custom(format!(
                "\"nodes\": {n} is not a whole number of nodes"
            )))
        }
    }

    fn visit_str<E: de::Error>(self, s: &str) -> core::result::Result<(), E> {
        match s.trim().parse::<u64>() {
            Ok(n) => self.count(n),
            Err(_) => Err(E::custom(format!(
                "\"nodes\": {s:?} is not a whole number of nodes"
            ))),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<(), A::Error> {
        let doc = self.0;
        let limit = doc.limits.max_nodes;
        let mut nodes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(limit));
        let mut labels = Vec::with_capacity(nodes.capacity());
        read_items(doc, &mut seq, ("nodes", "node"), limit, |doc, i, v| {
            let (node, label, names) =
                node_from(i, &v).map_err(|e| doc.fail(Error::parse("JSON", e)))?;
            for t in names.into_iter().flatten() {
                doc.ids.entry(t).or_insert(i);
            }
            nodes.push(node);
            labels.push(label);
            Ok(())
        })?;
        doc.nodes = Some(nodes);
        doc.labels = labels;
        Ok(())
    }
}

/// Reads an array one JSON value at a time (each dropped once `f` has read it), at most
/// `limit` of them: `f(doc, i, value)` for item `i`. `names` are the items' names, plural
/// for the limit's error and singular for a serde error's context.
fn read_items<'de, A: SeqAccess<'de>>(
    doc: &mut Document,
    seq: &mut A,
    names: (&'static str, &'static str),
    limit: usize,
    mut f: impl FnMut(&mut Document, usize, Value) -> core::result::Result<(), A::Error>,
) -> core::result::Result<(), A::Error> {
    for i in 0.. {
        if i == limit {
            past_limit(doc, seq, names.0, limit)?;
            break;
        }
        doc.context = Some((names.1, i));
        let Some(v) = seq.next_element::<Value>()? else {
            break;
        };
        f(doc, i, v)?;
    }
    doc.context = None;
    Ok(())
}

/// At `limit` items read: Ok when the array ends there, else the count of all of them
/// (skipped without being kept) as [`Error::InputTooLarge`].
fn past_limit<'de, A: SeqAccess<'de>>(
    doc: &mut Document,
    seq: &mut A,
    what: &'static str,
    limit: usize,
) -> core::result::Result<(), A::Error> {
    let mut count = limit as u64;
    while seq.next_element::<IgnoredAny>()?.is_some() {
        count += 1;
    }
    if count == limit as u64 {
        return Ok(());
    }
    Err(doc.fail(Error::InputTooLarge {
        what,
        count,
        limit: limit as u64,
    }))
}

/// `"links"` (or `"edges"`): an array of `[source, target]` pairs or link objects.
struct Links<'a> {
    doc: &'a mut Document,
    /// Read from `"edges"`, where anything but an array is ignored.
    from_edges: bool,
}

impl<'de> DeserializeSeed<'de> for Links<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Links<'_> {
    /// A scalar or object where links belong: an error, except for `"edges"`.
    fn not_a_list<E: de::Error>(self) -> core::result::Result<(), E> {
        if self.from_edges {
            Ok(())
        } else {
            Err(E::custom("\"links\" must be an array"))
        }
    }
}

impl<'de> Visitor<'de> for Links<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"links\" as an array")
    }

    fn visit_unit<E: de::Error>(self) -> core::result::Result<(), E> {
        if !self.from_edges {
            self.doc.links = Some(Vec::new());
        }
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> core::result::Result<(), E> {
        self.not_a_list()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> core::result::Result<(), E> {
        self.not_a_list()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> core::result::Result<(), E> {
        self.not_a_list()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> core::result::Result<(), E> {
        self.not_a_list()
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> core::result::Result<(), E> {
        self.not_a_list()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.not_a_list()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<(), A::Error> {
        let doc = self.doc;
        doc.links_from_edges = self.from_edges;
        let limit = doc.limits.max_links;
        let mut links: Vec<Link> = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(limit));
        read_items(doc, &mut seq, ("links", "link"), limit, |doc, i, v| {
            let (ends, length, weight) =
                link_from(i, &v).map_err(|e| doc.fail(Error::parse("JSON", e)))?;
            let mut link = Link {
                length,
                weight,
                ..Link::new(0, 0)
            };
            for (is_target, end) in [false, true].into_iter().zip(ends) {
                let node = match end {
                    Ref::Index(k) => k,
                    Ref::Name(name) => match (&doc.nodes, doc.ids.get(&name)) {
                        (_, Some(&k)) => k,
                        (None, None) => {
                            doc.pending.push((i, is_target, name));
                            0
                        }
                        (Some(_), None) => {
                            let key = if is_target { "target" } else { "source" };
                            return Err(doc.fail(unknown_end(i, key, &name)));
                        }
                    },
                };
                if is_target {
                    link.target = node;
                } else {
                    link.source = node;
                }
            }
            links.push(link);
            Ok(())
        })?;
        doc.links = Some(links);
        Ok(())
    }
}
