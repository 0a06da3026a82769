//! Stress and its minimisation: the models of ideal distances and weights (the dense
//! [`PairTable`] and the [`SparseModel`], chosen by [`Pivots`]), WebCola's [`Descent`]
//! (gradient, Hessian-scaled step, RK4 averaging, locks, grid snap, the displacement of
//! coincident nodes), the [`Sgd`] solver, and the [`kernels`] they run on.

mod derivatives;
mod descent;
pub mod kernels;
mod model;
mod pairs;
mod sgd;
mod sparse;

pub use derivatives::GridSnap;
pub use descent::Descent;
pub use model::{Model, Pivots};
pub use pairs::{dense_bytes, row_blocks, PairTable, CURVATURE_CACHE_PAIRS, GROUP_DUMMY_DISTANCE};
pub use sgd::{sgd_bytes, Sgd, SgdSchedule};
pub use sparse::{sparse_bytes, SparseModel, DEFAULT_PIVOTS};

/// How stress is minimised. Named `"descent"` and `"sgd"` in every frontend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Solver {
    /// WebCola's descent: Hessian-scaled gradient steps with RK4 averaging.
    #[default]
    Descent,
    /// Stochastic gradient descent over pairs (Zheng, Pawar and Goodman; s_gd2's
    /// schedules, [`SgdSchedule`]): each tick is one epoch, and a layout ends with its
    /// schedule, or sooner once no pair update moves a node by more than
    /// `convergence_threshold` of the shortest ideal distance. Constraints are
    /// projected after each epoch.
    Sgd,
}

impl Solver {
    /// The solver's name in every frontend: `"descent"` or `"sgd"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Solver::Descent => "descent",
            Solver::Sgd => "sgd",
        }
    }
}

impl core::str::FromStr for Solver {
    type Err = crate::error::Error;

    /// `"descent"` or `"sgd"` (any case).
    fn from_str(s: &str) -> crate::error::Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "descent" => Ok(Solver::Descent),
            "sgd" => Ok(Solver::Sgd),
            _ => Err(crate::error::Error::parse(
                "option",
                alloc::format!("solver must be \"descent\" or \"sgd\", not {s:?}"),
            )),
        }
    }
}

/// Which pair weights the descent minimises with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weighting {
    /// Weight 1 for every reachable pair: WebCola's descent before `G` is set
    /// (the first two phases of `start`).
    Unit,
    /// WebCola's `G`: the link weight (`weight || 1`) on links, 2 elsewhere, so that
    /// non-adjacent pairs only repel (P-stress).
    PStress,
    /// Every reachable pair both attracts and repels (neato's and libcola's full
    /// stress); link weights above 1 are capped at 1.
    Full,
    /// WebCola's grid-snap phase: as `PStress`, but with no stress between real nodes,
    /// so only the grid and the group dummies act.
    GridSnap,
}
