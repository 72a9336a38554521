//! `diff`: where a draft departs from the MFA standard text, and whether
//! each departure is a slot value, a change of wording (guideline 8.1) or a
//! change of principle (guideline 8.2, rule MFA-8; binding wording also
//! raises MFA-12).
//!
//! The flow: [`read_draft`] (`draft`: DOCX or text) -> [`standard()`] (the
//! standard rendered from the descriptor, or with its slots open) ->
//! [`compare`] (`compare`): paragraphs aligned with the standard's units by
//! similarity (`align`), then word by word (`tokens`: the project's
//! segmenter and an LCS), each run of changed words classified as slot,
//! editorial or substantive (`classify`), moved units reported as moves.
//! The [`DiffReport`] (`deviation`) holds the deviations, the slot values
//! found (open standard), and the draft as tracked-change paragraphs
//! (`segments`) from which `redline` writes a DOCX (its first page a
//! document of the model, `summary`, worded by `templates/redline.tera`). `report` renders it as
//! text or JSON. Nothing here prints or touches files.

mod align;
mod classify;
mod compare;
mod deviation;
mod draft;
pub mod redline;
pub mod report;
mod segments;
mod standard;
mod summary;
mod tokens;

pub use align::{align, Alignment, Pair};
pub use compare::{compare, infer_kind};
pub use deviation::{BindingTerm, Change, Class, Deviation, DiffReport, SlotFill};
pub use draft::{read_draft, Draft, DraftError, DraftFormat, MAX_DRAFT_BYTES, MAX_DRAFT_TEXT};
pub use segments::{Mark, RedPara, Seg};
pub use standard::{standard, RefText, RefToken, RefUnit, Standard, UnitStyle};
pub use tokens::{common_ends, key_of, lcs, tokenize, Op, Token};

/// MFA-8's catalogue entry (defined with the other rules).
pub use crate::rules::draft_deviation::RULE;
