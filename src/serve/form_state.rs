//! The draft form's state <-> descriptor YAML, in one place.
//!
//! The page sends its state as a JSON object keyed by descriptor path
//! (`{"thai_side.province": "เชียงใหม่", "partner.name": {"th": .., "en": ..},
//! "cooperation.fields": ["trade", {"th": .., "en": ..}], ...}`); `to_yaml`
//! writes the descriptor those values make, in the order and with the labels
//! of the form definition (the library's one definition of the fields), and
//! remembers which line (and, for `{th, en}`, which column) holds each field
//! so a diagnostic without a `path` can still be placed next to its input.
//! `from_yaml` goes the other way for "เปิดไฟล์", reading the file with the
//! library's YAML reader (the browser never parses YAML).

use serde_json::{Map, Value};
use sisterdoc::descriptor::yaml::{self, Node, Value as Y};
use std::fmt::Write as _;

/// One field of the form definition, as far as the YAML needs it.
#[derive(Clone, Debug)]
pub struct FieldDef {
    pub path: String,
    pub kind: String,
    pub required: String,
    pub label_th: String,
    pub label_en: String,
    pub step_th: String,
    pub step_en: String,
}

/// The fields of a form definition (`{"steps":[{"fields":[...]}]}`), in order.
pub fn fields(form: &Value) -> Vec<FieldDef> {
    let mut out = Vec::new();
    for step in form["steps"].as_array().into_iter().flatten() {
        for f in step["fields"].as_array().into_iter().flatten() {
            let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
            out.push(FieldDef {
                path: s(&f["path"]),
                kind: s(&f["kind"]),
                required: s(&f["required"]),
                label_th: s(&f["label"]["th"]),
                label_en: s(&f["label"]["en"]),
                step_th: s(&step["label"]["th"]),
                step_en: s(&step["label"]["en"]),
            });
        }
    }
    out
}

/// Where a field was written in the generated YAML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub line: u32,
    pub path: String,
    /// For `{th, en}` values: the column where `en:` starts (a diagnostic at
    /// or after it belongs to the `.en` input).
    pub en_column: Option<u32>,
}

/// Generated YAML and where each field went.
#[derive(Debug)]
pub struct Generated {
    pub yaml: String,
    pub placed: Vec<Placed>,
}

impl Generated {
    /// The form input a diagnostic at `line:column` belongs to.
    pub fn input_at(&self, line: u32, column: Option<u32>) -> Option<String> {
        let p = self.placed.iter().find(|p| p.line == line)?;
        match (p.en_column, column) {
            (Some(en), Some(c)) if c >= en => Some(format!("{}.en", p.path)),
            (Some(_), Some(_)) => Some(format!("{}.th", p.path)),
            _ => Some(p.path.clone()),
        }
    }
}

/// A YAML scalar for a user's text: plain when that reads back as the same
/// text, else double-quoted (JSON string escapes are valid YAML).
pub fn scalar(s: &str) -> String {
    if plain_ok(s) {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
    }
}

fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let thai = |c: char| ('\u{0E00}'..='\u{0E7F}').contains(&c);
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    (first.is_alphabetic() || thai(first))
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !reserved.contains(&s.to_ascii_lowercase().as_str())
        && s.chars().all(|c| {
            c.is_alphanumeric() || thai(c) || matches!(c, ' ' | '.' | '(' | ')' | '\'' | '-' | '/')
        })
}

