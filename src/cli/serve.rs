//! `sisterdoc serve [--host H] [--port P] [--open]`: the arguments of the
//! staff workbench. The server itself lives in the binary (`src/serve/`,
//! feature `serve`) so that this library knows nothing of HTTP; `main.rs`
//! hands it to `cli::run_with`.

use std::process::ExitCode;

/// The arguments of `serve`.
#[derive(clap::Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address to listen on (0.0.0.0: the whole office network)
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port; the address is printed)
    #[arg(long, default_value_t = 8700)]
    pub port: u16,
    /// Open the page in the default browser
    #[arg(long)]
    pub open: bool,
    /// Another host name the page may be reached by (besides IP addresses and
    /// localhost), e.g. the office PC's name; repeatable. Requests naming any
    /// other host are refused (DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
    /// How many checks/renders may run at once (default: the number of CPUs)
    #[arg(long)]
    pub jobs: Option<usize>,
}

/// Runs `serve` with the server the binary was built with.
pub fn run(args: &ServeArgs, server: Option<fn(&ServeArgs) -> ExitCode>) -> ExitCode {
    match server {
        Some(serve) => serve(args),
        None => {
            eprintln!("error: this sisterdoc was built without the `serve` feature (โปรแกรมนี้สร้างโดยไม่มีส่วน serve)");
            ExitCode::from(2)
        }
    }
}
