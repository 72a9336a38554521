//! MFA-8 (guideline 8): a returned draft that differs from the standard
//! text. The rule is applied by `sisterdoc diff` (`diff::compare`), which
//! classifies every deviation; its catalogue entry lives here with the
//! others so `sisterdoc rules` lists it.

use super::RuleInfo;
use crate::diagnostic::Severity;

/// MFA-8's catalogue entry: `sisterdoc diff` reports every deviation of a
/// returned draft from the standard under this rule.
pub const RULE: RuleInfo = RuleInfo {
    id: "MFA-8",
    severity: Severity::Warning,
    guideline: "8",
    title_th: "ร่างที่แก้ไขต่างจากร่างมาตรฐาน",
    title_en: "Draft differs from the standard text",
    explanation_en: "`sisterdoc diff` compares a returned draft with the MFA standard text clause by clause. A change of wording that keeps the principles is guideline 8.1 (the ministries agree it); a changed or removed principle clause, or binding wording added, is guideline 8.2 (it goes to the Cabinet).",
};
