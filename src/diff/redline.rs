//! The redline: the draft as a Word document whose tracked changes
//! (`w:ins` / `w:del`, author "sisterdoc", a fixed date) lead back to the
//! standard text, under a summary table of the classification, so a
//! reviewer opens it in Word or LibreOffice and accepts or rejects change
//! by change. Accept all: the draft's text; reject all: the standard's.
//!
//! Paragraphs that exist on one side only carry a tracked paragraph mark
//! too (`w:pPr/w:rPr/w:ins` or `w:del`), so accepting or rejecting them
//! removes the paragraph, not just its words. The part is written here and
//! packaged by `docx::package_main_part` (fixed zip, same styles as the
//! writer), so the same report always gives the same bytes.
//!
//! `docx::read_docx_view` reads the redline back with every change accepted
//! or every change rejected (the one DOCX reader; the tests check both views).

use crate::thai::segment::has_thai;
use std::fmt::Write as _;

use super::report::Names;
use super::{Change, Class, DiffReport, Mark, RedPara, Seg, UnitStyle};
use crate::document::style::{self, PAGE};
use crate::document::{DocKind, Lang};
use crate::docx::{package_main_part, DocxError, DocxOptions};

/// `w:author` of every tracked change.
pub const AUTHOR: &str = "sisterdoc";
/// `w:date` of every tracked change (fixed, so the bytes are too).
pub const DATE: &str = "2000-01-01T00:00:00Z";

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Width of the text column, twips (`document::style`).
const TEXT_W: u32 = PAGE.text_width_twips();
/// Summary table columns: #, clause, lang, change, class, standard, draft, rule.
const COLS: [u32; 8] = [300, 1300, 650, 1150, 1300, 1600, 1600, 1171];

