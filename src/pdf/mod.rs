//! The PDF writer: a `Document` (Thai and English sections) to an A4 PDF
//! with Thai typesetting.
//!
//! Pipeline: `layout` shapes every paragraph with rustybuzz (`shape`),
//! breaks it into lines at the project segmenter's word boundaries
//! (`linebreak`), places the lines on pages like the DOCX writer does, and
//! `render` writes them with krilla, embedding subsets of the bundled
//! Sarabun fonts (`fonts`).
//!
//! Writers add no words: every character drawn comes from a `Run` of the
//! model, a clause number or the model's `non_compliant_mark`, except page
//! numbers ("- 2 -", Thai digits on Thai pages when `doc.thai_digits`).

mod fonts;
mod layout;
mod linebreak;
mod render;
mod set;
mod shape;
mod shape_memo;

use std::fmt;
use std::ops::Range;

use crate::document::{Document, Lang};

pub use fonts::{FONT_SIZE, LINE_PITCH};
pub use layout::{PAGE_H, PAGE_W};

/// Why a PDF could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// A bundled font could not be read.
    Font(String),
    /// Characters the bundled fonts have no glyph for (they would print as
    /// boxes, which PDF/A forbids); write without `archival` to get the
    /// PDF anyway.
    MissingGlyphs(String),
    /// krilla refused the document (validation, limits).
    Pdf(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Font(m) => write!(f, "PDF font error: {m}"),
            PdfError::MissingGlyphs(c) => {
                write!(f, "the PDF fonts (Sarabun) have no glyph for: {c}")
            }
            PdfError::Pdf(m) => write!(f, "PDF error: {m}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// Options of `write_pdf_with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// Check the output with krilla's PDF/A-2b validator and write the
    /// metadata PDF/A asks for (default: true).
    pub archival: bool,
    /// Creation date (year, month, day) for the metadata. The model has no
    /// date; PDF/A requires one, so when this is `None` and `archival` is
    /// set, `PLACEHOLDER_DATE` is written (never the clock: output must be
    /// reproducible). Without `archival` and without a date, none is written.
    pub date: Option<(u16, u8, u8)>,
}

impl PdfOptions {
    /// The fixed date written when PDF/A needs one and none is given.
    pub const PLACEHOLDER_DATE: (u16, u8, u8) = (2000, 1, 1);
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            archival: true,
            date: None,
        }
    }
}

/// What a laid-out line is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinePart {
    /// The text of a paragraph (its runs).
    Body,
    /// A clause number, set in the hanging-indent column.
    Number,
    /// Line `n` of the signature block's left (Thai side) column.
    SignatureLeft(usize),
    /// Line `n` of the signature block's right (partner) column.
    SignatureRight(usize),
    /// Line `n` of a table's cells, in the block's reading order (row by
    /// row, each cell's lines in turn: `Block::lines`).
    Cell(usize),
    /// A page number ("- 2 -").
    PageNumber,
    /// The non-compliance mark printed on every page.
    Mark,
}

/// One line as placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidOutLine {
    /// Page index, from 0.
    pub page: usize,
    pub lang: Lang,
    /// Key of the block the line belongs to ("" for page numbers and the mark).
    pub key: String,
    pub part: LinePart,
    /// The line's text: the flow's text in `range` (trailing spaces included,
    /// though not drawn).
    pub text: String,
    /// Byte range in the flow the line was broken from: the paragraph's runs
    /// concatenated (`Body`), the number (`Number`), the runs of one
    /// signature line, the page number or the mark. The lines of a flow tile it.
    pub range: Range<usize>,
    /// Last line of its flow.
    pub last: bool,
    /// Left end of the drawn text and its baseline, in points from the
    /// page's top-left corner.
    pub x: f32,
    pub baseline: f32,
    /// Natural width of the drawn text in points (before justification).
    pub width: f32,
}

/// Forgets what the writer remembers across documents (flows set, words
/// shaped, Thai segmentation), as at the start of a process: for cold-start
/// benchmarks.
pub fn clear_memos() {
    set::clear_memo();
    shape_memo::clear_memo();
    crate::thai::segment::clear_memo();
}

/// Lay out `doc` without writing it: every line on every page, in page order.
pub fn layout_lines(doc: &Document) -> Result<Vec<LaidOutLine>, PdfError> {
    let faces = fonts::Faces::shared()?;
    Ok(layout::layout(doc, faces)?.lines())
}

/// Write `doc` as PDF (PDF/A-2b, tagged) with the default options.
pub fn write_pdf(doc: &Document) -> Result<Vec<u8>, PdfError> {
    write_pdf_with(doc, &PdfOptions::default())
}

/// Write `doc` as PDF with `opts`.
pub fn write_pdf_with(doc: &Document, opts: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let faces = fonts::Faces::shared()?;
    let layout = layout::layout(doc, faces)?;
    if opts.archival {
        let missing = layout.missing_glyphs();
        if !missing.is_empty() {
            return Err(PdfError::MissingGlyphs(missing));
        }
    }
    render::render(doc, &layout, opts)
}
