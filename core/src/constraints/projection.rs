//! WebCola's `Projection`: every descent step projected onto the constraints, one
//! axis at a time.

use alloc::vec::Vec;

use super::groups::GroupTree;
use super::user::{self, AxisConstraints, UserConstraint};
use super::vpsc::{Solver, Variable};
use crate::geom::{Axis, Rectangle};

/// WebCola's `Projection`: projects positions, one axis at a time, onto the user
/// constraints and, with `avoid_overlaps`, onto node non-overlap and group
/// containment constraints, moving them as little as possible (VPSC).
///
/// Variables are the `n` nodes, then (with `avoid_overlaps`) two border variables per
/// group, then the page-boundary edges of [`UserConstraint::PageBoundary`]. Fixed nodes
/// get weight 1000 and their pinned position as desired position. A user constraint
/// found unsatisfiable stays out of later projections, as in WebCola.
///
/// [`UserConstraint::PageBoundary`]: super::UserConstraint::PageBoundary
#[derive(Clone, Debug)]
pub struct Projection {
    n: usize,
    groups: GroupTree,
    avoid_overlaps: bool,
    /// Node half sizes `[w/2, h/2]`.
    half: Vec<[f64; 2]>,
    /// Pinned positions of fixed nodes.
    pinned: Vec<Option<[f64; 2]>>,
    axes: [AxisConstraints; 2],
    bounds: Vec<Rectangle>,
}

impl Projection {
    /// A projection over `n` nodes of `sizes` (`[width, height]`, 0 when absent).
    /// `positions` are the nodes' current `[x, y]`, which fix the offsets of
    /// fixed-relative constraints. `constraints` must have been validated.
    #[must_use]
    pub fn new(
        sizes: &[[f64; 2]],
        groups: &GroupTree,
        constraints: &[UserConstraint],
        positions: &[[f64; 2]],
        avoid_overlaps: bool,
    ) -> Self {
        let n = sizes.len();
        let half: Vec<[f64; 2]> = sizes.iter().map(|s| [s[0] / 2.0, s[1] / 2.0]).collect();
        let n_vars = if avoid_overlaps {
            n + 2 * groups.len()
        } else {
            n
        };
        let axes = user::build(constraints, positions, &half, n_vars);
        Self {
            n,
            groups: groups.clone(),
            avoid_overlaps,
            half,
            pinned: alloc::vec![None; n],
            axes,
            bounds: alloc::vec![Rectangle::empty(); n],
        }
    }

    /// Pins node `i` (weight 1000, desired position `p`), or unpins it with `None`.
    ///
    /// # Panics
    /// If `i` is out of range.
    pub fn set_pinned(&mut self, i: usize, p: Option<[f64; 2]>) {
        self.pinned[i] = p;
    }

    /// Number of projection variables taken from the descent: nodes, and group borders
    /// when avoiding overlaps.
    #[must_use]
    pub fn variable_count(&self) -> usize {
        if self.avoid_overlaps {
            self.n + 2 * self.groups.len()
        } else {
            self.n
        }
    }

    /// Projects `desired` (the `axis` coordinates after a descent step, at least
    /// [`Projection::variable_count`] long) onto the constraints, in place. `x0`, `y0`
    /// are the positions the step started from; node boxes are placed there to find
    /// which pairs need non-overlap constraints.
    pub fn project(&mut self, axis: Axis, x0: &[f64], y0: &[f64], desired: &mut [f64]) {
        let n = self.n;
        let a = axis.index();
        let n_vars = self.variable_count();
        let ax = &self.axes[a];
        let mut vars = Vec::with_capacity(n_vars + ax.extra.len());
        for i in 0..n {
            let weight = match self.pinned[i] {
                Some(p) => {
                    desired[i] = p[a];
                    1000.0
                }
                None => 1.0,
            };
            vars.push(Variable::weighted(desired[i], weight, 1.0));
            let [w, h] = self.half[i];
            self.bounds[i] = Rectangle::new(x0[i] - w, x0[i] + w, y0[i] - h, y0[i] + h);
        }
        for (k, &d) in desired.iter().enumerate().take(n_vars).skip(n) {
            vars.push(Variable::weighted(
                d,
                self.groups.stiffness((k - n) / 2),
                1.0,
            ));
        }
        for &(d, w) in &ax.extra {
            vars.push(Variable::weighted(d, w, 1.0));
        }
        let mut cs = ax.cons.clone();
        let user = cs.len();
        if self.avoid_overlaps {
            let group_bounds = self.groups.bounds(&self.bounds);
            cs.extend(
                self.groups
                    .constraints(n, axis, &self.bounds, &group_bounds),
            );
        }
        let start: Vec<f64> = (0..n_vars)
            .map(|i| if a == 0 { x0[i] } else { y0[i] })
            .chain(ax.extra.iter().map(|e| e.0))
            .collect();
        // Valid by construction: indices in range, finite values, positive weights.
        let Ok(mut solver) = Solver::new(vars, cs) else {
            return;
        };
        solver.set_starting_positions(&start);
        solver.solve();
        for (i, d) in desired.iter_mut().enumerate().take(n_vars) {
            *d = solver.position(i);
        }
        for (k, c) in solver.constraints()[..user].iter().enumerate() {
            self.axes[a].cons[k].set_unsatisfiable(c.is_unsatisfiable());
        }
    }

    /// The user constraints (as VPSC constraints, with the index of the user constraint
    /// each came from) that are violated by more than `tolerance` at `positions`
    /// (node `[x, y]`): `(user index, axis, violation)`. Page-boundary constraints are
    /// measured against the page box itself.
    #[must_use]
    pub fn violations(&self, positions: &[[f64; 2]], tolerance: f64) -> Vec<(usize, Axis, f64)> {
        let mut out = Vec::new();
        for axis in [Axis::X, Axis::Y] {
            let a = axis.index();
            let ax = &self.axes[a];
            let n_vars = self.variable_count();
            let pos = |v: usize| {
                if v < self.n {
                    positions[v][a]
                } else {
                    ax.extra
                        .get(v.wrapping_sub(n_vars))
                        .map_or(f64::NAN, |e| e.0)
                }
            };
            for (c, &origin) in ax.cons.iter().zip(&ax.origin) {
                let v = user::violation(c, pos);
                if v > tolerance {
                    out.push((origin, axis, v));
                }
            }
        }
        out
    }
}
