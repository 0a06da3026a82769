//! The Rust twin of `benches/c/overhead.c`: the same calls on the core, timed the same
//! way, so `benches/c/overhead.sh` can report the C API's overhead as a ratio.

use std::hint::black_box;
use std::time::Instant;

use colayout::{layout_edges, DynLayout, Graph, LayoutOptions, Schedule};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, file, layouts, ticks] = &args[..] else {
        eprintln!("usage: overhead EDGES.txt LAYOUTS TICKS");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(file).expect("the edge file");
    let nums: Vec<u32> = text
        .split_whitespace()
        .map(|w| w.parse().expect("a number"))
        .collect();
    let (n, m) = (nums[0] as usize, nums[1] as usize);
    let edges = &nums[2..2 + 2 * m];
    let (layouts, ticks): (u32, u32) = (layouts.parse().unwrap(), ticks.parse().unwrap());
    let options = LayoutOptions::default();
    let mut p = vec![0.0; 2 * n];

    let t = Instant::now();
    for _ in 0..layouts {
        layout_edges(n, edges, &options, &mut p).unwrap();
    }
    println!(
        "layout_edges|{:.9e}",
        t.elapsed().as_secs_f64() / f64::from(layouts)
    );

    let pairs = edges
        .chunks_exact(2)
        .map(|e| (e[0] as usize, e[1] as usize));
    let graph = Graph::from_edges(n, pairs).unwrap();
    let mut l = DynLayout::new(graph, options, 2).unwrap();
    l.start(Schedule {
        keep_running: false,
        ..Schedule::default()
    })
    .unwrap();
    let t = Instant::now();
    for _ in 0..ticks {
        l.run_ticks(1).unwrap();
        l.positions_into(&mut p).unwrap();
    }
    println!(
        "tick_and_positions|{:.9e}",
        t.elapsed().as_secs_f64() / f64::from(ticks)
    );

    const CALLS: usize = 2_000_000;
    let mut sum = 0;
    let t = Instant::now();
    for _ in 0..CALLS {
        sum += black_box(&l).graph().node_count();
    }
    println!(
        "counts_call|{:.9e}",
        t.elapsed().as_secs_f64() / CALLS as f64
    );
    assert_eq!(sum, CALLS * n);
}
