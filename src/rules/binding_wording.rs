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
use crate::descriptor::{fix, format, Descriptor};
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::position::Pos;
use crate::thai::segment;

pub const RULE: RuleInfo = RuleInfo {
    id: "MFA-12",
    severity: Severity::Error,
    guideline: "12",
    title_th: "ห้ามใช้ถ้อยคำที่ก่อให้เกิดความผูกพันตามกฎหมายระหว่างประเทศ",
    title_en: "No wording binding under international law",
    explanation_en: "Treaty wording makes a letter of intent or memorandum read as an agreement legally binding under international law, which guideline 12 rules out for sister-city documents. Terms such as shall, must, obligation, binding, Party, treaty, enter into force (error) or Article, authentic, done at (warning), and Thai พันธกรณี, ผูกพัน, คู่สัญญา, สนธิสัญญา, สัญญา (error) or ต้อง, มีผลใช้บังคับ (warning) must not appear in the texts staff write; each message names the field, and the hint says what to write instead; where there is one right replacement (shall → will, enter into force → come into effect, จะต้อง → จะ), check --fix writes it.",
};

/// One term of the list: how it is written, how bad it is, and what to
/// write instead, as a whole sentence for staff (never a bare "remove":
/// where the phrase should go, the hint says what the sentence reads as
/// without it).
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
    strong(
        "rights and obligations",
        "ลบวลี “rights and obligations” ออก แล้วบอกสิ่งที่ทั้งสองฝ่ายจะทำร่วมกันแทน เช่น “the rights and obligations of the Participants” เขียนเป็น “the cooperation between the Participants”",
        "delete “rights and obligations” and say what the sides will do together: “the rights and obligations of the Participants” reads well as “the cooperation between the Participants”",
    ),
    strong(
        "legally binding",
        "ลบคำว่า “legally binding” ออก ข้อความที่เหลือยังได้ความครบ เช่น “a legally binding plan” เขียนเป็น “a plan”",
        "delete “legally binding” and keep the rest: “a legally binding plan” reads well as “a plan”",
    ),
    strong(
        "entry into force",
        "เขียน “coming into effect” แทน “entry into force” (ร่างมาตรฐานใช้ “will come into effect”)",
        "write “coming into effect” instead of “entry into force” (the standard text says “will come into effect”)",
    ),
    strong(
        "enter into force",
        "เขียน “come into effect” แทน “enter into force” ตามร่างมาตรฐาน",
        "write “come into effect” instead of “enter into force”, as the standard text does",
    ),
    strong(
        "enters into force",
        "เขียน “comes into effect” แทน “enters into force” ตามร่างมาตรฐาน",
        "write “comes into effect” instead of “enters into force”, as the standard text does",
    ),
    strong(
        "hereby agree",
        "เขียน “have reached the following understandings” (ถ้อยคำของร่างมาตรฐาน) หรือ “have decided” แทน “hereby agree”",
        "write “have reached the following understandings” (the standard text's words) or “have decided” instead of “hereby agree”",
    ),
    strong(
        "agree to",
        "เขียน “will” แทน “agree to” เช่น “agree to exchange visits” เขียนเป็น “will exchange visits”",
        "write “will” instead of “agree to”: “agree to exchange visits” becomes “will exchange visits”",
    ),
    strong(
        "agrees to",
        "เขียน “will” แทน “agrees to” เช่น “agrees to host” เขียนเป็น “will host”",
        "write “will” instead of “agrees to”: “agrees to host” becomes “will host”",
    ),
    strong(
        "shall",
        "เขียน “will” แทน “shall” (ร่างมาตรฐานใช้ “will” ทุกข้อ)",
        "write “will” instead of “shall” (the standard text uses “will” throughout)",
    ),
    strong(
        "must",
        "เขียน “will” แทน “must” เช่น “must report” เขียนเป็น “will report”",
        "write “will” instead of “must”: “must report” becomes “will report”",
    ),
    strong(
        "obligations",
        "ไม่เขียนเป็นหน้าที่ ให้บอกสิ่งที่จะทำด้วย “will” เช่น “obligations to exchange information” เขียนเป็น “will exchange information”",
        "do not write duties: say what the sides will do with “will”: “obligations to exchange information” becomes “will exchange information”",
    ),
    strong(
        "obligation",
        "ไม่เขียนเป็นหน้าที่ ให้บอกสิ่งที่จะทำด้วย “will” เช่น “an obligation to report” เขียนเป็น “will report”",
        "do not write a duty: say what the side will do with “will”: “an obligation to report” becomes “will report”",
    ),
    strong(
        "obligated",
        "เขียน “will” แทน เช่น “are obligated to exchange” เขียนเป็น “will exchange”",
        "write “will” instead: “are obligated to exchange” becomes “will exchange”",
    ),
    strong(
        "obligate",
        "เขียน “will” แทน เช่น “obligate themselves to promote” เขียนเป็น “will promote”",
        "write “will” instead: “obligate themselves to promote” becomes “will promote”",
    ),
    strong(
        "binding",
        "ลบคำว่า “binding” ออก ข้อความที่เหลือยังได้ความครบ เช่น “binding trade cooperation” เขียนเป็น “trade cooperation”",
        "delete “binding” and keep the rest: “binding trade cooperation” reads well as “trade cooperation”",
    ),
    strong(
        "undertakes",
        "เขียน “will” แทน “undertakes” เช่น “undertakes to promote” เขียนเป็น “will promote”",
        "write “will” instead of “undertakes”: “undertakes to promote” becomes “will promote”",
    ),
    strong(
        "undertake",
        "เขียน “will” แทน “undertake” เช่น “undertake to promote” เขียนเป็น “will promote”",
        "write “will” instead of “undertake”: “undertake to promote” becomes “will promote”",
    ),
    strong(
        "parties",
        "เขียน “Participants” (คำที่ร่างมาตรฐานใช้) หรือ “two sides” แทน “Parties”",
        "write “Participants” (the standard text's word) or “two sides” instead of “Parties”",
    ),
    strong(
        "party",
        "เขียน “Participant” (คำที่ร่างมาตรฐานใช้) หรือ “side” แทน “Party”",
        "write “Participant” (the standard text's word) or “side” instead of “Party”",
    ),
    strong(
        "treaty",
        "เขียน “memorandum of understanding” แทน “treaty” ถ้าหมายถึงเอกสารนี้ หรือ “cooperation” ถ้าหมายถึงความร่วมมือ",
        "write “memorandum of understanding” instead of “treaty” for this document, or “cooperation” for what the sides do",
    ),
    strong(
        "liability",
        "ลบเรื่องความรับผิดออก บันทึกความเข้าใจไม่กำหนดความรับผิดทางกฎหมาย ถ้าต้องการพูดถึงค่าใช้จ่าย ให้เขียน “each side will bear its own costs”",
        "delete the liability: a memorandum sets none. If costs are meant, write “each side will bear its own costs”",
    ),
    strong(
        "liable",
        "ลบเรื่องความรับผิดออก บันทึกความเข้าใจไม่กำหนดความรับผิดทางกฎหมาย ถ้าต้องการพูดถึงค่าใช้จ่าย ให้เขียน “each side will bear its own costs”",
        "delete the liability: a memorandum sets none. If costs are meant, write “each side will bear its own costs”",
    ),
    strong(
        "penalty",
        "ลบเรื่องบทลงโทษออก บันทึกความเข้าใจไม่มีบทลงโทษ ให้ข้อความบอกเพียงสิ่งที่ทั้งสองฝ่ายจะร่วมกันทำ เช่น “the Participants will monitor the results together”",
        "delete the penalty: a memorandum has none. Let the text say only what the sides will do together, e.g. “the Participants will monitor the results together”",
    ),
    strong(
        "damages",
        "ลบเรื่องค่าเสียหายออก ถ้าต้องการพูดถึงค่าใช้จ่าย ให้เขียน “each side will bear its own costs”",
        "delete the damages. If costs are meant, write “each side will bear its own costs”",
    ),
    strong(
        "compensation",
        "ลบเรื่องการชดใช้ออก ถ้าต้องการพูดถึงค่าใช้จ่าย ให้เขียน “each side will bear its own costs”",
        "delete the compensation. If costs are meant, write “each side will bear its own costs”",
    ),
    strong(
        "arbitration",
        "ลบเรื่องอนุญาโตตุลาการออก ถ้าต้องการพูดถึงความเห็นที่ต่างกัน ให้เขียน “the Participants will consult each other” ตามร่างมาตรฐานข้อ ๔",
        "delete the arbitration. For differences of view, write “the Participants will consult each other”, as clause 4 of the standard text does",
    ),
    strong(
        "jurisdiction",
        "ลบเรื่องเขตอำนาจศาลออก ถ้าต้องการพูดถึงความเห็นที่ต่างกัน ให้เขียน “the Participants will consult each other” ตามร่างมาตรฐานข้อ ๔",
        "delete the jurisdiction. For differences of view, write “the Participants will consult each other”, as clause 4 of the standard text does",
    ),
    strong(
        "guarantees",
        "เขียน “will promote” หรือ “will support” แทน “guarantees” เช่น “guarantees funding” เขียนเป็น “will support funding”",
        "write “will promote” or “will support” instead of “guarantees”: “guarantees funding” becomes “will support funding”",
    ),
    strong(
        "guarantee",
        "เขียน “promote” หรือ “support” แทน “guarantee” เช่น “shall guarantee access” เขียนเป็น “will support access”",
        "write “promote” or “support” instead of “guarantee”: “guarantee access” becomes “support access”",
    ),
    weak(
        "in witness whereof",
        "ลบวลี “In witness whereof” ออก ร่างมาตรฐานขึ้นต้นข้อความลงนามว่า “Signed in duplicate at ...”",
        "delete “In witness whereof”: the standard text's signing line begins “Signed in duplicate at ...”",
    ),
    weak(
        "done at",
        "เขียน “signed at” แทน “done at” ตามร่างมาตรฐาน",
        "write “signed at” instead of “done at”, as the standard text does",
    ),
    weak(
        "articles",
        "เขียน “paragraphs” แทน “Articles” (ร่างมาตรฐานเรียกเป็นข้อ ไม่ใช่ Article)",
        "write “paragraphs” instead of “Articles” (the standard text has numbered paragraphs, not Articles)",
    ),
    weak(
        "article",
        "เขียน “paragraph” แทน “Article” (ร่างมาตรฐานเรียกเป็นข้อ ไม่ใช่ Article)",
        "write “paragraph” instead of “Article” (the standard text has numbered paragraphs, not Articles)",
    ),
    weak(
        "authentic",
        "เขียน “equally valid” แทน “authentic”",
        "write “equally valid” instead of “authentic”",
    ),
];

