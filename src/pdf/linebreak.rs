//! Line breaking and justification of one shaped flow.
//!
//! Where a line may end comes from the project's one segmenter,
//! `thai::segment::line_break_opportunities` (ICU4X, LSTM model for Thai):
//!
//! * in Thai text, at any of its opportunities (between Thai words, after
//!   spaces);
//! * in English text, after spaces only;
//! * a word too long for the line (no such opportunity fits) is broken at the
//!   segmenter's other opportunities inside it (after "/" or "-"), and failing
//!   those at grapheme-cluster boundaries, never inside a cluster.
//!
//! Among those, the breaks are chosen for the whole paragraph at once (a
//! total-fit search, as TeX does): a line's cost grows with the cube of the
//! stretch it needs, so the paragraph avoids one very loose line to keep the
//! others tight; a break between two Thai words costs a little more than a
//! break at a space, so lines end at spaces where that costs nothing else.
//! Spaces at the end of a line are kept in its text range but neither drawn
//! nor measured.
//!
//! Justification is the Thai way: the extra room of a justified line goes
//! into the gaps at the line's break opportunities, never between the
//! letters of a word. A gap between two Thai words widens by at most
//! `WORD_GAP_MAX` (beyond that, readers' text extraction takes the gap for a
//! space, which Thai does not have there); the rest goes to the spaces.

use std::ops::Range;

use super::shape::{Flow, SGlyph};
use crate::document::Lang;
use crate::thai::segment::{clusters, is_thai, line_break_opportunities};

/// Largest widening of a gap between two Thai words, in em: below poppler's
/// and PDFium's word-space thresholds (0.1 em), so the gap is not read as a space.
pub const WORD_GAP_MAX: f32 = 0.085;
/// How far a space may stretch (in em) before a line counts as very loose.
const SPACE_STRETCH: f32 = 0.5;
/// Extra cost of ending a line between two Thai words rather than at a space.
const THAI_BREAK_PENALTY: f32 = 30.0;
/// Extra cost of a break right after a Thai prefix that makes compound
/// words (การ|ศึกษา, ความ|เข้าใจ, ผู้|แทน, ภาษา|อังกฤษ) or right before
/// the bound ending การณ์ (สังเกต|การณ์): the segmenter allows these breaks,
/// but a reader sees one word split.
const COMPOUND_BREAK_PENALTY: f32 = 150.0;
const COMPOUND_PREFIXES: [&str; 8] = ["การ", "ความ", "ผู้", "นัก", "ภาษา", "ชาว", "ทั้ง", "ฝ่าย"];
const BOUND_ENDINGS: [&str; 1] = ["การณ์"];

/// How a flow's lines are set, for choosing breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Justified; the last line is free.
    Justify,
    /// Centred or flush: lines of even length, the last one included.
    Balance,
}

/// A line of a flow.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Byte range in the flow text, trailing spaces included: the lines of a
    /// flow tile its text.
    pub range: Range<usize>,
    /// The glyphs drawn (trailing spaces excluded).
    pub glyphs: Range<usize>,
    /// Natural width of the drawn glyphs, in points.
    pub width: f32,
    /// Last line of the flow.
    pub last: bool,
    /// Where extra space goes when the line is justified: (glyph index the
    /// gap comes before, whether the gap follows a space).
    pub gaps: Vec<(usize, bool)>,
}

impl Line {
    /// Extra space per word gap and per space gap to fill `room` points,
    /// at type size `size`.
    pub fn spacing(&self, room: f32, size: f32) -> (f32, f32) {
        let spaces = self.gaps.iter().filter(|g| g.1).count() as f32;
        let words = self.gaps.len() as f32 - spaces;
        if room <= 0.0 || self.gaps.is_empty() {
            return (0.0, 0.0);
        }
        // Spaces take twice a word gap's share...
        let unit = room / (words + 2.0 * spaces);
        let cap = WORD_GAP_MAX * size;
        if unit <= cap || spaces == 0.0 {
            return (unit, 2.0 * unit);
        }
        // ...and what word gaps cannot take without looking like spaces,
        // up to `SPACE_STRETCH`; past that, all gaps share the rest.
        let space = (room - words * cap) / spaces;
        let space_max = SPACE_STRETCH * size;
        if space <= space_max || words == 0.0 {
            return (cap, space);
        }
        ((room - spaces * space_max) / words, space_max)
    }
}

