//! The options' names, for serde: WebCola's (`linkDistance`, `flowLayout`,
//! `symmetricDiffLinkLengths`, ...) as written, the core's field names (`link_distance`,
//! ...) as aliases. Absent options keep [`LayoutOptions::default`]; unknown names are an
//! error. The stress mode is written `"p"` or `"full"`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Flow, LayoutOptions, StressMode};
use crate::linklengths::LinkLengths;
use crate::stress::{Pivots, SgdSchedule, Solver};

/// WebCola's `{ideal, w}` argument of `symmetricDiffLinkLengths` and `jaccardLinkLengths`;
/// `w` defaults to 1, as in WebCola.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Neighbourhood {
    ideal: f64,
    #[serde(default = "one")]
    w: f64,
}

fn one() -> f64 {
    1.0
}

/// Every option, as it is named in JSON; `None` when absent.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Names {
    #[serde(alias = "link_distance", skip_serializing_if = "Option::is_none")]
    link_distance: Option<f64>,
    #[serde(
        alias = "symmetric_diff_link_lengths",
        skip_serializing_if = "Option::is_none"
    )]
    symmetric_diff_link_lengths: Option<Neighbourhood>,
    #[serde(
        alias = "jaccard_link_lengths",
        skip_serializing_if = "Option::is_none"
    )]
    jaccard_link_lengths: Option<Neighbourhood>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stress: Option<StressMode>,
    #[serde(
        alias = "convergence_threshold",
        skip_serializing_if = "Option::is_none"
    )]
    convergence_threshold: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    size: Option<[f64; 2]>,
    #[serde(alias = "handle_disconnected", skip_serializing_if = "Option::is_none")]
    handle_disconnected: Option<bool>,
    #[serde(alias = "default_node_size", skip_serializing_if = "Option::is_none")]
    default_node_size: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(alias = "max_ticks", skip_serializing_if = "Option::is_none")]
    max_ticks: Option<usize>,
    #[serde(alias = "avoid_overlaps", skip_serializing_if = "Option::is_none")]
    avoid_overlaps: Option<bool>,
    #[serde(alias = "group_compactness", skip_serializing_if = "Option::is_none")]
    group_compactness: Option<f64>,
    #[serde(alias = "overlapping_groups", skip_serializing_if = "Option::is_none")]
    overlapping_groups: Option<bool>,
    #[serde(alias = "flow", skip_serializing_if = "Option::is_none")]
    flow_layout: Option<Flow>,
    #[serde(alias = "grid_snap_size", skip_serializing_if = "Option::is_none")]
    grid_snap_size: Option<f64>,
    #[serde(alias = "damp_after", skip_serializing_if = "Option::is_none")]
    damp_after: Option<usize>,
    #[serde(alias = "memory_limit", skip_serializing_if = "Option::is_none")]
    memory_limit: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    solver: Option<Solver>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pivots: Option<Pivots>,
    #[serde(alias = "sgd_schedule", skip_serializing_if = "Option::is_none")]
    sgd_schedule: Option<SgdSchedule>,
}

