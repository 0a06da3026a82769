//! `colayout_options`: the core's `LayoutOptions` as a C struct, field for field, and
//! `colayout_schedule`: the core's `Schedule`.

use colayout::{
    Axis, Error, Flow, LayoutOptions, LinkLengths, Pivots, Schedule, SgdSchedule, Solver,
    StressMode,
};

use crate::error::Failure;

/// `colayout_options.stress`: WebCola's P-stress (non-adjacent pairs only repel).
pub const COLAYOUT_STRESS_P: u32 = 0;
/// `colayout_options.stress`: full stress, as neato and libcola.
pub const COLAYOUT_STRESS_FULL: u32 = 1;

/// `colayout_options.solver`: WebCola's descent.
pub const COLAYOUT_SOLVER_DESCENT: u32 = 0;
/// `colayout_options.solver`: stochastic gradient descent over pairs (s_gd2's schedule).
pub const COLAYOUT_SOLVER_SGD: u32 = 1;

/// `colayout_options.sgd_schedule`: s_gd2's `layout`, 30 epochs.
pub const COLAYOUT_SGD_SCHEDULE_ANNEAL: u32 = 0;
/// `colayout_options.sgd_schedule`: s_gd2's `layout_convergent`, until converged.
pub const COLAYOUT_SGD_SCHEDULE_CONVERGENT: u32 = 1;

/// `colayout_options.pivots`: dense while the dense model fits `memory_limit`, else
/// sparse with 200 pivots.
pub const COLAYOUT_PIVOTS_AUTO: i64 = -1;

/// `colayout_options.link_lengths`: each link's own length, else `link_distance`.
pub const COLAYOUT_LINK_LENGTHS_GIVEN: u32 = 0;
/// WebCola's `symmetricDiffLinkLengths(link_lengths_ideal, link_lengths_w)`.
pub const COLAYOUT_LINK_LENGTHS_SYMMETRIC_DIFF: u32 = 1;
/// WebCola's `jaccardLinkLengths(link_lengths_ideal, link_lengths_w)`.
pub const COLAYOUT_LINK_LENGTHS_JACCARD: u32 = 2;

/// An axis: x (horizontal, libcola's `XDIM`).
pub const COLAYOUT_AXIS_X: u32 = 0;
/// An axis: y (vertical, libcola's `YDIM`).
pub const COLAYOUT_AXIS_Y: u32 = 1;

/// Layout options, named as the core's (`colayout::LayoutOptions`). Fill it with
/// `colayout_options_default` (WebCola's defaults), then change what you need. Distances
/// are in layout units.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct colayout_options {
    /// Ideal length of a link without its own length. Default 20.
    pub link_distance: f64,
    /// `COLAYOUT_LINK_LENGTHS_GIVEN` (default), `_SYMMETRIC_DIFF` or `_JACCARD`.
    pub link_lengths: u32,
    /// Scale of every length under symmetric-difference or Jaccard lengths.
    pub link_lengths_ideal: f64,
    /// Weight of the neighbourhood term under symmetric-difference or Jaccard lengths.
    pub link_lengths_w: f64,
    /// `COLAYOUT_STRESS_P` (default) or `COLAYOUT_STRESS_FULL`.
    pub stress: u32,
    /// Ticks end once a tick's sum of squared displacements is below this. Default 0.01.
    pub convergence_threshold: f64,
    /// Canvas `[width, height]`: start point and packing centre. Default `[1, 1]`.
    pub size: [f64; 2],
    /// Separate and pack disconnected components. Default true.
    pub handle_disconnected: bool,
    /// Box size of nodes without a width or height, for packing. Default 10.
    pub default_node_size: f64,
    /// Seed of the generator that spreads coincident nodes. Default 1.
    pub seed: u64,
    /// At most this many ticks after each start or resume. Default 10 000.
    pub max_ticks: usize,
    /// Keep node boxes and groups from overlapping. Default false.
    pub avoid_overlaps: bool,
    /// Weight pulling each group's two dummy nodes together. Default 1e-6.
    pub group_compactness: f64,
    /// WebCola's `flowLayout(flow_axis, flow_min_separation)`. Default false.
    pub flow_layout: bool,
    /// `COLAYOUT_AXIS_X` or `COLAYOUT_AXIS_Y` (default) for flow layout.
    pub flow_axis: u32,
    /// Minimum source-to-target distance along the flow axis. Default 30.
    pub flow_min_separation: f64,
    /// Grid spacing of the grid-snap phase; 0 (default) takes the first node's width.
    pub grid_snap_size: f64,
    /// Ticks without a new lowest displacement before a constrained layout is damped;
    /// 0 never damps. Default 250.
    pub damp_after: usize,
    /// Bytes the stress model may take. Default 2 GiB.
    pub memory_limit: u64,
    /// Let a node be in several groups that do not nest (libcola's overlapping
    /// clusters). Default false: such a node is `COLAYOUT_NODE_IN_TWO_GROUPS`.
    pub overlapping_groups: bool,
    /// `COLAYOUT_SOLVER_DESCENT` (default, WebCola's) or `COLAYOUT_SOLVER_SGD`.
    pub solver: u32,
    /// The stress model: `COLAYOUT_PIVOTS_AUTO` (default), 0 for the dense model
    /// (every pair), or that many pivots per component for the sparse model.
    pub pivots: i64,
    /// `COLAYOUT_SGD_SCHEDULE_ANNEAL` (default) or `COLAYOUT_SGD_SCHEDULE_CONVERGENT`.
    pub sgd_schedule: u32,
}

