//! Tests of the PDF writer on a hand-built Thai/English MOU (both layouts) and on
//! every valid fixture: text round trip through poppler's `pdftotext`, line breaks only
//! at the segmenter's opportunities, reproducible bytes, `qpdf --check`, size.
mod common;

use common::pdf_fixture as fixture;

use std::path::Path;
use std::process::Command;

use sisterdoc::document::{BlockContent, Document, Lang, Layout};
use sisterdoc::pdf::{layout_lines, write_pdf, write_pdf_with, LaidOutLine, LinePart, PdfOptions};
use sisterdoc::thai::segment::line_break_opportunities;

fn no_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `pdftotext ARGS file -` (poppler-utils); panics with an install hint if missing.
fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run pdftotext ({e}): install poppler-utils \
                 (apt-get install -y poppler-utils); .ci/run installs it"
            )
        });
    assert!(out.status.success(), "pdftotext failed: {:?}", out);
    String::from_utf8(out.stdout).expect("pdftotext output is UTF-8")
}

fn write_temp(doc: &Document) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    let pdf = write_pdf(doc).expect("write_pdf");
    std::fs::write(&path, &pdf).expect("write pdf");
    (dir, path, pdf)
}

fn docs() -> Vec<(String, Document)> {
    let mut v = vec![
        (
            "sequential".to_string(),
            fixture::mou_with_stress(Layout::Sequential),
        ),
        (
            "parallel".to_string(),
            fixture::mou_with_stress(Layout::Parallel),
        ),
    ];
    v.extend(common::fixture_documents());
    v
}

/// The text of the flow a laid-out line was broken from, from the model.
fn flow_text(doc: &Document, line: &LaidOutLine) -> Option<String> {
    let section = doc.section(line.lang)?;
    let block = section.blocks.iter().find(|b| b.key == line.key)?;
    let runs =
        |r: &[sisterdoc::document::Run]| r.iter().map(|r| r.text.as_str()).collect::<String>();
    match (&block.content, line.part) {
        (BlockContent::Paragraph(p), LinePart::Body) => Some(runs(&p.runs)),
        (BlockContent::Paragraph(p), LinePart::Number) => p.number.clone(),
        (BlockContent::Signature(s), LinePart::SignatureLeft(i)) => s.left.get(i).map(|l| runs(l)),
        (BlockContent::Signature(s), LinePart::SignatureRight(i)) => {
            s.right.get(i).map(|l| runs(l))
        }
        _ => None,
    }
}

/// (a) What poppler reads out of each page, in content order, is exactly
/// the text of the lines laid out on that page (whitespace aside), and the
/// laid-out lines of every block put together are exactly the block's text
/// in the model. So the PDF's text is the model's text plus page numbers.
///
/// Comparing page by page in content order (`pdftotext -raw`) is what makes
/// this robust to columns: in the signature block and the parallel layout a
/// reading-order extraction interleaves the two columns line by line
/// (correctly, as they are printed side by side), so a whole-document
/// comparison would fail on placement, not on text. Whitespace is removed
/// before comparing: Thai has no spaces between words, and where a reader
/// puts a space at a justified gap or a line end is its own business.
#[test]
fn text_round_trip_through_pdftotext() {
    for (name, doc) in docs() {
        let lines = layout_lines(&doc).expect("layout");
        let (_dir, path, _) = write_temp(&doc);
        let pages = lines.iter().map(|l| l.page).max().unwrap_or(0) + 1;
        for p in 0..pages {
            let expected: String = lines
                .iter()
                .filter(|l| l.page == p)
                .map(|l| no_ws(&l.text))
                .collect();
            let n = (p + 1).to_string();
            let got = no_ws(&pdftotext(&path, &["-raw", "-f", &n, "-l", &n]));
            assert_eq!(got, expected, "{name}: page {} text differs", p + 1);
        }
        // The lines of each block are the block's text, nothing added.
        for s in &doc.sections {
            for b in &s.blocks {
                let mut got: Vec<(LinePart, String)> = Vec::new();
                for l in lines.iter().filter(|l| l.key == b.key && l.lang == s.lang) {
                    match got.iter_mut().find(|(part, _)| *part == l.part) {
                        Some((_, t)) => t.push_str(&l.text),
                        None => got.push((l.part, l.text.clone())),
                    }
                }
                let joined: String = got
                    .iter()
                    .map(|(_, t)| no_ws(t))
                    .collect::<Vec<_>>()
                    .concat();
                let want: String = b.lines().iter().map(|t| no_ws(t)).collect();
                let mut a: Vec<char> = joined.chars().collect();
                let mut w: Vec<char> = want.chars().collect();
                // Number and body are separate flows; compare as multisets
                // of characters per block, and each flow exactly below.
                a.sort_unstable();
                w.sort_unstable();
                assert_eq!(a, w, "{name}: block {} of {:?}", b.key, s.lang);
                for (part, t) in &got {
                    let line = lines
                        .iter()
                        .find(|l| l.key == b.key && l.lang == s.lang && l.part == *part)
                        .expect("line");
                    assert_eq!(
                        Some(t.clone()),
                        flow_text(&doc, line),
                        "{name}: {} {part:?}",
                        b.key
                    );
                }
            }
        }
        // Only page numbers are added.
        for l in lines.iter().filter(|l| l.key.is_empty()) {
            assert_eq!(l.part, LinePart::PageNumber, "{name}: {l:?}");
        }
    }
}

