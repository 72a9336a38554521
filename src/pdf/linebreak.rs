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
//! total-fit search, as Knuth and Plass do for TeX): a line's cost grows with
//! the cube of the stretch it needs, and each break has a penalty, so the
//! paragraph takes a slightly looser line to avoid a bad break elsewhere.
//! Penalties, lowest first: a break at a space; between two Thai words; inside
//! a word or compound of the lexicon (`thai::lexicon`: ผู้เข้า|ร่วม, แผน|งาน);
//! inside a name from the descriptor (`Flow::names`), which is taken only
//! when the name is longer than a line. A last line of one short word (a
//! widow) costs as much as a break inside a word. Spaces at the end of a
//! line are kept in its text range but neither drawn nor measured.
//!
//! Justification is the Thai way (as Word's thaiDistribute): the extra room
//! of a justified line is spread evenly between the grapheme clusters of its
//! Thai text, as tracking, and over its spaces. Tracking is capped at
//! `TRACK_MAX` (0.04 em), well below the gap PDF readers take for a space
//! (poppler, PDFium and MuPDF use 0.1 em and more), so a justified line never
//! shows nor copies out a space inside a word ("ชาย แดน" for ชายแดน). A
//! line that would need more is set with tracking at the cap and its spaces
//! at most `SPACE_LOOSE` wide, and the rest is left ragged. English lines
//! (no Thai clusters) are justified at their spaces alone.

use std::ops::Range;

use super::shape::{is_combining, Flow, SGlyph};
use crate::document::Lang;
use crate::thai::lexicon::breaks_inside_words;
use crate::thai::segment::{clusters, is_thai, line_break_opportunities};

/// Largest extra space between two Thai clusters (tracking), in em.
pub const TRACK_MAX: f32 = 0.04;
/// Largest gap between two Thai clusters a PDF reader may see (tracking
/// plus a mark drawn left of the pen), in em: clear of the readers' 0.1 em.
const TRACK_SEEN_MAX: f32 = 0.075;
/// How far a space stretches (in em) at the justification's nominal maximum.
const SPACE_STRETCH: f32 = 0.5;
/// Widest a space of a Thai line may become before the line is set ragged.
const SPACE_LOOSE: f32 = 1.0;
/// Extra cost of ending a line between two Thai words rather than at a space.
const THAI_BREAK_PENALTY: f32 = 30.0;
/// Extra cost of a break right after a Thai prefix that makes compound
/// words (การ|ศึกษา, ความ|เข้าใจ, ผู้|แทน, ภาษา|อังกฤษ) or right before
/// the bound ending การณ์ (สังเกต|การณ์): the segmenter allows these breaks,
/// but a reader sees one word split.
const COMPOUND_BREAK_PENALTY: f32 = 150.0;
const COMPOUND_PREFIXES: [&str; 8] = ["การ", "ความ", "ผู้", "นัก", "ภาษา", "ชาว", "ทั้ง", "ฝ่าย"];
const BOUND_ENDINGS: [&str; 1] = ["การณ์"];
/// Extra cost of a break inside a word or compound of the lexicon: taken
/// only where avoiding it would leave lines ragged by about a quarter of the
/// measure.
const WORD_BREAK_PENALTY: f32 = 800.0;
/// Extra cost of a break at a space inside a name ("Chiang | Mai",
/// "นครคุนหมิง | มณฑลยูนนาน").
const NAME_SPACE_PENALTY: f32 = 100.0;
/// Extra cost of any other break inside a name: only when nothing else fits.
const NAME_BREAK_PENALTY: f32 = 20_000.0;
/// Badness of a ragged line per unit of stretch beyond the nominal maximum.
const RAGGED_BADNESS: f32 = 150.0;
/// Extra cost of a last line of one short word (a widow).
const WIDOW_PENALTY: f32 = 600.0;
/// A last line narrower than this share of the measure is short.
const WIDOW_SHARE: f32 = 0.25;

/// How a flow's lines are set, for choosing breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// gap comes before, whether the gap follows a space; otherwise it is
    /// the tracking between two Thai clusters).
    pub gaps: Vec<(usize, bool)>,
}

