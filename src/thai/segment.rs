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

/// Segmentations already computed, by text. The LSTM model is most of the
/// cost of writing a PDF, and a batch of drafts repeats the same standard
/// clauses again and again, so results are remembered (a pure function of
/// the text: the output is the same with or without the memo). Bounded: when
/// full it is emptied and starts again.
static MEMO: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<String, Vec<usize>>>> =
    std::sync::LazyLock::new(Default::default);
const MEMO_MAX_ENTRIES: usize = 4096;
/// Texts shorter than this are segmented directly (cheaper than the lookup).
const MEMO_MIN_LEN: usize = 48;

/// Forgets every remembered segmentation, and the lexicon's results that
/// depend on them (for cold-start benchmarks).
pub fn clear_memo() {
    if let Ok(mut m) = MEMO.lock() {
        m.clear();
    }
    super::lexicon::clear_memo();
}

/// Byte offsets (strictly inside `text`, ascending) where a line may break:
/// between Thai words, after spaces, and where the Unicode line-breaking rules
/// allow it for other scripts. Never inside a grapheme cluster.
pub fn line_break_opportunities(text: &str) -> Vec<usize> {
    if text.len() < MEMO_MIN_LEN {
        return segment_lines(text);
    }
    if let Some(hit) = MEMO.lock().ok().and_then(|m| m.get(text).cloned()) {
        return hit;
    }
    let out = segment_lines(text);
    if let Ok(mut m) = MEMO.lock() {
        if m.len() >= MEMO_MAX_ENTRIES {
            m.clear();
        }
        m.insert(text.to_string(), out.clone());
    }
    out
}

fn segment_lines(text: &str) -> Vec<usize> {
    let segmenter = *LINE;
    let clusters: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    segmenter
        .segment_str(text)
        .filter(|&i| i > 0 && i < text.len())
        .filter(|i| clusters.binary_search(i).is_ok())
        .collect()
}

/// Byte offsets of every word boundary in `text`, including 0 and `text.len()`:
/// the line-break opportunities plus the edges of every run of spaces and
/// punctuation, so that "Participants," gives "Participants" and ",".
pub fn word_boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    out.extend(line_break_opportunities(text));
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
