//! Page layout: the document model's blocks become lines placed on A4 pages.
//!
//! The page is `document::style`'s, as the DOCX writer's: A4, margins left
//! 3 cm, right 2 cm (the ระเบียบงานสารบรรณ layout for government letters),
//! top 2.5 cm, bottom 2 cm;
//! "(ร่าง)" right-aligned; the title bold and centred; "between ... and ..."
//! lines centred; body paragraphs and clauses justified with 6 pt before;
//! clauses with a 1 cm hanging indent (the number in that column, the text
//! lined up after it); the signature block as two columns of centred lines
//! (Thai side left, partner right) with room to sign, kept on one page.
//! Pages are numbered "- 2 -" centred 1.25 cm from the top, from the second
//! page of each language section on (Thai official style), in Thai digits on
//! Thai pages when the document asks for them; the non-compliance mark, when
//! set, is printed in red above it on every page.
//!
//! Sequential layout: the Thai section, a new page, the English section.
//! Parallel layout: the Thai text in the left half of the text width and the
//! English in the right, block beside block paired by key, each row as tall
//! as its taller side; a row that does not fit continues on the next page,
//! both sides breaking between lines (never a single first or last line of
//! a paragraph alone on a page), except the signature row, which moves whole.
//! Headings, and a clause number without text of its own, are kept with the
//! block that follows, so no page ends on one; the paragraph before the
//! signature block is kept with it.

use super::fonts::{Faces, FontKind, BASELINE_OFFSET, FONT_SIZE, LINE_PITCH};
use super::linebreak::{Fill, Line};
use super::set;
use super::shape::{Flow, SGlyph, Shaper};
use super::{LaidOutLine, LinePart, PdfError};
use crate::document::style::{self, Length, PAGE};
use crate::document::{
    Block, BlockContent, Document, Lang, Layout, ParaStyle, Paragraph, Section, Signature,
};
use crate::thai::segment::has_thai;

// Letters (first-line indent, the Garuda's space) and table blocks.
#[path = "letter.rs"]
mod letter;
#[path = "table.rs"]
mod table;

// Page geometry and paragraph spacing, in points, from the one definition
// (`document::style`).
pub const PAGE_W: f32 = PAGE.width.points();
pub const PAGE_H: f32 = PAGE.height.points();
const MARGIN_LEFT: f32 = PAGE.margin_left.points();
const MARGIN_TOP: f32 = PAGE.margin_top.points();
const TEXT_W: f32 = PAGE.text_width_points();
const CONTENT_BOTTOM: f32 = PAGE_H - PAGE.margin_bottom.points();
const HANG: f32 = style::CLAUSE_HANG.points();
const GUTTER: f32 = style::GUTTER.points();
const HEADER_TOP: f32 = PAGE.header.points();
const PARA_BEFORE: f32 = style::PARA_SPACE.points();
const SIG_BEFORE: f32 = style::SIGNATURE_BEFORE.points();
const SIG_SIGN_ROOM: f32 = style::SIGNATURE_SIGN_ROOM.points();
/// Space between a clause number and its text when the number is wider than the hang.
const NUMBER_GAP: f32 = 4.0;
/// Top of the non-compliance mark's line box (above the page number; the
/// DOCX puts it in the header paragraph).
const MARK_TOP: f32 = Length::Cm(0.6).points();

/// How the lines of a flow sit in their column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// Justified except the last line (left).
    Justify,
}

/// A shaped, line-broken flow and what it belongs to.
pub struct FlowData {
    pub flow: Flow,
    pub glyphs: std::sync::Arc<[SGlyph]>,
    pub lines: Vec<Line>,
    pub lang: Lang,
    pub key: String,
    pub part: LinePart,
    pub align: Align,
    /// Printed in red (the non-compliance mark).
    pub red: bool,
    /// Structure element (paragraph) this flow belongs to, for tagging;
    /// `None` for page furniture (artifacts).
    pub group: Option<usize>,
}

/// A line placed on a page.
#[derive(Clone, Debug)]
pub struct Placed {
    pub flow: usize,
    pub line: usize,
    /// Pen position of the first glyph.
    pub x: f32,
    pub baseline: f32,
    /// Extra space at each gap between words and at each space (justified lines).
    pub word_spacing: f32,
    pub space_spacing: f32,
}

/// A logical paragraph for the structure tree.
#[derive(Clone, Debug)]
pub struct Group {
    pub lang: Lang,
}

