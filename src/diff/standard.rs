//! The reference a draft is compared with: the MFA standard text rendered
//! through the same document model as `render`, cut into *units* (one per
//! paragraph block, one per signature line), each unit's words tagged with
//! the descriptor slot they came from.
//!
//! With a descriptor, each unit has one text. Without one ("the standard
//! with its slots open"), the builder renders from descriptors whose values
//! are all missing (it prints `BLANK` for them), every slot's words become
//! one *wildcard* that matches whatever the draft put there, and the
//! choices that change fixed wording around the slots are rendered each way
//! (MOU termination by notice or fixed term; a partner language in the
//! signing clause or not; a named relationship or "cooperation"), so a unit
//! may have several alternative texts: the diff takes the one closest to
//! the draft.

use super::tokens::{key_of, tokenize, Token};
use crate::descriptor::model::*;
use crate::descriptor::Descriptor;
use crate::document::compose::ComposeError;
use crate::document::{compose, BlockContent, ComposeOptions, DocKind, Document, Lang, ParaStyle};
use crate::position::Pos;

/// How a unit looks on the page (the redline copies it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitStyle {
    DraftMark,
    Title,
    Centered,
    Body,
    Clause,
    SignatureLine,
}

/// One word of a reference text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefToken {
    pub tok: Token,
    /// The slot the word came from (the first, if it straddles two).
    pub slot: Option<String>,
    /// Matches any words (open standard only): never equal to a draft word.
    pub wild: bool,
    /// Part of the clause number ("1.", "๑.").
    pub numbering: bool,
}

/// One text a unit may have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefText {
    /// As a reader of the rendered DOCX sees it: a clause number is
    /// followed by a tab, as the writer puts it.
    pub text: String,
    pub tokens: Vec<RefToken>,
    /// The words as `tokenize` gives them for this text (before slots are
    /// merged into wildcards): a draft paragraph with the same text reuses them.
    pub words: Vec<Token>,
}

/// One paragraph of the standard text (a signature line is a unit of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefUnit {
    pub lang: Lang,
    /// The block key: "title", "clause-3", "signing", "signature".
    pub key: String,
    /// Signature lines: 0-based, the left column's lines first.
    pub line: Option<usize>,
    pub style: UnitStyle,
    /// A change here is a change of principle (guideline 8.2): the
    /// template marks the block `+principle`.
    pub principle: bool,
    /// Alternative texts (one unless the slots are open); never empty.
    pub alts: Vec<RefText>,
}

impl RefUnit {
    /// "clause-3", or "signature line 2" for a signature line (1-based).
    pub fn label(&self) -> String {
        match self.line {
            Some(l) => format!("{} line {}", self.key, l + 1),
            None => self.key.clone(),
        }
    }
}

/// The standard text for one instrument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standard {
    pub kind: DocKind,
    /// Slots open: no descriptor was given.
    pub open: bool,
    /// Thai units first, then English, each in the standard's order.
    pub units: Vec<RefUnit>,
    /// Document title for the redline's metadata.
    pub title: String,
}

/// The reference for `kind`: rendered from `desc`, or with the slots open
/// when there is no descriptor.
pub fn standard(desc: Option<&Descriptor>, kind: DocKind) -> Result<Standard, ComposeError> {
    match desc {
        Some(d) => {
            let doc = compose(d, kind, ComposeOptions::default())?;
            Ok(from_documents(kind, false, &[doc]))
        }
        None => {
            let mut docs = Vec::new();
            for d in open_descriptors(kind) {
                docs.push(compose(&d, kind, ComposeOptions::default())?);
            }
            Ok(from_documents(kind, true, &docs))
        }
    }
}

/// Descriptors with every value missing, one per choice that changes the
/// fixed wording (see the module comment).
fn at<T>(value: T) -> At<T> {
    At {
        value,
        pos: Pos::default(),
    }
}

