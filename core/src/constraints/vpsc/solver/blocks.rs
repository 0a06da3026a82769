//! Block operations of the solver: building, merging and splitting blocks, the
//! Lagrange multipliers and the most-violated-constraint scan.

use alloc::vec::Vec;

use super::{Block, PositionStats, Solver};
use crate::constraints::vpsc::{LAGRANGIAN_TOLERANCE, NONE, ZERO_UPPERBOUND};

impl Solver {
    pub(super) fn new_blocks(&mut self) {
        let n = self.vars.len();
        self.blocks.clear();
        self.free.clear();
        self.list.clear();
        for i in 0..n {
            self.blocks.push(Block::default());
            self.init_block(i, i);
            self.blocks[i].ind = i;
            self.list.push(i);
        }
        self.has_blocks = true;
    }

    /// WebCola's `new Block(v)`, into arena slot `b`.
    pub(super) fn init_block(&mut self, b: usize, v: usize) {
        self.vars[v].offset = 0.0;
        let block = &mut self.blocks[b];
        block.vars.clear();
        block.ps = PositionStats {
            scale: self.vars[v].scale,
            ..PositionStats::default()
        };
        self.add_variable(b, v);
    }

    pub(super) fn alloc_block(&mut self, v: usize) -> usize {
        let b = match self.free.pop() {
            Some(b) => b,
            None => {
                self.blocks.push(Block::default());
                self.blocks.len() - 1
            }
        };
        self.init_block(b, v);
        b
    }

    pub(super) fn add_variable(&mut self, b: usize, v: usize) {
        self.vars[v].block = b;
        let block = &mut self.blocks[b];
        block.vars.push(v);
        block.ps.add(&self.vars[v]);
        block.posn = block.ps.posn();
    }

    pub(super) fn update_weighted_position(&mut self, b: usize) {
        let block = &mut self.blocks[b];
        block.ps.ab = 0.0;
        block.ps.ad = 0.0;
        block.ps.a2 = 0.0;
        for &v in &block.vars {
            block.ps.add(&self.vars[v]);
        }
        block.posn = block.ps.posn();
    }

    pub(super) fn insert(&mut self, b: usize) {
        self.blocks[b].ind = self.list.len();
        self.list.push(b);
    }

    pub(super) fn remove(&mut self, b: usize) {
        let last = self.list.len() - 1;
        let swap = self.list[last];
        self.list.truncate(last);
        if b != swap {
            let at = self.blocks[b].ind;
            self.list[at] = swap;
            self.blocks[swap].ind = at;
        }
        self.free.push(b);
    }

    pub(super) fn merge(&mut self, c: usize) {
        let (left, right, gap) = (self.cons[c].left, self.cons[c].right, self.cons[c].gap);
        let (l, r) = (self.vars[left].block, self.vars[right].block);
        let dist = self.vars[right].offset - self.vars[left].offset - gap;
        if self.blocks[l].vars.len() < self.blocks[r].vars.len() {
            self.merge_across(r, l, c, dist);
            self.remove(l);
        } else {
            self.merge_across(l, r, c, -dist);
            self.remove(r);
        }
    }

    pub(super) fn merge_across(&mut self, into: usize, from: usize, c: usize, dist: f64) {
        self.cons[c].active = true;
        let moved = core::mem::take(&mut self.blocks[from].vars);
        for &v in &moved {
            self.vars[v].offset += dist;
            self.add_variable(into, v);
        }
        self.blocks[from].vars = moved;
        let block = &mut self.blocks[into];
        block.posn = block.ps.posn();
    }

    /// WebCola's `Blocks.split`: splits each block on its most negative multiplier.
    pub(super) fn split_blocks(&mut self) {
        for i in 0..self.list.len() {
            self.update_weighted_position(self.list[i]);
        }
        let len0 = self.list.len();
        for i in 0..len0 {
            let b = self.list[i];
            let Some(v) = self.find_min_lm(b) else {
                continue;
            };
            if self.cons[v].lm < LAGRANGIAN_TOLERANCE {
                let b = self.vars[self.cons[v].left].block;
                let (nl, nr) = self.split(v);
                self.insert(nl);
                self.insert(nr);
                self.remove(b);
                self.inactive.push(self.inactive_entry(v));
            }
        }
    }

    /// Deactivates `c` and builds the two blocks on either side of it.
    pub(super) fn split(&mut self, c: usize) -> (usize, usize) {
        self.cons[c].active = false;
        let (l, r) = (self.cons[c].left, self.cons[c].right);
        (self.create_split_block(l), self.create_split_block(r))
    }

    pub(super) fn create_split_block(&mut self, start: usize) -> usize {
        let b = self.alloc_block(start);
        // WebCola's recursive `populateSplitBlock`, depth-first in neighbour order.
        let mut stack: Vec<(usize, usize, usize)> = alloc::vec![(start, NONE, 0)];
        while let Some(top) = stack.last_mut() {
            let (v, prev) = (top.0, top.1);
            match self.next_neighbour(v, prev, &mut top.2) {
                Some((c, next)) => {
                    let gap = self.cons[c].gap;
                    let off = self.vars[v].offset;
                    self.vars[next].offset = if next == self.cons[c].right {
                        off + gap
                    } else {
                        off - gap
                    };
                    self.add_variable(b, next);
                    stack.push((next, v, 0));
                }
                None => {
                    stack.pop();
                }
            }
        }
        b
    }

