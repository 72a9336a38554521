//! `sisterdoc build SRC_DIR -o OUT_DIR`: check and render a whole tree of
//! descriptors for CI, incrementally, in parallel, atomically.
//!
//! The decisions are `crate::build` (pure); this file does the file system,
//! the terminal and the exit status. Order of writes, so that neither a crash
//! nor a kill leaves a half-written file or a manifest that lies:
//! 1. a manifest without the entries whose outputs are about to change,
//! 2. removals of outputs nobody makes any more,
//! 3. outputs (each a temporary file renamed into place), with the manifest
//!    rewritten now and then with the entries finished so far,
//! 4. the final manifest.
//!
//! Temporary files left by a killed run are removed by the next one.

use super::check::print_diagnostics;
use super::files::{self, write_atomic};
use super::{Deny, DiagFormat, Lang};
use crate::build::fingerprint::Inputs;
use crate::build::hash::sha256_hex;
use crate::build::manifest::{self, Entry, Manifest};
use crate::build::plan::{self, CheckOptions, Checked, Content, Source};
use crate::build::report::{DocOutcome, DocStatus, ManifestStatus, Mode, Outcome};
use crate::build::shard::Shard;
use crate::diagnostic::{HumanLang, Style};
use crate::document::BuildOptions;
use crate::render::{self, Format};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

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

/// How often the manifest is rewritten during a long build.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(2);

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

    let lang: HumanLang = a.lang.into();
    let style = Style {
        color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    {
        let mut err = std::io::stderr().lock();
        // Errors and warnings; notes (info) go to the reports only, as a
        // batch of hundreds would drown in them.
        for c in checked.iter().filter(|c| c.owned) {
            let loaded = crate::descriptor::Loaded {
                source: c.source.clone(),
                descriptor: None,
                paths: Default::default(),
                diagnostics: c
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity != crate::diagnostic::Severity::Info)
                    .cloned()
                    .collect(),
            };
            print_diagnostics(&mut err, &c.display, &loaded, DiagFormat::Text, lang, style);
        }
    }

    let ctx = Ctx {
        out_dir: &a.output,
        inputs: &inputs,
        shard: a.shard,
        pool: &pool,
        start,
    };
    let (outcome, io_failed) = if a.check {
        run_check(&ctx, &checked)
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
        run_build(&ctx, &checked)
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
        eprintln!(
            "interrupted: the outputs written so far are in the manifest; run again to finish"
        );
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

/// SHA-256 of each existing file among `names` (in parallel).
fn hash_files(ctx: &Ctx<'_>, names: Vec<String>) -> BTreeMap<String, String> {
    use rayon::prelude::*;
    ctx.pool.install(|| {
        names
            .into_par_iter()
            .filter_map(|n| {
                let b = std::fs::read(ctx.out_dir.join(&n)).ok()?;
                Some((n, sha256_hex(&b)))
            })
            .collect()
    })
}

/// Removes temporary files (`.<name>.<pid>.tmp`) that a killed run left in
/// the output folder, unless their process is still running.
fn remove_stale_temporaries(out_dir: &Path) -> usize {
    let Ok(rd) = std::fs::read_dir(out_dir) else {
        return 0;
    };
    let own = std::process::id();
    let mut removed = 0;
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(stem) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
            continue;
        };
        let Some(pid) = stem
            .rsplit_once('.')
            .and_then(|(_, p)| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == own || process_alive(pid) {
            continue;
        }
        if std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        false
    }
}

