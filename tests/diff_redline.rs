//! The redline DOCX: accepting every change gives the draft's text,
//! rejecting every change the standard's; the bytes are deterministic; the
//! changes are Word's own tracked changes (author "sisterdoc", fixed date);
//! LibreOffice opens it and keeps the changes (when `soffice` is on PATH).
//! Every view is read with the project's one DOCX reader (`docx::read`).

mod common;
use common::diff_helpers as helpers;

use std::io::Read;
use std::process::Command;

use helpers::*;
use sisterdoc::diff::redline::write_redline;
use sisterdoc::diff::report::Names;
use sisterdoc::diff::{self, DiffReport, Draft, Standard};
use sisterdoc::document::{DocKind, Document, Lang, Layout};
use sisterdoc::docx::{read_docx_view, DocxParagraph, View};

const PAIR: &str = "chiangmai-kunming";

struct Case {
    name: &'static str,
    kind: DocKind,
    doc: Document,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let mou = || rendered(PAIR, DocKind::Mou);
    let loi = || rendered(PAIR, DocKind::Loi);
    out.push(Case {
        name: "unchanged",
        kind: DocKind::Mou,
        doc: mou(),
    });
    let mut d = mou();
    replace(
        &mut d,
        Lang::En,
        "signing",
        "15 March 2026",
        "16 March 2026",
    );
    out.push(Case {
        name: "date",
        kind: DocKind::Mou,
        doc: d,
    });
    let mut d = mou();
    replace(
        &mut d,
        Lang::En,
        "clause-3",
        "will encourage",
        "shall encourage",
    );
    replace(
        &mut d,
        Lang::Th,
        "clause-3",
        "จะต้องส่งเสริมให้",
        "จะต้องสนับสนุนให้",
    );
    out.push(Case {
        name: "words",
        kind: DocKind::Mou,
        doc: d,
    });
    let mut d = loi();
    remove(&mut d, Lang::En, "non-binding");
    remove(&mut d, Lang::Th, "title");
    out.push(Case {
        name: "removed",
        kind: DocKind::Loi,
        doc: d,
    });
    let mut d = mou();
    move_after(&mut d, Lang::En, "clause-3", "clause-4");
    add_after(
        &mut d,
        Lang::Th,
        "clause-5",
        "๖. ผู้เข้าร่วมทั้งสองฝ่ายจะแลกเปลี่ยนนักศึกษา",
    );
    out.push(Case {
        name: "moved-added",
        kind: DocKind::Mou,
        doc: d,
    });
    let mut d = mou();
    remove(&mut d, Lang::En, "mark");
    remove(&mut d, Lang::En, "signature");
    out.push(Case {
        name: "edges",
        kind: DocKind::Mou,
        doc: d,
    });
    let mut d = mou();
    d.layout = Layout::Parallel;
    replace(
        &mut d,
        Lang::En,
        "signing",
        "the English text",
        "the Thai text",
    );
    out.push(Case {
        name: "parallel",
        kind: DocKind::Mou,
        doc: d,
    });
    out
}

/// The redline's paragraphs with every change accepted or rejected.
fn read_view(
    bytes: &[u8],
    view: View,
) -> Result<Vec<DocxParagraph>, sisterdoc::docx::DocxReadError> {
    read_docx_view(bytes, view).map(|t| t.paragraphs)
}

fn names(case: &Case, open: bool) -> Names {
    Names {
        draft: format!("{}.docx", case.name),
        descriptor: (!open).then(|| format!("{PAIR}.yaml")),
    }
}

fn run(case: &Case, open: bool) -> (Draft, Standard, DiffReport, Vec<u8>) {
    let desc = descriptor(PAIR);
    let reference = diff::standard((!open).then_some(&desc), case.kind).expect("reference");
    let draft = draft_of(&case.doc);
    let report = diff::compare(&reference, &draft);
    let names = names(case, open);
    let bytes = write_redline(&report, &names, &Default::default()).expect("redline");
    (draft, reference, report, bytes)
}

/// Paragraphs of one language, in order (a parallel draft interleaves them).
fn of_lang(texts: &[String], lang: Lang) -> Vec<String> {
    texts
        .iter()
        .filter(|t| {
            let thai = t.chars().any(sisterdoc::thai::segment::is_thai);
            let latin = t.chars().any(|c| c.is_ascii_alphabetic());
            match lang {
                Lang::Th => thai,
                Lang::En => !thai && latin,
            }
        })
        .cloned()
        .collect()
}

