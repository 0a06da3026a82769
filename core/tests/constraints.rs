//! Constraints end to end: each kind holds after `start`, infeasible sets are reported
//! with a finite layout, dragging holds what the user holds, and random feasible sets
//! always hold (proptest).

use colayout::{
    Axis, DragTarget, Flow, Graph, Group, Layout, LayoutOptions, Link, Node, Rectangle, Schedule,
    UserConstraint, Violation,
};
use proptest::prelude::*;

fn chain(n: usize) -> Graph {
    Graph::from_edges(n, (1..n).map(|i| (i - 1, i))).unwrap()
}

fn sep(axis: Axis, left: usize, right: usize, gap: f64) -> UserConstraint {
    UserConstraint::Separation {
        axis,
        left,
        right,
        gap,
        equality: false,
    }
}

fn run(g: Graph, options: LayoutOptions) -> Layout<2> {
    let mut l = Layout::<2>::new(g, options).unwrap();
    l.start(Schedule::iterations(10, 10, 10)).unwrap();
    l
}

#[test]
fn alignment_constraint_puts_nodes_on_one_vertical_line() {
    let g = chain(6)
        .with_constraints(vec![UserConstraint::Alignment {
            axis: Axis::X,
            offsets: vec![(0, 0.0), (2, 0.0), (5, 0.0)],
        }])
        .unwrap();
    let l = run(g, LayoutOptions::default());
    let p = l.positions();
    assert!(
        (p[2][0] - p[0][0]).abs() < 1e-3 && (p[5][0] - p[0][0]).abs() < 1e-3,
        "{p:?}"
    );
    assert!(l.unsatisfied(1e-3).is_empty());
}

#[test]
fn alignment_offsets_are_relative_to_the_first_node() {
    let g = chain(3)
        .with_constraints(vec![UserConstraint::Alignment {
            axis: Axis::Y,
            offsets: vec![(0, 99.0), (1, 10.0), (2, -5.0)],
        }])
        .unwrap();
    let p = run(g, LayoutOptions::default()).positions();
    assert!((p[1][1] - p[0][1] - 10.0).abs() < 1e-3 && (p[2][1] - p[0][1] + 5.0).abs() < 1e-3);
}

#[test]
fn separation_and_equality_hold() {
    let g = chain(4)
        .with_constraints(vec![
            sep(Axis::Y, 3, 0, 50.0),
            UserConstraint::Separation {
                axis: Axis::X,
                left: 1,
                right: 2,
                gap: 35.0,
                equality: true,
            },
        ])
        .unwrap();
    let p = run(g, LayoutOptions::default()).positions();
    assert!(p[0][1] >= p[3][1] + 50.0 - 1e-3);
    assert!((p[2][0] - p[1][0] - 35.0).abs() < 1e-3);
}

#[test]
fn infeasible_pair_is_reported_and_the_layout_stays_finite() {
    let g = chain(3)
        .with_constraints(vec![sep(Axis::X, 1, 2, 10.0), sep(Axis::X, 2, 1, 10.0)])
        .unwrap();
    let l = run(g, LayoutOptions::default());
    assert!(l.positions().iter().flatten().all(|v| v.is_finite()));
    let bad = l.unsatisfied(1e-3);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].constraint < 2 && bad[0].axis == Axis::X && bad[0].amount >= 10.0 - 1e-3);
}

#[test]
fn flow_layout_points_links_down_except_in_cycles() {
    // 0→1→2→3 with a cycle 3→4→5→3 and a branch 1→6.
    let g = Graph::from_edges(7, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 3), (1, 6)]).unwrap();
    let options = LayoutOptions {
        flow: Some(Flow {
            axis: Axis::Y,
            min_separation: 30.0,
        }),
        ..LayoutOptions::default()
    };
    let l = run(g, options);
    let p = l.positions();
    for (s, t) in [(0, 1), (1, 2), (2, 3), (1, 6)] {
        assert!(
            p[t][1] >= p[s][1] + 30.0 - 1e-3,
            "{s}->{t}: {} {}",
            p[s][1],
            p[t][1]
        );
    }
    assert_eq!(
        l.constraints().len(),
        4,
        "links inside the cycle 3-4-5 get no constraint"
    );
}

#[test]
fn distribution_spaces_aligned_sets_equally() {
    let g = Graph::from_edges(6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)])
        .unwrap()
        .with_constraints(vec![
            UserConstraint::Alignment {
                axis: Axis::X,
                offsets: vec![(0, 0.0), (1, 0.0)],
            },
            UserConstraint::Alignment {
                axis: Axis::X,
                offsets: vec![(2, 0.0), (3, 0.0)],
            },
            UserConstraint::Alignment {
                axis: Axis::X,
                offsets: vec![(4, 0.0), (5, 0.0)],
            },
            UserConstraint::Distribution {
                axis: Axis::X,
                alignments: vec![0, 1, 2],
                separation: 40.0,
            },
        ])
        .unwrap();
    let p = run(g, LayoutOptions::default()).positions();
    assert!(
        (p[2][0] - p[0][0] - 40.0).abs() < 1e-3 && (p[4][0] - p[2][0] - 40.0).abs() < 1e-3,
        "{p:?}"
    );
}

