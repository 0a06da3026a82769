//! SGD: the stochastic gradient descent on stress of Zheng, Pawar and Goodman ("Graph
//! Drawing by Stochastic Gradient Descent", TVCG 2018), with s_gd2's step-size schedule,
//! over the model's pairs. One epoch moves every pair, in a freshly shuffled order,
//! towards its ideal distance by `μ = min(1, η·w)` of its error; the step `η` anneals
//! over `T_MAX` (30) epochs, as s_gd2's `layout`. On the sparse model a pivot term
//! moves its node only, by half its error, as s_gd2's `layout_sparse`.
//!
//! The first epoch shuffles every term; later ones shuffle blocks of 1024 terms from a
//! random offset and visit the blocks in a random order, which keeps the shuffle in L1
//! (s_gd2 shuffles everything each epoch, which at 2000 nodes costs more than the
//! updates).

use alloc::vec::Vec;

use super::kernels::row_start;
use super::sparse::{LINK, ONE_SIDED};
use super::{Model, PairTable};
use crate::error::{Error, Result};
use crate::rng::SplitMix64;

/// s_gd2's `t_max`: epochs of the exponential decay from `1 / w_min` to `ε / w_max`.
pub const T_MAX: usize = 30;
/// s_gd2's `ε`.
pub const EPSILON: f64 = 0.01;
/// s_gd2's `t_maxmax`: the most epochs of the convergent schedule.
pub const T_MAXMAX: usize = 200;

/// The step sizes after the anneal's switch point (the first epoch with `η < 1 / w_max`).
/// Named `"anneal"` and `"convergent"` in every frontend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SgdSchedule {
    /// s_gd2's `layout`: the exponential decay to `ε / w_max` over `T_MAX` (30) epochs,
    /// and the layout ends there.
    #[default]
    Anneal,
    /// s_gd2's `layout_convergent`: from the switch point `η = (1 / w_max) / (1 + λ (t -
    /// τ))`, until no pair moves a node by more than `convergence_threshold` of the
    /// shortest ideal distance, or `T_MAXMAX` (200) epochs.
    Convergent,
}

impl SgdSchedule {
    /// The schedule's name in every frontend.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SgdSchedule::Anneal => "anneal",
            SgdSchedule::Convergent => "convergent",
        }
    }
}

impl core::str::FromStr for SgdSchedule {
    type Err = Error;

    /// `"anneal"` or `"convergent"` (any case).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "anneal" => Ok(SgdSchedule::Anneal),
            "convergent" => Ok(SgdSchedule::Convergent),
            _ => Err(Error::parse(
                "option",
                alloc::format!("sgd_schedule must be \"anneal\" or \"convergent\", not {s:?}"),
            )),
        }
    }
}

/// One pair: its nodes (`j`'s top bit [`ONE_SIDED`]: only `i` moves), ideal distance
/// (layout units) and weight `w / d²`; a negative weight marks a P-stress pair, which
/// only repels (skipped when farther than ideal).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Term {
    i: u32,
    j: u32,
    d: f32,
    w: f32,
}

/// The SGD state: the pair terms, the epoch count and the shuffling generator.
#[derive(Clone, Debug)]
pub struct Sgd {
    terms: Vec<Term>,
    rng: SplitMix64,
    epoch: usize,
    eta_max: f64,
    eta_min: f64,
    lambda: f64,
    /// `1 / w_max`: where the anneal switches (P-stress pairs start only repelling, the
    /// convergent schedule starts its slower decay).
    eta_switch: f64,
    /// The first epoch whose step is below `1 / w_max`: from there P-stress pairs only
    /// repel, and a layout resumed after its anneal starts again there.
    tau: usize,
    /// Smallest ideal distance: moves are measured against it.
    min_d: f64,
    schedule: SgdSchedule,
    /// The terms had their first, full, shuffle.
    shuffled: bool,
}

/// The terms of every reachable pair of `pairs`, in row order.
fn dense_terms(pairs: &PairTable, terms: &mut Vec<Term>) {
    let n = pairs.node_count();
    let (ideal, weight) = (pairs.ideal_buffer(), pairs.weight_buffer());
    for u in 0..n {
        let start = row_start(n, u);
        for v in u + 1..n {
            let (d, pw) = (ideal[start + v - u - 1], weight[start + v - u - 1]);
            if d <= 0.0 {
                continue;
            }
            let scale = if pw > 1.0 { 1.0 } else { pw };
            let w = scale / (d * d);
            terms.push(Term {
                i: u as u32,
                j: v as u32,
                d,
                w: if pw > 1.0 { -w } else { w },
            });
        }
    }
}

