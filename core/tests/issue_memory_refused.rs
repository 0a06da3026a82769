//! Issue: the dense model's memory is estimated before anything is allocated, and a
//! graph that needs more than `memory_limit` is refused with the bytes it needs and the
//! way out (the sparse model, which `pivots: auto` takes by itself), instead of being
//! killed by the OOM killer under Linux's overcommit.

use colayout::stress::dense_bytes;
use colayout::{Error, Graph, Layout, LayoutOptions, Pivots};

#[test]
fn seventy_thousand_nodes_are_refused_by_the_dense_model_with_the_bytes_needed() {
    let graph = Graph::from_edges(70_000, (0..69_999).map(|i| (i, i + 1))).unwrap();
    let dense = LayoutOptions {
        pivots: Pivots::Count(0),
        ..LayoutOptions::default()
    };
    let e = Layout::<2>::new(graph, dense).unwrap_err();
    let Error::TooManyNodes {
        node_count,
        bytes,
        limit,
    } = e
    else {
        panic!("{e:?}");
    };
    assert_eq!(node_count, 70_000);
    assert!(bytes > 29_000_000_000, "{bytes}");
    assert_eq!(limit, LayoutOptions::default().memory_limit);
    let text = e.to_string();
    assert!(
        text.contains("GB") && text.contains("memory_limit") && text.contains("pivots"),
        "{text}"
    );
}

#[test]
fn the_estimate_does_not_wrap_on_32_bit_targets_and_saturates() {
    // 65 537 nodes wrap `n * (n - 1) / 2` in a 32-bit usize; the estimate is in u128.
    assert!(dense_bytes(65_537, 2) > 25_000_000_000);
    assert_eq!(dense_bytes(usize::MAX, 3), u64::MAX);
    assert!(Error::TooManyNodes {
        node_count: usize::MAX,
        bytes: u64::MAX,
        limit: 1 << 31
    }
    .to_string()
    .contains("more than 18.4 EB"));
}

#[test]
fn the_limit_is_an_option() {
    let graph = Graph::from_edges(400, (0..399).map(|i| (i, i + 1))).unwrap();
    let tight = LayoutOptions {
        memory_limit: 100_000,
        ..LayoutOptions::default()
    };
    assert!(matches!(
        Layout::<2>::new(graph.clone(), tight),
        Err(Error::TooManyNodes { .. })
    ));
    assert!(Layout::<2>::new(graph, LayoutOptions::default()).is_ok());
}
