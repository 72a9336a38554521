//! `diff`: where a draft departs from the MFA standard text, and whether
//! each departure is a slot value, a change of wording (guideline 8.1) or a
//! change of principle (guideline 8.2, rule MFA-8; binding wording also
//! raises MFA-12).
//!
//! The flow: [`read_draft`] (DOCX or text) -> [`reference`] (the standard
//! rendered from the descriptor, or with its slots open) -> [`compare`]:
//! paragraphs aligned with the standard's units by similarity (`align`),
//! then word by word (`tokens`: the project's segmenter and an LCS), each
//! run of changed words classified (slot / editorial / substantive), moved
//! units reported as moves. The [`DiffReport`] holds the deviations, the
//! slot values found (open standard), and the draft as a sequence of
//! tracked-change paragraphs from which `redline` writes a DOCX. `report`
//! renders it as text or JSON. Nothing here prints or touches files.

mod align;
mod draft;
pub mod redline;
pub mod report;
mod standard;
mod tokens;

use std::collections::HashMap;

pub use align::{align, Alignment, Pair};
pub use draft::{read_draft, Draft, DraftError, DraftFormat, MAX_DRAFT_BYTES, MAX_DRAFT_TEXT};
pub use standard::{is_principle, standard, RefText, RefToken, RefUnit, Standard, UnitStyle};
pub use tokens::{common_ends, key_of, lcs, tokenize, Op, Token};

use crate::descriptor::Descriptor;
use crate::diagnostic::Severity;
use crate::document::compose::ComposeError;
use crate::document::{DocKind, Lang};
use crate::rules::binding_wording;

/// MFA-8's catalogue entry (defined with the other rules).
pub use crate::rules::draft_deviation::RULE;

/// How a deviation is classified (rule MFA-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Text inside a slot differs from the descriptor: expected content.
    Slot,
    /// Guideline 8.1: wording that does not touch a principle.
    Editorial,
    /// Guideline 8.2: a principle clause changed or removed, or binding
    /// wording added; it goes to the Cabinet.
    Substantive,
}

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Class::Slot => "slot",
            Class::Editorial => "editorial",
            Class::Substantive => "substantive",
        }
    }
    /// The guideline the class rests on.
    pub fn guideline(self) -> &'static str {
        match self {
            Class::Slot => "8",
            Class::Editorial => "8.1",
            Class::Substantive => "8.2",
        }
    }
}

/// What happened to the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// Words changed inside a paragraph that answers a standard unit.
    Changed,
    /// A standard unit no paragraph of the draft answers.
    Removed,
    /// A draft paragraph that answers no standard unit.
    Added,
    /// A unit the draft has elsewhere in the order.
    Moved,
}

impl Change {
    pub fn name(self) -> &'static str {
        match self {
            Change::Changed => "changed",
            Change::Removed => "removed",
            Change::Added => "added",
            Change::Moved => "moved",
        }
    }
}

/// Binding wording (MFA-12) the draft adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindingTerm {
    /// The term as listed in `rules::binding_wording`.
    pub term: &'static str,
    /// As written in the draft.
    pub text: String,
    pub severity: Severity,
    pub replace_en: &'static str,
    pub replace_th: &'static str,
}

/// One departure from the standard text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deviation {
    pub lang: Lang,
    /// The standard unit ("clause-3", "signature line 2"); `None` for an
    /// added paragraph.
    pub clause: Option<String>,
    pub change: Change,
    pub class: Class,
    /// The standard's words (empty for an insertion). In the open standard
    /// a slot shows as `[slot]`.
    pub standard: String,
    /// The draft's words (empty for a deletion).
    pub draft: String,
    /// A few unchanged draft words on each side, for the reader.
    pub before: String,
    pub after: String,
    /// Class `slot`: the slot(s) whose value differs.
    pub slot: Option<String>,
    /// Added and moved paragraphs: the unit they now follow ("start" when
    /// none); moved ones also where they stood.
    pub to_after: Option<String>,
    pub from_after: Option<String>,
    /// 1-based draft paragraph (absent for a removed unit).
    pub paragraph: Option<usize>,
    /// Rules touched: "MFA-8", and "MFA-12" when binding wording was added.
    pub rules: Vec<&'static str>,
    pub binding: Vec<BindingTerm>,
}

/// What the draft puts in a slot of the open standard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotFill {
    pub lang: Lang,
    pub clause: String,
    pub slot: String,
    pub text: String,
}

