//! WebAssembly bindings of colayout. This first surface serves the cross-target
//! determinism test: the same layout as the native CLI's `--ticks`, returned as bits.

use colayout::{Graph, Layout, LayoutOptions, Schedule};
use wasm_bindgen::prelude::*;

/// True when this module was built with Wasm SIMD (simd128).
#[wasm_bindgen]
#[must_use]
pub fn built_with_simd() -> bool {
    cfg!(target_feature = "simd128")
}

/// Lays out the corpus-shaped graph (`n` nodes, `edges` as flat `[u0, v0, u1, v1, ...]`)
/// with WebCola's defaults: `start(a, b, c)` without ticking on, then exactly `ticks`
/// ticks. Returns positions node-major, `[x0, y0, x1, y1, ...]`, exactly as the native
/// `colayout layout --iterations a,b,c --ticks N` computes them.
///
/// # Errors
/// A `JsError` with the core's message for an invalid graph.
#[wasm_bindgen]
pub fn layout_ticks(
    n: usize,
    edges: &[u32],
    a: usize,
    b: usize,
    c: usize,
    ticks: usize,
) -> Result<Vec<f64>, JsError> {
    let pairs = edges
        .chunks_exact(2)
        .map(|e| (e[0] as usize, e[1] as usize));
    let graph = Graph::from_edges(n, pairs).map_err(|e| JsError::new(&e.to_string()))?;
    let mut layout = Layout::<2>::new(graph, LayoutOptions::default())
        .map_err(|e| JsError::new(&e.to_string()))?;
    layout.start(Schedule {
        keep_running: false,
        ..Schedule::iterations(a, b, c)
    });
    layout.run_ticks(ticks);
    let mut out = vec![0.0; 2 * n];
    layout
        .positions_into(&mut out)
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(out)
}
