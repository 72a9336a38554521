//! DOCX: table blocks (the action plan, the checklist; with borders) and
//! layout grids (a letter's heading; without), plus the measures of the
//! letter layout (ระเบียบงานสารบรรณ): the Garuda's space, the first-line
//! indent of body paragraphs, the hanging indent after a heading label.
//!
//! A child of `write` (it extends the same `Builder`).

use super::{check_text, Align, Builder, DocxError, ParaFmt};
use crate::document::style;
use crate::document::{CellAlign, Lang, Table};

/// The Garuda's space at the top of a letter (`document::style`).
pub(super) const EMBLEM_HEIGHT: u32 = style::EMBLEM_HEIGHT.twips();
/// First-line indent of a letter's body paragraphs (`document::style`).
pub(super) const FIRST_LINE: u32 = style::FIRST_LINE_INDENT.twips();
/// Cell padding left and right in bordered tables: 0.15 cm.
const CELL_PAD: u32 = 85;

/// The hanging indent after a heading label ("เรื่อง", "สิ่งที่ส่งมาด้วย"):
/// the label's width at 16 pt estimated from its spacing characters (Word
/// measures nothing for us), plus a gap of about two spaces.
pub(super) fn label_hang(label: &str) -> u32 {
    let spacing = label
        .chars()
        .filter(|c| !matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'))
        .count() as u32;
    spacing * 150 + 280
}

impl Builder<'_> {
    /// A table `width` twips wide: a row per model row (never split across
    /// pages), a paragraph per cell line, aligned as its column says.
    pub(super) fn table(
        &mut self,
        key: &str,
        t: &Table,
        lang: Lang,
        width: u32,
    ) -> Result<(), DocxError> {
        let total: u32 = t
            .columns
            .iter()
            .map(|c| u32::from(c.percent))
            .sum::<u32>()
            .max(1);
        let mut widths: Vec<u32> = t
            .columns
            .iter()
            .map(|c| width * u32::from(c.percent) / total)
            .collect();
        if let Some(last) = widths.last_mut() {
            *last += width - widths_sum(&t.columns, width, total);
        }
        let pad = if t.borders { CELL_PAD } else { 0 };
        self.open_table(width, None, t.borders, &widths);
        for row in &t.rows {
            self.open_row(true);
            for (i, cell) in row.cells.iter().enumerate() {
                let w = widths.get(i).copied().unwrap_or(0);
                let align = match t.columns.get(i).map(|c| c.align) {
                    Some(CellAlign::Center) => Align::Center,
                    Some(CellAlign::Right) => Align::Right,
                    _ => Align::Left,
                };
                self.open_cell(w, 1);
                if cell.lines.is_empty() {
                    self.empty_para(lang, false);
                }
                for line in &cell.lines {
                    for r in line {
                        check_text(key, &r.text)?;
                    }
                    let mut f = ParaFmt::new(align, lang);
                    f.ind_left = pad;
                    f.ind_right = pad;
                    self.open_paragraph(f);
                    self.push_model_runs(line, false);
                    self.out.push_str("</w:p>");
                }
                self.out.push_str("</w:tc>");
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
        Ok(())
    }
}

fn widths_sum(columns: &[crate::document::TableColumn], width: u32, total: u32) -> u32 {
    columns
        .iter()
        .map(|c| width * u32::from(c.percent) / total)
        .sum()
}
