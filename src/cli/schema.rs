//! `sisterdoc schema`: prints the descriptor's JSON Schema, for editors with
//! a YAML language server (see docs/ci.md).

use std::io::Write;
use std::process::ExitCode;

pub fn run() -> ExitCode {
    let schema = sisterdoc::descriptor::json_schema::descriptor_schema();
    let text = match serde_json::to_string_pretty(&schema) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    super::stdout_status(writeln!(std::io::stdout().lock(), "{text}"))
}
