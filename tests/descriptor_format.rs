//! The format table (`descriptor::format`) is the one definition of the
//! descriptor: the decoder reads every key it lists (and no other), and the
//! form values written back as YAML decode to the same documents.

mod common;
use common::{root, stem, yaml_files};
use sisterdoc::check::check_bytes;
use sisterdoc::descriptor::form_values::{self, Mode};
use sisterdoc::descriptor::format::{self, Kind, FIELDS};
use sisterdoc::diagnostic::Severity;

/// The Chiang Mai - Kunming proposal fixture with every optional key present.
fn maximal() -> String {
    let text =
        std::fs::read_to_string(root().join("fixtures/proposal/chiangmai-kunming-proposal.yaml"))
            .expect("fixture");
    let mut values = form_values::read(&text).expect("reads");
    use form_values::FormValue::Text;
    values.insert("partner.language".into(), Text("zh".into()));
    values.insert("output.docx_font".into(), Text("TH Sarabun New".into()));
    use form_values::FormValue::Pair;
    values.insert(
        "partner.within".into(),
        Pair {
            th: "มณฑลยูนนาน".into(),
            en: "Yunnan Province".into(),
        },
    );
    values.insert(
        "signing.place".into(),
        Pair {
            th: "นครคุนหมิง".into(),
            en: "Kunming".into(),
        },
    );
    values.insert("signing.date".into(), Text("2026-03-15".into()));
    values.insert(
        "cooperation.explore".into(),
        form_values::FormValue::List(vec![form_values::ListItem::Key("culture".into())]),
    );
    values.insert("output.layout".into(), Text("parallel".into()));
    values.insert(
        "proposal.letter.to".into(),
        Text("ปลัดกระทรวงมหาดไทย".into()),
    );
    values.insert(
        "proposal.letter.reference".into(),
        Text("หนังสือกระทรวงมหาดไทย ที่ มท 0211/1 ลงวันที่ 1 ธันวาคม 2568".into()),
    );
    values.insert(
        "proposal.letter.contact.fax".into(),
        Text("0 5311 2346".into()),
    );
    form_values::write_yaml(&values, Mode::Filled, &[])
}

fn errors(text: &str) -> Vec<String> {
    check_bytes(text.as_bytes(), Some("x"))
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {:?}: {}", d.rule, d.path, d.message.en))
        .collect()
}

#[test]
fn the_maximal_descriptor_decodes_clean() {
    let m = maximal();
    assert!(errors(&m).is_empty(), "{m}\n{:#?}", errors(&m));
    for f in FIELDS {
        if !matches!(f.kind, Kind::Section) && f.path != "mou.termination.term" {
            let key = format!("{}:", f.key());
            assert!(m.contains(&key), "maximal lacks {}", f.path);
        }
    }
}

