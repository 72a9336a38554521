//! Province identification for registry queries: any name the project-wide
//! province table accepts (Thai with or without "จังหวัด", English, common
//! alternative spellings), resolved to the official Thai name the registry
//! data uses.

use super::Relationship;

/// The official Thai name of a province, if `name` denotes one. The
/// relationships are not needed to resolve it; the parameter stays so that
/// callers pass the data they query.
pub(crate) fn resolve_in(
    name: &str,
    _relationships: &'static [Relationship],
) -> Option<&'static str> {
    crate::reference::provinces::lookup(name).map(|p| p.th)
}
