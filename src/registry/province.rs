//! Province identification for registry queries: accepts the official Thai
//! name with or without "จังหวัด", or the English name (case, spaces and a
//! trailing "Province" ignored), and returns the official Thai name.
//!
//! For now the known provinces are those that appear in the registry data,
//! plus a few common alternative names. To switch to the project-wide table,
//! replace the body of [`resolve_province`] with
//! `crate::reference::provinces::lookup(name).map(|p| p.th)` (keeping the
//! `&'static str` return type); nothing else in the registry depends on how
//! names are resolved.

use super::matching::normalise_english_name;
use super::Relationship;

/// Common alternative names: (alternative, official Thai name).
const ALTERNATIVE_NAMES: &[(&str, &str)] = &[
    ("อยุธยา", "พระนครศรีอยุธยา"),
    ("Ayutthaya", "พระนครศรีอยุธยา"),
    ("โคราช", "นครราชสีมา"),
    ("Korat", "นครราชสีมา"),
    ("Khorat", "นครราชสีมา"),
    ("Ubon", "อุบลราชธานี"),
    ("Udon", "อุดรธานี"),
];

fn thai_key(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    s.strip_prefix("จังหวัด").map(str::to_string).unwrap_or(s)
}

fn key(s: &str) -> String {
    if s.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)) {
        thai_key(s)
    } else {
        normalise_english_name(s)
    }
}

/// Resolve a province name (Thai with/without "จังหวัด", or English) to the
/// official Thai name, using the provinces recorded in `relationships`.
pub(crate) fn resolve_in(
    name: &str,
    relationships: &'static [Relationship],
) -> Option<&'static str> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    for r in relationships {
        if key(&r.province.th) == k || key(&r.province.en) == k {
            return Some(r.province.th.as_str());
        }
    }
    let official = ALTERNATIVE_NAMES
        .iter()
        .find(|(alt, _)| key(alt) == k)
        .map(|(_, th)| *th)?;
    relationships
        .iter()
        .find(|r| r.province.th == official)
        .map(|r| r.province.th.as_str())
}
