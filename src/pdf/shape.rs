//! Shaping: a flow of text (one paragraph, a clause number, a signature
//! line) becomes positioned glyphs, each knowing which characters of the
//! source it stands for.
//!
//! Every run is split where the script changes (Thai letters / Latin
//! letters; digits, spaces and punctuation go with their neighbours) and
//! shaped with rustybuzz, script Thai for Thai text and Latin for the rest,
//! language `th` or `en` from the run. Sarabun's GSUB/GPOS then place the
//! Thai marks: tone marks lifted over upper vowels and moved left of the
//! ascenders of ป ฝ ฟ, ญ and ฐ without their tails above lower vowels.
//!
//! The text each glyph carries becomes its `/ToUnicode` entry, which is what
//! a reader copies out of the PDF. The shaper is run at the "characters"
//! cluster level, so every glyph points at the one character it came from,
//! and three fix-ups keep copy/paste exact in every PDF reader (MuPDF
//! ignores `/ActualText` and reads these entries; poppler and PDFium read the
//! `/ActualText` that `render` gives a run of Thai glyphs with marks):
//!
//! * characters that produced no glyph of their own (absorbed into a
//!   ligature, as Sarabun draws NIKHAHIT + tone mark as one glyph) are given
//!   to the neighbouring glyph that took them: a combining mark to the glyph
//!   after it, anything else to the glyph before;
//! * a character that produced several glyphs (the shaper splits SARA AM
//!   into NIKHAHIT + SARA AA and moves the NIKHAHIT before the tone mark)
//!   is carried by its first glyph only; `redraw_sara_am` then draws the
//!   pair with the font's own SARA AM glyph, so "น้ำ" is three glyphs
//!   น ้ ำ that copy out as exactly that, never "น้ําา" or a doubled SARA AM
//!   (any other glyph without text of its own is drawn as an outline);
//! * zero-width marks whose text would come out of order are swapped into
//!   text order (their drawn position is kept).

use std::collections::HashMap;
use std::ops::Range;

use rustybuzz::{script, BufferClusterLevel, Direction, Language, ShapePlan, UnicodeBuffer};

use super::fonts::{Faces, FontKind, SaraAm};
use super::shape_memo;
use crate::document::{Lang, Run};

/// A stretch of a flow in one language and one font.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub range: Range<usize>,
    pub lang: Lang,
    pub font: FontKind,
}

/// Text to be set as one unit (broken into lines together).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Flow {
    pub text: String,
    pub spans: Vec<Span>,
    /// Byte ranges of names from the descriptor (`Run::is_name`), which a
    /// line never breaks inside unless the name is longer than a line.
    pub names: Vec<Range<usize>>,
}

impl Flow {
    /// The runs of a paragraph or signature line, concatenated.
    pub fn from_runs(runs: &[Run], force_bold: bool) -> Flow {
        let mut text = String::new();
        let mut spans: Vec<Span> = Vec::with_capacity(runs.len());
        let mut names: Vec<Range<usize>> = Vec::new();
        for r in runs {
            if r.text.is_empty() {
                continue;
            }
            let start = text.len();
            text.push_str(&r.text);
            if r.is_name() {
                names.push(start..text.len());
            }
            let font = FontKind::for_bold(r.bold || force_bold);
            match spans.last_mut() {
                Some(last) if last.lang == r.lang && last.font == font => {
                    last.range.end = text.len()
                }
                _ => spans.push(Span {
                    range: start..text.len(),
                    lang: r.lang,
                    font,
                }),
            }
        }
        Flow { text, spans, names }
    }

    /// One piece of text in one language and font.
    pub fn plain(text: &str, lang: Lang, font: FontKind) -> Flow {
        Flow {
            text: text.to_string(),
            spans: if text.is_empty() {
                Vec::new()
            } else {
                vec![Span {
                    range: 0..text.len(),
                    lang,
                    font,
                }]
            },
            names: Vec::new(),
        }
    }

    /// The language of the character at byte `at` (the last span's for the end).
    pub fn lang_at(&self, at: usize) -> Option<Lang> {
        self.spans
            .iter()
            .find(|s| s.range.contains(&at))
            .or(self.spans.last())
            .map(|s| s.lang)
    }
}

