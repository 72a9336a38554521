//! Words of a paragraph for the diff, and the word-level LCS.
//!
//! Words come from the project's one segmenter (`thai::segment::words`:
//! ICU4X's LSTM model for Thai, spaces and punctuation for other scripts).
//! Each word carries its byte range in the paragraph (so the redline can
//! rebuild the exact text, spaces included) and a *comparison key*: the
//! word with differences that carry no meaning folded away — Thai digits
//! read as Arabic ones, curly quotes as straight ones, zero-width
//! characters and soft hyphens dropped, a dotted blank of any length as one
//! blank, the decomposed Thai sara am (U+0E4D U+0E32) as U+0E33. A word whose
//! key is empty (a lone zero-width space) is not a word.

use crate::thai::digits::to_arabic_digits;
use crate::thai::segment;

/// One word of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// What the diff compares (see the module comment).
    pub key: String,
}

/// Characters that are not text for comparison purposes.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The comparison key of one word. `open`: the standard with its slots
/// open, where "an" and "a" are one word (the article depends on the slot
/// value that follows).
pub fn key_of(word: &str, open: bool) -> String {
    let mut k: String = to_arabic_digits(word)
        .chars()
        .filter(|c| !invisible(*c))
        .map(|c| match c {
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '\u{00A0}' | '\u{202F}' => ' ',
            c => c,
        })
        .collect();
    if k.contains('\u{0E4D}') {
        k = k.replace("\u{0E4D}\u{0E32}", "\u{0E33}");
    }
    if k.len() >= 2 && k.chars().all(|c| c == '.' || c == '…') {
        return "…".to_string();
    }
    if open {
        match k.as_str() {
            "an" => return "a".to_string(),
            "An" => return "A".to_string(),
            _ => {}
        }
    }
    k
}

/// The words of `text` with their keys.
pub fn tokenize(text: &str, open: bool) -> Vec<Token> {
    segment::words(text)
        .into_iter()
        .filter_map(|(start, w)| {
            let key = key_of(w, open);
            (!key.trim().is_empty()).then(|| Token {
                start,
                end: start + w.len(),
                key,
            })
        })
        .collect()
}

/// A Thai mark that attaches to the letter before it (vowels above and
/// below, tone marks): text is never cut before one.
fn combining(c: Option<char>) -> bool {
    matches!(
        c,
        Some('\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
    )
}

/// The common prefix and suffix (in bytes) of `a` and `b`, cut only where
/// one of the two texts has a word boundary and neither goes on with a
/// combining mark: "อังกฤษเป็นเกณฑ์" / "ไทยเป็นเกณฑ์" share "เป็นเกณฑ์" even when
/// the segmenter glued "ไทยเป็น" together.
pub fn common_ends(a: &str, b: &str) -> (usize, usize) {
    if a.is_empty() || b.is_empty() {
        return (0, 0);
    }
    let ba = segment::word_boundaries(a);
    let bb = segment::word_boundaries(b);
    let mut prefix = 0;
    for ((i, ca), cb) in a.char_indices().zip(b.chars()) {
        if ca != cb {
            break;
        }
        prefix = i + ca.len_utf8();
    }
    let pre = (0..=prefix)
        .rev()
        .find(|&x| {
            a.is_char_boundary(x)
                && (ba.binary_search(&x).is_ok() || bb.binary_search(&x).is_ok())
                && !combining(a[x..].chars().next())
                && !combining(b[x..].chars().next())
        })
        .unwrap_or(0);
    let mut suffix = 0;
    for (ca, cb) in a[pre..].chars().rev().zip(b[pre..].chars().rev()) {
        if ca != cb {
            break;
        }
        suffix += ca.len_utf8();
    }
    let suf = (0..=suffix)
        .rev()
        .find(|&y| {
            let (xa, xb) = (a.len() - y, b.len() - y);
            a.is_char_boundary(xa)
                && b.is_char_boundary(xb)
                && (ba.binary_search(&xa).is_ok() || bb.binary_search(&xb).is_ok())
                && !combining(a[xa..].chars().next())
                && !combining(b[xb..].chars().next())
        })
        .unwrap_or(0);
    (pre, suf)
}

/// One step of an edit script between two token sequences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `a[i]` and `b[j]` are the same word.
    Equal(usize, usize),
    /// `a[i]` is not in `b`.
    Delete(usize),
    /// `b[j]` is not in `a`.
    Insert(usize),
}

/// Largest DP table (cells) the LCS builds; beyond it the differing middle
/// is reported as one replacement. Real paragraphs stay far below it.
const MAX_CELLS: usize = 16_000_000;

