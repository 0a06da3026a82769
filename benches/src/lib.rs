//! Graphs for the benchmarks, read from the shared corpus (`../shared/graphs/`, beside
//! the repository) or from `data/`.

use std::path::PathBuf;

use colayout::Graph;

/// The corpus graph `name` (`{"nodes": N, "links": [[u, v], ...]}`).
///
/// # Panics
/// When the graph is not found or malformed.
#[must_use]
pub fn corpus(name: &str) -> Graph {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let path = [root.join("data"), root.join("../shared/graphs")]
        .iter()
        .map(|d| d.join(format!("{name}.json")))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("graph {name} not found in data/ or ../shared/graphs/"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    colayout::io::json::parse(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .graph
}

/// The graphs of the tick benchmark, by size: (name, nodes).
pub const TICK_GRAPHS: [&str; 5] = ["lesmis", "dwt_419", "dwt_1005", "block_2000", "USpowerGrid"];