/// A glyph placed by the shaper. Lengths are in em (multiply by the size).
#[derive(Clone, Debug, PartialEq)]
pub struct SGlyph {
    pub id: u16,
    pub font: FontKind,
    pub adv: f32,
    pub dx: f32,
    pub dy: f32,
    /// Byte offset in the flow text where this glyph's characters start;
    /// never decreases along a flow's glyphs, so a line from byte `a` to
    /// byte `b` holds exactly the glyphs whose `key` is in `a..b`.
    pub key: usize,
    /// The source characters this glyph stands for (its copy/paste text),
    /// or `None` for the second and later glyphs of one character, which
    /// are drawn as outlines.
    pub text: Option<Range<usize>>,
}

/// Shapes flows with cached shape plans (a plan per font, script and language).
pub struct Shaper<'f> {
    faces: &'f Faces,
    plans: HashMap<(FontKind, bool, Lang), ShapePlan>,
}

/// Is `c` a combining mark (Thai above/below vowels and tone marks, and the
/// common combining diacritics blocks)?
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Script class of a character: Some(true) Thai, Some(false) other letters,
/// None for characters that take their neighbours' script.
fn script_class(c: char) -> Option<bool> {
    if crate::thai::segment::is_thai(c) {
        Some(true)
    } else if c.is_alphabetic() {
        Some(false)
    } else {
        None
    }
}

/// Split `range` of `text` into stretches of one script class.
fn script_items(text: &str, range: Range<usize>, default_thai: bool) -> Vec<(Range<usize>, bool)> {
    let sub = &text[range.clone()];
    let first = sub.chars().find_map(script_class).unwrap_or(default_thai);
    let mut items: Vec<(Range<usize>, bool)> = Vec::new();
    let mut cur = first;
    let mut start = range.start;
    for (i, c) in sub.char_indices() {
        if let Some(s) = script_class(c) {
            if s != cur {
                let at = range.start + i;
                if at > start {
                    items.push((start..at, cur));
                }
                start = at;
                cur = s;
            }
        }
    }
    if range.end > start {
        items.push((start..range.end, cur));
    }
    items
}

