//! The draft form's state <-> descriptor YAML, for the HTTP API.
//!
//! The page sends its state as a JSON object keyed by descriptor path
//! (`{"thai_side.province": "เชียงใหม่", "partner.name": {"th": .., "en": ..},
//! "cooperation.fields": ["trade", {"th": .., "en": ..}], ...}`): the
//! library's `descriptor::form_values`, which writes the commented
//! descriptor YAML from the format table and reads a descriptor back into
//! values. This module only adds what HTTP needs: decoding the JSON body
//! into those values (a wrong shape is a 400, not a panic) and listing the
//! keys of an opened file the form has no field for. The browser never
//! parses YAML.

use serde_json::{Map, Value};
use sisterdoc::descriptor::form_values::{self, FormValues, Mode};
use sisterdoc::descriptor::yaml::{self, Node, Value as Y};

/// The header comment of a descriptor written from the form.
const HEADER: &[&str] = &[
    "Pairing descriptor / ไฟล์ข้อมูลการสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง",
    "Written by the sisterdoc workbench; check it with: sisterdoc check <this file>",
    "สร้างจากหน้าเว็บ sisterdoc ตรวจด้วยคำสั่ง: sisterdoc check <ชื่อไฟล์นี้>",
];

/// The form values of a JSON form state; `Err` names the first key whose
/// value has the wrong shape.
pub fn values(state: &Map<String, Value>) -> Result<FormValues, String> {
    let mut out = FormValues::new();
    for (k, v) in state {
        if v.is_null() {
            continue;
        }
        let fv = serde_json::from_value(v.clone())
            .map_err(|_| format!("`{k}`: expected a text, true/false, {{th, en}} or a list"))?;
        out.insert(k.clone(), fv);
    }
    Ok(out)
}

/// Gives a form without an `id` the default one: province and partner in
/// ASCII ("chiang-mai-kunming"), as a file stem would give a file.
pub fn with_default_id(mut form: Map<String, Value>) -> Map<String, Value> {
    let has_id = form
        .get("id")
        .and_then(Value::as_str)
        .is_some_and(|s| !s.trim().is_empty());
    if !has_id {
        form.insert("id".into(), Value::String(default_id(&form)));
    }
    form
}

fn default_id(form: &Map<String, Value>) -> String {
    let text = |k: &str| {
        form.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let province = text("thai_side.province");
    let province = sisterdoc::reference::provinces::lookup(&province)
        .map(|p| p.en.to_string())
        .unwrap_or(province);
    let raw = format!(
        "{} {}",
        province,
        form.get("partner.name")
            .and_then(|v| v.get("en"))
            .and_then(Value::as_str)
            .unwrap_or_default()
    );
    // Only ASCII letters and digits make an id; without any, a placeholder.
    if raw.chars().any(|c| c.is_ascii_alphanumeric()) {
        sisterdoc::descriptor::id::suggest_id(&raw)
    } else {
        "draft".to_string()
    }
}

/// The descriptor YAML a form state makes (only the fields that have values,
/// each commented with its label, as `sisterdoc new` comments them).
pub fn to_yaml(values: &FormValues) -> String {
    form_values::write_yaml(values, Mode::Filled, HEADER)
}

/// The form state read back from a descriptor, and the keys of the file the
/// form has no field for (shown to the user: they would be lost).
#[derive(Debug, Default)]
pub struct Opened {
    pub state: Map<String, Value>,
    pub not_in_form: Vec<String>,
}

fn key_text(n: &Node) -> String {
    match &n.value {
        Y::Str(s) => s.clone(),
        Y::Int(i) => i.to_string(),
        Y::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// Every leaf path of the file (maps descended; `{th, en}` and lists are leaves).
fn leaf_paths(n: &Node, prefix: &str, out: &mut Vec<String>) {
    if let Y::Map(m) = &n.value {
        let is_pair = !m.is_empty()
            && m.iter()
                .all(|(k, _)| matches!(key_text(k).as_str(), "th" | "en"));
        if !is_pair {
            for (k, v) in m {
                let key = key_text(k);
                let p = if prefix.is_empty() {
                    key
                } else {
                    format!("{prefix}.{key}")
                };
                leaf_paths(v, &p, out);
            }
            return;
        }
    }
    out.push(prefix.to_string());
}

/// Reads descriptor text into form state; `None` when it is not a YAML mapping.
pub fn from_yaml(text: &str) -> Option<Opened> {
    let read = form_values::read(text)?;
    let mut opened = Opened::default();
    for (k, v) in read {
        opened
            .state
            .insert(k, serde_json::to_value(v).unwrap_or(Value::Null));
    }
    if let Ok(root) = yaml::parse(text) {
        let mut leaves = Vec::new();
        leaf_paths(&root, "", &mut leaves);
        for leaf in leaves {
            let known = leaf == "version"
                || opened.state.contains_key(&leaf)
                || opened
                    .state
                    .keys()
                    .any(|k| leaf.starts_with(&format!("{k}.")));
            if !known && !leaf.is_empty() {
                opened.not_in_form.push(leaf);
            }
        }
    }
    Some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id_of(state: Value) -> Option<String> {
        let Value::Object(form) = state else {
            return None;
        };
        with_default_id(form)
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
    }

    #[test]
    fn a_form_without_id_gets_province_and_partner_in_ascii() {
        let named = json!({"thai_side.province": "เชียงใหม่", "partner.name": {"th": "คุนหมิง", "en": " Kunming (City)"}});
        assert_eq!(id_of(named).as_deref(), Some("chiang-mai-kunming-city"));
        assert_eq!(id_of(json!({})).as_deref(), Some("draft"));
        assert_eq!(id_of(json!({"id": " "})).as_deref(), Some("draft"));
        let given = json!({"id": "my-id", "thai_side.province": "เชียงใหม่"});
        assert_eq!(id_of(given).as_deref(), Some("my-id"));
    }

    #[test]
    fn state_round_trips_through_yaml() {
        let Value::Object(state) = json!({
            "documents": ["loi", "mou"],
            "relationship": "sister-cities",
            "thai_side.province": "เชียงใหม่",
            "thai_side.signatory.name": {"th": "นาย ก: ข", "en": "Mr. \"A\""},
            "cooperation.fields": ["trade", {"th": "เกษตร", "en": "farming, smart"}],
            "mou.termination.option": "notice",
            "mou.termination.notice_period": "6 months",
            "signing.date": "2026-03-15",
            "output.thai_digits": false,
        }) else {
            panic!("object")
        };
        let yaml = to_yaml(&values(&state).expect("values"));
        let back = from_yaml(&yaml).expect("reads");
        assert_eq!(back.state, state, "{yaml}");
        assert!(back.not_in_form.is_empty(), "{:?}", back.not_in_form);
        assert!(yaml.contains("# "), "commented: {yaml}");
    }

    #[test]
    fn wrong_shapes_are_refused_not_panicked_on() {
        let Value::Object(state) = json!({"thai_side.province": 5}) else {
            panic!("object")
        };
        assert!(values(&state).is_err());
    }

    #[test]
    fn keys_the_form_does_not_know_are_listed() {
        let opened = from_yaml("version: 1\nthai_side:\n  province: Chiang Mai\nsurprise: 1\n")
            .expect("reads");
        assert_eq!(opened.not_in_form, ["surprise"]);
    }
}
