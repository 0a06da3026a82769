//! The VPSC solver and the scan-line constraint generation against npm `webcola@3.4.0`
//! on random instances: same positions to 1e-6, same unsatisfiable constraints, same
//! generated constraint lists.

use colayout::constraints::overlap::{
    generate_x_constraints, generate_y_constraints, remove_overlaps,
};
use colayout::constraints::vpsc::{
    remove_overlap_in_one_dimension, Constraint, Solver, Span, Variable,
};
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
    fn below(&mut self, n: usize) -> usize {
        (self.next() * n as f64) as usize % n.max(1)
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + self.next() * (hi - lo)
    }
}

struct Instance {
    vars: Vec<(f64, f64, f64)>,
    cons: Vec<(usize, usize, f64, bool)>,
}

fn random_instance(rng: &mut Rng, k: usize) -> Instance {
    let n = 2 + rng.below(24);
    let weighted = k % 3 == 1;
    let scaled = k % 7 == 3;
    let vars = (0..n)
        .map(|_| {
            let desired = (rng.range(-100.0, 100.0) * 8.0).round() / 8.0;
            let weight = if weighted {
                [0.5, 1.0, 2.0, 10.0, 1000.0][rng.below(5)]
            } else {
                1.0
            };
            let scale = if scaled {
                [0.5, 1.0, 2.0][rng.below(3)]
            } else {
                1.0
            };
            (desired, weight, scale)
        })
        .collect();
    let m = rng.below(3 * n);
    let equalities = k % 4 == 2;
    let cons = (0..m)
        .map(|_| {
            let mut l = rng.below(n);
            let mut r = rng.below(n);
            if r == l {
                r = (r + 1) % n;
            }
            // Half the instances are acyclic, hence feasible without equalities.
            if k.is_multiple_of(2) && l > r {
                core::mem::swap(&mut l, &mut r);
            }
            let gap = (rng.range(-5.0, 30.0) * 4.0).round() / 4.0;
            (l, r, gap, equalities && rng.next() < 0.2)
        })
        .collect();
    Instance { vars, cons }
}

