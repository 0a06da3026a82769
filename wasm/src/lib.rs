//! WebAssembly bindings of colayout: the `Raw*` layer under the npm package's TypeScript
//! wrapper. Graphs and options come in as WebCola JSON (read by the core's
//! `colayout::io::json`; options by their `LayoutOptions` names); positions go out as
//! typed arrays. Errors are JS `Error`s with a `code` property equal to the core's
//! `Error::code()`.

mod layout3d;
mod powergraph;
mod routing;

use colayout::{
    DragTarget, EdgeRouting, Graph, GraphArrays, Layout, LayoutOptions, RouteOptions, Schedule,
};
use wasm_bindgen::prelude::*;

pub use layout3d::RawLayout3D;
pub use routing::RawEdgeRouter;

/// True when this module was built with Wasm SIMD (simd128).
#[wasm_bindgen]
#[must_use]
pub fn built_with_simd() -> bool {
    cfg!(target_feature = "simd128")
}

/// Every error code a call can throw, in the core's order.
#[wasm_bindgen]
#[must_use]
pub fn error_codes() -> Vec<String> {
    colayout::Error::CODES
        .iter()
        .map(|c| (*c).to_string())
        .collect()
}

/// The core's default options, as JSON under WebCola's names (what the wrapper's getters
/// return when an option was not set).
#[wasm_bindgen]
#[must_use]
pub fn default_options() -> String {
    colayout::io::json::options_to_json(&LayoutOptions::default())
}

