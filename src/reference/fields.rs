//! The built-in cooperation field keys of the descriptor
//! (`cooperation.fields` / `cooperation.explore`), each with the Thai label
//! as it reads after "ความร่วมมือในด้าน..." / "ความร่วมมือด้าน..." and the
//! English label as it reads in "cooperate in trade, investment and tourism"
//! (lowercase, no article).
//!
//! Thai labels take the "การ..." noun form where Thai documents use it
//! ("ด้านการค้า การลงทุน การเกษตร และการท่องเที่ยว"), and the bare noun where
//! that is the usual form (วัฒนธรรม, สาธารณสุข, สิ่งแวดล้อม, โลจิสติกส์).
//! Anything not listed here is written as `{th: ..., en: ...}` in the
//! descriptor.

use super::{by_key, suggest_in};

/// One cooperation field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Descriptor key: "public-health".
    pub key: &'static str,
    /// Thai label: "สาธารณสุข".
    pub th: &'static str,
    /// English label, lowercase: "public health".
    pub en: &'static str,
}

const fn f(key: &'static str, th: &'static str, en: &'static str) -> Field {
    Field { key, th, en }
}

/// The 14 built-in fields, in the order of the descriptor spec.
pub static FIELDS: &[Field] = &[
    f("trade", "การค้า", "trade"),
    f("investment", "การลงทุน", "investment"),
    f("tourism", "การท่องเที่ยว", "tourism"),
    f("education", "การศึกษา", "education"),
    f("culture", "วัฒนธรรม", "culture"),
    f("sports", "การกีฬา", "sports"),
    f("public-health", "สาธารณสุข", "public health"),
    f("agriculture", "การเกษตร", "agriculture"),
    f(
        "science-and-technology",
        "วิทยาศาสตร์และเทคโนโลยี",
        "science and technology",
    ),
    f("smart-city", "การพัฒนาเมืองอัจฉริยะ", "smart city development"),
    f("environment", "สิ่งแวดล้อม", "environment"),
    f("logistics", "โลจิสติกส์", "logistics"),
    f(
        "human-resources",
        "การพัฒนาทรัพยากรมนุษย์",
        "human resource development",
    ),
    f(
        "local-administration",
        "การปกครองท้องถิ่น",
        "local administration",
    ),
];

/// The field keys, in the same order as [`FIELDS`].
pub const KEYS: &[&str] = &[
    "trade",
    "investment",
    "tourism",
    "education",
    "culture",
    "sports",
    "public-health",
    "agriculture",
    "science-and-technology",
    "smart-city",
    "environment",
    "logistics",
    "human-resources",
    "local-administration",
];

super::keyed!(Field);

/// Find a field by its key, ignoring case and surrounding whitespace
/// ("Tourism" -> tourism). Labels are not keys: "public health" does not
/// match (see [`suggest`]).
pub fn lookup(key: &str) -> Option<&'static Field> {
    by_key(FIELDS, key)
}

/// The field the user most likely meant: an exact key; a key written with
/// spaces or underscores, or an English or Thai label ("public health",
/// "public_health", "สาธารณสุข", "เกษตร"); else the nearest key or label.
/// `None` when nothing is reasonably close. For hints only.
pub fn suggest(input: &str) -> Option<&'static Field> {
    suggest_in(FIELDS, input, |field, key| {
        field.th.strip_prefix("การ") == Some(key)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_the_spec() {
        assert_eq!(FIELDS.len(), 14);
        assert_eq!(KEYS.len(), FIELDS.len());
        for (key, field) in KEYS.iter().zip(FIELDS) {
            assert_eq!(*key, field.key);
            assert_eq!(lookup(key), Some(field));
            assert!(key.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'));
            assert_eq!(field.en, field.en.to_lowercase());
            assert!(!field.th.starts_with("ด้าน"));
        }
    }

    #[test]
    fn labels() {
        let get = |k: &str| lookup(k).expect(k);
        assert_eq!(get("trade").th, "การค้า");
        assert_eq!(get("public-health").en, "public health");
        assert_eq!(get("science-and-technology").en, "science and technology");
        assert_eq!(get("science-and-technology").th, "วิทยาศาสตร์และเทคโนโลยี");
        assert_eq!(get("tourism").th, "การท่องเที่ยว");
    }

    #[test]
    fn lookup_is_key_only() {
        assert_eq!(lookup(" Tourism ").map(|f| f.key), Some("tourism"));
        for input in [
            "",
            "public health",
            "public_health",
            "trades",
            "สาธารณสุข",
            "smart",
        ] {
            assert_eq!(lookup(input), None, "{input:?}");
        }
    }

    #[test]
    fn suggestions() {
        let key = |s: &str| suggest(s).map(|f| f.key);
        assert_eq!(key("turism"), Some("tourism"));
        assert_eq!(key("Trade"), Some("trade"));
        assert_eq!(key("public health"), Some("public-health"));
        assert_eq!(key("public_health"), Some("public-health"));
        assert_eq!(key("สาธารณสุข"), Some("public-health"));
        assert_eq!(key("เกษตร"), Some("agriculture"));
        assert_eq!(key("การท่องเทียว"), Some("tourism"));
        assert_eq!(key("sport"), Some("sports"));
        assert_eq!(key("science & technology"), Some("science-and-technology"));
        assert_eq!(key("smart-cities"), Some("smart-city"));
        assert_eq!(key("enviroment"), Some("environment"));
        assert_eq!(key("human-resource"), Some("human-resources"));
        assert_eq!(key("banking"), None);
        assert_eq!(key(""), None);
    }
}
