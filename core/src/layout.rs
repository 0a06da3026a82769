//! The `Layout` driver: WebCola's defaults, phased `start`, `tick`, `stop` and `resume`,
//! and the one-shot [`layout`].

use alloc::vec::Vec;

use crate::constraints::{make_feasible, UserConstraint};
use crate::descent::{Descent, GridSnap, PairTable, Weighting};
use crate::error::{Error, Result};
use crate::graph::{Graph, Link, Node};
use crate::linklengths::{self, LinkLengths};
use crate::overlap::{Axis, Projection};
use crate::packing::{self, PackingOptions};
use crate::rect::Rectangle;

/// The stress goal of the final phase and of the ticks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum StressMode {
    /// WebCola's default: non-adjacent pairs only repel once they are closer than their
    /// ideal distance, which keeps clusters apart and gives a more open drawing.
    #[default]
    PStress,
    /// Every pair attracts and repels towards its ideal distance, as neato and libcola's
    /// full stress do. Lowest stress; clusters may sit closer together.
    Full,
}

/// Layout options. Defaults are WebCola's.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct LayoutOptions {
    /// Ideal length of a link without its own length, in layout units. Default 20.
    pub link_distance: f64,
    /// How link lengths are chosen. Default [`LinkLengths::Given`].
    pub link_lengths: LinkLengths,
    /// The stress goal. Default [`StressMode::PStress`].
    pub stress: StressMode,
    /// Ticks stop once the sum of squared node displacements of a tick falls below this
    /// (absolute, in squared layout units). Default 0.01.
    pub convergence_threshold: f64,
    /// Canvas `[width, height]`: nodes without a position start at its centre, and
    /// disconnected components are packed around its centre. Default `[1, 1]`.
    pub size: [f64; 2],
    /// Separate and pack disconnected components. Default true.
    pub handle_disconnected: bool,
    /// Box size of nodes without a width or height, for packing. Default 10.
    pub default_node_size: f64,
    /// Seed of the generator that spreads coincident nodes. Default 1, WebCola's.
    pub seed: u64,
    /// Upper bound on the ticks a run until convergence makes. WebCola has none; the
    /// default, 10 000, is far above what converging layouts need.
    pub max_ticks: usize,
    /// Keep node boxes (width × height) from overlapping, and groups from overlapping
    /// each other and non-members. Default false.
    pub avoid_overlaps: bool,
    /// Weight pulling each group's two dummy nodes together under P-stress. Default 1e-6.
    pub group_compactness: f64,
    /// WebCola's `flowLayout(axis, minSeparation)`: links point along `axis`, the target
    /// at least `min_separation` beyond the source, except inside cycles. Default none.
    pub flow: Option<Flow>,
    /// Grid spacing of the grid-snap phase. Default: the first node's width, as WebCola.
    pub grid_snap_size: Option<f64>,
}

/// Flow layout: directed links point along an axis.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Flow {
    /// The axis links point along (`Y`: downwards, `X`: rightwards).
    pub axis: Axis,
    /// Minimum distance from a link's source to its target along the axis.
    pub min_separation: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            link_distance: 20.0,
            link_lengths: LinkLengths::Given,
            stress: StressMode::PStress,
            convergence_threshold: 0.01,
            size: [1.0, 1.0],
            handle_disconnected: true,
            default_node_size: 10.0,
            seed: 1,
            max_ticks: 10_000,
            avoid_overlaps: false,
            group_compactness: 1e-6,
            flow: None,
            grid_snap_size: None,
        }
    }
}

impl LayoutOptions {
    fn validate(&self) -> Result<()> {
        linklengths::positive("convergence_threshold", self.convergence_threshold)?;
        linklengths::positive("size", self.size[0])?;
        linklengths::positive("size", self.size[1])?;
        linklengths::non_negative("group_compactness", self.group_compactness)?;
        if let Some(f) = self.flow {
            if !f.min_separation.is_finite() {
                return Err(Error::InvalidOption {
                    name: "flow.min_separation",
                    value: f.min_separation,
                });
            }
        }
        if let Some(g) = self.grid_snap_size {
            linklengths::positive("grid_snap_size", g)?;
        }
        linklengths::non_negative("default_node_size", self.default_node_size)
    }
}

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

