//! `build --check`: renders in memory and compares with OUT_DIR (writes
//! nothing but reports): stale, missing and extra files, the manifest.

use super::rendering::{progress, render_all};
use super::{outcome, read_manifest, Ctx};
use sisterdoc::batch::manifest::{self, Manifest};
use sisterdoc::batch::plan::{self, Checked};
use sisterdoc::batch::report::{DocStatus, ManifestStatus, Mode, Outcome};
use sisterdoc::batch::summary;
use std::io::Write;

pub(super) fn run_check<'a>(ctx: &Ctx<'_>, checked: &'a [Checked]) -> (Outcome<'a>, bool) {
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
        .filter(|(_, c)| c.in_shard && c.valid().is_some())
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
        let _ = writeln!(o, "{}", summary::summary_line(&out, ctx.lang));
    }
    (out, io_failed)
}
