//! The `Layout` driver: WebCola's defaults, phased `start`, `tick`, `stop` and `resume`,
//! and the one-shot [`layout`].

use alloc::vec::Vec;

use crate::descent::{Descent, PairTable, Weighting};
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::linklengths::{self, LinkLengths};
use crate::packing::{self, PackingOptions};

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
        }
    }
}

impl LayoutOptions {
    fn validate(&self) -> Result<()> {
        linklengths::positive("convergence_threshold", self.convergence_threshold)?;
        linklengths::positive("size", self.size[0])?;
        linklengths::positive("size", self.size[1])?;
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
    alpha: Option<f64>,
    last_stress: Option<f64>,
    running: bool,
    ticks: usize,
}

impl<const K: usize> Layout<K> {
    /// Prepares a layout: link lengths, all-pairs ideal distances and the starting
    /// positions (the given ones; nodes without a position start at the canvas centre,
    /// `z = 0`, and are spread by the seeded generator on the first iteration).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for an option out of range, [`Error::TooManyNodes`] when
    /// the pair tables do not fit in memory.
    pub fn new(graph: Graph, options: LayoutOptions) -> Result<Self> {
        const { assert!(K == 2 || K == 3, "Layout supports 2 or 3 dimensions") };
        options.validate()?;
        let lengths =
            linklengths::link_lengths(&graph, options.link_distance, options.link_lengths)?;
        let pairs = PairTable::new(&graph, &lengths, Weighting::Unit)?;
        let n = graph.node_count();
        let mut x = alloc::vec![0.0f32; K * n];
        for (i, v) in graph.nodes().iter().enumerate() {
            let start = [
                v.x.unwrap_or(options.size[0] / 2.0),
                v.y.unwrap_or(options.size[1] / 2.0),
                v.z.unwrap_or(0.0),
            ];
            for d in 0..K {
                x[d * n + i] = start[d] as f32;
            }
        }
        let mut descent = Descent::new(x, pairs, options.seed)?;
        descent.threshold = options.convergence_threshold;
        Ok(Self {
            graph,
            options,
            descent,
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
        self.descent
            .pairs_mut()
            .reweight(&self.graph, Weighting::Unit);
        self.descent.clear_locks();
        for (i, v) in self.graph.nodes().iter().enumerate() {
            if v.fixed {
                let x = self.descent.x();
                let p = core::array::from_fn(|d| x[d * n + i]);
                // In range by construction.
                let _ = self.descent.lock(i, p);
            }
        }
        self.descent.run(schedule.unconstrained);
        self.descent.run(schedule.user_constraints);
        self.separate_components(schedule.center_graph);
        let goal = match self.options.stress {
            StressMode::PStress => Weighting::PStress,
            StressMode::Full => Weighting::Full,
        };
        self.descent.pairs_mut().reweight(&self.graph, goal);
        self.descent.run(schedule.all_constraints);
        self.separate_components(schedule.center_graph);
        if schedule.keep_running {
            self.run_until_converged()
        } else {
            0
        }
    }

    /// [`Layout::resume`], then ticks until the layout ends or `max_ticks` iterations
    /// have run (WebCola's `resume()` with its synchronous `kick`). Returns the number
    /// of iterations run.
    pub fn run_until_converged(&mut self) -> usize {
        self.resume();
        let mut ran = 0;
        while ran < self.options.max_ticks && !self.tick().ended {
            ran += 1;
        }
        ran
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

    fn iterate(&mut self) -> Tick {
        let s = self.descent.runge_kutta();
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

    /// The underlying descent.
    #[must_use]
    pub fn descent(&self) -> &Descent<K> {
        &self.descent
    }

    /// Node positions, one `[x, y]` (or `[x, y, z]`) per node.
    #[must_use]
    pub fn positions(&self) -> Vec<[f64; K]> {
        let n = self.graph.node_count();
        let x = self.descent.x();
        (0..n)
            .map(|i| core::array::from_fn(|d| f64::from(x[d * n + i])))
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
        let x = self.descent.x();
        for i in 0..n {
            for d in 0..K {
                out[i * K + d] = f64::from(x[d * n + i]);
            }
        }
        Ok(())
    }

    /// Unweighted stress over reachable pairs, in layout units: WebCola's `computeStress`.
    #[must_use]
    pub fn stress(&self) -> f64 {
        self.descent.stress()
    }

    /// P-stress: the stress WebCola's final phase minimises (non-adjacent pairs count
    /// only when closer than their ideal distance).
    #[must_use]
    pub fn p_stress(&self) -> f64 {
        let pairs = self.descent.pairs();
        let n = self.graph.node_count();
        let weights;
        let w = if pairs.weighting() == Weighting::PStress {
            pairs.weight_buffer()
        } else {
            weights = pairs.weights_for(&self.graph, Weighting::PStress);
            &weights
        };
        crate::kernels::stress::<K>(n, self.descent.x(), pairs.ideal_buffer(), w, true)
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

    /// WebCola's `separateOverlappingComponents`: packs components in x and y.
    fn separate_components(&mut self, center_graph: bool) {
        if !self.options.handle_disconnected {
            return;
        }
        let n = self.graph.node_count();
        let x = self.descent.x_mut();
        let mut p: Vec<[f64; 2]> = (0..n)
            .map(|i| [f64::from(x[i]), f64::from(x[n + i])])
            .collect();
        let opts = PackingOptions {
            size: self.options.size,
            default_node_size: self.options.default_node_size,
            desired_ratio: 1.0,
            center_graph,
        };
        packing::pack_components(&self.graph, &mut p, &opts);
        for (i, q) in p.iter().enumerate() {
            x[i] = q[0] as f32;
            x[n + i] = q[1] as f32;
        }
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
