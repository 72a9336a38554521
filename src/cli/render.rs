//! `sisterdoc render DESCRIPTOR... [-o DIR]`

use super::check::check_file;
use super::diagnostics::{self, refusal};
use super::files;
use super::{FormatArg, KindArg};
use sisterdoc::diagnostic::Severity;
use sisterdoc::document::{ComposeOptions, DocKind};
use sisterdoc::lang::Lang;
use sisterdoc::render;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub struct Args<'a> {
    pub paths: &'a [PathBuf],
    pub out_dir: &'a Path,
    pub kind: Option<KindArg>,
    pub format: FormatArg,
    pub allow_errors: bool,
    /// `--final`: the signing copy, without the draft marks.
    pub signing_copy: bool,
    pub lang: Lang,
}

pub fn run(a: Args<'_>) -> ExitCode {
    let files = match files::descriptor_files(a.paths) {
        Ok(f) if !f.is_empty() => f,
        Ok(_) => {
            eprintln!("error: no *.yaml or *.yml descriptors found");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(a.out_dir) {
        eprintln!("error: {}: {e}", a.out_dir.display());
        return ExitCode::from(2);
    }
    let formats = a.format.formats();
    let only = match a.kind {
        Some(KindArg::Loi) => Some(DocKind::Loi),
        Some(KindArg::Mou) => Some(DocKind::Mou),
        Some(KindArg::Both) | None => None,
    };
    let (mut refused, mut io_failed) = (false, false);
    for path in &files {
        let name = path.display().to_string();
        let loaded = match check_file(path, false) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: {e}");
                io_failed = true;
                continue;
            }
        };
        diagnostics::to_stderr(&name, &loaded, a.lang);
        let has_errors = loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        let Some(desc) = loaded
            .descriptor
            .as_ref()
            .filter(|_| !has_errors || a.allow_errors)
        else {
            if a.signing_copy {
                refusal(
                    &name,
                    a.lang,
                    "ไม่ได้สร้างฉบับลงนาม เพราะข้อมูลยังมีข้อผิดพลาด แก้ข้อผิดพลาดข้างต้นก่อน",
                    "no signing copy: a descriptor with errors cannot be signed; fix the errors above first",
                );
            } else {
                refusal(
                    &name,
                    a.lang,
                    "ไม่ได้สร้างเอกสาร: แก้ข้อผิดพลาดข้างต้นก่อน หรือใช้ --allow-errors เพื่อสร้างร่างที่มีเครื่องหมาย \"ไม่เป็นไปตามร่างมาตรฐาน\" ทุกหน้า",
                    "not rendered: fix the errors above, or pass --allow-errors to render a draft marked as not compliant",
                );
            }
            refused = true;
            continue;
        };
        if a.signing_copy {
            let mut missing_th = Vec::new();
            let mut missing_en = Vec::new();
            if desc.signing.place.is_none() {
                missing_th.push("สถานที่ลงนาม (signing.place)");
                missing_en.push("the signing place (signing.place)");
            }
            if desc.signing.date.is_none() {
                missing_th.push("วันลงนาม (signing.date)");
                missing_en.push("the signing date (signing.date)");
            }
            if !missing_en.is_empty() {
                refusal(
                    &name,
                    a.lang,
                    format_args!(
                        "ไม่ได้สร้างฉบับลงนาม เพราะยังไม่มี{} กรอกให้ครบก่อน หรือสร้างเป็นร่างโดยไม่ใช้ --final",
                        missing_th.join(" และ")
                    ),
                    format_args!(
                        "no signing copy: it needs {}; add them, or render the draft without --final",
                        missing_en.join(" and ")
                    ),
                );
                refused = true;
                continue;
            }
        }
        match render::render(
            desc,
            only,
            &formats,
            ComposeOptions {
                non_compliant: has_errors,
                signing_copy: a.signing_copy,
            },
        ) {
            Ok(outputs) => {
                let outputs = outputs.into_iter().map(|o| (o.file_name, o.bytes));
                io_failed |= !files::write_outputs(a.out_dir, outputs, a.lang);
            }
            Err(e) => {
                refusal(
                    &name,
                    a.lang,
                    format_args!("ไม่ได้สร้างเอกสาร: {e}"),
                    format_args!("not rendered: {e}"),
                );
                refused = true;
            }
        }
    }
    if io_failed {
        ExitCode::from(2)
    } else if refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
