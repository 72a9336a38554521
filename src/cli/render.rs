//! `sisterdoc render DESCRIPTOR... [-o DIR]`

use super::check::{check_file, print_diagnostics};
use super::files::{self, write_atomic};
use super::{DiagFormat, FormatArg, KindArg};
use sisterdoc::diagnostic::{Severity, Style};
use sisterdoc::document::{ComposeOptions, DocKind};
use sisterdoc::lang::Lang;
use sisterdoc::render::{self, Format};
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
    let formats: Vec<Format> = match a.format {
        FormatArg::Docx => vec![Format::Docx],
        FormatArg::Pdf => vec![Format::Pdf],
        FormatArg::All => Format::ALL.to_vec(),
    };
    let only = match a.kind {
        Some(KindArg::Loi) => Some(DocKind::Loi),
        Some(KindArg::Mou) => Some(DocKind::Mou),
        Some(KindArg::Both) | None => None,
    };
    let style = Style {
        color: super::colour(&std::io::stderr()),
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
        print_diagnostics(
            &mut std::io::stderr(),
            &name,
            &loaded,
            DiagFormat::Text,
            a.lang,
            style,
        );
        let has_errors = loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        let Some(desc) = loaded
            .descriptor
            .as_ref()
            .filter(|_| !has_errors || a.allow_errors)
        else {
            match a.lang {
                Lang::En if a.signing_copy => eprintln!("{name}: no signing copy: a descriptor with errors cannot be signed; fix the errors above first"),
                Lang::Th if a.signing_copy => eprintln!("{name}: ไม่ได้สร้างฉบับลงนาม เพราะข้อมูลยังมีข้อผิดพลาด แก้ข้อผิดพลาดข้างต้นก่อน"),
                Lang::En => eprintln!("{name}: not rendered: fix the errors above, or pass --allow-errors to render a draft marked as not compliant"),
                Lang::Th => eprintln!("{name}: ไม่ได้สร้างเอกสาร: แก้ข้อผิดพลาดข้างต้นก่อน หรือใช้ --allow-errors เพื่อสร้างร่างที่มีเครื่องหมาย \"ไม่เป็นไปตามร่างมาตรฐาน\" ทุกหน้า"),
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
                match a.lang {
                    Lang::En => eprintln!(
                        "{name}: no signing copy: it needs {}; add them, or render the draft without --final",
                        missing_en.join(" and ")
                    ),
                    Lang::Th => eprintln!(
                        "{name}: ไม่ได้สร้างฉบับลงนาม เพราะยังไม่มี{} กรอกให้ครบก่อน หรือสร้างเป็นร่างโดยไม่ใช้ --final",
                        missing_th.join(" และ")
                    ),
                }
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
                for o in outputs {
                    let target = a.out_dir.join(&o.file_name);
                    match write_atomic(&target, &o.bytes) {
                        Ok(()) => match a.lang {
                            Lang::En => println!("wrote {}", target.display()),
                            Lang::Th => println!("สร้างไฟล์ {} แล้ว", target.display()),
                        },
                        Err(e) => {
                            eprintln!("error: {}: {e}", target.display());
                            io_failed = true;
                        }
                    }
                }
            }
            Err(e) => {
                match a.lang {
                    Lang::En => eprintln!("{name}: not rendered: {e}"),
                    Lang::Th => eprintln!("{name}: ไม่ได้สร้างเอกสาร: {e}"),
                }
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
