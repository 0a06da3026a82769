//! The SVG writer's tests.

use super::scene::*;
use super::*;

fn dot() -> SvgNode<'static> {
    SvgNode {
        width: None,
        height: None,
        label: None,
    }
}

fn boxed(w: f64, h: f64, label: Option<&str>) -> SvgNode<'_> {
    SvgNode {
        width: Some(w),
        height: Some(h),
        label,
    }
}

fn scene<'a>(
    positions: &'a [[f64; 2]],
    nodes: &'a [SvgNode<'a>],
    links: &'a [(usize, usize)],
    groups: &'a [SvgGroup],
) -> SvgScene<'a> {
    SvgScene {
        positions,
        nodes,
        links,
        groups,
        routes: None,
        arrows: false,
        hulls: &[],
    }
}

fn count(svg: &str, tag: &str) -> usize {
    svg.matches(&format!("<{tag} ")).count()
}

/// Basic shape checks every output must pass.
fn assert_well_formed(svg: &str) {
    assert!(svg.starts_with("<svg "), "{svg}");
    assert!(svg.ends_with("</svg>\n"), "{svg}");
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
    assert_eq!(
        svg.matches("<text ").count(),
        svg.matches("</text>").count()
    );
}

/// Width and height attributes of the root element.
fn canvas_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| {
        let start = svg.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3);
        start
            .and_then(|s| svg[s..].find('"').map(|e| &svg[s..s + e]))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(-1.0)
    };
    (attr("width"), attr("height"))
}

/// Positions, nodes and links of a test graph.
type Graph = (Vec<[f64; 2]>, Vec<SvgNode<'static>>, Vec<(usize, usize)>);

/// A deterministic pseudo-random graph of `n` dots on a jittered grid.
fn big_graph(n: usize) -> Graph {
    let side = (n as f64).sqrt().ceil() as usize;
    let positions = (0..n)
        .map(|i| {
            let j = (i as f64 * 12.9898).sin() * 4.0;
            [(i % side) as f64 * 25.0 + j, (i / side) as f64 * 25.0 - j]
        })
        .collect();
    let nodes = (0..n).map(|_| dot()).collect();
    let mut links = Vec::new();
    for i in 0..n {
        if i % side + 1 < side && i + 1 < n {
            links.push((i, i + 1));
        }
        if i + side < n && i % 2 == 0 {
            links.push((i, i + side));
        }
    }
    (positions, nodes, links)
}

#[test]
fn empty_scene_gives_small_empty_svg() {
    let svg = render(&scene(&[], &[], &[], &[]));
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "circle") + count(&svg, "line"), 0);
    assert_eq!(count(&svg, "rect"), 1);
    assert!(svg.len() < 300);
}

#[test]
fn one_dot_is_drawn_centred_on_a_small_canvas() {
    let svg = render(&scene(&[[5.0, -3.0]], &[dot()], &[], &[]));
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "circle"), 1);
    let (w, h) = canvas_size(&svg);
    assert!(w > 0.0 && w == h && w < CANVAS);
    assert!(svg.contains(&format!("cx=\"{}\" cy=\"{}\"", N(w / 2.0), N(h / 2.0))));
}

#[test]
fn one_box_node_fills_the_canvas_with_its_label() {
    let nodes = [boxed(40.0, 20.0, Some("A"))];
    let svg = render(&scene(&[[0.0, 0.0]], &nodes, &[], &[]));
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "rect"), 2);
    assert!(svg.contains(">A</text>"));
    assert_eq!(canvas_size(&svg), (1000.0, 532.0));
}

#[test]
fn nodes_at_one_point_do_not_produce_nan() {
    let positions = [[7.0, 7.0]; 4];
    let nodes: Vec<_> = (0..4).map(|_| dot()).collect();
    let svg = render(&scene(&positions, &nodes, &[(0, 1), (2, 3)], &[]));
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "circle"), 4);
    assert_eq!(count(&svg, "line"), 2);
}

