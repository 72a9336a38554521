//! `diff` on drafts made by editing rendered documents: each edit a
//! province or a partner might make, and the class it must get (MFA-8).

mod common;
use common::diff_helpers as helpers;

use helpers::*;
use sisterdoc::diff::{self, Change, Class};
use sisterdoc::document::{DocKind, Lang, Layout};

const PAIR: &str = "chiangmai-kunming";

#[test]
fn unchanged_drafts_have_no_deviations() {
    for name in [
        PAIR,
        "phuket-busan",
        "sakaeo-banteay-meanchey",
        "lamphun-orinda",
    ] {
        for kind in [DocKind::Mou, DocKind::Loi] {
            let doc = rendered(name, kind);
            for open in [false, true] {
                let r = diff_doc(name, kind, &doc, open);
                assert!(
                    r.deviations.is_empty(),
                    "{name} {kind:?} open={open}: {:#?}",
                    r.deviations
                );
                assert!(!r.had_tracked_changes);
            }
        }
    }
}

#[test]
fn open_standard_reports_the_slot_values() {
    let doc = rendered(PAIR, DocKind::Mou);
    let r = diff_doc(PAIR, DocKind::Mou, &doc, true);
    let fill = |slot: &str, lang: Lang, clause: &str| {
        r.fills
            .iter()
            .find(|f| f.slot == slot && f.lang == lang && f.clause == clause)
            .map(|f| f.text.as_str())
    };
    assert_eq!(fill("date", Lang::En, "signing"), Some("15 March 2026"));
    assert_eq!(
        fill("date", Lang::Th, "signing"),
        Some("๑๕ มีนาคม พ.ศ. ๒๕๖๙")
    );
    assert_eq!(fill("place", Lang::En, "signing"), Some("Kunming"));
    assert_eq!(
        fill("fields", Lang::En, "clause-2"),
        Some("trade, investment, tourism and smart agriculture")
    );
    assert_eq!(
        fill("instrument", Lang::En, "title"),
        Some("Memorandum of Understanding")
    );
    assert_eq!(
        fill("partner_signatory", Lang::En, "signature line 7"),
        Some("Mr. Liu Jiasheng")
    );
}

#[test]
fn a_changed_date_is_a_slot_deviation() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::En,
        "signing",
        "15 March 2026",
        "16 March 2026",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.class, Class::Slot);
    assert_eq!(d.slot.as_deref(), Some("date"));
    assert_eq!(d.clause.as_deref(), Some("signing"));
    assert_eq!(d.lang, Lang::En);
    assert_eq!((d.standard.as_str(), d.draft.as_str()), ("15", "16"));
    assert!(!r.has_substantive());
}

#[test]
fn a_changed_field_is_a_slot_deviation_even_in_a_principle_clause() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(&mut doc, Lang::Th, "clause-2", "การท่องเที่ยว", "การศึกษา");
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    assert!(!r.deviations.is_empty());
    for d in &r.deviations {
        assert_eq!(d.class, Class::Slot, "{d:#?}");
        assert_eq!(d.slot.as_deref(), Some("fields"));
        assert_eq!(d.clause.as_deref(), Some("clause-2"));
    }
}

#[test]
fn a_reworded_sentence_outside_the_principles_is_editorial() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::En,
        "clause-3",
        "will also encourage the exchange of visits between their officials",
        "will also promote regular visits by their officials",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    assert!(!r.deviations.is_empty());
    for d in &r.deviations {
        assert_eq!(d.class, Class::Editorial, "{d:#?}");
        assert_eq!(d.clause.as_deref(), Some("clause-3"));
        assert_eq!(d.change, Change::Changed);
    }
    let drafts: String = r.deviations.iter().map(|d| d.draft.clone()).collect();
    assert!(drafts.contains("promote"), "{drafts}");
    assert!(!r.has_substantive());
}

