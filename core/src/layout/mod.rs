//! The `Layout` driver: WebCola's phased `start`, `tick`, `stop` and `resume`, drags,
//! incremental updates, and the one-shot [`layout`].

mod drag;
mod dynamic;
mod feasible;
mod oneshot;
mod options;
mod phases;
pub mod ranges;
mod ticks;
mod update;

use alloc::vec::Vec;

pub use drag::DragTarget;
pub use dynamic::DynLayout;
pub use oneshot::{layout, layout_edges, layout_into, LayoutStats};
pub use options::{Flow, LayoutOptions, StressMode};
pub use phases::Schedule;
pub use ticks::Tick;

use crate::constraints::UserConstraint;
use crate::error::{Error, Result};
use crate::geom::{Axis, Rectangle};
use crate::graph::Graph;
use crate::linklengths;
use crate::stress::{Descent, Model, PairTable, Solver, SparseModel, Weighting};

/// A user (or flow) constraint that does not hold in the current layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Violation {
    /// Index into [`Layout::constraints`]: the graph's constraints, then the flow
    /// constraints.
    pub constraint: usize,
    /// The axis on which it fails.
    pub axis: Axis,
    /// By how much, in layout units.
    pub amount: f64,
}

/// The tolerance, in layout units, under which the frontends report a constraint as
/// holding or two boxes as apart, unless asked for another
/// ([`Layout::unsatisfied`], [`Layout::overlapping_nodes`]).
pub const REPORT_TOLERANCE: f64 = 1e-3;

/// Node `fixed` bits, as WebCola's: 1 = fixed by the user, 2 = being dragged.
const FIXED_USER: u8 = 1;
const FIXED_DRAG: u8 = 2;

/// A WebCola layout of a graph in `K` dimensions (2 or 3).
///
/// ```
/// use colayout::{Graph, Layout, LayoutOptions, Schedule};
/// let graph = Graph::from_edges(4, [(0, 1), (1, 2), (2, 3)]).unwrap();
/// let mut layout = Layout::<2>::new(graph, LayoutOptions::default()).unwrap();
/// layout.start(Schedule::iterations(10, 0, 10));
/// let p = layout.positions();
/// let d = ((p[0][0] - p[1][0]).powi(2) + (p[0][1] - p[1][1]).powi(2)).sqrt();
/// assert!((d - 20.0).abs() < 0.5, "a path's links get their ideal length, 20");
/// ```
#[derive(Clone, Debug)]
pub struct Layout<const K: usize = 2> {
    graph: Graph,
    options: LayoutOptions,
    descent: Descent<K>,
    /// The graph's constraints, then the flow constraints.
    constraints: Vec<UserConstraint>,
    /// Node sizes `[width, height]`, 0 when absent.
    sizes: Vec<[f64; 2]>,
    /// WebCola's `fixed` bits per node.
    fixed: Vec<u8>,
    /// Where fixed nodes are held (WebCola's `px, py`, and z).
    pinned: Vec<[f64; K]>,
    /// Offsets of dragged group members from the drag origin.
    drag_offsets: Vec<[f64; 2]>,
    /// Node `[x, y]` when the layout was made: fixed-relative constraints keep their offsets.
    initial_xy: Vec<[f64; 2]>,
    alpha: Option<f64>,
    last_stress: Option<f64>,
    running: bool,
    ticks: usize,
    /// Ticks since the last start or resume, against `max_ticks`.
    since_resume: usize,
    /// The last end came from `max_ticks`.
    capped: bool,
    /// Lowest tick displacement since the last resume, and ticks since it (see
    /// `LayoutOptions::damp_after`); the damping itself is the descent's step scale.
    lowest: f64,
    stale: usize,
}

