//! Every error kind, made through the core's public API: its code is its name, its
//! message one line. Adding a kind fails this test until it has a case here, and the
//! frontends' own walks (the CLI's, the npm package's) check their mappings the same way.

use colayout::stress::{Descent, PairTable, Weighting};
use colayout::{
    Axis, DragTarget, Error, ErrorKind, Graph, GraphArrays, Group, Layout, LayoutOptions, Link,
    Node, UserConstraint,
};

fn two() -> Graph {
    Graph::from_edges(2, [(0, 1)]).unwrap()
}

fn with_groups(n: usize, groups: Vec<Group>) -> Error {
    Graph::from_edges(n, [])
        .unwrap()
        .with_groups(groups)
        .unwrap_err()
}

fn group(leaves: &[usize], groups: &[usize]) -> Group {
    Group {
        leaves: leaves.to_vec(),
        groups: groups.to_vec(),
        ..Group::default()
    }
}

fn with_constraint(c: UserConstraint) -> Error {
    two().with_constraints(vec![c]).unwrap_err()
}

fn node(f: impl FnOnce(&mut Node)) -> Error {
    let mut v = Node::default();
    f(&mut v);
    Graph::new(vec![v], vec![]).unwrap_err()
}

fn link(f: impl FnOnce(&mut Link)) -> Error {
    let mut l = Link::new(0, 1);
    f(&mut l);
    Graph::new(vec![Node::default(); 2], vec![l]).unwrap_err()
}

fn example(kind: ErrorKind) -> Error {
    match kind {
        ErrorKind::LinkOutOfRange => Graph::from_edges(2, [(0, 5)]).unwrap_err(),
        ErrorKind::NonFiniteCoordinate => node(|v| v.x = Some(f64::NAN)),
        ErrorKind::NonFiniteSize => node(|v| v.width = Some(f64::INFINITY)),
        ErrorKind::NegativeSize => node(|v| v.height = Some(-1.0)),
        ErrorKind::InvalidLinkLength => link(|l| l.length = Some(0.0)),
        ErrorKind::InvalidLinkWeight => link(|l| l.weight = Some(-1.0)),
        ErrorKind::InvalidOption => Layout::<2>::new(
            two(),
            LayoutOptions {
                convergence_threshold: -1.0,
                ..LayoutOptions::default()
            },
        )
        .unwrap_err(),
        ErrorKind::DimensionMismatch => Graph::from_arrays(&GraphArrays::new(2, &[0])).unwrap_err(),
        ErrorKind::NodeOutOfRange => Layout::<2>::new(two(), LayoutOptions::default())
            .unwrap()
            .drag_start(DragTarget::Node(9))
            .unwrap_err(),
        ErrorKind::UnknownNode => with_groups(2, vec![group(&[7], &[])]),
        ErrorKind::UnknownGroup => with_groups(2, vec![group(&[0], &[4])]),
        ErrorKind::GroupCycle => with_groups(2, vec![group(&[0], &[0])]),
        ErrorKind::GroupInTwoGroups => with_groups(
            3,
            vec![group(&[0], &[2]), group(&[1], &[2]), group(&[2], &[])],
        ),
        ErrorKind::NodeInTwoGroups => {
            let g = Graph::from_edges(3, []).unwrap();
            let g = g.with_groups(vec![group(&[0, 1], &[]), group(&[1, 2], &[])]);
            Layout::<2>::new(g.unwrap(), LayoutOptions::default()).unwrap_err()
        }
        ErrorKind::EmptyGroup => with_groups(2, vec![group(&[], &[])]),
        ErrorKind::InvalidGroupValue => with_groups(
            2,
            vec![Group {
                padding: Some(-1.0),
                ..group(&[0], &[])
            }],
        ),
        ErrorKind::EmptyConstraint => with_constraint(UserConstraint::Alignment {
            axis: Axis::X,
            offsets: vec![],
        }),
        ErrorKind::NonFiniteConstraint => with_constraint(UserConstraint::Separation {
            axis: Axis::X,
            left: 0,
            right: 1,
            gap: f64::NAN,
            equality: false,
        }),
        ErrorKind::InvalidDistribution => with_constraint(UserConstraint::Distribution {
            axis: Axis::X,
            alignments: vec![0],
            separation: 5.0,
        }),
        ErrorKind::Parse => "x".parse::<colayout::StressMode>().unwrap_err(),
        ErrorKind::InputTooLarge => {
            Graph::from_arrays(&GraphArrays::new(usize::MAX, &[])).unwrap_err()
        }
        ErrorKind::TooManyNodes => Layout::<2>::new(
            Graph::from_edges(80_000, []).unwrap(),
            LayoutOptions {
                pivots: colayout::Pivots::Count(0),
                ..LayoutOptions::default()
            },
        )
        .unwrap_err(),
        ErrorKind::OutOfRange => Layout::<2>::new(
            two(),
            LayoutOptions {
                size: [1e300, 1.0],
                ..LayoutOptions::default()
            },
        )
        .unwrap_err(),
        ErrorKind::Diverged => {
            let t = PairTable::new(&two(), &[1e6], Weighting::Full).unwrap();
            let mut d = Descent::<2>::new(vec![0.0, 1e30, 0.0, -1e30], t, 1).unwrap();
            d.runge_kutta().unwrap_err()
        }
    }
}

#[test]
fn every_kind_has_an_example_with_its_code_and_a_one_line_message() {
    for kind in ErrorKind::ALL {
        let e = example(kind);
        assert_eq!(e.kind(), kind, "{e:?}");
        assert_eq!(e.code(), kind.name());
        let text = e.to_string();
        assert!(!text.is_empty() && !text.contains('\n'), "{kind}: {text}");
    }
}
