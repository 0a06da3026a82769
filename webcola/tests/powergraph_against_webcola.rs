//! Power graphs against npm `webcola@3.4.0`'s `getGroups`: the same groups and the same
//! power edges, in the same order, on random graphs and corpus graphs.

use colayout::powergraph::{power_graph, PowerEnd, PowerGraph};
use colayout_webcola::{fixture, request};
use serde_json::{json, Value};

fn end_json(e: PowerEnd) -> Value {
    match e {
        PowerEnd::Node(v) => json!(["n", v]),
        PowerEnd::Group(g) => json!(["g", g]),
    }
}

fn as_json(pg: &PowerGraph) -> Value {
    json!({
        "groups": pg.groups.iter().map(|g| json!({"leaves": g.leaves, "groups": g.groups})).collect::<Vec<_>>(),
        "power_edges": pg
            .power_edges
            .iter()
            .map(|e| json!([end_json(e.source), end_json(e.target), e.link_type]))
            .collect::<Vec<_>>(),
    })
}

fn compare(name: &str, n: usize, links: &[(usize, usize, u32)]) {
    let answer = request(&json!({
        "op": "powergraph",
        "n": n,
        "links": links.iter().map(|l| json!([l.0, l.1])).collect::<Vec<_>>(),
        "types": links.iter().map(|l| l.2).collect::<Vec<_>>(),
    }))
    .unwrap();
    let ours = as_json(&power_graph(n, links).unwrap());
    assert_eq!(ours["groups"], answer["groups"], "{name}: groups");
    assert_eq!(
        ours["power_edges"], answer["power_edges"],
        "{name}: power edges"
    );
}

/// xorshift64*, independent of colayout's generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 11) % n as u64) as usize
    }
}

#[test]
fn random_graphs_give_webcolas_groups_and_power_edges() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for k in 0..40 {
        let n = 3 + k % 25;
        let m = n + rng.below(3 * n);
        let typed = k % 5 == 4;
        let mut links: Vec<(usize, usize, u32)> = (0..m)
            .map(|_| {
                (
                    rng.below(n),
                    rng.below(n),
                    if typed { rng.below(2) as u32 } else { 0 },
                )
            })
            .filter(|l| l.0 != l.1)
            .collect();
        links.sort_unstable();
        links.dedup();
        compare(&format!("random {k}"), n, &links);
    }
}

#[test]
fn corpus_graphs_give_webcolas_groups_and_power_edges() {
    for name in ["karate", "lesmis", "can_96"] {
        let g = fixture(name);
        let links: Vec<(usize, usize, u32)> =
            g.links().iter().map(|l| (l.source, l.target, 0)).collect();
        compare(name, g.node_count(), &links);
    }
}
