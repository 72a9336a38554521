//! DATA-GLYPH: text the PDF cannot show. The bundled PDF fonts (Sarabun)
//! cover Thai and Latin (with Vietnamese); a name written in Chinese, Lao or
//! Khmer script would print as boxes, which PDF/A forbids, so `render` would
//! fail on the PDF. Reported before rendering, with the characters named.

use super::RuleInfo;
use crate::descriptor::{format, Descriptor};
use crate::diagnostic::{Diagnostic, Msg, Severity};

pub const RULE: RuleInfo = RuleInfo {
    id: "DATA-GLYPH",
    severity: Severity::Warning,
    guideline: "-",
    title_th: "มีอักขระที่แสดงใน PDF ไม่ได้",
    title_en: "Characters the PDF cannot show",
    explanation_en: "A text uses characters the bundled PDF font has no glyph for (e.g. Chinese characters in a name). The DOCX is fine; the PDF cannot be written until the text uses Thai or Latin script.",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let mut texts: Vec<&crate::descriptor::model::Bilingual> = desc.user_texts();
    texts.extend(&desc.thai_side.signatory_name);
    texts.extend(&desc.partner.signatory_name);
    let mut plain: Vec<(String, &crate::descriptor::model::At<String>)> = Vec::new();
    for b in texts {
        plain.push((format!("{}.th", b.path), &b.th));
        plain.push((format!("{}.en", b.path), &b.en));
    }
    if let Some(p) = &desc.proposal {
        plain.extend(p.texts().into_iter().map(|(l, t)| (l.to_string(), t)));
    }
    for (path, text) in plain {
        let Ok(missing) = crate::fonts::unsupported_chars(&text.value) else {
            continue;
        };
        if missing.is_empty() {
            continue;
        }
        let (field_th, field_en) = format::field_name(&path);
        out.push(
            Diagnostic::warning(
                RULE.id,
                Some(text.pos),
                Msg::new(
                    format!("{field_th} มีตัวอักษรที่แบบอักษรของไฟล์ PDF ไม่มี จึงแสดงใน PDF ไม่ได้: {missing}"),
                    format!("{field_en} has characters the PDF font cannot show: {missing}"),
                ),
            )
            .with_hint(Msg::new(
                "เขียนข้อความนี้เป็นอักษรไทยหรืออักษรโรมัน (ไฟล์ Word ใช้อักษรเดิมได้ตามปกติ ถ้าต้องการเฉพาะไฟล์ Word ให้สร้างด้วย “--format docx”)",
                "write it in Thai or Latin script (the Word file can keep these characters: for Word only, render with `--format docx`)",
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{diagnostics, fires, with, BASE};

    #[test]
    fn chinese_characters_in_a_name_warn() {
        let y = with(
            "name: {en: Mr. Example Name, th: นายตัวอย่าง}",
            "name: {en: Mr. Example Name 刘, th: นายตัวอย่าง}",
        );
        let d: Vec<_> = diagnostics(&y)
            .into_iter()
            .filter(|d| d.rule == "DATA-GLYPH")
            .collect();
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.en.contains('刘'));
    }

    #[test]
    fn thai_latin_and_vietnamese_do_not_warn() {
        assert!(!fires("DATA-GLYPH", BASE));
        let y = with(
            "place: {en: Kunming, th: นครคุนหมิง}",
            "place: {en: \"Quảng Bình, Đồng Hới – “Việt Nam”\", th: จังหวัดกว๋างบิ่ญ ๑๒๓}",
        );
        assert!(!fires("DATA-GLYPH", &y));
    }
}
