//! Thai text normalization: the same Thai typed in a different order of
//! keystrokes becomes the same characters.
//!
//! Thai keyboards let a typist enter marks in an order that looks right on
//! screen but is stored differently: SARA AM as NIKHAHIT + SARA AA ("นํ้า"
//! for "น้ำ"), a tone mark before an upper or lower vowel ("ก่ี" for "กี่"),
//! a doubled vowel or mark, two SARA E for SARA AE, and invisible
//! characters (zero-width spaces, no-break spaces) pasted from the web or
//! Word. The drafts must carry one spelling, and `diff` must read a draft
//! the same way, so every Thai value goes through `normalize`.
//!
//! The rules and their order follow PyThaiNLP's `pythainlp.util.normalize`
//! (remove zero-width characters, duplicate spaces, spaces before marks;
//! reorder; remove repeated vowels, signs and tone marks; remove dangling
//! marks), written with the `regex` crate on the same character classes.
//! One addition: no-break spaces become ordinary spaces (PyThaiNLP leaves
//! them), since a draft has no use for them and they break word matching.

use regex::Regex;
use std::sync::OnceLock;

const TONEMARKS: &str = "\u{0e48}\u{0e49}\u{0e4a}\u{0e4b}";
const ABOVE_VOWELS: &str = "\u{0e31}\u{0e34}\u{0e35}\u{0e36}\u{0e37}\u{0e4d}\u{0e47}";
const BELOW_VOWELS: &str = "\u{0e38}\u{0e39}";
const FOLLOW_VOWELS: &str = "\u{0e30}\u{0e32}\u{0e33}\u{0e45}";
const LEAD_VOWELS: &str = "\u{0e40}\u{0e41}\u{0e42}\u{0e43}\u{0e44}";
/// Marks that cannot stand alone: above and below vowels, tone marks,
/// PHINTHU, THANTHAKHAT, NIKHAHIT, YAMAKKAN.
const DANGLING: &str = "\u{0e31}\u{0e34}\u{0e35}\u{0e36}\u{0e37}\u{0e4d}\u{0e47}\u{0e38}\u{0e39}\u{0e48}\u{0e49}\u{0e4a}\u{0e4b}\u{0e3a}\u{0e4c}\u{0e4e}";

/// The classes above as bits, looked up by code point (the scans below run
/// over every value and template line; `str::contains` per class per
/// character was most of their cost).
const TONE: u8 = 1;
const ABOVE: u8 = 2;
const BELOW: u8 = 4;
const FOLLOW: u8 = 8;
const LEAD: u8 = 16;
const DANGLE: u8 = 32;

fn classes(c: char) -> u8 {
    static TABLE: std::sync::LazyLock<[u8; 128]> = std::sync::LazyLock::new(|| {
        let mut t = [0u8; 128];
        for (set, bit) in [
            (TONEMARKS, TONE),
            (ABOVE_VOWELS, ABOVE),
            (BELOW_VOWELS, BELOW),
            (FOLLOW_VOWELS, FOLLOW),
            (LEAD_VOWELS, LEAD),
            (DANGLING, DANGLE),
        ] {
            for ch in set.chars() {
                if let Some(slot) = (ch as usize).checked_sub(0x0e00).and_then(|i| t.get_mut(i)) {
                    *slot |= bit;
                }
            }
        }
        t
    });
    (c as usize)
        .checked_sub(0x0e00)
        .and_then(|i| TABLE.get(i))
        .copied()
        .unwrap_or(0)
}

