//! `colayout::powergraph` for the npm package: WebCola's `getGroups`.

use colayout::powergraph::{power_graph as decompose, PowerEnd};
use wasm_bindgen::prelude::*;

use crate::js_error;

/// The power graph of `n` nodes and links `edges` (flat `[s0, t0, s1, t1, ...]`) with
/// `types` (one per link, or empty for all 0), as JSON: `{"groups": [{"leaves",
/// "groups"}], "power_edges": [[["n" | "g", index], ["n" | "g", index], type]]}`.
///
/// # Errors
/// `DimensionMismatch` for ragged arrays, `NodeOutOfRange` for a link end past `n`.
#[wasm_bindgen]
pub fn power_graph(n: usize, edges: &[u32], types: &[u32]) -> Result<String, JsValue> {
    let m = edges.len() / 2;
    if !edges.len().is_multiple_of(2) || !(types.is_empty() || types.len() == m) {
        return Err(js_error(&colayout::Error::DimensionMismatch {
            expected: 2 * m,
            found: edges.len(),
        }));
    }
    let links: Vec<(usize, usize, u32)> = edges
        .chunks_exact(2)
        .enumerate()
        .map(|(i, e)| {
            (
                e[0] as usize,
                e[1] as usize,
                types.get(i).copied().unwrap_or(0),
            )
        })
        .collect();
    let pg = decompose(n, &links).map_err(|e| js_error(&e))?;
    // Written by hand: indices only, so no JSON library is needed here.
    let end = |e: PowerEnd| match e {
        PowerEnd::Node(v) => format!("[\"n\",{v}]"),
        PowerEnd::Group(g) => format!("[\"g\",{g}]"),
    };
    let list = |v: &[usize]| {
        let items: Vec<String> = v.iter().map(usize::to_string).collect();
        format!("[{}]", items.join(","))
    };
    let groups: Vec<String> = pg
        .groups
        .iter()
        .map(|g| {
            format!(
                "{{\"leaves\":{},\"groups\":{}}}",
                list(&g.leaves),
                list(&g.groups)
            )
        })
        .collect();
    let edges: Vec<String> = pg
        .power_edges
        .iter()
        .map(|e| format!("[{},{},{}]", end(e.source), end(e.target), e.link_type))
        .collect();
    Ok(format!(
        "{{\"groups\":[{}],\"power_edges\":[{}]}}",
        groups.join(","),
        edges.join(",")
    ))
}
