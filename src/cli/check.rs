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

/// Prints diagnostics for one file in the chosen format; `verbose` adds each
/// message's sources to the text report (JSON records always carry them).
pub fn print_diagnostics(
    out: &mut impl Write,
    file: &str,
    loaded: &Loaded,
    format: DiagFormat,
    lang: Lang,
    style: Style,
    verbose: bool,
) {
    for d in &loaded.diagnostics {
        match format {
            DiagFormat::Text => {
                let _ = writeln!(
                    out,
                    "{}",
                    diagnostic::render_text_with(d, file, &loaded.source, lang, style, verbose)
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

/// A count in Thai digits, as the Thai messages write numbers in prose.
fn th_digits(n: usize) -> String {
    sisterdoc::thai::digits::to_thai_digits(&n.to_string())
}

/// `check --fix` and `--fix --dry-run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    Off,
    Write,
    DryRun,
}

/// Applies the fixes to one file (or prints them as a diff), saying what
/// changed. Returns an error message when the file cannot be read or written.
fn fix_file(path: &Path, mode: FixMode, lang: Lang, out: &mut impl Write) -> Result<(), String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let Ok(source) = String::from_utf8(bytes) else {
        return Ok(()); // not UTF-8: nothing to fix; the check reports it
    };
    let fixed = sisterdoc::check::fix_all(&source, files::stem(path).as_deref());
    if fixed.applied.is_empty() {
        return Ok(());
    }
    let n = fixed.applied.len();
    let head = match (mode, lang) {
        (FixMode::DryRun, Lang::En) => format!(
            "would fix {n} value{} in {name}:",
            if n == 1 { "" } else { "s" }
        ),
        (FixMode::DryRun, Lang::Th) => format!("จะแก้ {} จุดใน {name}:", th_digits(n)),
        (_, Lang::En) => format!(
            "fixed {n} value{} in {name}:",
            if n == 1 { "" } else { "s" }
        ),
        (_, Lang::Th) => format!("แก้แล้ว {} จุดใน {name}:", th_digits(n)),
    };
    let _ = writeln!(out, "{head}");
    for a in &fixed.applied {
        let _ = writeln!(
            out,
            "  {}:{}  [{}]  {} -> {}",
            a.line, a.column, a.rule, a.old, a.new
        );
    }
    match mode {
        FixMode::DryRun => {
            let _ = write!(
                out,
                "{}",
                sisterdoc::descriptor::fix::unified_diff(&name, &source, &fixed.text)
            );
        }
        FixMode::Write => {
            sisterdoc::batch::atomic_write::write_atomic(path, fixed.text.as_bytes())
                .map_err(|e| format!("{name}: {e}"))?;
        }
        FixMode::Off => {}
    }
    let _ = writeln!(out);
    Ok(())
}

pub fn run(
    paths: &[PathBuf],
    format: DiagFormat,
    lang: Lang,
    deny_warnings: bool,
    fix: FixMode,
    verbose: bool,
) -> ExitCode {
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
        if fix != FixMode::Off {
            // JSON output stays one record per line: the change list goes to stderr.
            let done = if format == DiagFormat::Json {
                fix_file(path, fix, lang, &mut std::io::stderr().lock())
            } else {
                fix_file(path, fix, lang, &mut out)
            };
            if let Err(msg) = done {
                io_failed = true;
                eprintln!("error: {msg}");
            }
        }
        match check_file(path, deny_warnings) {
            Ok(loaded) => {
                print_diagnostics(&mut out, &name, &loaded, format, lang, style, verbose);
                if format == DiagFormat::Text {
                    if let Some(desc) = &loaded.descriptor {
                        let facts = sisterdoc::check::understood(desc, lang);
                        if !facts.is_empty() {
                            let head = match lang {
                                Lang::En => format!("{name}: read as"),
                                Lang::Th => format!("{name}: โปรแกรมอ่านได้ว่า"),
                            };
                            let _ = writeln!(out, "{head}");
                            for f in facts {
                                let _ = writeln!(out, "  {f}");
                            }
                        }
                    }
                }
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
                "ตรวจ {} ไฟล์ มีข้อผิดพลาด {} ไฟล์ (ข้อผิดพลาด {} รายการ คำเตือน {} รายการ)",
                th_digits(files.len()),
                th_digits(bad_files),
                th_digits(errors),
                th_digits(warnings)
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
