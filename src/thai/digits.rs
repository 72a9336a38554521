//! Thai digits (๐ ๑ ๒ ๓ ๔ ๕ ๖ ๗ ๘ ๙, U+0E50..U+0E59) and back.
//!
//! Official Thai documents write numbers in Thai digits; the renderer builds
//! the Thai text with Arabic digits and, when `output.thai_digits` is set,
//! converts the whole text at once with [`to_thai_digits`].

const THAI_DIGITS: [char; 10] = ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙'];

/// Replace each ASCII digit 0-9 with the Thai digit of the same value;
/// every other character (Thai digits included) is unchanged.
pub fn to_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => THAI_DIGITS.get(d as usize).copied().unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Replace each Thai digit ๐-๙ with the ASCII digit of the same value;
/// every other character is unchanged.
pub fn to_arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from_digit(u32::from(c) - u32::from('๐'), 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_digits() {
        assert_eq!(to_thai_digits("0123456789"), "๐๑๒๓๔๕๖๗๘๙");
        assert_eq!(to_arabic_digits("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
    }

    #[test]
    fn other_characters_unchanged() {
        assert_eq!(to_thai_digits(""), "");
        assert_eq!(to_thai_digits("15 มีนาคม 2569"), "๑๕ มีนาคม ๒๕๖๙");
        assert_eq!(to_thai_digits("ข้อ 3. (1,000 วัน)"), "ข้อ ๓. (๑,๐๐๐ วัน)");
        assert_eq!(to_thai_digits("abc ๑ xyz"), "abc ๑ xyz");
        // Other Unicode decimal digits are not ASCII digits: left alone.
        assert_eq!(to_thai_digits("٣ ３ ໓"), "٣ ３ ໓");
        assert_eq!(to_arabic_digits("๑๕ มีนาคม ๒๕๖๙"), "15 มีนาคม 2569");
        assert_eq!(to_arabic_digits("abc 1 ໓"), "abc 1 ໓");
        // Neighbours of the Thai digit block are not digits.
        assert_eq!(to_arabic_digits("\u{0E4F}\u{0E5A}"), "\u{0E4F}\u{0E5A}");
    }

    #[test]
    fn round_trips() {
        for s in ["", "2026-03-15", "ข้อ 12 ภายใน 90 วัน", "a1b2c3", "9999"] {
            assert_eq!(to_arabic_digits(&to_thai_digits(s)), s);
            let thai = to_thai_digits(s);
            assert_eq!(to_thai_digits(&to_arabic_digits(&thai)), thai);
        }
        // Mixed input normalises either way.
        assert_eq!(to_thai_digits("1๒3"), "๑๒๓");
        assert_eq!(to_arabic_digits("1๒3"), "123");
    }

    #[test]
    fn every_char_near_the_digits_is_safe() {
        for cp in (0u32..0x1_0000).chain(0x1_0000..0x1_0100) {
            if let Some(c) = char::from_u32(cp) {
                let s = c.to_string();
                let t = to_thai_digits(&s);
                let a = to_arabic_digits(&s);
                assert_eq!(t.chars().count(), 1);
                assert_eq!(a.chars().count(), 1);
            }
        }
    }
}
