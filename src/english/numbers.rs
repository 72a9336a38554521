//! Numbers in English words (British style, "three hundred and sixty-five")
//! and the period phrases of the standard MOU, which give a number in words
//! followed by its digits: "six (6) months'" notice, "ninety (90) days'"
//! notice, "a five (5)-year period".

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 1..=99 in words ("seven", "twelve", "forty", "twenty-one").
fn below_hundred(n: u32) -> String {
    let word = |table: &[&'static str], i: u32| -> &'static str {
        table.get(i as usize).copied().unwrap_or("")
    };
    if n < 20 {
        word(&ONES, n).to_string()
    } else if n.is_multiple_of(10) {
        word(&TENS, n / 10).to_string()
    } else {
        format!("{}-{}", word(&TENS, n / 10), word(&ONES, n % 10))
    }
}

/// 1..=999 in words, British "and" after the hundreds ("one hundred and one").
fn below_thousand(n: u32) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    match (hundreds, rest) {
        (0, r) => below_hundred(r),
        (h, 0) => format!("{} hundred", below_hundred(h)),
        (h, r) => format!("{} hundred and {}", below_hundred(h), below_hundred(r)),
    }
}

/// A number in English words, British style: "zero", "six", "twelve",
/// "twenty-one", "one hundred", "three hundred and sixty-five",
/// "one thousand and one", "two million three hundred thousand".
///
/// Covers all of `u32`; groups are separated by spaces, without commas.
pub fn number_words(n: u32) -> String {
    if n == 0 {
        return "zero".to_string();
    }
    let groups = [
        (n / 1_000_000_000, " billion"),
        ((n / 1_000_000) % 1000, " million"),
        ((n / 1000) % 1000, " thousand"),
    ];
    let mut parts: Vec<String> = groups
        .iter()
        .filter(|(g, _)| *g > 0)
        .map(|(g, scale)| format!("{}{}", below_thousand(*g), scale))
        .collect();
    let units = n % 1000;
    if units > 0 {
        // "one thousand and one", "two million and fifty": British "and"
        // before a last group below a hundred that follows a larger group.
        if units < 100 && !parts.is_empty() {
            parts.push(format!("and {}", below_hundred(units)));
        } else {
            parts.push(below_thousand(units));
        }
    }
    parts.join(" ")
}

pub use crate::numerals::digits_grouped;

/// "six (6)": the number in words, then in digits in brackets.
pub fn words_and_digits(n: u32) -> String {
    format!("{} ({})", number_words(n), digits_grouped(n))
}

/// Possessive notice period in months, as in "upon six (6) months' written
/// notice": "six (6) months'", and for one month "one (1) month's".
pub fn months_notice(n: u32) -> String {
    let unit = if n == 1 { "month's" } else { "months'" };
    format!("{} {}", words_and_digits(n), unit)
}

/// Possessive notice period in days: "ninety (90) days'", "one (1) day's".
pub fn days_notice(n: u32) -> String {
    let unit = if n == 1 { "day's" } else { "days'" };
    format!("{} {}", words_and_digits(n), unit)
}

