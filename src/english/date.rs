//! English dates as the standard drafts print them: day without a leading
//! zero, full month name, year in digits ("15 March 2026").

use crate::date::Date;

/// English name of `month` (1 = January .. 12 = December), `None` outside 1..=12.
pub fn month_name(month: u8) -> Option<&'static str> {
    crate::date::ENGLISH_MONTHS
        .get(usize::from(month).checked_sub(1)?)
        .copied()
}

/// "15 March 2026": day (no leading zero), month name, year (CE).
///
/// A hand-built `Date` with a month outside 1..=12 does not panic: the month
/// number is printed instead of a name ("15 13 2026").
pub fn english_date(d: Date) -> String {
    match month_name(d.month) {
        Some(name) => format!("{} {} {}", d.day, name, d.year),
        None => format!("{} {} {}", d.day, d.month, d.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;

    fn en(s: &str) -> String {
        parse_iso(s).map(english_date).unwrap_or_default()
    }

    #[test]
    fn formats_like_the_standard() {
        assert_eq!(en("2026-03-15"), "15 March 2026");
        assert_eq!(en("2026-01-01"), "1 January 2026");
        assert_eq!(en("2024-02-29"), "29 February 2024");
        assert_eq!(en("2026-12-31"), "31 December 2026");
        assert_eq!(en("0001-01-01"), "1 January 1");
        assert_eq!(en("2026-09-05"), "5 September 2026");
    }

    #[test]
    fn all_month_names() {
        let names: Vec<String> = (1..=12u8)
            .map(|m| {
                english_date(Date {
                    year: 2026,
                    month: m,
                    day: 1,
                })
            })
            .collect();
        assert_eq!(names[4], "1 May 2026");
        assert_eq!(names[10], "1 November 2026");
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
        assert_eq!(month_name(255), None);
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(12), Some("December"));
    }

    #[test]
    fn unchecked_dates_do_not_panic() {
        for month in [0u8, 13, 255] {
            let s = english_date(Date {
                year: i32::MIN,
                month,
                day: 0,
            });
            assert!(s.contains(&month.to_string()));
        }
        assert_eq!(
            english_date(Date {
                year: 2026,
                month: 13,
                day: 15
            }),
            "15 13 2026"
        );
    }
}
