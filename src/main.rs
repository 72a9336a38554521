//! The `sisterdoc` command: argument parsing, files, terminals and exit
//! codes (`cli/`), and the staff workbench's HTTP server (`sisterdoc serve`,
//! `serve/`, feature `serve`), a second front end beside the CLI that calls
//! the same library functions. The library (`sisterdoc`, src/lib.rs) does the
//! work and compiles without clap, indicatif, ctrlc, axum or tokio
//! (`default-features = false`).
mod cli;
#[cfg(feature = "serve")]
mod serve;

fn main() -> std::process::ExitCode {
    fixed_mmap_threshold();
    #[cfg(feature = "serve")]
    let server: Option<fn(&cli::ServeArgs) -> std::process::ExitCode> = Some(serve::run);
    #[cfg(not(feature = "serve"))]
    let server = None;
    cli::run_with(server)
}

/// Fixes glibc's mmap threshold at its default (128 KiB), which turns off its
/// dynamic adjustment. Each deflate stream of a PDF (a dozen per document)
/// allocates about 300 KiB of tables; with the adjustment, the first free
/// raised the threshold and every later stream's tables came from the heap,
/// between the writer's long-lived memos, which then could not be trimmed:
/// a 100-descriptor batch peaked at 25-41 MB RSS, varying run to run. With
/// the threshold fixed they are mapped and unmapped whole: 23.5 MB every
/// run (21.7 MB before the memos), the same CPU time (`benches/paired.sh`).
fn fixed_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called first
    // thing in main, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}
