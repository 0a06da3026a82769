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

pub use grid::{GridRouter, DEFAULT_GROUP_PADDING, MAX_GRID_VERTICES};
pub use visibility::{Port, TangentVisibilityGraph};

use crate::error::{Error, Result};
use crate::geom::{distance, make_edge_between, make_edge_to, Point, Rectangle};

/// How edges are drawn. Named `"clip"`, `"polyline"` and `"orthogonal"` in every
/// frontend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EdgeRouting {
    /// A straight line between the centres, clipped at both boxes (WebCola's
    /// `makeEdgeBetween`).
    #[default]
    Clip,
    /// The shortest polyline that goes around every other box (WebCola's
    /// `TangentVisibilityGraph` and `routeEdge`).
    Polyline,
    /// Horizontal and vertical segments along a grid between the boxes, segments that
    /// share a grid line spread apart (WebCola's `GridRouter.routeEdges`).
    Orthogonal,
}

impl EdgeRouting {
    /// The name in every frontend.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            EdgeRouting::Clip => "clip",
            EdgeRouting::Polyline => "polyline",
            EdgeRouting::Orthogonal => "orthogonal",
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

    /// `"clip"`, `"polyline"` or `"orthogonal"` (any case).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "clip" => Ok(EdgeRouting::Clip),
            "polyline" => Ok(EdgeRouting::Polyline),
            "orthogonal" => Ok(EdgeRouting::Orthogonal),
            _ => Err(Error::parse(
                "option",
                alloc::format!("route must be \"clip\", \"polyline\" or \"orthogonal\", not {s:?}"),
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
    /// units: the obstacles are the boxes grown by this much; for orthogonal routes, the
    /// spacing of segments that share a grid line. Default 4.
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
        EdgeRouting::Orthogonal => orthogonal(boxes, links, options),
    }
}

/// Orthogonal routes on WebCola's grid, segments nudged `margin` apart. WebCola's
/// nudging can tilt a leg next to one shorter than 0.1; such a leg gets an elbow, so
/// every segment stays horizontal or vertical. Links the grid cannot route (a point
/// node, an end with no grid line on its box) get [`elbow`]'s way (the clipped straight
/// edge for overlapping boxes); the last segment leaves room for the arrowhead.
fn orthogonal(
    boxes: &[Rectangle],
    links: &[(usize, usize)],
    options: &RouteOptions,
) -> Result<Vec<Vec<Point>>> {
    let router = GridRouter::new(boxes, &[], DEFAULT_GROUP_PADDING)?;
    let sized = |i: usize| boxes[i].width() > 0.0 && boxes[i].height() > 0.0;
    let routable: Vec<bool> = links
        .iter()
        .map(|&(s, t)| s != t && sized(s) && sized(t) && router.route(s, t).is_ok())
        .collect();
    let edges: Vec<(usize, usize)> = links
        .iter()
        .zip(&routable)
        .filter(|&(_, &r)| r)
        .map(|(&l, _)| l)
        .collect();
    let mut routed = router.route_edges(&edges, options.margin)?.into_iter();
    let ah = options.arrow_head;
    Ok(links
        .iter()
        .zip(&routable)
        .map(|(&(s, t), &r)| {
            let segments = if r { routed.next() } else { None };
            let line = match segments.as_deref() {
                Some([first, ..]) => {
                    let mut pts = alloc::vec![first[0]];
                    pts.extend(segments.iter().flatten().map(|seg| seg[1]));
                    Some(squared(&pts))
                }
                _ if s != t => elbow(&boxes[s], &boxes[t]),
                _ => None,
            };
            match line {
                Some(mut line) if line.len() >= 2 => {
                    let k = line.len();
                    let (a, b) = (line[k - 2], line[k - 1]);
                    let l = distance(a, b);
                    if l > 0.0 {
                        let back = ah.min(l) / l;
                        line[k - 1] = [b[0] - (b[0] - a[0]) * back, b[1] - (b[1] - a[1]) * back];
                    }
                    line
                }
                _ => clipped(boxes, s, t, ah),
            }
        })
        .collect())
}

/// The points without repeats, with an elbow put into every leg that is neither
/// horizontal nor vertical.
fn squared(pts: &[Point]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(pts.len() + 2);
    for &p in pts {
        if let Some(&q) = out.last() {
            if q == p {
                continue;
            }
            if q[0] != p[0] && q[1] != p[1] {
                out.push([p[0], q[1]]);
            }
        }
        out.push(p);
    }
    if out.len() == 1 {
        out.push(out[0]);
    }
    out
}

/// A horizontal or vertical way from `s`'s side to `t`'s: straight across where the
/// boxes overlap in x or in y, else an L cornering at `(t.cx, s.cy)`; `None` for boxes
/// that overlap in both.
fn elbow(s: &Rectangle, t: &Rectangle) -> Option<Vec<Point>> {
    let (ox0, ox1) = (s.x.max(t.x), s.x_max.min(t.x_max));
    let (oy0, oy1) = (s.y.max(t.y), s.y_max.min(t.y_max));
    match (ox0 <= ox1, oy0 <= oy1) {
        (true, true) => None,
        (true, false) => {
            let x = (ox0 + ox1) / 2.0;
            let (ys, yt) = if s.y_max < t.y {
                (s.y_max, t.y)
            } else {
                (s.y, t.y_max)
            };
            Some(alloc::vec![[x, ys], [x, yt]])
        }
        (false, true) => {
            let y = (oy0 + oy1) / 2.0;
            let (xs, xt) = if s.x_max < t.x {
                (s.x_max, t.x)
            } else {
                (s.x, t.x_max)
            };
            Some(alloc::vec![[xs, y], [xt, y]])
        }
        (false, false) => {
            let corner = [t.cx(), s.cy()];
            let from = s.ray_intersection(corner)?;
            let to = t.ray_intersection(corner)?;
            Some(alloc::vec![from, corner, to])
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
