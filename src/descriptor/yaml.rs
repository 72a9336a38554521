//! YAML text -> a tree of spanned nodes.
//!
//! serde-saphyr parses; we keep every scalar, sequence and mapping with the
//! line and column where it was written, so that later stages (schema
//! checking, rules) can point at the exact value. Typed decoding is done by
//! `descriptor::decode` on top of this tree so that *all* schema problems are
//! collected, not just the first one serde would stop at.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

pub use crate::position::Pos;

/// One YAML node with the position it was written at.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub pos: Pos,
    /// Byte range of the value in the source text (quotes included), for
    /// fixes that rewrite it; `(0, 0)` when unknown.
    pub bytes: (usize, usize),
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys in the order written.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// The YAML type name used in "expected X, found Y" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a true/false value",
            Value::Int(_) => "a number",
            Value::Float(_) => "a number",
            Value::Str(_) => "a text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s: Spanned<Value> = Spanned::deserialize(d)?;
        let loc = s.referenced;
        let span = loc.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let bytes = (start, start + span.byte_len().unwrap_or(0) as usize);
        Ok(Node {
            bytes,
            pos: Pos {
                line: loc.line().min(u32::MAX as u64) as u32,
                column: loc.column().min(u32::MAX as u64) as u32,
                len: span.len().min(u32::MAX as u64) as u32,
            },
            value: s.value,
        })
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v)
            .map(Value::Int)
            .unwrap_or(Value::Float(v as f64)))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v)
            .map(Value::Int)
            .unwrap_or(Value::Float(v as f64)))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v)
            .map(Value::Int)
            .unwrap_or(Value::Float(v as f64)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(n) = a.next_element::<Node>()? {
            out.push(n);
        }
        Ok(Value::Seq(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = a.next_entry::<Node, Node>()? {
            out.push((k, v));
        }
        Ok(Value::Map(out))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// Why YAML text could not be turned into a node tree.
#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    pub pos: Option<Pos>,
    pub message: String,
}

/// Parses YAML text into a node tree. Aliases and nesting are bounded so that
/// an alias bomb ("billion laughs") fails fast with an error instead of
/// exhausting memory.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    let mut options = serde_saphyr::options::Options::default();
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = 100;
    budget.max_events = 200_000;
    budget.max_reader_input_bytes = Some(2 << 20);
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options::<Node>(text, options).map_err(|e| YamlError {
        pos: e.location().map(|l| Pos {
            line: l.line().min(u32::MAX as u64) as u32,
            column: l.column().min(u32::MAX as u64) as u32,
            len: 1,
        }),
        message: e.without_snippet().to_string(),
    })
}

/// Visits every node of the tree, parents before children, with its dotted
/// path (`partner.name.en`, `cooperation.fields[2]`); mappings are entered
/// through their text keys. A visitor may change a node, and the children it
/// leaves are the ones visited next. The one walk the passes that repair the
/// tree before decoding share.
pub fn visit_mut(node: &mut Node, path: &str, f: &mut impl FnMut(&mut Node, &str)) {
    f(node, path);
    match &mut node.value {
        Value::Map(entries) => {
            for (k, v) in entries.iter_mut() {
                let Value::Str(key) = &k.value else {
                    continue;
                };
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                visit_mut(v, &child, f);
            }
        }
        Value::Seq(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                visit_mut(v, &format!("{path}[{i}]"), f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_nested_values() {
        let n = parse("a: 1\nb:\n  c: [x, {d: y}]\n").expect("parses");
        let Value::Map(m) = &n.value else {
            panic!("map")
        };
        assert_eq!(m[1].0.pos.line, 2);
        let Value::Map(b) = &m[1].1.value else {
            panic!("map")
        };
        assert_eq!(b[0].1.pos.line, 3);
        assert_eq!(b[0].1.pos.column, 6);
        let Value::Seq(s) = &b[0].1.value else {
            panic!("seq")
        };
        assert_eq!(s[0].value, Value::Str("x".into()));
        assert_eq!(s[0].pos.column, 7);
    }

    #[test]
    fn alias_bomb_is_refused() {
        let bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n";
        assert!(parse(bomb).is_err());
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse("a: [1, 2\nb: 3\n").expect_err("bad yaml");
        assert!(e.pos.is_some(), "{e:?}");
    }
}
