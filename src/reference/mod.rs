//! Built-in reference data: Thai provinces, countries, languages, cooperation
//! fields, relationship names and Thai signatory positions.
//!
//! Every table is a `pub static` slice of plain structs with `&'static str`
//! fields, so it can be used without allocation or I/O. Each module offers a
//! strict `lookup` (what a descriptor may say) and a lenient `suggest` (the
//! closest known value, for "did you mean" hints in diagnostics).
//!
//! The two helpers here are shared by all tables: [`normalise_key`] defines
//! what "case- and whitespace-insensitive" means, and [`closest`] picks a
//! fuzzy match with a similarity threshold.

pub mod countries;
pub mod fields;
pub mod languages;
pub mod positions;
pub mod provinces;
pub mod relationships;

/// Minimum normalised Damerau-Levenshtein similarity (0.0-1.0) for
/// [`closest`] to accept a candidate. One edit in a six-letter word scores
/// 0.83, two edits in a ten-letter word 0.8, one edit in a three-letter word
/// only 0.67.
pub const SIMILARITY_THRESHOLD: f64 = 0.7;

/// Normalise a key for comparison: trim, collapse every run of internal
/// whitespace into one ASCII space, lowercase ASCII letters. Non-ASCII text
/// (Thai) is kept as it is; no Unicode normalisation is applied.
pub fn normalise_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for ch in word.chars() {
            out.push(ch.to_ascii_lowercase());
        }
    }
    out
}

/// The candidate closest to `input`, or `None` when nothing is reasonably
/// close. Both sides are compared after [`normalise_key`]; the score is the
/// normalised Damerau-Levenshtein similarity (so a swapped pair of letters
/// counts as one edit), ties are broken by Jaro-Winkler similarity and then by
/// the order of the candidates. A candidate must score at least
/// [`SIMILARITY_THRESHOLD`]; an empty input never matches.
pub fn closest<'a>(input: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let needle = normalise_key(input);
    if needle.is_empty() {
        return None;
    }
    let mut best: Option<(&'a str, f64, f64)> = None;
    for cand in candidates {
        let key = normalise_key(cand);
        if key.is_empty() {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(&needle, &key);
        if score < SIMILARITY_THRESHOLD {
            continue;
        }
        let tie = strsim::jaro_winkler(&needle, &key);
        let better = match best {
            None => true,
            Some((_, s, t)) => score > s || (score == s && tie > t),
        };
        if better {
            best = Some((cand, score, tie));
        }
    }
    best.map(|(cand, _, _)| cand)
}

/// Every key as close to `input` as the closest candidate: the same
/// normalised Damerau-Levenshtein similarity (at least
/// [`SIMILARITY_THRESHOLD`]), with no tie-breaking, each key once, in
/// candidate order. `candidates` are (name compared, key it stands for), so
/// a table whose entry has several names counts it once. One key: the input
/// can only have meant it (a fix may write it); several: a fix would guess.
pub fn closest_all<'a>(
    input: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<&'a str> {
    let needle = normalise_key(input);
    if needle.is_empty() {
        return Vec::new();
    }
    let mut best = SIMILARITY_THRESHOLD;
    let mut keys: Vec<&'a str> = Vec::new();
    for (name, key) in candidates {
        let name = normalise_key(name);
        if name.is_empty() {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(&needle, &name);
        if score > best + f64::EPSILON {
            best = score;
            keys.clear();
        }
        if (score - best).abs() <= f64::EPSILON && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Remove whitespace, hyphens, dots and apostrophes after [`normalise_key`],
/// so that "Chon Buri", "chonburi" and "Chon-Buri" compare equal.
pub(crate) fn compact_key(s: &str) -> String {
    normalise_key(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '\'' | '’' | '_'))
        .collect()
}

/// An entry of a small keyed table (fields, relationships, positions): a
/// descriptor key with a Thai and an English label.
pub trait Keyed: 'static {
    fn key(&self) -> &'static str;
    fn th(&self) -> &'static str;
    fn en(&self) -> &'static str;
}

/// The entry whose key is `key`, ignoring case and surrounding whitespace.
/// Labels are not keys (see [`suggest_in`]).
pub fn by_key<T: Keyed>(table: &'static [T], key: &str) -> Option<&'static T> {
    let key = normalise_key(key);
    table.iter().find(|e| e.key() == key)
}

/// The entry a user most likely meant, for "did you mean" hints: the key;
/// else an entry whose key or label matches once spaces, hyphens and
/// underscores are ignored, or for which `also(entry, compact input)` holds
/// (a table's own short forms); else the nearest key or label; `None` when
/// nothing is reasonably close.
pub fn suggest_in<T: Keyed>(
    table: &'static [T],
    input: &str,
    also: impl Fn(&T, &str) -> bool,
) -> Option<&'static T> {
    if let Some(found) = by_key(table, input) {
        return Some(found);
    }
    let normalised = normalise_key(input);
    let key = compact_key(&normalised);
    if key.is_empty() {
        return None;
    }
    let exact = table.iter().find(|e| {
        [e.key(), e.en(), e.th()]
            .iter()
            .any(|name| compact_key(name) == key)
            || also(e, &key)
    });
    if exact.is_some() {
        return exact;
    }
    let names = table.iter().flat_map(|e| [e.key(), e.en(), e.th()]);
    let best = closest(&normalised, names)?;
    table
        .iter()
        .find(|e| e.key() == best || e.en() == best || e.th() == best)
}

/// Implements [`Keyed`] for a table struct with `key`, `th` and `en` fields.
macro_rules! keyed {
    ($t:ty) => {
        impl $crate::reference::Keyed for $t {
            fn key(&self) -> &'static str {
                self.key
            }
            fn th(&self) -> &'static str {
                self.th
            }
            fn en(&self) -> &'static str {
                self.en
            }
        }
    };
}
pub(crate) use keyed;

