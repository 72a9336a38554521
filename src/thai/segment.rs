//! Thai word boundaries, from ICU4X's line segmenter (LSTM model).
//!
//! Thai is written without spaces between words, so every consumer that needs
//! words (the MFA-12 binding-wording rule, PDF line breaking, the diff) asks
//! this module, and they all agree. The LSTM model was chosen over the
//! dictionary model after a trial: it keeps names such as "คุนหมิง" whole
//! ("นคร|คุน|หมิง") where the dictionary split inside syllables.
//! unicode-segmentation has no Thai word breaking, so it is used only for
//! grapheme clusters (see `clusters`).

use icu_segmenter::options::{LineBreakOptions, WordBreakInvariantOptions};
use icu_segmenter::{LineSegmenter, WordSegmenter};
use unicode_segmentation::UnicodeSegmentation;

// The segmenters borrow ICU4X's compiled-in data; building one costs far more
// than using it, so each is built once.
static LINE: std::sync::LazyLock<icu_segmenter::LineSegmenterBorrowed<'static>> =
    std::sync::LazyLock::new(|| LineSegmenter::new_auto(LineBreakOptions::default()));
static DICTIONARY: std::sync::LazyLock<icu_segmenter::WordSegmenterBorrowed<'static>> =
    std::sync::LazyLock::new(
        || WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()),
    );

/// Is `c` a character of the Thai block (U+0E00..U+0E7F)?
pub fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

/// Does the text contain any Thai letter?
pub fn has_thai(text: &str) -> bool {
    text.chars().any(is_thai)
}

/// The rule-based half of the line segmenter: UAX #14 for every script,
/// with a run of Thai letters taken as one unbreakable word. Cheap; the
/// breaks *inside* Thai runs come from the LSTM model, run by run.
static RULES: std::sync::LazyLock<icu_segmenter::LineSegmenterBorrowed<'static>> =
    std::sync::LazyLock::new(|| {
        LineSegmenter::new_for_non_complex_scripts(LineBreakOptions::default())
    });

/// Breaks inside each Thai run already computed, by the run's text. The
/// LSTM model is most of the cost of writing a PDF. It sees one run of Thai
/// letters at a time (ICU4X hands it each maximal run of line-break class
/// SA, nothing around it), so its answer for a run is a pure function of
/// the run's text: a batch of drafts repeats the standard clauses' runs
/// again and again, and only the runs holding a name or a date are new.
/// (A memo keyed on whole paragraphs missed: one name or date in a
/// paragraph made it new.) Bounded: when full it is emptied and starts
/// again. The output is the same with or without the memo
/// (`tests::per_run_equals_whole_text`, and the byte-identity tests).
static MEMO: RunMemo = RunMemo::new();

/// Offsets remembered by Thai run (for `segment` and `lexicon`): a pure
/// function of the run's text, so remembering changes nothing but time.
/// Bounded: when full it is emptied and starts again.
pub(super) struct RunMemo(
    std::sync::Mutex<Option<std::collections::HashMap<String, std::sync::Arc<[usize]>>>>,
);

impl RunMemo {
    const MAX_ENTRIES: usize = 8192;

    pub(super) const fn new() -> RunMemo {
        RunMemo(std::sync::Mutex::new(None))
    }

    /// The remembered answer for `run`, or `compute`'s, remembered.
    pub(super) fn get_or(
        &self,
        run: &str,
        compute: impl FnOnce() -> Vec<usize>,
    ) -> std::sync::Arc<[usize]> {
        if let Some(hit) = self
            .0
            .lock()
            .ok()
            .and_then(|m| m.as_ref()?.get(run).cloned())
        {
            return hit;
        }
        let out: std::sync::Arc<[usize]> = compute().into();
        if let Ok(mut m) = self.0.lock() {
            let map = m.get_or_insert_with(Default::default);
            if map.len() >= Self::MAX_ENTRIES {
                map.clear();
            }
            map.insert(run.to_string(), out.clone());
        }
        out
    }

    pub(super) fn clear(&self) {
        if let Ok(mut m) = self.0.lock() {
            *m = None;
        }
    }
}

/// Forgets every remembered segmentation, and the lexicon's results that
/// depend on them (for cold-start benchmarks).
pub fn clear_memo() {
    MEMO.clear();
    super::lexicon::clear_memo();
}

