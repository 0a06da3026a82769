//! Layout options: every default, in one place, and their validation. With feature
//! `serde`, [`names`] reads and writes them under the core's names and WebCola's.

#[cfg(feature = "serde")]
mod names;

use core::str::FromStr;

use crate::error::{Error, Result};
use crate::geom::Axis;
use crate::linklengths::{self, LinkLengths};
use crate::stress::{Pivots, SgdSchedule, Solver};

/// The stress goal of the final phase and of the ticks. Named `"p"` (also `"pstress"`,
/// `"p-stress"`) and `"full"` in every frontend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StressMode {
    /// WebCola's default: non-adjacent pairs only repel once they are closer than their
    /// ideal distance, which keeps clusters apart and gives a more open drawing.
    #[default]
    PStress,
    /// Every pair attracts and repels towards its ideal distance, as neato and libcola's
    /// full stress do. Lowest stress; clusters may sit closer together.
    Full,
}

/// Layout options. Defaults are WebCola's, and live here only: every frontend reads
/// them from [`LayoutOptions::default`]. With feature `serde` the options read and
/// write as a JSON object under WebCola's names (`linkDistance`, `avoidOverlaps`,
/// `flowLayout`, `symmetricDiffLinkLengths`, ...), and read under the field names too
/// (`link_distance`, ...); unknown names are an error.
#[derive(Clone, Debug, PartialEq)]
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
    /// Separate and pack disconnected components. Default true. Skipped when a node is
    /// fixed, so that fixed nodes stay at their start positions.
    pub handle_disconnected: bool,
    /// Box size of nodes without a width or height, for packing. Default 10.
    pub default_node_size: f64,
    /// Seed of the generator that spreads coincident nodes. Default 1, WebCola's.
    pub seed: u64,
    /// Upper bound on the ticks after each start or resume: the next tick ends the
    /// layout, converged or not (see [`crate::Layout::reached_max_ticks`]). WebCola has
    /// none; the default, 10 000, is far above what converging layouts need.
    pub max_ticks: usize,
    /// Keep node boxes (width × height) from overlapping, and groups from overlapping
    /// each other and non-members. Default false.
    pub avoid_overlaps: bool,
    /// Weight pulling each group's two dummy nodes together under P-stress. Default 1e-6.
    pub group_compactness: f64,
    /// Let a node be a leaf of several groups that do not nest (libcola's overlapping
    /// clusters): the groups' boxes overlap around their shared nodes. Default false: a
    /// node in two such groups is an error ([`Error::NodeInTwoGroups`]), as WebCola does
    /// not support it.
    pub overlapping_groups: bool,
    /// WebCola's `flowLayout(axis, minSeparation)`: links point along `axis`, the target
    /// at least `min_separation` beyond the source, except inside cycles. Default none.
    pub flow: Option<Flow>,
    /// Grid spacing of the grid-snap phase. Default: the first node's width, as WebCola.
    pub grid_snap_size: Option<f64>,
    /// Ticks without a new lowest tick displacement after which a layout with
    /// constraints or overlap removal is damped: each later tick takes 5% shorter steps,
    /// so a layout that oscillates between its constraints (deeply nested groups, say)
    /// settles and ends. 0 never damps, as WebCola, whose ticks then run until
    /// `max_ticks`. Default 250; the constrained fixtures that converge reach a new low
    /// at least every 101 ticks, so they are not changed.
    pub damp_after: usize,
    /// Bytes the stress model may take; a larger model is refused with
    /// [`Error::TooManyNodes`] before anything is allocated. Default 2 GiB. The dense
    /// model takes about 12 bytes per pair of nodes (28 with SGD), so about 18 900
    /// nodes fit (12 300 with SGD); the sparse model about 16 per node and pivot.
    pub memory_limit: u64,
    /// The stress model ([`Pivots`]): dense (`Count(0)`), sparse with that many pivots
    /// per component, or, by default, `Auto`: dense while it fits `memory_limit`, else
    /// sparse with 200 pivots.
    pub pivots: Pivots,
    /// How stress is minimised: WebCola's descent, or SGD ([`Solver`]). Default
    /// [`Solver::Descent`].
    pub solver: Solver,
    /// The SGD solver's step sizes after its anneal ([`SgdSchedule`]): `Anneal`
    /// (s_gd2's `layout`, 30 epochs; the default) or `Convergent` (s_gd2's
    /// `layout_convergent`, on until converged, at most 200 epochs).
    pub sgd_schedule: SgdSchedule,
}

/// Flow layout: directed links point along an axis. Defaults are WebCola's
/// `flowLayout()`: axis `y`, separation 30.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(default, rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Flow {
    /// The axis links point along (`Y`: downwards, `X`: rightwards).
    pub axis: Axis,
    /// Minimum distance from a link's source to its target along the axis.
    #[cfg_attr(feature = "serde", serde(alias = "min_separation"))]
    pub min_separation: f64,
}

impl Default for Flow {
    fn default() -> Self {
        Self {
            axis: Axis::Y,
            min_separation: 30.0,
        }
    }
}

impl StressMode {
    /// The mode's name in every frontend: `"p"` or `"full"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            StressMode::PStress => "p",
            StressMode::Full => "full",
        }
    }
}

impl FromStr for StressMode {
    type Err = Error;

    /// `"p"`, `"pstress"`, `"p-stress"` or `"full"` (any case).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "p" | "pstress" | "p-stress" => Ok(StressMode::PStress),
            "full" => Ok(StressMode::Full),
            _ => Err(Error::parse(
                "option",
                alloc::format!("stress must be \"p\" or \"full\", not {s:?}"),
            )),
        }
    }
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
            overlapping_groups: false,
            flow: None,
            grid_snap_size: None,
            damp_after: 250,
            memory_limit: 2 << 30,
            solver: Solver::Descent,
            pivots: Pivots::Auto,
            sgd_schedule: SgdSchedule::Anneal,
        }
    }
}

impl LayoutOptions {
    /// WebCola's `Layout3D(nodes, links, idealLinkLength)`: Jaccard link lengths
    /// `idealLinkLength · (1 + 1.5 · J)` (or `idealLinkLength` per link without them),
    /// convergence threshold 1e-3, no packing of components.
    #[must_use]
    pub fn layout3d(ideal_link_length: f64, jaccard: bool) -> Self {
        Self {
            link_distance: ideal_link_length,
            link_lengths: if jaccard {
                LinkLengths::Jaccard {
                    ideal: ideal_link_length,
                    w: 1.5,
                }
            } else {
                LinkLengths::Given
            },
            convergence_threshold: 1e-3,
            handle_disconnected: false,
            ..Self::default()
        }
    }

    pub(crate) fn validate(&self) -> Result<()> {
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
