//! `sisterdoc rules` lists every rule ID the tool can emit. The IDs are
//! found in the code that emits them (every string literal shaped like a
//! rule ID in src/, and the first argument of every `Diagnostic::error`,
//! `warning` and `new`), not in a hand-kept list, so a rule added on any
//! branch (PROP-*, ...) is caught the same way.

use std::collections::BTreeSet;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src folder").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Literals shaped like rule IDs that are not rule IDs.
const NOT_IDS: [&str; 2] = ["UTF-8", "YYYY-MM-DD"];

fn emitted_ids() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let shaped = regex::Regex::new(r#""([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)""#).expect("pattern");
    let first_arg =
        regex::Regex::new(r#"Diagnostic::(?:error|warning|new)\(\s*"([A-Z][A-Z0-9-]*)""#)
            .expect("pattern");
    let mut ids = BTreeSet::new();
    for f in files {
        let src = std::fs::read_to_string(&f).expect("read source");
        for re in [&shaped, &first_arg] {
            for c in re.captures_iter(&src) {
                if !NOT_IDS.contains(&&c[1]) {
                    ids.insert(c[1].to_string());
                }
            }
        }
    }
    ids
}

fn listed_ids(lang: &str) -> BTreeSet<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
        .args(["rules", "--lang", lang])
        .output()
        .expect("runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn every_id_the_code_emits_is_in_sisterdoc_rules() {
    let emitted = emitted_ids();
    for id in [
        "MFA-8",
        "MFA-9",
        "DATA-DATE-BE",
        "SCHEMA-COMMA",
        "DATA-NORMALIZE",
        "MFA-TW",
    ] {
        assert!(emitted.contains(id), "the scan finds {id}");
    }
    for lang in ["en", "th"] {
        let listed = listed_ids(lang);
        let missing: Vec<_> = emitted.difference(&listed).collect();
        assert!(
            missing.is_empty(),
            "emitted but not in `sisterdoc rules --lang {lang}`: {missing:?}"
        );
    }
}