/// Replaces the value of the key at `path` in YAML written by `write_yaml`
/// (one key per line, two-space indents) with `{zzz: 1}`.
fn spoil(text: &str, path: &str) -> String {
    let mut stack: Vec<String> = Vec::new();
    let mut row_base: Option<usize> = None;
    let mut found = false;
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            let body = l.trim_start();
            if body.starts_with('#') || body.is_empty() {
                return l.to_string();
            }
            // Rows of a list of mappings ("- key: value" and the keys under
            // it) belong one level below the list's key.
            let indent = l.len() - body.len();
            let (body, lead, depth) = match body.strip_prefix("- ") {
                Some(rest) => {
                    row_base = Some(indent);
                    (rest, indent + 2, indent / 2)
                }
                None => match row_base {
                    Some(b) if indent == b + 2 => (body, indent, b / 2),
                    _ => {
                        row_base = None;
                        (body, indent, indent / 2)
                    }
                },
            };
            let key = body.split(':').next().unwrap_or("").to_string();
            stack.truncate(depth);
            stack.push(key);
            if !found && stack.join(".") == path {
                found = true;
                format!("{}{}: {{zzz: 1}}", &l[..lead], stack[depth])
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(found, "{path} not in the maximal descriptor");
    out.join("\n")
}

#[test]
fn the_decoder_reads_every_key_the_table_lists() {
    // A key the table lists but the decoder never reads would be accepted
    // and ignored: a wrong value there must be reported at that key.
    let m = maximal();
    for f in FIELDS {
        // A list of mappings is checked through its rows' keys.
        if matches!(f.kind, Kind::Section | Kind::List) || f.path == "mou.termination.term" {
            continue;
        }
        let bad = spoil(&m, f.path);
        let l = check_bytes(bad.as_bytes(), Some("x"));
        assert!(
            l.diagnostics.iter().any(|d| d.severity == Severity::Error
                && d.path
                    .as_deref()
                    .is_some_and(|p| format::without_indices(p).starts_with(f.path))),
            "{}: a wrong value is not reported there: {:#?}",
            f.path,
            l.diagnostics
        );
    }
}

#[test]
fn the_decoder_refuses_keys_the_table_does_not_list() {
    for parent in FIELDS
        .iter()
        .filter(|f| matches!(f.kind, Kind::Section))
        .map(|f| f.path)
        .chain([""])
    {
        let allowed = format::keys_in(parent);
        assert!(!allowed.is_empty(), "{parent:?}");
        assert!(!allowed.contains(&"colour"));
    }
    let m = maximal().replace("  province:", "  colour: red\n  province:");
    let l = check_bytes(m.as_bytes(), Some("x"));
    assert!(l
        .diagnostics
        .iter()
        .any(|d| d.rule == "SCHEMA-UNKNOWN" && d.path.as_deref() == Some("thai_side.colour")));
}

#[test]
fn every_valid_fixture_survives_the_form_and_back() {
    // Load into form values, write the descriptor again: same documents.
    let files = [
        yaml_files("fixtures/valid"),
        yaml_files("fixtures/proposal"),
    ]
    .concat();
    for f in files {
        let s = stem(&f);
        let text = std::fs::read_to_string(&f).expect("read");
        let values = form_values::read(&text).expect("reads");
        let again = form_values::write_yaml(&values, Mode::Filled, &["written by a test"]);
        let a = check_bytes(text.as_bytes(), Some(&s));
        let b = check_bytes(again.as_bytes(), Some(&s));
        let rules = |l: &sisterdoc::descriptor::Loaded| {
            l.diagnostics.iter().map(|d| d.rule).collect::<Vec<_>>()
        };
        assert_eq!(rules(&a), rules(&b), "{s}:\n{again}");
        let (da, db) = (a.descriptor.expect("a"), b.descriptor.expect("b"));
        for kind in da.documents.clone() {
            let x = sisterdoc::render::document(&da, kind, Default::default()).expect("x");
            let y = sisterdoc::render::document(&db, kind, Default::default()).expect("y");
            assert_eq!(x, y, "{s} {kind:?}");
        }
    }
}

#[test]
fn the_new_template_has_every_key_of_the_table() {
    let t = form_values::write_yaml(&Default::default(), Mode::Template, &[]);
    for f in FIELDS {
        assert!(
            t.contains(&format!("{}:", f.key())),
            "`new` does not show {}",
            f.path
        );
    }
}

#[test]
fn form_values_are_one_json_key_per_field() {
    let text = std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("fixture");
    let values = form_values::read(&text).expect("reads");
    let json = serde_json::to_value(&values).expect("json");
    assert_eq!(json["thai_side.province"], "Chiang Mai");
    assert_eq!(json["partner.name"]["en"], "Kunming");
    assert_eq!(json["output.thai_digits"], true);
    assert!(json["cooperation.fields"].is_array());
    for key in json.as_object().expect("object").keys() {
        assert!(
            format::field(key).is_some(),
            "{key} is not a field of the table"
        );
    }
    let back: form_values::FormValues = serde_json::from_value(json).expect("back");
    assert_eq!(back, values);
}

#[test]
fn diagnostics_name_their_field() {
    let m = maximal().replace("province: Chiang Mai", "province: Chaing Mai");
    let l = check_bytes(m.as_bytes(), Some("x"));
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.rule == "DATA-PROVINCE")
        .expect("reported");
    assert_eq!(d.path.as_deref(), Some("thai_side.province"));
}
