//! The redline: the draft as a Word document whose tracked changes
//! (`w:ins` / `w:del`, author "sisterdoc", a fixed date) lead back to the
//! standard text, after a first page summing up the classification, so a
//! reviewer opens it in Word or LibreOffice and accepts or rejects change
//! by change. Accept all: the draft's text; reject all: the standard's.
//!
//! The redline is a document of the model, written by the DOCX writer like
//! any other: its first page (`summary`, worded by `templates/redline.tera`)
//! is one section; the draft is the next, a paragraph per redline paragraph
//! (`segments`), its runs marked as inserted or deleted where the draft and
//! the standard differ, each paragraph laid out in its standard unit's
//! style and justified in its own language. A paragraph that exists on one
//! side only has a tracked paragraph end too, so accepting or rejecting it
//! removes the paragraph, not just its words. The words are the draft's and
//! the standard's; the same report always gives the same bytes.
//!
//! `docx::read_docx_view` reads the redline back with every change accepted
//! or every change rejected (the one DOCX reader; the tests check both views).

use super::report::Names;
use super::{DiffReport, Mark, RedPara, Seg, UnitStyle};
use crate::document::{
    Block, BlockContent, ComposeError, Document, Lang, ParaStyle, Paragraph, Revision, Run, Section,
};
use crate::docx::{write_docx, DocxError, DocxOptions};
use crate::thai::segment::has_thai;

/// `w:author` of every tracked change.
pub const AUTHOR: &str = crate::docx::REVISION_AUTHOR;
/// `w:date` of every tracked change (fixed, so the bytes are too).
pub const DATE: &str = crate::docx::REVISION_DATE;

/// The redline's first page alone, as a document of the model.
pub fn first_page(r: &DiffReport, names: &Names) -> Result<Document, ComposeError> {
    super::summary::summary(r, names)
}

/// The whole redline as a document of the model: the first page, then the
/// draft with its tracked changes.
pub fn redline_document(r: &DiffReport, names: &Names) -> Result<Document, ComposeError> {
    let mut doc = first_page(r, names)?;
    let mut blocks: Vec<Block> = r.paragraphs.iter().map(draft_block).collect();
    // A last plain paragraph: a deleted or inserted paragraph end always
    // has a paragraph after it to join.
    blocks.push(Block {
        key: "end".into(),
        content: BlockContent::Paragraph(Paragraph {
            style: ParaStyle::Body,
            number: None,
            runs: Vec::new(),
            revision: None,
            lang: None,
        }),
        principle: false,
    });
    let lang = r.paragraphs.first().map_or(Lang::Th, |p| p.lang);
    doc.sections.push(Section { lang, blocks });
    Ok(doc)
}

/// Writes the redline DOCX.
pub fn write_redline(
    r: &DiffReport,
    names: &Names,
    opts: &DocxOptions,
) -> Result<Vec<u8>, DocxError> {
    let doc = redline_document(r, names).map_err(|e| DocxError::Template(e.to_string()))?;
    write_docx(&doc, opts)
}

/// Text a document can hold: characters XML 1.0 refuses become U+FFFD.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t'
            | '\n'
            | '\r'
            | '\u{20}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}'
            | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// One redline paragraph as a block of the model.
fn draft_block(p: &RedPara) -> Block {
    let runs = p
        .segs
        .iter()
        .filter_map(|s| {
            let (text, revision) = match s {
                Seg::Equal(t) => (t, None),
                Seg::Ins(t) => (t, Some(Revision::Inserted)),
                Seg::Del(t) => (t, Some(Revision::Deleted)),
            };
            (!text.is_empty()).then(|| Run {
                text: clean(text),
                // Thai text is set as Thai (complex script) whatever the
                // paragraph's language; the rest in the paragraph's.
                lang: if has_thai(text) { Lang::Th } else { p.lang },
                bold: false,
                slot: None,
                revision,
            })
        })
        .collect();
    Block {
        key: p.clause.clone().unwrap_or_else(|| "added".into()),
        content: BlockContent::Paragraph(Paragraph {
            style: para_style(p.style),
            number: None,
            runs,
            revision: match p.mark {
                Mark::Both => None,
                Mark::Inserted => Some(Revision::Inserted),
                Mark::Deleted => Some(Revision::Deleted),
            },
            lang: Some(p.lang),
        }),
        principle: false,
    }
}

/// The paragraph style a standard unit is laid out in (a signature line:
/// centred, as in the signature block).
fn para_style(u: UnitStyle) -> ParaStyle {
    match u {
        UnitStyle::DraftMark => ParaStyle::DraftMark,
        UnitStyle::Title => ParaStyle::Title,
        UnitStyle::Centered | UnitStyle::SignatureLine => ParaStyle::Centered,
        UnitStyle::Body => ParaStyle::Body,
        UnitStyle::Clause => ParaStyle::Clause,
    }
}
