//! MOU-TITLE (the standard MOU's title bracket): "Agreement" is allowed by
//! the standard but is the usual name of a treaty.

use super::RuleInfo;
use crate::descriptor::model::MouTitle;
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Msg, Severity};

pub const RULE: RuleInfo = RuleInfo {
    id: "MOU-TITLE",
    severity: Severity::Warning,
    guideline: "12",
    title_th: "ชื่อเอกสาร \"ความตกลง\" มักหมายถึงสนธิสัญญา",
    title_en: "\"Agreement\" reads as a treaty",
    explanation_en: "The standard MOU allows Memorandum of Understanding, Memorandum of Agreement or Agreement; \"Agreement\" is the usual name of a treaty, so a Memorandum of Understanding is suggested.",
};

pub fn check(desc: &Descriptor, out: &mut Vec<Diagnostic>) {
    let Some(title) = desc.mou.as_ref().and_then(|m| m.title.as_ref()) else {
        return;
    };
    if title.value != MouTitle::Agreement {
        return;
    }
    out.push(
        Diagnostic::warning(
            RULE.id,
            Some(title.pos),
            Msg::new(
                "ชื่อเอกสาร “ความตกลง” (Agreement) มักใช้กับหนังสือสัญญาที่มีผลผูกพันตามกฎหมายระหว่างประเทศ",
                "\"Agreement\" is the usual name of a treaty, binding under international law",
            ),
        )
        .with_hint(Msg::new(
            "ใช้ชื่อ “บันทึกความเข้าใจ” โดยเขียน “title: memorandum-of-understanding”",
            "use `title: memorandum-of-understanding`",
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, with, BASE};

    #[test]
    fn fires_for_agreement() {
        assert!(fires(
            "MOU-TITLE",
            &with("title: memorandum-of-understanding", "title: agreement")
        ));
    }
    #[test]
    fn silent_for_memoranda() {
        assert!(!fires("MOU-TITLE", BASE));
        assert!(!fires(
            "MOU-TITLE",
            &with(
                "title: memorandum-of-understanding",
                "title: memorandum-of-agreement"
            )
        ));
    }
    #[test]
    fn silent_when_no_mou_is_rendered() {
        let y = with("documents: [loi, mou]", "documents: [loi]")
            .replace("title: memorandum-of-understanding", "title: agreement");
        assert!(!fires("MOU-TITLE", &y));
    }
}
