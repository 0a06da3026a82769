//! User constraints in WebCola's JSON meaning, plus libcola's distribution,
//! fixed-relative and page-boundary constraints, turned into VPSC constraints per axis.

use alloc::vec::Vec;

use super::vpsc::Constraint;
use crate::error::{Error, Result};
use crate::geom::{Axis, Rectangle};

/// Default weight of page-boundary edges. libcola uses 100, which lets the edges give
/// way by a few thousandths under pressure; 1e4 keeps them in place unless the nodes
/// cannot fit.
pub const DEFAULT_PAGE_WEIGHT: f64 = 1e4;

/// One user constraint. Node indices are 0-based; distances are in layout units.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum UserConstraint {
    /// WebCola's `{"axis", "left", "right", "gap", "equality"}`: on `axis`,
    /// `right ≥ left + gap`, or `right = left + gap` with `equality`.
    Separation {
        /// The axis.
        axis: Axis,
        /// Node on the low side.
        left: usize,
        /// Node on the high side.
        right: usize,
        /// Minimum (or exact) distance between the two centres.
        gap: f64,
        /// Exact rather than minimum.
        equality: bool,
    },
    /// WebCola's `{"type": "alignment", "axis", "offsets": [{"node", "offset"}]}`: on
    /// `axis`, every listed node sits at its offset from the first one (the first
    /// offset is ignored, as in WebCola). `axis: X` puts the nodes on a vertical line.
    Alignment {
        /// The axis.
        axis: Axis,
        /// `(node, offset)` pairs.
        offsets: Vec<(usize, f64)>,
    },
    /// libcola's `DistributionConstraint`: the guides of the listed alignment
    /// constraints (each alignment's first node) are exactly `separation` apart, in order.
    Distribution {
        /// The axis; every listed alignment must be on it.
        axis: Axis,
        /// Indices of alignment constraints in the same constraint list.
        alignments: Vec<usize>,
        /// Distance between consecutive guides.
        separation: f64,
    },
    /// libcola's `FixedRelativeConstraint`: the nodes move as one rigid set, keeping the
    /// offsets between their starting positions (so give them positions: nodes without
    /// one all start at the canvas centre, and would collapse onto one point).
    FixedRelative {
        /// The nodes.
        nodes: Vec<usize>,
    },
    /// libcola's `PageBoundaryConstraints`: nodes (their boxes) stay inside `bounds`,
    /// whose edges are soft, of weight `weight` ([`DEFAULT_PAGE_WEIGHT`]), so they give
    /// way only when the nodes cannot fit. The layout is not packed or centred when a
    /// page boundary is present, so its coordinates stay the page's.
    PageBoundary {
        /// The page box.
        bounds: Rectangle,
        /// Weight of the edges' wish to stay at `bounds`. libcola's default is 100.
        weight: f64,
        /// The nodes kept inside; empty means every node.
        nodes: Vec<usize>,
    },
}

impl UserConstraint {
    /// The nodes the constraint ties together (for a distribution, its alignments'
    /// nodes, looked up in `all`); for a page boundary, none: it ties nodes to the page.
    pub(crate) fn nodes(&self, all: &[UserConstraint]) -> Vec<usize> {
        match self {
            UserConstraint::Separation { left, right, .. } => alloc::vec![*left, *right],
            UserConstraint::Alignment { offsets, .. } => offsets.iter().map(|o| o.0).collect(),
            UserConstraint::Distribution { alignments, .. } => alignments
                .iter()
                .filter_map(|&a| all.get(a))
                .filter(|c| matches!(c, UserConstraint::Alignment { .. }))
                .flat_map(|c| c.nodes(all))
                .collect(),
            UserConstraint::FixedRelative { nodes } => nodes.clone(),
            UserConstraint::PageBoundary { .. } => Vec::new(),
        }
    }

    fn numbers(&self) -> Vec<f64> {
        match self {
            UserConstraint::Separation { gap, .. } => alloc::vec![*gap],
            UserConstraint::Alignment { offsets, .. } => offsets.iter().map(|o| o.1).collect(),
            UserConstraint::Distribution { separation, .. } => alloc::vec![*separation],
            UserConstraint::FixedRelative { .. } => Vec::new(),
            UserConstraint::PageBoundary { bounds, weight, .. } => {
                alloc::vec![bounds.x, bounds.x_max, bounds.y, bounds.y_max, *weight]
            }
        }
    }
}

