//! PROP-3: fiscal years are Thai fiscal years B.E. A year that can only be a
//! Common Era year (2026) is an error whose hint gives the B.E. year; a
//! fiscal year that ended before the letter's date is a warning (the Thai
//! fiscal year B.E. N runs from 1 October CE N-544 to 30 September CE N-543).

use super::plan_coverage::plausible_be;
use super::RuleInfo;
use crate::date::Date;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::thai::digits::to_thai_digits;

pub const RULE: RuleInfo = RuleInfo {
    id: "PROP-3",
    severity: Severity::Error,
    guideline: "-",
    title_th: "ปีงบประมาณต้องเป็นปี พ.ศ. และไม่ใช่ปีที่ผ่านไปแล้ว",
    title_en: "Fiscal year in B.E., not already over",
    explanation_en: "plan[].fiscal_year is a Thai fiscal year B.E.: a year that can only be a Common Era year (e.g. 2026) is an error whose hint gives the B.E. year; a fiscal year that ended before the letter's date is a warning.",
};

/// The last day of Thai fiscal year B.E. `year`: 30 September CE year-543.
pub fn fiscal_year_end(year: i64) -> Option<Date> {
    Date::new(i32::try_from(year - 543).ok()?, 9, 30).ok()
}

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let Some(p) = &desc.proposal else { return };
    let letter_date = p.letter.date.as_ref().map(|d| d.value);
    for a in &p.plan {
        let Some(fy) = &a.fiscal_year else { continue };
        let y = fy.value;
        if (1900..=2200).contains(&y) {
            let be = y + 543;
            out.push(
                Diagnostic::error(
                    RULE.id,
                    Some(fy.pos),
                    Msg::new(
                        format!("ปีงบประมาณ {y} เป็นปี ค.ศ. ต้องเขียนเป็นปี พ.ศ."),
                        format!("fiscal year {y} is a Common Era year; fiscal years are written in B.E."),
                    ),
                )
                .with_hint(Msg::new(
                    format!("เขียน “fiscal_year: {be}” (ค.ศ. {y} + 543)"),
                    format!("write `fiscal_year: {be}` ({y} + 543)"),
                )),
            );
            continue;
        }
        if !plausible_be(y) {
            out.push(
                Diagnostic::error(
                    RULE.id,
                    Some(fy.pos),
                    Msg::new(
                        format!("“{y}” ไม่ใช่ปีงบประมาณ พ.ศ."),
                        format!("`{y}` is not a fiscal year B.E."),
                    ),
                )
                .with_hint(Msg::new(
                    "เขียนปีงบประมาณเป็น พ.ศ. สี่หลัก เช่น 2570",
                    "write the four-digit B.E. fiscal year, e.g. 2570",
                )),
            );
            continue;
        }
        if let (Some(letter), Some(end)) = (letter_date, fiscal_year_end(y)) {
            if end < letter {
                let th = to_thai_digits(&y.to_string());
                out.push(
                    Diagnostic::warning(
                        RULE.id,
                        Some(fy.pos),
                        Msg::new(
                            format!("ปีงบประมาณ พ.ศ. {th} สิ้นสุดแล้ว (๓๐ กันยายน {}) ก่อนวันที่ของหนังสือ", to_thai_digits(&y.to_string())),
                            format!("fiscal year {y} B.E. ended on 30 September {} CE, before the letter's date", y - 543),
                        ),
                    )
                    .with_hint(Msg::new(
                        "วางแผนกิจกรรมในปีงบประมาณปัจจุบันหรือปีถัดไป",
                        "plan the activity in the current or a coming fiscal year",
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::testing::{diagnostics, BASE, PROPOSAL};

    fn prop3(yaml: &str) -> Vec<(Severity, String, Option<String>)> {
        diagnostics(yaml)
            .into_iter()
            .filter(|d| d.rule == "PROP-3")
            .map(|d| (d.severity, d.message.en, d.hint.map(|h| h.en)))
            .collect()
    }

    #[test]
    fn be_years_after_the_letter_are_silent() {
        assert!(prop3(&format!("{BASE}{PROPOSAL}")).is_empty());
    }

    #[test]
    fn a_ce_year_is_an_error_with_the_be_year_as_hint() {
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("fiscal_year: 2570", "fiscal_year: 2027")
        );
        let d = prop3(&y);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Error);
        assert_eq!(
            d[0].2.as_deref(),
            Some("write `fiscal_year: 2570` (2027 + 543)")
        );
    }

    #[test]
    fn a_year_that_is_neither_is_an_error() {
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("fiscal_year: 2570", "fiscal_year: 70")
        );
        assert_eq!(prop3(&y).len(), 1);
    }

    #[test]
    fn a_fiscal_year_over_before_the_letter_warns() {
        // Letter 2026-01-15 is in fiscal year 2569 (1 Oct 2025 - 30 Sep 2026):
        // 2569 is current (silent), 2568 ended on 30 Sep 2025 (warns).
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("fiscal_year: 2570", "fiscal_year: 2569")
        );
        assert!(prop3(&y).is_empty(), "{:?}", prop3(&y));
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("fiscal_year: 2570", "fiscal_year: 2568")
        );
        let d = prop3(&y);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Warning);
    }

    #[test]
    fn fiscal_year_end_is_30_september_ce() {
        assert_eq!(
            super::fiscal_year_end(2569),
            Some(crate::date::Date {
                year: 2026,
                month: 9,
                day: 30
            })
        );
    }
}
