//! Thai durations for the MOU's termination clause: "6 เดือน", "90 วัน",
//! "5 ปี" (number, space, unit).
//!
//! Digits are Arabic, grouped by thousands with a comma from 1,000 on
//! ("1,000 วัน"); the renderer converts the whole Thai text with
//! [`to_thai_digits`](crate::thai::digits::to_thai_digits) when
//! `output.thai_digits` is set ("๖ เดือน"). Thai has no plural, so the unit
//! is the same for every number.

use crate::numerals::digits_grouped;

/// "6 เดือน"
pub fn thai_months(n: u32) -> String {
    format!("{} เดือน", digits_grouped(n))
}

/// "90 วัน"
pub fn thai_days(n: u32) -> String {
    format!("{} วัน", digits_grouped(n))
}

/// "5 ปี"
pub fn thai_years(n: u32) -> String {
    format!("{} ปี", digits_grouped(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thai::digits::to_thai_digits;

    #[test]
    fn periods() {
        assert_eq!(thai_months(6), "6 เดือน");
        assert_eq!(thai_months(1), "1 เดือน");
        assert_eq!(thai_months(12), "12 เดือน");
        assert_eq!(thai_days(90), "90 วัน");
        assert_eq!(thai_days(0), "0 วัน");
        assert_eq!(thai_years(5), "5 ปี");
        assert_eq!(thai_years(10), "10 ปี");
    }

    #[test]
    fn with_thai_digits() {
        assert_eq!(to_thai_digits(&thai_months(6)), "๖ เดือน");
        assert_eq!(to_thai_digits(&thai_days(90)), "๙๐ วัน");
        assert_eq!(to_thai_digits(&thai_years(5)), "๕ ปี");
    }

    #[test]
    fn large_numbers_are_grouped() {
        assert_eq!(thai_days(999), "999 วัน");
        assert_eq!(thai_days(1000), "1,000 วัน");
        assert_eq!(to_thai_digits(&thai_days(1000)), "๑,๐๐๐ วัน");
        assert_eq!(thai_years(u32::MAX), "4,294,967,295 ปี");
        for n in 0..=1000 {
            let _ = (thai_months(n), thai_days(n), thai_years(n));
        }
    }
}
