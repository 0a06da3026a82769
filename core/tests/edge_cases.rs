//! Small and degenerate graphs: each works, with the behaviour documented here.

use colayout::{layout, Graph, Layout, LayoutOptions, Link, Node, Schedule};

fn dist(p: &[[f64; 2]], a: usize, b: usize) -> f64 {
    ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt()
}

#[test]
fn empty_graph_gives_no_positions() {
    let g = Graph::from_edges(0, []).unwrap();
    assert!(layout(&g, &LayoutOptions::default()).unwrap().is_empty());
}

#[test]
fn single_node_sits_at_the_canvas_centre() {
    let g = Graph::from_edges(1, []).unwrap();
    let o = LayoutOptions {
        size: [200.0, 100.0],
        ..LayoutOptions::default()
    };
    assert_eq!(layout(&g, &o).unwrap(), vec![[100.0, 50.0]]);
}

#[test]
fn two_linked_nodes_end_one_link_length_apart() {
    let g = Graph::from_edges(2, [(0, 1)]).unwrap();
    let p = layout(&g, &LayoutOptions::default()).unwrap();
    // From coincident starts the first derivative pass displaces node 1 by exactly the
    // link length (WebCola's minD), so the pair is already at its ideal distance.
    assert!((dist(&p, 0, 1) - 20.0).abs() < 1e-3, "{p:?}");
}

#[test]
fn isolated_nodes_are_packed_beside_the_graph_not_on_top_of_it() {
    let g = Graph::from_edges(5, [(0, 1), (1, 2)]).unwrap();
    let p = layout(&g, &LayoutOptions::default()).unwrap();
    for i in 3..5 {
        for j in 0..5 {
            if i != j {
                assert!(
                    dist(&p, i, j) >= 10.0 - 1e-3,
                    "nodes {i} and {j} overlap: {p:?}"
                );
            }
        }
    }
}

#[test]
fn self_loops_are_ignored_by_distances() {
    let plain = Graph::from_edges(3, [(0, 1), (1, 2)]).unwrap();
    let looped = Graph::from_edges(3, [(0, 1), (1, 1), (1, 2), (2, 2)]).unwrap();
    let o = LayoutOptions::default();
    assert_eq!(layout(&plain, &o).unwrap(), layout(&looped, &o).unwrap());
}

#[test]
fn duplicate_links_count_once_for_distance_and_last_weight_wins() {
    let plain = Graph::from_edges(3, [(0, 1), (1, 2)]).unwrap();
    let doubled = Graph::from_edges(3, [(0, 1), (1, 0), (1, 2), (1, 2)]).unwrap();
    let o = LayoutOptions::default();
    assert_eq!(layout(&plain, &o).unwrap(), layout(&doubled, &o).unwrap());
}

#[test]
fn fixed_node_stays_near_its_position() {
    let mut nodes = vec![Node::default(); 4];
    nodes[0] = Node {
        x: Some(300.0),
        y: Some(200.0),
        fixed: true,
        ..Node::default()
    };
    let g = Graph::new(
        nodes,
        [(0, 1), (1, 2), (2, 3)]
            .iter()
            .map(|&(s, t)| Link::new(s, t))
            .collect(),
    )
    .unwrap();
    let o = LayoutOptions {
        handle_disconnected: false,
        ..LayoutOptions::default()
    };
    let p = layout(&g, &o).unwrap();
    // As in WebCola, a lock is a stiff spring, not a hard constraint.
    assert!(dist(&[[300.0, 200.0], p[0]], 0, 1) < 1.0, "{:?}", p[0]);
}

#[test]
fn stop_ends_the_layout_at_the_next_tick() {
    let g = Graph::from_edges(4, [(0, 1), (1, 2), (2, 3)]).unwrap();
    let mut l = Layout::<2>::new(g, LayoutOptions::default()).unwrap();
    l.start(Schedule {
        keep_running: false,
        ..Schedule::default()
    })
    .unwrap();
    l.resume();
    assert!(!l.tick().unwrap().ended);
    l.stop();
    let t = l.tick().unwrap();
    assert!(t.ended && t.alpha == 0.0 && !l.is_running());
    l.resume();
    assert!(!l.tick().unwrap().ended, "resume restarts the ticks");
}

#[test]
fn bad_options_are_errors_not_panics() {
    let g = Graph::from_edges(2, [(0, 1)]).unwrap();
    for o in [
        LayoutOptions {
            link_distance: 0.0,
            ..LayoutOptions::default()
        },
        LayoutOptions {
            link_distance: f64::NAN,
            ..LayoutOptions::default()
        },
        LayoutOptions {
            convergence_threshold: -1.0,
            ..LayoutOptions::default()
        },
        LayoutOptions {
            size: [0.0, 1.0],
            ..LayoutOptions::default()
        },
    ] {
        assert!(matches!(
            layout(&g, &o),
            Err(colayout::Error::InvalidOption { .. })
        ));
    }
}

#[test]
fn update_keeps_existing_nodes_where_they_are_and_places_new_ones_nearby() {
    let g = Graph::from_edges(5, [(0, 1), (1, 2), (2, 3), (3, 4)]).unwrap();
    let mut l = Layout::<2>::new(g, LayoutOptions::default()).unwrap();
    l.start(Schedule::default()).unwrap();
    let before = l.positions();
    // Drop node 0, add two nodes hanging off node 4 (new indices: old 1..=4 -> 0..=3).
    let g2 = Graph::from_edges(6, [(0, 1), (1, 2), (2, 3), (3, 4), (3, 5)]).unwrap();
    let previous = [Some(1), Some(2), Some(3), Some(4), None, None];
    l.update(g2, &previous).unwrap();
    let placed = l.positions();
    for (i, p) in previous.iter().enumerate() {
        if let Some(j) = p {
            assert_eq!(placed[i], before[*j], "kept node {i} does not jump");
        }
    }
    assert!(dist(&placed, 4, 3) < 20.0 && dist(&placed, 5, 3) < 20.0 && dist(&placed, 4, 5) > 1.0);
    assert!(l.is_running());
    l.run_until_converged().unwrap();
    let after = l.positions();
    let moved: f64 = (0..4)
        .map(|i| dist(&[after[i], before[i + 1]], 0, 1))
        .fold(0.0, f64::max);
    assert!(
        moved < 25.0,
        "existing nodes settle without jumping: moved {moved}"
    );
    assert!(
        (dist(&after, 3, 4) - 20.0).abs() < 2.0,
        "new nodes get their link length"
    );
    let bad = l.update(Graph::from_edges(1, []).unwrap(), &[Some(9)]);
    assert!(matches!(bad, Err(colayout::Error::NodeOutOfRange { .. })));
    assert_eq!(l.positions(), after, "a failed update changes nothing");
}
