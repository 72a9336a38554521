//! Reading `signing.date` the way staff meant it.
//!
//! - `2026-03-15`: the Common Era date the format asks for.
//! - `2569-03-15`: Thai staff count years in the Buddhist Era. A year that
//!   can only be B.E. (2400 or later: no signing is dated in CE 2400) is an
//!   error whose hint and fix give the CE date (2026-03-15); it is never
//!   read silently as CE 2569.
//! - `15 มีนาคม 2569`, `๑๕ มี.ค. ๒๕๖๙`, `วันที่ 15 มีนาคม พ.ศ. 2569`: a Thai
//!   written date, read as B.E. and accepted.
//! - anything else: the calendar errors of `crate::date`.

use super::fix;
use super::yaml::Node;
use crate::date::{self, Date};
use crate::diagnostic::{Diagnostic, Msg};
use crate::thai::buddhist_date::{thai_month_name, BE_OFFSET};
use crate::thai::written_date::{self, Era};

/// The first year that is taken for a Buddhist Era year (CE 1857).
pub const FIRST_BE_YEAR: i32 = 2400;

/// The date `text` (the value at `node`) means, or the diagnostic that says
/// why it cannot be used.
pub fn read(text: &str, node: &Node) -> Result<Date, Box<Diagnostic>> {
    let t = crate::thai::digits::to_arabic_digits(text.trim());
    if let Some((y, m, d)) = iso_fields(&t) {
        if y >= FIRST_BE_YEAR {
            let ce = y - BE_OFFSET;
            return match Date::new(ce, m, d) {
                Ok(date) => Err(Box::new(buddhist_year(text, date, node))),
                Err(e) => Err(Box::new(invalid(text, &e, node))),
            };
        }
    }
    if let Some(w) = written_date::parse(&t) {
        let ce_year = match w.era {
            Era::Common => w.year,
            Era::Buddhist | Era::Unmarked if w.year >= FIRST_BE_YEAR => w.year - BE_OFFSET,
            Era::Buddhist | Era::Unmarked => {
                return Err(Box::new(thai_date_with_ce_year(
                    text, w.day, w.month, w.year, node,
                )));
            }
        };
        return Date::new(ce_year, w.month, w.day).map_err(|e| Box::new(invalid(text, &e, node)));
    }
    date::parse_iso(&t).map_err(|e| Box::new(invalid(text, &e, node)))
}

fn iso_fields(t: &str) -> Option<(i32, u8, u8)> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = t.get(0..4)?.parse().ok()?;
    let m = t.get(5..7)?.parse().ok()?;
    let d = t.get(8..10)?.parse().ok()?;
    Some((y, m, d))
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn thai_long(d: Date) -> String {
    crate::thai::buddhist_date::thai_date_official(d)
}

fn buddhist_year(text: &str, ce: Date, node: &Node) -> Diagnostic {
    let be = ce.year + BE_OFFSET;
    Diagnostic::error(
        "DATA-DATE-BE",
        Some(node.pos),
        Msg::new(
            format!("วันที่ “{text}” เขียนปีเป็น พ.ศ. {be} แต่ช่องนี้ต้องเป็นปี ค.ศ. (โปรแกรมจะแปลงเป็น พ.ศ. ในฉบับภาษาไทยให้เอง)"),
            format!("`{text}` has a Buddhist Era year ({be}); this field takes the Common Era year (the Thai text gets the B.E. date)"),
        ),
    )
    .with_hint(Msg::new(
        format!("เขียน {} ({} = ค.ศ. {})", iso(ce), thai_long(ce), ce.year),
        format!("write {} (B.E. {be} is CE {})", iso(ce), ce.year),
    ))
    .with_fix(fix::replace_value(node, &iso(ce)))
}

fn thai_date_with_ce_year(text: &str, day: u8, month: u8, year: i32, node: &Node) -> Diagnostic {
    let ce = Date::new(year, month, day).ok();
    let mut d = Diagnostic::error(
        "DATA-DATE-BE",
        Some(node.pos),
        Msg::new(
            format!("วันที่ “{text}” เขียนแบบไทย ซึ่งอ่านปีเป็น พ.ศ. แต่ พ.ศ. {year} คือ ค.ศ. {} จึงน่าจะเป็นปี ค.ศ.", year - BE_OFFSET),
            format!("`{text}` is a Thai written date, whose year is read as B.E., but B.E. {year} is CE {}: the year looks like a CE year", year - BE_OFFSET),
        ),
    );
    match ce {
        Some(ce) => {
            d = d
                .with_hint(Msg::new(
                    format!(
                        "ถ้าหมายถึงปี ค.ศ. {year} ให้เขียน {} ({})",
                        iso(ce),
                        thai_long(ce)
                    ),
                    format!("if you mean CE {year}, write {}", iso(ce)),
                ))
                .with_fix(fix::replace_value(node, &iso(ce)));
        }
        None => {
            d = d.with_hint(Msg::new(
                "เขียนเป็น ปี ค.ศ.-เดือน-วัน เช่น 2026-03-15",
                "write YYYY-MM-DD in the Common Era, e.g. 2026-03-15",
            ));
        }
    }
    d
}

