//! `sisterdoc pairs`: the registry of existing relationships, filtered.

use super::PairsFormat;
use sisterdoc::registry::{self, Filter, Status};
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    province: Option<String>,
    country: Option<String>,
    status: Option<Status>,
    format: PairsFormat,
) -> ExitCode {
    let filter = Filter {
        province,
        country,
        status,
    };
    let rows = match filter.apply() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let result = match format {
        PairsFormat::Table => out.write_all(registry::format_table(&rows).as_bytes()),
        PairsFormat::Json => out.write_all(registry::format_json(&rows).as_bytes()),
        PairsFormat::Csv => out.write_all(&registry::format_csv(&rows)),
    };
    super::stdout_status(result.and_then(|_| out.flush()))
}
