use super::*;
use crate::geom::segment_crosses_polygon;
use crate::rng::PseudoRandom;
use alloc::vec;

/// Boxes on a jittered grid, none overlapping, and random links between them.
fn scene(seed: u32, n: usize) -> (Vec<Rectangle>, Vec<(usize, usize)>) {
    let mut rng = PseudoRandom::new(u64::from(seed));
    let side = (n as f64).sqrt().ceil() as usize;
    let boxes = (0..n)
        .map(|i| {
            let (cx, cy) = ((i % side) as f64 * 60.0, (i / side) as f64 * 60.0);
            Rectangle::centred(
                cx + rng.next_between(-8.0, 8.0),
                cy + rng.next_between(-8.0, 8.0),
                rng.next_between(10.0, 30.0),
                rng.next_between(10.0, 30.0),
            )
        })
        .collect();
    let links = (0..2 * n)
        .map(|_| {
            (
                (rng.next() * n as f64) as usize % n,
                (rng.next() * n as f64) as usize % n,
            )
        })
        .filter(|(s, t)| s != t)
        .collect();
    (boxes, links)
}

fn on_box(b: &Rectangle, p: Point) -> bool {
    let e = 1e-9;
    b.x - e <= p[0] && p[0] <= b.x_max + e && b.y - e <= p[1] && p[1] <= b.y_max + e
}

fn axis_parallel(a: Point, b: Point) -> bool {
    (a[0] - b[0]).abs() < 1e-9 || (a[1] - b[1]).abs() < 1e-9
}

#[test]
fn routes_are_orthogonal_run_source_to_target_and_avoid_other_leaves() {
    for seed in 1..10 {
        let (boxes, links) = scene(seed, 25);
        let router = GridRouter::new(&boxes, &[], 12.0).unwrap();
        for &(s, t) in &links {
            let r = router.route(s, t).unwrap();
            assert!(r.len() >= 2, "seed {seed} {s}->{t}: {r:?}");
            assert!(r.iter().flatten().all(|v| v.is_finite()));
            assert!(on_box(&boxes[s], r[0]), "seed {seed} {s}->{t}: {r:?}");
            assert!(
                on_box(&boxes[t], r[r.len() - 1]),
                "seed {seed} {s}->{t}: {r:?}"
            );
            for w in r.windows(2) {
                assert!(axis_parallel(w[0], w[1]), "seed {seed} {s}->{t}: {r:?}");
                for (k, b) in boxes.iter().enumerate() {
                    if k != s && k != t {
                        let inner = b.inflate(-1e-6).vertices().to_vec();
                        assert!(
                            !segment_crosses_polygon(w[0], w[1], &inner),
                            "seed {seed}: {s}->{t} crosses box {k}: {r:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn nudged_routes_stay_orthogonal_connected_and_source_first() {
    for seed in 1..10 {
        let (boxes, links) = scene(seed, 25);
        let router = GridRouter::new(&boxes, &[], 12.0).unwrap();
        let routes = router.route_edges(&links, 4.0).unwrap();
        assert_eq!(routes.len(), links.len());
        for (r, &(s, t)) in routes.iter().zip(&links) {
            assert!(!r.is_empty());
            let plain = router.route(s, t).unwrap();
            // Nudging moves segments sideways by a few gaps at most.
            let near = |a: Point, b: Point| (a[0] - b[0]).abs() + (a[1] - b[1]).abs() < 60.0;
            assert!(
                near(r[0][0], plain[0]),
                "seed {seed} {s}->{t}: {r:?} vs {plain:?}"
            );
            assert!(near(r[r.len() - 1][1], plain[plain.len() - 1]));
            // A leg shorter than 0.1 counts as lying along both axes (WebCola's
            // tolerance), so nudging it in one can tilt its neighbour.
            let short = plain.windows(2).any(|w| {
                let d = (w[1][0] - w[0][0]).abs().max((w[1][1] - w[0][1]).abs());
                d > 0.0 && d < 0.1
            });
            for seg in r {
                assert!(seg.iter().flatten().all(|v| v.is_finite()));
                assert!(short || axis_parallel(seg[0], seg[1]), "seed {seed}: {r:?}");
            }
            for w in r.windows(2) {
                assert_eq!(w[0][1], w[1][0], "seed {seed}: {r:?}");
            }
            let (path, arrow) = GridRouter::route_path(r, 3.0, 2.0, 4.0);
            assert!(path.starts_with("M ") && arrow.starts_with("M "));
            // A zero-length segment gives NaN in WebCola's too.
            assert!(short || !path.contains("NaN"), "seed {seed}: {r:?}");
        }
    }
}

#[test]
fn a_group_is_crossed_only_to_reach_its_members() {
    let b = |x: f64, y: f64| Rectangle::centred(x, y, 20.0, 20.0);
    let boxes = [b(0.0, 0.0), b(60.0, 0.0), b(120.0, 0.0), b(0.0, 0.0)];
    let children = [vec![], vec![], vec![], vec![1]];
    let router = GridRouter::new(&boxes, &children, 12.0).unwrap();
    let r = router.route(0, 2).unwrap();
    let group = boxes[1].inflate(12.0 - 1e-6).vertices().to_vec();
    assert!(
        r.windows(2)
            .all(|w| !segment_crosses_polygon(w[0], w[1], &group)),
        "{r:?}"
    );
    let r = router.route(0, 1).unwrap();
    assert!(on_box(&boxes[1], r[r.len() - 1]), "{r:?}");
}

#[test]
fn bad_input_is_an_error() {
    let b = Rectangle::centred(0.0, 0.0, 10.0, 10.0);
    let c = Rectangle::centred(40.0, 0.0, 10.0, 10.0);
    let router = GridRouter::new(&[b, c], &[], 12.0).unwrap();
    assert!(matches!(
        router.route(0, 2),
        Err(Error::NodeOutOfRange { node: 2, .. })
    ));
    assert!(matches!(
        router.route_edges(&[(0, 1)], f64::NAN),
        Err(Error::InvalidOption { .. })
    ));
    assert_eq!(router.route(1, 1).unwrap().len(), 2);
    let nan = Rectangle { x: f64::NAN, ..b };
    assert!(matches!(
        GridRouter::new(&[nan], &[], 12.0),
        Err(Error::InvalidOption { .. })
    ));
    assert!(matches!(
        GridRouter::new(&[b], &[vec![5]], 12.0),
        Err(Error::NodeOutOfRange { .. })
    ));
    assert!(matches!(
        GridRouter::new(&[b, c], &[vec![1], vec![0]], 12.0),
        Err(Error::GroupCycle { .. })
    ));
    let many: Vec<Rectangle> = (0..4000)
        .map(|i| Rectangle::centred(f64::from(i) * 20.0, f64::from(i) * 20.0, 10.0, 10.0))
        .collect();
    assert!(matches!(
        GridRouter::new(&many, &[], 12.0),
        Err(Error::InputTooLarge { .. })
    ));
    let single =
        GridRouter::new(&[b, Rectangle::centred(0.0, 40.0, 10.0, 10.0)], &[], 12.0).unwrap();
    assert!(single
        .route(0, 1)
        .unwrap()
        .iter()
        .flatten()
        .all(|v| v.is_finite()));
}
