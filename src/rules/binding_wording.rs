//! MFA-12 (guideline 12): no wording that creates obligations under
//! international law, in any text the user supplies.
//!
//! English terms match as whole words, case-insensitively. Thai terms match
//! only where both ends of the occurrence fall on word boundaries from the
//! project's Thai segmenter (`thai::segment`: the LSTM model, or the
//! dictionary model as a second opinion), so "สัญญาณ" (signal) never fires
//! for "สัญญา" (contract). `find` is also used on text added to a draft.

use super::RuleInfo;
use crate::descriptor::model::At;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::position::Pos;
use crate::thai::segment;

pub const RULE: RuleInfo = RuleInfo {
    id: "MFA-12",
    severity: Severity::Error,
    guideline: "12",
    title_th: "ห้ามใช้ถ้อยคำที่ก่อให้เกิดความผูกพันตามกฎหมายระหว่างประเทศ",
    title_en: "No wording binding under international law",
    explanation_en: "Terms such as shall, must, obligation, binding, Party, treaty, enter into force (error) or Article, authentic, done at (warning), and Thai พันธกรณี, ผูกพัน, คู่สัญญา, สนธิสัญญา, สัญญา (error) or ต้อง, มีผลใช้บังคับ (warning) must not appear in user-supplied text; the hint gives the non-binding replacement.",
};

/// One term of the list: how it is written, how bad it is, what to write instead.
pub struct Term {
    pub text: &'static str,
    pub severity: Severity,
    pub replace_th: &'static str,
    pub replace_en: &'static str,
}

const fn strong(text: &'static str, replace_th: &'static str, replace_en: &'static str) -> Term {
    Term {
        text,
        severity: Severity::Error,
        replace_th,
        replace_en,
    }
}
const fn weak(text: &'static str, replace_th: &'static str, replace_en: &'static str) -> Term {
    Term {
        text,
        severity: Severity::Warning,
        replace_th,
        replace_en,
    }
}

/// English terms (whole words, case-insensitive; longest listed first so that
/// "legally binding" is reported rather than "binding").
pub const ENGLISH: &[Term] = &[
    strong("rights and obligations", "ตัดออก", "remove"),
    strong("legally binding", "ตัดออก", "remove"),
    strong(
        "entry into force",
        "ใช้ \"come into effect\"",
        "come into effect",
    ),
    strong(
        "enter into force",
        "ใช้ \"come into effect\"",
        "come into effect",
    ),
    strong(
        "enters into force",
        "ใช้ \"come into effect\"",
        "come into effect",
    ),
    strong(
        "hereby agree",
        "ใช้ \"decide\" หรือ \"have reached the following understanding\"",
        "decide / have reached the following understanding",
    ),
    strong("agree to", "ใช้ \"decide\" หรือ \"will\"", "decide / will"),
    strong("agrees to", "ใช้ \"decides\" หรือ \"will\"", "decides / will"),
    strong("shall", "ใช้ \"will\"", "will"),
    strong("must", "ใช้ \"will\"", "will"),
    strong(
        "obligations",
        "ใช้ \"commitments\" หรือ \"will\"",
        "commitments / will",
    ),
    strong(
        "obligation",
        "ใช้ \"commitment\" หรือ \"will\"",
        "commitment / will",
    ),
    strong("obligated", "ใช้ \"will\"", "will"),
    strong("obligate", "ใช้ \"will\"", "will"),
    strong("binding", "ตัดออก", "remove"),
    strong("undertakes", "ใช้ \"will\"", "will"),
    strong("undertake", "ใช้ \"will\"", "will"),
    strong(
        "parties",
        "ใช้ \"Participants\" หรือ \"sides\"",
        "Participants / sides",
    ),
    strong(
        "party",
        "ใช้ \"Participant\" หรือ \"side\"",
        "Participant / side",
    ),
    strong("treaty", "ใช้ \"memorandum\"", "memorandum"),
    strong("liability", "ตัดออก", "remove"),
    strong("liable", "ตัดออก", "remove"),
    strong("penalty", "ตัดออก", "remove"),
    strong("damages", "ตัดออก", "remove"),
    strong("compensation", "ตัดออก", "remove"),
    strong("arbitration", "ตัดออก", "remove"),
    strong("jurisdiction", "ตัดออก", "remove"),
    strong("guarantees", "ตัดออก", "remove"),
    strong("guarantee", "ตัดออก", "remove"),
    weak("in witness whereof", "ตัดออก", "remove"),
    weak("done at", "ใช้ \"signed at\"", "signed at"),
    weak("articles", "ใช้ \"paragraphs\"", "paragraphs"),
    weak("article", "ใช้ \"paragraph\"", "paragraph"),
    weak("authentic", "ใช้ \"equally valid\"", "equally valid"),
];

