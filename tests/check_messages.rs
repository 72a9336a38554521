//! What `check` tells staff (issue 11, part 2 and the did-you-mean of part 3):
//! the registry's facts once, in one digit style, with source ids only in
//! JSON and `--verbose`; `check --fix` writing a did-you-mean only when
//! there is exactly one candidate.

mod common;
use common::{dry_run_then_fix, root, sisterdoc};
use sisterdoc::check::check_bytes;

fn valid() -> String {
    std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml")).expect("fixture")
}

/// Errors and warnings other than the registry's (the pair is in it).
fn left(src: &str) -> Vec<String> {
    check_bytes(src.as_bytes(), Some("chiangmai-kunming"))
        .diagnostics
        .iter()
        .filter(|d| !d.rule.starts_with("REG-"))
        .map(|d| format!("{} {}", d.rule, d.message.en))
        .collect()
}

#[test]
fn registry_facts_once_without_source_ids_unless_asked() {
    let f = "fixtures/invalid/reg-1-chiangmai-kunming.yaml";
    for lang in ["th", "en"] {
        let (_, out, _) = sisterdoc(&["check", "--lang", lang, f]);
        let reg: Vec<&str> = out
            .lines()
            .filter(|l| l.contains("[REG-") || l.contains("= hint") || l.contains("คำแนะนำ"))
            .collect();
        assert!(reg.len() >= 3, "{out}");
        for l in &reg {
            // The text after the "severity[RULE]:" or "= hint:" label.
            let l = l.split_once(": ").map_or(*l, |(_, t)| t);
            assert!(!l.contains('#'), "source id shown to staff: {l}");
            assert!(!l.contains("003-signed"), "{l}");
            if lang == "th" {
                assert!(
                    !l.chars().any(|c| c.is_ascii_digit()),
                    "Thai digits only: {l}"
                );
            } else {
                assert!(!l.chars().any(|c| ('๐'..='๙').contains(&c)), "{l}");
            }
        }
        let reg1 = reg.iter().find(|l| l.contains("[REG-1]")).expect("REG-1");
        assert_eq!(reg1.matches("เทศบาลนครเชียงใหม่").count(), 1, "{reg1}");
    }
    // Verbose: the sources, under the hint.
    let (_, out, _) = sisterdoc(&["check", "-v", f]);
    assert!(out.contains("   = sources: 003-signed#"), "{out}");
    let (_, out, _) = sisterdoc(&["check", "--verbose", "--lang", "th", f]);
    assert!(out.contains("   = แหล่งข้อมูล: 003-signed#"), "{out}");
    // JSON: always, as a field of the record, never in the message.
    let (_, out, _) = sisterdoc(&["check", "--format", "json", f]);
    let reg1: serde_json::Value = out
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["rule"] == "REG-1")
        .expect("REG-1 record");
    let sources = reg1["sources"].as_array().expect("sources");
    assert!(
        sources
            .iter()
            .any(|s| s.as_str().is_some_and(|s| s.starts_with("003-signed#"))),
        "{reg1}"
    );
    assert!(!reg1["message_th"].as_str().unwrap_or("#").contains('#'));
    assert!(!reg1["hint"].as_str().unwrap_or("#").contains('#'));
}

#[test]
fn fix_renames_a_misspelled_key_with_one_candidate_and_the_file_checks_clean() {
    let src = valid().replace("  province: Chiang Mai", "  provnce: Chiang Mai # as typed");
    let d = check_bytes(src.as_bytes(), Some("x"));
    let unknown = d
        .diagnostics
        .iter()
        .find(|d| d.rule == "SCHEMA-UNKNOWN")
        .expect("reported");
    assert_eq!(
        unknown.fix.as_ref().map(|f| f.replacement.as_str()),
        Some("province")
    );
    assert!(
        unknown.message.th.contains("“provnce”"),
        "{}",
        unknown.message.th
    );
    assert!(
        unknown.message.th.contains("หัวข้อ “ฝ่ายไทย”"),
        "{}",
        unknown.message.th
    );
    let fixed = sisterdoc::check::fix_all(&src, Some("chiangmai-kunming"));
    assert!(
        fixed.text.contains("  province: Chiang Mai # as typed\n"),
        "{}",
        fixed.text
    );
    assert_eq!(fixed.text.lines().count(), src.lines().count());
    assert!(left(&fixed.text).is_empty(), "{:?}", left(&fixed.text));
}

