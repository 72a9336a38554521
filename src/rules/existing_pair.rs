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

/// "signed in 2542 (ลงนามโดยเทศบาลนครเชียงใหม่)" in both languages.
pub fn describe(r: &Relationship) -> (String, String) {
    let year_th = r
        .year_be
        .map(|y| format!(" ปี พ.ศ. {y}"))
        .unwrap_or_default();
    let year_en = r
        .year_be
        .map(|y| format!(" in B.E. {y} ({})", i32::from(y) - 543))
        .unwrap_or_default();
    let status_th = match r.status {
        Status::Signed => "ลงนามแล้ว",
        Status::InProgress => "อยู่ระหว่างดำเนินการ",
    };
    let status_en = match r.status {
        Status::Signed => "signed",
        Status::InProgress => "in progress",
    };
    let by_th = r
        .signed_by
        .as_ref()
        .map(|s| format!(" ลงนามโดย{s}"))
        .unwrap_or_default();
    let by_en = r
        .signed_by
        .as_ref()
        .map(|s| format!(", signed by {s}"))
        .unwrap_or_default();
    let remark = r
        .remark
        .as_ref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    (
        format!(
            "{} {status_th}{year_th}{by_th}{remark}",
            r.partner_display()
        ),
        format!(
            "{} {status_en}{year_en}{by_en}{remark}",
            r.partner_display()
        ),
    )
}

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let pos = desc.partner.name.as_ref().map(|n| n.pos);
    for r in matches(desc) {
        let (th, en) = describe(r);
        let sources = r.source_refs().join(", ");
        let hint = if r.is_upgrade_candidate() {
            Msg::new(
                "ความสัมพันธ์เดิมลงนามโดยหน่วยงานอื่นที่ไม่ใช่จังหวัด หรือเป็นเพียงหนังสือแสดงเจตจำนง ร่างนี้จึงเป็นการยกระดับความสัมพันธ์ให้ผู้ว่าราชการจังหวัดเป็นผู้ลงนาม (แนวทางข้อ ๙) ไม่ใช่การทำซ้ำ ให้ระบุในหนังสือเสนอเรื่องว่าเป็นการยกระดับ",
                "the existing relationship was signed by a body other than the province, or is only a Letter of Intent: this draft upgrades it to a governor-signed relationship (guideline 9) rather than duplicating it; say so when submitting",
            )
        } else {
            Msg::new(
                format!("ตรวจสอบว่าไม่ใช่การสถาปนาซ้ำ หากเป็นการต่ออายุหรือขยายความร่วมมือให้ระบุในหนังสือเสนอเรื่อง (แหล่งข้อมูล: {sources})"),
                format!("check this is not a duplicate; if it renews or extends the relationship, say so when submitting (sources: {sources})"),
            )
        };
        out.push(
            Diagnostic::warning(
                RULE.id,
                pos,
                Msg::new(
                    format!("มีความสัมพันธ์คู่นี้อยู่แล้ว: {th}"),
                    format!("this pair already exists: {en}"),
                ),
            )
            .with_hint(hint),
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
