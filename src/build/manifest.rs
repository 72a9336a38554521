//! `OUT_DIR/manifest.json`: for each descriptor (by its path below the
//! source folder) the SHA-256 of its bytes, of the templates and fonts, the
//! tool version and formats that rendered it, and the SHA-256 of each output.
//!
//! The manifest never claims more than is true on disk: the build writes it
//! last, and before it replaces or removes any output it first writes a
//! manifest without that output's entry. Serialisation is deterministic
//! (sorted maps, no timestamps), so an unchanged build writes the same bytes.

use super::fingerprint::Inputs;
use super::hash::is_sha256_hex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The manifest's file name inside the output folder.
pub const FILE_NAME: &str = "manifest.json";

/// This format of the manifest.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The manifest format (1).
    pub manifest_version: u32,
    /// "K/N" when this manifest covers one shard only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// Entries by descriptor path relative to the source folder, '/'-separated.
    pub descriptors: BTreeMap<String, Entry>,
}

/// What made one descriptor's outputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The descriptor's id (output names start with it).
    pub id: String,
    /// SHA-256 of the descriptor file's bytes.
    pub input: String,
    /// SHA-256 of the templates (see `fingerprint`).
    pub templates: String,
    /// SHA-256 of the embedded fonts.
    pub fonts: String,
    /// Tool version.
    pub tool: String,
    /// Formats rendered ("docx", ...).
    pub formats: Vec<String>,
    /// SHA-256 of each output, by file name in the output folder.
    pub outputs: BTreeMap<String, String>,
}

impl Entry {
    /// A new entry for outputs made now.
    pub fn new(id: &str, input: &str, inputs: &Inputs, outputs: BTreeMap<String, String>) -> Entry {
        Entry {
            id: id.to_string(),
            input: input.to_string(),
            templates: inputs.templates.clone(),
            fonts: inputs.fonts.clone(),
            tool: inputs.tool.clone(),
            formats: inputs.format_names(),
            outputs,
        }
    }

    /// Were these outputs made with `inputs` (templates, fonts, version, formats)?
    pub fn made_with(&self, inputs: &Inputs) -> bool {
        self.templates == inputs.templates
            && self.fonts == inputs.fonts
            && self.tool == inputs.tool
            && self.formats == inputs.format_names()
    }

    /// Why the entry's outputs are stale with respect to `inputs`, if they are
    /// (for messages: "templates", "fonts", "tool version", "formats").
    pub fn differences(&self, inputs: &Inputs) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.templates != inputs.templates {
            out.push("templates");
        }
        if self.fonts != inputs.fonts {
            out.push("fonts");
        }
        if self.tool != inputs.tool {
            out.push("tool version");
        }
        if self.formats != inputs.format_names() {
            out.push("formats");
        }
        out
    }
}

/// A manifest that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError(pub String);

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ManifestError {}

/// Is `name` a plain output file name (no folder, not hidden, only the
/// characters ids and extensions use)? The build deletes files a manifest
/// lists, so a manifest naming anything else is refused.
pub fn valid_output_name(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    crate::descriptor::id::valid_id(stem)
        && !ext.is_empty()
        && ext
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest::new(None)
    }
}

impl Manifest {
    /// An empty manifest (for `shard`, if any).
    pub fn new(shard: Option<String>) -> Manifest {
        Manifest {
            manifest_version: VERSION,
            shard,
            descriptors: BTreeMap::new(),
        }
    }

    /// Parses and checks a manifest: known version, SHA-256 values, plain
    /// output names, each output claimed once.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, ManifestError> {
        let m: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| ManifestError(format!("not a sisterdoc manifest: {e}")))?;
        if m.manifest_version != VERSION {
            return Err(ManifestError(format!(
                "manifest_version {} is not supported (this tool reads {VERSION})",
                m.manifest_version
            )));
        }
        let mut claimed: BTreeMap<&str, &str> = BTreeMap::new();
        for (path, e) in &m.descriptors {
            for h in [&e.input, &e.templates, &e.fonts] {
                if !is_sha256_hex(h) {
                    return Err(ManifestError(format!(
                        "entry `{path}`: `{h}` is not a SHA-256"
                    )));
                }
            }
            for (name, h) in &e.outputs {
                if !valid_output_name(name) {
                    return Err(ManifestError(format!(
                        "entry `{path}`: `{name}` is not an output file name"
                    )));
                }
                if !is_sha256_hex(h) {
                    return Err(ManifestError(format!(
                        "entry `{path}`, output `{name}`: `{h}` is not a SHA-256"
                    )));
                }
                if let Some(other) = claimed.insert(name, path) {
                    return Err(ManifestError(format!(
                        "`{name}` is listed by both `{other}` and `{path}`"
                    )));
                }
            }
        }
        Ok(m)
    }

    /// Pretty JSON with a final newline; the same manifest gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).unwrap_or_default();
        v.push(b'\n');
        v
    }

    /// Every output file the manifest lists, with the descriptor path that made it.
    pub fn claimed(&self) -> BTreeMap<&str, &str> {
        let mut out = BTreeMap::new();
        for (path, e) in &self.descriptors {
            for name in e.outputs.keys() {
                out.insert(name.as_str(), path.as_str());
            }
        }
        out
    }
}

