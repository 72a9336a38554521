//! `diff` speed: a full MOU draft (the chiangmai-kunming pair, rendered,
//! written as DOCX, three edits) compared with the standard rendered from
//! its descriptor: reading the DOCX, building the reference, aligning,
//! word diff and classification. Goal: under 50 ms median in release.
//! Also the same draft against the standard with its slots open, and the
//! redline DOCX.

use criterion::{criterion_group, criterion_main, Criterion};
use sisterdoc::diff;
use sisterdoc::document::{compose, BlockContent, ComposeOptions, DocKind, Lang};
use std::hint::black_box;
use std::path::PathBuf;

fn draft_bytes() -> (sisterdoc::descriptor::Descriptor, Vec<u8>) {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid/chiangmai-kunming.yaml");
    let bytes = std::fs::read(path).expect("fixture");
    let desc = sisterdoc::check::check_bytes(&bytes, Some("chiangmai-kunming"))
        .descriptor
        .expect("decodes");
    let mut doc = compose(&desc, DocKind::Mou, ComposeOptions::default()).expect("builds");
    // Three edits: a binding word, a Thai word, a date.
    for s in &mut doc.sections {
        for b in &mut s.blocks {
            if let BlockContent::Paragraph(p) = &mut b.content {
                for r in &mut p.runs {
                    match (s.lang, b.key.as_str()) {
                        (Lang::En, "clause-3") => {
                            r.text = r.text.replacen("will encourage", "shall encourage", 1)
                        }
                        (Lang::Th, "clause-3") => {
                            r.text = r.text.replacen("ส่งเสริมให้", "สนับสนุนให้", 1)
                        }
                        (Lang::En, "signing") => {
                            r.text = r.text.replacen("15 March", "16 March", 1)
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    let docx = sisterdoc::docx::write_docx(&doc, &Default::default()).expect("writes");
    (desc, docx)
}

fn bench_diff(c: &mut Criterion) {
    let (desc, bytes) = draft_bytes();
    let mut g = c.benchmark_group("diff");
    g.sample_size(30);
    // Cold: the segmentation memo is emptied first, as when a reviewer runs
    // `sisterdoc diff` once (the figure the goal is about).
    g.bench_function(
        "MOU draft vs descriptor (read, reference, compare), cold",
        |b| {
            b.iter(|| {
                sisterdoc::thai::segment::clear_memo();
                let draft = diff::read_draft(black_box(&bytes), false).expect("reads");
                let r = diff::standard(Some(&desc), DocKind::Mou).expect("reference");
                let report = diff::compare(&r, &draft);
                assert_eq!(report.deviations.len(), 3);
                report
            })
        },
    );
    g.bench_function("MOU draft, slots open, cold", |b| {
        b.iter(|| {
            sisterdoc::thai::segment::clear_memo();
            let draft = diff::read_draft(black_box(&bytes), false).expect("reads");
            let r = diff::standard(None, DocKind::Mou).expect("reference");
            diff::compare(&r, &draft)
        })
    });
    let draft = diff::read_draft(&bytes, false).expect("reads");
    let r = diff::standard(Some(&desc), DocKind::Mou).expect("reference");
    let report = diff::compare(&r, &draft);
    g.bench_function("redline DOCX", |b| {
        b.iter(|| {
            diff::redline::write_redline(
                black_box(&report),
                &Default::default(),
                &Default::default(),
            )
            .expect("writes")
        })
    });
    g.finish();
}

criterion_group!(benches, bench_diff);
criterion_main!(benches);
