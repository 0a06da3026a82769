//! Variable placement with separation constraints (VPSC): WebCola's incremental
//! block active-set solver (Dwyer, Marriott & Stuckey, "Fast node overlap removal").
//!
//! Minimises `Σ wᵢ (xᵢ - desiredᵢ)²` subject to `scale_r·x_r - scale_l·x_l ≥ gap`
//! (or `= gap` for equalities). A port of WebCola's `Solver` with the same visit
//! orders, tie-breaking and tolerances, so it gives the same positions and reports the
//! same unsatisfiable constraints; the recursive traversals are iterative here, so deep
//! block trees cannot overflow the stack. Runs in `f64`.

use alloc::vec::Vec;

use crate::error::{Error, Result};

/// Constraints whose Lagrange multiplier is below this are split (WebCola's value).
pub const LAGRANGIAN_TOLERANCE: f64 = -1e-4;
/// A constraint with slack below this is violated (WebCola's value).
pub const ZERO_UPPERBOUND: f64 = -1e-10;

const NONE: usize = usize::MAX;

/// A variable: a desired position, a weight and a scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Variable {
    /// Where the variable would like to be.
    pub desired: f64,
    /// Weight of its squared distance from `desired` in the goal (> 0).
    pub weight: f64,
    /// Scale of the variable in constraints (non-zero; 1 for plain positions).
    pub scale: f64,
    offset: f64,
    block: usize,
    c_in: Vec<usize>,
    c_out: Vec<usize>,
}

impl Variable {
    /// A variable with weight 1 and scale 1.
    #[must_use]
    pub fn new(desired: f64) -> Self {
        Self::weighted(desired, 1.0, 1.0)
    }

    /// A variable with the given weight and scale.
    #[must_use]
    pub fn weighted(desired: f64, weight: f64, scale: f64) -> Self {
        Self {
            desired,
            weight,
            scale,
            offset: 0.0,
            block: NONE,
            c_in: Vec::new(),
            c_out: Vec::new(),
        }
    }
}

/// A separation constraint `right ≥ left + gap` (scaled), or `right = left + gap`.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    /// Index of the left variable.
    pub left: usize,
    /// Index of the right variable.
    pub right: usize,
    /// Minimum (or, for an equality, exact) separation.
    pub gap: f64,
    /// An equality rather than an inequality.
    pub equality: bool,
    lm: f64,
    active: bool,
    unsatisfiable: bool,
}

impl Constraint {
    /// `x[right] ≥ x[left] + gap`.
    #[must_use]
    pub fn new(left: usize, right: usize, gap: f64) -> Self {
        Self {
            left,
            right,
            gap,
            equality: false,
            lm: 0.0,
            active: false,
            unsatisfiable: false,
        }
    }

    /// `x[right] = x[left] + gap`.
    #[must_use]
    pub fn equality(left: usize, right: usize, gap: f64) -> Self {
        Self {
            equality: true,
            ..Self::new(left, right, gap)
        }
    }

    /// True when the solver found the constraint could not be satisfied together with
    /// the others (a cycle of constraints, or a contradiction among equalities).
    #[must_use]
    pub fn is_unsatisfiable(&self) -> bool {
        self.unsatisfiable
    }

    /// Marks the constraint unsatisfiable (or not), so a new solver skips it as WebCola's
    /// `Projection` does with constraints found unsatisfiable in an earlier projection.
    pub fn set_unsatisfiable(&mut self, unsatisfiable: bool) {
        self.unsatisfiable = unsatisfiable;
    }

    /// True when the constraint is tight in the current solution.
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.active
    }
}

/// An entry of the inactive list: the constraint `c` with the fields the scan reads,
/// kept beside it so the scan walks the list in order.
#[derive(Clone, Copy, Debug)]
struct Inactive {
    c: usize,
    left: usize,
    right: usize,
    gap: f64,
    equality: bool,
    unsatisfiable: bool,
}

#[derive(Clone, Debug, Default)]
struct PositionStats {
    scale: f64,
    ab: f64,
    ad: f64,
    a2: f64,
}

impl PositionStats {
    fn add(&mut self, v: &Variable) {
        let ai = self.scale / v.scale;
        let bi = v.offset / v.scale;
        let wi = v.weight;
        self.ab += wi * ai * bi;
        self.ad += wi * ai * v.desired;
        self.a2 += wi * ai * ai;
    }

    fn posn(&self) -> f64 {
        (self.ad - self.ab) / self.a2
    }
}