#[derive(Default)]
pub struct PageOut {
    pub placed: Vec<Placed>,
    /// Filled rectangles (x, y from the top, width, height): table rules.
    pub rules: Vec<[f32; 4]>,
}

/// The whole document laid out.
pub struct LaidOut {
    pub flows: Vec<FlowData>,
    pub pages: Vec<PageOut>,
    pub groups: Vec<Group>,
}

impl LaidOut {
    /// The characters (each once, in order of appearance) drawn with the
    /// fonts' "missing glyph" box.
    pub fn missing_glyphs(&self) -> String {
        let mut out = String::new();
        for f in &self.flows {
            for g in f.glyphs.iter().filter(|g| g.id == 0) {
                if let Some(t) = g.text.as_ref().and_then(|r| f.flow.text.get(r.clone())) {
                    for c in t.chars() {
                        if !out.contains(c) {
                            out.push(c);
                        }
                    }
                }
            }
        }
        out
    }

    /// The placed lines in page order, as the public `LaidOutLine`s.
    pub fn lines(&self) -> Vec<LaidOutLine> {
        let mut out = Vec::new();
        for (p, page) in self.pages.iter().enumerate() {
            for pl in &page.placed {
                let f = &self.flows[pl.flow];
                let l = &f.lines[pl.line];
                out.push(LaidOutLine {
                    page: p,
                    lang: f.lang,
                    key: f.key.clone(),
                    part: f.part,
                    text: f.flow.text[l.range.clone()].to_string(),
                    range: l.range.clone(),
                    last: l.last,
                    x: pl.x,
                    baseline: pl.baseline,
                    width: l.width,
                });
            }
        }
        out
    }
}

/// Where a paragraph is laid out: its block's key and language, and the
/// column `x .. x + width`.
#[derive(Clone, Copy)]
struct Place<'k> {
    key: &'k str,
    lang: Lang,
    x: f32,
    width: f32,
}

impl<'k> Place<'k> {
    fn new(key: &'k str, lang: Lang, x: f32, width: f32) -> Place<'k> {
        Place {
            key,
            lang,
            x,
            width,
        }
    }
}

/// A line in a column of a unit.
#[derive(Clone, Debug)]
struct ColLine {
    flow: usize,
    line: usize,
    /// Left edge and width of the column the line is aligned in.
    x: f32,
    width: f32,
    /// Extra space above this line (within its column).
    gap: f32,
    /// A flow whose single line is drawn at this line's baseline at `x`
    /// (the clause number).
    number: Option<(usize, f32)>,
    /// Lines are written to the page (the order text extraction follows)
    /// group by group, and within a group row by row: a paragraph's column
    /// is a group of its own, the two columns of a signature block are one
    /// group, read across ("For A    For B").
    group: usize,
}

impl ColLine {
    /// Line `line` of flow `flow` in the column `x .. x + width`, with
    /// `gap` above it, in the unit's first group.
    fn new(flow: usize, line: usize, x: f32, width: f32, gap: f32) -> ColLine {
        ColLine {
            flow,
            line,
            x,
            width,
            gap,
            number: None,
            group: 0,
        }
    }
}

/// Something placed vertically as a whole: a paragraph, a signature block,
/// a row of the parallel layout.
#[derive(Clone, Debug, Default)]
struct Unit {
    before: f32,
    after: f32,
    cols: Vec<Vec<ColLine>>,
    keep_together: bool,
    keep_with_next: bool,
    /// A table row: the x of each column boundary, left edge to right edge;
    /// its box is drawn when the row is placed.
    frame: Option<Vec<f32>>,
}

impl Unit {
    fn body_height(&self) -> f32 {
        self.cols
            .iter()
            .map(|c| c.iter().map(|l| l.gap + LINE_PITCH).sum::<f32>())
            .fold(0.0, f32::max)
    }

    /// Height needed on a page for the start of this unit to be placed there.
    fn min_height(&self) -> f32 {
        if self.keep_together {
            return self.before + self.body_height();
        }
        let start = self
            .cols
            .iter()
            .map(|c| c.iter().take(2).map(|l| l.gap + LINE_PITCH).sum::<f32>())
            .fold(0.0, f32::max);
        self.before + start
    }
}

struct Builder<'a> {
    doc: &'a Document,
    shaper: Shaper<'a>,
    flows: Vec<FlowData>,
    groups: Vec<Group>,
    pages: Vec<PageOut>,
    /// Current page's cursor (top of the next line box).
    y: f32,
    page_empty: bool,
}

