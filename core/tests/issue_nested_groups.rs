//! Issue: deeply nested groups with overlap removal oscillate between their
//! constraints; WebCola's ticks never converge from depth 25 and ran 10 000 ticks. The
//! layout is now damped once it stops improving, and ends converged, with every group
//! holding its members and no boxes overlapping.

use colayout::{Graph, Group, Layout, LayoutOptions, Link, Node, Schedule};

fn nested(depth: usize) -> Graph {
    let nodes = vec![
        Node {
            width: Some(10.0),
            height: Some(10.0),
            ..Node::default()
        };
        depth
    ];
    let links = (0..depth - 1).map(|i| Link::new(i, i + 1)).collect();
    let groups = (0..depth)
        .map(|i| Group {
            leaves: vec![i],
            groups: if i + 1 < depth { vec![i + 1] } else { vec![] },
            ..Group::default()
        })
        .collect();
    Graph::new(nodes, links)
        .unwrap()
        .with_groups(groups)
        .unwrap()
}

#[test]
fn twenty_five_nested_groups_converge_with_their_members_inside() {
    let options = LayoutOptions {
        avoid_overlaps: true,
        ..LayoutOptions::default()
    };
    let mut l = Layout::<2>::new(nested(25), options).unwrap();
    let ticks = l.start(Schedule::default()).unwrap();
    assert!(!l.reached_max_ticks(), "converged, in {ticks} ticks");
    assert!(ticks < 2000, "{ticks} ticks");
    assert!(l.overlapping_nodes(1e-3).is_empty());
    let groups = l.group_bounds();
    let nodes = l.node_bounds();
    for (j, g) in groups.iter().enumerate() {
        let inside = |b: &colayout::Rectangle| {
            b.x >= g.x - 1e-3
                && b.x_max <= g.x_max + 1e-3
                && b.y >= g.y - 1e-3
                && b.y_max <= g.y_max + 1e-3
        };
        assert!(inside(&nodes[j]), "group {j} holds node {j}");
        if j + 1 < groups.len() {
            assert!(inside(&groups[j + 1]), "group {j} holds group {}", j + 1);
        }
    }
}

#[test]
fn without_damping_the_same_layout_runs_to_max_ticks() {
    let options = LayoutOptions {
        avoid_overlaps: true,
        damp_after: 0,
        max_ticks: 1500,
        ..LayoutOptions::default()
    };
    let mut l = Layout::<2>::new(nested(25), options).unwrap();
    assert_eq!(l.start(Schedule::default()).unwrap(), 1500);
    assert!(l.reached_max_ticks());
}