fn axis(value: u32, name: &'static str) -> Result<Axis, Failure> {
    match value {
        COLAYOUT_AXIS_X => Ok(Axis::X),
        COLAYOUT_AXIS_Y => Ok(Axis::Y),
        _ => Err(invalid(name, value)),
    }
}

fn axis_code(a: Axis) -> u32 {
    match a {
        Axis::X => COLAYOUT_AXIS_X,
        Axis::Y => COLAYOUT_AXIS_Y,
    }
}

fn invalid(name: &'static str, value: u32) -> Failure {
    Error::InvalidOption {
        name,
        value: f64::from(value),
    }
    .into()
}

/// An axis given by its C code.
pub fn axis_of(value: u32) -> Result<Axis, Failure> {
    axis(value, "axis")
}

impl From<&LayoutOptions> for colayout_options {
    fn from(o: &LayoutOptions) -> Self {
        let (link_lengths, link_lengths_ideal, link_lengths_w) = match o.link_lengths {
            LinkLengths::Given => (COLAYOUT_LINK_LENGTHS_GIVEN, 0.0, 0.0),
            LinkLengths::SymmetricDiff { ideal, w } => {
                (COLAYOUT_LINK_LENGTHS_SYMMETRIC_DIFF, ideal, w)
            }
            LinkLengths::Jaccard { ideal, w } => (COLAYOUT_LINK_LENGTHS_JACCARD, ideal, w),
        };
        let flow = o.flow.unwrap_or_default();
        Self {
            link_distance: o.link_distance,
            link_lengths,
            link_lengths_ideal,
            link_lengths_w,
            stress: match o.stress {
                StressMode::PStress => COLAYOUT_STRESS_P,
                StressMode::Full => COLAYOUT_STRESS_FULL,
            },
            convergence_threshold: o.convergence_threshold,
            size: o.size,
            handle_disconnected: o.handle_disconnected,
            default_node_size: o.default_node_size,
            seed: o.seed,
            max_ticks: o.max_ticks,
            avoid_overlaps: o.avoid_overlaps,
            group_compactness: o.group_compactness,
            flow_layout: o.flow.is_some(),
            flow_axis: axis_code(flow.axis),
            flow_min_separation: flow.min_separation,
            grid_snap_size: o.grid_snap_size.unwrap_or(0.0),
            damp_after: o.damp_after,
            memory_limit: o.memory_limit,
            overlapping_groups: o.overlapping_groups,
            solver: match o.solver {
                Solver::Descent => COLAYOUT_SOLVER_DESCENT,
                Solver::Sgd => COLAYOUT_SOLVER_SGD,
            },
            pivots: match o.pivots {
                Pivots::Auto => COLAYOUT_PIVOTS_AUTO,
                Pivots::Count(p) => i64::try_from(p).unwrap_or(i64::MAX),
            },
            sgd_schedule: match o.sgd_schedule {
                SgdSchedule::Anneal => COLAYOUT_SGD_SCHEDULE_ANNEAL,
                SgdSchedule::Convergent => COLAYOUT_SGD_SCHEDULE_CONVERGENT,
            },
        }
    }
}

impl TryFrom<&colayout_options> for LayoutOptions {
    type Error = Failure;

    /// The core's options; values out of their domain are refused here or by the core.
    fn try_from(c: &colayout_options) -> Result<Self, Failure> {
        let (ideal, w) = (c.link_lengths_ideal, c.link_lengths_w);
        let link_lengths = match c.link_lengths {
            COLAYOUT_LINK_LENGTHS_GIVEN => LinkLengths::Given,
            COLAYOUT_LINK_LENGTHS_SYMMETRIC_DIFF => LinkLengths::SymmetricDiff { ideal, w },
            COLAYOUT_LINK_LENGTHS_JACCARD => LinkLengths::Jaccard { ideal, w },
            v => return Err(invalid("link_lengths", v)),
        };
        let stress = match c.stress {
            COLAYOUT_STRESS_P => StressMode::PStress,
            COLAYOUT_STRESS_FULL => StressMode::Full,
            v => return Err(invalid("stress", v)),
        };
        let solver = match c.solver {
            COLAYOUT_SOLVER_DESCENT => Solver::Descent,
            COLAYOUT_SOLVER_SGD => Solver::Sgd,
            v => return Err(invalid("solver", v)),
        };
        let sgd_schedule = match c.sgd_schedule {
            COLAYOUT_SGD_SCHEDULE_ANNEAL => SgdSchedule::Anneal,
            COLAYOUT_SGD_SCHEDULE_CONVERGENT => SgdSchedule::Convergent,
            v => return Err(invalid("sgd_schedule", v)),
        };
        let pivots = match c.pivots {
            COLAYOUT_PIVOTS_AUTO => Pivots::Auto,
            p => Pivots::Count(usize::try_from(p).map_err(|_| {
                Failure::from(Error::InvalidOption {
                    name: "pivots",
                    value: p as f64,
                })
            })?),
        };
        let flow = if c.flow_layout {
            Some(Flow {
                axis: axis(c.flow_axis, "flow_axis")?,
                min_separation: c.flow_min_separation,
            })
        } else {
            None
        };
        Ok(LayoutOptions {
            link_distance: c.link_distance,
            link_lengths,
            stress,
            convergence_threshold: c.convergence_threshold,
            size: c.size,
            handle_disconnected: c.handle_disconnected,
            default_node_size: c.default_node_size,
            seed: c.seed,
            max_ticks: c.max_ticks,
            avoid_overlaps: c.avoid_overlaps,
            group_compactness: c.group_compactness,
            flow,
            grid_snap_size: (c.grid_snap_size != 0.0).then_some(c.grid_snap_size),
            damp_after: c.damp_after,
            memory_limit: c.memory_limit,
            overlapping_groups: c.overlapping_groups,
            solver,
            pivots,
            sgd_schedule,
        })
    }
}

