//! The document model: what a rendered draft *says*, independent of format.
//!
//! Templates render into this model; the DOCX writer, the PDF writer and the
//! diff all read it. Writers add no words: every character that appears in an
//! output file comes from a `Run` here. A document has one `Section` per
//! language (Thai, English); blocks carry stable keys ("title", "clause-1",
//! "signing", "signature") so that a parallel layout can put the Thai clause
//! beside its English counterpart and the diff can align clause by clause.

pub use crate::lang::Lang;

pub use crate::descriptor::model::{DocKind, Layout, PackagePart};

/// A stretch of text in one language and one style.
#[derive(Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub lang: Lang,
    pub bold: bool,
    /// The slot this text fills (e.g. "relationship", "fields", "date"), or
    /// `None` for the fixed standard wording.
    pub slot: Option<String>,
    /// A tracked change (the redline's); `None` in every composed document.
    pub revision: Option<Revision>,
}

/// A tracked change: text, or a paragraph's end, that only the draft has
/// (inserted) or only the standard has (deleted). The redline is the one
/// document that holds them; the DOCX writer writes them as Word's own
/// tracked changes (`w:ins` / `w:del`), the PDF writer does not show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Revision {
    Inserted,
    Deleted,
}

/// Slots that hold a name (or a date) taken from the descriptor: writers
/// never break a line inside one unless it is longer than a line.
pub const NAME_SLOTS: [&str; 9] = [
    "thai_name",
    "partner_name",
    "within",
    "country",
    "place",
    "date",
    "thai_signatory",
    "partner_signatory",
    "language",
];

/// As derived, but `revision` is shown only when set: the PDF's document
/// ID hashes tables through their `Debug` form, so a run without a tracked
/// change reads (and hashes) as it did before runs could have one.
impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("Run");
        d.field("text", &self.text)
            .field("lang", &self.lang)
            .field("bold", &self.bold)
            .field("slot", &self.slot);
        if let Some(r) = &self.revision {
            d.field("revision", r);
        }
        d.finish()
    }
}

impl Run {
    /// Does this run hold a name from the descriptor (see `NAME_SLOTS`)?
    pub fn is_name(&self) -> bool {
        self.slot
            .as_deref()
            .is_some_and(|s| NAME_SLOTS.contains(&s))
    }
}

/// Paragraph roles; writers map each to a visual style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaStyle {
    /// "(ร่าง)" / "(Draft)", right-aligned at the top.
    DraftMark,
    /// Centered, bold: the instrument's name.
    Title,
    /// Centered, regular: "between ... and ..." lines under the title.
    Centered,
    /// Justified body paragraph.
    Body,
    /// Numbered clause with a hanging indent; `Paragraph::number` holds "1." / "๑.".
    Clause,
    /// Letters: the space for the Garuda emblem at the top of the first
    /// page (no runs; no emblem image is bundled).
    Emblem,
    /// Letters: one empty line of space.
    Blank,
    /// Letters: a line starting at the middle of the text width (the date).
    FromCentre,
    /// Letters: a heading line whose label is in `Paragraph::number`
    /// ("เรื่อง", "เรียน", "อ้างถึง"); wrapped lines align after the label.
    Labelled,
    /// Letters: a body paragraph whose first line is indented 2.5 cm.
    Indented,
    /// Left-aligned, not justified (the contact block, table captions).
    Left,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub style: ParaStyle,
    /// Clause number as printed ("1.", "๑."), only for `ParaStyle::Clause`.
    pub number: Option<String>,
    pub runs: Vec<Run>,
    /// The paragraph's end is a tracked change (the redline: a paragraph
    /// only the draft or only the standard has).
    pub revision: Option<Revision>,
    /// The paragraph's language when it is not its section's (the
    /// redline's draft holds both); writers justify it by this language.
    pub lang: Option<Lang>,
}

impl Paragraph {
    /// The paragraph's text as a reader sees it (number, a space, the runs).
    pub fn text(&self) -> String {
        let body: String = self.runs.iter().map(|r| r.text.as_str()).collect();
        match &self.number {
            Some(n) => format!("{n} {body}"),
            None => body,
        }
    }
}

/// The signature block: two columns (Thai side left, partner right), each a
/// list of lines (For ..., dotted signature line, name, position).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub left: Vec<Vec<Run>>,
    pub right: Vec<Vec<Run>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockContent {
    Paragraph(Paragraph),
    Signature(Signature),
    Table(Table),
}

/// How a table column's cells are aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellAlign {
    Left,
    Center,
    Right,
}

/// A table column: its share of the text width in per cent, its alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableColumn {
    pub percent: u16,
    pub align: CellAlign,
}

/// What a cell holds besides its text, for writers that keep numbers as
/// numbers (the XLSX writer): the text stays what every writer prints.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum CellValue {
    #[default]
    Text,
    /// A whole number (baht), printed in the runs as grouped digits.
    Number(i64),
    /// The sum of this column's cells in the rows with these indices.
    Sum(Vec<usize>),
}

