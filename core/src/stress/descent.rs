//! WebCola's `Descent`: positions, RK4 iterations, locks and the projection.

use alloc::vec::Vec;

use super::derivatives::{Derivatives, GridSnap};
use super::kernels;
use super::pairs::{row_blocks, CURVATURE_CACHE_PAIRS};
use super::{Model, Sgd, SgdSchedule, Solver};
use crate::constraints::Projection;
use crate::error::{Error, Result};
use crate::geom::Axis;
use crate::rng::PseudoRandom;

/// WebCola's `Descent` for `K` dimensions (2 or 3).
///
/// Positions are structure-of-arrays, `x[d * n + i]`, kept in `f64` (so that VPSC's
/// 1e-6 separations survive between projections); the pair kernels read an `f32` copy.
#[derive(Clone, Debug)]
pub struct Descent<const K: usize> {
    n: usize,
    x: Vec<f64>,
    deriv: Derivatives<K>,
    /// RK4 buffers `a, b, c, d, ia, ib`, each `K * n`, and the projected-step direction `e`.
    rk: [Vec<f64>; 7],
    projection: Option<Projection>,
    /// Relative convergence threshold of [`Descent::run`].
    pub threshold: f64,
    /// Iterations run so far.
    iterations: usize,
    /// Factor on every step (1: WebCola's steps), see [`Descent::set_step_scale`].
    step_scale: f64,
    /// What [`Descent::iterate`] runs.
    solver: Solver,
    /// The SGD terms, built at the first SGD iteration after the model changed.
    sgd: Option<Sgd>,
    /// Seed of the SGD shuffles.
    seed: u64,
    /// The SGD's step sizes after the anneal's switch point.
    sgd_schedule: SgdSchedule,
}