fn check_views(
    case: &Case,
    draft: &Draft,
    reference: &Standard,
    report: &DiffReport,
    bytes: &[u8],
) {
    let first = first_page_len(report, &names(case, reference.open));
    let accepted = body(
        &read_view(bytes, View::Accepted).expect("accepted view"),
        first,
    );
    assert_eq!(accepted, draft.paragraphs, "{}: accept all", case.name);
    // The project's DOCX reader reads tracked changes as accepted too.
    let read = sisterdoc::docx::read_docx_text(bytes).expect("reads");
    assert!(
        read.had_tracked_changes
            || report.paragraphs.iter().all(|p| p.mark == diff::Mark::Both
                && p.segs.iter().all(|s| matches!(s, diff::Seg::Equal(_))))
    );
    assert_eq!(
        body(&read.paragraphs, first),
        draft.paragraphs,
        "{}: docx::read",
        case.name
    );
    let rejected = body(
        &read_view(bytes, View::Rejected).expect("rejected view"),
        first,
    );
    let mut standard = standard_text(report, reference);
    if reference.open {
        // Without a descriptor a unit may read one of several ways (with or
        // without a partner language...): take the one the redline used.
        for (i, u) in reference.units.iter().enumerate() {
            if let Some(alt) = u.alts.iter().find(|a| rejected.contains(&a.text)) {
                standard[i] = alt.text.clone();
            }
        }
    }
    if case.doc.layout == Layout::Parallel {
        // Rows interleave the languages: the same paragraphs, and in each
        // language the same order.
        let (mut a, mut b) = (rejected.clone(), standard.clone());
        a.sort();
        b.sort();
        assert_eq!(a, b, "{}: reject all", case.name);
        for lang in [Lang::Th, Lang::En] {
            assert_eq!(
                of_lang(&rejected, lang),
                of_lang(&standard, lang),
                "{}: reject all ({lang:?})",
                case.name
            );
        }
    } else {
        assert_eq!(rejected, standard, "{}: reject all", case.name);
    }
}

#[test]
fn accept_all_gives_the_draft_and_reject_all_the_standard() {
    for case in cases() {
        let (draft, reference, report, bytes) = run(&case, false);
        check_views(&case, &draft, &reference, &report, &bytes);
    }
}

#[test]
fn views_hold_without_a_descriptor_too() {
    for case in cases() {
        let (draft, reference, report, bytes) = run(&case, true);
        check_views(&case, &draft, &reference, &report, &bytes);
    }
}

