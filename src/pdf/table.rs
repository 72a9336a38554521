//! PDF layout of table blocks: each row a unit (kept on one page), each
//! cell's lines a column of it, aligned as the cell's column says; tables
//! with borders get a box around every cell, drawn when the row is placed.
//! A child of `layout`.

use super::{Align, Builder, ColLine, Unit};
use crate::document::{CellAlign, Lang, Table};
use crate::pdf::fonts::LINE_PITCH;
use crate::pdf::shape::Flow;
use crate::pdf::LinePart;

/// Cell padding: above and below the text, and left and right.
const PAD_V: f32 = 2.0;
const PAD_H: f32 = 4.0;
/// Width of a rule (`document::style`).
const RULE: f32 = crate::document::style::TABLE_RULE.points();

impl Builder<'_> {
    /// The rows of `t` as units, in `x .. x + width`.
    pub(super) fn table_units(
        &mut self,
        key: &str,
        t: &Table,
        lang: Lang,
        x: f32,
        width: f32,
    ) -> Vec<Unit> {
        let total: f32 = t
            .columns
            .iter()
            .map(|c| f32::from(c.percent))
            .sum::<f32>()
            .max(1.0);
        let mut edges = vec![x];
        for c in &t.columns {
            let last = edges.last().copied().unwrap_or(x);
            edges.push(last + width * f32::from(c.percent) / total);
        }
        let pad = if t.borders { PAD_H } else { 0.0 };
        let (pad_v, gap_after) = if t.borders {
            (PAD_V, PAD_V)
        } else {
            (0.0, 0.0)
        };
        let mut units = Vec::with_capacity(t.rows.len());
        // Index of the next cell line in the block's reading order.
        let mut line_no = 0;
        for row in &t.rows {
            let mut cols = Vec::new();
            for (i, cell) in row.cells.iter().enumerate() {
                let (Some(&l), Some(&r)) = (edges.get(i), edges.get(i + 1)) else {
                    continue;
                };
                let cx = l + pad;
                let cw = (r - l - 2.0 * pad).max(1.0);
                let align = match t.columns.get(i).map(|c| c.align) {
                    Some(CellAlign::Center) => Align::Center,
                    Some(CellAlign::Right) => Align::Right,
                    _ => Align::Left,
                };
                let group = self.new_group(lang);
                let mut col = Vec::new();
                for runs in &cell.lines {
                    let flow = Flow::from_runs(runs, false);
                    let idx = self.add_flow(
                        flow,
                        cw,
                        lang,
                        key,
                        LinePart::Cell(line_no),
                        align,
                        Some(group),
                    );
                    line_no += 1;
                    for n in 0..self.flows[idx].lines.len() {
                        let gap = if col.is_empty() { pad_v } else { 0.0 };
                        col.push(ColLine::new(idx, n, cx, cw, gap));
                    }
                }
                if !col.is_empty() {
                    cols.push(col);
                }
            }
            // An empty row still takes a line's height.
            let after = if cols.is_empty() {
                LINE_PITCH + 2.0 * gap_after
            } else {
                gap_after
            };
            units.push(Unit {
                before: 0.0,
                after,
                cols,
                keep_together: true,
                keep_with_next: row.header,
                frame: t.borders.then(|| edges.clone()),
            });
        }
        units
    }

    /// The box of a placed row on page `page`: rules at `top` and `bottom`
    /// and at every column edge.
    pub(super) fn frame(&mut self, page: usize, xs: &[f32], top: f32, bottom: f32) {
        let (Some(&left), Some(&right)) = (xs.first(), xs.last()) else {
            return;
        };
        let Some(p) = self.pages.get_mut(page) else {
            return;
        };
        let h = RULE / 2.0;
        p.rules.push([left - h, top - h, right - left + RULE, RULE]);
        p.rules
            .push([left - h, bottom - h, right - left + RULE, RULE]);
        for &x in xs {
            p.rules.push([x - h, top - h, RULE, bottom - top + RULE]);
        }
    }
}
