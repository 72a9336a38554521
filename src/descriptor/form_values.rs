//! A descriptor as a flat map of form values (dotted path -> value), and back
//! to commented YAML, both driven by the format table.
//!
//! This is how a front end holds a descriptor being edited: the web form's
//! inputs are named by their descriptor path (`thai_side.province`,
//! `partner.name.th`), `read` turns a descriptor file into those values and
//! `write_yaml` turns them into a descriptor file (commented as `sisterdoc
//! new` writes it), which then goes through `check` like any other file.
//! `sisterdoc new` is `write_yaml` with no values: every key shows its
//! example.
//!
//! Values are kept as written (no validation here): a misspelt province stays
//! misspelt, so `check` can point at it.

use super::fix::yaml_scalar;
use super::format::{Field, Kind, Presence, FIELDS};
use super::yaml::{self, Node, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One value of the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FormValue {
    Bool(bool),
    Text(String),
    /// A bilingual text, or the user's own name where a key is expected.
    Pair {
        th: String,
        en: String,
    },
    List(Vec<ListItem>),
    /// A list of mappings (`proposal.plan`), each row keyed by the child
    /// field's key (`activity`, `budget`, ...).
    Rows(Vec<FormValues>),
}

/// An item of a list value: a built-in key, or the user's own `{th, en}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ListItem {
    Key(String),
    Custom { th: String, en: String },
}

/// Path -> value, one entry per field of the table: a bilingual field as a
/// `Pair`, a key-or-`{th, en}` field as `Text` (the key) or `Pair`, lists as
/// `List`. As JSON: `{"partner.name": {"th": "...", "en": "..."},
/// "cooperation.fields": ["trade", {"th": "...", "en": "..."}], ...}`.
pub type FormValues = BTreeMap<String, FormValue>;

/// What `write_yaml` writes around the values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `sisterdoc new`: every key, with its example where no value is given;
    /// optional examples commented out.
    Template,
    /// A filled form: only the keys that have values, each with its comment.
    Filled,
}

/// Reads a descriptor's text into form values. `None` when the text is not
/// a YAML mapping (then `check` says why).
pub fn read(text: &str) -> Option<FormValues> {
    let root = yaml::parse(text).ok()?;
    if !matches!(root.value, Value::Map(_)) {
        return None;
    }
    let mut out = FormValues::new();
    for f in FIELDS {
        // Fields inside a list of mappings are read with their row.
        if inside_rows(f) {
            continue;
        }
        let Some(node) = find(&root, f.path) else {
            continue;
        };
        read_field(f, node, f.path, &mut out);
    }
    Some(out)
}

fn find<'a>(root: &'a Node, path: &str) -> Option<&'a Node> {
    let mut node = root;
    for key in path.split('.') {
        let Value::Map(entries) = &node.value else {
            return None;
        };
        node = entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(_, v)| v)?;
    }
    Some(node)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(x) => Some(x.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn bilingual(node: &Node) -> Option<(String, String)> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    let get = |key: &str| {
        entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .and_then(|(_, v)| scalar(&v.value))
            .unwrap_or_default()
    };
    Some((get("th"), get("en")))
}

/// Is `f` a field of each row of a list of mappings?
fn inside_rows(f: &Field) -> bool {
    FIELDS
        .iter()
        .any(|p| matches!(p.kind, Kind::List) && f.path.starts_with(p.path) && f.path != p.path)
}

/// The fields of each row of the list of mappings `list`.
fn row_fields(list: &Field) -> impl Iterator<Item = &'static Field> + '_ {
    FIELDS.iter().filter(move |c| c.parent() == list.path)
}

