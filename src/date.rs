//! Calendar dates for the descriptor's `signing.date`: a small Gregorian (CE)
//! date type, strict `YYYY-MM-DD` parsing and validation, with errors precise
//! enough for a diagnostic ("February 2026 has 28 days").
//!
//! No external date crate: the drafts only need to read, check and print a
//! date. Formatting lives with each language (`crate::thai::buddhist_date`,
//! `crate::english::date`).

use std::fmt;
use std::str::FromStr;

/// The months' English names, January first: the calendar's own fact,
/// read by `english::date` and by the error messages below.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day of the (proleptic) Gregorian calendar, year counted in the Common Era.
///
/// The fields are public for convenience; a `Date` built by hand is not
/// checked, so formatters must (and do) cope with out-of-range fields. Use
/// [`Date::new`] or [`parse_iso`] to get a validated date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a string or a set of fields is not a valid date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (four digits, dash, two digits, dash, two
    /// digits, nothing before or after).
    Format,
    /// Year 0 (or negative): there is no year 0 in the Common Era; the
    /// earliest date is 0001-01-01.
    Year { year: i32 },
    /// Month outside 1..=12.
    Month { month: u8 },
    /// Day outside 1..=`days_in_month` for that month of that year.
    Day {
        year: i32,
        month: u8,
        day: u8,
        days_in_month: u8,
    },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => {
                write!(f, "expected a date written YYYY-MM-DD, e.g. 2026-03-15")
            }
            DateError::Year { year } => write!(
                f,
                "year {year} is not a year of the Common Era (the first is 0001)"
            ),
            DateError::Month { month } => {
                write!(f, "month {month:02} does not exist (months are 01 to 12)")
            }
            DateError::Day {
                year,
                month,
                day,
                days_in_month,
            } => {
                let name = usize::from(*month)
                    .checked_sub(1)
                    .and_then(|i| ENGLISH_MONTHS.get(i))
                    .copied()
                    .unwrap_or("that month");
                if *day == 0 {
                    write!(f, "day 00 does not exist (days start at 01)")
                } else {
                    write!(
                        f,
                        "{name} {year} has {days_in_month} days, so day {day} does not exist"
                    )
                }
            }
        }
    }
}

impl std::error::Error for DateError {}

/// Gregorian leap year: divisible by 4, except centuries not divisible by 400
/// (1900 is not a leap year, 2000 is).
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days of `month` (1..=12) in `year`, or `None` for a month out of range.
pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

impl Date {
    /// A validated date: year >= 1, month 1..=12, day within the month.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if year < 1 {
            return Err(DateError::Year { year });
        }
        let Some(dim) = days_in_month(year, month) else {
            return Err(DateError::Month { month });
        };
        if day == 0 || day > dim {
            return Err(DateError::Day {
                year,
                month,
                day,
                days_in_month: dim,
            });
        }
        Ok(Date { year, month, day })
    }

    /// Is this a real calendar date (what [`Date::new`] would accept)?
    pub fn is_valid(self) -> bool {
        Date::new(self.year, self.month, self.day).is_ok()
    }
}

/// ISO 8601 calendar date, `YYYY-MM-DD` (zero-padded; years outside
/// 0..=9999 print with as many digits as they need).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        parse_iso(s)
    }
}

/// Parse exactly `YYYY-MM-DD` (ASCII digits only, no surrounding whitespace,
/// no time part, no other separators) and check that the date exists.
///
/// Errors name the part that is wrong: [`DateError::Format`] for the shape,
/// then [`DateError::Year`], [`DateError::Month`] or [`DateError::Day`].
pub fn parse_iso(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(DateError::Format);
    }
    let year = digits_value(b.get(0..4)) as i32;
    let month = digits_value(b.get(5..7)) as u8;
    let day = digits_value(b.get(8..10)) as u8;
    Date::new(year, month, day)
}

