//! `build`: the order of writes, so that neither a crash nor a kill leaves a
//! half-written file or a manifest that lies:
//! 1. a manifest without the entries whose outputs are about to change,
//! 2. removals of outputs nobody makes any more,
//! 3. outputs (each through `batch::atomic_write`, synced together before
//!    each manifest write), with the manifest rewritten now and then with
//!    the entries finished so far,
//! 4. the final manifest.
//!
//! Temporary files left by a killed run are removed first.

use super::rendering::{progress, render_all};
use super::{outcome, read_manifest, Ctx, INTERRUPTED};
use sisterdoc::batch::atomic_write::{remove_stale_temporaries, sync_deferred, write_atomic};
use sisterdoc::batch::hash::sha256_hex;
use sisterdoc::batch::manifest::{self, Manifest};
use sisterdoc::batch::plan::{self, Checked};
use sisterdoc::batch::report::{DocOutcome, DocStatus, ManifestStatus, Mode, Outcome};
use sisterdoc::batch::summary;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How often the manifest is rewritten during a long build.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(2);

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

/// Writes the manifest if its bytes differ from `on_disk`; keeps `on_disk` current.
fn write_manifest(
    out_dir: &Path,
    m: &Manifest,
    on_disk: &mut Option<Vec<u8>>,
) -> Result<bool, String> {
    // The outputs written so far are made durable first (one sync for all
    // of them), so the manifest never records one a power cut could lose.
    sync_deferred().map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let bytes = m.to_bytes();
    if on_disk.as_deref() == Some(bytes.as_slice()) {
        return Ok(false);
    }
    let path = out_dir.join(manifest::FILE_NAME);
    write_atomic(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    *on_disk = Some(bytes);
    Ok(true)
}

pub(super) fn run_build<'a>(ctx: &Ctx<'_>, checked: &'a [Checked]) -> (Outcome<'a>, bool) {
    let mut io_failed = false;
    let plain = !std::io::stderr().is_terminal();
    let stdout = std::io::stdout();
    let leftovers = remove_stale_temporaries(ctx.out_dir);
    if leftovers > 0 {
        eprintln!("{}", summary::removed_temporaries(leftovers, ctx.lang));
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
    let line = summary::summary_line(&out, ctx.lang);
    let _ = writeln!(stdout.lock(), "{line}");
    (out, io_failed)
}
