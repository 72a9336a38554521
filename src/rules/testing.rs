//! Test support: a valid descriptor to vary, and "does rule X fire?".

pub use crate::descriptor::testing::{BASE, PROPOSAL};
use crate::diagnostic::Diagnostic;

/// BASE with one line replaced (`from` must occur exactly once).
pub fn with(from: &str, to: &str) -> String {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "{from:?} must occur once in BASE"
    );
    BASE.replace(from, to)
}

/// BASE with the partner's unit, level and signatory rank replaced.
pub fn partner_block(unit: &str, level: &str, rank: &str) -> String {
    with("  unit: city\n", &format!("  unit: {unit}\n"))
        .replace("level: province-equivalent", &format!("level: {level}"))
        .replace("rank: governor-equivalent", &format!("rank: {rank}"))
}

/// Every diagnostic (decoding and rules) for a descriptor text.
pub fn diagnostics(yaml: &str) -> Vec<Diagnostic> {
    // `check::check_bytes` without the layer above: decode, then every rule.
    let loaded = crate::descriptor::load(yaml.as_bytes(), Some("test-pair"));
    let mut out = loaded.diagnostics;
    if let Some(desc) = &loaded.descriptor {
        out.extend(super::check(desc));
    }
    crate::diagnostic::sort(&mut out);
    out
}

/// Does `rule` report anything for this descriptor?
pub fn fires(rule: &str, yaml: &str) -> bool {
    diagnostics(yaml).iter().any(|d| d.rule == rule)
}

#[test]
fn base_descriptor_is_clean() {
    // Chiang Mai - Kunming exists already (REG-1 and REG-2 say so); nothing else fires.
    let d: Vec<_> = diagnostics(BASE)
        .into_iter()
        .filter(|d| !d.rule.starts_with("REG-"))
        .collect();
    assert!(d.is_empty(), "{d:#?}");
}
