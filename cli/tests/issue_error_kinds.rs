//! Every core error kind, walked through the CLI: the input that causes it exits with
//! code 2 and one line, `colayout: error: -: ` and the core's own message. Kinds no CLI
//! input can cause are named, with the reason.

mod common;

use colayout::{DynLayout, ErrorKind, LayoutOptions};
use common::colayout;

/// The core's error for `text` as the CLI reads it, with `options`.
fn core_error(text: &str, options: LayoutOptions) -> colayout::Error {
    let input = match colayout::io::json::parse(text) {
        Ok(input) => input,
        Err(e) => return e,
    };
    DynLayout::new(input.graph, options, 2).unwrap_err()
}

#[test]
fn every_kind_reaches_the_user_as_exit_2_and_the_core_message() {
    let group = |g: &str| format!(r#"{{"nodes": 3, "links": [[0, 1]], "groups": {g}}}"#);
    let constraint =
        |c: &str| format!(r#"{{"nodes": 3, "links": [[0, 1]], "constraints": [{c}]}}"#);
    let cases: Vec<(ErrorKind, Vec<&str>, String)> = vec![
        (
            ErrorKind::LinkOutOfRange,
            vec![],
            r#"{"nodes": 2, "links": [[0, 5]]}"#.into(),
        ),
        (
            ErrorKind::NonFiniteCoordinate,
            vec![],
            r#"{"nodes": [{"x": "NaN"}]}"#.into(),
        ),
        (
            ErrorKind::NonFiniteSize,
            vec![],
            r#"{"nodes": [{"width": "Infinity"}]}"#.into(),
        ),
        (
            ErrorKind::NegativeSize,
            vec![],
            r#"{"nodes": [{"width": -1}]}"#.into(),
        ),
        (
            ErrorKind::InvalidLinkLength,
            vec![],
            r#"{"nodes": 2, "links": [{"source": 0, "target": 1, "length": -1}]}"#.into(),
        ),
        (
            ErrorKind::InvalidLinkWeight,
            vec![],
            r#"{"nodes": 2, "links": [{"source": 0, "target": 1, "weight": -1}]}"#.into(),
        ),
        (
            ErrorKind::InvalidOption,
            vec!["--threshold", "-1"],
            r#"{"nodes": 2, "links": [[0, 1]]}"#.into(),
        ),
        (
            ErrorKind::UnknownNode,
            vec![],
            group(r#"[{"leaves": [7]}]"#),
        ),
        (
            ErrorKind::UnknownGroup,
            vec![],
            group(r#"[{"groups": [4]}]"#),
        ),
        (ErrorKind::GroupCycle, vec![], group(r#"[{"groups": [0]}]"#)),
        (
            ErrorKind::GroupInTwoGroups,
            vec![],
            group(r#"[{"groups": [2]}, {"groups": [2]}, {"leaves": [0]}]"#),
        ),
        (
            ErrorKind::NodeInTwoGroups,
            vec![],
            group(r#"[{"leaves": [0, 1]}, {"leaves": [1, 2]}]"#),
        ),
        (ErrorKind::EmptyGroup, vec![], group(r#"[{}]"#)),
        (
            ErrorKind::InvalidGroupValue,
            vec![],
            group(r#"[{"leaves": [0], "padding": -1}]"#),
        ),
        (
            ErrorKind::EmptyConstraint,
            vec![],
            constraint(r#"{"type": "alignment", "axis": "x", "offsets": []}"#),
        ),
        (
            ErrorKind::NonFiniteConstraint,
            vec![],
            constraint(r#"{"axis": "x", "left": 0, "right": 1, "gap": "NaN"}"#),
        ),
        (
            ErrorKind::InvalidDistribution,
            vec![],
            constraint(
                r#"{"type": "distribution", "axis": "x", "alignments": [0], "separation": 5}"#,
            ),
        ),
        (ErrorKind::Parse, vec![], r#"{"nodes": ["#.into()),
        (
            ErrorKind::InputTooLarge,
            vec![],
            r#"{"nodes": 1e12}"#.into(),
        ),
        (
            ErrorKind::TooManyNodes,
            vec!["--pivots", "0"],
            r#"{"nodes": 70000}"#.into(),
        ),
        (
            ErrorKind::OutOfRange,
            vec![],
            r#"{"nodes": [{"x": 1e15}]}"#.into(),
        ),
    ];
    // No CLI input passes a buffer, drags, or gets past the range checks to overflow.
    let unreachable = [
        ErrorKind::DimensionMismatch,
        ErrorKind::NodeOutOfRange,
        ErrorKind::Diverged,
    ];
    let mut covered: Vec<ErrorKind> = cases.iter().map(|c| c.0).chain(unreachable).collect();
    covered.sort();
    assert_eq!(
        covered,
        ErrorKind::ALL.to_vec(),
        "every kind has a case or a reason"
    );
    for (kind, flags, text) in &cases {
        let options = match flags[..] {
            [] => LayoutOptions::default(),
            ["--pivots", "0"] => LayoutOptions {
                pivots: colayout::Pivots::Count(0),
                ..LayoutOptions::default()
            },
            _ => LayoutOptions {
                convergence_threshold: -1.0,
                ..LayoutOptions::default()
            },
        };
        let want = core_error(text, options);
        assert_eq!(want.kind(), *kind, "{text}");
        let args: Vec<&str> = ["layout", "-"]
            .into_iter()
            .chain(flags.iter().copied())
            .collect();
        let out = colayout(&args, Some(text));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{kind}: {err}");
        assert_eq!(err, format!("colayout: error: -: {want}\n"), "{kind}");
    }
}