/// A shaped flow with the break opportunities it may use.
pub struct Breaker<'a> {
    flow: &'a Flow,
    glyphs: &'a [SGlyph],
    size: f32,
    /// Prefix sums of glyph advances, in points.
    prefix: Vec<f32>,
    /// Opportunities usable in normal filling (Thai word boundaries, after spaces).
    primary: Vec<usize>,
    /// Whether each primary opportunity follows a space.
    after_space: Vec<bool>,
    /// All opportunities of the segmenter (for words longer than a line).
    all: Vec<usize>,
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

impl<'a> Breaker<'a> {
    pub fn new(flow: &'a Flow, glyphs: &'a [SGlyph], size: f32) -> Breaker<'a> {
        let mut prefix = Vec::with_capacity(glyphs.len() + 1);
        let mut acc = 0.0f32;
        prefix.push(acc);
        for g in glyphs {
            acc += g.adv * size;
            prefix.push(acc);
        }
        Breaker {
            flow,
            glyphs,
            size,
            prefix,
            primary: Vec::new(),
            after_space: Vec::new(),
            all: Vec::new(),
        }
    }

    /// Ask the segmenter where lines may end (only needed, and only done,
    /// for flows longer than a line: it is most of the writer's run time).
    fn segment(&mut self) {
        let flow = self.flow;
        let text = flow.text.as_str();
        self.all = line_break_opportunities(text);
        for &o in &self.all {
            let before = text[..o].chars().next_back();
            let after = text[o..].chars().next();
            let space = before.is_some_and(is_space);
            if space
                || flow.lang_at(o.saturating_sub(1)) == Some(Lang::Th)
                || before.is_some_and(is_thai)
                || after.is_some_and(is_thai)
            {
                self.primary.push(o);
                self.after_space.push(space);
            }
        }
    }

    /// Index of the first glyph at or after byte `at`.
    fn glyph_at(&self, at: usize) -> usize {
        self.glyphs.partition_point(|g| g.key < at)
    }

    /// `end` moved back over trailing spaces (not before `start`).
    fn trim(&self, start: usize, end: usize) -> usize {
        let t = self.flow.text[start..end].trim_end_matches(is_space);
        start + t.len()
    }

    /// Natural width of `start..end` without its trailing spaces.
    fn width(&self, start: usize, end: usize) -> f32 {
        let e = self.trim(start, end);
        self.prefix[self.glyph_at(e)] - self.prefix[self.glyph_at(start)]
    }

    /// Candidate line ends: the primary opportunities, plus finer ones
    /// inside any stretch between two of them that is wider than a line.
    fn candidates(&self, width: f32) -> Vec<usize> {
        let len = self.flow.text.len();
        let mut out = Vec::with_capacity(self.primary.len() + 1);
        let mut prev = 0;
        for &o in self.primary.iter().chain(std::iter::once(&len)) {
            if o <= prev {
                continue;
            }
            if self.width(prev, o) > width {
                self.split_long(prev, o, width, &mut out);
            }
            out.push(o);
            prev = o;
        }
        out
    }

    /// Breaks inside `start..end` (wider than a line): the segmenter's other
    /// opportunities, then grapheme-cluster boundaries for stretches still too wide.
    fn split_long(&self, start: usize, end: usize, width: f32, out: &mut Vec<usize>) {
        let text = self.flow.text.as_str();
        let from = self.all.partition_point(|&o| o <= start);
        let inner: Vec<usize> = self.all[from..]
            .iter()
            .copied()
            .take_while(|&o| o < end)
            .collect();
        let mut prev = start;
        for o in inner.into_iter().chain(std::iter::once(end)) {
            if self.width(prev, o) > width {
                out.extend(
                    clusters(&text[prev..o])
                        .into_iter()
                        .skip(1)
                        .map(|(i, _)| prev + i),
                );
            }
            if o < end {
                out.push(o);
            }
            prev = o;
        }
    }

    /// Break the flow into lines no wider than `width` points.
    pub fn lines(mut self, width: f32, fill: Fill) -> Vec<Line> {
        let len = self.flow.text.len();
        if len == 0 {
            return Vec::new();
        }
        if !width.is_finite() || self.width(0, len) <= width + 0.01 {
            return vec![self.line(0, len, true)];
        }
        self.segment();
        let cands = self.candidates(width);
        // best[j]: (cost, previous break index) of the best way to end a
        // line at cands[j - 1]; index 0 is the flow start.
        let n = cands.len();
        let pos = |j: usize| if j == 0 { 0 } else { cands[j - 1] };
        let mut best: Vec<(f32, usize)> = vec![(f32::INFINITY, 0); n + 1];
        best[0] = (0.0, 0);
        for j in 1..=n {
            let end = pos(j);
            let last = end == len;
            let mut any = false;
            for i in (0..j).rev() {
                if !best[i].0.is_finite() {
                    continue;
                }
                let start = pos(i);
                let w = self.width(start, end);
                if w > width + 0.01 {
                    if any || i + 1 < j {
                        break;
                    }
                    // Nothing fits (a single cluster wider than the line).
                    let cost = best[i].0 + 1.0e9;
                    if cost < best[j].0 {
                        best[j] = (cost, i);
                    }
                    break;
                }
                any = true;
                let cost = best[i].0 + self.cost(start, end, width - w, last, fill);
                if cost < best[j].0 {
                    best[j] = (cost, i);
                }
            }
        }
        let mut ends = Vec::new();
        let mut j = n;
        while j > 0 {
            ends.push(j);
            j = best[j].1;
        }
        ends.reverse();
        let mut out = Vec::with_capacity(ends.len());
        let mut start = 0;
        for j in ends {
            let end = pos(j);
            out.push(self.line(start, end, end == len));
            start = end;
        }
        out
    }

    /// Cost of a line from `start` to `end` with `room` points to spare.
    fn cost(&self, start: usize, end: usize, room: f32, last: bool, fill: Fill) -> f32 {
        let penalty = if last { 0.0 } else { self.break_penalty(end) };
        let badness = match fill {
            Fill::Justify if last => 0.0,
            Fill::Justify => {
                let (words, spaces) = self.gap_counts(start, end);
                let stretch =
                    (words as f32 * WORD_GAP_MAX + spaces as f32 * SPACE_STRETCH) * self.size;
                let r = if stretch > 0.0 {
                    room / stretch
                } else if room > 0.5 {
                    10.0
                } else {
                    0.0
                };
                (100.0 * r * r * r).min(100_000.0)
            }
            Fill::Balance => {
                let r = room / (self.size * 4.0);
                (10.0 * r * r).min(100_000.0)
            }
        };
        (10.0 + badness).powi(2) + penalty * penalty
    }

    /// Cost of ending a line at `at` (not the flow's end).
    fn break_penalty(&self, at: usize) -> f32 {
        let k = self.primary.partition_point(|&o| o < at);
        if self.primary.get(k) != Some(&at) || self.after_space[k] {
            return 0.0;
        }
        let text = self.flow.text.as_str();
        let prev = if k == 0 { 0 } else { self.primary[k - 1] };
        let next = self.primary.get(k + 1).copied().unwrap_or(text.len());
        let (before, after) = (&text[prev..at], &text[at..next]);
        if COMPOUND_PREFIXES.contains(&before.trim())
            || BOUND_ENDINGS.iter().any(|e| after.starts_with(e))
        {
            COMPOUND_BREAK_PENALTY
        } else {
            THAI_BREAK_PENALTY
        }
    }

    /// Gaps (between Thai words, at spaces) strictly inside a line.
    fn gap_counts(&self, start: usize, end: usize) -> (usize, usize) {
        let drawn_end = self.trim(start, end);
        let a = self.primary.partition_point(|&o| o <= start);
        let b = self.primary.partition_point(|&o| o < drawn_end);
        let spaces = self.after_space[a..b.max(a)].iter().filter(|&&s| s).count();
        (b.saturating_sub(a) - spaces, spaces)
    }

    fn line(&self, start: usize, end: usize, last: bool) -> Line {
        let drawn_end = self.trim(start, end);
        let glyphs = self.glyph_at(start)..self.glyph_at(drawn_end);
        let width = self.prefix[glyphs.end] - self.prefix[glyphs.start];
        let a = self.primary.partition_point(|&o| o <= start);
        let gaps = (a..self.primary.len())
            .take_while(|&k| self.primary[k] < drawn_end)
            .map(|k| (self.glyph_at(self.primary[k]), self.after_space[k]))
            .filter(|&(g, _)| g > glyphs.start && g < glyphs.end)
            .collect();
        Line {
            range: start..end,
            glyphs,
            width,
            last,
            gaps,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::fonts::{Faces, FontKind};
    use crate::pdf::shape::Shaper;

    fn lines(text: &str, lang: Lang, width: f32) -> Vec<String> {
        let faces = Faces::load().expect("fonts");
        let mut sh = Shaper::new(&faces);
        let flow = Flow::plain(text, lang, FontKind::Regular);
        let glyphs = sh.shape(&flow);
        let b = Breaker::new(&flow, &glyphs, 10.9);
        b.lines(width, Fill::Justify)
            .into_iter()
            .map(|l| text[l.range].to_string())
            .collect()
    }

    #[test]
    fn english_breaks_at_spaces() {
        let t = "The Participants will cooperate with each other in various fields.";
        let l = lines(t, Lang::En, 120.0);
        assert!(l.len() > 1);
        assert_eq!(l.concat(), t);
        for x in &l[..l.len() - 1] {
            assert!(x.ends_with(' '), "{l:?}");
        }
    }

    #[test]
    fn thai_breaks_at_opportunities() {
        let t = "ผู้เข้าร่วมทั้งสองฝ่ายจะร่วมมือกันเพื่อส่งเสริมความมั่นคงและการพัฒนาร่วมกันบนพื้นฐานของความเท่าเทียม";
        let l = lines(t, Lang::Th, 100.0);
        assert!(l.len() > 2);
        assert_eq!(l.concat(), t);
        let ops = line_break_opportunities(t);
        let mut at = 0;
        for x in &l[..l.len() - 1] {
            at += x.len();
            assert!(ops.contains(&at), "{l:?}");
        }
    }

    #[test]
    fn overlong_word_breaks_between_clusters() {
        let t = "Supercalifragilisticexpialidocious";
        let l = lines(t, Lang::En, 40.0);
        assert!(l.len() > 1);
        assert_eq!(l.concat(), t);
    }

    #[test]
    fn word_gaps_are_capped_when_there_are_spaces() {
        let line = Line {
            range: 0..0,
            glyphs: 0..0,
            width: 0.0,
            last: false,
            gaps: vec![(1, false), (2, false), (3, true)],
        };
        // Little room: word gaps stay under the cap, the space takes the rest.
        let (w, s) = line.spacing(5.0, 10.0);
        assert!(w <= WORD_GAP_MAX * 10.0 + 1e-4);
        assert!((2.0 * w + s - 5.0).abs() < 1e-3);
        // Much room: the space stops at its maximum, all gaps share the rest.
        let (w, s) = line.spacing(30.0, 10.0);
        assert!((s - SPACE_STRETCH * 10.0).abs() < 1e-4);
        assert!((2.0 * w + s - 30.0).abs() < 1e-3);
    }
}
