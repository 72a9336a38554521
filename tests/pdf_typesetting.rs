//! Thai typesetting of the PDF writer, end to end: justified Thai text
//! (the parallel layout's narrow Thai column included) copies out of the PDF
//! with no space the source lacks, and pagination never ends a page on a
//! clause number nor splits the signature block. (Line breaking itself, a
//! compound, a name and a widow, is tested in `src/pdf/linebreak.rs`.)
mod common;

use common::pdf_fixture::{self as fixture, para, run};

use std::path::Path;
use std::process::Command;

use sisterdoc::document::{BlockContent, Document, Lang, Layout, ParaStyle};
use sisterdoc::pdf::{layout_lines, write_pdf, LinePart, PAGE_H, PAGE_W};
use sisterdoc::thai::segment::is_thai;

/// `pdftotext -layout`-free text of `pdf`, optionally only the left half of
/// each page (the Thai column of the parallel layout).
fn pdftotext(pdf: &Path, left_half: bool) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8"]);
    if left_half {
        let (w, h) = ((PAGE_W / 2.0).round() as i32, PAGE_H.ceil() as i32);
        cmd.args(["-r", "72", "-x", "0", "-y", "0"]);
        cmd.args(["-W", &w.to_string(), "-H", &h.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().unwrap_or_else(|e| {
        panic!("cannot run pdftotext ({e}): install poppler-utils (scripts/test does)")
    });
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every space that `extracted` has between two Thai letters, with up to
/// three characters each side, which the source text does not have.
fn added_spaces(extracted: &str, source: &str) -> Vec<String> {
    let source = source.replace('\n', " ");
    let mut out = Vec::new();
    for line in extracted.lines() {
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c != ' ' || i == 0 || i + 1 >= chars.len() {
                continue;
            }
            if !(is_thai(chars[i - 1]) && is_thai(chars[i + 1])) {
                continue;
            }
            let left: String = chars[..i]
                .iter()
                .rev()
                .take_while(|c| is_thai(**c))
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = chars[i + 1..]
                .iter()
                .take_while(|c| is_thai(**c))
                .take(3)
                .collect();
            let context = format!("{left} {right}");
            if !source.contains(&context) {
                out.push(context);
            }
        }
    }
    out
}

fn write(doc: &Document) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, write_pdf(doc).expect("write_pdf")).expect("write");
    (dir, path)
}

#[test]
fn justified_narrow_thai_column_copies_out_without_added_spaces() {
    let doc = fixture::mou(Layout::Parallel);
    let (_dir, pdf) = write(&doc);
    let text = pdftotext(&pdf, true);
    // The column holds justified Thai lines (not only short ones).
    let lines = layout_lines(&doc).expect("layout");
    let justified = lines
        .iter()
        .filter(|l| l.lang == Lang::Th && l.part == LinePart::Body && !l.last)
        .count();
    assert!(justified > 10, "{justified} justified Thai lines");
    assert!(text.contains("ผู้เข้าร่วมทั้งสองฝ่าย"), "{text}");
    let added = added_spaces(&text, &doc.plain_text());
    assert!(added.is_empty(), "spaces the source lacks: {added:?}");
}

#[test]
fn every_fixture_copies_out_without_added_spaces() {
    let mut docs = vec![
        ("sequential".to_string(), fixture::mou(Layout::Sequential)),
        ("parallel".to_string(), fixture::mou(Layout::Parallel)),
    ];
    docs.extend(common::fixture_documents());
    for (name, doc) in docs {
        let (_dir, pdf) = write(&doc);
        let left = doc.layout == Layout::Parallel;
        let added = added_spaces(&pdftotext(&pdf, left), &doc.plain_text());
        assert!(
            added.is_empty(),
            "{name}: spaces the source lacks: {added:?}"
        );
    }
}

/// The MOU's Thai section with `filler` one-line paragraphs before a clause
/// heading (a clause number without text) and its text.
fn with_filler(filler: usize) -> Document {
    let mut doc = fixture::mou(Layout::Sequential);
    doc.sections.truncate(1);
    let blocks = &mut doc.sections[0].blocks;
    let at = blocks
        .iter()
        .position(|b| matches!(b.content, BlockContent::Signature(_)))
        .expect("signature");
    let mut extra = Vec::new();
    for i in 0..filler {
        extra.push(para(
            &format!("filler-{i}"),
            ParaStyle::Body,
            None,
            vec![run("ข้อความทดสอบ", Lang::Th)],
        ));
    }
    extra.push(para("clause-9", ParaStyle::Clause, Some("๙."), vec![]));
    extra.push(para(
        "clause-9-text",
        ParaStyle::Body,
        None,
        vec![run(
            "ผู้เข้าร่วมทั้งสองฝ่ายจะหารือกันและกัน เกี่ยวกับรูปแบบและแผนงานความร่วมมือในการอนุวัติตามบันทึกความเข้าใจนี้",
            Lang::Th,
        )],
    ));
    blocks.splice(at..at, extra);
    doc
}

#[test]
fn a_page_never_ends_on_a_clause_number_and_the_signature_never_splits() {
    let mut number_moved = 0;
    for filler in 0..40 {
        let doc = with_filler(filler);
        let lines = layout_lines(&doc).expect("layout");
        let pages = lines.iter().map(|l| l.page).max().unwrap_or(0) + 1;
        for p in 0..pages {
            let body: Vec<_> = lines
                .iter()
                .filter(|l| l.page == p && matches!(l.part, LinePart::Body | LinePart::Number))
                .collect();
            let Some(bottom) = body.iter().map(|l| l.baseline).reduce(f32::max) else {
                continue;
            };
            let last: Vec<_> = body.iter().filter(|l| l.baseline == bottom).collect();
            assert!(
                last.iter().any(|l| l.part == LinePart::Body),
                "filler {filler}: page {} ends on {:?}",
                p + 1,
                last.iter().map(|l| &l.text).collect::<Vec<_>>()
            );
        }
        // The clause number sits on the page of its text.
        let number = lines.iter().find(|l| l.key == "clause-9").expect("number");
        let text = lines
            .iter()
            .find(|l| l.key == "clause-9-text")
            .expect("text");
        assert_eq!(number.page, text.page, "filler {filler}");
        let top = lines
            .iter()
            .filter(|l| l.page == number.page && l.part == LinePart::Body)
            .map(|l| l.baseline)
            .reduce(f32::min);
        if number.page > 0 && top.is_some_and(|t| t >= number.baseline) {
            number_moved += 1;
        }
        // The signature block on one page.
        let sig: Vec<usize> = lines
            .iter()
            .filter(|l| {
                matches!(
                    l.part,
                    LinePart::SignatureLeft(_) | LinePart::SignatureRight(_)
                )
            })
            .map(|l| l.page)
            .collect();
        assert!(!sig.is_empty());
        assert!(sig.iter().all(|&p| p == sig[0]), "filler {filler}: {sig:?}");
    }
    // Some filler put the number at a page's foot, and it moved on to head
    // the next page.
    assert!(number_moved > 0);
}
