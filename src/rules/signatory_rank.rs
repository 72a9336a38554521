//! MFA-9 (guideline 9): the Thai signatory is the provincial governor, and
//! the partner's signatory is a governor or of equivalent rank.

use super::RuleInfo;
use crate::descriptor::model::{KeyOr, Rank};
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};

pub const RULE: RuleInfo = RuleInfo {
    id: "MFA-9",
    severity: Severity::Error,
    guideline: "9",
    title_th: "ผู้ลงนามฝ่ายไทยต้องเป็นผู้ว่าราชการจังหวัด และผู้ลงนามฝ่ายต่างประเทศต้องมีฐานะเทียบเท่า",
    title_en: "Signatories must be the governor and an equivalent",
    explanation_en: "The Thai signatory must be the provincial governor (ผู้ว่าราชการจังหวัด); the partner's signatory must be a governor or hold an equivalent rank.",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    if let Some(pos) = &desc.thai_side.position {
        let who = match &pos.value {
            KeyOr::Key(p) if p.key == "governor" => None,
            KeyOr::Key(p) => Some((p.th.to_string(), p.en.to_string())),
            KeyOr::Custom(b) => Some((b.th.value.clone(), b.en.value.clone())),
        };
        if let Some((th, en)) = who {
            out.push(
                Diagnostic::error(
                    RULE.id,
                    Some(pos.pos),
                    Msg::new(
                        format!("ผู้ลงนามฝ่ายไทยต้องเป็นผู้ว่าราชการจังหวัด ไม่ใช่{th}"),
                        format!("the Thai signatory must be the provincial governor, not {en}"),
                    ),
                )
                .with_hint(Msg::new(
                    "แนวทางข้อ ๙ กำหนดให้ผู้ว่าราชการจังหวัดเป็นผู้ลงนาม ให้เขียน “position: governor” และใส่ชื่อผู้ว่าราชการจังหวัด",
                    "guideline 9: the governor signs; use `position: governor` with the governor's name",
                )),
            );
        }
    }
    if let Some(rank) = &desc.partner.rank {
        if rank.value == Rank::Lower {
            out.push(
                Diagnostic::error(
                    RULE.id,
                    Some(rank.pos),
                    Msg::new(
                        "ผู้ลงนามฝ่ายต่างประเทศต้องเป็นผู้ว่าราชการหรือผู้มีฐานะเทียบเท่า",
                        "the partner's signatory must be a governor or of equivalent rank",
                    ),
                )
                .with_hint(Msg::new(
                    "ขอให้ฝ่ายต่างประเทศเสนอผู้ลงนามที่มีฐานะเทียบเท่าผู้ว่าราชการจังหวัด (เช่น ผู้ว่าการมณฑล นายกเทศมนตรีนครที่มีฐานะเทียบเท่ามณฑล)",
                    "ask the partner for a signatory of governor rank (e.g. the provincial governor, or the mayor of a city of provincial status)",
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{diagnostics, fires, partner_block, with, BASE};

    #[test]
    fn fires_for_vice_governor_and_mayor() {
        for p in ["vice-governor", "mayor", "deputy-permanent-secretary"] {
            let y = with("position: governor", &format!("position: {p}"));
            assert!(fires("MFA-9", &y), "{p}");
        }
    }
    #[test]
    fn fires_for_a_custom_thai_position() {
        let y = with(
            "position: governor",
            "position: {th: ปลัดจังหวัด, en: Deputy Governor}",
        );
        assert!(fires("MFA-9", &y));
    }
    #[test]
    fn fires_for_lower_partner_rank() {
        assert!(fires(
            "MFA-9",
            &partner_block("city", "province-equivalent", "lower")
        ));
    }
    #[test]
    fn both_sides_reported_in_one_pass() {
        let y = partner_block("city", "province-equivalent", "lower")
            .replace("position: governor", "position: mayor");
        assert_eq!(
            diagnostics(&y).iter().filter(|d| d.rule == "MFA-9").count(),
            2
        );
    }
    #[test]
    fn silent_for_governor_and_equivalent() {
        assert!(!fires("MFA-9", BASE));
    }
}