impl<const K: usize> Descent<K> {
    /// A descent from positions `x` (SoA, `K * n`) over `model` (a [`super::PairTable`]
    /// or a [`super::SparseModel`]), displacing coincident nodes with [`PseudoRandom`]
    /// seeded by `seed` (WebCola uses 1).
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] if `x.len() != K * model.node_count()`;
    /// [`Error::NonFiniteCoordinate`] if a position is not finite.
    pub fn new(x: Vec<f64>, model: impl Into<Model>, seed: u64) -> Result<Self> {
        let model = model.into();
        let n = model.node_count();
        let dense = matches!(model, Model::Dense(_));
        let blocks = if dense { row_blocks(n) } else { Vec::new() };
        if x.len() != K * n {
            return Err(Error::DimensionMismatch {
                expected: K * n,
                found: x.len(),
            });
        }
        if let Some(i) = x.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFiniteCoordinate { node: i % n.max(1) });
        }
        let buf = || alloc::vec![0.0f32; K * n];
        let buf64 = || alloc::vec![0.0f64; K * n];
        Ok(Self {
            n,
            x,
            deriv: Derivatives {
                model,
                locks: Vec::new(),
                snap: None,
                xf: buf(),
                dirf: buf(),
                terms: {
                    let pairs = kernels::pair_count(n);
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    if dense
                        && pairs <= CURVATURE_CACHE_PAIRS
                        && a.try_reserve_exact(pairs).is_ok()
                        && b.try_reserve_exact(pairs).is_ok()
                    {
                        a.resize(pairs, 0.0);
                        b.resize(pairs, 0.0);
                    }
                    (a, b)
                },
                partial: (1..blocks.len()).map(|_| (buf(), buf())).collect(),
                blocks,
                rng: PseudoRandom::new(seed),
                g: buf(),
                hdiag: buf(),
                extra: buf(),
                max_h: 0.0,
            },
            rk: [
                buf64(),
                buf64(),
                buf64(),
                buf64(),
                buf64(),
                buf64(),
                buf64(),
            ],
            projection: None,
            threshold: 1e-4,
            iterations: 0,
            step_scale: 1.0,
            solver: Solver::Descent,
            sgd: None,
            seed,
            sgd_schedule: SgdSchedule::Anneal,
        })
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Positions, SoA `x[d * n + i]`.
    #[must_use]
    pub fn x(&self) -> &[f64] {
        &self.x
    }

    /// Positions, mutable (for packing, dragging and incremental updates).
    pub fn x_mut(&mut self) -> &mut [f64] {
        &mut self.x
    }

    /// The stress model.
    #[must_use]
    pub fn model(&self) -> &Model {
        &self.deriv.model
    }

    /// The stress model, mutable (to reweight between phases). The SGD terms are
    /// rebuilt from it at the next SGD iteration.
    pub fn model_mut(&mut self) -> &mut Model {
        self.sgd = None;
        &mut self.deriv.model
    }

    /// Chooses what [`Descent::iterate`] runs.
    pub fn set_solver(&mut self, solver: Solver) {
        self.solver = solver;
    }

    /// Chooses the SGD's step sizes after the anneal's switch point ([`SgdSchedule`]).
    pub fn set_sgd_schedule(&mut self, schedule: SgdSchedule) {
        self.sgd_schedule = schedule;
        self.sgd = None;
    }

    /// The solver [`Descent::iterate`] runs.
    #[must_use]
    pub fn solver(&self) -> Solver {
        self.solver
    }

    /// Skips the start of the SGD anneal (see [`Sgd::skip_anneal`]), for a layout that
    /// continues from positions it keeps.
    ///
    /// # Errors
    /// [`Error::TooManyNodes`] when the SGD terms cannot be allocated.
    pub fn skip_anneal(&mut self) -> Result<()> {
        if self.solver == Solver::Sgd {
            self.sgd_terms()?.skip_anneal();
        }
        Ok(())
    }

    /// Runs the end of a finished SGD anneal again (see [`Sgd::reheat`]).
    pub fn reheat(&mut self) {
        if let Some(sgd) = self.sgd.as_mut() {
            sgd.reheat();
        }
    }

    /// The SGD terms, built from the model if it changed since.
    fn sgd_terms(&mut self) -> Result<&mut Sgd> {
        match &mut self.sgd {
            Some(sgd) => Ok(sgd),
            slot @ None => {
                Ok(slot.insert(Sgd::new(&self.deriv.model, self.seed, self.sgd_schedule)?))
            }
        }
    }

    /// One iteration of the solver: [`Descent::runge_kutta`], or one SGD epoch
    /// projected onto the constraints. Returns the descent's sum of squared
    /// displacements, or the SGD's largest move relative to the shortest ideal distance.
    ///
    /// # Errors
    /// As [`Descent::runge_kutta`]; [`Error::TooManyNodes`] when the SGD terms cannot
    /// be allocated.
    pub fn iterate(&mut self) -> Result<f64> {
        match self.solver {
            Solver::Descent => self.runge_kutta(),
            Solver::Sgd => self.sgd_epoch(),
        }
    }

    fn sgd_epoch(&mut self) -> Result<f64> {
        let n = self.n;
        let mut held = alloc::vec![false; n];
        for &(u, ref p) in &self.deriv.locks {
            held[u] = true;
            for (d, &v) in p.iter().enumerate() {
                self.x[d * n + u] = v;
            }
        }
        let x0 = self.x.clone();
        let mut x = core::mem::take(&mut self.x);
        let moved = self.sgd_terms()?.epoch::<K>(&mut x, n, &held);
        if let Some(proj) = self.projection.as_mut() {
            project_xy::<K>(proj, n, &x0, &mut x);
        }
        self.iterations += 1;
        if !x.iter().all(|v| v.is_finite()) || !moved.is_finite() {
            self.x = x0;
            return Err(Error::Diverged {
                iteration: self.iterations,
            });
        }
        self.x = x;
        Ok(moved)
    }

    /// The gradient of the last derivative pass, SoA.
    #[must_use]
    pub fn gradient(&self) -> &[f32] {
        &self.deriv.g
    }

    /// The Hessian diagonal of the last derivative pass, SoA, with lock terms. Descent
    /// iterations compute it only when locks or grid snap need it (zero otherwise);
    /// [`Descent::compute_derivatives`] always does.
    #[must_use]
    pub fn hessian_diagonal(&self) -> &[f32] {
        &self.deriv.hdiag
    }

    /// Restarts the displacement generator from `seed`.
    pub fn reseed(&mut self, seed: u64) {
        self.deriv.rng = PseudoRandom::new(seed);
    }

    /// Removes every lock.
    pub fn clear_locks(&mut self) {
        self.deriv.locks.clear();
    }

    /// Pulls node `u` towards `p` with a spring of stiffness `max_h` (WebCola's `Locks.add`).
    /// Adding a lock for a node that has one replaces it.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`].
    pub fn lock(&mut self, u: usize, p: [f64; K]) -> Result<()> {
        if u >= self.n {
            return Err(Error::NodeOutOfRange {
                node: u,
                node_count: self.n,
            });
        }
        let locks = &mut self.deriv.locks;
        match locks.binary_search_by_key(&u, |l| l.0) {
            Ok(i) => locks[i].1 = p,
            Err(i) => locks.insert(i, (u, p)),
        }
        Ok(())
    }

    /// Scales every step (the gradient step and the projected step) by `scale`, in
    /// `(0, 1]`; 1, the default, is WebCola's descent. Smaller steps damp a layout that
    /// oscillates between its constraints instead of converging.
    pub fn set_step_scale(&mut self, scale: f64) {
        self.step_scale = scale;
    }

    /// The factor on every step ([`Descent::set_step_scale`]).
    #[must_use]
    pub fn step_scale(&self) -> f64 {
        self.step_scale
    }

    /// Turns the grid-snap term on or off.
    pub fn set_grid_snap(&mut self, snap: Option<GridSnap>) {
        self.deriv.snap = snap;
    }

    /// Projects every step onto constraints (x, then y), or stops projecting with `None`.
    pub fn set_projection(&mut self, projection: Option<Projection>) {
        self.projection = projection;
    }

    /// The projection, if any.
    #[must_use]
    pub fn projection(&self) -> Option<&Projection> {
        self.projection.as_ref()
    }

    /// The projection, mutable (to pin dragged nodes).
    pub fn projection_mut(&mut self) -> Option<&mut Projection> {
        self.projection.as_mut()
    }

    /// WebCola's `computeDerivatives(x)` on the current positions.
    pub fn compute_derivatives(&mut self) {
        self.deriv.compute(self.n, &mut self.x, true);
    }

    /// WebCola's `computeStepSize(d)` at the current positions, for a `K * n` direction
    /// (after [`Descent::compute_derivatives`]): `gᵀd / dᵀHd`, or 0 when `dᵀHd` is 0 or
    /// not finite.
    ///
    /// # Panics
    /// If `dir.len() != K * n`.
    #[must_use]
    pub fn compute_step_size(&self, dir: &[f32]) -> f64 {
        self.deriv.step_size(self.n, dir)
    }

    /// One RK4-averaged iteration (WebCola's `rungeKutta`); returns the sum of squared
    /// displacements.
    ///
    /// # Errors
    /// [`Error::Diverged`] when the new positions would not be finite; the positions
    /// are then left as they were (with coincident nodes displaced, if any were).
    pub fn runge_kutta(&mut self) -> Result<f64> {
        let [a, b, c, d, ia, ib, e] = &mut self.rk;
        {
            let mut step = Stepper {
                n: self.n,
                deriv: &mut self.deriv,
                projection: self.projection.as_mut(),
                e,
                scale: self.step_scale,
            };
            step.next_position(&mut self.x, a);
            kernels::midpoint(&self.x, a, ia);
            step.next_position(ia, b);
            kernels::midpoint(&self.x, b, ib);
            step.next_position(ib, c);
            step.next_position(c, d);
        }
        self.iterations += 1;
        // A NaN or infinite coordinate makes the displacement non-finite.
        let disp = kernels::rk4_average(&self.x, a, b, c, d, e);
        if !disp.is_finite() {
            return Err(Error::Diverged {
                iteration: self.iterations,
            });
        }
        core::mem::swap(&mut self.x, e);
        Ok(disp)
    }

    /// WebCola's `run`: up to `iterations` RK4 iterations, stopping once the displacement
    /// changes by less than `threshold` relative. Returns the last displacement.
    ///
    /// # Errors
    /// As [`Descent::runge_kutta`].
    pub fn run(&mut self, iterations: usize) -> Result<f64> {
        let mut stress = f64::MAX;
        for _ in 0..iterations {
            let s = self.iterate()?;
            let converged = crate::math::abs(stress / s - 1.0) < self.threshold;
            stress = s;
            if converged {
                break;
            }
        }
        Ok(stress)
    }

    /// WebCola's `computeStress`: `Σ (l - D)^2 / D^2` over reachable pairs, unweighted,
    /// group dummy pairs included.
    #[must_use]
    pub fn stress(&self) -> f64 {
        self.deriv.model.stress::<K>(&self.x, self.n)
    }
}

