//! `docs/messages-th.md`: every message `check` can print, in Thai and
//! English, generated from the code (issue 11: every diagnostic read in
//! Thai end to end). The cases are the invalid fixtures plus one edit of a
//! valid descriptor per message the fixtures do not reach; the test fails
//! when the file is not what the code prints (`UPDATE_GOLDEN=1` rewrites it),
//! when a rule `check` can raise has no row, and when a Thai message or hint
//! slips back into programmer's notation (backquoted keys, dotted paths).

mod common;
use common::{golden, root, stem, yaml_files};
use sisterdoc::check::check_bytes;
use sisterdoc::diagnostic::Diagnostic;
use sisterdoc::lang::Lang;
use std::collections::BTreeSet;

/// (case name, edits of fixtures/valid/chiangmai-kunming.yaml or of the
/// proposal fixture: each `(from, to)` replaced once).
type Case = (&'static str, bool, &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    (
        "empty text",
        false,
        &[(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: Kunming, th: \"\"}",
        )],
    ),
    (
        "text with a tab",
        false,
        &[(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: \"Kun\\tming\", th: นครคุนหมิง}",
        )],
    ),
    (
        "placeholder",
        false,
        &[("  province: Chiang Mai", "  province: <จังหวัด>")],
    ),
    (
        "not bilingual",
        false,
        &[("name: {en: Kunming, th: นครคุนหมิง}", "name: Kunming")],
    ),
    (
        "th missing",
        false,
        &[("name: {en: Kunming, th: นครคุนหมิง}", "name: {en: Kunming}")],
    ),
    (
        "th not Thai",
        false,
        &[(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: Kunming, th: Kunming}",
        )],
    ),
    (
        "en in Thai",
        false,
        &[(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: คุนหมิง, th: นครคุนหมิง}",
        )],
    ),
    (
        "period",
        false,
        &[("notice_period: 6 months", "notice_period: six months")],
    ),
    (
        "date type",
        false,
        &[("  date: 2026-03-15", "  date: [2026]")],
    ),
    (
        "date format",
        false,
        &[("  date: 2026-03-15", "  date: tomorrow")],
    ),
    (
        "Thai date, CE year",
        false,
        &[("  date: 2026-03-15", "  date: 15 มีนาคม 2026")],
    ),
    (
        "no documents",
        false,
        &[("documents: [loi, mou]", "documents: []")],
    ),
    (
        "no fields",
        false,
        &[(
            "  fields: [trade, investment,",
            "  fields: []\n  old: [trade, investment,",
        )],
    ),
    ("choice type", false, &[("  unit: city", "  unit: [city]")]),
    (
        "key type",
        false,
        &[(
            "relationship: sister-cities",
            "relationship: [sister-cities]",
        )],
    ),
    ("version", false, &[("version: 1", "version: 2")]),
    (
        "key already written",
        false,
        &[(
            "    rank: governor-equivalent",
            "    rank: governor-equivalent\n    rnak: lower",
        )],
    ),
    (
        "equally close",
        false,
        &[("  province: Chiang Mai", "  province: Chiang ai")],
    ),
    (
        "below province",
        false,
        &[("  level: province-equivalent", "  level: below-province")],
    ),
    (
        "partner rank",
        false,
        &[("    rank: governor-equivalent", "    rank: lower")],
    ),
    ("Taiwan", false, &[("  country: CN", "  country: TW")]),
    (
        "both options",
        false,
        &[(
            "    notice_period: 6 months",
            "    notice_period: 6 months\n    term: 5 years",
        )],
    ),
    (
        "notice 0",
        false,
        &[("notice_period: 6 months", "notice_period: 0 months")],
    ),
    (
        "notice long",
        false,
        &[("notice_period: 6 months", "notice_period: 18 months")],
    ),
    (
        "fixed term, no term",
        false,
        &[(
            "    option: notice\n    notice_period: 6 months",
            "    option: fixed-term",
        )],
    ),
    (
        "fixed term with notice",
        false,
        &[(
            "    option: notice\n    notice_period: 6 months",
            "    option: fixed-term\n    notice_period: 6 months\n    term: 5 years",
        )],
    ),
    (
        "term 0",
        false,
        &[(
            "    option: notice\n    notice_period: 6 months",
            "    option: fixed-term\n    term: 0 years",
        )],
    ),
    (
        "pair signed by the province",
        false,
        &[(
            "name: {en: Kunming, th: นครคุนหมิง}",
            "name: {en: Shanghai, th: นครเซี่ยงไฮ้}",
        )],
    ),
    (
        "no office",
        true,
        &[("    office: สำนักงานจังหวัดเชียงใหม่\n", "")],
    ),
    (
        "activity lacks",
        true,
        &[("      source: งบประมาณจังหวัด\n", "")],
    ),
    (
        "negative budget",
        true,
        &[("      budget: 350000", "      budget: -5")],
    ),
    (
        "budget not a number",
        true,
        &[("      budget: 350000", "      budget: lots")],
    ),
    (
        "CE fiscal year",
        true,
        &[("      fiscal_year: 2570", "      fiscal_year: 2027")],
    ),
    (
        "not a fiscal year",
        true,
        &[("      fiscal_year: 2570", "      fiscal_year: 25")],
    ),
    (
        "no indicator",
        true,
        &[(
            "      indicator: {th: มีการเยือนอย่างน้อยปีละ 1 ครั้ง, en: at least one visit a year}\n",
            "",
        )],
    ),
    (
        "empty plan",
        true,
        &[("  plan:\n", "  plan: []\n  old_plan:\n")],
    ),
    (
        "tab indent",
        false,
        &[("  province: Chiang Mai", "\tprovince: Chiang Mai")],
    ),
    (
        "unclosed bracket",
        false,
        &[("documents: [loi, mou]", "documents: [loi, mou")],
    ),
];