/// Writes the redline DOCX.
pub fn write_redline(
    r: &DiffReport,
    names: &Names,
    opts: &DocxOptions,
) -> Result<Vec<u8>, DocxError> {
    let mut w = Writer {
        x: String::new(),
        next_id: 1,
    };
    w.x.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    let _ = write!(w.x, r#"<w:document xmlns:w="{W_NS}"><w:body>"#);
    w.summary(r, names);
    // The draft starts on a page of its own.
    w.x.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    for p in &r.paragraphs {
        w.paragraph(p);
    }
    // A last plain paragraph: a deleted or inserted paragraph mark always
    // has a paragraph after it to join.
    w.x.push_str("<w:p/>");
    let _ = write!(
        w.x,
        concat!(
            r#"<w:sectPr><w:pgSz w:w="{}" w:h="{}"/>"#,
            r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{h}" w:footer="{h}" w:gutter="0"/>"#,
            "</w:sectPr></w:body></w:document>"
        ),
        PAGE.width.twips(),
        PAGE.height.twips(),
        PAGE.margin_top.twips(),
        PAGE.margin_right.twips(),
        PAGE.margin_bottom.twips(),
        PAGE.margin_left.twips(),
        h = PAGE.header.twips(),
    );
    let kind = match r.kind {
        DocKind::Loi => "LOI",
        DocKind::Mou => "MOU",
        DocKind::Package(_) => "document",
    };
    package_main_part(
        w.x.into_bytes(),
        &format!("Redline: {}", r.title),
        &format!("Draft compared with the MFA standard {kind} (sisterdoc diff)"),
        opts,
    )
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
    fn rpr(text: &str, bold: bool, small: bool) -> String {
        let mut x = String::from("<w:rPr>");
        if bold {
            x.push_str("<w:b/><w:bCs/>");
        }
        if small {
            x.push_str(r#"<w:sz w:val="24"/><w:szCs w:val="24"/>"#);
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
    fn runs(&mut self, text: &str, kind: Kind, bold: bool, small: bool) {
        if text.is_empty() {
            return;
        }
        let rpr = Self::rpr(text, bold, small);
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

    fn paragraph(&mut self, p: &RedPara) {
        let jc = match (p.style, p.lang) {
            (UnitStyle::DraftMark, _) => "right",
            (UnitStyle::Title | UnitStyle::Centered | UnitStyle::SignatureLine, _) => "center",
            (_, Lang::Th) => "thaiDistribute",
            (_, Lang::En) => "both",
        };
        self.x.push_str("<w:p><w:pPr>");
        let _ = write!(
            self.x,
            r#"<w:spacing w:before="{}" w:after="0" w:line="240" w:lineRule="auto"/>"#,
            style::PARA_SPACE.twips()
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
        let bold = p.style == UnitStyle::Title;
        for s in &p.segs {
            match s {
                Seg::Equal(t) => self.runs(t, Kind::Plain, bold, false),
                Seg::Ins(t) => self.runs(t, Kind::Ins, bold, false),
                Seg::Del(t) => self.runs(t, Kind::Del, bold, false),
            }
        }
        self.x.push_str("</w:p>");
    }

    /// A plain paragraph (summary text).
    fn plain(&mut self, text: &str, bold: bool, jc: &str) {
        let _ = write!(
            self.x,
            r#"<w:p><w:pPr><w:spacing w:before="60" w:after="60"/><w:jc w:val="{jc}"/></w:pPr>"#
        );
        self.runs(text, Kind::Plain, bold, false);
        self.x.push_str("</w:p>");
    }

    fn cell(&mut self, width: u32, fill: Option<&str>, text: &str, bold: bool) {
        let _ = write!(
            self.x,
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
        );
        if let Some(f) = fill {
            let _ = write!(
                self.x,
                r#"<w:shd w:val="clear" w:color="auto" w:fill="{f}"/>"#
            );
        }
        self.x
            .push_str("</w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr>");
        self.runs(text, Kind::Plain, bold, true);
        self.x.push_str("</w:p></w:tc>");
    }

    fn table_start(&mut self, cols: &[u32]) {
        let border = r#"w:val="single" w:sz="4" w:space="0" w:color="808080""#;
        let _ = write!(
            self.x,
            concat!(
                r#"<w:tbl><w:tblPr><w:tblW w:w="{w}" w:type="dxa"/><w:tblBorders>"#,
                r#"<w:top {b}/><w:left {b}/><w:bottom {b}/><w:right {b}/><w:insideH {b}/><w:insideV {b}/>"#,
                r#"</w:tblBorders><w:tblLayout w:type="fixed"/>"#,
                r#"<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>"#,
                "</w:tblPr><w:tblGrid>"
            ),
            w = TEXT_W,
            b = border
        );
        for c in cols {
            let _ = write!(self.x, r#"<w:gridCol w:w="{c}"/>"#);
        }
        self.x.push_str("</w:tblGrid>");
    }

    fn summary(&mut self, r: &DiffReport, names: &Names) {
        let kind = match r.kind {
            DocKind::Loi => "LOI",
            DocKind::Mou => "MOU",
            DocKind::Package(_) => "document",
        };
        self.plain(
            &format!("Redline of {} against the MFA standard {kind}", names.draft),
            true,
            "center",
        );
        let reference = match &names.descriptor {
            Some(d) => format!("Standard text rendered from the descriptor {d}."),
            None => "Standard text with its slots open (no descriptor): slot values are listed below, not marked.".to_string(),
        };
        self.plain(&reference, false, "left");
        let n = r.deviations.len();
        let counts = if n == 0 {
            "No deviations from the standard text.".to_string()
        } else {
            format!(
                "{n} deviation{}: {} substantive (guideline 8.2: a change of principle, for the Cabinet), {} editorial (guideline 8.1), {} slot; {} moved.",
                if n == 1 { "" } else { "s" },
                r.count(Class::Substantive),
                r.count(Class::Editorial),
                r.count(Class::Slot),
                r.moves()
            )
        };
        self.plain(&counts, false, "left");
        self.plain(
            "Changes are tracked by \u{201C}sisterdoc\u{201D}: accept all to get the draft, reject all to get the standard text.",
            false,
            "left",
        );
        if r.had_tracked_changes {
            self.plain(
                "The draft held tracked changes of its own; they were read as accepted.",
                false,
                "left",
            );
        }
        if n > 0 {
            self.table_start(&COLS);
            self.x.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
            for (w, h) in COLS.iter().zip([
                "#", "Clause", "Lang", "Change", "Class", "Standard", "Draft", "Rule",
            ]) {
                self.cell(*w, Some("D9D9D9"), h, true);
            }
            self.x.push_str("</w:tr>");
            for (i, d) in r.deviations.iter().enumerate() {
                let fill = match d.class {
                    Class::Substantive => "F4CCCC",
                    Class::Editorial => "FFF2CC",
                    Class::Slot => "DDEBF7",
                };
                let clause = match (&d.clause, d.change) {
                    (Some(c), _) => c.clone(),
                    (None, _) => format!("new, after {}", d.to_after.as_deref().unwrap_or("start")),
                };
                let change = match d.change {
                    Change::Moved => {
                        format!("moved after {}", d.to_after.as_deref().unwrap_or("start"))
                    }
                    c => c.name().to_string(),
                };
                let mut class = d.class.name().to_string();
                if let Some(s) = &d.slot {
                    class.push_str(&format!(" ({s})"));
                }
                let mut rule = format!("MFA-8 (8{})", &d.class.guideline()[1..]);
                if d.class == Class::Slot {
                    rule = "MFA-8".to_string();
                }
                for b in &d.binding {
                    rule.push_str(&format!("; MFA-12 \u{201C}{}\u{201D}", b.text));
                }
                let cut = |s: &str| -> String {
                    let s = s.replace(['\t', '\n'], " ");
                    if s.chars().count() > 160 {
                        let head: String = s.chars().take(157).collect();
                        format!("{head}...")
                    } else {
                        s
                    }
                };
                self.x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                let cells = [
                    (i + 1).to_string(),
                    clause,
                    d.lang.code().to_string(),
                    change,
                    class,
                    cut(&d.standard),
                    cut(&d.draft),
                    rule,
                ];
                for (k, (w, t)) in COLS.iter().zip(cells).enumerate() {
                    self.cell(*w, (k == 4).then_some(fill), &t, false);
                }
                self.x.push_str("</w:tr>");
            }
            self.x.push_str("</w:tbl>");
        }
        if !r.fills.is_empty() {
            self.plain("Slot values in the draft", true, "left");
            let cols = [2000, 600, 1800, 4671];
            self.table_start(&cols);
            self.x.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
            for (w, h) in cols.iter().zip(["Slot", "Lang", "Clause", "Value"]) {
                self.cell(*w, Some("D9D9D9"), h, true);
            }
            self.x.push_str("</w:tr>");
            for f in &r.fills {
                self.x.push_str("<w:tr>");
                for (w, t) in cols.iter().zip([
                    f.slot.as_str(),
                    f.lang.code(),
                    f.clause.as_str(),
                    f.text.as_str(),
                ]) {
                    self.cell(*w, None, t, false);
                }
                self.x.push_str("</w:tr>");
            }
            self.x.push_str("</w:tbl>");
        }
    }
}
