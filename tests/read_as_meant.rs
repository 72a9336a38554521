//! Values read the way staff meant them (issue 11, part 3): Buddhist Era
//! years, Thai written dates, Thai typed in another keystroke order, and a
//! text with commas inside { } — through `check`, `render` and `diff`.

mod common;
use common::*;
use sisterdoc::check::check_bytes;
use sisterdoc::diagnostic::Severity;
use sisterdoc::document::{ComposeOptions, DocKind};

fn with_date(date: &str) -> String {
    let base = std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("fixture");
    base.replace("  date: 2026-03-15", &format!("  date: {date}"))
}

fn mou_text(src: &str) -> String {
    let l = check_bytes(src.as_bytes(), Some("x"));
    let desc = l.descriptor.expect("decodes");
    sisterdoc::render::document(&desc, DocKind::Mou, ComposeOptions::default())
        .expect("builds")
        .plain_text()
}

fn rules(src: &str) -> Vec<&'static str> {
    check_bytes(src.as_bytes(), Some("x"))
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.rule)
        .collect()
}

#[test]
fn a_buddhist_era_year_is_an_error_with_the_ce_date() {
    // Before: accepted, and the MOU said "๑๕ มีนาคม ๓๑๑๒" and "15 March 2569".
    let src = with_date("2569-03-15");
    let l = check_bytes(src.as_bytes(), Some("x"));
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.rule == "DATA-DATE-BE")
        .expect("DATA-DATE-BE");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.hint.as_ref().is_some_and(|h| h.en.contains("2026-03-15")));
    assert_eq!(d.fix.as_ref().map(|f| f.value.as_str()), Some("2026-03-15"));
    let l = l.descriptor.expect("decodes");
    assert!(l.signing.date.is_none(), "never read as CE 2569");
}

#[test]
fn thai_written_dates_are_read_as_buddhist_era() {
    for written in [
        "15 มีนาคม 2569",
        "๑๕ มี.ค. ๒๕๖๙",
        "\"วันที่ 15 มีนาคม พ.ศ. 2569\"",
    ] {
        let src = with_date(written);
        assert!(rules(&src).is_empty(), "{written}: {:?}", rules(&src));
        let t = mou_text(&src);
        assert!(t.contains("เมื่อวันที่ ๑๕ มีนาคม พ.ศ. ๒๕๖๙"), "{written}");
        assert!(t.contains("on 15 March 2026"), "{written}");
    }
}

#[test]
fn thai_is_normalized_before_it_reaches_the_drafts() {
    let bytes =
        std::fs::read(root().join("fixtures/invalid/data-normalize-thai.yaml")).expect("fixture");
    let src = String::from_utf8(bytes).expect("utf-8");
    assert!(src.contains('\u{0e4d}') && src.contains('\u{200b}'));
    let l = check_bytes(src.as_bytes(), Some("x"));
    let warned: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.rule == "DATA-NORMALIZE")
        .collect();
    assert_eq!(warned.len(), 3);
    assert!(warned
        .iter()
        .all(|d| d.severity == Severity::Warning && d.fix.is_some()));
    let desc = l.descriptor.expect("decodes");
    let t = sisterdoc::render::document(&desc, DocKind::Mou, ComposeOptions::default())
        .expect("builds")
        .plain_text();
    assert!(t.contains("การจัดการน้ำ"));
    assert!(!t.contains('\u{0e4d}') && !t.contains('\u{200b}'));
    assert!(t.contains("(นายหลิว เจียเซิง)"));
    let t = sisterdoc::render::document(&desc, DocKind::Loi, ComposeOptions::default())
        .expect("builds")
        .plain_text();
    assert!(t.contains("การท่องเที่ยวเชิงนิเวศ"));
}

#[test]
fn a_text_split_by_commas_in_braces_is_explained_and_read_as_meant() {
    let bytes = std::fs::read(root().join("fixtures/invalid/schema-comma-flow-text.yaml"))
        .expect("fixture");
    let l = check_bytes(&bytes, Some("x"));
    let rules: Vec<_> = l.diagnostics.iter().map(|d| d.rule).collect();
    // Before: "unknown key `cooperation.fields.incentives`" and nothing about commas.
    assert!(rules.contains(&"SCHEMA-COMMA"), "{rules:?}");
    assert!(!rules.contains(&"SCHEMA-UNKNOWN"), "{rules:?}");
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.rule == "SCHEMA-COMMA")
        .expect("SCHEMA-COMMA");
    assert!(d.hint.as_ref().is_some_and(|h| h
        .en
        .contains("\"meetings, incentives, conventions and exhibitions (MICE)\"")));
    let desc = l.descriptor.expect("decodes");
    let t = sisterdoc::render::document(&desc, DocKind::Mou, ComposeOptions::default())
        .expect("builds")
        .plain_text();
    assert!(t.contains("meetings, incentives, conventions and exhibitions (MICE)"));
}

#[test]
fn diff_reads_drafts_through_the_same_normalization() {
    let src = std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("fixture");
    let l = check_bytes(src.as_bytes(), Some("chiangmai-kunming"));
    let desc = l.descriptor.expect("decodes");
    let doc = sisterdoc::render::document(&desc, DocKind::Mou, ComposeOptions::default())
        .expect("builds");
    // The draft as typed with SARA AM decomposed and a zero-width space.
    let text = doc
        .plain_text()
        .replace("ลำ", "ลํา")
        .replace("จำ", "จํา")
        .replace("ความร่วมมือ", "ความ\u{200b}ร่วมมือ");
    assert!(text.contains('\u{0e4d}'));
    let draft = sisterdoc::diff::read_draft(text.as_bytes(), true).expect("reads");
    let reference = sisterdoc::diff::standard(Some(&desc), DocKind::Mou).expect("reference");
    let r = sisterdoc::diff::compare(&reference, &draft);
    assert!(r.deviations.is_empty(), "{:#?}", r.deviations);
}
