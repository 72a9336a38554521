//! Thai dates in the Buddhist Era, as Thai official documents write them:
//! "15 มีนาคม 2569" (day, full Thai month name, BE year = CE + 543), and the
//! signing clause's "15 มีนาคม พ.ศ. 2569" (`thai_date_official`).
//!
//! Digits are Arabic here; the renderer applies
//! [`to_thai_digits`](crate::thai::digits::to_thai_digits) to the whole Thai
//! text when `output.thai_digits` is set ("๑๕ มีนาคม ๒๕๖๙").

use crate::date::Date;

const THAI_MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// Offset from the Common Era to the Buddhist Era (since 1941 the Thai year
/// starts on 1 January, so it is the same all year).
pub const BE_OFFSET: i32 = 543;

/// Buddhist Era year of a CE year: `ce + 543` (saturating at `i32::MAX`).
pub fn buddhist_year(ce: i32) -> i32 {
    ce.saturating_add(BE_OFFSET)
}

/// Thai name of `month` (1 = มกราคม .. 12 = ธันวาคม), `None` outside 1..=12.
pub fn thai_month_name(month: u8) -> Option<&'static str> {
    THAI_MONTHS.get(usize::from(month).checked_sub(1)?).copied()
}

/// "15 มีนาคม 2569": day (no leading zero), Thai month name, Buddhist Era year,
/// in Arabic digits.
///
/// A hand-built `Date` with a month outside 1..=12 does not panic: the month
/// number is printed instead of a name.
pub fn thai_date(d: Date) -> String {
    let year = buddhist_year(d.year);
    match thai_month_name(d.month) {
        Some(name) => format!("{} {} {}", d.day, name, year),
        None => format!("{} {} {}", d.day, d.month, year),
    }
}

/// "15 มีนาคม พ.ศ. 2569": the date as Thai official texts write it beside a CE
/// English version (the signing clause reads "เมื่อวันที่ 15 มีนาคม พ.ศ. 2569").
pub fn thai_date_official(d: Date) -> String {
    let year = buddhist_year(d.year);
    match thai_month_name(d.month) {
        Some(name) => format!("{} {} พ.ศ. {}", d.day, name, year),
        None => format!("{} {} พ.ศ. {}", d.day, d.month, year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;
    use crate::thai::digits::to_thai_digits;

    fn th(s: &str) -> String {
        parse_iso(s).map(thai_date).unwrap_or_default()
    }

    #[test]
    fn signing_date_of_the_spec() {
        assert_eq!(th("2026-03-15"), "15 มีนาคม 2569");
        assert_eq!(to_thai_digits(&th("2026-03-15")), "๑๕ มีนาคม ๒๕๖๙");
    }

    #[test]
    fn official_form_names_the_era() {
        let d = parse_iso("2026-03-15").map(thai_date_official);
        assert_eq!(d.ok().as_deref(), Some("15 มีนาคม พ.ศ. 2569"));
    }

    #[test]
    fn buddhist_era() {
        assert_eq!(buddhist_year(2026), 2569);
        assert_eq!(buddhist_year(2000), 2543);
        assert_eq!(buddhist_year(1), 544);
        assert_eq!(buddhist_year(i32::MAX), i32::MAX);
        assert_eq!(buddhist_year(i32::MIN), i32::MIN + 543);
    }

    #[test]
    fn every_month() {
        let expected = [
            "1 มกราคม 2569",
            "1 กุมภาพันธ์ 2569",
            "1 มีนาคม 2569",
            "1 เมษายน 2569",
            "1 พฤษภาคม 2569",
            "1 มิถุนายน 2569",
            "1 กรกฎาคม 2569",
            "1 สิงหาคม 2569",
            "1 กันยายน 2569",
            "1 ตุลาคม 2569",
            "1 พฤศจิกายน 2569",
            "1 ธันวาคม 2569",
        ];
        for (m, want) in (1..=12u8).zip(expected) {
            assert_eq!(
                thai_date(Date {
                    year: 2026,
                    month: m,
                    day: 1
                }),
                want
            );
        }
    }

    #[test]
    fn edge_dates() {
        assert_eq!(th("2024-02-29"), "29 กุมภาพันธ์ 2567");
        assert_eq!(th("2026-12-31"), "31 ธันวาคม 2569");
        assert_eq!(th("0001-01-01"), "1 มกราคม 544");
        assert_eq!(to_thai_digits(&th("2026-10-05")), "๕ ตุลาคม ๒๕๖๙");
    }

    #[test]
    fn unchecked_dates_do_not_panic() {
        assert_eq!(
            thai_date(Date {
                year: 2026,
                month: 0,
                day: 15
            }),
            "15 0 2569"
        );
        assert_eq!(thai_month_name(13), None);
        let _ = thai_date(Date {
            year: i32::MAX,
            month: 255,
            day: 255,
        });
    }
}
