//! Stress and its minimisation: the dense pair table of ideal distances and weights,
//! WebCola's [`Descent`] (gradient, Hessian-scaled step, RK4 averaging, locks, grid
//! snap, the displacement of coincident nodes), and the [`kernels`] they run on.

mod derivatives;
mod descent;
pub mod kernels;
mod pairs;

pub use derivatives::GridSnap;
pub use descent::Descent;
pub use pairs::{dense_bytes, row_blocks, PairTable, CURVATURE_CACHE_PAIRS, GROUP_DUMMY_DISTANCE};

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
