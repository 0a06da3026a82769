//! The stress model a descent runs on: the dense pair table, or the sparse model; and
//! the choice between them ([`Pivots`]).

use super::{
    dense_bytes, sgd_bytes, sparse_bytes, PairTable, SparseModel, Weighting, DEFAULT_PIVOTS,
};
use crate::error::{Error, Result};
use crate::graph::Graph;

/// The model's terms: every pair, or links and pivots.
#[derive(Clone, Debug)]
pub enum Model {
    /// Every pair of nodes ([`PairTable`]).
    Dense(PairTable),
    /// Links and pivots ([`SparseModel`]).
    Sparse(SparseModel),
}

impl From<PairTable> for Model {
    fn from(t: PairTable) -> Self {
        Model::Dense(t)
    }
}

impl From<SparseModel> for Model {
    fn from(m: SparseModel) -> Self {
        Model::Sparse(m)
    }
}

impl Model {
    /// Number of descent nodes: graph nodes plus group dummies.
    #[must_use]
    pub fn node_count(&self) -> usize {
        match self {
            Model::Dense(t) => t.node_count(),
            Model::Sparse(m) => m.node_count(),
        }
    }

    /// The current weighting.
    #[must_use]
    pub fn weighting(&self) -> Weighting {
        match self {
            Model::Dense(t) => t.weighting(),
            Model::Sparse(m) => m.weighting(),
        }
    }

    /// Reweights for `weighting`; distances are kept.
    ///
    /// # Panics
    /// If `graph` is not the graph the model was built from.
    pub fn reweight(&mut self, graph: &Graph, weighting: Weighting) {
        match self {
            Model::Dense(t) => t.reweight(graph, weighting),
            Model::Sparse(m) => m.reweight(weighting),
        }
    }

    /// The length of a coincident-node displacement (WebCola's `minD`).
    #[must_use]
    pub fn min_d(&self) -> f32 {
        match self {
            Model::Dense(t) => t.min_d(),
            Model::Sparse(m) => m.min_d(),
        }
    }

    /// The longest finite distance the model holds.
    #[must_use]
    pub fn max_d(&self) -> f64 {
        match self {
            Model::Dense(t) => t.max_d(),
            Model::Sparse(m) => m.max_d(),
        }
    }

    /// Unweighted stress over the model's pairs among the first `limit` nodes
    /// (`x` SoA over all descent nodes).
    #[must_use]
    pub fn stress<const K: usize>(&self, x: &[f64], limit: usize) -> f64 {
        match self {
            Model::Dense(t) => super::kernels::stress::<K>(
                t.node_count(),
                limit,
                x,
                t.ideal_buffer(),
                t.weight_buffer(),
                false,
            ),
            Model::Sparse(m) => m.stress::<K>(x, limit, false),
        }
    }

    /// P-stress over the model's pairs among the first `limit` nodes.
    #[must_use]
    pub fn p_stress<const K: usize>(&self, graph: &Graph, x: &[f64], limit: usize) -> f64 {
        match self {
            Model::Dense(t) => {
                let weights;
                let w = if t.weighting() == Weighting::PStress {
                    t.weight_buffer()
                } else {
                    weights = t.weights_for(graph, Weighting::PStress);
                    &weights
                };
                super::kernels::stress::<K>(t.node_count(), limit, x, t.ideal_buffer(), w, true)
            }
            Model::Sparse(m) => m.stress::<K>(x, limit, true),
        }
    }
}

/// How many pivots the sparse model takes, or whether to use the dense one. Written
/// `"auto"` or a count in every frontend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pivots {
    /// Dense while the dense model fits [`crate::LayoutOptions::memory_limit`], else
    /// sparse with [`DEFAULT_PIVOTS`] (200) pivots.
    #[default]
    Auto,
    /// This many pivots per component; 0 is the dense model.
    Count(usize),
}

impl Pivots {
    /// The pivot count for `n` descent nodes and `links` links in `dims` dimensions
    /// (0: dense), and the bytes the chosen model takes.
    ///
    /// # Errors
    /// [`Error::TooManyNodes`] when the chosen model needs more than `limit`.
    pub fn resolve(
        self,
        n: usize,
        links: usize,
        dims: usize,
        sgd: bool,
        limit: u64,
    ) -> Result<(usize, u64)> {
        let dense = || {
            let bytes = dense_bytes(n, dims);
            if sgd {
                bytes.saturating_add(sgd_bytes(n))
            } else {
                bytes
            }
        };
        let (pivots, bytes) = match self {
            Pivots::Count(0) => (0, dense()),
            Pivots::Count(p) => (p, sparse_bytes(n, links, p, dims, sgd)),
            Pivots::Auto => {
                let bytes = dense();
                if bytes <= limit && bytes <= isize::MAX as u64 {
                    (0, bytes)
                } else {
                    (
                        DEFAULT_PIVOTS,
                        sparse_bytes(n, links, DEFAULT_PIVOTS, dims, sgd),
                    )
                }
            }
        };
        if bytes > limit || bytes > isize::MAX as u64 {
            return Err(Error::TooManyNodes {
                node_count: n,
                bytes,
                limit,
            });
        }
        Ok((pivots, bytes))
    }
}

impl core::fmt::Display for Pivots {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Pivots::Auto => f.write_str("auto"),
            Pivots::Count(p) => write!(f, "{p}"),
        }
    }
}

impl core::str::FromStr for Pivots {
    type Err = Error;

    /// `"auto"` (any case) or a count.
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("auto") {
            return Ok(Pivots::Auto);
        }
        t.parse::<usize>().map(Pivots::Count).map_err(|_| {
            Error::parse(
                "option",
                alloc::format!("pivots must be \"auto\" or a count of pivots, not {s:?}"),
            )
        })
    }
}