    /// The next active constraint at `v` not leading back to `prev`, in WebCola's order
    /// (`cOut` then `cIn`), advancing the cursor `k`.
    pub(super) fn next_neighbour(
        &self,
        v: usize,
        prev: usize,
        k: &mut usize,
    ) -> Option<(usize, usize)> {
        let var = &self.vars[v];
        let (n_out, n_in) = (var.c_out.len(), var.c_in.len());
        while *k < n_out + n_in {
            let i = *k;
            *k += 1;
            let (c, next) = if i < n_out {
                let c = var.c_out[i];
                (c, self.cons[c].right)
            } else {
                let c = var.c_in[i - n_out];
                (c, self.cons[c].left)
            };
            if self.cons[c].active && prev != next {
                return Some((c, next));
            }
        }
        None
    }

    /// WebCola's `compute_lm`: Lagrange multipliers of the active tree rooted at `start`,
    /// calling `post` on each constraint in post-order.
    pub(super) fn compute_lm(&mut self, start: usize, mut post: impl FnMut(&Self, usize)) {
        struct Frame {
            v: usize,
            prev: usize,
            k: usize,
            dfdv: f64,
            via: usize,
        }
        let mut stack = alloc::vec![Frame {
            v: start,
            prev: NONE,
            k: 0,
            dfdv: self.dfdv(start),
            via: NONE
        }];
        loop {
            let Some(top) = stack.last_mut() else { return };
            let (v, prev) = (top.v, top.prev);
            if let Some((c, next)) = self.next_neighbour(v, prev, &mut top.k) {
                let dfdv = self.dfdv(next);
                stack.push(Frame {
                    v: next,
                    prev: v,
                    k: 0,
                    dfdv,
                    via: c,
                });
                continue;
            }
            let Some(done) = stack.pop() else { return };
            let r = done.dfdv / self.vars[done.v].scale;
            let Some(parent) = stack.last_mut() else {
                return;
            };
            let c = done.via;
            if done.v == self.cons[c].right {
                parent.dfdv += r * self.vars[self.cons[c].left].scale;
                self.cons[c].lm = r;
            } else {
                parent.dfdv += r * self.vars[self.cons[c].right].scale;
                self.cons[c].lm = -r;
            }
            post(self, c);
        }
    }

    pub(super) fn find_min_lm(&mut self, b: usize) -> Option<usize> {
        let first = *self.blocks[b].vars.first()?;
        let mut m: Option<usize> = None;
        self.compute_lm(first, |s, c| {
            let con = &s.cons[c];
            if !con.equality && m.is_none_or(|m| con.lm < s.cons[m].lm) {
                m = Some(c);
            }
        });
        m
    }

    pub(super) fn find_min_lm_between(&mut self, lv: usize, rv: usize) -> Option<usize> {
        self.compute_lm(lv, |_, _| {});
        // The path from lv to rv in the active tree, visited deepest edge first.
        let mut stack: Vec<(usize, usize, usize, usize)> = alloc::vec![(lv, NONE, 0, NONE)];
        let mut found = false;
        while let Some(top) = stack.last_mut() {
            let (v, prev) = (top.0, top.1);
            match self.next_neighbour(v, prev, &mut top.2) {
                Some((c, next)) if next == rv => {
                    stack.push((next, v, 0, c));
                    found = true;
                    break;
                }
                Some((c, next)) => stack.push((next, v, 0, c)),
                None => {
                    stack.pop();
                }
            }
        }
        if !found {
            return None;
        }
        let mut m: Option<usize> = None;
        for &(next, _, _, c) in stack.iter().rev() {
            if c == NONE {
                continue;
            }
            let con = &self.cons[c];
            if !con.equality && con.right == next && m.is_none_or(|m| con.lm < self.cons[m].lm) {
                m = Some(c);
            }
        }
        m
    }

    pub(super) fn is_active_directed_path_between(&self, u: usize, v: usize) -> bool {
        let mut stack = alloc::vec![u];
        let mut steps = 0usize;
        while let Some(w) = stack.pop() {
            if w == v {
                return true;
            }
            steps += 1;
            if steps > self.cons.len() + self.vars.len() {
                break;
            }
            for &c in &self.vars[w].c_out {
                if self.cons[c].active {
                    stack.push(self.cons[c].right);
                }
            }
        }
        false
    }

    /// WebCola's `mostViolated`: the inactive constraint with least slack (an equality
    /// first), removed from the inactive list when it will be processed.
    ///
    /// The scan is WebCola's, O(inactive constraints) per call. With every scale 1, a
    /// variable's position `1·((1·posn + offset) / 1)` is `posn + offset` exactly, so the
    /// positions are computed once per call and each slack is two loads and two
    /// subtractions: the same values as `slack`, bit for bit.
    pub(super) fn most_violated(&mut self) -> Option<usize> {
        let n = self.inactive.len();
        let mut min_slack = f64::MAX;
        let mut found: Option<usize> = None;
        let mut delete_point = n;
        let mut pos = core::mem::take(&mut self.scan_positions);
        pos.clear();
        if self.unit_scales {
            pos.extend(
                self.vars
                    .iter()
                    .map(|v| self.blocks[v.block].posn + v.offset),
            );
        }
        for (i, e) in self.inactive.iter().enumerate() {
            if e.unsatisfiable {
                continue;
            }
            let slack = if self.unit_scales {
                pos[e.right] - e.gap - pos[e.left]
            } else {
                self.slack(e.c)
            };
            if e.equality || slack < min_slack {
                min_slack = slack;
                found = Some(e.c);
                delete_point = i;
                if e.equality {
                    break;
                }
            }
        }
        self.scan_positions = pos;
        let v = found?;
        if delete_point != n
            && (min_slack < ZERO_UPPERBOUND && !self.cons[v].active || self.cons[v].equality)
        {
            self.inactive[delete_point] = self.inactive[n - 1];
            self.inactive.truncate(n - 1);
        }
        Some(v)
    }
}
