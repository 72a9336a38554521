//! Registry of existing sister-city relationships between Thai provinces and
//! foreign cities/provinces, built from the official lists in the seeds
//! (`data/pairs.yaml`, embedded at compile time; see `data/README.md`).
//!
//! The data is parsed and validated once, on first use. A parse or
//! validation error is a bug in the data file (the tests catch it) but is
//! still reported as [`RegistryError`], never a panic. Query functions that
//! return `Vec` return an empty list when the registry cannot be loaded; use
//! [`all`] to see the error.

mod format;
pub mod matching;
mod province;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use format::{format_csv, format_json, format_table, CSV_HEADER};
pub use matching::{
    normalise_english_name, normalise_name, normalise_thai_name, same_partner, PartnerName,
};

/// The registry data file, embedded.
pub const PAIRS_YAML: &str = include_str!("../../data/pairs.yaml");

/// The same data as JSON, converted at build time (`build.rs`): parsed at
/// start-up in a tenth of the time the YAML takes.
const PAIRS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pairs.json"));

/// Status of a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Established: listed in a table of signed pairs (or signed per the news).
    Signed,
    /// Under way: LoI signed, MOU being drafted, awaiting signature, proposed...
    InProgress,
}

impl Status {
    /// `signed` / `in-progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Signed => "signed",
            Status::InProgress => "in-progress",
        }
    }

    /// Thai label as used in the official tables.
    pub fn label_th(self) -> &'static str {
        match self {
            Status::Signed => "ลงนามแล้ว",
            Status::InProgress => "อยู่ระหว่างดำเนินการ",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Signed => "signed",
            Status::InProgress => "in progress",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = RegistryError;

    /// Accepts `signed`, `in-progress` (also `in_progress`, `inprogress`,
    /// `in progress`), case-insensitive, and the Thai labels.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect();
        match k.as_str() {
            "signed" | "ลงนามแล้ว" => Ok(Status::Signed),
            "inprogress" | "อยู่ระหว่างดำเนินการ" => {
                Ok(Status::InProgress)
            }
            _ => Err(RegistryError::Invalid(format!(
                "unknown status {s:?} (expected signed or in-progress)"
            ))),
        }
    }
}

/// The instrument signed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Instrument {
    /// Memorandum of understanding / agreement establishing the relationship.
    Mou,
    /// Letter of intent only.
    Loi,
    /// The sources do not say (or nothing is signed yet).
    Unknown,
}

impl Instrument {
    /// `mou` / `loi` / `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Instrument::Mou => "mou",
            Instrument::Loi => "loi",
            Instrument::Unknown => "unknown",
        }
    }
}

/// A Thai province, by its official Thai and English names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceName {
    /// Official Thai name without "จังหวัด", e.g. "เชียงใหม่".
    pub th: String,
    /// English name, e.g. "Chiang Mai".
    pub en: String,
}

/// A place in Thai and (optionally) English, e.g. the province a partner city lies in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceName {
    /// Thai name, e.g. "มณฑลยูนนาน".
    pub th: String,
    /// English name, e.g. "Yunnan".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// Where a relationship is listed: one row of one source table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Seed file name, e.g. "003_0460de8bb3f1298f.txt".
    pub file: String,
    /// Table id, e.g. "003-signed" (see [`SourceTable`]).
    pub table: String,
    /// 1-based position of the row in that table as printed.
    pub row: u32,
    /// The row's printed number or province/ordinal, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Year (B.E.) the row gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_be: Option<u16>,
    /// Exact date (ISO 8601) the row gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The row's remark, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// The partner cell (or quoted sentence) exactly as in the seed, OCR damage included.
    pub as_printed: String,
    /// The fields-of-cooperation cell exactly as in the seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields_as_printed: Option<String>,
}

/// One source table (or news text) and its row counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceTable {
    /// Table id, e.g. "004-signed".
    pub id: String,
    /// Seed file name.
    pub file: String,
    /// The table's caption, from the seed.
    pub title: String,
    /// `signed`, `in-progress` or `mixed`.
    pub status: String,
    /// Date the table describes, when known.
    #[serde(default)]
    pub as_of: Option<String>,
    /// Row count the seed states (e.g. "๘๖ คู่"), if it states one.
    pub stated_rows: Option<u32>,
    /// Rows actually printed in the seed.
    pub printed_rows: u32,
    /// Discrepancies and how rows are numbered.
    #[serde(default)]
    pub note: Option<String>,
}

