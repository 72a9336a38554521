//! `sisterdoc check PATH...`

use super::files::{self, Read};
use super::DiagFormat;
use sisterdoc::descriptor::Loaded;
use sisterdoc::diagnostic::{self, Diagnostic, JsonRecord, Msg, Severity, Style};
use sisterdoc::lang::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads and checks one file; I/O errors come back as `Err(message)`.
pub fn check_file(path: &Path, deny_warnings: bool) -> Result<Loaded, String> {
    let read = files::read_descriptor(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut loaded = match read {
        Read::Bytes(b) => sisterdoc::check::check_bytes(&b, files::stem(path).as_deref()),
        Read::TooLarge(n) => sisterdoc::descriptor::too_large(n),
    };
    if deny_warnings {
        for d in &mut loaded.diagnostics {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    Ok(loaded)
}

/// Prints diagnostics for one file in the chosen format.
pub fn print_diagnostics(
    out: &mut impl Write,
    file: &str,
    loaded: &Loaded,
    format: DiagFormat,
    lang: Lang,
    style: Style,
) {
    for d in &loaded.diagnostics {
        match format {
            DiagFormat::Text => {
                let _ = writeln!(
                    out,
                    "{}",
                    diagnostic::render_text(d, file, &loaded.source, lang, style)
                );
            }
            DiagFormat::Json => {
                if let Ok(s) = serde_json::to_string(&JsonRecord::new(file, d)) {
                    let _ = writeln!(out, "{s}");
                }
            }
        }
    }
}

pub fn run(paths: &[PathBuf], format: DiagFormat, lang: Lang, deny_warnings: bool) -> ExitCode {
    let files = match files::descriptor_files(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let style = Style {
        color: format == DiagFormat::Text && super::colour(&stdout),
    };
    let mut out = stdout.lock();
    let (mut errors, mut warnings, mut bad_files, mut io_failed) = (0usize, 0usize, 0usize, false);
    for path in &files {
        let name = path.display().to_string();
        match check_file(path, deny_warnings) {
            Ok(loaded) => {
                print_diagnostics(&mut out, &name, &loaded, format, lang, style);
                let e = loaded
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                errors += e;
                warnings += loaded
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Warning)
                    .count();
                if e > 0 {
                    bad_files += 1;
                }
            }
            Err(msg) => {
                io_failed = true;
                let d = Diagnostic::error(
                    "IO",
                    None,
                    Msg::new(format!("อ่านไฟล์ไม่ได้: {msg}"), format!("cannot read: {msg}")),
                );
                match format {
                    DiagFormat::Text => {
                        eprintln!("{}", diagnostic::render_text(&d, &name, "", lang, style))
                    }
                    DiagFormat::Json => {
                        if let Ok(s) = serde_json::to_string(&JsonRecord::new(&name, &d)) {
                            let _ = writeln!(out, "{s}");
                        }
                    }
                }
            }
        }
    }
    if format == DiagFormat::Text {
        let summary = match lang {
            Lang::En => format!(
                "checked {} descriptor{}: {} with errors, {} error{}, {} warning{}",
                files.len(),
                if files.len() == 1 { "" } else { "s" },
                bad_files,
                errors,
                if errors == 1 { "" } else { "s" },
                warnings,
                if warnings == 1 { "" } else { "s" }
            ),
            Lang::Th => format!(
                "ตรวจ {} ไฟล์: มีข้อผิดพลาด {} ไฟล์ (ข้อผิดพลาด {} รายการ, คำเตือน {} รายการ)",
                files.len(),
                bad_files,
                errors,
                warnings
            ),
        };
        let _ = writeln!(out, "{summary}");
    }
    if files.is_empty() {
        eprintln!("error: no *.yaml or *.yml descriptors found");
        return ExitCode::from(2);
    }
    if io_failed {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
