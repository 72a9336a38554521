//! `sisterdoc diff` from the command line: exit codes (0 no substantive
//! deviation, 1 some, 2 errors), errors that name the file, text and JSON
//! reports, no colour when not a terminal, the redline file.

mod common;
use common::diff_helpers as helpers;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use helpers::*;
use sisterdoc::document::{DocKind, Lang};

const PAIR: &str = "chiangmai-kunming";

fn sisterdoc(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs")
}

fn diff(draft: &Path, extra: &[&str]) -> Output {
    let yaml = root().join(format!("fixtures/valid/{PAIR}.yaml"));
    let mut args: Vec<&std::ffi::OsStr> = vec!["diff".as_ref(), draft.as_os_str()];
    if !extra.contains(&"--open") {
        args.push("--descriptor".as_ref());
        args.push(yaml.as_os_str());
    }
    args.extend(
        extra
            .iter()
            .filter(|a| **a != "--open")
            .map(|a| std::ffi::OsStr::new(*a)),
    );
    sisterdoc(&args)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn an_unchanged_draft_exits_0() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = write(dir.path(), "mou.docx", &docx(&rendered(PAIR, DocKind::Mou)));
    for extra in [&[][..], &["--open"][..], &["--kind", "mou"][..]] {
        let o = diff(&p, extra);
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(0), "{extra:?}: {out}{err}");
        assert!(out.contains("no deviations"), "{out}");
        assert!(!out.contains('\x1b'), "no colour when not a terminal");
    }
}

#[test]
fn a_substantive_change_exits_1_with_a_readable_report() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::En,
        "clause-3",
        "will encourage",
        "shall encourage",
    );
    replace(
        &mut doc,
        Lang::En,
        "signing",
        "15 March 2026",
        "16 March 2026",
    );
    let p = write(dir.path(), "edited.docx", &docx(&doc));
    let o = diff(&p, &[]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(out.contains("clause-3"), "{out}");
    assert!(out.contains("[-will-]{+shall+}"), "{out}");
    assert!(out.contains("MFA-12"), "{out}");
    assert!(out.contains("slot `date`"), "{out}");
    assert!(
        out.contains("2 deviations: 1 substantive, 0 editorial, 1 slot"),
        "{out}"
    );
}

#[test]
fn a_slot_change_alone_exits_0() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut doc = rendered(PAIR, DocKind::Loi);
    replace(&mut doc, Lang::Th, "signing", "นครคุนหมิง", "กรุงเทพมหานคร");
    let p = write(dir.path(), "loi.docx", &docx(&doc));
    let o = diff(&p, &[]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{err}");
    assert!(out.contains("slot"), "{out}");
}

#[test]
fn json_report() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut doc = rendered(PAIR, DocKind::Loi);
    remove(&mut doc, Lang::En, "non-binding");
    let p = write(dir.path(), "loi.docx", &docx(&doc));
    let o = diff(&p, &["--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(v["kind"], "loi");
    assert_eq!(v["summary"]["substantive"], 1);
    let d = &v["deviations"][0];
    assert_eq!(d["clause"], "non-binding");
    assert_eq!(d["lang"], "en");
    assert_eq!(d["change"], "removed");
    assert_eq!(d["class"], "substantive");
    assert_eq!(d["guideline"], "8.2");
    assert_eq!(d["rules"][0], "MFA-8");
    assert!(d["standard"]
        .as_str()
        .is_some_and(|s| s.contains("international law")));

    // Without a descriptor: the slot values are listed.
    let o = diff(&p, &["--format", "json", "--open"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["descriptor"], serde_json::Value::Null);
    assert_eq!(v["slots_open"], true);
    let fills = v["slot_fills"].as_array().expect("fills");
    assert!(fills
        .iter()
        .any(|f| f["slot"] == "date" && f["lang"] == "en" && f["text"] == "15 March 2026"));
}

#[test]
fn redline_file_is_written() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::En,
        "preamble-3",
        "existing",
        "long-standing",
    );
    let p = write(dir.path(), "m.docx", &docx(&doc));
    let out = dir.path().join("red.docx");
    let o = diff(&p, &["--redline", out.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let bytes = std::fs::read(&out).expect("redline written");
    let read = sisterdoc::docx::read_docx_text(&bytes).expect("a DOCX");
    assert!(read.had_tracked_changes);
    // Unwritable target: exit 2, the file named.
    let bad = dir.path().join("no-such-dir/red.docx");
    let o = diff(&p, &["--redline", bad.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("red.docx"));
}

#[test]
fn text_drafts_are_read() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = write(
        dir.path(),
        "mou.txt",
        rendered(PAIR, DocKind::Mou).plain_text().as_bytes(),
    );
    let o = diff(&p, &[]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        z.start_file(*name, SimpleFileOptions::default())
            .expect("start");
        z.write_all(bytes).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

#[test]
fn bad_drafts_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut good = docx(&rendered(PAIR, DocKind::Mou));
    let half = good.len() / 2;
    good.truncate(half);
    let bomb = {
        let zeros = vec![b' '; (sisterdoc::docx::read::MAX_DOCUMENT_BYTES + 1) as usize];
        zip_of(&[("word/document.xml", &zeros)])
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("words.docx", b"just some words".to_vec(), "not a DOCX"),
        ("cut.docx", good, "zip"),
        ("bomb.docx", bomb, "larger than"),
        (
            "broken.docx",
            zip_of(&[(
                "word/document.xml",
                b"<w:document xmlns:w=\"x\"><w:body><w:p>",
            )]),
            "malformed",
        ),
        ("empty.txt", b"\n\n".to_vec(), "no text"),
        ("latin1.txt", b"caf\xe9".to_vec(), "UTF-8"),
    ];
    for (name, bytes, expect) in cases {
        let p = write(dir.path(), name, &bytes);
        let o = diff(&p, &[]);
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {out}{err}");
        assert!(err.contains(name), "{name}: {err}");
        assert!(
            err.to_lowercase().contains(&expect.to_lowercase()),
            "{name}: {err}"
        );
        assert!(out.is_empty(), "{name}: {out}");
    }
    let o = diff(&dir.path().join("missing.docx"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("missing.docx"));
}

#[test]
fn bad_descriptors_exit_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = write(dir.path(), "mou.docx", &docx(&rendered(PAIR, DocKind::Mou)));
    let yaml = write(dir.path(), "broken.yaml", b"version: [1\n");
    let o = sisterdoc(&[
        "diff".as_ref(),
        p.as_os_str(),
        "--descriptor".as_ref(),
        yaml.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("broken.yaml"));
    let o = sisterdoc(&[
        "diff".as_ref(),
        p.as_os_str(),
        "--descriptor".as_ref(),
        dir.path().join("none.yaml").as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("none.yaml"));
}
