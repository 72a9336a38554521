//! The templates are the MFA standard word for word, except what
//! `templates/DEVIATIONS.md` lists.
//!
//! `fixtures/standard/standard-blocks.txt` is the standard's text from seed 004, cut into the
//! templates' blocks (verbatim, OCR damage included); this test applies the table's rows to it
//! and requires the result to be each template block exactly. A template edit that the table
//! does not list fails here, and so does a row that no longer applies.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const TEMPLATES: [&str; 4] = ["mou.th", "mou.en", "loi.th", "loi.en"];

/// `{{x}}` -> `{{ x }}`; runs of spaces -> one; no space next to a slot.
fn norm(s: &str) -> String {
    let mut canon = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("{{") {
        canon.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find("}}") {
            Some(j) => {
                canon.push_str(&format!("{{{{ {} }}}}", after[..j].trim()));
                rest = &after[j + 2..];
            }
            None => {
                canon.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    canon.push_str(rest);
    let collapsed = canon.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.replace(" {{", "{{").replace("}} ", "}}")
}

/// The template's blocks: "key", "clause-5/notice", "signature#3" -> text.
fn template_blocks(src: &str) -> BTreeMap<String, String> {
    let body = match src.find("-#}") {
        Some(i) => &src[i + 3..],
        None => src,
    };
    let mut variant: Option<&str> = None;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("{% if termination == \"notice\"") {
            variant = Some("notice");
            continue;
        }
        if t.starts_with("{% else") {
            variant = Some("fixed-term");
            continue;
        }
        if t.starts_with("{% endif") {
            variant = None;
            continue;
        }
        assert!(
            !t.contains("{%"),
            "template tag the test does not know: {t}"
        );
        let Some(rest) = t.strip_prefix('@') else {
            assert!(t.is_empty(), "line outside the markup: {t}");
            continue;
        };
        let (head, text) = rest.split_once(" | ").expect("@style key | text");
        let key = head
            .split_whitespace()
            .nth(1)
            .expect("block key")
            .to_string();
        let name = if key == "signature" {
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            format!("{key}#{n}")
        } else if let Some(v) = variant {
            format!("{key}/{v}")
        } else {
            key
        };
        assert!(
            out.insert(name.clone(), text.to_string()).is_none(),
            "two blocks named {name}"
        );
    }
    out
}

struct Marked {
    /// The seed's own words (markers replaced by their seed text).
    seed_passages: Vec<String>,
    /// The standard with each marker replaced by its template text.
    slotted: String,
}

fn read_marked(text: &str) -> Marked {
    let mut seed_passages = Vec::new();
    let mut slotted = Vec::new();
    for passage in text.split('⧺') {
        let mut seed = String::new();
        let mut out = String::new();
        let mut rest = passage;
        while let Some(i) = rest.find('⟪') {
            seed.push_str(&rest[..i]);
            out.push_str(&rest[..i]);
            let after = &rest[i + '⟪'.len_utf8()..];
            let j = after.find('⟫').expect("⟪ without ⟫");
            let (s, t) = after[..j].split_once('|').expect("⟪seed|template⟫");
            seed.push_str(s);
            out.push_str(t);
            rest = &after[j + '⟫'.len_utf8()..];
        }
        seed.push_str(rest);
        out.push_str(rest);
        seed_passages.push(seed.trim().to_string());
        slotted.push(out);
    }
    Marked {
        seed_passages,
        slotted: slotted.join(" "),
    }
}

/// (template, block) -> the standard's text.
fn standard_blocks() -> BTreeMap<(String, String), Marked> {
    let mut out = BTreeMap::new();
    for line in read("fixtures/standard/standard-blocks.txt").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, text) = line.split_once(" | ").expect("template block | text");
        let (tpl, block) = head.split_once(' ').expect("template block");
        out.insert((tpl.to_string(), block.to_string()), read_marked(text));
    }
    out
}

struct Row {
    line: usize,
    templates: Vec<String>,
    blocks: Vec<String>,
    seed: String,
    template: String,
    kind: String,
}

const KINDS: [&str; 7] = [
    "OCR repair",
    "correction of a slip",
    "MFA wording",
    "choice from the standard",
    "layout",
    "the project's addition",
    "the project's translation",
];

fn deviation_rows() -> Vec<Row> {
    let text = read("templates/DEVIATIONS.md");
    let mut rows = Vec::new();
    let mut in_table = false;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("| template |") {
            in_table = true;
            continue;
        }
        if !in_table || line.starts_with("| ---") {
            continue;
        }
        if !line.starts_with('|') {
            if in_table && !rows.is_empty() {
                break;
            }
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(cells.len(), 6, "DEVIATIONS.md line {}: six cells", i + 1);
        let list = |s: &str| s.split(", ").map(str::to_string).collect::<Vec<_>>();
        assert!(
            KINDS.contains(&cells[4]),
            "DEVIATIONS.md line {}: unknown kind {:?}",
            i + 1,
            cells[4]
        );
        assert!(
            cells[5].len() > 10,
            "DEVIATIONS.md line {}: every row gives its reason",
            i + 1
        );
        rows.push(Row {
            line: i + 1,
            templates: list(cells[0]),
            blocks: list(cells[1]),
            seed: cells[2].to_string(),
            template: cells[3].to_string(),
            kind: cells[4].to_string(),
        });
    }
    assert!(!rows.is_empty(), "DEVIATIONS.md has its table");
    rows
}

