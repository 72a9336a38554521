//! The optional `proposal:` section (descriptor.md, last section): the
//! submission to the Ministry of Interior that `sisterdoc package` builds.
//!
//! Read through `reader` like the other sections; the keys
//! allowed in each mapping come from the field table (`descriptor::format`). Every key is
//! optional here: a section that is present but incomplete is PROP-1's
//! business (a warning in `check`, a refusal in `package`), not a schema
//! error. Wrong types, unknown keys and impossible dates are errors as
//! everywhere else.

use super::reader::{join_path, Decoder, MapReader};
use crate::descriptor::model::*;
use crate::descriptor::yaml::{Node, Value};
use crate::diagnostic::{Diagnostic, Msg};

/// Decodes the `proposal` node; `None` when it is not a mapping (reported).
pub(super) fn decode(d: &mut Decoder, n: &Node) -> Option<Proposal> {
    let mut m = d.map(n, "proposal")?;
    let mut p = Proposal {
        letter: ProposalLetter::default(),
        reasons: None,
        partner_profile: None,
        plan: Vec::new(),
        plan_pos: None,
        pos: n.pos,
    };
    if let Some(v) = m.get("letter").filter(|v| v.value != Value::Null) {
        p.letter = letter(d, v);
    }
    if let Some(v) = m.get("reasons").filter(|v| v.value != Value::Null) {
        p.reasons = d.bilingual(v, "proposal.reasons");
    }
    if let Some(v) = m.get("partner_profile").filter(|v| v.value != Value::Null) {
        p.partner_profile = d.bilingual(v, "proposal.partner_profile");
    }
    if let Some(v) = m.get("plan") {
        p.plan_pos = Some(v.pos);
        match &v.value {
            Value::Seq(items) => {
                for (i, it) in items.iter().enumerate() {
                    if let Some(a) = activity(d, it, &format!("proposal.plan[{}]", i + 1)) {
                        p.plan.push(a);
                    }
                }
            }
            Value::Null => {}
            _ => d.type_error(
                v,
                "proposal.plan",
                "a list of activities (- activity: ...)",
                "รายการกิจกรรม (แต่ละกิจกรรมขึ้นต้นด้วย - activity: ...)",
            ),
        }
    }
    d.finish(m);
    Some(p)
}

fn letter(d: &mut Decoder, n: &Node) -> ProposalLetter {
    let mut l = ProposalLetter {
        pos: Some(n.pos),
        ..ProposalLetter::default()
    };
    let Some(mut m) = d.map(n, "proposal.letter") else {
        return l;
    };
    let path = "proposal.letter";
    l.number = text(d, &mut m, path, "number");
    l.to = text(d, &mut m, path, "to");
    l.office = text(d, &mut m, path, "office");
    l.address = text(d, &mut m, path, "address");
    l.reference = text(d, &mut m, path, "reference");
    if let Some(v) = m.get("date").filter(|v| v.value != Value::Null) {
        l.date = d.date(v, "proposal.letter.date");
    }
    if let Some(v) = m.get("contact").filter(|v| v.value != Value::Null) {
        if let Some(mut c) = d.map(v, "proposal.letter.contact") {
            let mut contact = Contact::default();
            let cpath = "proposal.letter.contact";
            contact.unit = text(d, &mut c, cpath, "unit");
            contact.phone = text(d, &mut c, cpath, "phone");
            contact.fax = text(d, &mut c, cpath, "fax");
            contact.email = text(d, &mut c, cpath, "email");
            d.finish(c);
            l.contact = Some(contact);
        }
    }
    d.finish(m);
    l
}

fn activity(d: &mut Decoder, n: &Node, path: &str) -> Option<Activity> {
    let mut m = d.map(n, path)?;
    let mut a = Activity {
        activity: None,
        fiscal_year: None,
        budget: None,
        source: None,
        responsible: None,
        indicator: None,
        pos: n.pos,
    };
    if let Some(v) = m.get("activity").filter(|v| v.value != Value::Null) {
        a.activity = d.bilingual(v, &join_path(path, "activity"));
    }
    if let Some(v) = m.get("indicator").filter(|v| v.value != Value::Null) {
        a.indicator = d.bilingual(v, &join_path(path, "indicator"));
    }
    if let Some(v) = m.get("fiscal_year").filter(|v| v.value != Value::Null) {
        a.fiscal_year = whole_number(d, v, &join_path(path, "fiscal_year"), "2570");
    }
    if let Some(v) = m.get("budget").filter(|v| v.value != Value::Null) {
        a.budget = whole_number(d, v, &join_path(path, "budget"), "350000");
    }
    a.source = text(d, &mut m, path, "source");
    a.responsible = text(d, &mut m, path, "responsible");
    d.finish(m);
    Some(a)
}