impl<'f> Shaper<'f> {
    pub fn new(faces: &'f Faces) -> Shaper<'f> {
        Shaper {
            faces,
            plans: HashMap::new(),
        }
    }

    /// Shape a whole flow; the glyphs come in text order.
    pub fn shape(&mut self, flow: &Flow) -> Vec<SGlyph> {
        self.shape_by(flow, true)
    }

    /// Shape a flow word by word (`by_pieces`, remembered: see
    /// `shape_memo`) or each script item in one go.
    fn shape_by(&mut self, flow: &Flow, by_pieces: bool) -> Vec<SGlyph> {
        let mut out = Vec::with_capacity(flow.text.len() / 2);
        for span in &flow.spans {
            for (range, thai) in script_items(&flow.text, span.range.clone(), span.lang == Lang::Th)
            {
                if by_pieces {
                    self.shape_item(&flow.text, range, thai, span, &mut out);
                } else {
                    self.shape_piece(&flow.text, range, thai, span, &mut out);
                }
            }
        }
        // Keys never decrease (a line is a contiguous slice of glyphs).
        let mut max = 0;
        for g in &mut out {
            max = max.max(g.key);
            g.key = max;
        }
        out
    }

    /// Shape `range` of `text` (one script) piece by piece, each piece
    /// taken from the memo when it was shaped before.
    fn shape_item(
        &mut self,
        text: &str,
        range: Range<usize>,
        thai: bool,
        span: &Span,
        out: &mut Vec<SGlyph>,
    ) {
        for range in shape_memo::pieces(text, range) {
            let piece = shape_memo::Piece::new(text, &range, thai, span.font, span.lang);
            if piece.recall(out) {
                continue;
            }
            let first = out.len();
            self.shape_piece(text, range, thai, span, out);
            piece.remember(&out[first..]);
        }
    }

    /// Shape `range` of `text` (one script) with rustybuzz.
    fn shape_piece(
        &mut self,
        text: &str,
        range: Range<usize>,
        thai: bool,
        span: &Span,
        out: &mut Vec<SGlyph>,
    ) {
        let face = self.faces.face(span.font);
        let upem = self.faces.units_per_em(span.font);
        let (scr, lang_code) = if thai {
            (script::THAI, span.lang.code())
        } else {
            (script::LATIN, span.lang.code())
        };
        let language: Option<Language> = lang_code.parse().ok();
        let plan = self
            .plans
            .entry((span.font, thai, span.lang))
            .or_insert_with(|| {
                ShapePlan::new(
                    face,
                    Direction::LeftToRight,
                    Some(scr),
                    language.as_ref(),
                    &[],
                )
            });

        let item = &text[range.clone()];
        let mut buf = UnicodeBuffer::new();
        buf.push_str(item);
        buf.set_direction(Direction::LeftToRight);
        buf.set_script(scr);
        if let Some(l) = language {
            buf.set_language(l);
        }
        buf.set_cluster_level(BufferClusterLevel::Characters);
        let shaped = rustybuzz::shape_with_plan(face, plan, buf);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();

        // Characters of the item and which of them got a glyph.
        let offsets: Vec<usize> = item.char_indices().map(|(i, _)| i).collect();
        let chars: Vec<char> = item.chars().collect();
        let n = chars.len();
        let char_index = |byte: usize| offsets.partition_point(|&o| o <= byte).saturating_sub(1);
        let mut represented = vec![false; n];
        for info in infos {
            if let Some(r) = represented.get_mut(char_index(info.cluster as usize)) {
                *r = true;
            }
        }
        // Owner (a represented character) of every character.
        let mut owner: Vec<usize> = (0..n).collect();
        let mut i = 0;
        while i < n {
            if represented[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && !represented[j] {
                j += 1;
            }
            let all_marks = chars[i..j].iter().all(|&c| is_combining(c));
            let to = if (all_marks || i == 0) && j < n {
                Some(j)
            } else if i > 0 {
                Some(i - 1)
            } else {
                None
            };
            if let Some(t) = to {
                for o in &mut owner[i..j] {
                    *o = t;
                }
            }
            i = j;
        }
        // Byte range (in the flow) carried by each represented character.
        let end_of = |k: usize| offsets.get(k + 1).copied().unwrap_or(item.len());
        let mut carried: Vec<Option<Range<usize>>> = vec![None; n];
        for (k, &o) in owner.iter().enumerate() {
            let (s, e) = (range.start + offsets[k], range.start + end_of(k));
            let slot = &mut carried[o];
            *slot = Some(match slot.take() {
                None => s..e,
                Some(r) => r.start.min(s)..r.end.max(e),
            });
        }

        let first_new = out.len();
        let mut claimed = vec![false; n];
        for (info, pos) in infos.iter().zip(positions) {
            let k = char_index(info.cluster as usize);
            let text_range = if claimed.get(k).copied().unwrap_or(true) {
                None
            } else {
                claimed[k] = true;
                carried[k].clone()
            };
            let key = text_range
                .as_ref()
                .map_or(range.start + info.cluster as usize, |r| r.start);
            out.push(SGlyph {
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                font: span.font,
                adv: pos.x_advance as f32 / upem,
                dx: pos.x_offset as f32 / upem,
                dy: pos.y_offset as f32 / upem,
                key,
                text: text_range,
            });
        }
        let am = self.faces.sara_am(span.font);
        redraw_sara_am(text, am, upem, out, first_new);
        order_marks(&mut out[first_new..]);
    }
}

/// Redraw each SARA AM that the shaper split into NIKHAHIT (carrying the
/// text) + SARA AA (no text, so it would be drawn as an outline) with the
/// font's SARA AM glyph, which carries the text itself:
///
/// * NIKHAHIT alone: NIKHAHIT + SARA AA become the SARA AM glyph;
/// * NIKHAHIT + tone mark drawn as one composite glyph (Sarabun's
///   ligatures for "น้ำ"): the composite becomes its tone-mark component at
///   the same place, carrying the tone mark's text, and SARA AA becomes the
///   SARA AM glyph.
///
/// Readers then see a glyph per character with no gap where the SARA AA
/// was, and every glyph id maps to one text. Other forms (the shifted
/// NIKHAHIT after ป ฝ ฟ) keep the outline SARA AA.
fn redraw_sara_am(text: &str, am: &SaraAm, upem: f32, out: &mut Vec<SGlyph>, from: usize) {
    if am.am == 0 || am.aa == 0 {
        return;
    }
    let mut i = from;
    while i < out.len() {
        let g = &out[i];
        let at = g.key;
        let is_split_am = g.text.is_none()
            && g.id == am.aa
            && text.get(at..).is_some_and(|t| t.starts_with('\u{0E33}'));
        if !is_split_am {
            i += 1;
            continue;
        }
        let am_end = at + '\u{0E33}'.len_utf8();
        let Some(j) = (from..i)
            .rev()
            .find(|&j| out[j].text.as_ref().is_some_and(|r| r.end == am_end))
        else {
            i += 1;
            continue;
        };
        let carrier = out[j].clone();
        let Some(range) = carrier.text.clone() else {
            i += 1;
            continue;
        };
        if carrier.id == am.nikhahit && range.start == at && carrier.adv == 0.0 {
            let aa = &mut out[i];
            aa.id = am.am;
            aa.text = Some(range);
            aa.key = at;
            out.remove(j);
            // `i` now points past the new glyph.
            continue;
        }
        if let Some(&(part, dx, dy)) = am.with_nikhahit.get(&carrier.id) {
            if range.start < at && carrier.adv == 0.0 {
                let c = &mut out[j];
                c.id = part;
                c.dx += f32::from(dx) / upem;
                c.dy += f32::from(dy) / upem;
                c.text = Some(range.start..at);
                let aa = &mut out[i];
                aa.id = am.am;
                aa.text = Some(at..am_end);
                aa.key = at;
            }
        }
        i += 1;
    }
}

/// Swap zero-width glyphs whose text comes after that of the next glyph, so
/// that text-carrying glyphs are in text order; the moved glyph keeps its
/// drawn position (its offset absorbs the advance it now comes after).
fn order_marks(glyphs: &mut [SGlyph]) {
    let start = |g: &SGlyph| g.text.as_ref().map(|r| r.start);
    for i in 1..glyphs.len() {
        let mut j = i;
        while j > 0 {
            let (a, b) = (&glyphs[j - 1], &glyphs[j]);
            match (start(a), start(b)) {
                (Some(sa), Some(sb)) if sa > sb && a.adv == 0.0 => {
                    let adv_b = b.adv;
                    glyphs.swap(j - 1, j);
                    glyphs[j].dx -= adv_b;
                    let key = glyphs[j - 1].key.min(glyphs[j].key);
                    glyphs[j - 1].key = key;
                    j -= 1;
                }
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(text: &str) -> Vec<SGlyph> {
        let faces = Faces::load().expect("fonts");
        let mut s = Shaper::new(&faces);
        s.shape(&Flow::plain(text, Lang::Th, FontKind::Regular))
    }

    /// The text the glyphs carry, in glyph order: what a reader copies.
    fn copied(text: &str) -> String {
        shaped(text)
            .iter()
            .filter_map(|g| g.text.clone())
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn copy_text_is_source_text() {
        for t in [
            "น้ำใจ",
            "ลำพูน",
            "ปี่ ฟิ้ กั๊ก",
            "ผู้เข้าร่วมทั้งสองฝ่าย",
            "จังหวัดพระนครศรีอยุธยา",
            "ฤๅษี ป่ำ ทำ",
            "The Participants, office",
        ] {
            assert_eq!(copied(t), t);
        }
    }

    #[test]
    fn sara_am_is_one_glyph_with_its_text() {
        for t in ["น้ำ", "ลำ", "กล่ำ"] {
            let g = shaped(t);
            assert!(g.iter().all(|g| g.text.is_some()), "{t}: {g:?}");
            assert_eq!(copied(t), t);
        }
    }

    /// Shaping word by word (and from the memo) gives the glyphs that
    /// shaping each script item whole gives, for every line of the
    /// templates and of the rendered-text goldens, in both faces.
    #[test]
    fn pieces_shape_as_the_whole() {
        let faces = Faces::load().expect("fonts");
        let mut s = Shaper::new(&faces);
        let lines =
            crate::thai::segment::tests_support::lines_under(&["templates", "fixtures/golden"]);
        assert!(lines.len() > 1000, "{} lines", lines.len());
        let mut compared = 0;
        for line in &lines {
            for font in [FontKind::Regular, FontKind::Bold] {
                for lang in [Lang::Th, Lang::En] {
                    let flow = Flow::plain(line, lang, font);
                    let whole = s.shape_by(&flow, false);
                    assert_eq!(s.shape(&flow), whole, "{line:?}");
                    // The second time from the memo.
                    assert_eq!(s.shape(&flow), whole, "{line:?} (remembered)");
                    compared += 1;
                }
            }
        }
        assert!(compared > 4000);
    }

    #[test]
    fn keys_never_decrease() {
        let g = shaped("น้ำใจ ผู้เข้าร่วม ป่ำ");
        assert!(g.windows(2).all(|w| w[0].key <= w[1].key));
    }

    #[test]
    fn script_items_split_thai_and_latin() {
        let t = "ภาษาไทย (Thai) และ";
        let items = script_items(t, 0..t.len(), true);
        let texts: Vec<_> = items.iter().map(|(r, th)| (&t[r.clone()], *th)).collect();
        assert_eq!(
            texts,
            vec![("ภาษาไทย (", true), ("Thai) ", false), ("และ", true)]
        );
    }
}
