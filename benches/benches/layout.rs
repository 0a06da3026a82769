//! Whole layouts to convergence with WebCola's defaults (`start()`), paths included.

use colayout::{layout, LayoutOptions};
use colayout_benches::corpus;
use criterion::{criterion_group, criterion_main, Criterion};

fn full(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    for name in ["lesmis", "dwt_419", "block_2000"] {
        let g = corpus(name);
        group.bench_function(format!("{name} (n={})", g.node_count()), |b| {
            b.iter(|| layout(&g, &LayoutOptions::default()).expect("layout"))
        });
    }
    group.finish();
}

criterion_group!(benches, full);
criterion_main!(benches);