#[test]
fn every_standard_passage_is_the_seed_verbatim() {
    let seed = norm(&read("fixtures/standard/seed-004-standard.txt"));
    for ((tpl, block), m) in standard_blocks() {
        for p in &m.seed_passages {
            assert!(
                seed.contains(&norm(p)),
                "{tpl} {block}: \"{p}\" is not in seed 004 as written"
            );
        }
    }
}

#[test]
fn templates_differ_from_the_standard_only_as_listed() {
    let standard = standard_blocks();
    let rows = deviation_rows();
    let mut failures = Vec::new();
    let sources: BTreeMap<&str, String> = TEMPLATES
        .iter()
        .map(|t| (*t, read(&format!("templates/{t}.tera"))))
        .collect();

    // The standard's text per block, with the rows applied.
    let mut expected: BTreeMap<(String, String), String> = standard
        .iter()
        .map(|(k, m)| (k.clone(), norm(&m.slotted)))
        .collect();
    let mut own_text: BTreeSet<String> = BTreeSet::new();
    for row in &rows {
        for tpl in &row.templates {
            assert!(
                TEMPLATES.contains(&tpl.as_str()),
                "DEVIATIONS.md line {}: no template {tpl}",
                row.line
            );
            if row.blocks == ["*"] {
                assert_eq!(row.seed, "(none)", "line {}", row.line);
                assert_eq!(row.kind, "the project's translation", "line {}", row.line);
                own_text.insert(tpl.clone());
                continue;
            }
            for block in &row.blocks {
                let key = (tpl.clone(), block.clone());
                if row.seed == "(none)" {
                    assert!(
                        !expected.contains_key(&key),
                        "DEVIATIONS.md line {}: {tpl} {block} is in the standard",
                        row.line
                    );
                    expected.insert(key, norm(&row.template));
                    continue;
                }
                let Some(text) = expected.get_mut(&key) else {
                    failures.push(format!(
                        "DEVIATIONS.md line {}: the standard has no block {tpl} {block}",
                        row.line
                    ));
                    continue;
                };
                let (from, to) = (norm(&row.seed), norm(&row.template));
                if text.contains(&from) {
                    *text = norm(&text.replace(&from, &to));
                } else {
                    failures.push(format!(
                        "DEVIATIONS.md line {}: {tpl} {block} no longer has \"{from}\" (stale row?)\n  text: {text}",
                        row.line
                    ));
                }
            }
        }
    }

    for (tpl, src) in &sources {
        let blocks = template_blocks(src);
        if own_text.contains(*tpl) {
            assert!(!blocks.is_empty());
            continue;
        }
        for (block, text) in &blocks {
            let key = (tpl.to_string(), block.clone());
            match expected.get(&key) {
                None => failures.push(format!(
                    "{tpl} {block}: not in the standard and not listed in DEVIATIONS.md"
                )),
                Some(want) if *want != norm(text) => failures.push(format!(
                    "{tpl} {block}: the template differs from the standard in a way DEVIATIONS.md does not list\n  standard + listed changes: {want}\n  template:                  {}",
                    norm(text)
                )),
                Some(_) => {}
            }
        }
        for (t, block) in expected.keys() {
            if t == tpl && !blocks.contains_key(block) {
                failures.push(format!(
                    "{tpl} {block}: the standard's passage is missing from the template"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The test itself catches an unlisted change (the finding of issue 11: "ความมั่งคั่งและการพัฒนา"
/// in clause 1 was not the MFA's Thai).
#[test]
fn an_unlisted_change_is_caught() {
    let std = standard_blocks();
    let m = &std[&("mou.th".to_string(), "clause-1".to_string())];
    let with_repair = norm(&m.slotted).replace("พัฒนาาร่วมกัน", "พัฒนาร่วมกัน");
    let old_template = norm(
        "{{ participants }}จะร่วมมือกันและกันเพื่อส่งเสริมความมั่งคั่งและการพัฒนาร่วมกันบนพื้นฐานของความเท่าเทียมและผลประโยชน์ร่วมกัน ภายใต้อำนาจหน้าที่ของตน และตามกฎหมายที่มีผลใช้บังคับในแต่ละประเทศ",
    );
    assert_ne!(with_repair, old_template);
    let current = template_blocks(&read("templates/mou.th.tera"));
    assert_eq!(norm(&current["clause-1"]), with_repair);
}
