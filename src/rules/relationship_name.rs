//! MFA-2 (guideline 2 and the drafts' title brackets): the relationship name
//! should be one of the names the guidelines list; any other name "as agreed"
//! is possible but is flagged for the reviewers.

use super::RuleInfo;
use crate::descriptor::model::KeyOr;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::reference::relationships;

pub const RULE: RuleInfo = RuleInfo {
    id: "MFA-2",
    severity: Severity::Warning,
    guideline: "2",
    title_th: "ชื่อเรียกความสัมพันธ์ควรเป็นชื่อที่แนวทางกำหนด",
    title_en: "Relationship name should be a standard one",
    explanation_en: "Allowed names: sister-cities (เมืองพี่เมืองน้อง), twin-cities (เมืองคู่แฝด), friendship-cities (เมืองมิตรภาพ), partnership-cities (เมืองหุ้นส่วน), friendly-cities (เมืองคู่มิตร), amity-cities (เมืองฉันทมิตร), cooperation (การสถาปนาความร่วมมือ). Another name agreed with the partner is possible but is reported.",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let Some(rel) = &desc.relationship else {
        return;
    };
    let KeyOr::Custom(b) = &rel.value else { return };
    let known: Vec<&str> = relationships::RELATIONSHIPS.iter().map(|r| r.key).collect();
    out.push(
        Diagnostic::warning(
            RULE.id,
            Some(rel.pos),
            Msg::new(
                format!("ชื่อความสัมพันธ์ “{}” ไม่ใช่ชื่อที่แนวทางข้อ ๒ กำหนด", b.th.value),
                format!("relationship name \"{}\" is not one of the names guideline 2 lists", b.en.value),
            ),
        )
        .with_hint(Msg::new(
            format!(
                "ใช้ชื่อตามแนวทางถ้าทำได้ ได้แก่ {} หากตกลงใช้ชื่ออื่นกับอีกฝ่ายแล้ว ให้ชี้แจงเหตุผลในหนังสือเสนอเรื่อง",
                relationships::RELATIONSHIPS
                    .iter()
                    .map(|r| format!("{} ({})", r.th, r.key))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!("use a standard name if you can ({}); if another name was agreed, explain why when submitting", known.join(", ")),
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, with};

    #[test]
    fn fires_for_a_custom_name() {
        let y = with(
            "relationship: sister-cities",
            "relationship: {th: เมืองพันธมิตร, en: Allied Cities}",
        );
        assert!(fires("MFA-2", &y));
    }
    #[test]
    fn silent_for_every_standard_name() {
        for k in [
            "sister-cities",
            "twin-cities",
            "friendship-cities",
            "partnership-cities",
            "friendly-cities",
            "amity-cities",
            "cooperation",
        ] {
            let y = with("relationship: sister-cities", &format!("relationship: {k}"));
            assert!(!fires("MFA-2", &y), "{k}");
        }
    }
}
