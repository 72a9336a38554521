//! `sisterdoc new`: a descriptor with every field, commented in Thai and English.

use super::files::write_atomic;
use super::KindArg;
use crate::descriptor::form_values::{self, FormValue, FormValues, ListItem, Mode};
use std::path::Path;
use std::process::ExitCode;

/// The descriptor text `new` writes, from the format table. Values in
/// <...> are placeholders that `check` reports (SCHEMA-PLACEHOLDER) until
/// they are filled in.
pub fn template(kind: KindArg) -> String {
    let documents: &[&str] = match kind {
        KindArg::Loi => &["loi"],
        KindArg::Mou => &["mou"],
        KindArg::Both => &["loi", "mou"],
    };
    let mut values = FormValues::new();
    values.insert(
        "documents".into(),
        FormValue::List(
            documents
                .iter()
                .map(|d| ListItem::Key(d.to_string()))
                .collect(),
        ),
    );
    form_values::write_yaml(&values, Mode::Template, HEADER)
}

const HEADER: &[&str] = &[
    "Pairing descriptor / ไฟล์ข้อมูลการสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง",
    "Fill in every <...> value, then run:  sisterdoc check <this file>",
    "กรอกข้อมูลแทนข้อความใน <...> ทุกแห่ง แล้วตรวจด้วยคำสั่ง  sisterdoc check <ชื่อไฟล์นี้>",
];

pub fn run(kind: KindArg, output: Option<&Path>) -> ExitCode {
    let text = template(kind);
    match output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(p) if p.exists() => {
            eprintln!(
                "error: {} already exists; not overwriting it (ไฟล์นี้มีอยู่แล้ว จะไม่เขียนทับ)",
                p.display()
            );
            ExitCode::from(2)
        }
        Some(p) => match write_atomic(p, text.as_bytes()) {
            Ok(()) => {
                eprintln!(
                    "wrote {} (fill in every <...>, then run `sisterdoc check {}`)",
                    p.display(),
                    p.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                ExitCode::from(2)
            }
        },
    }
}
