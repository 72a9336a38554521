//! The MFA/MOI rules a descriptor is checked against (`shared/spec/rules.md`).
//!
//! One module per rule, each exposing `RULE` (its catalogue entry) and
//! `check(&Descriptor, &mut Vec<Diagnostic>)`. Rules do no I/O and never stop
//! early: every rule runs on every descriptor, on whatever part of the model
//! could be decoded. DATA-* and SCHEMA-* problems are found while decoding
//! (`descriptor::decode`) and are catalogued here so `sisterdoc rules` lists
//! them too.

pub mod binding_wording;
pub mod draft_deviation;
pub mod existing_in_country;
pub mod existing_pair;
pub mod explanations_th;
pub mod fiscal_year;
pub mod instrument_title;
pub mod one_china;
pub mod partner_level;
pub mod plan_coverage;
pub mod printable_text;
pub mod proposal_complete;
pub mod relationship_name;
pub mod signatory_rank;
pub mod termination;

use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Severity};

/// A catalogue entry: what a rule checks and why.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    pub id: &'static str,
    /// The usual severity (some rules have a weaker variant: MFA-12 weak terms, MOU-5 unusual periods).
    pub severity: Severity,
    /// Guideline number in the 2018 Cabinet-approved guidelines, or "-" .
    pub guideline: &'static str,
    pub title_th: &'static str,
    pub title_en: &'static str,
    pub explanation_en: &'static str,
}

/// Runs every rule on a decoded descriptor.
pub fn check(desc: &Descriptor) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    partner_level::check(desc, &mut out);
    relationship_name::check(desc, &mut out);
    signatory_rank::check(desc, &mut out);
    binding_wording::check(desc, &mut out);
    termination::check(desc, &mut out);
    instrument_title::check(desc, &mut out);
    existing_pair::check(desc, &mut out);
    existing_in_country::check(desc, &mut out);
    printable_text::check(desc, &mut out);
    one_china::check(desc, &mut out);
    proposal_complete::check(desc, &mut out);
    plan_coverage::check(desc, &mut out);
    fiscal_year::check(desc, &mut out);
    out
}

const fn data(id: &'static str, th: &'static str, en: &'static str, ex: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        severity: Severity::Error,
        guideline: "-",
        title_th: th,
        title_en: en,
        explanation_en: ex,
    }
}

/// Where a rule comes from, as `sisterdoc rules` prints it: "guideline 9" /
/// "แนวทางข้อ ๙", the standard MOU's clause, or nothing for format checks.
pub fn source_label(guideline: &str, lang: crate::lang::Lang) -> String {
    use crate::lang::Lang::{En, Th};
    if guideline == "-" || guideline.is_empty() {
        return String::new();
    }
    if let Some(clause) = guideline.strip_prefix("MOU clause ") {
        return match lang {
            En => format!("standard MOU clause {clause}"),
            Th => format!(
                "ร่างบันทึกความเข้าใจมาตรฐาน ข้อ {}",
                crate::thai::digits::to_thai_digits(clause)
            ),
        };
    }
    match lang {
        En => format!("guideline {guideline}"),
        Th => format!(
            "แนวทางข้อ {}",
            crate::thai::digits::to_thai_digits(guideline)
        ),
    }
}

