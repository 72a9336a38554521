//! DOCX output (and a DOCX text reader) for the document model.
//!
//! [`write_docx`] turns a [`Document`] into the bytes of a `.docx` file laid
//! out as the Thai MFA standard drafts are: A4, TH SarabunPSK 16 pt, title
//! centred, "(ร่าง)" / "(Draft)" right-aligned, numbered clauses with a
//! hanging indent, a borderless two-column signature block, page numbers
//! "- 2 -" centred in the header from the second page on.
//!
//! How it is built:
//! * `write` walks the model and writes `word/document.xml` and the header
//!   parts directly as XML, every element in schema order: the exact run
//!   and paragraph properties Thai text needs (`w:lang w:bidi`, `w:cs`,
//!   `thaiDistribute`), tables, section properties (`w:sectPr`: page size,
//!   margins, headers, page-number format), paragraph ids and tracked
//!   changes numbered in document order;
//! * `package` zips the parts with fixed timestamps and a fixed order,
//!   with our own package wiring, `styles.xml`, `settings.xml`,
//!   `fontTable.xml` and `docProps/core.xml` (no author, no clock time), so
//!   the same document always gives the same bytes; `zipfile` writes the
//!   zip container (one reused deflate compressor per thread).
//!
//! Writers add no words: every character in `word/document.xml` comes from a
//! run of the model. The only other text is the page number ("- 2 -", in
//! the header) and the model's `non_compliant_mark`.
//!
//! [`read`] reads the paragraphs' text back out of any DOCX (ours, Word's,
//! LibreOffice's); round-trip tests and the `diff` command use it.

mod package;
pub mod read;
mod write;
mod zipfile;

use std::fmt;

use crate::document::Document;

pub use package::zip_entries;
pub use read::{
    read_docx_text, read_docx_view, read_paragraphs, DocxParagraph, DocxReadError, DocxText, View,
};

/// `w:author` of every tracked change the writer writes (the redline's).
pub const REVISION_AUTHOR: &str = "sisterdoc";
/// `w:date` of every tracked change (fixed, so the bytes are too).
pub const REVISION_DATE: &str = "2000-01-01T00:00:00Z";

/// Options for [`write_docx`].
#[derive(Clone, Debug, PartialEq)]
pub struct DocxOptions {
    /// Font for all text, Thai and Latin (written to `w:ascii`, `w:hAnsi`,
    /// `w:eastAsia` and `w:cs`). Default "TH SarabunPSK", the font the
    /// Thai government prescribes for official correspondence.
    pub font: String,
    /// Font size in points, for both Latin and complex-script text
    /// (`w:sz` / `w:szCs`). Default 16.
    pub size_pt: f32,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            font: "TH SarabunPSK".to_string(),
            size_pt: crate::document::style::BODY_SIZE_PT,
        }
    }
}

/// Why a DOCX could not be written.
#[derive(Debug)]
pub enum DocxError {
    /// An option is out of range (empty font name, size not in 1..=800 pt).
    InvalidOption(String),
    /// The model holds text that cannot be written to XML (a control
    /// character such as U+0000). The block key and the character are given.
    InvalidText { key: String, ch: char },
    /// Writing the zip container failed.
    Zip(String),
    /// A document could not be composed from its template (a bug in
    /// `templates/`, as the redline's first page).
    Template(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::InvalidOption(m) => write!(f, "invalid DOCX option: {m}"),
            DocxError::InvalidText { key, ch } => write!(
                f,
                "block `{key}` contains U+{:04X}, which XML cannot hold",
                *ch as u32
            ),
            DocxError::Zip(m) => write!(f, "DOCX zip packaging failed: {m}"),
            DocxError::Template(m) => write!(f, "DOCX content could not be composed: {m}"),
        }
    }
}

impl std::error::Error for DocxError {}

/// Render `doc` as the bytes of a `.docx` file.
///
/// `Layout::Sequential`: each section (Thai, then English) in its own
/// document section, starting on a new page. `Layout::Parallel`: one
/// two-column table, Thai left and English right, a row per block key; a
/// document without exactly two sections falls back to sequential.
///
/// The output is deterministic: the same document and options give
/// byte-identical files (fixed zip timestamps and entry order, no clock
/// time or author in the metadata, paragraph ids numbered in order).
pub fn write_docx(doc: &Document, opts: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let fmt = write::Fmt::new(opts)?;
    let built = write::write_parts(doc, &fmt)?;
    package::pack(doc, &fmt, built)
}
