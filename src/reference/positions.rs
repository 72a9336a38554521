//! Positions of the Thai signatory (`thai_side.signatory.position`): the
//! descriptor key, the generic Thai and English position names, and the
//! province-specific titles printed under a signature ("ผู้ว่าราชการจังหวัด
//! เชียงใหม่" / "Governor of Chiang Mai Province"; Bangkok: "ผู้ว่าราชการ
//! กรุงเทพมหานคร" / "Governor of Bangkok").
//!
//! Guideline 9 (rule MFA-9) wants the provincial governor; the other keys
//! exist so that a descriptor can say who actually signs and be told so.

use super::provinces::Province;
use super::{by_key, compact_key, suggest_in};

/// One signatory position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Descriptor key: "governor".
    pub key: &'static str,
    /// Generic Thai name: "ผู้ว่าราชการจังหวัด".
    pub th: &'static str,
    /// Generic English name: "Governor".
    pub en: &'static str,
}

const fn pos(key: &'static str, th: &'static str, en: &'static str) -> Position {
    Position { key, th, en }
}

/// The positions named in the descriptor spec.
pub static POSITIONS: &[Position] = &[
    pos("governor", "ผู้ว่าราชการจังหวัด", "Governor"),
    pos("vice-governor", "รองผู้ว่าราชการจังหวัด", "Vice Governor"),
    pos(
        "deputy-permanent-secretary",
        "รองปลัดกระทรวงมหาดไทย",
        "Deputy Permanent Secretary of the Ministry of Interior",
    ),
    pos("mayor", "นายกเทศมนตรี", "Mayor"),
];

/// The governor of Bangkok (ผู้ว่าราชการกรุงเทพมหานคร), used instead of
/// "governor" when the Thai side is Bangkok.
pub static BANGKOK_GOVERNOR: Position =
    pos("governor", "ผู้ว่าราชการกรุงเทพมหานคร", "Governor of Bangkok");

/// The key of the provincial governor, the signatory guideline 9 requires.
pub const GOVERNOR: &str = "governor";

super::keyed!(Position);

/// Find a position by its key, ignoring case and surrounding whitespace.
pub fn lookup(key: &str) -> Option<&'static Position> {
    by_key(POSITIONS, key)
}

/// The position the user most likely meant: an exact key; a key with spaces
/// or underscores, or a Thai or English name ("Vice Governor", "ผู้ว่าฯ",
/// "ผู้ว่าราชการกรุงเทพมหานคร"); else the nearest key or name. `None` when nothing
/// is reasonably close. For hints only.
pub fn suggest(input: &str) -> Option<&'static Position> {
    const SHORT_FORMS: &[(&str, &str)] = &[
        ("ผู้ว่าฯ", "governor"),
        ("ผู้ว่า", "governor"),
        ("ผวจ.", "governor"),
        ("ผู้ว่าราชการกรุงเทพมหานคร", "governor"),
        ("governor of bangkok", "governor"),
        ("รองผู้ว่าฯ", "vice-governor"),
        ("รองผู้ว่า", "vice-governor"),
        ("รอง ผวจ.", "vice-governor"),
        ("deputy governor", "vice-governor"),
        ("รองปลัดกระทรวง", "deputy-permanent-secretary"),
        ("รองปลัด", "deputy-permanent-secretary"),
    ];
    if let Some(found) = by_key(POSITIONS, input) {
        return Some(found);
    }
    let key = compact_key(input);
    if let Some((_, k)) = SHORT_FORMS.iter().find(|(s, _)| compact_key(s) == key) {
        return lookup(k);
    }
    suggest_in(POSITIONS, input, |_, _| false)
}

/// The governor's title for a province, Thai and English:
/// ("ผู้ว่าราชการจังหวัดเชียงใหม่", "Governor of Chiang Mai Province");
/// Bangkok: ("ผู้ว่าราชการกรุงเทพมหานคร", "Governor of Bangkok").
pub fn thai_governor_title(p: &Province) -> (String, String) {
    if p.is_bangkok() {
        (
            BANGKOK_GOVERNOR.th.to_string(),
            BANGKOK_GOVERNOR.en.to_string(),
        )
    } else {
        (
            format!("ผู้ว่าราชการจังหวัด{}", p.th),
            format!("Governor of {} Province", p.en),
        )
    }
}

