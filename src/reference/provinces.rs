//! The 76 provinces of Thailand plus Bangkok (กรุงเทพมหานคร), with their Thai
//! names, the official English spellings used by the Thai government (Royal
//! Institute / ISO 3166-2:TH romanisation, e.g. "Chon Buri", "Phra Nakhon Si
//! Ayutthaya") and common alternative romanisations as aliases.
//!
//! [`lookup`] resolves what a descriptor's `thai_side.province` may say;
//! [`suggest`] gives the closest province for a "did you mean" hint.
//! Matching ignores case, whitespace, hyphens and dots, so "Chonburi",
//! "chon buri" and "Chon-Buri" are the same key.

use super::{closest, compact_key, normalise_key};

/// One Thai province (จังหวัด), or Bangkok, which is a special local
/// administration and not a จังหวัด.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Province {
    /// Thai name without "จังหวัด": "เชียงใหม่", "กรุงเทพมหานคร".
    pub th: &'static str,
    /// Official English name without "Province": "Chiang Mai", "Bangkok".
    pub en: &'static str,
    /// Other accepted spellings (English romanisations and Thai short forms).
    pub aliases: &'static [&'static str],
}

impl Province {
    /// True for Bangkok (กรุงเทพมหานคร), which is never called a จังหวัด.
    pub fn is_bangkok(&self) -> bool {
        self.th == BANGKOK_TH
    }

    /// Formal Thai name: "จังหวัดเชียงใหม่"; Bangkok: "กรุงเทพมหานคร".
    pub fn th_formal(&self) -> String {
        if self.is_bangkok() {
            self.th.to_string()
        } else {
            format!("จังหวัด{}", self.th)
        }
    }

    /// Formal English name: "Chiang Mai Province"; Bangkok: "Bangkok".
    pub fn en_formal(&self) -> String {
        if self.is_bangkok() {
            self.en.to_string()
        } else {
            format!("{} Province", self.en)
        }
    }

    /// Every string that names this province by itself (Thai, English,
    /// aliases), in table order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        [self.th, self.en]
            .into_iter()
            .chain(self.aliases.iter().copied())
    }
}

const BANGKOK_TH: &str = "กรุงเทพมหานคร";

const fn p(th: &'static str, en: &'static str, aliases: &'static [&'static str]) -> Province {
    Province { th, en, aliases }
}

