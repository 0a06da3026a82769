//! WebCola's phased `start`: the unconstrained phase (with WebCola's `initialLayout` for
//! groups), user constraints, overlap removal and the stress goal, grid snap, and the
//! packing of components.

use alloc::vec::Vec;

use super::{Layout, LayoutOptions, StressMode};
use crate::constraints::user::make_feasible;
use crate::constraints::{Projection, UserConstraint};
use crate::error::Result;
use crate::graph::{Graph, Link, Node};
use crate::linklengths::LinkLengths;
use crate::packing::{self, PackingOptions};
use crate::stress::{GridSnap, Weighting};

/// The iteration counts of WebCola's `start(a, b, c, …, keepRunning, centerGraph)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Schedule {
    /// Phase 1: iterations with every pair weighted 1 and no constraints.
    pub unconstrained: usize,
    /// Phase 2: iterations with user constraints (weights still 1).
    pub user_constraints: usize,
    /// Phase 3: iterations with all constraints, under the stress goal.
    pub all_constraints: usize,
    /// Phase 4: iterations pulling nodes onto a grid (WebCola's `gridSnapIterations`).
    pub grid_snap: usize,
    /// After the phases, tick until converged (or `max_ticks`).
    pub keep_running: bool,
    /// Pack and centre components after the phases (WebCola's `centerGraph`).
    pub center_graph: bool,
}

impl Default for Schedule {
    /// `start()` in WebCola: no phase iterations, then run to convergence, centred.
    fn default() -> Self {
        Self {
            unconstrained: 0,
            user_constraints: 0,
            all_constraints: 0,
            grid_snap: 0,
            keep_running: true,
            center_graph: true,
        }
    }
}

impl Schedule {
    /// WebCola's `Layout3D.start(iterations)`: up to `iterations` descent iterations
    /// until converged, no centring, no ticking on.
    #[must_use]
    pub fn layout3d(iterations: usize) -> Self {
        Self {
            unconstrained: iterations,
            keep_running: false,
            center_graph: false,
            ..Self::default()
        }
    }

    /// `start(a, b, c)` with WebCola's defaults for the rest.
    #[must_use]
    pub fn iterations(
        unconstrained: usize,
        user_constraints: usize,
        all_constraints: usize,
    ) -> Self {
        Self {
            unconstrained,
            user_constraints,
            all_constraints,
            ..Self::default()
        }
    }
}

impl<const K: usize> Layout<K> {
    /// WebCola's `start`: the phases of `schedule`, packing of components, and, with
    /// `keep_running`, ticks until converged. Each call restarts the displacement
    /// generator from the seed, as WebCola's fresh `Descent` does. Returns the number
    /// of ticks run.
    ///
    /// # Errors
    /// [`crate::Error::Diverged`] when the layout goes non-finite; it then stops, with
    /// the positions of its last finite iteration.
    pub fn start(&mut self, schedule: Schedule) -> Result<usize> {
        self.running = false;
        let ran = self.phases(schedule);
        if ran.is_err() {
            self.alpha = Some(0.0);
        }
        ran
    }

    fn phases(&mut self, schedule: Schedule) -> Result<usize> {
        let n = self.graph.node_count();
        self.descent.reseed(self.options.seed);
        self.descent.set_grid_snap(None);
        self.descent.set_projection(None);
        self.descent
            .model_mut()
            .reweight(&self.graph, Weighting::Unit);
        for i in 0..n {
            if self.fixed[i] != 0 {
                self.pinned[i] = self.position(i);
            }
        }
        self.sync_pins();
        self.initial_layout(schedule.unconstrained)?;
        if !self.constraints.is_empty() {
            self.install_projection(false);
        }
        self.descent.run(schedule.user_constraints)?;
        self.separate_components(schedule.center_graph);
        if self.options.avoid_overlaps {
            let mut xy = self.xy();
            make_feasible(&self.constraints, &mut xy, &self.sizes);
            self.set_xy(&xy);
            self.install_projection(true);
        }
        self.install_goal();
        self.descent.run(schedule.all_constraints)?;
        if schedule.grid_snap > 0 {
            let size = self
                .options
                .grid_snap_size
                .or_else(|| self.graph.nodes().first().and_then(|v| v.width));
            if let Some(size) = size.filter(|s| *s > 0.0) {
                self.descent.set_grid_snap(Some(GridSnap {
                    size: size as f32,
                    strength: 1000.0,
                    scale_by_max_h: !self.graph.groups().is_empty(),
                    nodes: n,
                }));
                self.descent
                    .model_mut()
                    .reweight(&self.graph, Weighting::GridSnap);
                self.descent.run(schedule.grid_snap)?;
            }
        }
        self.separate_components(schedule.center_graph);
        if schedule.keep_running {
            self.run_until_converged()
        } else {
            Ok(0)
        }
    }

