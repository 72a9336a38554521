//! `sisterdoc package` through the writers: the DOCX and PDF text of every
//! part reads back as the model's, the XLSX plan reads back with its
//! numbers as numbers, its totals as SUM formulas and its Thai intact, the
//! drafts are byte for byte `render`'s, and every file is the same bytes on
//! every run.

mod common;
use common::*;
use sisterdoc::document::{Document, PackagePart};
use sisterdoc::render::Format;
use std::process::Command;

fn load(
    name: &str,
) -> (
    sisterdoc::descriptor::Descriptor,
    Vec<sisterdoc::diagnostic::Diagnostic>,
) {
    let path = root().join(format!("fixtures/proposal/{name}.yaml"));
    let l = sisterdoc::check::check_bytes(&std::fs::read(&path).expect("read"), Some(name));
    (l.descriptor.expect("decodes"), l.diagnostics)
}

fn parts() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for f in yaml_files("fixtures/proposal") {
        let name = stem(&f);
        let (desc, _) = load(&name);
        for &p in &PackagePart::ALL {
            let doc = sisterdoc::package::build_part(&desc, p).expect("builds");
            out.push((format!("{name}-{}", p.code()), doc));
        }
    }
    out
}

fn no_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn docx_text_reads_back_as_the_model() {
    for (name, doc) in parts() {
        let bytes = sisterdoc::docx::write_docx(&doc, &Default::default()).expect("docx");
        let got: Vec<String> = sisterdoc::docx::read_paragraphs(&bytes)
            .expect("reads")
            .into_iter()
            .map(|p| p.text.replacen('\t', " ", 1))
            .filter(|t| !t.is_empty())
            .collect();
        let want: Vec<String> = doc
            .plain_text()
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

fn pdftotext(pdf: &std::path::Path, page: usize) -> String {
    let n = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-raw", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn pdf_text_reads_back_as_the_model() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, doc) in parts() {
        let lines = sisterdoc::pdf::layout_lines(&doc).expect("layout");
        let pdf = sisterdoc::pdf::write_pdf(&doc).expect("pdf");
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf).expect("write");
        let pages = lines.iter().map(|l| l.page).max().unwrap_or(0) + 1;
        for p in 0..pages {
            let want: String = lines
                .iter()
                .filter(|l| l.page == p)
                .map(|l| no_ws(&l.text))
                .collect();
            assert_eq!(
                no_ws(&pdftotext(&path, p + 1)),
                want,
                "{name}: page {}",
                p + 1
            );
        }
        // The laid-out lines of each block are its text, nothing added or lost.
        for s in &doc.sections {
            for b in &s.blocks {
                let mut got: Vec<char> = lines
                    .iter()
                    .filter(|l| l.key == b.key && l.lang == s.lang)
                    .flat_map(|l| no_ws(&l.text).chars().collect::<Vec<_>>())
                    .collect();
                let mut want: Vec<char> = b
                    .lines()
                    .iter()
                    .flat_map(|l| no_ws(l).chars().collect::<Vec<_>>())
                    .collect();
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "{name}: block {}", b.key);
            }
        }
        for l in lines.iter().filter(|l| l.key.is_empty()) {
            assert_eq!(
                l.part,
                sisterdoc::pdf::LinePart::PageNumber,
                "{name}: {l:?}"
            );
        }
    }
}

#[test]
fn xlsx_plan_has_numbers_formulas_and_thai() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let (desc, _) = load("chiangmai-kunming-proposal");
    let doc = sisterdoc::package::build_part(&desc, PackagePart::Plan).expect("builds");
    let bytes = sisterdoc::xlsx::write_xlsx(&doc).expect("xlsx");
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
    let sheet = wb.sheet_names().first().cloned().expect("a sheet");
    assert_eq!(sheet, "แผนปฏิบัติการ");
    let values = wb.worksheet_range(&sheet).expect("values");
    let formulas = wb.worksheet_formula(&sheet).expect("formulas");
    let rows: Vec<Vec<Data>> = values.rows().map(|r| r.to_vec()).collect();
    let find = |text: &str| {
        rows.iter()
            .position(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == text)))
            .unwrap_or_else(|| panic!("{text} not in the sheet: {rows:#?}"))
    };
    let budget = |row: usize| rows[row][2].clone();
    // Thai text intact, numbers as numbers.
    let a1 = find("การแลกเปลี่ยนการเยือนระดับผู้บริหาร");
    assert_eq!(budget(a1), Data::Float(350000.0));
    assert_eq!(
        rows[find("งานแสดงสินค้าเกษตรอัจฉริยะ")][2],
        Data::Float(500000.0)
    );
    // Totals: formulas, with their values.
    let fy = find("รวมปีงบประมาณ พ.ศ. ๒๕๗๐");
    assert_eq!(budget(fy), Data::Float(850000.0));
    let total = find("รวมทั้งสิ้น");
    assert_eq!(budget(total), Data::Float(970000.0));
    let (r0, c0) = values.start().expect("start");
    let formula_at = |row: usize| {
        formulas
            .get_value((r0 + row as u32, c0 + 2))
            .cloned()
            .unwrap_or_default()
    };
    let fy_formula = formula_at(fy);
    assert!(fy_formula.starts_with("SUM("), "{fy_formula}");
    assert_eq!(
        fy_formula.matches(',').count(),
        1,
        "two activities: {fy_formula}"
    );
    let total_formula = formula_at(total);
    assert!(total_formula.starts_with("SUM("), "{total_formula}");
    assert_eq!(
        total_formula.matches(',').count(),
        2,
        "three years: {total_formula}"
    );
    assert_eq!(
        formula_at(a1),
        "",
        "an activity's budget is a number, not a formula"
    );
}