/// A key or a date/period: plain when it is a simple token.
fn token(s: &str) -> String {
    let simple = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ' ' | '.'))
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && !s.ends_with(' ');
    let looks_like_number = s.parse::<f64>().is_ok();
    if simple && !looks_like_number {
        s.to_string()
    } else {
        scalar(s)
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn bilingual(v: &Value) -> Option<(String, String)> {
    let o = v.as_object()?;
    let th = o.get("th").map(text_of).unwrap_or_default();
    let en = o.get("en").map(text_of).unwrap_or_default();
    (!th.is_empty() || !en.is_empty()).then_some((th, en))
}

fn flow_bilingual(th: &str, en: &str) -> (String, usize) {
    let head = format!("{{th: {}, ", scalar(th));
    let at = head.chars().count();
    (format!("{head}en: {}}}", scalar(en)), at)
}

/// A value as one line of YAML (flow style), with the column offset of
/// `en:` inside it for `{th, en}` values. `None` when the field is empty.
fn render_value(kind: &str, v: &Value) -> Option<(String, Option<usize>)> {
    match kind {
        "bilingual" => bilingual(v).map(|(th, en)| {
            let (s, at) = flow_bilingual(&th, &en);
            (s, Some(at))
        }),
        "key_or_bilingual" => match v {
            Value::Object(_) => bilingual(v).map(|(th, en)| {
                let (s, at) = flow_bilingual(&th, &en);
                (s, Some(at))
            }),
            _ => {
                let t = text_of(v);
                (!t.is_empty()).then(|| (token(&t), None))
            }
        },
        "key_list" => {
            let items: Vec<String> = v
                .as_array()?
                .iter()
                .filter_map(|item| match item {
                    Value::Object(_) => bilingual(item).map(|(th, en)| flow_bilingual(&th, &en).0),
                    _ => {
                        let t = text_of(item);
                        (!t.is_empty()).then(|| token(&t))
                    }
                })
                .collect();
            (!items.is_empty()).then(|| (format!("[{}]", items.join(", ")), None))
        }
        "bool" => match v {
            Value::Bool(b) => Some((b.to_string(), None)),
            _ => None,
        },
        "int" => {
            let t = text_of(v);
            (!t.is_empty()).then(|| {
                if t.chars().all(|c| c.is_ascii_digit()) && t.len() < 10 {
                    (t, None)
                } else {
                    (scalar(&t), None)
                }
            })
        }
        "date" | "period" | "choice" => {
            let t = text_of(v);
            (!t.is_empty()).then(|| (token(&t), None))
        }
        _ => {
            let t = text_of(v);
            (!t.is_empty()).then(|| (scalar(&t), None))
        }
    }
}

/// The documents the state asks for (`documents`), for `with:loi|mou`.
fn documents(state: &Map<String, Value>) -> Vec<String> {
    state
        .get("documents")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(text_of).collect())
        .unwrap_or_default()
}

/// A tree of mapping keys in first-seen order, leaves holding a field.
enum Tree {
    Leaf(usize, String, Option<usize>),
    Map(Vec<(String, Tree)>),
}