/// Bangkok and the 76 provinces, by region (Bangkok first).
pub static PROVINCES: &[Province] = &[
    p(
        BANGKOK_TH,
        "Bangkok",
        &[
            "กรุงเทพฯ",
            "กรุงเทพ",
            "กทม.",
            "Bangkok Metropolis",
            "Bangkok Metropolitan Administration",
            "Krung Thep",
            "Krung Thep Maha Nakhon",
        ],
    ),
    // Central
    p("สมุทรปราการ", "Samut Prakan", &["Samut Prakarn"]),
    p("นนทบุรี", "Nonthaburi", &[]),
    p("ปทุมธานี", "Pathum Thani", &[]),
    p(
        "พระนครศรีอยุธยา",
        "Phra Nakhon Si Ayutthaya",
        &["Ayutthaya", "Ayudhya", "Ayuthaya", "อยุธยา"],
    ),
    p("อ่างทอง", "Ang Thong", &[]),
    p("ลพบุรี", "Lop Buri", &["Lopburi"]),
    p("สิงห์บุรี", "Sing Buri", &["Singburi"]),
    p("ชัยนาท", "Chai Nat", &["Chainat"]),
    p("สระบุรี", "Saraburi", &[]),
    p("นครนายก", "Nakhon Nayok", &[]),
    p("สุพรรณบุรี", "Suphan Buri", &["Suphanburi"]),
    p("นครปฐม", "Nakhon Pathom", &[]),
    p("สมุทรสาคร", "Samut Sakhon", &[]),
    p("สมุทรสงคราม", "Samut Songkhram", &["Samut Songkram"]),
    // East
    p("ชลบุรี", "Chon Buri", &["Chonburi"]),
    p("ระยอง", "Rayong", &[]),
    p("จันทบุรี", "Chanthaburi", &["Chantaburi"]),
    p("ตราด", "Trat", &["Trad"]),
    p("ฉะเชิงเทรา", "Chachoengsao", &[]),
    p("ปราจีนบุรี", "Prachin Buri", &["Prachinburi"]),
    p(
        "สระแก้ว",
        "Sa Kaeo",
        &["Sakaeo", "Sa Kaew", "Sra Kaeo", "Srakaew"],
    ),
    // West
    p("ราชบุรี", "Ratchaburi", &["Rajburi"]),
    p("กาญจนบุรี", "Kanchanaburi", &["Kanjanaburi"]),
    p("เพชรบุรี", "Phetchaburi", &["Petchaburi", "Phetburi"]),
    p(
        "ประจวบคีรีขันธ์",
        "Prachuap Khiri Khan",
        &["Prachuap", "Prachuab Khiri Khan"],
    ),
    p("ตาก", "Tak", &[]),
    // North-east
    p(
        "นครราชสีมา",
        "Nakhon Ratchasima",
        &["Korat", "Khorat", "โคราช"],
    ),
    p("บุรีรัมย์", "Buri Ram", &["Buriram"]),
    p("สุรินทร์", "Surin", &[]),
    p("ศรีสะเกษ", "Si Sa Ket", &["Sisaket", "Srisaket"]),
    p(
        "อุบลราชธานี",
        "Ubon Ratchathani",
        &["Ubon", "Ubol Ratchathani"],
    ),
    p("ยโสธร", "Yasothon", &[]),
    p("ชัยภูมิ", "Chaiyaphum", &[]),
    p("อำนาจเจริญ", "Amnat Charoen", &[]),
    p("บึงกาฬ", "Bueng Kan", &["Buengkan", "Bung Kan", "Beung Kan"]),
    p(
        "หนองบัวลำภู",
        "Nong Bua Lam Phu",
        &["Nong Bua Lamphu", "Nongbua Lamphu"],
    ),
    p("ขอนแก่น", "Khon Kaen", &["Khonkaen"]),
    p("อุดรธานี", "Udon Thani", &["Udon", "Udorn", "Udorn Thani"]),
    p("เลย", "Loei", &[]),
    p("หนองคาย", "Nong Khai", &["Nongkhai"]),
    p("มหาสารคาม", "Maha Sarakham", &["Mahasarakham"]),
    p("ร้อยเอ็ด", "Roi Et", &["Roiet"]),
    p("กาฬสินธุ์", "Kalasin", &[]),
    p("สกลนคร", "Sakon Nakhon", &[]),
    p("นครพนม", "Nakhon Phanom", &[]),
    p("มุกดาหาร", "Mukdahan", &[]),
    // North
    p("เชียงใหม่", "Chiang Mai", &["Chiangmai"]),
    p("ลำพูน", "Lamphun", &[]),
    p("ลำปาง", "Lampang", &[]),
    p("อุตรดิตถ์", "Uttaradit", &[]),
    p("แพร่", "Phrae", &["Prae"]),
    p("น่าน", "Nan", &[]),
    p("พะเยา", "Phayao", &["Payao"]),
    p("เชียงราย", "Chiang Rai", &["Chiangrai"]),
    p("แม่ฮ่องสอน", "Mae Hong Son", &["Maehongson"]),
    p("นครสวรรค์", "Nakhon Sawan", &[]),
    p("อุทัยธานี", "Uthai Thani", &[]),
    p("กำแพงเพชร", "Kamphaeng Phet", &["Kampaeng Phet"]),
    p("สุโขทัย", "Sukhothai", &[]),
    p("พิษณุโลก", "Phitsanulok", &["Pitsanulok"]),
    p("พิจิตร", "Phichit", &["Pichit"]),
    p("เพชรบูรณ์", "Phetchabun", &["Petchabun"]),
    // South
    p("ชุมพร", "Chumphon", &["Chumporn"]),
    p("ระนอง", "Ranong", &[]),
    p("สุราษฎร์ธานี", "Surat Thani", &["Suratthani", "Surat"]),
    p("พังงา", "Phangnga", &["Phang Nga", "Pang Nga"]),
    p("ภูเก็ต", "Phuket", &[]),
    p("กระบี่", "Krabi", &[]),
    p(
        "นครศรีธรรมราช",
        "Nakhon Si Thammarat",
        &["Nakhon Sri Thammarat"],
    ),
    p("ตรัง", "Trang", &[]),
    p("พัทลุง", "Phatthalung", &["Patthalung", "Phattalung"]),
    p("สตูล", "Satun", &[]),
    p("สงขลา", "Songkhla", &["Songkla"]),
    p("ปัตตานี", "Pattani", &["Patani"]),
    p("ยะลา", "Yala", &[]),
    p("นราธิวาส", "Narathiwat", &[]),
];

/// Bangkok's table entry.
pub fn bangkok() -> &'static Province {
    &PROVINCES[0]
}

/// Strip "จังหวัด" / "จ." before and " province" after a normalised name.
fn strip_affixes(normalised: &str) -> &str {
    let mut s = normalised;
    for prefix in ["จังหวัด", "จ."] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
            break;
        }
    }
    if let Some(rest) = s.strip_suffix(" province") {
        s = rest.trim_end();
    }
    s
}

