//! The orthogonal grid router against npm `webcola@3.4.0`'s `GridRouter`: `route`
//! point for point, `routeEdges` segment for segment (after undoing WebCola's
//! reversals, its issue #327) and `getRoutePath` character for character.

use colayout::geom::Point;
use colayout::routing::GridRouter;
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
    fn index(&mut self, n: usize) -> usize {
        ((self.next() * n as f64) as usize).min(n - 1)
    }
}

/// `n` boxes on a jittered `side`-wide grid of 60-unit cells, none overlapping, and
/// `m` links between distinct boxes.
fn scene(rng: &mut Rng, n: usize, m: usize) -> (Vec<Rectangle>, Vec<(usize, usize)>) {
    let side = (n as f64).sqrt().ceil() as usize;
    let boxes = (0..n)
        .map(|i| {
            Rectangle::centred(
                (i % side) as f64 * 60.0 + rng.range(-8.0, 8.0),
                (i / side) as f64 * 60.0 + rng.range(-8.0, 8.0),
                rng.range(6.0, 30.0),
                rng.range(6.0, 30.0),
            )
        })
        .collect();
    let mut links = Vec::new();
    while links.len() < m {
        let (s, t) = (rng.index(n), rng.index(n));
        if s != t {
            links.push((s, t));
        }
    }
    (boxes, links)
}

fn point(v: &Value) -> Point {
    [v[0].as_f64().unwrap(), v[1].as_f64().unwrap()]
}

fn close(a: Point, b: Point) -> bool {
    (a[0] - b[0]).abs() <= 1e-9 && (a[1] - b[1]).abs() <= 1e-9
}

fn same_route(ours: &[[Point; 2]], theirs: &[[Point; 2]]) -> bool {
    ours.len() == theirs.len()
        && ours
            .iter()
            .zip(theirs)
            .all(|(a, b)| close(a[0], b[0]) && close(a[1], b[1]))
}

fn reversed(r: &[[Point; 2]]) -> Vec<[Point; 2]> {
    r.iter().rev().map(|s| [s[1], s[0]]).collect()
}

/// Tallies of one comparison.
#[derive(Default, Debug)]
struct Tally {
    routes: usize,
    edge_sets: usize,
    edges: usize,
    reversed_by_webcola: usize,
    /// Routes from or to a box with no port (no grid line crosses it).
    no_port: usize,
    /// Scenes where WebCola's `routeEdges` threw.
    route_edges_threw: usize,
    messages: Vec<String>,
}

/// Routes every link of the scene with both and checks they agree.
fn compare(
    boxes: &[Rectangle],
    children: &[Vec<usize>],
    links: &[(usize, usize)],
    tally: &mut Tally,
) {
    let reply = request(&json!({
        "op": "grid_route",
        "boxes": boxes.iter().map(|r| json!([r.x, r.x_max, r.y, r.y_max])).collect::<Vec<_>>(),
        "children": children,
        "group_padding": 12.0,
        "links": links.iter().map(|&(s, t)| json!([s, t])).collect::<Vec<_>>(),
        "nudge_gap": 4.0,
        "corner_radius": 5.0,
        "arrow_width": 3.0,
        "arrow_height": 5.0,
    }))
    .unwrap();
    let router = GridRouter::new(boxes, children, 12.0).unwrap();
    for (k, &(s, t)) in links.iter().enumerate() {
        let Some(theirs) = reply["routes"][k].as_array() else {
            // A box that no grid line crosses has no port: WebCola throws, ours is an
            // error.
            assert!(
                router.route(s, t).is_err(),
                "{s}->{t}: {}",
                reply["routes"][k]
            );
            tally.no_port += 1;
            continue;
        };
        let theirs: Vec<Point> = theirs.iter().map(point).collect();
        let ours = router.route(s, t).unwrap_or_else(|e| {
            panic!("{s}->{t}: {e:?}; WebCola's {theirs:?}\n{boxes:?} {children:?}")
        });
        assert!(
            ours.len() == theirs.len() && ours.iter().zip(&theirs).all(|(&a, &b)| close(a, b)),
            "route {s}->{t}:\n ours {ours:?}\n theirs {theirs:?}"
        );
        tally.routes += 1;
    }
    let Some(edges) = reply["edges"].as_array() else {
        // WebCola's routeEdges throws when one of its routes does (a box with no port;
        // ours is an error) or when orderEdges reads past the end of a path (two paths
        // that share only an end vertex; ours orders such a pair arbitrarily).
        tally.route_edges_threw += 1;
        tally.messages.push(reply["edges"]["error"].to_string());
        return;
    };
    let ours = router.route_edges(links, 4.0).unwrap();
    for (k, e) in edges.iter().enumerate() {
        let theirs: Vec<[Point; 2]> = e
            .as_array()
            .unwrap()
            .iter()
            .map(|s| [point(&s[0]), point(&s[1])])
            .collect();
        // WebCola marks a path reversed however many times it reversed it, so one
        // reversed twice comes out backwards; ours always runs source to target.
        let (oriented, flipped) = if same_route(&ours[k], &theirs) {
            (ours[k].clone(), false)
        } else {
            let back = reversed(&ours[k]);
            assert!(
                same_route(&back, &theirs),
                "edge {k} {:?}:\n ours {:?}\n theirs {theirs:?}",
                links[k],
                ours[k]
            );
            (back, true)
        };
        let (path, arrow) = GridRouter::route_path(&oriented, 5.0, 3.0, 5.0);
        assert_eq!(
            json!([path, arrow]),
            reply["paths"][k],
            "route path of edge {k}: {oriented:?}"
        );
        tally.edges += 1;
        tally.reversed_by_webcola += usize::from(flipped);
    }
    tally.edge_sets += 1;
}

#[test]
fn routes_and_nudged_edges_match_webcola_without_groups() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut tally = Tally::default();
    for k in 0..40 {
        let n = 4 + k % 20;
        let (boxes, links) = scene(&mut rng, n, 1 + k % 12);
        compare(&boxes, &[], &links, &mut tally);
    }
    std::eprintln!("{tally:?}");
    assert!(tally.edge_sets >= 30, "{tally:?}");
}

#[test]
fn routes_and_nudged_edges_match_webcola_with_one_group_level() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut tally = Tally::default();
    for k in 0..30 {
        let n = 6 + k % 14;
        let (mut boxes, links) = scene(&mut rng, n, 2 + k % 10);
        // Group two to four neighbouring boxes of the first row; its own box is
        // recomputed by the router. (A group box over a non-member makes it
        // unreachable: WebCola then returns a broken path, ours an error.)
        let side = (n as f64).sqrt().ceil() as usize;
        let members: Vec<usize> = (0..(2 + k % 3).min(side)).collect();
        let mut children = vec![Vec::new(); n];
        children.push(members);
        boxes.push(Rectangle::centred(0.0, 0.0, 1.0, 1.0));
        compare(&boxes, &children, &links, &mut tally);
    }
    std::eprintln!("{tally:?}");
    assert!(tally.edge_sets >= 20, "{tally:?}");
}

#[test]
fn many_edges_per_node_are_bundled_and_nudged_as_webcola_does() {
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    let mut tally = Tally::default();
    for k in 0..25 {
        let (boxes, links) = scene(&mut rng, 4 + k % 7, 10 + k % 15);
        compare(&boxes, &[], &links, &mut tally);
    }
    std::eprintln!("{tally:?}");
    assert!(tally.edge_sets >= 15, "{tally:?}");
}
