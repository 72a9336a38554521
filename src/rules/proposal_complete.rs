//! PROP-1 (guidelines 3 and 7): what `sisterdoc package` needs from the
//! `proposal:` section: the letter's issuing office and an action plan of at
//! least one activity, each with its name, fiscal year, budget (baht, >= 0),
//! source and responsible unit.
//!
//! `check` reports these as warnings when a `proposal` section is present
//! (a descriptor may be checked long before the submission is ready);
//! `package` asks [`for_package`] and refuses on any of them, including a
//! missing section.

use super::RuleInfo;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::position::Pos;

pub const RULE: RuleInfo = RuleInfo {
    id: "PROP-1",
    severity: Severity::Error,
    guideline: "3, 7",
    title_th: "ข้อมูลสำหรับหนังสือเสนอกระทรวงมหาดไทยและแผนปฏิบัติการยังไม่ครบ",
    title_en: "Proposal incomplete for `package`",
    explanation_en: "`sisterdoc package` needs a `proposal` with the letter's office and an action plan of at least one activity, each with its name, fiscal year, budget (baht, >= 0), source and responsible unit. An error for `package`; `check` reports it as a warning when a `proposal` section is present but incomplete.",
};

/// One missing piece: where, what, how to fix it.
struct Gap {
    pos: Option<Pos>,
    message: Msg,
    hint: Msg,
}

fn gaps(desc: &Descriptor) -> Vec<Gap> {
    let mut out = Vec::new();
    let Some(p) = &desc.proposal else {
        out.push(Gap {
            pos: None,
            message: Msg::new(
                "ยังไม่มีหัวข้อ “หนังสือเสนอกระทรวงมหาดไทย” (proposal) จึงจัดทำหนังสือเสนอเรื่องและแผนปฏิบัติการไม่ได้",
                "there is no `proposal:` section, so there is no letter to the Ministry of Interior or action plan to build",
            ),
            hint: Msg::new(
                "เพิ่มหัวข้อ “proposal:” (ดูตัวอย่างได้จากไฟล์ที่คำสั่ง sisterdoc new สร้างให้)",
                "add a `proposal:` section (see `sisterdoc new` for an example)",
            ),
        });
        return out;
    };
    if p.letter.office.is_none() {
        out.push(Gap {
            pos: Some(p.letter.pos.unwrap_or(p.pos)),
            message: Msg::new(
                "หนังสือเสนอเรื่องยังไม่ได้กรอกช่อง “ส่วนราชการเจ้าของหนังสือ”",
                "the covering letter has no issuing office (`proposal.letter.office`)",
            ),
            hint: Msg::new(
                "เพิ่มบรรทัด “office: สำนักงานจังหวัด...” ใต้ “letter:”",
                "add `office: สำนักงานจังหวัด...` under `letter:`",
            ),
        });
    }
    if p.plan.is_empty() {
        out.push(Gap {
            pos: Some(p.plan_pos.unwrap_or(p.pos)),
            message: Msg::new(
                "ยังไม่มีแผนปฏิบัติการและแผนงบประมาณ (แนวทางข้อ ๗) ต้องมีอย่างน้อยหนึ่งกิจกรรม",
                "there is no action plan (`proposal.plan`, guideline 7): at least one activity is needed",
            ),
            hint: Msg::new(
                "เพิ่มหัวข้อ “plan:” แล้วใส่กิจกรรม พร้อมปีงบประมาณ งบประมาณ แหล่งงบประมาณ และหน่วยงานรับผิดชอบของแต่ละกิจกรรม",
                "add `plan:` with activities, each with fiscal_year, budget, source and responsible",
            ),
        });
    }
    for (i, a) in p.plan.iter().enumerate() {
        let n = i + 1;
        let missing: Vec<&str> = [
            ("activity", a.activity.is_none()),
            ("fiscal_year", a.fiscal_year.is_none()),
            ("budget", a.budget.is_none()),
            ("source", a.source.is_none()),
            ("responsible", a.responsible.is_none()),
        ]
        .iter()
        .filter(|(_, m)| *m)
        .map(|(k, _)| *k)
        .collect();
        if !missing.is_empty() {
            let list = missing.join(", ");
            // The Thai names the columns by their labels in the plan.
            let list_th = missing
                .iter()
                .filter_map(|k| crate::descriptor::format::field(&format!("proposal.plan.{k}")))
                .map(|f| format!("“{}”", f.label.th))
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Gap {
                pos: Some(a.pos),
                message: Msg::new(
                    format!(
                        "กิจกรรมที่ {} ในแผนปฏิบัติการยังไม่ได้กรอก {list_th}",
                        crate::thai::digits::to_thai_digits(&n.to_string())
                    ),
                    format!("activity {n} of the plan lacks {list}"),
                ),
                hint: Msg::new(
                    "ทุกกิจกรรมต้องมีชื่อกิจกรรม (activity) ปีงบประมาณ (fiscal_year) งบประมาณเป็นบาท (budget ถ้าไม่ใช้งบประมาณให้เขียน 0) แหล่งงบประมาณ (source) และหน่วยงานรับผิดชอบ (responsible)",
                    "every activity needs activity, fiscal_year, budget (baht; 0 when none is needed), source and responsible",
                ),
            });
        }
        if let Some(b) = a.budget.as_ref().filter(|b| b.value < 0) {
            out.push(Gap {
                pos: Some(b.pos),
                message: Msg::new(
                    format!(
                        "งบประมาณของกิจกรรมที่ {} ติดลบ",
                        crate::thai::digits::to_thai_digits(&n.to_string())
                    ),
                    format!("the budget of activity {n} is negative"),
                ),
                hint: Msg::new(
                    "เขียนจำนวนเงินเป็นบาท ตั้งแต่ 0 ขึ้นไป",
                    "write the amount in baht, 0 or more",
                ),
            });
        }
    }
    out
}

