//! Classification (rule MFA-8): each run of changed words of a paragraph
//! pair becomes a deviation of class slot (inside a slot's value),
//! editorial (guideline 8.1) or substantive (guideline 8.2: a principle
//! clause changed, or binding wording added, MFA-12); in an open standard,
//! the draft's words in a slot become a slot fill instead.

use super::deviation::{BindingTerm, Change, Class, Deviation, SlotFill};
use super::standard::{RefText, RefUnit};
use super::tokens::{common_ends, Op, Token};
use crate::diagnostic::Severity;
use crate::rules::binding_wording;

/// Binding terms in `draft` that `standard` has fewer of.
pub(super) fn added_binding(draft: &str, standard: &str) -> Vec<BindingTerm> {
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
pub(super) struct HunkCtx<'a> {
    pub(super) unit: &'a RefUnit,
    pub(super) alt: &'a RefText,
    pub(super) text: &'a str,
    pub(super) words: &'a [Token],
    pub(super) para: usize,
}

/// The deviations and slot fills of one paragraph pair.
pub(super) fn hunks(c: &HunkCtx<'_>, ops: &[Op]) -> (Vec<Deviation>, Vec<SlotFill>) {
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
        // The standard's words deleted and the draft's inserted.
        let (mut std, mut ins): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for o in run {
            match o {
                Op::Delete(i) => std.push(*i),
                Op::Insert(j) => ins.push(*j),
                Op::Equal(..) => {}
            }
        }
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
