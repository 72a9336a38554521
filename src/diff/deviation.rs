//! What the diff reports: each departure from the standard ([`Deviation`]:
//! where, what changed, its class under MFA-8 and any binding wording,
//! MFA-12), the slot values found in an open standard ([`SlotFill`]), and
//! the [`DiffReport`] holding them with the redline's paragraphs. Plain
//! data: `compare` builds it, `report` and `redline` render it.

use super::segments::RedPara;
use crate::diagnostic::Severity;
use crate::document::{DocKind, Lang};

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