/// Compound adjective for a fixed term, as in "for a five (5)-year period":
/// "five (5)-year". "year" stays singular (it is an adjective): "one (1)-year",
/// "ten (10)-year".
pub fn years_period(n: u32) -> String {
    format!("{}-year", words_and_digits(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers() {
        let expected = [
            (0, "zero"),
            (1, "one"),
            (6, "six"),
            (10, "ten"),
            (11, "eleven"),
            (12, "twelve"),
            (13, "thirteen"),
            (19, "nineteen"),
            (20, "twenty"),
            (21, "twenty-one"),
            (30, "thirty"),
            (40, "forty"),
            (45, "forty-five"),
            (90, "ninety"),
            (99, "ninety-nine"),
        ];
        for (n, words) in expected {
            assert_eq!(number_words(n), words, "{n}");
        }
    }

    #[test]
    fn hundreds_british_and() {
        assert_eq!(number_words(100), "one hundred");
        assert_eq!(number_words(101), "one hundred and one");
        assert_eq!(number_words(110), "one hundred and ten");
        assert_eq!(number_words(120), "one hundred and twenty");
        assert_eq!(number_words(180), "one hundred and eighty");
        assert_eq!(number_words(365), "three hundred and sixty-five");
        assert_eq!(number_words(999), "nine hundred and ninety-nine");
    }

    #[test]
    fn thousands_and_more() {
        assert_eq!(number_words(1000), "one thousand");
        assert_eq!(number_words(1001), "one thousand and one");
        assert_eq!(number_words(1010), "one thousand and ten");
        assert_eq!(number_words(1100), "one thousand one hundred");
        assert_eq!(
            number_words(1234),
            "one thousand two hundred and thirty-four"
        );
        assert_eq!(number_words(2000), "two thousand");
        assert_eq!(number_words(2026), "two thousand and twenty-six");
        assert_eq!(number_words(100_000), "one hundred thousand");
        assert_eq!(number_words(1_000_000), "one million");
        assert_eq!(number_words(1_000_050), "one million and fifty");
        assert_eq!(number_words(2_001_000), "two million one thousand");
        assert_eq!(
            number_words(u32::MAX),
            "four billion two hundred and ninety-four million \
             nine hundred and sixty-seven thousand two hundred and ninety-five"
        );
    }

    #[test]
    fn zero_to_a_thousand_never_panic_and_look_sane() {
        for n in 0..=1000u32 {
            let w = number_words(n);
            assert!(!w.is_empty(), "{n}");
            assert!(!w.contains("  ") && !w.starts_with(' ') && !w.ends_with(' '));
            assert!(!w.ends_with('-') && !w.contains("--") && !w.contains("- "));
            assert!(!w.contains("zero") || n == 0, "{n}: {w}");
            assert!(!w.starts_with("and"), "{n}: {w}");
            assert!(w
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-'));
            let _ = months_notice(n);
            let _ = days_notice(n);
            let _ = years_period(n);
        }
    }

    #[test]
    fn large_inputs_do_not_panic() {
        for n in [u32::MAX, u32::MAX - 1, 1 << 31, 1_000_000_000, 999_999_999] {
            assert!(!number_words(n).is_empty());
            assert!(!months_notice(n).is_empty());
        }
    }

    #[test]
    fn notice_periods() {
        assert_eq!(months_notice(6), "six (6) months'");
        assert_eq!(months_notice(1), "one (1) month's");
        assert_eq!(months_notice(12), "twelve (12) months'");
        assert_eq!(months_notice(3), "three (3) months'");
        assert_eq!(days_notice(90), "ninety (90) days'");
        assert_eq!(days_notice(1), "one (1) day's");
        assert_eq!(days_notice(30), "thirty (30) days'");
        assert_eq!(days_notice(180), "one hundred and eighty (180) days'");
        assert_eq!(days_notice(0), "zero (0) days'");
    }

    #[test]
    fn fixed_terms() {
        assert_eq!(years_period(5), "five (5)-year");
        assert_eq!(years_period(1), "one (1)-year");
        assert_eq!(years_period(10), "ten (10)-year");
        assert_eq!(years_period(3), "three (3)-year");
        assert_eq!(years_period(25), "twenty-five (25)-year");
    }

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(digits_grouped(0), "0");
        assert_eq!(digits_grouped(999), "999");
        assert_eq!(digits_grouped(1000), "1,000");
        assert_eq!(digits_grouped(12345), "12,345");
        assert_eq!(digits_grouped(u32::MAX), "4,294,967,295");
        assert_eq!(days_notice(1000), "one thousand (1,000) days'");
        assert_eq!(words_and_digits(6), "six (6)");
    }
}