/// Writes the manifest if its bytes differ from `on_disk`; keeps `on_disk` current.
fn write_manifest(
    out_dir: &Path,
    m: &Manifest,
    on_disk: &mut Option<Vec<u8>>,
) -> Result<bool, String> {
    let bytes = m.to_bytes();
    if on_disk.as_deref() == Some(bytes.as_slice()) {
        return Ok(false);
    }
    let path = out_dir.join(manifest::FILE_NAME);
    write_atomic(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    *on_disk = Some(bytes);
    Ok(true)
}

/// One rendered descriptor.
struct Rendered {
    index: usize,
    docs: Vec<DocOutcome>,
    /// Set when every output was written (or already there): the manifest entry.
    entry: Option<Entry>,
    io_failed: bool,
}

/// Renders one descriptor and writes its outputs (build), or compares them
/// with the files on disk (`--check`, writing nothing).
fn render_one(
    ctx: &Ctx<'_>,
    index: usize,
    c: &Checked,
    old: Option<&Manifest>,
    mode: Mode,
) -> Rendered {
    let mut r = Rendered {
        index,
        docs: Vec::new(),
        entry: None,
        io_failed: false,
    };
    let (Some(desc), Some(input), Some(id)) = (c.valid(), c.input.as_deref(), c.id()) else {
        return r;
    };
    let outputs = match render::render(desc, None, &ctx.inputs.formats, BuildOptions::default()) {
        Ok(o) => o,
        Err(e) => {
            for x in plan::expected_outputs(desc, &ctx.inputs.formats) {
                r.docs.push(DocOutcome {
                    source: index,
                    kind: x.kind,
                    format: x.format,
                    file: x.file,
                    status: DocStatus::Failed(e.to_string()),
                    sha256: None,
                });
            }
            return r;
        }
    };
    let mut hashes = BTreeMap::new();
    let mut complete = true;
    for o in outputs {
        let h = sha256_hex(&o.bytes);
        let target = ctx.out_dir.join(&o.file_name);
        let on_disk = std::fs::read(&target);
        let status = match (mode, on_disk) {
            (Mode::Build, Ok(b)) if b == o.bytes => DocStatus::Unchanged,
            (Mode::Build, _) => match write_atomic(&target, &o.bytes) {
                Ok(()) => DocStatus::Written,
                Err(e) => {
                    r.io_failed = true;
                    complete = false;
                    DocStatus::Failed(format!("{}: {e}", target.display()))
                }
            },
            (Mode::Check, Ok(b)) if b == o.bytes => {
                match plan::provenance(old, &c.path, &o.file_name, ctx.inputs) {
                    Some(why) => DocStatus::Stale(why),
                    None => DocStatus::Current,
                }
            }
            (Mode::Check, Ok(_)) => DocStatus::Stale("content differs from a fresh render".into()),
            (Mode::Check, Err(e)) if e.kind() == std::io::ErrorKind::NotFound => DocStatus::Missing,
            (Mode::Check, Err(e)) => {
                r.io_failed = true;
                DocStatus::Failed(format!("{}: {e}", target.display()))
            }
        };
        hashes.insert(o.file_name.clone(), h.clone());
        r.docs.push(DocOutcome {
            source: index,
            kind: o.kind,
            format: o.format,
            file: o.file_name,
            status,
            sha256: Some(h),
        });
    }
    if complete {
        r.entry = Some(Entry::new(id, input, ctx.inputs, hashes));
    }
    r
}

/// Renders `jobs` on the pool; calls `each` on the calling thread as each
/// descriptor finishes (so the caller can draw progress and checkpoint).
fn render_all(
    ctx: &Ctx<'_>,
    checked: &[Checked],
    jobs: &[usize],
    old: Option<&Manifest>,
    mode: Mode,
    mut each: impl FnMut(Rendered),
) {
    use rayon::prelude::*;
    let (tx, rx) = mpsc::channel::<Rendered>();
    std::thread::scope(|s| {
        s.spawn(move || {
            ctx.pool.install(|| {
                jobs.par_iter().for_each_with(tx, |tx, &i| {
                    if INTERRUPTED.load(Ordering::SeqCst) {
                        return;
                    }
                    let _ = tx.send(render_one(ctx, i, &checked[i], old, mode));
                });
            });
        });
        for r in rx {
            each(r);
        }
    });
}

fn progress(n: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || n == 0 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} rendering [{bar:30}] {pos}/{len} descriptors, {elapsed} {msg}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn run_build<'a>(ctx: &Ctx<'_>, checked: &'a [Checked]) -> (Outcome<'a>, bool) {
    let mut io_failed = false;
    let plain = !std::io::stderr().is_terminal();
    let stdout = std::io::stdout();
    let leftovers = remove_stale_temporaries(ctx.out_dir);
    if leftovers > 0 {
        eprintln!(
            "note: removed {leftovers} temporary file{} left by an interrupted run",
            if leftovers == 1 { "" } else { "s" }
        );
    }
    let (old, mut on_disk) = match read_manifest(ctx.out_dir) {
        Ok(Some((m, b))) => (Some(m), Some(b)),
        Ok(None) => (None, None),
        Err(e) => {
            eprintln!("warning: {e}; ignoring it and rendering every descriptor");
            (None, None)
        }
    };
    let disk = match &old {
        Some(m) => hash_files(ctx, plan::files_to_verify(m, ctx.shard)),
        None => BTreeMap::new(),
    };
    let plan = plan::plan(checked, old.as_ref(), ctx.inputs, ctx.shard, &disk);
    let mut manifest = plan.checkpoint.clone();
    let mut documents: Vec<DocOutcome> = Vec::new();
    for (i, entry) in &plan.up_to_date {
        if let Some(desc) = checked[*i].valid() {
            for x in plan::expected_outputs(desc, &ctx.inputs.formats) {
                documents.push(DocOutcome {
                    source: *i,
                    kind: x.kind,
                    format: x.format,
                    sha256: entry.outputs.get(&x.file).cloned(),
                    file: x.file,
                    status: DocStatus::Unchanged,
                });
            }
        }
    }

    // 1. Before any output changes, drop the entries that will.
    if !plan.nothing_to_do() {
        if let Err(e) = write_manifest(ctx.out_dir, &manifest, &mut on_disk) {
            eprintln!("error: {e}");
            return (
                outcome(
                    ctx,
                    Mode::Build,
                    checked,
                    documents,
                    Vec::new(),
                    ManifestStatus::Unchanged,
                    false,
                ),
                true,
            );
        }
    }
    // 2. Removals.
    let mut removed = Vec::new();
    for r in &plan.remove {
        let path = ctx.out_dir.join(&r.file);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                // Listed on a terminal too: removals are rare and worth seeing.
                let _ = writeln!(
                    stdout.lock(),
                    "removed {} ({}: {})",
                    path.display(),
                    r.reason.describe(),
                    r.source
                );
                removed.push(r.clone());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                io_failed = true;
            }
        }
    }
    // 3. Render.
    let bar = progress(plan.render.len());
    let mut last_checkpoint = Instant::now();
    render_all(ctx, checked, &plan.render, None, Mode::Build, |r| {
        bar.inc(1);
        io_failed |= r.io_failed;
        let c = &checked[r.index];
        for d in &r.docs {
            match &d.status {
                DocStatus::Written if plain => {
                    let _ = writeln!(stdout.lock(), "wrote {}", ctx.shown(&d.file));
                }
                DocStatus::Failed(e) => {
                    bar.suspend(|| eprintln!("error: {}: {} not produced: {e}", c.display, d.file));
                }
                _ => {}
            }
        }
        if let Some(e) = r.entry {
            manifest.descriptors.insert(c.path.clone(), e);
        }
        documents.extend(r.docs);
        if last_checkpoint.elapsed() >= CHECKPOINT_EVERY {
            if let Err(e) = write_manifest(ctx.out_dir, &manifest, &mut on_disk) {
                bar.suspend(|| eprintln!("error: {e}"));
                io_failed = true;
            }
            last_checkpoint = Instant::now();
        }
    });
    bar.finish_and_clear();
    // 4. The final manifest.
    let status = match write_manifest(ctx.out_dir, &manifest, &mut on_disk) {
        Ok(true) => ManifestStatus::Written,
        Ok(false) => ManifestStatus::Unchanged,
        Err(e) => {
            eprintln!("error: {e}");
            io_failed = true;
            ManifestStatus::Unchanged
        }
    };
    let interrupted = INTERRUPTED.load(Ordering::SeqCst);
    let out = outcome(
        ctx,
        Mode::Build,
        checked,
        documents,
        removed,
        status,
        interrupted,
    );
    let s = out.summary();
    let shard = ctx
        .shard
        .map(|s| format!(" (shard {s})"))
        .unwrap_or_default();
    let secs = ctx.start.elapsed().as_secs_f64();
    let errs = if s.with_errors > 0 {
        format!(", {} with errors (not rendered)", s.with_errors)
    } else {
        String::new()
    };
    let line = if s.written == 0
        && s.removed == 0
        && s.failed == 0
        && out.manifest == ManifestStatus::Unchanged
    {
        format!(
            "build{shard}: {} descriptor{}{errs}; {} document{} up to date, nothing written ({secs:.2} s)",
            s.descriptors,
            plural(s.descriptors),
            s.unchanged,
            plural(s.unchanged),
        )
    } else {
        format!(
            "build{shard}: {} descriptor{}{errs}; documents: {} written, {} unchanged, {} removed, {} failed ({secs:.2} s)",
            s.descriptors,
            plural(s.descriptors),
            s.written,
            s.unchanged,
            s.removed,
            s.failed,
        )
    };
    let _ = writeln!(stdout.lock(), "{line}");
    (out, io_failed)
}