struct Rules {
    reorder: Vec<(Regex, &'static str)>,
    norepeat: Vec<(Regex, String)>,
    tonemarks: Regex,
    dangling_start: Regex,
    dangling_after_space: Regex,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        // The patterns are constants; a failure here is a bug caught by the tests.
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("normalize pattern {p}: {e}"));
        let reorder = vec![
            // SARA E + SARA E -> SARA AE
            (re("\u{0e40}\u{0e40}"), "\u{0e41}"),
            // tone mark / THANTHAKHAT + above or below vowel -> vowel first
            (
                re(&format!("([{TONEMARKS}\u{0e4c}]+)([{ABOVE_VOWELS}{BELOW_VOWELS}]+)")),
                "${2}${1}",
            ),
            // NIKHAHIT + tone mark + SARA AA -> tone mark + SARA AM
            (re(&format!("\u{0e4d}([{TONEMARKS}]*)\u{0e32}")), "${1}\u{0e33}"),
            // follow vowel + tone mark -> tone mark + follow vowel
            (re(&format!("([{FOLLOW_VOWELS}]+)([{TONEMARKS}]+)")), "${2}${1}"),
            // LAKKHANGYAO (except after RU / LU) -> SARA AA
            (re("([^\u{0e24}\u{0e26}])\u{0e45}"), "${1}\u{0e32}"),
        ];
        let norepeat_chars = format!(
            "{FOLLOW_VOWELS}{LEAD_VOWELS}{ABOVE_VOWELS}{BELOW_VOWELS}\u{0e3a}\u{0e4c}\u{0e4d}\u{0e4e}"
        );
        let mut seen = String::new();
        let mut norepeat = Vec::new();
        for ch in norepeat_chars.chars() {
            if seen.contains(ch) {
                continue;
            }
            seen.push(ch);
            norepeat.push((re(&format!("({ch}[ ]*)+{ch}")), ch.to_string()));
        }
        Rules {
            reorder,
            norepeat,
            tonemarks: re(&format!("[{TONEMARKS}]+")),
            dangling_start: re(&format!("^[{DANGLING}]+")),
            dangling_after_space: re(&format!(" +[{DANGLING}]+")),
        }
    })
}

fn is_thai_consonant(c: char) -> bool {
    ('\u{0e01}'..='\u{0e2e}').contains(&c)
}

fn is_thai_vowel(c: char) -> bool {
    FOLLOW_VOWELS.contains(c)
        || LEAD_VOWELS.contains(c)
        || ABOVE_VOWELS.contains(c)
        || BELOW_VOWELS.contains(c)
        || c == '\u{0e24}'
        || c == '\u{0e26}'
}

/// Removes the space in "consonant SPACE mark" when the consonant does not
/// follow a vowel ("พ ุ่ม" -> "พุ่ม", but "ภาพ ุ่" is left): PyThaiNLP's
/// `remove_spaces_before_marks` (a look-behind the `regex` crate lacks).
fn remove_spaces_before_marks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && i + 1 < chars.len() {
            let prev = chars[i - 1];
            let next = chars[i + 1];
            let after_vowel = i >= 2 && is_thai_vowel(chars[i - 2]);
            if is_thai_consonant(prev) && !after_vowel && DANGLING.contains(next) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Invisible characters removed outright.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Spaces that are not U+0020.
fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{00a0}' | '\u{2007}' | '\u{202f}')
}

/// The normalized form of `text` (unchanged if already normal): spaces
/// (duplicates, leading and trailing, before marks) and then the marks
/// themselves (`normalize_marks`).
pub fn normalize(text: &str) -> String {
    if is_normal(text) {
        return text.to_string();
    }
    normalize_fully(text)
}

/// `normalize` with every step run.
fn normalize_fully(text: &str) -> String {
    let mut t: String = text
        .chars()
        .filter(|c| !is_zero_width(*c))
        .map(|c| if is_odd_space(c) { ' ' } else { c })
        .collect();
    while t.contains("  ") {
        t = t.replace("  ", " ");
    }
    t = t.trim().to_string();
    t = remove_spaces_before_marks(&t);
    normalize_marks(&t)
}

/// Would `normalize` return `text` as it is? Nothing to trim, no two spaces
/// in a row, and nothing `may_change` sees (invisible and odd spaces, a
/// space before a mark, which `normalize` would remove, and every rule of
/// `normalize_marks`). Almost every text is normal.
fn is_normal(text: &str) -> bool {
    text.trim() == text && !text.contains("  ") && !may_change(text)
}

/// The character-level part of `normalize`, leaving the spacing of the text
/// as it is (the diff reads drafts through this: a draft's layout spaces and
/// tabs are its own business, its Thai spelling is not): invisible
/// characters removed, odd spaces made ordinary, marks reordered, repeated
/// vowels and marks removed, dangling marks dropped.
pub fn normalize_marks(text: &str) -> String {
    if !may_change(text) {
        return text.to_string();
    }
    apply_rules(text)
}