/// One sister-city relationship (a Thai province and one foreign partner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// Stable slug, e.g. "chiang-mai--kunming".
    pub id: String,
    /// The Thai province.
    pub province: ProvinceName,
    /// The foreign partner.
    pub partner: PartnerName,
    /// The larger unit the partner lies in (e.g. มณฑลยูนนาน / Yunnan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_within: Option<PlaceName>,
    /// ISO 3166-1 alpha-2 code of the partner's country.
    pub country: String,
    /// Signed or in progress, per the most recent source.
    pub status: Status,
    /// Instrument signed so far.
    pub instrument: Instrument,
    /// Year (B.E.) as in the tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_be: Option<u16>,
    /// Exact signing date (ISO 8601) where a source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who signed, when it was not the province (e.g. "เทศบาลนครเชียงใหม่").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// The table's remark, OCR-corrected (e.g. "ลงนาม LoI แล้ว").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Fields of cooperation, Thai as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Discrepancies between sources and other provenance notes (English).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Every table row that lists this relationship.
    pub sources: Vec<Source>,
}

impl Relationship {
    /// True when a new governor-signed relationship with this partner would be
    /// an upgrade rather than a duplicate (guideline 9: the governor signs):
    /// the existing one was signed by a municipality or another non-province
    /// body, or only a letter of intent has been signed.
    pub fn is_upgrade_candidate(&self) -> bool {
        self.signed_by.is_some() || self.instrument == Instrument::Loi
    }

    /// True when `name` denotes this relationship's partner (see [`same_partner`]).
    pub fn matches_partner(&self, name: &PartnerName) -> bool {
        same_partner(&self.partner, name)
    }

    /// Partner for display: "นครคุนหมิง (Kunming)".
    pub fn partner_display(&self) -> String {
        match &self.partner.en {
            Some(en) => format!("{} ({})", self.partner.th, en),
            None => self.partner.th.clone(),
        }
    }

    /// Where each source lists it, e.g. "003-signed#20".
    pub fn source_refs(&self) -> Vec<String> {
        self.sources
            .iter()
            .map(|s| format!("{}#{}", s.table, s.row))
            .collect()
    }
}

/// The whole registry data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// Data format version.
    pub version: u32,
    /// The source tables and their row counts.
    pub tables: Vec<SourceTable>,
    /// The relationships.
    pub relationships: Vec<Relationship>,
}

/// Why the registry could not be loaded or a query could not be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryError {
    /// The data file is not valid YAML for the registry schema.
    Parse(String),
    /// The data file parsed but is inconsistent (duplicate id, bad code...), or a bad argument.
    Invalid(String),
    /// A province name that matches no known province.
    UnknownProvince(String),
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistryError::Parse(m) => write!(f, "registry data: cannot parse data/pairs.yaml: {m}"),
            RegistryError::Invalid(m) => write!(f, "registry data: {m}"),
            RegistryError::UnknownProvince(p) => write!(
                f,
                "unknown province {p:?} (give the Thai name, with or without จังหวัด, or the English name)"
            ),
        }
    }
}

impl std::error::Error for RegistryError {}

/// Parse and validate registry data (the embedded file or another one).
pub fn parse(text: &str) -> Result<Registry, RegistryError> {
    let reg: Registry =
        serde_saphyr::from_str(text).map_err(|e| RegistryError::Parse(e.to_string()))?;
    validate(&reg)?;
    Ok(reg)
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Check the invariants the rest of the code relies on.
pub fn validate(reg: &Registry) -> Result<(), RegistryError> {
    let bad = |m: String| Err(RegistryError::Invalid(m));
    let tables: HashMap<&str, &SourceTable> =
        reg.tables.iter().map(|t| (t.id.as_str(), t)).collect();
    if tables.len() != reg.tables.len() {
        return bad("duplicate table id".into());
    }
    let mut ids = HashSet::new();
    let mut rows = HashSet::new();
    for r in &reg.relationships {
        if !ids.insert(r.id.as_str()) {
            return bad(format!("duplicate id {}", r.id));
        }
        let c = r.country.as_bytes();
        if c.len() != 2 || !c.iter().all(u8::is_ascii_uppercase) {
            return bad(format!(
                "{}: country {:?} is not ISO 3166-1 alpha-2",
                r.id, r.country
            ));
        }
        if r.province.th.is_empty() || r.partner.th.is_empty() {
            return bad(format!("{}: empty province or partner name", r.id));
        }
        if let Some(d) = &r.date {
            if !is_iso_date(d) {
                return bad(format!("{}: date {d:?} is not YYYY-MM-DD", r.id));
            }
        }
        if r.sources.is_empty() {
            return bad(format!("{}: no source", r.id));
        }
        for s in &r.sources {
            let Some(t) = tables.get(s.table.as_str()) else {
                return bad(format!("{}: unknown table {}", r.id, s.table));
            };
            if t.file != s.file {
                return bad(format!(
                    "{}: source file {} is not table {}'s",
                    r.id, s.file, t.id
                ));
            }
            if s.row == 0 || s.row > t.printed_rows {
                return bad(format!("{}: {} row {} out of range", r.id, s.table, s.row));
            }
            if !rows.insert((s.table.as_str(), s.row)) {
                return bad(format!(
                    "{}: {} row {} is listed twice",
                    r.id, s.table, s.row
                ));
            }
        }
    }
    Ok(())
}

static REGISTRY: OnceLock<Result<Registry, RegistryError>> = OnceLock::new();

/// The embedded registry (from its build-time JSON), parsed and validated once.
fn parse_embedded() -> Result<Registry, RegistryError> {
    let reg: Registry =
        serde_json::from_str(PAIRS_JSON).map_err(|e| RegistryError::Parse(e.to_string()))?;
    validate(&reg)?;
    Ok(reg)
}

/// The embedded registry, parsed once.
pub fn registry() -> Result<&'static Registry, RegistryError> {
    REGISTRY
        .get_or_init(parse_embedded)
        .as_ref()
        .map_err(Clone::clone)
}

