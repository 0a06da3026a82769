//! Separating and packing disconnected components: WebCola's `handleDisconnected`
//! (`separateGraphs` + `applyPacking`).
//!
//! Components' bounding boxes are packed into rows by a golden-section search over the
//! row width, aiming at a width/height ratio of 1, and the whole packing is centred on
//! the canvas. This reproduces WebCola 3.4 exactly, including its quirks: the bounding
//! boxes start from `max = 0` rather than `-inf`, the lower bound of the search is the
//! width of the *last* component (in height order) when there are three or more
//! components, and each component is placed by its centroid.

use alloc::vec::Vec;

use crate::graph::Graph;

/// Gap between packed components, in layout units (WebCola's `PADDING`).
pub const PADDING: f64 = 10.0;
const GOLDEN_SECTION: f64 = 1.618_033_988_749_895;
const FLOAT_EPSILON: f64 = 1e-4;
const MAX_ITERATIONS: usize = 100;

/// Options of [`pack_components`], with WebCola's defaults.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PackingOptions {
    /// Canvas `[width, height]`; the packing is centred on its middle. WebCola: `[1, 1]`.
    pub size: [f64; 2],
    /// Box size of nodes without a width or height. WebCola: 10.
    pub default_node_size: f64,
    /// Target width/height ratio of the packing. WebCola: 1.
    pub desired_ratio: f64,
    /// When false, WebCola computes the packing but moves no node; so does this.
    pub center_graph: bool,
}

