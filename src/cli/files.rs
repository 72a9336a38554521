//! Finding and reading descriptor files; writing a command's outputs into
//! a folder through the library's one write protocol
//! (`sisterdoc::batch::atomic_write`) and saying what was written.

use sisterdoc::batch::atomic_write::write_atomic;
use sisterdoc::lang::Lang;
use std::path::{Path, PathBuf};

/// Expands files and folders into a sorted list of descriptor files
/// (`*.yaml`, `*.yml`, recursively). Paths that do not exist are errors.
pub fn descriptor_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| format!("{}: {e}", p.display()))?;
        if meta.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("yaml") | Some("yml")
        ) {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads a descriptor, refusing (without reading) files over the size limit.
pub enum Read {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

pub fn read_descriptor(path: &Path) -> std::io::Result<Read> {
    let meta = std::fs::metadata(path)?;
    if meta.len() > sisterdoc::descriptor::MAX_BYTES as u64 {
        return Ok(Read::TooLarge(meta.len()));
    }
    let f = std::fs::File::open(path)?;
    let mut buf = Vec::new();
    use std::io::Read as _;
    // Read at most one byte past the limit, in case the file grew meanwhile.
    f.take(sisterdoc::descriptor::MAX_BYTES as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(Read::Bytes(buf))
}

/// The file stem, used as the default `id`.
pub fn stem(path: &Path) -> Option<String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
}

/// Writes each named file into `out_dir` through the write protocol
/// (`batch::atomic_write`), saying "wrote PATH" (or its Thai) on stdout for
/// each and naming on stderr any that failed. Returns `false` if one failed.
pub fn write_outputs(
    out_dir: &Path,
    outputs: impl IntoIterator<Item = (String, Vec<u8>)>,
    lang: Lang,
) -> bool {
    let mut all_written = true;
    for (file, bytes) in outputs {
        let target = out_dir.join(&file);
        match write_atomic(&target, &bytes) {
            Ok(()) => match lang {
                Lang::En => println!("wrote {}", target.display()),
                Lang::Th => println!("สร้างไฟล์ {} แล้ว", target.display()),
            },
            Err(e) => {
                eprintln!("error: {}: {e}", target.display());
                all_written = false;
            }
        }
    }
    all_written
}