    /// Projects every step onto the constraints (with `avoid_overlaps`, onto non-overlap
    /// and group constraints too), the fixed-relative offsets taken from the starting
    /// positions; pins synced.
    pub(super) fn install_projection(&mut self, avoid_overlaps: bool) {
        let p = Projection::new(
            &self.sizes,
            self.graph.groups(),
            &self.constraints,
            &self.initial_xy,
            avoid_overlaps,
        );
        self.descent.set_projection(Some(p));
        self.sync_pins();
    }

    /// The stress goal's weights (phase 3 on).
    pub(super) fn install_goal(&mut self) {
        let goal = match self.options.stress {
            StressMode::PStress => Weighting::PStress,
            StressMode::Full => Weighting::Full,
        };
        self.descent.model_mut().reweight(&self.graph, goal);
    }

    /// Phase 1. Without groups, plain iterations. With groups, WebCola's
    /// `initialLayout`: a layout of the graph plus one node per group linked to its
    /// members, with symmetric-difference lengths (ideal 5), whose node positions are
    /// copied over.
    fn initial_layout(&mut self, iterations: usize) -> Result<()> {
        let groups = self.graph.groups();
        if groups.is_empty() || iterations == 0 {
            return self.descent.run(iterations).map(|_| ());
        }
        let n = self.graph.node_count();
        let mut links: Vec<Link> = self
            .graph
            .links()
            .iter()
            .map(|l| Link::new(l.source, l.target))
            .collect();
        for (j, g) in groups.groups().iter().enumerate() {
            links.extend(g.leaves.iter().map(|&v| Link::new(n + j, v)));
            links.extend(g.groups.iter().map(|&c| Link::new(n + j, n + c)));
        }
        let flat = Graph::new(alloc::vec![Node::default(); n + groups.len()], links)?;
        let options = LayoutOptions {
            link_lengths: LinkLengths::SymmetricDiff { ideal: 5.0, w: 1.0 },
            convergence_threshold: 1e-4,
            avoid_overlaps: false,
            flow: None,
            ..self.options.clone()
        };
        let mut sub = Layout::<K>::new(flat, options)?;
        sub.start(Schedule {
            unconstrained: iterations,
            keep_running: false,
            ..Schedule::default()
        })?;
        let big_n = self.descent.node_count();
        let (sx, x) = (sub.descent.x(), self.descent.x_mut());
        let sub_n = n + groups.len();
        for i in 0..n {
            for d in 0..K {
                x[d * big_n + i] = sx[d * sub_n + i];
            }
        }
        Ok(())
    }

    /// WebCola's `separateOverlappingComponents`: packs components in x and y. Skipped
    /// when a page-boundary constraint pins the layout to absolute coordinates, or when
    /// the user fixed a node (WebCola would move it with its component).
    fn separate_components(&mut self, center_graph: bool) {
        let page = self
            .constraints
            .iter()
            .any(|c| matches!(c, UserConstraint::PageBoundary { .. }));
        let fixed = self.fixed.iter().any(|f| f & super::FIXED_USER != 0);
        if !self.options.handle_disconnected || page || fixed {
            return;
        }
        let mut p = self.xy();
        let opts = PackingOptions {
            size: self.options.size,
            default_node_size: self.options.default_node_size,
            desired_ratio: 1.0,
            center_graph,
        };
        packing::pack_components(&self.graph, &mut p, &opts);
        self.set_xy(&p);
    }
}
