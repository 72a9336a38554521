//! Model -> the XML of `word/document.xml` and of the header parts: page
//! geometry, sections, the parallel table, signature tables, headers with
//! page numbers, paragraphs, runs and tracked changes.
//!
//! The XML is written here directly, element by element in schema order,
//! into one `String` per part. Why not a DOCX crate: docx-rs (used until
//! 2026-12) cannot express what a Thai document needs (`w:lang w:bidi`,
//! `w:cs`, `thaiDistribute`), writes section and table properties out of
//! schema order and numbers paragraphs and revisions from global counters,
//! so every property it wrote was replaced by a second XML pass; building
//! its tree, writing it and rewriting it was 40% of a DOCX's CPU time
//! (issue 13). What is left is a few element shapes, all here; the golden
//! files of `tests::every_part_is_the_golden_one`, written by the docx-rs
//! writer, hold this one to its bytes.
//!
//! Every text is escaped on the way in ([`push_escaped`], [`xml_attr`]) and
//! checked for characters XML 1.0 cannot hold ([`check_text`]), so no
//! user text can open or close an element.

use crate::thai::segment::has_thai;
use std::collections::HashMap;
use std::fmt::Write as _;

use super::{DocxError, DocxOptions};

// Tables (the action plan, the checklist) and the letter's layout grids.
#[path = "table.rs"]
mod table;
use crate::document::style::{self, PAGE};
use crate::document::{
    Block, BlockContent, Document, Lang, Layout, ParaStyle, Paragraph, Revision, Run, Section,
    Signature,
};

/// Relationship id prefix of header parts (`rIdHdr1` -> `word/header1.xml`).
pub(crate) const HEADER_RID: &str = "rIdHdr";

/// The XML declaration every part starts with.
pub(crate) const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// The root element of `word/document.xml`, namespaces as Word writes them.
const DOCUMENT_ROOT: &str = concat!(
    r#"<w:document xmlns:o="urn:schemas-microsoft-com:office:office""#,
    r#" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#,
    r#" xmlns:v="urn:schemas-microsoft-com:vml""#,
    r#" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#,
    r#" xmlns:w10="urn:schemas-microsoft-com:office:word""#,
    r#" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#,
    r#" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#,
    r#" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup""#,
    r#" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#,
    r#" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing""#,
    r#" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#,
    r#" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml""#,
    r#" mc:Ignorable="w14 wp14">"#,
);

/// The root element of a header part.
const HEADER_ROOT: &str = concat!(
    r#"<w:hdr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#,
    r#" xmlns:o="urn:schemas-microsoft-com:office:office""#,
    r#" xmlns:v="urn:schemas-microsoft-com:vml""#,
    r#" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#,
    r#" xmlns:w10="urn:schemas-microsoft-com:office:word""#,
    r#" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#,
    r#" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#,
    r#" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup""#,
    r#" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#,
    r#" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing""#,
    r#" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#,
    r#" mc:Ignorable="w14 wp14">"#,
);

// Page geometry, in twips, from the one definition (`document::style`).
const PAGE_W: u32 = PAGE.width.twips();
const PAGE_H: u32 = PAGE.height.twips();
const MARGIN_LEFT: u32 = PAGE.margin_left.twips();
const MARGIN_RIGHT: u32 = PAGE.margin_right.twips();
const MARGIN_TOP: u32 = PAGE.margin_top.twips();
const MARGIN_BOTTOM: u32 = PAGE.margin_bottom.twips();
const HEADER_DIST: u32 = PAGE.header.twips();
pub(crate) const TEXT_W: u32 = PAGE.text_width_twips();
const HANG: u32 = style::CLAUSE_HANG.twips();
const GUTTER: u32 = style::GUTTER.twips();

/// Validated options in the units the XML wants.
pub(crate) struct Fmt {
    /// Font name, already escaped for an XML attribute.
    font_attr: String,
    /// The font name as given (for styles.xml / fontTable.xml).
    pub(crate) font: String,
    /// Size in half-points (`w:sz`).
    pub(crate) half_points: u32,
}

impl Fmt {
    pub(crate) fn new(opts: &DocxOptions) -> Result<Fmt, DocxError> {
        let font = opts.font.trim();
        if font.is_empty() {
            return Err(DocxError::InvalidOption("font name is empty".into()));
        }
        if font
            .chars()
            .any(|c| !xml_char_ok(c) || c == '\n' || c == '\t')
        {
            return Err(DocxError::InvalidOption(format!(
                "font name {font:?} contains a control character"
            )));
        }
        if !opts.size_pt.is_finite() || opts.size_pt < 1.0 || opts.size_pt > 800.0 {
            return Err(DocxError::InvalidOption(format!(
                "font size {} pt is not in 1..=800",
                opts.size_pt
            )));
        }
        Ok(Fmt {
            font_attr: xml_attr(font),
            font: font.to_string(),
            half_points: (opts.size_pt * 2.0).round() as u32,
        })
    }
}