/// Bytes the dense terms take for `n` nodes: 16 per reachable pair, at most.
#[must_use]
pub fn sgd_bytes(n: usize) -> u64 {
    let n = n as u128;
    u64::try_from(16 * (n * n.saturating_sub(1) / 2)).unwrap_or(u64::MAX)
}

impl Sgd {
    /// The terms of `model`'s reachable pairs under its current weighting, shuffled by
    /// a generator seeded with `seed`.
    ///
    /// # Errors
    /// [`Error::TooManyNodes`] when the terms cannot be allocated.
    pub fn new(model: &Model, seed: u64, schedule: SgdSchedule) -> Result<Self> {
        let n = model.node_count();
        let mut terms = Vec::new();
        let oom = |_| Error::TooManyNodes {
            node_count: n,
            bytes: sgd_bytes(n),
            limit: u64::MAX,
        };
        match model {
            Model::Dense(pairs) => {
                let ideal = pairs.ideal_buffer();
                let count = ideal.iter().filter(|&&d| d > 0.0).count();
                terms.try_reserve_exact(count).map_err(oom)?;
                dense_terms(pairs, &mut terms);
            }
            Model::Sparse(m) => {
                terms.try_reserve_exact(m.term_count()).map_err(oom)?;
                let weighting = m.weighting();
                for t in m.terms() {
                    let Some((w, repel)) = m.weight(t, weighting) else {
                        continue;
                    };
                    terms.push(Term {
                        i: t.i,
                        j: t.j & !LINK,
                        d: t.d,
                        w: if repel { -w } else { w },
                    });
                }
            }
        }
        let (mut w_min, mut w_max, mut min_d) = (f64::INFINITY, 0.0f64, f64::INFINITY);
        for t in &terms {
            let w = f64::from(t.w.abs());
            if w > 0.0 {
                w_min = w_min.min(w);
                w_max = w_max.max(w);
            }
            min_d = min_d.min(f64::from(t.d));
        }
        let (eta_max, eta_min) = if w_max > 0.0 {
            (1.0 / w_min, EPSILON / w_max)
        } else {
            (1.0, EPSILON)
        };
        let lambda = crate::math::ln(eta_max / eta_min) / (T_MAX as f64 - 1.0);
        let eta_switch = if w_max > 0.0 { 1.0 / w_max } else { 1.0 };
        let tau = (0..T_MAX)
            .find(|&t| eta_max * crate::math::exp(-lambda * t as f64) < eta_switch)
            .unwrap_or(T_MAX);
        Ok(Self {
            terms,
            rng: SplitMix64::new(seed),
            epoch: 0,
            eta_max,
            eta_min,
            lambda,
            eta_switch,
            tau,
            min_d: if min_d.is_finite() { min_d } else { 1.0 },
            schedule,
            shuffled: false,
        })
    }

    /// The last epoch of the schedule: `T_MAX` or `T_MAXMAX`.
    fn last(&self) -> usize {
        match self.schedule {
            SgdSchedule::Anneal => T_MAX,
            SgdSchedule::Convergent => T_MAXMAX,
        }
    }

    /// The step size of epoch `t`: s_gd2's exponential decay from `1 / w_min` to
    /// `ε / w_max` over `T_MAX` (30) epochs, then `ε / w_max`; with the convergent
    /// schedule, from the switch point `τ` on, `(1 / w_max) / (1 + λ (t - τ))`.
    #[must_use]
    pub fn eta(&self, t: usize) -> f64 {
        if self.schedule == SgdSchedule::Convergent && t >= self.tau {
            return self.eta_switch / (1.0 + self.lambda * (t - self.tau) as f64);
        }
        if t < T_MAX {
            self.eta_max * crate::math::exp(-self.lambda * t as f64)
        } else {
            self.eta_min
        }
    }

    /// Epochs run.
    #[must_use]
    pub fn epochs(&self) -> usize {
        self.epoch
    }

    /// Skips the start of the anneal, whose long steps undo any layout: for a layout
    /// that continues from positions it keeps.
    pub fn skip_anneal(&mut self) {
        self.epoch = self.epoch.max(self.tau);
    }

    /// After the anneal, runs its end again (from `1 / w_max` down): a resumed layout,
    /// after a drag say, moves as much as a settling one.
    pub fn reheat(&mut self) {
        if self.epoch >= self.last() {
            self.epoch = self.tau;
        }
    }