#[test]
fn solver_matches_webcola_on_1200_random_instances() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let instances: Vec<Instance> = (0..1200).map(|k| random_instance(&mut rng, k)).collect();
    let req: Vec<Value> = instances
        .iter()
        .map(|inst| {
            json!({
                "variables": inst.vars.iter().map(|&(d, w, s)| json!({"desired": d, "weight": w, "scale": s})).collect::<Vec<_>>(),
                "constraints": inst.cons.iter().map(|&(l, r, g, e)| json!({"left": l, "right": r, "gap": g, "equality": e})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let theirs = request(&json!({"op": "vpsc", "instances": req})).unwrap();
    let results = theirs["results"].as_array().unwrap();
    let (mut infeasible, mut with_equalities) = (0, 0);
    for (k, (inst, t)) in instances.iter().zip(results).enumerate() {
        assert!(
            t.get("error").is_none(),
            "instance {k}: webcola failed: {t}"
        );
        let vars = inst
            .vars
            .iter()
            .map(|&(d, w, s)| Variable::weighted(d, w, s))
            .collect();
        let cons = inst
            .cons
            .iter()
            .map(|&(l, r, g, e)| {
                if e {
                    Constraint::equality(l, r, g)
                } else {
                    Constraint::new(l, r, g)
                }
            })
            .collect();
        let mut s = Solver::new(vars, cons).unwrap();
        s.solve();
        let ours = s.positions();
        let tp: Vec<f64> = t["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        for (i, (a, b)) in ours.iter().zip(&tp).enumerate() {
            assert!((a - b).abs() <= 1e-6, "instance {k} var {i}: {a} vs {b}");
        }
        let tu: Vec<usize> = t["unsatisfiable"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(s.unsatisfiable(), tu, "instance {k}: unsatisfiable sets");
        infeasible += usize::from(!tu.is_empty());
        with_equalities += usize::from(inst.cons.iter().any(|c| c.3));
    }
    eprintln!("1200 instances: {infeasible} with unsatisfiable constraints, {with_equalities} with equalities");
    assert!(
        infeasible > 50 && with_equalities > 50,
        "the sample must exercise both"
    );
}

fn random_rects(rng: &mut Rng, n: usize, grid: bool) -> Vec<Rectangle> {
    (0..n)
        .map(|_| {
            let (w, h) = (rng.range(2.0, 40.0), rng.range(2.0, 30.0));
            let (mut x, mut y) = (rng.range(0.0, 200.0), rng.range(0.0, 200.0));
            if grid {
                // Coarse coordinates give equal centres and edges, WebCola's tie cases.
                x = (x / 20.0).round() * 20.0;
                y = (y / 20.0).round() * 20.0;
            }
            Rectangle::new(x, x + w.round(), y, y + h.round())
        })
        .collect()
}

fn triples(cs: &[Constraint]) -> Vec<(usize, usize, f64)> {
    cs.iter().map(|c| (c.left, c.right, c.gap)).collect()
}

fn json_triples(v: &Value) -> Vec<(usize, usize, f64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c[0].as_u64().unwrap() as usize,
                c[1].as_u64().unwrap() as usize,
                c[2].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn scan_line_constraints_equal_webcola_on_random_rectangles() {
    let mut rng = Rng(0xfeed_beef_0000_0042);
    let sets: Vec<Vec<Rectangle>> = (0..300usize)
        .map(|k| {
            let n = 1 + rng.below(40);
            random_rects(&mut rng, n, k.is_multiple_of(2))
        })
        .collect();
    let req: Vec<Value> = sets
        .iter()
        .map(|rs| json!({"rects": rs.iter().map(|r| json!([r.x, r.x_max, r.y, r.y_max])).collect::<Vec<_>>()}))
        .collect();
    let theirs = request(&json!({"op": "rect_constraints", "instances": req})).unwrap();
    for (k, (rs, t)) in sets
        .iter()
        .zip(theirs["results"].as_array().unwrap())
        .enumerate()
    {
        assert_eq!(
            triples(&generate_x_constraints(rs)),
            json_triples(&t["x"]),
            "set {k}: x constraints"
        );
        assert_eq!(
            triples(&generate_y_constraints(rs)),
            json_triples(&t["y"]),
            "set {k}: y constraints"
        );
    }
}

#[test]
fn remove_overlaps_and_one_dimensional_removal_equal_webcola() {
    let mut rng = Rng(7);
    for _ in 0..20 {
        let mut rs = random_rects(&mut rng, 25, false);
        let req = json!({"op": "remove_overlaps", "rects": rs.iter().map(|r| json!([r.x, r.x_max, r.y, r.y_max])).collect::<Vec<_>>()});
        let theirs = request(&req).unwrap();
        remove_overlaps(&mut rs).unwrap();
        for (r, t) in rs.iter().zip(theirs["rects"].as_array().unwrap()) {
            for (a, b) in [r.x, r.x_max, r.y, r.y_max]
                .iter()
                .zip(t.as_array().unwrap())
            {
                assert!((a - b.as_f64().unwrap()).abs() < 1e-6);
            }
        }
    }
    let spans: Vec<Span> = [0.0, 2.0, 4.0, 30.0, 31.0]
        .iter()
        .map(|&c| Span {
            size: 10.0,
            desired_center: c,
        })
        .collect();
    let req = json!({"op": "remove_overlap_1d", "spans": spans.iter().map(|s| json!({"size": s.size, "desired_center": s.desired_center})).collect::<Vec<_>>(),
        "lower_bound": -20.0, "upper_bound": 40.0});
    let theirs = request(&req).unwrap();
    let ours = remove_overlap_in_one_dimension(&spans, Some(-20.0), Some(40.0)).unwrap();
    for (a, b) in ours
        .centers
        .iter()
        .zip(theirs["new_centers"].as_array().unwrap())
    {
        assert!((a - b.as_f64().unwrap()).abs() < 1e-6);
    }
    assert!((ours.upper_bound - theirs["upper_bound"].as_f64().unwrap()).abs() < 1e-6);
}
