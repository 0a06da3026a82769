//! colayout against npm `webcola@3.4.0`, run in Node on the same inputs: shortest paths,
//! link lengths and packing exactly (1e-9), the first gradient to 1e-4 relative, and
//! layout quality (SN) after the same schedule from the same starting positions.

use colayout::linklengths::{jaccard_link_lengths, symmetric_diff_link_lengths};
use colayout::metrics::scale_normalised_stress;
use colayout::packing::{pack_components, PackingOptions};
use colayout::stress::{Descent, PairTable, Weighting};
use colayout::{paths, Graph, Layout, LayoutOptions, Link, Node, Schedule};
use colayout_webcola::{fixture, links_json, numbers, points, random_positions, request};
use serde_json::json;

fn close(a: f64, b: f64, rel: f64) -> bool {
    a == b || (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

/// karate plus a separate edge and four isolated nodes.
fn with_isolated_nodes() -> Graph {
    let k = fixture("karate");
    let n = k.node_count();
    let mut edges: Vec<(usize, usize)> = k.links().iter().map(|l| (l.source, l.target)).collect();
    edges.push((n, n + 1));
    Graph::from_edges(n + 6, edges).unwrap()
}

fn at(graph: &Graph, pos: &[[f64; 2]]) -> Graph {
    let nodes = graph
        .nodes()
        .iter()
        .zip(pos)
        .map(|(v, p)| Node {
            x: Some(p[0]),
            y: Some(p[1]),
            ..v.clone()
        })
        .collect();
    Graph::new(nodes, graph.links().to_vec()).unwrap()
}

#[test]
fn all_pairs_distances_equal_webcola_calculator() {
    for name in ["lesmis", "can_96", "jazz", "dwt_419"] {
        let g = fixture(name);
        let lengths = vec![20.0; g.link_count()];
        let ours = paths::all_pairs(&g, &lengths).unwrap();
        let theirs = request(&json!({"op": "paths", "n": g.node_count(), "links": links_json(&g), "link_distance": 20}))
            .unwrap();
        for (u, row) in theirs["distances"].as_array().unwrap().iter().enumerate() {
            assert_eq!(numbers(row), ours.row(u), "{name} row {u}");
        }
    }
}

#[test]
fn dijkstra_with_unequal_lengths_and_isolated_nodes_equals_webcola() {
    let g = with_isolated_nodes();
    let lengths: Vec<f64> = symmetric_diff_link_lengths(&g, 1.0)
        .iter()
        .map(|l| l * 7.5)
        .collect();
    let ours = paths::all_pairs(&g, &lengths).unwrap();
    let theirs = request(
        &json!({"op": "paths", "n": g.node_count(), "links": links_json(&g), "lengths": lengths}),
    )
    .unwrap();
    for (u, row) in theirs["distances"].as_array().unwrap().iter().enumerate() {
        for (v, d) in numbers(row).into_iter().enumerate() {
            assert!(
                close(d, ours.get(u, v), 1e-9),
                "({u},{v}): {d} vs {}",
                ours.get(u, v)
            );
        }
    }
    // Single source and path queries, as Calculator.DistancesFromNode / PathFromNodeToNode.
    let row = request(&json!({"op": "paths", "n": g.node_count(), "links": links_json(&g), "lengths": lengths, "source": 5}))
        .unwrap();
    let ours_row = paths::single_source(&g, &lengths, 5).unwrap();
    for (a, b) in numbers(&row["row"]).iter().zip(&ours_row) {
        assert!(close(*a, *b, 1e-9));
    }
    let path = paths::path(&g, &lengths, 5, 30).unwrap().unwrap();
    let length: f64 = path
        .windows(2)
        .map(|w| {
            g.links()
                .iter()
                .zip(&lengths)
                .filter(|(l, _)| {
                    (l.source, l.target) == (w[0], w[1]) || (l.target, l.source) == (w[0], w[1])
                })
                .map(|(_, &len)| len)
                .fold(f64::INFINITY, f64::min)
        })
        .sum();
    assert!(
        close(length, ours.get(5, 30), 1e-9),
        "path is a shortest path"
    );
    let theirs_path = request(&json!({"op": "paths", "n": g.node_count(), "links": links_json(&g), "lengths": lengths, "path": [5, 30]}))
        .unwrap();
    assert_eq!(
        theirs_path["path"].as_array().unwrap().last(),
        Some(&json!(5))
    );
    assert_eq!(
        paths::path(&g, &lengths, 5, g.node_count() - 1).unwrap(),
        None
    );
}

#[test]
fn symmetric_diff_and_jaccard_lengths_equal_webcola() {
    let mut graphs = vec![fixture("lesmis"), fixture("jazz"), with_isolated_nodes()];
    // Duplicate links and a self-loop, which change WebCola's neighbour sets.
    graphs.push(
        Graph::from_edges(5, [(0, 1), (1, 2), (2, 0), (2, 3), (2, 3), (3, 3), (3, 4)]).unwrap(),
    );
    for g in &graphs {
        for (kind, w) in [
            ("symmetric_diff", 1.0),
            ("symmetric_diff", 0.7),
            ("jaccard", 1.0),
            ("jaccard", 1.5),
        ] {
            let ours = if kind == "jaccard" {
                jaccard_link_lengths(g, w)
            } else {
                symmetric_diff_link_lengths(g, w)
            };
            let theirs = request(&json!({"op": "link_lengths", "n": g.node_count(), "links": links_json(g), "kind": kind, "w": w}))
                .unwrap();
            for (a, b) in numbers(&theirs["lengths"]).iter().zip(&ours) {
                assert!(close(*a, *b, 1e-12), "{kind} {w}: {a} vs {b}");
            }
        }
    }
}

fn assert_packing_matches(g: &Graph, pos: &[[f64; 2]], size: [f64; 2]) {
    let mut ours = pos.to_vec();
    pack_components(
        g,
        &mut ours,
        &PackingOptions {
            size,
            ..Default::default()
        },
    );
    let nodes: Vec<_> = g
        .nodes()
        .iter()
        .zip(pos)
        .map(|(v, p)| json!({"x": p[0], "y": p[1], "width": v.width, "height": v.height}))
        .collect();
    let theirs = request(
        &json!({"op": "packing", "nodes": nodes, "links": links_json(g), "size": size,
        "default_node_size": 10, "center_graph": true}),
    )
    .unwrap();
    for (i, (a, b)) in points(&theirs["positions"]).iter().zip(&ours).enumerate() {
        assert!(
            close(a[0], b[0], 1e-9) && close(a[1], b[1], 1e-9),
            "node {i}: {a:?} vs {b:?}"
        );
    }
}

#[test]
fn packing_equals_webcola_apply_packing() {
    // One component, two components (minnesota), and many with isolated nodes.
    let lesmis = fixture("lesmis");
    assert_packing_matches(
        &lesmis,
        &random_positions(lesmis.node_count(), 300.0, 1),
        [1.0, 1.0],
    );
    let mn = fixture("minnesota");
    assert_packing_matches(
        &mn,
        &random_positions(mn.node_count(), 1000.0, 2),
        [800.0, 600.0],
    );
    let iso = with_isolated_nodes();
    assert_packing_matches(
        &iso,
        &random_positions(iso.node_count(), 200.0, 3),
        [1.0, 1.0],
    );
    // Sized boxes, three components of different heights, duplicates of equal height.
    let sized: Vec<Node> = (0..9)
        .map(|i| Node {
            width: Some(10.0 + 7.0 * i as f64),
            height: Some(30.0 - 2.0 * i as f64),
            ..Node::default()
        })
        .collect();
    let links = [(0, 1), (1, 2), (3, 4), (6, 7)]
        .iter()
        .map(|&(s, t)| Link::new(s, t))
        .collect();
    let g = Graph::new(sized, links).unwrap();
    assert_packing_matches(&g, &random_positions(9, 150.0, 4), [400.0, 300.0]);
}

#[test]
fn first_gradient_and_step_equal_webcola_derivatives() {
    let g = fixture("lesmis");
    let n = g.node_count();
    // f32-exact positions, so both sides start from identical numbers.
    let pos: Vec<[f64; 2]> = random_positions(n, 400.0, 7)
        .iter()
        .map(|p| [f64::from(p[0] as f32), f64::from(p[1] as f32)])
        .collect();
    for (p_stress, weighting) in [(false, Weighting::Unit), (true, Weighting::PStress)] {
        let lengths = vec![20.0; g.link_count()];
        let pairs = PairTable::new(&g, &lengths, weighting).unwrap();
        let x: Vec<f64> = (0..2).flat_map(|d| pos.iter().map(move |p| p[d])).collect();
        let mut descent = Descent::<2>::new(x, pairs, 1).unwrap();
        descent.compute_derivatives();
        let step = descent.compute_step_size(descent.gradient());
        let theirs = request(
            &json!({"op": "derivatives", "n": n, "positions": pos, "links": links_json(&g),
            "link_distance": 20, "p_stress": p_stress}),
        )
        .unwrap();
        let tg: Vec<f64> = (0..2).flat_map(|d| numbers(&theirs["g"][d])).collect();
        let th: Vec<f64> = (0..2).flat_map(|d| numbers(&theirs["huu"][d])).collect();
        let gmax = tg.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        for (i, (a, b)) in tg.iter().zip(descent.gradient()).enumerate() {
            let b = f64::from(*b);
            assert!(
                (a - b).abs() <= 1e-4 * a.abs().max(1e-2 * gmax),
                "g[{i}] p_stress={p_stress}: {a} vs {b}"
            );
        }
        for (i, (a, b)) in th.iter().zip(descent.hessian_diagonal()).enumerate() {
            assert!(close(*a, f64::from(*b), 1e-4), "H[{i}][{i}]: {a} vs {b}");
        }
        let ts = theirs["step"].as_f64().unwrap();
        assert!(
            close(ts, step, 1e-4),
            "step p_stress={p_stress}: {ts} vs {step}"
        );
    }
}

struct Run {
    ticks: usize,
    sn: f64,
}

/// Lays out `g` with both engines from the same start and schedule; returns (ours, theirs).
fn both(
    g: &Graph,
    start: Option<&[[f64; 2]]>,
    iterations: [usize; 3],
    ticks: Option<usize>,
) -> (Run, Run) {
    let n = g.node_count();
    let graph = match start {
        Some(p) => at(g, p),
        None => g.clone(),
    };
    let mut layout = Layout::<2>::new(graph, LayoutOptions::default()).unwrap();
    let schedule = Schedule {
        keep_running: false,
        ..Schedule::iterations(iterations[0], iterations[1], iterations[2])
    };
    layout.start(schedule).unwrap();
    let ours_ticks = match ticks {
        Some(t) => layout.run_ticks(t).map(|_| t),
        None => layout.run_until_converged(),
    }
    .unwrap();
    let ours = Run {
        ticks: ours_ticks,
        sn: layout.scale_normalised_stress(),
    };
    let mut req = json!({"op": "layout", "n": n, "links": links_json(g), "iterations": iterations,
        "ticks": ticks, "max_ticks": 10000});
    if let Some(p) = start {
        req["positions"] = json!(p);
    }
    let t = request(&req).unwrap();
    let tp: Vec<f64> = points(&t["positions"]).iter().flat_map(|p| *p).collect();
    let theirs = Run {
        ticks: t["ticks"].as_u64().unwrap() as usize,
        sn: scale_normalised_stress(g, &tp, 2),
    };
    (ours, theirs)
}

fn assert_sn_within_2_percent(name: &str, ours: &Run, theirs: &Run) {
    eprintln!(
        "{name}: colayout {} ticks SN {:.3} | webcola {} ticks SN {:.3} | ratio {:.4}",
        ours.ticks,
        ours.sn,
        theirs.ticks,
        theirs.sn,
        ours.sn / theirs.sn
    );
    assert!(
        ours.sn <= 1.02 * theirs.sn,
        "{name}: SN {} > 1.02 x WebCola's {}",
        ours.sn,
        theirs.sn
    );
}

#[test]
fn default_start_matches_webcola_quality_on_small_graphs() {
    for name in ["lesmis", "can_96", "jazz"] {
        let (o, t) = both(&fixture(name), None, [0, 0, 0], None);
        assert_sn_within_2_percent(name, &o, &t);
    }
    let (o, t) = both(&with_isolated_nodes(), None, [0, 0, 0], None);
    assert_sn_within_2_percent("karate+isolated", &o, &t);
}

#[test]
fn phased_start_from_given_positions_matches_webcola_quality() {
    for (name, seed) in [("lesmis", 11), ("can_96", 12)] {
        let g = fixture(name);
        let p = random_positions(g.node_count(), 500.0, seed);
        let (o, t) = both(&g, Some(&p), [10, 5, 10], None);
        assert_sn_within_2_percent(name, &o, &t);
    }
    let g = with_isolated_nodes();
    let p = random_positions(g.node_count(), 300.0, 13);
    let (o, t) = both(&g, Some(&p), [20, 0, 20], None);
    assert_sn_within_2_percent("karate+isolated (given)", &o, &t);
}

#[test]
fn dwt_419_converged_matches_webcola_quality() {
    let (o, t) = both(&fixture("dwt_419"), None, [0, 0, 0], None);
    assert_sn_within_2_percent("dwt_419", &o, &t);
}

#[test]
fn minnesota_two_components_fixed_schedule_matches_webcola_quality() {
    // Start both from the true geographic coordinates, scaled to pixels; a fixed
    // schedule keeps WebCola's O(n^2)-per-tick run short enough for CI.
    let text =
        std::fs::read_to_string(colayout_webcola::data_dir().join("minnesota.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let coords = points(&doc["coords"]);
    let start: Vec<[f64; 2]> = coords
        .iter()
        .map(|c| [c[0] * 300.0, -c[1] * 300.0])
        .collect();
    let (o, t) = both(&fixture("minnesota"), Some(&start), [0, 0, 5], Some(10));
    assert_sn_within_2_percent("minnesota", &o, &t);
}