fn invalid(text: &str, e: &date::DateError, node: &Node) -> Diagnostic {
    Diagnostic::error(
        "DATA-DATE",
        Some(node.pos),
        Msg::new(
            format!("วันที่ “{text}” ใช้ไม่ได้: {}", date_error_th(e)),
            format!("`{text}` is not a valid date: {e}"),
        ),
    )
    .with_hint(Msg::new(
        "เขียนเป็น ปี ค.ศ.-เดือน-วัน เช่น 2026-03-15 หรือแบบไทย เช่น 15 มีนาคม 2569 (โปรแกรมจะใส่ พ.ศ. ในฉบับภาษาไทยให้เอง)",
        "write YYYY-MM-DD in the Common Era, e.g. 2026-03-15, or the Thai way, e.g. 15 มีนาคม 2569 (the Thai text gets the Buddhist Era date)",
    ))
}

fn date_error_th(e: &date::DateError) -> String {
    match e {
        date::DateError::Format => "ไม่ใช่รูปแบบวันที่ที่อ่านได้".to_string(),
        date::DateError::Year { .. } => "ไม่มีปี ค.ศ. 0".to_string(),
        date::DateError::Month { month } => format!("ไม่มีเดือนที่ {month}"),
        date::DateError::Day {
            year,
            month,
            day,
            days_in_month,
        } => format!(
            "เดือน{} ปี ค.ศ. {year} (พ.ศ. {}) มี {days_in_month} วัน จึงไม่มีวันที่ {day}",
            thai_month_name(*month).unwrap_or(""),
            year + BE_OFFSET
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descriptor::yaml::parse;

    fn node(src: &str) -> Node {
        match parse(src).map(|n| n.value) {
            Ok(crate::descriptor::yaml::Value::Map(m)) => m[0].1.clone(),
            _ => panic!("test yaml"),
        }
    }

    fn ymd(y: i32, m: u8, d: u8) -> Date {
        Date {
            year: y,
            month: m,
            day: d,
        }
    }

    #[test]
    fn a_buddhist_year_is_refused_with_the_ce_date() {
        let n = node("date: 2569-03-15\n");
        let d = read("2569-03-15", &n).expect_err("B.E. year");
        assert_eq!(d.rule, "DATA-DATE-BE");
        assert!(d.hint.as_ref().is_some_and(|h| h.en.contains("2026-03-15")));
        let f = d.fix.expect("fix");
        assert_eq!((f.value.as_str(), f.start, f.end), ("2026-03-15", 6, 16));
    }

    #[test]
    fn thai_written_dates_are_read_as_buddhist_era() {
        let n = node("date: x\n");
        assert_eq!(read("15 มีนาคม 2569", &n).ok(), Some(ymd(2026, 3, 15)));
        assert_eq!(read("๑๕ มี.ค. ๒๕๖๙", &n).ok(), Some(ymd(2026, 3, 15)));
        assert_eq!(
            read("วันที่ 15 มีนาคม พ.ศ. 2569", &n).ok(),
            Some(ymd(2026, 3, 15))
        );
        assert_eq!(read("15 มีนาคม ค.ศ. 2026", &n).ok(), Some(ymd(2026, 3, 15)));
        // B.E. 2571 = CE 2028, a leap year
        assert_eq!(read("29 ก.พ. 2571", &n).ok(), Some(ymd(2028, 2, 29)));
        assert_eq!(
            read("29 ก.พ. 2569", &n).map_err(|d| d.rule),
            Err("DATA-DATE")
        );
        let ce = read("15 มีนาคม 2026", &n).expect_err("CE year in a Thai date");
        assert_eq!(ce.fix.map(|f| f.value).as_deref(), Some("2026-03-15"));
    }

    #[test]
    fn common_era_dates_are_unchanged() {
        let n = node("date: x\n");
        assert_eq!(read("2026-03-15", &n).ok(), Some(ymd(2026, 3, 15)));
        assert_eq!(read("2026-02-30", &n).map_err(|d| d.rule), Err("DATA-DATE"));
        assert_eq!(read("next week", &n).map_err(|d| d.rule), Err("DATA-DATE"));
    }
}
