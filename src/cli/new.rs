//! `sisterdoc new`: a descriptor with every field, commented in Thai and English.

use super::KindArg;
use sisterdoc::batch::atomic_write::write_atomic;
use sisterdoc::descriptor::form_values::{self, FormValue, FormValues, ListItem, Mode};
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

#[cfg(test)]
mod proposal_tests {
    /// The commented `proposal:` example (from the format table) decodes once
    /// its keys are uncommented: only the <...> placeholders are left to fill.
    #[test]
    fn the_commented_proposal_decodes_once_uncommented() {
        let t = super::template(super::KindArg::Both);
        let start = t.find("# proposal:").expect("proposal example");
        let mut s = t[..start].to_string();
        for line in t[start..].lines() {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let key = body.strip_prefix("# ").filter(|rest| {
                // A list item's keys are written "#   key:" (two spaces in).
                let rest = rest.trim_start();
                rest.starts_with("- ")
                    || rest.split_once(':').is_some_and(|(k, _)| {
                        !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    })
            });
            match key {
                Some(rest) => s.push_str(&format!("{indent}{rest}\n")),
                None => s.push_str(&format!("{line}\n")),
            }
        }
        let l = sisterdoc::check::check_bytes(s.as_bytes(), Some("x"));
        let bad: Vec<_> = l
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("SCHEMA") && d.rule != "SCHEMA-PLACEHOLDER")
            .collect();
        assert!(bad.is_empty(), "{bad:#?}\n{s}");
        let p = l
            .descriptor
            .and_then(|d| d.proposal)
            .expect("proposal decodes");
        assert_eq!(p.plan.len(), 1);
        assert_eq!(p.plan[0].budget.as_ref().map(|b| b.value), Some(350000));
        assert!(p.letter.date.is_some());
    }
}