/// Lay out the whole document.
pub fn layout(doc: &Document, faces: &Faces) -> Result<LaidOut, PdfError> {
    let mut b = Builder {
        doc,
        shaper: Shaper::new(faces),
        flows: Vec::new(),
        groups: Vec::new(),
        pages: Vec::new(),
        y: MARGIN_TOP,
        page_empty: true,
    };
    // (first page index, language) of each numbering sequence.
    let mut sequences: Vec<(usize, Lang)> = Vec::new();
    let th = doc.section(Lang::Th);
    let en = doc.section(Lang::En);
    match (doc.layout, th, en) {
        (Layout::Parallel, Some(th), Some(en)) => {
            sequences.push((0, Lang::Th));
            b.new_page();
            let units = b.parallel_units(th, en)?;
            b.paginate(&units);
        }
        _ => {
            for s in &doc.sections {
                sequences.push((b.pages.len(), s.lang));
                b.new_page();
                let units = b.section_units(s, MARGIN_LEFT, TEXT_W)?;
                b.paginate(&units);
            }
        }
    }
    if b.pages.is_empty() {
        b.new_page();
        sequences.push((0, Lang::Th));
    }
    b.furniture(&sequences)?;
    Ok(LaidOut {
        flows: b.flows,
        pages: b.pages,
        groups: b.groups,
    })
}

impl<'a> Builder<'a> {
    fn new_page(&mut self) {
        self.pages.push(PageOut::default());
        self.y = MARGIN_TOP;
        self.page_empty = true;
    }

    fn current_page(&mut self) -> usize {
        if self.pages.is_empty() {
            self.pages.push(PageOut::default());
        }
        self.pages.len() - 1
    }

    /// Shape and break a flow; returns its index.
    #[allow(clippy::too_many_arguments)]
    fn add_flow(
        &mut self,
        flow: Flow,
        width: f32,
        lang: Lang,
        key: &str,
        part: LinePart,
        align: Align,
        group: Option<usize>,
    ) -> usize {
        let fill = if align == Align::Justify {
            Fill::Justify
        } else {
            Fill::Balance
        };
        let set = set::set(&mut self.shaper, &flow, width, fill);
        self.flows.push(FlowData {
            flow,
            glyphs: set.glyphs.clone(),
            lines: set.lines.clone(),
            lang,
            key: key.to_string(),
            part,
            align,
            red: false,
            group,
        });
        self.flows.len() - 1
    }

    fn new_group(&mut self, lang: Lang) -> usize {
        self.groups.push(Group { lang });
        self.groups.len() - 1
    }

    /// The column lines of a paragraph at `at`.
    fn paragraph_lines(&mut self, p: &Paragraph, at: Place<'_>) -> (Vec<ColLine>, f32, f32, bool) {
        let Place {
            key,
            lang,
            x,
            width,
        } = at;
        // Kept with what follows: headings, and a clause number without
        // text of its own (a clause heading), which never ends a page.
        let number_only = p.number.as_deref().is_some_and(|n| !n.is_empty())
            && p.runs.iter().all(|r| r.text.trim().is_empty());
        let look = style::look(p.style);
        let heading = number_only || look.keep_with_next;
        let group = self.new_group(lang);
        let align = match look.align {
            style::Align::Left => Align::Left,
            style::Align::Center => Align::Center,
            style::Align::Right => Align::Right,
            style::Align::Justify => Align::Justify,
        };
        let (before, after) = (look.before.points(), look.after.points());
        let (x, width) = if p.style == ParaStyle::FromCentre {
            (x + width / 2.0, width / 2.0)
        } else {
            (x, width)
        };
        let flow = Flow::from_runs(&p.runs, look.bold);
        let mut number = None;
        let (mut tx, mut tw) = (x, width);
        if let Some(n) = p.number.as_deref().filter(|n| !n.is_empty()) {
            let nlang = if has_thai(n) { Lang::Th } else { lang };
            let nf = Flow::plain(n, nlang, FontKind::Regular);
            let idx = self.add_flow(
                nf,
                f32::INFINITY,
                lang,
                key,
                LinePart::Number,
                Align::Left,
                Some(group),
            );
            let nw = self.flows[idx]
                .lines
                .iter()
                .map(|l| l.width)
                .fold(0.0, f32::max);
            let hang = match p.style {
                ParaStyle::Clause => HANG.max(nw + NUMBER_GAP),
                ParaStyle::Labelled => nw + letter::LABEL_GAP,
                _ => nw + NUMBER_GAP,
            };
            tx = x + hang;
            tw = (width - hang).max(1.0);
            number = Some((idx, x));
        }
        let idx = self.add_flow(flow, tw, lang, key, LinePart::Body, align, Some(group));
        let n = self.flows[idx].lines.len();
        let mut lines: Vec<ColLine> = (0..n).map(|i| ColLine::new(idx, i, tx, tw, 0.0)).collect();
        match lines.first_mut() {
            Some(first) => first.number = number,
            None => {
                if let Some((ni, nx)) = number {
                    // A number without text: the number alone on its line.
                    if !self.flows[ni].lines.is_empty() {
                        lines.push(ColLine::new(ni, 0, nx, tw, 0.0));
                    }
                }
            }
        }
        (lines, before, after, heading)
    }