fn open_descriptors(kind: DocKind) -> Vec<Descriptor> {
    let language = crate::reference::languages::lookup("zh");
    let cooperation = crate::reference::relationships::lookup("cooperation");
    let options: &[TerminationOption] = match kind {
        DocKind::Mou => &[TerminationOption::Notice, TerminationOption::FixedTerm],
        DocKind::Loi | DocKind::Package(_) => &[TerminationOption::Notice],
    };
    let mut out = Vec::new();
    for &option in options {
        for lang in [None, language] {
            for rel in [None, cooperation] {
                let mut d = Descriptor::empty();
                d.documents = vec![kind];
                d.relationship = rel.map(|r| at(KeyOr::Key(r)));
                d.partner.language = lang.map(at);
                d.mou = Some(MouSection {
                    title: None,
                    participants: None,
                    termination: Some(Termination {
                        option: Some(at(option)),
                        notice_period: None,
                        term: None,
                        pos: Pos::default(),
                    }),
                });
                out.push(d);
            }
        }
    }
    out
}

/// A unit's text and the byte ranges of its slots and number.
struct Spans {
    text: String,
    number_end: usize,
    slots: Vec<(usize, usize, String)>,
}

fn spans_of(number: Option<&str>, runs: &[crate::document::Run]) -> Spans {
    let mut text = String::new();
    if let Some(n) = number {
        text.push_str(n);
        text.push('\t');
    }
    let number_end = number.map_or(0, str::len);
    let mut slots = Vec::new();
    for r in runs {
        let start = text.len();
        text.push_str(&r.text);
        if let Some(s) = &r.slot {
            slots.push((start, text.len(), s.clone()));
        }
    }
    Spans {
        text,
        number_end,
        slots,
    }
}