impl<const K: usize> Layout<K> {
    /// Prepares a layout: link lengths, all-pairs ideal distances and the starting
    /// positions (the given ones; nodes without a position start at the canvas centre,
    /// `z = 0`, and are spread by the seeded generator on the first iteration). Groups
    /// and constraints come with the graph ([`Graph::with_groups`],
    /// [`Graph::with_constraints`]).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for an option out of its domain, [`Error::OutOfRange`]
    /// for a value outside [`ranges`], [`Error::NodeInTwoGroups`] for a node in two
    /// groups that do not nest without [`LayoutOptions::overlapping_groups`], and
    /// [`Error::TooManyNodes`] when the stress model [`LayoutOptions::pivots`] chooses
    /// needs more than [`LayoutOptions::memory_limit`] (checked before it is
    /// allocated). Nodes without a position start, with the sparse model, at their
    /// pivot-MDS position around the canvas centre.
    pub fn new(graph: Graph, options: LayoutOptions) -> Result<Self> {
        const { assert!(K == 2 || K == 3, "Layout supports 2 or 3 dimensions") };
        options.validate()?;
        if let Some((node, groups)) = graph.groups().first_shared_node() {
            if !options.overlapping_groups {
                return Err(Error::NodeInTwoGroups { node, groups });
            }
        }
        let groups = graph.groups().len();
        let n = graph.node_count();
        let big_n = n + 2 * groups;
        let (pivots, _) = options.pivots.resolve(
            big_n,
            graph.link_count(),
            K,
            options.solver == Solver::Sgd,
            options.memory_limit,
        )?;
        let lengths =
            linklengths::link_lengths(&graph, options.link_distance, options.link_lengths)?;
        ranges::check(&graph, &options, &lengths)?;
        let (model, start): (Model, _) = if pivots == 0 {
            let pairs = PairTable::with_groups(
                &graph,
                &lengths,
                Weighting::Unit,
                groups,
                options.group_compactness,
            )?;
            (pairs.into(), None)
        } else {
            let (m, start) = SparseModel::new::<K>(
                &graph,
                &lengths,
                pivots,
                groups,
                options.group_compactness,
                options.seed,
            )?;
            (m.into(), Some(start))
        };
        ranges::check_distance(model.max_d())?;
        let mut x = alloc::vec![0.0f64; K * big_n];
        let centre = [options.size[0] / 2.0, options.size[1] / 2.0, 0.0];
        for (i, v) in graph.nodes().iter().enumerate() {
            let given = [v.x, v.y, v.z];
            for d in 0..K {
                let mds = start.as_ref().map_or(0.0, |s| s[d * n + i]);
                x[d * big_n + i] = given[d].unwrap_or(centre[d] + mds);
            }
        }
        for i in n..big_n {
            for d in 0..K {
                x[d * big_n + i] = centre[d];
            }
        }
        let initial_xy = (0..n).map(|i| [x[i], x[big_n + i]]).collect();
        let pinned = (0..n)
            .map(|i| core::array::from_fn(|d| x[d * big_n + i]))
            .collect();
        let mut descent = Descent::new(x, model, options.seed)?;
        descent.threshold = options.convergence_threshold;
        descent.set_solver(options.solver);
        descent.set_sgd_schedule(options.sgd_schedule);
        let mut constraints = graph.constraints().to_vec();
        if let Some(f) = options.flow {
            constraints.extend(linklengths::generate_directed_edge_constraints(
                &graph,
                f.axis,
                f.min_separation,
            ));
        }
        let sizes = graph
            .nodes()
            .iter()
            .map(|v| [v.width.unwrap_or(0.0), v.height.unwrap_or(0.0)])
            .collect();
        let fixed = graph
            .nodes()
            .iter()
            .map(|v| if v.fixed { FIXED_USER } else { 0 })
            .collect();
        Ok(Self {
            initial_xy,
            graph,
            options,
            descent,
            constraints,
            sizes,
            fixed,
            pinned,
            drag_offsets: alloc::vec![[0.0; 2]; n],
            alpha: None,
            last_stress: None,
            running: false,
            ticks: 0,
            since_resume: 0,
            capped: false,
            lowest: f64::INFINITY,
            stale: 0,
        })
    }