#[derive(Clone, Debug, Default)]
struct Block {
    vars: Vec<usize>,
    posn: f64,
    ps: PositionStats,
    /// Index in the solver's live block list.
    ind: usize,
}

/// WebCola's incremental VPSC solver.
///
/// ```
/// use colayout::vpsc::{Constraint, Solver, Variable};
/// let vars = vec![Variable::new(0.0), Variable::new(0.0)];
/// let mut s = Solver::new(vars, vec![Constraint::new(0, 1, 10.0)]).unwrap();
/// s.solve();
/// assert_eq!(s.positions(), [-5.0, 5.0]);
/// ```
#[derive(Clone, Debug)]
pub struct Solver {
    vars: Vec<Variable>,
    cons: Vec<Constraint>,
    /// Block arena; `list` holds the live ones, `free` the reusable slots.
    blocks: Vec<Block>,
    list: Vec<usize>,
    free: Vec<usize>,
    /// WebCola's inactive constraint list, in its order; see [`Inactive`].
    inactive: Vec<Inactive>,
    has_blocks: bool,
    /// Every variable has scale 1 (all of `Projection`'s do); see `most_violated`.
    unit_scales: bool,
    /// Variable positions, refilled by each `most_violated` scan when `unit_scales`.
    scan_positions: Vec<f64>,
}

impl Solver {
    /// A solver over `vars` and `cons`.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] when a constraint names a missing variable;
    /// [`Error::InvalidOption`] for a non-finite desired position or gap, a weight that
    /// is not finite and positive, or a scale that is zero or not finite.
    pub fn new(mut vars: Vec<Variable>, cons: Vec<Constraint>) -> Result<Self> {
        for v in &vars {
            if !v.desired.is_finite() {
                return Err(Error::InvalidOption {
                    name: "desired",
                    value: v.desired,
                });
            }
            if !(v.weight.is_finite() && v.weight > 0.0) {
                return Err(Error::InvalidOption {
                    name: "weight",
                    value: v.weight,
                });
            }
            if !(v.scale.is_finite() && v.scale != 0.0) {
                return Err(Error::InvalidOption {
                    name: "scale",
                    value: v.scale,
                });
            }
        }
        for v in &mut vars {
            v.c_in.clear();
            v.c_out.clear();
        }
        for (i, c) in cons.iter().enumerate() {
            for end in [c.left, c.right] {
                if end >= vars.len() {
                    return Err(Error::NodeOutOfRange {
                        node: end,
                        node_count: vars.len(),
                    });
                }
            }
            if !c.gap.is_finite() {
                return Err(Error::InvalidOption {
                    name: "gap",
                    value: c.gap,
                });
            }
            vars[c.left].c_out.push(i);
            vars[c.right].c_in.push(i);
        }
        let unit_scales = vars.iter().all(|v| v.scale == 1.0);
        let mut s = Self {
            vars,
            cons,
            blocks: Vec::new(),
            list: Vec::new(),
            free: Vec::new(),
            inactive: Vec::new(),
            has_blocks: false,
            unit_scales,
            scan_positions: Vec::new(),
        };
        s.reset_inactive();
        Ok(s)
    }

    /// A constraint as the inactive list keeps it. Its fields do not change while it is
    /// listed: only the constraint being processed, already taken off the list, is ever
    /// marked unsatisfiable.
    fn inactive_entry(&self, c: usize) -> Inactive {
        let con = &self.cons[c];
        Inactive {
            c,
            left: con.left,
            right: con.right,
            gap: con.gap,
            equality: con.equality,
            unsatisfiable: con.unsatisfiable,
        }
    }

    fn reset_inactive(&mut self) {
        for c in &mut self.cons {
            c.active = false;
        }
        self.inactive = (0..self.cons.len())
            .map(|c| self.inactive_entry(c))
            .collect();
    }

    /// The variables.
    #[must_use]
    pub fn variables(&self) -> &[Variable] {
        &self.vars
    }

    /// The constraints, with their state after solving.
    #[must_use]
    pub fn constraints(&self) -> &[Constraint] {
        &self.cons
    }

    /// Indices of the constraints found unsatisfiable, ascending.
    #[must_use]
    pub fn unsatisfiable(&self) -> Vec<usize> {
        (0..self.cons.len())
            .filter(|&i| self.cons[i].unsatisfiable)
            .collect()
    }