#[test]
fn the_model_views_match_the_file_views() {
    for case in cases() {
        let (draft, _, report, _) = run(&case, false);
        let accepted: Vec<String> = report
            .paragraphs
            .iter()
            .filter_map(|p| p.accepted())
            .collect();
        assert_eq!(accepted, draft.paragraphs, "{}", case.name);
    }
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
fn redlines_are_deterministic_word_tracked_changes() {
    for case in cases() {
        let (_, _, report, a) = run(&case, false);
        let (_, _, _, b) = run(&case, false);
        assert_eq!(a, b, "{}: same bytes", case.name);
        let xml = document_xml(&a);
        let changes = xml.matches("<w:ins ").count() + xml.matches("<w:del ").count();
        if report.deviations.is_empty() {
            assert_eq!(changes, 0, "{}", case.name);
            continue;
        }
        assert!(changes > 0, "{}", case.name);
        assert_eq!(xml.matches(r#"w:author="sisterdoc""#).count(), changes);
        assert_eq!(
            xml.matches(r#"w:date="2000-01-01T00:00:00Z""#).count(),
            changes
        );
        // Ids 1..=n, each once.
        for id in 1..=changes {
            assert_eq!(
                xml.matches(&format!(r#"w:id="{id}""#)).count(),
                1,
                "{}: id {id}",
                case.name
            );
        }
        // The summary table lists every deviation.
        assert!(xml.contains("<w:tbl>"));
        for d in &report.deviations {
            assert!(xml.contains(d.class.name()), "{}", case.name);
        }
    }
}

#[test]
fn summary_names_the_classes() {
    let case = &cases()[2];
    let (_, _, report, bytes) = run(case, false);
    let paras = read_view(&bytes, View::Accepted).expect("reads");
    let n = first_page_len(&report, &names(case, false));
    let summary: Vec<&str> = first_page(&paras, n)
        .into_iter()
        .map(|p| p.text.as_str())
        .collect();
    let all = summary.join("\n");
    assert!(all.contains("substantive"), "{all}");
    assert!(all.contains("MFA-12"), "{all}");
    assert!(all.contains("shall"), "{all}");
    assert!(report.has_substantive());
}

fn soffice() -> Option<std::path::PathBuf> {
    common::tool(&["soffice", "libreoffice"], "libreoffice-writer-nogui")
}

#[test]
fn libreoffice_opens_the_redline_and_keeps_its_changes() {
    let Some(office) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let profile = dir.path().join("profile");
    for case in cases()
        .into_iter()
        .filter(|c| ["words", "moved-added", "removed"].contains(&c.name))
    {
        let (draft, reference, report, bytes) = run(&case, false);
        let src = dir.path().join(format!("{}.docx", case.name));
        std::fs::write(&src, &bytes).expect("write");
        let out = dir.path().join("out");
        for target in ["pdf", "docx"] {
            let status = Command::new(&office)
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    profile.display()
                ))
                .args(["--headless", "--convert-to", target, "--outdir"])
                .arg(&out)
                .arg(&src)
                .output()
                .expect("runs soffice");
            assert!(status.status.success(), "{}: {:?}", case.name, status);
        }
        let pdf = std::fs::read(out.join(format!("{}.pdf", case.name))).expect("pdf written");
        assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000);
        // LibreOffice's own DOCX of the redline still holds the changes.
        let saved = std::fs::read(out.join(format!("{}.docx", case.name))).expect("docx written");
        let first = first_page_len(&report, &names(&case, false));
        let accepted = body(&read_view(&saved, View::Accepted).expect("reads"), first);
        assert_eq!(
            accepted, draft.paragraphs,
            "{}: LibreOffice, accept all",
            case.name
        );
        let rejected = body(&read_view(&saved, View::Rejected).expect("reads"), first);
        assert_eq!(
            rejected,
            standard_text(&report, &reference),
            "{}: LibreOffice, reject all",
            case.name
        );
    }
}

/// The first page is a document of the model worded by
/// `templates/redline.tera`, in Thai and English: the writer adds none of
/// its words; a row per deviation, numbered.
#[test]
fn the_first_page_is_worded_by_the_template_in_thai_and_english() {
    let template =
        std::fs::read_to_string(common::root().join("templates/redline.tera")).expect("template");
    let case = &cases()[2];
    let (_, _, report, bytes) = run(case, false);
    let paras = read_view(&bytes, View::Accepted).expect("reads");
    let len = first_page_len(&report, &names(case, false));
    let first: Vec<&str> = first_page(&paras, len)
        .into_iter()
        .map(|p| p.text.as_str())
        .collect();
    for line in [
        "เปรียบเทียบร่าง words.docx กับร่างบันทึกความเข้าใจมาตรฐานของกระทรวงการต่างประเทศ",
        "Redline of words.docx against the MFA standard MOU",
        "ร่างมาตรฐานจัดทำจากไฟล์ข้อมูล chiangmai-kunming.yaml",
        "Standard text rendered from the descriptor chiangmai-kunming.yaml.",
    ] {
        assert!(first.contains(&line), "{line:?} in {first:#?}");
    }
    // The fixed words of each line are the template's.
    for fixed in [
        "เปรียบเทียบร่าง",
        "Changes are tracked by “sisterdoc”",
        "การแก้ไขบันทึกไว้ในชื่อ “sisterdoc”",
        "ส่วนที่แตกต่างจากร่างมาตรฐาน",
    ] {
        assert!(template.contains(fixed), "{fixed}");
        assert!(first.iter().any(|l| l.contains(fixed)), "{fixed}");
    }
    let n = report.deviations.len();
    assert!(n >= 2);
    assert!(first.contains(&format!("ส่วนที่แตกต่างจากร่างมาตรฐาน {n} รายการ: เปลี่ยนแปลงสาระสำคัญ {} รายการ (แนวทางข้อ 8.2 เปลี่ยนแปลงหลักการ ต้องเสนอคณะรัฐมนตรี) แก้ไขถ้อยคำ {} รายการ (แนวทางข้อ 8.1) ข้อมูลในช่อง {} รายการ และย้ายตำแหน่ง {} รายการ", report.count(diff::Class::Substantive), report.count(diff::Class::Editorial), report.count(diff::Class::Slot), report.moves()).as_str()));
    // One numbered row per deviation, in a table.
    let cells: Vec<&str> = first_page(&paras, len)
        .into_iter()
        .filter(|p| p.in_table)
        .map(|p| p.text.as_str())
        .collect();
    for i in 1..=n {
        assert!(cells.contains(&i.to_string().as_str()), "row {i}");
    }
    assert!(!cells.contains(&(n + 1).to_string().as_str()));

    // No deviations: no table, and the line that says so.
    let (_, _, report, bytes) = run(&cases()[0], false);
    let paras = read_view(&bytes, View::Accepted).expect("reads");
    let len = first_page_len(&report, &names(&cases()[0], false));
    let first = first_page(&paras, len);
    assert!(first.iter().all(|p| !p.in_table));
    assert!(first.iter().any(|p| p.text == "ไม่มีส่วนที่แตกต่างจากร่างมาตรฐาน"));
    assert!(first
        .iter()
        .any(|p| p.text == "No deviations from the standard text."));
}