#[test]
fn will_to_shall_is_substantive_and_raises_mfa_12() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    // Clause 3 is not a principle clause: it is the binding word that counts.
    replace(
        &mut doc,
        Lang::En,
        "clause-3",
        "will encourage",
        "shall encourage",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.class, Class::Substantive);
    assert_eq!((d.standard.as_str(), d.draft.as_str()), ("will", "shall"));
    assert_eq!(d.clause.as_deref(), Some("clause-3"));
    assert!(d.rules.contains(&"MFA-12"), "{:?}", d.rules);
    assert_eq!(d.binding.len(), 1);
    assert_eq!(d.binding[0].term, "shall");
    // The same without a descriptor.
    let r = diff_doc(PAIR, DocKind::Mou, &doc, true);
    let d = only(&r);
    assert_eq!(d.class, Class::Substantive);
    assert_eq!(d.binding[0].term, "shall");
}

#[test]
fn thai_binding_wording_is_substantive() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::Th,
        "clause-3",
        "ส่งเสริมให้หน่วยงาน",
        "ส่งเสริมให้หน่วยงานที่มีข้อผูกพัน",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.class, Class::Substantive);
    assert_eq!(d.binding[0].term, "ข้อผูกพัน");
}

#[test]
fn deleting_the_no_obligations_sentence_of_the_loi_is_substantive() {
    for lang in [Lang::En, Lang::Th] {
        let mut doc = rendered(PAIR, DocKind::Loi);
        remove(&mut doc, lang, "non-binding");
        let r = diff_doc(PAIR, DocKind::Loi, &doc, false);
        let d = only(&r);
        assert_eq!(d.change, Change::Removed);
        assert_eq!(d.class, Class::Substantive);
        assert_eq!(d.clause.as_deref(), Some("non-binding"));
        assert_eq!(d.lang, lang);
        assert!(
            d.standard.contains("international law") || d.standard.contains("กฎหมายระหว่างประเทศ")
        );
    }
}

#[test]
fn english_prevails_changed_to_thai_prevails_is_substantive() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::En,
        "signing",
        "the English text",
        "the Thai text",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.class, Class::Substantive);
    assert_eq!((d.standard.as_str(), d.draft.as_str()), ("English", "Thai"));
    assert_eq!(d.clause.as_deref(), Some("signing"));

    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::Th,
        "signing",
        "ให้ใช้ฉบับภาษาอังกฤษ",
        "ให้ใช้ฉบับภาษาไทย",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.class, Class::Substantive);
    assert_eq!((d.standard.as_str(), d.draft.as_str()), ("อังกฤษ", "ไทย"));
}

#[test]
fn a_moved_clause_is_a_move() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    move_after(&mut doc, Lang::En, "clause-3", "clause-4");
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.change, Change::Moved);
    assert_eq!(d.class, Class::Editorial);
    assert_eq!(d.clause.as_deref(), Some("clause-3"));
    assert_eq!(d.to_after.as_deref(), Some("clause-4"));
    assert_eq!(d.from_after.as_deref(), Some("clause-2"));
}

#[test]
fn a_moved_and_renumbered_clause_is_a_move_with_numbering_changes() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    move_after(&mut doc, Lang::En, "clause-3", "clause-4");
    for (key, n) in [("clause-3", "4."), ("clause-4", "3.")] {
        let s = doc
            .sections
            .iter_mut()
            .find(|s| s.lang == Lang::En)
            .expect("en");
        let b = s.blocks.iter_mut().find(|b| b.key == key).expect("clause");
        if let sisterdoc::document::BlockContent::Paragraph(p) = &mut b.content {
            p.number = Some(n.into());
        }
    }
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    assert!(!r.has_substantive(), "{:#?}", r.deviations);
    assert_eq!(r.moves(), 1);
    assert!(r.deviations.iter().all(|d| d.class == Class::Editorial));
    assert!(r
        .deviations
        .iter()
        .all(|d| d.change != Change::Removed && d.change != Change::Added));
}

#[test]
fn a_thai_word_changed_in_a_long_sentence_is_reported_as_that_word() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(
        &mut doc,
        Lang::Th,
        "clause-3",
        "จะต้องส่งเสริมให้",
        "จะต้องสนับสนุนให้",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.class, Class::Editorial);
    assert_eq!(
        (d.standard.as_str(), d.draft.as_str()),
        ("ส่งเสริม", "สนับสนุน")
    );

    // In a principle clause, the same kind of change is substantive.
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(&mut doc, Lang::Th, "clause-1", "ความเท่าเทียม", "ความเสมอภาค");
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.class, Class::Substantive);
    assert_eq!(d.clause.as_deref(), Some("clause-1"));
    assert!(
        d.standard.chars().count() <= "ความเท่าเทียม".chars().count(),
        "{d:#?}"
    );
    assert!(
        d.draft.chars().count() <= "ความเสมอภาค".chars().count(),
        "{d:#?}"
    );
}

