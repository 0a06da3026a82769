//! Issue: finite values too large or too small for the f32 kernels are refused with the
//! value and its range, before a layout runs; values inside the ranges give finite
//! layouts; a layout that still goes non-finite stops with `Diverged` and keeps its last
//! finite positions. Nothing ever writes NaN.

use colayout::layout::ranges::{MAX_COORDINATE, MAX_LENGTH, MAX_SIZE, MIN_LENGTH};
use colayout::stress::{Descent, PairTable, Weighting};
use colayout::{
    Axis, Error, ErrorKind, Graph, Group, Layout, LayoutOptions, Link, Node, Schedule,
    UserConstraint,
};
use proptest::prelude::*;

fn path(n: usize) -> Vec<Link> {
    (0..n - 1).map(|i| Link::new(i, i + 1)).collect()
}

fn refused(graph: Graph, options: LayoutOptions) -> Error {
    Layout::<2>::new(graph, options).unwrap_err()
}

fn out_of_range(e: &Error) -> (&'static str, &'static str) {
    match e {
        Error::OutOfRange { item, field, .. } => (item, field),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_node_at_1e15_is_refused() {
    let nodes = vec![
        Node {
            x: Some(1e15),
            ..Node::default()
        },
        Node::default(),
    ];
    let e = refused(
        Graph::new(nodes, path(2)).unwrap(),
        LayoutOptions::default(),
    );
    assert_eq!(out_of_range(&e), ("node", "x"));
    assert!(e.to_string().contains("node 0: x = 1e15"), "{e}");
}

#[test]
fn link_lengths_of_1e_minus_15_and_1e38_are_refused() {
    for len in [1e-15, 1e38] {
        let mut links = path(3);
        links[1].length = Some(len);
        let e = refused(
            Graph::new(vec![Node::default(); 3], links).unwrap(),
            LayoutOptions::default(),
        );
        assert_eq!(out_of_range(&e), ("link", "length"), "{len}");
    }
    let e = refused(
        Graph::from_edges(2, [(0, 1)]).unwrap(),
        LayoutOptions {
            link_distance: 1e38,
            ..LayoutOptions::default()
        },
    );
    assert_eq!(out_of_range(&e), ("option", "link_distance"));
}

#[test]
fn huge_boxes_padding_and_gaps_are_refused() {
    for w in [1e14, 1e16, 1e18] {
        let nodes = vec![
            Node {
                width: Some(w),
                height: Some(w),
                ..Node::default()
            };
            3
        ];
        let options = LayoutOptions {
            avoid_overlaps: true,
            ..LayoutOptions::default()
        };
        let e = refused(Graph::new(nodes, path(3)).unwrap(), options);
        assert_eq!(out_of_range(&e), ("node", "width"), "{w}");
    }
    let g = Graph::new(vec![Node::default(); 3], path(3))
        .unwrap()
        .with_groups(vec![Group {
            leaves: vec![0, 1],
            padding: Some(1e15),
            ..Group::default()
        }])
        .unwrap();
    assert_eq!(
        out_of_range(&refused(g, LayoutOptions::default())),
        ("group", "padding")
    );
    let g = Graph::new(vec![Node::default(); 3], path(3))
        .unwrap()
        .with_constraints(vec![UserConstraint::Separation {
            axis: Axis::X,
            left: 0,
            right: 1,
            gap: 1e15,
            equality: false,
        }])
        .unwrap();
    assert_eq!(
        out_of_range(&refused(g, LayoutOptions::default())),
        ("constraint", "gap")
    );
}

#[test]
fn a_path_longer_than_the_kernels_allow_is_refused() {
    let mut links = path(5);
    for l in &mut links {
        l.length = Some(MAX_LENGTH);
    }
    let e = refused(
        Graph::new(vec![Node::default(); 5], links).unwrap(),
        LayoutOptions::default(),
    );
    assert_eq!(out_of_range(&e), ("graph", "longest shortest path"));
}

#[test]
fn a_layout_that_overflows_stops_with_diverged_and_keeps_finite_positions() {
    // `Descent` takes any finite start; coordinates of 1e30 overflow the f32 kernels.
    let g = Graph::from_edges(3, [(0, 1), (1, 2)]).unwrap();
    let t = PairTable::new(&g, &[1e6, 1e6], Weighting::Full).unwrap();
    let start = vec![0.0, 1e30, -1e30, 0.0, 1e30, 2e30];
    let mut d = Descent::<2>::new(start.clone(), t, 1).unwrap();
    let e = d.runge_kutta().unwrap_err();
    assert_eq!(e, Error::Diverged { iteration: 1 });
    assert_eq!(e.kind(), ErrorKind::Diverged);
    assert_eq!(d.x(), &start[..], "the positions are the last finite ones");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Anything inside the ranges lays out to finite positions (or stops with an error),
    /// never NaN: extreme lengths, far starts, big boxes with overlap removal.
    #[test]
    fn values_inside_the_ranges_never_give_nan(
        len in prop::sample::select(vec![MIN_LENGTH, 1e-3, 1.0, 20.0, 1e4, MAX_LENGTH / 16.0]),
        far in prop::sample::select(vec![0.0, 1e3, MAX_COORDINATE / 2.0]),
        size in prop::sample::select(vec![0.0, 1.0, 1e3, MAX_SIZE / 8.0]),
        overlaps in any::<bool>(),
        n in 3usize..9,
    ) {
        let nodes: Vec<Node> = (0..n)
            .map(|i| Node {
                x: (i == 0).then_some(far),
                y: (i == 1).then_some(-far),
                width: Some(size),
                height: Some(size / 2.0),
                ..Node::default()
            })
            .collect();
        let mut links = path(n);
        for l in &mut links {
            l.length = Some(len);
        }
        let options = LayoutOptions {
            avoid_overlaps: overlaps,
            max_ticks: 200,
            ..LayoutOptions::default()
        };
        let mut l = Layout::<2>::new(Graph::new(nodes, links).unwrap(), options).unwrap();
        match l.start(Schedule::iterations(5, 0, 5)) {
            Ok(_) | Err(Error::Diverged { .. }) => {}
            Err(e) => panic!("{e}"),
        }
        prop_assert!(l.positions().iter().flatten().all(|c| c.is_finite()));
    }
}
