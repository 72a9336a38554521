//! Checking a whole tree of descriptors and deciding what a build must do.
//!
//! Pure logic: the CLI reads the files and the old manifest, hashes the
//! outputs on disk, and hands them here; this module says which descriptors
//! are up to date, which to render, which failed, and which outputs to
//! remove, without touching the file system.
//!
//! A descriptor with errors is not rendered, and its old outputs are removed
//! (and listed), like those of a deleted descriptor: the output folder then
//! holds exactly the drafts of the descriptors that pass, and no manifest
//! entry ever describes outputs that its current descriptor would not make.

use super::fingerprint::Inputs;
use super::manifest::{Entry, Manifest};
use super::shard::{self, Shard};
use crate::descriptor::{Descriptor, Loaded};
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::document::DocKind;
use crate::position::Pos;
use crate::render::{self, Format};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

pub use crate::rules::{BUILD_DUPLICATE_ID as DUPLICATE_ID, IO};

/// One descriptor file as the CLI read it.
#[derive(Clone, Debug)]
pub struct Source {
    /// Path below the source folder, '/'-separated: the manifest key.
    pub path: String,
    /// The path as shown to the user (source folder included).
    pub display: String,
    pub content: Content,
}

#[derive(Clone, Debug)]
pub enum Content {
    Bytes(Vec<u8>),
    /// Over `descriptor::MAX_BYTES`; not read.
    TooLarge(u64),
    /// Could not be read: the I/O error.
    Unreadable(String),
}

/// One descriptor after checking.
#[derive(Debug)]
pub struct Checked {
    pub path: String,
    pub display: String,
    /// The text, for diagnostic snippets.
    pub source: String,
    pub descriptor: Option<Descriptor>,
    /// Every diagnostic, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// SHA-256 of the file's bytes (`None` when it was not read).
    pub input_sha256: Option<String>,
    /// The file could not be read (an I/O problem, exit status 2).
    pub unreadable: bool,
    /// Belongs to this shard (always true without `--shard`).
    pub in_shard: bool,
}

impl Checked {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    pub fn id(&self) -> Option<&str> {
        self.descriptor.as_ref().and_then(|d| d.id.as_deref())
    }

    /// The descriptor, when it can be rendered: read, decoded, no errors.
    pub fn valid(&self) -> Option<&Descriptor> {
        if self.has_errors() || self.input_sha256.is_none() || self.id().is_none() {
            return None;
        }
        self.descriptor.as_ref()
    }