/// Checks every constraint against `node_count` nodes.
///
/// # Errors
/// [`Error::UnknownNode`], [`Error::EmptyConstraint`], [`Error::NonFiniteConstraint`],
/// [`Error::InvalidDistribution`].
pub fn validate(constraints: &[UserConstraint], node_count: usize) -> Result<()> {
    for (i, c) in constraints.iter().enumerate() {
        let named = match c {
            UserConstraint::PageBoundary { nodes, .. } => nodes.clone(),
            UserConstraint::Distribution { .. } => Vec::new(),
            other => other.nodes(constraints),
        };
        if let Some(node) = named.into_iter().find(|&v| v >= node_count) {
            return Err(Error::UnknownNode {
                item: "constraint",
                index: i,
                node,
            });
        }
        if c.numbers().iter().any(|v| !v.is_finite()) {
            return Err(Error::NonFiniteConstraint { constraint: i });
        }
        match c {
            UserConstraint::Alignment { offsets, .. } if offsets.is_empty() => {
                return Err(Error::EmptyConstraint { constraint: i });
            }
            UserConstraint::FixedRelative { nodes } if nodes.is_empty() => {
                return Err(Error::EmptyConstraint { constraint: i });
            }
            UserConstraint::Distribution {
                axis, alignments, ..
            } => {
                if alignments.is_empty() {
                    return Err(Error::EmptyConstraint { constraint: i });
                }
                for &a in alignments {
                    let ok = matches!(constraints.get(a), Some(UserConstraint::Alignment { axis: b, .. }) if b == axis);
                    if !ok {
                        return Err(Error::InvalidDistribution {
                            constraint: i,
                            alignment: a,
                        });
                    }
                }
            }
            UserConstraint::PageBoundary { weight, .. } if *weight <= 0.0 => {
                return Err(Error::NonFiniteConstraint { constraint: i });
            }
            _ => {}
        }
    }
    Ok(())
}

/// The VPSC constraints of one axis, with the user constraint each came from.
#[derive(Clone, Debug, Default)]
pub(crate) struct AxisConstraints {
    pub cons: Vec<Constraint>,
    pub origin: Vec<usize>,
    /// Extra variables (page edges): `(desired position, weight)`, numbered from the
    /// `first_extra` index given to [`build`].
    pub extra: Vec<(f64, f64)>,
}

