//! MFA-1 (guideline 1): the partner should be a unit equivalent to a Thai
//! province; lower units are possible only case by case after joint MOI-MFA
//! consideration.

use super::RuleInfo;
use crate::descriptor::model::Level;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};

pub const RULE: RuleInfo = RuleInfo {
    id: "MFA-1",
    severity: Severity::Warning,
    guideline: "1",
    title_th: "หน่วยการปกครองของฝ่ายต่างประเทศต้องมีฐานะเทียบเท่าจังหวัด",
    title_en: "Partner must be equivalent to a Thai province",
    explanation_en: "Relationships are made with units equivalent to a Thai province (state, province/มณฑล, prefecture, region, city of provincial status, SAR). A unit below that level (county, district, municipality, or `level: below-province`) is possible only case by case after joint MOI-MFA consideration.",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let p = &desc.partner;
    let below = p.level.as_ref().filter(|l| l.value == Level::BelowProvince);
    let low_unit = p.unit.as_ref().filter(|u| u.value.usually_below_province());
    let pos = below.map(|l| l.pos).or(low_unit.map(|u| u.pos));
    let Some(pos) = pos else { return };
    let what_en = match (below, low_unit) {
        (Some(_), _) => "the partner is below the level of a Thai province".to_string(),
        (None, Some(u)) => format!(
            "a `{}` is usually below the level of a Thai province",
            u.value.key()
        ),
        (None, None) => return,
    };
    let what_th = match (below, low_unit) {
        (Some(_), _) => "ฝ่ายต่างประเทศเป็นหน่วยการปกครองที่ต่ำกว่าระดับจังหวัดของไทย".to_string(),
        (None, Some(u)) => format!(
            "ฝ่ายต่างประเทศเป็น{} (“{}”) ซึ่งโดยปกติต่ำกว่าระดับจังหวัดของไทย",
            crate::descriptor::model::UNITS
                .iter()
                .find(|c| c.key == u.value.key())
                .map_or("หน่วยการปกครอง", |c| c.th),
            u.value.key()
        ),
        (None, None) => return,
    };
    out.push(
        Diagnostic::warning(RULE.id, Some(pos), Msg::new(what_th, what_en)).with_hint(Msg::new(
            "ตามแนวทางข้อ ๑ ทำได้เป็นรายกรณี โดยกระทรวงมหาดไทยและกระทรวงการต่างประเทศพิจารณาความเหมาะสมร่วมกัน ควรแนบเหตุผลประกอบเมื่อเสนอเรื่อง",
            "guideline 1 allows this only case by case after joint MOI-MFA consideration: give the reasons when the proposal is submitted",
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, partner_block};

    #[test]
    fn fires_for_below_province_level() {
        assert!(fires(
            "MFA-1",
            &partner_block("city", "below-province", "governor-equivalent")
        ));
    }
    #[test]
    fn fires_for_county_even_when_level_claims_equivalence() {
        assert!(fires(
            "MFA-1",
            &partner_block("county", "province-equivalent", "governor-equivalent")
        ));
    }
    #[test]
    fn silent_for_province_equivalent_units() {
        for unit in [
            "province",
            "state",
            "prefecture",
            "city",
            "special-administrative-region",
        ] {
            assert!(
                !fires(
                    "MFA-1",
                    &partner_block(unit, "province-equivalent", "governor-equivalent")
                ),
                "{unit}"
            );
        }
    }
}
