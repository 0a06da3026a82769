//! Layout options: every default, in one place, and their validation.

use crate::error::{Error, Result};
use crate::geom::Axis;
use crate::linklengths::{self, LinkLengths};

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