pub(crate) fn js_error(e: &colayout::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

fn target(group: bool, index: usize) -> DragTarget {
    if group {
        DragTarget::Group(index)
    } else {
        DragTarget::Node(index)
    }
}

/// A 2-D layout: WebCola's `Layout` with its phases, ticks and drag.
#[wasm_bindgen]
pub struct RawLayout {
    layout: Layout<2>,
}

#[wasm_bindgen]
impl RawLayout {
    /// A layout of `graph` (WebCola JSON: nodes, links, groups, constraints) with
    /// `options` (WebCola-named JSON: `linkDistance`, `avoidOverlaps`, ...).
    ///
    /// # Errors
    /// An `Error` whose `code` names the core's error variant.
    #[wasm_bindgen(constructor)]
    pub fn new(graph: &str, options: &str) -> Result<RawLayout, JsValue> {
        let input = colayout::io::json::parse(graph).map_err(|e| js_error(&e))?;
        let options = colayout::io::json::parse_options(options).map_err(|e| js_error(&e))?;
        let layout = Layout::<2>::new(input.graph, options).map_err(|e| js_error(&e))?;
        Ok(RawLayout { layout })
    }

    /// WebCola's `start(a, b, c, d, keepRunning, centerGraph)`; returns the ticks run.
    ///
    /// # Errors
    /// `Diverged` when the layout goes non-finite.
    pub fn start(
        &mut self,
        a: usize,
        b: usize,
        c: usize,
        d: usize,
        keep_running: bool,
        center_graph: bool,
    ) -> Result<usize, JsValue> {
        self.layout
            .start(Schedule {
                unconstrained: a,
                user_constraints: b,
                all_constraints: c,
                grid_snap: d,
                keep_running,
                center_graph,
            })
            .map_err(|e| js_error(&e))
    }

    /// Replaces the graph while running, keeping positions: `previous[i]` is node `i`'s
    /// index in the old graph, or -1 for a new node (see `colayout::Layout::update`).
    ///
    /// # Errors
    /// An `Error` whose `code` names the core's error variant; the layout is unchanged.
    pub fn update(&mut self, graph: &str, previous: &[i32]) -> Result<(), JsValue> {
        let input = colayout::io::json::parse(graph).map_err(|e| js_error(&e))?;
        let previous: Vec<Option<usize>> =
            previous.iter().map(|&p| usize::try_from(p).ok()).collect();
        self.layout
            .update(input.graph, &previous)
            .map_err(|e| js_error(&e))
    }

    /// One tick; returns true when the layout has ended (alpha below the threshold, or
    /// `maxTicks` ticks since the last start or resume).
    ///
    /// # Errors
    /// `Diverged` when the layout goes non-finite.
    pub fn tick(&mut self) -> Result<bool, JsValue> {
        self.layout
            .tick()
            .map(|t| t.ended)
            .map_err(|e| js_error(&e))
    }

    /// Exactly `count` ticks with no convergence test.
    ///
    /// # Errors
    /// `Diverged` when the layout goes non-finite.
    pub fn run_ticks(&mut self, count: usize) -> Result<(), JsValue> {
        self.layout
            .run_ticks(count)
            .map(|_| ())
            .map_err(|e| js_error(&e))
    }

    /// Ticks until converged (or `maxTicks`); returns the ticks run.
    ///
    /// # Errors
    /// `Diverged` when the layout goes non-finite.
    pub fn run_until_converged(&mut self) -> Result<usize, JsValue> {
        self.layout.run_until_converged().map_err(|e| js_error(&e))
    }

    /// True when the layout last ended at `maxTicks` rather than converged.
    #[must_use]
    pub fn reached_max_ticks(&self) -> bool {
        self.layout.reached_max_ticks()
    }

    /// WebCola's `stop()`.
    pub fn stop(&mut self) {
        self.layout.stop();
    }

    /// WebCola's `resume()`.
    pub fn resume(&mut self) {
        self.layout.resume();
    }

    /// Current alpha.
    #[must_use]
    pub fn alpha(&self) -> f64 {
        self.layout.alpha()
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.layout.graph().node_count()
    }

    /// Positions as a fresh `Float32Array`, `[x0, y0, x1, y1, ...]`.
    #[must_use]
    pub fn positions(&self) -> Vec<f32> {
        let mut out = vec![0.0; 2 * self.node_count()];
        // The length matches by construction.
        let _ = self.layout.positions_into_f32(&mut out);
        out
    }

    /// Positions as a fresh `Float64Array` (exact), `[x0, y0, x1, y1, ...]`.
    #[must_use]
    pub fn positions_f64(&self) -> Vec<f64> {
        let mut out = vec![0.0; 2 * self.node_count()];
        // The length matches by construction.
        let _ = self.layout.positions_into(&mut out);
        out
    }

    /// Group boxes, `[x, X, y, Y]` per group.
    #[must_use]
    pub fn group_bounds(&self) -> Vec<f64> {
        self.layout
            .group_bounds()
            .iter()
            .flat_map(|b| [b.x, b.x_max, b.y, b.y_max])
            .collect()
    }

    /// Node boxes at the current positions, `[x, X, y, Y]` per node.
    #[must_use]
    pub fn node_bounds(&self) -> Vec<f64> {
        self.layout
            .node_bounds()
            .iter()
            .flat_map(|b| [b.x, b.x_max, b.y, b.y_max])
            .collect()
    }

    /// One route per link (`route` is `"clip"` or `"polyline"`), as
    /// `[k0, x, y, ... (k0 points), k1, ...]`.
    ///
    /// # Errors
    /// `Parse` for an unknown `route`, `InvalidOption` for a bad margin or arrowhead.
    pub fn routes(&self, route: &str, margin: f64, arrow_head: f64) -> Result<Vec<f64>, JsValue> {
        let routing: EdgeRouting = route.parse().map_err(|e| js_error(&e))?;
        let options = RouteOptions {
            routing,
            margin,
            arrow_head,
        };
        let r = self.layout.routes(&options).map_err(|e| js_error(&e))?;
        Ok(routing::flat_routes(&r))
    }

    /// WebCola's `prepareEdgeRouting(nodeMargin)` at the current positions.
    ///
    /// # Errors
    /// `InvalidOption` for a margin that is not finite.
    pub fn edge_router(&self, node_margin: f64) -> Result<RawEdgeRouter, JsValue> {
        let router = self
            .layout
            .edge_router(node_margin)
            .map_err(|e| js_error(&e))?;
        Ok(RawEdgeRouter::from(router))
    }

    /// Unsatisfied constraints beyond `tolerance`: `[constraint, axis (0 = x, 1 = y), amount]`
    /// per violation.
    #[must_use]
    pub fn unsatisfied(&self, tolerance: f64) -> Vec<f64> {
        self.layout
            .unsatisfied(tolerance)
            .iter()
            .flat_map(|v| [v.constraint as f64, v.axis.index() as f64, v.amount])
            .collect()
    }

    /// Starts dragging node `index` (or group `index` when `group`).
    ///
    /// # Errors
    /// `NodeOutOfRange` for a missing node or group.
    pub fn drag_start(&mut self, group: bool, index: usize) -> Result<(), JsValue> {
        self.layout
            .drag_start(target(group, index))
            .map_err(|e| js_error(&e))
    }

    /// Moves a dragged node or group to `(x, y)` and resumes the layout.
    ///
    /// # Errors
    /// `NodeOutOfRange`, or `NonFiniteCoordinate` for a NaN or infinite position.
    pub fn drag(&mut self, group: bool, index: usize, x: f64, y: f64) -> Result<(), JsValue> {
        self.layout
            .drag(target(group, index), [x, y])
            .map_err(|e| js_error(&e))
    }

    /// Ends a drag.
    ///
    /// # Errors
    /// `NodeOutOfRange` for a missing node or group.
    pub fn drag_end(&mut self, group: bool, index: usize) -> Result<(), JsValue> {
        self.layout
            .drag_end(target(group, index))
            .map_err(|e| js_error(&e))
    }

    /// Unweighted stress over node pairs (WebCola's `computeStress`).
    #[must_use]
    pub fn stress(&self) -> f64 {
        self.layout.stress()
    }

    /// Scale-normalised stress on the largest component.
    #[must_use]
    pub fn scale_normalised_stress(&self) -> f64 {
        self.layout.scale_normalised_stress()
    }
}

/// Lays out the corpus-shaped graph (`n` nodes, `edges` as flat `[u0, v0, u1, v1, ...]`)
/// with WebCola's defaults: `start(a, b, c)` without ticking on, then exactly `ticks`
/// ticks. Returns positions node-major, `[x0, y0, x1, y1, ...]`, exactly as the native
/// `colayout layout --iterations a,b,c --ticks N` computes them (the determinism test).
///
/// # Errors
/// An `Error` whose `code` names the core's error variant.
#[wasm_bindgen]
pub fn layout_ticks(
    n: usize,
    edges: &[u32],
    a: usize,
    b: usize,
    c: usize,
    ticks: usize,
) -> Result<Vec<f64>, JsValue> {
    let run = || -> colayout::Result<Vec<f64>> {
        let graph = Graph::from_arrays(&GraphArrays::new(n, edges))?;
        let mut layout = Layout::<2>::new(graph, LayoutOptions::default())?;
        layout.start(Schedule {
            keep_running: false,
            ..Schedule::iterations(a, b, c)
        })?;
        layout.run_ticks(ticks)?;
        let mut out = vec![0.0; 2 * n];
        layout.positions_into(&mut out)?;
        Ok(out)
    };
    run().map_err(|e| js_error(&e))
}
