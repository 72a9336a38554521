//! The command line: exit codes, output formats, `new`, `rules`.

mod common;
use common::{dry_run_then_fix, sisterdoc};
use std::process::Command;

#[test]
fn check_valid_folder_exits_zero() {
    let (code, out, _) = sisterdoc(&["check", "fixtures/valid"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("checked 8 descriptors: 0 with errors"),
        "{out}"
    );
}

#[test]
fn check_errors_exit_one_and_warnings_can_be_denied() {
    let (code, out, _) = sisterdoc(&["check", "fixtures/invalid/mfa-9-vice-governor.yaml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[MFA-9]"));
    let (code, _, _) = sisterdoc(&["check", "fixtures/invalid/mfa-2-custom-name.yaml"]);
    assert_eq!(code, 0);
    let (code, out, _) = sisterdoc(&[
        "check",
        "--deny",
        "warnings",
        "fixtures/invalid/mfa-2-custom-name.yaml",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("error[MFA-2]"), "{out}");
}

#[test]
fn missing_path_and_bad_usage_exit_two() {
    assert_eq!(sisterdoc(&["check", "no/such/file.yaml"]).0, 2);
    assert_eq!(sisterdoc(&["check"]).0, 2);
    assert_eq!(sisterdoc(&["frobnicate"]).0, 2);
}

#[test]
fn json_is_one_record_per_diagnostic() {
    let (code, out, _) = sisterdoc(&[
        "check",
        "--format",
        "json",
        "fixtures/invalid/three-problems.yaml",
    ]);
    assert_eq!(code, 1);
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(records.len(), 3);
    for r in &records {
        for k in [
            "file",
            "line",
            "column",
            "rule",
            "severity",
            "message_th",
            "message_en",
            "hint",
        ] {
            assert!(r.get(k).is_some(), "{k} missing in {r}");
        }
    }
    assert_eq!(records[0]["rule"], "MFA-9");
}

#[test]
fn thai_messages_for_province_staff() {
    let (_, out, _) = sisterdoc(&[
        "check",
        "--lang",
        "th",
        "fixtures/invalid/mfa-9-vice-governor.yaml",
    ]);
    assert!(
        out.contains("ข้อผิดพลาด[MFA-9]: ผู้ลงนามฝ่ายไทยต้องเป็นผู้ว่าราชการจังหวัด"),
        "{out}"
    );
    assert!(out.contains("คำแนะนำ"), "{out}");
}

#[test]
fn rules_lists_every_rule() {
    let (code, out, _) = sisterdoc(&["rules"]);
    assert_eq!(code, 0);
    for id in [
        "MFA-1",
        "MFA-2",
        "MFA-9",
        "MFA-12",
        "MOU-5",
        "MOU-TITLE",
        "DATA-PROVINCE",
        "SCHEMA-UNKNOWN",
    ] {
        assert!(out.contains(id), "{id}");
    }
}

#[test]
fn new_descriptor_fails_until_filled_then_passes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mine.yaml");
    let p = path.to_str().expect("utf8");
    let (code, _, err) = sisterdoc(&["new", "-o", p]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(sisterdoc(&["new", "-o", p]).0, 2, "refuses to overwrite");
    let (code, out, _) = sisterdoc(&["check", p]);
    assert_eq!(code, 1, "placeholders must be reported: {out}");
    assert!(out.contains("SCHEMA-PLACEHOLDER"));
    let filled = std::fs::read_to_string(&path)
        .expect("read")
        .replace("<province-partner>", "chiangmai-kunming")
        .replace("<Chiang Mai>", "Chiang Mai")
        .replace("<ชื่อผู้ว่าราชการจังหวัด>", "นายปวิณ ชำนิประศาสน์")
        .replace("<Governor's name>", "Mr. Pawin Chamniprasart")
        .replace("<ชื่อภาษาไทย>", "นครคุนหมิง")
        .replace("<English name>", "Kunming")
        .replace("<CN>", "CN")
        .replace("<ชื่อผู้ลงนามฝ่ายต่างประเทศ>", "นายตัวอย่าง")
        .replace("<Partner signatory's name>", "Mr. Example")
        .replace("<ตำแหน่งภาษาไทย>", "นายกเทศมนตรีนครคุนหมิง")
        .replace("<Title in English>", "Mayor of Kunming");
    assert!(
        !filled.contains("<")
            || filled
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .all(|l| !l.contains('<'))
    );
    std::fs::write(&path, filled).expect("write");
    let (code, out, _) = sisterdoc(&["check", p]);
    assert_eq!(code, 0, "{out}");
    for kind in ["loi", "mou"] {
        let (code, out, _) = sisterdoc(&["new", "--kind", kind]);
        assert_eq!(code, 0);
        assert!(out.contains(&format!("documents: [{kind}]")));
    }
}

#[test]
fn pairs_lists_chiang_mai_partners_and_csv_opens_in_excel() {
    let (code, out, _) = sisterdoc(&["pairs", "--province", "เชียงใหม่"]);
    assert_eq!(code, 0);
    for p in [
        "Shanghai",
        "Chongqing",
        "Qingdao",
        "Chengdu",
        "Hokkaido",
        "Bursa",
        "Kengtung",
        "Yogyakarta",
        "Kunming",
    ] {
        assert!(out.contains(p), "{p} missing:\n{out}");
    }
    let csv = Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
        .args(["pairs", "--country", "la", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(csv.status.success());
    assert!(
        csv.stdout.starts_with(b"\xEF\xBB\xBFid,province_th"),
        "BOM and header"
    );
    assert!(String::from_utf8_lossy(&csv.stdout).contains("\r\n"));
    let (code, _, err) = sisterdoc(&["pairs", "--province", "Atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("Atlantis"));
}

#[test]
fn render_refuses_errors_unless_allowed_and_names_files_from_the_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().to_str().expect("utf8");
    let (code, _, err) = sisterdoc(&[
        "render",
        "fixtures/invalid/mfa-9-vice-governor.yaml",
        "-o",
        out,
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not rendered"));
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "nothing written"
    );
    let (code, _, err) = sisterdoc(&[
        "render",
        "fixtures/invalid/mfa-9-vice-governor.yaml",
        "-o",
        out,
        "--allow-errors",
        "--format",
        "docx",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "mfa-9-vice-governor-loi.docx",
            "mfa-9-vice-governor-mou.docx"
        ]
    );
    let doc = std::fs::read(dir.path().join(&names[1])).expect("read");
    let xml = unzip_document_xml(&doc);
    assert!(
        xml.contains("NOT COMPLIANT WITH THE MFA STANDARD")
            || header_contains(&doc, "NOT COMPLIANT WITH THE MFA STANDARD")
    );
}

fn unzip_document_xml(bytes: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut s = String::new();
    std::io::Read::read_to_string(
        &mut z.by_name("word/document.xml").expect("document.xml"),
        &mut s,
    )
    .expect("utf8");
    s
}

fn header_contains(bytes: &[u8], needle: &str) -> bool {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..z.len()).any(|i| {
        let mut f = z.by_index(i).expect("entry");
        if !f.name().is_ok_and(|n| n.starts_with("word/header")) {
            return false;
        }
        let mut s = String::new();
        std::io::Read::read_to_string(&mut f, &mut s).is_ok() && s.contains(needle)
    })
}

#[test]
fn text_the_pdf_cannot_show_is_warned_and_docx_still_renders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().to_str().expect("utf8");
    let f = "fixtures/invalid/data-glyph-chinese-name.yaml";
    let (code, stdout, _) = sisterdoc(&["check", f]);
    assert_eq!(code, 0, "a warning only: {stdout}");
    assert!(
        stdout.contains("warning[DATA-GLYPH]") && stdout.contains('丽'),
        "{stdout}"
    );
    let (code, _, err) = sisterdoc(&["render", f, "-o", out, "--format", "pdf"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("丽"),
        "the PDF error names the characters: {err}"
    );
    let (code, _, err) = sisterdoc(&["render", f, "-o", out, "--format", "docx"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn render_speaks_thai_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().to_str().expect("utf8");
    let (code, _, err) = sisterdoc(&[
        "render",
        "--lang",
        "th",
        "fixtures/invalid/mfa-9-vice-governor.yaml",
        "-o",
        out,
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("ข้อผิดพลาด[MFA-9]") && err.contains("ไม่ได้สร้างเอกสาร"),
        "{err}"
    );
}

#[test]
fn rules_in_thai_are_entirely_thai() {
    let (code, out, _) = sisterdoc(&["rules", "--lang", "th"]);
    assert_eq!(code, 0);
    assert!(!out.contains("แนวทางข้อ -"), "{out}");
    assert!(!out.contains("MOU clause"), "{out}");
    assert!(out.contains("(แนวทางข้อ ๙)"), "{out}");
    assert!(out.contains("MFA-8"), "MFA-8 is catalogued");
    for line in out.lines().filter(|l| l.starts_with(' ')) {
        assert!(
            line.chars().any(|c| ('\u{0e01}'..='\u{0e5b}').contains(&c)),
            "explanation not in Thai: {line}"
        );
    }
    // MFA-9's Thai title does not let the Thai side send an equivalent.
    let mfa9 = out
        .lines()
        .find(|l| l.starts_with("MFA-9 "))
        .unwrap_or_default();
    assert!(mfa9.contains("ผู้ลงนามฝ่ายไทยต้องเป็นผู้ว่าราชการจังหวัด"), "{mfa9}");
}

/// The "done when": a file with a B.E. date, a decomposed SARA AM and a comma-split
/// flow value checks clean after `check --fix`, with its comments intact.
#[test]
fn check_fix_repairs_in_place_and_dry_run_only_shows_a_diff() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("chiangmai-kunming.yaml");
    let p = path.to_str().expect("utf8");
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid/chiangmai-kunming.yaml"),
    )
    .expect("fixture")
    .replace("  date: 2026-03-15", "  date: 2569-03-15 # typed in B.E.")
    .replace(
        "{th: เกษตรอัจฉริยะ, en: smart agriculture}",
        "{th: การจัดการน\u{0e4d}\u{0e49}\u{0e32}, en: meetings, incentives, conventions and exhibitions (MICE)}",
    );
    std::fs::write(&path, &src).expect("write");
    let (code, _, _) = sisterdoc(&["check", p]);
    assert_eq!(code, 1, "errors before the fix");

    let (dry, code, out) = dry_run_then_fix(&path, &src);
    assert!(
        dry.contains("-  date: 2569-03-15 # typed in B.E.\n+  date: 2026-03-15 # typed in B.E.\n"),
        "{dry}"
    );
    assert!(
        dry.contains("[SCHEMA-COMMA]") && dry.contains("[DATA-NORMALIZE]"),
        "{dry}"
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("fixed 3 values"), "{out}");
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(fixed.starts_with("# Chiang Mai - Kunming"), "comments kept");
    assert!(fixed.contains("  date: 2026-03-15 # typed in B.E.\n"));
    assert!(fixed.contains("การจัดการน้ำ"));
    assert!(fixed.contains("en: \"meetings, incentives, conventions and exhibitions (MICE)\""));
    assert_eq!(fixed.lines().count(), src.lines().count(), "layout kept");
    let (code, out, _) = sisterdoc(&["check", "--deny", "warnings", p]);
    assert!(code == 0 || out.contains("REG-"), "{out}");
    assert!(!out.contains("DATA-") && !out.contains("SCHEMA-"), "{out}");
}

#[test]
fn check_says_what_it_understood() {
    let (_, out, _) = sisterdoc(&["check", "fixtures/valid/chiangmai-kunming.yaml"]);
    assert!(
        out.contains("Thai side: Chiang Mai Province (จังหวัดเชียงใหม่)"),
        "{out}"
    );
    assert!(
        out.contains("country: CN = China (สาธารณรัฐประชาชนจีน)"),
        "{out}"
    );
    assert!(
        out.contains("documents: Letter of Intent (LOI), MOU"),
        "{out}"
    );
    let (_, out, _) = sisterdoc(&[
        "check",
        "--lang",
        "th",
        "fixtures/valid/chiangmai-kunming.yaml",
    ]);
    assert!(out.contains("ฝ่ายไทย: จังหวัดเชียงใหม่"), "{out}");
}

#[test]
fn render_final_writes_the_signing_copy_without_draft_marks_and_refuses_without_place_or_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().to_str().expect("utf8");
    let (code, _, err) = sisterdoc(&[
        "render",
        "--final",
        "--format",
        "docx",
        "-o",
        out,
        "fixtures/valid/chiangmai-kunming.yaml",
    ]);
    assert_eq!(code, 0, "{err}");
    let docx = std::fs::read(dir.path().join("chiangmai-kunming-mou.docx")).expect("written");
    let text = sisterdoc::docx::read::read_docx_text(&docx).expect("reads");
    let all: Vec<&str> = text.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(
        !all.contains(&"(ร่าง)") && !all.contains(&"(Draft)"),
        "{all:?}"
    );
    assert!(all.iter().any(|p| p.contains("บันทึกความเข้าใจ")));
    // No place and date (mukdahan-savannakhet leaves them blank): refused, and says why.
    let (code, _, err) = sisterdoc(&[
        "render",
        "--final",
        "-o",
        out,
        "fixtures/valid/mukdahan-savannakhet.yaml",
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("signing place") && err.contains("signing date"),
        "{err}"
    );
    // Errors: refused.
    let (code, _, err) = sisterdoc(&[
        "render",
        "--final",
        "-o",
        out,
        "fixtures/invalid/mfa-9-vice-governor.yaml",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("cannot be signed"), "{err}");
}
