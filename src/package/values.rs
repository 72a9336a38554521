//! The data the package templates print: the drafts' slot values (names,
//! relationship, signatories, from `document::compose::context`) plus the
//! proposal's letter heading, plan, profile and the checklist's findings.
//! Values only; every word around them is in `templates/`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::descriptor::model::{Activity, At, Bilingual};
use crate::descriptor::Descriptor;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::compose::{context as draft_context, instrument, slot, text_of, BLANK};
use crate::document::{DocKind, Lang, PackagePart};
use crate::rules;

/// The default addressee of the proposal (descriptor.md).
const DEFAULT_TO: &str = "ปลัดกระทรวงมหาดไทย";

fn or_blank(v: Option<String>) -> String {
    v.unwrap_or_else(|| BLANK.to_string())
}

fn at_text(v: &Option<At<String>>) -> Option<String> {
    v.as_ref().map(|t| t.value.clone())
}

fn bi(v: &Option<Bilingual>, lang: Lang) -> Option<String> {
    text_of(v, lang)
}

/// "350,000": baht grouped by thousands (Thai digits come later, with the
/// rest of the Thai text).
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The English names of the two sides, for document metadata.
pub fn names_en(desc: &Descriptor) -> (String, String) {
    let thai = desc
        .thai_side
        .province
        .as_ref()
        .map(|p| p.value.en_formal())
        .unwrap_or_else(|| BLANK.to_string());
    let partner = bi(&desc.partner.name, Lang::En).unwrap_or_else(|| BLANK.to_string());
    (thai, partner)
}

/// The fiscal year of an activity as the plan groups it ("" when missing).
fn year_of(a: &crate::descriptor::model::Activity) -> String {
    a.fiscal_year
        .as_ref()
        .map(|y| y.value.to_string())
        .unwrap_or_default()
}

/// The proposal's plan of activities, as written (none without a proposal).
pub fn plan_of(desc: &Descriptor) -> &[Activity] {
    desc.proposal
        .as_ref()
        .map(|p| p.plan.as_slice())
        .unwrap_or(&[])
}

/// The 1-based numbers (as written) of the activities of fiscal year `year`.
pub fn activities_of_year(desc: &Descriptor, year: &str) -> Vec<usize> {
    let plan = plan_of(desc);
    plan.iter()
        .enumerate()
        .filter(|(_, a)| year_of(a) == year)
        .map(|(i, _)| i + 1)
        .collect()
}

#[derive(Serialize)]
struct ActivityRow {
    /// 1-based position in the descriptor (row id `a-<n>`).
    n: usize,
    /// Running number in the table.
    no: usize,
    activity: String,
    budget: String,
    source: String,
    responsible: String,
    indicator: String,
}

#[derive(Serialize)]
struct YearRows {
    /// The year as the row id uses it ("2570", or "" when missing).
    id: String,
    year: String,
    activities: Vec<ActivityRow>,
    total: String,
}

/// The plan grouped by fiscal year, years ascending (a missing year last).
fn plan_rows(desc: &Descriptor, lang: Lang) -> (Vec<YearRows>, i64) {
    let plan = plan_of(desc);
    let mut by_year: BTreeMap<(bool, i64), Vec<usize>> = BTreeMap::new();
    for (i, a) in plan.iter().enumerate() {
        let key = match &a.fiscal_year {
            Some(y) => (false, y.value),
            None => (true, 0),
        };
        by_year.entry(key).or_default().push(i);
    }
    let mut no = 0;
    let mut grand = 0i64;
    let mut out = Vec::new();
    for ((missing, year), idx) in by_year {
        let mut total = 0i64;
        let mut rows = Vec::new();
        for i in idx {
            let a = &plan[i];
            no += 1;
            let budget = a.budget.as_ref().map(|b| b.value);
            total += budget.unwrap_or(0);
            rows.push(ActivityRow {
                n: i + 1,
                no,
                activity: slot("activity", &or_blank(bi(&a.activity, lang))),
                budget: slot("budget", &or_blank(budget.map(grouped))),
                source: slot("source", &or_blank(at_text(&a.source))),
                responsible: slot("responsible", &or_blank(at_text(&a.responsible))),
                indicator: slot("indicator", &or_blank(bi(&a.indicator, lang))),
            });
        }
        grand += total;
        out.push(YearRows {
            id: if missing {
                String::new()
            } else {
                year.to_string()
            },
            year: slot(
                "fiscal_year",
                &if missing {
                    BLANK.to_string()
                } else {
                    year.to_string()
                },
            ),
            activities: rows,
            total: slot("budget", &grouped(total)),
        });
    }
    (out, grand)
}

/// The checklist's findings: which rules report something.
fn fired(diags: &[Diagnostic], ids: &[&str]) -> bool {
    diags.iter().any(|d| ids.contains(&d.rule))
}

