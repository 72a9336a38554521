//! `sisterdoc build SRC_DIR -o OUT_DIR`: check and render a whole tree of
//! descriptors for CI, incrementally, in parallel, atomically.
//!
//! The decisions are `sisterdoc::batch` (pure), and so is the wording of the
//! last line (`batch::summary`) and the write protocol (`batch::atomic_write`);
//! this module parses the arguments, reads the tree, prints the diagnostics,
//! writes the reports and chooses the exit status. `writing` is the build
//! (the order of writes), `check_mode` is `--check`, `rendering` what both
//! share (the worker pool, the progress bar).

mod check_mode;
mod rendering;
mod writing;

use super::{diagnostics, files, Deny, Lang};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use sisterdoc::batch::atomic_write::write_atomic;
use sisterdoc::batch::fingerprint::Inputs;
use sisterdoc::batch::manifest::{self, Manifest};
use sisterdoc::batch::plan::{self, CheckOptions, Checked, Content, Source};
use sisterdoc::batch::report::{DocOutcome, ManifestStatus, Mode, Outcome};
use sisterdoc::batch::shard::Shard;
use sisterdoc::batch::summary;
use sisterdoc::render::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// The formats selected by `--format` (`all`, or one format by its extension).
#[derive(Clone, Debug)]
pub struct Formats(pub Vec<Format>);

fn format_parser() -> impl TypedValueParser<Value = Formats> {
    let mut names = vec!["all"];
    names.extend(Format::ALL.iter().map(|f| f.extension()));
    PossibleValuesParser::new(names).map(|s: String| {
        Formats(
            Format::ALL
                .iter()
                .copied()
                .filter(|f| s == "all" || f.extension() == s)
                .collect(),
        )
    })
}

#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum ReportKind {
    Json,
    Sarif,
    Junit,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder searched recursively for *.yaml / *.yml descriptors
    src_dir: PathBuf,
    /// Output folder: the drafts and manifest.json
    #[arg(short, long, value_name = "OUT_DIR")]
    output: PathBuf,
    /// Formats to render
    #[arg(long, default_value = "all", value_parser = format_parser())]
    format: Formats,
    /// Parallel jobs (default: the number of cores)
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Render in memory and compare with OUT_DIR: exit 1 and list stale,
    /// missing and extra files (writes nothing but reports)
    #[arg(long)]
    check: bool,
    /// Treat warnings as errors
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Write a report for CI (repeat with one --report-file each)
    #[arg(long, value_enum, requires = "report_file")]
    report: Vec<ReportKind>,
    /// Where to write each --report, in the same order
    #[arg(long, value_name = "FILE")]
    report_file: Vec<PathBuf>,
    /// Render only the K-th of N deterministic shares (1 <= K <= N)
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Language of messages
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
    /// For tests: build as if the templates had changed
    #[arg(long, hide = true)]
    inputs_salt: Option<String>,
}

/// Set by SIGINT/SIGTERM: finish the files in flight, write the manifest, stop.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn usage(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