/// Fills `out` with the core's defaults (WebCola's). Does nothing when `out` is NULL.
///
/// # Safety
/// A non-NULL `out` must be valid for writing a `colayout_options`.
#[no_mangle]
pub unsafe extern "C" fn colayout_options_default(out: *mut colayout_options) {
    // SAFETY: forwarded from the caller; NULL is skipped.
    unsafe { crate::ptr::put(out, colayout_options::from(&LayoutOptions::default())) };
}

/// The iteration counts of WebCola's `start(a, b, c, d, keep_running, center_graph)`
/// (the core's `Schedule`).
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct colayout_schedule {
    /// Phase 1: iterations without constraints.
    pub unconstrained: usize,
    /// Phase 2: iterations with user constraints.
    pub user_constraints: usize,
    /// Phase 3: iterations with all constraints, under the stress goal.
    pub all_constraints: usize,
    /// Phase 4: grid-snap iterations.
    pub grid_snap: usize,
    /// After the phases, tick until converged (or `max_ticks`). Default true.
    pub keep_running: bool,
    /// Pack and centre components after the phases. Default true.
    pub center_graph: bool,
}

impl From<Schedule> for colayout_schedule {
    fn from(s: Schedule) -> Self {
        Self {
            unconstrained: s.unconstrained,
            user_constraints: s.user_constraints,
            all_constraints: s.all_constraints,
            grid_snap: s.grid_snap,
            keep_running: s.keep_running,
            center_graph: s.center_graph,
        }
    }
}

impl From<&colayout_schedule> for Schedule {
    fn from(s: &colayout_schedule) -> Self {
        Self {
            unconstrained: s.unconstrained,
            user_constraints: s.user_constraints,
            all_constraints: s.all_constraints,
            grid_snap: s.grid_snap,
            keep_running: s.keep_running,
            center_graph: s.center_graph,
        }
    }
}

/// Fills `out` with WebCola's `start()`: no phase iterations, then ticks until
/// converged, centred. Does nothing when `out` is NULL.
///
/// # Safety
/// A non-NULL `out` must be valid for writing a `colayout_schedule`.
#[no_mangle]
pub unsafe extern "C" fn colayout_schedule_default(out: *mut colayout_schedule) {
    // SAFETY: forwarded from the caller; NULL is skipped.
    unsafe { crate::ptr::put(out, colayout_schedule::from(Schedule::default())) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_round_trip_through_the_c_struct() {
        let d = LayoutOptions::default();
        assert_eq!(
            LayoutOptions::try_from(&colayout_options::from(&d)).unwrap(),
            d
        );
        let o = LayoutOptions {
            link_lengths: LinkLengths::Jaccard { ideal: 3.0, w: 0.5 },
            stress: StressMode::Full,
            flow: Some(Flow {
                axis: Axis::X,
                min_separation: 12.0,
            }),
            grid_snap_size: Some(4.0),
            overlapping_groups: true,
            solver: Solver::Sgd,
            pivots: Pivots::Count(50),
            sgd_schedule: SgdSchedule::Convergent,
            ..d
        };
        assert_eq!(
            LayoutOptions::try_from(&colayout_options::from(&o)).unwrap(),
            o
        );
        let bad = colayout_options {
            stress: 7,
            ..colayout_options::from(&LayoutOptions::default())
        };
        let f = LayoutOptions::try_from(&bad).unwrap_err();
        assert_eq!(
            f.status,
            crate::error::colayout_status::COLAYOUT_INVALID_OPTION
        );
        let negative = colayout_options {
            pivots: -2,
            ..colayout_options::from(&LayoutOptions::default())
        };
        let f = LayoutOptions::try_from(&negative).unwrap_err();
        assert_eq!(
            f.status,
            crate::error::colayout_status::COLAYOUT_INVALID_OPTION
        );
    }
}
