//! Benchmark of the PDF writer: one MOU-sized document (Thai and English
//! sections, sequential layout) from the document model to PDF bytes, and
//! the layout alone.

#[path = "../tests/pdf_fixture.rs"]
mod fixture;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use sisterdoc::document::Layout;
use sisterdoc::pdf::{layout_lines, write_pdf};

fn bench(c: &mut Criterion) {
    let doc = fixture::mou(Layout::Sequential);
    c.bench_function("write_pdf MOU (th+en, sequential)", |b| {
        b.iter(|| write_pdf(black_box(&doc)))
    });
    let parallel = fixture::mou(Layout::Parallel);
    c.bench_function("write_pdf MOU (th+en, parallel)", |b| {
        b.iter(|| write_pdf(black_box(&parallel)))
    });
    c.bench_function("layout_lines MOU (sequential)", |b| {
        b.iter(|| layout_lines(black_box(&doc)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
