//! The write protocol, the one way sisterdoc writes a file: a temporary file
//! in the target's folder, written in full and synced, then renamed over the
//! target, so a reader (or a crash, or a kill) never sees half a file.
//!
//! Every command that writes (`build`, `render`, `package`, `new`, `diff
//! --redline`, `check --fix`, `manifest merge`, the batch's reports) calls
//! [`write_atomic`]; `build` also removes what a killed run left with
//! [`remove_stale_temporaries`].
//!
//! A batch writes hundreds of outputs, and a sync per file was a tenth of
//! its time. `build` writes its outputs with [`write_atomic_deferred`]:
//! the same temporary file and rename (the rename is the commit: a reader
//! sees the old file or the new one, never half), without the sync; then
//! [`sync_deferred`] syncs them all at once before each manifest is written,
//! so the manifest never records an output that a power cut could still
//! lose. This is the only place the library touches
//! the file system; the CLI decides what to write and says what it wrote.

use std::io::Write;
use std::path::Path;

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
    write(path, bytes, true)
}

/// `write_atomic` without the sync: as atomic for readers (the rename is the
/// commit), durable once [`sync_deferred`] has returned. The path is
/// remembered for it.
pub fn write_atomic_deferred(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, false)?;
    if let Ok(mut d) = DEFERRED.lock() {
        d.push(path.to_path_buf());
    }
    Ok(())
}

/// Outputs written by `write_atomic_deferred` and not yet synced.
static DEFERRED: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Makes every `write_atomic_deferred` so far durable: on Linux one
/// `syncfs` per file system (one call for a whole batch), elsewhere a sync
/// per file. A file replaced or removed since is skipped.
pub fn sync_deferred() -> std::io::Result<()> {
    let paths = match DEFERRED.lock() {
        Ok(mut d) => std::mem::take(&mut *d),
        Err(_) => return Ok(()),
    };
    sync_paths(&paths)
}

#[cfg(target_os = "linux")]
fn sync_paths(paths: &[std::path::PathBuf]) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    // One open file per file system (device) is enough for syncfs.
    let mut devices = std::collections::BTreeMap::new();
    for p in paths {
        if let Ok(f) = std::fs::File::open(p) {
            if let Ok(m) = f.metadata() {
                devices.entry(m.dev()).or_insert(f);
            }
        }
    }
    for f in devices.values() {
        // SAFETY: syncfs only reads the descriptor, which `f` keeps open.
        if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn sync_paths(paths: &[std::path::PathBuf]) -> std::io::Result<()> {
    for p in paths {
        if let Ok(f) = std::fs::File::open(p) {
            f.sync_all()?;
        }
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(temp_name(name, std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        if sync {
            f.sync_all()?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporary files (`temp_name`) that a killed run left in
/// `dir`, unless their process is still running; returns how many.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 0;
    };
    let own = std::process::id();
    let mut removed = 0;
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = temp_name_pid(name) else {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_round_trip_and_other_names_are_not_temporaries() {
        assert_eq!(temp_name("a.pdf", 42), ".a.pdf.42.tmp");
        assert_eq!(temp_name_pid(&temp_name("a.pdf", 42)), Some(42));
        assert_eq!(temp_name_pid("a.pdf"), None);
        assert_eq!(temp_name_pid(".a.pdf.tmp"), None);
        assert_eq!(temp_name_pid(".hidden.yaml"), None);
    }

    #[test]
    fn writes_replace_the_target_and_leave_no_temporary() {
        let dir = std::env::temp_dir().join(format!("sisterdoc-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.txt");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        assert_eq!(names, vec!["out.txt".to_string()]);
        // A temporary of a process that is gone is removed; the target stays.
        std::fs::write(dir.join(temp_name("out.txt", u32::MAX)), b"half").unwrap();
        assert_eq!(remove_stale_temporaries(&dir), 1);
        assert!(target.exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn deferred_writes_are_in_place_and_synced_together() {
        let dir = std::env::temp_dir().join(format!("sisterdoc-deferred-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..3 {
            write_atomic_deferred(&dir.join(format!("{i}.txt")), b"x").unwrap();
        }
        assert!(DEFERRED.lock().unwrap().len() >= 3);
        std::fs::remove_file(dir.join("1.txt")).unwrap();
        sync_deferred().unwrap();
        assert!(DEFERRED
            .lock()
            .unwrap()
            .iter()
            .all(|p| !p.starts_with(&dir)));
        assert_eq!(std::fs::read(dir.join("2.txt")).unwrap(), b"x");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let missing = std::env::temp_dir()
            .join(format!("sisterdoc-atomic-missing-{}", std::process::id()))
            .join("out.txt");
        assert!(write_atomic(&missing, b"x").is_err());
        assert!(!missing.exists());
    }
}
