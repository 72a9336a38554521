//! `sisterdoc completions SHELL`: prints shell completions (bash, zsh, fish,
//! powershell, elvish), generated from the same clap definition as the parser.

use clap::CommandFactory;
use std::process::ExitCode;

pub fn run(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = super::Cli::command();
    clap_complete::generate(shell, &mut cmd, "sisterdoc", &mut std::io::stdout());
    ExitCode::SUCCESS
}
