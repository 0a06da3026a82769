//! WebCola's `TangentVisibilityGraph`: the vertices of convex obstacles, joined by
//! their sides and by the bitangents no other obstacle blocks; routes add their two
//! ends and search it for the shortest path.

use alloc::collections::BinaryHeap;
use alloc::vec::Vec;
use core::cmp::Ordering;

use crate::geom::{
    distance, point_polygon_tangents, segment_crosses_polygon, tangents, Point, Rectangle,
};

/// A point where a route may start or end: a position, and the obstacle it lies in
/// (which its edges may cross), if any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Port {
    /// The point.
    pub at: Point,
    /// Index of the obstacle the point is inside.
    pub obstacle: Option<usize>,
}

/// The tangent visibility graph over convex obstacles.
#[derive(Clone, Debug)]
pub struct TangentVisibilityGraph {
    obstacles: Vec<Vec<Point>>,
    /// Bounding box of each obstacle, for a quick reject in [`Self::visible`].
    bounds: Vec<Rectangle>,
    /// Vertex positions; vertex `k` is a corner of obstacle `owner[k]`.
    points: Vec<Point>,
    owner: Vec<u32>,
    /// Neighbours of each vertex with the edge length.
    adjacency: Vec<Vec<(u32, f64)>>,
}

impl TangentVisibilityGraph {
    /// The graph over `obstacles`, convex polygons in either orientation (WebCola's
    /// constructor: each polygon's sides, then the visible bitangents of every pair).
    #[must_use]
    pub fn new(obstacles: Vec<Vec<Point>>) -> Self {
        let bounds = obstacles
            .iter()
            .map(|p| {
                p.iter().fold(Rectangle::empty(), |r, q| {
                    r.union(&Rectangle::new(q[0], q[0], q[1], q[1]))
                })
            })
            .collect();
        let mut g = Self {
            obstacles,
            bounds,
            points: Vec::new(),
            owner: Vec::new(),
            adjacency: Vec::new(),
        };
        let mut first = Vec::with_capacity(g.obstacles.len());
        for (i, poly) in g.obstacles.iter().enumerate() {
            first.push(g.points.len());
            for &p in poly {
                g.points.push(p);
                g.owner.push(i as u32);
            }
        }
        g.adjacency = alloc::vec![Vec::new(); g.points.len()];
        let mut found = Vec::new();
        for (i, poly) in g.obstacles.iter().enumerate() {
            let k = poly.len();
            for j in 1..k {
                found.push((first[i] + j - 1, first[i] + j, i));
            }
            if k > 2 {
                found.push((first[i], first[i] + k - 1, i));
            }
        }
        // A side is kept unless another obstacle (grown boxes may overlap) covers it.
        found.retain(|&(u, v, i)| g.visible(g.points[u], g.points[v], Some(i), None));
        // WebCola passes `tangents` the open vertex list, which leaves a polygon's last
        // vertex out and finds lines through the polygon; closed lists give true ones.
        let closed: Vec<Vec<Point>> = g
            .obstacles
            .iter()
            .map(|p| p.iter().chain(p.first()).copied().collect())
            .collect();
        for i in 0..g.obstacles.len() {
            for j in i + 1..g.obstacles.len() {
                for (_, a, b) in tangents(&closed[i], &closed[j]) {
                    let (u, v) = (first[i] + a, first[j] + b);
                    if g.visible(g.points[u], g.points[v], Some(i), Some(j)) {
                        found.push((u, v, i));
                    }
                }
            }
        }
        for (u, v, _) in found {
            edge(&mut g.adjacency, &g.points, u, v);
        }
        g
    }

    /// The obstacles.
    #[must_use]
    pub fn obstacles(&self) -> &[Vec<Point>] {
        &self.obstacles
    }

    /// Whether segment `a → b` crosses no obstacle other than `skip_a` and `skip_b`.
    #[must_use]
    pub fn visible(
        &self,
        a: Point,
        b: Point,
        skip_a: Option<usize>,
        skip_b: Option<usize>,
    ) -> bool {
        let seg = Rectangle::new(
            a[0].min(b[0]),
            a[0].max(b[0]),
            a[1].min(b[1]),
            a[1].max(b[1]),
        );
        !self.obstacles.iter().enumerate().any(|(i, poly)| {
            Some(i) != skip_a
                && Some(i) != skip_b
                && self.bounds[i].x <= seg.x_max
                && seg.x <= self.bounds[i].x_max
                && self.bounds[i].y <= seg.y_max
                && seg.y <= self.bounds[i].y_max
                && segment_crosses_polygon(a, b, poly)
        })
    }

