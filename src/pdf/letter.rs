//! PDF layout of the letter styles (ระเบียบงานสารบรรณ): the space left for
//! the Garuda at the top of the first page, an empty line, and body
//! paragraphs whose first line is indented 2.5 cm.
//!
//! A child of `layout`. The first-line indent does not need the line
//! breaker to know two widths: the paragraph is broken at the indented
//! width to find where its first line ends, then set as two flows, the first
//! line (justified at the indented width) and the rest (at the full width).

use super::{Align, Builder, ColLine, Place, Unit};
use crate::document::style;
use crate::document::{ParaStyle, Paragraph};
use crate::pdf::fonts::LINE_PITCH;
use crate::pdf::shape::{Flow, Span};
use crate::pdf::LinePart;

/// The Garuda's space (`document::style`).
const EMBLEM_HEIGHT: f32 = style::EMBLEM_HEIGHT.points();
/// First-line indent of body paragraphs (`document::style`).
const FIRST_LINE: f32 = style::FIRST_LINE_INDENT.points();
/// Space after a heading label ("เรื่อง", "เรียน"): about two spaces.
pub(super) const LABEL_GAP: f32 = 8.0;

/// The styles laid out here rather than by `paragraph_lines`.
pub(super) fn is_letter_style(s: ParaStyle) -> bool {
    matches!(
        s,
        ParaStyle::Emblem | ParaStyle::Blank | ParaStyle::Indented
    )
}

/// The part of a flow in `range` (a line boundary), as a flow of its own.
fn slice(flow: &Flow, range: std::ops::Range<usize>) -> Flow {
    let text = flow.text.get(range.clone()).unwrap_or_default().to_string();
    let spans = flow
        .spans
        .iter()
        .filter(|s| s.range.end > range.start && s.range.start < range.end)
        .map(|s| Span {
            range: s.range.start.max(range.start) - range.start
                ..s.range.end.min(range.end) - range.start,
            ..s.clone()
        })
        .collect();
    // Names cut by the boundary keep their part on each side.
    let names = flow
        .names
        .iter()
        .filter(|n| n.end > range.start && n.start < range.end)
        .map(|n| n.start.max(range.start) - range.start..n.end.min(range.end) - range.start)
        .collect();
    Flow { text, spans, names }
}

impl Builder<'_> {
    pub(super) fn letter_unit(&mut self, p: &Paragraph, at: Place<'_>) -> Unit {
        match p.style {
            ParaStyle::Emblem => Unit {
                after: EMBLEM_HEIGHT,
                keep_with_next: style::look(ParaStyle::Emblem).keep_with_next,
                ..Unit::default()
            },
            ParaStyle::Blank => Unit {
                after: LINE_PITCH,
                ..Unit::default()
            },
            _ => Unit {
                before: style::look(p.style).before.points(),
                cols: vec![self.indented_lines(p, at)],
                ..Unit::default()
            },
        }
    }

    fn indented_lines(&mut self, p: &Paragraph, at: Place<'_>) -> Vec<ColLine> {
        let Place {
            key,
            lang,
            x,
            width,
        } = at;
        let flow = Flow::from_runs(&p.runs, false);
        let group = self.new_group(lang);
        // A justified body flow of this paragraph, `w` wide.
        let body = |b: &mut Self, flow: Flow, w: f32| {
            b.add_flow(
                flow,
                w,
                lang,
                key,
                LinePart::Body,
                Align::Justify,
                Some(group),
            )
        };
        let first_w = (width - FIRST_LINE).max(1.0);
        let probe = body(self, flow.clone(), first_w);
        let line = |flow, line, x, width| ColLine::new(flow, line, x, width, 0.0);
        let cut = match self.flows[probe].lines.as_slice() {
            [] => return Vec::new(),
            [_] => return vec![line(probe, 0, x + FIRST_LINE, first_w)],
            [first, ..] => first.range.end,
        };
        self.flows.pop();
        let head = body(self, slice(&flow, 0..cut), first_w);
        // Not the paragraph's last line: justified.
        if let Some(l) = self.flows[head].lines.first_mut() {
            l.last = false;
        }
        let rest = body(self, slice(&flow, cut..flow.text.len()), width);
        let mut out = vec![line(head, 0, x + FIRST_LINE, first_w)];
        out.extend((0..self.flows[rest].lines.len()).map(|i| line(rest, i, x, width)));
        out
    }
}