    /// The two columns of a signature block in `x .. x + width`, line `i` of
    /// the left beside line `i` of the right.
    fn signature_cols(
        &mut self,
        key: &str,
        s: &Signature,
        lang: Lang,
        x: f32,
        width: f32,
    ) -> Vec<Vec<ColLine>> {
        let half = width / 2.0;
        let sides = [
            (
                &s.left,
                x + GUTTER / 2.0,
                LinePart::SignatureLeft as fn(usize) -> LinePart,
            ),
            (&s.right, x + half + GUTTER / 2.0, LinePart::SignatureRight),
        ];
        let cw = (half - GUTTER).max(1.0);
        let rows = s.left.len().max(s.right.len());
        // flows[side][row]
        let mut flows: Vec<Vec<Option<usize>>> = vec![Vec::new(), Vec::new()];
        for (side, (lines, _, part)) in sides.iter().enumerate() {
            for (i, runs) in lines.iter().enumerate() {
                let flow = Flow::from_runs(runs, false);
                let idx = if flow.text.is_empty() {
                    None
                } else {
                    let group = self.new_group(lang);
                    Some(self.add_flow(flow, cw, lang, key, part(i), Align::Center, Some(group)))
                };
                flows[side].push(idx);
            }
            flows[side].resize(rows, None);
        }
        let mut cols: Vec<Vec<ColLine>> = vec![Vec::new(), Vec::new()];
        // Offset of the current row's top and of each column's bottom, from
        // the block's top.
        let mut row_top = 0.0f32;
        let mut bottom = [0.0f32; 2];
        for row in 0..rows {
            if row == 1 {
                row_top += SIG_SIGN_ROOM;
            }
            let mut tallest = 1;
            for side in 0..2 {
                let Some(idx) = flows[side].get(row).copied().flatten() else {
                    continue;
                };
                let n = self.flows[idx].lines.len();
                for l in 0..n {
                    let gap = if l == 0 { row_top - bottom[side] } else { 0.0 };
                    cols[side].push(ColLine::new(idx, l, sides[side].1, cw, gap));
                }
                bottom[side] = row_top + n as f32 * LINE_PITCH;
                tallest = tallest.max(n);
            }
            row_top += tallest as f32 * LINE_PITCH;
        }
        cols.retain(|c| !c.is_empty());
        cols
    }

    fn block_unit(&mut self, b: &Block, lang: Lang, x: f32, width: f32) -> Unit {
        match &b.content {
            BlockContent::Paragraph(p) if letter::is_letter_style(p.style) => {
                self.letter_unit(p, Place::new(&b.key, lang, x, width))
            }
            // Table rows are units of their own (`section_units`); a table
            // in a parallel column is one unit.
            BlockContent::Table(t) => {
                let rows = self.table_units(&b.key, t, lang, x, width);
                let lines = rows.into_iter().flat_map(|r| r.cols).flatten().collect();
                Unit {
                    before: PARA_BEFORE,
                    cols: vec![lines],
                    ..Unit::default()
                }
            }
            BlockContent::Paragraph(p) => {
                let (lines, before, after, heading) =
                    self.paragraph_lines(p, Place::new(&b.key, lang, x, width));
                Unit {
                    before,
                    after,
                    cols: vec![lines],
                    keep_together: false,
                    keep_with_next: heading,
                    frame: None,
                }
            }
            BlockContent::Signature(s) => Unit {
                before: SIG_BEFORE,
                after: 0.0,
                cols: self.signature_cols(&b.key, s, lang, x, width),
                keep_together: true,
                keep_with_next: false,
                frame: None,
            },
        }
    }