/// A piece of a redline paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// In both the standard and the draft.
    Equal(String),
    /// Only in the standard.
    Del(String),
    /// Only in the draft.
    Ins(String),
}

/// Whether a redline paragraph exists in the draft, the standard or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Both,
    /// Only in the draft (added, or a moved unit at its new place).
    Inserted,
    /// Only in the standard (removed, or a moved unit at its old place).
    Deleted,
}

/// One paragraph of the redline: accepting every change gives the draft's
/// paragraph, rejecting every change the standard's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedPara {
    pub lang: Lang,
    pub style: UnitStyle,
    pub mark: Mark,
    pub segs: Vec<Seg>,
    /// The standard unit's label, when there is one.
    pub clause: Option<String>,
}

impl RedPara {
    /// The paragraph with every change accepted (`None`: not in the draft).
    pub fn accepted(&self) -> Option<String> {
        (self.mark != Mark::Deleted).then(|| {
            self.segs
                .iter()
                .filter_map(|s| match s {
                    Seg::Equal(t) | Seg::Ins(t) => Some(t.as_str()),
                    Seg::Del(_) => None,
                })
                .collect()
        })
    }
    /// The paragraph with every change rejected (`None`: not in the standard).
    pub fn rejected(&self) -> Option<String> {
        (self.mark != Mark::Inserted).then(|| {
            self.segs
                .iter()
                .filter_map(|s| match s {
                    Seg::Equal(t) | Seg::Del(t) => Some(t.as_str()),
                    Seg::Ins(_) => None,
                })
                .collect()
        })
    }
}

/// The result of comparing a draft with the standard.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffReport {
    pub kind: DocKind,
    /// Compared against the standard with its slots open (no descriptor).
    pub open: bool,
    pub had_tracked_changes: bool,
    /// In the standard's order: Thai, then English; clause by clause.
    pub deviations: Vec<Deviation>,
    /// Open standard: what the draft puts in each slot.
    pub fills: Vec<SlotFill>,
    /// The draft, paragraph by paragraph, with the standard's text as
    /// tracked changes (draft order; removed units where they stood).
    pub paragraphs: Vec<RedPara>,
    /// Metadata title for the redline.
    pub title: String,
}

impl DiffReport {
    pub fn count(&self, class: Class) -> usize {
        self.deviations.iter().filter(|d| d.class == class).count()
    }
    pub fn has_substantive(&self) -> bool {
        self.count(Class::Substantive) > 0
    }
    pub fn moves(&self) -> usize {
        self.deviations
            .iter()
            .filter(|d| d.change == Change::Moved)
            .count()
    }
}

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

/// Binding terms in `draft` that `standard` has fewer of.
fn added_binding(draft: &str, standard: &str) -> Vec<BindingTerm> {
    let std_found = binding_wording::find(standard);
    let draft_found = binding_wording::find(draft);
    let mut out: Vec<BindingTerm> = Vec::new();
    for f in &draft_found {
        let in_draft = draft_found.iter().filter(|g| g.term == f.term).count();
        let in_std = std_found.iter().filter(|g| g.term == f.term).count();
        if in_draft > in_std && !out.iter().any(|b| b.term == f.term) {
            out.push(BindingTerm {
                term: f.term,
                text: draft.get(f.start..f.end).unwrap_or(f.term).to_string(),
                severity: f.severity,
                replace_en: f.replace_en,
                replace_th: f.replace_th,
            });
        }
    }
    out
}

/// What one paragraph pair's word diff works on.
struct HunkCtx<'a> {
    unit: &'a RefUnit,
    alt: &'a RefText,
    text: &'a str,
    words: &'a [Token],
    para: usize,
}