/// One `computeNextPosition` context: the derivative state and the optional projection.
struct Stepper<'a, const K: usize> {
    n: usize,
    deriv: &'a mut Derivatives<K>,
    projection: Option<&'a mut Projection>,
    e: &'a mut Vec<f64>,
    /// Factor on the step sizes.
    scale: f64,
}

impl<const K: usize> Stepper<'_, K> {
    /// WebCola's `computeNextPosition`: `r = x0 - α g`, projected; with a projection,
    /// then `r = project(x0 - β (x0 - r))` with `β` the step size along `x0 - r`,
    /// clamped to `[0.2, 1]`.
    fn next_position(&mut self, x0: &mut [f64], r: &mut [f64]) {
        self.deriv.compute(self.n, x0, false);
        let alpha = self.deriv.step_size(self.n, &self.deriv.g) * self.scale;
        kernels::step(x0, &self.deriv.g, alpha, r);
        self.project(x0, r);
        if self.projection.is_some() {
            for ((e, &a), &b) in self.e.iter_mut().zip(x0.iter()).zip(r.iter()) {
                *e = a - b;
            }
            kernels::narrow(self.e, &mut self.deriv.dirf);
            let beta = self
                .deriv
                .step_size(self.n, &self.deriv.dirf)
                .clamp(0.2, 1.0)
                * self.scale;
            kernels::step(x0, self.e, beta, r);
            self.project(x0, r);
        }
    }

    /// The projection half of WebCola's `stepAndProject`: projects x (boxes at x0, y0),
    /// then y (boxes at the projected x and y0). Other dimensions are not projected.
    fn project(&mut self, x0: &[f64], r: &mut [f64]) {
        if let Some(proj) = self.projection.as_deref_mut() {
            project_xy::<K>(proj, self.n, x0, r);
        }
    }
}

