//! Issue: long runs show their progress even when stderr is not a terminal (a log, a CI
//! job): a line every 5 seconds.

mod common;

use common::colayout;

#[test]
fn a_long_run_prints_progress_lines_to_a_pipe() {
    let depth = 120;
    let nodes = vec![serde_json::json!({"width": 10, "height": 10}); depth];
    let links: Vec<_> = (0..depth - 1).map(|i| [i, i + 1]).collect();
    let groups: Vec<_> = (0..depth)
        .map(|i| serde_json::json!({"leaves": [i], "groups": if i + 1 < depth { vec![i + 1] } else { vec![] }}))
        .collect();
    let text = serde_json::json!({"nodes": nodes, "links": links, "groups": groups}).to_string();
    let out = colayout(
        &["layout", "-", "--avoid-overlaps", "--svg", "/dev/null"],
        Some(&text),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let progress: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("colayout: tick "))
        .collect();
    assert!(!progress.is_empty(), "no progress line in {err}");
    assert!(
        progress[0].contains("of at most 10000") && !err.contains('\r'),
        "{err}"
    );
}
