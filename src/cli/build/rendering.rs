//! Rendering for `build` and `build --check`: each descriptor rendered in
//! memory on the worker pool, its outputs written (build) or compared with the
//! files on disk (check); the progress bar.

use super::{Ctx, INTERRUPTED};
use sisterdoc::batch::atomic_write::write_atomic_deferred;
use sisterdoc::batch::hash::sha256_hex;
use sisterdoc::batch::manifest::{Entry, Manifest};
use sisterdoc::batch::plan::{self, Checked};
use sisterdoc::batch::report::{DocOutcome, DocStatus, Mode};
use sisterdoc::document::ComposeOptions;
use sisterdoc::render;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::Duration;

/// One rendered descriptor.
pub(super) struct Rendered {
    pub index: usize,
    pub docs: Vec<DocOutcome>,
    /// Set when every output was written (or already there): the manifest entry.
    pub entry: Option<Entry>,
    pub io_failed: bool,
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
    let (Some(desc), Some(input), Some(id)) = (c.valid(), c.input_sha256.as_deref(), c.id()) else {
        return r;
    };
    let outputs = match render::render(desc, None, &ctx.inputs.formats, ComposeOptions::default()) {
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
            (Mode::Build, _) => match write_atomic_deferred(&target, &o.bytes) {
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
pub(super) fn render_all(
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

pub(super) fn progress(n: usize) -> indicatif::ProgressBar {
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
