//! Building the sparse model: s_gd2's random max-min pivots per component, their
//! regions, the pivot terms weighted by region (Ortmann, Klimenta and Brandes), the
//! link terms, and the pivot-MDS start.

use alloc::vec::Vec;

use super::{mds, SparseTerm, LINK};
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::paths::{ShortestPaths, Work};
use crate::rng::SplitMix64;

/// What [`build`] gives: the terms, the pivots, the start and the distance extremes.
pub(super) struct Built {
    pub(super) terms: Vec<SparseTerm>,
    pub(super) pivots: Vec<u32>,
    /// Pivot-MDS positions, SoA `K * n` (layout units, each component centred at 0).
    pub(super) start: Vec<f64>,
    pub(super) min_d: f64,
    pub(super) max_d: f64,
}

/// One component's pivots: distances pivot-major (`rows[k * s + local]`, layout units)
/// and each member's region (the local index of its closest pivot).
struct Pivots {
    nodes: Vec<u32>,
    rows: Vec<f32>,
    region: Vec<u32>,
}

/// The sparse terms of `graph` with `pivots` pivots per component (all of a smaller
/// component's nodes, whose terms are then exact), seeded by `seed`.
///
/// # Errors
/// As [`ShortestPaths::new`]; [`Error::TooManyNodes`] when the terms cannot be
/// allocated.
pub(super) fn build<const K: usize>(
    graph: &Graph,
    lengths: &[f64],
    pivots: usize,
    seed: u64,
) -> Result<Built> {
    let n = graph.node_count();
    let sp = ShortestPaths::new(graph, lengths)?;
    let mut rng = SplitMix64::new(seed);
    let mut work = Work::new(n);
    let mut out = Built {
        terms: Vec::new(),
        pivots: Vec::new(),
        start: alloc::vec![0.0; K * n],
        min_d: f64::INFINITY,
        max_d: 0.0,
    };
    let oom = |_| Error::TooManyNodes {
        node_count: n,
        bytes: super::sparse_bytes(n, graph.link_count(), pivots, K, false),
        limit: u64::MAX,
    };
    let comps = graph.components();
    let estimate: usize = comps
        .iter()
        .map(|c| c.len() * pivots.min(c.len()))
        .sum::<usize>()
        .saturating_add(graph.link_count());
    out.terms.try_reserve(estimate).map_err(oom)?;
    let mut local = alloc::vec![0u32; n];
    let mut near = alloc::vec![false; n];
    for c in comps.iter().filter(|c| c.len() > 1) {
        for (l, &v) in c.iter().enumerate() {
            local[v] = l as u32;
        }
        let piv = choose(&sp, c, &local, pivots, &mut rng, &mut work).map_err(oom)?;
        for &d in piv.rows.iter().filter(|d| d.is_finite()) {
            out.max_d = out.max_d.max(f64::from(d));
        }
        pivot_terms(graph, c, &local, &piv, &mut near, &mut out.terms);
        let xy = mds::pivot_mds::<K>(&piv.rows, piv.nodes.len(), c.len(), &mut rng);
        for (l, &v) in c.iter().enumerate() {
            for d in 0..K {
                out.start[d * n + v] = xy[d * c.len() + l];
            }
        }
        out.pivots.extend_from_slice(&piv.nodes);
    }
    link_terms(graph, lengths, &mut out.terms);
    for t in &out.terms {
        out.min_d = out.min_d.min(f64::from(t.d));
    }
    Ok(out)
}

/// s_gd2's `maxmin_random_sp`: the component's first node, then each next pivot drawn
/// with probability proportional to its distance from the pivots so far, up to
/// `count`; the distances from each pivot, and each member's closest pivot.
fn choose(
    sp: &ShortestPaths<'_>,
    comp: &[usize],
    local: &[u32],
    count: usize,
    rng: &mut SplitMix64,
    work: &mut Work,
) -> core::result::Result<Pivots, alloc::collections::TryReserveError> {
    let s = comp.len();
    let k = count.min(s);
    let mut rows = Vec::new();
    rows.try_reserve_exact(k * s)?;
    rows.resize(k * s, f32::INFINITY);
    let mut mins = alloc::vec![f64::INFINITY; s];
    let mut region = alloc::vec![0u32; s];
    let mut nodes = Vec::with_capacity(k);
    let mut reached = Vec::new();
    let mut next = Some(comp[0]);
    while let Some(p) = next {
        let kk = nodes.len();
        nodes.push(p as u32);
        sp.reach(p, work, &mut reached);
        for &(v, d) in &reached {
            let l = local[v as usize] as usize;
            rows[kk * s + l] = d as f32;
            if d < mins[l] {
                mins[l] = d;
                region[l] = kk as u32;
            }
        }
        next = None;
        if nodes.len() < k {
            let total: f64 = mins.iter().sum();
            if total > 0.0 {
                let sample = rng.unit() * total;
                let mut cumulative = 0.0;
                let mut last = None;
                for (l, &m) in mins.iter().enumerate().filter(|(_, &m)| m > 0.0) {
                    cumulative += m;
                    last = Some(l);
                    if cumulative >= sample {
                        break;
                    }
                }
                next = last.map(|l| comp[l]);
            }
        }
    }
    Ok(Pivots {
        nodes,
        rows,
        region,
    })
}

