//! The geometry functions and polyline routes against npm `webcola@3.4.0`: the
//! geometry bit for bit, and routes that avoid the boxes WebCola's avoid, no longer
//! than WebCola's.

use colayout::geom::{
    convex_hull, make_edge_between, make_edge_to, point_polygon_tangents, segment_crosses_polygon,
    tangents, BiTangentKind, Point,
};
use colayout::routing::{route_edges, EdgeRouting, RouteOptions};
use colayout::Rectangle;
use colayout_webcola::request;
use serde_json::{json, Value};

/// A small deterministic generator (xorshift64*), independent of colayout's.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + self.next() * (hi - lo)
    }
    /// Coordinates on a coarse grid, so ties and collinear points are common.
    fn coarse(&mut self, lo: f64, hi: f64) -> f64 {
        self.range(lo, hi).round()
    }
}

fn point(v: &Value) -> Option<Point> {
    Some([v.get(0)?.as_f64()?, v.get(1)?.as_f64()?])
}

fn points(v: &Value) -> Vec<Point> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| point(p).unwrap())
        .collect()
}

fn rect_json(r: &Rectangle) -> Value {
    json!([r.x, r.x_max, r.y, r.y_max])
}

fn random_rect(rng: &mut Rng) -> Rectangle {
    Rectangle::centred(
        rng.coarse(-50.0, 50.0),
        rng.coarse(-50.0, 50.0),
        rng.coarse(1.0, 30.0),
        rng.coarse(1.0, 30.0),
    )
}

fn kind_name(k: BiTangentKind) -> &'static str {
    match k {
        BiTangentKind::Ll => "ll",
        BiTangentKind::Rr => "rr",
        BiTangentKind::Rl => "rl",
        BiTangentKind::Lr => "lr",
    }
}

/// A check of one harness answer.
type Check = Box<dyn Fn(&Value)>;

#[test]
fn geometry_functions_give_webcolas_bits() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut instances = Vec::new();
    let mut expected: Vec<Check> = Vec::new();
    for k in 0..120 {
        let n = 1 + k % 25;
        let pts: Vec<Point> = (0..n)
            .map(|_| [rng.coarse(-20.0, 20.0), rng.coarse(-20.0, 20.0)])
            .collect();
        instances.push(json!({"fn": "hull", "points": pts}));
        let hull = convex_hull(&pts);
        expected.push(Box::new(move |r| {
            assert_eq!(points(&r["hull"]), hull, "hull of {n}")
        }));

        let (a, b) = (random_rect(&mut rng), random_rect(&mut rng));
        let (v, w) = (a.vertices().to_vec(), b.vertices().to_vec());
        instances.push(json!({"fn": "tangents", "v": v, "w": w}));
        let t: Vec<Value> = tangents(&v, &w)
            .into_iter()
            .map(|(k, i, j)| json!([kind_name(k), i, j]))
            .collect();
        expected.push(Box::new(move |r| assert_eq!(r["tangents"], json!(t))));

        let hull_poly = convex_hull(&pts);
        if hull_poly.len() >= 3 {
            let p = [rng.coarse(-60.0, 60.0), rng.coarse(-60.0, 60.0)];
            let inside = hull_poly
                .iter()
                .zip(hull_poly.iter().cycle().skip(1))
                .all(|(&u, &v)| colayout::geom::is_left(u, v, p) >= 0.0);
            if !inside {
                instances.push(json!({"fn": "point_tangents", "p": p, "v": hull_poly}));
                let (rt, lt) = point_polygon_tangents(p, &hull_poly);
                let len = hull_poly.len();
                expected.push(Box::new(move |r| {
                    let ends: Vec<usize> = r["ends"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|e| e.as_u64().unwrap() as usize % len)
                        .collect();
                    assert_eq!(ends, [lt % len, rt % len]);
                }));
            }
        }

        let ah = rng.coarse(0.0, 8.0);
        instances.push(json!({"fn": "edge_between", "source": rect_json(&a), "target": rect_json(&b), "ah": ah}));
        let e = make_edge_between(&a, &b, ah);
        expected.push(Box::new(move |r| {
            if r["arrow_start"].is_null() || r["arrow_start"][0].is_null() {
                return; // coincident centres: NaN in WebCola, a finite point here
            }
            assert_eq!(point(&r["source"]), Some(e.source_intersection));
            assert_eq!(point(&r["target"]), Some(e.target_intersection));
            assert_eq!(point(&r["arrow_start"]), Some(e.arrow_start));
        }));

        let p = [rng.coarse(-80.0, 80.0), rng.coarse(-80.0, 80.0)];
        instances.push(json!({"fn": "edge_to", "p": p, "target": rect_json(&b), "ah": ah}));
        let q = make_edge_to(p, &b, ah);
        expected.push(Box::new(move |r| {
            if let Some(w) = point(&r["point"]) {
                assert_eq!(w, q);
            }
        }));
    }
    let answer = request(&json!({"op": "geom", "instances": instances})).unwrap();
    let results = answer["results"].as_array().unwrap();
    assert_eq!(results.len(), expected.len());
    for (k, (r, check)) in results.iter().zip(&expected).enumerate() {
        assert!(r.get("error").is_none(), "instance {k}: {r}");
        check(r);
    }
}