    /// The documents the descriptor asks for (empty when it did not decode).
    pub fn documents(&self) -> Vec<DocKind> {
        self.descriptor
            .as_ref()
            .map(|d| d.documents.clone())
            .unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct CheckOptions {
    /// Treat warnings as errors (`--deny warnings`).
    pub deny_warnings: bool,
    pub shard: Option<Shard>,
}

/// Checks every source (in parallel, on the current rayon pool), then adds a
/// `BUILD-DUPLICATE-ID` error to each descriptor whose id another one uses.
/// Every descriptor is checked, even outside the shard, so duplicates are
/// found across shards; `in_shard` says which ones this shard reports and renders.
/// The result is in the order of `sources`.
pub fn check_all(sources: Vec<Source>, opts: CheckOptions) -> Vec<Checked> {
    let mut checked: Vec<Checked> = sources
        .into_par_iter()
        .map(|s| check_one(s, opts))
        .collect();
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in checked.iter().enumerate() {
        if let Some(id) = c.id() {
            by_id.entry(id.to_string()).or_default().push(i);
        }
    }
    for (id, users) in by_id.iter().filter(|(_, u)| u.len() > 1) {
        for &i in users {
            let others: Vec<String> = users
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| format!("`{}`", checked[j].display))
                .collect();
            let others = others.join(", ");
            let pos = id_position(&checked[i].source);
            let d = Diagnostic::error(
                DUPLICATE_ID,
                pos,
                Msg::new(
                    format!("ช่อง “ชื่อไฟล์ผลลัพธ์” (id) “{id}” ซ้ำกับไฟล์ {others} เอกสารที่สร้างจะมีชื่อซ้ำกันและทับกัน"),
                    format!("id `{id}` is also used by {others}: the output files would have the same names"),
                ),
            )
            .with_hint(Msg::new(
                "ตั้ง “id:” ของแต่ละไฟล์ไม่ให้ซ้ำกัน",
                "give each descriptor its own `id:`",
            ));
            let c = &mut checked[i];
            c.diagnostics.push(d);
            crate::diagnostic::sort(&mut c.diagnostics);
        }
    }
    checked
}

fn check_one(s: Source, opts: CheckOptions) -> Checked {
    let in_shard = shard::owns(opts.shard, &s.path);
    let (mut loaded, input, unreadable) = match &s.content {
        Content::Bytes(b) => {
            let stem = stem(&s.path);
            (
                crate::check::check_bytes(b, stem.as_deref()),
                Some(super::hash::sha256_hex(b)),
                false,
            )
        }
        Content::TooLarge(n) => (crate::descriptor::too_large(*n), None, false),
        Content::Unreadable(e) => (
            Loaded {
                source: String::new(),
                descriptor: None,
                paths: Default::default(),
                diagnostics: vec![Diagnostic::error(
                    IO,
                    None,
                    Msg::new(format!("อ่านไฟล์ไม่ได้: {e}"), format!("cannot read: {e}")),
                )],
            },
            None,
            true,
        ),
    };
    if opts.deny_warnings {
        for d in &mut loaded.diagnostics {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    Checked {
        path: s.path,
        display: s.display,
        source: loaded.source,
        descriptor: loaded.descriptor,
        diagnostics: loaded.diagnostics,
        input_sha256: input,
        unreadable,
        in_shard,
    }
}

/// The file stem of a '/'-separated relative path (the default id).
fn stem(path: &str) -> Option<String> {
    let name = path.rsplit('/').next()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    (!stem.is_empty()).then(|| stem.to_string())
}

/// Where a top-level `id:` value is written, for the duplicate-id error.
fn id_position(source: &str) -> Option<Pos> {
    for (i, line) in source.lines().enumerate() {
        let Some(rest) = line.strip_prefix("id:") else {
            continue;
        };
        let value = rest.split(" #").next().unwrap_or("").trim();
        let col = line.chars().count() - rest.trim_start().chars().count() + 1;
        return Some(Pos {
            line: i as u32 + 1,
            column: col as u32,
            len: value.chars().count() as u32,
        });
    }
    None
}

/// One output a descriptor makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub file: String,
    pub kind: DocKind,
    pub format: Format,
}

/// The outputs a valid descriptor makes in `formats`, without rendering.
pub fn expected_outputs(desc: &Descriptor, formats: &[Format]) -> Vec<Expected> {
    let Some(id) = desc.id.as_deref() else {
        return Vec::new();
    };
    let kinds = render::kinds(desc, None).unwrap_or_default();
    let mut out = Vec::new();
    for kind in kinds {
        for &format in formats {
            out.push(Expected {
                file: render::file_name(id, kind, format),
                kind,
                format,
            });
        }
    }
    out
}

/// Every output file the valid descriptors of the whole tree make (all
/// shards): anything else in the output folder with an output extension is
/// extra.
pub fn expected_files(checked: &[Checked], formats: &[Format]) -> BTreeSet<String> {
    checked
        .iter()
        .filter_map(Checked::valid)
        .flat_map(|d| expected_outputs(d, formats))
        .map(|e| e.file)
        .collect()
}

/// Files in a listing of the output folder that look like outputs (an
/// extension of a known format, not hidden) but that no descriptor makes.
pub fn extra_files(listing: &[String], expected: &BTreeSet<String>) -> Vec<String> {
    let mut out: Vec<String> = listing
        .iter()
        .filter(|n| !n.starts_with('.'))
        .filter(|n| {
            n.rsplit_once('.')
                .is_some_and(|(_, ext)| Format::ALL.iter().any(|f| f.extension() == ext))
        })
        .filter(|n| !expected.contains(*n))
        .cloned()
        .collect();
    out.sort();
    out
}

/// Why an output is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoveReason {
    /// Its descriptor was deleted (or moved).
    Deleted,
    /// Its descriptor now has errors.
    Failed,
    /// Its descriptor no longer makes it (another id, documents or format).
    NotProduced,
}

impl RemoveReason {
    pub fn describe(self) -> &'static str {
        match self {
            RemoveReason::Deleted => "descriptor deleted",
            RemoveReason::Failed => "descriptor has errors",
            RemoveReason::NotProduced => "no longer produced",
        }
    }
}

/// An output to remove.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub file: String,
    /// The descriptor path whose manifest entry listed it.
    pub source: String,
    pub reason: RemoveReason,
}