#[test]
fn nan_position_is_skipped_with_its_links() {
    let positions = [
        [0.0, 0.0],
        [f64::NAN, 1.0],
        [10.0, 10.0],
        [f64::INFINITY, 0.0],
    ];
    let nodes: Vec<_> = (0..4).map(|_| dot()).collect();
    let links = [(0, 1), (1, 2), (0, 2), (2, 3), (0, 9)];
    let svg = render(&scene(&positions, &nodes, &links, &[]));
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "circle"), 2);
    assert_eq!(count(&svg, "line"), 1);
}

#[test]
fn only_non_finite_nodes_give_the_empty_svg() {
    let nodes = [dot()];
    let svg = render(&scene(&[[f64::NAN, f64::NAN]], &nodes, &[(0, 0)], &[]));
    assert_eq!(svg, render(&scene(&[], &[], &[], &[])));
}

#[test]
fn label_is_xml_escaped() {
    let nodes = [
        boxed(200.0, 30.0, Some("a<b&c>\"d'")),
        SvgNode {
            width: None,
            height: None,
            label: Some("<&>\"\u{1}"),
        },
    ];
    let svg = render(&scene(&[[0.0, 0.0], [300.0, 0.0]], &nodes, &[], &[]));
    assert_well_formed(&svg);
    assert!(
        svg.contains(">a&lt;b&amp;c&gt;&quot;d&apos;</text>"),
        "{svg}"
    );
    assert!(svg.contains(">&lt;&amp;&gt;&quot;\u{FFFD}</text>"), "{svg}");
    assert!(!svg.contains("<b") && !svg.contains("\u{1}"));
}

#[test]
fn element_counts_match_the_scene() {
    let positions = [
        [0.0, 0.0],
        [50.0, 0.0],
        [0.0, 50.0],
        [50.0, 50.0],
        [100.0, 20.0],
        [100.0, 80.0],
    ];
    let nodes = [
        dot(),
        dot(),
        dot(),
        dot(),
        boxed(30.0, 20.0, Some("box")),
        boxed(30.0, 20.0, None),
    ];
    let links = [(0, 1), (1, 3), (3, 2), (2, 0), (4, 5), (1, 1)];
    let groups = [SvgGroup {
        x: 80.0,
        y: 0.0,
        x_max: 120.0,
        y_max: 100.0,
    }];
    let svg = render(&scene(&positions, &nodes, &links, &groups));
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "circle"), 4);
    assert_eq!(count(&svg, "rect"), 1 + 1 + 2);
    assert_eq!(count(&svg, "line"), 5);
    assert_eq!(count(&svg, "path"), 1);
    assert_eq!(count(&svg, "text"), 1);
    // Draw order: groups, links, nodes, labels.
    let at = |s: &str| svg.find(s).unwrap_or(usize::MAX);
    assert!(at(GROUP_FILL) < at("<line ") && at("<line ") < at("<circle "));
    assert!(at("<circle ") < at("<text "));
}

#[test]
fn numbers_have_at_most_two_decimals() {
    let (positions, nodes, links) = big_graph(50);
    let svg = render(&scene(&positions, &nodes, &links, &[]));
    for part in svg.split('.').skip(1) {
        let digits = part.chars().take_while(char::is_ascii_digit).count();
        assert!(digits <= 2, "{part}");
    }
    assert_eq!(N(12.345_6).to_string(), "12.35");
    assert_eq!(N(-0.001).to_string(), "0");
    assert_eq!(N(-2.5).to_string(), "-2.5");
    assert_eq!(N(3.0).to_string(), "3");
    assert_eq!(N(0.07).to_string(), "0.07");
    assert_eq!(N(f64::NAN).to_string(), "0");
}

#[test]
fn output_is_deterministic() {
    let (positions, nodes, links) = big_graph(400);
    let a = render(&scene(&positions, &nodes, &links, &[]));
    let b = render(&scene(&positions, &nodes, &links, &[]));
    assert_eq!(a, b);
}

