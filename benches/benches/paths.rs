//! All-pairs shortest paths: into a full `f64` matrix (`paths::all_pairs`), and into the
//! descent's triangular `f32` pair table (what a layout builds).

use colayout::paths;
use colayout::stress::{PairTable, Weighting};
use colayout_benches::corpus;
use criterion::{criterion_group, criterion_main, Criterion};

fn all_pairs(c: &mut Criterion) {
    let mut group = c.benchmark_group("paths");
    group.sample_size(10);
    for name in ["dwt_419", "dwt_1005"] {
        let g = corpus(name);
        let lengths = vec![20.0; g.link_count()];
        group.bench_function(format!("all_pairs {name} (n={})", g.node_count()), |b| {
            b.iter(|| paths::all_pairs(&g, &lengths).expect("paths"))
        });
    }
    for name in ["dwt_1005", "USpowerGrid"] {
        let g = corpus(name);
        let lengths = vec![20.0; g.link_count()];
        group.bench_function(format!("pair table {name} (n={})", g.node_count()), |b| {
            b.iter(|| PairTable::new(&g, &lengths, Weighting::PStress).expect("table"))
        });
    }
    group.finish();
}

criterion_group!(benches, all_pairs);
criterion_main!(benches);