    fn section_units(&mut self, s: &Section, x: f32, width: f32) -> Result<Vec<Unit>, PdfError> {
        let mut units: Vec<Unit> = Vec::with_capacity(s.blocks.len());
        for b in &s.blocks {
            if let BlockContent::Table(t) = &b.content {
                units.extend(self.table_units(&b.key, t, s.lang, x, width));
                continue;
            }
            let u = self.block_unit(b, s.lang, x, width);
            if u.keep_together {
                if let Some(prev) = units.last_mut() {
                    prev.keep_with_next = true;
                }
            }
            units.push(u);
        }
        Ok(units)
    }

    fn parallel_units(&mut self, th: &Section, en: &Section) -> Result<Vec<Unit>, PdfError> {
        let half = TEXT_W / 2.0;
        let (lx, lw) = (MARGIN_LEFT, half - GUTTER);
        let (rx, rw) = (MARGIN_LEFT + half + GUTTER, TEXT_W - half - GUTTER);
        let rows = crate::document::pair_blocks(&th.blocks, &en.blocks);
        let mut units: Vec<Unit> = Vec::with_capacity(rows.len());
        for (l, r) in rows {
            let lu = l.map(|b| self.block_unit(b, th.lang, lx, lw));
            let ru = r.map(|b| self.block_unit(b, en.lang, rx, rw));
            let mut u = Unit::default();
            for (g, side) in [lu, ru].into_iter().enumerate() {
                let Some(side) = side else { continue };
                u.before = u.before.max(side.before);
                u.after = u.after.max(side.after);
                u.keep_together |= side.keep_together;
                u.keep_with_next |= side.keep_with_next;
                u.cols.extend(side.cols.into_iter().map(|c| {
                    c.into_iter()
                        .map(|l| ColLine { group: g, ..l })
                        .collect::<Vec<_>>()
                }));
            }
            if u.keep_together {
                if let Some(prev) = units.last_mut() {
                    prev.keep_with_next = true;
                }
            }
            units.push(u);
        }
        Ok(units)
    }

    /// Place units on pages, starting on the current page.
    fn paginate(&mut self, units: &[Unit]) {
        let content_h = CONTENT_BOTTOM - MARGIN_TOP;
        for (i, u) in units.iter().enumerate() {
            // Keep headings (and the paragraph before a signature) with what follows.
            if u.keep_with_next && !self.page_empty {
                let mut need = 0.0;
                let mut j = i;
                while j < units.len() && units[j].keep_with_next {
                    need += units[j].before + units[j].body_height() + units[j].after;
                    j += 1;
                }
                if let Some(next) = units.get(j) {
                    need += next.min_height();
                }
                if self.y + need > CONTENT_BOTTOM + 0.01 && need <= content_h {
                    self.new_page();
                }
            }
            self.place_unit(u);
        }
    }

