//! Shared helpers for integration tests.
#![allow(dead_code)]

pub mod diff_helpers;
pub mod pdf_fixture;

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `sisterdoc` binary in the repository root: (exit code, stdout, stderr).
pub fn sisterdoc(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `check --fix --dry-run` on the descriptor at `path` (which holds `src`),
/// asserting that the dry run writes nothing, then `check --fix`: the dry
/// run's output, and the fix's exit code and output.
pub fn dry_run_then_fix(path: &Path, src: &str) -> (String, i32, String) {
    let p = path.to_str().expect("utf8");
    let (_, dry, _) = sisterdoc(&["check", "--fix", "--dry-run", p]);
    assert_eq!(
        std::fs::read_to_string(path).expect("read"),
        src,
        "dry run writes nothing"
    );
    let (code, out, _) = sisterdoc(&["check", "--fix", p]);
    (dry, code, out)
}

/// Descriptor files in a fixtures folder, sorted.
pub fn yaml_files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    v.sort();
    v
}

/// Compares `actual` with the golden file, or rewrites it when
/// `UPDATE_GOLDEN=1` is set. Returns a message on mismatch.
pub fn golden(path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    })?;
    if expected != actual {
        return Err(format!(
            "{} differs from the output:\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ));
    }
    Ok(())
}

pub fn stem(p: &Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

/// Every document the valid fixtures render to (`<stem>-<kind>`, model),
/// through the real pipeline: check, then the document builder.
pub fn fixture_documents() -> Vec<(String, sisterdoc::document::Document)> {
    let mut out = Vec::new();
    for f in yaml_files("fixtures/valid") {
        let stem = stem(&f);
        let loaded = sisterdoc::check::check_bytes(&std::fs::read(&f).expect("read"), Some(&stem));
        let desc = loaded.descriptor.expect("valid fixture decodes");
        for kind in desc.documents.clone() {
            let doc = sisterdoc::render::document(&desc, kind, Default::default()).expect("builds");
            out.push((format!("{stem}-{}", kind.code()), doc));
        }
    }
    assert!(out.len() >= 12, "fixtures render to at least 12 documents");
    out
}

/// True when the suite runs in CI (`CI` set to anything but "", "0" or "false").
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// An external program the suite checks rendered files with (LibreOffice,
/// qpdf, poppler), found on PATH under any of `names`. Where it is missing,
/// a developer's run skips the test with a note, but in CI (`CI=true`) the
/// test fails: `scripts/test` installs every tool (`package` is the Debian
/// package), so a missing one there is a broken setup, not a pass.
pub fn tool(names: &[&str], package: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let msg = format!(
            "{} not on PATH (Debian package {package}; ./scripts/test installs it)",
            names.join(" / ")
        );
        assert!(!in_ci(), "CI: {msg}");
        eprintln!("skipped: {msg}");
    }
    found
}
