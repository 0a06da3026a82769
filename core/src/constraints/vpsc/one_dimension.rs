//! WebCola's `removeOverlapInOneDimension`.

use alloc::vec::Vec;

use super::{Constraint, Solver, Variable};
use crate::error::{Error, Result};

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
