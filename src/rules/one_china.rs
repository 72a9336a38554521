//! MFA-TW: a partner in Taiwan. Thailand follows the One China policy (it
//! recognises the People's Republic of China as the sole government of
//! China), so a relationship with a Taiwanese local government touches
//! foreign policy. The MFA must be consulted before such a proposal is made;
//! the seed tables list the one existing case as "มณฑลไต้หวัน
//! สาธารณรัฐประชาชนจีน".

use super::RuleInfo;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};

pub const RULE: RuleInfo = RuleInfo {
    id: "MFA-TW",
    severity: Severity::Warning,
    guideline: "-",
    title_th: "คู่ภาคีอยู่ในไต้หวัน: นโยบายจีนเดียว",
    title_en: "Partner in Taiwan: the One China policy",
    explanation_en: "Thailand follows the One China policy. A partner in Taiwan (country TW) needs consultation with the Ministry of Foreign Affairs before the proposal is made.",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let Some(country) = &desc.partner.country else {
        return;
    };
    if country.value.code != "TW" {
        return;
    }
    out.push(
        Diagnostic::warning(
            RULE.id,
            Some(country.pos),
            Msg::new(
                "คู่ภาคีอยู่ในไต้หวัน ประเทศไทยยึดถือนโยบายจีนเดียว (รับรองสาธารณรัฐประชาชนจีนเป็นรัฐบาลเดียวของจีน) การสถาปนาความสัมพันธ์กับหน่วยการปกครองในไต้หวันจึงเกี่ยวข้องกับนโยบายต่างประเทศ",
                "the partner is in Taiwan: Thailand follows the One China policy (it recognises the People's Republic of China as the sole government of China), so a relationship with a Taiwanese local government is a foreign-policy matter",
            ),
        )
        .with_hint(Msg::new(
            "โปรดหารือกระทรวงการต่างประเทศก่อนเสนอเรื่อง และตรวจชื่อและฐานะของคู่ภาคีตามที่กระทรวงการต่างประเทศแนะนำ",
            "consult the Ministry of Foreign Affairs before proposing, and name the partner as the MFA advises",
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, with, BASE};

    #[test]
    fn fires_for_a_partner_in_taiwan() {
        assert!(fires("MFA-TW", &with("country: CN", "country: TW")));
    }

    #[test]
    fn silent_elsewhere() {
        assert!(!fires("MFA-TW", BASE));
        assert!(!fires("MFA-TW", &with("country: CN", "country: JP")));
    }
}