/// (a') The Thai words that need the most care read back whole in a plain
/// reading-order extraction too.
#[test]
fn thai_clusters_read_back() {
    let doc = fixture::mou(Layout::Sequential);
    let (_dir, path, _) = write_temp(&doc);
    let text = no_ws(&pdftotext(&path, &[]));
    for w in [
        "ผู้เข้าร่วมทั้งสองฝ่าย",
        "น้ำใจ",
        "ปี่",
        "ฟิ้",
        "กั๊ก",
        "ลำพูน",
        "จังหวัดพระนครศรีอยุธยา",
        "เขตปกครองตนเองสิบสองปันนา",
        "สาธารณรัฐแห่งสหภาพเมียนมา",
        "นครคุนหมิง",
    ] {
        assert!(text.contains(w), "{w} not read back");
    }
    assert!(
        !text.contains("\u{0E4D}\u{0E32}"),
        "decomposed SARA AM in text"
    );
    assert!(
        !text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)),
        "private-use code"
    );
}

/// (b) Every line ends at a break opportunity of the project's segmenter
/// (or at the end of its paragraph), including the paragraph of long names.
#[test]
fn lines_break_at_segmenter_opportunities() {
    for (name, doc) in docs() {
        let lines = layout_lines(&doc).expect("layout");
        let mut checked = 0;
        for l in &lines {
            let Some(flow) = flow_text(&doc, l) else {
                continue;
            };
            assert_eq!(&flow[l.range.clone()], l.text, "{name}: {l:?}");
            if l.last {
                assert_eq!(l.range.end, flow.len(), "{name}: {l:?}");
                continue;
            }
            let ops = line_break_opportunities(&flow);
            // A word longer than the line may only be broken between
            // grapheme clusters, and only when the line holds nothing else.
            let overlong = !ops.iter().any(|&o| o > l.range.start && o < l.range.end)
                && unicode_segmentation::UnicodeSegmentation::grapheme_indices(flow.as_str(), true)
                    .any(|(i, _)| i == l.range.end);
            assert!(
                ops.contains(&l.range.end) || overlong,
                "{name}: line of {} ends inside a word: {:?} | {:?}",
                l.key,
                l.text,
                &flow[l.range.end..]
            );
            checked += 1;
        }
        if name == "sequential" || name == "parallel" {
            assert!(checked > 30, "{name}: only {checked} wrapped lines");
            assert!(lines.iter().any(|l| l.key == "stress" && !l.last));
        } else {
            assert!(checked > 5, "{name}: only {checked} wrapped lines");
        }
    }
}

