//! Languages a partner's text may be written in, keyed by the primary BCP 47
//! subtag (ISO 639-1 where one exists, else ISO 639-3), with the Thai name as
//! the signing clause writes it ("ภาษาจีน") and the English adjective
//! ("Chinese", as in "in the Thai, Chinese and English languages").
//!
//! The table holds every default language of the country table
//! (`countries::COUNTRIES[..].language`) plus other common ones.

use super::{closest, normalise_key};

/// One language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// Primary language subtag, lowercase: "zh", "ja", "fil".
    pub code: &'static str,
    /// Thai name with "ภาษา": "ภาษาจีน".
    pub th: &'static str,
    /// English name: "Chinese".
    pub en: &'static str,
}

const fn l(code: &'static str, th: &'static str, en: &'static str) -> Language {
    Language { code, th, en }
}

/// Known languages, sorted by code.
pub static LANGUAGES: &[Language] = &[
    l("am", "ภาษาอามฮารา", "Amharic"),
    l("ar", "ภาษาอาหรับ", "Arabic"),
    l("az", "ภาษาอาเซอร์ไบจาน", "Azerbaijani"),
    l("be", "ภาษาเบลารุส", "Belarusian"),
    l("bg", "ภาษาบัลแกเรีย", "Bulgarian"),
    l("bi", "ภาษาบิสลามา", "Bislama"),
    l("bn", "ภาษาเบงกาลี", "Bengali"),
    l("bs", "ภาษาบอสเนีย", "Bosnian"),
    l("ca", "ภาษากาตาลา", "Catalan"),
    l("cnr", "ภาษามอนเตเนโกร", "Montenegrin"),
    l("cs", "ภาษาเช็ก", "Czech"),
    l("da", "ภาษาเดนมาร์ก", "Danish"),
    l("de", "ภาษาเยอรมัน", "German"),
    l("dv", "ภาษาดิเวฮิ", "Dhivehi"),
    l("dz", "ภาษาซองคา", "Dzongkha"),
    l("el", "ภาษากรีก", "Greek"),
    l("en", "ภาษาอังกฤษ", "English"),
    l("es", "ภาษาสเปน", "Spanish"),
    l("et", "ภาษาเอสโตเนีย", "Estonian"),
    l("fa", "ภาษาเปอร์เซีย", "Persian"),
    l("fi", "ภาษาฟินแลนด์", "Finnish"),
    l("fil", "ภาษาฟิลิปิโน", "Filipino"),
    l("fr", "ภาษาฝรั่งเศส", "French"),
    l("ga", "ภาษาไอริช", "Irish"),
    l("he", "ภาษาฮีบรู", "Hebrew"),
    l("hi", "ภาษาฮินดี", "Hindi"),
    l("hr", "ภาษาโครเอเชีย", "Croatian"),
    l("ht", "ภาษาครีโอลเฮติ", "Haitian Creole"),
    l("hu", "ภาษาฮังการี", "Hungarian"),
    l("hy", "ภาษาอาร์เมเนีย", "Armenian"),
    l("id", "ภาษาอินโดนีเซีย", "Indonesian"),
    l("is", "ภาษาไอซ์แลนด์", "Icelandic"),
    l("it", "ภาษาอิตาลี", "Italian"),
    l("ja", "ภาษาญี่ปุ่น", "Japanese"),
    l("ka", "ภาษาจอร์เจีย", "Georgian"),
    l("kk", "ภาษาคาซัค", "Kazakh"),
    l("km", "ภาษาเขมร", "Khmer"),
    l("ko", "ภาษาเกาหลี", "Korean"),
    l("ky", "ภาษาคีร์กีซ", "Kyrgyz"),
    l("lb", "ภาษาลักเซมเบิร์ก", "Luxembourgish"),
    l("lo", "ภาษาลาว", "Lao"),
    l("lt", "ภาษาลิทัวเนีย", "Lithuanian"),
    l("lv", "ภาษาลัตเวีย", "Latvian"),
    l("mg", "ภาษามาลากาซี", "Malagasy"),
    l("mk", "ภาษามาซิโดเนีย", "Macedonian"),
    l("mn", "ภาษามองโกเลีย", "Mongolian"),
    l("ms", "ภาษามลายู", "Malay"),
    l("mt", "ภาษามอลตา", "Maltese"),
    l("my", "ภาษาเมียนมา", "Myanmar"),
    l("ne", "ภาษาเนปาล", "Nepali"),
    l("nl", "ภาษาดัตช์", "Dutch"),
    l("no", "ภาษานอร์เวย์", "Norwegian"),
    l("pl", "ภาษาโปแลนด์", "Polish"),
    l("ps", "ภาษาปาชโต", "Pashto"),
    l("pt", "ภาษาโปรตุเกส", "Portuguese"),
    l("ro", "ภาษาโรมาเนีย", "Romanian"),
    l("ru", "ภาษารัสเซีย", "Russian"),
    l("rw", "ภาษากินยาร์วันดา", "Kinyarwanda"),
    l("si", "ภาษาสิงหล", "Sinhala"),
    l("sk", "ภาษาสโลวัก", "Slovak"),
    l("sl", "ภาษาสโลวีเนีย", "Slovenian"),
    l("sm", "ภาษาซามัว", "Samoan"),
    l("so", "ภาษาโซมาลี", "Somali"),
    l("sq", "ภาษาแอลเบเนีย", "Albanian"),
    l("sr", "ภาษาเซอร์เบีย", "Serbian"),
    l("sv", "ภาษาสวีเดน", "Swedish"),
    l("sw", "ภาษาสวาฮีลี", "Swahili"),
    l("ta", "ภาษาทมิฬ", "Tamil"),
    l("tet", "ภาษาเตตุม", "Tetum"),
    l("tg", "ภาษาทาจิก", "Tajik"),
    l("th", "ภาษาไทย", "Thai"),
    l("ti", "ภาษาทิกรินยา", "Tigrinya"),
    l("tk", "ภาษาเติร์กเมน", "Turkmen"),
    l("to", "ภาษาตองกา", "Tongan"),
    l("tr", "ภาษาตุรกี", "Turkish"),
    l("uk", "ภาษายูเครน", "Ukrainian"),
    l("ur", "ภาษาอูรดู", "Urdu"),
    l("uz", "ภาษาอุซเบก", "Uzbek"),
    l("vi", "ภาษาเวียดนาม", "Vietnamese"),
    l("yue", "ภาษาจีนกวางตุ้ง", "Cantonese"),
    l("zh", "ภาษาจีน", "Chinese"),
];

