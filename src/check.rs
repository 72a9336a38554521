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
pub fn understood(desc: &crate::descriptor::Descriptor, lang: crate::lang::Lang) -> Vec<String> {
    use crate::descriptor::model::DocKind;
    use crate::lang::Lang::{En, Th};
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
                (DocKind::Package(_), _) => None,
            })
            .collect();
        out.push(match lang {
            En => format!("documents: {}", names.join(", ")),
            Th => format!("เอกสาร: {}", names.join(" และ")),
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
                crate::thai::digits::to_thai_digits(
                    &crate::thai::buddhist_date::thai_date_official(d.value)
                ),
                crate::english::date::english_date(d.value)
            ),
        });
    }
    out
}

/// One change `fix_all` made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub rule: &'static str,
    /// Line and column of the value before the change.
    pub line: u32,
    pub column: u32,
    /// The source text replaced and what replaced it.
    pub old: String,
    pub new: String,
}

/// The result of `fix_all`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub applied: Vec<Applied>,
}

/// Applies every fix the check offers, checks again and repeats (a fix can
/// let the next value be read: the comma fix lets a field decode), until
/// nothing is left to fix or 5 rounds. Pure: the caller writes the file.
pub fn fix_all(source: &str, stem: Option<&str>) -> Fixed {
    let bom = source.starts_with('\u{feff}');
    let mut text = source.trim_start_matches('\u{feff}').to_string();
    let mut applied = Vec::new();
    for _ in 0..5 {
        let loaded = check_bytes(text.as_bytes(), stem);
        let Ok((next, done)) = crate::descriptor::fix::apply(&loaded.source, &loaded.diagnostics)
        else {
            break;
        };
        if done.is_empty() || loaded.source != text {
            break;
        }
        for d in &done {
            let Some(f) = &d.fix else { continue };
            applied.push(Applied {
                rule: d.rule,
                line: d.pos.map(|p| p.line).unwrap_or(0),
                column: d.pos.map(|p| p.column).unwrap_or(0),
                old: text[f.start..f.end].to_string(),
                new: f.replacement.clone(),
            });
        }
        text = next;
    }
    if bom {
        text.insert(0, '\u{feff}');
    }
    Fixed { text, applied }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn names_province_partner_country_documents_and_date() {
        let src = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/valid/chiangmai-kunming.yaml"
        ))
        .unwrap_or_default();
        let l = check_bytes(&src, Some("chiangmai-kunming"));
        let d = l.descriptor.expect("decodes");
        let en = understood(&d, Lang::En).join("\n");
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
        let th = understood(&d, Lang::Th).join("\n");
        assert!(
            th.contains("ประเทศ: CN = สาธารณรัฐประชาชนจีน (China)"),
            "{th}"
        );
        // "CH" is Switzerland, and says so.
        let ch = String::from_utf8_lossy(&src).replace("country: CN", "country: CH");
        let l = check_bytes(ch.as_bytes(), Some("x"));
        let d = l.descriptor.expect("decodes");
        assert!(understood(&d, Lang::En)
            .join("\n")
            .contains("country: CH = Switzerland"));
    }

    #[test]
    fn fix_all_leaves_a_file_that_checks_clean_with_its_comments() {
        let src = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/valid/chiangmai-kunming.yaml"
        ))
        .unwrap_or_default()
        .replace("  date: 2026-03-15", "  date: 2569-03-15 # B.E. as typed")
        .replace("th: นครคุนหมิง}\n  unit", "th: \"นครคุนหม\u{0e34}\u{200b}ง\"}\n  unit")
        .replace(
            "{th: เกษตรอัจฉริยะ, en: smart agriculture}",
            "{th: การจัดการน\u{0e4d}\u{0e49}\u{0e32}, en: meetings, incentives, conventions and exhibitions (MICE)}",
        );
        let before = check_bytes(src.as_bytes(), Some("chiangmai-kunming"));
        let rules: Vec<_> = before.diagnostics.iter().map(|d| d.rule).collect();
        for r in ["DATA-DATE-BE", "DATA-NORMALIZE", "SCHEMA-COMMA"] {
            assert!(rules.contains(&r), "{r} in {rules:?}");
        }
        let fixed = fix_all(&src, Some("chiangmai-kunming"));
        assert!(fixed.applied.len() >= 4, "{:#?}", fixed.applied);
        let after = check_bytes(fixed.text.as_bytes(), Some("chiangmai-kunming"));
        let left: Vec<_> = after
            .diagnostics
            .iter()
            .filter(|d| !d.rule.starts_with("REG-"))
            .collect();
        assert!(left.is_empty(), "{left:#?}\n{}", fixed.text);
        assert!(fixed.text.contains("  date: 2026-03-15 # B.E. as typed\n"));
        assert!(fixed.text.starts_with("# Chiang Mai - Kunming"));
        assert!(fixed
            .text
            .contains("en: \"meetings, incentives, conventions and exhibitions (MICE)\"}"));
        assert!(fixed.text.contains("การจัดการน้ำ"));
        assert_eq!(fixed.text.lines().count(), src.lines().count());
    }
}