fn insert(tree: &mut Vec<(String, Tree)>, path: &[&str], leaf: Tree) {
    let Some((head, rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        tree.push((head.to_string(), leaf));
        return;
    }
    if let Some((_, Tree::Map(sub))) = tree.iter_mut().find(|(k, _)| k == head) {
        insert(sub, rest, leaf);
        return;
    }
    let mut sub = Vec::new();
    insert(&mut sub, rest, leaf);
    tree.push((head.to_string(), Tree::Map(sub)));
}

/// Writes the descriptor the form state describes.
pub fn to_yaml(defs: &[FieldDef], state: &Map<String, Value>) -> Generated {
    let docs = documents(state);
    let mut tree: Vec<(String, Tree)> = Vec::new();
    for (i, f) in defs.iter().enumerate() {
        if let Some(doc) = f.required.strip_prefix("with:") {
            if !docs.iter().any(|d| d == doc) {
                continue;
            }
        }
        let Some(v) = state.get(&f.path) else {
            continue;
        };
        let Some((text, en_at)) = render_value(&f.kind, v) else {
            continue;
        };
        let segments: Vec<&str> = f.path.split('.').collect();
        insert(&mut tree, &segments, Tree::Leaf(i, text, en_at));
    }
    let mut yaml = String::from(
        "# Pairing descriptor / ไฟล์ข้อมูลการสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง\n\
         # Written by the sisterdoc workbench; check it with: sisterdoc check <this file>\n\
         # สร้างจากหน้าเว็บ sisterdoc ตรวจด้วยคำสั่ง: sisterdoc check <ชื่อไฟล์นี้>\n\
         version: 1\n",
    );
    let mut placed = Vec::new();
    let mut last_step = String::new();
    write_tree(defs, &tree, 0, &mut yaml, &mut placed, &mut last_step);
    Generated { yaml, placed }
}

fn write_tree(
    defs: &[FieldDef],
    tree: &[(String, Tree)],
    depth: usize,
    yaml: &mut String,
    placed: &mut Vec<Placed>,
    last_step: &mut String,
) {
    let indent = "  ".repeat(depth);
    for (key, node) in tree {
        match node {
            Tree::Leaf(i, text, en_at) => {
                let f = &defs[*i];
                if depth == 0 && f.step_en != *last_step {
                    let _ = writeln!(yaml, "\n# {} / {}", f.step_th, f.step_en);
                    *last_step = f.step_en.clone();
                }
                if depth > 0 || f.label_en != f.step_en {
                    let _ = writeln!(yaml, "{indent}# {} / {}", f.label_th, f.label_en);
                }
                let prefix = format!("{indent}{key}: ");
                let line = yaml.lines().count() as u32 + 1;
                let en_column = en_at.map(|a| (prefix.chars().count() + a + 1) as u32);
                let _ = writeln!(yaml, "{prefix}{text}");
                placed.push(Placed {
                    line,
                    path: f.path.clone(),
                    en_column,
                });
            }
            Tree::Map(sub) => {
                if depth == 0 {
                    if let Some(f) = first_leaf(defs, sub) {
                        if f.step_en != *last_step {
                            let _ = writeln!(yaml, "\n# {} / {}", f.step_th, f.step_en);
                            *last_step = f.step_en.clone();
                        }
                    }
                }
                let _ = writeln!(yaml, "{indent}{key}:");
                write_tree(defs, sub, depth + 1, yaml, placed, last_step);
            }
        }
    }
}

fn first_leaf<'a>(defs: &'a [FieldDef], tree: &[(String, Tree)]) -> Option<&'a FieldDef> {
    tree.iter().find_map(|(_, n)| match n {
        Tree::Leaf(i, ..) => defs.get(*i),
        Tree::Map(sub) => first_leaf(defs, sub),
    })
}

/// The form state read back from a descriptor, and the keys of the file the
/// form has no field for (shown to the user: they would be lost).
#[derive(Debug, Default)]
pub struct Opened {
    pub state: Map<String, Value>,
    pub not_in_form: Vec<String>,
}

fn scalar_text(n: &Node) -> Option<String> {
    match &n.value {
        Y::Str(s) => Some(s.clone()),
        Y::Int(i) => Some(i.to_string()),
        Y::Float(f) => Some(f.to_string()),
        Y::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn bilingual_of(n: &Node) -> Option<Value> {
    let Y::Map(m) = &n.value else { return None };
    let mut o = Map::new();
    for (k, v) in m {
        if let (Some(k), Some(v)) = (scalar_text(k), scalar_text(v)) {
            if k == "th" || k == "en" {
                o.insert(k, Value::String(v));
            }
        }
    }
    Some(Value::Object(o))
}

fn lookup<'a>(root: &'a Node, path: &str) -> Option<&'a Node> {
    let mut n = root;
    for seg in path.split('.') {
        let Y::Map(m) = &n.value else { return None };
        n = &m
            .iter()
            .find(|(k, _)| scalar_text(k).as_deref() == Some(seg))?
            .1;
    }
    Some(n)
}

