//! Variable placement with separation constraints (VPSC): WebCola's incremental
//! block active-set solver (Dwyer, Marriott & Stuckey, "Fast node overlap removal").
//!
//! Minimises `Σ wᵢ (xᵢ - desiredᵢ)²` subject to `scale_r·x_r - scale_l·x_l ≥ gap`
//! (or `= gap` for equalities). A port of WebCola's `Solver` with the same visit
//! orders, tie-breaking and tolerances, so it gives the same positions and reports the
//! same unsatisfiable constraints; the recursive traversals are iterative here, so deep
//! block trees cannot overflow the stack. Runs in `f64`.

mod one_dimension;
mod solver;

use alloc::vec::Vec;

pub use one_dimension::{remove_overlap_in_one_dimension, Span, SpanLayout};
pub use solver::Solver;

/// Constraints whose Lagrange multiplier is below this are split (WebCola's value).
pub const LAGRANGIAN_TOLERANCE: f64 = -1e-4;
/// A constraint with slack below this is violated (WebCola's value).
pub const ZERO_UPPERBOUND: f64 = -1e-10;

const NONE: usize = usize::MAX;

/// A variable: a desired position, a weight and a scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Variable {
    /// Where the variable would like to be.
    pub desired: f64,
    /// Weight of its squared distance from `desired` in the goal (> 0).
    pub weight: f64,
    /// Scale of the variable in constraints (non-zero; 1 for plain positions).
    pub scale: f64,
    offset: f64,
    block: usize,
    c_in: Vec<usize>,
    c_out: Vec<usize>,
}

impl Variable {
    /// A variable with weight 1 and scale 1.
    #[must_use]
    pub fn new(desired: f64) -> Self {
        Self::weighted(desired, 1.0, 1.0)
    }

    /// A variable with the given weight and scale.
    #[must_use]
    pub fn weighted(desired: f64, weight: f64, scale: f64) -> Self {
        Self {
            desired,
            weight,
            scale,
            offset: 0.0,
            block: NONE,
            c_in: Vec::new(),
            c_out: Vec::new(),
        }
    }
}

/// A separation constraint `right ≥ left + gap` (scaled), or `right = left + gap`.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    /// Index of the left variable.
    pub left: usize,
    /// Index of the right variable.
    pub right: usize,
    /// Minimum (or, for an equality, exact) separation.
    pub gap: f64,
    /// An equality rather than an inequality.
    pub equality: bool,
    lm: f64,
    active: bool,
    unsatisfiable: bool,
}

impl Constraint {
    /// `x[right] ≥ x[left] + gap`.
    #[must_use]
    pub fn new(left: usize, right: usize, gap: f64) -> Self {
        Self {
            left,
            right,
            gap,
            equality: false,
            lm: 0.0,
            active: false,
            unsatisfiable: false,
        }
    }

    /// `x[right] = x[left] + gap`.
    #[must_use]
    pub fn equality(left: usize, right: usize, gap: f64) -> Self {
        Self {
            equality: true,
            ..Self::new(left, right, gap)
        }
    }

    /// True when the solver found the constraint could not be satisfied together with
    /// the others (a cycle of constraints, or a contradiction among equalities).
    #[must_use]
    pub fn is_unsatisfiable(&self) -> bool {
        self.unsatisfiable
    }

    /// Marks the constraint unsatisfiable (or not), so a new solver skips it as WebCola's
    /// `Projection` does with constraints found unsatisfiable in an earlier projection.
    pub fn set_unsatisfiable(&mut self, unsatisfiable: bool) {
        self.unsatisfiable = unsatisfiable;
    }

    /// True when the constraint is tight in the current solution.
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan's unit-scale slacks are `slack`'s values bit for bit: solving with and
    /// without them gives the same positions and the same unsatisfiable constraints.
    #[test]
    fn two_variables_split_the_difference() {
        let mut s = Solver::new(
            alloc::vec![Variable::new(0.0), Variable::new(0.0)],
            alloc::vec![Constraint::new(0, 1, 10.0)],
        )
        .unwrap();
        s.solve();
        assert_eq!(s.positions(), [-5.0, 5.0]);
        assert!(s.unsatisfiable().is_empty());
    }

    #[test]
    fn contradictory_pair_reports_one_unsatisfiable_and_stays_finite() {
        let vars = alloc::vec![Variable::new(0.0), Variable::new(0.0)];
        let cons = alloc::vec![Constraint::new(0, 1, 10.0), Constraint::new(1, 0, 10.0)];
        let mut s = Solver::new(vars, cons).unwrap();
        s.solve();
        assert_eq!(s.unsatisfiable().len(), 1);
        assert!(s.positions().iter().all(|p| p.is_finite()));
    }

    #[test]
    fn equality_holds_exactly() {
        let vars = alloc::vec![Variable::new(0.0), Variable::new(3.0), Variable::new(100.0)];
        let cons = alloc::vec![Constraint::equality(0, 1, 7.0), Constraint::new(1, 2, 1.0)];
        let mut s = Solver::new(vars, cons).unwrap();
        s.solve();
        let p = s.positions();
        assert!((p[1] - p[0] - 7.0).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn webcola_one_dimensional_example() {
        let spans = [0.0, 2.0, 4.0].map(|c| Span {
            size: 10.0,
            desired_center: c,
        });
        let r = remove_overlap_in_one_dimension(&spans, Some(-20.0), Some(20.0)).unwrap();
        for (a, b) in r.centers.iter().zip([-8.0, 2.0, 12.0]) {
            assert!((a - b).abs() < 1e-9, "{:?}", r.centers);
        }
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(Solver::new(
            alloc::vec![Variable::new(0.0)],
            alloc::vec![Constraint::new(0, 1, 1.0)]
        )
        .is_err());
        assert!(Solver::new(alloc::vec![Variable::new(f64::NAN)], alloc::vec![]).is_err());
        assert!(Solver::new(
            alloc::vec![Variable::weighted(0.0, 0.0, 1.0)],
            alloc::vec![]
        )
        .is_err());
    }
}
