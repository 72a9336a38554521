//! The comparison: a draft's paragraphs aligned with the standard's units
//! (`align`), each pair diffed word by word against the alternative text it
//! departs from least (`tokens`, `classify`), added, removed and moved
//! units reported, and the redline's paragraphs put in draft order with the
//! standard-only ones where they stood (`segments`).

use std::collections::HashMap;

use super::align::align;
use super::classify::{added_binding, hunks, HunkCtx};
use super::deviation::{Change, Class, Deviation, DiffReport, SlotFill};
use super::draft::Draft;
use super::segments::{segments, Mark, RedPara, Seg};
use super::standard::{standard, RefText, Standard, UnitStyle};
use super::tokens::{lcs, tokenize, Op, Token};
use crate::descriptor::Descriptor;
use crate::diagnostic::Severity;
use crate::document::compose::ComposeError;
use crate::document::{DocKind, Lang};

/// Which instrument the draft is: the descriptor's, when it asks for one
/// only; else the one the draft aligns with best.
pub fn infer_kind(desc: Option<&Descriptor>, draft: &Draft) -> Result<DocKind, ComposeError> {
    if let Some(d) = desc {
        if let [only] = d.documents.as_slice() {
            return Ok(*only);
        }
    }
    let mut best = (f64::NEG_INFINITY, DocKind::Mou);
    for kind in [DocKind::Mou, DocKind::Loi] {
        let r = standard(desc, kind)?;
        let words = draft_words(&r, draft);
        let a = align(&r, &words, &draft.paragraphs);
        if a.score > best.0 {
            best = (a.score, kind);
        }
    }
    Ok(best.1)
}

/// The words of each draft paragraph (reusing the reference's for a
/// paragraph that reads exactly as a standard unit).
fn draft_words(r: &Standard, draft: &Draft) -> Vec<Vec<Token>> {
    let mut known: HashMap<&str, &Vec<Token>> = HashMap::new();
    for u in &r.units {
        for a in &u.alts {
            known.insert(a.text.as_str(), &a.words);
        }
    }
    draft
        .paragraphs
        .iter()
        .map(|p| match known.get(p.as_str()) {
            Some(w) => (*w).clone(),
            None => tokenize(p, r.open),
        })
        .collect()
}

