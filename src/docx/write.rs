//! Model -> `docx_rs::Docx`: page geometry, sections, the parallel table,
//! signature tables, headers with page numbers, paragraphs and runs.
//!
//! docx-rs builds the tree; the exact paragraph and run properties (which
//! docx-rs cannot express: `w:lang w:bidi`, `w:cs`, `thaiDistribute`) are
//! written here as XML strings into [`Props`], and each paragraph / run /
//! table only carries a marker style id (`SisterdocP7`, `SisterdocR3`,
//! `SisterdocT0`) that [`super::fixup`] later swaps for the string. (Tables
//! too: docx-rs writes `w:tblPr` children out of schema order.)

use crate::thai::segment::has_thai;
use std::collections::HashMap;
use std::fmt::Write as _;

use docx_rs::{
    BreakType, BuildXML, FieldCharType, Header, InstrPAGE, InstrText, Table, TableCell, TableRow,
    WidthType,
};

use super::{DocxError, DocxOptions};

// Tables (the action plan, the checklist) and the letter's layout grids.
#[path = "table.rs"]
mod table;
use crate::document::style::{self, PAGE};
use crate::document::{
    Block, BlockContent, Document, Lang, Layout, ParaStyle, Paragraph, Revision, Run, Section,
    Signature,
};

/// Marker prefix of paragraph property ids (`w:pStyle w:val`).
pub(crate) const MARK_P: &str = "SisterdocP";
/// Marker prefix of run property ids (`w:rStyle w:val`).
pub(crate) const MARK_R: &str = "SisterdocR";
/// Marker prefix of table property ids (`w:tblStyle w:val`).
pub(crate) const MARK_T: &str = "SisterdocT";
/// Marker prefix of a group of runs written here rather than by docx-rs
/// (`w:rStyle w:val` of a placeholder run; see [`Builder::add_model_runs`]).
pub(crate) const MARK_K: &str = "SisterdocK";
/// Relationship id prefix of header parts (`rIdHdr1` -> `word/header1.xml`).
pub(crate) const HEADER_RID: &str = "rIdHdr";

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

/// The exact property XML that marker ids point to, in the order handed out.
#[derive(Default)]
pub(crate) struct Props {
    pub(crate) ppr: PropTable,
    pub(crate) rpr: PropTable,
    pub(crate) tblpr: PropTable,
    /// Groups of runs, as the XML that replaces a placeholder's `w:rPr`.
    pub(crate) runs: PropTable,
}

/// Distinct property XML strings, numbered in the order first seen.
#[derive(Default)]
pub(crate) struct PropTable {
    xml: Vec<String>,
    ids: HashMap<String, usize>,
}

impl PropTable {
    fn marker(&mut self, prefix: &str, xml: String) -> String {
        format!("{prefix}{}", self.number(xml))
    }

    /// The number of `xml` in the table, added if it is new.
    fn number(&mut self, xml: String) -> usize {
        match self.ids.get(&xml) {
            Some(n) => *n,
            None => {
                let n = self.xml.len();
                self.ids.insert(xml.clone(), n);
                self.xml.push(xml);
                n
            }
        }
    }

    /// Like `marker`, for XML that will not recur (a paragraph's runs):
    /// no lookup of what was seen before.
    fn append(&mut self, prefix: &str, xml: String) -> String {
        self.xml.push(xml);
        format!("{prefix}{}", self.xml.len() - 1)
    }

    pub(crate) fn get(&self, n: usize) -> Option<&str> {
        self.xml.get(n).map(String::as_str)
    }
}

impl Props {
    fn ppr_marker(&mut self, xml: String) -> String {
        self.ppr.marker(MARK_P, xml)
    }

    fn runs_marker(&mut self, xml: String) -> String {
        self.runs.append(MARK_K, xml)
    }