#[test]
fn canvas_longer_side_is_about_1000_px_and_keeps_aspect() {
    let nodes = [dot(), dot()];
    let svg = render(&scene(
        &[[0.0, 0.0], [400.0, 100.0]],
        &nodes,
        &[(0, 1)],
        &[],
    ));
    let (w, h) = canvas_size(&svg);
    assert_eq!(w, 1000.0);
    let ratio = (w - 2.0 * MARGIN) / (h - 2.0 * MARGIN);
    assert!((ratio - 4.0).abs() < 0.02, "{w} x {h}");
}

#[test]
fn canvas_size_ignores_float_noise() {
    let nodes = [dot(), dot(), dot()];
    let svg = render(&scene(
        &[[0.0, 0.0], [2.0, 0.0], [1.0, 1.5]],
        &nodes,
        &[],
        &[],
    ));
    assert_eq!(canvas_size(&svg).0, 1000.0);
}

#[test]
fn dot_labels_are_dropped_on_crowded_pictures() {
    let labels: Vec<String> = (0..400).map(|i| format!("n{i}")).collect();
    let (positions, _, links) = big_graph(400);
    let nodes: Vec<_> = labels
        .iter()
        .map(|l| SvgNode {
            width: None,
            height: None,
            label: Some(l),
        })
        .collect();
    let svg = render(&scene(&positions, &nodes, &links, &[]));
    assert_eq!(count(&svg, "text"), 0);
    let svg = render(&scene(&positions[..100], &nodes[..100], &[], &[]));
    assert_eq!(count(&svg, "text"), 100);
}

#[test]
fn large_graph_stays_compact_with_faint_links() {
    let (positions, nodes, links) = big_graph(5000);
    let svg = render(&scene(&positions, &nodes, &links, &[]));
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "circle"), 5000);
    assert_eq!(count(&svg, "line"), links.len());
    assert!(
        svg.len() < 100 * (5000 + links.len()),
        "{} bytes",
        svg.len()
    );
    let big = Style::new(5000, links.len(), &[], 1.0);
    let small = Style::new(10, 10, &[], 1.0);
    assert!(big.link_opacity < small.link_opacity && big.link_width < small.link_width);
    assert!(big.dot_r < small.dot_r && big.dot_r >= 1.5);
}

#[test]
fn routes_are_drawn_with_arrowheads_and_hulls_replace_group_boxes() {
    let positions = [[0.0, 0.0], [100.0, 0.0], [50.0, 80.0]];
    let nodes = [boxed(20.0, 10.0, None), boxed(20.0, 10.0, None), dot()];
    let links = [(0, 1), (1, 2)];
    let routes = vec![
        vec![[10.0, 0.0], [50.0, -20.0], [90.0, 0.0]],
        vec![[100.0, 5.0], [50.0, 80.0]],
    ];
    let hulls = vec![vec![
        [-15.0, -10.0],
        [115.0, -10.0],
        [115.0, 10.0],
        [-15.0, 10.0],
    ]];
    let svg = render(&SvgScene {
        routes: Some(&routes),
        arrows: true,
        hulls: &hulls,
        ..scene(&positions, &nodes, &links, &[])
    });
    assert_well_formed(&svg);
    assert_eq!(count(&svg, "polyline"), 1);
    assert_eq!(count(&svg, "line"), 1);
    assert_eq!(svg.matches("marker-end=\"url(#arrow)\"").count(), 2);
    assert_eq!(count(&svg, "marker"), 1);
    assert_eq!(count(&svg, "polygon"), 1);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    // The route into the dot stops at its rim, not its centre.
    let line = svg.split("<line ").nth(1).unwrap();
    let (cx, cy) = {
        let c = svg.split("<circle ").nth(1).unwrap();
        let num = |k: &str| -> f64 {
            c.split(&format!("{k}=\""))
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        };
        (num("cx"), num("cy"))
    };
    let num = |k: &str| -> f64 {
        line.split(&format!("{k}=\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!((num("x2") - cx).hypot(num("y2") - cy) > 1.0);
}
