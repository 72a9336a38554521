//! A Thai lexicon, for one question the segmenter cannot answer: does a
//! break opportunity fall inside a word that a reader sees as one?
//!
//! `thai::segment` (ICU4X's LSTM model) says where a line *may* break; it
//! splits compounds into their parts (ผู้เข้า|ร่วม, แผน|งาน, ใช้|บังคับ), and
//! a typesetter avoids those breaks. The PDF line breaker asks this module
//! which opportunities lie inside a dictionary word and gives them a cost.
//!
//! The words (`data/thai-words.txt`, about 65 000) are the union of two
//! well-kept lists whose licences allow bundling: PyThaiNLP's `words_th.txt`
//! (CC0-1.0) and ICU's `thaidict.txt` (Unicode-DFS-2016, the dictionary the
//! ICU break iterators use). Two independent lists, and a break counts as
//! inside a word when *any* word of either spans it (not only the word one
//! segmentation would pick), so the line breaker aims at words and
//! compounds as such, not at one segmenter's choices. A short list of our
//! own (`data/thai-terms.txt`) adds compounds of the standard texts that
//! both lists lack (บันทึกความเข้าใจ, ใช้บังคับ); the template wording is not
//! touched. The big list is stored sorted by UTF-8 bytes and searched in
//! place (binary search over the embedded text: nothing to build at
//! start-up, no memory beyond the binary's own pages).

use std::sync::{Arc, LazyLock};

use super::segment::{
    dictionary_word_boundaries, is_thai, line_break_opportunities, word_boundaries_from, RunMemo,
};

static WORDS_TEXT: &str = include_str!("../../data/thai-words.txt");
static TERMS_TEXT: &str = include_str!("../../data/thai-terms.txt");

/// The words of a short list file, sorted by bytes.
fn load(text: &'static str) -> Vec<&'static str> {
    let mut w: Vec<&'static str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    if !w.is_sorted() {
        w.sort_unstable();
        w.dedup();
    }
    w
}

/// The body of `thai-words.txt` (after its comment header): sorted lines,
/// searched in place, so the 65 000 words cost no allocation at all.
static WORDS: LazyLock<&'static str> = LazyLock::new(|| {
    let mut at = 0;
    for line in WORDS_TEXT.split_inclusive('\n') {
        if !line.starts_with('#') {
            break;
        }
        at += line.len();
    }
    &WORDS_TEXT[at..]
});
/// Compounds of the standard texts that the two lists lack (`data/thai-terms.txt`).
static TERMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| load(TERMS_TEXT));

/// Longest word looked for, in bytes (24 Thai characters; the longest
/// compounds of the standard texts, ผู้ว่าราชการจังหวัด, have 20).
const MAX_WORD_BYTES: usize = 72;

/// Is `piece` a word of the lexicon? (`Some(true)`), a proper prefix of one
/// (`Some(false)`), or neither (`None`: no longer piece can match).
fn lookup(piece: &str) -> Option<bool> {
    match (lookup_sorted_lines(&WORDS, piece), lookup_in(&TERMS, piece)) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (None, None) => None,
        _ => Some(false),
    }
}

/// `lookup_in` over `text`, lines sorted by bytes, each ending in '\n':
/// a binary search over byte offsets, each probe widened to its line.
fn lookup_sorted_lines(text: &str, piece: &str) -> Option<bool> {
    let (mut lo, mut hi) = (0, text.len());
    // Invariant: lo and hi are line starts (or the end); every line before
    // lo is < piece, every line from hi on is >= piece.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // Bytes, not chars: `mid` may fall inside a letter; '\n' never does.
        let bytes = text.as_bytes();
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| start + i);
        if &text[start..end] < piece {
            lo = (end + 1).min(text.len());
        } else {
            hi = start;
        }
    }
    let line = text[lo..].split('\n').next().filter(|l| !l.is_empty())?;
    if line == piece {
        Some(true)
    } else if line.starts_with(piece) {
        Some(false)
    } else {
        None
    }
}

fn lookup_in(words: &[&str], piece: &str) -> Option<bool> {
    let k = words.partition_point(|w| *w < piece);
    match words.get(k) {
        Some(w) if *w == piece => Some(true),
        Some(w) if w.starts_with(piece) => Some(false),
        _ => None,
    }
}

/// Is `text` one word of the lexicon?
pub fn is_word(text: &str) -> bool {
    lookup(text) == Some(true)
}

/// For each of `bounds` (ascending byte offsets into `text` where words may
/// start and end: the segmenter's boundaries), whether it lies strictly
/// inside a lexicon word that starts and ends at two other bounds.
pub fn inside_words(text: &str, bounds: &[usize]) -> Vec<bool> {
    let mut out = vec![false; bounds.len()];
    // Furthest end of a word started at an earlier bound.
    let mut reach = 0;
    for (i, &s) in bounds.iter().enumerate() {
        out[i] = reach > s;
        if !text[s..].starts_with(is_thai) {
            continue;
        }
        for &e in &bounds[i + 1..] {
            if e - s > MAX_WORD_BYTES {
                break;
            }
            let Some(piece) = text.get(s..e) else { break };
            if !piece.chars().all(is_thai) {
                break;
            }
            match lookup(piece) {
                Some(true) => reach = reach.max(e),
                Some(false) => {}
                None => break,
            }
        }
    }
    out
}

