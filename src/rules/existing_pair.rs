//! REG-1 (guidelines 9 and 13): the proposed pair already exists in the
//! registry of signed and in-progress relationships (`data/pairs.yaml`).
//! When the existing one was signed by a municipality or is only an LOI, a
//! governor-signed MOU is an upgrade, not a duplicate, and the hint says so.

use super::RuleInfo;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::registry::{self, Relationship, Status};

pub const RULE: RuleInfo = RuleInfo {
    id: "REG-1",
    severity: Severity::Warning,
    guideline: "9, 13",
    title_th: "มีความสัมพันธ์คู่นี้อยู่แล้ว",
    title_en: "This pair already exists",
    explanation_en: "The province already has a relationship (signed or in progress) with this partner, per the official lists in the seeds (003: 2019; 004: 2021-2022; 001/000: news). If it was signed by a municipality or is only an LOI, the new governor-signed document upgrades it (guideline 9); otherwise it may be a duplicate.",
};

/// The registry entries for the descriptor's pair (province + partner +
/// country). When both the descriptor and the registry name the unit the
/// partner lies in (`within`), they must agree too: two cities called Suzhou
/// lie in Anhui and in Jiangsu.
pub fn matches(desc: &Descriptor) -> Vec<&'static Relationship> {
    let (Some(prov), Some(name), Some(country)) = (
        &desc.thai_side.province,
        &desc.partner.name,
        &desc.partner.country,
    ) else {
        return Vec::new();
    };
    let same_region = |r: &&Relationship| match (&desc.partner.within, &r.partner_within) {
        (Some(ours), Some(theirs)) => {
            let n = registry::matching::normalise_name;
            n(&ours.th.value) == n(&theirs.th)
                || theirs
                    .en
                    .as_deref()
                    .is_some_and(|en| n(&ours.en.value) == n(en))
        }
        _ => true,
    };
    registry::find_pair(
        prov.value.th,
        Some(&name.th.value),
        Some(&name.en.value),
        country.value.code,
    )
    .into_iter()
    .filter(same_region)
    .collect()
}

/// How a relationship stands, after its partner's name: "ลงนามเมื่อ
/// พ.ศ. ๒๕๔๒ โดยเทศบาลนครเชียงใหม่ (หมายเหตุในบัญชี: ...)" / "signed in
/// 1999 (B.E. 2542) by ...". Each fact once: a remark that repeats who
/// signed is left out. Thai digits in the Thai text, Arabic in the English.
pub fn standing(r: &Relationship) -> (String, String) {
    let th_digits = crate::thai::digits::to_thai_digits;
    let (mut th, mut en) = match (r.status, r.year_be) {
        (Status::Signed, Some(y)) => (
            format!("ลงนามเมื่อ พ.ศ. {}", th_digits(&y.to_string())),
            format!("signed in {} (B.E. {y})", i32::from(y) - 543),
        ),
        (Status::Signed, None) => ("ลงนามแล้ว".to_string(), "signed".to_string()),
        (Status::InProgress, Some(y)) => (
            format!("อยู่ระหว่างดำเนินการ (พ.ศ. {})", th_digits(&y.to_string())),
            format!("in progress ({}, B.E. {y})", i32::from(y) - 543),
        ),
        (Status::InProgress, None) => ("อยู่ระหว่างดำเนินการ".to_string(), "in progress".to_string()),
    };
    if let Some(by) = &r.signed_by {
        th.push_str(&format!(" โดย{by}"));
        en.push_str(&format!(" by {by}"));
    }
    let remark: Vec<&str> = r
        .remark
        .as_deref()
        .unwrap_or_default()
        .split("; ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .filter(|p| {
            r.signed_by
                .as_ref()
                .is_none_or(|by| *p != format!("ลงนามโดย{by}"))
        })
        .collect();
    if !remark.is_empty() {
        let remark = remark.join("; ");
        th.push_str(&format!(" (หมายเหตุในบัญชี: {})", th_digits(&remark)));
        en.push_str(&format!(" (the list notes: {remark})"));
    }
    (th, en)
}

/// The partner and how the relationship stands, for a list or a letter:
/// "นครคุนหมิง (Kunming) ลงนามเมื่อ พ.ศ. ๒๕๔๒ ..." / "Kunming (นครคุนหมิง),
/// signed in 1999 (B.E. 2542) ...".
pub fn describe(r: &Relationship) -> (String, String) {
    let (th, en) = standing(r);
    (
        format!("{} {th}", r.partner_display()),
        format!("{}, {en}", partner_en(r)),
    )
}

