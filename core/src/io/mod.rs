//! Readers shared by every frontend: WebCola's JSON (feature `json`), Graphviz DOT
//! (feature `dot`) and GraphML (feature `graphml`), all into one [`Input`], under the
//! same [`Limits`]; and [`decode`], which turns file bytes into text.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, Result};
use crate::graph::Graph;

#[cfg(feature = "dot")]
pub mod dot;
#[cfg(feature = "graphml")]
pub mod graphml;
#[cfg(feature = "json")]
pub mod json;

/// A graph read from a file, with the labels to draw.
#[derive(Clone, Debug)]
pub struct Input {
    /// The validated graph, with its groups and constraints.
    pub graph: Graph,
    /// Each node's label, if any: JSON's `label`, `name` or `id` (or the corpus'
    /// `labels`), DOT's `label` or node ID.
    pub labels: Vec<Option<String>>,
    /// The links are directed: DOT's `digraph`, or JSON's `"directed": true` (networkx's
    /// node-link data). Layouts ignore it; drawings put arrowheads on directed links.
    pub directed: bool,
}

/// How much a reader accepts: inputs beyond these are refused with
/// [`Error::InputTooLarge`] before their nodes or links are allocated. A small file can
/// describe a huge graph (a DOT edge between two subgraphs of 10 000 nodes each is
/// 10⁸ links), so the limits hold whatever the file's size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most nodes. Default 10 000 000 (each takes about 90 bytes while read).
    pub max_nodes: usize,
    /// Most links. Default 20 000 000 (each takes about 70 bytes while read).
    pub max_links: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_nodes: crate::graph::MAX_NODES,
            max_links: 20_000_000,
        }
    }
}

/// The text of a file: UTF-8 (a byte-order mark is dropped), or UTF-16 with a
/// byte-order mark, or UTF-16 without one when the zero bytes of ASCII text give it
/// away.
///
/// # Errors
/// [`Error::Parse`] (format `"text"`) for bytes that are none of these, naming the
/// offset of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>> {
    let utf16 = |bytes: &[u8], little: bool| -> Result<Cow<'_, str>> {
        let units = bytes.chunks(2).map(|c| {
            let pair = [c[0], c.get(1).copied().unwrap_or(0)];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<core::result::Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|e| {
                Error::parse(
                    "text",
                    format!(
                        "the input is UTF-16 with an unpaired surrogate {:#06x}",
                        e.unpaired_surrogate()
                    ),
                )
            })
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 && bytes.len().is_multiple_of(2) => {
            utf16(bytes, true)
        }
        [0, a, 0, b, ..] if *a != 0 && *b != 0 && bytes.len().is_multiple_of(2) => {
            utf16(bytes, false)
        }
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>> {
    core::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        let at = e.valid_up_to();
        Error::parse(
            "text",
            format!(
                "the input is not UTF-8 text: byte {:#04x} at offset {at} (save it as UTF-8)",
                bytes[at]
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn text_is_decoded_from_utf8_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        let le: Vec<u8> = "{\"nodes\": 2}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&le).unwrap(), "{\"nodes\": 2}");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("graph{a}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "graph{a}");
        let e = decode(b"ok \xff").unwrap_err().to_string();
        assert!(e.contains("offset 3"), "{e}");
    }
}
