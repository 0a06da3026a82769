//! Edge routes for drawing: straight edges clipped at their node boxes, or polylines
//! around the boxes (WebCola's `prepareEdgeRouting` / `routeEdge`).
//!
//! A route is a list of points from the source's box to the target's, `arrow_head`
//! short of the target box so an arrowhead drawn from the last point ends on it.
//! Routes are in source-to-target order and no polyline route crosses a box other than
//! its own two ends'.

mod visibility;

use alloc::vec::Vec;
use core::str::FromStr;

pub use visibility::{Port, TangentVisibilityGraph};

use crate::error::{Error, Result};
use crate::geom::{make_edge_between, make_edge_to, Point, Rectangle};

/// How edges are drawn. Named `"clip"` and `"polyline"` in every frontend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EdgeRouting {
    /// A straight line between the centres, clipped at both boxes (WebCola's
    /// `makeEdgeBetween`).
    #[default]
    Clip,
    /// The shortest polyline that goes around every other box (WebCola's
    /// `TangentVisibilityGraph` and `routeEdge`).
    Polyline,
}

impl EdgeRouting {
    /// The name in every frontend.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            EdgeRouting::Clip => "clip",
            EdgeRouting::Polyline => "polyline",
        }
    }
}

impl core::fmt::Display for EdgeRouting {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for EdgeRouting {
    type Err = Error;

    /// `"clip"` or `"polyline"` (any case).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "clip" => Ok(EdgeRouting::Clip),
            "polyline" => Ok(EdgeRouting::Polyline),
            _ => Err(Error::parse(
                "option",
                alloc::format!("route must be \"clip\" or \"polyline\", not {s:?}"),
            )),
        }
    }
}

/// Options of [`route_edges`]; every frontend takes its defaults from here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RouteOptions {
    /// How edges are drawn. Default [`EdgeRouting::Clip`].
    pub routing: EdgeRouting,
    /// Clearance kept between a polyline route and the boxes it goes around, in layout
    /// units: the obstacles are the boxes grown by this much. Default 4.
    pub margin: f64,
    /// Length left free for an arrowhead before the target box, in layout units;
    /// 0 for none. Default 0.
    pub arrow_head: f64,
}

/// The arrowhead length frontends use when arrows are drawn, in layout units
/// (WebCola's `routeEdge` default).
pub const DEFAULT_ARROW_HEAD: f64 = 5.0;

impl Default for RouteOptions {
    fn default() -> Self {
        Self {
            routing: EdgeRouting::Clip,
            margin: 4.0,
            arrow_head: 0.0,
        }
    }
}

impl RouteOptions {
    /// Checks the values.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for a margin or arrowhead that is negative or not finite.
    pub fn validate(&self) -> Result<()> {
        for (name, value) in [
            ("route_margin", self.margin),
            ("arrow_head", self.arrow_head),
        ] {
            if !(value.is_finite() && value >= 0.0) {
                return Err(Error::InvalidOption { name, value });
            }
        }
        Ok(())
    }
}

/// One route per link, in link order: `boxes[i]` is node `i`'s box (zero-sized for a
/// point), `links` are `(source, target)` node indices.
///
/// Polyline routes go around every box of positive area other than their own ends',
/// grown by `margin`; an end that cannot be reached (a route boxed in) falls back to
/// the clipped straight edge. A link from a node to itself gives its centre twice.
///
/// # Errors
/// [`Error::NodeOutOfRange`] for a link end past the boxes, [`Error::InvalidOption`]
/// for bad options or a box that is not finite.
pub fn route_edges(
    boxes: &[Rectangle],
    links: &[(usize, usize)],
    options: &RouteOptions,
) -> Result<Vec<Vec<Point>>> {
    options.validate()?;
    for (&(s, t), _) in links.iter().zip(0..) {
        for end in [s, t] {
            if end >= boxes.len() {
                return Err(Error::NodeOutOfRange {
                    node: end,
                    node_count: boxes.len(),
                });
            }
        }
    }
    for b in boxes {
        for value in [b.x, b.x_max, b.y, b.y_max] {
            if !value.is_finite() {
                return Err(Error::InvalidOption {
                    name: "node box",
                    value,
                });
            }
        }
    }
    let ah = options.arrow_head;
    let clipped = |s: usize, t: usize| {
        let e = make_edge_between(&boxes[s], &boxes[t], ah);
        alloc::vec![e.source_intersection, e.arrow_start]
    };
    match options.routing {
        EdgeRouting::Clip => Ok(links.iter().map(|&(s, t)| clipped(s, t)).collect()),
        EdgeRouting::Polyline => {
            // Obstacle k is node obstacle_node[k]'s box; points are no obstacle.
            let mut obstacle_of = alloc::vec![None; boxes.len()];
            let mut polygons = Vec::new();
            for (i, b) in boxes.iter().enumerate() {
                if b.width() > 0.0 && b.height() > 0.0 {
                    obstacle_of[i] = Some(polygons.len());
                    polygons.push(b.inflate(options.margin).vertices().to_vec());
                }
            }
            let graph = TangentVisibilityGraph::new(polygons);
            let port = |i: usize| Port {
                at: [boxes[i].cx(), boxes[i].cy()],
                obstacle: obstacle_of[i],
            };
            let mut edges: Vec<Option<Vec<(u32, f64)>>> = alloc::vec![None; boxes.len()];
            let mut out = Vec::with_capacity(links.len());
            for &(s, t) in links {
                if s == t {
                    out.push(alloc::vec![port(s).at; 2]);
                    continue;
                }
                for i in [s, t] {
                    if edges[i].is_none() {
                        edges[i] = Some(graph.port_edges(port(i)));
                    }
                }
                let path = graph.shortest_path(
                    (port(s), edges[s].as_deref().unwrap_or(&[])),
                    (port(t), edges[t].as_deref().unwrap_or(&[])),
                );
                out.push(match path {
                    Some(p) if p.len() > 2 => {
                        let k = p.len();
                        let mut line = Vec::with_capacity(k);
                        line.push(boxes[s].ray_intersection(p[1]).unwrap_or(p[0]));
                        line.extend_from_slice(&p[1..k - 1]);
                        line.push(make_edge_to(p[k - 2], &boxes[t], ah));
                        line
                    }
                    _ => clipped(s, t),
                });
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests;
