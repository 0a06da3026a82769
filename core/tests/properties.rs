//! Invariants over random graphs: no NaN ever, and the same seed gives the same bits.

use colayout::{Graph, Layout, LayoutOptions, Link, LinkLengths, Node, Schedule, StressMode};
use proptest::prelude::*;

/// A random valid graph: up to 24 nodes, some with positions (possibly coincident),
/// sizes and fixed flags; links with self-loops, duplicates, lengths and weights.
fn graph() -> impl Strategy<Value = Graph> {
    (0usize..24).prop_flat_map(|n| {
        let node = (
            prop::option::of((0.0f64..3.0).prop_map(|v| (v * 10.0).round())),
            prop::option::of((0.0f64..3.0).prop_map(|v| (v * 10.0).round())),
            prop::option::of(0.0f64..40.0),
            any::<bool>(),
        )
            .prop_map(|(x, y, w, fixed)| Node {
                x,
                y,
                width: w,
                height: w,
                fixed: fixed && x.is_some(),
                ..Node::default()
            });
        let nodes = prop::collection::vec(node, n);
        let link = (
            0..n.max(1),
            0..n.max(1),
            prop::option::of(0.5f64..50.0),
            prop::option::of(0.0f64..3.0),
        )
            .prop_map(|(s, t, length, weight)| Link {
                source: s,
                target: t,
                length,
                weight,
            });
        let links = prop::collection::vec(link, if n == 0 { 0..1 } else { 0..3 * n });
        (nodes, links)
            .prop_map(|(nodes, links)| Graph::new(nodes, links).expect("valid by construction"))
    })
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (1.0f64..100.0, any::<bool>(), 0u8..3, any::<u32>()).prop_map(
        |(link_distance, full, lengths, seed)| LayoutOptions {
            link_distance,
            stress: if full {
                StressMode::Full
            } else {
                StressMode::PStress
            },
            link_lengths: match lengths {
                0 => LinkLengths::Given,
                1 => LinkLengths::SymmetricDiff {
                    ideal: link_distance / 4.0,
                    w: 1.0,
                },
                _ => LinkLengths::Jaccard {
                    ideal: link_distance,
                    w: 0.7,
                },
            },
            seed: u64::from(seed),
            max_ticks: 300,
            ..LayoutOptions::default()
        },
    )
}

fn run(g: &Graph, o: &LayoutOptions) -> Vec<[f64; 2]> {
    let mut l = Layout::<2>::new(g.clone(), o.clone()).unwrap();
    l.start(Schedule::iterations(5, 0, 5)).unwrap();
    l.positions()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn layout_never_produces_nan(g in graph(), o in options()) {
        let p = run(&g, &o);
        prop_assert_eq!(p.len(), g.node_count());
        prop_assert!(p.iter().flatten().all(|v| v.is_finite()), "{:?}", p);
    }

    #[test]
    fn same_seed_gives_same_bits(g in graph(), o in options()) {
        let a: Vec<u64> = run(&g, &o).iter().flatten().map(|v| v.to_bits()).collect();
        let b: Vec<u64> = run(&g, &o).iter().flatten().map(|v| v.to_bits()).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn three_dimensional_layout_never_produces_nan(g in graph(), o in options()) {
        let mut l = Layout::<3>::new(g, o).unwrap();
        l.start(Schedule::iterations(5, 0, 5)).unwrap();
        prop_assert!(l.positions().iter().flatten().all(|v| v.is_finite()));
    }
}
