use super::*;
use crate::rng::PseudoRandom;

#[test]
fn webcolas_seven_node_example() {
    // WebCola's n7e23 test graph: R goes 23, 17, 12, 9, 8, 7 (spec §1.10).
    let edges = [
        (0, 4),
        (0, 5),
        (0, 6),
        (1, 4),
        (1, 5),
        (1, 6),
        (2, 4),
        (2, 5),
        (2, 6),
        (3, 4),
        (3, 5),
        (3, 6),
        (4, 5),
        (4, 6),
        (5, 6),
        (0, 1),
        (0, 2),
        (0, 3),
        (1, 2),
        (1, 3),
        (2, 3),
        (0, 0),
        (6, 6),
    ];
    let links: Vec<(usize, usize, u32)> = edges.iter().map(|&(s, t)| (s, t, 0)).collect();
    let pg = power_graph(7, &links).unwrap();
    let mut want: Vec<_> = links.clone();
    want.sort_unstable();
    assert_eq!(pg.expanded_links(), want);
    assert!(pg.power_edges.len() < links.len());
}

#[test]
fn power_edges_expand_to_the_links_on_random_graphs() {
    let mut rng = PseudoRandom::new(11);
    for round in 0..60 {
        let n = 2 + round % 30;
        let m = (rng.next() * 3.0 * n as f64) as usize;
        let mut links: Vec<(usize, usize, u32)> = (0..m)
            .map(|_| {
                let s = (rng.next() * n as f64) as usize % n;
                let t = (rng.next() * n as f64) as usize % n;
                (s, t, u32::from(round % 4 == 0 && rng.next() < 0.5))
            })
            .filter(|l| l.0 != l.1)
            .collect();
        links.sort_unstable();
        links.dedup();
        let pg = power_graph(n, &links).unwrap();
        assert_eq!(pg.expanded_links(), links, "round {round}");
        for g in &pg.groups {
            assert!(g.leaves.len() + g.groups.len() >= 1);
        }
    }
}

#[test]
fn bad_links_are_refused() {
    assert!(matches!(
        power_graph(2, &[(0, 2, 0)]),
        Err(Error::NodeOutOfRange { node: 2, .. })
    ));
    assert_eq!(power_graph(0, &[]).unwrap(), PowerGraph::default());
}
