//! `diff` on drafts saved by second programs (fixtures/drafts, made by
//! fixtures/drafts/make.sh): LibreOffice re-saves, python-docx edits that
//! merge and split runs, a tracked change written by hand. The diff must
//! find exactly the edits, whatever the programs did to the runs.

mod common;
use common::diff_helpers as helpers;

use std::io::Read;

use helpers::*;
use sisterdoc::diff::{self, Change, Class, DiffReport};
use sisterdoc::document::{DocKind, Lang};

const PAIR: &str = "chiangmai-kunming";

/// Writes the base drafts make.sh starts from (sisterdoc's own DOCX).
#[test]
#[ignore = "run by fixtures/drafts/make.sh"]
fn write_base_drafts() {
    let dir = std::env::var_os("SISTERDOC_WRITE_DRAFTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("fixtures/drafts"));
    for kind in [DocKind::Mou, DocKind::Loi] {
        let bytes = docx(&rendered(PAIR, kind));
        std::fs::write(dir.join(format!("base-{}.docx", kind.code())), bytes).expect("write");
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("fixtures/drafts").join(name))
        .expect("fixture draft (fixtures/drafts/make.sh)")
}

fn diff_file(name: &str, kind: DocKind) -> DiffReport {
    let draft = diff::read_draft(&fixture(name), false).expect("reads");
    let desc = descriptor(PAIR);
    let r = diff::reference(Some(&desc), kind).expect("reference");
    diff::compare(&r, &draft)
}

type Found = (String, Lang, Change, Class, String, String);

fn found(r: &DiffReport) -> Vec<Found> {
    r.deviations
        .iter()
        .map(|d| {
            (
                d.clause.clone().unwrap_or_default(),
                d.lang,
                d.change,
                d.class,
                d.standard.clone(),
                d.draft.clone(),
            )
        })
        .collect()
}

fn f(clause: &str, lang: Lang, change: Change, class: Class, std: &str, draft: &str) -> Found {
    (clause.into(), lang, change, class, std.into(), draft.into())
}

fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .expect("part")
        .read_to_string(&mut s)
        .expect("utf-8");
    s
}

#[test]
fn the_base_drafts_are_sisterdocs_own_output() {
    for kind in [DocKind::Mou, DocKind::Loi] {
        let name = format!("base-{}.docx", kind.code());
        assert!(diff_file(&name, kind).deviations.is_empty(), "{name}");
    }
}

#[test]
fn second_programs_really_rewrote_the_runs() {
    let base = document_xml(&fixture("base-mou.docx"));
    for name in [
        "lo-mou.docx",
        "lo-odt-mou.docx",
        "pydocx-mou.docx",
        "lo-pydocx-mou.docx",
    ] {
        let xml = document_xml(&fixture(name));
        assert_ne!(xml, base, "{name}");
    }
    // python-docx split a Thai paragraph every five characters.
    let xml = document_xml(&fixture("pydocx-mou.docx"));
    assert!(
        xml.matches("<w:r>").count() + xml.matches("<w:r ").count() > 150,
        "runs split"
    );
    // LibreOffice writes its own run properties and settings.
    let lo = document_xml(&fixture("lo-odt-mou.docx"));
    assert!(!lo.contains("SisterdocR") && lo.contains("w:document"));
}

#[test]
fn libreoffice_resaves_have_no_deviations() {
    for name in ["lo-mou.docx", "lo-odt-mou.docx"] {
        let r = diff_file(name, DocKind::Mou);
        assert!(r.deviations.is_empty(), "{name}: {:#?}", r.deviations);
    }
}

fn mou_edits() -> Vec<Found> {
    vec![
        f(
            "clause-3",
            Lang::Th,
            Change::Changed,
            Class::Editorial,
            "ส่งเสริม",
            "สนับสนุน",
        ),
        f(
            "clause-3",
            Lang::En,
            Change::Changed,
            Class::Substantive,
            "will",
            "shall",
        ),
        f(
            "signing",
            Lang::En,
            Change::Changed,
            Class::Slot,
            "15",
            "16",
        ),
    ]
}

#[test]
fn python_docx_edits_are_found_exactly() {
    let r = diff_file("pydocx-mou.docx", DocKind::Mou);
    assert_eq!(found(&r), mou_edits());
    assert_eq!(r.deviations[1].binding[0].term, "shall");
    let r = diff_file("pydocx-loi.docx", DocKind::Loi);
    assert_eq!(
        found(&r),
        vec![
            f("signing", Lang::Th, Change::Changed, Class::Substantive, "อังกฤษ", "ไทย"),
            f(
                "non-binding",
                Lang::En,
                Change::Removed,
                Class::Substantive,
                "This Letter of Intent is not intended to create rights or obligations under international law.",
                ""
            ),
        ]
    );
}

#[test]
fn python_docx_edits_resaved_by_libreoffice_are_found_exactly() {
    let r = diff_file("lo-pydocx-mou.docx", DocKind::Mou);
    assert_eq!(found(&r), mou_edits());
    let r = diff_file("lo-pydocx-loi.docx", DocKind::Loi);
    assert_eq!(r.deviations.len(), 2, "{:#?}", r.deviations);
    assert!(r.has_substantive());
}

#[test]
fn tracked_changes_are_read_as_accepted_and_reported() {
    for name in ["tracked-mou.docx", "lo-tracked-mou.docx"] {
        let r = diff_file(name, DocKind::Mou);
        assert!(r.had_tracked_changes, "{name}");
        assert_eq!(
            found(&r),
            vec![f(
                "preamble-3",
                Lang::En,
                Change::Changed,
                Class::Editorial,
                "existing",
                "long-standing"
            )],
            "{name}"
        );
    }
}