/// Every rule ID a diagnostic can carry, in catalogue order.
pub fn catalogue() -> Vec<RuleInfo> {
    vec![
        partner_level::RULE,
        relationship_name::RULE,
        signatory_rank::RULE,
        binding_wording::RULE,
        termination::RULE,
        instrument_title::RULE,
        existing_pair::RULE,
        existing_in_country::RULE,
        printable_text::RULE,
        one_china::RULE,
        draft_deviation::RULE,
        proposal_complete::RULE,
        plan_coverage::RULE,
        fiscal_year::RULE,
        data("DATA-PROVINCE", "ไม่พบชื่อจังหวัด", "Unknown Thai province", "The Thai side must be one of the 76 provinces or Bangkok, written in Thai or English; the hint names the closest one."),
        data("DATA-COUNTRY", "ไม่รู้จักรหัสประเทศ", "Unknown country code", "partner.country must be an ISO 3166-1 alpha-2 code from the built-in table."),
        data("DATA-LANGUAGE", "ไม่รู้จักรหัสภาษา", "Unknown language code", "partner.language must be a known BCP 47 code (its primary subtag is used)."),
        data("DATA-FIELD", "ไม่รู้จักสาขาความร่วมมือ", "Unknown cooperation field", "Cooperation fields are built-in keys (trade, tourism, ...) or {th, en} texts."),
        data("DATA-RELATIONSHIP", "ไม่รู้จักชื่อความสัมพันธ์", "Unknown relationship key", "A bare relationship name must be one of the MFA-2 keys; anything else is written {th, en} (and gets MFA-2)."),
        data("DATA-POSITION", "ไม่รู้จักตำแหน่ง", "Unknown position key", "A bare position must be governor, vice-governor, deputy-permanent-secretary or mayor; anything else is written {th, en}."),
        data("DATA-DATE", "วันที่ไม่มีอยู่จริง", "Invalid date", "signing.date must be a real date written YYYY-MM-DD (Common Era)."),
        data("DATA-DATE-BE", "ปีของวันที่ลงนามเป็น พ.ศ.", "Buddhist Era year in the signing date", "signing.date is written YYYY-MM-DD in the Common Era; a year of 2400 or later can only be a Buddhist Era year, so the hint and the fix give the CE date. Thai written dates (15 มีนาคม 2569) are read as B.E. and accepted."),
        data("DATA-ID", "ชื่อไฟล์ผลลัพธ์ (id) ใช้ไม่ได้", "Unusable id", "The id (or the file stem when id is absent) names output files: [a-z0-9-]+ only, so no '..' or '/'."),
        data("SCHEMA-SYNTAX", "รูปแบบของไฟล์ไม่ถูกต้อง", "YAML syntax error", "The file is not valid YAML; the position of the first syntax error is given."),
        data("SCHEMA-COMMA", "ข้อความในวงเล็บปีกกาถูกตัดที่จุลภาค", "Text cut at a comma inside { }", "Inside { } a comma ends a value: `en: meetings, incentives` reads `meetings` and a key `incentives`. The text is read as meant and the fix puts it in quotes."),
        data("SCHEMA-LIMIT", "ไฟล์มีการอ้างอิงซ้อนกันเกินขีดจำกัด", "YAML limits exceeded", "Too many aliases, anchors or nodes (e.g. a 'billion laughs' alias bomb): refused before expansion."),
        data("SCHEMA-SIZE", "ไฟล์ใหญ่เกินไป", "File too large", "Descriptors over 1 MiB are refused without being read."),
        data("SCHEMA-ENCODING", "ไฟล์ไม่ใช่ UTF-8", "Not UTF-8", "Descriptors are UTF-8 text (a BOM is accepted)."),
        data("SCHEMA-EMPTY", "ไฟล์ว่าง", "Empty file", "The file holds no YAML document."),
        data("SCHEMA-VERSION", "รุ่นของรูปแบบไฟล์ไม่ถูกต้อง", "Unsupported version", "version must be 1."),
        data("SCHEMA-TYPE", "ชนิดข้อมูลไม่ถูกต้อง", "Wrong type", "A value has the wrong YAML type (text, list, mapping, true/false)."),
        data("SCHEMA-MISSING", "ขาดหัวข้อที่ต้องมี", "Missing required key", "A required key is absent; the hint shows what to add."),
        data("SCHEMA-UNKNOWN", "หัวข้อที่ไม่รู้จัก", "Unknown key", "Keys not in the descriptor format are errors (never silently ignored), with a did-you-mean hint."),
        data("SCHEMA-PLACEHOLDER", "ยังไม่ได้กรอกข้อมูล", "Placeholder not filled", "A value written by `sisterdoc new` as <...> has not been replaced with real data."),
        data("SCHEMA-VALUE", "ค่าไม่อยู่ในตัวเลือก", "Value not allowed", "A value is not one of the allowed choices or not in the expected form (e.g. '6 months')."),
        data(BUILD_DUPLICATE_ID, "ชื่อไฟล์ผลลัพธ์ (id) ซ้ำกับไฟล์อื่น", "Duplicate id", "Two descriptors in one build have the same id (their outputs would overwrite each other); both files are named."),
        data(BUILD_STALE, "ไฟล์ผลลัพธ์ไม่เป็นปัจจุบัน", "Stale output", "`build --check`: an output is missing, edited, extra, or was made by other templates, fonts or tool version."),
        data(BUILD_RENDER, "สร้างเอกสารไม่สำเร็จ", "Rendering failed", "A descriptor passed the rules but a writer refused it (e.g. characters the bundled PDF font has no glyph for)."),
        data(IO, "อ่านหรือเขียนไฟล์ไม่ได้", "File error", "A file could not be read or written; the message names it."),
        RuleInfo {
            id: "DATA-NORMALIZE",
            severity: Severity::Warning,
            guideline: "-",
            title_th: "ตัวอักษรไทยพิมพ์ในลำดับที่ไม่เป็นมาตรฐาน",
            title_en: "Thai typed in a non-standard order",
            explanation_en: "SARA AM typed as NIKHAHIT + SARA AA, a tone mark before an upper vowel, doubled marks, zero-width or no-break spaces: the text looks right but is stored differently. The drafts use the normalized text; the fix corrects the file.",
        },
        RuleInfo {
            id: "SCHEMA-LANG",
            severity: Severity::Warning,
            guideline: "-",
            title_th: "ภาษาของข้อความไม่ตรงกับหัวข้อ",
            title_en: "Text in the wrong language",
            explanation_en: "A `th:` text without Thai script, or an `en:` text with Thai script.",
        },
    ]
}

