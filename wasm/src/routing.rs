//! `colayout::geom` and `colayout::routing` for the npm package: WebCola's geometry
//! functions and edge routes. Points are flat `[x0, y0, x1, y1, ...]`, boxes
//! `[x, X, y, Y]`; a list of routes is `[k0, x, y, ... (k0 points), k1, ...]`.

use colayout::geom::{convex_hull as hull, make_edge_between as between, make_edge_to as to};
use colayout::routing::{EdgeRouter, RouteOptions, DEFAULT_ARROW_HEAD};
use colayout::Rectangle;
use wasm_bindgen::prelude::*;

use crate::js_error;

fn rect(b: &[f64]) -> Result<Rectangle, JsValue> {
    match b {
        [x, x_max, y, y_max] => Ok(Rectangle::new(*x, *x_max, *y, *y_max)),
        _ => Err(js_error(&colayout::Error::DimensionMismatch {
            expected: 4,
            found: b.len(),
        })),
    }
}

pub(crate) fn flat_routes(routes: &[Vec<[f64; 2]>]) -> Vec<f64> {
    let mut out = Vec::new();
    for r in routes {
        out.push(r.len() as f64);
        out.extend(r.iter().flatten());
    }
    out
}

/// The core's route defaults as JSON: `route`, `margin`, `arrowHead` of a layout's
/// `routes`, and `routeEdgeArrowHead`, WebCola's `routeEdge` default.
#[wasm_bindgen]
#[must_use]
pub fn default_route_options() -> String {
    let o = RouteOptions::default();
    format!(
        "{{\"route\":\"{}\",\"margin\":{},\"arrowHead\":{},\"routeEdgeArrowHead\":{}}}",
        o.routing, o.margin, o.arrow_head, DEFAULT_ARROW_HEAD
    )
}

/// WebCola's `ConvexHull` of flat points; flat hull points.
#[wasm_bindgen]
#[must_use]
pub fn convex_hull(points: &[f64]) -> Vec<f64> {
    let pts: Vec<[f64; 2]> = points.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
    hull(&pts).into_iter().flatten().collect()
}

/// WebCola's `makeEdgeBetween`: `[sx, sy, tx, ty, ax, ay]` (source and target
/// intersections, arrow start).
///
/// # Errors
/// `DimensionMismatch` for a box that is not four numbers.
#[wasm_bindgen]
pub fn make_edge_between(source: &[f64], target: &[f64], ah: f64) -> Result<Vec<f64>, JsValue> {
    let e = between(&rect(source)?, &rect(target)?, ah);
    Ok(
        [e.source_intersection, e.target_intersection, e.arrow_start]
            .into_iter()
            .flatten()
            .collect(),
    )
}

/// WebCola's `makeEdgeTo`: `[x, y]`.
///
/// # Errors
/// `DimensionMismatch` for a box that is not four numbers.
#[wasm_bindgen]
pub fn make_edge_to(x: f64, y: f64, target: &[f64], ah: f64) -> Result<Vec<f64>, JsValue> {
    Ok(to([x, y], &rect(target)?, ah).to_vec())
}

/// A router over fixed boxes (WebCola's `prepareEdgeRouting`), for `routeEdge`.
#[wasm_bindgen]
pub struct RawEdgeRouter {
    router: EdgeRouter,
}

impl RawEdgeRouter {
    pub(crate) fn from(router: EdgeRouter) -> Self {
        Self { router }
    }
}

#[wasm_bindgen]
impl RawEdgeRouter {
    /// A router around `boxes` (`[x, X, y, Y]` per node) grown by `margin`.
    ///
    /// # Errors
    /// `DimensionMismatch` for a ragged box list, `InvalidOption` for a bad margin or box.
    #[wasm_bindgen(constructor)]
    pub fn new(boxes: &[f64], margin: f64) -> Result<RawEdgeRouter, JsValue> {
        if !boxes.len().is_multiple_of(4) {
            return Err(js_error(&colayout::Error::DimensionMismatch {
                expected: boxes.len() / 4 * 4,
                found: boxes.len(),
            }));
        }
        let rects = boxes
            .chunks_exact(4)
            .map(|b| Rectangle::new(b[0], b[1], b[2], b[3]))
            .collect();
        let router = EdgeRouter::new(rects, margin).map_err(|e| js_error(&e))?;
        Ok(Self { router })
    }

    /// WebCola's `routeEdge`: flat points from node `source`'s box to `ah` short of
    /// node `target`'s.
    ///
    /// # Errors
    /// `NodeOutOfRange` for a missing node, `InvalidOption` for a bad `ah`.
    pub fn route(&mut self, source: usize, target: usize, ah: f64) -> Result<Vec<f64>, JsValue> {
        let r = self
            .router
            .route(source, target, ah)
            .map_err(|e| js_error(&e))?;
        Ok(r.into_iter().flatten().collect())
    }
}