impl Position {
    /// The full title of this position for a signatory from province `p`,
    /// Thai and English. Governor: see [`thai_governor_title`]. Vice
    /// governor: ("รองผู้ว่าราชการจังหวัดเชียงใหม่", "Vice Governor of Chiang Mai
    /// Province"); Bangkok: ("รองผู้ว่าราชการกรุงเทพมหานคร", "Deputy Governor of
    /// Bangkok"). Deputy permanent secretary: not tied to a province, the
    /// generic name. Mayor: the generic name, because the municipality
    /// (เทศบาลนคร/เมือง/ตำบล...) cannot be derived from the province.
    pub fn title_for(&self, p: &Province) -> (String, String) {
        match self.key {
            "governor" => thai_governor_title(p),
            "vice-governor" if p.is_bangkok() => (
                "รองผู้ว่าราชการกรุงเทพมหานคร".to_string(),
                "Deputy Governor of Bangkok".to_string(),
            ),
            "vice-governor" => (
                format!("รองผู้ว่าราชการจังหวัด{}", p.th),
                format!("Vice Governor of {} Province", p.en),
            ),
            _ => (self.th.to_string(), self.en.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::provinces;

    #[test]
    fn table() {
        let get = |k: &str| lookup(k).expect(k);
        assert_eq!(get("governor").th, "ผู้ว่าราชการจังหวัด");
        assert_eq!(get("governor").en, "Governor");
        assert_eq!(get("vice-governor").th, "รองผู้ว่าราชการจังหวัด");
        assert_eq!(get("vice-governor").en, "Vice Governor");
        assert_eq!(get("deputy-permanent-secretary").th, "รองปลัดกระทรวงมหาดไทย");
        assert_eq!(
            get("deputy-permanent-secretary").en,
            "Deputy Permanent Secretary of the Ministry of Interior"
        );
        assert_eq!(get("mayor").th, "นายกเทศมนตรี");
        assert_eq!(get("MAYOR").en, "Mayor");
        assert_eq!(lookup(GOVERNOR).map(|p| p.key), Some("governor"));
        assert_eq!(BANGKOK_GOVERNOR.th, "ผู้ว่าราชการกรุงเทพมหานคร");
    }

    #[test]
    fn lookup_is_key_only() {
        for input in [
            "",
            "Governor of Chiang Mai",
            "ผู้ว่าราชการจังหวัด",
            "vice governor",
            "gov",
        ] {
            assert_eq!(lookup(input), None, "{input:?}");
        }
    }

    #[test]
    fn governor_titles() {
        let cm = provinces::lookup("เชียงใหม่").expect("Chiang Mai");
        assert_eq!(
            thai_governor_title(cm),
            (
                "ผู้ว่าราชการจังหวัดเชียงใหม่".to_string(),
                "Governor of Chiang Mai Province".to_string()
            )
        );
        let bkk = provinces::bangkok();
        assert_eq!(
            thai_governor_title(bkk),
            (
                "ผู้ว่าราชการกรุงเทพมหานคร".to_string(),
                "Governor of Bangkok".to_string()
            )
        );
        for prov in provinces::PROVINCES {
            let (th, en) = thai_governor_title(prov);
            assert!(th.starts_with("ผู้ว่าราชการ"));
            assert!(th.ends_with(prov.th));
            assert!(en.starts_with("Governor of "));
        }
    }

    #[test]
    fn titles_for_each_position() {
        let nk = provinces::lookup("Nong Khai").expect("Nong Khai");
        let title = |k: &str, p: &Province| lookup(k).expect(k).title_for(p);
        assert_eq!(title("governor", nk).1, "Governor of Nong Khai Province");
        assert_eq!(
            title("vice-governor", nk),
            (
                "รองผู้ว่าราชการจังหวัดหนองคาย".to_string(),
                "Vice Governor of Nong Khai Province".to_string()
            )
        );
        assert_eq!(
            title("vice-governor", provinces::bangkok()).0,
            "รองผู้ว่าราชการกรุงเทพมหานคร"
        );
        assert_eq!(
            title("deputy-permanent-secretary", nk).0,
            "รองปลัดกระทรวงมหาดไทย"
        );
        assert_eq!(title("mayor", nk).1, "Mayor");
    }

    #[test]
    fn suggestions() {
        let key = |s: &str| suggest(s).map(|p| p.key);
        assert_eq!(key("governer"), Some("governor"));
        assert_eq!(key("Vice Governor"), Some("vice-governor"));
        assert_eq!(key("vice_governor"), Some("vice-governor"));
        assert_eq!(key("ผู้ว่าราชการจังหวัด"), Some("governor"));
        assert_eq!(key("ผู้ว่าฯ"), Some("governor"));
        assert_eq!(key("ผู้ว่าราชการกรุงเทพมหานคร"), Some("governor"));
        assert_eq!(
            key("รองปลัดกระทรวงมหาดไทย"),
            Some("deputy-permanent-secretary")
        );
        assert_eq!(
            key("deputy permanent secretary"),
            Some("deputy-permanent-secretary")
        );
        assert_eq!(key("major"), Some("mayor"));
        assert_eq!(key("president"), None);
        assert_eq!(key(""), None);
    }
}