/// Reads the value `node` of field `f` into `out[key]`.
fn read_field(f: &Field, node: &Node, key: &str, out: &mut FormValues) {
    let put_bilingual = |out: &mut FormValues, (th, en): (String, String)| {
        out.insert(key.to_string(), FormValue::Pair { th, en });
    };
    match f.kind {
        Kind::Section | Kind::Version => {}
        Kind::List => {
            if let Value::Seq(items) = &node.value {
                let rows = items
                    .iter()
                    .map(|item| {
                        let mut row = FormValues::new();
                        if let Value::Map(entries) = &item.value {
                            for c in row_fields(f) {
                                let found = entries.iter().find(
                                    |(k, _)| matches!(&k.value, Value::Str(s) if s == c.key()),
                                );
                                if let Some((_, v)) = found {
                                    read_field(c, v, c.key(), &mut row);
                                }
                            }
                        }
                        row
                    })
                    .collect();
                out.insert(key.to_string(), FormValue::Rows(rows));
            }
        }
        Kind::Bool => {
            if let Value::Bool(b) = node.value {
                out.insert(key.to_string(), FormValue::Bool(b));
            }
        }
        Kind::Bilingual => {
            if let Some(b) = bilingual(node) {
                put_bilingual(out, b);
            }
        }
        Kind::KeyOrBilingual(_) => match bilingual(node) {
            Some(b) => put_bilingual(out, b),
            None => {
                if let Some(s) = scalar(&node.value) {
                    out.insert(key.to_string(), FormValue::Text(s));
                }
            }
        },
        Kind::ChoiceList(_) | Kind::KeyOrBilingualList(_) => {
            if let Value::Seq(items) = &node.value {
                let list = items
                    .iter()
                    .filter_map(|it| match bilingual(it) {
                        Some((th, en)) => Some(ListItem::Custom { th, en }),
                        None => scalar(&it.value).map(ListItem::Key),
                    })
                    .collect();
                out.insert(key.to_string(), FormValue::List(list));
            }
        }
        Kind::Id
        | Kind::Text
        | Kind::Choice(_)
        | Kind::Lookup(_)
        | Kind::Period(_)
        | Kind::WholeNumber
        | Kind::Date => {
            if let Some(s) = scalar(&node.value) {
                out.insert(key.to_string(), FormValue::Text(s));
            }
        }
    }
}

/// Writes a descriptor from form values. In `Template` mode `documents`
/// decides which of the `loi:` / `mou:` sections are written.
pub fn write_yaml(values: &FormValues, mode: Mode, header: &[&str]) -> String {
    let mut out = String::new();
    for line in header {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    let listed = listed_documents(values);
    for f in FIELDS.iter().filter(|f| f.parent().is_empty()) {
        write_field(&mut out, f, values, mode, &listed, 0, false);
    }
    out
}

/// The documents the values ask for (the default is both).
fn listed_documents(values: &FormValues) -> Vec<String> {
    match values.get("documents") {
        Some(FormValue::List(items)) => items
            .iter()
            .filter_map(|i| match i {
                ListItem::Key(k) => Some(k.trim().to_string()),
                ListItem::Custom { .. } => None,
            })
            .collect(),
        _ => vec!["loi".into(), "mou".into()],
    }
}

/// Does any value sit at `path` or below it?
fn has_value(values: &FormValues, path: &str) -> bool {
    values.iter().any(|(k, v)| {
        let under = k == path
            || k.strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('.'));
        under && !is_blank(v)
    })
}

fn is_blank(v: &FormValue) -> bool {
    match v {
        FormValue::Text(s) => s.trim().is_empty(),
        FormValue::List(l) => l.is_empty(),
        FormValue::Pair { th, en } => th.trim().is_empty() && en.trim().is_empty(),
        FormValue::Rows(r) => r.is_empty(),
        FormValue::Bool(_) => false,
    }
}

fn write_field(
    out: &mut String,
    f: &Field,
    values: &FormValues,
    mode: Mode,
    listed: &[String],
    depth: usize,
    commented: bool,
) {
    let indent = "  ".repeat(depth);
    // The format version is always written: it is not a form value.
    let given = matches!(f.kind, Kind::Version) || has_value(values, f.path);
    if let Presence::RequiredWhenListed { value, .. } = f.presence {
        if !listed.iter().any(|d| d == value) && !given {
            return;
        }
    }
    if mode == Mode::Filled && !given {
        return;
    }
    // An optional example nobody filled in is shown commented out.
    let commented = commented || (mode == Mode::Template && f.commented_out && !given);
    let hash = if commented { "# " } else { "" };
    if depth == 0 {
        out.push('\n');
    }
    write_comment(out, f, &indent);
    if let Kind::Section = f.kind {
        out.push_str(&format!("{indent}{hash}{}:\n", f.key()));
        for c in FIELDS.iter().filter(|c| c.parent() == f.path) {
            write_field(out, c, values, mode, listed, depth + 1, commented);
        }
        return;
    }
    if let Kind::List = f.kind {
        out.push_str(&format!("{indent}{hash}{}:\n", f.key()));
        let example = FormValues::new();
        let rows: Vec<&FormValues> = match values.get(f.path) {
            Some(FormValue::Rows(rows)) if !rows.is_empty() => rows.iter().collect(),
            _ => vec![&example],
        };
        for row in rows {
            let mut first = true;
            for c in row_fields(f) {
                let value = match value_source(c, row, c.key()) {
                    Some(v) => v,
                    None if mode == Mode::Template => c.example.to_string(),
                    None => continue,
                };
                let dash = if first { "- " } else { "  " };
                first = false;
                let child_indent = "  ".repeat(depth + 1);
                write_comment(out, c, &format!("{child_indent}  "));
                out.push_str(&format!("{child_indent}{hash}{dash}{}: {value}\n", c.key()));
            }
        }
        return;
    }
    let value = match value_source(f, values, f.path) {
        Some(v) => v,
        None => f.example.to_string(),
    };
    out.push_str(&format!("{indent}{hash}{}: {value}\n", f.key()));
}

