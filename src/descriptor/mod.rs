//! Pairing descriptors (format version 1, `shared/spec/descriptor.md`):
//! bytes -> YAML node tree (`yaml`) -> partial validated model (`schema`,
//! `model`), with every problem found on the way as a diagnostic.

pub mod date_value;
pub mod decode;
pub mod fix;
pub mod flow_comma;
pub mod form_values;
pub mod format;
pub mod id;
pub mod json_schema;
pub mod model;
pub mod normalize_values;
pub mod paths;
mod proposal;
pub mod reader;
pub mod syntax_th;
pub mod yaml;

#[cfg(test)]
pub mod testing;

pub use model::Descriptor;

use crate::diagnostic::{Diagnostic, Msg};
use yaml::Pos;

/// Descriptors larger than this are refused without being parsed.
pub const MAX_BYTES: usize = 1 << 20;

/// The result of reading one descriptor: its text (for snippets), the model
/// when the YAML could be parsed at all, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    pub source: String,
    pub descriptor: Option<Descriptor>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each key and value is written (empty when nothing parsed).
    pub paths: paths::PathIndex,
}

impl Loaded {
    /// Names the field of every diagnostic that points into the file and
    /// does not name one yet.
    pub fn name_fields(&mut self) {
        for d in &mut self.diagnostics {
            if d.path.is_none() {
                if let Some(p) = d.pos.and_then(|pos| self.paths.path_at(pos)) {
                    d.path = Some(p.to_string());
                }
            }
        }
    }
}

/// The result for a file over `MAX_BYTES`, which is not read at all.
pub fn too_large(len: u64) -> Loaded {
    Loaded {
        source: String::new(),
        descriptor: None,
        paths: Default::default(),
        diagnostics: vec![Diagnostic::error(
            "SCHEMA-SIZE",
            None,
            Msg::new(
                format!("ไฟล์ใหญ่เกินไป ({len} ไบต์ ขนาดสูงสุดที่รับได้คือ 1 เมกะไบต์) โปรแกรมจึงไม่ได้อ่านไฟล์นี้"),
                format!("file is too large ({len} bytes; the limit is 1 MiB) and was not read"),
            ),
        )
        .with_hint(Msg::new(
            "ไฟล์ข้อมูลคู่ความสัมพันธ์ปกติมีขนาดเพียงไม่กี่กิโลไบต์ โปรดตรวจว่าเลือกไฟล์ถูกต้อง",
            "a descriptor is normally a few KB: check this is the right file",
        ))],
    }
}

/// Decodes descriptor bytes. `stem` (the file name without extension) is the
/// default `id`. Never panics; every failure is a diagnostic.
pub fn load(bytes: &[u8], stem: Option<&str>) -> Loaded {
    if bytes.len() > MAX_BYTES {
        return too_large(bytes.len() as u64);
    }
    let fail = |d: Diagnostic| Loaded {
        source: String::new(),
        descriptor: None,
        diagnostics: vec![d],
        paths: Default::default(),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let upto = &bytes[..e.valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let col = String::from_utf8_lossy(upto.rsplit(|&b| b == b'\n').next().unwrap_or(&[]))
                .chars()
                .count() as u32
                + 1;
            return fail(
                Diagnostic::error(
                    "SCHEMA-ENCODING",
                    Some(Pos { line, column: col, len: 1 }),
                    Msg::new("ไฟล์นี้ไม่ได้บันทึกเป็นข้อความแบบ UTF-8 (อาจไม่ใช่ไฟล์ข้อความ หรือบันทึกด้วยรหัสอักขระอื่น เช่น TIS-620)", "file is not UTF-8 text (binary, or saved in another encoding such as TIS-620)"),
                )
                .with_hint(Msg::new("เปิดไฟล์แล้วบันทึกใหม่ โดยเลือกรหัสอักขระเป็น UTF-8", "save the file again as UTF-8")),
            );
        }
    };
    let source = text.to_string();
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Loaded {
            source,
            descriptor: None,
            paths: Default::default(),
            diagnostics: vec![Diagnostic::error(
                "SCHEMA-EMPTY",
                None,
                Msg::new("ไฟล์ว่าง ไม่มีข้อมูล", "file is empty"),
            )
            .with_hint(Msg::new(
                "สร้างไฟล์ตัวอย่างด้วยคำสั่ง “sisterdoc new -o <ไฟล์>.yaml”",
                "create a template with `sisterdoc new -o <file>.yaml`",
            ))],
        };
    }
    let mut root = match yaml::parse(text) {
        Ok(r) => r,
        Err(e) => {
            let budget = e.message.to_ascii_lowercase().contains("budget");
            let d = if budget {
                Diagnostic::error(
                    "SCHEMA-LIMIT",
                    e.pos,
                    Msg::new(
                        "ไฟล์นี้มีการอ้างอิงซ้อนกันมากเกินไป (เครื่องหมาย & และ * ของ YAML) โปรแกรมจึงหยุดอ่านเพื่อความปลอดภัย",
                        "the file repeats references too many times (YAML anchors & and aliases *), so reading stopped for safety",
                    ),
                )
                .with_hint(Msg::new(
                    "ไฟล์ข้อมูลคู่ความสัมพันธ์ปกติไม่ต้องใช้ & และ * เลย ให้เขียนค่าแต่ละค่าลงไปตรง ๆ หรือเริ่มจากไฟล์ตัวอย่างของคำสั่ง “sisterdoc new”",
                    "a descriptor needs no anchors (&) or aliases (*): write each value out, or start from `sisterdoc new`",
                ))
            } else {
                let (what, todo) = syntax_th::explain(&e.message);
                Diagnostic::error(
                    "SCHEMA-SYNTAX",
                    e.pos,
                    Msg::new(
                        format!("อ่านไฟล์ไม่ได้: {what}"),
                        format!("YAML syntax error: {}", e.message),
                    ),
                )
                .with_hint(Msg::new(
                    todo,
                    "check indentation, the `:` after each key, and that every [ ] and { } is closed",
                ))
            };
            return Loaded {
                source,
                descriptor: None,
                paths: Default::default(),
                diagnostics: vec![d],
            };
        }
    };
    // Values read the way the author meant them, before decoding: text that
    // commas split inside { } joined back, every text normalized.
    let mut read_as_meant = flow_comma::repair(&mut root, text);
    read_as_meant.extend(normalize_values::normalize_tree(&mut root));
    let (desc, mut diagnostics) = decode::decode(&root, stem);
    diagnostics.extend(read_as_meant);
    let mut loaded = Loaded {
        source,
        descriptor: Some(desc),
        diagnostics,
        paths: paths::PathIndex::of(&root),
    };
    loaded.name_fields();
    loaded
}
