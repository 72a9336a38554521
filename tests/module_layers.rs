//! The layers of ARCHITECTURE.md, enforced: every `crate::<module>` (and, in
//! the binary, `sisterdoc::<module>`) reference in src/ must point to a
//! module of a LOWER layer. A reference to the same layer or a higher one
//! (which is how import cycles start) fails this test with file and line.
//!
//! The layer order is written once, in ARCHITECTURE.md's "Layers" block
//! (read here), so the drawing and the check cannot disagree. A top-level
//! module missing from the drawing, or drawn but absent, fails too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Module name -> layer number, from the fenced block after the
/// `<!-- module layers` marker in ARCHITECTURE.md.
fn layers() -> BTreeMap<String, u32> {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let start = doc
        .find("<!-- module layers")
        .expect("ARCHITECTURE.md has the <!-- module layers --> block");
    let block = doc[start..]
        .split("```")
        .nth(1)
        .expect("a fenced block after the marker");
    let mut out = BTreeMap::new();
    for line in block.lines().skip(1) {
        let line = line.trim();
        let Some((num, rest)) = line.split_once(char::is_whitespace) else {
            continue;
        };
        let Ok(layer) = num.parse::<u32>() else {
            continue;
        };
        let modules = rest.trim_start().split("  ").next().unwrap_or_default();
        for m in modules.split(',').map(str::trim).filter(|m| !m.is_empty()) {
            assert!(
                out.insert(m.to_string(), layer).is_none(),
                "{m} is drawn twice"
            );
        }
    }
    assert!(out.len() > 10, "layers block parsed: {out:?}");
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of src/ belongs to (`main.rs` and
/// `src/cli/` are the binary's `cli`).
fn top_module(rel: &Path) -> String {
    let first = rel.components().next().expect("component");
    let name = first.as_os_str().to_string_lossy();
    match name.trim_end_matches(".rs") {
        "main" => "cli".to_string(),
        other => other.to_string(),
    }
}

/// `(module, line)` for every `crate::m`, `sisterdoc::m` and
/// `use crate::{m, n::..}` in code (comments left out).
fn references(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for prefix in ["crate::", "sisterdoc::"] {
            let mut rest = code;
            while let Some(at) = rest.find(prefix) {
                let before = rest[..at].chars().last();
                rest = &rest[at + prefix.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                if let Some(group) = rest.strip_prefix('{') {
                    let inner = group.split('}').next().unwrap_or_default();
                    for item in inner.split(',') {
                        let name: String = item
                            .trim()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() {
                            out.push((name, i + 1));
                        }
                    }
                } else {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.push((name, i + 1));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_reference_points_down_a_layer() {
    let layers = layers();
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut present = std::collections::BTreeSet::new();
    let mut wrong = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src");
        if rel == Path::new("lib.rs") {
            continue;
        }
        let from = top_module(rel);
        present.insert(from.clone());
        let Some(&from_layer) = layers.get(&from) else {
            wrong.push(format!(
                "src/{}: module `{from}` is not drawn in ARCHITECTURE.md's layers",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(f).expect("read");
        for (to, line) in references(&text) {
            if to == from {
                continue;
            }
            // `crate::` names that are not modules (macros, `crate::Foo` items) do not occur here;
            // an unknown name is reported so that a new module gets drawn.
            match layers.get(&to) {
                Some(&to_layer) if to_layer < from_layer => {}
                Some(&to_layer) => wrong.push(format!(
                    "src/{}:{line}: `{from}` (layer {from_layer}) uses `{to}` (layer {to_layer}): \
                     arrows must point to a lower layer",
                    rel.display()
                )),
                None => wrong.push(format!(
                    "src/{}:{line}: `{to}` is not drawn in ARCHITECTURE.md's layers",
                    rel.display()
                )),
            }
        }
    }
    for m in layers.keys() {
        if !present.contains(m) {
            wrong.push(format!(
                "`{m}` is drawn in ARCHITECTURE.md but src/ has no such module"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_a_backward_arrow() {
    // The parser finds plain paths, `use` groups and the binary's paths, and
    // ignores comments: a reference it missed would pass silently.
    let refs = references(
        "use crate::{descriptor::model, thai};\nlet x = crate::pdf::write(); // crate::batch\nsisterdoc::render::render()\nmy_crate::x",
    );
    let names: Vec<(&str, usize)> = refs.iter().map(|(m, l)| (m.as_str(), *l)).collect();
    assert_eq!(
        names,
        [("descriptor", 1), ("thai", 1), ("pdf", 2), ("render", 3)]
    );
}
