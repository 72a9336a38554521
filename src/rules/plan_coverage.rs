//! PROP-2 (guideline 13, and the MOI plan 2019-2023 in seed 003: a joint
//! activity at least once a year): every activity has an indicator, and the
//! plan has an activity in each fiscal year from its first to its last.

use super::RuleInfo;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::thai::digits::to_thai_digits;

pub const RULE: RuleInfo = RuleInfo {
    id: "PROP-2",
    severity: Severity::Warning,
    guideline: "13",
    title_th: "แผนปฏิบัติการต้องมีตัวชี้วัดและมีกิจกรรมทุกปี",
    title_en: "Measurable plan with an activity every year",
    explanation_en: "Every activity has an indicator (guideline 13 asks for measurable results); the plan has at least one activity in each fiscal year from its first to its last (the MOI plan 2019-2023 sets at least one joint activity a year).",
};

/// The B.E. years PROP-2 counts (others are PROP-3's business).
pub fn plausible_be(year: i64) -> bool {
    (2400..=2800).contains(&year)
}

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let Some(p) = &desc.proposal else { return };
    for (i, a) in p.plan.iter().enumerate() {
        if a.indicator.is_none() {
            let n = i + 1;
            out.push(
                Diagnostic::warning(
                    RULE.id,
                    Some(a.pos),
                    Msg::new(
                        format!("กิจกรรมที่ {} ไม่มีตัวชี้วัด", to_thai_digits(&n.to_string())),
                        format!("activity {n} has no indicator"),
                    ),
                )
                .with_hint(Msg::new(
                    "เพิ่มตัวชี้วัดที่วัดผลได้ (เช่น จำนวนครั้งหรือจำนวนผู้เข้าร่วม) เป็นบรรทัด “indicator: {th: ..., en: ...}”",
                    "add a measurable `indicator: {th: ..., en: ...}`, e.g. a number of visits or participants",
                )),
            );
        }
    }
    let years: std::collections::BTreeSet<i64> = p
        .plan
        .iter()
        .filter_map(|a| a.fiscal_year.as_ref().map(|y| y.value))
        .filter(|y| plausible_be(*y))
        .collect();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return;
    };
    for y in first..=last {
        if years.contains(&y) {
            continue;
        }
        let th = to_thai_digits(&y.to_string());
        out.push(
            Diagnostic::warning(
                RULE.id,
                p.plan_pos.or(Some(p.pos)),
                Msg::new(
                    format!("แผนปฏิบัติการไม่มีกิจกรรมในปีงบประมาณ พ.ศ. {th}"),
                    format!("the plan has no activity in fiscal year {y} B.E."),
                ),
            )
            .with_hint(Msg::new(
                format!("เพิ่มกิจกรรมร่วมอย่างน้อยหนึ่งกิจกรรมในปีงบประมาณ {th} (แผนของกระทรวงมหาดไทยกำหนดอย่างน้อยปีละ ๑ กิจกรรม)"),
                format!("add at least one joint activity in fiscal year {y} (the MOI plan sets at least one a year)"),
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{diagnostics, BASE, PROPOSAL};

    fn prop2(yaml: &str) -> Vec<String> {
        diagnostics(yaml)
            .into_iter()
            .filter(|d| d.rule == "PROP-2")
            .map(|d| d.message.en)
            .collect()
    }

    #[test]
    fn consecutive_years_with_indicators_are_silent() {
        assert!(prop2(&format!("{BASE}{PROPOSAL}")).is_empty());
        assert!(prop2(BASE).is_empty());
    }

    #[test]
    fn a_year_without_activity_fires_once() {
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("fiscal_year: 2571", "fiscal_year: 2572")
        );
        assert_eq!(
            prop2(&y),
            vec!["the plan has no activity in fiscal year 2571 B.E."]
        );
    }

    #[test]
    fn missing_indicator_fires() {
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace(
                "      indicator: {th: มีการเยือนอย่างน้อยปีละ ๑ ครั้ง, en: at least one visit a year}\n",
                ""
            )
        );
        assert_eq!(prop2(&y), vec!["activity 1 has no indicator"]);
    }

    #[test]
    fn two_activities_in_one_year_and_none_in_another_is_not_a_gap_when_adjacent() {
        // 2570 and 2571 only: no year between them is missing.
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("fiscal_year: 2570", "fiscal_year: 2571")
        );
        assert!(prop2(&y).is_empty(), "{:?}", prop2(&y));
    }
}