/// Is `c` in line-break class SA for Thai (complex context: the letters,
/// vowels, tone marks and ๆ; not the digits, ฯ's neighbours ๏ ๚ ๛ or ฿)?
/// Exactly the characters ICU4X hands to its Thai model as one run.
fn is_thai_complex(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E4E}')
}

/// Byte ranges of the maximal runs of `is_thai_complex` characters.
pub(super) fn thai_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    runs_of(text, is_thai_complex)
}

/// Byte ranges of the maximal runs of characters for which `keep` holds.
pub(super) fn runs_of(text: &str, keep: fn(char) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (keep(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Breaks strictly inside one Thai run, from the LSTM model (remembered).
fn run_breaks(run: &str) -> std::sync::Arc<[usize]> {
    MEMO.get_or(run, || match super::known_runs::line_breaks(run) {
        Some(known) => known.to_vec(),
        None => fresh_run_breaks(run),
    })
}

/// Breaks strictly inside one Thai run, from the LSTM model, computed now.
pub(super) fn fresh_run_breaks(run: &str) -> Vec<usize> {
    LINE.segment_str(run)
        .filter(|&i| i > 0 && i < run.len())
        .collect()
}

/// Byte offsets (strictly inside `text`, ascending) where a line may break:
/// between Thai words, after spaces, and where the Unicode line-breaking rules
/// allow it for other scripts. Never inside a grapheme cluster.
///
/// The same breaks as ICU4X's line segmenter over the whole text (its rules
/// outside and at the edges of Thai runs, its LSTM model inside them),
/// computed as the rules' breaks plus each run's own breaks.
pub fn line_break_opportunities(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = RULES
        .segment_str(text)
        .filter(|&i| i > 0 && i < text.len())
        .collect();
    for run in thai_runs(text) {
        let at = run.start;
        out.extend(run_breaks(&text[run]).iter().map(|b| at + b));
    }
    out.sort_unstable();
    out.dedup();
    keep_cluster_boundaries(text, out)
}

/// `breaks` without those inside a grapheme cluster.
fn keep_cluster_boundaries(text: &str, mut breaks: Vec<usize>) -> Vec<usize> {
    if breaks.is_empty() {
        return breaks;
    }
    let clusters: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    breaks.retain(|i| clusters.binary_search(i).is_ok());
    breaks
}

/// ICU4X's line segmenter over the whole text in one pass (the reference the
/// run-by-run computation is tested against).
#[cfg(test)]
fn segment_lines(text: &str) -> Vec<usize> {
    let segmenter = *LINE;
    let out = segmenter
        .segment_str(text)
        .filter(|&i| i > 0 && i < text.len())
        .collect();
    keep_cluster_boundaries(text, out)
}

/// Byte offsets of every word boundary in `text`, including 0 and `text.len()`:
/// the line-break opportunities plus the edges of every run of spaces and
/// punctuation, so that "Participants," gives "Participants" and ",".
pub fn word_boundaries(text: &str) -> Vec<usize> {
    word_boundaries_from(text, &line_break_opportunities(text))
}

/// `word_boundaries` given the text's line-break opportunities (for a caller
/// that has them already).
pub(super) fn word_boundaries_from(text: &str, opportunities: &[usize]) -> Vec<usize> {
    let mut out = vec![0];
    out.extend_from_slice(opportunities);
    let mut prev: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || is_thai(c);
        if let Some(p) = prev {
            if p != word_char {
                out.push(i);
            }
        }
        prev = Some(word_char);
    }
    out.push(text.len());
    out.sort_unstable();
    out.dedup();
    out
}

/// Word boundaries from ICU4X's *dictionary* word segmenter (byte offsets,
/// including 0 and `text.len()`). The LSTM model is the project's segmenter;
/// this second opinion is used only where recall matters more than layout:
/// the MFA-12 rule accepts a Thai term when either model puts boundaries at
/// both of its ends (the LSTM model alone glues "ผูกพันทาง" together; the
/// dictionary splits "คุนหมิง" inside syllables, which is harmless here).
pub fn dictionary_word_boundaries(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = DICTIONARY.segment_str(text).collect();
    out.push(0);
    out.push(text.len());
    out.sort_unstable();
    out.dedup();
    out
}

/// The words of `text` (spaces dropped; punctuation kept as its own token),
/// each with its byte offset.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let b = word_boundaries(text);
    b.windows(2)
        .map(|w| (w[0], &text[w[0]..w[1]]))
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(i, s)| {
            let lead = s.len() - s.trim_start().len();
            (i + lead, s.trim())
        })
        .collect()
}