/// An optional one-line text; a null value counts as absent.
fn text(d: &mut Decoder, m: &mut MapReader<'_>, path: &str, key: &str) -> Option<At<String>> {
    m.get(key)
        .filter(|v| v.value != Value::Null)
        .and_then(|v| d.string(v, &join_path(path, key)))
}

/// A whole number: a YAML integer, or a text of Arabic or Thai digits
/// (staff type "๒๕๗๐"), with "," or "_" grouping allowed in the text.
fn whole_number(d: &mut Decoder, n: &Node, path: &str, example: &str) -> Option<At<i64>> {
    let parsed = match &n.value {
        Value::Int(i) => Some(*i),
        Value::Str(s) => {
            let t = s.trim();
            let digits: String = t
                .chars()
                .filter(|c| *c != ',' && *c != '_')
                .map(|c| match c {
                    '๐'..='๙' => char::from(b'0' + (c as u32 - '๐' as u32) as u8),
                    c => c,
                })
                .collect();
            let sign_ok = digits.strip_prefix('-').unwrap_or(&digits);
            if !sign_ok.is_empty() && sign_ok.chars().all(|c| c.is_ascii_digit()) {
                digits.parse::<i64>().ok()
            } else {
                None
            }
        }
        _ => None,
    };
    match parsed {
        Some(v) => Some(At {
            value: v,
            pos: n.pos,
        }),
        None => {
            d.push(
                Diagnostic::error(
                    "SCHEMA-TYPE",
                    Some(n.pos),
                    super::format::field_msg(
                        path,
                        |field| format!("{field} ต้องเป็นจำนวนเต็ม"),
                        |field| format!("{field} must be a whole number"),
                    ),
                )
                .with_hint(Msg::new(
                    format!("เขียนเป็นตัวเลขล้วน เช่น {example}"),
                    format!("write digits only, e.g. {example}"),
                )),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::descriptor::testing::{BASE, PROPOSAL};

    /// The decoder's diagnostics (no rules: they sit a layer above).
    fn diagnostics(yaml: &str) -> Vec<crate::diagnostic::Diagnostic> {
        crate::descriptor::load(yaml.as_bytes(), Some("test-pair")).diagnostics
    }

    fn rules_of(yaml: &str) -> Vec<(&'static str, String)> {
        diagnostics(yaml)
            .into_iter()
            .filter(|d| d.rule.starts_with("SCHEMA") || d.rule.starts_with("DATA"))
            .map(|d| (d.rule, d.message.en))
            .collect()
    }

    #[test]
    fn the_example_decodes_cleanly() {
        let l = crate::descriptor::load(format!("{BASE}{PROPOSAL}").as_bytes(), Some("t"));
        assert!(rules_of(&format!("{BASE}{PROPOSAL}")).is_empty());
        let p = l.descriptor.and_then(|d| d.proposal).expect("proposal");
        assert_eq!(p.plan.len(), 3);
        assert_eq!(p.plan[0].budget.as_ref().map(|b| b.value), Some(350000));
        assert_eq!(
            p.letter.office.as_ref().map(|o| o.value.as_str()),
            Some("สำนักงานจังหวัดเชียงใหม่")
        );
    }

    #[test]
    fn unknown_keys_wrong_types_and_thai_digits() {
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("    office:", "    ofice: x\n    office:")
        );
        assert_eq!(
            rules_of(&y),
            vec![(
                "SCHEMA-UNKNOWN",
                "unknown key `ofice` in the section “Covering letter”".to_string()
            )]
        );
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("budget: 350000", "budget: lots")
        );
        assert_eq!(rules_of(&y).len(), 1);
        assert_eq!(rules_of(&y)[0].0, "SCHEMA-TYPE");
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("budget: 350000", "budget: \"๓๕๐,๐๐๐\"")
        );
        assert!(rules_of(&y).is_empty());
        let l = crate::descriptor::load(y.as_bytes(), Some("t"));
        let p = l.descriptor.and_then(|d| d.proposal).expect("proposal");
        assert_eq!(p.plan[0].budget.as_ref().map(|b| b.value), Some(350000));
        let y = format!(
            "{BASE}{}",
            PROPOSAL.replace("date: 2026-01-15", "date: 2026-02-30")
        );
        assert_eq!(rules_of(&y)[0].0, "DATA-DATE");
    }
}