/// Thai terms (matched on segmenter word boundaries; longest first).
pub const THAI: &[Term] = &[
    strong(
        "ภาคีคู่สัญญา",
        "ใช้ \"ผู้เข้าร่วม\" หรือ \"ฝ่าย\"",
        "use ผู้เข้าร่วม (Participants) or ฝ่าย (sides)",
    ),
    strong("อนุญาโตตุลาการ", "ตัดออก", "remove"),
    strong("มีผลผูกพัน", "ตัดออก", "remove"),
    strong(
        "ข้อผูกพัน",
        "ใช้ \"ความร่วมมือ\" หรือ \"จะ\"",
        "use ความร่วมมือ or จะ",
    ),
    strong("เขตอำนาจศาล", "ตัดออก", "remove"),
    strong(
        "สนธิสัญญา",
        "ใช้ \"บันทึกความเข้าใจ\"",
        "use บันทึกความเข้าใจ (memorandum)",
    ),
    strong("คู่สัญญา", "ใช้ \"ผู้เข้าร่วม\" หรือ \"ฝ่าย\"", "use ผู้เข้าร่วม or ฝ่าย"),
    strong(
        "พันธกรณี",
        "ใช้ \"ความร่วมมือ\" หรือ \"จะ\"",
        "use ความร่วมมือ or จะ",
    ),
    strong("ค่าเสียหาย", "ตัดออก", "remove"),
    strong("บทลงโทษ", "ตัดออก", "remove"),
    strong("ผูกพัน", "ตัดออก", "remove"),
    strong("ชดใช้", "ตัดออก", "remove"),
    strong("ค่าปรับ", "ตัดออก", "remove"),
    strong(
        "สัญญา",
        "ใช้ \"บันทึกความเข้าใจ\" หรือ \"ความร่วมมือ\"",
        "use บันทึกความเข้าใจ or ความร่วมมือ",
    ),
    weak("มีผลใช้บังคับ", "ใช้ \"มีผล\"", "use มีผล (comes into effect)"),
    weak("จะต้อง", "ใช้ \"จะ\"", "use จะ (will)"),
    weak("ต้อง", "ใช้ \"จะ\"", "use จะ (will)"),
];

/// A binding term found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The term as listed.
    pub term: &'static str,
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    pub replace_th: &'static str,
    pub replace_en: &'static str,
}

/// Every binding term in `text` (English and Thai), without overlaps: where
/// two terms overlap the longer, listed first, wins.
pub fn find(text: &str) -> Vec<Finding> {
    let mut found: Vec<Finding> = Vec::new();
    let lower = text.to_ascii_lowercase();
    let is_word = |c: char| c.is_alphanumeric();
    for t in ENGLISH {
        for (i, _) in lower.match_indices(t.text) {
            let end = i + t.text.len();
            let before_ok = lower[..i].chars().next_back().is_none_or(|c| !is_word(c));
            let after_ok = lower[end..].chars().next().is_none_or(|c| !is_word(c));
            if before_ok && after_ok {
                push(&mut found, t, i, end);
            }
        }
    }
    // Segmenting is far slower than searching: segment only text that
    // contains some Thai term as a substring, then keep the bounded ones.
    if THAI.iter().any(|t| text.contains(t.text)) {
        let lstm = segment::word_boundaries(text);
        let dict = segment::dictionary_word_boundaries(text);
        let bounded = |b: &[usize], i: usize, end: usize| {
            b.binary_search(&i).is_ok() && b.binary_search(&end).is_ok()
        };
        for t in THAI {
            for (i, _) in text.match_indices(t.text) {
                let end = i + t.text.len();
                if bounded(&lstm, i, end) || bounded(&dict, i, end) {
                    push(&mut found, t, i, end);
                }
            }
        }
    }
    found.sort_by_key(|f| (f.start, f.end));
    found
}

fn push(found: &mut Vec<Finding>, t: &Term, start: usize, end: usize) {
    if found.iter().any(|f| f.start < end && start < f.end) {
        return;
    }
    found.push(Finding {
        term: t.text,
        start,
        end,
        severity: t.severity,
        replace_th: t.replace_th,
        replace_en: t.replace_en,
    });
}