    /// The graph.
    #[must_use]
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// The options.
    #[must_use]
    pub fn options(&self) -> &LayoutOptions {
        &self.options
    }

    /// The constraints in force: the graph's, then those of flow layout.
    #[must_use]
    pub fn constraints(&self) -> &[UserConstraint] {
        &self.constraints
    }

    /// The underlying descent. Its nodes are the graph's, then two dummy nodes per group.
    #[must_use]
    pub fn descent(&self) -> &Descent<K> {
        &self.descent
    }

    fn position(&self, i: usize) -> [f64; K] {
        let big_n = self.descent.node_count();
        let x = self.descent.x();
        core::array::from_fn(|d| x[d * big_n + i])
    }

    /// Node positions, one `[x, y]` (or `[x, y, z]`) per node.
    #[must_use]
    pub fn positions(&self) -> Vec<[f64; K]> {
        (0..self.graph.node_count())
            .map(|i| self.position(i))
            .collect()
    }

    /// The node count, when `len` is `K` coordinates per node.
    fn check_out_len(&self, len: usize) -> Result<usize> {
        let n = self.graph.node_count();
        if len == K * n {
            Ok(n)
        } else {
            Err(Error::DimensionMismatch {
                expected: K * n,
                found: len,
            })
        }
    }

    /// Writes node positions node-major into `out`: `out[i * K + d]`.
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] if `out.len() != K * node_count`.
    pub fn positions_into(&self, out: &mut [f64]) -> Result<()> {
        let n = self.check_out_len(out.len())?;
        for i in 0..n {
            out[i * K..(i + 1) * K].copy_from_slice(&self.position(i));
        }
        Ok(())
    }

    /// [`Layout::positions_into`], rounded to `f32` (for renderers and GPU buffers).
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] if `out.len() != K * node_count`.
    pub fn positions_into_f32(&self, out: &mut [f32]) -> Result<()> {
        let n = self.check_out_len(out.len())?;
        for i in 0..n {
            let p = self.position(i);
            for d in 0..K {
                out[i * K + d] = p[d] as f32;
            }
        }
        Ok(())
    }

    /// One route per link at the current positions, in link order, for drawing:
    /// [`crate::routing::route_edges`] over [`Layout::node_bounds`].
    ///
    /// # Errors
    /// As [`crate::routing::route_edges`].
    pub fn routes(
        &self,
        options: &crate::routing::RouteOptions,
    ) -> Result<Vec<Vec<crate::geom::Point>>> {
        let links: Vec<(usize, usize)> = self
            .graph
            .links()
            .iter()
            .map(|l| (l.source, l.target))
            .collect();
        crate::routing::route_edges(&self.node_bounds(), &links, options)
    }

    /// WebCola's `prepareEdgeRouting(nodeMargin)`: a router over the node boxes at the
    /// current positions, each shrunk by `node_margin` (boxes that would vanish become
    /// points), routing with no further clearance; `route` is then `routeEdge`.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for a `node_margin` that is not finite.
    pub fn edge_router(&self, node_margin: f64) -> Result<crate::routing::EdgeRouter> {
        if !node_margin.is_finite() {
            return Err(Error::InvalidOption {
                name: "node_margin",
                value: node_margin,
            });
        }
        let boxes = self
            .node_bounds()
            .iter()
            .map(|b| {
                let s = node_margin.min(b.width() / 2.0).min(b.height() / 2.0);
                b.inflate(-s)
            })
            .collect();
        crate::routing::EdgeRouter::new(boxes, 0.0)
    }

    /// Node boxes at their current positions (zero-size boxes for nodes without a size).
    #[must_use]
    pub fn node_bounds(&self) -> Vec<Rectangle> {
        (0..self.graph.node_count())
            .map(|i| {
                let p = self.position(i);
                Rectangle::centred(p[0], p[1], self.sizes[i][0], self.sizes[i][1])
            })
            .collect()
    }

    /// Pairs `(i, j)`, `i < j`, of nodes whose boxes overlap by more than `tolerance` in
    /// both x and y. With `avoid_overlaps` there should be none; nodes that could not be
    /// separated (for example against fixed nodes or infeasible constraints) are
    /// reported here.
    #[must_use]
    pub fn overlapping_nodes(&self, tolerance: f64) -> Vec<(usize, usize)> {
        crate::metrics::overlapping_boxes(&self.node_bounds(), tolerance)
    }

    /// Group outlines for drawing: [`GroupTree::hulls`](crate::constraints::GroupTree::hulls)
    /// at the current positions.
    #[must_use]
    pub fn group_hulls(&self) -> Vec<Vec<crate::geom::Point>> {
        self.graph.groups().hulls(&self.node_bounds())
    }

    /// Group boxes: the union of their members' boxes, grown by their padding.
    #[must_use]
    pub fn group_bounds(&self) -> Vec<Rectangle> {
        self.graph.groups().bounds(&self.node_bounds())
    }

    /// The constraints that do not hold within `tolerance` (layout units) at the current
    /// positions, or that the solver found unsatisfiable. An infeasible set is reported
    /// here while the layout still returns its best positions.
    #[must_use]
    pub fn unsatisfied(&self, tolerance: f64) -> Vec<Violation> {
        let Some(p) = self.descent.projection() else {
            return Vec::new();
        };
        p.violations(&self.xy(), tolerance)
            .into_iter()
            .map(|(constraint, axis, amount)| Violation {
                constraint,
                axis,
                amount,
            })
            .collect()
    }

    /// Node `[x, y]`.
    fn xy(&self) -> Vec<[f64; 2]> {
        self.positions().iter().map(|p| [p[0], p[1]]).collect()
    }

    fn set_xy(&mut self, xy: &[[f64; 2]]) {
        let big_n = self.descent.node_count();
        let x = self.descent.x_mut();
        for (i, p) in xy.iter().enumerate() {
            x[i] = p[0];
            x[big_n + i] = p[1];
        }
    }

    /// Unweighted stress over reachable pairs of nodes, in layout units: WebCola's
    /// `computeStress` without the pairs of group dummy nodes (with the sparse model,
    /// over its terms).
    #[must_use]
    pub fn stress(&self) -> f64 {
        let n = self.graph.node_count();
        self.descent.model().stress::<K>(self.descent.x(), n)
    }

    /// P-stress over pairs of nodes: the stress WebCola's final phase minimises
    /// (non-adjacent pairs count only when closer than their ideal distance).
    #[must_use]
    pub fn p_stress(&self) -> f64 {
        let n = self.graph.node_count();
        self.descent
            .model()
            .p_stress::<K>(&self.graph, self.descent.x(), n)
    }

    /// Scale-normalised stress on the largest component
    /// ([`crate::metrics::scale_normalised_stress`]); past
    /// [`crate::metrics::EXACT_SN_NODES`] (20 000) nodes, the estimate from 300 sampled
    /// sources ([`crate::metrics::sampled_scale_normalised_stress`], seed 1).
    #[must_use]
    pub fn scale_normalised_stress(&self) -> f64 {
        let mut p = alloc::vec![0.0; K * self.graph.node_count()];
        // Length matches by construction.
        let _ = self.positions_into(&mut p);
        if self.graph.node_count() > crate::metrics::EXACT_SN_NODES {
            crate::metrics::sampled_scale_normalised_stress(
                &self.graph,
                &p,
                K,
                crate::metrics::SN_SAMPLE_SOURCES,
                1,
            )
        } else {
            crate::metrics::scale_normalised_stress(&self.graph, &p, K)
        }
    }
}
