//! What a build or `--check` did, and its reports for CI systems: JSON,
//! SARIF 2.1.0 (GitHub code scanning shows each diagnostic on its YAML
//! line) and JUnit XML (one test case per descriptor check and per document).
//!
//! Reports are values built from an [`Outcome`]; the CLI writes them.

use super::plan::{Checked, Removal, DUPLICATE_ID, IO};
use super::shard::Shard;
use crate::diagnostic::{Diagnostic, JsonRecord, Severity};
use crate::document::DocKind;
use crate::render::Format;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub use crate::rules::{BUILD_RENDER as RENDER, BUILD_STALE as STALE};

/// `build` or `build --check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Build,
    Check,
}

/// What happened to one output file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocStatus {
    /// Written (new or changed bytes).
    Written,
    /// Already on disk with these bytes; not rewritten.
    Unchanged,
    /// `--check`: on disk and current.
    Current,
    /// `--check`: on disk but out of date, and why.
    Stale(String),
    /// `--check`: not on disk.
    Missing,
    /// Not produced: the writer or the file system failed.
    Failed(String),
}

impl DocStatus {
    pub fn word(&self) -> &'static str {
        match self {
            DocStatus::Written => "written",
            DocStatus::Unchanged => "unchanged",
            DocStatus::Current => "current",
            DocStatus::Stale(_) => "stale",
            DocStatus::Missing => "missing",
            DocStatus::Failed(_) => "failed",
        }
    }

    /// A problem `--check` or the build must report.
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            DocStatus::Stale(_) | DocStatus::Missing | DocStatus::Failed(_)
        )
    }

    fn detail(&self) -> Option<&str> {
        match self {
            DocStatus::Stale(s) | DocStatus::Failed(s) => Some(s),
            _ => None,
        }
    }
}

/// One output file of one descriptor.
#[derive(Clone, Debug)]
pub struct DocOutcome {
    /// Index into `Outcome::checked`.
    pub source: usize,
    pub kind: DocKind,
    pub format: Format,
    /// File name in the output folder.
    pub file: String,
    pub status: DocStatus,
    /// SHA-256 of the (expected) bytes, when rendered.
    pub sha256: Option<String>,
}

/// The manifest's fate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestStatus {
    Written,
    Unchanged,
    /// `--check`: up to date.
    Current,
    /// `--check`: differs for these descriptor paths (or is missing/unreadable).
    Stale(Vec<String>),
    Missing,
}

/// Everything one run did.
#[derive(Debug)]
pub struct Outcome<'a> {
    pub mode: Mode,
    /// Every descriptor found (those with `in_shard == false` belong to other shards).
    pub checked: &'a [Checked],
    /// Outputs, in descriptor order then file name.
    pub documents: Vec<DocOutcome>,
    pub removed: Vec<Removal>,
    /// `--check`: output-like files no descriptor makes.
    pub extra: Vec<String>,
    pub manifest: ManifestStatus,
    /// The output folder as shown to the user.
    pub out_dir: String,
    pub shard: Option<Shard>,
    pub seconds: f64,
    /// Stopped by a signal before finishing.
    pub interrupted: bool,
}

/// Counts for the summary line and the reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Descriptors of this shard.
    pub descriptors: usize,
    /// Of those, with errors (not rendered).
    pub with_errors: usize,
    pub unreadable: usize,
    pub errors: usize,
    pub warnings: usize,
    pub documents: usize,
    pub written: usize,
    pub unchanged: usize,
    pub current: usize,
    pub stale: usize,
    pub missing: usize,
    pub failed: usize,
    pub removed: usize,
    pub extra: usize,
}

