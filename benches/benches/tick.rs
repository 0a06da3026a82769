//! One tick (one RK4 iteration: four derivative passes and four step sizes) at
//! n = 77, 419, 1005, 2000 and 4941, after WebCola's default start.

use colayout::{Layout, LayoutOptions, Schedule};
use colayout_benches::{corpus, TICK_GRAPHS};
use criterion::{criterion_group, criterion_main, Criterion};

fn tick(c: &mut Criterion) {
    let mut group = c.benchmark_group("tick");
    group.sample_size(20);
    for name in TICK_GRAPHS {
        let g = corpus(name);
        let n = g.node_count();
        let mut layout = Layout::<2>::new(g, LayoutOptions::default()).expect("layout");
        layout
            .start(Schedule {
                keep_running: false,
                ..Schedule::default()
            })
            .expect("start");
        layout.run_ticks(2).unwrap();
        group.bench_function(format!("{name} (n={n})"), |b| {
            b.iter(|| layout.run_ticks(1).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, tick);
criterion_main!(benches);