/// Every rule of `normalize_marks`, in order (the regular expressions).
fn apply_rules(text: &str) -> String {
    let r = rules();
    let mut t: String = text
        .chars()
        .filter(|c| !is_zero_width(*c))
        .map(|c| if is_odd_space(c) { ' ' } else { c })
        .collect();
    for (re, rep) in &r.reorder {
        t = re.replace_all(&t, *rep).into_owned();
    }
    for (re, rep) in &r.norepeat {
        t = re.replace_all(&t, rep.as_str()).into_owned();
    }
    t = r
        .tonemarks
        .replace_all(&t, |c: &regex::Captures| {
            c[0].chars().last().map(String::from).unwrap_or_default()
        })
        .into_owned();
    t = r.dangling_start.replace_all(&t, "").into_owned();
    t = r.dangling_after_space.replace_all(&t, " ").into_owned();
    t
}

/// Could any rule of `normalize_marks` change `text`? A linear scan for the
/// character pairs the rules' patterns start from (conservative: `true`
/// where a rule might apply). Nearly every value and template text is
/// already normal, and the regular expressions cost far more (two dozen
/// passes, and compiling them at start-up).
fn may_change(text: &str) -> bool {
    let tone = |c: char| classes(c) & TONE != 0;
    let above_below = |c: char| classes(c) & (ABOVE | BELOW) != 0;
    let norepeat = |c: char| {
        classes(c) & (FOLLOW | LEAD | ABOVE | BELOW) != 0
            || matches!(c, '\u{0e3a}' | '\u{0e4c}' | '\u{0e4d}' | '\u{0e4e}')
    };
    let mut prev: Option<char> = None;
    // The last character that is not a space (for "X, spaces, X").
    let mut last_solid: Option<char> = None;
    for c in text.chars() {
        if is_zero_width(c) || is_odd_space(c) || c == '\u{0e45}' {
            return true;
        }
        let dangling = classes(c) & DANGLE != 0;
        let hit = match prev {
            None => dangling,
            Some(p) => {
                (p == ' ' && dangling)
                    || (p == '\u{0e40}' && c == '\u{0e40}')
                    || ((tone(p) || p == '\u{0e4c}') && above_below(c))
                    || (p == '\u{0e4d}' && (c == '\u{0e32}' || tone(c)))
                    || (classes(p) & FOLLOW != 0 && tone(c))
                    || (tone(p) && tone(c))
            }
        };
        if hit || (norepeat(c) && last_solid == Some(c)) {
            return true;
        }
        prev = Some(c);
        if c != ' ' {
            last_solid = Some(c);
        }
    }
    false
}

/// What `normalize` changed, in words staff understand (for the diagnostic).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    SaraAm,
    MarkOrder,
    Doubled,
    Invisible,
    Spaces,
}

impl Change {
    pub fn th(self) -> &'static str {
        match self {
            Change::SaraAm => "สระอำพิมพ์เป็นนิคหิต (ํ) กับสระอา (า) แยกกัน",
            Change::MarkOrder => "วรรณยุกต์พิมพ์ก่อนสระบนหรือสระล่าง",
            Change::Doubled => "สระหรือวรรณยุกต์ซ้ำกันสองตัว",
            Change::Invisible => "มีอักขระที่มองไม่เห็น (ช่องว่างความกว้างศูนย์หรือช่องว่างไม่ตัดบรรทัด)",
            Change::Spaces => "มีช่องว่างเกินหรือช่องว่างหน้าสระและวรรณยุกต์",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Change::SaraAm => "SARA AM typed as NIKHAHIT (ํ) + SARA AA (า)",
            Change::MarkOrder => "a tone mark typed before an upper or lower vowel",
            Change::Doubled => "a vowel or tone mark typed twice",
            Change::Invisible => "invisible characters (zero-width or no-break spaces)",
            Change::Spaces => "extra spaces, or a space before a vowel or tone mark",
        }
    }
}

