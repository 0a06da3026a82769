//! Edge routes for drawing: straight edges clipped at their node boxes, or polylines
//! around the boxes (WebCola's `prepareEdgeRouting` / `routeEdge`).
//!
//! A route is a list of points from the source's box to the target's, `arrow_head`
//! short of the target box so an arrowhead drawn from the last point ends on it.
//! Routes are in source-to-target order and no polyline route crosses a box other than
//! its own two ends'.

mod grid;
mod visibility;

use alloc::vec::Vec;
use core::str::FromStr;

pub use grid::{GridRouter, MAX_GRID_VERTICES};
pub use visibility::{Port, TangentVisibilityGraph};

use crate::error::{Error, Result};
use crate::geom::{distance, make_edge_between, make_edge_to, Point, Rectangle};

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
    match options.routing {
        EdgeRouting::Clip => Ok(links
            .iter()
            .map(|&(s, t)| clipped(boxes, s, t, options.arrow_head))
            .collect()),
        EdgeRouting::Polyline => {
            let mut router = EdgeRouter::new(boxes.to_vec(), options.margin)?;
            Ok(links
                .iter()
                .map(|&(s, t)| router.route_checked(s, t, options.arrow_head))
                .collect())
        }
    }
}

/// The straight edge between two boxes, clipped at both: `[source side, arrow start]`.
fn clipped(boxes: &[Rectangle], s: usize, t: usize, arrow_head: f64) -> Vec<Point> {
    let e = make_edge_between(&boxes[s], &boxes[t], arrow_head);
    alloc::vec![e.source_intersection, e.arrow_start]
}

/// Polyline routes between nodes, around the boxes of the others (WebCola's
/// `prepareEdgeRouting` once, then `routeEdge` per link). Build it once per set of
/// positions; each node's tangents are found on its first route.
///
/// Touching boxes block every way out once grown by the margin, so a route that finds
/// none tries again around the boxes themselves, shrunk by a rounding tolerance so that
/// touching sides leave a seam; failing that it is the clipped straight edge.
pub struct EdgeRouter {
    boxes: Vec<Rectangle>,
    main: Router,
    tight: Option<Router>,
}

impl EdgeRouter {
    /// A router around `boxes` (one per node; zero-sized boxes are no obstacle) grown by
    /// `margin`.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for a margin that is negative or not finite, or a box
    /// that is not finite.
    pub fn new(boxes: Vec<Rectangle>, margin: f64) -> Result<Self> {
        RouteOptions {
            margin,
            ..RouteOptions::default()
        }
        .validate()?;
        for b in &boxes {
            for value in [b.x, b.x_max, b.y, b.y_max] {
                if !value.is_finite() {
                    return Err(Error::InvalidOption {
                        name: "node box",
                        value,
                    });
                }
            }
        }
        let main = Router::new(&boxes, margin);
        Ok(Self {
            boxes,
            main,
            tight: None,
        })
    }

    /// The boxes routed around.
    #[must_use]
    pub fn boxes(&self) -> &[Rectangle] {
        &self.boxes
    }

    /// The route from node `s` to node `t`, `arrow_head` short of `t`'s box (WebCola's
    /// `routeEdge(edge, ah)`); a node to itself gives its centre twice.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node, [`Error::InvalidOption`] for an
    /// arrowhead that is negative or not finite.
    pub fn route(&mut self, s: usize, t: usize, arrow_head: f64) -> Result<Vec<Point>> {
        RouteOptions {
            arrow_head,
            ..RouteOptions::default()
        }
        .validate()?;
        for end in [s, t] {
            if end >= self.boxes.len() {
                return Err(Error::NodeOutOfRange {
                    node: end,
                    node_count: self.boxes.len(),
                });
            }
        }
        Ok(self.route_checked(s, t, arrow_head))
    }

    fn route_checked(&mut self, s: usize, t: usize, arrow_head: f64) -> Vec<Point> {
        let boxes = &self.boxes[..];
        if s == t {
            return alloc::vec![[boxes[s].cx(), boxes[s].cy()]; 2];
        }
        let path = self.main.route(boxes, s, t).or_else(|| {
            let extent = boxes
                .iter()
                .flat_map(|b| [b.x, b.x_max, b.y, b.y_max])
                .fold(1.0f64, |m, v| m.max(v.abs()));
            self.tight
                .get_or_insert_with(|| Router::new(boxes, -1e-9 * extent))
                .route(boxes, s, t)
        });
        match path {
            Some(p) if p.len() > 2 => {
                let k = p.len();
                let mut line = Vec::with_capacity(k);
                line.push(boxes[s].ray_intersection(p[1]).unwrap_or(p[0]));
                line.extend_from_slice(&p[1..k - 1]);
                // A last leg shorter than the arrowhead leaves no room for it: WebCola
                // would step back past the last corner, maybe into another box.
                let q = p[k - 2];
                let room = distance(q, make_edge_to(q, &boxes[t], 0.0));
                line.push(make_edge_to(q, &boxes[t], arrow_head.min(room)));
                line
            }
            _ => clipped(boxes, s, t, arrow_head),
        }
    }
}

/// A visibility graph over the boxes of positive area grown by `grow` (points are no
/// obstacle), with each node's port edges computed once.
struct Router {
    graph: TangentVisibilityGraph,
    obstacle_of: Vec<Option<usize>>,
    port_edges: Vec<Option<Vec<(u32, f64)>>>,
}

impl Router {
    fn new(boxes: &[Rectangle], grow: f64) -> Self {
        let mut obstacle_of = alloc::vec![None; boxes.len()];
        let mut polygons = Vec::new();
        for (i, b) in boxes.iter().enumerate() {
            if b.width() > 0.0 && b.height() > 0.0 {
                obstacle_of[i] = Some(polygons.len());
                polygons.push(b.inflate(grow).vertices().to_vec());
            }
        }
        Self {
            graph: TangentVisibilityGraph::new(polygons),
            obstacle_of,
            port_edges: alloc::vec![None; boxes.len()],
        }
    }

    fn port(&self, boxes: &[Rectangle], i: usize) -> Port {
        Port {
            at: [boxes[i].cx(), boxes[i].cy()],
            obstacle: self.obstacle_of[i],
        }
    }

    /// The shortest path between the centres of nodes `s` and `t`, ends included.
    fn route(&mut self, boxes: &[Rectangle], s: usize, t: usize) -> Option<Vec<Point>> {
        for i in [s, t] {
            if self.port_edges[i].is_none() {
                self.port_edges[i] = Some(self.graph.port_edges(self.port(boxes, i)));
            }
        }
        self.graph.shortest_path(
            (
                self.port(boxes, s),
                self.port_edges[s].as_deref().unwrap_or(&[]),
            ),
            (
                self.port(boxes, t),
                self.port_edges[t].as_deref().unwrap_or(&[]),
            ),
        )
    }
}

#[cfg(test)]
mod tests;