/// A table cell: lines of runs, and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub lines: Vec<Vec<Run>>,
    pub value: CellValue,
}

impl Cell {
    pub fn text(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }
}

/// A table row; `id` names it for the builder ("a-1", "fy-2570", "total").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    pub id: Option<String>,
    /// A heading row: repeated at the top of each page the table runs onto.
    pub header: bool,
    pub cells: Vec<Cell>,
}

/// A table: the action plan, the checklist, or (without borders) a layout
/// grid such as a letter's heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<TableColumn>,
    pub rows: Vec<TableRow>,
    pub borders: bool,
}

/// One block with its stable key ("mark", "title", "preamble-1", "clause-3",
/// "option", "signing", "non-binding", "signature").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub key: String,
    pub content: BlockContent,
    /// A principle clause of the standard (guideline 8.2): the template
    /// marks it (`+principle`), and the diff classes any change to it as
    /// substantive. The mark prints nothing.
    pub principle: bool,
}

impl Block {
    /// The block's text lines as a reader sees them: one line per paragraph,
    /// for a signature the left column's lines, then the right column's, and
    /// for a table each cell's lines, row by row (an empty cell has none).
    pub fn lines(&self) -> Vec<String> {
        match &self.content {
            BlockContent::Paragraph(p) => vec![p.text()],
            BlockContent::Signature(s) => s
                .left
                .iter()
                .chain(s.right.iter())
                .map(|line| line.iter().map(|r| r.text.as_str()).collect())
                .collect(),
            BlockContent::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| r.cells.iter().flat_map(Cell::text))
                .collect(),
        }
    }

    /// Every run of the block, in the order of `lines` (clause numbers are
    /// not runs).
    pub fn runs_mut(&mut self) -> Vec<&mut Run> {
        match &mut self.content {
            BlockContent::Paragraph(p) => p.runs.iter_mut().collect(),
            BlockContent::Signature(s) => s
                .left
                .iter_mut()
                .chain(s.right.iter_mut())
                .flatten()
                .collect(),
            BlockContent::Table(t) => t
                .rows
                .iter_mut()
                .flat_map(|r| r.cells.iter_mut())
                .flat_map(|c| c.lines.iter_mut())
                .flatten()
                .collect(),
        }
    }
}

/// All blocks of one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub lang: Lang,
    pub blocks: Vec<Block>,
}

/// A rendered standard draft (LOI or MOU), both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub kind: DocKind,
    /// Document title for metadata (English), e.g. "Letter of Intent: Chiang Mai - Kunming".
    pub title: String,
    /// Subject for metadata, e.g. "Draft MFA standard MOU (Thai and English)".
    pub subject: String,
    pub layout: Layout,
    /// Set when rendered with `--allow-errors`: every page then carries
    /// `non_compliant_mark` (the text comes from here, not from the writer).
    pub non_compliant_mark: Option<String>,
    /// Thai first, then English.
    pub sections: Vec<Section>,
    /// Page numbers are the only thing a writer prints that is not a run:
    /// digits alone, as "- 2 -" (the Thai official style), in Thai digits on
    /// Thai pages when this is set.
    pub thai_digits: bool,
}

impl Document {
    /// The full text, one line per paragraph / signature line, sections in
    /// order. This is what round-trip tests compare writers' output against.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            for b in &s.blocks {
                for l in b.lines() {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
        }
        out
    }

    pub fn section(&self, lang: Lang) -> Option<&Section> {
        self.sections.iter().find(|s| s.lang == lang)
    }
}

/// Pairs the blocks of two sections by key for a parallel layout (DOCX table
/// rows, PDF rows), keeping both orders: a row per
/// Thai block (with the first unused English block of the same key that
/// keeps the English order), English blocks without a partner in rows of
/// their own after the row of the English block before them.
pub fn pair_blocks<'b>(
    left: &'b [Block],
    right: &'b [Block],
) -> Vec<(Option<&'b Block>, Option<&'b Block>)> {
    let mut used = vec![false; right.len()];
    let mut next_right = 0;
    let mut rows: Vec<(Option<&Block>, Option<usize>)> = Vec::with_capacity(left.len());
    for l in left {
        let j = (next_right..right.len()).find(|&j| !used[j] && right[j].key == l.key);
        if let Some(j) = j {
            used[j] = true;
            next_right = j + 1;
        }
        rows.push((Some(l), j));
    }
    for j in 0..right.len() {
        if used.get(j).copied().unwrap_or(true) {
            continue;
        }
        let at = if j == 0 {
            0
        } else {
            rows.iter()
                .position(|(_, rj)| *rj == Some(j - 1))
                .map_or(rows.len(), |p| p + 1)
        };
        rows.insert(at, (None, Some(j)));
    }
    rows.into_iter()
        .map(|(l, rj)| (l, rj.map(|j| &right[j])))
        .collect()
}
