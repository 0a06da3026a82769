//! WebCola's `Layout3D` for the npm package: a 3-D layout of the core (`Layout<3>`)
//! with `Layout3D`'s options and schedule (`LayoutOptions::layout3d`,
//! `Schedule::layout3d`).

use colayout::{Layout, LayoutOptions, Schedule};
use wasm_bindgen::prelude::*;

use crate::js_error;

/// A 3-D layout: WebCola's `Layout3D`.
#[wasm_bindgen]
pub struct RawLayout3D {
    layout: Layout<3>,
}

#[wasm_bindgen]
impl RawLayout3D {
    /// A layout of `graph` (WebCola JSON; nodes may give `x`, `y`, `z`) with links
    /// `ideal_link_length` long, scaled by Jaccard lengths when `jaccard`.
    ///
    /// # Errors
    /// An `Error` whose `code` names the core's error variant.
    #[wasm_bindgen(constructor)]
    pub fn new(graph: &str, ideal_link_length: f64, jaccard: bool) -> Result<RawLayout3D, JsValue> {
        let input = colayout::io::json::parse(graph).map_err(|e| js_error(&e))?;
        let options = LayoutOptions::layout3d(ideal_link_length, jaccard);
        let layout = Layout::<3>::new(input.graph, options).map_err(|e| js_error(&e))?;
        Ok(RawLayout3D { layout })
    }

    /// `Layout3D.start(iterations)`; returns the iterations run.
    ///
    /// # Errors
    /// `Diverged` when the layout goes non-finite.
    pub fn start(&mut self, iterations: usize) -> Result<usize, JsValue> {
        self.layout
            .start(Schedule::layout3d(iterations))
            .map_err(|e| js_error(&e))
    }

    /// `Layout3D.tick()`: one iteration, returning its displacement.
    ///
    /// # Errors
    /// `Diverged` when the layout goes non-finite.
    pub fn tick(&mut self) -> Result<f64, JsValue> {
        let t = self.layout.run_ticks(1).map_err(|e| js_error(&e))?;
        Ok(t.displacement.unwrap_or(0.0))
    }

    /// Positions, `[x0, y0, z0, x1, ...]`.
    #[must_use]
    pub fn positions_f64(&self) -> Vec<f64> {
        let mut out = vec![0.0; 3 * self.layout.graph().node_count()];
        // The length matches by construction.
        let _ = self.layout.positions_into(&mut out);
        out
    }
}
