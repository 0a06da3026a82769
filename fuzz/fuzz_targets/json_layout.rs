//! WebCola JSON in: parsing gives a graph or an error; a graph lays out (phases, ticks,
//! overlap removal and groups when asked) with finite positions, or stops with an
//! error and keeps the finite positions of its last iteration.
#![no_main]

use colayout::{Layout, LayoutOptions, Schedule};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = colayout::io::decode(data) else {
        return;
    };
    let Ok(input) = colayout::io::json::parse(&text) else {
        return;
    };
    if input.graph.node_count() > 64 {
        return;
    }
    let options = LayoutOptions {
        // Odd lengths also remove overlaps, so both paths see every kind of graph.
        avoid_overlaps: data.len() % 2 == 1,
        max_ticks: 30,
        ..LayoutOptions::default()
    };
    let Ok(mut layout) = Layout::<2>::new(input.graph, options) else {
        return;
    };
    let _ = layout
        .start(Schedule::iterations(3, 3, 3))
        .and_then(|_| layout.run_until_converged());
    for p in layout.positions() {
        assert!(p.iter().all(|c| c.is_finite()), "non-finite position {p:?}");
    }
});
