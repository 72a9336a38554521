//! `check`: decode a descriptor and run every rule, returning the model and
//! all diagnostics (sorted by position). No I/O beyond what the caller passes in.

use crate::descriptor::{self, Loaded};
use crate::diagnostic;

/// Decodes and checks descriptor bytes. `stem` is the file name without extension.
pub fn check_bytes(bytes: &[u8], stem: Option<&str>) -> Loaded {
    let mut loaded = descriptor::load(bytes, stem);
    if let Some(desc) = &loaded.descriptor {
        loaded.diagnostics.extend(crate::rules::check(desc));
    }
    loaded.name_fields();
    diagnostic::sort(&mut loaded.diagnostics);
    loaded
}

/// What the check understood the descriptor to say, one line per fact, for
/// the human output of `check` (so "CH" read as Switzerland, or a date read
/// in the wrong era, shows at once). Values that could not be read are left out.
pub fn understood(
    desc: &crate::descriptor::Descriptor,
    lang: diagnostic::HumanLang,
) -> Vec<String> {
    use crate::diagnostic::HumanLang::{En, Th};
    use crate::document::DocKind;
    let mut out = Vec::new();
    if let Some(p) = &desc.thai_side.province {
        out.push(match lang {
            En => format!(
                "Thai side: {} ({})",
                p.value.en_formal(),
                p.value.th_formal()
            ),
            Th => format!("ฝ่ายไทย: {} ({})", p.value.th_formal(), p.value.en_formal()),
        });
    }
    if let Some(n) = &desc.partner.name {
        out.push(match lang {
            En => format!("partner: {} ({})", n.en.value, n.th.value),
            Th => format!("คู่ภาคี: {} ({})", n.th.value, n.en.value),
        });
    }
    if let Some(c) = &desc.partner.country {
        let c = c.value;
        out.push(match lang {
            En => format!("country: {} = {} ({})", c.code, c.en_short, c.th),
            Th => format!("ประเทศ: {} = {} ({})", c.code, c.th, c.en_short),
        });
    }
    if !desc.documents.is_empty() {
        let names: Vec<&str> = desc
            .documents
            .iter()
            .filter_map(|k| match (k, lang) {
                (DocKind::Loi, En) => Some("Letter of Intent (LOI)"),
                (DocKind::Mou, En) => Some("MOU"),
                (DocKind::Loi, Th) => Some("หนังสือแสดงเจตจำนง (LOI)"),
                (DocKind::Mou, Th) => Some("บันทึกความเข้าใจ (MOU)"),
                _ => None,
            })
            .collect();
        out.push(match lang {
            En => format!("documents: {}", names.join(", ")),
            Th => format!("เอกสาร: {}", names.join(" และ ")),
        });
    }
    if let Some(d) = &desc.signing.date {
        out.push(match lang {
            En => format!(
                "signing date: {} ({})",
                crate::english::date::english_date(d.value),
                crate::thai::buddhist_date::thai_date_official(d.value)
            ),
            Th => format!(
                "วันลงนาม: {} ({})",
                crate::thai::buddhist_date::thai_date_official(d.value),
                crate::english::date::english_date(d.value)
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::HumanLang;

    #[test]
    fn names_province_partner_country_documents_and_date() {
        let src = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/valid/chiangmai-kunming.yaml"
        ))
        .unwrap_or_default();
        let l = check_bytes(&src, Some("chiangmai-kunming"));
        let d = l.descriptor.expect("decodes");
        let en = understood(&d, HumanLang::En).join("\n");
        assert!(
            en.contains("Thai side: Chiang Mai Province (จังหวัดเชียงใหม่)"),
            "{en}"
        );
        assert!(en.contains("partner: Kunming (นครคุนหมิง)"), "{en}");
        assert!(
            en.contains("country: CN = China (สาธารณรัฐประชาชนจีน)"),
            "{en}"
        );
        assert!(
            en.contains("documents: Letter of Intent (LOI), MOU"),
            "{en}"
        );
        assert!(
            en.contains("signing date: 15 March 2026 (15 มีนาคม พ.ศ. 2569)"),
            "{en}"
        );
        let th = understood(&d, HumanLang::Th).join("\n");
        assert!(
            th.contains("ประเทศ: CN = สาธารณรัฐประชาชนจีน (China)"),
            "{th}"
        );
        // "CH" is Switzerland, and says so.
        let ch = String::from_utf8_lossy(&src).replace("country: CN", "country: CH");
        let l = check_bytes(ch.as_bytes(), Some("x"));
        let d = l.descriptor.expect("decodes");
        assert!(understood(&d, HumanLang::En)
            .join("\n")
            .contains("country: CH = Switzerland"));
    }
}