/// Find a province by its Thai name ("เชียงใหม่"), with "จังหวัด" or "จ."
/// before it (with or without a space), its English name ("Chiang Mai"), the
/// English name followed by "Province", or an alias ("Chonburi", "Korat",
/// "Ayutthaya"; Bangkok: "กรุงเทพฯ", "กรุงเทพ", "Bangkok Metropolis",
/// "Bangkok Metropolitan Administration"). Case, whitespace, hyphens and dots
/// are ignored. Partial names ("Chiang") do not match.
pub fn lookup(name: &str) -> Option<&'static Province> {
    let normalised = normalise_key(name);
    let key = compact_key(strip_affixes(&normalised));
    if key.is_empty() {
        return None;
    }
    by_key().get(&key).copied()
}

/// Every province by each of its names' compact keys (the first province
/// with a key keeps it, as a scan in table order would find it): the check
/// looks a province up several times per descriptor, and compacting the
/// ~300 names again for each lookup was 1% of a DOCX batch.
fn by_key() -> &'static std::collections::HashMap<String, &'static Province> {
    static INDEX: std::sync::LazyLock<std::collections::HashMap<String, &'static Province>> =
        std::sync::LazyLock::new(|| {
            let mut index = std::collections::HashMap::new();
            for p in PROVINCES.iter() {
                for k in p.keys() {
                    index.entry(compact_key(k)).or_insert(p);
                }
            }
            index
        });
    &INDEX
}

