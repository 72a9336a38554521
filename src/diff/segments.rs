//! The redline's pieces: each draft paragraph as runs of text in both
//! sides, only in the standard (deleted) or only in the draft (inserted)
//! ([`Seg`], [`RedPara`]), built from a word diff so that accepting every
//! change gives the draft's text and rejecting every change the standard's,
//! byte for byte.

use super::standard::{RefToken, UnitStyle};
use super::tokens::{self, Op, Token};
use crate::document::Lang;

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
        self.side(true)
    }
    /// The paragraph with every change rejected (`None`: not in the standard).
    pub fn rejected(&self) -> Option<String> {
        self.side(false)
    }
    /// The draft's side (`accept`) or the standard's.
    fn side(&self, accept: bool) -> Option<String> {
        let gone = if accept {
            Mark::Deleted
        } else {
            Mark::Inserted
        };
        (self.mark != gone).then(|| {
            self.segs
                .iter()
                .filter_map(|s| match s {
                    Seg::Equal(t) => Some(t.as_str()),
                    Seg::Ins(t) if accept => Some(t.as_str()),
                    Seg::Del(t) if !accept => Some(t.as_str()),
                    _ => None,
                })
                .collect()
        })
    }
}

/// Redline pieces for a paragraph pair: every byte of the standard's text
/// is in an `Equal` or `Del` piece, every byte of the draft's in an `Equal`
/// or `Ins` piece, in order; words the diff calls equal but that are
/// written differently (Thai and Arabic digits, quotes) and differing
/// spaces are a deletion and an insertion, so both views are exact.
pub(super) fn segments(
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
    use super::super::tokens::{lcs, tokenize};
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
