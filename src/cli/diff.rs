//! `sisterdoc diff DRAFT --descriptor PAIR.yaml [--kind loi|mou]
//! [--format text|json] [--redline OUT.docx]`: reads the files, runs
//! `sisterdoc::diff`, prints the report, writes the redline, and turns the
//! outcome into an exit status (0 no substantive deviation, 1 some, 2 errors).

use std::io::{Read as _, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use super::check::check_file;
use super::diagnostics;
use super::DiagFormat;
use sisterdoc::diagnostic::Severity;
use sisterdoc::diff::{self, report};
use sisterdoc::document::DocKind;
use sisterdoc::docx::DocxOptions;
use sisterdoc::lang::Lang;

/// `--kind`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum DiffKind {
    Loi,
    Mou,
}

/// Parsed arguments of `diff`.
pub struct Args<'a> {
    pub draft: &'a Path,
    pub descriptor: Option<&'a Path>,
    pub kind: Option<DiffKind>,
    pub format: DiagFormat,
    pub redline: Option<&'a Path>,
}

fn fail(msg: String) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

/// Reads at most `limit` bytes (one more to tell a larger file).
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut buf = Vec::new();
    f.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if buf.len() as u64 > limit {
        return Err(format!(
            "{}: file is larger than {limit} bytes: not a draft",
            path.display()
        ));
    }
    Ok(buf)
}

pub fn run(args: Args<'_>) -> ExitCode {
    let draft_name = args.draft.display().to_string();
    let bytes = match read_limited(args.draft, diff::MAX_DRAFT_BYTES) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let is_text = args
        .draft
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let draft = match diff::read_draft(&bytes, is_text) {
        Ok(d) => d,
        Err(e) => return fail(format!("{draft_name}: {e}")),
    };

    let mut descriptor_name = None;
    let desc = match args.descriptor {
        None => None,
        Some(path) => {
            let name = path.display().to_string();
            let mut loaded = match check_file(path, false) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            // Only the errors: `diff` reads a descriptor, `check` judges it.
            loaded.diagnostics.retain(|d| d.severity == Severity::Error);
            let Some(d) = loaded.descriptor.take() else {
                diagnostics::to_stderr(&name, &loaded, Lang::En);
                return fail(format!("{name}: cannot be read as a descriptor"));
            };
            let errors = loaded.diagnostics;
            if !errors.is_empty() {
                eprintln!(
                    "note: {name} has {} error{} (see `sisterdoc check {name}`); comparing against the text it renders anyway",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" }
                );
            }
            descriptor_name = Some(name);
            Some(d)
        }
    };

    let kind = match args.kind {
        Some(DiffKind::Loi) => DocKind::Loi,
        Some(DiffKind::Mou) => DocKind::Mou,
        None => match diff::infer_kind(desc.as_ref(), &draft) {
            Ok(k) => k,
            Err(e) => return fail(format!("cannot build the standard text: {e}")),
        },
    };
    let reference = match diff::standard(desc.as_ref(), kind) {
        Ok(r) => r,
        Err(e) => return fail(format!("cannot build the standard text: {e}")),
    };
    let result = diff::compare(&reference, &draft);
    let names = report::Names {
        draft: draft_name,
        descriptor: descriptor_name,
    };

    if let Some(out) = args.redline {
        let opts = DocxOptions {
            font: desc
                .as_ref()
                .and_then(|d| d.output.docx_font.clone())
                .unwrap_or_else(|| DocxOptions::default().font),
            ..DocxOptions::default()
        };
        let bytes = match diff::redline::write_redline(&result, &names, &opts) {
            Ok(b) => b,
            Err(e) => return fail(format!("{}: cannot build the redline: {e}", out.display())),
        };
        if let Err(e) = sisterdoc::batch::atomic_write::write_atomic(out, &bytes) {
            return fail(format!("{}: cannot write: {e}", out.display()));
        }
    }

    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    let printed = match args.format {
        DiagFormat::Text => {
            let style = report::Style {
                color: super::colour(&stdout),
            };
            write!(w, "{}", report::text(&result, &names, style))
        }
        DiagFormat::Json => match serde_json::to_string_pretty(&report::json(&result, &names)) {
            Ok(s) => writeln!(w, "{s}"),
            Err(e) => return fail(format!("cannot write JSON: {e}")),
        },
    };
    if printed.is_err() {
        return ExitCode::from(2);
    }
    if result.has_substantive() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