impl Outcome<'_> {
    fn in_shard(&self) -> impl Iterator<Item = (usize, &Checked)> {
        self.checked.iter().enumerate().filter(|(_, c)| c.in_shard)
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for (_, c) in self.in_shard() {
            s.descriptors += 1;
            if c.has_errors() {
                s.with_errors += 1;
            }
            if c.unreadable {
                s.unreadable += 1;
            }
            s.errors += c.count(Severity::Error);
            s.warnings += c.count(Severity::Warning);
        }
        for d in &self.documents {
            s.documents += 1;
            match d.status {
                DocStatus::Written => s.written += 1,
                DocStatus::Unchanged => s.unchanged += 1,
                DocStatus::Current => s.current += 1,
                DocStatus::Stale(_) => s.stale += 1,
                DocStatus::Missing => s.missing += 1,
                DocStatus::Failed(_) => s.failed += 1,
            }
        }
        s.removed = self.removed.len();
        s.extra = self.extra.len();
        s
    }

    /// Has `--check` found anything out of date?
    pub fn out_of_date(&self) -> bool {
        self.documents.iter().any(|d| d.status.is_problem())
            || !self.extra.is_empty()
            || matches!(
                self.manifest,
                ManifestStatus::Stale(_) | ManifestStatus::Missing
            )
    }

    fn docs_of(&self, i: usize) -> impl Iterator<Item = &DocOutcome> {
        self.documents.iter().filter(move |d| d.source == i)
    }

    fn out_path(&self, file: &str) -> String {
        let dir = self.out_dir.trim_end_matches(['/', '\\']);
        if dir.is_empty() || dir == "." {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        }
    }

    /// The JSON report.
    pub fn json(&self) -> Value {
        let s = self.summary();
        let descriptors: Vec<Value> = self
            .in_shard()
            .map(|(i, c)| {
                let status = if c.unreadable {
                    "unreadable"
                } else if c.has_errors() {
                    "failed"
                } else if self.docs_of(i).any(|d| d.status.is_problem()) {
                    "problem"
                } else {
                    "ok"
                };
                json!({
                    "file": c.display,
                    "path": c.path,
                    "id": c.id(),
                    "status": status,
                    "input_sha256": c.input_sha256,
                    "diagnostics": c.diagnostics.iter().map(|d| JsonRecord::new(&c.display, d)).collect::<Vec<_>>(),
                    "outputs": self.docs_of(i).map(|d| json!({
                        "file": self.out_path(&d.file),
                        "kind": d.kind.code(),
                        "format": d.format.extension(),
                        "status": d.status.word(),
                        "detail": d.status.detail(),
                        "sha256": d.sha256,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "tool": "sisterdoc",
            "version": env!("CARGO_PKG_VERSION"),
            "mode": match self.mode { Mode::Build => "build", Mode::Check => "check" },
            "shard": self.shard.map(|s| s.to_string()),
            "out_dir": self.out_dir,
            "interrupted": self.interrupted,
            "summary": {
                "descriptors": s.descriptors,
                "with_errors": s.with_errors,
                "errors": s.errors,
                "warnings": s.warnings,
                "documents": s.documents,
                "written": s.written,
                "unchanged": s.unchanged,
                "current": s.current,
                "stale": s.stale,
                "missing": s.missing,
                "failed": s.failed,
                "removed": s.removed,
                "extra": s.extra,
                "seconds": (self.seconds * 1000.0).round() / 1000.0,
            },
            "manifest": match &self.manifest {
                ManifestStatus::Written => json!("written"),
                ManifestStatus::Unchanged => json!("unchanged"),
                ManifestStatus::Current => json!("current"),
                ManifestStatus::Missing => json!("missing"),
                ManifestStatus::Stale(p) => json!({"stale": p}),
            },
            "descriptors": descriptors,
            "removed": self.removed.iter().map(|r| json!({
                "file": self.out_path(&r.file),
                "descriptor": r.source,
                "reason": r.reason.describe(),
            })).collect::<Vec<_>>(),
            "extra": self.extra.iter().map(|f| self.out_path(f)).collect::<Vec<_>>(),
        })
    }

    /// The SARIF 2.1.0 log: one result per diagnostic (at its line and
    /// column in the YAML file), plus one per output problem of `--check` or
    /// the writer (at line 1 of the descriptor that makes the output).
    pub fn sarif(&self) -> Value {
        let catalogue: BTreeMap<&str, crate::rules::RuleInfo> = crate::rules::catalogue()
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let mut rule_ids: Vec<&'static str> = Vec::new();
        let mut results = Vec::new();
        for (i, c) in self.in_shard() {
            let uri = sarif_uri(&c.display);
            for d in &c.diagnostics {
                let idx = rule_index(&mut rule_ids, d.rule);
                results.push(sarif_result(idx, &sarif_text(d), &uri, d));
            }
            for doc in self.docs_of(i).filter(|d| d.status.is_problem()) {
                let (rule, text) = match &doc.status {
                    DocStatus::Failed(e) => (
                        RENDER,
                        format!("{} was not produced: {e}", self.out_path(&doc.file)),
                    ),
                    DocStatus::Missing => (
                        STALE,
                        format!(
                            "{} is missing: run `sisterdoc build` and commit the outputs",
                            self.out_path(&doc.file)
                        ),
                    ),
                    DocStatus::Stale(why) => (
                        STALE,
                        format!(
                            "{} is out of date ({why}): run `sisterdoc build` and commit the outputs",
                            self.out_path(&doc.file)
                        ),
                    ),
                    _ => continue,
                };
                let idx = rule_index(&mut rule_ids, rule);
                let d = Diagnostic::error(
                    rule,
                    None,
                    crate::diagnostic::Msg::new(text.clone(), text.clone()),
                );
                results.push(sarif_result(idx, &text, &uri, &d));
            }
        }
        let rules: Vec<Value> = rule_ids
            .iter()
            .map(|id| {
                let (title, full, level) = match catalogue.get(id) {
                    Some(r) => (
                        r.title_en.to_string(),
                        r.explanation_en.to_string(),
                        level(r.severity),
                    ),
                    None => build_rule(id),
                };
                json!({
                    "id": id,
                    "shortDescription": {"text": title},
                    "fullDescription": {"text": full},
                    "defaultConfiguration": {"level": level},
                })
            })
            .collect();
        json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "sisterdoc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The repository root (the folder sisterdoc ran in)"}}},
                "results": results,
            }],
        })
    }

    /// The JUnit XML report: a test suite per descriptor, with a `check`
    /// case (failing on rule errors) and a case per document (failing when
    /// it could not be rendered, or, with `--check`, is out of date).
    pub fn junit(&self) -> String {
        let mut suites = String::new();
        let (mut tests, mut failures) = (0usize, 0usize);
        for (i, c) in self.in_shard() {
            let mut cases = String::new();
            let (mut t, mut f, mut sk) = (1usize, 0usize, 0usize);
            // The check case.
            let errs: Vec<&Diagnostic> = c
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let others: Vec<&Diagnostic> = c
                .diagnostics
                .iter()
                .filter(|d| d.severity != Severity::Error)
                .collect();
            let _ = writeln!(
                cases,
                "    <testcase name=\"check\" classname=\"{}\">",
                xml(&c.display)
            );
            if !errs.is_empty() {
                f += 1;
                let _ = writeln!(
                    cases,
                    "      <failure message=\"{}\" type=\"rule\">{}</failure>",
                    xml(&format!(
                        "{} error{}",
                        errs.len(),
                        if errs.len() == 1 { "" } else { "s" }
                    )),
                    xml(&diag_lines(&c.display, &errs))
                );
            }
            if !others.is_empty() {
                let _ = writeln!(
                    cases,
                    "      <system-out>{}</system-out>",
                    xml(&diag_lines(&c.display, &others))
                );
            }
            cases.push_str("    </testcase>\n");
            // One case per document.
            for kind in c.documents() {
                t += 1;
                let docs: Vec<&DocOutcome> = self.docs_of(i).filter(|d| d.kind == kind).collect();
                let _ = writeln!(
                    cases,
                    "    <testcase name=\"{}\" classname=\"{}\">",
                    kind.code(),
                    xml(&c.display)
                );
                if c.has_errors() {
                    sk += 1;
                    let _ = writeln!(
                        cases,
                        "      <skipped message=\"not rendered: the descriptor has errors\"/>"
                    );
                } else {
                    let problems: Vec<String> = docs
                        .iter()
                        .filter(|d| d.status.is_problem())
                        .map(|d| {
                            format!(
                                "{}: {}{}",
                                self.out_path(&d.file),
                                d.status.word(),
                                d.status
                                    .detail()
                                    .map(|s| format!(" ({s})"))
                                    .unwrap_or_default()
                            )
                        })
                        .collect();
                    if !problems.is_empty() {
                        f += 1;
                        let _ = writeln!(
                            cases,
                            "      <failure message=\"{}\" type=\"output\">{}</failure>",
                            xml(&problems[0]),
                            xml(&problems.join("\n"))
                        );
                    }
                    let lines: Vec<String> = docs
                        .iter()
                        .map(|d| format!("{}: {}", self.out_path(&d.file), d.status.word()))
                        .collect();
                    if !lines.is_empty() {
                        let _ = writeln!(
                            cases,
                            "      <system-out>{}</system-out>",
                            xml(&lines.join("\n"))
                        );
                    }
                }
                cases.push_str("    </testcase>\n");
            }
            tests += t;
            failures += f;
            let _ = write!(
                suites,
                "  <testsuite name=\"{}\" tests=\"{t}\" failures=\"{f}\" errors=\"0\" skipped=\"{sk}\">\n{cases}  </testsuite>\n",
                xml(&c.display)
            );
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sisterdoc {}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" time=\"{:.3}\">\n{suites}</testsuites>\n",
            match self.mode { Mode::Build => "build", Mode::Check => "build --check" },
            self.seconds
        )
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Title, description and level of the rule IDs the build adds.
fn build_rule(id: &str) -> (String, String, &'static str) {
    let (t, f) = match id {
        DUPLICATE_ID => ("Duplicate id", "Two descriptors have the same id, so their output files would have the same names."),
        IO => ("File not readable", "The descriptor file could not be read."),
        STALE => ("Output out of date", "A committed output differs from what the descriptor, templates and tool make now, is missing, or no descriptor makes it."),
        RENDER => ("Output not produced", "The writer failed for a valid descriptor (a bug: please report it)."),
        _ => ("sisterdoc", "A problem found by sisterdoc."),
    };
    (t.to_string(), f.to_string(), "error")
}

fn sarif_text(d: &Diagnostic) -> String {
    match &d.hint {
        Some(h) => format!("{}\nHint: {}\n({})", d.message.en, h.en, d.message.th),
        None => format!("{}\n({})", d.message.en, d.message.th),
    }
}

fn rule_index(ids: &mut Vec<&'static str>, id: &'static str) -> usize {
    match ids.iter().position(|r| *r == id) {
        Some(i) => i,
        None => {
            ids.push(id);
            ids.len() - 1
        }
    }
}

fn sarif_result(idx: usize, text: &str, uri: &str, d: &Diagnostic) -> Value {
    let region = match d.pos {
        Some(p) => {
            let mut r = json!({"startLine": p.line.max(1), "startColumn": p.column.max(1)});
            if p.len > 0 {
                r["endColumn"] = json!(p.column.max(1) + p.len);
            }
            r
        }
        None => json!({"startLine": 1}),
    };
    let artifact = if uri.starts_with("file:") {
        json!({"uri": uri})
    } else {
        json!({"uri": uri, "uriBaseId": "%SRCROOT%"})
    };
    json!({
        "ruleId": d.rule,
        "ruleIndex": idx,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact,
            "region": region,
        }}],
    })
}

