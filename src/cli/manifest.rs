//! `sisterdoc manifest merge A.json B.json... -o OUT/manifest.json`: merges
//! the manifests of `build --shard K/N` runs into one.
//!
//! When a shard's manifest is in another folder than the merged one, its
//! outputs are copied next to the merged manifest, each checked against the
//! SHA-256 the shard's manifest records (so an incomplete artifact is an error,
//! not a silently wrong draft). Conflicting entries are errors; nothing is
//! written then.

use sisterdoc::batch::atomic_write::write_atomic;
use sisterdoc::batch::hash::sha256_hex;
use sisterdoc::batch::manifest::{self, Manifest};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Subcommand, Debug)]
pub enum ManifestCmd {
    /// Merge shard manifests (and copy their outputs) into one manifest
    Merge {
        /// The shards' manifest.json files
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The merged manifest to write (its folder receives the outputs)
        #[arg(short, long)]
        output: PathBuf,
    },
}

pub fn run(cmd: ManifestCmd) -> ExitCode {
    match cmd {
        ManifestCmd::Merge { inputs, output } => merge(&inputs, &output),
    }
}

fn dir_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn merge(inputs: &[PathBuf], output: &Path) -> ExitCode {
    let mut loaded = Vec::new();
    for p in inputs {
        let m = std::fs::read(p)
            .map_err(|e| e.to_string())
            .and_then(|b| Manifest::parse(&b).map_err(|e| e.to_string()));
        match m {
            Ok(m) => loaded.push((p.display().to_string(), m)),
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                return ExitCode::from(2);
            }
        }
    }
    let merged = match manifest::merge(&loaded) {
        Ok(m) => m,
        Err(conflicts) => {
            for c in conflicts {
                eprintln!("error: {c}");
            }
            return ExitCode::from(1);
        }
    };
    let out_dir = dir_of(output);
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        eprintln!("error: {}: {e}", out_dir.display());
        return ExitCode::from(2);
    }
    // Copy (and verify) the outputs of shards kept in other folders. An old
    // manifest there goes first, so it never lists a file being replaced.
    if inputs.iter().any(|p| !same_dir(&dir_of(p), &out_dir)) {
        match std::fs::remove_file(output) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                eprintln!("error: {}: {e}", output.display());
                return ExitCode::from(2);
            }
        }
    }
    let mut failed = false;
    let mut copied = 0usize;
    for (p, (_, m)) in inputs.iter().zip(&loaded) {
        let shard_dir = dir_of(p);
        if same_dir(&shard_dir, &out_dir) {
            continue;
        }
        for e in m.descriptors.values() {
            for (name, hash) in &e.outputs {
                let from = shard_dir.join(name);
                match std::fs::read(&from) {
                    Ok(b) if sha256_hex(&b) == *hash => {
                        let to = out_dir.join(name);
                        if std::fs::read(&to).is_ok_and(|old| old == b) {
                            continue;
                        }
                        if let Err(err) = write_atomic(&to, &b) {
                            eprintln!("error: {}: {err}", to.display());
                            failed = true;
                        } else {
                            copied += 1;
                        }
                    }
                    Ok(_) => {
                        eprintln!(
                            "error: {}: does not match the SHA-256 in {}",
                            from.display(),
                            p.display()
                        );
                        failed = true;
                    }
                    Err(err) => {
                        eprintln!("error: {}: {err}", from.display());
                        failed = true;
                    }
                }
            }
        }
    }
    if failed {
        return ExitCode::from(2);
    }
    if let Err(e) = write_atomic(output, &merged.to_bytes()) {
        eprintln!("error: {}: {e}", output.display());
        return ExitCode::from(2);
    }
    println!(
        "merged {} manifest{} into {}: {} descriptors, {} outputs copied",
        inputs.len(),
        if inputs.len() == 1 { "" } else { "s" },
        output.display(),
        merged.descriptors.len(),
        copied
    );
    ExitCode::SUCCESS
}