/// Boxes on a jittered grid (no two overlap) and random links.
fn scene(rng: &mut Rng, n: usize) -> (Vec<Rectangle>, Vec<(usize, usize)>) {
    let side = (n as f64).sqrt().ceil() as usize;
    let boxes = (0..n)
        .map(|i| {
            Rectangle::centred(
                (i % side) as f64 * 50.0 + rng.range(-6.0, 6.0),
                (i / side) as f64 * 50.0 + rng.range(-6.0, 6.0),
                rng.range(8.0, 26.0),
                rng.range(8.0, 26.0),
            )
        })
        .collect();
    let links = (0..n)
        .map(|_| {
            (
                (rng.next() * n as f64) as usize,
                (rng.next() * n as f64) as usize,
            )
        })
        .filter(|(s, t)| s != t)
        .collect();
    (boxes, links)
}

/// Length of a route from the source centre through its inner points to the target
/// centre: the part the visibility graph chooses.
fn centre_length(route: &[Point], s: &Rectangle, t: &Rectangle) -> f64 {
    let mut pts = vec![[s.cx(), s.cy()]];
    pts.extend_from_slice(&route[1..route.len() - 1]);
    pts.push([t.cx(), t.cy()]);
    pts.windows(2)
        .map(|w| colayout::geom::distance(w[0], w[1]))
        .sum()
}

fn crosses_foreign(route: &[Point], boxes: &[Rectangle], s: usize, t: usize, grow: f64) -> bool {
    route.windows(2).any(|w| {
        boxes.iter().enumerate().any(|(k, b)| {
            k != s && k != t && segment_crosses_polygon(w[0], w[1], &b.inflate(grow).vertices())
        })
    })
}

#[test]
fn polyline_routes_avoid_the_boxes_and_are_no_longer_than_webcolas() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let margin = 3.0;
    let (mut compared, mut webcola_crossing, mut webcola_failed) = (0, 0, 0);
    for _ in 0..6 {
        let (boxes, links) = scene(&mut rng, 36);
        let boxes_json: Vec<Value> = boxes.iter().map(rect_json).collect();
        let links_json: Vec<Value> = links.iter().map(|&(s, t)| json!([s, t])).collect();
        let answer = request(&json!({
            "op": "route", "boxes": boxes_json, "links": links_json, "margin": margin, "ah": 0.0
        }))
        .unwrap();
        let options = RouteOptions {
            routing: EdgeRouting::Polyline,
            margin,
            arrow_head: 0.0,
        };
        let ours = route_edges(&boxes, &links, &options).unwrap();
        for ((route, theirs), &(s, t)) in ours
            .iter()
            .zip(answer["routes"].as_array().unwrap())
            .zip(&links)
        {
            assert!(
                !crosses_foreign(route, &boxes, s, t, margin - 1e-6),
                "{s}->{t}: {route:?}"
            );
            if theirs.get("error").is_some() {
                webcola_failed += 1;
                continue;
            }
            let theirs = points(theirs);
            if crosses_foreign(&theirs, &boxes, s, t, margin - 1e-6) {
                webcola_crossing += 1;
                continue;
            }
            let (a, b) = (
                centre_length(route, &boxes[s], &boxes[t]),
                centre_length(&theirs, &boxes[s], &boxes[t]),
            );
            assert!(
                a <= b + 1e-6,
                "{s}->{t}: ours {a} vs WebCola's {b}\n{route:?}\n{theirs:?}"
            );
            compared += 1;
        }
    }
    eprintln!(
        "routes: {compared} compared, {webcola_crossing} WebCola routes cross a box, {webcola_failed} WebCola routes threw"
    );
    assert!(compared > 50, "too few comparable routes: {compared}");
}