/// `check`: warnings, only when a `proposal` section is present.
pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    if desc.proposal.is_none() {
        return;
    }
    for g in gaps(desc) {
        out.push(Diagnostic::warning(RULE.id, g.pos, g.message).with_hint(g.hint));
    }
}

/// `package`: the same gaps as errors, and a missing section too.
pub fn for_package(desc: &Descriptor) -> Vec<Diagnostic> {
    gaps(desc)
        .into_iter()
        .map(|g| Diagnostic::error(RULE.id, g.pos, g.message).with_hint(g.hint))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::for_package;
    use crate::diagnostic::Severity;
    use crate::rules::testing::{diagnostics, fires, BASE, PROPOSAL};

    fn prop1(yaml: &str) -> Vec<crate::diagnostic::Diagnostic> {
        diagnostics(yaml)
            .into_iter()
            .filter(|d| d.rule == "PROP-1")
            .collect()
    }

    fn package_errors(yaml: &str) -> usize {
        let l = crate::descriptor::load(yaml.as_bytes(), Some("test-pair"));
        for_package(&l.descriptor.expect("decodes")).len()
    }

    #[test]
    fn complete_proposal_is_silent() {
        let y = format!("{BASE}{PROPOSAL}");
        assert!(!fires("PROP-1", &y), "{:#?}", prop1(&y));
        assert_eq!(package_errors(&y), 0);
    }

    #[test]
    fn no_proposal_is_silent_in_check_but_refused_by_package() {
        assert!(!fires("PROP-1", BASE));
        assert_eq!(package_errors(BASE), 1);
    }

    #[test]
    fn missing_office_warns_in_check_and_fails_package() {
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("    office: สำนักงานจังหวัดเชียงใหม่\n", "")
        );
        let d = prop1(&y);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0].message.en.contains("office"));
        assert_eq!(package_errors(&y), 1);
    }

    #[test]
    fn empty_plan_and_incomplete_activity() {
        let cut = PROPOSAL.find("  plan:").expect("plan");
        let y = format!("{BASE}{}  plan: []\n", &PROPOSAL[..cut]);
        assert_eq!(prop1(&y).len(), 1);
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replacen("      source: งบประมาณจังหวัด\n", "", 1)
        );
        let d = prop1(&y);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].message.en.contains("lacks source"),
            "{}",
            d[0].message.en
        );
    }

    #[test]
    fn negative_budget_fires_zero_does_not() {
        let y = format!("{BASE}{}", PROPOSAL.replace("budget: 350000", "budget: -5"));
        assert_eq!(prop1(&y).len(), 1);
        let y = format!("{BASE}{}", PROPOSAL.replace("budget: 350000", "budget: 0"));
        assert!(prop1(&y).is_empty());
    }
}