/// "Kunming (นครคุนหมิง)": the English name first in English text.
fn partner_en(r: &Relationship) -> String {
    match &r.partner.en {
        Some(en) => format!("{en} ({})", r.partner.th),
        None => r.partner.th.clone(),
    }
}

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let pos = desc.partner.name.as_ref().map(|n| n.pos);
    let Some(prov) = &desc.thai_side.province else {
        return;
    };
    for r in matches(desc) {
        let (th, en) = standing(r);
        let hint = if r.is_upgrade_candidate() {
            Msg::new(
                "ร่างนี้ให้ผู้ว่าราชการจังหวัดเป็นผู้ลงนาม จึงเป็นการยกระดับความสัมพันธ์เดิม (แนวทางข้อ ๙) ไม่ใช่การสถาปนาซ้ำ ให้ระบุในหนังสือเสนอเรื่องว่าเป็นการยกระดับ",
                "this draft is signed by the governor, so it upgrades the existing relationship (guideline 9) rather than duplicating it: say so in the covering letter",
            )
        } else {
            Msg::new(
                "ตรวจสอบว่าไม่ใช่การสถาปนาความสัมพันธ์ซ้ำ ถ้าเป็นการต่ออายุหรือขยายความร่วมมือ ให้ระบุในหนังสือเสนอเรื่อง",
                "check this is not a duplicate; if it renews or extends the relationship, say so in the covering letter",
            )
        };
        out.push(
            Diagnostic::warning(
                RULE.id,
                pos,
                Msg::new(
                    format!(
                        "{}มีความสัมพันธ์กับ{} อยู่แล้ว: {th}",
                        prov.value.th_formal(),
                        r.partner_display()
                    ),
                    format!(
                        "{} already has a relationship with {}: {en}",
                        prov.value.en_formal(),
                        partner_en(r)
                    ),
                ),
            )
            .with_hint(hint)
            .with_sources(r.source_refs()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{diagnostics, with};

    #[test]
    fn chiang_mai_kunming_is_an_upgrade() {
        let d: Vec<_> = diagnostics(crate::rules::testing::BASE)
            .into_iter()
            .filter(|d| d.rule == "REG-1")
            .collect();
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.en.contains("signed"), "{}", d[0].message.en);
        let hint = d[0].hint.as_ref().expect("hint");
        assert!(hint.en.contains("upgrade"), "{}", hint.en);
        assert!(hint.th.contains("ยกระดับ"));
    }

    #[test]
    fn each_fact_once_one_digit_style_and_no_source_ids_in_the_text() {
        let d: Vec<_> = diagnostics(crate::rules::testing::BASE)
            .into_iter()
            .filter(|d| d.rule.starts_with("REG-"))
            .collect();
        assert_eq!(d.len(), 2, "{d:#?}");
        for d in &d {
            let hint = d
                .hint
                .clone()
                .unwrap_or(crate::diagnostic::Msg::new("", ""));
            for text in [&d.message.th, &d.message.en, &hint.th, &hint.en] {
                assert!(!text.contains('#'), "source id shown to staff: {text}");
            }
            // Thai digits in Thai, Arabic digits in English.
            for text in [&d.message.th, &hint.th] {
                assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
            }
            for text in [&d.message.en, &hint.en] {
                assert!(!text.chars().any(|c| ('๐'..='๙').contains(&c)), "{text}");
            }
            assert!(!d.sources.is_empty(), "{}: sources kept for JSON", d.rule);
        }
        let reg1 = &d[0];
        // Who signed is said once (the registry's remark repeats it).
        assert_eq!(
            reg1.message.th.matches("เทศบาลนครเชียงใหม่").count(),
            1,
            "{}",
            reg1.message.th
        );
        assert_eq!(
            reg1.message.en.matches("เทศบาลนครเชียงใหม่").count(),
            1,
            "{}",
            reg1.message.en
        );
        assert_eq!(
            reg1.message.th.matches("ลงนาม").count(),
            2,
            "{}",
            reg1.message.th
        );
        assert!(reg1.message.th.contains("พ.ศ. ๒๕๔๒"), "{}", reg1.message.th);
        assert!(
            reg1.sources.iter().any(|s| s.contains('#')),
            "{:?}",
            reg1.sources
        );
    }

    #[test]
    fn a_pair_not_in_the_tables_gets_nothing() {
        let y = with(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: Lijiang, th: เมืองลี่เจียง}",
        );
        assert!(!diagnostics(&y).iter().any(|d| d.rule == "REG-1"));
    }

    #[test]
    fn a_similar_name_is_not_the_same_city() {
        let y = with(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: Kunshan, th: เมืองคุนซาน}",
        );
        assert!(!diagnostics(&y).iter().any(|d| d.rule == "REG-1"));
    }

    #[test]
    fn a_namesake_in_another_region_is_not_the_same_city() {
        let base = with("province: Chiang Mai", "province: Rayong").replace(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: Suzhou, th: เมืองซูโจว}",
        );
        let anhui = base.replace(
            "within: {en: Yunnan Province, th: มณฑลยูนนาน}",
            "within: {en: Anhui Province, th: มณฑลอันฮุย}",
        );
        assert!(
            diagnostics(&anhui).iter().any(|d| d.rule == "REG-1"),
            "Suzhou, Anhui is in the registry"
        );
        let jiangsu = base.replace(
            "within: {en: Yunnan Province, th: มณฑลยูนนาน}",
            "within: {en: Jiangsu Province, th: มณฑลเจียงซู}",
        );
        let d: Vec<_> = diagnostics(&jiangsu)
            .into_iter()
            .filter(|d| d.rule == "REG-1")
            .collect();
        assert!(d.is_empty(), "Suzhou, Jiangsu is another city: {d:#?}");
    }

    #[test]
    fn spelling_variants_match() {
        let y = with(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: KUNMING CITY, th: คุนหมิง}",
        );
        assert!(diagnostics(&y).iter().any(|d| d.rule == "REG-1"));
    }
}
