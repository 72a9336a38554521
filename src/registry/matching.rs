//! Name matching for the registry: normalise Thai and English place names so
//! that spelling variants of the same partner compare equal, while different
//! places with similar names (หนานหนิง / หนานจิง, Jiangxi / Jiangsu) do not.
//!
//! Matching is exact equality of normalised names, never substring or fuzzy
//! matching. Spelling variants that normalisation cannot reconcile
//! (เจียหยาง / เจียวหยาง, ไห่หนาน / ไหหลำ) match only because the registry
//! records them as aliases of the partner.

use crate::thai::segment::is_thai;
use serde::{Deserialize, Serialize};

/// A partner's name: the (corrected) Thai name, the English name when it is
/// known, and recorded alternative spellings (including the seeds' spellings).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerName {
    /// Thai name as written in the official tables (corrected for OCR damage).
    pub th: String,
    /// English name, where it could be established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Other spellings: the seeds' spellings and common alternative spellings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl PartnerName {
    /// A name to look up, e.g. from a pairing descriptor. Either part may be absent.
    pub fn new(th: Option<&str>, en: Option<&str>) -> Self {
        PartnerName {
            th: th.unwrap_or_default().to_string(),
            en: en.map(str::to_string),
            aliases: Vec::new(),
        }
    }

    /// Every normalised key of this name (Thai name, English name, aliases),
    /// without empty keys or duplicates.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        let names = std::iter::once(self.th.as_str())
            .chain(self.en.as_deref())
            .chain(self.aliases.iter().map(String::as_str));
        for name in names {
            let key = normalise_name(name);
            if !key.is_empty() && !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }
}

/// True when the two names denote the same partner: some normalised name of
/// `a` (Thai, English or alias) equals some normalised name of `b`.
pub fn same_partner(a: &PartnerName, b: &PartnerName) -> bool {
    let kb = b.keys();
    a.keys().iter().any(|k| kb.contains(k))
}

/// Administrative prefixes dropped for matching, longest first so that e.g.
/// `เขตปกครองตนเอง` is removed before `เขต`, and `มลรัฐ` before `รัฐ`.
const THAI_PREFIXES: &[&str] = &[
    "เขตการปกครองตนเอง",
    "เขตการปกครองพิเศษ",
    "เขตการบริหารพิเศษ",
    "เขตปกครองตนเอง",
    "การปกครองตนเอง",
    "เขตปกครองพิเศษ",
    "เขตบริหารพิเศษ",
    "เขตการปกครอง",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "เทศบาลนคร",
    "เทศบาล",
    "จังหวัด",
    "นครหลวง",
    "มหานคร",
    "ชนชาติ",
    "มลรัฐ",
    "เมือง",
    "มณฑล",
    "แขวง",
    "กรุง",
    "นคร",
    "รัฐ",
    "เขต",
];

/// Normalise a Thai place name for matching.
///
/// Drops parenthesised parts (`จิ้งหง(เซียงรุ่ง)` -> `จิ้งหง`), spaces,
/// hyphens and other punctuation, `ฯ`, and leading administrative prefixes
/// (นคร, เมือง, มณฑล, จังหวัด, แขวง, เขตปกครองตนเอง, เทศบาล..., repeatedly).
/// Safe OCR repairs only: `เเ` -> `แ`, nikhahit + sara aa -> sara am, zero-width
/// characters removed. Tone marks and vowels are kept: a different mark can
/// be a different place (ซูโจว / ซู่โจว), so such variants must be aliases.
/// Latin letters inside a Thai name are lowercased.
pub fn normalise_thai_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if c.is_whitespace() => {}
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | 'ฯ' => {}
            // Thai first: it has no case, and the Unicode tables behind
            // `is_alphanumeric` / `to_lowercase` were most of this function.
            _ if is_thai(c) => out.push(c),
            _ if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    let mut s = out
        .replace("เเ", "แ")
        .replace("\u{0E4D}\u{0E32}", "\u{0E33}");
    loop {
        let stripped = THAI_PREFIXES
            .iter()
            .find(|p| s.starts_with(*p) && s.len() > p.len())
            .map(|p| s[p.len()..].to_string());
        match stripped {
            Some(rest) => s = rest,
            None => break,
        }
    }
    s
}

/// Words dropped from English names for matching.
const ENGLISH_DROP_WORDS: &[&str] = &[
    "city",
    "province",
    "prefecture",
    "municipality",
    "state",
    "region",
    "autonomous",
    "special",
    "administrative",
    "district",
    "county",
    "of",
    "the",
];