#[cfg(test)]
mod closest_all_tests {
    use super::closest_all;

    #[test]
    fn one_key_or_every_tied_key() {
        let keys = ["state", "province", "city", "county"];
        let c = || keys.iter().map(|k| (*k, *k));
        assert_eq!(closest_all("provnce", c()), vec!["province"]);
        // "conty" is one edit from "county" and two from the others.
        assert_eq!(closest_all("conty", c()), vec!["county"]);
        // "cxty" is one edit from both "city" and ... nothing else: unique.
        assert_eq!(closest_all("cxty", c()), vec!["city"]);
        // Two keys equally close: both, no tie-breaking.
        let tied = ["date", "data"];
        assert_eq!(
            closest_all("dat", tied.iter().map(|k| (*k, *k))),
            vec!["date", "data"]
        );
        // Several names of one entry count once.
        let names = [("Japan", "JP"), ("Japon", "JP"), ("Jordan", "JO")];
        assert_eq!(closest_all("Jappan", names.into_iter()), vec!["JP"]);
        assert!(closest_all("zzzz", c()).is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_trims_collapses_and_lowercases() {
        assert_eq!(normalise_key("  Chiang \t  Mai \n"), "chiang mai");
        assert_eq!(normalise_key("CN"), "cn");
        assert_eq!(normalise_key(""), "");
        assert_eq!(normalise_key("   "), "");
        // Thai is kept; the non-breaking space is whitespace too.
        assert_eq!(normalise_key(" จังหวัด\u{a0}เชียงใหม่ "), "จังหวัด เชียงใหม่");
        // Only ASCII is lowercased.
        assert_eq!(normalise_key("TÜRKIYE"), "tÜrkiye");
    }

    #[test]
    fn compact_ignores_spaces_and_punctuation() {
        assert_eq!(compact_key("Chon Buri"), compact_key("chonburi"));
        assert_eq!(compact_key("Chon-Buri"), "chonburi");
        assert_eq!(compact_key("Côte d'Ivoire"), "côtedivoire");
    }

    #[test]
    fn closest_finds_typos() {
        let words = ["trade", "tourism", "investment", "education"];
        assert_eq!(closest("turism", words.iter().copied()), Some("tourism"));
        assert_eq!(closest("Tourism ", words.iter().copied()), Some("tourism"));
        assert_eq!(
            closest("investmnet", words.iter().copied()),
            Some("investment")
        );
        assert_eq!(
            closest("eduction", words.iter().copied()),
            Some("education")
        );
    }

    #[test]
    fn closest_prefers_fewer_edits() {
        let words = ["Chiang Rai", "Chiang Mai"];
        assert_eq!(
            closest("Chaing Mai", words.iter().copied()),
            Some("Chiang Mai")
        );
        assert_eq!(
            closest("chiang ria", words.iter().copied()),
            Some("Chiang Rai")
        );
    }

    #[test]
    fn closest_handles_thai() {
        let words = ["เชียงราย", "เชียงใหม่", "ลำพูน"];
        assert_eq!(closest("เชียงไหม่", words.iter().copied()), Some("เชียงใหม่"));
    }

    #[test]
    fn closest_rejects_distant_input() {
        let words = ["trade", "tourism", "investment"];
        assert_eq!(closest("banana", words.iter().copied()), None);
        assert_eq!(closest("", words.iter().copied()), None);
        assert_eq!(closest("   ", words.iter().copied()), None);
        assert_eq!(closest("x", words.iter().copied()), None);
        assert_eq!(closest("trade", std::iter::empty()), None);
    }

    /// Thai marks in the wrong order or doubled are typical OCR/typing damage
    /// (e.g. a tone mark typed before the upper vowel, "่ี" for "ี่").
    fn assert_well_formed_thai(s: &str) {
        let is_tone = |c: char| ('\u{0E48}'..='\u{0E4B}').contains(&c);
        let is_vowel_mark =
            |c: char| matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}');
        let is_mark =
            |c: char| is_tone(c) || is_vowel_mark(c) || matches!(c, '\u{0E4C}' | '\u{0E4D}');
        let chars: Vec<char> = s.chars().collect();
        if let Some(&first) = chars.first() {
            assert!(!is_mark(first), "{s:?} starts with a combining mark");
        }
        for pair in chars.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(
                !(is_tone(a) && is_vowel_mark(b)),
                "{s:?}: tone mark before vowel"
            );
            assert!(!(is_tone(a) && is_tone(b)), "{s:?}: two tone marks");
            assert!(
                !(is_vowel_mark(a) && is_vowel_mark(b)),
                "{s:?}: two vowel marks"
            );
            assert!(a != b || !is_mark(a), "{s:?}: doubled mark");
            assert!(
                !(a == '\u{0E40}' && b == '\u{0E40}'),
                "{s:?}: doubled sara e"
            );
        }
    }