/// Escape text for an XML attribute value in double quotes.
pub(crate) fn xml_attr(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// Whether XML 1.0 can hold this character (tab and line breaks included).
pub(crate) fn xml_char_ok(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The parts written for a document.
pub(crate) struct Built {
    /// `word/document.xml`.
    pub(crate) document: String,
    /// Header parts: header `i` is `word/header{i+1}.xml`, relationship
    /// `rIdHdr{i+1}`.
    pub(crate) headers: Vec<String>,
}

/// How a run looks.
#[derive(Clone, Copy)]
struct RunFmt {
    lang: Lang,
    bold: bool,
    red: bool,
    /// The run's text has Thai characters (an English-tagged run then still
    /// gets `w:bidi="th-TH"` so Word shapes and breaks it as Thai).
    thai_chars: bool,
}

impl RunFmt {
    /// The look of a model run (bold also when its paragraph's style is).
    fn of(r: &Run, force_bold: bool) -> RunFmt {
        RunFmt {
            lang: r.lang,
            bold: r.bold || force_bold,
            red: false,
            thai_chars: has_thai(&r.text),
        }
    }

    /// A plain look: not bold, not red, no Thai letters in English.
    fn plain(lang: Lang) -> RunFmt {
        RunFmt {
            lang,
            bold: false,
            red: false,
            thai_chars: false,
        }
    }

    /// How many looks there are: two languages and three yes-or-noes.
    const COUNT: usize = 16;

    /// A number for each look, below [`Self::COUNT`].
    fn index(self) -> usize {
        let lang = match self.lang {
            Lang::Th => 0,
            Lang::En => 8,
        };
        lang + usize::from(self.bold) * 4 + usize::from(self.red) * 2 + usize::from(self.thai_chars)
    }
}

/// Horizontal alignment of a paragraph.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Align {
    Left,
    Center,
    Right,
    /// Latin justification (`both`).
    Both,
    /// Thai justification (`thaiDistribute`): spreads the line by Thai
    /// character clusters instead of by the (absent) spaces between words.
    ThaiDistribute,
}

/// How a paragraph looks.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ParaFmt {
    align: Align,
    /// Language of the paragraph mark (its run properties).
    lang: Lang,
    keep_next: bool,
    /// Numbered clause: hanging indent with a tab stop after the number.
    hanging: bool,
    before: u32,
    after: u32,
    ind_left: u32,
    ind_right: u32,
    /// An empty spacer paragraph (a table cell must end with a paragraph):
    /// exact 1 pt line so it takes no visible room.
    spacer: bool,
    /// Width of the hanging indent when `hanging` (a clause's number, a
    /// letter's label).
    hang: u32,
    /// First-line indent (a letter's body paragraphs).
    first_line: u32,
    /// An exact line height instead of the font's (the Garuda's space).
    exact: Option<u32>,
    /// The paragraph's end is a tracked change.
    revision: Option<Revision>,
}

// By hand: `Revision` (of the document model) is not `Hash`.
impl std::hash::Hash for ParaFmt {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let ParaFmt {
            align,
            lang,
            keep_next,
            hanging,
            before,
            after,
            ind_left,
            ind_right,
            spacer,
            hang,
            first_line,
            exact,
            revision,
        } = *self;
        (align, lang, keep_next, hanging, before, after).hash(h);
        (ind_left, ind_right, spacer, hang, first_line, exact).hash(h);
        revision.map(revision_element).hash(h);
    }
}

impl ParaFmt {
    fn new(align: Align, lang: Lang) -> ParaFmt {
        ParaFmt {
            align,
            lang,
            keep_next: false,
            hanging: false,
            before: 0,
            after: 0,
            ind_left: 0,
            ind_right: 0,
            spacer: false,
            hang: HANG,
            first_line: 0,
            exact: None,
            revision: None,
        }
    }
}

/// Where a paragraph sits: the full text width, or a column of the
/// parallel table (the gutter becomes an indent on the inner side).
#[derive(Clone, Copy, PartialEq)]
enum Column {
    Full,
    Left,
    Right,
}

impl Column {
    fn indents(self) -> (u32, u32) {
        match self {
            Column::Full => (0, 0),
            Column::Left => (0, GUTTER),
            Column::Right => (GUTTER, 0),
        }
    }
}

/// What one header part shows: the non-compliance mark, the page number
/// "- n -" in a section's language, both, or neither.
struct HeaderSpec {
    mark: Option<String>,
    page: Option<Lang>,
}

struct Builder<'a> {
    fmt: &'a Fmt,
    /// The part being written.
    out: String,
    /// The headers the sections refer to, written after the body (their
    /// paragraphs are numbered after the body's, as Word reads the parts).
    headers: Vec<HeaderSpec>,
    /// Each run look's `w:rPr`, written the first time the look is asked
    /// for: a document has a few dozen looks and hundreds of runs.
    run_rprs: [Option<String>; RunFmt::COUNT],
    /// Each paragraph look's `w:pPr` (looks without a tracked change).
    para_pprs: HashMap<ParaFmt, String>,
    /// The next `w14:paraId`, 1, 2, 3… across the body and then the headers.
    next_para_id: u32,
    /// The next `w:id` of a tracked change, 1, 2, 3… in document order.
    next_revision_id: u32,
}

/// Write the parts of `doc`.
///
/// Each section's properties (`w:sectPr`) name its two headers: a
/// non-final section ends with a 1 pt paragraph whose `w:pPr` holds them,
/// the last one's close the body.
pub(crate) fn write_parts(doc: &Document, fmt: &Fmt) -> Result<Built, DocxError> {
    let mut b = Builder::new(fmt);
    b.out.reserve(128 << 10);
    let mark = doc.non_compliant_mark.as_deref();
    if let Some(m) = mark {
        check_text("non_compliant_mark", m)?;
    }
    b.out.push_str(XML_DECL);
    b.out.push_str(DOCUMENT_ROOT);
    b.out.push_str("<w:body>");

    let parallel = doc.layout == Layout::Parallel && doc.sections.len() == 2;
    let final_sect = if parallel {
        // One page style: the Thai column leads, so Thai digits when asked.
        let lang = doc.sections[0].lang;
        b.parallel(&doc.sections[0], &doc.sections[1])?;
        b.sect_pr(mark, lang, doc.thai_digits)
    } else if doc.sections.is_empty() {
        b.empty_para(Lang::Th, false);
        b.sect_pr(mark, Lang::Th, doc.thai_digits)
    } else {
        // Sequential: each language its own section, so that each starts
        // on a new page, numbers its pages from 1 (the first page
        // unnumbered, as the regulations have it) and, for Thai, can use
        // Thai digits.
        let last = doc.sections.len() - 1;
        let mut sect = String::new();
        for (i, s) in doc.sections.iter().enumerate() {
            b.add_section_blocks(s)?;
            sect = b.sect_pr(mark, s.lang, doc.thai_digits);
            if i < last {
                b.section_break(&sect, s.lang);
            }
        }
        sect
    };
    b.out.push_str(&final_sect);
    b.out.push_str("</w:body></w:document>");
    let document = std::mem::take(&mut b.out);

    let specs = std::mem::take(&mut b.headers);
    let mut headers = Vec::with_capacity(specs.len());
    for spec in &specs {
        b.out = String::with_capacity(4 << 10);
        b.out.push_str(XML_DECL);
        b.out.push_str(HEADER_ROOT);
        b.header(spec.mark.as_deref(), spec.page);
        b.out.push_str("</w:hdr>");
        headers.push(std::mem::take(&mut b.out));
    }
    Ok(Built { document, headers })
}