/// The position of a finding inside a written value: the value's column plus
/// the characters before the term (one more when the scalar was quoted, which
/// shows as a span two characters longer than the value).
fn term_pos(text: &At<String>, f: &Finding) -> Pos {
    let quoted = text.pos.len as usize == text.value.chars().count() + 2;
    let before = text.value[..f.start].chars().count() as u32;
    Pos {
        line: text.pos.line,
        column: text.pos.column + before + u32::from(quoted),
        len: text.value[f.start..f.end].chars().count() as u32,
    }
}

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    for (label, b) in desc.user_texts() {
        for text in [&b.th, &b.en] {
            for f in find(&text.value) {
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        f.severity,
                        Some(term_pos(text, &f)),
                        Msg::new(
                            format!("`{label}` มีถ้อยคำ \"{}\" ซึ่งอาจก่อให้เกิดความผูกพันตามกฎหมายระหว่างประเทศ", &text.value[f.start..f.end]),
                            format!("`{label}` contains \"{}\", wording that can create obligations under international law", &text.value[f.start..f.end]),
                        ),
                    )
                    .with_hint(Msg::new(
                        format!("แนวทางข้อ ๑๒: {}", f.replace_th),
                        format!("guideline 12: {}", f.replace_en),
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{diagnostics, fires, with, BASE};

    fn terms(text: &str) -> Vec<&'static str> {
        find(text).into_iter().map(|f| f.term).collect()
    }

    #[test]
    fn every_english_term_fires_in_a_sentence() {
        for t in ENGLISH {
            let s = format!("The sides {} cooperate.", t.text.to_uppercase());
            assert_eq!(terms(&s), vec![t.text], "{s}");
        }
    }

    #[test]
    fn every_thai_term_fires_in_a_sentence() {
        for t in THAI {
            let s = format!("ทั้งสองฝ่าย{}ร่วมมือกัน", t.text);
            let found = terms(&s);
            assert!(found.contains(&t.text), "{s}: {found:?}");
        }
    }

    #[test]
    fn thai_terms_glued_by_one_model_still_fire() {
        assert_eq!(terms("ความร่วมมือที่มีผลผูกพันทางการค้า"), vec!["มีผลผูกพัน"]);
    }

    #[test]
    fn diagnostics_point_at_the_term() {
        let y = with(
            "fields: [trade, investment, tourism]",
            "fields: [{th: การค้า, en: trade we shall do}]",
        );
        let d: Vec<_> = diagnostics(&y)
            .into_iter()
            .filter(|d| d.rule == "MFA-12")
            .collect();
        let line = y
            .lines()
            .nth(d[0].pos.map(|p| p.line as usize - 1).unwrap_or(0))
            .unwrap_or("");
        let p = d[0].pos.expect("pos");
        let shown: String = line
            .chars()
            .skip(p.column as usize - 1)
            .take(p.len as usize)
            .collect();
        assert_eq!(shown, "shall");
    }

    #[test]
    fn longest_term_wins() {
        assert_eq!(terms("a legally binding text"), vec!["legally binding"]);
        assert_eq!(terms("ภาคีคู่สัญญาทั้งสองฝ่าย"), vec!["ภาคีคู่สัญญา"]);
    }

    #[test]
    fn words_that_merely_contain_a_term_do_not_fire() {
        for s in [
            "ระบบสัญญาณไฟจราจร",
            "ภาคีเครือข่ายการท่องเที่ยว",
            "ความต้องการของประชาชน",
            "Partying in Kunming",
            "mustard production",
            "particle physics",
            "shallow water fisheries",
            "guaranteed-free zone",
        ] {
            assert!(terms(s).is_empty(), "{s}: {:?}", terms(s));
        }
    }

    #[test]
    fn fires_on_user_fields_with_severity() {
        let y = with(
            "fields: [trade, investment, tourism]",
            "fields: [trade, {th: การค้าที่มีผลผูกพัน, en: binding trade obligations}]",
        );
        let d: Vec<_> = diagnostics(&y)
            .into_iter()
            .filter(|d| d.rule == "MFA-12")
            .collect();
        assert!(d.len() >= 2, "{d:#?}");
        assert!(d.iter().all(|d| d.severity == Severity::Error));
        let w = with(
            "title: {en: Mayor of Kunming, th: นายกเทศมนตรีนครคุนหมิง}",
            "title: {en: Mayor (Article 5), th: นายกเทศมนตรี}",
        );
        let d: Vec<_> = diagnostics(&w)
            .into_iter()
            .filter(|d| d.rule == "MFA-12")
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn silent_on_the_base_descriptor() {
        assert!(!fires("MFA-12", BASE));
    }
}