/// Merges shard manifests into one. `inputs` are (file name for messages,
/// manifest). The same descriptor in two manifests must have the same entry,
/// and no output may be claimed by two descriptors; every conflict is reported.
pub fn merge(inputs: &[(String, Manifest)]) -> Result<Manifest, Vec<String>> {
    let mut out = Manifest::new(None);
    let mut from: BTreeMap<String, &str> = BTreeMap::new();
    let mut owner: BTreeMap<String, (String, &str)> = BTreeMap::new();
    let mut conflicts = Vec::new();
    for (file, m) in inputs {
        for (path, e) in &m.descriptors {
            if let Some(prev) = out.descriptors.get(path) {
                if prev != e {
                    conflicts.push(format!(
                        "`{path}` has different entries in {} and {file}",
                        from.get(path).copied().unwrap_or("?")
                    ));
                }
                continue;
            }
            for name in e.outputs.keys() {
                if let Some((other, other_file)) = owner.get(name) {
                    conflicts.push(format!(
                        "`{name}` is made by `{other}` ({other_file}) and by `{path}` ({file}): two descriptors with the same id?"
                    ));
                } else {
                    owner.insert(name.clone(), (path.clone(), file));
                }
            }
            out.descriptors.insert(path.clone(), e.clone());
            from.insert(path.clone(), file);
        }
    }
    if conflicts.is_empty() {
        Ok(out)
    } else {
        Err(conflicts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::hash::sha256_hex;
    use crate::render::Format;

    fn entry(id: &str, outputs: &[&str]) -> Entry {
        let inputs = Inputs::current(Format::ALL);
        Entry::new(
            id,
            &sha256_hex(id.as_bytes()),
            &inputs,
            outputs
                .iter()
                .map(|o| (o.to_string(), sha256_hex(o.as_bytes())))
                .collect(),
        )
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let mut m = Manifest::new(None);
        m.descriptors
            .insert("b.yaml".into(), entry("b", &["b-loi.docx", "b-mou.docx"]));
        m.descriptors
            .insert("a.yaml".into(), entry("a", &["a-loi.docx"]));
        let bytes = m.to_bytes();
        let back = Manifest::parse(&bytes).expect("parses");
        assert_eq!(back, m);
        assert_eq!(back.to_bytes(), bytes);
        assert!(
            String::from_utf8_lossy(&bytes).find("a.yaml")
                < String::from_utf8_lossy(&bytes).find("b.yaml")
        );
    }

    #[test]
    fn refuses_paths_and_bad_hashes() {
        let mut m = Manifest::new(None);
        m.descriptors
            .insert("a.yaml".into(), entry("a", &["../etc-loi.docx"]));
        assert!(Manifest::parse(&m.to_bytes()).is_err());
        let mut m = Manifest::new(None);
        let mut e = entry("a", &["a-loi.docx"]);
        e.input = "zz".into();
        m.descriptors.insert("a.yaml".into(), e);
        assert!(Manifest::parse(&m.to_bytes()).is_err());
        assert!(Manifest::parse(b"{}").is_err());
        assert!(Manifest::parse(b"not json").is_err());
        for ok in ["a-loi.docx", "x1-mou.pdf"] {
            assert!(valid_output_name(ok), "{ok}");
        }
        for bad in [
            "a/b-loi.docx",
            ".a-loi.docx",
            "a-loi",
            "-a.docx",
            "A-loi.docx",
            "manifest.json.tmp/x",
        ] {
            assert!(!valid_output_name(bad), "{bad}");
        }
    }

    #[test]
    fn merge_combines_and_reports_every_conflict() {
        let mut a = Manifest::new(Some("1/2".into()));
        a.descriptors
            .insert("a.yaml".into(), entry("a", &["a-loi.docx"]));
        let mut b = Manifest::new(Some("2/2".into()));
        b.descriptors
            .insert("b.yaml".into(), entry("b", &["b-loi.docx"]));
        let m =
            merge(&[("a.json".into(), a.clone()), ("b.json".into(), b.clone())]).expect("merges");
        assert_eq!(m.descriptors.len(), 2);
        assert_eq!(m.shard, None);
        // The same entry twice is fine; a different one is a conflict.
        assert!(merge(&[("a.json".into(), a.clone()), ("a2.json".into(), a.clone())]).is_ok());
        let mut c = Manifest::new(None);
        c.descriptors
            .insert("a.yaml".into(), entry("a", &["a-mou.docx"]));
        c.descriptors
            .insert("c.yaml".into(), entry("b", &["b-loi.docx"]));
        let errs = merge(&[
            ("a.json".into(), a),
            ("b.json".into(), b),
            ("c.json".into(), c),
        ])
        .expect_err("conflicts");
        assert_eq!(errs.len(), 2, "{errs:?}");
    }
}