/// Reject characters XML 1.0 cannot hold, naming the block.
fn check_text(key: &str, text: &str) -> Result<(), DocxError> {
    match text.chars().find(|c| !xml_char_ok(*c)) {
        Some(ch) => Err(DocxError::InvalidText {
            key: key.to_string(),
            ch,
        }),
        None => Ok(()),
    }
}

fn is_signature(b: Option<&Block>) -> bool {
    matches!(b.map(|b| &b.content), Some(BlockContent::Signature(_)))
}

impl<'a> Builder<'a> {
    /// A builder with nothing written: ids count from 1.
    fn new(fmt: &'a Fmt) -> Builder<'a> {
        Builder {
            fmt,
            out: String::new(),
            headers: Vec::new(),
            run_rprs: Default::default(),
            para_pprs: HashMap::new(),
            next_para_id: 1,
            next_revision_id: 1,
        }
    }

    // ----- property XML -------------------------------------------------

    /// The inside of a `w:rPr` (shared by runs and paragraph marks), in
    /// the schema's element order: rFonts, b, bCs, color, sz, szCs, cs, lang.
    fn push_rpr_inner(fmt: &Fmt, x: &mut String, f: RunFmt) {
        // Writing to a `String` cannot fail: the `fmt::Result`s are ignored.
        let font = &fmt.font_attr;
        let hp = fmt.half_points;
        let _ = write!(
            x,
            r#"<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>"#
        );
        if f.bold {
            x.push_str("<w:b/><w:bCs/>");
        }
        if f.red {
            x.push_str(r#"<w:color w:val="C00000"/>"#);
        }
        let _ = write!(x, r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#);
        let (en, th) = (Lang::En.bcp47(), Lang::Th.bcp47());
        match f.lang {
            Lang::Th => {
                x.push_str("<w:cs/>");
                let _ = write!(x, r#"<w:lang w:val="{en}" w:bidi="{th}"/>"#);
            }
            Lang::En if f.thai_chars => {
                let _ = write!(x, r#"<w:lang w:val="{en}" w:bidi="{th}"/>"#);
            }
            Lang::En => {
                let _ = write!(x, r#"<w:lang w:val="{en}"/>"#);
            }
        }
    }

    /// Look `f`'s `w:rPr`, added to the part (written the first time the
    /// look is asked for, then copied).
    fn push_rpr(&mut self, f: RunFmt) {
        let fmt = self.fmt;
        let rpr = self.run_rprs[f.index()].get_or_insert_with(|| {
            let mut xml = String::with_capacity(256);
            xml.push_str("<w:rPr>");
            Self::push_rpr_inner(fmt, &mut xml, f);
            xml.push_str("</w:rPr>");
            xml
        });
        self.out.push_str(rpr);
    }

    /// The `w:pPr` of paragraph look `p`; a tracked paragraph end carries
    /// the change's id `revision_id`.
    fn ppr_xml(fmt: &Fmt, p: ParaFmt, revision_id: u32) -> String {
        // Writing to a `String` cannot fail: the `fmt::Result`s are ignored.
        let mut x = String::with_capacity(512);
        x.push_str("<w:pPr>");
        if p.keep_next {
            x.push_str("<w:keepNext/>");
        }
        if p.hanging {
            let _ = write!(
                x,
                r#"<w:tabs><w:tab w:val="left" w:pos="{}"/></w:tabs>"#,
                p.ind_left + p.hang
            );
        }
        if let Some(h) = p.exact {
            let _ = write!(
                x,
                r#"<w:spacing w:before="0" w:after="0" w:line="{h}" w:lineRule="exact"/>"#
            );
        } else if p.spacer {
            x.push_str(r#"<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>"#);
        } else {
            let _ = write!(
                x,
                r#"<w:spacing w:before="{}" w:after="{}" w:line="240" w:lineRule="auto"/>"#,
                p.before, p.after
            );
        }
        let left = p.ind_left + if p.hanging { p.hang } else { 0 };
        if left != 0 || p.ind_right != 0 || p.hanging || p.first_line != 0 {
            let _ = write!(x, r#"<w:ind w:left="{left}" w:right="{}""#, p.ind_right);
            if p.hanging {
                let _ = write!(x, r#" w:hanging="{}""#, p.hang);
            } else if p.first_line != 0 {
                let _ = write!(x, r#" w:firstLine="{}""#, p.first_line);
            }
            x.push_str("/>");
        }
        let jc = match p.align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
            Align::ThaiDistribute => "thaiDistribute",
        };
        let _ = write!(x, r#"<w:jc w:val="{jc}"/>"#);
        x.push_str("<w:rPr>");
        // A tracked paragraph end comes first in its properties.
        if let Some(r) = p.revision {
            let _ = write!(
                x,
                r#"<w:{} w:id="{revision_id}" w:author="{}" w:date="{}"/>"#,
                revision_element(r),
                super::REVISION_AUTHOR,
                super::REVISION_DATE
            );
        }
        Self::push_rpr_inner(fmt, &mut x, RunFmt::plain(p.lang));
        x.push_str("</w:rPr></w:pPr>");
        x
    }

    /// `<w:p>` opened with the next paragraph id and look `p`'s `w:pPr`
    /// (remembered per look; a tracked paragraph end takes the next
    /// change id, so its properties are written afresh).
    fn open_paragraph(&mut self, p: ParaFmt) {
        self.open_p_tag();
        if p.revision.is_some() {
            let id = self.next_revision_id;
            self.next_revision_id += 1;
            let x = Self::ppr_xml(self.fmt, p, id);
            self.out.push_str(&x);
            return;
        }
        let fmt = self.fmt;
        let x = self
            .para_pprs
            .entry(p)
            .or_insert_with(|| Self::ppr_xml(fmt, p, 0));
        self.out.push_str(x);
    }

    /// `<w:p>` with the next paragraph id.
    fn open_p_tag(&mut self) {
        let _ = write!(self.out, r#"<w:p w14:paraId="{:08X}">"#, self.next_para_id);
        self.next_para_id += 1;
    }

    /// The properties of a fixed-layout table, `width` wide, indented
    /// `indent` when given, with single 0.5 pt borders or none, and no cell
    /// margins (gutters and padding are paragraph indents).
    fn tbl_pr(width: u32, indent: Option<u32>, borders: bool) -> String {
        let line = if borders {
            r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        } else {
            r#"w:val="nil""#
        };
        let ind = indent
            .map(|i| format!(r#"<w:tblInd w:w="{i}" w:type="dxa"/>"#))
            .unwrap_or_default();
        format!(
            concat!(
                "<w:tblPr>",
                r#"<w:tblW w:w="{w}" w:type="dxa"/>"#,
                "{ind}",
                r#"<w:tblBorders><w:top {l}/><w:left {l}/><w:bottom {l}/>"#,
                r#"<w:right {l}/><w:insideH {l}/><w:insideV {l}/></w:tblBorders>"#,
                r#"<w:tblLayout w:type="fixed"/>"#,
                r#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>"#,
                r#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>"#,
                "</w:tblPr>"
            ),
            w = width,
            ind = ind,
            l = line,
        )
    }

    /// `<w:tbl>` opened: its properties and its grid of column widths.
    fn open_table(&mut self, width: u32, indent: Option<u32>, borders: bool, grid: &[u32]) {
        self.out.push_str("<w:tbl>");
        self.out.push_str(&Self::tbl_pr(width, indent, borders));
        self.out.push_str("<w:tblGrid>");
        for w in grid {
            let _ = write!(self.out, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.out.push_str("</w:tblGrid>");
    }

    /// `<w:tr>` opened; `cant_split` keeps the row on one page.
    fn open_row(&mut self, cant_split: bool) {
        self.out.push_str(if cant_split {
            "<w:tr><w:trPr><w:cantSplit /></w:trPr>"
        } else {
            "<w:tr><w:trPr />"
        });
    }

    /// `<w:tc>` opened, `width` twips wide, spanning `span` grid columns.
    fn open_cell(&mut self, width: u32, span: u32) {
        let _ = write!(
            self.out,
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa" />"#
        );
        if span > 1 {
            let _ = write!(self.out, r#"<w:gridSpan w:val="{span}" />"#);
        }
        self.out.push_str("</w:tcPr>");
    }

    // ----- runs and paragraphs ------------------------------------------

    /// The pieces of `text` inside a run: `w:t` (or `w:delText` when
    /// `deleted`), tabs as `w:tab`, line breaks as `w:br`.
    fn push_pieces(&mut self, text: &str, deleted: bool) {
        let (open, close) = if deleted {
            (r#"<w:delText xml:space="preserve">"#, "</w:delText>")
        } else {
            (r#"<w:t xml:space="preserve">"#, "</w:t>")
        };
        for piece in run_pieces(text) {
            match piece {
                RunPiece::Text(t) => {
                    self.out.push_str(open);
                    push_escaped(&mut self.out, t);
                    self.out.push_str(close);
                }
                RunPiece::Tab => self.out.push_str("<w:tab />"),
                RunPiece::Break => self.out.push_str(r#"<w:br w:type="textWrapping" />"#),
            }
        }
    }

    /// A run of `text` in look `f`.
    fn push_run(&mut self, text: &str, f: RunFmt) {
        self.out.push_str("<w:r>");
        self.push_rpr(f);
        self.push_pieces(text, false);
        self.out.push_str("</w:r>");
    }

    /// A model run: inside `w:ins` / `w:del` when it is a tracked change
    /// (author and date fixed, ids in document order).
    fn push_model_run(&mut self, r: &Run, force_bold: bool) {
        let f = RunFmt::of(r, force_bold);
        let Some(rev) = r.revision else {
            self.push_run(&r.text, f);
            return;
        };
        let element = revision_element(rev);
        let _ = write!(
            self.out,
            r#"<w:{element} w:id="{}" w:author="{}" w:date="{}"><w:r>"#,
            self.next_revision_id,
            super::REVISION_AUTHOR,
            super::REVISION_DATE
        );
        self.next_revision_id += 1;
        self.push_rpr(f);
        self.push_pieces(&r.text, rev == Revision::Deleted);
        let _ = write!(self.out, "</w:r></w:{element}>");
    }

    /// The model runs of one paragraph, in order.
    fn push_model_runs(&mut self, runs: &[Run], force_bold: bool) {
        for r in runs {
            self.push_model_run(r, force_bold);
        }
    }

    /// An empty paragraph (a `spacer` is 1 pt high).
    fn empty_para(&mut self, lang: Lang, spacer: bool) {
        let mut f = ParaFmt::new(Align::Center, lang);
        f.spacer = spacer;
        self.open_paragraph(f);
        self.out.push_str("</w:p>");
    }

    /// A model paragraph. `lang` is its section's language (it picks the
    /// justification); `keep_next` holds it on the page of what follows.
    fn paragraph(
        &mut self,
        key: &str,
        p: &Paragraph,
        lang: Lang,
        col: Column,
        keep_next: bool,
    ) -> Result<(), DocxError> {
        for r in &p.runs {
            check_text(key, &r.text)?;
        }
        if let Some(n) = &p.number {
            check_text(key, n)?;
        }
        // The paragraph's own language, when it has one (the redline).
        let lang = p.lang.unwrap_or(lang);
        // English in a half-width parallel column is left-aligned: justified,
        // its few long words leave rivers of space.
        let justify = match (lang, col) {
            (Lang::Th, _) => Align::ThaiDistribute,
            (Lang::En, Column::Full) => Align::Both,
            (Lang::En, _) => Align::Left,
        };
        let look = style::look(p.style);
        let align = match look.align {
            style::Align::Left => Align::Left,
            style::Align::Center => Align::Center,
            style::Align::Right => Align::Right,
            style::Align::Justify => justify,
        };
        let (mut ind_left, ind_right) = col.indents();
        // A clause hangs after its number; one whose number is part of its
        // text (the redline's: "1.<tab>...") hangs after the tab.
        let hanging =
            p.style == ParaStyle::Clause || (p.style == ParaStyle::Labelled && p.number.is_some());
        if p.style == ParaStyle::FromCentre {
            ind_left += (TEXT_W - ind_left - ind_right) / 2;
        }
        let f = ParaFmt {
            keep_next: keep_next || look.keep_with_next,
            hanging,
            before: look.before.twips(),
            after: look.after.twips(),
            ind_left,
            ind_right,
            hang: match (p.style, &p.number) {
                (ParaStyle::Labelled, Some(label)) => table::label_hang(label),
                _ => HANG,
            },
            first_line: if p.style == ParaStyle::Indented {
                table::FIRST_LINE
            } else {
                0
            },
            exact: (p.style == ParaStyle::Emblem).then_some(table::EMBLEM_HEIGHT),
            revision: p.revision,
            ..ParaFmt::new(align, lang)
        };
        self.open_paragraph(f);
        if let Some(n) = &p.number {
            // The number, then a tab to the hanging indent: the clause text
            // lines up after the number on every line.
            let f = RunFmt {
                thai_chars: has_thai(n),
                ..RunFmt::plain(lang)
            };
            self.out.push_str("<w:r>");
            self.push_rpr(f);
            self.push_pieces(n, false);
            if hanging {
                self.out.push_str("<w:tab />");
            }
            self.out.push_str("</w:r>");
        }
        self.push_model_runs(&p.runs, look.bold);
        self.out.push_str("</w:p>");
        Ok(())
    }

    // ----- signature ------------------------------------------------------

    /// The signature block: a borderless one-row, two-column table whose row
    /// may not split across pages; each cell holds one centred paragraph
    /// per line. `width` is the table width, `indent` its left indent.
    fn signature(
        &mut self,
        key: &str,
        s: &Signature,
        lang: Lang,
        width: u32,
        indent: u32,
    ) -> Result<(), DocxError> {
        let left_w = width / 2;
        let right_w = width - left_w;
        self.open_table(width, Some(indent), false, &[left_w, right_w]);
        self.open_row(true);
        self.signature_cell(key, &s.left, lang, left_w)?;
        self.signature_cell(key, &s.right, lang, right_w)?;
        self.out.push_str("</w:tr></w:tbl>");
        Ok(())
    }

    fn signature_cell(
        &mut self,
        key: &str,
        lines: &[Vec<Run>],
        lang: Lang,
        width: u32,
    ) -> Result<(), DocxError> {
        self.open_cell(width, 1);
        if lines.is_empty() {
            self.empty_para(lang, false);
        }
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            for r in line {
                check_text(key, &r.text)?;
            }
            let mut f = ParaFmt::new(Align::Center, lang);
            f.keep_next = i + 1 < n;
            f.ind_left = GUTTER / 2;
            f.ind_right = GUTTER / 2;
            // Room above the block, and room to sign above the dotted
            // line (the second line: "For ...", then the signature line).
            f.before = match i {
                0 => style::SIGNATURE_BEFORE.twips(),
                1 => style::SIGNATURE_SIGN_ROOM.twips(),
                _ => 0,
            };
            self.open_paragraph(f);
            self.push_model_runs(line, false);
            self.out.push_str("</w:p>");
        }
        self.out.push_str("</w:tc>");
        Ok(())
    }

    // ----- layouts -------------------------------------------------------

    /// Sequential layout: one section's blocks at full width.
    fn add_section_blocks(&mut self, s: &Section) -> Result<(), DocxError> {
        for (i, b) in s.blocks.iter().enumerate() {
            let before_sig = is_signature(s.blocks.get(i + 1));
            match &b.content {
                BlockContent::Paragraph(p) => {
                    self.paragraph(&b.key, p, s.lang, Column::Full, before_sig)?;
                }
                BlockContent::Signature(sig) => self.signature(&b.key, sig, s.lang, TEXT_W, 0)?,
                BlockContent::Table(t) => {
                    // Two tables in a row would merge: a 1 pt spacer after each.
                    self.table(&b.key, t, s.lang, TEXT_W)?;
                    self.empty_para(s.lang, true);
                }
            }
        }
        Ok(())
    }

    /// Parallel layout: one borderless two-column table, a row per key.
    ///
    /// No borders: the drafts are prose instruments, and a printed grid
    /// would read as part of the text (a form to fill in). The column
    /// gutter (0.6 cm) and the row-per-clause alignment already show which
    /// Thai text answers which English text.
    ///
    /// Rows may break across pages: a clause row kept whole would leave
    /// half-empty pages. The signature row is different: a two-column
    /// signature block squeezed into one half-width column would break
    /// names and dotted lines, so that row is a single cell spanning both
    /// columns holding the Thai signature block, then the English one, each
    /// at full width and each kept on one page.
    fn parallel(&mut self, left: &Section, right: &Section) -> Result<(), DocxError> {
        let left_w = TEXT_W / 2;
        let right_w = TEXT_W - left_w;
        let rows = crate::document::pair_blocks(&left.blocks, &right.blocks);
        self.open_table(TEXT_W, Some(0), false, &[left_w, right_w]);
        for (i, (l, r)) in rows.iter().enumerate() {
            let before_sig = rows
                .get(i + 1)
                .is_some_and(|(nl, nr)| is_signature(*nl) || is_signature(*nr));
            self.open_row(false);
            if is_signature(*l) || is_signature(*r) {
                self.open_cell(TEXT_W, 2);
                for (b, lang) in [(*l, left.lang), (*r, right.lang)] {
                    if let Some(b) = b {
                        self.full_width_content(b, lang, before_sig)?;
                    }
                }
                self.out.push_str("</w:tc>");
            } else {
                self.parallel_cell(*l, left.lang, Column::Left, left_w, before_sig)?;
                self.parallel_cell(*r, right.lang, Column::Right, right_w, before_sig)?;
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
        Ok(())
    }

    /// A block at full text width inside a spanning cell; a signature is
    /// followed by a 1 pt spacer (two tables need a paragraph between them,
    /// and a cell must end with one).
    fn full_width_content(
        &mut self,
        b: &Block,
        lang: Lang,
        keep_next: bool,
    ) -> Result<(), DocxError> {
        match &b.content {
            BlockContent::Paragraph(p) => {
                self.paragraph(&b.key, p, lang, Column::Full, keep_next)?
            }
            BlockContent::Signature(s) => {
                self.signature(&b.key, s, lang, TEXT_W, 0)?;
                self.empty_para(lang, true);
            }
            BlockContent::Table(t) => {
                self.table(&b.key, t, lang, TEXT_W)?;
                self.empty_para(lang, true);
            }
        }
        Ok(())
    }

    fn parallel_cell(
        &mut self,
        block: Option<&Block>,
        lang: Lang,
        col: Column,
        width: u32,
        keep_next: bool,
    ) -> Result<(), DocxError> {
        self.open_cell(width, 1);
        match block {
            None => self.empty_para(lang, false),
            Some(b) => match &b.content {
                BlockContent::Paragraph(p) => self.paragraph(&b.key, p, lang, col, keep_next)?,
                // `parallel` gives signature rows a spanning cell; should one
                // reach here, it is nested at the column's width.
                BlockContent::Signature(s) => {
                    let (il, ir) = col.indents();
                    self.signature(&b.key, s, lang, width - il - ir, il)?;
                    // A cell must end with a paragraph: a 1 pt spacer.
                    self.empty_para(lang, true);
                }
                BlockContent::Table(t) => {
                    let (il, ir) = col.indents();
                    self.table(&b.key, t, lang, width - il - ir)?;
                    self.empty_para(lang, true);
                }
            },
        }
        self.out.push_str("</w:tc>");
        Ok(())
    }

    // ----- headers --------------------------------------------------------

    /// The `w:sectPr` of one section; its two headers are written after
    /// the body.
    ///
    /// Official correspondence numbers pages from the second on, centred at
    /// the top as "- 2 -": the first page (`w:titlePg`) has its own header
    /// without the number. The non-compliance mark, when set, is on both.
    /// Numbering restarts at 1 in each section, in Thai digits
    /// (`thaiNumbers`) for a Thai section when `thai_digits` is set.
    fn sect_pr(&mut self, mark: Option<&str>, lang: Lang, thai_digits: bool) -> String {
        let mark = mark.map(str::to_string);
        self.headers.push(HeaderSpec {
            mark: mark.clone(),
            page: None,
        });
        let first_id = self.headers.len();
        self.headers.push(HeaderSpec {
            mark,
            page: Some(lang),
        });
        let rest_id = self.headers.len();
        let fmt = if lang == Lang::Th && thai_digits {
            r#" w:fmt="thaiNumbers""#
        } else {
            ""
        };
        format!(
            concat!(
                "<w:sectPr>",
                r#"<w:headerReference w:type="default" r:id="{rid}{rest}"/>"#,
                r#"<w:headerReference w:type="first" r:id="{rid}{first}"/>"#,
                r#"<w:type w:val="nextPage"/>"#,
                r#"<w:pgSz w:w="{pw}" w:h="{ph}"/>"#,
                r#"<w:pgMar w:top="{mt}" w:right="{mr}" w:bottom="{mb}" w:left="{ml}" w:header="{hd}" w:footer="{hd}" w:gutter="0"/>"#,
                r#"<w:pgNumType{fmt} w:start="1"/>"#,
                r#"<w:cols w:space="708"/>"#,
                "<w:titlePg/>",
                "</w:sectPr>"
            ),
            rid = HEADER_RID,
            rest = rest_id,
            first = first_id,
            pw = PAGE_W,
            ph = PAGE_H,
            mt = MARGIN_TOP,
            mr = MARGIN_RIGHT,
            mb = MARGIN_BOTTOM,
            ml = MARGIN_LEFT,
            hd = HEADER_DIST,
            fmt = fmt,
        )
    }

    /// The paragraph that ends a non-final section: empty, 1 pt high,
    /// holding the section's properties.
    fn section_break(&mut self, sect: &str, lang: Lang) {
        self.open_p_tag();
        self.out.push_str(
            r#"<w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr>"#,
        );
        Self::push_rpr_inner(self.fmt, &mut self.out, RunFmt::plain(lang));
        self.out.push_str("</w:rPr>");
        self.out.push_str(sect);
        self.out.push_str("</w:pPr></w:p>");
    }

    /// The paragraphs of one header part.
    fn header(&mut self, mark: Option<&str>, page: Option<Lang>) {
        if let Some(m) = mark {
            let lang = if has_thai(m) { Lang::Th } else { Lang::En };
            self.open_paragraph(ParaFmt::new(Align::Center, lang));
            let f = RunFmt {
                lang,
                bold: true,
                red: true,
                thai_chars: has_thai(m),
            };
            self.push_run(m, f);
            self.out.push_str("</w:p>");
        }
        if let Some(lang) = page {
            self.open_paragraph(ParaFmt::new(Align::Center, lang));
            let f = RunFmt::plain(lang);
            // "- n -": the dashes and the PAGE field are the only text a
            // writer adds; the digits follow the section's number format.
            self.push_run("- ", f);
            self.out.push_str("<w:r>");
            self.push_rpr(f);
            self.out.push_str(concat!(
                r#"<w:fldChar w:fldCharType="begin" w:dirty="false" />"#,
                "<w:instrText>PAGE</w:instrText>",
                r#"<w:fldChar w:fldCharType="separate" w:dirty="false" />"#,
                r#"<w:t xml:space="preserve">1</w:t>"#,
                r#"<w:fldChar w:fldCharType="end" w:dirty="false" />"#,
                "</w:r>"
            ));
            self.push_run(" -", f);
            self.out.push_str("</w:p>");
        }
        if mark.is_none() && page.is_none() {
            self.empty_para(Lang::Th, false);
        }
    }
}

/// The element of a tracked change.
fn revision_element(r: Revision) -> &'static str {
    match r {
        Revision::Inserted => "ins",
        Revision::Deleted => "del",
    }
}

/// A piece of a run's text: text, a tab, or a line break.
enum RunPiece<'t> {
    Text(&'t str),
    Tab,
    Break,
}

/// `text` cut at tabs and line breaks ("\r\n" is one break). They are
/// ASCII, so the text between them is sliced at byte positions that are
/// always character boundaries.
fn run_pieces(text: &str) -> Vec<RunPiece<'_>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::with_capacity(1);
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'\t' | b'\n' | b'\r') {
            continue;
        }
        if start < i {
            pieces.push(RunPiece::Text(&text[start..i]));
        }
        start = i + 1;
        if b == b'\t' {
            pieces.push(RunPiece::Tab);
        } else if b == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            pieces.push(RunPiece::Break);
        }
    }
    if start < bytes.len() {
        pieces.push(RunPiece::Text(&text[start..]));
    }
    pieces
}

/// `t` escaped as run text (`&`, `<`, `>`, `"`, `'`, as Word and docx-rs
/// write them; line breaks never reach here: runs are split at them).
fn push_escaped(out: &mut String, t: &str) {
    let special = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | b'\n' | b'\r');
    if !t.bytes().any(special) {
        out.push_str(t);
        return;
    }
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => {}
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_run_look_has_its_own_slot() {
        let mut seen = std::collections::HashSet::new();
        for lang in [Lang::Th, Lang::En] {
            for bits in 0..8u8 {
                let f = RunFmt {
                    lang,
                    bold: bits & 4 != 0,
                    red: bits & 2 != 0,
                    thai_chars: bits & 1 != 0,
                };
                assert!(f.index() < RunFmt::COUNT);
                assert!(seen.insert(f.index()), "two looks share slot {}", f.index());
            }
        }
        assert_eq!(seen.len(), RunFmt::COUNT);
    }

    /// A run or paragraph look written from memory is the look written
    /// afresh; paragraph ids count up.
    #[test]
    fn a_remembered_look_is_the_one_written_fresh() {
        let fmt = Fmt::new(&DocxOptions::default()).expect("fmt");
        let mut b = Builder::new(&fmt);
        let run = RunFmt {
            lang: Lang::En,
            bold: true,
            red: false,
            thai_chars: true,
        };
        b.push_rpr(run);
        let first = b.out.clone();
        b.push_rpr(run);
        assert_eq!(b.out, format!("{first}{first}"));
        let mut fresh = String::new();
        Builder::push_rpr_inner(&fmt, &mut fresh, run);
        assert_eq!(first, format!("<w:rPr>{fresh}</w:rPr>"));
        assert!(fresh.contains(r#"w:bidi="th-TH""#) && fresh.contains("<w:b/><w:bCs/>"));

        let para = ParaFmt::new(Align::ThaiDistribute, Lang::Th);
        b.out.clear();
        b.open_paragraph(para);
        b.open_paragraph(para);
        let x = Builder::ppr_xml(&fmt, para, 0);
        assert!(x.contains(r#"<w:jc w:val="thaiDistribute"/>"#), "{x}");
        assert_eq!(
            b.out,
            format!(r#"<w:p w14:paraId="00000001">{x}<w:p w14:paraId="00000002">{x}"#)
        );
    }

    /// A tracked paragraph end takes the next change id, before the ids of
    /// the paragraph's own tracked runs.
    #[test]
    fn tracked_paragraph_ends_are_numbered_in_document_order() {
        let fmt = Fmt::new(&DocxOptions::default()).expect("fmt");
        let mut b = Builder::new(&fmt);
        let p = Paragraph {
            style: ParaStyle::Body,
            number: None,
            runs: vec![Run {
                text: "x".into(),
                lang: Lang::En,
                bold: false,
                slot: None,
                revision: Some(Revision::Inserted),
            }],
            revision: Some(Revision::Deleted),
            lang: None,
        };
        b.paragraph("k", &p, Lang::En, Column::Full, false)
            .expect("written");
        b.paragraph("k", &p, Lang::En, Column::Full, false)
            .expect("written");
        let ids: Vec<&str> = b
            .out
            .match_indices("w:id=\"")
            .map(|(i, m)| {
                let rest = &b.out[i + m.len()..];
                &rest[..rest.find('"').unwrap_or(0)]
            })
            .collect();
        assert_eq!(ids, ["1", "2", "3", "4"]);
        let del = b.out.find("<w:del ").unwrap_or(usize::MAX);
        let ins = b.out.find("<w:ins ").unwrap_or(0);
        assert!(del < ins, "the paragraph end's change comes first");
    }

    /// Every part of the DOCX of a document that uses every feature of the
    /// writer, held to a golden file per layout (`fixtures/golden/docx/`,
    /// `UPDATE_GOLDEN=1` rewrites them): paragraphs of every style, numbers,
    /// labels, tabs, line breaks (LF, CR LF, CR), every character that is
    /// escaped, empty and bold runs, both languages, signature and table
    /// cells (with and without borders), tracked changes among plain runs
    /// and on a paragraph end, the non-compliance mark in the headers.
    ///
    /// The files were written by the docx-rs writer that this one replaced
    /// (before 2026-12-07), so they also hold the direct writer to its
    /// bytes. Each part is one line per tag in the file (`><` split), which
    /// is exact: text and attribute values never hold a bare `>` or `<`.
    #[test]
    fn every_part_is_the_golden_one() {
        use crate::document::{markup, DocKind, Layout};
        use std::io::Read as _;
        let th = "@mark m | (ร่าง)\n\
                  @title t1 | บันทึกความเข้าใจ & <ทดสอบ> \"ก\" 'ข'\n\
                  @center c0 | ระหว่าง\n\
                  @clause c1 1. | ผู้เข้าร่วม\tทั้งสองฝ่าย Sa Kaeo จังหวัดสระแก้ว\n\
                  @body b1 | ข้อความ\n\
                  @emblem e |\n\
                  @from-centre d | ๑ มกราคม ๒๕๖๙\n\
                  @label l1 เรื่อง | ขอเสนอ\n\
                  @indent i1 | ด้วยจังหวัด\n\
                  @left lf | ชิดซ้าย\n\
                  @blank bl |\n\
                  @table tb | 50 l | 30 c | 20 r\n\
                  @thead tb | หัว // Head | กลาง | ค่า\n\
                  @row tb r1 | ซ้าย & ขวา // left | | 1,000\n\
                  @grid g | 40 l | 60 l\n\
                  @row g g1 | ที่ | ศาลากลาง\n\
                  @sig-left s | สำหรับจังหวัด\n\
                  @sig-right s | For the Province\n";
        let en = th.replace("@title t1 | ", "@title t1 | The Participants' \"MOU\" ");
        let mut sections = vec![
            markup::parse(th, Lang::Th).expect("th"),
            markup::parse(&en, Lang::En).expect("en"),
        ];
        // Breaks, an empty run, bold, and tracked changes among plain runs
        // and on a paragraph's end.
        for s in &mut sections {
            if let Some(BlockContent::Paragraph(p)) = s
                .blocks
                .iter_mut()
                .find(|b| b.key == "b1")
                .map(|b| &mut b.content)
            {
                let run = |text: &str, bold: bool, revision: Option<Revision>| Run {
                    text: text.to_string(),
                    lang: Lang::Th,
                    bold,
                    slot: None,
                    revision,
                };
                p.runs.extend([
                    run("หนึ่ง\nสอง\r\nสาม\rสี่\t", false, None),
                    run("", false, None),
                    run("ตัวหนา", true, None),
                    run("เพิ่ม", false, Some(Revision::Inserted)),
                    run("ตาม", false, None),
                    run("ลบ", false, Some(Revision::Deleted)),
                    run("ท้าย", true, None),
                ]);
                p.revision = Some(Revision::Deleted);
            }
        }
        let opts = crate::docx::DocxOptions::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/golden/docx");
        let cases = [
            ("sequential", Layout::Sequential, None, sections.clone()),
            (
                "parallel",
                Layout::Parallel,
                Some("NOT COMPLIANT / ไม่เป็นไปตาม"),
                sections.clone(),
            ),
            ("empty", Layout::Sequential, Some("MARK"), Vec::new()),
        ];
        let mut failures = Vec::new();
        for (name, layout, mark, sections) in cases {
            let doc = Document {
                kind: DocKind::Mou,
                title: "t & <T>".into(),
                subject: "s".into(),
                layout,
                non_compliant_mark: mark.map(str::to_string),
                sections,
                thai_digits: true,
            };
            let docx = crate::docx::write_docx(&doc, &opts).expect("writes");
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
            let mut text = String::new();
            for i in 0..zip.len() {
                let mut f = zip.by_index(i).expect("entry");
                let name = f.name().expect("entry name").to_string();
                let mut part = String::new();
                f.read_to_string(&mut part).expect("utf-8");
                text.push_str(&format!("=== {name}\n{}\n", part.replace("><", ">\n<")));
            }
            let path = root.join(format!("{name}.xml"));
            if std::env::var_os("UPDATE_GOLDEN").is_some() {
                std::fs::create_dir_all(&root).expect("golden folder");
                std::fs::write(&path, &text).expect("golden written");
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                failures.push(format!(
                    "{} differs (UPDATE_GOLDEN=1 rewrites it after a deliberate change)",
                    path.display()
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