/// Thai terms (matched on segmenter word boundaries; longest first).
pub const THAI: &[Term] = &[
    strong(
        "ภาคีคู่สัญญา",
        "เขียน “ทั้งสองฝ่าย” หรือ “ผู้เข้าร่วม” (คำที่ร่างมาตรฐานใช้) แทน “ภาคีคู่สัญญา”",
        "write ทั้งสองฝ่าย (the two sides) or ผู้เข้าร่วม (the Participants, the standard text's word) instead",
    ),
    strong(
        "อนุญาโตตุลาการ",
        "ลบเรื่องอนุญาโตตุลาการออก ถ้าต้องการพูดถึงความเห็นที่ต่างกัน ให้เขียน “ทั้งสองฝ่ายจะปรึกษาหารือกัน” ตามร่างมาตรฐานข้อ ๔",
        "delete the arbitration. For differences of view, write ทั้งสองฝ่ายจะปรึกษาหารือกัน (the two sides will consult each other), as clause 4 of the standard text does",
    ),
    strong(
        "มีผลผูกพัน",
        "ลบคำว่า “มีผลผูกพัน” (และคำว่า “ที่” ข้างหน้าถ้ามี) ออก ข้อความที่เหลือยังได้ความครบ เช่น “ความร่วมมือที่มีผลผูกพันทางการค้า” เขียนเป็น “ความร่วมมือทางการค้า”",
        "delete มีผลผูกพัน (binding), with the ที่ before it if any, and keep the rest: ความร่วมมือที่มีผลผูกพันทางการค้า reads well as ความร่วมมือทางการค้า (trade cooperation)",
    ),
    strong(
        "ข้อผูกพัน",
        "ไม่เขียนเป็นข้อผูกพัน ให้บอกสิ่งที่จะทำด้วยคำว่า “จะ” เช่น “มีข้อผูกพันที่จะแลกเปลี่ยนข้อมูล” เขียนเป็น “จะแลกเปลี่ยนข้อมูล”",
        "do not write a commitment: say what the sides will do with จะ (will): มีข้อผูกพันที่จะแลกเปลี่ยนข้อมูล becomes จะแลกเปลี่ยนข้อมูล (will exchange information)",
    ),
    strong(
        "เขตอำนาจศาล",
        "ลบเรื่องเขตอำนาจศาลออก ถ้าต้องการพูดถึงความเห็นที่ต่างกัน ให้เขียน “ทั้งสองฝ่ายจะปรึกษาหารือกัน” ตามร่างมาตรฐานข้อ ๔",
        "delete the jurisdiction. For differences of view, write ทั้งสองฝ่ายจะปรึกษาหารือกัน (the two sides will consult each other), as clause 4 of the standard text does",
    ),
    strong(
        "สนธิสัญญา",
        "เขียน “บันทึกความเข้าใจ” แทน “สนธิสัญญา”",
        "write บันทึกความเข้าใจ (memorandum of understanding) instead",
    ),
    strong(
        "คู่สัญญา",
        "เขียน “ทั้งสองฝ่าย” หรือ “ผู้เข้าร่วม” (คำที่ร่างมาตรฐานใช้) แทน “คู่สัญญา”",
        "write ทั้งสองฝ่าย (the two sides) or ผู้เข้าร่วม (the Participants, the standard text's word) instead",
    ),
    strong(
        "พันธกรณี",
        "ไม่เขียนเป็นพันธกรณี ให้บอกสิ่งที่จะทำด้วยคำว่า “จะ” เช่น “มีพันธกรณีที่จะส่งเสริมการค้า” เขียนเป็น “จะส่งเสริมการค้า”",
        "do not write a duty: say what the sides will do with จะ (will): มีพันธกรณีที่จะส่งเสริมการค้า becomes จะส่งเสริมการค้า (will promote trade)",
    ),
    strong(
        "ค่าเสียหาย",
        "ลบเรื่องค่าเสียหายออก ถ้าต้องการพูดถึงค่าใช้จ่าย ให้เขียน “แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตนเอง”",
        "delete the damages. If costs are meant, write แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตนเอง (each side will bear its own costs)",
    ),
    strong(
        "บทลงโทษ",
        "ลบเรื่องบทลงโทษออก บันทึกความเข้าใจไม่มีบทลงโทษ ให้ข้อความบอกเพียงสิ่งที่ทั้งสองฝ่ายจะร่วมกันทำ เช่น “ทั้งสองฝ่ายจะติดตามผลการดำเนินงานร่วมกัน”",
        "delete the penalty: a memorandum has none. Let the text say only what the sides will do together, e.g. “the Participants will monitor the results together”",
    ),
    strong(
        "ผูกพัน",
        "ลบคำว่า “ผูกพัน” ออก แล้วบอกสิ่งที่จะทำด้วยคำว่า “จะ” เช่น “ผูกพันที่จะส่งเสริมการท่องเที่ยว” เขียนเป็น “จะส่งเสริมการท่องเที่ยว”",
        "delete ผูกพัน (bound) and say what the sides will do with จะ (will): ผูกพันที่จะส่งเสริมการท่องเที่ยว becomes จะส่งเสริมการท่องเที่ยว (will promote tourism)",
    ),
    strong(
        "ชดใช้",
        "ลบเรื่องการชดใช้ออก ถ้าต้องการพูดถึงค่าใช้จ่าย ให้เขียน “แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตนเอง”",
        "delete the compensation. If costs are meant, write แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตนเอง (each side will bear its own costs)",
    ),
    strong(
        "ค่าปรับ",
        "ลบเรื่องค่าปรับออก บันทึกความเข้าใจไม่มีบทลงโทษ ให้ข้อความบอกเพียงสิ่งที่ทั้งสองฝ่ายจะร่วมกันทำ เช่น “ทั้งสองฝ่ายจะติดตามผลการดำเนินงานร่วมกัน”",
        "delete the fine: a memorandum has no penalties. Let the text say only what the sides will do together, e.g. “the Participants will monitor the results together”",
    ),
    strong(
        "สัญญา",
        "เขียน “บันทึกความเข้าใจ” แทน “สัญญา” ถ้าหมายถึงเอกสารนี้ หรือ “ความร่วมมือ” ถ้าหมายถึงสิ่งที่ทั้งสองฝ่ายจะทำ",
        "write บันทึกความเข้าใจ (memorandum of understanding) for this document, or ความร่วมมือ (cooperation) for what the sides will do",
    ),
    weak(
        "มีผลใช้บังคับ",
        "เขียน “มีผล” แทน “มีผลใช้บังคับ” ตามร่างมาตรฐาน (“มีผลนับแต่วันลงนาม”)",
        "write มีผล (comes into effect) instead, as the standard text does",
    ),
    weak(
        "จะต้อง",
        "เขียน “จะ” แทน “จะต้อง” เช่น “จะต้องรายงาน” เขียนเป็น “จะรายงาน”",
        "write จะ (will) instead of จะต้อง (must): จะต้องรายงาน becomes จะรายงาน",
    ),
    weak(
        "ต้อง",
        "เขียน “จะ” แทน “ต้อง” เช่น “ต้องรายงาน” เขียนเป็น “จะรายงาน”",
        "write จะ (will) instead of ต้อง (must): ต้องรายงาน becomes จะรายงาน",
    ),
];