    /// Starts again from one block per variable at `positions` (WebCola's
    /// `setStartingPositions`).
    ///
    /// # Panics
    /// If `positions` is shorter than the variables.
    pub fn set_starting_positions(&mut self, positions: &[f64]) {
        self.reset_inactive();
        self.new_blocks();
        for (i, &p) in positions.iter().enumerate().take(self.vars.len()) {
            self.blocks[i].posn = p;
        }
    }

    /// Sets every variable's desired position.
    ///
    /// # Panics
    /// If `positions` is shorter than the variables.
    pub fn set_desired_positions(&mut self, positions: &[f64]) {
        for (v, &p) in self.vars.iter_mut().zip(positions) {
            v.desired = p;
        }
    }

    /// Position of variable `v`.
    ///
    /// # Panics
    /// If `v` is out of range, or before the first `satisfy`/`solve`.
    #[must_use]
    pub fn position(&self, v: usize) -> f64 {
        let var = &self.vars[v];
        let b = &self.blocks[var.block];
        (b.ps.scale * b.posn + var.offset) / var.scale
    }

    /// Positions of all variables (their desired positions before any solve).
    #[must_use]
    pub fn positions(&self) -> Vec<f64> {
        (0..self.vars.len())
            .map(|i| {
                if self.has_blocks {
                    self.position(i)
                } else {
                    self.vars[i].desired
                }
            })
            .collect()
    }

    /// `Σ w (x - desired)²` of the current solution (0 before any solve).
    #[must_use]
    pub fn cost(&self) -> f64 {
        if !self.has_blocks {
            return 0.0;
        }
        let mut sum = 0.0;
        for &b in self.list.iter().rev() {
            let mut bs = 0.0;
            for &v in self.blocks[b].vars.iter().rev() {
                let d = self.position(v) - self.vars[v].desired;
                bs += d * d * self.vars[v].weight;
            }
            sum += bs;
        }
        sum
    }

    /// Satisfies the constraints, moving blocks of variables as little as possible
    /// (WebCola's `satisfy`).
    pub fn satisfy(&mut self) {
        if !self.has_blocks {
            self.new_blocks();
        }
        self.split_blocks();
        // Each iteration merges two blocks, or marks a constraint unsatisfiable, or splits
        // and merges; the cap only guards against a cycle WebCola would loop on forever.
        let mut budget = 4 * (self.cons.len() + self.vars.len()) + 100;
        while let Some(v) = self.most_violated() {
            let c = &self.cons[v];
            if !(c.equality || self.slack(v) < ZERO_UPPERBOUND && !c.active) || budget == 0 {
                break;
            }
            budget -= 1;
            let (l, r) = (c.left, c.right);
            let (lb, rb) = (self.vars[l].block, self.vars[r].block);
            if lb != rb {
                self.merge(v);
                continue;
            }
            if self.is_active_directed_path_between(r, l) {
                self.cons[v].unsatisfiable = true;
                continue;
            }
            match self.find_min_lm_between(l, r) {
                Some(sc) => {
                    let (nl, nr) = self.split(sc);
                    self.insert(nl);
                    self.insert(nr);
                    self.remove(lb);
                    self.inactive.push(self.inactive_entry(sc));
                }
                None => {
                    self.cons[v].unsatisfiable = true;
                    continue;
                }
            }
            if self.slack(v) >= 0.0 {
                self.inactive.push(self.inactive_entry(v));
            } else {
                self.merge(v);
            }
        }
    }

    /// Satisfies, then repeats until the cost changes by at most 1e-4; returns the cost
    /// (WebCola's `solve`).
    pub fn solve(&mut self) -> f64 {
        self.satisfy();
        let mut last = f64::MAX;
        let mut cost = self.cost();
        let mut rounds = 0;
        while (last - cost).abs() > 0.0001 && rounds < 1000 {
            self.satisfy();
            last = cost;
            cost = self.cost();
            rounds += 1;
        }
        cost
    }

    fn slack(&self, c: usize) -> f64 {
        let c = &self.cons[c];
        if c.unsatisfiable {
            return f64::MAX;
        }
        self.vars[c.right].scale * self.position(c.right)
            - c.gap
            - self.vars[c.left].scale * self.position(c.left)
    }

    fn dfdv(&self, v: usize) -> f64 {
        2.0 * self.vars[v].weight * (self.position(v) - self.vars[v].desired)
    }