/// Rules `check` never raises (the build, file errors, the diff of a returned draft).
const NOT_FROM_CHECK: &[&str] = &[
    "BUILD-DUPLICATE-ID",
    "BUILD-STALE",
    "BUILD-RENDER",
    "IO",
    "MFA-8",
];

fn diagnostics() -> Vec<(String, Diagnostic)> {
    let mut out = Vec::new();
    for f in yaml_files("fixtures/invalid") {
        let l = check_bytes(&std::fs::read(&f).expect("read"), Some(&stem(&f)));
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.extend(l.diagnostics.into_iter().map(|d| (name.clone(), d)));
    }
    let valid = std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("fixture");
    let proposal =
        std::fs::read_to_string(root().join("fixtures/proposal/chiangmai-kunming-proposal.yaml"))
            .expect("fixture");
    for (name, with_proposal, edits) in CASES {
        let mut src = if *with_proposal {
            proposal.clone()
        } else {
            valid.clone()
        };
        for (from, to) in *edits {
            assert!(src.contains(from), "{name}: {from:?} not in the fixture");
            src = src.replacen(from, to, 1);
        }
        let l = check_bytes(src.as_bytes(), Some("chiangmai-kunming"));
        out.extend(l.diagnostics.into_iter().map(|d| (name.to_string(), d)));
    }
    // No id and no file name; a file over the size limit.
    let l = check_bytes(
        valid.replace("id: chiangmai-kunming\n", "").as_bytes(),
        None,
    );
    out.extend(l.diagnostics.into_iter().map(|d| ("no id".to_string(), d)));
    let l = sisterdoc::descriptor::too_large(2_000_000);
    out.extend(
        l.diagnostics
            .into_iter()
            .map(|d| ("too large".to_string(), d)),
    );
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn document(diags: &[(String, Diagnostic)]) -> String {
    let catalogue = sisterdoc::rules::catalogue();
    let order = |rule: &str| {
        catalogue
            .iter()
            .position(|r| r.id == rule)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<(usize, String, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    for (case, d) in diags {
        let hint = d
            .hint
            .clone()
            .unwrap_or(sisterdoc::diagnostic::Msg::new("", ""));
        let key = (d.rule, d.message.th.clone(), hint.th.clone());
        if !seen.insert(key) {
            continue;
        }
        let row = format!(
            "| {} | {} | {} | {} | {} | {} |",
            d.rule,
            cell(case),
            cell(&d.message.th),
            cell(&hint.th),
            cell(&d.message.en),
            cell(&hint.en)
        );
        rows.push((order(d.rule), d.message.th.clone(), row));
    }
    rows.sort();
    let mut out = String::from(
        "# Diagnostic messages in Thai and English\n\n\
         Generated by `tests/messages_doc.rs` from the code (`UPDATE_GOLDEN=1 cargo test --test \
         messages_doc` rewrites it; the test fails when it is out of date): every distinct message \
         `sisterdoc check` prints for the fixtures in `fixtures/invalid/` and for one edit of a valid \
         descriptor per message the fixtures do not reach (the case column). Then the catalogue, as \
         `sisterdoc rules` prints it.\n\n\
         Thai is written for a provincial civil servant: fields are named by their Thai labels \
         (the form's labels, from `descriptor::format::FIELDS`), list items by number, quoted \
         with “ ”. Digits: Thai digits for numbers in Thai prose (counts, years of the registry, \
         guideline, clause and item numbers); a message about a value typed with Arabic digits \
         (a date, a period, a fiscal year, a size) keeps Arabic digits throughout, so it matches \
         what is typed. English uses Arabic digits.\n\n\
         Not from `check`, so not in the table: BUILD-DUPLICATE-ID, BUILD-STALE, BUILD-RENDER \
         (`sisterdoc build`), IO (a file that cannot be read), MFA-8 (`sisterdoc diff`).\n\n",
    );
    out.push_str(&format!("{} messages.\n\n", rows.len()));
    out.push_str("| rule | case | Thai message | Thai hint | English message | English hint |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for (_, _, r) in &rows {
        out.push_str(r);
        out.push('\n');
    }
    out.push_str("\n## The catalogue (`sisterdoc rules`, `sisterdoc rules --lang th`)\n\n");
    out.push_str(
        "| ID | severity | Thai title | Thai explanation | English title | English explanation |\n",
    );
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for r in &catalogue {
        let src_th = sisterdoc::rules::source_label(r.guideline, Lang::Th);
        let src_en = sisterdoc::rules::source_label(r.guideline, Lang::En);
        let with = |t: &str, s: &str| {
            if s.is_empty() {
                t.to_string()
            } else {
                format!("{t} ({s})")
            }
        };
        out.push_str(&format!(
            "| {} | {} / {} | {} | {} | {} | {} |\n",
            r.id,
            r.severity.word(Lang::Th),
            r.severity.word(Lang::En),
            cell(&with(r.title_th, &src_th)),
            cell(sisterdoc::rules::explanations_th::explanation_th(r.id).unwrap_or("")),
            cell(&with(r.title_en, &src_en)),
            cell(r.explanation_en)
        ));
    }
    out
}

#[test]
fn every_message_is_listed_in_thai_and_english_and_the_file_is_current() {
    let diags = diagnostics();
    let doc = document(&diags);
    if let Err(e) = golden(&root().join("docs/messages-th.md"), &doc) {
        panic!("{e}");
    }
    // Every rule check can raise has at least one row.
    let listed: BTreeSet<&str> = diags.iter().map(|(_, d)| d.rule).collect();
    for r in sisterdoc::rules::catalogue() {
        if !NOT_FROM_CHECK.contains(&r.id) {
            assert!(listed.contains(r.id), "{}: no case raises it", r.id);
        }
    }
    // Every case raises something (an edit that no longer applies would
    // leave the valid file, with only the registry's notes).
    for (name, _, _) in CASES {
        assert!(
            diags.iter().any(
                |(c, d)| c == name && (!d.rule.starts_with("REG-") || name.starts_with("pair"))
            ),
            "{name}: raises nothing"
        );
    }
}

#[test]
fn thai_messages_name_fields_in_words() {
    for (case, d) in diagnostics() {
        let hint = d.hint.clone().map(|h| h.th).unwrap_or_default();
        for text in [&d.message.th, &hint] {
            assert!(
                !text.contains('`'),
                "{case} {}: backquote in Thai: {text}",
                d.rule
            );
            // A dotted descriptor path ("partner.signatory.rank") is YAML talk.
            let dotted = text
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                .any(|w| {
                    let parts: Vec<&str> = w.split('.').collect();
                    parts.len() > 1
                        && parts.iter().all(|p| {
                            p.len() > 1 && p.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        })
                });
            assert!(
                !dotted,
                "{case} {}: descriptor path in Thai: {text}",
                d.rule
            );
        }
    }
}
