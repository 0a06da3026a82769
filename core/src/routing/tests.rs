use super::*;
use crate::geom::segment_crosses_polygon;
use crate::rng::PseudoRandom;

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
        .collect();
    (boxes, links)
}

/// The box shrunk a little, so a route that only touches it does not count.
fn interior(b: &Rectangle) -> Vec<Point> {
    b.inflate(-1e-6).vertices().to_vec()
}

#[test]
fn polyline_routes_avoid_every_foreign_box_and_run_source_to_target() {
    for seed in 1..12 {
        let (boxes, links) = scene(seed, 30);
        let options = RouteOptions {
            routing: EdgeRouting::Polyline,
            arrow_head: 5.0,
            ..RouteOptions::default()
        };
        let routes = route_edges(&boxes, &links, &options).unwrap();
        assert_eq!(routes.len(), links.len());
        for (r, &(s, t)) in routes.iter().zip(&links) {
            assert!(r.len() >= 2);
            assert!(r.iter().flatten().all(|v| v.is_finite()));
            if s == t {
                continue;
            }
            for w in r.windows(2) {
                for (k, b) in boxes.iter().enumerate() {
                    if k != s && k != t {
                        assert!(
                            !segment_crosses_polygon(w[0], w[1], &interior(b)),
                            "seed {seed}: link {s}->{t} crosses box {k}: {r:?}"
                        );
                    }
                }
            }
            let src = &boxes[s];
            let first = r[0];
            assert!(
                (first[0] - src.x).abs() < 1e-9
                    || (first[0] - src.x_max).abs() < 1e-9
                    || (first[1] - src.y).abs() < 1e-9
                    || (first[1] - src.y_max).abs() < 1e-9,
                "starts on the source box"
            );
            let last = r[r.len() - 1];
            let gap = boxes[t].inflate(5.0 + 1e-9);
            assert!(
                gap.contains_strictly(last),
                "ends an arrowhead from the target"
            );
        }
    }
}

#[test]
fn a_box_between_two_nodes_is_walked_around() {
    let boxes = [
        Rectangle::centred(0.0, 0.0, 10.0, 10.0),
        Rectangle::centred(50.0, 0.0, 20.0, 20.0),
        Rectangle::centred(100.0, 0.0, 10.0, 10.0),
    ];
    let polyline = RouteOptions {
        routing: EdgeRouting::Polyline,
        ..RouteOptions::default()
    };
    let routes = route_edges(&boxes, &[(0, 2)], &polyline).unwrap();
    assert_eq!(routes[0].len(), 4, "{routes:?}");
    assert_eq!(routes[0][0][0], 5.0);
    assert!(routes[0][1][1].abs() >= 14.0);
    let straight = route_edges(&boxes, &[(0, 2)], &RouteOptions::default()).unwrap();
    assert_eq!(straight[0], [[5.0, 0.0], [95.0, 0.0]]);
}

#[test]
fn a_boxed_in_node_falls_back_to_the_clipped_edge() {
    // Node 0 sits inside a ring of overlapping boxes: no route leaves it.
    let mut boxes = alloc::vec![Rectangle::centred(0.0, 0.0, 4.0, 4.0)];
    for (x, y) in [
        (-10.0, -10.0),
        (0.0, -10.0),
        (10.0, -10.0),
        (-10.0, 0.0),
        (10.0, 0.0),
        (-10.0, 10.0),
        (0.0, 10.0),
        (10.0, 10.0),
    ] {
        boxes.push(Rectangle::centred(x, y, 12.0, 12.0));
    }
    boxes.push(Rectangle::centred(100.0, 0.0, 10.0, 10.0));
    let options = RouteOptions {
        routing: EdgeRouting::Polyline,
        margin: 0.0,
        ..RouteOptions::default()
    };
    let r = route_edges(&boxes, &[(0, 9)], &options).unwrap();
    assert_eq!(r[0], [[2.0, 0.0], [95.0, 0.0]]);
}

#[test]
fn touching_boxes_leave_a_seam_to_route_through() {
    // Node 0 in a ring of touching boxes: the margin closes the ring, the seams do not.
    let mut boxes = alloc::vec![Rectangle::centred(0.0, 0.0, 4.0, 4.0)];
    for (x, y) in [
        (-10.0, -10.0),
        (0.0, -10.0),
        (10.0, -10.0),
        (-10.0, 0.0),
        (10.0, 0.0),
        (-10.0, 10.0),
        (0.0, 10.0),
        (10.0, 10.0),
    ] {
        boxes.push(Rectangle::centred(x, y, 10.0, 10.0));
    }
    boxes.push(Rectangle::centred(100.0, 0.0, 10.0, 10.0));
    let options = RouteOptions {
        routing: EdgeRouting::Polyline,
        ..RouteOptions::default()
    };
    let r = route_edges(&boxes, &[(0, 9)], &options).unwrap();
    assert!(r[0].len() > 2, "{r:?}");
    for w in r[0].windows(2) {
        for b in &boxes[1..9] {
            assert!(!segment_crosses_polygon(w[0], w[1], &interior(b)), "{r:?}");
        }
    }
}

#[test]
fn bad_input_is_an_error() {
    let boxes = [Rectangle::centred(0.0, 0.0, 1.0, 1.0)];
    assert!(matches!(
        route_edges(&boxes, &[(0, 1)], &RouteOptions::default()),
        Err(Error::NodeOutOfRange { node: 1, .. })
    ));
    let bad = RouteOptions {
        margin: f64::NAN,
        ..RouteOptions::default()
    };
    assert!(route_edges(&boxes, &[], &bad).is_err());
    let nan = [Rectangle::centred(f64::NAN, 0.0, 1.0, 1.0)];
    assert!(route_edges(&nan, &[], &RouteOptions::default()).is_err());
    assert_eq!(
        "Polyline".parse::<EdgeRouting>().unwrap(),
        EdgeRouting::Polyline
    );
    assert!("curved".parse::<EdgeRouting>().is_err());
}

#[test]
fn orthogonal_routes_are_axis_parallel_and_fall_back_for_points() {
    for seed in 1..6 {
        let (mut boxes, links) = scene(seed, 16);
        boxes[3] = Rectangle::centred(boxes[3].cx(), boxes[3].cy(), 0.0, 0.0);
        let options = RouteOptions {
            routing: EdgeRouting::Orthogonal,
            arrow_head: 3.0,
            ..RouteOptions::default()
        };
        let routes = route_edges(&boxes, &links, &options).unwrap();
        assert_eq!(routes.len(), links.len());
        for (r, &(s, t)) in routes.iter().zip(&links) {
            assert!(r.len() >= 2 && r.iter().flatten().all(|v| v.is_finite()));
            if s == t || s == 3 || t == 3 {
                continue;
            }
            for w in r.windows(2) {
                let (dx, dy) = ((w[1][0] - w[0][0]).abs(), (w[1][1] - w[0][1]).abs());
                assert!(dx < 1e-6 || dy < 1e-6, "seed {seed}: {s}->{t} {r:?}");
            }
        }
    }
    assert_eq!(
        "orthogonal".parse::<EdgeRouting>().unwrap(),
        EdgeRouting::Orthogonal
    );
}
