//! The redline's first page as a document of the model: what was compared,
//! the deviations counted by class, how to read the tracked changes, a
//! table of every deviation and one of the slot values found. Its words, in
//! Thai and English, are `templates/redline.tera`'s; this module computes
//! the values (file names, clause keys, the texts compared, as data) and
//! reads the rendered markup into a `Document`, which the DOCX writer
//! writes like any other.

use std::sync::LazyLock;

use super::deviation::{Change, Class, DiffReport};
use super::report::Names;
use crate::document::compose::{render_section, slot, ComposeError};
use crate::document::{DocKind, Document, Layout};
use crate::lang::Lang;

const TEMPLATE: (&str, &str) = ("redline", include_str!("../../templates/redline.tera"));

/// The template, parsed once per process (it is compiled in).
static TERA: LazyLock<Result<tera::Tera, String>> = LazyLock::new(|| {
    let mut tera = tera::Tera::new();
    tera.add_raw_template(TEMPLATE.0, TEMPLATE.1)
        .map_err(|e| format!("{}: {e:?}", TEMPLATE.0))?;
    Ok(tera)
});

/// Longest text shown in a table cell of the summary (the redline itself
/// has every word).
const CELL_CHARS: usize = 160;

/// A value from the diff as template data: one line (tabs and line breaks
/// read as spaces), characters XML cannot hold and the slot markers'
/// private-use characters as U+FFFD, wrapped as a slot so that no `|` or
/// `//` in it splits a table cell. Empty stays empty.
fn data(name: &str, value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    let clean: String = value
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            '\u{E000}'..='\u{E002}' => '\u{FFFD}',
            '\u{20}'..='\u{D7FF}' | '\u{E003}'..='\u{FFFD}' | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect();
    slot(name, &clean)
}

/// [`data`], cut to [`CELL_CHARS`] characters.
fn cell(name: &str, value: &str) -> String {
    if value.chars().count() > CELL_CHARS {
        let head: String = value.chars().take(CELL_CHARS - 3).collect();
        data(name, &format!("{head}..."))
    } else {
        data(name, value)
    }
}

/// The instrument's short name, as the template and the metadata use it.
fn kind_name(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Loi => "LOI",
        DocKind::Mou => "MOU",
        DocKind::Package(_) => "document",
    }
}

/// The template's values for a report.
fn context(r: &DiffReport, names: &Names) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("draft", &data("draft", &names.draft));
    ctx.insert(
        "descriptor",
        &names.descriptor.as_deref().map(|d| data("descriptor", d)),
    );
    ctx.insert("kind", kind_name(r.kind));
    ctx.insert("count", &r.deviations.len());
    ctx.insert("substantive", &r.count(Class::Substantive));
    ctx.insert("editorial", &r.count(Class::Editorial));
    ctx.insert("slot", &r.count(Class::Slot));
    ctx.insert("moved", &r.moves());
    ctx.insert("had_tracked_changes", &r.had_tracked_changes);
    let deviations: Vec<serde_json::Value> = r
        .deviations
        .iter()
        .map(|d| {
            let after = match d.change {
                Change::Moved | Change::Added => d.to_after.as_deref().unwrap_or("start"),
                _ => "",
            };
            serde_json::json!({
                "clause": d.clause.as_deref().map(|c| data("clause", c)),
                "after": data("clause", after),
                "lang": d.lang.code(),
                "change": d.change.name(),
                "class": d.class.name(),
                "guideline": d.class.guideline(),
                "slot": d.slot.as_deref().map(|s| data("slot", s)),
                "standard": cell("standard", &d.standard),
                "draft": cell("draft", &d.draft),
                "binding": d.binding.iter().map(|b| data("binding", &b.text)).collect::<Vec<_>>(),
            })
        })
        .collect();
    ctx.insert("deviations", &deviations);
    let fills: Vec<serde_json::Value> = r
        .fills
        .iter()
        .map(|f| {
            serde_json::json!({
                "slot": data("slot", &f.slot),
                "lang": f.lang.code(),
                "clause": data("clause", &f.clause),
                "text": cell("value", &f.text),
            })
        })
        .collect();
    ctx.insert("fills", &fills);
    ctx
}

/// The redline's first page for a report, as a document of the model.
pub fn summary(r: &DiffReport, names: &Names) -> Result<Document, ComposeError> {
    let tera = TERA
        .as_ref()
        .map_err(|e| ComposeError::Template(e.clone()))?;
    let section = render_section(tera, TEMPLATE.0, &context(r, names), Lang::Th)?;
    let kind = kind_name(r.kind);
    Ok(Document {
        kind: r.kind,
        title: format!("Redline: {}", r.title),
        subject: format!("Draft compared with the MFA standard {kind} (sisterdoc diff)"),
        layout: Layout::Sequential,
        non_compliant_mark: None,
        sections: vec![section],
        thai_digits: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_one_line_of_xml_text_and_cannot_forge_a_slot() {
        let v = data("x", "a\tb\n\u{E000}c\u{0}|");
        let inner: String = crate::document::markup::segments(&v)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(inner, "a b \u{FFFD}c\u{FFFD}|");
        assert_eq!(data("x", ""), "");
        assert!(cell("x", &"ก".repeat(400)).chars().count() < 200);
    }
}