/// The terms of every pivot with the other members of its component (Ortmann et al.):
/// node `i` is pulled towards pivot `p` with weight `s / d²`, `s` the number of nodes
/// of `p`'s region within `d / 2` of `p`; `p` does not move for it. Two pivots share one
/// two-sided term when their weights agree, else each gets its own. Neighbours of a
/// pivot are left to the link terms.
fn pivot_terms(
    graph: &Graph,
    comp: &[usize],
    local: &[u32],
    piv: &Pivots,
    near: &mut [bool],
    terms: &mut Vec<SparseTerm>,
) {
    let (s, k) = (comp.len(), piv.nodes.len());
    // Each region's distances from its pivot, ascending: `dists[start[r]..start[r + 1]]`.
    let mut start = alloc::vec![0usize; k + 1];
    for &r in &piv.region {
        start[r as usize + 1] += 1;
    }
    for r in 0..k {
        start[r + 1] += start[r];
    }
    // Non-negative `f32`s order as their bits; sorting `usize`s shares the code of
    // the crate's other sorts.
    let mut fill = start.clone();
    let mut dists = alloc::vec![0usize; s];
    for (l, &r) in piv.region.iter().enumerate() {
        let r = r as usize;
        dists[fill[r]] = piv.rows[r * s + l].to_bits() as usize;
        fill[r] += 1;
    }
    for r in 0..k {
        dists[start[r]..start[r + 1]].sort_unstable();
    }
    let within = |r: usize, d: f32| -> f32 {
        let half = (d / 2.0).to_bits() as usize;
        dists[start[r]..start[r + 1]].partition_point(|&x| x <= half) as f32
    };
    let mut pivot_of = alloc::vec![u32::MAX; s];
    for (kk, &p) in piv.nodes.iter().enumerate() {
        pivot_of[local[p as usize] as usize] = kk as u32;
    }
    for (kk, &p) in piv.nodes.iter().enumerate() {
        for &v in graph.neighbours(p as usize) {
            near[v as usize] = true;
        }
        let row = &piv.rows[kk * s..(kk + 1) * s];
        for (l, (&i, &d)) in comp.iter().zip(row).enumerate() {
            if i == p as usize || near[i] || !d.is_finite() {
                continue;
            }
            let w = within(kk, d);
            let other = pivot_of[l] as usize;
            if other == u32::MAX as usize {
                terms.push(SparseTerm::one_sided(i, p as usize, d, w));
            } else if other > kk {
                let back = within(other, d);
                if back == w {
                    terms.push(SparseTerm {
                        i: p,
                        j: i as u32,
                        d,
                        s: w,
                    });
                } else {
                    terms.push(SparseTerm::one_sided(i, p as usize, d, w));
                    terms.push(SparseTerm::one_sided(p as usize, i, d, back));
                }
            }
        }
        for &v in graph.neighbours(p as usize) {
            near[v as usize] = false;
        }
    }
}

/// One two-sided term per linked pair: the shortest of its links' lengths, and the
/// weight of its last link (WebCola's `e.weight || 1`, the last duplicate winning).
fn link_terms(graph: &Graph, lengths: &[f64], terms: &mut Vec<SparseTerm>) {
    let n = graph.node_count();
    // `at[v]`: the term of pair (u, v) for the current u, and the link that set its weight.
    let mut at = alloc::vec![(usize::MAX, 0usize, 0u32); n];
    for u in 0..n {
        for (&v, &li) in graph.neighbours(u).iter().zip(graph.incident_links(u)) {
            let v = v as usize;
            if v <= u {
                continue;
            }
            let link = &graph.links()[li as usize];
            let w = match link.weight {
                Some(w) if w != 0.0 => w,
                _ => 1.0,
            } as f32;
            let len = lengths[li as usize] as f32;
            match at[v] {
                (owner, t, last) if owner == u => {
                    let term = &mut terms[t];
                    term.d = term.d.min(len);
                    if li > last {
                        term.s = w;
                        at[v].2 = li;
                    }
                }
                _ => {
                    at[v] = (u, terms.len(), li);
                    terms.push(SparseTerm {
                        i: u as u32,
                        j: v as u32 | LINK,
                        d: len,
                        s: w,
                    });
                }
            }
        }
    }
}