    /// One epoch on positions `x` (SoA, `K * n`): shuffles the terms, then moves each
    /// pair. Nodes with `held[i]` do not move (the other end takes the whole move).
    /// Returns the largest move of an epoch's pair update, over the smallest ideal
    /// distance (s_gd2's convergence measure, made unit-free), or 0 once the epoch
    /// ends the anneal.
    pub fn epoch<const K: usize>(&mut self, x: &mut [f64], n: usize, held: &[bool]) -> f64 {
        let step = Step {
            eta: self.eta(self.epoch),
            settled: self.epoch >= self.tau,
            n,
            held,
        };
        self.epoch += 1;
        let (terms, rng) = (&mut self.terms[..], &mut self.rng);
        let mut biggest = 0.0f64;
        if !self.shuffled || terms.len() <= 2 * SHUFFLE_BLOCK {
            shuffle(terms, rng);
            self.shuffled = true;
            for t in terms.iter() {
                biggest = biggest.max(step.update::<K>(t, x, rng));
            }
        } else {
            // Blocks of SHUFFLE_BLOCK terms from a random offset (the first one shorter),
            // in a random order, each shuffled in L1 and moved at once. The offset
            // changes which terms share a block from epoch to epoch.
            let offset = rng.below(SHUFFLE_BLOCK);
            let count = 1 + (terms.len() - offset).div_ceil(SHUFFLE_BLOCK);
            let mut order: Vec<u32> = (0..count as u32).collect();
            shuffle(&mut order, rng);
            for &b in &order {
                let range = match b as usize {
                    0 => 0..offset,
                    b => {
                        let start = offset + (b - 1) * SHUFFLE_BLOCK;
                        start..(start + SHUFFLE_BLOCK).min(terms.len())
                    }
                };
                let block = &mut terms[range];
                shuffle(block, rng);
                for t in block.iter() {
                    biggest = biggest.max(step.update::<K>(t, x, rng));
                }
            }
        }
        if self.epoch >= self.last() {
            // The schedule is over: nothing is left to do, whatever still moves.
            return 0.0;
        }
        biggest / self.min_d
    }
}

/// Terms per block of an epoch's order after the first, fully shuffled, epoch: 16 KB, so
/// a block is shuffled and moved in L1. A full shuffle each epoch, all cache misses,
/// took three quarters of the epoch's time at 2000 nodes.
const SHUFFLE_BLOCK: usize = 1024;

/// Fisher-Yates, from the back, with `rng`.
fn shuffle<T>(items: &mut [T], rng: &mut SplitMix64) {
    for k in (1..items.len()).rev() {
        let j = rng.below(k + 1);
        items.swap(k, j);
    }
}

/// One epoch's step size and what its updates read.
struct Step<'a> {
    eta: f64,
    /// From the anneal's switch point on, P-stress pairs only repel.
    settled: bool,
    n: usize,
    held: &'a [bool],
}

impl Step<'_> {
    /// Moves the pair of `t` towards its ideal distance; returns the move's length.
    #[inline(always)]
    fn update<const K: usize>(&self, t: &Term, x: &mut [f64], rng: &mut SplitMix64) -> f64 {
        let n = self.n;
        let (i, j) = (t.i as usize, (t.j & !ONE_SIDED) as usize);
        let mut delta = [0.0f64; K];
        let mut l2 = 0.0;
        for (d, dd) in delta.iter_mut().enumerate() {
            *dd = x[d * n + i] - x[d * n + j];
            l2 += *dd * *dd;
        }
        if l2 < 1e-18 {
            // Coincident: a seeded direction of length 1e-6 of the ideal distance.
            for dd in &mut delta {
                *dd = rng.unit() - 0.5;
            }
            let s = delta.iter().map(|v| v * v).sum::<f64>();
            let scale = 1e-6 * f64::from(t.d) / crate::math::sqrt(s.max(1e-300));
            delta.iter_mut().for_each(|v| *v *= scale);
            l2 = delta.iter().map(|v| v * v).sum();
        }
        let l = crate::math::sqrt(l2);
        let d = f64::from(t.d);
        // P-stress pairs repel only once the annealing is over: the anneal itself runs
        // on full stress, which unfolds the layout.
        if t.w < 0.0 && l > d && self.settled {
            return 0.0;
        }
        let mu = (self.eta * f64::from(t.w.abs())).min(1.0);
        let half = mu * (l - d) / 2.0;
        let (hi, hj) = (self.held[i], self.held[j] || t.j & ONE_SIDED != 0);
        if hi && hj {
            return crate::math::abs(half);
        }
        let (ri, rj) = match (hi, hj) {
            (true, _) => (0.0, 2.0 * half / l),
            (_, true) if t.j & ONE_SIDED != 0 => (half / l, 0.0),
            (_, true) => (2.0 * half / l, 0.0),
            _ => (half / l, half / l),
        };
        for (dim, dd) in delta.iter().enumerate() {
            x[dim * n + i] -= ri * dd;
            x[dim * n + j] += rj * dd;
        }
        crate::math::abs(half)
    }
}
