//! [`DynLayout`]: a layout whose dimension (2 or 3) is chosen at run time, the handle
//! the C, Python and Wasm frontends hold.

use alloc::vec::Vec;

use super::{DragTarget, Layout, LayoutOptions, Schedule, Tick, Violation};
use crate::constraints::UserConstraint;
use crate::error::{Error, Result};
use crate::geom::Rectangle;
use crate::graph::Graph;

/// A [`Layout`] in 2 or 3 dimensions, chosen at run time. Positions come out
/// node-major, `[x0, y0, x1, y1, ...]` (or `[x0, y0, z0, ...]`), `dims()` per node.
///
/// ```
/// use colayout::{DynLayout, Graph, LayoutOptions, Schedule};
/// let graph = Graph::from_edges(3, [(0, 1), (1, 2)])?;
/// let mut layout = DynLayout::new(graph, LayoutOptions::default(), 3)?;
/// layout.start(Schedule::default())?;
/// let mut xyz = vec![0.0; 3 * 3];
/// layout.positions_into(&mut xyz)?;
/// assert!(xyz.iter().all(|v| v.is_finite()));
/// # Ok::<(), colayout::Error>(())
/// ```
#[derive(Clone, Debug)]
pub enum DynLayout {
    /// A 2-D layout.
    D2(Layout<2>),
    /// A 3-D layout (WebCola's `Layout3D` meaning).
    D3(Layout<3>),
}

/// Calls `$body` with `$l` bound to the inner layout, whatever its dimension.
macro_rules! each {
    ($self:expr, $l:ident => $body:expr) => {
        match $self {
            DynLayout::D2($l) => $body,
            DynLayout::D3($l) => $body,
        }
    };
}

impl DynLayout {
    /// A layout of `graph` in `dims` dimensions (see [`Layout::new`]).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (`dims`) unless `dims` is 2 or 3; as [`Layout::new`].
    pub fn new(graph: Graph, options: LayoutOptions, dims: usize) -> Result<Self> {
        match dims {
            2 => Layout::new(graph, options).map(DynLayout::D2),
            3 => Layout::new(graph, options).map(DynLayout::D3),
            _ => Err(Error::InvalidOption {
                name: "dims",
                value: dims as f64,
            }),
        }
    }

    /// 2 or 3.
    #[must_use]
    pub fn dims(&self) -> usize {
        match self {
            DynLayout::D2(_) => 2,
            DynLayout::D3(_) => 3,
        }
    }

    /// [`Layout::start`].
    ///
    /// # Errors
    /// As [`Layout::start`].
    pub fn start(&mut self, schedule: Schedule) -> Result<usize> {
        each!(self, l => l.start(schedule))
    }

    /// [`Layout::tick`].
    ///
    /// # Errors
    /// As [`Layout::tick`].
    pub fn tick(&mut self) -> Result<Tick> {
        each!(self, l => l.tick())
    }

    /// [`Layout::run_ticks`].
    ///
    /// # Errors
    /// As [`Layout::run_ticks`].
    pub fn run_ticks(&mut self, count: usize) -> Result<Tick> {
        each!(self, l => l.run_ticks(count))
    }

    /// [`Layout::run_until_converged`].
    ///
    /// # Errors
    /// As [`Layout::run_until_converged`].
    pub fn run_until_converged(&mut self) -> Result<usize> {
        each!(self, l => l.run_until_converged())
    }

    /// [`Layout::run_until_converged_with`].
    ///
    /// # Errors
    /// As [`Layout::run_until_converged_with`].
    pub fn run_until_converged_with(&mut self, on_tick: impl FnMut(usize, &Tick)) -> Result<usize> {
        each!(self, l => l.run_until_converged_with(on_tick))
    }

    /// [`Layout::stop`].
    pub fn stop(&mut self) {
        each!(self, l => l.stop());
    }

    /// [`Layout::resume`].
    pub fn resume(&mut self) {
        each!(self, l => l.resume());
    }

    /// [`Layout::make_feasible`].
    pub fn make_feasible(&mut self) {
        each!(self, l => l.make_feasible());
    }

    /// [`Layout::alpha`].
    #[must_use]
    pub fn alpha(&self) -> f64 {
        each!(self, l => l.alpha())
    }

    /// [`Layout::is_running`].
    #[must_use]
    pub fn is_running(&self) -> bool {
        each!(self, l => l.is_running())
    }

    /// [`Layout::ticks`].
    #[must_use]
    pub fn ticks(&self) -> usize {
        each!(self, l => l.ticks())
    }

    /// [`Layout::reached_max_ticks`].
    #[must_use]
    pub fn reached_max_ticks(&self) -> bool {
        each!(self, l => l.reached_max_ticks())
    }

