//! Reading a date written the Thai way: "15 มีนาคม 2569", "๑๕ มี.ค. ๒๕๖๙",
//! "วันที่ 15 มีนาคม พ.ศ. 2569" (day, Thai month name or its abbreviation,
//! year; Thai or Arabic digits). The year is Buddhist Era unless "ค.ศ." is
//! written. Staff write dates like this; the descriptor accepts them.

use super::buddhist_date::thai_month_name;
use regex::Regex;
use std::sync::OnceLock;

/// The era a written year is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// No era written: Thai dates are B.E. by default.
    Unmarked,
    /// "พ.ศ." written.
    Buddhist,
    /// "ค.ศ." written.
    Common,
}

/// A Thai written date, not yet checked against the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    pub day: u8,
    pub month: u8,
    pub year: i32,
    pub era: Era,
}

const ABBREVIATIONS: [&str; 12] = [
    "มค",
    "กพ",
    "มีค",
    "เมย",
    "พค",
    "มิย",
    "กค",
    "สค",
    "กย",
    "ตค",
    "พย",
    "ธค",
];

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A constant pattern: a failure is a bug the tests catch.
        Regex::new(r"^(?:วันที่\s*)?(\d{1,2})\s*([ก-๎.\s]+?)\s*(พ\s*\.?\s*ศ\s*\.?|ค\s*\.?\s*ศ\s*\.?)?\s*(\d{4})$")
            .unwrap_or_else(|e| panic!("written date pattern: {e}"))
    })
}

/// Parses a Thai written date; `None` when `text` is not one.
pub fn parse(text: &str) -> Option<WrittenDate> {
    // A written date has a Thai month: an ISO date (the usual case) needs
    // no pattern, nor its compilation at start-up.
    if !text.chars().any(super::segment::is_thai) {
        return None;
    }
    let arabic = super::digits::to_arabic_digits(text.trim());
    let c = pattern().captures(&arabic)?;
    let day: u8 = c.get(1)?.as_str().parse().ok()?;
    let month_word: String = c
        .get(2)?
        .as_str()
        .chars()
        .filter(|ch| !ch.is_whitespace() && *ch != '.')
        .collect();
    let month = (1..=12u8).find(|&m| {
        thai_month_name(m) == Some(month_word.as_str())
            || ABBREVIATIONS[usize::from(m - 1)] == month_word
    })?;
    let era = match c.get(3).map(|m| m.as_str().starts_with('ค')) {
        None => Era::Unmarked,
        Some(false) => Era::Buddhist,
        Some(true) => Era::Common,
    };
    let year: i32 = c.get(4)?.as_str().parse().ok()?;
    Some(WrittenDate {
        day,
        month,
        year,
        era,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(day: u8, month: u8, year: i32, era: Era) -> Option<WrittenDate> {
        Some(WrittenDate {
            day,
            month,
            year,
            era,
        })
    }

    #[test]
    fn the_forms_staff_write() {
        assert_eq!(parse("15 มีนาคม 2569"), w(15, 3, 2569, Era::Unmarked));
        assert_eq!(parse("๑๕ มี.ค. ๒๕๖๙"), w(15, 3, 2569, Era::Unmarked));
        assert_eq!(
            parse("วันที่ 15 มีนาคม พ.ศ. 2569"),
            w(15, 3, 2569, Era::Buddhist)
        );
        assert_eq!(parse("1 ธ.ค. 2568"), w(1, 12, 2568, Era::Unmarked));
        assert_eq!(parse("15 มีนาคม ค.ศ. 2026"), w(15, 3, 2026, Era::Common));
        assert_eq!(parse("29 ก.พ. 2571"), w(29, 2, 2571, Era::Unmarked));
    }

    #[test]
    fn other_text_is_not_a_date() {
        for s in [
            "2026-03-15",
            "15 March 2026",
            "15 มีนาคม",
            "มีนาคม 2569",
            "15 เดือนสาม 2569",
            "",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