/// Grapheme clusters (user-perceived characters) of `text`, with offsets.
pub fn clusters(text: &str) -> Vec<(usize, &str)> {
    text.grapheme_indices(true).collect()
}

/// Test texts shared by the tests that prove a run-by-run computation equal
/// to the whole-text one (here and in `lexicon`).
#[cfg(test)]
pub(crate) mod tests_support {
    /// Texts that mix Thai with everything UAX #14 treats specially at the
    /// edge of a Thai run: spaces, digits (Thai and Arabic), quotes,
    /// brackets, ฯ, ๆ, slashes, hyphens, Latin, no-break and zero-width spaces.
    fn mixed_texts() -> Vec<String> {
        let pieces = [
            "ผู้เข้าร่วม",
            "ทั้งสองฝ่าย",
            " ",
            "  ",
            "๑๕",
            "2026",
            "\u{201C}",
            "\u{201D}",
            "\"",
            "(",
            ")",
            "ฯ",
            "ๆ",
            "/",
            "-",
            "Chiang Mai",
            ",",
            ".",
            "\u{00A0}",
            "\u{200B}",
            "พ.ศ.",
            "ฯลฯ",
            "เมือง",
            "นครคุนหมิง",
            "บันทึกความเข้าใจ",
            ":",
            "๏",
            "฿",
            "\n",
            "e.g.",
            "ก",
            "น้ำ",
            "า",
            "\u{0E48}",
        ];
        let mut out = Vec::new();
        // A fixed pseudo-random sequence (no dependency, same every run).
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..(x % 9 + 1) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            out.push(t);
        }
        out
    }

    /// The mixed texts plus every line of the templates and fixtures.
    pub fn corpus() -> Vec<String> {
        let mut texts = mixed_texts();
        texts.extend(lines_under(&[
            "templates",
            "fixtures/valid",
            "fixtures/standard",
        ]));
        texts
    }

    /// Every line of every file below these folders of the repository.
    pub fn lines_under(dirs: &[&str]) -> Vec<String> {
        let mut lines = Vec::new();
        for dir in dirs {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let mut stack = vec![root];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if let Ok(s) = std::fs::read_to_string(&p) {
                        lines.extend(s.lines().map(str::to_string));
                    }
                }
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|(_, w)| w).collect()
    }

    #[test]
    fn thai_city_names_stay_whole() {
        let w = split("นครคุนหมิง");
        assert!(!w.contains(&"คุนห"), "{w:?}");
        assert_eq!(w.concat(), "นครคุนหมิง");
    }

    #[test]
    fn signal_is_not_contract() {
        let w = split("ระบบสัญญาณไฟจราจร");
        assert!(!w.contains(&"สัญญา"), "{w:?}");
    }

    #[test]
    fn breaks_never_inside_a_cluster() {
        let text = "น้ำใจผู้เข้าร่วมทั้งสองฝ่ายกั๊กปี่ฟิ้";
        for b in line_break_opportunities(text) {
            assert!(text.is_char_boundary(b));
            let after = text[b..].chars().next().unwrap_or(' ');
            // A break never lands before a combining mark or a following vowel.
            assert!(
                !matches!(after, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'),
                "break before mark at {b} in {text}"
            );
        }
    }

    #[test]
    fn per_run_equals_whole_text() {
        let texts = super::tests_support::corpus();
        assert!(texts.len() > 3500);
        for t in &texts {
            assert_eq!(line_break_opportunities(t), segment_lines(t), "{t:?}");
        }
    }

    #[test]
    fn remembered_results_equal_fresh_ones() {
        let text = "ผู้เข้าร่วมทั้งสองฝ่ายจะร่วมมือกันและกันเพื่อส่งเสริมความมั่งคั่งและการพัฒนาร่วมกัน";
        let fresh = segment_lines(text);
        assert_eq!(line_break_opportunities(text), fresh);
        assert_eq!(
            line_break_opportunities(text),
            fresh,
            "second call, from the memo"
        );
        clear_memo();
        assert_eq!(line_break_opportunities(text), fresh);
    }

    #[test]
    fn english_words_and_punctuation() {
        assert_eq!(
            split("The Participants, will."),
            vec!["The", "Participants", ",", "will", "."]
        );
    }
}
