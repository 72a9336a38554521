//! A reader over the YAML node tree that collects every problem instead of
//! stopping at the first: typed values (text, bilingual text, a key of a
//! fixed list or a reference table, periods, dates) each read with its
//! SCHEMA-*/DATA-* diagnostics. `decode` uses it to build the model.
//!
//! Each mapping is read through `MapReader`, which remembers the keys it was
//! asked for; the keys nobody asked for are reported as unknown (the keys
//! allowed there come from `format`), with the closest known key as a "did
//! you mean" hint. A bad value is reported and decoding goes on.

use super::format;
use super::model::*;
use super::yaml::{Node, Pos, Value};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Msg};
use crate::reference;
use crate::thai::segment::has_thai;

/// Collects diagnostics while decoding.
pub struct Decoder {
    pub diags: Vec<Diagnostic>,
}

pub(super) struct MapReader<'a> {
    entries: &'a [(Node, Node)],
    used: Vec<bool>,
    pub(super) pos: Pos,
    /// Dotted path of this mapping ("partner.signatory"), for messages.
    pub(super) path: String,
}

fn key_text(n: &Node) -> String {
    match &n.value {
        Value::Str(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Null => "~".to_string(),
        _ => "<complex key>".to_string(),
    }
}

pub(super) fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'a> MapReader<'a> {
    pub(super) fn get(&mut self, key: &str) -> Option<&'a Node> {
        let entries = self.entries;
        for (i, (k, v)) in entries.iter().enumerate() {
            if matches!(&k.value, Value::Str(s) if s == key) {
                self.used[i] = true;
                return Some(v);
            }
        }
        None
    }

    pub(super) fn child_path(&self, key: &str) -> String {
        join_path(&self.path, key)
    }
}