fn ref_text(s: Spans, open: bool) -> RefText {
    let all_words = tokenize(&s.text, open);
    // Words that straddle a slot's edge (the segmenter glued a slot value
    // to the fixed text, or a dotted blank to the full stop after it) are
    // cut at the edge, so every word is all slot or all fixed text.
    let mut words: Vec<Token> = Vec::with_capacity(all_words.len());
    for t in &all_words {
        let mut cuts: Vec<usize> = s
            .slots
            .iter()
            .flat_map(|(a, b, _)| [*a, *b])
            .filter(|&c| c > t.start && c < t.end)
            .collect();
        if cuts.is_empty() {
            words.push(t.clone());
            continue;
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut from = t.start;
        for to in cuts.into_iter().chain([t.end]) {
            let piece = s.text.get(from..to).unwrap_or("");
            let key = key_of(piece.trim(), open);
            if !key.trim().is_empty() {
                let lead = piece.len() - piece.trim_start().len();
                words.push(Token {
                    start: from + lead,
                    end: from + lead + piece.trim().len(),
                    key,
                });
            }
            from = to;
        }
    }
    // The slot run a word overlaps (the first, if it straddles two).
    let run_of = |t: &Token| {
        s.slots
            .iter()
            .position(|(a, b, _)| t.start < *b && *a < t.end)
    };
    let mut tokens: Vec<RefToken> = Vec::with_capacity(words.len());
    let mut last_run: Option<usize> = None;
    for t in words {
        let run = run_of(&t);
        let slot = run.and_then(|i| s.slots.get(i)).map(|(_, _, n)| n.clone());
        let numbering = t.end <= s.number_end;
        if open && run.is_some() {
            // One wildcard per slot occurrence: the words of one slot run
            // merge into a single wildcard.
            if let Some(prev) = tokens.last_mut() {
                if prev.wild && last_run == run {
                    prev.tok.end = t.end;
                    continue;
                }
            }
            tokens.push(RefToken {
                tok: Token {
                    key: String::new(),
                    ..t
                },
                slot,
                wild: true,
                numbering: false,
            });
        } else {
            tokens.push(RefToken {
                tok: t,
                slot,
                wild: false,
                numbering,
            });
        }
        last_run = run;
    }
    RefText {
        text: s.text,
        tokens,
        words: all_words,
    }
}

fn style_of(p: ParaStyle) -> UnitStyle {
    match p {
        ParaStyle::DraftMark => UnitStyle::DraftMark,
        ParaStyle::Title => UnitStyle::Title,
        ParaStyle::Centered => UnitStyle::Centered,
        ParaStyle::Body
        | ParaStyle::Emblem
        | ParaStyle::Blank
        | ParaStyle::FromCentre
        | ParaStyle::Labelled
        | ParaStyle::Indented
        | ParaStyle::Left => UnitStyle::Body,
        ParaStyle::Clause => UnitStyle::Clause,
    }
}

/// Units of the first document, with the other documents' differing texts
/// of the same unit as alternatives.
fn from_documents(kind: DocKind, open: bool, docs: &[Document]) -> Standard {
    let mut units: Vec<RefUnit> = Vec::new();
    let mut cache: Vec<(String, RefText)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for section in &doc.sections {
            for block in &section.blocks {
                let mut items: Vec<(Option<usize>, UnitStyle, Spans)> = Vec::new();
                match &block.content {
                    BlockContent::Paragraph(p) => items.push((
                        None,
                        style_of(p.style),
                        spans_of(p.number.as_deref(), &p.runs),
                    )),
                    BlockContent::Signature(s) => {
                        for (i, line) in s.left.iter().chain(s.right.iter()).enumerate() {
                            items.push((Some(i), UnitStyle::SignatureLine, spans_of(None, line)));
                        }
                    }
                    BlockContent::Table(t) => {
                        let lines = t
                            .rows
                            .iter()
                            .flat_map(|r| r.cells.iter().flat_map(|c| &c.lines));
                        for (i, line) in lines.enumerate() {
                            items.push((Some(i), UnitStyle::Body, spans_of(None, line)));
                        }
                    }
                }
                for (line, style, spans) in items {
                    let existing = units.iter().position(|u| {
                        u.lang == section.lang && u.key == block.key && u.line == line
                    });
                    if d > 0
                        && existing
                            .is_some_and(|i| units[i].alts.iter().any(|a| a.text == spans.text))
                    {
                        continue;
                    }
                    let cache_key = format!("{}\u{0}{:?}", spans.text, spans.slots);
                    let text = match cache.iter().find(|(k, _)| *k == cache_key) {
                        Some((_, rt)) => rt.clone(),
                        None => {
                            let key = cache_key;
                            let rt = ref_text(spans, open);
                            cache.push((key, rt.clone()));
                            rt
                        }
                    };
                    match existing {
                        Some(i) => units[i].alts.push(text),
                        None => units.push(RefUnit {
                            lang: section.lang,
                            key: block.key.clone(),
                            line,
                            style,
                            principle: block.principle,
                            alts: vec![text],
                        }),
                    }
                }
            }
        }
    }
    // Thai first, then English; the standard's order within each.
    units.sort_by_key(|u| u.lang);
    let title = docs.first().map(|d| d.title.clone()).unwrap_or_default();
    Standard {
        kind,
        open,
        units,
        title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_standard_has_wildcards_and_alternatives() {
        let r = standard(None, DocKind::Mou).expect("builds");
        let c5: Vec<&RefUnit> = r.units.iter().filter(|u| u.key == "clause-5").collect();
        assert_eq!(c5.len(), 2, "one unit per language");
        assert!(
            c5.iter().all(|u| u.alts.len() >= 2),
            "notice and fixed term"
        );
        let signing = r
            .units
            .iter()
            .find(|u| u.key == "signing" && u.lang == Lang::En)
            .expect("signing");
        assert!(
            signing.alts.len() >= 2,
            "with and without a partner language"
        );
        assert!(signing.alts[0].tokens.iter().any(|t| t.wild));
        assert!(r.units.iter().all(|u| !u.alts.is_empty()));
        assert!(r.units.first().is_some_and(|u| u.lang == Lang::Th));
    }

    #[test]
    fn clause_numbers_are_tagged() {
        let r = standard(None, DocKind::Loi).expect("builds");
        let c1 = r
            .units
            .iter()
            .find(|u| u.key == "clause-1" && u.lang == Lang::En)
            .expect("clause-1");
        assert!(c1.alts[0].text.starts_with("1.\t"));
        assert!(c1.alts[0].tokens[0].numbering);
        assert!(!c1.principle);
    }
}