impl Line {
    /// Extra space per Thai cluster gap (tracking) and per space to fill
    /// `room` points, at type size `size`; see the module comment.
    pub fn spacing(&self, room: f32, size: f32) -> (f32, f32) {
        if room <= 0.0 || self.gaps.is_empty() {
            return (0.0, 0.0);
        }
        let spaces = self.gaps.iter().filter(|g| g.1).count() as f32;
        let tracks = self.gaps.len() as f32 - spaces;
        if tracks == 0.0 {
            // No Thai: the spaces take it all.
            return (0.0, room / spaces);
        }
        let (track_max, space_max) = (TRACK_MAX * size, SPACE_STRETCH * size);
        let r = room / (tracks * track_max + spaces * space_max);
        if r <= 1.0 {
            return (r * track_max, r * space_max);
        }
        let space = if spaces > 0.0 {
            ((room - tracks * track_max) / spaces).min(SPACE_LOOSE * size)
        } else {
            0.0
        };
        (track_max, space)
    }
}

/// What kind of justification gap comes before a glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GapKind {
    None,
    /// Between two Thai clusters.
    Track,
    /// After a space.
    Space,
}

/// A shaped flow with the break opportunities it may use.
pub struct Breaker<'a> {
    flow: &'a Flow,
    glyphs: &'a [SGlyph],
    size: f32,
    /// Prefix sums of glyph advances, in points.
    prefix: Vec<f32>,
    /// Gap before each glyph, and prefix counts of tracking and space gaps.
    gap: Vec<GapKind>,
    tracks: Vec<u32>,
    spaces: Vec<u32>,
    /// Opportunities usable in normal filling (Thai word boundaries, after spaces).
    primary: Vec<usize>,
    /// Whether each primary opportunity follows a space.
    after_space: Vec<bool>,
    /// Penalty of a break at each primary opportunity.
    penalty: Vec<f32>,
    /// All opportunities of the segmenter (for words longer than a line).
    all: Vec<usize>,
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Thai leading vowels (เ แ โ ใ ไ): written before the consonant they
/// follow in speech, so never tracked apart from it.
fn is_leading_vowel(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

/// The gap before each glyph of `glyphs` (see `GapKind`).
fn gaps_of(text: &str, glyphs: &[SGlyph]) -> Vec<GapKind> {
    let mut out = Vec::with_capacity(glyphs.len());
    let mut prev: Option<&SGlyph> = None;
    for g in glyphs {
        let k = g.key;
        let first = prev.is_none_or(|p| p.key < k);
        // A reader that places text by its glyphs (MuPDF; poppler did too
        // while each cluster was its own `/ActualText` span) ends a cluster
        // where its last glyph is drawn: a mark moved left of its pen
        // position widens the gap it sees by as much, so no tracking goes
        // there if the sum could pass for a space.
        let mark_left = prev.is_some_and(|p| p.adv == 0.0 && TRACK_MAX - p.dx > TRACK_SEEN_MAX);
        prev = Some(g);
        let (before, at) = (text[..k].chars().next_back(), text[k..].chars().next());
        let kind = match (first, before, at) {
            (true, Some(b), Some(a)) if is_space(b) && !is_space(a) => GapKind::Space,
            (true, Some(b), Some(a))
                if is_thai(b)
                    && is_thai(a)
                    && !is_leading_vowel(b)
                    && !is_combining(a)
                    && a != '\u{0E33}'
                    && !mark_left =>
            {
                GapKind::Track
            }
            _ => GapKind::None,
        };
        out.push(kind);
    }
    out
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
        let gap = gaps_of(&flow.text, glyphs);
        let count = |kind: GapKind| {
            let mut v = Vec::with_capacity(gap.len() + 1);
            let mut n = 0u32;
            v.push(n);
            for &k in &gap {
                n += u32::from(k == kind);
                v.push(n);
            }
            v
        };
        let (tracks, spaces) = (count(GapKind::Track), count(GapKind::Space));
        Breaker {
            flow,
            glyphs,
            size,
            prefix,
            gap,
            tracks,
            spaces,
            primary: Vec::new(),
            after_space: Vec::new(),
            penalty: Vec::new(),
            all: Vec::new(),
        }
    }

    /// Ask the segmenter where lines may end (only needed, and only done,
    /// for flows longer than a line: it is most of the writer's run time),
    /// and price each opportunity.
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
        let inside = breaks_inside_words(text);
        self.penalty = (0..self.primary.len())
            .map(|k| {
                let o = self.primary[k];
                let in_name = flow.names.iter().any(|r| r.start < o && o < r.end);
                if self.after_space[k] {
                    return if in_name { NAME_SPACE_PENALTY } else { 0.0 };
                }
                if in_name {
                    return NAME_BREAK_PENALTY;
                }
                if inside.binary_search(&o).is_ok() {
                    return WORD_BREAK_PENALTY;
                }
                let prev = if k == 0 { 0 } else { self.primary[k - 1] };
                let next = self.primary.get(k + 1).copied().unwrap_or(text.len());
                let (before, after) = (&text[prev..o], &text[o..next]);
                if COMPOUND_PREFIXES.contains(&before.trim())
                    || BOUND_ENDINGS.iter().any(|e| after.starts_with(e))
                {
                    COMPOUND_BREAK_PENALTY
                } else {
                    THAI_BREAK_PENALTY
                }
            })
            .collect();
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
        self.lines_segmented(width, fill)
    }

    /// The total-fit search, once `segment` has run.
    fn lines_segmented(&self, width: f32, fill: Fill) -> Vec<Line> {
        let len = self.flow.text.len();
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
                let cost = best[i].0 + self.cost(start, end, w, width, last, fill);
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

    /// Cost of a line from `start` to `end`, `w` points wide in a measure
    /// of `width`.
    fn cost(&self, start: usize, end: usize, w: f32, width: f32, last: bool, fill: Fill) -> f32 {
        let room = width - w;
        let penalty = if last {
            if fill == Fill::Justify && w < WIDOW_SHARE * width && self.one_word(start, end) {
                WIDOW_PENALTY
            } else {
                0.0
            }
        } else {
            self.break_penalty(end)
        };
        let badness = match fill {
            Fill::Justify if last => 0.0,
            Fill::Justify => {
                let (tracks, spaces) = self.gap_counts(start, end);
                let stretch =
                    (tracks as f32 * TRACK_MAX + spaces as f32 * SPACE_STRETCH) * self.size;
                let r = if stretch > 0.0 {
                    room / stretch
                } else if room > 0.5 {
                    10.0
                } else {
                    0.0
                };
                // Up to the nominal maximum, TeX's badness; beyond it the line
                // is set ragged (see `Line::spacing`), which costs more the
                // emptier it is, but a ragged line that is at most twice as
                // loose costs less than a break inside a word.
                if r <= 1.0 {
                    100.0 * r * r * r
                } else {
                    (100.0 + RAGGED_BADNESS * (r - 1.0)).min(100_000.0)
                }
            }
            Fill::Balance => {
                let r = room / (self.size * 4.0);
                (10.0 * r * r).min(100_000.0)
            }
        };
        (10.0 + badness).powi(2) + penalty * penalty
    }

    /// Is `start..end` a single word (no break opportunity inside)?
    fn one_word(&self, start: usize, end: usize) -> bool {
        let drawn_end = self.trim(start, end);
        let a = self.primary.partition_point(|&o| o <= start);
        self.primary.get(a).is_none_or(|&o| o >= drawn_end)
    }

    /// Cost of ending a line at `at` (not the flow's end).
    fn break_penalty(&self, at: usize) -> f32 {
        match self.primary.binary_search(&at) {
            Ok(k) => self.penalty.get(k).copied().unwrap_or(0.0),
            // A break found by `split_long` inside an overlong word.
            Err(_) => 0.0,
        }
    }

    /// Tracking gaps and space gaps strictly inside a line.
    fn gap_counts(&self, start: usize, end: usize) -> (u32, u32) {
        let (a, b) = (
            self.glyph_at(start) + 1,
            self.glyph_at(self.trim(start, end)),
        );
        if b <= a {
            return (0, 0);
        }
        (
            self.tracks[b] - self.tracks[a],
            self.spaces[b] - self.spaces[a],
        )
    }

    fn line(&self, start: usize, end: usize, last: bool) -> Line {
        let drawn_end = self.trim(start, end);
        let glyphs = self.glyph_at(start)..self.glyph_at(drawn_end);
        let width = self.prefix[glyphs.end] - self.prefix[glyphs.start];
        let gaps = if last {
            Vec::new()
        } else {
            (glyphs.start + 1..glyphs.end)
                .filter_map(|g| match self.gap[g] {
                    GapKind::None => None,
                    GapKind::Track => Some((g, false)),
                    GapKind::Space => Some((g, true)),
                })
                .collect()
        };
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
    fn tracking_is_capped_and_spaces_take_the_rest() {
        let line = Line {
            range: 0..0,
            glyphs: 0..0,
            width: 0.0,
            last: false,
            gaps: vec![(1, false), (2, false), (3, true)],
        };
        // Little room: shared in proportion, tracking under its cap.
        let (t, s) = line.spacing(2.0, 10.0);
        assert!(t <= TRACK_MAX * 10.0 + 1e-4);
        assert!((2.0 * t + s - 2.0).abs() < 1e-3);
        // Much room: tracking at its cap, the space at most SPACE_LOOSE,
        // the rest ragged.
        let (t, s) = line.spacing(30.0, 10.0);
        assert!((t - TRACK_MAX * 10.0).abs() < 1e-4);
        assert!((s - SPACE_LOOSE * 10.0).abs() < 1e-4);
        // No Thai at all: the spaces take everything.
        let english = Line {
            gaps: vec![(3, true), (5, true)],
            ..line
        };
        assert_eq!(english.spacing(30.0, 10.0), (0.0, 15.0));
    }

    /// Every break of `l` (a flow's lines' texts), as "left|right" with
    /// `n` characters each side.
    fn breaks(l: &[String]) -> Vec<String> {
        l.windows(2)
            .map(|w| {
                let left: String = w[0]
                    .chars()
                    .rev()
                    .take(6)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let right: String = w[1].chars().take(6).collect();
                format!("{left}|{right}")
            })
            .collect()
    }

    #[test]
    fn best_breaks_avoid_compounds() {
        // Every width from a narrow column to a wide one: no line of the
        // clause ends inside ผู้เข้าร่วม, แผนงาน or บันทึกความเข้าใจ, though the
        // segmenter allows breaks inside all three.
        let t = "ผู้เข้าร่วมทั้งสองฝ่ายจะหารือกันและกัน เกี่ยวกับรูปแบบและแผนงานความร่วมมือในการอนุวัติตามบันทึกความเข้าใจนี้ โดยจัดให้มีการจัดประชุมเพื่อติดตามผลการทำงานร่วมกันประจำปี เพื่อให้แผนงานมีความก้าวหน้า";
        let ops = line_break_opportunities(t);
        for compound in ["ผู้เข้าร่วม", "แผนงาน", "บันทึกความเข้าใจ"]
        {
            let at = t.find(compound).expect("in text");
            assert!(
                ops.iter().any(|&o| o > at && o < at + compound.len()),
                "the segmenter allows a break inside {compound}"
            );
        }
        for width in (180..=420).step_by(15) {
            let l = lines(t, Lang::Th, width as f32);
            assert_eq!(l.concat(), t);
            let mut at = 0;
            for x in &l[..l.len() - 1] {
                at += x.len();
                for compound in ["ผู้เข้าร่วม", "แผนงาน", "บันทึกความเข้าใจ"]
                {
                    for (s, _) in t.match_indices(compound) {
                        assert!(
                            !(s < at && at < s + compound.len()),
                            "width {width}: {compound} split: {:?}",
                            breaks(&l)
                        );
                    }
                }
            }
        }
    }

    fn name_lines(runs: &[(&str, bool)], width: f32) -> Vec<String> {
        let runs: Vec<crate::document::Run> = runs
            .iter()
            .map(|(t, name)| crate::document::Run {
                text: t.to_string(),
                lang: Lang::Th,
                bold: false,
                slot: name.then(|| "partner_name".to_string()),
                revision: None,
            })
            .collect();
        let faces = Faces::load().expect("fonts");
        let mut sh = Shaper::new(&faces);
        let flow = Flow::from_runs(&runs, false);
        let glyphs = sh.shape(&flow);
        Breaker::new(&flow, &glyphs, 10.9)
            .lines(width, Fill::Justify)
            .into_iter()
            .map(|l| flow.text[l.range].to_string())
            .collect()
    }

    #[test]
    fn a_name_is_never_split() {
        let name = "เขตปกครองตนเองกว่างซีจ้วง";
        for width in (160..=400).step_by(7) {
            let l = name_lines(
                &[
                    ("เพื่อให้เป็นไปตามปรารถนาร่วมกันที่จะเสริมสร้างความเข้าใจและมิตรจิตระหว่างจังหวัดเชียงใหม่ กับ", false),
                    (name, true),
                    (" และโดยคำนึงถึงความสัมพันธ์มิตรที่มีอยู่ระหว่างผู้เข้าร่วมทั้งสองฝ่าย", false),
                ],
                width as f32,
            );
            let text = l.concat();
            let start = text.find(name).expect("name");
            let mut at = 0;
            for x in &l {
                at += x.len();
                assert!(
                    !(start < at && at < start + name.len()),
                    "width {width}: {l:?}"
                );
            }
        }
        // Longer than a line: split, since nothing else fits.
        let l = name_lines(&[(name, true)], 40.0);
        assert!(l.len() > 1);
        assert_eq!(l.concat(), name);
    }

    #[test]
    fn a_widow_is_avoided() {
        // A clause that, broken line by line at its best, would end with
        // "ด้วย" alone; the paragraph is set otherwise.
        let t = "ผู้เข้าร่วมทั้งสองฝ่ายจะต้องส่งเสริมให้หน่วยงานที่เกี่ยวข้องของตนติดต่อกันโดยตรงเพื่อร่วมมือกันตามบันทึกความเข้าใจนี้ อีกทั้งผู้เข้าร่วมทั้งสองฝ่ายจะมีการสนับสนุนให้มีการแลกเปลี่ยนการเยือนของเจ้าหน้าที่ของตนเองด้วย";
        let faces = Faces::load().expect("fonts");
        let mut sh = Shaper::new(&faces);
        let flow = Flow::plain(t, Lang::Th, FontKind::Regular);
        let glyphs = sh.shape(&flow);
        let mut tested = 0;
        for width in (180..=460).step_by(3) {
            let width = width as f32;
            let mut b = Breaker::new(&flow, &glyphs, 10.9);
            b.segment();
            let l = b.lines_segmented(width, Fill::Justify);
            if l.len() < 3 {
                continue;
            }
            let last = l.last().expect("lines");
            assert!(
                !(last.width < WIDOW_SHARE * width && b.one_word(last.range.start, last.range.end)),
                "width {width}: widow {:?}",
                &t[last.range.clone()]
            );
            tested += 1;
        }
        assert!(tested > 20);
    }

    #[test]
    fn justified_thai_lines_track_between_clusters_only() {
        let t = "ชายแดนผู้เข้าร่วมทั้งสองฝ่ายจะร่วมมือกันเพื่อส่งเสริมความมั่งคั่งและการพัฒนาร่วมกัน";
        let faces = Faces::load().expect("fonts");
        let mut sh = Shaper::new(&faces);
        let flow = Flow::plain(t, Lang::Th, FontKind::Regular);
        let glyphs = sh.shape(&flow);
        let l = Breaker::new(&flow, &glyphs, 10.9).lines(150.0, Fill::Justify);
        assert!(l.len() > 1);
        for line in &l[..l.len() - 1] {
            assert!(!line.gaps.is_empty());
            for &(g, space) in &line.gaps {
                assert!(!space);
                let k = glyphs[g].key;
                let at = t[k..].chars().next().expect("char");
                let before = t[..k].chars().next_back().expect("char");
                // Never before a mark or SARA AM, never after a leading vowel.
                assert!(!is_combining(at) && at != '\u{0E33}', "{k}");
                assert!(!is_leading_vowel(before), "{k}");
            }
            let (track, _) = line.spacing(150.0 - line.width, 10.9);
            assert!(track <= TRACK_MAX * 10.9 + 1e-4);
        }
    }
}