    /// A fixed-layout table, `width` wide, indented `indent` when given,
    /// with single 0.5 pt borders or none, and no cell margins (gutters
    /// and padding are paragraph indents).
    pub(crate) fn tblpr_marker(
        &mut self,
        width: u32,
        indent: Option<u32>,
        borders: bool,
    ) -> String {
        let line = if borders {
            r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        } else {
            r#"w:val="nil""#
        };
        let ind = indent
            .map(|i| format!(r#"<w:tblInd w:w="{i}" w:type="dxa"/>"#))
            .unwrap_or_default();
        let xml = format!(
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
        );
        self.tblpr.marker(MARK_T, xml)
    }
}

/// The docx-rs document plus the property XML its markers point to.
pub(crate) struct Built {
    pub(crate) docx: docx_rs::Docx,
    pub(crate) props: Props,
    /// Header parts as docx-rs wrote them (markers not yet replaced);
    /// header `i` is `word/header{i+1}.xml`, relationship `rIdHdr{i+1}`.
    pub(crate) headers: Vec<Vec<u8>>,
    /// The body-level `w:sectPr` (the last section's), replacing docx-rs's.
    pub(crate) final_sect: String,
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

struct Builder<'a> {
    fmt: &'a Fmt,
    props: Props,
    headers: Vec<Vec<u8>>,
    /// The number of each run look's `w:rPr` in `props.rpr`: a document
    /// has a few dozen looks and hundreds of runs, and a look's property
    /// XML need be written (and looked up in `props`) only once.
    run_rprs: [Option<usize>; RunFmt::COUNT],
    para_markers: HashMap<ParaFmt, String>,
    /// Model runs written here in groups (see [`Builder::add_model_runs`]);
    /// `false` only in the test that holds the two ways to the same bytes.
    direct_runs: bool,
}

#[cfg(test)]
thread_local! {
    /// Tests: build every model run through docx-rs, as before groups.
    static RUNS_THROUGH_DOCX_RS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Build the docx-rs document for `doc`.
///
/// docx-rs writes section properties in an order the schema does not allow
/// and keeps only one header of a non-final section, so the section
/// properties (`w:sectPr`) and the header parts are ours: a non-final
/// section ends with a 1 pt paragraph whose marked `w:pPr` holds its
/// `w:sectPr`, and the body-level one is swapped in by the fixup.
pub(crate) fn to_docx_rs(doc: &Document, fmt: &Fmt) -> Result<Built, DocxError> {
    #[cfg(not(test))]
    let direct_runs = true;
    #[cfg(test)]
    let direct_runs = !RUNS_THROUGH_DOCX_RS.with(std::cell::Cell::get);
    let mut b = Builder {
        fmt,
        props: Props::default(),
        headers: Vec::new(),
        run_rprs: Default::default(),
        para_markers: HashMap::new(),
        direct_runs,
    };
    let mark = doc.non_compliant_mark.as_deref();
    if let Some(m) = mark {
        check_text("non_compliant_mark", m)?;
    }
    let mut docx = docx_rs::Docx::new();
    let final_sect;

    let parallel = doc.layout == Layout::Parallel && doc.sections.len() == 2;
    if parallel {
        // One page style: the Thai column leads, so Thai digits when asked.
        let lang = doc.sections[0].lang;
        let table = b.parallel(&doc.sections[0], &doc.sections[1])?;
        docx = docx.add_table(table);
        final_sect = b.sect_pr(mark, lang, doc.thai_digits);
    } else if doc.sections.is_empty() {
        docx = docx.add_paragraph(b.empty_para(Lang::Th, false));
        final_sect = b.sect_pr(mark, Lang::Th, doc.thai_digits);
    } else {
        // Sequential: each language its own section, so that each starts
        // on a new page, numbers its pages from 1 (the first page
        // unnumbered, as the regulations have it) and, for Thai, can use
        // Thai digits.
        let last = doc.sections.len() - 1;
        let mut sect = String::new();
        for (i, s) in doc.sections.iter().enumerate() {
            docx = b.add_section_blocks(docx, s)?;
            sect = b.sect_pr(mark, s.lang, doc.thai_digits);
            if i < last {
                docx = docx.add_paragraph(b.section_break(&sect, s.lang));
            }
        }
        final_sect = sect;
    }
    Ok(Built {
        docx,
        props: b.props,
        headers: b.headers,
        final_sect,
    })
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

impl Builder<'_> {
    // ----- property XML -------------------------------------------------

    /// The inside of a `w:rPr` (shared by runs and paragraph marks), in
    /// the schema's element order: rFonts, b, bCs, color, sz, szCs, cs, lang.
    fn rpr_inner(&self, f: RunFmt) -> String {
        let mut x = String::with_capacity(256);
        self.push_rpr_inner(&mut x, f);
        x
    }

    /// [`Self::rpr_inner`], written at the end of `x`.
    fn push_rpr_inner(&self, x: &mut String, f: RunFmt) {
        // Writing to a `String` cannot fail: the `fmt::Result`s are ignored.
        let font = &self.fmt.font_attr;
        let hp = self.fmt.half_points;
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

    fn run_marker(&mut self, f: RunFmt) -> String {
        format!("{MARK_R}{}", self.run_rpr(f))
    }

    /// The number of look `f`'s `w:rPr` in `props.rpr` (written the first
    /// time the look is asked for).
    fn run_rpr(&mut self, f: RunFmt) -> usize {
        if let Some(n) = self.run_rprs[f.index()] {
            return n;
        }
        let mut xml = String::with_capacity(256);
        xml.push_str("<w:rPr>");
        self.push_rpr_inner(&mut xml, f);
        xml.push_str("</w:rPr>");
        let n = self.props.rpr.number(xml);
        self.run_rprs[f.index()] = Some(n);
        n
    }

    fn para_marker(&mut self, p: ParaFmt) -> String {
        if let Some(m) = self.para_markers.get(&p) {
            return m.clone();
        }
        let m = self.para_marker_xml(p);
        self.para_markers.insert(p, m.clone());
        m
    }

    /// The marker of a paragraph look not seen before: its `w:pPr` written.
    fn para_marker_xml(&mut self, p: ParaFmt) -> String {
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
        // A tracked paragraph end comes first in its properties; the ids are
        // numbered in document order when the part is packed.
        if let Some(r) = p.revision {
            let _ = write!(
                x,
                r#"<w:{} w:id="0" w:author="{}" w:date="{}"/>"#,
                revision_element(r),
                super::REVISION_AUTHOR,
                super::REVISION_DATE
            );
        }
        self.push_rpr_inner(
            &mut x,
            RunFmt {
                lang: p.lang,
                bold: false,
                red: false,
                thai_chars: false,
            },
        );
        x.push_str("</w:rPr></w:pPr>");
        self.props.ppr_marker(x)
    }

    // ----- runs and paragraphs ------------------------------------------

    /// A docx-rs run for `text`: tabs become `w:tab`, line breaks `w:br`.
    fn text_run(&mut self, text: &str, f: RunFmt) -> docx_rs::Run {
        self.text_run_as(text, f, false)
    }

    /// [`Self::text_run`], its text as deleted text (`w:delText`) when `deleted`.
    fn text_run_as(&mut self, text: &str, f: RunFmt, deleted: bool) -> docx_rs::Run {
        let marker = self.run_marker(f);
        let mut run = docx_rs::Run::new().style(&marker);
        for piece in run_pieces(text) {
            run = match piece {
                RunPiece::Text(t) => add_text(run, t.to_string(), deleted),
                RunPiece::Tab => run.add_tab(),
                RunPiece::Break => run.add_break(BreakType::TextWrapping),
            };
        }
        run
    }

    /// A model run added to `para`: inside `w:ins` / `w:del` when it is a
    /// tracked change (author and date fixed; ids numbered when packed).
    fn add_model_run(
        &mut self,
        para: docx_rs::Paragraph,
        r: &Run,
        force_bold: bool,
    ) -> docx_rs::Paragraph {
        let f = RunFmt::of(r, force_bold);
        let deleted = r.revision == Some(Revision::Deleted);
        let run = self.text_run_as(&r.text, f, deleted);
        match r.revision {
            None => para.add_run(run),
            Some(Revision::Inserted) => para.add_insert(
                docx_rs::Insert::new(run)
                    .author(super::REVISION_AUTHOR)
                    .date(super::REVISION_DATE),
            ),
            Some(Revision::Deleted) => para.add_delete(
                docx_rs::Delete::new()
                    .add_run(run)
                    .author(super::REVISION_AUTHOR)
                    .date(super::REVISION_DATE),
            ),
        }
    }

    /// The model runs of one paragraph, added to `para` in order.
    ///
    /// Consecutive runs that are not tracked changes are written here as
    /// the XML docx-rs and the fix-up pass would give them (`w:r`, the
    /// look's `w:rPr`, then `w:t` / `w:tab` / `w:br`), and stand in the
    /// docx-rs paragraph as one placeholder run whose `w:rPr` the fix-up
    /// replaces with them (marker [`MARK_K`]). docx-rs's builder moves its
    /// writer by value for each of some thirty optional run properties:
    /// building and writing the runs was a tenth of a DOCX's instructions,
    /// and a paragraph has three runs on average. A tracked change still
    /// goes through docx-rs (`w:ins` / `w:del`, numbered when packed).
    /// `tests::grouped_runs_write_the_same_bytes` holds the two ways to the
    /// same DOCX.
    fn add_model_runs(
        &mut self,
        mut para: docx_rs::Paragraph,
        runs: &[Run],
        force_bold: bool,
    ) -> docx_rs::Paragraph {
        if !self.direct_runs {
            for r in runs {
                para = self.add_model_run(para, r, force_bold);
            }
            return para;
        }
        let mut group = String::new();
        for r in runs {
            if r.revision.is_some() {
                para = self.placeholder(para, &mut group);
                para = self.add_model_run(para, r, force_bold);
                continue;
            }
            let f = RunFmt::of(r, force_bold);
            if !group.is_empty() {
                group.push_str("</w:r><w:r>");
            }
            self.push_run_xml(&mut group, &r.text, f);
        }
        self.placeholder(para, &mut group)
    }

    /// `group` added to `para` as one placeholder run, and emptied. The
    /// placeholder is written `<w:r><w:rPr>…</w:rPr></w:r>`, and its `w:rPr`
    /// becomes the group: the runs' contents joined by `</w:r><w:r>`, the
    /// placeholder's own tags opening the first and closing the last.
    fn placeholder(&mut self, para: docx_rs::Paragraph, group: &mut String) -> docx_rs::Paragraph {
        if group.is_empty() {
            return para;
        }
        let marker = self.props.runs_marker(std::mem::take(group));
        para.add_run(docx_rs::Run::new().style(&marker))
    }

    /// The content of a run of `text` in look `f` (inside `w:r`), byte for
    /// byte what docx-rs writes for [`Self::text_run`] once its `w:rPr`
    /// marker is replaced.
    fn push_run_xml(&mut self, out: &mut String, text: &str, f: RunFmt) {
        let n = self.run_rpr(f);
        if let Some(rpr) = self.props.rpr.get(n) {
            out.push_str(rpr);
        }
        for piece in run_pieces(text) {
            match piece {
                RunPiece::Text(t) => {
                    out.push_str(r#"<w:t xml:space="preserve">"#);
                    push_escaped(out, t);
                    out.push_str("</w:t>");
                }
                RunPiece::Tab => out.push_str("<w:tab />"),
                RunPiece::Break => out.push_str(r#"<w:br w:type="textWrapping" />"#),
            }
        }
    }

    fn empty_para(&mut self, lang: Lang, spacer: bool) -> docx_rs::Paragraph {
        let mut f = ParaFmt::new(Align::Center, lang);
        f.spacer = spacer;
        let m = self.para_marker(f);
        docx_rs::Paragraph::new().style(&m)
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
    ) -> Result<docx_rs::Paragraph, DocxError> {
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
        let m = self.para_marker(f);
        let mut para = docx_rs::Paragraph::new().style(&m);
        if let Some(n) = &p.number {
            // The number, then a tab to the hanging indent: the clause text
            // lines up after the number on every line.
            let f = RunFmt {
                lang,
                bold: false,
                red: false,
                thai_chars: has_thai(n),
            };
            let run = self.text_run(n, f);
            para = para.add_run(if hanging { run.add_tab() } else { run });
        }
        let force_bold = look.bold;
        Ok(self.add_model_runs(para, &p.runs, force_bold))
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
    ) -> Result<Table, DocxError> {
        let left_w = width / 2;
        let right_w = width - left_w;
        let cell_l = self.signature_cell(key, &s.left, lang, left_w)?;
        let cell_r = self.signature_cell(key, &s.right, lang, right_w)?;
        let row = TableRow::new(vec![cell_l, cell_r]).cant_split();
        let m = self.props.tblpr_marker(width, Some(indent), false);
        Ok(Table::without_borders(vec![row])
            .style(&m)
            .set_grid(vec![left_w as usize, right_w as usize]))
    }

    fn signature_cell(
        &mut self,
        key: &str,
        lines: &[Vec<Run>],
        lang: Lang,
        width: u32,
    ) -> Result<TableCell, DocxError> {
        let mut cell = TableCell::new().width(width as usize, WidthType::Dxa);
        if lines.is_empty() {
            return Ok(cell.add_paragraph(self.empty_para(lang, false)));
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
            let m = self.para_marker(f);
            let p = docx_rs::Paragraph::new().style(&m);
            cell = cell.add_paragraph(self.add_model_runs(p, line, false));
        }
        Ok(cell)
    }

    // ----- layouts -------------------------------------------------------

    /// Sequential layout: one section's blocks at full width.
    fn add_section_blocks(
        &mut self,
        mut docx: docx_rs::Docx,
        s: &Section,
    ) -> Result<docx_rs::Docx, DocxError> {
        for (i, b) in s.blocks.iter().enumerate() {
            let before_sig = is_signature(s.blocks.get(i + 1));
            docx = match &b.content {
                BlockContent::Paragraph(p) => docx.add_paragraph(self.paragraph(
                    &b.key,
                    p,
                    s.lang,
                    Column::Full,
                    before_sig,
                )?),
                BlockContent::Signature(sig) => {
                    docx.add_table(self.signature(&b.key, sig, s.lang, TEXT_W, 0)?)
                }
                BlockContent::Table(t) => {
                    // Two tables in a row would merge: a 1 pt spacer after each.
                    docx.add_table(self.table(&b.key, t, s.lang, TEXT_W)?)
                        .add_paragraph(self.empty_para(s.lang, true))
                }
            };
        }
        Ok(docx)
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
    fn parallel(&mut self, left: &Section, right: &Section) -> Result<Table, DocxError> {
        let left_w = TEXT_W / 2;
        let right_w = TEXT_W - left_w;
        let rows = crate::document::pair_blocks(&left.blocks, &right.blocks);
        let mut trs = Vec::with_capacity(rows.len());
        for (i, (l, r)) in rows.iter().enumerate() {
            let before_sig = rows
                .get(i + 1)
                .is_some_and(|(nl, nr)| is_signature(*nl) || is_signature(*nr));
            if is_signature(*l) || is_signature(*r) {
                let mut cell = TableCell::new()
                    .width(TEXT_W as usize, WidthType::Dxa)
                    .grid_span(2);
                for (b, lang) in [(*l, left.lang), (*r, right.lang)] {
                    if let Some(b) = b {
                        cell = self.full_width_content(cell, b, lang, before_sig)?;
                    }
                }
                trs.push(TableRow::new(vec![cell]));
                continue;
            }
            let cl = self.parallel_cell(*l, left.lang, Column::Left, left_w, before_sig)?;
            let cr = self.parallel_cell(*r, right.lang, Column::Right, right_w, before_sig)?;
            trs.push(TableRow::new(vec![cl, cr]));
        }
        let m = self.props.tblpr_marker(TEXT_W, Some(0), false);
        Ok(Table::without_borders(trs)
            .style(&m)
            .set_grid(vec![left_w as usize, right_w as usize]))
    }

    /// A block at full text width inside a spanning cell; a signature is
    /// followed by a 1 pt spacer (two tables need a paragraph between them,
    /// and a cell must end with one).
    fn full_width_content(
        &mut self,
        cell: TableCell,
        b: &Block,
        lang: Lang,
        keep_next: bool,
    ) -> Result<TableCell, DocxError> {
        Ok(match &b.content {
            BlockContent::Paragraph(p) => {
                cell.add_paragraph(self.paragraph(&b.key, p, lang, Column::Full, keep_next)?)
            }
            BlockContent::Signature(s) => {
                let t = self.signature(&b.key, s, lang, TEXT_W, 0)?;
                cell.add_table(t).add_paragraph(self.empty_para(lang, true))
            }
            BlockContent::Table(t) => {
                let t = self.table(&b.key, t, lang, TEXT_W)?;
                cell.add_table(t).add_paragraph(self.empty_para(lang, true))
            }
        })
    }

    fn parallel_cell(
        &mut self,
        block: Option<&Block>,
        lang: Lang,
        col: Column,
        width: u32,
        keep_next: bool,
    ) -> Result<TableCell, DocxError> {
        let cell = TableCell::new().width(width as usize, WidthType::Dxa);
        Ok(match block {
            None => cell.add_paragraph(self.empty_para(lang, false)),
            Some(b) => match &b.content {
                BlockContent::Paragraph(p) => {
                    cell.add_paragraph(self.paragraph(&b.key, p, lang, col, keep_next)?)
                }
                // `parallel` gives signature rows a spanning cell; should one
                // reach here, it is nested at the column's width.
                BlockContent::Signature(s) => {
                    let (il, ir) = col.indents();
                    let t = self.signature(&b.key, s, lang, width - il - ir, il)?;
                    // A cell must end with a paragraph: a 1 pt spacer.
                    cell.add_table(t).add_paragraph(self.empty_para(lang, true))
                }
                BlockContent::Table(t) => {
                    let (il, ir) = col.indents();
                    let t = self.table(&b.key, t, lang, width - il - ir)?;
                    cell.add_table(t).add_paragraph(self.empty_para(lang, true))
                }
            },
        })
    }

    // ----- headers --------------------------------------------------------

    /// The `w:sectPr` of one section, with its two headers added as parts.
    ///
    /// Official correspondence numbers pages from the second on, centred at
    /// the top as "- 2 -": the first page (`w:titlePg`) has its own header
    /// without the number. The non-compliance mark, when set, is on both.
    /// Numbering restarts at 1 in each section, in Thai digits
    /// (`thaiNumbers`) for a Thai section when `thai_digits` is set.
    fn sect_pr(&mut self, mark: Option<&str>, lang: Lang, thai_digits: bool) -> String {
        let first = self.header(mark, None).build();
        self.headers.push(first);
        let first_id = self.headers.len();
        let rest = self.header(mark, Some(lang)).build();
        self.headers.push(rest);
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
    fn section_break(&mut self, sect: &str, lang: Lang) -> docx_rs::Paragraph {
        let mark = self.rpr_inner(RunFmt {
            lang,
            bold: false,
            red: false,
            thai_chars: false,
        });
        let xml = format!(
            r#"<w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr>{mark}</w:rPr>{sect}</w:pPr>"#
        );
        let m = self.props.ppr_marker(xml);
        docx_rs::Paragraph::new().style(&m)
    }

    fn header(&mut self, mark: Option<&str>, page: Option<Lang>) -> Header {
        let mut h = Header::new();
        let mut any = false;
        if let Some(m) = mark {
            let lang = if has_thai(m) { Lang::Th } else { Lang::En };
            let f = ParaFmt::new(Align::Center, lang);
            let pm = self.para_marker(f);
            let run = self.text_run(
                m,
                RunFmt {
                    lang,
                    bold: true,
                    red: true,
                    thai_chars: has_thai(m),
                },
            );
            h = h.add_paragraph(docx_rs::Paragraph::new().style(&pm).add_run(run));
            any = true;
        }
        if let Some(lang) = page {
            let f = ParaFmt::new(Align::Center, lang);
            let pm = self.para_marker(f);
            let rf = RunFmt {
                lang,
                bold: false,
                red: false,
                thai_chars: false,
            };
            let rm = self.run_marker(rf);
            // "- n -": the dashes and the PAGE field are the only text a
            // writer adds; the digits follow the section's number format.
            let field = docx_rs::Run::new()
                .style(&rm)
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false);
            let p = docx_rs::Paragraph::new()
                .style(&pm)
                .add_run(docx_rs::Run::new().style(&rm).add_text("- "))
                .add_run(field)
                .add_run(docx_rs::Run::new().style(&rm).add_text(" -"));
            h = h.add_paragraph(p);
            any = true;
        }
        if !any {
            let p = self.empty_para(Lang::Th, false);
            h = h.add_paragraph(p);
        }
        h
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

/// `t` escaped as docx-rs escapes run text (`&`, `<`, `>`, `"`, `'`; line
/// breaks never reach here: runs are split at them).
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

/// Text added to a run: deleted text (`w:delText`) in a tracked deletion.
fn add_text(run: docx_rs::Run, text: String, deleted: bool) -> docx_rs::Run {
    if deleted {
        run.add_delete_text(text)
    } else {
        run.add_text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn each_run_look_has_its_own_marker_slot() {
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

    #[test]
    fn a_remembered_marker_is_the_one_written_fresh() {
        let fmt = Fmt::new(&DocxOptions::default()).expect("fmt");
        let mut b = Builder {
            fmt: &fmt,
            props: Props::default(),
            headers: Vec::new(),
            run_rprs: Default::default(),
            para_markers: HashMap::new(),
            direct_runs: true,
        };
        let run = RunFmt {
            lang: Lang::En,
            bold: true,
            red: false,
            thai_chars: true,
        };
        let first = b.run_marker(run);
        assert_eq!(b.run_marker(run), first);
        let para = ParaFmt::new(Align::ThaiDistribute, Lang::Th);
        let p = b.para_marker(para);
        assert_eq!(b.para_marker(para), p);
        // What the marker points to is what writing the look afresh gives.
        let fresh_p = b.para_marker_xml(para);
        let n = |m: &str| {
            m.trim_start_matches(char::is_alphabetic)
                .parse::<usize>()
                .expect("n")
        };
        assert_eq!(b.props.ppr.get(n(&p)), b.props.ppr.get(n(&fresh_p)));
        assert_eq!(
            b.props.rpr.get(n(&first)),
            Some(format!("<w:rPr>{}</w:rPr>", b.rpr_inner(run)).as_str())
        );
    }
}
