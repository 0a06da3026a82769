//! libcola's `makeFeasible`: the current positions moved onto the constraints, with no
//! forces, before a layout runs.

use alloc::vec::Vec;

use super::Layout;
use crate::constraints::{user, Projection};
use crate::geom::Axis;

/// Most projection rounds; each removes the overlaps its scan line finds.
const ROUNDS: usize = 64;
/// A round moving no coordinate further than this (layout units) ends the rounds.
const STILL: f64 = 1e-9;

impl<const K: usize> Layout<K> {
    /// libcola's `makeFeasible()`: moves the current positions as little as possible
    /// (VPSC) onto the user and flow constraints and, with
    /// [`LayoutOptions::avoid_overlaps`](super::LayoutOptions::avoid_overlaps), onto node
    /// non-overlap and group containment: x first, then y with the boxes at the new x,
    /// as one descent step projects. No forces act; fixed nodes stay where they are
    /// held. With overlap avoidance, nodes on an alignment line are first spread along
    /// it (WebCola's `makeFeasible`), and group borders start at their members' boxes.
    ///
    /// Each pair of boxes is separated on the axis where they overlap less (WebCola's
    /// rule), not by libcola's search through left, right, above and below; pairs that
    /// this cannot separate stay in [`Layout::overlapping_nodes`]. Constraints that
    /// cannot hold are left as close as they get; until the next [`Layout::start`],
    /// [`Layout::unsatisfied`] lists them.
    pub fn make_feasible(&mut self) {
        let avoid = self.options.avoid_overlaps;
        if avoid {
            let mut xy = self.xy();
            user::make_feasible(&self.constraints, &mut xy, &self.sizes);
            self.set_xy(&xy);
            self.untie();
        }
        let mut p = Projection::new(
            &self.sizes,
            self.graph.groups(),
            &self.constraints,
            &self.initial_xy,
            avoid,
        );
        let n = self.graph.node_count();
        for i in 0..n {
            let pin = self.pinned[i];
            p.set_pinned(i, (self.fixed[i] != 0).then_some([pin[0], pin[1]]));
        }
        let big_n = self.descent.node_count();
        if avoid {
            let bounds = self.group_bounds();
            let x = self.descent.x_mut();
            for (j, b) in bounds.iter().enumerate() {
                let v = n + 2 * j;
                x[v] = b.x;
                x[v + 1] = b.x_max;
                x[big_n + v] = b.y;
                x[big_n + v + 1] = b.y_max;
            }
        }
        let vars = p.variable_count();
        // One round is one descent step's projection; a round only separates the
        // pairs its scan sees (WebCola's nearest neighbours), so rounds repeat until
        // nothing moves.
        for _ in 0..ROUNDS {
            let x0 = self.descent.x().to_vec();
            let mut rx = x0[..vars].to_vec();
            p.project(Axis::X, &x0[..big_n], &x0[big_n..2 * big_n], &mut rx);
            let mut px = x0[..big_n].to_vec();
            px[..vars].copy_from_slice(&rx);
            let mut ry = x0[big_n..big_n + vars].to_vec();
            p.project(Axis::Y, &px, &x0[big_n..2 * big_n], &mut ry);
            let x = self.descent.x_mut();
            let mut moved = 0.0f64;
            for (k, v) in rx.iter().chain(&ry).enumerate() {
                let i = if k < vars { k } else { big_n + k - vars };
                moved = moved.max((x[i] - v).abs());
                x[i] = *v;
            }
            if moved <= STILL {
                break;
            }
        }
        if self.descent.projection().is_none() {
            self.descent.set_projection(Some(p));
        }
    }

    /// Moves apart, by a millionth of their size, overlapping nodes whose centres share
    /// an exact coordinate: the scan line keys boxes by centre, so boxes with one centre
    /// get no constraint between them (WebCola's ordered sets). Fixed nodes stay.
    fn untie(&mut self) {
        let mut nodes: Vec<usize> = self
            .overlapping_nodes(0.0)
            .into_iter()
            .flat_map(|(i, j)| [i, j])
            .filter(|&i| self.fixed[i] == 0)
            .collect();
        nodes.sort_unstable();
        nodes.dedup();
        let mut xy = self.xy();
        for d in [0, 1] {
            nodes.sort_by(|&a, &b| xy[a][d].total_cmp(&xy[b][d]).then(a.cmp(&b)));
            let at: Vec<f64> = nodes.iter().map(|&i| xy[i][d]).collect();
            let mut k = 0.0;
            for (w, &i) in nodes.iter().enumerate() {
                k = if w > 0 && at[w - 1] == at[w] {
                    k + 1.0
                } else {
                    0.0
                };
                xy[i][d] += k * 1e-6 * self.sizes[i][d].max(1.0);
            }
        }
        self.set_xy(&xy);
    }
}
