//! Reading WebCola's JSON (feature `json`): graphs with groups and constraints, and
//! layout options under WebCola's names. Every frontend reads through here.
//!
//! Graphs: WebCola's shape `{"nodes": [{"x", "y", "width", "height", "fixed", "name"}, ...],
//! "links": [{"source", "target", "length", "weight"}, ...], "groups": [...],
//! "constraints": [...]}`, where numbers may be strings (as in WebCola's examples) and
//! `source`/`target` may be node indices or a node's `id`/`name`; or the corpus shape
//! `{"nodes": N, "links": [[u, v], ...]}`.
//!
//! Nodes and links are read as they stream past, one at a time, into the graph's own
//! types (no JSON tree is built for the document), and their counts are checked
//! against [`Limits`] before anything is allocated for them.

mod stream;
mod values;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::de::DeserializeSeed;
use serde_json::Value;

use super::{Input, Limits};
use crate::constraints::{Group, UserConstraint};
use crate::error::{Error, Result};
use crate::layout::LayoutOptions;
use stream::Document;
use values::HashMap;

/// Parses a graph with the default [`Limits`].
///
/// # Errors
/// [`Error::Parse`] for malformed JSON or a value of the wrong type;
/// [`Error::InputTooLarge`] beyond the limits; the graph's own errors ([`crate::Graph::new`],
/// [`crate::Graph::with_groups`], [`crate::Graph::with_constraints`]).
pub fn parse(text: &str) -> Result<Input> {
    parse_with(text, &Limits::default())
}

/// Parses a graph, refusing more nodes or links than `limits` allow.
///
/// # Errors
/// As [`parse`].
pub fn parse_with(text: &str, limits: &Limits) -> Result<Input> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut doc = Document::new(*limits);
    let mut de = serde_json::Deserializer::from_str(text);
    let read = (&mut doc).deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = read {
        let context = doc.context.take();
        return Err(doc.take_error().unwrap_or_else(|| json_error(&e, context)));
    }
    doc.finish()
}

/// serde_json's message, which names the line and column, after the node or link it
/// was reading (for a value of the wrong type).
fn json_error(e: &serde_json::Error, context: Option<(&str, usize)>) -> Error {
    let message = match (e.classify(), context) {
        (serde_json::error::Category::Syntax | serde_json::error::Category::Eof, _) => {
            format!("invalid JSON: {e}")
        }
        (_, Some((item, i))) => format!("{item} {i}: {e}"),
        (_, None) => e.to_string(),
    };
    Error::parse("JSON", message)
}

/// Parses layout options (see [`LayoutOptions`] for the names).
///
/// # Errors
/// [`Error::Parse`] for malformed JSON, an unknown name or a value of the wrong type.
pub fn parse_options(text: &str) -> Result<LayoutOptions> {
    serde_json::from_str(text).map_err(|e| {
        let message = format!("options: {e}");
        Error::parse("JSON", message)
    })
}

/// Parses a JSON array of groups, WebCola's `groups` (`{"leaves", "groups", "padding",
/// "stiffness"}`, or an array of leaf indices), for frontends that hold the graph as
/// arrays; [`crate::Graph::with_groups`] validates them against the graph.
///
/// # Errors
/// [`Error::Parse`] for malformed JSON or a group of the wrong shape.
pub fn parse_groups(text: &str) -> Result<Vec<Group>> {
    parse_list(text, "groups", values::parse_group)
}

/// Parses a JSON array of WebCola constraints (`{"type", "axis", ...}`, as in a graph's
/// `constraints`) with node indices; [`crate::Graph::with_constraints`] validates them
/// against the graph.
///
/// # Errors
/// [`Error::Parse`] for malformed JSON or a constraint of the wrong shape.
pub fn parse_constraints(text: &str) -> Result<Vec<UserConstraint>> {
    parse_list(text, "constraints", values::parse_constraint)
}

type Item<T> = fn(usize, &Value, &HashMap<String, usize>) -> core::result::Result<T, String>;

fn parse_list<T>(text: &str, what: &str, item: Item<T>) -> Result<Vec<T>> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Error::parse("JSON", format!("{what}: invalid JSON: {e}")))?;
    let Value::Array(items) = value else {
        return Err(Error::parse("JSON", format!("{what} must be an array")));
    };
    let ids = HashMap::new();
    items
        .iter()
        .enumerate()
        .map(|(i, v)| item(i, v, &ids).map_err(|m| Error::parse("JSON", m)))
        .collect()
}

/// The options as JSON, under WebCola's names: what [`parse_options`] reads back.
#[must_use]
pub fn options_to_json(options: &LayoutOptions) -> String {
    // Serialising plain numbers, strings and booleans into a string cannot fail.
    serde_json::to_string(options).unwrap_or_default()
}

#[cfg(test)]
mod tests;
