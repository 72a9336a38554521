//! MOU-5 (standard MOU clause 5): exactly one termination option, with the
//! period it needs; unusually long periods are flagged.

use super::RuleInfo;
use crate::descriptor::model::{PeriodUnit, TerminationOption};
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};

pub const RULE: RuleInfo = RuleInfo {
    id: "MOU-5",
    severity: Severity::Error,
    guideline: "MOU clause 5",
    title_th: "ข้อ ๕ ต้องเลือกทางเลือกการสิ้นสุดเพียงหนึ่งทาง",
    title_en: "Exactly one termination option",
    explanation_en: "Option 1 (notice) needs notice_period > 0; option 2 (fixed-term) needs term > 0 years; giving the other option's period too is an error. A notice period over 12 months or a term over 10 years is unusual (warning).",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    if !desc
        .documents
        .contains(&crate::descriptor::model::DocKind::Mou)
    {
        return;
    }
    let Some(t) = desc.mou.as_ref().and_then(|m| m.termination.as_ref()) else {
        return;
    };
    let Some(opt) = &t.option else { return };
    let err = |pos, th: String, en: String, hth: &str, hen: &str| {
        Diagnostic::error(RULE.id, Some(pos), Msg::new(th, en)).with_hint(Msg::new(hth, hen))
    };
    match opt.value {
        TerminationOption::Notice => {
            if let Some(term) = &t.term {
                out.push(err(
                    term.pos,
                    "เลือกทางเลือกที่ ๑ (บอกเลิกโดยแจ้งล่วงหน้า) แล้ว จึงกรอกช่อง “ระยะเวลาที่มีผล” (term) ของทางเลือกที่ ๒ ด้วยไม่ได้"
                        .into(),
                    "option notice is chosen: the term (`term`) belongs to the fixed-term option".into(),
                    "ลบบรรทัด “term:” ออก หรือถ้าต้องการทางเลือกที่ ๒ ให้เปลี่ยนเป็น “option: fixed-term”",
                    "remove `term:` or choose `option: fixed-term`",
                ));
            }
            match &t.notice_period {
                None => out.push(err(
                    opt.pos,
                    "ทางเลือกที่ ๑ (บอกเลิกโดยแจ้งล่วงหน้า) ต้องกรอกช่อง “ระยะเวลาแจ้งล่วงหน้า” (notice_period)".into(),
                    "option notice needs a notice period (`notice_period`)".into(),
                    "เพิ่มบรรทัด “notice_period: 6 months” ใต้ “option: notice”",
                    "add `notice_period: 6 months`",
                )),
                Some(p) if p.value.n == 0 => out.push(err(
                    p.pos,
                    "ระยะเวลาแจ้งล่วงหน้าต้องมากกว่า 0 เดือน".into(),
                    "the notice period must be more than 0".into(),
                    "เขียนเช่น “notice_period: 6 months”",
                    "e.g. `notice_period: 6 months`",
                )),
                Some(p) => {
                    let long = match p.value.unit {
                        PeriodUnit::Months => p.value.n > 12,
                        PeriodUnit::Days => p.value.n > 366,
                        PeriodUnit::Years => p.value.n > 1,
                    };
                    if long {
                        out.push(
                            Diagnostic::warning(
                                RULE.id,
                                Some(p.pos),
                                Msg::new(
                                    "ระยะเวลาแจ้งล่วงหน้าเกิน ๑๒ เดือน ซึ่งยาวผิดปกติ",
                                    "a notice period over 12 months is unusual",
                                ),
                            )
                            .with_hint(Msg::new(
                                "โดยทั่วไปใช้ ๓ ถึง ๖ เดือน",
                                "three to six months is usual",
                            )),
                        );
                    }
                }
            }
        }
        TerminationOption::FixedTerm => {
            if let Some(np) = &t.notice_period {
                out.push(err(np.pos, "เลือกทางเลือกที่ ๒ (กำหนดระยะเวลา) แล้ว จึงกรอกช่อง “ระยะเวลาแจ้งล่วงหน้า” (notice_period) ของทางเลือกที่ ๑ ด้วยไม่ได้".into(), "option fixed-term is chosen: the notice period (`notice_period`) belongs to the notice option".into(), "ลบบรรทัด “notice_period:” ออก หรือถ้าต้องการทางเลือกที่ ๑ ให้เปลี่ยนเป็น “option: notice”", "remove `notice_period:` or choose `option: notice`"));
            }
            match &t.term {
                None => out.push(err(
                    opt.pos,
                    "ทางเลือกที่ ๒ (กำหนดระยะเวลา) ต้องกรอกช่อง “ระยะเวลาที่มีผล” (term)".into(),
                    "option fixed-term needs a term (`term`)".into(),
                    "เพิ่มบรรทัด “term: 5 years” ใต้ “option: fixed-term”",
                    "add `term: 5 years`",
                )),
                Some(p) if p.value.n == 0 => out.push(err(
                    p.pos,
                    "ระยะเวลาต้องมากกว่า 0 ปี".into(),
                    "the term must be more than 0 years".into(),
                    "เขียนเช่น “term: 5 years”",
                    "e.g. `term: 5 years`",
                )),
                Some(p) if p.value.n > 10 => out.push(
                    Diagnostic::warning(
                        RULE.id,
                        Some(p.pos),
                        Msg::new(
                            "ระยะเวลาเกิน ๑๐ ปี ซึ่งยาวผิดปกติ",
                            "a term over 10 years is unusual",
                        ),
                    )
                    .with_hint(Msg::new(
                        "โดยทั่วไปใช้ ๓ ถึง ๕ ปี แล้วต่ออายุเมื่อทั้งสองฝ่ายเห็นชอบ",
                        "three to five years, renewed by mutual decision, is usual",
                    )),
                ),
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::testing::{diagnostics, fires, with, BASE};

    fn sev(y: &str) -> Vec<Severity> {
        diagnostics(y)
            .iter()
            .filter(|d| d.rule == "MOU-5")
            .map(|d| d.severity)
            .collect()
    }

    #[test]
    fn notice_without_period_is_an_error() {
        assert_eq!(
            sev(&with("    notice_period: 6 months\n", "")),
            vec![Severity::Error]
        );
    }
    #[test]
    fn zero_period_is_an_error() {
        assert_eq!(
            sev(&with("notice_period: 6 months", "notice_period: 0 months")),
            vec![Severity::Error]
        );
    }
    #[test]
    fn both_options_is_an_error() {
        assert_eq!(
            sev(&with(
                "notice_period: 6 months",
                "notice_period: 6 months\n    term: 5 years"
            )),
            vec![Severity::Error]
        );
    }
    #[test]
    fn fixed_term_needs_term() {
        assert_eq!(
            sev(&with(
                "    option: notice\n    notice_period: 6 months\n",
                "    option: fixed-term\n"
            )),
            vec![Severity::Error]
        );
    }
    #[test]
    fn long_periods_warn() {
        assert_eq!(
            sev(&with("notice_period: 6 months", "notice_period: 18 months")),
            vec![Severity::Warning]
        );
        assert_eq!(
            sev(&with(
                "    option: notice\n    notice_period: 6 months\n",
                "    option: fixed-term\n    term: 20 years\n"
            )),
            vec![Severity::Warning]
        );
    }
    #[test]
    fn silent_for_valid_options() {
        assert!(!fires("MOU-5", BASE));
        assert!(!fires(
            "MOU-5",
            &with("notice_period: 6 months", "notice_period: 90 days")
        ));
        assert!(!fires(
            "MOU-5",
            &with(
                "    option: notice\n    notice_period: 6 months\n",
                "    option: fixed-term\n    term: 5 years\n"
            )
        ));
        assert!(!fires(
            "MOU-5",
            &with("notice_period: 6 months", "notice_period: 12 months")
        ));
    }
}