fn write_comment(out: &mut String, f: &Field, indent: &str) {
    for (label, help) in [(f.label.en, f.help.en), (f.label.th, f.help.th)] {
        if help.is_empty() {
            out.push_str(&format!("{indent}# {label}\n"));
        } else {
            out.push_str(&format!("{indent}# {label}: {help}\n"));
        }
    }
    let choices = f.kind.choices();
    let listable = matches!(
        f.kind,
        Kind::Choice(_)
            | Kind::ChoiceList(_)
            | Kind::KeyOrBilingual(_)
            | Kind::KeyOrBilingualList(_)
    );
    if listable && !choices.is_empty() {
        let items: Vec<String> = choices
            .iter()
            .map(|c| format!("{} ({})", c.key, c.th))
            .collect();
        // Wrapped so the comment stays readable in an editor.
        let mut current = String::new();
        for item in items {
            if !current.is_empty() && current.chars().count() + item.chars().count() > 90 {
                out.push_str(&format!(
                    "{indent}#   {}\n",
                    current.trim_end_matches(" | ")
                ));
                current.clear();
            }
            current.push_str(&item);
            current.push_str(" | ");
        }
        if !current.is_empty() {
            out.push_str(&format!(
                "{indent}#   {}\n",
                current.trim_end_matches(" | ")
            ));
        }
    }
}

/// The YAML source of field `f`'s value, held at `values[key]`, or `None`
/// when the form has none.
fn value_source(f: &Field, values: &FormValues, key: &str) -> Option<String> {
    let text = |p: &str| match values.get(p) {
        Some(FormValue::Text(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    let pair = || match values.get(key) {
        Some(FormValue::Pair { th, en }) if !(th.trim().is_empty() && en.trim().is_empty()) => {
            Some(flow_pair(th.trim(), en.trim()))
        }
        _ => None,
    };
    match f.kind {
        Kind::Section | Kind::List => None,
        Kind::WholeNumber => text(key).map(|s| {
            if s.parse::<u64>().is_ok() {
                s
            } else {
                yaml_scalar(&s)
            }
        }),
        Kind::Bool => match values.get(key) {
            Some(FormValue::Bool(b)) => Some(b.to_string()),
            Some(FormValue::Text(s)) if s == "true" || s == "false" => Some(s.clone()),
            _ => None,
        },
        Kind::Bilingual => pair(),
        Kind::KeyOrBilingual(_) => text(key).map(|s| yaml_scalar(&s)).or_else(pair),
        Kind::ChoiceList(_) | Kind::KeyOrBilingualList(_) => match values.get(key) {
            Some(FormValue::List(items)) if !items.is_empty() => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| match i {
                        ListItem::Key(k) => yaml_scalar(k.trim()),
                        ListItem::Custom { th, en } => flow_pair(th.trim(), en.trim()),
                    })
                    .collect();
                Some(format!("[{}]", parts.join(", ")))
            }
            _ => None,
        },
        Kind::Version => Some("1".into()),
        _ => text(key).map(|s| yaml_scalar(&s)),
    }
}

fn flow_pair(th: &str, en: &str) -> String {
    format!("{{th: {}, en: {}}}", yaml_scalar(th), yaml_scalar(en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for s in [
            "Chiang Mai",
            "เชียงใหม่",
            "a, b",
            "meetings, incentives (MICE)",
            "true",
            "12",
            "key: value",
            "#hash",
            "  padded ",
            "quote \" inside",
            "{{ 7*7 }}",
            "- dash",
            "2026-03-15",
            "0x1F",
            "back\\slash",
        ] {
            let src = format!("v: {}\nw: [{}]\n", yaml_scalar(s), yaml_scalar(s));
            let root = yaml::parse(&src).expect("parses");
            let Value::Map(entries) = root.value else {
                panic!("map")
            };
            assert_eq!(entries[0].1.value, Value::Str(s.to_string()), "{src}");
            let Value::Seq(items) = &entries[1].1.value else {
                panic!("seq")
            };
            assert_eq!(items[0].value, Value::Str(s.to_string()), "{src}");
        }
    }
}
