//! A text with commas inside `{ }`: `{th: ..., en: meetings, incentives,
//! conventions and exhibitions (MICE)}`.
//!
//! In a flow mapping a comma ends the value, so YAML reads "meetings" as the
//! `en` text and "incentives" and "conventions and exhibitions (MICE)" as
//! keys without values. That is correct YAML but not what the author meant,
//! and "unknown key `cooperation.fields.incentives`" does not say why. This
//! pass runs on the node tree before decoding: where keys without values
//! follow a `th`/`en` text, separated from it by commas only, it joins them
//! back into the text (so the rest of the check reads the intended value),
//! and reports one error that explains the commas, with the quoted form as
//! the fix.

use super::fix;
use super::yaml::{self, Node, Value};
use crate::diagnostic::{Diagnostic, Msg};

/// Repairs the tree in place and returns one diagnostic per repaired value.
pub fn repair(root: &mut Node, source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    yaml::visit_mut(root, "", &mut |node, path| {
        if let Value::Map(entries) = &mut node.value {
            repair_map(entries, path, source, &mut out);
        }
    });
    out
}

fn is_text_key(k: &Node) -> bool {
    matches!(&k.value, Value::Str(s) if s == "th" || s == "en")
}

fn between(source: &str, a: usize, b: usize) -> Option<&str> {
    (a <= b && b <= source.len() && source.is_char_boundary(a) && source.is_char_boundary(b))
        .then(|| &source[a..b])
}

fn repair_map(
    entries: &mut Vec<(Node, Node)>,
    path: &str,
    source: &str,
    out: &mut Vec<Diagnostic>,
) {
    let mut i = 0;
    while i < entries.len() {
        let (k, v) = &entries[i];
        let plain_text = is_text_key(k)
            && matches!(v.value, Value::Str(_))
            && v.bytes.1 > v.bytes.0
            && !matches!(source.as_bytes().get(v.bytes.0), Some(b'"' | b'\''));
        if !plain_text {
            i += 1;
            continue;
        }
        // Keys without values right after it, each separated by a comma only.
        let mut end = v.bytes.1;
        let mut j = i + 1;
        while j < entries.len() {
            let (sk, sv) = &entries[j];
            let stray = matches!(sk.value, Value::Str(_))
                && matches!(sv.value, Value::Null)
                && !is_text_key(sk)
                && between(source, end, sk.bytes.0).is_some_and(|g| g.trim() == ",")
                && between(source, sk.bytes.0, sk.bytes.1).is_some_and(|t| !t.contains(':'));
            if !stray {
                break;
            }
            end = sk.bytes.1;
            j += 1;
        }
        if j == i + 1 {
            i += 1;
            continue;
        }
        let start = entries[i].1.bytes.0;
        let Some(joined) = between(source, start, end).map(str::to_string) else {
            i += 1;
            continue;
        };
        let key = match &entries[i].0.value {
            Value::Str(s) => s.clone(),
            _ => String::new(),
        };
        let field = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let quoted = fix::yaml_scalar(&joined);
        let pos = entries[i].1.pos;
        out.push(
            Diagnostic::error(
                "SCHEMA-COMMA",
                Some(pos),
                Msg::new(
                    format!(
                        "ข้อความใน{} ถูกตัดที่เครื่องหมายจุลภาค (,) เพราะในวงเล็บปีกกา {{ }} จุลภาคแปลว่าจบข้อความ โปรแกรมจึงอ่านได้แค่ “{}” และอ่านส่วนที่เหลือเป็นหัวข้อใหม่",
                        super::format::field_name(&field).0,
                        scalar_text(&entries[i].1)
                    ),
                    format!(
                        "the text of {} is cut at a comma: inside {{ }} a comma ends the value, so it reads only “{}” and takes the rest for new keys",
                        super::format::field_name(&field).1,
                        scalar_text(&entries[i].1)
                    ),
                ),
            )
            .with_hint(Msg::new(
                format!("ใส่ข้อความทั้งหมดไว้ในเครื่องหมายคำพูด เป็น {key}: {quoted} (คำสั่ง sisterdoc check --fix แก้ให้ได้)"),
                format!("put the whole text in quotes: {key}: {quoted} (`sisterdoc check --fix` does it)"),
            ))
            .with_fix(fix::replace_span(start, end, &joined)),
        );
        let merged_pos = entries[i].1.pos;
        entries[i].1 = Node {
            pos: merged_pos,
            bytes: (start, end),
            value: Value::Str(joined),
        };
        entries.drain(i + 1..j);
        i += 1;
    }
}

fn scalar_text(n: &Node) -> String {
    match &n.value {
        Value::Str(s) => s.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descriptor::yaml::parse;

    const MICE: &str = "fields: [trade, {th: การจัดประชุมและนิทรรศการ, en: meetings, incentives, conventions and exhibitions (MICE)}]\n";

    #[test]
    fn commas_in_a_flow_text_are_joined_back() {
        let mut root = parse(MICE).expect("yaml");
        let d = repair(&mut root, MICE);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].rule, "SCHEMA-COMMA");
        let f = d[0].fix.as_ref().expect("fix");
        assert_eq!(
            f.value,
            "meetings, incentives, conventions and exhibitions (MICE)"
        );
        assert_eq!(
            f.replacement,
            "\"meetings, incentives, conventions and exhibitions (MICE)\""
        );
        let fixed = format!("{}{}{}", &MICE[..f.start], f.replacement, &MICE[f.end..]);
        let mut again = parse(&fixed).expect("yaml");
        assert!(repair(&mut again, &fixed).is_empty());
        assert_eq!(en_of_second_field(&again), en_of_second_field(&root));
        assert_eq!(
            en_of_second_field(&root).as_deref(),
            Some("meetings, incentives, conventions and exhibitions (MICE)")
        );
        assert!(
            d[0].message.en.contains("“meetings”"),
            "{}",
            d[0].message.en
        );
    }

    #[test]
    fn real_keys_and_block_style_are_left_alone() {
        for src in [
            "partner: {th: คุนหมิง, en: Kunming}\n",
            "name:\n  th: a\n  en: meetings, incentives\n",
            "x: {en: a, other: b}\n",
            "x: {en: \"a\", b}\n",
        ] {
            let mut root = parse(src).expect("yaml");
            assert!(repair(&mut root, src).is_empty(), "{src}");
        }
    }

    fn en_of_second_field(root: &Node) -> Option<String> {
        let Value::Map(top) = &root.value else {
            return None;
        };
        let Value::Seq(items) = &top.first()?.1.value else {
            return None;
        };
        let Value::Map(m) = &items.get(1)?.value else {
            return None;
        };
        if m.len() != 2 {
            return None;
        }
        m.iter().find_map(|(k, v)| match (&k.value, &v.value) {
            (Value::Str(k), Value::Str(v)) if k == "en" => Some(v.clone()),
            _ => None,
        })
    }
}