/// A path as a URI: a relative reference ('/' separators, no leading "./")
/// for a relative path, a `file:` URI for an absolute one; anything but
/// unreserved characters percent-encoded.
pub fn sarif_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut p = p.as_str();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    let mut out = String::new();
    if p.starts_with('/') {
        out.push_str("file://");
    }
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn diag_lines(file: &str, ds: &[&Diagnostic]) -> String {
    ds.iter()
        .map(|d| {
            let at = d
                .pos
                .map(|p| format!(":{}:{}", p.line, p.column))
                .unwrap_or_default();
            let hint = d
                .hint
                .as_ref()
                .map(|h| format!(" (hint: {})", h.en))
                .unwrap_or_default();
            format!(
                "{file}{at}: {}[{}]: {}{hint}",
                level(d.severity),
                d.rule,
                d.message.en
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes text for XML, dropping characters XML 1.0 cannot hold.
fn xml(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(
            sarif_uri("./descriptors/a b.yaml"),
            "descriptors/a%20b.yaml"
        );
        assert_eq!(sarif_uri("d\\เชียงใหม่.yaml"), "d/%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87%E0%B9%83%E0%B8%AB%E0%B8%A1%E0%B9%88.yaml");
    }

    #[test]
    fn xml_drops_control_characters() {
        assert_eq!(xml("a<b\u{1}&"), "a&lt;b&amp;");
    }
}