impl Decoder {
    pub fn new() -> Self {
        Decoder { diags: Vec::new() }
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub(super) fn type_error(
        &mut self,
        node: &Node,
        path: &str,
        expected_en: &str,
        expected_th: &str,
    ) {
        self.push(
            Diagnostic::error(
                "SCHEMA-TYPE",
                Some(node.pos),
                format::field_msg(
                    path,
                    |field| {
                        format!(
                            "{field} ต้องเป็น{expected_th} แต่ในไฟล์เขียนเป็น{}",
                            type_th(&node.value)
                        )
                    },
                    |field| {
                        format!(
                            "{field} must be {expected_en}, found {}",
                            node.value.type_name()
                        )
                    },
                ),
            )
            .with_hint(Msg::new(
                "ดูตัวอย่างที่เขียนถูกต้องได้จากไฟล์ที่คำสั่ง sisterdoc new สร้างให้",
                "see the commented example `sisterdoc new` writes",
            )),
        );
    }

    pub(super) fn map<'a>(&mut self, node: &'a Node, path: &str) -> Option<MapReader<'a>> {
        match &node.value {
            Value::Map(entries) => Some(MapReader {
                entries,
                used: vec![false; entries.len()],
                pos: node.pos,
                path: path.to_string(),
            }),
            _ => {
                self.type_error(
                    node,
                    path,
                    "a mapping (key: value lines)",
                    "หัวข้อที่มีช่องย่อย (บรรทัดแบบ ชื่อ: ค่า)",
                );
                None
            }
        }
    }

    /// Reports every key of `m` that was never asked for; the keys allowed
    /// there come from the format table. A key with exactly one closest
    /// allowed key (not already written in the mapping) gets the fix that
    /// renames it.
    pub(super) fn finish(&mut self, m: MapReader<'_>) {
        let known = format::keys_in(&m.path);
        let written: Vec<String> = m.entries.iter().map(|(k, _)| key_text(k)).collect();
        let (where_th, where_en) = if m.path.is_empty() {
            (String::new(), String::new())
        } else {
            let (th, en) = format::field_name(&m.path);
            (format!(" ใน{th}"), format!(" in {en}"))
        };
        for (i, (k, _)) in m.entries.iter().enumerate() {
            if m.used[i] {
                continue;
            }
            let name = key_text(k);
            let near = reference::closest_all(&name, known.iter().map(|k| (*k, *k)));
            let allowed = known.join(", ");
            let fix = match near.as_slice() {
                [one] if !written.iter().any(|w| w == one) => super::fix::replace_value(k, one),
                _ => None,
            };
            // A misspelled required key is also reported missing: say it
            // once, here, where the fix is.
            if let ([one], Some(_)) = (near.as_slice(), &fix) {
                let missing = m.child_path(one);
                self.diags.retain(|d| {
                    !(d.rule == "SCHEMA-MISSING" && d.path.as_deref() == Some(missing.as_str()))
                });
            }
            let hint = match near.as_slice() {
                [] => Msg::new(
                    format!("หัวข้อที่เขียนได้ตรงนี้: {allowed}"),
                    format!("keys allowed here: {allowed}"),
                ),
                [one] if fix.is_none() => Msg::new(
                    format!("หมายถึง “{one}” หรือไม่ แต่มีหัวข้อ “{one}” อยู่แล้ว ถ้าบรรทัดนี้เขียนซ้ำโดยไม่ได้ตั้งใจ ให้ลบออก"),
                    format!("did you mean `{one}`? It is already written here: if this line repeats it, delete it"),
                ),
                near => did_you_mean(near, fix.is_some()),
            };
            self.push(
                Diagnostic::error(
                    "SCHEMA-UNKNOWN",
                    Some(k.pos),
                    Msg::new(
                        format!("ไม่รู้จักหัวข้อ “{name}”{where_th}"),
                        format!("unknown key `{name}`{where_en}"),
                    ),
                )
                .with_hint(hint)
                .with_path(m.child_path(&name))
                .with_fix(fix),
            );
        }
    }

    pub(super) fn missing(&mut self, m: &MapReader<'_>, key: &str, hint: Msg) {
        let path = m.child_path(key);
        let (field_th, field_en) = format::field_name(&path);
        // The section it belongs in, unless the field's name says it (one
        // half of a {th, en} text, or a top-level key).
        let (in_th, in_en) = match format::field(&m.path) {
            Some(parent) if !matches!(key, "th" | "en") => (
                format!(" ในหัวข้อ “{}”", parent.label.th),
                format!(" in the section “{}”", parent.label.en),
            ),
            _ => (String::new(), String::new()),
        };
        self.push(
            Diagnostic::error(
                "SCHEMA-MISSING",
                Some(m.pos),
                Msg::new(
                    format!("ยังไม่มี{field_th}{in_th} ซึ่งต้องกรอก"),
                    format!("{field_en}{in_en} is missing"),
                ),
            )
            .with_hint(hint)
            .with_path(path),
        );
    }

    pub(super) fn required<'a>(
        &mut self,
        m: &mut MapReader<'a>,
        key: &str,
        hint: Msg,
    ) -> Option<&'a Node> {
        let v = m.get(key);
        if v.is_none() {
            self.missing(m, key, hint);
        }
        v
    }

    /// The hint the format table gives for a missing key of `m`.
    fn missing_hint(m: &MapReader<'_>, key: &str) -> Msg {
        match format::field(&m.child_path(key)) {
            Some(f) if !f.missing.en.is_empty() => Msg::new(f.missing.th, f.missing.en),
            _ => Msg::new(format!("เพิ่มบรรทัด “{key}:”"), format!("add `{key}:`")),
        }
    }

    /// A key the format table lists as required in `m`.
    pub(super) fn required_field<'a>(
        &mut self,
        m: &mut MapReader<'a>,
        key: &str,
    ) -> Option<&'a Node> {
        let hint = Self::missing_hint(m, key);
        self.required(m, key, hint)
    }

    /// Reports a conditionally required key of `m` as missing.
    pub(super) fn missing_field(&mut self, m: &MapReader<'_>, key: &str) {
        let hint = Self::missing_hint(m, key);
        self.missing(m, key, hint);
    }

    pub(super) fn string(&mut self, node: &Node, path: &str) -> Option<At<String>> {
        match &node.value {
            Value::Str(s) => {
                let t = s.trim();
                if t.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "SCHEMA-TYPE",
                            Some(node.pos),
                            format::field_msg(path, |field| format!("{field} ยังว่างอยู่ ต้องกรอกข้อความ"), |field| format!("{field} is empty")),
                        )
                        .with_hint(Msg::new(
                            "กรอกข้อความในช่องนี้ (ข้อความที่มีเครื่องหมาย : หรือ # ให้ใส่ในเครื่องหมายคำพูด \"...\")",
                            "write the text here (put a text with : or # in quotes \"...\")",
                        )),
                    );
                    None
                } else if t.contains(['\n', '\r'])
                    || t.chars()
                        .any(|c| c.is_control() || ('\u{E000}'..='\u{F8FF}').contains(&c))
                {
                    self.push(
                        Diagnostic::error(
                            "SCHEMA-TYPE",
                            Some(node.pos),
                            format::field_msg(path, |field| format!("{field} ต้องเป็นข้อความบรรทัดเดียว ไม่มีการขึ้นบรรทัดใหม่ แท็บ หรืออักขระพิเศษที่มองไม่เห็น"), |field| format!("{field} must be a single line of text without line breaks, tabs or other invisible control characters")),
                        )
                        .with_hint(Msg::new("เขียนข้อความให้อยู่ในบรรทัดเดียว และลบอักขระที่มองไม่เห็นออก", "write the text on one line, without invisible characters")),
                    );
                    None
                } else if t.starts_with('<') && t.ends_with('>') {
                    self.push(
                        Diagnostic::error(
                            "SCHEMA-PLACEHOLDER",
                            Some(node.pos),
                            format::field_msg(
                                path,
                                |field| format!("{field} ยังเป็นข้อความตัวอย่าง {t} ยังไม่ได้กรอกข้อมูลจริง"),
                                |field| format!("{field} is still the placeholder {t}: fill it in"),
                            ),
                        )
                        .with_hint(Msg::new(
                            "แทนข้อความในวงเล็บ < > ด้วยข้อมูลจริง",
                            "replace the text in < > with the real value",
                        )),
                    );
                    None
                } else {
                    Some(At {
                        value: t.to_string(),
                        pos: node.pos,
                    })
                }
            }
            _ => {
                self.type_error(node, path, "a text", "ข้อความ");
                None
            }
        }
    }

    /// SCHEMA-LANG: one half of a `{th, en}` text in the wrong script;
    /// `says` completes the sentence after the field's name, in Thai and English.
    fn wrong_script(&mut self, pos: Pos, path: &str, says: (&str, &str), hint: (&str, &str)) {
        let msg = format::field_msg(
            path,
            |field| format!("{field} {}", says.0),
            |field| format!("{field} {}", says.1),
        );
        let hint = Msg::new(hint.0, hint.1);
        self.push(Diagnostic::warning("SCHEMA-LANG", Some(pos), msg).with_hint(hint));
    }

    pub(super) fn bilingual(&mut self, node: &Node, path: &str) -> Option<Bilingual> {
        let mut m = match &node.value {
            Value::Map(_) => self.map(node, path)?,
            _ => {
                self.push(
                    Diagnostic::error(
                        "SCHEMA-TYPE",
                        Some(node.pos),
                        format::field_msg(
                            path,
                            |field| format!("{field} ต้องเขียนทั้งภาษาไทยและภาษาอังกฤษ ในรูป {{th: ..., en: ...}}"),
                            |field| format!("{field} must be written in Thai and English, {{th: ..., en: ...}}; found {}", node.value.type_name()),
                        ),
                    )
                    .with_hint(Msg::new(
                        "ตัวอย่าง: {th: นครคุนหมิง, en: Kunming}",
                        "for example {th: นครคุนหมิง, en: Kunming}",
                    )),
                );
                return None;
            }
        };
        let th_hint = Msg::new(
            "เพิ่ม “th:” ตามด้วยข้อความภาษาไทย ในวงเล็บปีกกาเดียวกัน",
            "add `th:` with the Thai text, inside the same { }",
        );
        let en_hint = Msg::new(
            "เพิ่ม “en:” ตามด้วยข้อความภาษาอังกฤษ ในวงเล็บปีกกาเดียวกัน",
            "add `en:` with the English text, inside the same { }",
        );
        let th_n = self.required(&mut m, "th", th_hint);
        let en_n = self.required(&mut m, "en", en_hint);
        let th = th_n.and_then(|n| self.string(n, &join_path(path, "th")));
        let en = en_n.and_then(|n| self.string(n, &join_path(path, "en")));
        self.finish(m);
        // Each half in its own script (SCHEMA-LANG).
        if let Some(t) = th.as_ref().filter(|t| !has_thai(&t.value)) {
            self.wrong_script(
                t.pos,
                &join_path(path, "th"),
                ("ไม่มีอักษรไทยเลย", "contains no Thai script"),
                (
                    "เขียนชื่อหรือข้อความเป็นภาษาไทยหลัง “th:”",
                    "write the Thai form after `th:`",
                ),
            );
        }
        if let Some(e) = en.as_ref().filter(|e| has_thai(&e.value)) {
            self.wrong_script(
                e.pos,
                &join_path(path, "en"),
                ("มีอักษรไทยปนอยู่", "contains Thai script"),
                (
                    "เขียนเป็นภาษาอังกฤษหลัง “en:” (ชื่อเฉพาะให้เขียนเป็นอักษรโรมัน)",
                    "write the English form after `en:` (names in Latin script)",
                ),
            );
        }
        Some(Bilingual {
            th: th?,
            en: en?,
            pos: node.pos,
            path: path.to_string(),
            bytes: [
                th_n.map_or((0, 0), |n| n.bytes),
                en_n.map_or((0, 0), |n| n.bytes),
            ],
        })
    }

    /// A value from a fixed list of keys (`unit`, `rank`, ...).
    pub(super) fn choice<T: Copy>(
        &mut self,
        node: &Node,
        path: &str,
        choices: &[Choice<T>],
    ) -> Option<At<T>> {
        let list = choices
            .iter()
            .map(|c| c.key)
            .collect::<Vec<_>>()
            .join(" | ");
        let s = match &node.value {
            Value::Str(s) => s.trim(),
            _ => {
                self.type_error(
                    node,
                    path,
                    &format!("one of {list}"),
                    &format!("ค่าใดค่าหนึ่งต่อไปนี้ {}", list.replace(" | ", ", ")),
                );
                return None;
            }
        };
        if let Some(c) = choices.iter().find(|c| c.key == s) {
            return Some(At {
                value: c.value,
                pos: node.pos,
            });
        }
        let near = reference::closest_all(s, choices.iter().map(|c| (c.key, c.key)));
        let fix = match near.as_slice() {
            [one] => super::fix::replace_value(node, one),
            _ => None,
        };
        let listed_th = choices
            .iter()
            .map(|c| format!("{} ({})", c.key, c.th))
            .collect::<Vec<_>>()
            .join(", ");
        let listed_en = choices.iter().map(|c| c.key).collect::<Vec<_>>().join(", ");
        let hint = match near.as_slice() {
            [] => Msg::new(
                format!("ค่าที่เลือกได้: {listed_th}"),
                format!("the choices are: {listed_en}"),
            ),
            near => {
                let d = did_you_mean(near, fix.is_some());
                Msg::new(
                    format!("{} ค่าที่เลือกได้: {listed_th}", d.th),
                    format!("{} The choices are: {listed_en}", d.en),
                )
            }
        };
        let (field_th, field_en) = format::field_name(path);
        self.push(
            Diagnostic::error(
                "SCHEMA-VALUE",
                Some(node.pos),
                Msg::new(
                    format!("{field_th} เขียนว่า “{s}” ซึ่งไม่ใช่ค่าที่เลือกได้"),
                    format!("{field_en} is `{s}`, which is not one of its choices"),
                ),
            )
            .with_hint(hint)
            .with_fix(fix),
        );
        None
    }

    /// A built-in key (looked up in a reference table) or a `{th, en}` text.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn key_or<T: 'static>(
        &mut self,
        node: &Node,
        path: &str,
        rule: &'static str,
        what: Msg,
        lookup: fn(&str) -> Option<&'static T>,
        suggest: fn(&str) -> Option<&'static T>,
        key_of: fn(&T) -> &'static str,
    ) -> Option<At<KeyOr<T>>> {
        match &node.value {
            Value::Str(s) => {
                let s = s.trim();
                if let Some(v) = lookup(s) {
                    return Some(At {
                        value: KeyOr::Key(v),
                        pos: node.pos,
                    });
                }
                let (hint, fix) = table_suggestion(
                    node,
                    path,
                    s,
                    lookup,
                    suggest,
                    |v: &T| {
                        let k = key_of(v);
                        (format!("“{k}”"), format!("`{k}`"))
                    },
                    Msg::new("", ""),
                );
                let other = Msg::new(
                    "ถ้าเป็นชื่ออื่นที่ไม่มีในรายการ ให้เขียนเองทั้งภาษาไทยและภาษาอังกฤษในรูป {th: ..., en: ...}",
                    "For anything not in the list, write it in both languages as {th: ..., en: ...}",
                );
                let hint = if hint.th.is_empty() {
                    other
                } else {
                    Msg::new(
                        format!("{} {}", hint.th, other.th),
                        format!("{} {}", hint.en, other.en),
                    )
                };
                self.push(
                    Diagnostic::error(
                        rule,
                        Some(node.pos),
                        Msg::new(
                            format!("ไม่รู้จัก{} “{s}”", what.th),
                            format!("unknown {} `{s}`", what.en),
                        ),
                    )
                    .with_hint(hint)
                    .with_fix(fix),
                );
                None
            }
            Value::Map(_) => self.bilingual(node, path).map(|b| At {
                value: KeyOr::Custom(b),
                pos: node.pos,
            }),
            _ => {
                self.type_error(
                    node,
                    path,
                    "a key or {th: ..., en: ...}",
                    "ชื่อหนึ่งจากรายการ หรือข้อความสองภาษาในรูป {th: ..., en: ...}",
                );
                None
            }
        }
    }

    pub(super) fn period(
        &mut self,
        node: &Node,
        path: &str,
        units: &[Choice<PeriodUnit>],
    ) -> Option<At<Period>> {
        let allowed = units.iter().map(|c| c.key).collect::<Vec<_>>().join("|");
        let bad = |d: &mut Self| {
            d.push(
                Diagnostic::error(
                    "SCHEMA-VALUE",
                    Some(node.pos),
                    Msg::new(
                        format!(
                            "{} ต้องเขียนเป็นตัวเลขตามด้วยหน่วย (หน่วยที่ใช้ได้: {})",
                            format::field_name(path).0,
                            units
                                .iter()
                                .map(|c| format!("{} ({})", c.key, c.th))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        format!(
                            "{} must be a number and a unit (units: {})",
                            format::field_name(path).1,
                            allowed.replace('|', ", ")
                        ),
                    ),
                )
                .with_hint(Msg::new(
                    format!("ตัวอย่าง: 6 {}", units.first().map_or("", |c| c.key)),
                    format!("for example: 6 {}", units.first().map_or("", |c| c.key)),
                )),
            );
        };
        let Value::Str(s) = &node.value else {
            bad(self);
            return None;
        };
        let mut parts = s.split_whitespace();
        let (Some(n), Some(u), None) = (parts.next(), parts.next(), parts.next()) else {
            bad(self);
            return None;
        };
        let Ok(n) = n.parse::<u32>() else {
            bad(self);
            return None;
        };
        let u = u.to_ascii_lowercase();
        let unit = units
            .iter()
            .find(|c| c.key == u || c.key.trim_end_matches('s') == u);
        match unit {
            Some(c) => Some(At {
                value: Period { n, unit: c.value },
                pos: node.pos,
            }),
            None => {
                bad(self);
                None
            }
        }
    }

    /// A text looked up in a reference table; an unknown value gets `rule`
    /// with the closest entry (`describe` gives its Thai and English label) as
    /// a hint, or `fallback` when nothing is close.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lookup<T: 'static>(
        &mut self,
        node: &Node,
        path: &str,
        rule: &'static str,
        what: Msg,
        lookup: fn(&str) -> Option<&'static T>,
        suggest: fn(&str) -> Option<&'static T>,
        describe: fn(&T) -> (String, String),
        fallback: Msg,
    ) -> Option<At<&'static T>> {
        let s = self.string(node, path)?;
        if let Some(v) = lookup(&s.value) {
            return Some(At {
                value: v,
                pos: s.pos,
            });
        }
        let (hint, fix) =
            table_suggestion(node, path, &s.value, lookup, suggest, describe, fallback);
        self.push(
            Diagnostic::error(
                rule,
                Some(s.pos),
                Msg::new(
                    format!("ไม่รู้จัก{} “{}”", what.th, s.value),
                    format!("unknown {} `{}`", what.en, s.value),
                ),
            )
            .with_hint(hint)
            .with_fix(fix),
        );
        None
    }

    pub(super) fn boolean(&mut self, node: &Node, path: &str) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.type_error(node, path, "true or false", " true (ใช่) หรือ false (ไม่ใช่)");
                None
            }
        }
    }

    pub(super) fn date(&mut self, node: &Node, path: &str) -> Option<At<Date>> {
        let Value::Str(s) = &node.value else {
            self.type_error(
                node,
                path,
                "a date written YYYY-MM-DD",
                "วันที่ในรูป ปี ค.ศ.-เดือน-วัน เช่น 2026-03-15",
            );
            return None;
        };
        // Reading (CE, B.E., Thai written dates) and its errors: `date_value`.
        match super::date_value::read(s, node) {
            Ok(d) => Some(At {
                value: d,
                pos: node.pos,
            }),
            Err(d) => {
                self.push(*d);
                None
            }
        }
    }
}

