//! Benchmark of the PDF writer: one MOU-sized document (Thai and English
//! sections, sequential layout) from the document model to PDF bytes, and
//! the layout alone.

#[path = "../tests/common/pdf_fixture.rs"]
mod fixture;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use sisterdoc::document::Layout;
use sisterdoc::pdf::{clear_memos as clear_memo, layout_lines, write_pdf};

fn bench(c: &mut Criterion) {
    let doc = fixture::mou(Layout::Sequential);
    // Cold: the writer's memos (flows set, Thai segmentation) are emptied
    // before every run, as for the first document of a process (this is the figure the goal is about).
    c.bench_function("write_pdf MOU (th+en, sequential), cold", |b| {
        b.iter(|| {
            clear_memo();
            write_pdf(black_box(&doc))
        })
    });
    // Warm: the clauses were segmented before, as in a batch build.
    c.bench_function("write_pdf MOU (th+en, sequential), warm", |b| {
        b.iter(|| write_pdf(black_box(&doc)))
    });
    let parallel = fixture::mou(Layout::Parallel);
    c.bench_function("write_pdf MOU (th+en, parallel), cold", |b| {
        b.iter(|| {
            clear_memo();
            write_pdf(black_box(&parallel))
        })
    });
    c.bench_function("layout_lines MOU (sequential), cold", |b| {
        b.iter(|| {
            clear_memo();
            layout_lines(black_box(&doc))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