/// The province whose name is closest to `name` (an exact [`lookup`] match
/// first), or `None` when nothing is reasonably close. For hints only.
pub fn suggest(name: &str) -> Option<&'static Province> {
    if let Some(found) = lookup(name) {
        return Some(found);
    }
    let normalised = normalise_key(name);
    let stripped = strip_affixes(&normalised);
    let best = closest(stripped, PROVINCES.iter().flat_map(|p| p.keys()))?;
    PROVINCES.iter().find(|p| p.keys().any(|k| k == best))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The index finds what a scan of the table in order finds, for every
    /// name of every province and some near misses.
    #[test]
    fn index_agrees_with_a_scan() {
        let scan = |name: &str| {
            let key = compact_key(strip_affixes(&normalise_key(name)));
            PROVINCES
                .iter()
                .find(|p| !key.is_empty() && p.keys().any(|k| compact_key(k) == key))
        };
        for p in PROVINCES.iter() {
            for k in p.keys() {
                for name in [
                    k.to_string(),
                    format!(" {k} "),
                    k.to_uppercase(),
                    format!("จังหวัด{k}"),
                    format!("{k} Province"),
                    k.chars().skip(1).collect(),
                ] {
                    let (a, b) = (lookup(&name), scan(&name));
                    assert_eq!(a.map(|p| p.th), b.map(|p| p.th), "{name:?}");
                }
            }
        }
    }

    #[test]
    fn there_are_77_entries() {
        assert_eq!(PROVINCES.len(), 77);
        assert_eq!(PROVINCES.iter().filter(|p| p.is_bangkok()).count(), 1);
        assert!(bangkok().is_bangkok());
    }

    #[test]
    fn every_province_resolves_from_every_form() {
        for prov in PROVINCES {
            let forms = [
                prov.th.to_string(),
                format!("จังหวัด{}", prov.th),
                format!("จังหวัด {}", prov.th),
                format!("จ.{}", prov.th),
                prov.en.to_string(),
                format!("{} Province", prov.en),
                format!("  {}  province ", prov.en.to_uppercase()),
                prov.en.to_lowercase(),
                prov.th_formal(),
                prov.en_formal(),
            ];
            for form in &forms {
                assert_eq!(lookup(form), Some(prov), "{form:?} should be {}", prov.en);
            }
            for alias in prov.aliases {
                assert_eq!(lookup(alias), Some(prov), "alias {alias:?}");
            }
        }
    }

    #[test]
    fn no_two_provinces_share_a_lookup_key() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for prov in PROVINCES {
            let mut own: Vec<String> = prov.keys().map(compact_key).collect();
            own.sort();
            own.dedup();
            for key in own {
                assert!(!key.is_empty(), "{} has an empty key", prov.en);
                if let Some(other) = seen.insert(key.clone(), prov.en) {
                    panic!("key {key:?} names both {other} and {}", prov.en);
                }
            }
        }
    }

    #[test]
    fn names_are_unique_and_clean() {
        let mut th: Vec<&str> = PROVINCES.iter().map(|p| p.th).collect();
        th.sort();
        th.dedup();
        assert_eq!(th.len(), 77);
        for prov in PROVINCES {
            assert_eq!(prov.th.trim(), prov.th);
            assert!(!prov.th.starts_with("จังหวัด"));
            assert!(!prov.th.contains(' '), "{}", prov.th);
            assert!(prov
                .th
                .chars()
                .all(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c)));
            assert_eq!(prov.en.trim(), prov.en);
            assert!(prov.en.chars().all(|c| c.is_ascii_alphabetic() || c == ' '));
            assert!(!prov.en.ends_with("Province"));
        }
    }

    #[test]
    fn exact_thai_spellings() {
        for (th, en) in [
            ("นครศรีธรรมราช", "Nakhon Si Thammarat"),
            ("พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya"),
            ("อุบลราชธานี", "Ubon Ratchathani"),
            ("กาฬสินธุ์", "Kalasin"),
            ("ประจวบคีรีขันธ์", "Prachuap Khiri Khan"),
            ("บึงกาฬ", "Bueng Kan"),
            ("หนองคาย", "Nong Khai"),
            ("ชลบุรี", "Chon Buri"),
            ("สุราษฎร์ธานี", "Surat Thani"),
            ("อุตรดิตถ์", "Uttaradit"),
            ("ร้อยเอ็ด", "Roi Et"),
            ("แม่ฮ่องสอน", "Mae Hong Son"),
            ("หนองบัวลำภู", "Nong Bua Lam Phu"),
            ("ศรีสะเกษ", "Si Sa Ket"),
        ] {
            assert_eq!(lookup(th).map(|p| p.en), Some(en));
        }
    }

    #[test]
    fn aliases_and_spacing_variants() {
        let cases = [
            ("Chonburi", "Chon Buri"),
            ("Korat", "Nakhon Ratchasima"),
            ("KHORAT", "Nakhon Ratchasima"),
            ("Ayutthaya", "Phra Nakhon Si Ayutthaya"),
            ("ayutthaya province", "Phra Nakhon Si Ayutthaya"),
            ("Buriram", "Buri Ram"),
            ("Sisaket", "Si Sa Ket"),
            ("Phang Nga", "Phangnga"),
            ("chiang-mai", "Chiang Mai"),
            ("Chiangmai Province", "Chiang Mai"),
            ("Nongkhai", "Nong Khai"),
        ];
        for (input, en) in cases {
            assert_eq!(lookup(input).map(|p| p.en), Some(en), "{input}");
        }
    }

    #[test]
    fn bangkok_variants() {
        for input in [
            "กรุงเทพมหานคร",
            "กรุงเทพฯ",
            "กรุงเทพ",
            " กรุงเทพฯ ",
            "กทม.",
            "Bangkok",
            "bangkok",
            "Bangkok Metropolis",
            "Bangkok Metropolitan Administration",
            "bangkok metropolitan  administration",
            "Krung Thep Maha Nakhon",
        ] {
            let found = lookup(input).unwrap_or_else(|| panic!("{input:?}"));
            assert!(found.is_bangkok(), "{input:?}");
        }
        let bkk = bangkok();
        assert_eq!(bkk.th_formal(), "กรุงเทพมหานคร");
        assert_eq!(bkk.en_formal(), "Bangkok");
    }

    #[test]
    fn formal_names() {
        let cm = lookup("Chiang Mai").expect("Chiang Mai");
        assert_eq!(cm.th_formal(), "จังหวัดเชียงใหม่");
        assert_eq!(cm.en_formal(), "Chiang Mai Province");
        assert!(!cm.is_bangkok());
    }

    #[test]
    fn non_matches() {
        for input in [
            "",
            "   ",
            "จังหวัด",
            "Province",
            "Chiang",
            "เชียง",
            "Mai",
            "Kunming",
            "Chiang Mai City",
            "Yunnan",
        ] {
            assert_eq!(lookup(input), None, "{input:?}");
        }
    }

    #[test]
    fn suggestions() {
        let en = |s: &str| suggest(s).map(|p| p.en);
        assert_eq!(en("Chaing Mai"), Some("Chiang Mai"));
        assert_eq!(en("เชียงไหม่"), Some("Chiang Mai"));
        assert_eq!(en("จังหวัดเชียงไหม่"), Some("Chiang Mai"));
        assert_eq!(en("Chiang Mai"), Some("Chiang Mai"));
        assert_eq!(en("Nakorn Ratchasima"), Some("Nakhon Ratchasima"));
        assert_eq!(en("Nong Kai"), Some("Nong Khai"));
        assert_eq!(en("Ubon Ratchatani Province"), Some("Ubon Ratchathani"));
        assert_eq!(en("Bangkock"), Some("Bangkok"));
        assert_eq!(en("Kunming"), None);
        assert_eq!(en(""), None);
    }
}