/// The deviations and slot fills of one paragraph pair.
fn hunks(c: &HunkCtx<'_>, ops: &[Op]) -> (Vec<Deviation>, Vec<SlotFill>) {
    let mut devs = Vec::new();
    let mut fills = Vec::new();
    // Binding wording in the whole paragraph on each side: found when a
    // hunk first needs it (segmenting Thai paragraphs is the slow part).
    let mut found: Option<(Vec<binding_wording::Finding>, Vec<binding_wording::Finding>)> = None;
    let mut k = 0;
    while k < ops.len() {
        if matches!(ops[k], Op::Equal(..)) {
            k += 1;
            continue;
        }
        let start = k;
        while k < ops.len() && !matches!(ops[k], Op::Equal(..)) {
            k += 1;
        }
        let run = &ops[start..k];
        let std: Vec<usize> = run
            .iter()
            .filter_map(|o| match o {
                Op::Delete(i) => Some(*i),
                _ => None,
            })
            .collect();
        let ins: Vec<usize> = run
            .iter()
            .filter_map(|o| match o {
                Op::Insert(j) => Some(*j),
                _ => None,
            })
            .collect();
        let toks = &c.alt.tokens;
        let any_wild = std.iter().any(|&i| toks[i].wild);
        let std_keys: String = std
            .iter()
            .filter(|&&i| !toks[i].wild)
            .map(|&i| toks[i].tok.key.as_str())
            .collect();
        let draft_keys: String = ins.iter().map(|&j| c.words[j].key.as_str()).collect();
        if !any_wild && std_keys == draft_keys {
            // The same words, cut differently by the segmenter.
            continue;
        }
        // Text both sides share at the ends of a replacement (a changed
        // word glued to an unchanged one) is not part of the change.
        let mut trimmed: Option<((usize, usize), (usize, usize))> = None;
        let (std, ins) = match (std.first(), std.last(), ins.first(), ins.last()) {
            (Some(&s1), Some(&s2), Some(&d1), Some(&d2)) if !any_wild => {
                let (sa, sb) = (toks[s1].tok.start, toks[s2].tok.end);
                let (da, db) = (c.words[d1].start, c.words[d2].end);
                let (p, q) = common_ends(
                    c.alt.text.get(sa..sb).unwrap_or(""),
                    c.text.get(da..db).unwrap_or(""),
                );
                let sr = (sa + p, (sb - q).max(sa + p));
                let dr = (da + p, (db - q).max(da + p));
                trimmed = Some((sr, dr));
                (
                    std.into_iter()
                        .filter(|&i| toks[i].tok.start < sr.1 && sr.0 < toks[i].tok.end)
                        .collect::<Vec<usize>>(),
                    ins.into_iter()
                        .filter(|&j| c.words[j].start < dr.1 && dr.0 < c.words[j].end)
                        .collect::<Vec<usize>>(),
                )
            }
            _ => (std, ins),
        };
        if std.is_empty() && ins.is_empty() {
            continue;
        }
        // Where the hunk sits in the standard (for an insertion: before
        // standard word `s0`).
        let s0 = match (std.first(), trimmed) {
            (Some(&i), _) => i,
            (None, Some(((sa, _), _))) => toks
                .iter()
                .position(|t| t.tok.start >= sa)
                .unwrap_or(toks.len()),
            (None, None) => ops[..start]
                .iter()
                .rev()
                .find_map(|o| match o {
                    Op::Equal(i, _) | Op::Delete(i) => Some(*i + 1),
                    _ => None,
                })
                .unwrap_or(0),
        };
        let d0 = ops[..start]
            .iter()
            .rev()
            .find_map(|o| match o {
                Op::Equal(_, j) | Op::Insert(j) => Some(*j + 1),
                _ => None,
            })
            .unwrap_or(0);
        // Draft text of the hunk.
        let draft_range = match (trimmed, ins.first(), ins.last()) {
            (Some((_, (a, b))), _, _) => (a < b).then_some((a, b)),
            (None, Some(&a), Some(&b)) => Some((c.words[a].start, c.words[b].end)),
            _ => None,
        };
        let draft_text = draft_range
            .map(|(a, b)| c.text.get(a..b).unwrap_or("").trim().to_string())
            .unwrap_or_default();
        // Binding wording added inside the hunk.
        // A cheap look at the hunk's words and one word either side first.
        let window = draft_range.map(|(a, b)| {
            let before = ins
                .first()
                .and_then(|&j| j.checked_sub(1))
                .map_or(a, |j| c.words[j].start.min(a));
            let after = ins
                .last()
                .and_then(|&j| c.words.get(j + 1))
                .map_or(b, |t| t.end.max(b));
            c.text.get(before..after).unwrap_or("")
        });
        let suspect = window.is_some_and(|w| !binding_wording::find(w).is_empty());
        let binding: Vec<BindingTerm> = match draft_range {
            Some((a, b)) if suspect => {
                let (std_found, draft_found) = found.get_or_insert_with(|| {
                    (
                        binding_wording::find(&c.alt.text),
                        binding_wording::find(c.text),
                    )
                });
                draft_found
                    .iter()
                    .filter(|f| f.start < b && a < f.end)
                    .filter(|f| {
                        draft_found.iter().filter(|g| g.term == f.term).count()
                            > std_found.iter().filter(|g| g.term == f.term).count()
                    })
                    .map(|f| BindingTerm {
                        term: f.term,
                        text: c.text.get(f.start..f.end).unwrap_or(f.term).to_string(),
                        severity: f.severity,
                        replace_en: f.replace_en,
                        replace_th: f.replace_th,
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let strong = binding.iter().any(|b| b.severity == Severity::Error);
        if any_wild && !strong {
            if let Some(f) = wild_fill(c, &std, &ins) {
                fills.extend(f);
                continue;
            }
        }
        if any_wild && strong {
            // Binding wording inside a slot's value: report the value too.
            if let Some(f) = wild_fill(c, &std, &ins) {
                fills.extend(f);
            }
        }

        let slots_of = |idx: &[usize]| -> Option<String> {
            let mut names: Vec<&str> = idx
                .iter()
                .filter_map(|&i| toks[i].slot.as_deref())
                .collect();
            names.dedup();
            (!names.is_empty()).then(|| names.join("+"))
        };
        let numbering_like = |s: &str| {
            s.chars()
                .all(|ch| ch.is_numeric() || ch.is_ascii_punctuation() || ch.is_whitespace())
        };
        let (class, slot) = if strong {
            (Class::Substantive, slots_of(&std))
        } else if !std.is_empty()
            && std.iter().all(|&i| toks[i].numbering)
            && numbering_like(&draft_text)
        {
            (Class::Editorial, None)
        } else if !std.is_empty() && std.iter().all(|&i| toks[i].slot.is_some()) {
            (Class::Slot, slots_of(&std))
        } else if std.is_empty() && {
            let left = s0.checked_sub(1).and_then(|i| toks.get(i));
            let right = toks.get(s0);
            left.is_some_and(|t| t.slot.is_some()) || right.is_some_and(|t| t.slot.is_some())
        } {
            let left = s0
                .checked_sub(1)
                .and_then(|i| toks.get(i))
                .and_then(|t| t.slot.clone());
            let right = toks.get(s0).and_then(|t| t.slot.clone());
            (Class::Slot, left.or(right))
        } else if c.unit.principle {
            (Class::Substantive, None)
        } else {
            (Class::Editorial, None)
        };
        let standard = match (trimmed, std.first(), std.last()) {
            (Some(((a, b), _)), _, _) => c.alt.text.get(a..b).unwrap_or("").trim().to_string(),
            (None, Some(&a), Some(&b)) => shown_range(c.alt, a, b),
            _ => String::new(),
        };
        let ctx_words = |from: usize, to: usize| -> String {
            if from >= to || to > c.words.len() {
                return String::new();
            }
            c.text
                .get(c.words[from].start..c.words[to - 1].end)
                .unwrap_or("")
                .to_string()
        };
        let d_end = ins.last().map_or(d0, |j| j + 1);
        let mut rules = vec!["MFA-8"];
        if !binding.is_empty() {
            rules.push("MFA-12");
        }
        devs.push(Deviation {
            lang: c.unit.lang,
            clause: Some(c.unit.label()),
            change: Change::Changed,
            class,
            standard,
            draft: draft_text,
            before: ctx_words(d0.saturating_sub(4), d0),
            after: ctx_words(d_end, (d_end + 4).min(c.words.len())),
            slot,
            to_after: None,
            from_after: None,
            paragraph: Some(c.para + 1),
            rules,
            binding,
        });
    }
    (devs, fills)
}

/// The standard's words `a..=b` for display (wildcards as `[slot]`).
fn shown_range(alt: &RefText, a: usize, b: usize) -> String {
    let toks = &alt.tokens;
    let mut out = String::new();
    let mut at = toks[a].tok.start;
    for t in &toks[a..=b] {
        out.push_str(alt.text.get(at..t.tok.start).unwrap_or(""));
        if t.wild {
            out.push_str(&format!("[{}]", t.slot.as_deref().unwrap_or("slot")));
        } else {
            out.push_str(alt.text.get(t.tok.start..t.tok.end).unwrap_or(""));
        }
        at = t.tok.end;
    }
    out
}

/// A hunk of the open standard that is only slot values: the standard's
/// fixed words in it (if any) read the same as the draft's words once the
/// segmentation is set aside, and each wildcard takes the draft words
/// between them. `None` when the fixed words do not fit.
fn wild_fill(c: &HunkCtx<'_>, std: &[usize], ins: &[usize]) -> Option<Vec<SlotFill>> {
    let toks = &c.alt.tokens;
    // The draft's keys, concatenated, with each word's span in that string.
    let mut joined = String::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new(); // (from, to, word)
    for &j in ins {
        let from = joined.len();
        joined.push_str(&c.words[j].key);
        spans.push((from, joined.len(), j));
    }
    // Pattern: fixed text pieces between wildcards.
    // Wildcards side by side (no fixed word between them) are one hole:
    // which words belong to which slot cannot be told.
    let mut pieces: Vec<String> = vec![String::new()];
    let mut wilds: Vec<String> = Vec::new();
    let mut prev_wild = false;
    for &i in std {
        if toks[i].wild {
            let name = toks[i].slot.clone().unwrap_or_default();
            match wilds.last_mut() {
                Some(w) if prev_wild => {
                    if !w.split('+').any(|n| n == name) {
                        w.push('+');
                        w.push_str(&name);
                    }
                }
                _ => {
                    wilds.push(name);
                    pieces.push(String::new());
                }
            }
            prev_wild = true;
        } else {
            if let Some(p) = pieces.last_mut() {
                p.push_str(&toks[i].tok.key);
            }
            prev_wild = false;
        }
    }
    let first = pieces.first()?;
    if !joined.starts_with(first.as_str()) {
        return None;
    }
    let mut at = first.len();
    let mut holes: Vec<(usize, usize)> = Vec::new();
    for (n, piece) in pieces.iter().enumerate().skip(1) {
        let is_last = n + 1 == pieces.len();
        let found = if is_last {
            if joined.len() < at + piece.len() || !joined.ends_with(piece.as_str()) {
                return None;
            }
            joined.len() - piece.len()
        } else {
            at + joined.get(at..)?.find(piece.as_str())?
        };
        holes.push((at, found));
        at = found + piece.len();
    }
    let mut out = Vec::new();
    for (w, (from, to)) in wilds.iter().zip(holes) {
        let covering: Vec<usize> = spans
            .iter()
            .filter(|(a, b, _)| *a < to && from < *b)
            .map(|(_, _, j)| *j)
            .collect();
        let text = match (covering.first(), covering.last()) {
            (Some(&a), Some(&b)) => c
                .text
                .get(c.words[a].start..c.words[b].end)
                .unwrap_or("")
                .to_string(),
            _ => String::new(),
        };
        out.push(SlotFill {
            lang: c.unit.lang,
            clause: c.unit.label(),
            slot: w.clone(),
            text,
        });
    }
    Some(out)
}

/// Redline pieces for a paragraph pair: every byte of the standard's text
/// is in an `Equal` or `Del` piece, every byte of the draft's in an `Equal`
/// or `Ins` piece, in order; words the diff calls equal but that are
/// written differently (Thai and Arabic digits, quotes) and differing
/// spaces are a deletion and an insertion, so both views are exact.
fn segments(
    std_text: &str,
    std: &[RefToken],
    draft_text: &str,
    draft: &[Token],
    ops: &[Op],
) -> Vec<Seg> {
    let s = |a: usize, b: usize| std_text.get(a..b).unwrap_or("").to_string();
    let d = |a: usize, b: usize| draft_text.get(a..b).unwrap_or("").to_string();
    let s_gap_before = |i: usize| -> (usize, usize) {
        let start = if i == 0 { 0 } else { std[i - 1].tok.end };
        (start, std[i].tok.start)
    };
    let d_gap_before = |j: usize| -> (usize, usize) {
        let start = if j == 0 { 0 } else { draft[j - 1].end };
        (start, draft[j].start)
    };
    let mut raw: Vec<Seg> = Vec::new();
    for op in ops {
        match *op {
            Op::Equal(i, j) => {
                let (sa, sb) = s_gap_before(i);
                let (da, db) = d_gap_before(j);
                let (sg, dg) = (s(sa, sb), d(da, db));
                if sg == dg {
                    raw.push(Seg::Equal(dg));
                } else {
                    raw.push(Seg::Del(sg));
                    raw.push(Seg::Ins(dg));
                }
                let st = s(std[i].tok.start, std[i].tok.end);
                let dt = d(draft[j].start, draft[j].end);
                if st == dt {
                    raw.push(Seg::Equal(dt));
                } else {
                    raw.push(Seg::Del(st));
                    raw.push(Seg::Ins(dt));
                }
            }
            Op::Delete(i) => {
                let (sa, _) = s_gap_before(i);
                raw.push(Seg::Del(s(sa, std[i].tok.end)));
            }
            Op::Insert(j) => {
                let (da, _) = d_gap_before(j);
                raw.push(Seg::Ins(d(da, draft[j].end)));
            }
        }
    }
    let s_tail = std.last().map_or(0, |t| t.tok.end);
    let d_tail = draft.last().map_or(0, |t| t.end);
    let (st, dt) = (s(s_tail, std_text.len()), d(d_tail, draft_text.len()));
    if st == dt {
        raw.push(Seg::Equal(dt));
    } else {
        raw.push(Seg::Del(st));
        raw.push(Seg::Ins(dt));
    }
    tidy(raw)
}

/// Drops empty pieces, merges neighbours of a kind, and puts each run of
/// changes as one deletion followed by one insertion.
fn tidy(raw: Vec<Seg>) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<Seg>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push(Seg::Del(std::mem::take(del)));
        }
        if !ins.is_empty() {
            out.push(Seg::Ins(std::mem::take(ins)));
        }
    };
    for seg in raw {
        match seg {
            Seg::Equal(t) if t.is_empty() => {}
            Seg::Equal(t) => {
                flush(&mut out, &mut del, &mut ins);
                match out.last_mut() {
                    Some(Seg::Equal(prev)) => prev.push_str(&t),
                    _ => out.push(Seg::Equal(t)),
                }
            }
            Seg::Del(t) => del.push_str(&t),
            Seg::Ins(t) => ins.push_str(&t),
        }
    }
    flush(&mut out, &mut del, &mut ins);
    // A deletion and an insertion of the same text (words the segmenter
    // cut differently on the two sides) are no change.
    // Words the two sides share at the ends of a replacement (the segmenter
    // glued a changed word to its neighbour) are kept out of it.
    let mut pieces: Vec<Seg> = Vec::with_capacity(out.len());
    let mut it = out.into_iter().peekable();
    while let Some(seg) = it.next() {
        match (seg, it.peek()) {
            (Seg::Del(d), Some(Seg::Ins(i))) => {
                let (p, s) = tokens::common_ends(&d, i);
                let i = i.clone();
                it.next();
                pieces.push(Seg::Equal(d[..p].to_string()));
                pieces.push(Seg::Del(d[p..d.len() - s].to_string()));
                pieces.push(Seg::Ins(i[p..i.len() - s].to_string()));
                pieces.push(Seg::Equal(d[d.len() - s..].to_string()));
            }
            (seg, _) => pieces.push(seg),
        }
    }
    let mut merged: Vec<Seg> = Vec::with_capacity(pieces.len());
    for seg in pieces {
        match (merged.last_mut(), seg) {
            (_, Seg::Equal(t) | Seg::Del(t) | Seg::Ins(t)) if t.is_empty() => {}
            (Some(Seg::Equal(prev)), Seg::Equal(t)) => prev.push_str(&t),
            (_, seg) => merged.push(seg),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn std_tokens(text: &str) -> Vec<RefToken> {
        tokenize(text, false)
            .into_iter()
            .map(|tok| RefToken {
                tok,
                slot: None,
                wild: false,
                numbering: false,
            })
            .collect()
    }

    fn views(segs: &[Seg]) -> (String, String) {
        let p = RedPara {
            lang: Lang::En,
            style: UnitStyle::Body,
            mark: Mark::Both,
            segs: segs.to_vec(),
            clause: None,
        };
        (
            p.accepted().unwrap_or_default(),
            p.rejected().unwrap_or_default(),
        )
    }

    #[test]
    fn segments_rebuild_both_texts_exactly() {
        for (a, b) in [
            (
                "1.\tThe Participants will cooperate.",
                "1. The  Participants shall cooperate",
            ),
            ("๑.\tผู้เข้าร่วมจะร่วมมือกัน", "1.\tผู้เข้าร่วมจะต้องร่วมมือกัน "),
            ("  lead and trail  ", "lead trail"),
            ("x", "y"),
        ] {
            let st = std_tokens(a);
            let dt = tokenize(b, false);
            let ops = lcs(st.len(), dt.len(), |i, j| st[i].tok.key == dt[j].key);
            let segs = segments(a, &st, b, &dt, &ops);
            assert_eq!(views(&segs), (b.to_string(), a.to_string()), "{segs:?}");
        }
    }
}