/// What one [`Layout::tick`] did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    /// Alpha after the tick: the tick's displacement once two ticks have run, 0 at the end.
    pub alpha: f64,
    /// Sum of squared node displacements of the last iteration (what WebCola's tick
    /// event calls `stress`); `None` before any iteration.
    pub displacement: Option<f64>,
    /// True when alpha had fallen below the threshold, so no iteration ran
    /// (WebCola's `end` event).
    pub ended: bool,
}

/// What to drag: a node, or a whole group with everything in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragTarget {
    /// A node, by index.
    Node(usize),
    /// A group, by index.
    Group(usize),
}

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
}

impl<const K: usize> Layout<K> {
    /// Prepares a layout: link lengths, all-pairs ideal distances and the starting
    /// positions (the given ones; nodes without a position start at the canvas centre,
    /// `z = 0`, and are spread by the seeded generator on the first iteration). Groups
    /// and constraints come with the graph ([`Graph::with_groups`],
    /// [`Graph::with_constraints`]).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for an option out of range, [`Error::TooManyNodes`] when
    /// the pair tables do not fit in memory.
    pub fn new(graph: Graph, options: LayoutOptions) -> Result<Self> {
        const { assert!(K == 2 || K == 3, "Layout supports 2 or 3 dimensions") };
        options.validate()?;
        let lengths =
            linklengths::link_lengths(&graph, options.link_distance, options.link_lengths)?;
        let groups = graph.groups().len();
        let pairs = PairTable::with_groups(
            &graph,
            &lengths,
            Weighting::Unit,
            groups,
            options.group_compactness,
        )?;
        let n = graph.node_count();
        let big_n = n + 2 * groups;
        let mut x = alloc::vec![0.0f64; K * big_n];
        let centre = [options.size[0] / 2.0, options.size[1] / 2.0, 0.0];
        for (i, v) in graph.nodes().iter().enumerate() {
            let start = [
                v.x.unwrap_or(centre[0]),
                v.y.unwrap_or(centre[1]),
                v.z.unwrap_or(0.0),
            ];
            for d in 0..K {
                x[d * big_n + i] = start[d];
            }
        }
        for i in n..big_n {
            for d in 0..K {
                x[d * big_n + i] = centre[d];
            }
        }
        let initial_xy = (0..n).map(|i| [x[i], x[big_n + i]]).collect();
        let mut descent = Descent::new(x, pairs, options.seed)?;
        descent.threshold = options.convergence_threshold;
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
            pinned: alloc::vec![[0.0; K]; n],
            drag_offsets: alloc::vec![[0.0; 2]; n],
            alpha: None,
            last_stress: None,
            running: false,
            ticks: 0,
        })
    }

    /// WebCola's `start`: the phases of `schedule`, packing of components, and, with
    /// `keep_running`, ticks until converged. Each call restarts the displacement
    /// generator from the seed, as WebCola's fresh `Descent` does. Returns the number
    /// of ticks run.
    pub fn start(&mut self, schedule: Schedule) -> usize {
        let n = self.graph.node_count();
        self.descent.reseed(self.options.seed);
        self.descent.set_grid_snap(None);
        self.descent.set_projection(None);
        self.descent
            .pairs_mut()
            .reweight(&self.graph, Weighting::Unit);
        for i in 0..n {
            if self.fixed[i] != 0 {
                self.pinned[i] = self.position(i);
            }
        }
        self.sync_pins();
        self.initial_layout(schedule.unconstrained);
        if !self.constraints.is_empty() {
            self.install_projection(false);
        }
        self.descent.run(schedule.user_constraints);
        self.separate_components(schedule.center_graph);
        if self.options.avoid_overlaps {
            let mut xy = self.xy();
            make_feasible(&self.constraints, &mut xy, &self.sizes);
            self.set_xy(&xy);
            self.install_projection(true);
        }
        self.install_goal();
        self.descent.run(schedule.all_constraints);
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
                    .pairs_mut()
                    .reweight(&self.graph, Weighting::GridSnap);
                self.descent.run(schedule.grid_snap);
            }
        }
        self.separate_components(schedule.center_graph);
        if schedule.keep_running {
            self.run_until_converged()
        } else {
            0
        }
    }

    /// Replaces the graph (nodes, links, groups, constraints) while the layout runs,
    /// keeping what has been laid out: `previous[i]` is the index that node `i` of the
    /// new graph had in the old one, or `None` for a new node. Kept nodes stay exactly
    /// where they are (WebCola's `start()` would re-run its phases and re-pack, and the
    /// drawing would jump). A new node starts at its given position, or beside the
    /// mean of its kept neighbours, or at the canvas centre. No phases run and nothing
    /// is packed; the layout resumes ticking under the stress goal, with the same
    /// projection rules as after `start`.
    ///
    /// # Errors
    /// As [`Layout::new`]; [`Error::DimensionMismatch`] when `previous` does not have one
    /// entry per new node, [`Error::NodeOutOfRange`] when it names a missing old node.
    /// On error the layout is unchanged.
    pub fn update(&mut self, graph: Graph, previous: &[Option<usize>]) -> Result<()> {
        let (old_n, n) = (self.graph.node_count(), graph.node_count());
        if previous.len() != n {
            return Err(Error::DimensionMismatch {
                expected: n,
                found: previous.len(),
            });
        }
        if let Some(&node) = previous.iter().flatten().find(|&&i| i >= old_n) {
            return Err(Error::NodeOutOfRange {
                node,
                node_count: old_n,
            });
        }
        let old = self.positions();
        let mut next = Layout::<K>::new(graph, self.options.clone())?;
        let placed: Vec<Option<[f64; K]>> = previous.iter().map(|p| p.map(|i| old[i])).collect();
        for (i, v) in next.graph.nodes().iter().enumerate() {
            let p = match placed[i] {
                Some(p) => p,
                None if v.x.is_some() || v.y.is_some() => next.position(i),
                None => {
                    let around: Vec<[f64; K]> = next
                        .graph
                        .neighbours(i)
                        .iter()
                        .filter_map(|&u| placed[u as usize])
                        .collect();
                    if around.is_empty() {
                        next.position(i)
                    } else {
                        // Half a link from the neighbours' mean, in a seeded random
                        // direction per node, so new siblings do not coincide.
                        let mean: [f64; K] = core::array::from_fn(|d| {
                            around.iter().map(|p| p[d]).sum::<f64>() / around.len() as f64
                        });
                        let step = crate::rng::PseudoRandom::new(self.options.seed ^ i as u64)
                            .offset_dir::<K>(self.options.link_distance / 2.0);
                        core::array::from_fn(|d| mean[d] + step[d])
                    }
                }
            };
            let big_n = next.descent.node_count();
            let x = next.descent.x_mut();
            for d in 0..K {
                x[d * big_n + i] = p[d];
            }
        }
        for (i, p) in previous.iter().enumerate() {
            if let Some(j) = *p {
                next.fixed[i] = self.fixed[j];
                next.pinned[i] = self.pinned[j];
                next.drag_offsets[i] = self.drag_offsets[j];
            }
        }
        next.initial_xy = next.xy();
        next.ticks = self.ticks;
        if next.options.avoid_overlaps || !next.constraints.is_empty() {
            next.install_projection(next.options.avoid_overlaps);
        }
        next.install_goal();
        next.sync_pins();
        *self = next;
        self.resume();
        Ok(())
    }

    /// Projects every step onto the constraints (with `avoid_overlaps`, onto non-overlap
    /// and group constraints too), the fixed-relative offsets taken from the starting
    /// positions; pins synced.
    fn install_projection(&mut self, avoid_overlaps: bool) {
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
    fn install_goal(&mut self) {
        let goal = match self.options.stress {
            StressMode::PStress => Weighting::PStress,
            StressMode::Full => Weighting::Full,
        };
        self.descent.pairs_mut().reweight(&self.graph, goal);
    }

    /// Phase 1. Without groups, plain iterations. With groups, WebCola's
    /// `initialLayout`: a layout of the graph plus one node per group linked to its
    /// members, with symmetric-difference lengths (ideal 5), whose node positions are
    /// copied over.
    fn initial_layout(&mut self, iterations: usize) {
        let groups = self.graph.groups();
        if groups.is_empty() || iterations == 0 {
            self.descent.run(iterations);
            return;
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
        let Ok(flat) = Graph::new(alloc::vec![Node::default(); n + groups.len()], links) else {
            return;
        };
        let options = LayoutOptions {
            link_lengths: LinkLengths::SymmetricDiff { ideal: 5.0, w: 1.0 },
            convergence_threshold: 1e-4,
            avoid_overlaps: false,
            flow: None,
            ..self.options.clone()
        };
        let Ok(mut sub) = Layout::<K>::new(flat, options) else {
            return;
        };
        sub.start(Schedule {
            unconstrained: iterations,
            keep_running: false,
            ..Schedule::default()
        });
        let big_n = self.descent.node_count();
        let (sx, x) = (sub.descent.x(), self.descent.x_mut());
        let sub_n = n + groups.len();
        for i in 0..n {
            for d in 0..K {
                x[d * big_n + i] = sx[d * sub_n + i];
            }
        }
    }

    /// One iteration, unless alpha has fallen below the convergence threshold, in which
    /// case the layout ends (WebCola's `tick`).
    pub fn tick(&mut self) -> Tick {
        if let Some(a) = self.alpha {
            if a < self.options.convergence_threshold {
                self.running = false;
                self.alpha = Some(0.0);
                return Tick {
                    alpha: 0.0,
                    displacement: self.last_stress,
                    ended: true,
                };
            }
        }
        self.iterate()
    }

    /// Exactly `count` iterations with no convergence test (for benchmarks and fixed
    /// schedules). Returns the last tick.
    pub fn run_ticks(&mut self, count: usize) -> Tick {
        let mut last = Tick {
            alpha: self.alpha(),
            displacement: self.last_stress,
            ended: false,
        };
        for _ in 0..count {
            last = self.iterate();
        }
        last
    }

    /// [`Layout::resume`], then ticks until the layout ends or `max_ticks` iterations
    /// have run (WebCola's `resume()` with its synchronous `kick`). Returns the number
    /// of iterations run.
    pub fn run_until_converged(&mut self) -> usize {
        self.run_until_converged_with(|_, _| {})
    }

    /// [`Layout::run_until_converged`], calling `on_tick(ticks_so_far, &tick)` after each
    /// iteration (for progress reports).
    pub fn run_until_converged_with(&mut self, mut on_tick: impl FnMut(usize, &Tick)) -> usize {
        self.resume();
        let mut ran = 0;
        while ran < self.options.max_ticks {
            let tick = self.tick();
            if tick.ended {
                break;
            }
            ran += 1;
            on_tick(ran, &tick);
        }
        ran
    }

    fn iterate(&mut self) -> Tick {
        let s = self.descent.runge_kutta();
        self.hold_dragged();
        self.ticks += 1;
        if s == 0.0 {
            self.alpha = Some(0.0);
        } else if self.last_stress.is_some() {
            self.alpha = Some(s);
        }
        self.last_stress = Some(s);
        Tick {
            alpha: self.alpha(),
            displacement: Some(s),
            ended: false,
        }
    }

    /// WebCola's `resume()`: alpha back to 0.1 so that ticks run again.
    pub fn resume(&mut self) {
        self.alpha = Some(0.1);
        self.running = true;
    }

    /// WebCola's `stop()`: the next tick ends the layout.
    pub fn stop(&mut self) {
        if self.alpha.is_some_and(|a| a != 0.0) {
            self.alpha = Some(0.0);
        }
    }

    /// Current alpha (0 before the first start and after the end).
    #[must_use]
    pub fn alpha(&self) -> f64 {
        self.alpha.unwrap_or(0.0)
    }

    /// True between `resume` (or `start` with `keep_running`) and the end.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Iterations run by `tick` and `run_ticks` so far (phase iterations not counted).
    #[must_use]
    pub fn ticks(&self) -> usize {
        self.ticks
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

    /// Writes node positions node-major into `out`: `out[i * K + d]`.
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] if `out.len() != K * node_count`.
    pub fn positions_into(&self, out: &mut [f64]) -> Result<()> {
        let n = self.graph.node_count();
        if out.len() != K * n {
            return Err(Error::DimensionMismatch {
                expected: K * n,
                found: out.len(),
            });
        }
        for i in 0..n {
            out[i * K..(i + 1) * K].copy_from_slice(&self.position(i));
        }
        Ok(())
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

    /// Starts dragging a node or group (WebCola's `dragStart`): it is held where it is,
    /// with weight 1000 in the projection, until [`Layout::drag_end`].
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node or group.
    pub fn drag_start(&mut self, target: DragTarget) -> Result<()> {
        let origin = self.drag_origin(target)?;
        for i in self.drag_members(target)? {
            self.fixed[i] |= FIXED_DRAG;
            self.pinned[i] = self.position(i);
            let p = self.position(i);
            self.drag_offsets[i] = [p[0] - origin[0], p[1] - origin[1]];
        }
        self.sync_pins();
        Ok(())
    }

    /// Moves a dragged node (its centre) or group (its box centre) to `to`, and resumes
    /// the layout so that the rest settles around it (as WebCola's adaptors do). After
    /// each tick, dragged nodes sit exactly where they are held.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node or group;
    /// [`Error::NonFiniteCoordinate`] for a non-finite `to`.
    pub fn drag(&mut self, target: DragTarget, to: [f64; 2]) -> Result<()> {
        if !(to[0].is_finite() && to[1].is_finite()) {
            return Err(Error::NonFiniteCoordinate {
                node: self.target_index(target),
            });
        }
        for i in self.drag_members(target)? {
            let off = if matches!(target, DragTarget::Group(_)) {
                self.drag_offsets[i]
            } else {
                [0.0; 2]
            };
            self.pinned[i][0] = to[0] + off[0];
            self.pinned[i][1] = to[1] + off[1];
        }
        self.sync_pins();
        if !self.running || self.alpha() < self.options.convergence_threshold {
            self.resume();
        }
        Ok(())
    }

    /// Ends a drag (WebCola's `dragEnd`): the node or group is free again, unless the
    /// user fixed it.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node or group.
    pub fn drag_end(&mut self, target: DragTarget) -> Result<()> {
        for i in self.drag_members(target)? {
            self.fixed[i] &= !FIXED_DRAG;
        }
        self.sync_pins();
        Ok(())
    }

    /// Puts nodes being dragged exactly where they are held. (WebCola only pulls them
    /// there with its lock spring, so a node lags its pointer by the neighbours' pull;
    /// nodes fixed by the user keep that spring.)
    fn hold_dragged(&mut self) {
        let big_n = self.descent.node_count();
        for i in 0..self.graph.node_count() {
            if self.fixed[i] & FIXED_DRAG != 0 {
                let p = self.pinned[i];
                let x = self.descent.x_mut();
                for d in 0..K {
                    x[d * big_n + i] = p[d];
                }
            }
        }
    }

    fn target_index(&self, target: DragTarget) -> usize {
        match target {
            DragTarget::Node(i) | DragTarget::Group(i) => i,
        }
    }

    fn drag_members(&self, target: DragTarget) -> Result<Vec<usize>> {
        match target {
            DragTarget::Node(i) if i < self.graph.node_count() => Ok(alloc::vec![i]),
            DragTarget::Group(j) if j < self.graph.groups().len() => {
                Ok(self.graph.groups().members(j))
            }
            DragTarget::Node(i) => Err(Error::NodeOutOfRange {
                node: i,
                node_count: self.graph.node_count(),
            }),
            DragTarget::Group(j) => Err(Error::NodeOutOfRange {
                node: j,
                node_count: self.graph.groups().len(),
            }),
        }
    }

    fn drag_origin(&self, target: DragTarget) -> Result<[f64; 2]> {
        match target {
            DragTarget::Group(j) if j < self.graph.groups().len() => {
                let b = self.group_bounds()[j];
                Ok([b.cx(), b.cy()])
            }
            DragTarget::Node(i) if i < self.graph.node_count() => {
                let p = self.position(i);
                Ok([p[0], p[1]])
            }
            _ => self.drag_members(target).map(|_| [0.0; 2]),
        }
    }

    /// Locks and projection pins from the `fixed` bits (WebCola's per-tick lock setup).
    fn sync_pins(&mut self) {
        self.descent.clear_locks();
        for i in 0..self.graph.node_count() {
            let pin = (self.fixed[i] != 0).then_some(self.pinned[i]);
            if let Some(p) = pin {
                // In range by construction.
                let _ = self.descent.lock(i, p);
            }
            if let Some(proj) = self.descent.projection_mut() {
                proj.set_pinned(i, pin.map(|p| [p[0], p[1]]));
            }
        }
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
    /// `computeStress` without the pairs of group dummy nodes.
    #[must_use]
    pub fn stress(&self) -> f64 {
        let pairs = self.descent.pairs();
        let (big_n, n) = (self.descent.node_count(), self.graph.node_count());
        crate::kernels::stress::<K>(
            big_n,
            n,
            self.descent.x(),
            pairs.ideal_buffer(),
            pairs.weight_buffer(),
            false,
        )
    }

    /// P-stress over pairs of nodes: the stress WebCola's final phase minimises
    /// (non-adjacent pairs count only when closer than their ideal distance).
    #[must_use]
    pub fn p_stress(&self) -> f64 {
        let pairs = self.descent.pairs();
        let weights;
        let w = if pairs.weighting() == Weighting::PStress {
            pairs.weight_buffer()
        } else {
            weights = pairs.weights_for(&self.graph, Weighting::PStress);
            &weights
        };
        let (big_n, n) = (self.descent.node_count(), self.graph.node_count());
        crate::kernels::stress::<K>(big_n, n, self.descent.x(), pairs.ideal_buffer(), w, true)
    }

    /// Scale-normalised stress on the largest component
    /// ([`crate::metrics::scale_normalised_stress`]).
    #[must_use]
    pub fn scale_normalised_stress(&self) -> f64 {
        let mut p = alloc::vec![0.0; K * self.graph.node_count()];
        // Length matches by construction.
        let _ = self.positions_into(&mut p);
        crate::metrics::scale_normalised_stress(&self.graph, &p, K)
    }

    /// WebCola's `separateOverlappingComponents`: packs components in x and y. Skipped
    /// when a page-boundary constraint pins the layout to absolute coordinates.
    fn separate_components(&mut self, center_graph: bool) {
        let page = self
            .constraints
            .iter()
            .any(|c| matches!(c, UserConstraint::PageBoundary { .. }));
        if !self.options.handle_disconnected || page {
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

/// Summary of a one-shot layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutStats {
    /// Ticks run after the phases.
    pub ticks: usize,
    /// Unweighted stress ([`Layout::stress`]).
    pub stress: f64,
    /// P-stress ([`Layout::p_stress`]).
    pub p_stress: f64,
}

/// Lays out `graph` in 2-D with WebCola's `start()`: runs to convergence and returns one
/// `[x, y]` per node.
///
/// # Errors
/// As [`Layout::new`].
pub fn layout(graph: &Graph, options: &LayoutOptions) -> Result<Vec<[f64; 2]>> {
    let mut l = Layout::<2>::new(graph.clone(), options.clone())?;
    l.start(Schedule::default());
    Ok(l.positions())
}

/// Lays out `graph` in `K` dimensions with `schedule`, writing positions node-major into
/// `out` (`out[i * K + d]`), the form the frontends use.
///
/// # Errors
/// As [`Layout::new`], and [`Error::DimensionMismatch`] for a wrong `out` length.
pub fn layout_into<const K: usize>(
    graph: &Graph,
    options: &LayoutOptions,
    schedule: Schedule,
    out: &mut [f64],
) -> Result<LayoutStats> {
    if out.len() != K * graph.node_count() {
        return Err(Error::DimensionMismatch {
            expected: K * graph.node_count(),
            found: out.len(),
        });
    }
    let mut l = Layout::<K>::new(graph.clone(), options.clone())?;
    let ticks = l.start(schedule);
    l.positions_into(out)?;
    Ok(LayoutStats {
        ticks,
        stress: l.stress(),
        p_stress: l.p_stress(),
    })
}
