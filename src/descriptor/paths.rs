//! Where each key and value of a descriptor is written, by descriptor path,
//! so a diagnostic (which knows a position) can name its field
//! (`Diagnostic::path`) for a front end that shows it next to the input.

use super::yaml::{Node, Pos, Value};

/// Every key and value node's position with its dotted path; list items are
/// `path[i]`.
#[derive(Clone, Debug, Default)]
pub struct PathIndex {
    entries: Vec<(Pos, String)>,
}

impl PathIndex {
    pub fn of(root: &Node) -> PathIndex {
        let mut entries = Vec::new();
        walk(root, "", &mut entries);
        PathIndex { entries }
    }

    /// The path of the node written at `pos`, or of the innermost value on
    /// the same line whose text contains it (a rule may point at a word
    /// inside a value).
    pub fn path_at(&self, pos: Pos) -> Option<&str> {
        if let Some((_, p)) = self
            .entries
            .iter()
            .filter(|(q, p)| q.line == pos.line && q.column == pos.column && !p.is_empty())
            .max_by_key(|(_, p)| p.len())
        {
            return Some(p);
        }
        self.entries
            .iter()
            .filter(|(q, p)| {
                !p.is_empty()
                    && q.line == pos.line
                    && q.column <= pos.column
                    && pos.column < q.column.saturating_add(q.len.max(1))
            })
            .min_by_key(|(q, _)| q.len)
            .map(|(_, p)| p.as_str())
    }
}

fn walk(node: &Node, path: &str, out: &mut Vec<(Pos, String)>) {
    out.push((node.pos, path.to_string()));
    match &node.value {
        Value::Map(entries) => {
            for (k, v) in entries {
                let key = match &k.value {
                    Value::Str(s) => s.clone(),
                    Value::Int(i) => i.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                let child = if path.is_empty() {
                    key
                } else {
                    format!("{path}.{key}")
                };
                out.push((k.pos, child.clone()));
                walk(v, &child, out);
            }
        }
        Value::Seq(items) => {
            for (i, it) in items.iter().enumerate() {
                walk(it, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}