#[test]
fn package_is_deterministic_and_drafts_are_renders() {
    let (desc, diags) = load("chiangmai-kunming-proposal");
    let a = sisterdoc::package::render_package(&desc, &diags, Format::ALL, false).expect("package");
    let b = sisterdoc::package::render_package(&desc, &diags, Format::ALL, false).expect("package");
    assert_eq!(
        a.len(),
        13,
        "{:?}",
        a.iter().map(|o| &o.file_name).collect::<Vec<_>>()
    );
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.file_name, y.file_name);
        assert!(x.bytes == y.bytes, "{} differs between runs", x.file_name);
    }
    assert_eq!(
        sisterdoc::package::zip(&a).expect("zip"),
        sisterdoc::package::zip(&b).expect("zip")
    );
    let drafts =
        sisterdoc::render::render(&desc, None, Format::ALL, Default::default()).expect("render");
    for d in drafts {
        let o = a
            .iter()
            .find(|o| o.file_name == d.file_name)
            .expect("draft in the package");
        assert!(o.bytes == d.bytes, "{} is not render's", d.file_name);
    }
    let signed =
        sisterdoc::package::render_package(&desc, &diags, &[Format::Pdf], true).expect("report");
    let names: Vec<&str> = signed.iter().map(|o| o.file_name.as_str()).collect();
    assert_eq!(names, vec!["chiangmai-kunming-proposal-signing-report.pdf"]);
}

#[test]
fn package_refuses_without_a_complete_proposal() {
    let text = std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("read");
    let l = sisterdoc::check::check_bytes(text.as_bytes(), Some("chiangmai-kunming"));
    let desc = l.descriptor.expect("decodes");
    match sisterdoc::package::render_package(&desc, &l.diagnostics, Format::ALL, false) {
        Err(sisterdoc::render::RenderError::Refused(d)) => {
            assert!(d.iter().any(|d| d.rule == "PROP-1"), "{d:#?}")
        }
        other => panic!("not refused: {:?}", other.map(|o| o.len())),
    }
}

#[test]
fn cli_writes_the_package_or_refuses_and_says_why() {
    let bin = env!("CARGO_BIN_EXE_sisterdoc");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let fixture = root().join("fixtures/proposal/nan-luangprabang-proposal.yaml");
    let run = |args: &[&str]| Command::new(bin).args(args).output().expect("runs");
    let o = run(&[
        "package",
        fixture.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--zip",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("PROP-2"),
        "PROP-2 warnings are shown: {stderr}"
    );
    let files: Vec<String> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, vec!["nan-luangprabang-proposal-package.zip"]);
    let zip = std::fs::read(out.join(&files[0])).expect("zip");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let names: Vec<String> = (0..z.len())
        .map(|i| {
            z.by_index(i)
                .expect("entry")
                .name()
                .expect("name")
                .to_string()
        })
        .collect();
    assert!(
        names.contains(&"nan-luangprabang-proposal-letter.pdf".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"nan-luangprabang-proposal-plan.xlsx".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"nan-luangprabang-proposal-loi.docx".to_string()),
        "{names:?}"
    );

    // Without a proposal: refused, PROP-1 named, nothing written.
    let plain = root().join("fixtures/valid/chiangmai-kunming.yaml");
    let empty = dir.path().join("empty");
    let o = run(&[
        "package",
        plain.to_str().expect("path"),
        "-o",
        empty.to_str().expect("path"),
        "--lang",
        "th",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("PROP-1") && stderr.contains("ไม่ได้สร้างชุดเอกสาร"),
        "{stderr}"
    );
    assert!(!empty.exists() || std::fs::read_dir(&empty).expect("dir").next().is_none());

    // --signed: the report letter only.
    let signed = dir.path().join("signed");
    let o = run(&[
        "package",
        fixture.to_str().expect("path"),
        "-o",
        signed.to_str().expect("path"),
        "--signed",
        "--format",
        "docx",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files: Vec<String> = std::fs::read_dir(&signed)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, vec!["nan-luangprabang-proposal-signing-report.docx"]);
}
