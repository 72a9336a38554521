//! The `sisterdoc` command; the command line lives in `sisterdoc::cli`, the
//! staff workbench's HTTP server (`sisterdoc serve`) in `serve/`, a front end
//! beside the CLI that calls the same library functions.
#[cfg(feature = "serve")]
mod serve;

fn main() -> std::process::ExitCode {
    #[cfg(feature = "serve")]
    let server: Option<fn(&sisterdoc::cli::ServeArgs) -> std::process::ExitCode> = Some(serve::run);
    #[cfg(not(feature = "serve"))]
    let server = None;
    sisterdoc::cli::run_with(server)
}
