//! The validated descriptor: what `schema` decodes a YAML node tree into.
//!
//! Decoding never stops at the first problem, so the model is partial: a
//! value that was missing or invalid is `None` (and a diagnostic says why).
//! Rules read this model; the document builder renders a missing value as a
//! dotted blank, which is also what `--allow-errors` shows.

use crate::date::Date;
use crate::descriptor::yaml::Pos;
use crate::document::{DocKind, Layout};
use crate::reference::countries::Country;
use crate::reference::fields::Field;
use crate::reference::languages::Language;
use crate::reference::positions::Position;
use crate::reference::provinces::Province;
use crate::reference::relationships::Relationship as RelationshipName;

/// A value with the position it was written at.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

/// A `{th: ..., en: ...}` text.
#[derive(Clone, Debug, PartialEq)]
pub struct Bilingual {
    pub th: At<String>,
    pub en: At<String>,
    pub pos: Pos,
}

/// A built-in key or a custom `{th, en}` text.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyOr<T: 'static> {
    Key(&'static T),
    Custom(Bilingual),
}

impl<T> KeyOr<T> {
    pub fn custom(&self) -> Option<&Bilingual> {
        match self {
            KeyOr::Custom(b) => Some(b),
            KeyOr::Key(_) => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    State,
    Province,
    Prefecture,
    Region,
    AutonomousRegion,
    SpecialAdministrativeRegion,
    Municipality,
    City,
    County,
    District,
    Other,
}

impl Unit {
    pub const ALL: [(&'static str, Unit); 11] = [
        ("state", Unit::State),
        ("province", Unit::Province),
        ("prefecture", Unit::Prefecture),
        ("region", Unit::Region),
        ("autonomous-region", Unit::AutonomousRegion),
        (
            "special-administrative-region",
            Unit::SpecialAdministrativeRegion,
        ),
        ("municipality", Unit::Municipality),
        ("city", Unit::City),
        ("county", Unit::County),
        ("district", Unit::District),
        ("other", Unit::Other),
    ];
    /// Units that are normally below the level of a Thai province.
    pub fn usually_below_province(self) -> bool {
        matches!(self, Unit::Municipality | Unit::County | Unit::District)
    }
    pub fn key(self) -> &'static str {
        Unit::ALL
            .iter()
            .find(|(_, u)| *u == self)
            .map(|(k, _)| *k)
            .unwrap_or("other")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    ProvinceEquivalent,
    BelowProvince,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    GovernorEquivalent,
    Lower,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ThaiSide {
    pub province: Option<At<&'static Province>>,
    pub signatory_name: Option<Bilingual>,
    pub position: Option<At<KeyOr<Position>>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    pub name: Option<Bilingual>,
    pub unit: Option<At<Unit>>,
    pub level: Option<At<Level>>,
    pub within: Option<Bilingual>,
    pub country: Option<At<&'static Country>>,
    /// The partner's language: given, or the country's default.
    pub language: Option<At<&'static Language>>,
    pub signatory_name: Option<Bilingual>,
    pub signatory_title: Option<Bilingual>,
    pub rank: Option<At<Rank>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MouTitle {
    MemorandumOfUnderstanding,
    MemorandumOfAgreement,
    Agreement,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Participants {
    Participants,
    TwoSides,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodUnit {
    Days,
    Months,
    Years,
}

/// "6 months", "90 days", "5 years".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub n: u32,
    pub unit: PeriodUnit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TerminationOption {
    Notice,
    FixedTerm,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Termination {
    pub option: Option<At<TerminationOption>>,
    pub notice_period: Option<At<Period>>,
    pub term: Option<At<Period>>,
    /// Position of the `termination:` mapping itself.
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MouSection {
    pub title: Option<At<MouTitle>>,
    pub participants: Option<At<Participants>>,
    pub termination: Option<Termination>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoiParties {
    BothCities,
    TheTwoCities,
    BothSides,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoiIntent {
    Will,
    Wish,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LoiSection {
    pub parties: Option<At<LoiParties>>,
    pub intent: Option<At<LoiIntent>>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Signing {
    pub place: Option<Bilingual>,
    pub date: Option<At<Date>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    pub layout: Layout,
    pub thai_digits: bool,
    /// Font named in the DOCX (default "TH SarabunPSK").
    pub docx_font: Option<String>,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            layout: Layout::Sequential,
            thai_digits: true,
            docx_font: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Descriptor {
    /// Validated `[a-z0-9-]+`, or `None` when neither `id` nor the file stem is usable.
    pub id: Option<String>,
    pub documents: Vec<DocKind>,
    pub relationship: Option<At<KeyOr<RelationshipName>>>,
    pub thai_side: ThaiSide,
    pub partner: Partner,
    pub fields: Vec<KeyOr<Field>>,
    /// LOI clause 2; `None` means "same as fields".
    pub explore: Option<Vec<KeyOr<Field>>>,
    pub mou: Option<MouSection>,
    pub loi: Option<LoiSection>,
    pub signing: Signing,
    pub output: Output,
    /// The optional `proposal:` section (the submission to the Ministry of
    /// Interior, `sisterdoc package`); `None` when absent.
    pub proposal: Option<Proposal>,
}

impl Descriptor {
    /// A descriptor with nothing known: every slot renders as a blank.
    pub fn empty() -> Descriptor {
        Descriptor {
            id: None,
            documents: vec![DocKind::Loi, DocKind::Mou],
            relationship: None,
            thai_side: ThaiSide {
                province: None,
                signatory_name: None,
                position: None,
            },
            partner: Partner {
                name: None,
                unit: None,
                level: None,
                within: None,
                country: None,
                language: None,
                signatory_name: None,
                signatory_title: None,
                rank: None,
            },
            fields: Vec::new(),
            explore: None,
            mou: None,
            loi: None,
            signing: Signing::default(),
            output: Output::default(),
            proposal: None,
        }
    }

    /// Every piece of free text the user wrote, with a label naming where it
    /// came from; the MFA-12 rule scans these.
    pub fn user_texts(&self) -> Vec<(&'static str, &Bilingual)> {
        let mut out: Vec<(&'static str, &Bilingual)> = Vec::new();
        if let Some(KeyOr::Custom(b)) = self.relationship.as_ref().map(|r| &r.value) {
            out.push(("relationship", b));
        }
        if let Some(KeyOr::Custom(b)) = self.thai_side.position.as_ref().map(|r| &r.value) {
            out.push(("thai_side.signatory.position", b));
        }
        for (label, b) in [
            ("partner.name", &self.partner.name),
            ("partner.within", &self.partner.within),
            ("partner.signatory.title", &self.partner.signatory_title),
            ("signing.place", &self.signing.place),
        ] {
            if let Some(b) = b {
                out.push((label, b));
            }
        }
        for f in self.fields.iter().chain(self.explore.iter().flatten()) {
            if let KeyOr::Custom(b) = f {
                out.push(("cooperation", b));
            }
        }
        out
    }
}

/// `proposal.letter`: the covering letter's heading and contact block.
/// Every value is optional when decoding; PROP-1 says what `package` needs.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ProposalLetter {
    /// "ที่": the registry prefix, e.g. "ชม ๐๐๑๗.๓/".
    pub number: Option<At<String>>,
    pub date: Option<At<Date>>,
    /// "เรียน": default ปลัดกระทรวงมหาดไทย.
    pub to: Option<At<String>>,
    /// The issuing office (ส่วนราชการเจ้าของเรื่อง).
    pub office: Option<At<String>>,
    pub address: Option<At<String>>,
    /// "อ้างถึง" (an extension of the contract): an earlier letter this one answers.
    pub reference: Option<At<String>>,
    pub contact: Option<Contact>,
    /// Position of the `letter:` mapping.
    pub pos: Option<Pos>,
}

/// The contact block at the foot of a letter.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Contact {
    pub unit: Option<At<String>>,
    pub phone: Option<At<String>>,
    /// "โทรสาร" (an extension of the contract).
    pub fax: Option<At<String>>,
    pub email: Option<At<String>>,
}

/// One activity of the action plan (guideline 7).
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    pub activity: Option<Bilingual>,
    /// Thai fiscal year as written (B.E. expected; PROP-3 reports CE years).
    pub fiscal_year: Option<At<i64>>,
    /// Baht, as written (PROP-1 reports negative amounts).
    pub budget: Option<At<i64>>,
    pub source: Option<At<String>>,
    pub responsible: Option<At<String>>,
    pub indicator: Option<Bilingual>,
    /// Position of the activity's mapping.
    pub pos: Pos,
}

/// The `proposal:` section.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub letter: ProposalLetter,
    pub reasons: Option<Bilingual>,
    pub partner_profile: Option<Bilingual>,
    /// The action plan, in the order written; empty when absent.
    pub plan: Vec<Activity>,
    /// Position of `plan:` when given.
    pub plan_pos: Option<Pos>,
    /// Position of the `proposal:` mapping.
    pub pos: Pos,
}

impl Proposal {
    /// Every text of the section with a label naming where it came from
    /// (DATA-GLYPH scans these: they are printed in the package's PDFs).
    pub fn texts(&self) -> Vec<(&'static str, &At<String>)> {
        let mut out: Vec<(&'static str, &At<String>)> = Vec::new();
        let l = &self.letter;
        for (label, t) in [
            ("proposal.letter.number", &l.number),
            ("proposal.letter.to", &l.to),
            ("proposal.letter.office", &l.office),
            ("proposal.letter.address", &l.address),
            ("proposal.letter.reference", &l.reference),
        ] {
            out.extend(t.iter().map(|t| (label, t)));
        }
        if let Some(c) = &l.contact {
            for (label, t) in [
                ("proposal.letter.contact.unit", &c.unit),
                ("proposal.letter.contact.phone", &c.phone),
                ("proposal.letter.contact.fax", &c.fax),
                ("proposal.letter.contact.email", &c.email),
            ] {
                out.extend(t.iter().map(|t| (label, t)));
            }
        }
        let bilingual = [
            ("proposal.reasons", &self.reasons),
            ("proposal.partner_profile", &self.partner_profile),
        ];
        for (label, b) in bilingual {
            if let Some(b) = b {
                out.push((label, &b.th));
                out.push((label, &b.en));
            }
        }
        for a in &self.plan {
            for (label, b) in [
                ("proposal.plan.activity", &a.activity),
                ("proposal.plan.indicator", &a.indicator),
            ] {
                if let Some(b) = b {
                    out.push((label, &b.th));
                    out.push((label, &b.en));
                }
            }
            for (label, t) in [
                ("proposal.plan.source", &a.source),
                ("proposal.plan.responsible", &a.responsible),
            ] {
                out.extend(t.iter().map(|t| (label, t)));
            }
        }
        out
    }
}
