//! The `sisterdoc` command: argument parsing, files, terminals and exit
//! codes (`cli/`). The library (`sisterdoc`, src/lib.rs) does the work and
//! compiles without clap, indicatif or ctrlc (`default-features = false`).
mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
