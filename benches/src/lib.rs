//! Graphs for the benchmarks, read from `data/`.

use std::path::PathBuf;

use colayout::Graph;

/// The corpus graph `name` (`{"nodes": N, "links": [[u, v], ...]}`).
///
/// # Panics
/// When the graph is not found or malformed.
#[must_use]
pub fn corpus(name: &str) -> Graph {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../data/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    colayout::io::json::parse(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .graph
}

/// The graphs of the tick benchmark, by size: (name, nodes).
pub const TICK_GRAPHS: [&str; 5] = ["lesmis", "dwt_419", "dwt_1005", "block_2000", "USpowerGrid"];
