//! The sparse stress model: chosen automatically past the memory limit, close to the
//! dense model's quality with both solvers, deterministic, and under constraints.

use colayout::{layout, Error, Graph, Layout, LayoutOptions, Pivots, Schedule, Solver, StressMode};

fn corpus(name: &str) -> Graph {
    let text = std::fs::read_to_string(format!(
        "{}/../data/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    colayout::io::json::parse(&text).unwrap().graph
}

fn options(solver: Solver, pivots: Pivots) -> LayoutOptions {
    LayoutOptions {
        solver,
        pivots,
        stress: StressMode::Full,
        ..LayoutOptions::default()
    }
}

fn sn(graph: &Graph, options: LayoutOptions) -> f64 {
    let mut l = Layout::<2>::new(graph.clone(), options).unwrap();
    l.start(Schedule::default()).unwrap();
    assert!(l.positions().iter().flatten().all(|v| v.is_finite()));
    l.scale_normalised_stress()
}

#[test]
fn sparse_sgd_is_within_a_few_percent_of_dense_sgd() {
    // s_gd2's `layout_sparse` (seeds 1, 2) is 12% above its `layout` with 30 pivots on
    // dwt_419, and 7% with 50 on dwt_1005.
    for (name, pivots, ratio) in [("dwt_419", 100, 1.08), ("dwt_1005", 50, 1.10)] {
        let g = corpus(name);
        let dense = sn(&g, options(Solver::Sgd, Pivots::Count(0)));
        let sparse = sn(&g, options(Solver::Sgd, Pivots::Count(pivots)));
        assert!(
            sparse < ratio * dense,
            "{name}: sparse SN {sparse} against dense {dense}"
        );
    }
}

#[test]
fn sparse_descent_converges_near_dense_descent() {
    let g = corpus("dwt_419");
    let dense = sn(&g, options(Solver::Descent, Pivots::Count(0)));
    let mut l = Layout::<2>::new(g, options(Solver::Descent, Pivots::Count(60))).unwrap();
    l.start(Schedule::default()).unwrap();
    assert!(!l.reached_max_ticks());
    let sparse = l.scale_normalised_stress();
    assert!(
        sparse < 1.15 * dense,
        "sparse SN {sparse} against dense {dense}"
    );
}

#[test]
fn auto_is_dense_while_it_fits_and_sparse_past_the_limit() {
    let g = corpus("dwt_1005");
    let auto = layout(&g, &options(Solver::Sgd, Pivots::Auto)).unwrap();
    assert_eq!(
        auto,
        layout(&g, &options(Solver::Sgd, Pivots::Count(0))).unwrap()
    );
    // Dense SGD needs 14 MB here, the sparse model 7.
    let tight = LayoutOptions {
        memory_limit: 10_000_000,
        ..options(Solver::Sgd, Pivots::Auto)
    };
    let l = Layout::<2>::new(g.clone(), tight.clone()).unwrap();
    assert!(matches!(
        l.descent().model(),
        colayout::stress::Model::Sparse(_)
    ));
    assert_ne!(layout(&g, &tight).unwrap(), auto);
    let dense_only = LayoutOptions {
        pivots: Pivots::Count(0),
        ..tight
    };
    let e = Layout::<2>::new(g, dense_only).unwrap_err();
    assert!(matches!(e, Error::TooManyNodes { .. }));
    assert!(e.to_string().contains("pivots"), "{e}");
}

#[test]
fn seventy_thousand_nodes_fit_the_sparse_model_by_default() {
    let g = Graph::from_edges(70_000, (0..69_999).map(|i| (i, i + 1))).unwrap();
    let few = LayoutOptions {
        pivots: Pivots::Count(3),
        ..options(Solver::Sgd, Pivots::Auto)
    };
    let l = Layout::<2>::new(g.clone(), few).unwrap();
    let model = l.descent().model();
    assert!(matches!(model, colayout::stress::Model::Sparse(m) if m.pivots().len() == 3));
    let bytes = colayout::stress::sparse_bytes(70_000, 69_999, 200, 2, true);
    assert!(bytes < LayoutOptions::default().memory_limit, "{bytes}");
}

#[test]
fn same_seed_same_bits_on_the_sparse_model() {
    let g = corpus("can_96");
    let o = options(Solver::Sgd, Pivots::Count(10));
    let a = layout(&g, &o).unwrap();
    assert_eq!(a, layout(&g, &o).unwrap());
    assert_ne!(a, layout(&g, &LayoutOptions { seed: 4, ..o }).unwrap());
}

#[test]
fn disconnected_graphs_with_isolated_nodes_lay_out_without_nan() {
    let mut edges: Vec<(usize, usize)> = (0..29).map(|i| (i, i + 1)).collect();
    edges.extend([(30, 31), (31, 32), (32, 30)]);
    let g = Graph::from_edges(40, edges).unwrap();
    for solver in [Solver::Sgd, Solver::Descent] {
        let p = layout(&g, &options(solver, Pivots::Count(4))).unwrap();
        assert!(p.iter().flatten().all(|v| v.is_finite()));
        let d =
            |a: usize, b: usize| ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
        assert!((d(30, 31) - 20.0).abs() < 1.0, "{solver:?}: {}", d(30, 31));
        assert!(
            d(0, 29) > 200.0,
            "{solver:?}: the path unfolds, {}",
            d(0, 29)
        );
    }
}

#[test]
fn constraints_and_non_overlap_hold_on_the_sparse_model() {
    let g = corpus("dwt_419");
    let n = g.node_count();
    let nodes = (0..n)
        .map(|_| colayout::Node {
            width: Some(12.0),
            height: Some(12.0),
            ..Default::default()
        })
        .collect();
    let g = Graph::new(nodes, g.links().to_vec()).unwrap();
    for solver in [Solver::Sgd, Solver::Descent] {
        let o = LayoutOptions {
            avoid_overlaps: true,
            max_ticks: 300,
            ..options(solver, Pivots::Count(20))
        };
        let mut l = Layout::<2>::new(g.clone(), o).unwrap();
        l.start(Schedule::default()).unwrap();
        assert_eq!(l.overlapping_nodes(1e-3), Vec::new(), "{solver:?}");
    }
}

#[test]
fn pivots_parse_and_print() {
    assert_eq!("auto".parse::<Pivots>().unwrap(), Pivots::Auto);
    assert_eq!(" 50 ".parse::<Pivots>().unwrap(), Pivots::Count(50));
    assert!("-3".parse::<Pivots>().is_err());
    assert_eq!(Pivots::Count(7).to_string(), "7");
    let o: LayoutOptions = serde_json::from_str(r#"{"pivots": 12}"#).unwrap();
    assert_eq!(o.pivots, Pivots::Count(12));
    let o: LayoutOptions = serde_json::from_str(r#"{"pivots": "auto"}"#).unwrap();
    assert_eq!(o.pivots, Pivots::Auto);
    assert!(serde_json::from_str::<LayoutOptions>(r#"{"pivots": -1}"#).is_err());
    assert!(serde_json::to_string(&LayoutOptions::default())
        .unwrap()
        .contains(r#""pivots":"auto""#));
}

#[test]
fn the_pivot_mds_start_unfolds_a_grid() {
    let (w, h) = (20, 20);
    let mut edges = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let v = y * w + x;
            if x + 1 < w {
                edges.push((v, v + 1));
            }
            if y + 1 < h {
                edges.push((v, v + w));
            }
        }
    }
    let g = Graph::from_edges(w * h, edges).unwrap();
    let lengths = vec![10.0; g.link_count()];
    let (_, start) = colayout::stress::SparseModel::new::<2>(&g, &lengths, 30, 0, 1e-6, 7).unwrap();
    let n = g.node_count();
    let p: Vec<f64> = (0..n).flat_map(|i| [start[i], start[n + i]]).collect();
    let from_start = colayout::metrics::scale_normalised_stress(&g, &p, 2);
    let best = sn(&g, options(Solver::Sgd, Pivots::Count(0)));
    // Classical MDS bends a grid's Manhattan distances a little; a random start is
    // twenty times worse.
    assert!(
        from_start < 2.0 * best,
        "SN {from_start} from the start, {best} converged"
    );
}