/// A longest-common-subsequence edit script between `n` and `m` items,
/// with `eq(i, j)` saying whether `a[i]` equals `b[j]`. Common prefix and
/// suffix are matched first; within a run of changes, deletions come before
/// insertions.
pub fn lcs(n: usize, m: usize, eq: impl Fn(usize, usize) -> bool) -> Vec<Op> {
    let mut pre = 0;
    while pre < n && pre < m && eq(pre, pre) {
        pre += 1;
    }
    let mut suf = 0;
    while suf < n - pre && suf < m - pre && eq(n - 1 - suf, m - 1 - suf) {
        suf += 1;
    }
    let mut ops: Vec<Op> = (0..pre).map(|i| Op::Equal(i, i)).collect();
    let (a0, a1, b0, b1) = (pre, n - suf, pre, m - suf);
    let (h, w) = (a1 - a0, b1 - b0);
    if h == 0 || w == 0 || (h + 1).saturating_mul(w + 1) > MAX_CELLS {
        ops.extend((a0..a1).map(Op::Delete));
        ops.extend((b0..b1).map(Op::Insert));
    } else {
        // t[i][j]: LCS length of a[a0+i..a1] and b[b0+j..b1] (suffixes), so
        // the script can be read forwards.
        let cols = w + 1;
        let mut t = vec![0u32; (h + 1) * cols];
        for i in (0..h).rev() {
            for j in (0..w).rev() {
                t[i * cols + j] = if eq(a0 + i, b0 + j) {
                    t[(i + 1) * cols + j + 1] + 1
                } else {
                    t[(i + 1) * cols + j].max(t[i * cols + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        let mut dels: Vec<Op> = Vec::new();
        let mut ins: Vec<Op> = Vec::new();
        let flush = |ops: &mut Vec<Op>, dels: &mut Vec<Op>, ins: &mut Vec<Op>| {
            ops.append(dels);
            ops.append(ins);
        };
        while i < h || j < w {
            if i < h
                && j < w
                && eq(a0 + i, b0 + j)
                && t[i * cols + j] == t[(i + 1) * cols + j + 1] + 1
            {
                flush(&mut ops, &mut dels, &mut ins);
                ops.push(Op::Equal(a0 + i, b0 + j));
                i += 1;
                j += 1;
            } else if i < h && (j == w || t[(i + 1) * cols + j] >= t[i * cols + j + 1]) {
                dels.push(Op::Delete(a0 + i));
                i += 1;
            } else {
                ins.push(Op::Insert(b0 + j));
                j += 1;
            }
        }
        flush(&mut ops, &mut dels, &mut ins);
    }
    ops.extend((0..suf).map(|k| Op::Equal(n - suf + k, m - suf + k)));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(a: &[&str], b: &[&str]) -> Vec<Op> {
        lcs(a.len(), b.len(), |i, j| a[i] == b[j])
    }

    #[test]
    fn keys_fold_meaningless_differences() {
        assert_eq!(key_of("๑๕", false), "15");
        assert_eq!(key_of("“", false), "\"");
        assert_eq!(key_of("..............", false), "…");
        assert_eq!(key_of("ทำ", false), key_of("ท\u{0E4D}\u{0E32}", false));
        assert_eq!(key_of("an", true), "a");
        assert_eq!(key_of("an", false), "an");
        assert_eq!(key_of("\u{200B}", false), "");
    }

    #[test]
    fn common_ends_cut_at_words() {
        let (a, b) = ("อังกฤษเป็นเกณฑ์", "ไทยเป็นเกณฑ์");
        let (p, s) = common_ends(a, b);
        assert_eq!((&a[p..a.len() - s], &b[p..b.len() - s]), ("อังกฤษ", "ไทย"));
        let (a, b) = ("ความมั่งคั่งและ", "ความมั่นคงและ");
        let (p, s) = common_ends(a, b);
        assert_eq!(&a[..p], "ความ");
        assert_eq!(&a[a.len() - s..], "และ");
        assert_eq!(common_ends("", "x"), (0, 0));
        assert_eq!(common_ends("same", "same").0, 4);
    }

    #[test]
    fn tokens_skip_zero_width_spaces() {
        let t = tokenize("The\u{200B} Participants", false);
        let k: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(k, ["The", "Participants"]);
    }

    #[test]
    fn lcs_scripts() {
        use Op::*;
        assert_eq!(
            script(&["a", "b", "c"], &["a", "x", "c"]),
            vec![Equal(0, 0), Delete(1), Insert(1), Equal(2, 2)]
        );
        assert_eq!(script(&[], &["x"]), vec![Insert(0)]);
        assert_eq!(script(&["x"], &[]), vec![Delete(0)]);
        assert_eq!(
            script(&["a", "b", "c", "d"], &["a", "c", "d", "b"]),
            vec![Equal(0, 0), Delete(1), Equal(2, 1), Equal(3, 2), Insert(3)]
        );
        // Every item of both sides appears exactly once, in order.
        let a = ["p", "q", "r", "q", "p"];
        let b = ["q", "p", "r", "r", "q"];
        let s = script(&a, &b);
        let (mut ia, mut ib) = (0, 0);
        for op in s {
            match op {
                Equal(i, j) => {
                    assert_eq!((i, j), (ia, ib));
                    assert_eq!(a[i], b[j]);
                    ia += 1;
                    ib += 1;
                }
                Delete(i) => {
                    assert_eq!(i, ia);
                    ia += 1
                }
                Insert(j) => {
                    assert_eq!(j, ib);
                    ib += 1
                }
            }
        }
        assert_eq!((ia, ib), (5, 5));
    }
}