/// Results of `breaks_in_thai_run` by run (a pure function of the run,
/// remembered because a batch repeats the standard clauses, whose runs recur
/// even where a name or a date makes the paragraph new; bounded: emptied
/// when full).
static MEMO: RunMemo = RunMemo::new();

/// The line-break opportunities of `text` (`segment::line_break_opportunities`)
/// that fall inside a lexicon word, ascending. Words may start and end at
/// either ICU4X model's boundaries (the LSTM model glues some words
/// together, the dictionary model others).
///
/// A lexicon word is Thai letters only, so it never spans anything else:
/// each run of Thai characters is answered on its own (and remembered),
/// which gives the same result as the whole text at once
/// (`tests::per_run_equals_whole_text`).
pub fn breaks_inside_words(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for run in thai_runs(text) {
        let at = run.start;
        out.extend(breaks_in_run_remembered(&text[run]).iter().map(|b| at + b));
    }
    out
}

/// Byte ranges of the maximal runs of Thai characters (`is_thai`): no
/// lexicon word reaches past one.
pub(super) fn thai_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    super::segment::runs_of(text, is_thai)
}

fn breaks_in_run_remembered(run: &str) -> Arc<[usize]> {
    MEMO.get_or(run, || match super::known_runs::word_breaks(run) {
        Some(known) => known.to_vec(),
        None => breaks_in_text(run),
    })
}

/// `breaks_inside_words` computed over the whole of `text` at once.
pub(super) fn breaks_in_text(text: &str) -> Vec<usize> {
    if !text.chars().any(is_thai) {
        return Vec::new();
    }
    let opportunities = line_break_opportunities(text);
    let mut bounds = word_boundaries_from(text, &opportunities);
    bounds.extend(dictionary_word_boundaries(text));
    bounds.sort_unstable();
    bounds.dedup();
    let inside = inside_words(text, &bounds);
    opportunities
        .into_iter()
        .filter(|o| bounds.binary_search(o).is_ok_and(|i| inside[i]))
        .collect()
}

/// Forgets every remembered result (for cold-start benchmarks).
pub fn clear_memo() {
    MEMO.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_are_words() {
        for w in [
            "ผู้เข้าร่วม",
            "แผนงาน",
            "บันทึกความเข้าใจ",
            "ใช้บังคับ",
            "ลายลักษณ์อักษร",
            "ชายแดน",
        ] {
            assert!(is_word(w), "{w}");
        }
        assert!(!is_word("ผู้เข้าร่วมทั้งสอง"));
    }

    #[test]
    fn inside_a_compound_but_not_between_words() {
        // ผู้|เข้า|ร่วม|ทั้ง|สอง|ฝ่าย: the breaks inside ผู้เข้าร่วม and
        // ทั้งสองฝ่าย are inside words; the one between them is not.
        let t = "ผู้เข้าร่วมทั้งสองฝ่าย";
        let at = |s: &str| t.find(s).expect("in text");
        let bounds = vec![
            0,
            at("เข้า"),
            at("ร่วม"),
            at("ทั้ง"),
            at("สอง"),
            at("ฝ่าย"),
            t.len(),
        ];
        let inside = inside_words(t, &bounds);
        // ทั้งสองฝ่าย is a word too.
        assert_eq!(inside, vec![false, true, true, false, true, true, false]);
    }

    #[test]
    fn per_run_equals_whole_text() {
        for t in super::super::segment::tests_support::corpus() {
            assert_eq!(breaks_inside_words(&t), breaks_in_text(&t), "{t:?}");
        }
    }

    #[test]
    fn the_list_is_sorted() {
        let words: Vec<&str> = WORDS.lines().collect();
        assert!(words.len() > 60_000);
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(WORDS.ends_with('\n'));
        // The in-place search agrees with a search of the list, for every
        // word, for prefixes, and for what is not there.
        for (k, w) in words.iter().enumerate().step_by(97) {
            assert_eq!(lookup_sorted_lines(&WORDS, w), Some(true), "{w}");
            assert_eq!(lookup_sorted_lines(&WORDS, w), lookup_in(&words, w));
            let p: String = w.chars().take(w.chars().count() - 1).collect();
            assert_eq!(
                lookup_sorted_lines(&WORDS, &p),
                lookup_in(&words, &p),
                "{p}"
            );
            let q = format!("{w}ฮฮฮ");
            assert_eq!(
                lookup_sorted_lines(&WORDS, &q),
                lookup_in(&words, &q),
                "{q} {k}"
            );
        }
        assert_eq!(lookup_sorted_lines(&WORDS, "ก"), Some(false));
        assert_eq!(lookup_sorted_lines(&WORDS, "\u{0E7F}"), None);
    }
}
