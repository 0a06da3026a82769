//! Graphs from flat arrays, the form the C, Python and Wasm frontends hold: no per-node
//! structs from the caller.

use alloc::vec::Vec;

use super::{Graph, Link, Node};
use crate::error::{Error, Result};

/// A graph as flat arrays. Only `node_count` and `edges` are required; every other
/// array is per node or per link, or absent (`None`).
///
/// ```
/// use colayout::{Graph, GraphArrays};
/// let edges = [0, 1, 1, 2];
/// let lengths = [30.0, 40.0];
/// let graph = Graph::from_arrays(&GraphArrays {
///     lengths: Some(&lengths),
///     ..GraphArrays::new(3, &edges)
/// })?;
/// assert_eq!(graph.links()[1].length, Some(40.0));
/// # Ok::<(), colayout::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct GraphArrays<'a> {
    /// Number of nodes.
    pub node_count: usize,
    /// Link ends, `[s0, t0, s1, t1, ...]`: two 0-based node indices per link.
    pub edges: &'a [u32],
    /// Ideal length per link, in layout units.
    pub lengths: Option<&'a [f64]>,
    /// Stress weight per link (WebCola's `weight`; 0 means 1).
    pub weights: Option<&'a [f64]>,
    /// Box width per node, in layout units.
    pub widths: Option<&'a [f64]>,
    /// Box height per node, in layout units.
    pub heights: Option<&'a [f64]>,
    /// Start positions, node-major: `positions[i * dims + d]`.
    pub positions: Option<&'a [f64]>,
    /// Coordinates per node in `positions`: 2 (`x, y`) or 3 (`x, y, z`).
    pub dims: usize,
    /// Per node: fixed at its start position (WebCola's `fixed`).
    pub fixed: Option<&'a [bool]>,
}

impl<'a> GraphArrays<'a> {
    /// `node_count` nodes and `edges`, with nothing else given (2-D positions, if any).
    #[must_use]
    pub fn new(node_count: usize, edges: &'a [u32]) -> Self {
        Self {
            node_count,
            edges,
            lengths: None,
            weights: None,
            widths: None,
            heights: None,
            positions: None,
            dims: 2,
            fixed: None,
        }
    }
}

/// Most nodes a graph built from arrays may have, and the readers' default limit
/// (`colayout::io::Limits::max_nodes`): each node takes about 90 bytes while built.
pub const MAX_NODES: usize = 10_000_000;

/// `Ok` when a graph of `node_count` nodes may be built from arrays: at most
/// [`MAX_NODES`], checked before anything is allocated for the nodes.
///
/// # Errors
/// [`Error::InputTooLarge`] beyond the limit.
pub fn check_node_count(node_count: usize) -> Result<()> {
    let limit = MAX_NODES;
    if node_count > limit {
        return Err(Error::InputTooLarge {
            what: "nodes",
            count: node_count as u64,
            limit: limit as u64,
        });
    }
    Ok(())
}

/// `Ok` when `given` is absent or has `expected` entries.
fn check_len<T>(given: Option<&[T]>, expected: usize) -> Result<()> {
    match given {
        Some(a) if a.len() != expected => Err(Error::DimensionMismatch {
            expected,
            found: a.len(),
        }),
        _ => Ok(()),
    }
}

impl Graph {
    /// A graph from flat arrays, validated as [`Graph::new`] validates.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] beyond [`check_node_count`]'s limit, before anything is
    /// allocated; [`Error::DimensionMismatch`] when `edges` has an odd length, an array
    /// has the wrong length, or `dims` is not 2 or 3; then as [`Graph::new`].
    pub fn from_arrays(a: &GraphArrays<'_>) -> Result<Graph> {
        let n = a.node_count;
        check_node_count(n)?;
        if !a.edges.len().is_multiple_of(2) {
            return Err(Error::DimensionMismatch {
                expected: a.edges.len() + 1,
                found: a.edges.len(),
            });
        }
        if !(a.dims == 2 || a.dims == 3) {
            return Err(Error::DimensionMismatch {
                expected: 2,
                found: a.dims,
            });
        }
        let m = a.edges.len() / 2;
        check_len(a.lengths, m)?;
        check_len(a.weights, m)?;
        check_len(a.widths, n)?;
        check_len(a.heights, n)?;
        check_len(a.fixed, n)?;
        check_len(a.positions, a.dims * n)?;
        let at = |v: Option<&[f64]>, i: usize| v.map(|v| v[i]);
        let nodes: Vec<Node> = (0..n)
            .map(|i| {
                let p = |d: usize| {
                    a.positions
                        .filter(|_| d < a.dims)
                        .map(|p| p[i * a.dims + d])
                };
                Node {
                    x: p(0),
                    y: p(1),
                    z: p(2),
                    width: at(a.widths, i),
                    height: at(a.heights, i),
                    fixed: a.fixed.is_some_and(|f| f[i]),
                }
            })
            .collect();
        let links = a
            .edges
            .chunks_exact(2)
            .enumerate()
            .map(|(k, e)| Link {
                length: at(a.lengths, k),
                weight: at(a.weights, k),
                ..Link::new(e[0] as usize, e[1] as usize)
            })
            .collect();
        Graph::new(nodes, links)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_become_nodes_and_links() {
        let edges = [0, 1, 2, 1];
        let pos = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let fixed = [false, true, false];
        let g = Graph::from_arrays(&GraphArrays {
            positions: Some(&pos),
            fixed: Some(&fixed),
            ..GraphArrays::new(3, &edges)
        })
        .unwrap();
        assert_eq!(
            (g.nodes()[1].x, g.nodes()[1].y, g.nodes()[1].fixed),
            (Some(3.0), Some(4.0), true)
        );
        assert_eq!((g.links()[1].source, g.links()[1].target), (2, 1));
    }

    #[test]
    fn wrong_lengths_and_bad_values_are_errors() {
        let bad = |a: GraphArrays<'_>| Graph::from_arrays(&a).unwrap_err();
        assert_eq!(
            bad(GraphArrays::new(2, &[0, 1, 1])),
            Error::DimensionMismatch {
                expected: 4,
                found: 3
            }
        );
        assert_eq!(
            bad(GraphArrays {
                widths: Some(&[1.0]),
                ..GraphArrays::new(2, &[0, 1])
            }),
            Error::DimensionMismatch {
                expected: 2,
                found: 1
            }
        );
        assert_eq!(
            bad(GraphArrays::new(2, &[0, 5])).kind(),
            crate::error::ErrorKind::LinkOutOfRange
        );
        assert_eq!(
            bad(GraphArrays {
                positions: Some(&[0.0, f64::NAN, 1.0, 1.0]),
                ..GraphArrays::new(2, &[0, 1])
            }),
            Error::NonFiniteCoordinate { node: 0 }
        );
        assert_eq!(
            bad(GraphArrays::new(usize::MAX, &[])).kind(),
            crate::error::ErrorKind::InputTooLarge
        );
    }
}