/// The primary subtag of a BCP 47 tag, lowercased ("zh-Hans-CN" -> "zh").
/// "_" is accepted as a separator too.
fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Find a language by BCP 47 tag, case-insensitively: the whole tag when the
/// table has it, else its primary subtag ("zh-Hans-CN" -> zh, "pt-BR" -> pt,
/// "EN" -> en). Tags that are not letters-and-hyphens do not match.
pub fn lookup(code: &str) -> Option<&'static Language> {
    let tag = code.trim();
    if tag.is_empty()
        || !tag
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let whole = tag.to_ascii_lowercase();
    if let Some(found) = LANGUAGES.iter().find(|lang| lang.code == whole) {
        return Some(found);
    }
    let primary = primary_subtag(tag);
    LANGUAGES.iter().find(|lang| lang.code == primary)
}

/// The language closest to `input`: an exact [`lookup`] first, then an exact
/// English or Thai name ("Chinese", "ภาษาจีน", "จีน"), then the nearest name or
/// code. `None` when nothing is reasonably close. For hints only.
pub fn suggest(input: &str) -> Option<&'static Language> {
    if let Some(found) = lookup(input) {
        return Some(found);
    }
    let key = normalise_key(input);
    if key.is_empty() {
        return None;
    }
    let by_name = |k: &str| {
        LANGUAGES.iter().find(|lang| {
            normalise_key(lang.en) == k || lang.th == k || lang.th.strip_prefix("ภาษา") == Some(k)
        })
    };
    if let Some(found) = by_name(&key) {
        return Some(found);
    }
    let names = LANGUAGES
        .iter()
        .flat_map(|lang| [lang.en, lang.th].into_iter());
    if let Some(best) = closest(&key, names) {
        return LANGUAGES
            .iter()
            .find(|lang| lang.en == best || lang.th == best);
    }
    // Codes are too short for edit distance to mean much; only accept a
    // three-letter code whose first two letters are a known code ("eng").
    if key.len() == 3 && key.chars().all(|c| c.is_ascii_alphabetic()) {
        return LANGUAGES.iter().find(|lang| lang.code == &key[..2]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_lowercase_and_sorted() {
        for pair in LANGUAGES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} / {}",
                pair[0].code,
                pair[1].code
            );
        }
        for lang in LANGUAGES {
            assert!((2..=3).contains(&lang.code.len()), "{}", lang.code);
            assert!(lang.code.chars().all(|c| c.is_ascii_lowercase()));
            assert!(lang.th.starts_with("ภาษา"), "{}", lang.th);
            assert!(!lang.en.is_empty());
        }
    }

    #[test]
    fn exact_and_case_insensitive() {
        assert_eq!(lookup("zh").map(|l| l.th), Some("ภาษาจีน"));
        assert_eq!(lookup("JA").map(|l| l.en), Some("Japanese"));
        assert_eq!(lookup(" vi ").map(|l| l.en), Some("Vietnamese"));
        assert_eq!(lookup("lo").map(|l| l.th), Some("ภาษาลาว"));
        assert_eq!(lookup("fil").map(|l| l.en), Some("Filipino"));
        assert_eq!(lookup("th").map(|l| l.th), Some("ภาษาไทย"));
        assert_eq!(lookup("en").map(|l| l.th), Some("ภาษาอังกฤษ"));
    }

    #[test]
    fn falls_back_to_primary_subtag() {
        assert_eq!(lookup("zh-Hans-CN").map(|l| l.code), Some("zh"));
        assert_eq!(lookup("zh-TW").map(|l| l.code), Some("zh"));
        assert_eq!(lookup("pt-BR").map(|l| l.code), Some("pt"));
        assert_eq!(lookup("EN-gb").map(|l| l.code), Some("en"));
        assert_eq!(lookup("ms_MY").map(|l| l.code), Some("ms"));
        assert_eq!(lookup("yue-HK").map(|l| l.code), Some("yue"));
    }

    #[test]
    fn rejects_unknown() {
        for input in [
            "",
            " ",
            "xx",
            "zz-ZZ",
            "-zh",
            "zh CN",
            "chinese",
            "ภาษาจีน",
            "z",
        ] {
            assert_eq!(lookup(input), None, "{input:?}");
        }
    }

    #[test]
    fn suggestions() {
        let code = |s: &str| suggest(s).map(|l| l.code);
        assert_eq!(code("Chinese"), Some("zh"));
        assert_eq!(code("ภาษาญี่ปุ่น"), Some("ja"));
        assert_eq!(code("ญี่ปุ่น"), Some("ja"));
        assert_eq!(code("Vietnamse"), Some("vi"));
        assert_eq!(code("eng"), Some("en"));
        assert_eq!(code("zh-CN"), Some("zh"));
        assert_eq!(code("Klingon"), None);
        assert_eq!(code("qq"), None);
        assert_eq!(code(""), None);
    }
}
