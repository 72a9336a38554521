//! The relationship names allowed by guideline 2 and the standard drafts'
//! title brackets (rule MFA-2 in `rules.md`): the descriptor's
//! `relationship` key, the Thai name ("เมืองพี่เมืองน้อง") and the English
//! name ("Sister Cities"). Any other name is written as `{th, en}` and draws
//! an MFA-2 warning.

use super::{by_key, compact_key, suggest_in};

/// One allowed relationship name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationshipName {
    /// Descriptor key: "sister-cities".
    pub key: &'static str,
    /// Thai name: "เมืองพี่เมืองน้อง".
    pub th: &'static str,
    /// English name, title case: "Sister Cities".
    pub en: &'static str,
}

const fn r(key: &'static str, th: &'static str, en: &'static str) -> RelationshipName {
    RelationshipName { key, th, en }
}

/// The seven names of rule MFA-2, in its order.
pub static RELATIONSHIPS: &[RelationshipName] = &[
    r("sister-cities", "เมืองพี่เมืองน้อง", "Sister Cities"),
    r("twin-cities", "เมืองคู่แฝด", "Twin Cities"),
    r("friendship-cities", "เมืองมิตรภาพ", "Friendship Cities"),
    r("partnership-cities", "เมืองหุ้นส่วน", "Partnership Cities"),
    r("friendly-cities", "เมืองคู่มิตร", "Friendly Cities"),
    r("amity-cities", "เมืองฉันทมิตร", "Amity Cities"),
    r(
        "cooperation",
        "การสถาปนาความร่วมมือ",
        "Establishment of Cooperation",
    ),
];

super::keyed!(RelationshipName);

/// Find a relationship by its key, ignoring case and surrounding whitespace.
/// Names are not keys ("Sister Cities" does not match; see [`suggest`]).
pub fn lookup(key: &str) -> Option<&'static RelationshipName> {
    by_key(RELATIONSHIPS, key)
}

/// The relationship the user most likely meant: an exact key; a key with
/// spaces or underscores, a Thai or English name, or a singular form
/// ("sister city", "Sister Cities", "เมืองพี่เมืองน้อง"); else the nearest key or
/// name. `None` when nothing is reasonably close. For hints only.
pub fn suggest(input: &str) -> Option<&'static RelationshipName> {
    let singular = |s: &str| compact_key(s).replace("cities", "city");
    suggest_in(RELATIONSHIPS, input, |rel, key| {
        [rel.key, rel.en, rel.th]
            .iter()
            .any(|name| singular(name) == key)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_rule_mfa_2() {
        let expected = [
            ("sister-cities", "เมืองพี่เมืองน้อง", "Sister Cities"),
            ("twin-cities", "เมืองคู่แฝด", "Twin Cities"),
            ("friendship-cities", "เมืองมิตรภาพ", "Friendship Cities"),
            ("partnership-cities", "เมืองหุ้นส่วน", "Partnership Cities"),
            ("friendly-cities", "เมืองคู่มิตร", "Friendly Cities"),
            ("amity-cities", "เมืองฉันทมิตร", "Amity Cities"),
            (
                "cooperation",
                "การสถาปนาความร่วมมือ",
                "Establishment of Cooperation",
            ),
        ];
        assert_eq!(RELATIONSHIPS.len(), expected.len());
        for (rel, (key, th, en)) in RELATIONSHIPS.iter().zip(expected) {
            assert_eq!((rel.key, rel.th, rel.en), (key, th, en));
            assert_eq!(lookup(key), Some(rel));
        }
    }

    #[test]
    fn lookup_is_key_only() {
        assert_eq!(
            lookup("Sister-Cities").map(|r| r.key),
            Some("sister-cities")
        );
        for input in [
            "",
            "sister cities",
            "Sister Cities",
            "เมืองพี่เมืองน้อง",
            "sister",
        ] {
            assert_eq!(lookup(input), None, "{input:?}");
        }
    }

    #[test]
    fn suggestions() {
        let key = |s: &str| suggest(s).map(|r| r.key);
        assert_eq!(key("Sister Cities"), Some("sister-cities"));
        assert_eq!(key("sister city"), Some("sister-cities"));
        assert_eq!(key("sister_cities"), Some("sister-cities"));
        assert_eq!(key("เมืองพี่เมืองน้อง"), Some("sister-cities"));
        assert_eq!(key("เมืองพี่น้อง"), Some("sister-cities"));
        assert_eq!(key("twin-city"), Some("twin-cities"));
        assert_eq!(key("frendship-cities"), Some("friendship-cities"));
        assert_eq!(key("Establishment of Cooperation"), Some("cooperation"));
        assert_eq!(key("cooperaton"), Some("cooperation"));
        assert_eq!(key("strategic partnership"), None);
        assert_eq!(key(""), None);
    }
}
