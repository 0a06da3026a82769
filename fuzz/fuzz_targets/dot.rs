//! Graphviz DOT in: any bytes give a graph or an error (one line), never a panic, and
//! never more nodes or links than the limits allow.
#![no_main]

use colayout::io::{decode, dot, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data) else {
        return;
    };
    let _ = dot::looks_like_dot(&text);
    let limits = Limits {
        max_nodes: 10_000,
        max_links: 100_000,
    };
    match dot::parse_with(&text, &limits) {
        Ok(input) => {
            assert!(input.graph.node_count() <= limits.max_nodes);
            assert!(input.graph.link_count() <= limits.max_links);
        }
        Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
    }
});
