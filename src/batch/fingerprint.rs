//! What, besides a descriptor, decides its output bytes: the templates, the
//! fonts, the tool version and the set of formats. An output made with other
//! inputs is stale even when its descriptor has not changed.
//!
//! Code changes between releases are covered only by the version number:
//! bump `version` in Cargo.toml when a writer or the reference data changes
//! what is rendered. `sisterdoc build --check` renders every document afresh
//! and compares bytes, so it catches such a change even without a bump.

use super::hash::sha256_parts;
use crate::render::Format;

/// The fonts embedded in the binary, by name: the very bytes the PDF writer
/// embeds, so a font change makes outputs stale.
pub fn font_sources() -> Vec<(&'static str, &'static [u8])> {
    crate::fonts::font_sources().to_vec()
}

/// The inputs every output of one build shares, as the manifest records them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    /// SHA-256 over every template's name and source.
    pub templates: String,
    /// SHA-256 over every embedded font's name and bytes.
    pub fonts: String,
    /// The tool version (`CARGO_PKG_VERSION`).
    pub tool: String,
    /// The formats rendered, in `Format::ALL` order.
    pub formats: Vec<Format>,
}

impl Inputs {
    /// The inputs of this binary for `formats`.
    pub fn current(formats: &[Format]) -> Inputs {
        Inputs::from_parts(
            crate::document::compose::template_sources(),
            &font_sources(),
            env!("CARGO_PKG_VERSION"),
            formats,
        )
    }

    /// Inputs from explicit parts (tests pass changed templates here).
    pub fn from_parts(
        templates: &[(&str, &str)],
        fonts: &[(&str, &[u8])],
        tool: &str,
        formats: &[Format],
    ) -> Inputs {
        let mut formats: Vec<Format> = formats.to_vec();
        formats.sort();
        formats.dedup();
        Inputs {
            templates: sha256_parts(templates.iter().map(|(n, s)| (*n, s.as_bytes()))),
            fonts: sha256_parts(fonts.iter().map(|(n, b)| (*n, *b))),
            tool: tool.to_string(),
            formats,
        }
    }

    /// The same inputs as if the templates had changed: the templates hash
    /// also covers `salt`. For tests of staleness (templates are compiled in,
    /// so a test cannot edit them); the CLI reaches it through the hidden
    /// `--inputs-salt` option.
    pub fn with_salt(mut self, salt: &str) -> Inputs {
        self.templates = sha256_parts([
            ("templates", self.templates.as_bytes()),
            ("salt", salt.as_bytes()),
        ]);
        self
    }

    /// The format names as the manifest writes them ("docx", ...).
    pub fn format_names(&self) -> Vec<String> {
        self.formats
            .iter()
            .map(|f| f.extension().to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_change_changes_the_fingerprint() {
        let a = Inputs::from_parts(&[("loi.th", "x")], &[], "1", Format::ALL);
        let b = Inputs::from_parts(&[("loi.th", "y")], &[], "1", Format::ALL);
        assert_ne!(a.templates, b.templates);
        assert_eq!(a.fonts, b.fonts);
        assert_ne!(a.clone().with_salt("s").templates, a.templates);
        assert_eq!(Inputs::current(Format::ALL), Inputs::current(Format::ALL));
        // The PDF writer's fonts are in the fingerprint.
        assert_ne!(
            Inputs::current(Format::ALL).fonts,
            Inputs::from_parts(&[], &[], "1", Format::ALL).fonts
        );
    }
}