impl Default for Decoder {
    fn default() -> Self {
        Self::new()
    }
}

/// "Did you mean" for one candidate or several equally close ones; `fixable`
/// says `check --fix` will write the only one.
fn did_you_mean(near: &[&str], fixable: bool) -> Msg {
    let th = near
        .iter()
        .map(|k| format!("“{k}”"))
        .collect::<Vec<_>>()
        .join(" หรือ ");
    let en = near
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    match (near.len(), fixable) {
        (1, true) => Msg::new(
            format!("หมายถึง {th} หรือไม่ (คำสั่ง sisterdoc check --fix แก้ให้ได้)"),
            format!("did you mean {en}? (`sisterdoc check --fix` corrects it)"),
        ),
        (1, false) => Msg::new(format!("หมายถึง {th} หรือไม่"), format!("did you mean {en}?")),
        _ => Msg::new(
            format!("หมายถึง {th} หรือไม่ (ใกล้เคียงเท่ากัน จึงไม่แก้ให้อัตโนมัติ)"),
            format!("did you mean {en}? (equally close, so not corrected automatically)"),
        ),
    }
}

/// The "did you mean" of a value its reference table does not hold (one
/// definition for the built-in keys and the looked-up names): the entry the
/// table's `suggest` picks (aliases, codes, spellings), described by
/// `describe`; or, when several entries are equally close, all of them and
/// no fix; `fallback` when nothing is close. The fix writes the entry's key,
/// only when it is the one closest entry (`reference::closest_all` over the
/// table's names, as `format` lists them) and `suggest` picked it too.
#[allow(clippy::too_many_arguments)]
fn table_suggestion<T: 'static>(
    node: &Node,
    path: &str,
    input: &str,
    lookup: fn(&str) -> Option<&'static T>,
    suggest: fn(&str) -> Option<&'static T>,
    describe: impl Fn(&T) -> (String, String),
    fallback: Msg,
) -> (Msg, Option<crate::diagnostic::Fix>) {
    let labels = format::field(path)
        .map(|f| f.kind.choices())
        .unwrap_or_default();
    let near = reference::closest_all(
        input,
        labels
            .iter()
            .flat_map(|l| [(l.key, l.key), (l.th, l.key), (l.en, l.key)]),
    );
    let picked = suggest(input);
    if near.len() > 1 {
        let (th, en): (Vec<String>, Vec<String>) =
            near.iter().filter_map(|k| lookup(k)).map(&describe).unzip();
        if th.len() > 1 {
            return (
                Msg::new(
                    format!(
                        "หมายถึง {} หรือไม่ (ใกล้เคียงเท่ากัน จึงไม่แก้ให้อัตโนมัติ)",
                        th.join(" หรือ ")
                    ),
                    format!(
                        "did you mean {}? (equally close, so not corrected automatically)",
                        en.join(" or ")
                    ),
                ),
                None,
            );
        }
    }
    let Some(v) = picked else {
        return (fallback, None);
    };
    let only = match near.as_slice() {
        [k] => lookup(k).filter(|w| std::ptr::eq(*w, v)).map(|_| *k),
        _ => None,
    };
    let fix = only.and_then(|k| super::fix::replace_value(node, k));
    let (th, en) = describe(v);
    let hint = if fix.is_some() {
        Msg::new(
            format!("หมายถึง {th} หรือไม่ (คำสั่ง sisterdoc check --fix แก้ให้ได้)"),
            format!("did you mean {en}? (`sisterdoc check --fix` corrects it)"),
        )
    } else {
        Msg::new(format!("หมายถึง {th} หรือไม่"), format!("did you mean {en}?"))
    };
    (hint, fix)
}

fn type_th(v: &Value) -> &'static str {
    match v {
        Value::Null => "ค่าว่าง",
        Value::Bool(_) => " true หรือ false",
        Value::Int(_) | Value::Float(_) => "ตัวเลข",
        Value::Str(_) => "ข้อความ",
        Value::Seq(_) => "รายการ",
        Value::Map(_) => "หัวข้อที่มีช่องย่อย",
    }
}
