//! The solver: blocks of variables joined by active constraints, WebCola's `Solver`.

mod blocks;

use alloc::vec::Vec;

use super::{Constraint, Variable, ZERO_UPPERBOUND};
use crate::error::{Error, Result};

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
/// use colayout::constraints::vpsc::{Constraint, Solver, Variable};
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_scale_scan_gives_the_same_bits() {
        let mut rng = crate::rng::PseudoRandom::new(7);
        // Miri interprets every instruction: a few rounds there, all of them natively.
        let rounds = if cfg!(miri) { 6 } else { 200 };
        for round in 0..rounds {
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
}