#[test]
fn fix_writes_a_value_with_one_candidate() {
    let src = valid()
        .replace("  country: CN", "  country: Jappan")
        .replace("  unit: city", "  unit: cty");
    let fixed = sisterdoc::check::fix_all(&src, Some("chiangmai-kunming"));
    assert!(fixed.text.contains("  country: JP\n"), "{}", fixed.text);
    assert!(fixed.text.contains("  unit: city\n"), "{}", fixed.text);
    let rules: Vec<&str> = fixed.applied.iter().map(|a| a.rule).collect();
    assert_eq!(
        rules,
        ["SCHEMA-VALUE", "DATA-COUNTRY"],
        "{:#?}",
        fixed.applied
    );
    // A misspelled province and cooperation field too.
    let src = valid()
        .replace("  province: Chiang Mai", "  province: Chiang Maii")
        .replace("[trade, tourism", "[trade, turism");
    let fixed = sisterdoc::check::fix_all(&src, Some("chiangmai-kunming"));
    assert!(
        fixed.text.contains("  province: Chiang Mai\n"),
        "{}",
        fixed.text
    );
    assert!(!fixed.text.contains("turism"), "{}", fixed.text);
}

#[test]
fn fix_never_guesses_between_two_equally_close_candidates() {
    for (from, to, both) in [
        (
            "  province: Chiang Mai",
            "  province: Chiang ai",
            ["Chiang Mai", "Chiang Rai"],
        ),
        ("  country: CN", "  country: Ieland", ["IE", "IS"]),
    ] {
        let src = valid().replace(from, to);
        let d = check_bytes(src.as_bytes(), Some("x"));
        let bad = d
            .diagnostics
            .iter()
            .find(|d| d.rule.starts_with("DATA-"))
            .expect("reported");
        assert!(bad.fix.is_none(), "{bad:#?}");
        let hint = bad.hint.as_ref().expect("hint");
        for c in both {
            assert!(hint.en.contains(c) && hint.th.contains(c), "{c}: {hint:?}");
        }
        let fixed = sisterdoc::check::fix_all(&src, Some("x"));
        assert!(fixed.applied.is_empty(), "{:#?}", fixed.applied);
        assert_eq!(fixed.text, src);
    }
}

#[test]
fn fix_dry_run_shows_the_did_you_mean_as_a_diff() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("chiangmai-kunming.yaml");
    let src = valid()
        .replace("  province: Chiang Mai", "  provnce: Chiang Mai")
        .replace("  country: CN", "  country: Jappan");
    std::fs::write(&path, &src).expect("write");
    let (dry, code, out) = dry_run_then_fix(&path, &src);
    assert!(
        dry.contains("-  provnce: Chiang Mai\n+  province: Chiang Mai\n"),
        "{dry}"
    );
    assert!(
        dry.contains("-  country: Jappan\n+  country: JP\n"),
        "{dry}"
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("[SCHEMA-UNKNOWN]  provnce -> province"),
        "{out}"
    );
}

#[test]
fn the_thai_summary_and_what_was_read_use_thai_digits() {
    let (_, out, _) = sisterdoc(&[
        "check",
        "--lang",
        "th",
        "fixtures/invalid/three-problems.yaml",
        "fixtures/valid/chiangmai-kunming.yaml",
    ]);
    let summary = out.lines().last().unwrap_or_default();
    assert_eq!(
        summary, "ตรวจ ๒ ไฟล์ มีข้อผิดพลาด ๑ ไฟล์ (ข้อผิดพลาด ๓ รายการ คำเตือน ๑ รายการ)",
        "{out}"
    );
    assert!(
        out.contains("  วันลงนาม: ๑๕ มีนาคม พ.ศ. ๒๕๖๙ (15 March 2026)"),
        "{out}"
    );
    assert!(
        out.contains("  เอกสาร: หนังสือแสดงเจตจำนง (LOI) และบันทึกความเข้าใจ (MOU)"),
        "{out}"
    );
}
