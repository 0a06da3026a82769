//! The JSON readers' unit tests.

use super::*;
use crate::geom::Axis;
use crate::layout::Flow;
use crate::linklengths::LinkLengths;

#[test]
fn corpus_shape() {
    let g = parse(r#"{"nodes": 3, "links": [[0, 1], [1, 2]]}"#)
        .unwrap()
        .graph;
    assert_eq!((g.node_count(), g.link_count()), (3, 2));
}

#[test]
fn webcola_shape_with_strings_and_names() {
    let text = "\u{feff}{\"nodes\":[{\"name\":\"a\",\"width\":\"60\",\"x\":\"1.5\",\"fixed\":1},{\"name\":\"b\"}],\
                \"links\":[{\"source\":\"a\",\"target\":\"1\",\"length\":\"30\"}]}";
    let input = parse(text).unwrap();
    let v = &input.graph.nodes()[0];
    assert_eq!((v.width, v.x, v.fixed), (Some(60.0), Some(1.5), true));
    let l = &input.graph.links()[0];
    assert_eq!((l.source, l.target, l.length), (0, 1, Some(30.0)));
    assert_eq!(input.labels[1].as_deref(), Some("b"));
}

#[test]
fn options_use_webcola_names() {
    let o = parse_options(
        r#"{"linkDistance": 50, "avoidOverlaps": true, "size": [800, 600],
        "flowLayout": {"axis": "x", "minSeparation": 40}, "jaccardLinkLengths": {"ideal": 30}}"#,
    )
    .unwrap();
    assert_eq!(
        (o.link_distance, o.avoid_overlaps, o.size),
        (50.0, true, [800.0, 600.0])
    );
    assert_eq!(
        o.flow,
        Some(Flow {
            axis: Axis::X,
            min_separation: 40.0
        })
    );
    assert_eq!(
        o.link_lengths,
        LinkLengths::Jaccard {
            ideal: 30.0,
            w: 1.0
        }
    );
    assert!(parse_options(r#"{"linkDistanse": 3}"#).is_err());
}

#[test]
fn overlapping_groups_read_under_both_names_and_round_trip() {
    for text in [
        r#"{"overlappingGroups": true}"#,
        r#"{"overlapping_groups": true}"#,
    ] {
        assert!(parse_options(text).unwrap().overlapping_groups, "{text}");
    }
    let o = LayoutOptions {
        overlapping_groups: true,
        ..LayoutOptions::default()
    };
    let json = options_to_json(&o);
    assert!(json.contains("\"overlappingGroups\":true"), "{json}");
    assert_eq!(parse_options(&json).unwrap(), o);
    assert!(!LayoutOptions::default().overlapping_groups);
}

#[test]
fn a_node_in_two_groups_reads_and_is_kept_in_both() {
    let input = parse(r#"{"nodes": 3, "groups": [{"leaves": [0, 1]}, {"leaves": [1, 2]}]}"#);
    let groups = input.unwrap().graph.groups().clone();
    assert_eq!(groups.first_shared_node(), Some((1, (0, 1))));
    assert_eq!(groups.groups()[1].leaves, [1, 2]);
}

#[test]
fn bad_inputs_are_one_line_errors() {
    for bad in [
        "{",
        "[]",
        r#"{"nodes": 2, "links": [[0, 5]]}"#,
        r#"{"nodes": [{"x": "NaN"}]}"#,
        r#"{"nodes": [{"width": -3}]}"#,
        r#"{"nodes": 2, "links": [{"source": 0, "target": 1, "length": -1}]}"#,
        r#"{"nodes": 2, "links": [{"source": 0, "target": "zz"}]}"#,
    ] {
        let e = parse(bad).err().unwrap().to_string();
        assert!(!e.contains('\n'), "{e}");
    }
}

#[test]
fn links_may_name_nodes_before_the_nodes_are_read() {
    let input = parse(
        r#"{"links": [{"source": "b", "target": "a"}], "nodes": [{"id": "a"}, {"id": "b"}]}"#,
    )
    .unwrap();
    let l = &input.graph.links()[0];
    assert_eq!((l.source, l.target), (1, 0));
    let e = parse(r#"{"links": [["a", "zz"]], "nodes": [{"id": "a"}]}"#).unwrap_err();
    assert!(e.to_string().contains("\"zz\""), "{e}");
}

#[test]
fn counts_beyond_the_limits_are_refused_before_allocating() {
    let limits = Limits {
        max_nodes: 3,
        max_links: 2,
    };
    let e = parse_with(r#"{"nodes": 18446744073709551615}"#, &limits).unwrap_err();
    assert_eq!(e.kind(), crate::error::ErrorKind::InputTooLarge);
    let e = parse_with(r#"{"nodes": [{}, {}, {}, {}, {}]}"#, &limits).unwrap_err();
    assert_eq!(
        e,
        Error::InputTooLarge {
            what: "nodes",
            count: 5,
            limit: 3
        }
    );
    let e = parse_with(
        r#"{"nodes": 3, "links": [[0, 1], [1, 2], [2, 0]]}"#,
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        e,
        Error::InputTooLarge {
            what: "links",
            count: 3,
            limit: 2
        }
    );
    assert!(parse_with(r#"{"nodes": 3, "links": [[0, 1], [1, 2]]}"#, &limits).is_ok());
}

#[test]
fn options_round_trip_under_webcola_names() {
    let o = crate::layout::LayoutOptions {
        link_distance: 42.0,
        link_lengths: LinkLengths::Jaccard { ideal: 3.0, w: 0.5 },
        flow: Some(Flow::default()),
        ..Default::default()
    };
    let text = options_to_json(&o);
    assert!(text.contains("\"linkDistance\":42"), "{text}");
    assert!(text.contains("\"jaccardLinkLengths\""), "{text}");
    assert_eq!(parse_options(&text).unwrap(), o);
    let snake =
        parse_options(r#"{"link_distance": 7, "avoid_overlaps": true, "flow": {"axis": "x"}}"#)
            .unwrap();
    assert_eq!((snake.link_distance, snake.avoid_overlaps), (7.0, true));
    assert_eq!(
        snake.flow,
        Some(Flow {
            axis: Axis::X,
            min_separation: 30.0
        })
    );
}

#[test]
fn groups_and_constraints_read_alone() {
    let groups = parse_groups(r#"[[0, 1], {"leaves": [2], "groups": [0], "padding": 4}]"#).unwrap();
    assert_eq!(groups[0].leaves, [0, 1]);
    assert_eq!(
        (groups[1].groups.as_slice(), groups[1].padding),
        (&[0][..], Some(4.0))
    );
    let c = parse_constraints(r#"[{"axis": "x", "left": 0, "right": 1, "gap": "NaN"}]"#).unwrap();
    assert!(matches!(c[0], UserConstraint::Separation { gap, .. } if gap.is_nan()));
    for bad in ["{}", "[1]", "[[\"a\"]]", "[", "[{\"type\": \"circle\"}]"] {
        let e = parse_groups(bad).and(parse_constraints(bad).map(|_| Vec::<Group>::new()));
        assert_eq!(e.unwrap_err().code(), "Parse", "{bad}");
    }
}