fn run_check<'a>(ctx: &Ctx<'_>, checked: &'a [Checked]) -> (Outcome<'a>, bool) {
    let mut io_failed = false;
    let stdout = std::io::stdout();
    let (old, mut manifest_status) = match read_manifest(ctx.out_dir) {
        Ok(Some((m, _))) => (Some(m), ManifestStatus::Current),
        Ok(None) => (None, ManifestStatus::Missing),
        Err(e) => {
            eprintln!("warning: {e}");
            (None, ManifestStatus::Stale(vec!["(unreadable)".into()]))
        }
    };
    let jobs: Vec<usize> = checked
        .iter()
        .enumerate()
        .filter(|(_, c)| c.owned && c.valid().is_some())
        .map(|(i, _)| i)
        .collect();
    let bar = progress(jobs.len());
    let mut documents = Vec::new();
    let mut expected = Manifest::new(ctx.shard.map(|s| s.to_string()));
    render_all(ctx, checked, &jobs, old.as_ref(), Mode::Check, |r| {
        bar.inc(1);
        io_failed |= r.io_failed;
        if let Some(e) = r.entry {
            expected
                .descriptors
                .insert(checked[r.index].path.clone(), e);
        }
        documents.extend(r.docs);
    });
    bar.finish_and_clear();
    if let Some(m) = &old {
        let mut diffs = plan::manifest_differences(m, &expected, ctx.shard);
        if ctx.shard.is_none() && m.shard.is_some() {
            diffs.insert(0, "(a shard's manifest: merge the shards)".into());
        }
        if !diffs.is_empty() {
            manifest_status = ManifestStatus::Stale(diffs);
        }
    }
    let extra = if ctx.shard.is_none_or(|s| s.index == 1) {
        let listing: Vec<String> = std::fs::read_dir(ctx.out_dir)
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .filter_map(|e| e.file_name().to_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        plan::extra_files(
            &listing,
            &plan::expected_files(checked, &ctx.inputs.formats),
        )
    } else {
        Vec::new()
    };
    let mut out = outcome(
        ctx,
        Mode::Check,
        checked,
        documents,
        Vec::new(),
        manifest_status,
        false,
    );
    out.extra = extra;
    {
        let mut o = stdout.lock();
        for d in out.documents.iter() {
            match &d.status {
                DocStatus::Stale(why) => {
                    let _ = writeln!(o, "stale: {} ({why})", ctx.shown(&d.file));
                }
                DocStatus::Missing => {
                    let _ = writeln!(o, "missing: {}", ctx.shown(&d.file));
                }
                DocStatus::Failed(e) => {
                    let _ = writeln!(o, "failed: {} ({e})", ctx.shown(&d.file));
                }
                _ => {}
            }
        }
        for f in &out.extra {
            let _ = writeln!(o, "extra: {} (no descriptor makes it)", ctx.shown(f));
        }
        match &out.manifest {
            ManifestStatus::Missing => {
                let _ = writeln!(o, "missing: {}", ctx.shown(manifest::FILE_NAME));
            }
            ManifestStatus::Stale(paths) => {
                let _ = writeln!(
                    o,
                    "stale: {} (entries: {})",
                    ctx.shown(manifest::FILE_NAME),
                    paths.join(", ")
                );
            }
            _ => {}
        }
        let s = out.summary();
        let shard = ctx
            .shard
            .map(|s| format!(" (shard {s})"))
            .unwrap_or_default();
        let errs = if s.with_errors > 0 {
            format!(", {} with errors", s.with_errors)
        } else {
            String::new()
        };
        let verdict = if out.out_of_date() {
            format!(
                "{} stale, {} missing, {} extra, manifest {}: run `sisterdoc build` to update",
                s.stale,
                s.missing,
                s.extra,
                match out.manifest {
                    ManifestStatus::Current => "current",
                    ManifestStatus::Missing => "missing",
                    _ => "stale",
                }
            )
        } else {
            "all up to date".to_string()
        };
        let _ = writeln!(
            o,
            "check{shard}: {} descriptor{}{errs}; {} document{}: {verdict} ({:.2} s)",
            s.descriptors,
            plural(s.descriptors),
            s.documents,
            plural(s.documents),
            ctx.start.elapsed().as_secs_f64()
        );
    }
    (out, io_failed)
}

fn outcome<'a>(
    ctx: &Ctx<'_>,
    mode: Mode,
    checked: &'a [Checked],
    mut documents: Vec<DocOutcome>,
    removed: Vec<crate::build::plan::Removal>,
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
