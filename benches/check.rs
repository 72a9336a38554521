//! `check` throughput: 1,000 descriptors (the valid fixtures, repeated with
//! distinct ids) decoded and checked. Goal: under one second in release.

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::PathBuf;

fn corpus() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    (0..1000)
        .map(|i| {
            let t = &texts[i % texts.len()];
            let t = t
                .lines()
                .filter(|l| !l.starts_with("id:"))
                .collect::<Vec<_>>()
                .join("\n");
            format!("id: bench-{i}\n{t}\n").into_bytes()
        })
        .collect()
}

fn bench_check(c: &mut Criterion) {
    let corpus = corpus();
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    g.bench_function("1000 descriptors", |b| {
        b.iter(|| {
            let mut errors = 0;
            for bytes in &corpus {
                let l = sisterdoc::check::check_bytes(bytes, None);
                errors += l
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == sisterdoc::diagnostic::Severity::Error)
                    .count();
            }
            assert_eq!(errors, 0);
        })
    });
    g.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
