//! The redline: the draft as a Word document whose tracked changes
//! (`w:ins` / `w:del`, author "sisterdoc", a fixed date) lead back to the
//! standard text, after a first page summing up the classification, so a
//! reviewer opens it in Word or LibreOffice and accepts or rejects change
//! by change. Accept all: the draft's text; reject all: the standard's.
//!
//! The first page is a document of the model (`summary`, its words from
//! `templates/redline.tera`) written by the DOCX writer; the draft's
//! paragraphs follow as tracked-change paragraphs written here, because the
//! model has no tracked changes yet: their words are the draft's and the
//! standard's, none of this module's. Paragraphs that exist on one side
//! only carry a tracked paragraph mark too (`w:pPr/w:rPr/w:ins` or
//! `w:del`), so accepting or rejecting them removes the paragraph, not just
//! its words. The DOCX writer packages the whole (fixed zip, same styles,
//! headers and page numbers), so the same report always gives the same bytes.
//!
//! `docx::read_docx_view` reads the redline back with every change accepted
//! or every change rejected (the one DOCX reader; the tests check both views).

use crate::thai::segment::has_thai;
use std::fmt::Write as _;

use super::report::Names;
use super::summary::summary;
use super::{DiffReport, Mark, RedPara, Seg, UnitStyle};
use crate::document::style::{self, ParaLook};
use crate::document::{Lang, ParaStyle};
use crate::docx::{write_docx_then, DocxError, DocxOptions};

/// `w:author` of every tracked change.
pub const AUTHOR: &str = "sisterdoc";
/// `w:date` of every tracked change (fixed, so the bytes are too).
pub const DATE: &str = "2000-01-01T00:00:00Z";

/// Writes the redline DOCX.
pub fn write_redline(
    r: &DiffReport,
    names: &Names,
    opts: &DocxOptions,
) -> Result<Vec<u8>, DocxError> {
    let first_page = summary(r, names).map_err(|e| DocxError::Template(e.to_string()))?;
    let mut w = Writer {
        x: String::new(),
        next_id: 1,
    };
    // The draft starts on a page of its own.
    w.x.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    for p in &r.paragraphs {
        w.paragraph(p);
    }
    // A last plain paragraph: a deleted or inserted paragraph mark always
    // has a paragraph after it to join.
    w.x.push_str("<w:p/>");
    write_docx_then(&first_page, opts, &w.x)
}

struct Writer {
    x: String,
    next_id: u32,
}

/// Text an XML document can hold: characters XML 1.0 refuses become U+FFFD.
fn esc(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| match c {
            '\t'
            | '\n'
            | '\r'
            | '\u{20}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}'
            | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect();
    quick_xml::escape::escape(&clean).into_owned()
}

#[derive(Clone, Copy)]
enum Kind {
    Plain,
    Ins,
    Del,
}

impl Writer {
    fn change_attrs(&mut self) -> String {
        let id = self.next_id;
        self.next_id += 1;
        format!(r#"w:id="{id}" w:author="{AUTHOR}" w:date="{DATE}""#)
    }

    /// A run's properties.
    fn rpr(text: &str, bold: bool) -> String {
        let mut x = String::from("<w:rPr>");
        if bold {
            x.push_str("<w:b/><w:bCs/>");
        }
        if has_thai(text) {
            let _ = write!(
                x,
                r#"<w:cs/><w:lang w:val="{}" w:bidi="{}"/>"#,
                Lang::En.bcp47(),
                Lang::Th.bcp47()
            );
        }
        x.push_str("</w:rPr>");
        x
    }

    /// Runs for `text` (tabs and breaks as elements), plain, inserted or deleted.
    fn runs(&mut self, text: &str, kind: Kind, bold: bool) {
        if text.is_empty() {
            return;
        }
        let rpr = Self::rpr(text, bold);
        let t = match kind {
            Kind::Del => "w:delText",
            _ => "w:t",
        };
        let mut inner = String::new();
        let mut buf = String::new();
        let flush = |inner: &mut String, buf: &mut String| {
            if !buf.is_empty() {
                let _ = write!(inner, r#"<{t} xml:space="preserve">{}</{t}>"#, esc(buf));
                buf.clear();
            }
        };
        for c in text.chars() {
            match c {
                '\t' => {
                    flush(&mut inner, &mut buf);
                    inner.push_str("<w:tab/>");
                }
                '\n' | '\r' => {
                    flush(&mut inner, &mut buf);
                    inner.push_str("<w:br/>");
                }
                c => buf.push(c),
            }
        }
        flush(&mut inner, &mut buf);
        let run = format!("<w:r>{rpr}{inner}</w:r>");
        match kind {
            Kind::Plain => self.x.push_str(&run),
            Kind::Ins => {
                let a = self.change_attrs();
                let _ = write!(self.x, "<w:ins {a}>{run}</w:ins>");
            }
            Kind::Del => {
                let a = self.change_attrs();
                let _ = write!(self.x, "<w:del {a}>{run}</w:del>");
            }
        }
    }

    /// A paragraph of the draft, laid out as its standard unit's style is
    /// (`document::style`), its changes tracked.
    fn paragraph(&mut self, p: &RedPara) {
        let look = style::look(para_style(p.style));
        let jc = match (look.align, p.lang) {
            (style::Align::Left, _) => "left",
            (style::Align::Center, _) => "center",
            (style::Align::Right, _) => "right",
            (style::Align::Justify, Lang::Th) => "thaiDistribute",
            (style::Align::Justify, Lang::En) => "both",
        };
        self.x.push_str("<w:p><w:pPr>");
        if look.keep_with_next {
            self.x.push_str("<w:keepNext/>");
        }
        let ParaLook { before, after, .. } = look;
        let _ = write!(
            self.x,
            r#"<w:spacing w:before="{}" w:after="{}" w:line="240" w:lineRule="auto"/>"#,
            before.twips(),
            after.twips()
        );
        if p.style == UnitStyle::Clause {
            let hang = style::CLAUSE_HANG.twips();
            let _ = write!(self.x, r#"<w:ind w:left="{hang}" w:hanging="{hang}"/>"#);
        }
        let _ = write!(self.x, r#"<w:jc w:val="{jc}"/>"#);
        match p.mark {
            Mark::Both => {}
            Mark::Inserted => {
                let a = self.change_attrs();
                let _ = write!(self.x, "<w:rPr><w:ins {a}/></w:rPr>");
            }
            Mark::Deleted => {
                let a = self.change_attrs();
                let _ = write!(self.x, "<w:rPr><w:del {a}/></w:rPr>");
            }
        }
        self.x.push_str("</w:pPr>");
        for s in &p.segs {
            match s {
                Seg::Equal(t) => self.runs(t, Kind::Plain, look.bold),
                Seg::Ins(t) => self.runs(t, Kind::Ins, look.bold),
                Seg::Del(t) => self.runs(t, Kind::Del, look.bold),
            }
        }
        self.x.push_str("</w:p>");
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
