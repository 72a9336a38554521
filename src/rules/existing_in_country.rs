//! REG-2 (guideline 13): the province's other relationships in the partner's
//! country, so staff and reviewers see the whole picture (information only).

use super::RuleInfo;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::registry;

pub const RULE: RuleInfo = RuleInfo {
    id: "REG-2",
    severity: Severity::Info,
    guideline: "13",
    title_th: "ความสัมพันธ์อื่นของจังหวัดในประเทศเดียวกัน",
    title_en: "The province's other relationships in the same country",
    explanation_en: "Lists the province's existing relationships (signed or in progress) with other partners in the same country, from the official lists; guideline 13 asks for every relationship, old ones included, to be followed up.",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let (Some(prov), Some(country)) = (&desc.thai_side.province, &desc.partner.country) else {
        return;
    };
    let same = super::existing_pair::matches(desc);
    let others: Vec<_> = registry::in_country(prov.value.th, country.value.code)
        .into_iter()
        .filter(|r| !same.iter().any(|s| s.id == r.id))
        .collect();
    if others.is_empty() {
        return;
    }
    let (th, en): (Vec<String>, Vec<String>) = others
        .iter()
        .map(|r| super::existing_pair::describe(r))
        .unzip();
    let sources: Vec<String> = others
        .iter()
        .map(|r| {
            let name = r.partner.en.as_deref().unwrap_or(&r.partner.th);
            format!("{name}: {}", r.source_refs().join(" "))
        })
        .collect();
    let n = others.len();
    out.push(
        Diagnostic::new(
            RULE.id,
            Severity::Info,
            Some(country.pos),
            Msg::new(
                format!(
                    "{}มีความสัมพันธ์กับคู่ภาคีอื่นในประเทศ{}อีก {} แห่ง ได้แก่ {}",
                    prov.value.th_formal(),
                    country.value.th_short,
                    crate::thai::digits::to_thai_digits(&n.to_string()),
                    th.join("; ")
                ),
                format!(
                    "{} has {n} other relationship{} in {}: {}",
                    prov.value.en_formal(),
                    if n == 1 { "" } else { "s" },
                    country.value.en_short,
                    en.join("; ")
                ),
            ),
        )
        .with_sources(sources),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{diagnostics, with};

    #[test]
    fn chiang_mai_has_other_chinese_partners() {
        let d: Vec<_> = crate::rules::testing::diagnostics(crate::rules::testing::BASE)
            .into_iter()
            .filter(|d| d.rule == "REG-2")
            .collect();
        assert_eq!(d.len(), 1);
        assert!(d[0].message.en.contains("Shanghai"), "{}", d[0].message.en);
        assert!(
            !d[0].message.en.contains("Kunming"),
            "the pair itself is REG-1, not REG-2"
        );
    }

    #[test]
    fn silent_when_the_province_has_nothing_in_that_country() {
        let y = with("country: CN", "country: CL")
            .replace("province: Chiang Mai", "province: Chai Nat");
        assert!(!diagnostics(&y).iter().any(|d| d.rule == "REG-2"));
    }
}
