//! `sisterdoc package PAIR.yaml -o DIR [--format docx|pdf|all] [--zip] [--signed]`:
//! the submission to the Ministry of Interior (or, with `--signed`, the
//! report of the signing), written atomically.

use super::check::check_file;
use super::diagnostics::{self, refusal};
use super::files;
use super::FormatArg;
use sisterdoc::descriptor::Loaded;
use sisterdoc::lang::Lang;
use sisterdoc::render::RenderError;
use std::path::Path;
use std::process::ExitCode;

pub struct Args<'a> {
    pub path: &'a Path,
    pub out_dir: &'a Path,
    pub format: FormatArg,
    pub zip: bool,
    pub signed: bool,
    pub lang: Lang,
}

pub fn run(a: Args<'_>) -> ExitCode {
    let name = a.path.display().to_string();
    let loaded = match check_file(a.path, false) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(desc) = loaded.descriptor.as_ref() else {
        diagnostics::to_stderr(&name, &loaded, a.lang);
        refused_note(&name, a.lang);
        return ExitCode::from(1);
    };
    let formats = a.format.formats();
    let outputs =
        match sisterdoc::package::render_package(desc, &loaded.diagnostics, &formats, a.signed) {
            Ok(o) => o,
            Err(RenderError::Refused(problems)) => {
                // Every diagnostic of the descriptor, with PROP-1 as errors.
                let mut shown = Loaded {
                    source: loaded.source.clone(),
                    paths: loaded.paths.clone(),
                    descriptor: None,
                    diagnostics: loaded
                        .diagnostics
                        .iter()
                        .filter(|d| d.rule != sisterdoc::rules::proposal_complete::RULE.id)
                        .cloned()
                        .collect(),
                };
                shown.diagnostics.extend(
                    problems
                        .into_iter()
                        .filter(|d| d.rule == sisterdoc::rules::proposal_complete::RULE.id),
                );
                sisterdoc::diagnostic::sort(&mut shown.diagnostics);
                diagnostics::to_stderr(&name, &shown, a.lang);
                refused_note(&name, a.lang);
                return ExitCode::from(1);
            }
            Err(e) => {
                diagnostics::to_stderr(&name, &loaded, a.lang);
                refusal(
                    &name,
                    a.lang,
                    format_args!("ไม่ได้สร้างชุดเอกสาร: {e}"),
                    format_args!("package not written: {e}"),
                );
                return ExitCode::from(1);
            }
        };
    diagnostics::to_stderr(&name, &loaded, a.lang);
    if let Err(e) = std::fs::create_dir_all(a.out_dir) {
        eprintln!("error: {}: {e}", a.out_dir.display());
        return ExitCode::from(2);
    }
    let outputs: Vec<(String, Vec<u8>)> = if a.zip {
        let id = desc.id.as_deref().unwrap_or("package");
        let suffix = if a.signed {
            "signing-report"
        } else {
            "package"
        };
        match sisterdoc::package::zip(&outputs) {
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
    if files::write_outputs(a.out_dir, outputs, a.lang) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn refused_note(name: &str, lang: Lang) {
    refusal(
        name,
        lang,
        "ไม่ได้สร้างชุดเอกสาร: แก้ข้อผิดพลาดข้างต้นก่อน (PROP-1 บอกข้อมูลที่ข้อเสนอยังขาด)",
        "package not written: fix the errors above (PROP-1 lists what the proposal still needs)",
    );
}
