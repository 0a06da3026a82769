//! Dragging nodes and groups, WebCola's `dragStart`, `drag` and `dragEnd`.

use alloc::vec::Vec;

use super::{Layout, FIXED_DRAG};
use crate::error::{Error, Result};

/// What to drag: a node, or a whole group with everything in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragTarget {
    /// A node, by index.
    Node(usize),
    /// A group, by index.
    Group(usize),
}

impl<const K: usize> Layout<K> {
    /// Starts dragging a node or group (WebCola's `dragStart`): it is held where it is,
    /// with weight 1000 in the projection, until [`Layout::drag_end`].
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node or group.
    pub fn drag_start(&mut self, target: DragTarget) -> Result<()> {
        let origin = self.drag_origin(target)?;
        for i in self.drag_members(target)? {
            self.fixed[i] |= FIXED_DRAG;
            self.pinned[i] = self.position(i);
            let p = self.position(i);
            self.drag_offsets[i] = [p[0] - origin[0], p[1] - origin[1]];
        }
        self.sync_pins();
        Ok(())
    }

    /// Moves a dragged node (its centre) or group (its box centre) to `to`, and resumes
    /// the layout so that the rest settles around it (as WebCola's adaptors do). After
    /// each tick, dragged nodes sit exactly where they are held.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node or group;
    /// [`Error::NonFiniteCoordinate`] for a non-finite `to`, [`Error::OutOfRange`] for
    /// one beyond [`super::ranges::MAX_COORDINATE`].
    pub fn drag(&mut self, target: DragTarget, to: [f64; 2]) -> Result<()> {
        if !(to[0].is_finite() && to[1].is_finite()) {
            return Err(Error::NonFiniteCoordinate {
                node: self.target_index(target),
            });
        }
        let item = match target {
            DragTarget::Node(_) => "node",
            DragTarget::Group(_) => "group",
        };
        super::ranges::coordinate(item, self.target_index(target), "x", to[0])?;
        super::ranges::coordinate(item, self.target_index(target), "y", to[1])?;
        for i in self.drag_members(target)? {
            let off = if matches!(target, DragTarget::Group(_)) {
                self.drag_offsets[i]
            } else {
                [0.0; 2]
            };
            self.pinned[i][0] = to[0] + off[0];
            self.pinned[i][1] = to[1] + off[1];
        }
        self.sync_pins();
        if !self.running || self.alpha() < self.options.convergence_threshold {
            self.resume();
        }
        Ok(())
    }

    /// Ends a drag (WebCola's `dragEnd`): the node or group is free again, unless the
    /// user fixed it.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for a missing node or group.
    pub fn drag_end(&mut self, target: DragTarget) -> Result<()> {
        for i in self.drag_members(target)? {
            self.fixed[i] &= !FIXED_DRAG;
        }
        self.sync_pins();
        Ok(())
    }

    /// Puts nodes being dragged exactly where they are held. (WebCola only pulls them
    /// there with its lock spring, so a node lags its pointer by the neighbours' pull;
    /// nodes fixed by the user keep that spring.)
    pub(super) fn hold_dragged(&mut self) {
        let big_n = self.descent.node_count();
        for i in 0..self.graph.node_count() {
            if self.fixed[i] & FIXED_DRAG != 0 {
                let p = self.pinned[i];
                let x = self.descent.x_mut();
                for d in 0..K {
                    x[d * big_n + i] = p[d];
                }
            }
        }
    }

    fn target_index(&self, target: DragTarget) -> usize {
        match target {
            DragTarget::Node(i) | DragTarget::Group(i) => i,
        }
    }

    fn drag_members(&self, target: DragTarget) -> Result<Vec<usize>> {
        match target {
            DragTarget::Node(i) if i < self.graph.node_count() => Ok(alloc::vec![i]),
            DragTarget::Group(j) if j < self.graph.groups().len() => {
                Ok(self.graph.groups().members(j))
            }
            DragTarget::Node(i) => Err(Error::NodeOutOfRange {
                node: i,
                node_count: self.graph.node_count(),
            }),
            DragTarget::Group(j) => Err(Error::NodeOutOfRange {
                node: j,
                node_count: self.graph.groups().len(),
            }),
        }
    }

    fn drag_origin(&self, target: DragTarget) -> Result<[f64; 2]> {
        match target {
            DragTarget::Group(j) if j < self.graph.groups().len() => {
                let b = self.group_bounds()[j];
                Ok([b.cx(), b.cy()])
            }
            DragTarget::Node(i) if i < self.graph.node_count() => {
                let p = self.position(i);
                Ok([p[0], p[1]])
            }
            _ => self.drag_members(target).map(|_| [0.0; 2]),
        }
    }

    /// Locks and projection pins from the `fixed` bits (WebCola's per-tick lock setup).
    pub(super) fn sync_pins(&mut self) {
        self.descent.clear_locks();
        for i in 0..self.graph.node_count() {
            let pin = (self.fixed[i] != 0).then_some(self.pinned[i]);
            if let Some(p) = pin {
                // In range by construction.
                let _ = self.descent.lock(i, p);
            }
            if let Some(proj) = self.descent.projection_mut() {
                proj.set_pinned(i, pin.map(|p| [p[0], p[1]]));
            }
        }
    }
}