/// Rule ID: two descriptors of one build have the same id (`batch::plan`).
pub const BUILD_DUPLICATE_ID: &str = "BUILD-DUPLICATE-ID";
/// Rule ID: `build --check` found an output out of date (`batch::report`).
pub const BUILD_STALE: &str = "BUILD-STALE";
/// Rule ID: a writer refused a descriptor that passed the rules (`batch::report`).
pub const BUILD_RENDER: &str = "BUILD-RENDER";
/// Rule ID: a file could not be read or written.
pub const IO: &str = "IO";

#[cfg(test)]
pub mod testing;

#[cfg(test)]
mod catalogue_tests {
    use super::{BUILD_DUPLICATE_ID, BUILD_RENDER, BUILD_STALE, IO};

    #[test]
    fn ids_are_unique_and_cover_every_emitter() {
        let cat = super::catalogue();
        let ids: std::collections::BTreeSet<&str> = cat.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), cat.len(), "duplicate rule IDs");
        for id in [
            BUILD_DUPLICATE_ID,
            IO,
            BUILD_STALE,
            BUILD_RENDER,
            "SCHEMA-PLACEHOLDER",
            "REG-1",
            "REG-2",
        ] {
            assert!(ids.contains(id), "{id} missing from the catalogue");
        }
        for r in &cat {
            assert!(
                super::explanations_th::explanation_th(r.id)
                    .is_some_and(crate::thai::segment::has_thai),
                "{}: Thai explanation (rules/explanations_th.rs)",
                r.id
            );
            assert!(
                !r.title_th.is_empty() && !r.title_en.is_empty() && !r.explanation_en.is_empty(),
                "{}",
                r.id
            );
            assert!(
                crate::thai::segment::has_thai(r.title_th),
                "{}: Thai title",
                r.id
            );
        }
    }
}
