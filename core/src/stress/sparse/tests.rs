use super::*;
use crate::stress::{kernels, PairTable};

fn grid(w: usize, h: usize) -> Graph {
    let mut edges = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let v = y * w + x;
            if x + 1 < w {
                edges.push((v, v + 1));
            }
            if y + 1 < h {
                edges.push((v, v + w));
            }
        }
    }
    Graph::from_edges(w * h, edges).unwrap()
}

fn model(g: &Graph, pivots: usize) -> (SparseModel, Vec<f64>) {
    let lengths = alloc::vec![10.0; g.link_count()];
    SparseModel::new::<2>(g, &lengths, pivots, 0, 1e-6, 7).unwrap()
}

#[test]
fn with_a_pivot_per_node_the_terms_are_every_pair_once() {
    let g = grid(6, 5);
    let (m, start) = model(&g, 1000);
    let n = g.node_count();
    assert_eq!(m.term_count(), n * (n - 1) / 2);
    assert!(m
        .terms
        .iter()
        .all(|t| t.j & ONE_SIDED == 0 && (t.j & LINK != 0 || t.s == 1.0)));
    let dense = PairTable::new(&g, &alloc::vec![10.0; g.link_count()], Weighting::Unit).unwrap();
    let x: Vec<f64> = start;
    let exact = kernels::stress::<2>(n, n, &x, dense.ideal_buffer(), dense.weight_buffer(), false);
    let sparse = m.stress::<2>(&x, n, false);
    assert!(
        (exact - sparse).abs() <= 1e-9 * exact.max(1.0),
        "{exact} {sparse}"
    );
}

#[test]
fn pivot_terms_weigh_their_regions_and_links_are_exact() {
    let g = grid(30, 30);
    let (m, _) = model(&g, 20);
    let n = g.node_count();
    assert_eq!(m.pivots().len(), 20);
    assert!(m.term_count() <= n * 20 + g.link_count());
    let links = m.terms.iter().filter(|t| t.j & LINK != 0).count();
    assert_eq!(links, g.link_count());
    for t in m.terms.iter().filter(|t| t.j & LINK != 0) {
        assert_eq!((t.d, t.s), (10.0, 1.0));
    }
    // Every node has a one-sided term to every pivot it is not linked to or is not.
    let one_sided = m.terms.iter().filter(|t| t.j & ONE_SIDED != 0).count();
    assert!(one_sided >= (n - 20) * 20 - 4 * 20, "{one_sided}");
    // A region count never exceeds the nodes: the counts at the farthest node of each
    // pivot sum to at most n.
    let mut most = alloc::collections::BTreeMap::new();
    for t in m.terms.iter().filter(|t| t.j & ONE_SIDED != 0) {
        let e = most.entry(t.node_j()).or_insert(0.0f32);
        *e = e.max(t.s);
    }
    let total: f32 = most.values().sum();
    assert!(total <= n as f32 && total >= 0.5 * n as f32, "{total}");
}

#[test]
fn no_term_crosses_components_and_each_component_has_a_pivot() {
    let mut edges: Vec<(usize, usize)> = (0..49).map(|i| (i, i + 1)).collect();
    edges.extend((50..79).map(|i| (i, i + 1)));
    let g = Graph::from_edges(81, edges).unwrap();
    let (m, start) = model(&g, 5);
    let comp = |v: usize| match v {
        0..=49 => 0,
        50..=79 => 1,
        _ => 2,
    };
    assert!(m
        .terms
        .iter()
        .all(|t| comp(t.i as usize) == comp(t.node_j())));
    let pivots: Vec<usize> = m.pivots().iter().map(|&p| comp(p as usize)).collect();
    assert_eq!(pivots.iter().filter(|&&c| c == 0).count(), 5);
    assert_eq!(pivots.iter().filter(|&&c| c == 1).count(), 5);
    assert!(start.iter().all(|v| v.is_finite()));
}

#[test]
fn sparse_derivatives_match_finite_differences_of_their_stress() {
    let g = grid(5, 4);
    let (mut m, start) = model(&g, 3);
    m.reweight(Weighting::Full);
    let n = g.node_count();
    let xf: Vec<f32> = start.iter().map(|&v| v as f32).collect();
    let (mut gr, mut h) = (alloc::vec![0.0f32; 2 * n], alloc::vec![0.0f32; 2 * n]);
    assert!(m.derivatives::<2>(&xf, &mut gr, &mut h, true).is_empty());
    // Two-sided terms only: a link's gradient is that of its own stress.
    let link = m.terms.iter().find(|t| t.j & LINK != 0).copied().unwrap();
    let only = SparseModel {
        terms: alloc::vec![link],
        ..m.clone()
    };
    only.derivatives::<2>(&xf, &mut gr, &mut h, true);
    let f = |x: &[f64]| -> f64 {
        let (i, j) = (link.i as usize, link.node_j());
        let l = ((x[i] - x[j]).powi(2) + (x[n + i] - x[n + j]).powi(2)).sqrt();
        let d = f64::from(link.d);
        (l - d) * (l - d) / (d * d)
    };
    let i = link.i as usize;
    let mut xp = start.clone();
    xp[i] += 1e-4;
    let mut xm = start.clone();
    xm[i] -= 1e-4;
    let numeric = (f(&xp) - f(&xm)) / 2e-4;
    let analytic = f64::from(gr[i]);
    assert!(
        (numeric - analytic).abs() < 1e-3 * (1.0 + numeric.abs()),
        "{numeric} {analytic}"
    );
}