#[test]
fn fixed_relative_nodes_move_rigidly() {
    let mut nodes = vec![Node::default(); 5];
    for (i, (x, y)) in [(0.0, 0.0), (30.0, 0.0), (0.0, 20.0)]
        .into_iter()
        .enumerate()
    {
        nodes[i].x = Some(x);
        nodes[i].y = Some(y);
    }
    let links = [(0, 3), (3, 4), (4, 1), (2, 4)]
        .iter()
        .map(|&(s, t)| Link::new(s, t))
        .collect();
    let g = Graph::new(nodes, links)
        .unwrap()
        .with_constraints(vec![UserConstraint::FixedRelative {
            nodes: vec![0, 1, 2],
        }])
        .unwrap();
    let p = run(g, LayoutOptions::default()).positions();
    assert!((p[1][0] - p[0][0] - 30.0).abs() < 1e-3 && (p[1][1] - p[0][1]).abs() < 1e-3);
    assert!((p[2][0] - p[0][0]).abs() < 1e-3 && (p[2][1] - p[0][1] - 20.0).abs() < 1e-3);
}

#[test]
fn page_boundary_keeps_boxes_inside_the_page() {
    let nodes = vec![
        Node {
            width: Some(10.0),
            height: Some(6.0),
            ..Node::default()
        };
        12
    ];
    let links = (1..12).map(|i| Link::new(i - 1, i)).collect();
    let page = Rectangle::new(0.0, 120.0, 0.0, 80.0);
    let g = Graph::new(nodes, links)
        .unwrap()
        .with_constraints(vec![UserConstraint::PageBoundary {
            bounds: page,
            weight: colayout::constraints::DEFAULT_PAGE_WEIGHT,
            nodes: vec![],
        }])
        .unwrap();
    let l = run(
        g,
        LayoutOptions {
            link_distance: 30.0,
            ..LayoutOptions::default()
        },
    );
    for r in l.node_bounds() {
        assert!(
            r.x >= page.x - 1e-3
                && r.x_max <= page.x_max + 1e-3
                && r.y >= page.y - 1e-3
                && r.y_max <= page.y_max + 1e-3,
            "{r:?}"
        );
    }
    assert!(l.unsatisfied(1e-3).is_empty());
}

#[test]
fn dragged_node_follows_the_pointer_and_is_released() {
    let mut l = Layout::<2>::new(chain(8), LayoutOptions::default()).unwrap();
    l.start(Schedule::default()).unwrap();
    l.drag_start(DragTarget::Node(3)).unwrap();
    for step in 1..=20 {
        let to = [10.0 * f64::from(step), -5.0 * f64::from(step)];
        l.drag(DragTarget::Node(3), to).unwrap();
        for _ in 0..5 {
            l.tick().unwrap();
        }
        assert_eq!(
            l.positions()[3],
            to,
            "a dragged node sits under the pointer"
        );
    }
    // The pointer rests; the rest settles around the node.
    for _ in 0..30 {
        l.tick().unwrap();
    }
    let p = l.positions();
    let d = ((p[2][0] - p[3][0]).powi(2) + (p[2][1] - p[3][1]).powi(2)).sqrt();
    assert!(
        d > 15.0 && d < 30.0,
        "the neighbour settled near its ideal distance, 20: {d}"
    );
    l.drag_end(DragTarget::Node(3)).unwrap();
    assert!(l.drag(DragTarget::Node(99), [0.0, 0.0]).is_err());
    assert!(l.drag(DragTarget::Node(1), [f64::NAN, 0.0]).is_err());
}

#[test]
fn dragging_a_group_moves_its_members_together() {
    let nodes = vec![
        Node {
            width: Some(20.0),
            height: Some(10.0),
            ..Node::default()
        };
        6
    ];
    let links = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
        .iter()
        .map(|&(s, t)| Link::new(s, t))
        .collect();
    let g = Graph::new(nodes, links)
        .unwrap()
        .with_groups(vec![Group {
            leaves: vec![0, 1, 2],
            ..Group::default()
        }])
        .unwrap();
    let mut l = Layout::<2>::new(
        g,
        LayoutOptions {
            avoid_overlaps: true,
            link_distance: 40.0,
            ..LayoutOptions::default()
        },
    )
    .unwrap();
    l.start(Schedule::default()).unwrap();
    let before = l.positions();
    let b = l.group_bounds()[0];
    let (cx, cy) = (b.cx(), b.cy());
    l.drag_start(DragTarget::Group(0)).unwrap();
    l.drag(DragTarget::Group(0), [cx + 300.0, cy]).unwrap();
    for _ in 0..60 {
        l.tick().unwrap();
    }
    let after = l.positions();
    for v in 0..3 {
        assert!(
            (after[v][0] - before[v][0] - 300.0).abs() < 2.0,
            "member {v} moved with the group"
        );
    }
    l.drag_end(DragTarget::Group(0)).unwrap();
}

