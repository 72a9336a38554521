//! The `sisterdoc` command; everything lives in `sisterdoc::cli`.
fn main() -> std::process::ExitCode {
    sisterdoc::cli::run()
}