/// What a build has to do.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Descriptors (indices into the checked list) whose outputs are up to
    /// date, with their unchanged manifest entries.
    pub up_to_date: Vec<(usize, Entry)>,
    /// Descriptors to render.
    pub render: Vec<usize>,
    /// Descriptors of this shard that cannot be rendered.
    pub failed: Vec<usize>,
    /// Outputs to remove (only files that exist).
    pub remove: Vec<Removal>,
    /// The manifest to write before any output changes: the old entries that
    /// stay true. Rendered entries are added to it as they finish.
    pub checkpoint: Manifest,
}

impl Plan {
    /// Nothing on disk needs to change.
    pub fn nothing_to_do(&self) -> bool {
        self.render.is_empty() && self.remove.is_empty()
    }
}

/// The files whose hashes `plan` needs: every output the old manifest lists
/// for this shard's descriptors.
pub fn files_to_verify(old: &Manifest, shard: Option<Shard>) -> Vec<String> {
    old.descriptors
        .iter()
        .filter(|(p, _)| shard::owns(shard, p))
        .flat_map(|(_, e)| e.outputs.keys().cloned())
        .collect()
}

/// Decides what to do. `disk` holds the SHA-256 of each file from
/// `files_to_verify` that exists. An old entry is kept (its descriptor is
/// not rendered) only when the descriptor's bytes, the inputs and the
/// expected output names all match and every output on disk still has the
/// hash the entry records.
pub fn plan(
    checked: &[Checked],
    old: Option<&Manifest>,
    inputs: &Inputs,
    shard: Option<Shard>,
    disk: &BTreeMap<String, String>,
) -> Plan {
    let empty = Manifest::new(None);
    let old = old.unwrap_or(&empty);
    let own_old: BTreeMap<&str, &Entry> = old
        .descriptors
        .iter()
        .filter(|(p, _)| shard::owns(shard, p))
        .map(|(p, e)| (p.as_str(), e))
        .collect();
    let mut p = Plan {
        checkpoint: Manifest::new(shard.map(|s| s.to_string())),
        ..Plan::default()
    };
    let mut claims: BTreeSet<String> = BTreeSet::new();
    let present: BTreeSet<&str> = checked.iter().map(|c| c.path.as_str()).collect();
    for (i, c) in checked.iter().enumerate().filter(|(_, c)| c.in_shard) {
        let Some(desc) = c.valid() else {
            p.failed.push(i);
            continue;
        };
        let expected: BTreeSet<String> = expected_outputs(desc, &inputs.formats)
            .into_iter()
            .map(|e| e.file)
            .collect();
        let current = own_old.get(c.path.as_str()).filter(|e| {
            Some(&e.input) == c.input_sha256.as_ref()
                && e.made_with(inputs)
                && Some(e.id.as_str()) == c.id()
                && e.outputs.keys().eq(expected.iter())
                && e.outputs.iter().all(|(n, h)| disk.get(n) == Some(h))
        });
        match current {
            Some(e) => {
                p.checkpoint
                    .descriptors
                    .insert(c.path.clone(), (*e).clone());
                p.up_to_date.push((i, (*e).clone()));
            }
            None => p.render.push(i),
        }
        claims.extend(expected);
    }
    let failed: BTreeSet<&str> = p.failed.iter().map(|&i| checked[i].path.as_str()).collect();
    for (path, e) in &own_old {
        for name in e.outputs.keys() {
            if claims.contains(name) || !disk.contains_key(name) {
                continue;
            }
            let reason = if !present.contains(path) {
                RemoveReason::Deleted
            } else if failed.contains(path) {
                RemoveReason::Failed
            } else {
                RemoveReason::NotProduced
            };
            p.remove.push(Removal {
                file: name.clone(),
                source: path.to_string(),
                reason,
            });
        }
    }
    p
}

/// Why a committed output is stale although its bytes may match, judged from
/// the committed manifest: the entry that lists it records other templates,
/// fonts, tool version or formats.
pub fn provenance(
    old: Option<&Manifest>,
    path: &str,
    file: &str,
    inputs: &Inputs,
) -> Option<String> {
    let e = old?.descriptors.get(path)?;
    if !e.outputs.contains_key(file) {
        return None;
    }
    let diff = e.differences(inputs);
    (!diff.is_empty()).then(|| format!("made with other {}", diff.join(", ")))
}

