//! Every fixture checked against its golden diagnostics, and the bad-input cases.

mod common;
use common::*;
use sisterdoc::check::check_bytes;
use sisterdoc::diagnostic::{render_text, JsonRecord, Severity, Style};
use sisterdoc::lang::Lang;

fn report(name: &str, bytes: &[u8], stem: &str) -> String {
    let l = check_bytes(bytes, Some(stem));
    let mut out = String::new();
    for lang in [Lang::En, Lang::Th] {
        for d in &l.diagnostics {
            out.push_str(&render_text(d, name, &l.source, lang, Style::default()));
        }
    }
    for d in &l.diagnostics {
        out.push_str(&serde_json::to_string(&JsonRecord::new(name, d)).expect("json"));
        out.push('\n');
    }
    out
}

#[test]
fn valid_fixtures_have_no_errors() {
    let files = yaml_files("fixtures/valid");
    assert!(files.len() >= 6, "at least six valid fixtures");
    for f in files {
        let l = check_bytes(&std::fs::read(&f).expect("read"), Some(&stem(&f)));
        let errors: Vec<_> = l
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
        // Only the deliberate MFA-1 case may warn (registry notes are info/warnings of REG-*).
        for d in &l.diagnostics {
            assert!(
                d.rule.starts_with("REG-") || (stem(&f) == "lamphun-orinda" && d.rule == "MFA-1"),
                "{}: unexpected {d:?}",
                f.display()
            );
        }
    }
}

/// The rule a fixture is named after ("mfa-9-vice-governor" -> "MFA-9").
fn expected_rule(stem: &str) -> Option<&'static str> {
    const PREFIXES: &[(&str, &str)] = &[
        ("mfa-12", "MFA-12"),
        ("mfa-1-", "MFA-1"),
        ("mfa-2", "MFA-2"),
        ("mfa-9", "MFA-9"),
        ("mou-5", "MOU-5"),
        ("mou-title", "MOU-TITLE"),
        ("data-province", "DATA-PROVINCE"),
        ("data-country", "DATA-COUNTRY"),
        ("data-field", "DATA-FIELD"),
        ("data-language", "DATA-LANGUAGE"),
        ("data-date-be", "DATA-DATE-BE"),
        ("data-date", "DATA-DATE"),
        ("data-normalize", "DATA-NORMALIZE"),
        ("data-id", "DATA-ID"),
        ("data-glyph", "DATA-GLYPH"),
        ("data-relationship", "DATA-RELATIONSHIP"),
        ("data-position", "DATA-POSITION"),
        ("schema-type", "SCHEMA-TYPE"),
        ("schema-missing", "SCHEMA-MISSING"),
        ("schema-unknown", "SCHEMA-UNKNOWN"),
        ("schema-version", "SCHEMA-VERSION"),
        ("schema-value", "SCHEMA-VALUE"),
        ("schema-empty", "SCHEMA-EMPTY"),
        ("schema-comments-only", "SCHEMA-EMPTY"),
        ("schema-syntax", "SCHEMA-SYNTAX"),
        ("schema-comma", "SCHEMA-COMMA"),
        ("schema-encoding", "SCHEMA-ENCODING"),
        ("schema-alias-bomb", "SCHEMA-LIMIT"),
        ("Bad_Stem", "DATA-ID"),
        ("reg-1", "REG-1"),
    ];
    PREFIXES
        .iter()
        .find(|(p, _)| stem.starts_with(p))
        .map(|(_, r)| *r)
}

#[test]
fn invalid_fixtures_match_their_golden_diagnostics() {
    let mut failures = Vec::new();
    let files = yaml_files("fixtures/invalid");
    assert!(files.len() >= 25);
    for f in files {
        let s = stem(&f);
        let bytes = std::fs::read(&f).expect("read");
        let name = format!(
            "fixtures/invalid/{}",
            f.file_name().and_then(|n| n.to_str()).unwrap_or_default()
        );
        let l = check_bytes(&bytes, Some(&s));
        assert!(!l.diagnostics.is_empty(), "{s}: nothing reported");
        if let Some(rule) = expected_rule(&s) {
            assert!(
                l.diagnostics.iter().any(|d| d.rule == rule),
                "{s}: expected {rule}, got {:?}",
                l.diagnostics
            );
        } else {
            assert_eq!(s, "three-problems", "fixture {s} has no expected rule");
        }
        let golden_path = f.with_extension("expected");
        if let Err(e) = golden(&golden_path, &report(&name, &bytes, &s)) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn three_problems_are_reported_in_one_pass() {
    let bytes = std::fs::read(root().join("fixtures/invalid/three-problems.yaml")).expect("read");
    let l = check_bytes(&bytes, Some("three-problems"));
    let rules: Vec<&str> = l.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, vec!["MFA-9", "DATA-COUNTRY", "DATA-DATE"]);
}

#[test]
fn files_over_one_mebibyte_are_refused_unread() {
    let mut big = b"version: 1\n# ".to_vec();
    big.resize(sisterdoc::descriptor::MAX_BYTES + 10, b'x');
    let l = check_bytes(&big, Some("big"));
    assert_eq!(l.diagnostics.len(), 1);
    assert_eq!(l.diagnostics[0].rule, "SCHEMA-SIZE");
    assert!(l.descriptor.is_none());
}

#[test]
fn a_utf8_bom_is_accepted() {
    let base = std::fs::read(root().join("fixtures/valid/chiangmai-kunming.yaml")).expect("read");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&base);
    let l = check_bytes(&with_bom, Some("x"));
    assert!(
        l.diagnostics.iter().all(|d| d.rule.starts_with("REG-")),
        "{:?}",
        l.diagnostics
    );
}

#[test]
fn user_text_is_data_even_when_it_looks_like_template_code() {
    let base = std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("read");
    let y = base.replace(
        "name: {en: Kunming, th: นครคุนหมิง}",
        "name: {en: \"Kunming {{ 7*7 }} {% if true %}x{% endif %}\", th: นครคุนหมิง}",
    );
    let l = check_bytes(y.as_bytes(), Some("x"));
    let desc = l.descriptor.expect("model");
    let doc =
        sisterdoc::document::compose(&desc, sisterdoc::document::DocKind::Mou, Default::default())
            .expect("builds");
    let text = doc.plain_text();
    assert!(
        text.contains("Kunming {{ 7*7 }} {% if true %}x{% endif %}"),
        "{text}"
    );
    assert!(!text.contains("49"));
}
