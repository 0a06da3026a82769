//! Ticks: WebCola's `tick`, `stop`, `resume` and runs until convergence.

use super::Layout;
use crate::error::Result;

/// Factor on the step scale per damped tick (see `LayoutOptions::damp_after`).
const DAMPING: f64 = 0.95;

/// What one [`Layout::tick`] did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    /// Alpha after the tick: the tick's displacement once two ticks have run, 0 at the end.
    pub alpha: f64,
    /// Sum of squared node displacements of the last iteration (what WebCola's tick
    /// event calls `stress`); `None` before any iteration.
    pub displacement: Option<f64>,
    /// True when alpha had fallen below the threshold, or `max_ticks` ticks had run
    /// since the last start or resume, so no iteration ran (WebCola's `end` event).
    pub ended: bool,
}

impl<const K: usize> Layout<K> {
    /// One iteration, unless alpha has fallen below the convergence threshold or
    /// [`crate::LayoutOptions::max_ticks`] ticks have run since the last start or
    /// resume, in which case the layout ends (WebCola's `tick`).
    ///
    /// # Errors
    /// [`crate::Error::Diverged`] when the iteration goes non-finite; the layout then
    /// ends, with the positions of its last finite iteration.
    pub fn tick(&mut self) -> Result<Tick> {
        let converged = self
            .alpha
            .is_some_and(|a| a < self.options.convergence_threshold);
        let capped = self.since_resume >= self.options.max_ticks;
        if converged || capped {
            self.running = false;
            self.alpha = Some(0.0);
            self.capped = capped && !converged;
            return Ok(Tick {
                alpha: 0.0,
                displacement: self.last_stress,
                ended: true,
            });
        }
        self.iterate()
    }

    /// Exactly `count` iterations with no convergence test and no `max_ticks` (for
    /// benchmarks and fixed schedules). Returns the last tick.
    ///
    /// # Errors
    /// As [`Layout::tick`].
    pub fn run_ticks(&mut self, count: usize) -> Result<Tick> {
        let mut last = Tick {
            alpha: self.alpha(),
            displacement: self.last_stress,
            ended: false,
        };
        for _ in 0..count {
            last = self.iterate()?;
        }
        Ok(last)
    }

    /// [`Layout::resume`], then ticks until the layout ends: converged, or `max_ticks`
    /// ticks run (WebCola's `resume()` with its synchronous `kick`). Returns the number
    /// of iterations run.
    ///
    /// # Errors
    /// As [`Layout::tick`].
    pub fn run_until_converged(&mut self) -> Result<usize> {
        self.run_until_converged_with(|_, _| {})
    }

    /// [`Layout::run_until_converged`], calling `on_tick(ticks_so_far, &tick)` after each
    /// iteration (for progress reports).
    ///
    /// # Errors
    /// As [`Layout::tick`].
    pub fn run_until_converged_with(
        &mut self,
        mut on_tick: impl FnMut(usize, &Tick),
    ) -> Result<usize> {
        self.resume();
        let mut ran = 0;
        loop {
            let tick = self.tick()?;
            if tick.ended {
                return Ok(ran);
            }
            ran += 1;
            on_tick(ran, &tick);
        }
    }

    fn iterate(&mut self) -> Result<Tick> {
        let s = match self.descent.iterate() {
            Ok(s) => s,
            Err(e) => {
                self.running = false;
                self.alpha = Some(0.0);
                return Err(e);
            }
        };
        self.hold_dragged();
        self.ticks += 1;
        self.since_resume += 1;
        self.damp(s);
        if s == 0.0 {
            self.alpha = Some(0.0);
        } else if self.last_stress.is_some() {
            self.alpha = Some(s);
        }
        self.last_stress = Some(s);
        Ok(Tick {
            alpha: self.alpha(),
            displacement: Some(s),
            ended: false,
        })
    }

    /// WebCola's `resume()`: alpha back to 0.1 so that ticks run again, for up to
    /// `max_ticks` more.
    pub fn resume(&mut self) {
        self.alpha = Some(0.1);
        self.running = true;
        self.since_resume = 0;
        self.capped = false;
        self.lowest = f64::INFINITY;
        self.stale = 0;
        self.descent.set_step_scale(1.0);
        self.descent.reheat();
    }

    /// Counts ticks since the lowest displacement; once `damp_after` of them pass, shrinks
    /// the steps by [`DAMPING`] on every tick until the layout ends. Only projected
    /// layouts are damped: an unconstrained descent can plateau for hundreds of ticks
    /// and still converge.
    fn damp(&mut self, displacement: f64) {
        let after = self.options.damp_after;
        if after == 0 || self.descent.projection().is_none() {
            return;
        }
        if self.stale < after {
            if displacement < self.lowest {
                self.lowest = displacement;
                self.stale = 0;
            } else {
                self.stale += 1;
            }
        }
        if self.stale >= after {
            let scale = self.descent.step_scale() * DAMPING;
            self.descent.set_step_scale(scale);
        }
    }

    /// WebCola's `stop()`: the next tick ends the layout.
    pub fn stop(&mut self) {
        if self.alpha.is_some_and(|a| a != 0.0) {
            self.alpha = Some(0.0);
        }
    }

    /// Current alpha (0 before the first start and after the end).
    #[must_use]
    pub fn alpha(&self) -> f64 {
        self.alpha.unwrap_or(0.0)
    }

    /// True between `resume` (or `start` with `keep_running`) and the end.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Iterations run by `tick` and `run_ticks` so far (phase iterations not counted).
    #[must_use]
    pub fn ticks(&self) -> usize {
        self.ticks
    }

    /// True when the layout last ended because `max_ticks` ticks had run since its start
    /// or resume, before it converged.
    #[must_use]
    pub fn reached_max_ticks(&self) -> bool {
        self.capped
    }
}
