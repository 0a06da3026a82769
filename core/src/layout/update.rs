//! Incremental updates: a new graph, keeping what has been laid out.

use alloc::vec::Vec;

use super::Layout;
use crate::error::{Error, Result};
use crate::graph::Graph;

impl<const K: usize> Layout<K> {
    /// Replaces the graph (nodes, links, groups, constraints) while the layout runs,
    /// keeping what has been laid out: `previous[i]` is the index that node `i` of the
    /// new graph had in the old one, or `None` for a new node. Kept nodes stay exactly
    /// where they are (WebCola's `start()` would re-run its phases and re-pack, and the
    /// drawing would jump). A new node starts at its given position, or beside the
    /// mean of its kept neighbours, or at the canvas centre. No phases run and nothing
    /// is packed; the layout resumes ticking under the stress goal, with the same
    /// projection rules as after `start`.
    ///
    /// # Errors
    /// As [`Layout::new`]; [`Error::DimensionMismatch`] when `previous` does not have one
    /// entry per new node, [`Error::NodeOutOfRange`] when it names a missing old node.
    /// On error the layout is unchanged.
    pub fn update(&mut self, graph: Graph, previous: &[Option<usize>]) -> Result<()> {
        let (old_n, n) = (self.graph.node_count(), graph.node_count());
        if previous.len() != n {
            return Err(Error::DimensionMismatch {
                expected: n,
                found: previous.len(),
            });
        }
        if let Some(&node) = previous.iter().flatten().find(|&&i| i >= old_n) {
            return Err(Error::NodeOutOfRange {
                node,
                node_count: old_n,
            });
        }
        let old = self.positions();
        let mut next = Layout::<K>::new(graph, self.options.clone())?;
        let placed: Vec<Option<[f64; K]>> = previous.iter().map(|p| p.map(|i| old[i])).collect();
        for (i, v) in next.graph.nodes().iter().enumerate() {
            let p = match placed[i] {
                Some(p) => p,
                None if v.x.is_some() || v.y.is_some() => next.position(i),
                None => {
                    let around: Vec<[f64; K]> = next
                        .graph
                        .neighbours(i)
                        .iter()
                        .filter_map(|&u| placed[u as usize])
                        .collect();
                    if around.is_empty() {
                        next.position(i)
                    } else {
                        // Half a link from the neighbours' mean, in a seeded random
                        // direction per node, so new siblings do not coincide.
                        let mean: [f64; K] = core::array::from_fn(|d| {
                            around.iter().map(|p| p[d]).sum::<f64>() / around.len() as f64
                        });
                        let step = crate::rng::PseudoRandom::new(self.options.seed ^ i as u64)
                            .offset_dir::<K>(self.options.link_distance / 2.0);
                        core::array::from_fn(|d| mean[d] + step[d])
                    }
                }
            };
            let big_n = next.descent.node_count();
            let x = next.descent.x_mut();
            for d in 0..K {
                x[d * big_n + i] = p[d];
            }
        }
        for (i, p) in previous.iter().enumerate() {
            if let Some(j) = *p {
                next.fixed[i] = self.fixed[j];
                next.pinned[i] = self.pinned[j];
                next.drag_offsets[i] = self.drag_offsets[j];
            }
        }
        next.initial_xy = next.xy();
        next.ticks = self.ticks;
        if next.options.avoid_overlaps || !next.constraints.is_empty() {
            next.install_projection(next.options.avoid_overlaps);
        }
        next.install_goal();
        next.sync_pins();
        next.descent.skip_anneal()?;
        *self = next;
        self.resume();
        Ok(())
    }
}