#[test]
fn an_added_paragraph_with_binding_wording_is_substantive() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    add_after(
        &mut doc,
        Lang::En,
        "clause-5",
        "6. Any dispute between the Parties shall be settled by arbitration.",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(d.change, Change::Added);
    assert_eq!(d.class, Class::Substantive);
    assert_eq!(d.to_after.as_deref(), Some("clause-5"));
    let terms: Vec<&str> = d.binding.iter().map(|b| b.term).collect();
    assert!(
        terms.contains(&"shall") && terms.contains(&"arbitration"),
        "{terms:?}"
    );

    let mut doc = rendered(PAIR, DocKind::Mou);
    add_after(
        &mut doc,
        Lang::En,
        "clause-5",
        "6. The Participants will exchange students.",
    );
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    assert_eq!(only(&r).class, Class::Editorial);
}

#[test]
fn a_removed_non_principle_clause_is_editorial() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    remove(&mut doc, Lang::Th, "preamble-3");
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!((d.change, d.class), (Change::Removed, Class::Editorial));
    let mut doc = rendered(PAIR, DocKind::Mou);
    remove(&mut doc, Lang::Th, "clause-4");
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!((d.change, d.class), (Change::Removed, Class::Substantive));
}

#[test]
fn parallel_layout_plain_text_and_digits_read_alike() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    doc.layout = Layout::Parallel;
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    assert!(r.deviations.is_empty(), "{:#?}", r.deviations);

    // Plain text: the clause number is followed by a space, not a tab.
    let doc = rendered(PAIR, DocKind::Loi);
    let draft = diff::read_draft(doc.plain_text().as_bytes(), true).expect("text");
    let reference = diff::standard(Some(&descriptor(PAIR)), DocKind::Loi).expect("ref");
    let r = diff::compare(&reference, &draft);
    assert!(r.deviations.is_empty(), "{:#?}", r.deviations);

    // Arabic digits where the standard has Thai ones.
    let text = sisterdoc::thai::digits::to_arabic_digits(&doc.plain_text());
    let draft = diff::read_draft(text.as_bytes(), true).expect("text");
    let r = diff::compare(&reference, &draft);
    assert!(r.deviations.is_empty(), "{:#?}", r.deviations);
}

#[test]
fn the_instrument_is_inferred_from_the_draft() {
    let mut desc = descriptor(PAIR);
    desc.documents = vec![DocKind::Loi, DocKind::Mou];
    for kind in [DocKind::Loi, DocKind::Mou] {
        let draft = draft_of(&rendered(PAIR, kind));
        assert_eq!(diff::infer_kind(Some(&desc), &draft).expect("infers"), kind);
        assert_eq!(diff::infer_kind(None, &draft).expect("infers"), kind);
    }
}

#[test]
fn several_edits_are_each_found() {
    let mut doc = rendered("phuket-busan", DocKind::Mou);
    replace(
        &mut doc,
        Lang::En,
        "clause-3",
        "will encourage",
        "must encourage",
    );
    replace(
        &mut doc,
        Lang::En,
        "preamble-3",
        "existing contacts",
        "long-standing contacts",
    );
    remove(&mut doc, Lang::En, "clause-4");
    let r = diff_doc("phuket-busan", DocKind::Mou, &doc, false);
    let mut found: Vec<(String, Change, Class)> = r
        .deviations
        .iter()
        .map(|d| (d.clause.clone().unwrap_or_default(), d.change, d.class))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        found,
        vec![
            ("clause-3".to_string(), Change::Changed, Class::Substantive),
            ("clause-4".to_string(), Change::Removed, Class::Substantive),
            ("preamble-3".to_string(), Change::Changed, Class::Editorial),
        ]
    );
}