    /// The visible edges from a port to the tangent points of every other obstacle
    /// (WebCola's `addPoint`), as `(vertex, length)`.
    #[must_use]
    pub fn port_edges(&self, port: Port) -> Vec<(u32, f64)> {
        let mut out = Vec::new();
        let mut first = 0;
        for (i, poly) in self.obstacles.iter().enumerate() {
            if Some(i) != port.obstacle && poly.len() >= 2 {
                let (r, l) = point_polygon_tangents(port.at, poly);
                for t in [l, r] {
                    let t = t % poly.len();
                    let v = first + t;
                    let p = self.points[v];
                    if self.visible(port.at, p, port.obstacle, Some(i))
                        && !out.iter().any(|&(w, _)| w == v as u32)
                    {
                        out.push((v as u32, distance(port.at, p)));
                    }
                }
            }
            first += poly.len();
        }
        out
    }

    /// The shortest path from `source` to `target` through the graph, both ends
    /// included, given each port's [`Self::port_edges`]; `None` when the target cannot
    /// be reached. A* with the straight-line distance, ties broken by vertex index.
    #[must_use]
    pub fn shortest_path(
        &self,
        (source, source_edges): (Port, &[(u32, f64)]),
        (target, target_edges): (Port, &[(u32, f64)]),
    ) -> Option<Vec<Point>> {
        if self.visible(source.at, target.at, source.obstacle, target.obstacle) {
            return Some(alloc::vec![source.at, target.at]);
        }
        let v = self.points.len();
        let (s, t) = (v, v + 1);
        let mut to_target = alloc::vec![f64::INFINITY; v];
        for &(w, l) in target_edges {
            to_target[w as usize] = l;
        }
        let h = |k: usize| distance(if k == s { source.at } else { self.points[k] }, target.at);
        let mut dist = alloc::vec![f64::INFINITY; v + 2];
        let mut prev = alloc::vec![u32::MAX; v + 2];
        let mut heap = BinaryHeap::new();
        dist[s] = 0.0;
        heap.push(Entry(h(s), s as u32));
        while let Some(Entry(f, u)) = heap.pop() {
            let u = u as usize;
            if u == t {
                break;
            }
            if f > dist[u] + h(u) {
                continue;
            }
            let relax = |w: usize,
                         l: f64,
                         dist: &mut [f64],
                         prev: &mut [u32],
                         heap: &mut BinaryHeap<Entry>| {
                let d = dist[u] + l;
                if d < dist[w] {
                    dist[w] = d;
                    prev[w] = u as u32;
                    let hw = if w == t { 0.0 } else { h(w) };
                    heap.push(Entry(d + hw, w as u32));
                }
            };
            if u == s {
                for &(w, l) in source_edges {
                    relax(w as usize, l, &mut dist, &mut prev, &mut heap);
                }
                continue;
            }
            for &(w, l) in &self.adjacency[u] {
                relax(w as usize, l, &mut dist, &mut prev, &mut heap);
            }
            if to_target[u].is_finite() {
                relax(t, to_target[u], &mut dist, &mut prev, &mut heap);
            }
        }
        if dist[t].is_infinite() {
            return None;
        }
        let mut path = alloc::vec![target.at];
        let mut k = prev[t] as usize;
        while k != s {
            path.push(self.points[k]);
            k = prev[k] as usize;
        }
        path.push(source.at);
        path.reverse();
        Some(path)
    }
}

fn edge(adjacency: &mut [Vec<(u32, f64)>], points: &[Point], u: usize, v: usize) {
    let l = distance(points[u], points[v]);
    adjacency[u].push((v as u32, l));
    adjacency[v].push((u as u32, l));
}

/// Min-heap entry: (estimate, vertex), ordered by estimate then vertex.
#[derive(Clone, Copy, PartialEq)]
struct Entry(f64, u32);

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
