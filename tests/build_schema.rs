//! The descriptor JSON Schema (`sisterdoc schema`) cannot drift from the
//! decoder: every valid fixture validates, unknown keys fail at every level,
//! every key the schema knows is accepted by the decoder, and every value the
//! schema enumerates is one the decoder accepts.

mod common;
use common::{root, yaml_files};
use serde_json::{json, Value};
use sisterdoc::descriptor::json_schema::descriptor_schema;
use sisterdoc::descriptor::yaml::{self, Node};
use sisterdoc::diagnostic::Severity;

/// YAML text -> JSON, through the tool's own YAML parser (same scalar types).
fn to_json(text: &str) -> Value {
    fn conv(n: &Node) -> Value {
        match &n.value {
            yaml::Value::Null => Value::Null,
            yaml::Value::Bool(b) => json!(b),
            yaml::Value::Int(i) => json!(i),
            yaml::Value::Float(f) => json!(f),
            yaml::Value::Str(s) => json!(s),
            yaml::Value::Seq(items) => Value::Array(items.iter().map(conv).collect()),
            yaml::Value::Map(pairs) => Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| {
                        let key = match &k.value {
                            yaml::Value::Str(s) => s.clone(),
                            other => format!("{other:?}"),
                        };
                        (key, conv(v))
                    })
                    .collect(),
            ),
        }
    }
    conv(&yaml::parse(text).expect("YAML parses"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&descriptor_schema()).expect("the schema is a valid draft-07 schema")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Decoding problems (not rule findings) the tool reports for a JSON instance.
fn decode_problems(instance: &Value) -> Vec<String> {
    let text = serde_json::to_string(instance).expect("serialises");
    sisterdoc::check::check_bytes(text.as_bytes(), Some("x"))
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| d.rule.starts_with("SCHEMA-") || d.rule.starts_with("DATA-"))
        .map(|d| format!("{}: {}", d.rule, d.message.en))
        .collect()
}

fn base() -> Value {
    let text = std::fs::read_to_string(root().join("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("fixture");
    to_json(&text)
}

/// The base descriptor with every optional key present.
fn maximal() -> Value {
    let mut v = base();
    v["partner"]["language"] = json!("zh");
    v["mou"]["termination"]["term"] = json!("5 years");
    v["output"]["docx_font"] = json!("TH Sarabun New");
    // The proposal section (`sisterdoc package`) with its optional keys.
    let text =
        std::fs::read_to_string(root().join("fixtures/proposal/chiangmai-kunming-proposal.yaml"))
            .expect("fixture");
    v["proposal"] = to_json(&text)["proposal"].clone();
    v["proposal"]["letter"]["to"] = json!("ปลัดกระทรวงมหาดไทย");
    v["proposal"]["letter"]["reference"] = json!("หนังสือกระทรวงมหาดไทย ที่ มท 0211.2/ว 1234");
    v["proposal"]["letter"]["contact"]["fax"] = json!("0 5311 2346");
    v
}

#[test]
fn every_valid_fixture_validates() {
    let v = validator();
    let mut files = yaml_files("fixtures/valid");
    files.extend(yaml_files("fixtures/proposal"));
    assert!(!files.is_empty());
    for f in files {
        let text = std::fs::read_to_string(&f).expect("reads");
        let e = errors(&v, &to_json(&text));
        assert!(e.is_empty(), "{}: {e:#?}", f.display());
    }
}

#[test]
fn the_maximal_descriptor_validates_and_decodes() {
    let m = maximal();
    assert!(
        errors(&validator(), &m).is_empty(),
        "{:#?}",
        errors(&validator(), &m)
    );
    assert!(decode_problems(&m).is_empty(), "{:#?}", decode_problems(&m));
}

#[test]
fn unknown_keys_fail_at_every_level() {
    let v = validator();
    for ptr in [
        "",
        "/thai_side",
        "/thai_side/signatory",
        "/thai_side/signatory/name",
        "/partner",
        "/partner/signatory",
        "/cooperation",
        "/mou",
        "/mou/termination",
        "/loi",
        "/signing",
        "/output",
    ] {
        let mut m = maximal();
        let Some(Value::Object(o)) = m.pointer_mut(ptr) else {
            panic!("{ptr} is not an object in the maximal descriptor");
        };
        o.insert("colour".into(), json!("red"));
        assert!(!v.is_valid(&m), "unknown key accepted at {ptr:?}");
        assert!(
            sisterdoc::check::check_bytes(m.to_string().as_bytes(), Some("x"))
                .diagnostics
                .iter()
                .any(|d| d.rule == "SCHEMA-UNKNOWN"),
            "the decoder should refuse it too at {ptr:?}"
        );
    }
}

#[test]
fn missing_sections_and_bad_values_fail() {
    let v = validator();
    let mut m = base();
    m.as_object_mut().expect("object").remove("mou");
    assert!(!v.is_valid(&m), "documents lists mou but mou is missing");
    let mut m = base();
    m["documents"] = json!(["loi"]);
    m.as_object_mut().expect("object").remove("mou");
    assert!(v.is_valid(&m), "{:#?}", errors(&v, &m));
    for (ptr, bad) in [
        ("/id", json!("Bad_Id")),
        ("/version", json!(2)),
        ("/partner/country", json!("XX")),
        ("/partner/unit", json!("town")),
        ("/mou/termination/notice_period", json!("six months")),
        ("/signing/date", json!("15/03/2026")),
        ("/cooperation/fields", json!([])),
        ("/thai_side/signatory/name", json!("Mr. Nirat")),
    ] {
        let mut m = base();
        *m.pointer_mut(ptr).expect("path exists") = bad.clone();
        assert!(!v.is_valid(&m), "{ptr} = {bad} accepted");
    }
}

/// Every (instance path, enumerated values) the schema has, found by walking
/// it along the maximal descriptor.
fn enumerations(
    schema: &Value,
    node: &Value,
    path: Vec<String>,
    out: &mut Vec<(Vec<String>, Vec<Value>)>,
) {
    let resolve = |s: &Value| -> Value {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => schema
                .pointer(r.trim_start_matches('#'))
                .cloned()
                .unwrap_or(Value::Null),
            None => s.clone(),
        }
    };
    let node = resolve(node);
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        out.push((path.clone(), values.clone()));
    }
    if let Some(value) = node.get("const") {
        out.push((path.clone(), vec![value.clone()]));
    }
    for key in ["anyOf", "allOf", "oneOf"] {
        for branch in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            enumerations(schema, branch, path.clone(), out);
        }
    }
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (k, sub) in props {
            let mut p = path.clone();
            p.push(k.clone());
            enumerations(schema, sub, p, out);
        }
    }
    if let Some(items) = node.get("items") {
        let mut p = path.clone();
        p.push("0".into());
        enumerations(schema, items, p, out);
    }
}