/// Value of a run of ASCII digits already checked by the caller (at most 4 digits).
fn digits_value(digits: Option<&[u8]>) -> u32 {
    digits
        .unwrap_or(&[])
        .iter()
        .fold(0u32, |acc, &c| acc * 10 + u32::from(c.wrapping_sub(b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn parses_valid_dates() {
        assert_eq!(parse_iso("2026-03-15"), Ok(d(2026, 3, 15)));
        assert_eq!(parse_iso("0001-01-01"), Ok(d(1, 1, 1)));
        assert_eq!(parse_iso("9999-12-31"), Ok(d(9999, 12, 31)));
        assert_eq!(parse_iso("2024-02-29"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_iso("2000-02-29"), Ok(d(2000, 2, 29)));
        assert_eq!("2026-12-31".parse::<Date>(), Ok(d(2026, 12, 31)));
    }

    #[test]
    fn leap_years() {
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(2000));
        assert!(is_leap_year(2024));
        assert!(!is_leap_year(2026));
        assert!(!is_leap_year(2100));
        assert!(is_leap_year(2400));
        assert!(!is_leap_year(1));
        assert!(is_leap_year(4));
        assert_eq!(days_in_month(1900, 2), Some(28));
        assert_eq!(days_in_month(2000, 2), Some(29));
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(days_in_month(2026, 2), Some(28));
        assert_eq!(days_in_month(2026, 0), None);
        assert_eq!(days_in_month(2026, 13), None);
        assert_eq!(
            parse_iso("1900-02-29"),
            Err(DateError::Day {
                year: 1900,
                month: 2,
                day: 29,
                days_in_month: 28
            })
        );
    }

    #[test]
    fn month_lengths() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (m, len) in (1u8..=12).zip(lengths) {
            assert_eq!(days_in_month(2026, m), Some(len), "month {m}");
        }
    }

    #[test]
    fn impossible_dates_say_which_part() {
        assert_eq!(
            parse_iso("2026-02-29"),
            Err(DateError::Day {
                year: 2026,
                month: 2,
                day: 29,
                days_in_month: 28
            })
        );
        assert_eq!(
            parse_iso("2025-04-31"),
            Err(DateError::Day {
                year: 2025,
                month: 4,
                day: 31,
                days_in_month: 30
            })
        );
        assert_eq!(parse_iso("2026-13-01"), Err(DateError::Month { month: 13 }));
        assert_eq!(parse_iso("2026-00-10"), Err(DateError::Month { month: 0 }));
        assert_eq!(parse_iso("2026-99-99"), Err(DateError::Month { month: 99 }));
        assert!(matches!(
            parse_iso("2026-03-00"),
            Err(DateError::Day { day: 0, .. })
        ));
        assert!(matches!(
            parse_iso("2026-03-32"),
            Err(DateError::Day { day: 32, .. })
        ));
        assert_eq!(parse_iso("0000-01-01"), Err(DateError::Year { year: 0 }));
    }

    #[test]
    fn diagnostics_read_well() {
        let msg = |s: &str| {
            parse_iso(s)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            msg("2026-02-29"),
            "February 2026 has 28 days, so day 29 does not exist"
        );
        assert_eq!(
            msg("2025-04-31"),
            "April 2025 has 30 days, so day 31 does not exist"
        );
        assert_eq!(
            msg("2026-13-01"),
            "month 13 does not exist (months are 01 to 12)"
        );
        assert_eq!(
            msg("2026-03-00"),
            "day 00 does not exist (days start at 01)"
        );
        assert!(msg("2026-3-15").contains("YYYY-MM-DD"));
        assert!(msg("0000-01-01").contains("0001"));
    }

    #[test]
    fn rejects_malformed_strings() {
        for s in [
            "",
            "2026-3-15",
            "2026-03-5",
            "26-03-15",
            "2026-03-15T00:00",
            "2026-03-15 ",
            " 2026-03-15",
            "2026/03/15",
            "20260315",
            "abcd-ef-gh",
            "2026-03-1a",
            "+026-03-15",
            "-026-03-15",
            "2026--3-15",
            "12026-03-15",
            "๒๕๖๙-๐๓-๑๕",
            "２０２６-03-15",
            "2026-03-15\n",
            "\u{feff}2026-03-15",
        ] {
            assert_eq!(parse_iso(s), Err(DateError::Format), "{s:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        // Multi-byte characters at any position, lengths around 10 bytes.
        let odd = ["é", "ก", "๑", "\u{0}", "-", "9", "\u{10FFFF}"];
        for a in odd {
            for b in odd {
                let s = format!("2026{a}03{b}15");
                let _ = parse_iso(&s);
                let s = format!("{a}{b}26-03-1{a}");
                let _ = parse_iso(&s);
            }
        }
    }

    #[test]
    fn new_and_is_valid() {
        assert_eq!(Date::new(2026, 3, 15), Ok(d(2026, 3, 15)));
        assert_eq!(Date::new(-5, 1, 1), Err(DateError::Year { year: -5 }));
        assert!(d(2024, 2, 29).is_valid());
        assert!(!d(2026, 2, 29).is_valid());
        assert!(!d(2026, 0, 1).is_valid());
        assert!(!d(0, 1, 1).is_valid());
    }

    #[test]
    fn display_round_trips() {
        for s in ["2026-03-15", "0001-01-01", "2024-02-29", "9999-12-31"] {
            let date = parse_iso(s);
            assert_eq!(date.map(|x| x.to_string()), Ok(s.to_string()));
        }
    }

    #[test]
    fn ordering_is_chronological() {
        assert!(d(2025, 12, 31) < d(2026, 1, 1));
        assert!(d(2026, 1, 31) < d(2026, 2, 1));
        assert!(d(2026, 2, 1) < d(2026, 2, 2));
    }

    #[test]
    fn every_day_of_a_leap_cycle_parses() {
        for year in [1900, 2000, 2023, 2024] {
            let mut count = 0u32;
            for month in 1..=12u8 {
                for day in 1..=31u8 {
                    let s = format!("{year:04}-{month:02}-{day:02}");
                    if parse_iso(&s).is_ok() {
                        count += 1;
                    }
                }
            }
            let expected = if is_leap_year(year) { 366 } else { 365 };
            assert_eq!(count, expected, "{year}");
        }
    }
}