/// Compares a draft with the reference.
pub fn compare(r: &Standard, draft: &Draft) -> DiffReport {
    let words = draft_words(r, draft);
    let a = align(r, &words, &draft.paragraphs);
    let mut deviations: Vec<(SortKey, Deviation)> = Vec::new();
    let mut fills: Vec<(SortKey, SlotFill)> = Vec::new();

    // In-order matched unit -> paragraph, per unit.
    let mut para_of: HashMap<usize, usize> = HashMap::new();
    for p in a.pairs.iter().filter(|p| !p.moved) {
        para_of.insert(p.unit, p.para);
    }
    // Units are in (language, standard) order, so a unit's index is its
    // place. The label of the last in-order-matched unit before draft
    // paragraph `k` in its language ("start" when none), and its index.
    let follows = |k: usize| -> (Option<usize>, String) {
        let lang = a.para_lang[k];
        let mut best: Option<(usize, usize)> = None; // (para, unit)
        for p in a.pairs.iter().filter(|p| !p.moved) {
            if p.para < k && a.para_lang[p.para] == lang && best.is_none_or(|(bp, _)| p.para > bp) {
                best = Some((p.para, p.unit));
            }
        }
        match best {
            Some((_, u)) => (Some(u), r.units[u].label()),
            None => (None, "start".to_string()),
        }
    };
    // The label of the unit before `u` in the standard ("start" when none).
    let prev_label = |u: usize| -> String {
        if u > 0 && r.units[u - 1].lang == r.units[u].lang {
            r.units[u - 1].label()
        } else {
            "start".to_string()
        }
    };

    // Redline paragraphs for draft paragraphs, by index.
    let mut red: Vec<Option<RedPara>> = vec![None; draft.paragraphs.len()];
    let mut chosen_alt: HashMap<usize, usize> = HashMap::new();

    for pair in &a.pairs {
        let unit = &r.units[pair.unit];
        let text = &draft.paragraphs[pair.para];
        let dw = &words[pair.para];
        // The alternative the draft departs from least (fewest deviations,
        // then fewest changed words; the closest by similarity first).
        let mut order: Vec<usize> = (0..unit.alts.len()).collect();
        order.sort_by_key(|&i| i != pair.alt);
        let mut best: Option<AltDiff> = None;
        for i in order {
            let alt = &unit.alts[i];
            let ops = lcs(alt.tokens.len(), dw.len(), |a, b| {
                !alt.tokens[a].wild && alt.tokens[a].tok.key == dw[b].key
            });
            let ctx = HunkCtx {
                unit,
                alt,
                text,
                words: dw,
                para: pair.para,
            };
            let (devs, f) = hunks(&ctx, &ops);
            let changed = ops.iter().filter(|o| !matches!(o, Op::Equal(..))).count();
            if best
                .as_ref()
                .is_none_or(|b| (devs.len(), changed) < (b.devs.len(), b.changed))
            {
                best = Some(AltDiff {
                    alt: i,
                    changed,
                    ops,
                    devs,
                    fills: f,
                });
            }
        }
        let Some(AltDiff {
            alt: alt_index,
            ops,
            devs,
            fills: unit_fills,
            ..
        }) = best
        else {
            continue;
        };
        let alt = &unit.alts[alt_index];
        chosen_alt.insert(pair.unit, alt_index);
        for (h, d) in devs.into_iter().enumerate() {
            deviations.push(((unit.lang, pair.unit as i64, 0, h), d));
        }
        for (h, f) in unit_fills.into_iter().enumerate() {
            fills.push(((unit.lang, pair.unit as i64, 0, h), f));
        }
        if pair.moved {
            let (_, to) = follows(pair.para);
            deviations.push((
                (unit.lang, pair.unit as i64, 0, usize::MAX),
                Deviation {
                    lang: unit.lang,
                    clause: Some(unit.label()),
                    change: Change::Moved,
                    class: Class::Editorial,
                    standard: String::new(),
                    draft: String::new(),
                    before: String::new(),
                    after: String::new(),
                    slot: None,
                    to_after: Some(to),
                    from_after: Some(prev_label(pair.unit)),
                    paragraph: Some(pair.para + 1),
                    rules: vec!["MFA-8"],
                    binding: Vec::new(),
                },
            ));
            red[pair.para] = Some(RedPara {
                lang: unit.lang,
                style: unit.style,
                mark: Mark::Inserted,
                segs: vec![Seg::Ins(text.clone())],
                clause: Some(unit.label()),
            });
        } else {
            red[pair.para] = Some(RedPara {
                lang: unit.lang,
                style: unit.style,
                mark: Mark::Both,
                segs: segments(&alt.text, &alt.tokens, text, dw, &ops),
                clause: Some(unit.label()),
            });
        }
    }

    for &k in &a.added {
        let text = &draft.paragraphs[k];
        let lang = a.para_lang[k];
        let (after_unit, to) = follows(k);
        let binding = added_binding(text, "");
        let class = if binding.iter().any(|b| b.severity == Severity::Error) {
            Class::Substantive
        } else {
            Class::Editorial
        };
        let mut rules = vec!["MFA-8"];
        if !binding.is_empty() {
            rules.push("MFA-12");
        }
        let major = after_unit.map_or(-1, |u| u as i64);
        deviations.push((
            (lang, major, 1, k),
            Deviation {
                lang,
                clause: None,
                change: Change::Added,
                class,
                standard: String::new(),
                draft: text.clone(),
                before: String::new(),
                after: String::new(),
                slot: None,
                to_after: Some(to),
                from_after: None,
                paragraph: Some(k + 1),
                rules,
                binding,
            },
        ));
        red[k] = Some(RedPara {
            lang,
            style: UnitStyle::Body,
            mark: Mark::Inserted,
            segs: vec![Seg::Ins(text.clone())],
            clause: None,
        });
    }

    for &u in &a.removed {
        let unit = &r.units[u];
        let class = if unit.principle {
            Class::Substantive
        } else {
            Class::Editorial
        };
        deviations.push((
            (unit.lang, u as i64, 0, 0),
            Deviation {
                lang: unit.lang,
                clause: Some(unit.label()),
                change: Change::Removed,
                class,
                standard: shown_standard(unit.alts.first()),
                draft: String::new(),
                before: String::new(),
                after: String::new(),
                slot: None,
                to_after: None,
                from_after: None,
                paragraph: None,
                rules: vec!["MFA-8"],
                binding: Vec::new(),
            },
        ));
    }

    // Where standard-only paragraphs (removed units, moved units' old
    // places) go: after the paragraph answering the previous in-order unit
    // of their language, else before the one answering the next, else at
    // the end.
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Anchor {
        Before(usize),
        After(usize),
        End,
    }
    let mut gone: Vec<(Anchor, usize, RedPara)> = Vec::new();
    let moved_alt: HashMap<usize, usize> = a
        .pairs
        .iter()
        .filter(|p| p.moved)
        .map(|p| (p.unit, chosen_alt.get(&p.unit).copied().unwrap_or(p.alt)))
        .collect();
    for (u, unit) in r.units.iter().enumerate() {
        let alt = if a.removed.contains(&u) {
            0
        } else if let Some(&alt) = moved_alt.get(&u) {
            alt
        } else {
            continue;
        };
        let prev = (0..u)
            .rev()
            .take_while(|&v| r.units[v].lang == unit.lang)
            .find_map(|v| para_of.get(&v).copied());
        let next = (u + 1..r.units.len())
            .take_while(|&v| r.units[v].lang == unit.lang)
            .find_map(|v| para_of.get(&v).copied());
        let anchor = match (prev, next) {
            (Some(p), _) => Anchor::After(p),
            (None, Some(n)) => Anchor::Before(n),
            (None, None) => Anchor::End,
        };
        let text = unit
            .alts
            .get(alt)
            .map(|t| t.text.clone())
            .unwrap_or_default();
        gone.push((
            anchor,
            u,
            RedPara {
                lang: unit.lang,
                style: unit.style,
                mark: Mark::Deleted,
                segs: vec![Seg::Del(text)],
                clause: Some(unit.label()),
            },
        ));
    }
    gone.sort_by_key(|(anchor, u, _)| (*anchor, *u));
    let mut paragraphs = Vec::new();
    let take = |anchor: Anchor, gone: &[(Anchor, usize, RedPara)], out: &mut Vec<RedPara>| {
        out.extend(
            gone.iter()
                .filter(|(a, _, _)| *a == anchor)
                .map(|(_, _, p)| p.clone()),
        );
    };
    for (k, p) in red.into_iter().enumerate() {
        take(Anchor::Before(k), &gone, &mut paragraphs);
        if let Some(p) = p {
            paragraphs.push(p);
        }
        take(Anchor::After(k), &gone, &mut paragraphs);
    }
    take(Anchor::End, &gone, &mut paragraphs);

    deviations.sort_by_key(|(k, _)| *k);
    fills.sort_by_key(|(k, _)| *k);
    DiffReport {
        kind: r.kind,
        open: r.open,
        had_tracked_changes: draft.had_tracked_changes,
        deviations: deviations.into_iter().map(|(_, d)| d).collect(),
        fills: fills.into_iter().map(|(_, f)| f).collect(),
        paragraphs,
        title: r.title.clone(),
    }
}

/// One alternative text's diff against a paragraph.
struct AltDiff {
    alt: usize,
    /// Words deleted or inserted.
    changed: usize,
    ops: Vec<Op>,
    devs: Vec<Deviation>,
    fills: Vec<SlotFill>,
}

/// Deviations sort by language, unit, then added-after-unit, then order.
type SortKey = (Lang, i64, u8, usize);

/// A standard text for display: wildcards as `[slot]`.
fn shown_standard(alt: Option<&RefText>) -> String {
    let Some(alt) = alt else {
        return String::new();
    };
    if !alt.tokens.iter().any(|t| t.wild) {
        return alt.text.clone();
    }
    let mut out = String::new();
    let mut at = 0;
    for t in &alt.tokens {
        if t.wild {
            out.push_str(alt.text.get(at..t.tok.start).unwrap_or(""));
            out.push_str(&format!("[{}]", t.slot.as_deref().unwrap_or("slot")));
            at = t.tok.end;
        }
    }
    out.push_str(alt.text.get(at..).unwrap_or(""));
    out
}