/// (c) The same document gives the same bytes.
#[test]
fn output_is_reproducible() {
    for (name, doc) in docs() {
        let a = write_pdf(&doc).expect("pdf");
        let b = write_pdf(&doc).expect("pdf");
        assert!(a == b, "{name}: two runs differ");
        assert!(a.starts_with(b"%PDF-"));
    }
    // Without PDF/A no date is written at all.
    let doc = fixture::mou(Layout::Sequential);
    let plain = write_pdf_with(
        &doc,
        &PdfOptions {
            archival: false,
            date: None,
        },
    )
    .expect("pdf");
    let s = String::from_utf8_lossy(&plain);
    assert!(!s.contains("/CreationDate"));
}

/// (d) `qpdf --check` finds nothing wrong.
#[test]
fn qpdf_check_passes() {
    let Some(qpdf) = common::tool(&["qpdf"], "qpdf") else {
        return;
    };
    for (name, doc) in docs() {
        let (_dir, path, _) = write_temp(&doc);
        let out = Command::new(&qpdf)
            .arg("--check")
            .arg(&path)
            .output()
            .expect("qpdf");
        assert!(
            out.status.success(),
            "{name}: qpdf --check: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// (e) A multi-page MOU stays small (font subsets, compressed streams).
#[test]
fn mou_is_small() {
    let doc = fixture::mou_with_stress(Layout::Sequential);
    let pdf = write_pdf(&doc).expect("pdf");
    let pages = layout_lines(&doc)
        .expect("layout")
        .iter()
        .map(|l| l.page)
        .max()
        .unwrap_or(0)
        + 1;
    assert!(pages >= 3, "{pages} pages");
    assert!(pdf.len() < 100_000, "{} bytes for {pages} pages", pdf.len());
}

/// Page numbers from the second page of each section, in Thai digits on
/// Thai pages; the non-compliance mark on every page.
#[test]
fn page_numbers_and_mark() {
    let mut doc = fixture::mou_with_stress(Layout::Sequential);
    doc.non_compliant_mark = Some("ไม่เป็นไปตามแบบมาตรฐาน".to_string());
    let lines = layout_lines(&doc).expect("layout");
    let pages = lines.iter().map(|l| l.page).max().unwrap_or(0) + 1;
    for p in 0..pages {
        let marks = lines
            .iter()
            .filter(|l| l.page == p && l.part == LinePart::Mark)
            .count();
        assert_eq!(marks, 1, "page {p}");
    }
    let numbers: Vec<&LaidOutLine> = lines
        .iter()
        .filter(|l| l.part == LinePart::PageNumber)
        .collect();
    assert!(
        numbers
            .iter()
            .any(|l| l.lang == Lang::Th && l.text == "- ๒ -"),
        "{numbers:?}"
    );
    assert!(numbers
        .iter()
        .all(|l| l.lang != Lang::En || l.text.is_ascii()));
    // The first page of each section has no number.
    let first_en = lines
        .iter()
        .find(|l| l.lang == Lang::En && l.part == LinePart::Body)
        .map(|l| l.page)
        .expect("English page");
    assert!(!numbers.iter().any(|l| l.page == 0 || l.page == first_en));
    let (_dir, path, _) = write_temp(&doc);
    let text = pdftotext(&path, &[]);
    assert_eq!(text.matches("ไม่เป็นไปตามแบบมาตรฐาน").count(), pages);
}

/// Writes the files the independent checkers in shared/tools read (PDF, the
/// text it must copy out as, the laid-out lines) and checks them: a PDF, the
/// same bytes twice, and lines that hold exactly the model's text. They go
/// to `$SISTERDOC_PDF_OUT` when set (to look at them), else to a temp dir.
#[test]
fn checker_inputs_hold_the_model_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = std::env::var("SISTERDOC_PDF_OUT")
        .unwrap_or_else(|_| tmp.path().to_string_lossy().into_owned());
    let mut nosig = fixture::mou(Layout::Sequential);
    for s in &mut nosig.sections {
        s.blocks.retain(|b| b.key != "signature");
    }
    let mut marks = fixture::mou(Layout::Sequential);
    marks.sections.truncate(1);
    if let Some(s) = marks.sections.first_mut() {
        s.blocks.truncate(1);
        if let Some(BlockContent::Paragraph(p)) = s.blocks.first_mut().map(|b| &mut b.content) {
            p.style = sisterdoc::document::ParaStyle::Body;
            if let Some(r) = p.runs.first_mut() {
                r.text = "น้ำ ปี่ ฟิ้ กั๊ก ลำพูน ป่ำ ผู้เข้าร่วมทั้งสองฝ่าย ญี่ปุ่น ฐาน ฤๅษี".to_string();
            }
        }
    }
    let mut marked = fixture::mou(Layout::Sequential);
    marked.non_compliant_mark =
        Some("ไม่เป็นไปตามแบบมาตรฐาน (rendered with --allow-errors)".to_string());
    for (name, doc) in [
        ("marks", marks),
        ("marked", marked),
        ("sequential", fixture::mou_with_stress(Layout::Sequential)),
        ("parallel", fixture::mou_with_stress(Layout::Parallel)),
        ("mou", fixture::mou(Layout::Sequential)),
        ("mou-nosig", nosig),
    ] {
        let pdf = write_pdf(&doc).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"), "{name}: not a PDF");
        assert!(
            pdf == write_pdf(&doc).expect("pdf"),
            "{name}: two renders differ"
        );
        std::fs::write(format!("{dir}/{name}.pdf"), pdf).expect("write");
        let expected = fixture::checker_expected(&doc);
        std::fs::write(format!("{dir}/{name}.txt"), &expected).expect("write");
        let lines = layout_lines(&doc).expect("layout");
        // Each paragraph's lines tile its text; a signature block's lines
        // (two columns) hold its letters.
        for s in &doc.sections {
            for b in &s.blocks {
                let laid: String = lines
                    .iter()
                    .filter(|l| l.key == b.key && l.lang == s.lang)
                    .map(|l| l.text.as_str())
                    .collect();
                match &b.content {
                    BlockContent::Paragraph(p) => {
                        assert_eq!(no_ws(&laid), no_ws(&p.text()), "{name}: {}", b.key)
                    }
                    BlockContent::Table(_) => {
                        assert_eq!(
                            no_ws(&laid),
                            no_ws(&b.lines().concat()),
                            "{name}: {}",
                            b.key
                        )
                    }
                    BlockContent::Signature(_) => {
                        let sorted = |t: &str| {
                            let mut c: Vec<char> = no_ws(t).chars().collect();
                            c.sort_unstable();
                            c
                        };
                        let text: String = fixture::checker_expected(&Document {
                            sections: vec![sisterdoc::document::Section {
                                lang: s.lang,
                                blocks: vec![b.clone()],
                            }],
                            ..doc.clone()
                        });
                        assert_eq!(sorted(&laid), sorted(&text), "{name}: {}", b.key)
                    }
                }
            }
        }
        let dump: String = lines
            .iter()
            .map(|l| {
                format!(
                    "{} {:?} {:?} {:.1} {:.1} {:?}\n",
                    l.page, l.key, l.part, l.x, l.baseline, l.text
                )
            })
            .collect();
        std::fs::write(format!("{dir}/{name}.lines"), dump).expect("write");
    }
}

/// Characters the fonts lack are reported, not printed as boxes.
#[test]
fn missing_glyphs_are_an_error_under_pdf_a() {
    let mut doc = fixture::mou(Layout::Sequential);
    if let Some(BlockContent::Paragraph(p)) =
        doc.sections[0].blocks.get_mut(1).map(|b| &mut b.content)
    {
        p.runs[0].text.push_str(" 昆明");
    }
    match write_pdf(&doc) {
        Err(sisterdoc::pdf::PdfError::MissingGlyphs(c)) => assert_eq!(c, "昆明"),
        other => panic!("{other:?}"),
    }
    let plain = PdfOptions {
        archival: false,
        date: None,
    };
    assert!(write_pdf_with(&doc, &plain).is_ok());
}
