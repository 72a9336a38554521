//! Node tree -> `Descriptor`, collecting every SCHEMA-* and DATA-* problem.
//!
//! Each mapping is read through `MapReader`, which remembers the keys it was
//! asked for; the keys nobody asked for are reported as unknown, with the
//! closest known key as a "did you mean" hint. A bad value is reported and
//! decoding goes on with the next one.

use super::model::*;
use super::yaml::{Node, Pos, Value};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Msg};
use crate::document::{DocKind, Layout};
use crate::reference::{self, countries, fields, languages, positions, provinces, relationships};

/// Collects diagnostics while decoding.
pub struct Decoder {
    pub diags: Vec<Diagnostic>,
}

struct MapReader<'a> {
    entries: &'a [(Node, Node)],
    used: Vec<bool>,
    pos: Pos,
    /// Dotted path of this mapping ("partner.signatory"), for messages.
    path: String,
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

fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'a> MapReader<'a> {
    fn get(&mut self, key: &str) -> Option<&'a Node> {
        let entries = self.entries;
        for (i, (k, v)) in entries.iter().enumerate() {
            if matches!(&k.value, Value::Str(s) if s == key) {
                self.used[i] = true;
                return Some(v);
            }
        }
        None
    }

    fn child_path(&self, key: &str) -> String {
        join_path(&self.path, key)
    }
}

impl Decoder {
    pub fn new() -> Self {
        Decoder { diags: Vec::new() }
    }

    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn type_error(&mut self, node: &Node, path: &str, expected_en: &str, expected_th: &str) {
        self.push(
            Diagnostic::error(
                "SCHEMA-TYPE",
                Some(node.pos),
                Msg::new(
                    format!(
                        "ค่าของ `{path}` ต้องเป็น{expected_th} แต่ในไฟล์เป็น{}",
                        type_th(&node.value)
                    ),
                    format!(
                        "`{path}` must be {expected_en}, found {}",
                        node.value.type_name()
                    ),
                ),
            )
            .with_hint(Msg::new(
                "ดูตัวอย่างรูปแบบที่ถูกต้องได้จากคำสั่ง `sisterdoc new`",
                "see `sisterdoc new` for a complete, commented example",
            )),
        );
    }

