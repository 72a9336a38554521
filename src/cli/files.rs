//! Finding descriptor files and writing outputs atomically.

use std::io::Write;
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

/// The temporary file an atomic write of `name` by process `pid` goes
/// through: `.<name>.<pid>.tmp`, in the target's folder.
pub fn temp_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

/// The process id in a name `temp_name` made, `None` for any other name.
pub fn temp_name_pid(file_name: &str) -> Option<u32> {
    let stem = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    stem.rsplit_once('.')?.1.parse().ok()
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed, then renamed over the target. A failure leaves no partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(temp_name(name, std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
