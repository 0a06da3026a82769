//! Orthogonal edge routes on a grid through the node centres, with shared segments
//! nudged apart (WebCola's `GridRouter`).
//!
//! The grid has a line through each row and column of leaves and one midway between
//! neighbouring rows and columns (and one beyond each end). Routes run along it, around
//! the boxes that are not on the way, with a penalty of 1000 per bend.

mod nudge;
mod search;
mod svg;

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, Result};
use crate::geom::{Point, Rectangle};

/// The largest grid (crossings of grid lines) a [`GridRouter`] builds.
pub const MAX_GRID_VERTICES: u64 = 50_000_000;

/// WebCola's `GridRouter` default gap between a group's box and its members.
pub const DEFAULT_GROUP_PADDING: f64 = 12.0;

/// A node of the router (WebCola's `NodeWrapper`).
struct NodeWrapper {
    rect: Rectangle,
    children: Vec<usize>,
    leaf: bool,
    /// The enclosing group; `None` for the root.
    parent: Option<usize>,
    ports: Vec<usize>,
}

/// A grid vertex (WebCola's `Vert`): where it is and the innermost node it lies in.
struct Vert {
    at: Point,
    node: Option<usize>,
}

/// A horizontal or vertical grid line and the vertices on it.
struct Line {
    from: Point,
    to: Point,
    verts: Vec<usize>,
}

/// Orthogonal routes between nodes on a grid (WebCola's `GridRouter`). Groups are the
/// nodes with children; their boxes are recomputed as their children's, grown by the
/// group padding, and routes may cross a group only on the way to or from a member.
pub struct GridRouter {
    nodes: Vec<NodeWrapper>,
    root_children: Vec<usize>,
    verts: Vec<Vert>,
    edges: Vec<(usize, usize, f64)>,
}

/// WebCola's `getGridLines`: the positions of the columns (`axis` 0) or rows (1) of
/// leaves overlapping the first remaining one, sorted.
fn grid_lines(nodes: &[NodeWrapper], axis: usize) -> Vec<f64> {
    let mut ls: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].leaf).collect();
    let mut lines = Vec::new();
    while let Some(&first) = ls.first() {
        let r0 = nodes[first].rect;
        let (overlapping, rest): (Vec<usize>, Vec<usize>) = ls.iter().partition(|&&v| {
            let r = &nodes[v].rect;
            let o = if axis == 0 {
                r.overlap_x(&r0)
            } else {
                r.overlap_y(&r0)
            };
            o != 0.0 && !o.is_nan()
        });
        let centres: Vec<f64> = overlapping
            .iter()
            .map(|&v| {
                let r = &nodes[v].rect;
                if axis == 0 {
                    r.cx()
                } else {
                    r.cy()
                }
            })
            .collect();
        // A box of zero extent overlaps nothing, not even itself: it gets no line.
        if centres.is_empty() {
            ls = rest[1..].to_vec();
        } else {
            lines.push(centres.iter().sum::<f64>() / centres.len() as f64);
            ls = rest;
        }
    }
    lines.sort_by(|a, b| a.partial_cmp(b).unwrap_or(core::cmp::Ordering::Equal));
    lines
}

/// WebCola's `midPoints`; a single line gets boundaries `spread` either side.
fn mid_points(a: &[f64], spread: f64) -> Vec<f64> {
    let gap = if a.len() > 1 {
        a[1] - a[0]
    } else {
        2.0 * spread
    };
    let mut mids = alloc::vec![a[0] - gap / 2.0];
    mids.extend(a.windows(2).map(|w| (w[1] + w[0]) / 2.0));
    mids.push(a[a.len() - 1] + gap / 2.0);
    mids
}