/// The tera context of one part in one language.
pub fn context(desc: &Descriptor, part: PackagePart, lang: Lang) -> tera::Context {
    let kind = desc.documents.first().copied().unwrap_or(DocKind::Mou);
    let mut c = draft_context(desc, kind, lang);
    let has_loi = desc.documents.contains(&DocKind::Loi);
    let has_mou = desc.documents.contains(&DocKind::Mou);
    c.insert("has_loi", &has_loi);
    c.insert("has_mou", &has_mou);
    c.insert("instrument", &slot("instrument", &instrument(desc, lang)));
    // Enclosure numbers of the covering letter, in the order listed.
    let mut n = 0;
    let mut next = |on: bool| {
        if on {
            n += 1;
            n
        } else {
            0
        }
    };
    c.insert("n_loi", &next(has_loi));
    c.insert("n_mou", &next(has_mou));
    c.insert("n_plan", &next(true));
    c.insert("n_profile", &next(true));
    c.insert("n_checklist", &next(true));

    let p = desc.proposal.as_ref();
    let letter = p.map(|p| &p.letter);
    let lt = |f: fn(&crate::descriptor::model::ProposalLetter) -> &Option<At<String>>| {
        letter.and_then(|l| at_text(f(l)))
    };
    c.insert("number", &slot("number", &or_blank(lt(|l| &l.number))));
    c.insert(
        "to",
        &slot(
            "to",
            &lt(|l| &l.to).unwrap_or_else(|| DEFAULT_TO.to_string()),
        ),
    );
    c.insert("office", &slot("office", &or_blank(lt(|l| &l.office))));
    c.insert("address", &slot("address", &or_blank(lt(|l| &l.address))));
    // Optional values are always set ("" when absent): the templates test them.
    c.insert(
        "reference",
        &lt(|l| &l.reference)
            .map(|r| slot("reference", &r))
            .unwrap_or_default(),
    );
    let letter_date = letter
        .and_then(|l| l.date.as_ref())
        .map(|d| crate::thai::buddhist_date::thai_date(d.value));
    c.insert("letter_date", &slot("letter_date", &or_blank(letter_date)));
    let contact = letter.and_then(|l| l.contact.as_ref());
    for (key, v) in [
        ("contact_unit", contact.and_then(|c| at_text(&c.unit))),
        ("phone", contact.and_then(|c| at_text(&c.phone))),
        ("fax", contact.and_then(|c| at_text(&c.fax))),
        ("email", contact.and_then(|c| at_text(&c.email))),
    ] {
        c.insert(key, &v.map(|v| slot(key, &v)).unwrap_or_default());
    }
    c.insert(
        "reasons",
        &slot("reasons", &or_blank(p.and_then(|p| bi(&p.reasons, lang)))),
    );
    c.insert(
        "profile",
        &slot(
            "partner_profile",
            &or_blank(p.and_then(|p| bi(&p.partner_profile, lang))),
        ),
    );
    if let Some(country) = &desc.partner.country {
        let name = match lang {
            Lang::Th => country.value.th.to_string(),
            Lang::En => country.value.en.to_string(),
        };
        c.insert("country", &slot("country", &name));
    }

    let (years, grand) = plan_rows(desc, lang);
    let first = years.first().map(|y| y.id.clone()).unwrap_or_default();
    let last = years
        .iter()
        .rev()
        .find(|y| !y.id.is_empty())
        .map(|y| y.id.clone())
        .unwrap_or_default();
    c.insert("first_year", &slot("fiscal_year", &first));
    c.insert("last_year", &slot("fiscal_year", &last));
    c.insert("one_year", &(first == last));
    c.insert("years", &years);
    c.insert("grand_total", &slot("budget", &grouped(grand)));
    c.insert(
        "activity_count",
        &p.map(|p| p.plan.len()).unwrap_or(0).to_string(),
    );

    // What the rules say, for the letter (deviations, the registry) and
    // the checklist.
    let diags = rules::check(desc);
    let deviations: Vec<String> = diags
        .iter()
        .filter(|d| ["MFA-2", "MOU-TITLE", "MFA-12"].contains(&d.rule))
        .map(|d| slot("deviation", d.message.get(lang)))
        .collect();
    c.insert("deviations", &deviations);
    let existing = rules::existing_pair::matches(desc);
    c.insert("existing", "");
    c.insert("upgrade", &false);
    if let Some(r) = existing.first() {
        let (th, en) = rules::existing_pair::describe(r);
        c.insert(
            "existing",
            &slot("existing", if lang == Lang::Th { &th } else { &en }),
        );
        c.insert("upgrade", &r.is_upgrade_candidate());
    }
    if part == PackagePart::Checklist {
        let prop1 = rules::proposal_complete::for_package(desc);
        let letter_ok = letter.is_some_and(|l| l.office.is_some() && l.number.is_some());
        let plan_ok = p.is_some_and(|p| !p.plan.is_empty()) && prop1.is_empty();
        let budget_ok = p.is_some_and(|p| {
            !p.plan.is_empty()
                && p.plan
                    .iter()
                    .all(|a| a.budget.as_ref().is_some_and(|b| b.value >= 0))
        });
        let checks = [
            ("check_letter", letter_ok),
            ("check_plan", plan_ok),
            ("check_budget", budget_ok),
            (
                "check_indicators",
                p.is_some() && !fired(&diags, &["PROP-2"]),
            ),
            ("check_years", p.is_some() && !fired(&diags, &["PROP-3"])),
            (
                "check_profile",
                p.is_some_and(|p| p.reasons.is_some() && p.partner_profile.is_some()),
            ),
            ("check_level", !fired(&diags, &["MFA-1"])),
            ("check_signatories", !fired(&diags, &["MFA-9"])),
            (
                "check_standard",
                !fired(&diags, &["MFA-2", "MFA-12", "MOU-5", "MOU-TITLE"]),
            ),
            ("check_registry", true),
        ];
        for (k, v) in checks {
            c.insert(k, &v);
        }
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        c.insert("rule_errors", &errors.to_string());
    }
    c
}

#[cfg(test)]
mod tests {
    #[test]
    fn baht_are_grouped_by_thousands() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(350000), "350,000");
        assert_eq!(super::grouped(1234567), "1,234,567");
        assert_eq!(super::grouped(-1000), "-1,000");
    }
}