/// Every relationship, in data-file order (by province, then partner).
pub fn all() -> Result<&'static [Relationship], RegistryError> {
    registry().map(|r| r.relationships.as_slice())
}

/// The source tables with their stated and printed row counts.
pub fn tables() -> Result<&'static [SourceTable], RegistryError> {
    registry().map(|r| r.tables.as_slice())
}

/// Official Thai name of a province given in Thai (with or without
/// "จังหวัด") or English; `None` if unknown.
pub fn resolve_province(name: &str) -> Option<&'static str> {
    province::resolve_in(name, all().ok()?)
}

/// The relationships of a province (Thai or English name).
pub fn for_province(thai_or_english_province_name: &str) -> Vec<&'static Relationship> {
    match (resolve_province(thai_or_english_province_name), all()) {
        (Some(th), Ok(rels)) => rels.iter().filter(|r| r.province.th == th).collect(),
        _ => Vec::new(),
    }
}

/// The province's relationships with the same partner in `country`
/// (ISO alpha-2, case-insensitive). The partner matches by its Thai name,
/// English name or a recorded alias, after normalisation; never by substring.
pub fn find_pair(
    province_th: &str,
    partner_th: Option<&str>,
    partner_en: Option<&str>,
    country: &str,
) -> Vec<&'static Relationship> {
    let query = PartnerName::new(partner_th, partner_en);
    in_country(province_th, country)
        .into_iter()
        .filter(|r| r.matches_partner(&query))
        .collect()
}

/// The province's relationships in `country` (ISO alpha-2, case-insensitive).
pub fn in_country(province_th: &str, country: &str) -> Vec<&'static Relationship> {
    let country = country.trim();
    for_province(province_th)
        .into_iter()
        .filter(|r| r.country.eq_ignore_ascii_case(country))
        .collect()
}

/// Filter for listing relationships (the `pairs` command's options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Province, Thai or English name.
    pub province: Option<String>,
    /// ISO 3166-1 alpha-2 country code, case-insensitive.
    pub country: Option<String>,
    /// Status.
    pub status: Option<Status>,
}

impl Filter {
    /// The matching relationships, in data-file order. An unresolvable
    /// province name is an error rather than an empty list.
    pub fn apply(&self) -> Result<Vec<&'static Relationship>, RegistryError> {
        let rels = all()?;
        let province = match &self.province {
            Some(p) => {
                Some(resolve_province(p).ok_or_else(|| RegistryError::UnknownProvince(p.clone()))?)
            }
            None => None,
        };
        Ok(rels
            .iter()
            .filter(|r| province.is_none_or(|p| r.province.th == p))
            .filter(|r| {
                self.country
                    .as_deref()
                    .is_none_or(|c| r.country.eq_ignore_ascii_case(c.trim()))
            })
            .filter(|r| self.status.is_none_or(|s| r.status == s))
            .collect())
    }
}

/// Distinct official Thai names of the provinces that have relationships.
pub fn provinces() -> Vec<&'static str> {
    let set: BTreeSet<&'static str> = all()
        .map(|rels| rels.iter().map(|r| r.province.th.as_str()).collect())
        .unwrap_or_default();
    set.into_iter().collect()
}

#[cfg(test)]
mod build_time_json {
    #[test]
    fn is_the_yaml() {
        assert_eq!(super::parse_embedded(), super::parse(super::PAIRS_YAML));
        assert!(super::parse_embedded().is_ok());
    }
}