    fn new_blocks(&mut self) {
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
    fn init_block(&mut self, b: usize, v: usize) {
        self.vars[v].offset = 0.0;
        let block = &mut self.blocks[b];
        block.vars.clear();
        block.ps = PositionStats {
            scale: self.vars[v].scale,
            ..PositionStats::default()
        };
        self.add_variable(b, v);
    }

    fn alloc_block(&mut self, v: usize) -> usize {
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

    fn add_variable(&mut self, b: usize, v: usize) {
        self.vars[v].block = b;
        let block = &mut self.blocks[b];
        block.vars.push(v);
        block.ps.add(&self.vars[v]);
        block.posn = block.ps.posn();
    }

    fn update_weighted_position(&mut self, b: usize) {
        let block = &mut self.blocks[b];
        block.ps.ab = 0.0;
        block.ps.ad = 0.0;
        block.ps.a2 = 0.0;
        for &v in &block.vars {
            block.ps.add(&self.vars[v]);
        }
        block.posn = block.ps.posn();
    }

    fn insert(&mut self, b: usize) {
        self.blocks[b].ind = self.list.len();
        self.list.push(b);
    }

    fn remove(&mut self, b: usize) {
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

    fn merge(&mut self, c: usize) {
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

    fn merge_across(&mut self, into: usize, from: usize, c: usize, dist: f64) {
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
    fn split_blocks(&mut self) {
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
    fn split(&mut self, c: usize) -> (usize, usize) {
        self.cons[c].active = false;
        let (l, r) = (self.cons[c].left, self.cons[c].right);
        (self.create_split_block(l), self.create_split_block(r))
    }

    fn create_split_block(&mut self, start: usize) -> usize {
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
    fn next_neighbour(&self, v: usize, prev: usize, k: &mut usize) -> Option<(usize, usize)> {
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
    fn compute_lm(&mut self, start: usize, mut post: impl FnMut(&Self, usize)) {
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

    fn find_min_lm(&mut self, b: usize) -> Option<usize> {
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

    fn find_min_lm_between(&mut self, lv: usize, rv: usize) -> Option<usize> {
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

    fn is_active_directed_path_between(&self, u: usize, v: usize) -> bool {
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
    fn most_violated(&mut self) -> Option<usize> {
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

/// One span for [`remove_overlap_in_one_dimension`]: a size and a desired centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// Length of the span.
    pub size: f64,
    /// Where its centre would like to be.
    pub desired_center: f64,
}

/// Result of [`remove_overlap_in_one_dimension`].
#[derive(Clone, Debug, PartialEq)]
pub struct SpanLayout {
    /// New centre of each span.
    pub centers: Vec<f64>,
    /// The lower bound (moved if the spans did not fit), or the left end of the spans.
    pub lower_bound: f64,
    /// The upper bound (moved if the spans did not fit), or the right end of the spans.
    pub upper_bound: f64,
}

/// WebCola's `removeOverlapInOneDimension`: moves spans, given in left-to-right order,
/// so that consecutive ones do not overlap, as little as possible, within optional bounds.
/// The bounds are variables of weight 1000, so they move only when the spans cannot fit.
///
/// Unlike WebCola, a bound of 0 is a bound (WebCola's truthiness test ignores it).
///
/// # Errors
/// [`Error::InvalidOption`] for non-finite input.
pub fn remove_overlap_in_one_dimension(
    spans: &[Span],
    lower_bound: Option<f64>,
    upper_bound: Option<f64>,
) -> Result<SpanLayout> {
    let n = spans.len();
    if n == 0 {
        return Ok(SpanLayout {
            centers: Vec::new(),
            lower_bound: lower_bound.unwrap_or(0.0),
            upper_bound: upper_bound.unwrap_or(0.0),
        });
    }
    let mut vars: Vec<Variable> = spans
        .iter()
        .map(|s| Variable::new(s.desired_center))
        .collect();
    let mut cons: Vec<Constraint> = (0..n - 1)
        .map(|i| Constraint::new(i, i + 1, (spans[i].size + spans[i + 1].size) / 2.0))
        .collect();
    let (left_size, right_size) = (spans[0].size / 2.0, spans[n - 1].size / 2.0);
    let lower = lower_bound.map(|b| {
        vars.push(Variable::weighted(b, 1000.0, 1.0));
        cons.push(Constraint::new(vars.len() - 1, 0, left_size));
        vars.len() - 1
    });
    let upper = upper_bound.map(|b| {
        vars.push(Variable::weighted(b, 1000.0, 1.0));
        cons.push(Constraint::new(n - 1, vars.len() - 1, right_size));
        vars.len() - 1
    });
    if let Some(s) = spans.iter().find(|s| !s.size.is_finite()) {
        return Err(Error::InvalidOption {
            name: "size",
            value: s.size,
        });
    }
    let mut solver = Solver::new(vars, cons)?;
    solver.solve();
    Ok(SpanLayout {
        centers: (0..n).map(|i| solver.position(i)).collect(),
        lower_bound: lower.map_or(solver.position(0) - left_size, |v| solver.position(v)),
        upper_bound: upper.map_or(solver.position(n - 1) + right_size, |v| solver.position(v)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan's unit-scale slacks are `slack`'s values bit for bit: solving with and
    /// without them gives the same positions and the same unsatisfiable constraints.
    #[test]
    fn unit_scale_scan_gives_the_same_bits() {
        let mut rng = crate::rng::PseudoRandom::new(7);
        for round in 0..200 {
            let n = 2 + round % 40;
            let vars: Vec<Variable> = (0..n)
                .map(|_| {
                    Variable::weighted(
                        rng.next_between(-50.0, 50.0),
                        rng.next_between(0.5, 5.0),
                        1.0,
                    )
                })
                .collect();
            let cons: Vec<Constraint> = (0..2 * n)
                .filter_map(|k| {
                    let (l, r) = (
                        (rng.next() * n as f64) as usize,
                        (rng.next() * n as f64) as usize,
                    );
                    let gap = rng.next_between(0.0, 20.0);
                    (l != r).then(|| {
                        if k % 9 == 0 {
                            Constraint::equality(l, r, gap)
                        } else {
                            Constraint::new(l, r, gap)
                        }
                    })
                })
                .collect();
            let solve = |unit: bool| {
                let mut s = Solver::new(vars.clone(), cons.clone()).unwrap();
                assert!(s.unit_scales);
                s.unit_scales = unit;
                s.solve();
                (
                    s.positions()
                        .iter()
                        .map(|p| p.to_bits())
                        .collect::<Vec<_>>(),
                    s.unsatisfiable(),
                )
            };
            assert_eq!(solve(true), solve(false), "round {round}");
        }
    }

    #[test]
    fn two_variables_split_the_difference() {
        let mut s = Solver::new(
            alloc::vec![Variable::new(0.0), Variable::new(0.0)],
            alloc::vec![Constraint::new(0, 1, 10.0)],
        )
        .unwrap();
        s.solve();
        assert_eq!(s.positions(), [-5.0, 5.0]);
        assert!(s.unsatisfiable().is_empty());
    }

    #[test]
    fn contradictory_pair_reports_one_unsatisfiable_and_stays_finite() {
        let vars = alloc::vec![Variable::new(0.0), Variable::new(0.0)];
        let cons = alloc::vec![Constraint::new(0, 1, 10.0), Constraint::new(1, 0, 10.0)];
        let mut s = Solver::new(vars, cons).unwrap();
        s.solve();
        assert_eq!(s.unsatisfiable().len(), 1);
        assert!(s.positions().iter().all(|p| p.is_finite()));
    }

    #[test]
    fn equality_holds_exactly() {
        let vars = alloc::vec![Variable::new(0.0), Variable::new(3.0), Variable::new(100.0)];
        let cons = alloc::vec![Constraint::equality(0, 1, 7.0), Constraint::new(1, 2, 1.0)];
        let mut s = Solver::new(vars, cons).unwrap();
        s.solve();
        let p = s.positions();
        assert!((p[1] - p[0] - 7.0).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn webcola_one_dimensional_example() {
        let spans = [0.0, 2.0, 4.0].map(|c| Span {
            size: 10.0,
            desired_center: c,
        });
        let r = remove_overlap_in_one_dimension(&spans, Some(-20.0), Some(20.0)).unwrap();
        for (a, b) in r.centers.iter().zip([-8.0, 2.0, 12.0]) {
            assert!((a - b).abs() < 1e-9, "{:?}", r.centers);
        }
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(Solver::new(
            alloc::vec![Variable::new(0.0)],
            alloc::vec![Constraint::new(0, 1, 1.0)]
        )
        .is_err());
        assert!(Solver::new(alloc::vec![Variable::new(f64::NAN)], alloc::vec![]).is_err());
        assert!(Solver::new(
            alloc::vec![Variable::weighted(0.0, 0.0, 1.0)],
            alloc::vec![]
        )
        .is_err());
    }
}
