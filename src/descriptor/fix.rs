//! Machine-applicable fixes: building them from a node of the YAML tree, and
//! applying them to the descriptor's source text (`check --fix`).
//!
//! A fix replaces exactly the bytes of one value (quotes included) and
//! nothing else, so comments, key order, indentation and blank lines stay as
//! the author wrote them. Fixes exist only where there is one right answer
//! (a Buddhist Era year, Thai normalization, quoting a value that commas
//! split, a key or value with a single close match); never a guess.

use super::yaml::Node;
use crate::diagnostic::{Diagnostic, Fix};

/// A fix that sets the value written at `node` to `value`.
/// `None` when the node's place in the source is unknown.
pub fn replace_value(node: &Node, value: &str) -> Option<Fix> {
    let (start, end) = node.bytes;
    if end <= start {
        return None;
    }
    Some(Fix {
        value: value.to_string(),
        start,
        end,
        replacement: yaml_scalar(value),
    })
}

/// A fix replacing the bytes `start..end` with `value` written as a YAML scalar.
pub fn replace_span(start: usize, end: usize, value: &str) -> Option<Fix> {
    (end > start).then(|| Fix {
        value: value.to_string(),
        start,
        end,
        replacement: yaml_scalar(value),
    })
}

/// `value` as a YAML scalar that reads back as exactly `value`, in a block
/// or a flow (`{ }`, `[ ]`) context: plain when that is unambiguous, else
/// double-quoted.
pub fn yaml_scalar(value: &str) -> String {
    if plain_is_safe(value) {
        value.to_string()
    } else {
        let mut out = String::from("\"");
        for c in value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

fn plain_is_safe(v: &str) -> bool {
    let Some(first) = v.chars().next() else {
        return false;
    };
    if v.trim() != v || v.contains(": ") || v.contains(" #") || v.ends_with(':') {
        return false;
    }
    if v.chars().any(|c| {
        matches!(
            c,
            ',' | '[' | ']' | '{' | '}' | '"' | '\'' | '\n' | '\t' | '#'
        ) || c.is_control()
    }) {
        return false;
    }
    if matches!(
        first,
        '-' | '?' | ':' | '&' | '*' | '!' | '|' | '>' | '%' | '@' | '`'
    ) && !looks_like_date(v)
    {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "~", ".nan", ".inf", "-.inf",
    ];
    if reserved.contains(&lower.as_str()) {
        return false;
    }
    // Numbers would read back as numbers (a date such as 2026-03-15 is
    // text), hexadecimal and octal ones too.
    !(v.parse::<f64>().is_ok()
        || v.parse::<i64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o"))
}

fn looks_like_date(v: &str) -> bool {
    v.len() == 10 && v.as_bytes().get(4) == Some(&b'-')
}

/// Why fixes could not be applied.
#[derive(Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// A fix points outside the text or inside a character.
    OutOfRange,
}

/// Applies every fix of `diags` to `source`. Overlapping fixes: the first
/// (by position) wins and the others wait for the next round, since the
/// text they were computed on has changed. Returns the new text and the
/// fixes applied, in source order.
pub fn apply<'a>(
    source: &str,
    diags: &'a [Diagnostic],
) -> Result<(String, Vec<&'a Diagnostic>), ApplyError> {
    let mut with_fix: Vec<&Diagnostic> = diags.iter().filter(|d| d.fix.is_some()).collect();
    with_fix.sort_by_key(|d| d.fix.as_ref().map(|f| (f.start, f.end)));
    let mut out = String::with_capacity(source.len());
    let mut at = 0usize;
    let mut applied = Vec::new();
    for d in with_fix {
        let Some(f) = &d.fix else { continue };
        if f.start < at {
            continue;
        }
        if f.end > source.len()
            || !source.is_char_boundary(f.start)
            || !source.is_char_boundary(f.end)
        {
            return Err(ApplyError::OutOfRange);
        }
        out.push_str(&source[at..f.start]);
        out.push_str(&f.replacement);
        at = f.end;
        applied.push(d);
    }
    out.push_str(&source[at..]);
    Ok((out, applied))
}

/// A unified diff of two texts (`check --fix --dry-run`), with 1 line of
/// context. Lines are compared whole: fixes change values inside lines.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Fixes never add or remove lines, but be correct if they ever do:
    // fall back to one hunk for the changed middle.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == a.len() && a.len() == b.len() {
        return String::new();
    }
    let label = path.trim_start_matches('/');
    let mut out = format!("--- a/{label}\n+++ b/{label}\n");
    if a.len() == b.len() {
        // Same line count: one hunk per run of changed lines.
        let mut i = prefix;
        while i < a.len() - suffix {
            if a[i] == b[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < a.len() - suffix && a[j] != b[j] {
                j += 1;
            }
            let lo = i.saturating_sub(1);
            let hi = (j + 1).min(a.len());
            out.push_str(&format!(
                "@@ -{},{} +{},{} @@\n",
                lo + 1,
                hi - lo,
                lo + 1,
                hi - lo
            ));
            if lo < i {
                out.push_str(&format!(" {}\n", a[lo]));
            }
            for line in &a[i..j] {
                out.push_str(&format!("-{line}\n"));
            }
            for line in &b[i..j] {
                out.push_str(&format!("+{line}\n"));
            }
            if j < hi {
                out.push_str(&format!(" {}\n", a[j]));
            }
            i = j;
        }
        return out;
    }
    let (ae, be) = (a.len() - suffix, b.len() - suffix);
    out.push_str(&format!(
        "@@ -{},{} +{},{} @@\n",
        prefix + 1,
        ae - prefix,
        prefix + 1,
        be - prefix
    ));
    for line in &a[prefix..ae] {
        out.push_str(&format!("-{line}\n"));
    }
    for line in &b[prefix..be] {
        out.push_str(&format!("+{line}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Msg;

    fn with(start: usize, end: usize, rep: &str) -> Diagnostic {
        Diagnostic::warning("DATA-DATE-BE", None, Msg::new("x", "x")).with_fix(Some(Fix {
            value: rep.to_string(),
            start,
            end,
            replacement: rep.to_string(),
        }))
    }

    #[test]
    fn scalars_read_back_as_the_value() {
        assert_eq!(yaml_scalar("2026-03-15"), "2026-03-15");
        assert_eq!(yaml_scalar("น้ำ"), "น้ำ");
        assert_eq!(yaml_scalar("a, b"), "\"a, b\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
        assert_eq!(yaml_scalar("12"), "\"12\"");
        assert_eq!(yaml_scalar("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(yaml_scalar("- x"), "\"- x\"");
        for v in ["a, b", "yes", "12", "say \"hi\"", "- x", "x: y", "น้ำ # x"] {
            let doc = format!("k: {}\nf: {{a: {}}}\n", yaml_scalar(v), yaml_scalar(v));
            let n = crate::descriptor::yaml::parse(&doc).expect("parses");
            let crate::descriptor::yaml::Value::Map(m) = &n.value else {
                panic!()
            };
            assert_eq!(
                m[0].1.value,
                crate::descriptor::yaml::Value::Str(v.to_string()),
                "{doc}"
            );
        }
    }

    #[test]
    fn apply_keeps_everything_else() {
        let src = "# comment\ndate: 2569-03-15 # B.E.\n";
        let s = src.find("2569").unwrap_or(0);
        let d = [with(s, s + 10, "2026-03-15")];
        let (out, applied) = apply(src, &d).expect("applies");
        assert_eq!(out, "# comment\ndate: 2026-03-15 # B.E.\n");
        assert_eq!(applied.len(), 1);
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let d = [with(0, 4, "x"), with(2, 6, "y")];
        let (out, applied) = apply("abcdefgh", &d).expect("applies");
        assert_eq!(out, "xefgh");
        assert_eq!(applied.len(), 1);
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        let d = [with(0, 99, "x")];
        assert_eq!(apply("abc", &d).err(), Some(ApplyError::OutOfRange));
    }

    #[test]
    fn diff_shows_the_changed_lines() {
        let d = unified_diff(
            "a.yaml",
            "x\ndate: 2569-03-15\ny\n",
            "x\ndate: 2026-03-15\ny\n",
        );
        assert_eq!(
            d,
            "--- a/a.yaml\n+++ b/a.yaml\n@@ -1,3 +1,3 @@\n x\n-date: 2569-03-15\n+date: 2026-03-15\n y\n"
        );
        assert_eq!(unified_diff("a", "x\n", "x\n"), "");
    }
}
