//! `sisterdoc package PAIR.yaml -o DIR [--format docx|pdf|all] [--zip] [--signed]`:
//! the submission to the Ministry of Interior (or, with `--signed`, the
//! report of the signing), written atomically.

use super::check::{check_file, print_diagnostics};
use super::files::write_atomic;
use super::{DiagFormat, FormatArg};
use crate::descriptor::Loaded;
use crate::diagnostic::{HumanLang, Style};
use crate::render::{Format, RenderError};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

pub struct Args<'a> {
    pub path: &'a Path,
    pub out_dir: &'a Path,
    pub format: FormatArg,
    pub zip: bool,
    pub signed: bool,
    pub lang: HumanLang,
}

pub fn run(a: Args<'_>) -> ExitCode {
    let name = a.path.display().to_string();
    let style = Style {
        color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let loaded = match check_file(a.path, false) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(desc) = loaded.descriptor.as_ref() else {
        print_diagnostics(
            &mut std::io::stderr(),
            &name,
            &loaded,
            DiagFormat::Text,
            a.lang,
            style,
        );
        refused_note(&name, a.lang);
        return ExitCode::from(1);
    };
    let formats: Vec<Format> = match a.format {
        FormatArg::Docx => vec![Format::Docx],
        FormatArg::Pdf => vec![Format::Pdf],
        FormatArg::All => Format::ALL.to_vec(),
    };
    let outputs =
        match crate::package::render_package(desc, &loaded.diagnostics, &formats, a.signed) {
            Ok(o) => o,
            Err(RenderError::Refused(problems)) => {
                // Every diagnostic of the descriptor, with PROP-1 as errors.
                let mut shown = Loaded {
                    source: loaded.source.clone(),
                    descriptor: None,
                    paths: Default::default(),
                    diagnostics: loaded
                        .diagnostics
                        .iter()
                        .filter(|d| d.rule != crate::rules::proposal_complete::RULE.id)
                        .cloned()
                        .collect(),
                };
                shown.diagnostics.extend(
                    problems
                        .into_iter()
                        .filter(|d| d.rule == crate::rules::proposal_complete::RULE.id),
                );
                crate::diagnostic::sort(&mut shown.diagnostics);
                print_diagnostics(
                    &mut std::io::stderr(),
                    &name,
                    &shown,
                    DiagFormat::Text,
                    a.lang,
                    style,
                );
                refused_note(&name, a.lang);
                return ExitCode::from(1);
            }
            Err(e) => {
                print_diagnostics(
                    &mut std::io::stderr(),
                    &name,
                    &loaded,
                    DiagFormat::Text,
                    a.lang,
                    style,
                );
                match a.lang {
                    HumanLang::En => eprintln!("{name}: package not written: {e}"),
                    HumanLang::Th => eprintln!("{name}: ไม่ได้สร้างชุดเอกสาร: {e}"),
                }
                return ExitCode::from(1);
            }
        };
    print_diagnostics(
        &mut std::io::stderr(),
        &name,
        &loaded,
        DiagFormat::Text,
        a.lang,
        style,
    );
    if let Err(e) = std::fs::create_dir_all(a.out_dir) {
        eprintln!("error: {}: {e}", a.out_dir.display());
        return ExitCode::from(2);
    }
    let files: Vec<(String, Vec<u8>)> = if a.zip {
        let id = desc.id.as_deref().unwrap_or("package");
        let suffix = if a.signed {
            "signing-report"
        } else {
            "package"
        };
        match crate::package::zip(&outputs) {
            Ok(bytes) => vec![(format!("{id}-{suffix}.zip"), bytes)],
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        outputs
            .into_iter()
            .map(|o| (o.file_name, o.bytes))
            .collect()
    };
    let mut failed = false;
    for (file, bytes) in files {
        let target = a.out_dir.join(&file);
        match write_atomic(&target, &bytes) {
            Ok(()) => match a.lang {
                HumanLang::En => println!("wrote {}", target.display()),
                HumanLang::Th => println!("สร้างไฟล์ {} แล้ว", target.display()),
            },
            Err(e) => {
                eprintln!("error: {}: {e}", target.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn refused_note(name: &str, lang: HumanLang) {
    match lang {
        HumanLang::En => eprintln!(
            "{name}: package not written: fix the errors above (PROP-1 lists what the proposal still needs)"
        ),
        HumanLang::Th => eprintln!(
            "{name}: ไม่ได้สร้างชุดเอกสาร: แก้ข้อผิดพลาดข้างต้นก่อน (PROP-1 บอกข้อมูลที่ข้อเสนอยังขาด)"
        ),
    }
}
