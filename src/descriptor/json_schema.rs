//! The descriptor's JSON Schema (`sisterdoc schema`, `GET /api/schema`), for
//! editors with a YAML language server: completion and checking while a
//! descriptor is typed.
//!
//! Built from the format table (`descriptor::format::FIELDS`), so it cannot
//! list a key the decoder does not know. Tests (`tests/build_schema.rs`) keep
//! it honest the other way: every valid fixture validates, an unknown key
//! anywhere fails, and every value the schema enumerates is accepted by the
//! decoder.
//!
//! The schema accepts keys in their canonical spelling (`trade`, `CN`); the
//! decoder is more forgiving (`Trade`, `cn`), so an editor may flag a value
//! that `sisterdoc check` accepts, never the reverse for keys.

use super::format::{self, Field, Kind, Presence, Table, FIELDS};
use crate::reference::{languages, provinces};
use serde_json::{json, Map, Value};

/// The JSON Schema of descriptor format version 1 (draft-07, which every
/// YAML language server reads).
pub fn descriptor_schema() -> Value {
    let mut root = section_schema("");
    if let Value::Object(o) = &mut root {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        head.insert("title".into(), json!("sisterdoc pairing descriptor"));
        head.insert(
            "description".into(),
            json!("A pairing descriptor, format version 1 / ไฟล์ข้อมูลการสถาปนาความสัมพันธ์ (รูปแบบรุ่น 1)"),
        );
        head.extend(std::mem::take(o));
        *o = head;
    }
    root
}

fn described(mut schema: Value, f: &Field) -> Value {
    if let Value::Object(o) = &mut schema {
        o.insert(
            "title".into(),
            json!(format!("{} / {}", f.label.en, f.label.th)),
        );
        if !f.help.en.is_empty() {
            o.insert(
                "description".into(),
                json!(format!("{} / {}", f.help.en, f.help.th)),
            );
        }
    }
    if format::blank_ok(f.path) {
        schema = json!({"anyOf": [schema, {"type": "null"}]});
    }
    schema
}

/// The mapping at `parent`: its keys from the table, the required ones, and
/// the conditions (`documents` lists mou -> `mou` required; option notice ->
/// `notice_period` required).
fn section_schema(parent: &str) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut conditions = Vec::new();
    for f in FIELDS.iter().filter(|f| f.parent() == parent) {
        properties.insert(f.key().to_string(), described(value_schema(f), f));
        match f.presence {
            Presence::Required => required.push(json!(f.key())),
            Presence::Optional => {}
            Presence::RequiredWhenListed { path, value } => {
                let list_key = path.rsplit('.').next().unwrap_or(path);
                conditions.push(json!({
                    "if": {"properties": {list_key: {"contains": {"const": value}}}},
                    "then": {"required": [f.key()]},
                }));
            }
            Presence::RequiredWhenSibling { key, value } => conditions.push(json!({
                "if": {"properties": {key: {"const": value}}},
                "then": {"required": [f.key()]},
            })),
        }
    }
    let mut o = Map::new();
    o.insert("type".into(), json!("object"));
    o.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        o.insert("required".into(), Value::Array(required));
    }
    o.insert("additionalProperties".into(), json!(false));
    if !conditions.is_empty() {
        o.insert("allOf".into(), Value::Array(conditions));
    }
    Value::Object(o)
}

/// One line of text that is not blank.
fn text() -> Value {
    json!({"type": "string", "minLength": 1, "pattern": "\\S"})
}

fn bilingual() -> Value {
    json!({
        "type": "object",
        "properties": {"th": text(), "en": text()},
        "required": ["th", "en"],
        "additionalProperties": false,
        "description": "A text in Thai and English / ข้อความภาษาไทยและภาษาอังกฤษ",
    })
}

fn keys(kind: &Kind) -> Vec<&'static str> {
    kind.choices().iter().map(|c| c.key).collect()
}

fn value_schema(f: &Field) -> Value {
    match f.kind {
        Kind::Section => section_schema(f.path),
        Kind::Version => json!({"const": 1}),
        Kind::Id => json!({"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,99}$"}),
        Kind::Text => text(),
        Kind::Bilingual => bilingual(),
        Kind::Choice(_) => json!({"type": "string", "enum": keys(&f.kind)}),
        Kind::ChoiceList(_) => json!({
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "enum": keys(&f.kind)},
        }),
        Kind::Lookup(Table::Provinces) => {
            let mut names: Vec<&str> = provinces::PROVINCES.iter().map(|p| p.en).collect();
            names.extend(provinces::PROVINCES.iter().map(|p| p.th));
            json!({"type": "string", "minLength": 1, "pattern": "\\S", "examples": names})
        }
        Kind::Lookup(Table::Languages) => {
            let codes: Vec<&str> = languages::LANGUAGES.iter().map(|l| l.code).collect();
            json!({"type": "string", "pattern": "^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$", "examples": codes})
        }
        Kind::Lookup(_) => json!({"type": "string", "enum": keys(&f.kind)}),
        Kind::KeyOrBilingual(_) => {
            json!({"anyOf": [{"type": "string", "enum": keys(&f.kind)}, bilingual()]})
        }
        Kind::KeyOrBilingualList(_) => json!({
            "type": "array",
            "minItems": 1,
            "items": {"anyOf": [{"type": "string", "enum": keys(&f.kind)}, bilingual()]},
        }),
        Kind::Period(_) => {
            let units = keys(&f.kind);
            json!({"type": "string", "pattern": period_pattern(&units), "examples": [f.example]})
        }
        Kind::Date => {
            json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "examples": ["2026-03-15"]})
        }
        Kind::Bool => json!({"type": "boolean"}),
        Kind::WholeNumber => json!({"oneOf": [
            {"type": "integer"},
            {"type": "string", "pattern": "^\\s*-?[0-9๐-๙][0-9๐-๙,_]*\\s*$"},
        ]}),
        Kind::List => json!({"type": "array", "items": section_schema(f.path)}),
    }
}

/// "<n> unit" for any of `units` ("months"), singular or plural, in any
/// case, as the decoder reads periods.
fn period_pattern(units: &[&str]) -> String {
    let alts: Vec<String> = units
        .iter()
        .map(|u| {
            let letters: String = u
                .trim_end_matches('s')
                .chars()
                .map(|c| format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase()))
                .collect();
            letters + "[sS]?"
        })
        .collect();
    format!("^\\s*[0-9]+\\s+({})\\s*$", alts.join("|"))
}
