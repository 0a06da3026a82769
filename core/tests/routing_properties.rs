//! Property tests of edge routes and power graphs (issue 13): no polyline route enters a
//! box other than its ends', routes run from source to target and are never NaN, and
//! power edges expand to exactly the links.

use colayout::geom::{convex_hull, is_left, segment_crosses_polygon, Point};
use colayout::powergraph::power_graph;
use colayout::routing::{route_edges, EdgeRouting, RouteOptions};
use colayout::Rectangle;
use proptest::prelude::*;

/// Boxes on a jittered grid of pitch 40 (sizes below 30, so none overlap) and links.
fn scene() -> impl Strategy<Value = (Vec<Rectangle>, Vec<(usize, usize)>)> {
    (2usize..30).prop_flat_map(|n| {
        let side = (n as f64).sqrt().ceil() as usize;
        let boxes =
            proptest::collection::vec((-4.0..4.0f64, -4.0..4.0f64, 0.0..28.0f64, 0.0..28.0f64), n)
                .prop_map(move |v| {
                    v.iter()
                        .enumerate()
                        .map(|(i, &(dx, dy, w, h))| {
                            let (cx, cy) =
                                ((i % side) as f64 * 40.0 + dx, (i / side) as f64 * 40.0 + dy);
                            // Some nodes are points (no box), as nodes without a size are.
                            let (w, h) = if w < 3.0 { (0.0, 0.0) } else { (w, h.max(3.0)) };
                            Rectangle::centred(cx, cy, w, h)
                        })
                        .collect::<Vec<_>>()
                });
        let links = proptest::collection::vec((0..n, 0..n), 0..2 * n);
        (boxes, links)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn polyline_routes_enter_no_foreign_box((boxes, links) in scene(), margin in 0.0..6.0f64, ah in 0.0..6.0f64) {
        let options = RouteOptions { routing: EdgeRouting::Polyline, margin, arrow_head: ah };
        let routes = route_edges(&boxes, &links, &options).unwrap();
        prop_assert_eq!(routes.len(), links.len());
        for (r, &(s, t)) in routes.iter().zip(&links) {
            prop_assert!(r.len() >= 2);
            prop_assert!(r.iter().flatten().all(|v| v.is_finite()));
            if s == t {
                continue;
            }
            for w in r.windows(2) {
                for (k, b) in boxes.iter().enumerate() {
                    if k != s && k != t && b.width() > 0.0 {
                        let inner = b.inflate(-1e-6).vertices();
                        prop_assert!(!segment_crosses_polygon(w[0], w[1], &inner), "{}->{} enters {}: {:?}", s, t, k, r);
                    }
                }
            }
            // Source to target: the first point is on (or in) the source's box.
            let src = boxes[s].inflate(1e-9);
            prop_assert!(src.x <= r[0][0] && r[0][0] <= src.x_max && src.y <= r[0][1] && r[0][1] <= src.y_max);
        }
    }

    #[test]
    fn clipped_routes_are_finite_and_start_on_the_source((boxes, links) in scene(), ah in 0.0..6.0f64) {
        let options = RouteOptions { arrow_head: ah, ..RouteOptions::default() };
        for (r, &(s, _)) in route_edges(&boxes, &links, &options).unwrap().iter().zip(&links) {
            prop_assert_eq!(r.len(), 2);
            prop_assert!(r.iter().flatten().all(|v| v.is_finite()));
            let src = boxes[s].inflate(1e-9);
            prop_assert!(src.x <= r[0][0] && r[0][0] <= src.x_max && src.y <= r[0][1] && r[0][1] <= src.y_max);
        }
    }

    #[test]
    fn power_edges_expand_to_the_links(n in 1usize..40, raw in proptest::collection::vec((0usize..40, 0usize..40, 0u32..2), 0..120)) {
        let mut links: Vec<(usize, usize, u32)> = raw.into_iter().map(|(s, t, ty)| (s % n, t % n, ty)).filter(|l| l.0 != l.1).collect();
        links.sort_unstable();
        links.dedup();
        let pg = power_graph(n, &links).unwrap();
        prop_assert_eq!(pg.expanded_links(), links.clone());
        prop_assert!(pg.power_edges.len() <= links.len());
    }

    #[test]
    fn the_hull_holds_every_point(pts in proptest::collection::vec((-50.0..50.0f64, -50.0..50.0f64), 1..60)) {
        let pts: Vec<Point> = pts.into_iter().map(|(x, y)| [x, y]).collect();
        let h = convex_hull(&pts);
        prop_assert!(!h.is_empty() && h.len() <= pts.len());
        for k in 0..h.len() {
            let (a, b) = (h[k], h[(k + 1) % h.len()]);
            for &q in &pts {
                prop_assert!(is_left(a, b, q) >= -1e-9 * (1.0 + a[0].abs() + a[1].abs()));
            }
        }
    }
}