    fn map<'a>(&mut self, node: &'a Node, path: &str) -> Option<MapReader<'a>> {
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
                    "ชุดข้อมูลแบบ key: value",
                );
                None
            }
        }
    }

    /// Reports every key of `m` that was never asked for.
    fn finish(&mut self, m: MapReader<'_>, known: &[&str]) {
        for (i, (k, _)) in m.entries.iter().enumerate() {
            if m.used[i] {
                continue;
            }
            let name = key_text(k);
            let path = m.child_path(&name);
            let mut d = Diagnostic::error(
                "SCHEMA-UNKNOWN",
                Some(k.pos),
                Msg::new(
                    format!("ไม่รู้จักหัวข้อ `{path}`"),
                    format!("unknown key `{path}`"),
                ),
            );
            let hint = match reference::closest(&name, known.iter().copied()) {
                Some(c) => Msg::new(
                    format!("หมายถึง `{c}` หรือไม่"),
                    format!("did you mean `{c}`?"),
                ),
                None => Msg::new(
                    format!("หัวข้อที่ใช้ได้ในที่นี้: {}", known.join(", ")),
                    format!("keys allowed here: {}", known.join(", ")),
                ),
            };
            d = d.with_hint(hint);
            self.push(d);
        }
    }

    fn missing(&mut self, m: &MapReader<'_>, key: &str, hint: Msg) {
        let path = m.child_path(key);
        self.push(
            Diagnostic::error(
                "SCHEMA-MISSING",
                Some(m.pos),
                Msg::new(
                    format!("ขาดหัวข้อที่ต้องมี `{path}`"),
                    format!("missing required key `{path}`"),
                ),
            )
            .with_hint(hint),
        );
    }

    fn required<'a>(&mut self, m: &mut MapReader<'a>, key: &str, hint: Msg) -> Option<&'a Node> {
        let v = m.get(key);
        if v.is_none() {
            self.missing(m, key, hint);
        }
        v
    }

    fn string(&mut self, node: &Node, path: &str) -> Option<At<String>> {
        match &node.value {
            Value::Str(s) => {
                let t = s.trim();
                if t.is_empty() {
                    self.push(Diagnostic::error(
                        "SCHEMA-TYPE",
                        Some(node.pos),
                        Msg::new(
                            format!("`{path}` ว่างอยู่ ต้องกรอกข้อความ"),
                            format!("`{path}` is empty"),
                        ),
                    ));
                    None
                } else if t.contains(['\n', '\r'])
                    || t.chars()
                        .any(|c| c.is_control() || ('\u{E000}'..='\u{F8FF}').contains(&c))
                {
                    self.push(
                        Diagnostic::error(
                            "SCHEMA-TYPE",
                            Some(node.pos),
                            Msg::new(
                                format!("`{path}` ต้องเป็นข้อความบรรทัดเดียว ไม่มีอักขระควบคุม"),
                                format!("`{path}` must be a single line of text without control characters"),
                            ),
                        )
                        .with_hint(Msg::new("เขียนข้อความให้อยู่ในบรรทัดเดียว", "write the text on one line")),
                    );
                    None
                } else if t.starts_with('<') && t.ends_with('>') {
                    self.push(
                        Diagnostic::error(
                            "SCHEMA-PLACEHOLDER",
                            Some(node.pos),
                            Msg::new(
                                format!("`{path}` ยังเป็นข้อความตัวอย่าง {t} ต้องกรอกข้อมูลจริง"),
                                format!("`{path}` is still the placeholder {t}: fill it in"),
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

    fn bilingual(&mut self, node: &Node, path: &str) -> Option<Bilingual> {
        let mut m = match &node.value {
            Value::Map(_) => self.map(node, path)?,
            _ => {
                self.push(
                    Diagnostic::error(
                        "SCHEMA-TYPE",
                        Some(node.pos),
                        Msg::new(
                            format!(
                                "`{path}` ต้องเขียนทั้งภาษาไทยและภาษาอังกฤษในรูป {{th: ..., en: ...}}"
                            ),
                            format!(
                                "`{path}` must be a bilingual text {{th: ..., en: ...}}, found {}",
                                node.value.type_name()
                            ),
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
        let th_hint = Msg::new("เพิ่ม `th:` ข้อความภาษาไทย", "add `th:` with the Thai text");
        let en_hint = Msg::new(
            "เพิ่ม `en:` ข้อความภาษาอังกฤษ",
            "add `en:` with the English text",
        );
        let th_n = self.required(&mut m, "th", th_hint);
        let en_n = self.required(&mut m, "en", en_hint);
        let th = th_n.and_then(|n| self.string(n, &join_path(path, "th")));
        let en = en_n.and_then(|n| self.string(n, &join_path(path, "en")));
        self.finish(m, &["th", "en"]);
        if let Some(th) = &th {
            if !crate::thai::segment::has_thai(&th.value) {
                self.push(
                    Diagnostic::warning(
                        "SCHEMA-LANG",
                        Some(th.pos),
                        Msg::new(
                            format!("`{path}.th` ไม่มีอักษรไทย"),
                            format!("`{path}.th` contains no Thai script"),
                        ),
                    )
                    .with_hint(Msg::new(
                        "เขียนชื่อหรือข้อความเป็นภาษาไทย",
                        "write the Thai form here",
                    )),
                );
            }
        }
        if let Some(en) = &en {
            if crate::thai::segment::has_thai(&en.value) {
                self.push(
                    Diagnostic::warning(
                        "SCHEMA-LANG",
                        Some(en.pos),
                        Msg::new(
                            format!("`{path}.en` มีอักษรไทยปนอยู่"),
                            format!("`{path}.en` contains Thai script"),
                        ),
                    )
                    .with_hint(Msg::new(
                        "เขียนข้อความภาษาอังกฤษ",
                        "write the English form here",
                    )),
                );
            }
        }
        Some(Bilingual {
            th: th?,
            en: en?,
            pos: node.pos,
        })
    }

    /// A value from a fixed list of keys (`unit`, `rank`, ...).
    fn choice<T: Copy>(&mut self, node: &Node, path: &str, choices: &[(&str, T)]) -> Option<At<T>> {
        let s = match &node.value {
            Value::Str(s) => s.trim(),
            _ => {
                let list = choices
                    .iter()
                    .map(|(k, _)| *k)
                    .collect::<Vec<_>>()
                    .join(" | ");
                self.type_error(
                    node,
                    path,
                    &format!("one of {list}"),
                    &format!("ค่าใดค่าหนึ่งต่อไปนี้ {list}"),
                );
                return None;
            }
        };
        if let Some((_, v)) = choices.iter().find(|(k, _)| *k == s) {
            return Some(At {
                value: *v,
                pos: node.pos,
            });
        }
        let list = choices
            .iter()
            .map(|(k, _)| *k)
            .collect::<Vec<_>>()
            .join(" | ");
        let hint = match reference::closest(s, choices.iter().map(|(k, _)| *k)) {
            Some(c) => Msg::new(
                format!("หมายถึง `{c}` หรือไม่ (ค่าที่ใช้ได้: {list})"),
                format!("did you mean `{c}`? (allowed: {list})"),
            ),
            None => Msg::new(format!("ค่าที่ใช้ได้: {list}"), format!("allowed: {list}")),
        };
        self.push(
            Diagnostic::error(
                "SCHEMA-VALUE",
                Some(node.pos),
                Msg::new(
                    format!("`{path}` เป็น `{s}` ซึ่งไม่ใช่ค่าที่กำหนดไว้"),
                    format!("`{path}` is `{s}`, which is not an allowed value"),
                ),
            )
            .with_hint(hint),
        );
        None
    }

    /// A built-in key (looked up in a reference table) or a `{th, en}` text.
    #[allow(clippy::too_many_arguments)]
    fn key_or<T: 'static>(
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
                let hint = match suggest(s) {
                    Some(v) => Msg::new(
                        format!(
                            "หมายถึง `{}` หรือไม่ ถ้าเป็นชื่ออื่นให้เขียน {{th: ..., en: ...}}",
                            key_of(v)
                        ),
                        format!(
                            "did you mean `{}`? For anything else write {{th: ..., en: ...}}",
                            key_of(v)
                        ),
                    ),
                    None => Msg::new(
                        "ถ้าเป็นชื่ออื่นให้เขียน {th: ..., en: ...}",
                        "for anything else write {th: ..., en: ...}",
                    ),
                };
                self.push(
                    Diagnostic::error(
                        rule,
                        Some(node.pos),
                        Msg::new(
                            format!("ไม่รู้จัก{} `{s}`", what.th),
                            format!("unknown {} `{s}`", what.en),
                        ),
                    )
                    .with_hint(hint),
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
                    "ชื่อที่กำหนดไว้ หรือ {th: ..., en: ...}",
                );
                None
            }
        }
    }

    fn period(
        &mut self,
        node: &Node,
        path: &str,
        units: &[(&str, PeriodUnit)],
    ) -> Option<At<Period>> {
        let allowed = units.iter().map(|(u, _)| *u).collect::<Vec<_>>().join("|");
        let bad = |d: &mut Self| {
            d.push(
                Diagnostic::error(
                    "SCHEMA-VALUE",
                    Some(node.pos),
                    Msg::new(
                        format!("`{path}` ต้องเขียนเป็น \"<จำนวน> {allowed}\""),
                        format!("`{path}` must be written \"<n> {allowed}\""),
                    ),
                )
                .with_hint(Msg::new(
                    format!("ตัวอย่าง: 6 {}", units[0].0),
                    format!("for example: 6 {}", units[0].0),
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
            .find(|(name, _)| *name == u || name.trim_end_matches('s') == u);
        match unit {
            Some((_, unit)) => Some(At {
                value: Period { n, unit: *unit },
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
    fn lookup<T: 'static>(
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
        let hint = match suggest(&s.value) {
            Some(v) => {
                let (th, en) = describe(v);
                Msg::new(format!("หมายถึง {th} หรือไม่"), format!("did you mean {en}?"))
            }
            None => fallback,
        };
        self.push(
            Diagnostic::error(
                rule,
                Some(s.pos),
                Msg::new(
                    format!("ไม่รู้จัก{} `{}`", what.th, s.value),
                    format!("unknown {} `{}`", what.en, s.value),
                ),
            )
            .with_hint(hint),
        );
        None
    }

    fn boolean(&mut self, node: &Node, path: &str) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.type_error(node, path, "true or false", "true หรือ false");
                None
            }
        }
    }

    fn date(&mut self, node: &Node, path: &str) -> Option<At<Date>> {
        let Value::Str(s) = &node.value else {
            self.type_error(
                node,
                path,
                "a date written YYYY-MM-DD",
                "วันที่ในรูป YYYY-MM-DD (ค.ศ.)",
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

fn type_th(v: &Value) -> &'static str {
    match v {
        Value::Null => "ค่าว่าง",
        Value::Bool(_) => "ค่า true/false",
        Value::Int(_) | Value::Float(_) => "ตัวเลข",
        Value::Str(_) => "ข้อความ",
        Value::Seq(_) => "รายการ",
        Value::Map(_) => "ชุดข้อมูล key: value",
    }
}

/// Is `id` usable as a file name stem: `[a-z0-9-]+`, not starting with '-'?
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Suggests an id from any text: lowercase, other characters to '-'.
pub fn suggest_id(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let t = out.trim_matches('-').to_string();
    if t.is_empty() {
        "my-pairing".to_string()
    } else {
        t
    }
}

const TOP_KEYS: &[&str] = &[
    "version",
    "id",
    "documents",
    "relationship",
    "thai_side",
    "partner",
    "cooperation",
    "mou",
    "loi",
    "signing",
    "output",
];

/// Decodes the whole descriptor. `stem` is the file stem, the default `id`.
pub fn decode(root: &Node, stem: Option<&str>) -> (Descriptor, Vec<Diagnostic>) {
    let mut d = Decoder::new();
    let desc = decode_root(&mut d, root, stem);
    (desc, d.diags)
}

fn decode_root(d: &mut Decoder, root: &Node, stem: Option<&str>) -> Descriptor {
    let mut desc = Descriptor::empty();
    let Some(mut m) = d.map(root, "(top level)") else {
        return desc;
    };
    m.path = String::new();

    // version
    match d.required(
        &mut m,
        "version",
        Msg::new(
            "เพิ่มบรรทัด `version: 1` ที่ต้นไฟล์",
            "add `version: 1` at the top",
        ),
    ) {
        Some(n) if n.value == Value::Int(1) => {}
        Some(n) => d.push(
            Diagnostic::error(
                "SCHEMA-VERSION",
                Some(n.pos),
                Msg::new(
                    "โปรแกรมนี้อ่านได้เฉพาะรูปแบบ version 1",
                    "this tool reads descriptor format version 1 only",
                ),
            )
            .with_hint(Msg::new("เขียน `version: 1`", "write `version: 1`")),
        ),
        None => {}
    }

    // id
    match m.get("id") {
        Some(n) => {
            if let Some(s) = d.string(n, "id") {
                if valid_id(&s.value) {
                    desc.id = Some(s.value);
                } else {
                    d.push(bad_id(Some(n.pos), &s.value, "id"));
                }
            }
        }
        None => match stem {
            Some(st) if valid_id(st) => desc.id = Some(st.to_string()),
            Some(st) => d.push(bad_id(None, st, "file name")),
            None => d.push(
                Diagnostic::error(
                    "DATA-ID",
                    None,
                    Msg::new(
                        "ไม่มี `id` และไม่มีชื่อไฟล์ให้ใช้แทน",
                        "no `id` and no file name to take it from",
                    ),
                )
                .with_hint(Msg::new(
                    "เพิ่ม `id: <ชื่อ>` เช่น `id: chiangmai-kunming`",
                    "add `id: <name>`, e.g. `id: chiangmai-kunming`",
                )),
            ),
        },
    }

    // documents
    if let Some(n) = m.get("documents") {
        match &n.value {
            Value::Seq(items) => {
                let mut docs = Vec::new();
                for it in items {
                    if let Some(k) = d.choice(
                        it,
                        "documents",
                        &[("loi", DocKind::Loi), ("mou", DocKind::Mou)],
                    ) {
                        if !docs.contains(&k.value) {
                            docs.push(k.value);
                        }
                    }
                }
                if items.is_empty() {
                    d.push(Diagnostic::error(
                        "SCHEMA-VALUE",
                        Some(n.pos),
                        Msg::new(
                            "`documents` ว่างอยู่ ต้องระบุ loi และ/หรือ mou",
                            "`documents` is empty: list loi and/or mou",
                        ),
                    ));
                }
                docs.sort();
                desc.documents = docs;
            }
            _ => d.type_error(
                n,
                "documents",
                "a list such as [loi, mou]",
                "รายการ เช่น [loi, mou]",
            ),
        }
    }

    // relationship
    if let Some(n) = d.required(
        &mut m,
        "relationship",
        Msg::new(
            "เพิ่ม `relationship: sister-cities`",
            "add `relationship: sister-cities`",
        ),
    ) {
        desc.relationship = d.key_or(
            n,
            "relationship",
            "DATA-RELATIONSHIP",
            Msg::new("ชื่อความสัมพันธ์", "relationship name"),
            relationships::lookup,
            relationships::suggest,
            |r| r.key,
        );
    }

    if let Some(n) = d.required(
        &mut m,
        "thai_side",
        Msg::new(
            "เพิ่มหัวข้อ `thai_side:` (จังหวัดและผู้ลงนามฝ่ายไทย)",
            "add `thai_side:` (the Thai province and its signatory)",
        ),
    ) {
        decode_thai_side(d, n, &mut desc);
    }
    if let Some(n) = d.required(
        &mut m,
        "partner",
        Msg::new(
            "เพิ่มหัวข้อ `partner:` (เมืองคู่ความสัมพันธ์)",
            "add `partner:` (the foreign partner)",
        ),
    ) {
        decode_partner(d, n, &mut desc);
    }
    if let Some(n) = d.required(
        &mut m,
        "cooperation",
        Msg::new(
            "เพิ่ม `cooperation: {fields: [trade, tourism]}`",
            "add `cooperation: {fields: [trade, tourism]}`",
        ),
    ) {
        decode_cooperation(d, n, &mut desc);
    }

    let mou_node = m.get("mou");
    let loi_node = m.get("loi");
    if desc.documents.contains(&DocKind::Mou) {
        match mou_node {
            Some(n) => desc.mou = decode_mou(d, n),
            None => d.missing(
                &m,
                "mou",
                Msg::new(
                    "`documents` มี mou จึงต้องมีหัวข้อ `mou:`",
                    "`documents` lists mou, so a `mou:` section is required",
                ),
            ),
        }
    }
    if desc.documents.contains(&DocKind::Loi) {
        match loi_node {
            Some(n) => desc.loi = decode_loi(d, n),
            None => d.missing(
                &m,
                "loi",
                Msg::new(
                    "`documents` มี loi จึงต้องมีหัวข้อ `loi:`",
                    "`documents` lists loi, so a `loi:` section is required",
                ),
            ),
        }
    }
    if let Some(n) = m.get("signing") {
        decode_signing(d, n, &mut desc);
    }
    if let Some(n) = m.get("output") {
        decode_output(d, n, &mut desc);
    }
    d.finish(m, TOP_KEYS);
    desc
}

fn bad_id(pos: Option<Pos>, value: &str, what: &str) -> Diagnostic {
    Diagnostic::error(
        "DATA-ID",
        pos,
        Msg::new(
            format!(
                "{} `{value}` ใช้เป็นชื่อไฟล์ผลลัพธ์ไม่ได้: ใช้ได้เฉพาะ a-z 0-9 และ -",
                if what == "id" {
                    "id"
                } else {
                    "ชื่อไฟล์"
                }
            ),
            format!("{what} `{value}` cannot name output files: only a-z, 0-9 and - are allowed"),
        ),
    )
    .with_hint(Msg::new(
        format!("ใช้ `id: {}`", suggest_id(value)),
        format!("use `id: {}`", suggest_id(value)),
    ))
}

fn decode_thai_side(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "thai_side") else {
        return;
    };
    if let Some(p) = d.required(
        &mut m,
        "province",
        Msg::new("เพิ่ม `province: เชียงใหม่`", "add `province: Chiang Mai`"),
    ) {
        desc.thai_side.province = d.lookup(
            p,
            "thai_side.province",
            "DATA-PROVINCE",
            Msg::new("จังหวัด", "Thai province"),
            provinces::lookup,
            provinces::suggest,
            |c| {
                (
                    format!("`{}` ({})", c.th, c.en),
                    format!("`{}` ({})", c.en, c.th),
                )
            },
            Msg::new(
                "เขียนชื่อจังหวัดภาษาไทยหรือภาษาอังกฤษ เช่น เชียงใหม่ หรือ Chiang Mai",
                "write a Thai province in Thai or English, e.g. Chiang Mai or เชียงใหม่",
            ),
        );
    }
    if let Some(sn) = d.required(
        &mut m,
        "signatory",
        Msg::new(
            "เพิ่ม `signatory:` (ชื่อและตำแหน่งผู้ลงนามฝ่ายไทย)",
            "add `signatory:` with name and position",
        ),
    ) {
        if let Some(mut s) = d.map(sn, "thai_side.signatory") {
            if let Some(nn) = d.required(
                &mut s,
                "name",
                Msg::new(
                    "เพิ่ม `name: {th: ..., en: ...}`",
                    "add `name: {th: ..., en: ...}`",
                ),
            ) {
                desc.thai_side.signatory_name = d.bilingual(nn, "thai_side.signatory.name");
            }
            if let Some(pn) = d.required(
                &mut s,
                "position",
                Msg::new("เพิ่ม `position: governor`", "add `position: governor`"),
            ) {
                desc.thai_side.position = d.key_or(
                    pn,
                    "thai_side.signatory.position",
                    "DATA-POSITION",
                    Msg::new("ตำแหน่ง", "position"),
                    positions::lookup,
                    positions::suggest,
                    |p| p.key,
                );
            }
            d.finish(s, &["name", "position"]);
        }
    }
    d.finish(m, &["province", "signatory"]);
}

fn decode_partner(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "partner") else {
        return;
    };
    let p = &mut desc.partner;
    if let Some(v) = d.required(
        &mut m,
        "name",
        Msg::new(
            "เพิ่ม `name: {th: ..., en: ...}`",
            "add `name: {th: ..., en: ...}`",
        ),
    ) {
        p.name = d.bilingual(v, "partner.name");
    }
    if let Some(v) = d.required(
        &mut m,
        "unit",
        Msg::new(
            "เพิ่ม `unit:` เช่น province หรือ city",
            "add `unit:`, e.g. province or city",
        ),
    ) {
        p.unit = d.choice(v, "partner.unit", &Unit::ALL);
    }
    if let Some(v) = d.required(
        &mut m,
        "level",
        Msg::new(
            "เพิ่ม `level: province-equivalent`",
            "add `level: province-equivalent`",
        ),
    ) {
        p.level = d.choice(
            v,
            "partner.level",
            &[
                ("province-equivalent", Level::ProvinceEquivalent),
                ("below-province", Level::BelowProvince),
            ],
        );
    }
    if let Some(v) = m.get("within") {
        p.within = d.bilingual(v, "partner.within");
    }
    if let Some(v) = d.required(
        &mut m,
        "country",
        Msg::new(
            "เพิ่ม `country:` รหัสประเทศ 2 ตัวอักษร เช่น CN",
            "add `country:`, a two-letter ISO code such as CN",
        ),
    ) {
        p.country = d.lookup(
            v,
            "partner.country",
            "DATA-COUNTRY",
            Msg::new("รหัสประเทศ", "country code"),
            countries::lookup,
            countries::suggest,
            |c| {
                (
                    format!("`{}` ({})", c.code, c.th),
                    format!("`{}` ({})", c.code, c.en_short),
                )
            },
            Msg::new(
                "ใช้รหัสประเทศ ISO 3166-1 สองตัวอักษร เช่น CN JP VN",
                "use an ISO 3166-1 alpha-2 code such as CN, JP, VN",
            ),
        );
    }
    match m.get("language") {
        Some(v) => {
            p.language = d.lookup(
                v,
                "partner.language",
                "DATA-LANGUAGE",
                Msg::new("รหัสภาษา", "language code"),
                languages::lookup,
                languages::suggest,
                |l| {
                    (
                        format!("`{}` ({})", l.code, l.th),
                        format!("`{}` ({})", l.code, l.en),
                    )
                },
                Msg::new(
                    "ใช้รหัสภาษา BCP 47 เช่น zh ja vi",
                    "use a BCP 47 language code such as zh, ja, vi",
                ),
            );
        }
        None => {
            if let Some(c) = &p.country {
                p.language = languages::lookup(c.value.language).map(|l| At {
                    value: l,
                    pos: c.pos,
                });
            }
        }
    }
    if let Some(sn) = d.required(
        &mut m,
        "signatory",
        Msg::new(
            "เพิ่ม `signatory:` (ชื่อ ตำแหน่ง และระดับของผู้ลงนามฝ่ายต่างประเทศ)",
            "add `signatory:` with name, title and rank",
        ),
    ) {
        if let Some(mut s) = d.map(sn, "partner.signatory") {
            if let Some(v) = d.required(
                &mut s,
                "name",
                Msg::new(
                    "เพิ่ม `name: {th: ..., en: ...}`",
                    "add `name: {th: ..., en: ...}`",
                ),
            ) {
                p.signatory_name = d.bilingual(v, "partner.signatory.name");
            }
            if let Some(v) = d.required(
                &mut s,
                "title",
                Msg::new(
                    "เพิ่ม `title: {th: ..., en: ...}`",
                    "add `title: {th: ..., en: ...}`",
                ),
            ) {
                p.signatory_title = d.bilingual(v, "partner.signatory.title");
            }
            if let Some(v) = d.required(
                &mut s,
                "rank",
                Msg::new(
                    "เพิ่ม `rank: governor-equivalent`",
                    "add `rank: governor-equivalent`",
                ),
            ) {
                p.rank = d.choice(
                    v,
                    "partner.signatory.rank",
                    &[
                        ("governor-equivalent", Rank::GovernorEquivalent),
                        ("lower", Rank::Lower),
                    ],
                );
            }
            d.finish(s, &["name", "title", "rank"]);
        }
    }
    d.finish(
        m,
        &[
            "name",
            "unit",
            "level",
            "within",
            "country",
            "language",
            "signatory",
        ],
    );
}

fn field_list(d: &mut Decoder, n: &Node, path: &str) -> Vec<KeyOr<fields::Field>> {
    let Value::Seq(items) = &n.value else {
        d.type_error(
            n,
            path,
            "a list such as [trade, tourism]",
            "รายการ เช่น [trade, tourism]",
        );
        return Vec::new();
    };
    if items.is_empty() {
        d.push(Diagnostic::error(
            "SCHEMA-VALUE",
            Some(n.pos),
            Msg::new(
                format!("`{path}` ว่างอยู่ ต้องมีอย่างน้อยหนึ่งด้าน"),
                format!("`{path}` is empty: name at least one field"),
            ),
        ));
    }
    items
        .iter()
        .filter_map(|it| {
            d.key_or(
                it,
                path,
                "DATA-FIELD",
                Msg::new("สาขาความร่วมมือ", "cooperation field"),
                fields::lookup,
                fields::suggest,
                |f| f.key,
            )
            .map(|a| a.value)
        })
        .collect()
}

fn decode_cooperation(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "cooperation") else {
        return;
    };
    if let Some(v) = d.required(
        &mut m,
        "fields",
        Msg::new(
            "เพิ่ม `fields: [trade, tourism]`",
            "add `fields: [trade, tourism]`",
        ),
    ) {
        desc.fields = field_list(d, v, "cooperation.fields");
    }
    if let Some(v) = m.get("explore") {
        desc.explore = Some(field_list(d, v, "cooperation.explore"));
    }
    d.finish(m, &["fields", "explore"]);
}

fn decode_mou(d: &mut Decoder, n: &Node) -> Option<MouSection> {
    let mut m = d.map(n, "mou")?;
    let mut s = MouSection {
        title: None,
        participants: None,
        termination: None,
    };
    if let Some(v) = d.required(
        &mut m,
        "title",
        Msg::new(
            "เพิ่ม `title: memorandum-of-understanding`",
            "add `title: memorandum-of-understanding`",
        ),
    ) {
        s.title = d.choice(
            v,
            "mou.title",
            &[
                (
                    "memorandum-of-understanding",
                    MouTitle::MemorandumOfUnderstanding,
                ),
                ("memorandum-of-agreement", MouTitle::MemorandumOfAgreement),
                ("agreement", MouTitle::Agreement),
            ],
        );
    }
    if let Some(v) = d.required(
        &mut m,
        "participants",
        Msg::new(
            "เพิ่ม `participants: participants`",
            "add `participants: participants`",
        ),
    ) {
        s.participants = d.choice(
            v,
            "mou.participants",
            &[
                ("participants", Participants::Participants),
                ("two-sides", Participants::TwoSides),
            ],
        );
    }
    if let Some(v) = d.required(
        &mut m,
        "termination",
        Msg::new(
            "เพิ่ม `termination: {option: notice, notice_period: 6 months}`",
            "add `termination: {option: notice, notice_period: 6 months}`",
        ),
    ) {
        if let Some(mut t) = d.map(v, "mou.termination") {
            let mut term = Termination {
                option: None,
                notice_period: None,
                term: None,
                pos: v.pos,
            };
            if let Some(o) = d.required(
                &mut t,
                "option",
                Msg::new(
                    "เพิ่ม `option: notice` หรือ `option: fixed-term`",
                    "add `option: notice` or `option: fixed-term`",
                ),
            ) {
                term.option = d.choice(
                    o,
                    "mou.termination.option",
                    &[
                        ("notice", TerminationOption::Notice),
                        ("fixed-term", TerminationOption::FixedTerm),
                    ],
                );
            }
            if let Some(p) = t.get("notice_period") {
                term.notice_period = d.period(
                    p,
                    "mou.termination.notice_period",
                    &[("months", PeriodUnit::Months), ("days", PeriodUnit::Days)],
                );
            }
            if let Some(p) = t.get("term") {
                term.term = d.period(p, "mou.termination.term", &[("years", PeriodUnit::Years)]);
            }
            d.finish(t, &["option", "notice_period", "term"]);
            s.termination = Some(term);
        }
    }
    d.finish(m, &["title", "participants", "termination"]);
    Some(s)
}

fn decode_loi(d: &mut Decoder, n: &Node) -> Option<LoiSection> {
    let mut m = d.map(n, "loi")?;
    let mut s = LoiSection {
        parties: None,
        intent: None,
    };
    if let Some(v) = d.required(
        &mut m,
        "parties",
        Msg::new("เพิ่ม `parties: both-cities`", "add `parties: both-cities`"),
    ) {
        s.parties = d.choice(
            v,
            "loi.parties",
            &[
                ("both-cities", LoiParties::BothCities),
                ("the-two-cities", LoiParties::TheTwoCities),
                ("both-sides", LoiParties::BothSides),
            ],
        );
    }
    if let Some(v) = d.required(
        &mut m,
        "intent",
        Msg::new(
            "เพิ่ม `intent: will` หรือ `intent: wish`",
            "add `intent: will` or `intent: wish`",
        ),
    ) {
        s.intent = d.choice(
            v,
            "loi.intent",
            &[("will", LoiIntent::Will), ("wish", LoiIntent::Wish)],
        );
    }
    d.finish(m, &["parties", "intent"]);
    Some(s)
}

fn decode_signing(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    if n.value == Value::Null {
        return;
    }
    let Some(mut m) = d.map(n, "signing") else {
        return;
    };
    if let Some(v) = m.get("place") {
        if v.value != Value::Null {
            desc.signing.place = d.bilingual(v, "signing.place");
        }
    }
    if let Some(v) = m.get("date") {
        if v.value != Value::Null {
            desc.signing.date = d.date(v, "signing.date");
        }
    }
    d.finish(m, &["place", "date"]);
}

fn decode_output(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "output") else {
        return;
    };
    if let Some(v) = m.get("layout") {
        if let Some(l) = d.choice(
            v,
            "output.layout",
            &[
                ("sequential", Layout::Sequential),
                ("parallel", Layout::Parallel),
            ],
        ) {
            desc.output.layout = l.value;
        }
    }
    if let Some(v) = m.get("thai_digits") {
        if let Some(b) = d.boolean(v, "output.thai_digits") {
            desc.output.thai_digits = b;
        }
    }
    if let Some(v) = m.get("docx_font") {
        desc.output.docx_font = d.string(v, "output.docx_font").map(|s| s.value);
    }
    d.finish(m, &["layout", "thai_digits", "docx_font"]);
}