#[test]
fn a_clause_number_lost_to_automatic_numbering_is_editorial() {
    // Word's list numbering keeps the number out of the text: the reader
    // sees the clause without it. That is not a change of principle.
    let mut doc = rendered(PAIR, DocKind::Mou);
    let s = doc
        .sections
        .iter_mut()
        .find(|s| s.lang == Lang::En)
        .expect("en");
    let b = s
        .blocks
        .iter_mut()
        .find(|b| b.key == "clause-1")
        .expect("clause-1");
    if let sisterdoc::document::BlockContent::Paragraph(p) = &mut b.content {
        p.number = None;
    }
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(
        (d.class, d.clause.as_deref()),
        (Class::Editorial, Some("clause-1"))
    );
    assert_eq!(d.standard, "1.");
}

#[test]
fn binding_wording_inside_a_slot_is_still_substantive() {
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(&mut doc, Lang::En, "clause-4", "Participants", "Parties");
    for open in [false, true] {
        let r = diff_doc(PAIR, DocKind::Mou, &doc, open);
        let d = only(&r);
        assert_eq!(d.class, Class::Substantive, "open={open}");
        assert_eq!(d.binding[0].term, "parties", "open={open}");
    }
    // Without binding wording the same slot change is a slot deviation.
    let mut doc = rendered(PAIR, DocKind::Mou);
    replace(&mut doc, Lang::En, "clause-4", "Participants", "two sides");
    let r = diff_doc(PAIR, DocKind::Mou, &doc, false);
    let d = only(&r);
    assert_eq!(
        (d.class, d.slot.as_deref()),
        (Class::Slot, Some("participants"))
    );
}

/// The principle clauses (guideline 8.2; rules.md, MFA-8) as the templates
/// mark them (`+principle`): the same set in Thai and English, with a
/// descriptor and with the slots open, and on every alternative text.
#[test]
fn principle_clauses_are_those_of_guideline_8_2() {
    use std::collections::BTreeSet;
    let expected = [
        (
            DocKind::Mou,
            vec!["clause-1", "clause-2", "clause-4", "clause-5", "signing"],
        ),
        (
            DocKind::Loi,
            vec!["preamble-1", "clause-4", "signing", "non-binding"],
        ),
    ];
    let desc = descriptor(PAIR);
    for (kind, keys) in expected {
        let keys: BTreeSet<&str> = keys.into_iter().collect();
        for open in [false, true] {
            let r = diff::standard((!open).then_some(&desc), kind).expect("standard");
            for lang in [Lang::Th, Lang::En] {
                let got: BTreeSet<&str> = r
                    .units
                    .iter()
                    .filter(|u| u.lang == lang && u.principle)
                    .map(|u| u.key.as_str())
                    .collect();
                assert_eq!(got, keys, "{kind:?} {lang:?} open={open}");
            }
        }
        // The mark is on the composed document's blocks, where it comes from.
        let doc = rendered(PAIR, kind);
        for s in &doc.sections {
            let marked: BTreeSet<&str> = s
                .blocks
                .iter()
                .filter(|b| b.principle)
                .map(|b| b.key.as_str())
                .collect();
            assert_eq!(marked, keys, "{kind:?} {:?}: composed", s.lang);
        }
    }
}

/// The class follows the template's mark: the same kind of edit (one word
/// changed) is substantive in a marked clause and editorial in an unmarked one.
#[test]
fn a_word_changed_in_a_marked_clause_is_substantive_and_in_an_unmarked_one_editorial() {
    let mut d = rendered(PAIR, DocKind::Mou);
    replace(&mut d, Lang::En, "clause-4", "consult", "inform");
    let r = diff_doc(PAIR, DocKind::Mou, &d, false);
    let dev = only(&r);
    assert_eq!(dev.clause.as_deref(), Some("clause-4"));
    assert_eq!(dev.class, Class::Substantive, "{dev:#?}");

    let mut d = rendered(PAIR, DocKind::Mou);
    replace(&mut d, Lang::En, "clause-3", "maintain", "keep");
    let r = diff_doc(PAIR, DocKind::Mou, &d, false);
    let dev = only(&r);
    assert_eq!(dev.clause.as_deref(), Some("clause-3"));
    assert_eq!(dev.class, Class::Editorial, "{dev:#?}");
}