pub fn run(a: Args) -> ExitCode {
    let start = Instant::now();
    if a.report.len() != a.report_file.len() {
        return usage("give one --report-file for each --report, in the same order");
    }
    match std::fs::metadata(&a.src_dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return usage(format!("{}: not a folder", a.src_dir.display())),
        Err(e) => return usage(format!("{}: {e}", a.src_dir.display())),
    }
    let paths = match files::descriptor_files(std::slice::from_ref(&a.src_dir)) {
        Ok(p) => p,
        Err(e) => return usage(e),
    };
    if paths.is_empty() {
        return usage(format!(
            "{}: no *.yaml or *.yml descriptors found",
            a.src_dir.display()
        ));
    }
    let mut sources = Vec::with_capacity(paths.len());
    for p in &paths {
        match read_source(&a.src_dir, p) {
            Ok(s) => sources.push(s),
            Err(e) => return usage(e),
        }
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => return usage(format!("cannot start worker threads: {e}")),
    };
    let mut inputs = Inputs::current(&a.format.0);
    if let Some(salt) = &a.inputs_salt {
        inputs = inputs.with_salt(salt);
    }
    let opts = CheckOptions {
        deny_warnings: a.deny.is_some(),
        shard: a.shard,
    };
    let checked = pool.install(|| plan::check_all(sources, opts));

    // Errors and warnings; notes (info) go to the reports only, as a batch
    // of hundreds would drown in them.
    for c in checked.iter().filter(|c| c.in_shard) {
        let loaded = sisterdoc::descriptor::Loaded {
            source: c.source.clone(),
            descriptor: None,
            paths: Default::default(),
            diagnostics: c
                .diagnostics
                .iter()
                .filter(|d| d.severity != sisterdoc::diagnostic::Severity::Info)
                .cloned()
                .collect(),
        };
        diagnostics::to_stderr(&c.display, &loaded, a.lang);
    }

    let ctx = Ctx {
        out_dir: &a.output,
        inputs: &inputs,
        shard: a.shard,
        pool: &pool,
        start,
        lang: a.lang,
    };
    let (outcome, io_failed) = if a.check {
        check_mode::run_check(&ctx, &checked)
    } else {
        if let Err(e) = std::fs::create_dir_all(&a.output) {
            return usage(format!("{}: {e}", a.output.display()));
        }
        let _ = ctrlc::set_handler(|| {
            if INTERRUPTED.swap(true, Ordering::SeqCst) {
                // A second signal: stop now.
                std::process::exit(130);
            }
        });
        writing::run_build(&ctx, &checked)
    };

    let mut io_failed = io_failed;
    for (kind, file) in a.report.iter().zip(&a.report_file) {
        let bytes = match kind {
            ReportKind::Json => pretty(&outcome.json()),
            ReportKind::Sarif => pretty(&outcome.sarif()),
            ReportKind::Junit => outcome.junit().into_bytes(),
        };
        if let Err(e) = write_atomic(file, &bytes) {
            eprintln!("error: {}: {e}", file.display());
            io_failed = true;
        }
    }

    let s = outcome.summary();
    if outcome.interrupted {
        eprintln!("{}", summary::interrupted(a.lang));
        return ExitCode::from(130);
    }
    if io_failed || s.unreadable > 0 {
        ExitCode::from(2)
    } else if s.with_errors > 0 || s.failed > 0 || (a.check && outcome.out_of_date()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn pretty(v: &serde_json::Value) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
    b.push(b'\n');
    b
}

/// Reads one descriptor; the path below the source folder is its manifest key.
fn read_source(src_dir: &Path, p: &Path) -> Result<Source, String> {
    let rel = p.strip_prefix(src_dir).unwrap_or(p);
    let mut parts = Vec::new();
    for c in rel.components() {
        match c.as_os_str().to_str() {
            Some(s) => parts.push(s),
            None => {
                return Err(format!(
                    "{}: the path is not UTF-8; rename the file",
                    p.display()
                ))
            }
        }
    }
    let content = match files::read_descriptor(p) {
        Ok(files::Read::Bytes(b)) => Content::Bytes(b),
        Ok(files::Read::TooLarge(n)) => Content::TooLarge(n),
        Err(e) => Content::Unreadable(e.to_string()),
    };
    Ok(Source {
        path: parts.join("/"),
        display: p.display().to_string(),
        content,
    })
}

struct Ctx<'a> {
    out_dir: &'a Path,
    inputs: &'a Inputs,
    shard: Option<Shard>,
    pool: &'a rayon::ThreadPool,
    start: Instant,
    /// The language of the messages (`--lang`).
    lang: Lang,
}

impl Ctx<'_> {
    fn shown(&self, file: &str) -> String {
        self.out_dir.join(file).display().to_string()
    }
}

/// The old manifest: `Ok(None)` when there is none; `Err` when it cannot be
/// read or parsed (with the file named).
fn read_manifest(out_dir: &Path) -> Result<Option<(Manifest, Vec<u8>)>, String> {
    let path = out_dir.join(manifest::FILE_NAME);
    match std::fs::read(&path) {
        Ok(b) => Manifest::parse(&b)
            .map(|m| Some((m, b)))
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn outcome<'a>(
    ctx: &Ctx<'_>,
    mode: Mode,
    checked: &'a [Checked],
    mut documents: Vec<DocOutcome>,
    removed: Vec<sisterdoc::batch::plan::Removal>,
    manifest: ManifestStatus,
    interrupted: bool,
) -> Outcome<'a> {
    documents.sort_by(|a, b| (a.source, &a.file).cmp(&(b.source, &b.file)));
    Outcome {
        mode,
        checked,
        documents,
        removed,
        extra: Vec::new(),
        manifest,
        out_dir: ctx.out_dir.display().to_string(),
        shard: ctx.shard,
        seconds: ctx.start.elapsed().as_secs_f64(),
        interrupted,
    }
}
