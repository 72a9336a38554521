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
    #[cfg(feature = "serve")]
    let server: Option<fn(&cli::ServeArgs) -> std::process::ExitCode> = Some(serve::run);
    #[cfg(not(feature = "serve"))]
    let server = None;
    cli::run_with(server)
}