impl GridRouter {
    /// A router over nodes with boxes `boxes`; `children[i]` lists the members of node
    /// `i` if it is a group (missing or empty for a leaf). A group's own box is
    /// ignored. WebCola's default `group_padding` is [`DEFAULT_GROUP_PADDING`].
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a child past the boxes, [`Error::GroupCycle`] for a
    /// group that contains itself, [`Error::InvalidOption`] for a box or padding that is
    /// not finite, [`Error::InputTooLarge`] for a grid of more than
    /// [`MAX_GRID_VERTICES`] crossings.
    pub fn new(boxes: &[Rectangle], children: &[Vec<usize>], group_padding: f64) -> Result<Self> {
        if !group_padding.is_finite() {
            return Err(Error::InvalidOption {
                name: "group_padding",
                value: group_padding,
            });
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
        let n = boxes.len();
        let mut nodes: Vec<NodeWrapper> = boxes
            .iter()
            .enumerate()
            .map(|(i, &rect)| {
                let ch = children.get(i).cloned().unwrap_or_default();
                NodeWrapper {
                    rect,
                    leaf: ch.is_empty(),
                    children: ch,
                    parent: None,
                    ports: Vec::new(),
                }
            })
            .collect();
        for g in 0..n {
            for k in 0..nodes[g].children.len() {
                let c = nodes[g].children[k];
                if c >= n {
                    return Err(Error::NodeOutOfRange {
                        node: c,
                        node_count: n,
                    });
                }
                nodes[c].parent = Some(g);
            }
        }
        let mut depth = alloc::vec![0usize; n];
        for (v, d) in depth.iter_mut().enumerate() {
            let mut p = nodes[v].parent;
            while let Some(g) = p {
                *d += 1;
                if *d > n {
                    return Err(Error::GroupCycle { group: g });
                }
                p = nodes[g].parent;
            }
        }
        let cols = grid_lines(&nodes, 0);
        let rows = grid_lines(&nodes, 1);
        let root_children: Vec<usize> = (0..n).filter(|&v| nodes[v].parent.is_none()).collect();
        let mut back_to_front: Vec<usize> = (0..n).collect();
        back_to_front.sort_by_key(|&v| depth[v]);
        for &g in back_to_front.iter().rev() {
            if nodes[g].leaf {
                continue;
            }
            let mut r = Rectangle {
                x: f64::INFINITY,
                x_max: f64::NEG_INFINITY,
                y: f64::INFINITY,
                y_max: f64::NEG_INFINITY,
            };
            for &c in &nodes[g].children {
                r = r.union(&nodes[c].rect);
            }
            nodes[g].rect = r.inflate(group_padding);
        }
        if cols.is_empty() || rows.is_empty() {
            return Ok(Self {
                nodes,
                root_children,
                verts: Vec::new(),
                edges: Vec::new(),
            });
        }
        let count = (2 * rows.len() as u64 + 1) * (2 * cols.len() as u64 + 1);
        if count > MAX_GRID_VERTICES {
            return Err(Error::InputTooLarge {
                what: "grid vertices",
                count,
                limit: MAX_GRID_VERTICES,
            });
        }
        let spread = |axis: usize| {
            nodes
                .iter()
                .map(|v| {
                    if axis == 0 {
                        v.rect.width()
                    } else {
                        v.rect.height()
                    }
                })
                .fold(1.0f64, f64::max)
        };
        let col_mids = mid_points(&cols, spread(0));
        let row_mids = mid_points(&rows, spread(1));
        let (rowx, row_x) = (col_mids[0], col_mids[col_mids.len() - 1]);
        let (coly, col_y) = (row_mids[0], row_mids[row_mids.len() - 1]);
        let line = |from: Point, to: Point| Line {
            from,
            to,
            verts: Vec::new(),
        };
        let mut lines: Vec<Line> = rows
            .iter()
            .chain(&row_mids)
            .map(|&y| line([rowx, y], [row_x, y]))
            .collect();
        let h_count = lines.len();
        lines.extend(
            cols.iter()
                .chain(&col_mids)
                .map(|&x| line([x, coly], [x, col_y])),
        );
        let mut verts = Vec::new();
        for h in 0..h_count {
            for v in h_count..lines.len() {
                let at = [lines[v].from[0], lines[h].from[1]];
                let node = back_to_front.iter().rev().copied().find(|&i| {
                    let r = &nodes[i].rect;
                    (at[0] - r.cx()).abs() < r.width() / 2.0
                        && (at[1] - r.cy()).abs() < r.height() / 2.0
                });
                lines[h].verts.push(verts.len());
                lines[v].verts.push(verts.len());
                verts.push(Vert { at, node });
            }
        }
        let mut edges = Vec::new();
        for l in &mut lines {
            for (i, v) in nodes.iter_mut().enumerate() {
                for at in v.rect.line_intersections(l.from, l.to) {
                    l.verts.push(verts.len());
                    v.ports.push(verts.len());
                    verts.push(Vert { at, node: Some(i) });
                }
            }
            let axis = usize::from((l.from[1] - l.to[1]).abs() >= 0.1);
            l.verts.sort_by(|&a, &b| {
                verts[b].at[axis]
                    .partial_cmp(&verts[a].at[axis])
                    .unwrap_or(core::cmp::Ordering::Equal)
            });
            for w in l.verts.windows(2) {
                let (u, v) = (&verts[w[0]], &verts[w[1]]);
                if u.node == v.node && u.node.is_some_and(|i| nodes[i].leaf) {
                    continue;
                }
                edges.push((w[0], w[1], (v.at[axis] - u.at[axis]).abs()));
            }
        }
        Ok(Self {
            nodes,
            root_children,
            verts,
            edges,
        })
    }

    fn check(&self, v: usize) -> Result<()> {
        if v < self.nodes.len() {
            Ok(())
        } else {
            Err(Error::NodeOutOfRange {
                node: v,
                node_count: self.nodes.len(),
            })
        }
    }

    fn children_of(&self, g: Option<usize>) -> &[usize] {
        g.map_or(&self.root_children, |g| &self.nodes[g].children)
    }

    /// WebCola's `findLineage`: the root (`None`) down to `v`.
    fn lineage(&self, v: usize) -> Vec<Option<usize>> {
        let mut l = alloc::vec![Some(v)];
        let mut p = self.nodes[v].parent;
        while let Some(g) = p {
            l.push(Some(g));
            p = self.nodes[g].parent;
        }
        l.push(None);
        l.reverse();
        l
    }

    /// WebCola's `siblingObstacles`: the nodes a route from `a` to `b` must avoid
    /// (`a != b`).
    fn sibling_obstacles(&self, a: usize, b: usize) -> Vec<usize> {
        let (aa, ba) = (self.lineage(a), self.lineage(b));
        let mut i = 0;
        while i < aa.len() && i < ba.len() && aa[i] == ba[i] {
            i += 1;
        }
        let common = aa[i - 1];
        let lineages: Vec<usize> = aa[i..].iter().chain(&ba[i..]).flatten().copied().collect();
        let mut obstacles: Vec<usize> = self
            .children_of(common)
            .iter()
            .copied()
            .filter(|c| !lineages.contains(c))
            .collect();
        for &v in &lineages {
            let parent = self.nodes[v].parent;
            if parent != common {
                obstacles.extend(self.children_of(parent).iter().filter(|&&c| c != v));
            }
        }
        obstacles
    }

    /// The route from node `s` to node `t` (WebCola's `route(s, t)`): from a point on
    /// `s`'s box to one on `t`'s, along the grid. A node to itself gives the first grid point on its box twice.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node; [`Error::InvalidOption`] (named
    /// `"unroutable node"`, the value its index) when an end has no grid vertex on its
    /// box or the grid does not connect the two.
    pub fn route(&self, s: usize, t: usize) -> Result<Vec<Point>> {
        Ok(self
            .route_verts(s, t)?
            .into_iter()
            .map(|v| self.verts[v].at)
            .collect())
    }

    fn route_verts(&self, s: usize, t: usize) -> Result<Vec<usize>> {
        self.check(s)?;
        self.check(t)?;
        let unroutable = |v: usize| Error::InvalidOption {
            name: "unroutable node",
            value: v as f64,
        };
        let (source, target) = (&self.nodes[s], &self.nodes[t]);
        let (Some(&sp), Some(&tp)) = (source.ports.first(), target.ports.first()) else {
            return Err(unroutable(if source.ports.is_empty() { s } else { t }));
        };
        if s == t {
            return Ok(alloc::vec![sp, sp]);
        }
        let mut blocked = alloc::vec![false; self.nodes.len()];
        for o in self.sibling_obstacles(s, t) {
            blocked[o] = true;
        }
        let open = |v: usize| self.verts[v].node.is_none_or(|i| !blocked[i]);
        let mut passable: Vec<(usize, usize, f64)> = self
            .edges
            .iter()
            .copied()
            .filter(|&(u, v, _)| open(u) && open(v))
            .collect();
        for node in [source, target] {
            passable.extend(node.ports[1..].iter().map(|&p| (node.ports[0], p, 0.0)));
        }
        let mut adjacency: Vec<Vec<(usize, f64)>> = alloc::vec![Vec::new(); self.verts.len()];
        for &(u, v, d) in passable.iter().rev() {
            adjacency[u].push((v, d));
            adjacency[v].push((u, d));
        }
        let bend_penalty = |u: usize, v: usize, w: usize| {
            let (a, b, c) = (&self.verts[u], &self.verts[v], &self.verts[w]);
            let (dx, dy) = ((c.at[0] - a.at[0]).abs(), (c.at[1] - a.at[1]).abs());
            if (a.node == Some(s) && a.node == b.node) || (b.node == Some(t) && b.node == c.node) {
                return 0.0;
            }
            if dx > 1.0 && dy > 1.0 {
                1000.0
            } else {
                0.0
            }
        };
        let mut path = search::path_with_prev_cost(&adjacency, sp, tp, bend_penalty)
            .ok_or_else(|| unroutable(t))?;
        path.reverse();
        path.push(tp);
        let node = |i: usize| self.verts[path[i]].node;
        Ok((0..path.len())
            .filter(|&i| {
                let v = node(i);
                !((i + 1 < path.len() && node(i + 1) == Some(s) && v == Some(s))
                    || (i > 0 && v == Some(t) && node(i - 1) == Some(t)))
            })
            .map(|i| path[i])
            .collect())
    }

    /// One route per edge `(source, target)`, as segments, with segments that share a
    /// grid line spread `nudge_gap` apart (WebCola's `routeEdges`). Each route runs
    /// from its source to its target (WebCola's may come out reversed, its issue #327).
    ///
    /// # Errors
    /// As [`GridRouter::route`]; [`Error::InvalidOption`] for a `nudge_gap` that is not
    /// finite.
    pub fn route_edges(
        &self,
        edges: &[(usize, usize)],
        nudge_gap: f64,
    ) -> Result<Vec<Vec<[Point; 2]>>> {
        if !nudge_gap.is_finite() {
            return Err(Error::InvalidOption {
                name: "nudge_gap",
                value: nudge_gap,
            });
        }
        let mut paths = edges
            .iter()
            .map(|&(s, t)| self.route_verts(s, t))
            .collect::<Result<Vec<_>>>()?;
        let mut flipped = alloc::vec![false; paths.len()];
        let order = nudge::order_edges(&mut paths, &mut flipped, |v| self.verts[v].at);
        let mut routes: Vec<Vec<[Point; 2]>> = paths
            .iter()
            .map(|p| {
                let points: Vec<Point> = p.iter().map(|&v| self.verts[v].at).collect();
                nudge::make_segments(&points)
            })
            .collect();
        nudge::nudge_segments(&mut routes, 0, &order, nudge_gap)?;
        nudge::nudge_segments(&mut routes, 1, &order, nudge_gap)?;
        for (route, &f) in routes.iter_mut().zip(&flipped) {
            if f {
                route.reverse();
                for s in route.iter_mut() {
                    s.reverse();
                }
            }
        }
        Ok(routes)
    }

    /// SVG path data for a route from [`GridRouter::route_edges`] with corners rounded
    /// by `corner_radius`, and for its arrowhead (empty when `arrow_height` is not
    /// positive): WebCola's `getRoutePath`, numbers written as JavaScript writes them.
    /// An empty route gives two empty strings.
    #[must_use]
    pub fn route_path(
        route: &[[Point; 2]],
        corner_radius: f64,
        arrow_width: f64,
        arrow_height: f64,
    ) -> (String, String) {
        svg::route_path(route, corner_radius, arrow_width, arrow_height)
    }
}

#[cfg(test)]
mod tests;
