//! `check`: decode a descriptor and run every rule, returning the model and
//! all diagnostics (sorted by position). No I/O beyond what the caller passes in.

use crate::descriptor::{self, Loaded};
use crate::diagnostic;

/// Decodes and checks descriptor bytes. `stem` is the file name without extension.
pub fn check_bytes(bytes: &[u8], stem: Option<&str>) -> Loaded {
    let mut loaded = descriptor::load(bytes, stem);
    if let Some(desc) = &loaded.descriptor {
        loaded.diagnostics.extend(crate::rules::check(desc));
    }
    loaded.name_fields();
    diagnostic::sort(&mut loaded.diagnostics);
    loaded
}
