//! Constrained layouts against npm `webcola@3.4.0`: non-overlap on real graphs, nested
//! groups, alignment and separation constraints. Same input and schedule for both;
//! colayout must satisfy every constraint and stay within 5% of WebCola's SN.

use colayout::metrics::scale_normalised_stress;
use colayout::{Graph, Layout, LayoutOptions, Rectangle, Schedule};
use colayout_webcola::{fixture, layout_request, node_boxes, points, request, with_boxes};

struct Outcome {
    positions: Vec<[f64; 2]>,
    ticks: usize,
    sn: f64,
}

fn run_both(
    g: &Graph,
    options: &LayoutOptions,
    iterations: [usize; 4],
) -> (Outcome, Outcome, Layout<2>) {
    let mut l = Layout::<2>::new(g.clone(), options.clone()).unwrap();
    let schedule = Schedule {
        unconstrained: iterations[0],
        user_constraints: iterations[1],
        all_constraints: iterations[2],
        grid_snap: iterations[3],
        keep_running: false,
        center_graph: true,
    };
    l.start(schedule).unwrap();
    let ticks = l.run_until_converged().unwrap();
    let ours = Outcome {
        positions: l.positions(),
        ticks,
        sn: l.scale_normalised_stress(),
    };
    let t = request(&layout_request(g, options, iterations, None)).unwrap();
    let tp = points(&t["positions"]);
    let flat: Vec<f64> = tp.iter().flatten().copied().collect();
    let theirs = Outcome {
        sn: scale_normalised_stress(g, &flat, 2),
        positions: tp,
        ticks: t["ticks"].as_u64().unwrap() as usize,
    };
    (ours, theirs, l)
}

fn overlapping_pairs(rs: &[Rectangle]) -> usize {
    colayout::metrics::overlapping_pairs(rs, 1e-3)
}

/// Prints both runs and checks colayout's SN is within 5% of WebCola's (plus `slack`,
/// for the tiny fixtures whose SN is near 0).
fn report(name: &str, ours: &Outcome, theirs: &Outcome, g: &Graph, slack: f64) {
    eprintln!(
        "{name}: colayout {} ticks SN {:.3} overlaps {} | webcola {} ticks SN {:.3} overlaps {} | SN ratio {:.4}",
        ours.ticks,
        ours.sn,
        overlapping_pairs(&node_boxes(g, &ours.positions)),
        theirs.ticks,
        theirs.sn,
        overlapping_pairs(&node_boxes(g, &theirs.positions)),
        ours.sn / theirs.sn
    );
    assert!(
        ours.sn <= 1.05 * theirs.sn + slack,
        "{name}: SN {} vs WebCola {}",
        ours.sn,
        theirs.sn
    );
}

fn avoid(link_distance: f64) -> LayoutOptions {
    LayoutOptions {
        avoid_overlaps: true,
        link_distance,
        ..LayoutOptions::default()
    }
}

#[test]
fn lesmis_boxes_never_overlap_and_match_webcola_quality() {
    let g = with_boxes(&fixture("lesmis"), 24.0, 14.0);
    let (ours, theirs, l) = run_both(&g, &avoid(30.0), [10, 0, 10, 0]);
    report("lesmis+boxes", &ours, &theirs, &g, 0.0);
    assert_eq!(overlapping_pairs(&node_boxes(&g, &ours.positions)), 0);
    assert!(l.unsatisfied(1e-3).is_empty());
}

#[test]
fn dwt_419_boxes_never_overlap_and_match_webcola_quality() {
    let g = with_boxes(&fixture("dwt_419"), 9.0, 7.0);
    let (ours, theirs, _) = run_both(&g, &avoid(20.0), [10, 0, 10, 0]);
    report("dwt_419+boxes", &ours, &theirs, &g, 0.0);
    assert_eq!(overlapping_pairs(&node_boxes(&g, &ours.positions)), 0);
}

#[test]
fn nested_groups_contain_their_members_and_siblings_are_disjoint() {
    let g = fixture("smallgrouped");
    let options = LayoutOptions {
        size: [960.0, 500.0],
        ..avoid(100.0)
    };
    let (ours, theirs, l) = run_both(&g, &options, [10, 10, 10, 0]);
    report("smallgrouped", &ours, &theirs, &g, 1e-2);
    let nodes = node_boxes(&g, &ours.positions);
    assert_eq!(overlapping_pairs(&nodes), 0);
    let groups = l.group_bounds();
    let tree = g.groups();
    for (j, b) in groups.iter().enumerate() {
        let pad = tree.padding(j);
        for v in tree.members(j) {
            let r = nodes[v].inflate(pad - 1e-3);
            assert!(
                b.x <= r.x && r.x_max <= b.x_max && b.y <= r.y && r.y_max <= b.y_max,
                "node {v} outside group {j}"
            );
        }
        for (v, r) in nodes.iter().enumerate() {
            if !tree.members(j).contains(&v) {
                assert!(!b.overlaps(r, 1e-3), "non-member {v} inside group {j}");
            }
        }
    }
    // Siblings at the top level (0 and 2) are disjoint; 1 is nested in 0.
    assert!(!groups[0].overlaps(&groups[2], 1e-3));
    let (inner, outer) = (groups[1], groups[0]);
    assert!(
        outer.x <= inner.x
            && inner.x_max <= outer.x_max
            && outer.y <= inner.y
            && inner.y_max <= outer.y_max
    );
}

#[test]
fn alignment_and_separation_constraints_hold() {
    let g = fixture("alignment_separation");
    let (ours, theirs, l) = run_both(&g, &avoid(120.0), [10, 10, 10, 0]);
    report("alignment+separation", &ours, &theirs, &g, 1e-2);
    let p = &ours.positions;
    assert!(l.unsatisfied(1e-3).is_empty(), "{:?}", l.unsatisfied(1e-3));
    for v in [2, 3] {
        assert!((p[v][0] - p[1][0]).abs() <= 1e-3, "x-alignment");
    }
    for v in [1, 4] {
        assert!((p[v][1] - p[0][1]).abs() <= 1e-3, "y-alignment");
    }
    assert!(
        p[3][1] >= p[2][1] + 60.0 - 1e-3 && p[1][0] >= p[0][0] + 80.0 - 1e-3,
        "separations"
    );
    assert_eq!(overlapping_pairs(&node_boxes(&g, p)), 0);
}