    #[test]
    #[should_panic(expected = "two tone marks")]
    fn well_formed_check_catches_doubled_tone() {
        assert_well_formed_thai("ญี่่ปุ่น");
    }

    #[test]
    #[should_panic(expected = "tone mark before vowel")]
    fn well_formed_check_catches_misordered_marks() {
        assert_well_formed_thai("ญ\u{0E48}\u{0E35}ปุ่น");
    }

    #[test]
    fn all_thai_text_is_well_formed() {
        let mut texts: Vec<&str> = Vec::new();
        for p in provinces::PROVINCES {
            texts.push(p.th);
            texts.extend(p.aliases.iter().copied());
        }
        for c in countries::COUNTRIES {
            texts.extend([c.th, c.th_short]);
        }
        texts.extend(languages::LANGUAGES.iter().map(|l| l.th));
        texts.extend(fields::FIELDS.iter().map(|f| f.th));
        texts.extend(relationships::RELATIONSHIPS.iter().map(|r| r.th));
        texts.extend(positions::POSITIONS.iter().map(|p| p.th));
        texts.push(positions::BANGKOK_GOVERNOR.th);
        for text in texts {
            assert_well_formed_thai(text);
        }
    }

    #[test]
    fn closest_exact_match_wins() {
        let words = ["trades", "trade"];
        assert_eq!(closest("TRADE", words.iter().copied()), Some("trade"));
    }
}
