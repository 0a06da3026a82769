//! Ticks: WebCola's `tick`, `stop`, `resume` and runs until convergence.

use super::Layout;

/// What one [`Layout::tick`] did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    /// Alpha after the tick: the tick's displacement once two ticks have run, 0 at the end.
    pub alpha: f64,
    /// Sum of squared node displacements of the last iteration (what WebCola's tick
    /// event calls `stress`); `None` before any iteration.
    pub displacement: Option<f64>,
    /// True when alpha had fallen below the threshold, so no iteration ran
    /// (WebCola's `end` event).
    pub ended: bool,
}

impl<const K: usize> Layout<K> {
    /// One iteration, unless alpha has fallen below the convergence threshold, in which
    /// case the layout ends (WebCola's `tick`).
    pub fn tick(&mut self) -> Tick {
        if let Some(a) = self.alpha {
            if a < self.options.convergence_threshold {
                self.running = false;
                self.alpha = Some(0.0);
                return Tick {
                    alpha: 0.0,
                    displacement: self.last_stress,
                    ended: true,
                };
            }
        }
        self.iterate()
    }

    /// Exactly `count` iterations with no convergence test (for benchmarks and fixed
    /// schedules). Returns the last tick.
    pub fn run_ticks(&mut self, count: usize) -> Tick {
        let mut last = Tick {
            alpha: self.alpha(),
            displacement: self.last_stress,
            ended: false,
        };
        for _ in 0..count {
            last = self.iterate();
        }
        last
    }

    /// [`Layout::resume`], then ticks until the layout ends or `max_ticks` iterations
    /// have run (WebCola's `resume()` with its synchronous `kick`). Returns the number
    /// of iterations run.
    pub fn run_until_converged(&mut self) -> usize {
        self.run_until_converged_with(|_, _| {})
    }

    /// [`Layout::run_until_converged`], calling `on_tick(ticks_so_far, &tick)` after each
    /// iteration (for progress reports).
    pub fn run_until_converged_with(&mut self, mut on_tick: impl FnMut(usize, &Tick)) -> usize {
        self.resume();
        let mut ran = 0;
        while ran < self.options.max_ticks {
            let tick = self.tick();
            if tick.ended {
                break;
            }
            ran += 1;
            on_tick(ran, &tick);
        }
        ran
    }

    fn iterate(&mut self) -> Tick {
        let s = self.descent.runge_kutta();
        self.hold_dragged();
        self.ticks += 1;
        if s == 0.0 {
            self.alpha = Some(0.0);
        } else if self.last_stress.is_some() {
            self.alpha = Some(s);
        }
        self.last_stress = Some(s);
        Tick {
            alpha: self.alpha(),
            displacement: Some(s),
            ended: false,
        }
    }

    /// WebCola's `resume()`: alpha back to 0.1 so that ticks run again.
    pub fn resume(&mut self) {
        self.alpha = Some(0.1);
        self.running = true;
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
}