#[test]
fn grid_snap_pulls_nodes_onto_the_grid() {
    let nodes = vec![
        Node {
            width: Some(50.0),
            height: Some(50.0),
            ..Node::default()
        };
        9
    ];
    let links = [
        (0, 1),
        (1, 2),
        (3, 4),
        (4, 5),
        (6, 7),
        (7, 8),
        (0, 3),
        (3, 6),
        (1, 4),
        (4, 7),
        (2, 5),
        (5, 8),
    ]
    .iter()
    .map(|&(s, t)| Link::new(s, t))
    .collect();
    let g = Graph::new(nodes, links).unwrap();
    let options = LayoutOptions {
        link_distance: 100.0,
        handle_disconnected: false,
        ..LayoutOptions::default()
    };
    let mut l = Layout::<2>::new(g, options).unwrap();
    l.start(Schedule {
        unconstrained: 30,
        all_constraints: 30,
        grid_snap: 50,
        keep_running: false,
        ..Schedule::default()
    })
    .unwrap();
    for p in l.positions() {
        for c in p {
            let off = (c / 50.0 - (c / 50.0).round()).abs() * 50.0;
            assert!(off < 2.0, "{c} is {off} from the 50-grid");
        }
    }
}

/// A random graph, hidden positions, and constraints those positions satisfy.
fn feasible() -> impl Strategy<Value = Graph> {
    (3usize..14).prop_flat_map(|n| {
        let pos = prop::collection::vec((0.0f64..400.0, 0.0f64..400.0), n);
        let edges = prop::collection::vec((0..n, 0..n), 0..2 * n);
        let picks = prop::collection::vec((0u8..4, 0..n, 0..n, 0.0f64..30.0, any::<bool>()), 1..8);
        (Just(n), pos, edges, picks).prop_map(|(n, pos, edges, picks)| {
            let axis = |b: bool| if b { Axis::X } else { Axis::Y };
            let at = |v: usize, a: Axis| if a == Axis::X { pos[v].0 } else { pos[v].1 };
            let cs = picks
                .into_iter()
                .filter(|p| p.1 != p.2)
                .map(|(kind, u, v, slack, b)| {
                    let a = axis(b);
                    match kind {
                        0 => sep(a, u, v, at(v, a) - at(u, a) - slack),
                        1 => UserConstraint::Separation {
                            axis: a,
                            left: u,
                            right: v,
                            gap: at(v, a) - at(u, a),
                            equality: true,
                        },
                        2 => {
                            let w = (u + v) % n;
                            let nodes = [u, v, w];
                            let offsets = nodes.iter().map(|&k| (k, at(k, a) - at(u, a))).collect();
                            UserConstraint::Alignment { axis: a, offsets }
                        }
                        _ => UserConstraint::PageBoundary {
                            bounds: Rectangle::new(-50.0, 450.0, -50.0, 450.0),
                            weight: 100.0,
                            nodes: vec![u, v],
                        },
                    }
                })
                .collect();
            Graph::from_edges(n, edges)
                .unwrap()
                .with_constraints(cs)
                .unwrap()
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_feasible_constraints_hold_after_start(g in feasible()) {
        let mut l = Layout::<2>::new(g, LayoutOptions { max_ticks: 500, ..LayoutOptions::default() }).unwrap();
        l.start(Schedule::iterations(10, 10, 10)).unwrap();
        prop_assert!(l.positions().iter().flatten().all(|v| v.is_finite()));
        // Page edges are soft (weight 100): pushed by the layout, they give way by about a
        // hundredth of the push, so they get a looser tolerance than hard constraints.
        let page = |v: &Violation| {
            matches!(l.constraints()[v.constraint], UserConstraint::PageBoundary { .. })
        };
        let bad: Vec<Violation> = l
            .unsatisfied(1e-3)
            .into_iter()
            .filter(|v| !page(v) || v.amount > 0.05)
            .collect();
        prop_assert!(bad.is_empty(), "{:?}", bad);
    }

    #[test]
    fn random_infeasible_constraints_give_finite_positions(
        n in 2usize..10,
        cs in prop::collection::vec((0usize..10, 0usize..10, -50.0f64..50.0, any::<bool>(), any::<bool>()), 1..12),
        overlaps in any::<bool>(),
    ) {
        let cs = cs.into_iter().map(|(u, v, gap, b, eq)| UserConstraint::Separation {
            axis: if b { Axis::X } else { Axis::Y }, left: u % n, right: v % n, gap, equality: eq,
        }).collect();
        let nodes = vec![Node { width: Some(8.0), height: Some(8.0), ..Node::default() }; n];
        let g = Graph::new(nodes, (1..n).map(|i| Link::new(i - 1, i)).collect()).unwrap().with_constraints(cs).unwrap();
        let mut l = Layout::<2>::new(g, LayoutOptions { avoid_overlaps: overlaps, max_ticks: 300, ..LayoutOptions::default() }).unwrap();
        l.start(Schedule::iterations(5, 5, 5)).unwrap();
        prop_assert!(l.positions().iter().flatten().all(|v| v.is_finite()));
        for v in l.unsatisfied(1e-3) {
            prop_assert!(v.amount.is_finite());
        }
    }
}