/// Builds the VPSC constraints of both axes in WebCola's order: separations, then
/// alignments, then the libcola constraints. `positions` (node `[x, y]`) give the
/// fixed-relative offsets, `half_sizes` (node `[w/2, h/2]`) the page-boundary gaps.
pub(crate) fn build(
    constraints: &[UserConstraint],
    positions: &[[f64; 2]],
    half_sizes: &[[f64; 2]],
    first_extra: usize,
) -> [AxisConstraints; 2] {
    let mut out = [AxisConstraints::default(), AxisConstraints::default()];
    let push = |axis: Axis, origin: usize, c: Constraint, out: &mut [AxisConstraints; 2]| {
        out[axis.index()].cons.push(c);
        out[axis.index()].origin.push(origin);
    };
    for (i, c) in constraints.iter().enumerate() {
        if let UserConstraint::Separation {
            axis,
            left,
            right,
            gap,
            equality,
        } = c
        {
            let k = if *equality {
                Constraint::equality(*left, *right, *gap)
            } else {
                Constraint::new(*left, *right, *gap)
            };
            push(*axis, i, k, &mut out);
        }
    }
    for (i, c) in constraints.iter().enumerate() {
        if let UserConstraint::Alignment { axis, offsets } = c {
            let u = offsets[0].0;
            for &(v, off) in &offsets[1..] {
                push(*axis, i, Constraint::equality(u, v, off), &mut out);
            }
        }
    }
    for (i, c) in constraints.iter().enumerate() {
        match c {
            UserConstraint::Distribution {
                axis,
                alignments,
                separation,
            } => {
                let guide = |a: usize| match &constraints[a] {
                    UserConstraint::Alignment { offsets, .. } => offsets[0].0,
                    _ => unreachable!("validated: distributions name alignments"),
                };
                for w in alignments.windows(2) {
                    push(
                        *axis,
                        i,
                        Constraint::equality(guide(w[0]), guide(w[1]), *separation),
                        &mut out,
                    );
                }
            }
            UserConstraint::FixedRelative { nodes } => {
                let f = nodes[0];
                for &v in &nodes[1..] {
                    for axis in [Axis::X, Axis::Y] {
                        let d = axis.index();
                        push(
                            axis,
                            i,
                            Constraint::equality(f, v, positions[v][d] - positions[f][d]),
                            &mut out,
                        );
                    }
                }
            }
            UserConstraint::PageBoundary {
                bounds,
                weight,
                nodes,
            } => {
                let all: Vec<usize>;
                let members = if nodes.is_empty() {
                    all = (0..positions.len()).collect();
                    &all
                } else {
                    nodes
                };
                for axis in [Axis::X, Axis::Y] {
                    let d = axis.index();
                    let (lo, hi) = if d == 0 {
                        (bounds.x, bounds.x_max)
                    } else {
                        (bounds.y, bounds.y_max)
                    };
                    let ax = &mut out[d];
                    let lo_var = first_extra + ax.extra.len();
                    ax.extra.push((lo, *weight));
                    ax.extra.push((hi, *weight));
                    for &v in members {
                        let h = half_sizes[v][d];
                        push(axis, i, Constraint::new(lo_var, v, h), &mut out);
                        push(axis, i, Constraint::new(v, lo_var + 1, h), &mut out);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// WebCola's `makeFeasible`: along each alignment's line, nodes that overlap their
/// predecessor (sorted by position along the line) are shoved along by the
/// predecessor's full size.
pub(crate) fn make_feasible(
    constraints: &[UserConstraint],
    positions: &mut [[f64; 2]],
    sizes: &[[f64; 2]],
) {
    for c in constraints {
        if let UserConstraint::Alignment { axis, offsets } = c {
            let d = axis.other().index();
            let mut nodes: Vec<usize> = offsets.iter().map(|o| o.0).collect();
            nodes.sort_by(|&a, &b| {
                positions[a][d]
                    .partial_cmp(&positions[b][d])
                    .unwrap_or(core::cmp::Ordering::Equal)
            });
            for w in nodes.windows(2) {
                let next = positions[w[0]][d] + sizes[w[0]][d];
                if next > positions[w[1]][d] {
                    positions[w[1]][d] = next;
                }
            }
        }
    }
}

/// How far a VPSC constraint is from holding at `x` (0 when it holds).
pub(crate) fn violation(c: &Constraint, x: impl Fn(usize) -> f64) -> f64 {
    let d = x(c.right) - x(c.left) - c.gap;
    if c.equality {
        d.abs()
    } else {
        (-d).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_needs_nodes_and_finite_offsets() {
        let empty = [UserConstraint::Alignment {
            axis: Axis::X,
            offsets: alloc::vec![],
        }];
        assert_eq!(
            validate(&empty, 3),
            Err(Error::EmptyConstraint { constraint: 0 })
        );
        let nan = [UserConstraint::Separation {
            axis: Axis::Y,
            left: 0,
            right: 1,
            gap: f64::NAN,
            equality: false,
        }];
        assert_eq!(
            validate(&nan, 3),
            Err(Error::NonFiniteConstraint { constraint: 0 })
        );
        let missing = [UserConstraint::Alignment {
            axis: Axis::X,
            offsets: alloc::vec![(0, 0.0), (7, 0.0)],
        }];
        assert_eq!(
            validate(&missing, 3),
            Err(Error::UnknownNode {
                item: "constraint",
                index: 0,
                node: 7
            })
        );
    }

    #[test]
    fn separations_come_before_alignments_per_axis() {
        let cs = [
            UserConstraint::Alignment {
                axis: Axis::X,
                offsets: alloc::vec![(0, 5.0), (1, 2.0)],
            },
            UserConstraint::Separation {
                axis: Axis::X,
                left: 1,
                right: 2,
                gap: 3.0,
                equality: false,
            },
        ];
        let [x, y] = build(&cs, &[[0.0; 2]; 3], &[[0.0; 2]; 3], 3);
        assert_eq!(x.origin, [1, 0]);
        assert!(y.cons.is_empty());
        assert!(
            x.cons[1].equality && x.cons[1].gap == 2.0,
            "first offset ignored"
        );
    }
}