impl Default for PackingOptions {
    fn default() -> Self {
        Self {
            size: [1.0, 1.0],
            default_node_size: 10.0,
            desired_ratio: 1.0,
            center_graph: true,
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Rect {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    space_left: f64,
    bottom: f64,
}

/// Moves each connected component of `graph` as a rigid block so that the components are
/// packed side by side without overlap, centred on the canvas (WebCola's
/// `separateGraphs` + `applyPacking`). `positions[i]` is node `i`'s `[x, y]`.
///
/// # Panics
/// If `positions.len() != graph.node_count()`.
pub fn pack_components(graph: &Graph, positions: &mut [[f64; 2]], options: &PackingOptions) {
    assert_eq!(positions.len(), graph.node_count());
    let components = graph.packing_components();
    if components.is_empty() {
        return;
    }
    let half_size = |i: usize| {
        let v = &graph.nodes()[i];
        (
            v.width.unwrap_or(options.default_node_size) / 2.0,
            v.height.unwrap_or(options.default_node_size) / 2.0,
        )
    };
    let mut rects: Vec<(Rect, usize)> = components
        .iter()
        .enumerate()
        .map(|(c, nodes)| {
            let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, 0.0, 0.0);
            for &i in nodes {
                let (w, h) = half_size(i);
                let [x, y] = positions[i];
                max_x = js_max(x + w, max_x);
                min_x = js_min(x - w, min_x);
                max_y = js_max(y + h, max_y);
                min_y = js_min(y - h, min_y);
            }
            let r = Rect {
                width: max_x - min_x,
                height: max_y - min_y,
                ..Rect::default()
            };
            (r, c)
        })
        .collect();
    // Stable sort by decreasing height, as V8's `sort((a, b) => b.height - a.height)`.
    rects.sort_by(|a, b| b.0.height.total_cmp(&a.0.height));
    let mut data: Vec<Rect> = rects.iter().map(|r| r.0).collect();
    let (real_width, real_height) = apply(&mut data, options.desired_ratio);
    if !options.center_graph {
        return;
    }
    for (r, &(_, c)) in data.iter().zip(&rects) {
        let nodes = &components[c];
        let (mut cx, mut cy) = (0.0, 0.0);
        for &i in nodes {
            cx += positions[i][0];
            cy += positions[i][1];
        }
        cx /= nodes.len() as f64;
        cy /= nodes.len() as f64;
        let corner = (cx - r.width / 2.0, cy - r.height / 2.0);
        let offset = (
            r.x - corner.0 + options.size[0] / 2.0 - real_width / 2.0,
            r.y - corner.1 + options.size[1] / 2.0 - real_height / 2.0,
        );
        for &i in nodes {
            positions[i][0] += offset.0;
            positions[i][1] += offset.1;
        }
    }
}

/// Golden-section search over the row width; leaves `data` placed by the best width
/// found and returns the packing's `(real_width, real_height)`.
fn apply(data: &mut [Rect], desired_ratio: f64) -> (f64, f64) {
    if data.len() == 1 {
        // WebCola's `reduce` returns the object itself, the search does NaN arithmetic
        // and exits at once, and the single component is placed at the origin.
        return step(data, f64::NAN, desired_ratio).1;
    }
    let min_width = if data.len() == 2 {
        if data[0].width < data[1].width {
            data[0].width
        } else {
            data[1].width
        }
    } else {
        data[data.len() - 1].width
    };
    let entire_width: f64 = data.iter().fold(0.0, |w, d| w + d.width + PADDING);
    let (mut left, mut right) = (min_width, entire_width);
    let (mut x1, mut x2) = (min_width, entire_width);
    let (mut f_x1, mut f_x2) = (f64::MAX, f64::MAX);
    let (mut curr_best_f, mut curr_best) = (f64::INFINITY, 0.0);
    let mut flag = -1;
    let (mut dx, mut df) = (f64::MAX, f64::MAX);
    let mut iteration = 0;
    while dx > min_width || df > FLOAT_EPSILON {
        if flag != 1 {
            x1 = right - (right - left) / GOLDEN_SECTION;
            f_x1 = step(data, x1, desired_ratio).0;
        }
        if flag != 0 {
            x2 = left + (right - left) / GOLDEN_SECTION;
            f_x2 = step(data, x2, desired_ratio).0;
        }
        dx = (x1 - x2).abs();
        df = (f_x1 - f_x2).abs();
        if f_x1 < curr_best_f {
            curr_best_f = f_x1;
            curr_best = x1;
        }
        if f_x2 < curr_best_f {
            curr_best_f = f_x2;
            curr_best = x2;
        }
        if f_x1 > f_x2 {
            left = x1;
            x1 = x2;
            f_x1 = f_x2;
            flag = 1;
        } else {
            right = x2;
            x2 = x1;
            f_x2 = f_x1;
            flag = 0;
        }
        let over = iteration > MAX_ITERATIONS;
        iteration += 1;
        if over {
            break;
        }
    }
    step(data, curr_best, desired_ratio).1
}

/// Places every rectangle with rows no wider than `max_width`; returns
/// `(|ratio - desired|, (real_width, real_height))`. Each rectangle goes beside the first
/// placed one with room for it, as WebCola's linear scan finds it; a [`Candidates`] tree
/// finds that one in `O(log n)` instead, so thousands of components pack in time.
fn step(data: &mut [Rect], max_width: f64, desired_ratio: f64) -> (f64, (f64, f64)) {
    let (mut real_width, mut real_height, mut global_bottom) = (0.0, 0.0, 0.0);
    let lowest = data.iter().fold(f64::INFINITY, |m, r| js_min(r.height, m));
    let mut tree = Candidates::new(data.len(), lowest);
    for i in 0..data.len() {
        let rect = data[i];
        let fits = |right: f64| (right + rect.width + PADDING - max_width) <= FLOAT_EPSILON;
        let parent = tree.first(rect.height, &fits);
        let mut r = rect;
        match parent {
            Some(j) => {
                let p = &mut data[j];
                r.x = p.x + p.width + PADDING;
                r.y = p.bottom;
                r.space_left = r.height;
                r.bottom = r.y;
                p.space_left -= r.height + PADDING;
                p.bottom += r.height + PADDING;
                tree.set(j, p.space_left, p.x + p.width);
            }
            None => {
                r.y = global_bottom;
                global_bottom += r.height + PADDING;
                r.x = 0.0;
                r.bottom = r.y;
                r.space_left = r.height;
            }
        }
        if r.y + r.height - real_height > -FLOAT_EPSILON {
            real_height = r.y + r.height;
        }
        if r.x + r.width - real_width > -FLOAT_EPSILON {
            real_width = r.x + r.width;
        }
        data[i] = r;
        tree.set(i, r.space_left, r.x + r.width);
    }
    (
        (real_width / real_height - desired_ratio).abs(),
        (real_width, real_height),
    )
}

/// The placed rectangles as a segment tree over their index: per subtree the most
/// `space_left` and the least right edge `x + width`, so [`Candidates::first`] skips
/// subtrees where no rectangle can take the next one. Unplaced slots, and rectangles
/// with less space left than the lowest rectangle's height, which can take none, hold
/// no space and no edge.
struct Candidates {
    leaves: usize,
    /// The lowest rectangle's height.
    lowest: f64,
    /// Heap order, root at 1: `(most space_left, least right edge)`.
    nodes: Vec<(f64, f64)>,
}

impl Candidates {
    fn new(n: usize, lowest: f64) -> Self {
        let leaves = n.next_power_of_two().max(1);
        Self {
            leaves,
            lowest,
            nodes: alloc::vec![(f64::NEG_INFINITY, f64::INFINITY); 2 * leaves],
        }
    }

    fn set(&mut self, i: usize, space: f64, right: f64) {
        let mut k = self.leaves + i;
        self.nodes[k] = if space >= self.lowest {
            (space, right)
        } else {
            (f64::NEG_INFINITY, f64::INFINITY)
        };
        while k > 1 {
            k /= 2;
            let (a, b) = (self.nodes[2 * k], self.nodes[2 * k + 1]);
            self.nodes[k] = (js_max(a.0, b.0), js_min(a.1, b.1));
        }
    }

    /// The first rectangle with `space_left >= height` whose right edge `fits`
    /// (non-decreasing in the edge, so a subtree whose least edge fails is skipped).
    fn first(&self, height: f64, fits: &dyn Fn(f64) -> bool) -> Option<usize> {
        let mut stack = alloc::vec![1usize];
        while let Some(k) = stack.pop() {
            let (space, right) = self.nodes[k];
            let room = space >= height;
            if !room || !fits(right) {
                continue;
            }
            if k >= self.leaves {
                return Some(k - self.leaves);
            }
            stack.push(2 * k + 1);
            stack.push(2 * k);
        }
        None
    }
}

/// `Math.max` for the non-NaN values used here.
fn js_max(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

fn js_min(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_component_centroid_moves_to_canvas_centre() {
        let g = Graph::from_edges(3, [(0, 1), (1, 2)]).unwrap();
        let mut p = [[0.0, 0.0], [30.0, 0.0], [60.0, 40.0]];
        pack_components(
            &g,
            &mut p,
            &PackingOptions {
                size: [200.0, 100.0],
                ..Default::default()
            },
        );
        let cx = (p[0][0] + p[1][0] + p[2][0]) / 3.0;
        let cy = (p[0][1] + p[1][1] + p[2][1]) / 3.0;
        assert!((cx - 100.0).abs() < 1e-9 && (cy - 50.0).abs() < 1e-9);
        assert_eq!(p[1][0] - p[0][0], 30.0, "moved rigidly");
    }

    #[test]
    fn packed_components_do_not_overlap() {
        let g = Graph::from_edges(6, [(0, 1), (1, 2), (3, 4)]).unwrap();
        let mut p = [
            [0.0, 0.0],
            [20.0, 0.0],
            [10.0, 17.0],
            [0.0, 0.0],
            [20.0, 0.0],
            [0.0, 0.0],
        ];
        pack_components(&g, &mut p, &PackingOptions::default());
        let bbox = |nodes: &[usize]| {
            let xs = nodes.iter().map(|&i| p[i][0]);
            let ys = nodes.iter().map(|&i| p[i][1]);
            (
                xs.clone().fold(f64::MAX, f64::min) - 5.0,
                xs.fold(f64::MIN, f64::max) + 5.0,
                ys.clone().fold(f64::MAX, f64::min) - 5.0,
                ys.fold(f64::MIN, f64::max) + 5.0,
            )
        };
        let boxes = [bbox(&[0, 1, 2]), bbox(&[3, 4]), bbox(&[5])];
        for i in 0..3 {
            for j in i + 1..3 {
                let (a, b) = (boxes[i], boxes[j]);
                let apart = a.1 <= b.0 + 1e-9
                    || b.1 <= a.0 + 1e-9
                    || a.3 <= b.2 + 1e-9
                    || b.3 <= a.2 + 1e-9;
                assert!(apart, "{a:?} {b:?}");
            }
        }
    }

    /// WebCola's `step`, with its linear scan for the parent: the oracle of the tree.
    fn step_by_scan(data: &mut [Rect], max_width: f64) -> (f64, f64) {
        let (mut real_width, mut real_height, mut global_bottom) = (0.0f64, 0.0f64, 0.0);
        for i in 0..data.len() {
            let rect = data[i];
            let parent = (0..i).find(|&j| {
                let l = &data[j];
                l.space_left >= rect.height
                    && (l.x + l.width + rect.width + PADDING - max_width) <= FLOAT_EPSILON
            });
            let mut r = rect;
            if let Some(j) = parent {
                let p = &mut data[j];
                r.x = p.x + p.width + PADDING;
                r.y = p.bottom;
                p.space_left -= r.height + PADDING;
                p.bottom += r.height + PADDING;
            } else {
                r.y = global_bottom;
                global_bottom += r.height + PADDING;
                r.x = 0.0;
            }
            r.space_left = r.height;
            r.bottom = r.y;
            if r.y + r.height - real_height > -FLOAT_EPSILON {
                real_height = r.y + r.height;
            }
            if r.x + r.width - real_width > -FLOAT_EPSILON {
                real_width = r.x + r.width;
            }
            data[i] = r;
        }
        (real_width, real_height)
    }

    #[test]
    fn the_tree_places_as_webcolas_scan() {
        let mut rng = crate::rng::SplitMix64::new(5);
        for case in 0..200 {
            let n = 1 + rng.below(60);
            let mut rects: Vec<Rect> = (0..n)
                .map(|_| Rect {
                    width: 10.0 + rng.below(4) as f64 * 15.0 * rng.unit(),
                    height: 10.0 + (rng.below(3) * 10) as f64,
                    ..Rect::default()
                })
                .collect();
            rects.sort_by(|a, b| b.height.total_cmp(&a.height));
            let max_width = 20.0 + rng.unit() * 200.0;
            let mut a = rects.clone();
            let mut b = rects;
            let (_, (w, h)) = step(&mut a, max_width, 1.0);
            assert_eq!(step_by_scan(&mut b, max_width), (w, h), "case {case}");
            for (p, q) in a.iter().zip(&b) {
                assert_eq!(
                    (p.x, p.y, p.space_left, p.bottom),
                    (q.x, q.y, q.space_left, q.bottom)
                );
            }
        }
    }

    #[test]
    fn seventy_thousand_isolated_nodes_pack_quickly() {
        let g = Graph::from_edges(70_000, []).unwrap();
        let mut p = alloc::vec![[0.5, 0.5]; 70_000];
        pack_components(&g, &mut p, &PackingOptions::default());
        let (x, y): (Vec<f64>, Vec<f64>) = p.iter().map(|v| (v[0], v[1])).unzip();
        let span = |v: &[f64]| {
            v.iter().fold(f64::MIN, |m, &a| m.max(a)) - v.iter().fold(f64::MAX, |m, &a| m.min(a))
        };
        // 70 000 boxes of 20 x 20 with their gaps: about 5300 on a side, square.
        assert!(
            (span(&x) / span(&y) - 1.0).abs() < 0.1,
            "{} {}",
            span(&x),
            span(&y)
        );
    }

    #[test]
    fn center_graph_false_moves_nothing() {
        let g = Graph::from_edges(3, [(0, 1)]).unwrap();
        let mut p = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
        let before = p;
        pack_components(
            &g,
            &mut p,
            &PackingOptions {
                center_graph: false,
                ..Default::default()
            },
        );
        assert_eq!(p, before);
    }
}