/// The terms with one right replacement, which `check --fix` writes: the
/// same meaning without the obligation, in any sentence. ("ต้อง" has none:
/// "ไม่ต้อง" is not "ไม่จะ"; "Parties" has two.)
const FIXES: &[(&str, &str)] = &[
    ("entry into force", "coming into effect"),
    ("enter into force", "come into effect"),
    ("enters into force", "comes into effect"),
    ("shall", "will"),
    ("done at", "signed at"),
    ("articles", "paragraphs"),
    ("article", "paragraph"),
    ("authentic", "equally valid"),
    ("สนธิสัญญา", "บันทึกความเข้าใจ"),
    ("มีผลใช้บังคับ", "มีผล"),
    ("จะต้อง", "จะ"),
];

/// The one replacement of `term` as written (`written` keeps its case:
/// "Shall" gives "Will", "SHALL" gives "WILL").
fn replacement(term: &str, written: &str) -> Option<String> {
    let (_, rep) = FIXES.iter().find(|(t, _)| *t == term)?;
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    Some(
        if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
            rep.to_uppercase()
        } else if written.starts_with(|c: char| c.is_uppercase()) {
            let mut cs = rep.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        } else {
            rep.to_string()
        },
    )
}

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

/// The message: which field, which word, and why a treaty word does not
/// belong in a sister-city document.
fn message(path: &str, written: &str, severity: Severity) -> Msg {
    let (field_th, field_en) = format::field_name(path);
    match severity {
        Severity::Error => Msg::new(
            format!("{field_th} มีคำว่า “{written}” ซึ่งเป็นถ้อยคำของสนธิสัญญา ทำให้เอกสารอ่านได้ว่าเป็นความตกลงที่มีผลผูกพันตามกฎหมายระหว่างประเทศ แนวทางข้อ ๑๒ ไม่ให้หนังสือแสดงเจตจำนงและบันทึกความเข้าใจเมืองพี่เมืองน้องมีถ้อยคำเช่นนี้"),
            format!("{field_en} contains “{written}”, treaty wording: it makes the text read as an agreement legally binding under international law, which guideline 12 rules out for a sister-city letter of intent or memorandum"),
        ),
        _ => Msg::new(
            format!("{field_th} มีคำว่า “{written}” ซึ่งมักใช้ในสนธิสัญญา อาจทำให้เอกสารอ่านได้ว่าเป็นความตกลงที่มีผลผูกพันตามกฎหมายระหว่างประเทศ (แนวทางข้อ ๑๒)"),
            format!("{field_en} contains “{written}”, a word usually found in treaties: it can make the text read as an agreement legally binding under international law (guideline 12)"),
        ),
    }
}

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    for b in desc.user_texts() {
        for ((text, lang), (start, end)) in [(&b.th, "th"), (&b.en, "en")].into_iter().zip(b.bytes)
        {
            let path = format!("{}.{lang}", b.path);
            for f in find(&text.value) {
                let written = &text.value[f.start..f.end];
                // The fix rewrites the whole value with the term replaced.
                let fix = replacement(f.term, written).and_then(|rep| {
                    let value = format!("{}{rep}{}", &text.value[..f.start], &text.value[f.end..]);
                    fix::replace_span(start, end, &value)
                });
                let hint = if fix.is_some() {
                    Msg::new(
                        format!("{} (คำสั่ง sisterdoc check --fix แก้ให้ได้)", f.replace_th),
                        format!("{} (`sisterdoc check --fix` does it)", f.replace_en),
                    )
                } else {
                    Msg::new(f.replace_th, f.replace_en)
                };
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        f.severity,
                        Some(term_pos(text, &f)),
                        message(&path, written, f.severity),
                    )
                    .with_hint(hint)
                    .with_path(path.clone())
                    .with_fix(fix),
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
    fn every_hint_says_what_to_write_instead() {
        for t in ENGLISH.iter().chain(THAI) {
            for hint in [t.replace_th, t.replace_en] {
                // A concrete phrase to write (in quotes) or, for a Thai
                // term in the English hint, the Thai words to write.
                assert!(
                    hint.chars().count() > 25
                        && (hint.contains('“') || crate::thai::segment::has_thai(hint)),
                    "{}: {hint}",
                    t.text
                );
                assert!(!["ตัดออก", "remove"].contains(&hint), "{}", t.text);
            }
            assert!(crate::thai::segment::has_thai(t.replace_th), "{}", t.text);
        }
    }

    #[test]
    fn the_message_names_the_field_and_says_why() {
        let y = with(
            "fields: [trade, investment, tourism]",
            "fields: [trade, investment, {th: การค้า, en: trade we shall do}]",
        );
        let d: Vec<_> = diagnostics(&y)
            .into_iter()
            .filter(|d| d.rule == "MFA-12")
            .collect();
        assert_eq!(d.len(), 1, "{d:#?}");
        let m = &d[0].message;
        assert!(
            m.th.starts_with("ช่อง “สาขาความร่วมมือ” รายการที่ ๓ (ภาษาอังกฤษ) มีคำว่า “shall”"),
            "{}",
            m.th
        );
        assert!(
            !m.th.contains('`') && !m.th.contains("cooperation"),
            "{}",
            m.th
        );
        assert!(
            m.th.contains("สนธิสัญญา") && m.th.contains("แนวทางข้อ ๑๒"),
            "{}",
            m.th
        );
        assert!(
            m.en.starts_with(
                "the field “Fields of cooperation”, item 3 (English) contains “shall”"
            ),
            "{}",
            m.en
        );
        assert!(m.en.contains("guideline 12"), "{}", m.en);
        assert_eq!(d[0].path.as_deref(), Some("cooperation.fields[2].en"));
        let hint = d[0].hint.as_ref().expect("hint");
        assert!(
            hint.th.contains("“will”") && hint.en.contains("“will”"),
            "{hint:?}"
        );
    }

    #[test]
    fn a_term_with_one_replacement_is_fixed_others_are_not() {
        let y = with(
            "fields: [trade, investment, tourism]",
            "fields: [trade, {th: การค้าที่จะต้องทำ ไม่ต้องรอ, en: \"Trade: the sides Shall meet; Parties\"}]",
        );
        // One round of fixes (`check::fix_all` is a layer above).
        let fixed = crate::descriptor::fix::apply(&y, &diagnostics(&y))
            .map(|(text, _)| text)
            .unwrap_or_default();
        assert!(
            fixed.contains("{th: การค้าที่จะทำ ไม่ต้องรอ, en: \"Trade: the sides Will meet; Parties\"}"),
            "{fixed}"
        );
        let left: Vec<String> = diagnostics(&fixed)
            .iter()
            .filter(|d| d.rule == "MFA-12")
            .map(|d| d.message.en.clone())
            .collect();
        // "Parties" (two right answers) and "ต้อง" in "ไม่ต้อง" are left for staff.
        assert_eq!(left.len(), 2, "{left:#?}");
        assert_eq!(replacement("shall", "SHALL").as_deref(), Some("WILL"));
        assert_eq!(replacement("parties", "Parties"), None);
    }

    #[test]
    fn silent_on_the_base_descriptor() {
        assert!(!fires("MFA-12", BASE));
    }
}