fn pointer(path: &[String]) -> String {
    path.iter().map(|p| format!("/{p}")).collect()
}

#[test]
fn every_key_the_schema_knows_is_in_the_maximal_descriptor() {
    // Together with `the_maximal_descriptor_validates_and_decodes`, this means
    // the decoder accepts every key the schema offers.
    let schema = descriptor_schema();
    let m = maximal();
    fn walk(schema: &Value, node: &Value, path: String, m: &Value, missing: &mut Vec<String>) {
        let node = match node.get("$ref").and_then(Value::as_str) {
            Some(r) => schema
                .pointer(r.trim_start_matches('#'))
                .cloned()
                .unwrap_or(Value::Null),
            None => node.clone(),
        };
        for key in ["anyOf", "allOf"] {
            for b in node
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                walk(schema, b, path.clone(), m, missing);
            }
        }
        // An alternative of another type (a key instead of {th, en}) is not walked.
        let here_is_object = path.is_empty() || m.pointer(&path).is_some_and(Value::is_object);
        if let Some(props) = node
            .get("properties")
            .and_then(Value::as_object)
            .filter(|_| here_is_object)
        {
            for (k, sub) in props {
                let p = format!("{path}/{k}");
                if m.pointer(&p).is_none() {
                    missing.push(p.clone());
                }
                walk(schema, sub, p, m, missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&schema, &schema, String::new(), &m, &mut missing);
    assert!(
        missing.is_empty(),
        "schema keys absent from the maximal descriptor: {missing:?}"
    );
}

#[test]
fn every_enumerated_value_is_accepted_by_the_decoder() {
    let schema = descriptor_schema();
    let mut found = Vec::new();
    enumerations(&schema, &schema, Vec::new(), &mut found);
    let paths: Vec<String> = found.iter().map(|(p, _)| pointer(p)).collect();
    for expected in [
        "/relationship",
        "/documents/0",
        "/partner/unit",
        "/partner/country",
        "/partner/level",
        "/partner/signatory/rank",
        "/thai_side/signatory/position",
        "/cooperation/fields/0",
        "/mou/title",
        "/mou/participants",
        "/mou/termination/option",
        "/loi/parties",
        "/loi/intent",
        "/output/layout",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "no enumeration found at {expected}: {paths:?}"
        );
    }
    let mut tried = 0;
    for (path, values) in found {
        let ptr = pointer(&path);
        for value in values {
            let mut m = maximal();
            match m.pointer_mut(&ptr) {
                Some(slot) => *slot = value.clone(),
                None => panic!("{ptr} is not in the maximal descriptor"),
            }
            tried += 1;
            let problems = decode_problems(&m);
            assert!(problems.is_empty(), "{ptr} = {value}: {problems:#?}");
        }
    }
    assert!(tried > 200, "only {tried} values tried");
}