/// Projects `r` (SoA, boxes at `x0`) onto the constraints: x, then y with the boxes at
/// the projected x. Other dimensions are not projected.
fn project_xy<const K: usize>(proj: &mut Projection, n: usize, x0: &[f64], r: &mut [f64]) {
    if K < 2 {
        return;
    }
    let (rx, rest) = r.split_at_mut(n);
    proj.project(Axis::X, &x0[..n], &x0[n..2 * n], rx);
    proj.project(Axis::Y, rx, &x0[n..2 * n], &mut rest[..n]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use crate::stress::{PairTable, Weighting};

    fn path3() -> Graph {
        Graph::from_edges(3, [(0, 1), (1, 2)]).unwrap()
    }

    #[test]
    fn descent_reaches_ideal_distances_on_a_path() {
        let g = path3();
        let t = PairTable::new(&g, &[10.0, 10.0], Weighting::Unit).unwrap();
        let mut d = Descent::<2>::new(alloc::vec![0.0, 3.0, 5.0, 0.0, 1.0, -1.0], t, 1).unwrap();
        for _ in 0..200 {
            d.runge_kutta().unwrap();
        }
        assert!(d.stress() < 1e-4, "{}", d.stress());
    }

    #[test]
    fn coincident_start_is_spread_by_the_lcg() {
        let g = path3();
        let t = PairTable::new(&g, &[10.0, 10.0], Weighting::Unit).unwrap();
        let mut d = Descent::<3>::new(alloc::vec![0.5; 9], t, 1).unwrap();
        d.compute_derivatives();
        let x = d.x();
        assert_eq!((x[0], x[3], x[6]), (0.5, 0.5, 0.5), "node 0 stays");
        assert_ne!(x[1], 0.5);
        assert!(d.gradient().iter().all(|v| v.is_finite()));
    }

    #[test]
    fn locked_node_is_pulled_to_its_lock() {
        let g = path3();
        let t = PairTable::new(&g, &[10.0, 10.0], Weighting::Unit).unwrap();
        let mut d = Descent::<2>::new(alloc::vec![0.0, 10.0, 20.0, 0.0, 0.0, 0.0], t, 1).unwrap();
        d.lock(0, [-5.0, 3.0]).unwrap();
        for _ in 0..100 {
            d.runge_kutta().unwrap();
        }
        let (x0, y0) = (d.x()[0], d.x()[3]);
        assert!(
            (x0 + 5.0).abs() < 1.0 && (y0 - 3.0).abs() < 1.0,
            "{x0} {y0}"
        );
    }
}
