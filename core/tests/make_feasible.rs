//! `Layout::make_feasible` (libcola's `makeFeasible`): the positions moved onto the
//! constraints, non-overlap and groups before any tick, with no forces.

use colayout::{Axis, Graph, Group, Layout, LayoutOptions, Node, UserConstraint};

/// `n` 20 x 10 boxes all at one point, with a path of links.
fn stacked(n: usize) -> Vec<Node> {
    (0..n)
        .map(|i| Node {
            x: Some(100.0 + 0.1 * i as f64),
            y: Some(100.0 + 0.05 * i as f64),
            width: Some(20.0),
            height: Some(10.0),
            ..Node::default()
        })
        .collect()
}

fn options() -> LayoutOptions {
    LayoutOptions {
        avoid_overlaps: true,
        ..LayoutOptions::default()
    }
}

#[test]
fn overlapping_boxes_come_apart_without_a_tick() {
    let g = Graph::from_edges(6, (1..6).map(|i| (i - 1, i))).unwrap();
    let g = Graph::new(stacked(6), g.links().to_vec()).unwrap();
    let mut l = Layout::<2>::new(g, options()).unwrap();
    assert!(!l.overlapping_nodes(1e-6).is_empty());
    l.make_feasible();
    assert!(
        l.overlapping_nodes(1e-6).is_empty(),
        "{:?}",
        l.overlapping_nodes(1e-6)
    );
    assert_eq!(l.ticks(), 0, "no tick ran");
    assert!(l.positions().iter().flatten().all(|c| c.is_finite()));
}

#[test]
fn constraints_and_groups_hold_after_it() {
    let constraints = vec![
        UserConstraint::Separation {
            axis: Axis::X,
            left: 0,
            right: 1,
            gap: 50.0,
            equality: false,
        },
        UserConstraint::Alignment {
            axis: Axis::Y,
            offsets: vec![(0, 0.0), (2, 0.0)],
        },
    ];
    let g = Graph::new(stacked(5), Vec::new())
        .unwrap()
        .with_groups(vec![Group {
            leaves: vec![3, 4],
            ..Group::default()
        }])
        .unwrap()
        .with_constraints(constraints)
        .unwrap();
    let mut l = Layout::<2>::new(g, options()).unwrap();
    l.make_feasible();
    assert!(l.unsatisfied(1e-6).is_empty(), "{:?}", l.unsatisfied(1e-6));
    let p = l.positions();
    assert!(p[1][0] >= p[0][0] + 50.0 - 1e-6);
    assert!((p[0][1] - p[2][1]).abs() < 1e-6);
    let (nodes, group) = (l.node_bounds(), l.group_bounds()[0]);
    for v in [3, 4] {
        assert!(nodes[v].x >= group.x - 1e-6 && nodes[v].x_max <= group.x_max + 1e-6);
        assert!(nodes[v].y >= group.y - 1e-6 && nodes[v].y_max <= group.y_max + 1e-6);
    }
    for v in [0, 1, 2] {
        assert!(
            !nodes[v].overlaps(&group, 1e-6),
            "node {v} is out of the group: {nodes:?} {group:?}"
        );
    }
    assert!(l.overlapping_nodes(1e-6).is_empty());
}

#[test]
fn an_infeasible_pair_is_reported_and_positions_stay_finite() {
    let sep = |left, right| UserConstraint::Separation {
        axis: Axis::X,
        left,
        right,
        gap: 10.0,
        equality: false,
    };
    let g = Graph::new(stacked(2), Vec::new())
        .unwrap()
        .with_constraints(vec![sep(0, 1), sep(1, 0)])
        .unwrap();
    let mut l = Layout::<2>::new(g, LayoutOptions::default()).unwrap();
    l.make_feasible();
    assert_eq!(l.unsatisfied(1e-3).len(), 1);
    assert!(l.positions().iter().flatten().all(|c| c.is_finite()));
}

#[test]
fn fixed_nodes_stay() {
    let mut nodes = stacked(3);
    nodes[0].fixed = true;
    let g = Graph::new(nodes, Vec::new()).unwrap();
    let mut l = Layout::<2>::new(g, options()).unwrap();
    let before = l.positions()[0];
    l.make_feasible();
    let after = l.positions()[0];
    assert!((before[0] - after[0]).abs() < 1e-3 && (before[1] - after[1]).abs() < 1e-3);
    assert!(l.overlapping_nodes(1e-6).is_empty());
}

#[test]
fn boxes_at_one_point_come_apart() {
    let nodes = (0..6)
        .map(|_| Node {
            x: Some(0.0),
            y: Some(0.0),
            width: Some(30.0),
            height: Some(10.0),
            ..Node::default()
        })
        .collect();
    let mut l = Layout::<2>::new(Graph::new(nodes, Vec::new()).unwrap(), options()).unwrap();
    l.make_feasible();
    assert!(l.overlapping_nodes(1e-6).is_empty(), "{:?}", l.positions());
}