    /// [`Layout::graph`].
    #[must_use]
    pub fn graph(&self) -> &Graph {
        each!(self, l => l.graph())
    }

    /// [`Layout::options`].
    #[must_use]
    pub fn options(&self) -> &LayoutOptions {
        each!(self, l => l.options())
    }

    /// [`Layout::constraints`].
    #[must_use]
    pub fn constraints(&self) -> &[UserConstraint] {
        each!(self, l => l.constraints())
    }

    /// [`Layout::update`].
    ///
    /// # Errors
    /// As [`Layout::update`].
    pub fn update(&mut self, graph: Graph, previous: &[Option<usize>]) -> Result<()> {
        each!(self, l => l.update(graph, previous))
    }

    /// Node positions node-major into `out`: `out[i * dims() + d]`.
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] if `out.len() != dims() * node_count`.
    pub fn positions_into(&self, out: &mut [f64]) -> Result<()> {
        each!(self, l => l.positions_into(out))
    }

    /// [`DynLayout::positions_into`], rounded to `f32`.
    ///
    /// # Errors
    /// As [`DynLayout::positions_into`].
    pub fn positions_into_f32(&self, out: &mut [f32]) -> Result<()> {
        each!(self, l => l.positions_into_f32(out))
    }

    /// Node positions as a fresh node-major vector.
    #[must_use]
    pub fn positions(&self) -> Vec<f64> {
        let mut out = alloc::vec![0.0; self.dims() * self.graph().node_count()];
        // The length matches by construction.
        let _ = self.positions_into(&mut out);
        out
    }

    /// [`Layout::node_bounds`].
    #[must_use]
    pub fn node_bounds(&self) -> Vec<Rectangle> {
        each!(self, l => l.node_bounds())
    }

    /// [`Layout::routes`].
    ///
    /// # Errors
    /// As [`Layout::routes`].
    pub fn routes(
        &self,
        options: &crate::routing::RouteOptions,
    ) -> Result<Vec<Vec<crate::geom::Point>>> {
        each!(self, l => l.routes(options))
    }

    /// [`Layout::edge_router`].
    ///
    /// # Errors
    /// As [`Layout::edge_router`].
    pub fn edge_router(&self, node_margin: f64) -> Result<crate::routing::EdgeRouter> {
        each!(self, l => l.edge_router(node_margin))
    }

    /// [`Layout::group_hulls`].
    #[must_use]
    pub fn group_hulls(&self) -> Vec<Vec<crate::geom::Point>> {
        each!(self, l => l.group_hulls())
    }

    /// [`Layout::group_bounds`].
    #[must_use]
    pub fn group_bounds(&self) -> Vec<Rectangle> {
        each!(self, l => l.group_bounds())
    }

    /// [`Layout::unsatisfied`].
    #[must_use]
    pub fn unsatisfied(&self, tolerance: f64) -> Vec<Violation> {
        each!(self, l => l.unsatisfied(tolerance))
    }

    /// [`Layout::overlapping_nodes`].
    #[must_use]
    pub fn overlapping_nodes(&self, tolerance: f64) -> Vec<(usize, usize)> {
        each!(self, l => l.overlapping_nodes(tolerance))
    }

    /// [`Layout::drag_start`].
    ///
    /// # Errors
    /// As [`Layout::drag_start`].
    pub fn drag_start(&mut self, target: DragTarget) -> Result<()> {
        each!(self, l => l.drag_start(target))
    }

    /// [`Layout::drag`]; `to` is `[x, y]` (a 3-D node keeps its z).
    ///
    /// # Errors
    /// As [`Layout::drag`].
    pub fn drag(&mut self, target: DragTarget, to: [f64; 2]) -> Result<()> {
        each!(self, l => l.drag(target, to))
    }

    /// [`Layout::drag_end`].
    ///
    /// # Errors
    /// As [`Layout::drag_end`].
    pub fn drag_end(&mut self, target: DragTarget) -> Result<()> {
        each!(self, l => l.drag_end(target))
    }

    /// [`Layout::stress`].
    #[must_use]
    pub fn stress(&self) -> f64 {
        each!(self, l => l.stress())
    }

    /// [`Layout::p_stress`].
    #[must_use]
    pub fn p_stress(&self) -> f64 {
        each!(self, l => l.p_stress())
    }

    /// [`Layout::scale_normalised_stress`].
    #[must_use]
    pub fn scale_normalised_stress(&self) -> f64 {
        each!(self, l => l.scale_normalised_stress())
    }
}

impl From<Layout<2>> for DynLayout {
    fn from(l: Layout<2>) -> Self {
        DynLayout::D2(l)
    }
}

impl From<Layout<3>> for DynLayout {
    fn from(l: Layout<3>) -> Self {
        DynLayout::D3(l)
    }
}