fn fold_latin(c: char) -> char {
    const GROUPS: &[(&str, char)] = &[
        ("àáâãäåāăąạảấầẩẫậắằẳẵặ", 'a'),
        ("çćĉċč", 'c'),
        ("đď", 'd'),
        ("èéêëēĕėęěẹẻẽếềểễệ", 'e'),
        ("ìíîïĩīĭįıịỉ", 'i'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏőơọỏốồổỗộớờởỡợ", 'o'),
        ("śŝşšș", 's'),
        ("ţťțŧ", 't'),
        ("ùúûüũūŭůűųưụủứừửữự", 'u'),
        ("ýÿŷỳỵỷỹ", 'y'),
        ("źżž", 'z'),
        ("ğ", 'g'),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|(_, base)| *base)
        .unwrap_or(c)
}

/// Normalise an English (Latin-script) place name for matching: lowercase,
/// fold diacritics (Cần Thơ -> cantho), treat punctuation as a word break,
/// drop words such as "city", "province", "prefecture", "municipality",
/// "state" (unless nothing else is left), then join the remaining words
/// without spaces (Kota Kinabalu = Kotakinabalu, Xi'an = Xian).
pub fn normalise_english_name(s: &str) -> String {
    let lowered: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_latin)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !ENGLISH_DROP_WORDS.contains(w))
        .collect();
    if kept.is_empty() {
        words.concat()
    } else {
        kept.concat()
    }
}

/// Normalise a name in either script: Thai rules if it contains any Thai
/// character, English rules otherwise.
pub fn normalise_name(s: &str) -> String {
    if s.chars().any(is_thai) {
        normalise_thai_name(s)
    } else {
        normalise_english_name(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_prefixes_are_dropped() {
        assert_eq!(normalise_thai_name("นครคุนหมิง"), "คุนหมิง");
        assert_eq!(normalise_thai_name("เมืองคุนหมิง"), "คุนหมิง");
        assert_eq!(normalise_thai_name("มณฑลไห่หนาน"), "ไห่หนาน");
        assert_eq!(
            normalise_thai_name("เขตปกครองตนเองสิบสอง - ปันนา"),
            "สิบสองปันนา"
        );
        assert_eq!(normalise_thai_name("จังหวัด บันเตียเมียนเจย"), "บันเตียเมียนเจย");
        assert_eq!(normalise_thai_name("เทศบาลเมืองเซียงรุ่ง"), "เซียงรุ่ง");
        assert_eq!(normalise_thai_name("เมืองจิ้งหง(เซียงรุ่ง)"), "จิ้งหง");
        assert_eq!(normalise_thai_name("เขตปกครองตนเองชนชาติอาป้า"), "อาป้า");
        assert_eq!(normalise_thai_name("เมือง"), "เมือง");
    }

    #[test]
    fn thai_safe_ocr_repairs_only() {
        assert_eq!(normalise_thai_name("เเขวงจำปาสัก"), "จำปาสัก");
        assert_eq!(normalise_thai_name("แขวงจ\u{0E4D}\u{0E32}ปาสัก"), "จำปาสัก");
        // tone marks are significant
        assert_ne!(normalise_thai_name("ไหหนาน"), normalise_thai_name("ไห่หนาน"));
    }

    #[test]
    fn english_normalisation() {
        assert_eq!(normalise_english_name("Kunming City"), "kunming");
        assert_eq!(normalise_english_name("HAINAN Province"), "hainan");
        assert_eq!(normalise_english_name("Xi'an"), "xian");
        assert_eq!(normalise_english_name("Kota Kinabalu"), "kotakinabalu");
        assert_eq!(normalise_english_name("Cần Thơ"), "cantho");
        assert_eq!(normalise_english_name("City"), "city");
        assert_eq!(
            normalise_english_name("Special Region of Yogyakarta"),
            "yogyakarta"
        );
    }

    #[test]
    fn similar_names_differ() {
        let a = PartnerName::new(None, Some("Chiang"));
        let b = PartnerName::new(None, Some("Chiangrai"));
        assert!(!same_partner(&a, &b));
        let a = PartnerName::new(Some("นครหนานหนิง"), None);
        let b = PartnerName::new(Some("นครหนานจิง"), None);
        assert!(!same_partner(&a, &b));
        let a = PartnerName::new(Some("มณฑลเจียงซี"), Some("Jiangxi"));
        let b = PartnerName::new(Some("มณฑลเจียงซู"), Some("Jiangsu"));
        assert!(!same_partner(&a, &b));
    }

    #[test]
    fn aliases_match() {
        let rec = PartnerName {
            th: "เมืองเจียหยาง".into(),
            en: Some("Jieyang".into()),
            aliases: vec!["เมืองเจียวหยาง".into()],
        };
        assert!(same_partner(
            &rec,
            &PartnerName::new(Some("เจียวหยาง"), None)
        ));
        assert!(same_partner(
            &PartnerName::new(None, Some("jieyang city")),
            &rec
        ));
        assert!(!same_partner(&rec, &PartnerName::new(Some("เจียง"), None)));
        assert!(!same_partner(&rec, &PartnerName::default()));
    }
}