/// Every leaf path of the file (maps descended; `{th, en}` and lists are leaves).
fn leaf_paths(n: &Node, prefix: &str, out: &mut Vec<String>) {
    if let Y::Map(m) = &n.value {
        let is_bilingual = !m.is_empty()
            && m.iter()
                .all(|(k, _)| matches!(scalar_text(k).as_deref(), Some("th" | "en")));
        if !is_bilingual {
            for (k, v) in m {
                let key = scalar_text(k).unwrap_or_default();
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

/// Reads descriptor text into form state. `Err` carries the YAML error.
pub fn from_yaml(defs: &[FieldDef], text: &str) -> Result<Opened, yaml::YamlError> {
    let root = yaml::parse(text)?;
    let mut opened = Opened::default();
    for f in defs {
        let Some(n) = lookup(&root, &f.path) else {
            continue;
        };
        let v = match f.kind.as_str() {
            "bilingual" => bilingual_of(n),
            "key_or_bilingual" => match &n.value {
                Y::Map(_) => bilingual_of(n),
                _ => scalar_text(n).map(Value::String),
            },
            "key_list" => match &n.value {
                Y::Seq(items) => Some(Value::Array(
                    items
                        .iter()
                        .filter_map(|i| match &i.value {
                            Y::Map(_) => bilingual_of(i),
                            _ => scalar_text(i).map(Value::String),
                        })
                        .collect(),
                )),
                _ => scalar_text(n).map(|s| Value::Array(vec![Value::String(s)])),
            },
            "bool" => match &n.value {
                Y::Bool(b) => Some(Value::Bool(*b)),
                _ => scalar_text(n).map(Value::String),
            },
            _ => scalar_text(n).map(Value::String),
        };
        if let Some(v) = v {
            opened.state.insert(f.path.clone(), v);
        }
    }
    let mut leaves = Vec::new();
    leaf_paths(&root, "", &mut leaves);
    for leaf in leaves {
        let known = leaf == "version"
            || defs
                .iter()
                .any(|f| f.path == leaf || leaf.starts_with(&format!("{}.", f.path)));
        if !known && !leaf.is_empty() {
            opened.not_in_form.push(leaf);
        }
    }
    Ok(opened)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn defs() -> Vec<FieldDef> {
        fields(&super::super::form_definition())
    }

    #[test]
    fn scalars_that_would_change_meaning_are_quoted() {
        assert_eq!(scalar("เชียงใหม่"), "เชียงใหม่");
        assert_eq!(scalar("Mr. Example Name"), "Mr. Example Name");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("x # y"), "\"x # y\"");
        assert_eq!(scalar("{{ 7*7 }}"), "\"{{ 7*7 }}\"");
        assert_eq!(scalar("2026"), "\"2026\"");
    }

    #[test]
    fn state_round_trips_through_yaml() {
        let state = json!({
            "documents": ["loi", "mou"],
            "relationship": "sister-cities",
            "thai_side.province": "เชียงใหม่",
            "thai_side.signatory.name": {"th": "นาย ก: ข", "en": "Mr. \"A\""},
            "cooperation.fields": ["trade", {"th": "เกษตร", "en": "farming, smart"}],
            "mou.termination.notice_period": "6 months",
            "signing.date": "2026-03-15",
            "output.thai_digits": false,
        });
        let Value::Object(state) = state else {
            panic!()
        };
        let g = to_yaml(&defs(), &state);
        let back = from_yaml(&defs(), &g.yaml).expect("parses");
        assert_eq!(back.state, state, "{}", g.yaml);
        assert!(back.not_in_form.is_empty());
        let line = g
            .placed
            .iter()
            .find(|p| p.path == "thai_side.signatory.name")
            .expect("placed");
        let text = g
            .yaml
            .lines()
            .nth(line.line as usize - 1)
            .unwrap_or_default();
        assert!(text.contains("name: {th:"), "{text}");
        let en = line.en_column.expect("en column") as usize;
        assert!(
            text.chars()
                .skip(en - 1)
                .collect::<String>()
                .starts_with("en:"),
            "{text}"
        );
    }

    #[test]
    fn sections_of_documents_not_asked_for_are_left_out() {
        let Value::Object(state) =
            json!({"documents": ["loi"], "mou.title": "agreement", "loi.intent": "will"})
        else {
            panic!()
        };
        let g = to_yaml(&defs(), &state);
        assert!(!g.yaml.contains("mou:"), "{}", g.yaml);
        assert!(g.yaml.contains("intent: will"), "{}", g.yaml);
    }
}