/// The entries of `committed` that differ from `expected` for this shard's
/// descriptors (all descriptors without a shard), as descriptor paths.
pub fn manifest_differences(
    committed: &Manifest,
    expected: &Manifest,
    shard: Option<Shard>,
) -> Vec<String> {
    let paths: BTreeSet<&String> = committed
        .descriptors
        .keys()
        .chain(expected.descriptors.keys())
        .filter(|p| shard::owns(shard, p))
        .collect();
    paths
        .into_iter()
        .filter(|p| committed.descriptors.get(*p) != expected.descriptors.get(*p))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(path: &str, text: &str) -> Source {
        Source {
            path: path.into(),
            display: format!("d/{path}"),
            content: Content::Bytes(text.as_bytes().to_vec()),
        }
    }

    fn valid(id: &str) -> String {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/valid/chiangmai-kunming.yaml"
        ))
        .expect("fixture");
        text.replace("id: chiangmai-kunming", &format!("id: {id}"))
    }

    #[test]
    fn duplicate_ids_name_both_files() {
        let c = check_all(
            vec![
                src("a.yaml", &valid("x")),
                src("b/c.yaml", &valid("x")),
                src("y.yaml", &valid("pair-y")),
            ],
            CheckOptions::default(),
        );
        let dup: Vec<&Diagnostic> = c[0]
            .diagnostics
            .iter()
            .filter(|d| d.rule == DUPLICATE_ID)
            .collect();
        assert_eq!(dup.len(), 1);
        assert!(
            dup[0].message.en.contains("d/b/c.yaml"),
            "{}",
            dup[0].message.en
        );
        assert_eq!(
            dup[0].pos.map(|p| p.line),
            id_position(&c[0].source).map(|p| p.line)
        );
        assert!(c[1]
            .diagnostics
            .iter()
            .any(|d| d.rule == DUPLICATE_ID && d.message.en.contains("d/a.yaml")));
        assert!(c[2].valid().is_some(), "{:?}", c[2].diagnostics);
        assert!(c[0].valid().is_none());
    }

    #[test]
    fn second_plan_with_matching_disk_does_nothing() {
        let inputs = Inputs::current(Format::ALL);
        let c = check_all(vec![src("a.yaml", &valid("x"))], CheckOptions::default());
        let p = plan(&c, None, &inputs, None, &BTreeMap::new());
        assert_eq!(p.render, vec![0]);
        // Pretend it was rendered.
        let files = expected_outputs(c[0].valid().expect("valid"), &inputs.formats);
        let outputs: BTreeMap<String, String> = files
            .iter()
            .map(|e| (e.file.clone(), "0".repeat(64)))
            .collect();
        let mut m = Manifest::new(None);
        m.descriptors.insert(
            "a.yaml".into(),
            Entry::new(
                "x",
                c[0].input_sha256.as_deref().unwrap_or(""),
                &inputs,
                outputs.clone(),
            ),
        );
        let p = plan(&c, Some(&m), &inputs, None, &outputs);
        assert!(p.nothing_to_do(), "{p:?}");
        assert_eq!(p.checkpoint, m);
        // A hand-edited output, a template change: render again.
        let mut edited = outputs.clone();
        if let Some(h) = edited.values_mut().next() {
            *h = "1".repeat(64);
        }
        assert_eq!(plan(&c, Some(&m), &inputs, None, &edited).render, vec![0]);
        let salted = inputs.clone().with_salt("t");
        assert_eq!(plan(&c, Some(&m), &salted, None, &outputs).render, vec![0]);
        // Deleted descriptor: its outputs go.
        let p = plan(&[], Some(&m), &inputs, None, &outputs);
        assert_eq!(p.remove.len(), outputs.len());
        assert!(p.remove.iter().all(|r| r.reason == RemoveReason::Deleted));
        assert!(p.checkpoint.descriptors.is_empty());
    }

    #[test]
    fn extra_files_are_outputs_nobody_makes() {
        let expected: BTreeSet<String> = ["a-loi.docx".to_string()].into();
        let listing: Vec<String> = [
            "a-loi.docx",
            "b-loi.docx",
            "manifest.json",
            ".x.tmp",
            "notes.txt",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            extra_files(&listing, &expected),
            vec!["b-loi.docx".to_string()]
        );
    }

    #[test]
    fn stems_of_relative_paths() {
        assert_eq!(stem("a/b/c.yaml").as_deref(), Some("c"));
        assert_eq!(stem("c.yml").as_deref(), Some("c"));
        assert_eq!(stem("a.b.yaml").as_deref(), Some("a.b"));
    }
}