    fn place_unit(&mut self, u: &Unit) {
        let mut next: Vec<usize> = vec![0; u.cols.len()];
        let mut moved_whole = false;
        loop {
            let before = if self.page_empty { 0.0 } else { u.before };
            let top = self.y + before;
            let avail = CONTENT_BOTTOM - top + 0.01;
            // Lines of each column that fit, and the height the rest needs.
            let mut fit: Vec<usize> = Vec::with_capacity(u.cols.len());
            let mut all_fit = true;
            for (c, col) in u.cols.iter().enumerate() {
                let mut h = 0.0;
                let mut k = 0;
                for (n, l) in col[next[c]..].iter().enumerate() {
                    let gap = if n == 0 && self.page_empty && next[c] > 0 {
                        0.0
                    } else {
                        l.gap
                    };
                    if h + gap + LINE_PITCH > avail {
                        break;
                    }
                    h += gap + LINE_PITCH;
                    k += 1;
                }
                if next[c] + k < col.len() {
                    all_fit = false;
                }
                fit.push(k);
            }
            if !all_fit {
                if u.keep_together && !moved_whole && !self.page_empty {
                    moved_whole = true;
                    self.new_page();
                    continue;
                }
                // No single first line of a paragraph at the foot of a page,
                // no single last line at the head of the next.
                let mut move_all = fit.iter().all(|&k| k == 0);
                for (c, col) in u.cols.iter().enumerate() {
                    let rest = col.len() - next[c];
                    if next[c] == 0 && fit[c] == 1 && rest > 1 {
                        move_all = true;
                    }
                    if rest - fit[c] == 1 && rest >= 3 && fit[c] >= 2 {
                        fit[c] -= 1;
                    }
                }
                if move_all && !self.page_empty {
                    self.new_page();
                    continue;
                }
                if fit.iter().all(|&k| k == 0) {
                    // A fresh page with room for nothing (cannot happen with
                    // A4 and these sizes): place one line per column anyway.
                    for (c, col) in u.cols.iter().enumerate() {
                        fit[c] = usize::from(next[c] < col.len());
                    }
                }
            }
            let mut bottom = top;
            // (group, baseline, column, line) of everything placed on this page.
            let mut here: Vec<(usize, f32, usize, &ColLine)> = Vec::new();
            for (c, col) in u.cols.iter().enumerate() {
                let mut y = top;
                for n in 0..fit[c] {
                    let l = &col[next[c] + n];
                    let gap = if n == 0 && self.page_empty && next[c] > 0 {
                        0.0
                    } else {
                        l.gap
                    };
                    y += gap;
                    here.push((l.group, y + BASELINE_OFFSET, c, l));
                    y += LINE_PITCH;
                }
                bottom = bottom.max(y);
                next[c] += fit[c];
            }
            here.sort_by(|a, b| {
                (a.0, a.1, a.2)
                    .partial_cmp(&(b.0, b.1, b.2))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            let page = self.current_page();
            for (_, baseline, _, l) in here {
                if let Some((nf, nx)) = l.number {
                    self.place_line(page, nf, 0, nx, f32::INFINITY, baseline);
                }
                self.place_line(page, l.flow, l.line, l.x, l.width, baseline);
            }
            self.page_empty = false;
            if all_fit {
                if let Some(xs) = &u.frame {
                    self.frame(page, xs, top, bottom + u.after);
                }
                self.y = bottom + u.after;
                return;
            }
            self.new_page();
        }
    }

    /// Place line `line` of flow `flow` on page `page` in the column `x .. x + width`.
    fn place_line(
        &mut self,
        page: usize,
        flow: usize,
        line: usize,
        x: f32,
        width: f32,
        baseline: f32,
    ) {
        let f = &self.flows[flow];
        let Some(l) = f.lines.get(line) else { return };
        let room = if width.is_finite() {
            width - l.width
        } else {
            0.0
        };
        let (px, (word_spacing, space_spacing)) = match f.align {
            Align::Left => (x, (0.0, 0.0)),
            Align::Right => (x + room, (0.0, 0.0)),
            Align::Center => (x + room / 2.0, (0.0, 0.0)),
            Align::Justify if l.last => (x, (0.0, 0.0)),
            Align::Justify => (x, l.spacing(room, FONT_SIZE)),
        };
        self.pages[page].placed.push(Placed {
            flow,
            line,
            x: px,
            baseline,
            word_spacing,
            space_spacing,
        });
    }

    /// Page numbers and the non-compliance mark.
    fn furniture(&mut self, sequences: &[(usize, Lang)]) -> Result<(), PdfError> {
        let mark = self
            .doc
            .non_compliant_mark
            .clone()
            .filter(|m| !m.is_empty());
        for (s, &(first, lang)) in sequences.iter().enumerate() {
            let end = sequences.get(s + 1).map_or(self.pages.len(), |n| n.0);
            for p in first..end {
                let number = p - first + 1;
                if number >= 2 {
                    let digits = number.to_string();
                    let digits = if self.doc.thai_digits && lang == Lang::Th {
                        crate::thai::digits::to_thai_digits(&digits)
                    } else {
                        digits
                    };
                    let text = format!("- {digits} -");
                    let flow = Flow::plain(&text, lang, FontKind::Regular);
                    let idx = self.add_flow(
                        flow,
                        TEXT_W,
                        lang,
                        "",
                        LinePart::PageNumber,
                        Align::Center,
                        None,
                    );
                    self.place_furniture(p, idx, HEADER_TOP);
                }
                if let Some(m) = &mark {
                    let mlang = if has_thai(m) { Lang::Th } else { Lang::En };
                    let flow = Flow::plain(m, mlang, FontKind::Bold);
                    let idx =
                        self.add_flow(flow, TEXT_W, mlang, "", LinePart::Mark, Align::Center, None);
                    self.flows[idx].red = true;
                    self.place_furniture(p, idx, MARK_TOP);
                }
            }
        }
        Ok(())
    }

    /// Place every line of a furniture flow on page `p`, the first line box at `top`.
    fn place_furniture(&mut self, p: usize, flow: usize, top: f32) {
        for i in 0..self.flows[flow].lines.len() {
            let baseline = top + BASELINE_OFFSET + i as f32 * LINE_PITCH;
            self.place_line(p, flow, i, MARGIN_LEFT, TEXT_W, baseline);
        }
    }
}