impl Serialize for LayoutOptions {
    /// Every option, under WebCola's names (`flowLayout` and `gridSnapSize` only when set).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (sym, jac) = match self.link_lengths {
            LinkLengths::Given => (None, None),
            LinkLengths::SymmetricDiff { ideal, w } => (Some(Neighbourhood { ideal, w }), None),
            LinkLengths::Jaccard { ideal, w } => (None, Some(Neighbourhood { ideal, w })),
        };
        Names {
            link_distance: Some(self.link_distance),
            symmetric_diff_link_lengths: sym,
            jaccard_link_lengths: jac,
            stress: Some(self.stress),
            convergence_threshold: Some(self.convergence_threshold),
            size: Some(self.size),
            handle_disconnected: Some(self.handle_disconnected),
            default_node_size: Some(self.default_node_size),
            seed: Some(self.seed),
            max_ticks: Some(self.max_ticks),
            avoid_overlaps: Some(self.avoid_overlaps),
            group_compactness: Some(self.group_compactness),
            overlapping_groups: Some(self.overlapping_groups),
            flow_layout: self.flow,
            grid_snap_size: self.grid_snap_size,
            damp_after: Some(self.damp_after),
            memory_limit: Some(self.memory_limit),
            solver: Some(self.solver),
            pivots: Some(self.pivots),
            sgd_schedule: Some(self.sgd_schedule),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for LayoutOptions {
    /// The given options over [`LayoutOptions::default`]. Giving both
    /// `symmetricDiffLinkLengths` and `jaccardLinkLengths` is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = Names::deserialize(d)?;
        let link_lengths = match (n.symmetric_diff_link_lengths, n.jaccard_link_lengths) {
            (Some(_), Some(_)) => {
                return Err(serde::de::Error::custom(
                    "give symmetricDiffLinkLengths or jaccardLinkLengths, not both",
                ))
            }
            (Some(Neighbourhood { ideal, w }), None) => LinkLengths::SymmetricDiff { ideal, w },
            (None, Some(Neighbourhood { ideal, w })) => LinkLengths::Jaccard { ideal, w },
            (None, None) => LinkLengths::Given,
        };
        let mut o = LayoutOptions {
            link_lengths,
            ..LayoutOptions::default()
        };
        let set = |slot: &mut f64, v: Option<f64>| *slot = v.unwrap_or(*slot);
        set(&mut o.link_distance, n.link_distance);
        set(&mut o.convergence_threshold, n.convergence_threshold);
        set(&mut o.default_node_size, n.default_node_size);
        set(&mut o.group_compactness, n.group_compactness);
        o.stress = n.stress.unwrap_or(o.stress);
        o.size = n.size.unwrap_or(o.size);
        o.handle_disconnected = n.handle_disconnected.unwrap_or(o.handle_disconnected);
        o.seed = n.seed.unwrap_or(o.seed);
        o.max_ticks = n.max_ticks.unwrap_or(o.max_ticks);
        o.avoid_overlaps = n.avoid_overlaps.unwrap_or(o.avoid_overlaps);
        o.overlapping_groups = n.overlapping_groups.unwrap_or(o.overlapping_groups);
        o.flow = n.flow_layout.or(o.flow);
        o.grid_snap_size = n.grid_snap_size.or(o.grid_snap_size);
        o.damp_after = n.damp_after.unwrap_or(o.damp_after);
        o.memory_limit = n.memory_limit.unwrap_or(o.memory_limit);
        o.solver = n.solver.unwrap_or(o.solver);
        o.pivots = n.pivots.unwrap_or(o.pivots);
        o.sgd_schedule = n.sgd_schedule.unwrap_or(o.sgd_schedule);
        Ok(o)
    }
}

/// Serde for enums written by their frontend name (`name()`, `FromStr`).
macro_rules! by_name {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <alloc::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

by_name!(StressMode, Solver, SgdSchedule);

impl Serialize for Pivots {
    /// `"auto"`, or the count as a number.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Pivots::Auto => s.serialize_str("auto"),
            Pivots::Count(p) => s.serialize_u64(p as u64),
        }
    }
}

impl<'de> Deserialize<'de> for Pivots {
    /// `"auto"`, a count, or a count written as a string.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Pivots;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("\"auto\" or a count of pivots")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Pivots, E> {
                usize::try_from(v)
                    .map(Pivots::Count)
                    .map_err(|_| E::custom("pivots: too many"))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Pivots, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom("pivots must be \"auto\" or a count, not negative"))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Pivots, E> {
                if v >= 0.0 && v.fract() == 0.0 && v <= 1e15 {
                    self.visit_u64(v as u64)
                } else {
                    Err(E::custom(alloc::format!(
                        "pivots must be \"auto\" or a whole count, not {v}"
                    )))
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Pivots, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}