/// The kinds of change between `text` and `normalize(text)`, in a fixed order.
pub fn changes(text: &str) -> Vec<Change> {
    let mut out = Vec::new();
    if text.contains('\u{0e4d}') && text.contains('\u{0e32}') {
        let decomposed = text
            .chars()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0] == '\u{0e4d}' && (w[1] == '\u{0e32}' || TONEMARKS.contains(w[1])));
        if decomposed {
            out.push(Change::SaraAm);
        }
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.windows(2).any(|w| {
        (TONEMARKS.contains(w[0]) || w[0] == '\u{0e4c}')
            && (ABOVE_VOWELS.contains(w[1]) || BELOW_VOWELS.contains(w[1]))
            || FOLLOW_VOWELS.contains(w[0]) && TONEMARKS.contains(w[1])
    }) {
        out.push(Change::MarkOrder);
    }
    if chars.windows(2).any(|w| {
        w[0] == w[1]
            && (DANGLING.contains(w[0])
                || FOLLOW_VOWELS.contains(w[0])
                || LEAD_VOWELS.contains(w[0]))
    }) || chars
        .windows(2)
        .any(|w| TONEMARKS.contains(w[0]) && TONEMARKS.contains(w[1]))
    {
        out.push(Change::Doubled);
    }
    if chars.iter().any(|c| is_zero_width(*c) || is_odd_space(*c)) {
        out.push(Change::Invisible);
    }
    if out.is_empty() && normalize(text) != text {
        out.push(Change::Spaces);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_never_skips_a_change() {
        // Every pair and triple of Thai-block characters and space, and the
        // template and fixture lines: wherever the rules change the text,
        // `may_change` says so.
        let mut alphabet: Vec<char> = ('\u{0e01}'..='\u{0e5b}').collect();
        alphabet.extend([' ', 'a', '\u{00a0}', '\u{200b}']);
        let mut texts: Vec<String> = Vec::new();
        for &a in &alphabet {
            for &b in &alphabet {
                texts.push(format!("{a}{b}"));
                texts.push(format!("ก{a}{b}"));
                texts.push(format!("{a} {b}"));
                for c in ['\u{0e48}', '\u{0e32}', '\u{0e31}', ' '] {
                    texts.push(format!("ก{a}{b}{c}"));
                }
            }
        }
        texts.extend(crate::thai::segment::tests_support::corpus());
        for t in &texts {
            if apply_rules(t) != *t {
                assert!(may_change(t), "{t:?} changes but the fast path skips it");
            }
            assert_eq!(normalize_marks(t), apply_rules(t), "{t:?}");
            assert_eq!(normalize(t), normalize_fully(t), "{t:?}");
            let padded = format!(" {t}  {t}\t");
            assert_eq!(normalize(&padded), normalize_fully(&padded), "{padded:?}");
        }
    }

    #[test]
    fn sara_am_typed_in_two_keystrokes() {
        assert_eq!(normalize("น\u{0e4d}\u{0e49}\u{0e32}"), "น้ำ");
        assert_eq!(normalize("น\u{0e49}\u{0e4d}\u{0e32}"), "น้ำ");
        assert_eq!(normalize("ลําพูน"), "ลำพูน");
        assert_eq!(changes("นํ้า"), vec![Change::SaraAm]);
    }

    #[test]
    fn tone_mark_goes_after_the_vowel() {
        assert_eq!(normalize("ก\u{0e48}\u{0e35}"), "กี่");
        assert_eq!(normalize("ป\u{0e49}\u{0e38}"), "ปุ้");
        // THANTHAKHAT too
        assert_eq!(normalize("จ\u{0e4c}\u{0e34}"), "จิ์");
        assert_eq!(changes("ก\u{0e48}\u{0e35}"), vec![Change::MarkOrder]);
    }

    #[test]
    fn doubled_marks_and_sara_e() {
        assert_eq!(normalize("เเปลก"), "แปลก");
        assert_eq!(normalize("นานาาา"), "นานา");
        assert_eq!(normalize("ดีีีี"), "ดี");
        assert_eq!(normalize("ก\u{0e48}\u{0e49}"), "ก้");
        assert_eq!(changes("ดีี"), vec![Change::Doubled]);
    }

    #[test]
    fn invisible_and_odd_spaces() {
        assert_eq!(normalize("เชียง\u{200b}ใหม่"), "เชียงใหม่");
        assert_eq!(normalize("นาย\u{00a0}สมชาย"), "นาย สมชาย");
        assert_eq!(normalize("  นาย   สมชาย "), "นาย สมชาย");
        assert_eq!(changes("เชียง\u{200b}ใหม่"), vec![Change::Invisible]);
    }

    #[test]
    fn normal_text_is_left_alone() {
        for s in [
            "จังหวัดเชียงใหม่",
            "น้ำ",
            "กี่",
            "ฤๅษี",
            "นายหลิว เจียเซิง",
            "Kunming, Yunnan",
            "การค้า การลงทุน",
        ] {
            assert_eq!(normalize(s), s, "{s}");
            assert!(changes(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn idempotent() {
        for s in ["นํ้า", "ก่ี", "เเปลก", "ดีีี", "ก ุ่", "\u{0e48}ก"]
        {
            let once = normalize(s);
            assert_eq!(normalize(&once), once, "{s}");
        }
    }
}
