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

use serde::de::DeserializeSeed;

use super::{Input, Limits};
use crate::error::{Error, Result};
use crate::layout::LayoutOptions;
use stream::Document;

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

/// The options as JSON, under WebCola's names: what [`parse_options`] reads back.
#[must_use]
pub fn options_to_json(options: &LayoutOptions) -> String {
    // Serialising plain numbers, strings and booleans into a string cannot fail.
    serde_json::to_string(options).unwrap_or_default()
}

#[cfg(test)]
mod tests;
