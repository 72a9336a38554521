//! The validated descriptor: what `schema` decodes a YAML node tree into.
//!
//! Decoding never stops at the first problem, so the model is partial: a
//! value that was missing or invalid is `None` (and a diagnostic says why).
//! Rules read this model; the document builder renders a missing value as a
//! dotted blank, which is also what `--allow-errors` shows.

use crate::date::Date;
use crate::position::Pos;
use crate::reference::countries::Country;
use crate::reference::fields::Field;
use crate::reference::languages::Language;
use crate::reference::positions::Position;
use crate::reference::provinces::Province;
use crate::reference::relationships::RelationshipName;

/// Which standard draft this is, or which part of the submission to the
/// Ministry of Interior (`sisterdoc package`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    Loi,
    Mou,
    /// A document of the proposal package.
    Package(PackagePart),
}

/// The documents `sisterdoc package` writes besides the drafts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PackagePart {
    /// The covering letter to the Ministry of Interior (guideline 3).
    Letter,
    /// The action plan and budget (guideline 7).
    Plan,
    /// The partner profile and the reasons for the choice.
    Profile,
    /// What guidelines 3, 7 and 9 need, ticked from the descriptor.
    Checklist,
    /// The report of the signing to the Ministry of Interior (guideline 10).
    SigningReport,
}

impl PackagePart {
    pub const ALL: [PackagePart; 5] = [
        PackagePart::Letter,
        PackagePart::Plan,
        PackagePart::Profile,
        PackagePart::Checklist,
        PackagePart::SigningReport,
    ];
    pub fn code(self) -> &'static str {
        match self {
            PackagePart::Letter => "letter",
            PackagePart::Plan => "plan",
            PackagePart::Profile => "profile",
            PackagePart::Checklist => "checklist",
            PackagePart::SigningReport => "signing-report",
        }
    }
}

impl DocKind {
    pub fn code(self) -> &'static str {
        match self {
            DocKind::Loi => "loi",
            DocKind::Mou => "mou",
            DocKind::Package(p) => p.code(),
        }
    }
}

/// How the two language sections are placed on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// Thai text, page break, English text.
    #[default]
    Sequential,
    /// Thai left, English right, block beside block (paired by `key`).
    Parallel,
}

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
    /// The descriptor path it was read from ("cooperation.fields[2]"), so a
    /// rule can name the field in its message.
    pub path: String,
    /// Where the Thai and the English text are written in the source (byte
    /// ranges, quotes included), so a rule can offer a fix.
    pub bytes: [(usize, usize); 2],
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

/// One allowed value of a fixed-choice field: its key in the descriptor, its
/// Thai and English labels (for `sisterdoc new`, the JSON Schema and the web
/// form) and the model value it decodes to. Each list below is the one
/// definition of its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice<T: 'static> {
    pub key: &'static str,
    pub th: &'static str,
    pub en: &'static str,
    pub value: T,
}

const fn choice<T>(key: &'static str, th: &'static str, en: &'static str, value: T) -> Choice<T> {
    Choice { key, th, en, value }
}

/// The key of `value` in `choices` (every enum value is listed once).
pub fn key_of<T: PartialEq>(choices: &[Choice<T>], value: T) -> &'static str {
    choices
        .iter()
        .find(|c| c.value == value)
        .map(|c| c.key)
        .unwrap_or("")
}

pub const UNITS: [Choice<Unit>; 11] = [
    choice("state", "รัฐ", "state", Unit::State),
    choice("province", "มณฑล / จังหวัด", "province", Unit::Province),
    choice("prefecture", "จังหวัดของญี่ปุ่น", "prefecture", Unit::Prefecture),
    choice("region", "ภูมิภาค / แคว้น", "region", Unit::Region),
    choice(
        "autonomous-region",
        "เขตปกครองตนเอง",
        "autonomous region",
        Unit::AutonomousRegion,
    ),
    choice(
        "special-administrative-region",
        "เขตบริหารพิเศษ",
        "special administrative region",
        Unit::SpecialAdministrativeRegion,
    ),
    choice(
        "municipality",
        "เทศบาล / นครที่ขึ้นตรง",
        "municipality",
        Unit::Municipality,
    ),
    choice("city", "เมือง / นคร", "city", Unit::City),
    choice("county", "เทศมณฑล / อำเภอ", "county", Unit::County),
    choice("district", "เขต", "district", Unit::District),
    choice("other", "อื่น ๆ", "other", Unit::Other),
];

impl Unit {
    /// Units that are normally below the level of a Thai province.
    pub fn usually_below_province(self) -> bool {
        matches!(self, Unit::Municipality | Unit::County | Unit::District)
    }
    pub fn key(self) -> &'static str {
        key_of(&UNITS, self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    ProvinceEquivalent,
    BelowProvince,
}

pub const LEVELS: [Choice<Level>; 2] = [
    choice(
        "province-equivalent",
        "เทียบเท่าจังหวัด",
        "equivalent to a Thai province",
        Level::ProvinceEquivalent,
    ),
    choice(
        "below-province",
        "ต่ำกว่าระดับจังหวัด: พิจารณาเป็นรายกรณี",
        "below a Thai province (case by case)",
        Level::BelowProvince,
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    GovernorEquivalent,
    Lower,
}

pub const RANKS: [Choice<Rank>; 2] = [
    choice(
        "governor-equivalent",
        "เทียบเท่าผู้ว่าราชการจังหวัด",
        "equivalent to a provincial governor",
        Rank::GovernorEquivalent,
    ),
    choice(
        "lower",
        "ต่ำกว่าผู้ว่าราชการจังหวัด",
        "below a provincial governor",
        Rank::Lower,
    ),
];

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

pub const MOU_TITLES: [Choice<MouTitle>; 3] = [
    choice(
        "memorandum-of-understanding",
        "บันทึกความเข้าใจ",
        "Memorandum of Understanding",
        MouTitle::MemorandumOfUnderstanding,
    ),
    choice(
        "memorandum-of-agreement",
        "บันทึกความตกลง",
        "Memorandum of Agreement",
        MouTitle::MemorandumOfAgreement,
    ),
    choice("agreement", "ความตกลง", "Agreement", MouTitle::Agreement),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Participants {
    Participants,
    TwoSides,
}

pub const PARTICIPANTS: [Choice<Participants>; 2] = [
    choice(
        "participants",
        "ผู้เข้าร่วมทั้งสองฝ่าย",
        "the Participants",
        Participants::Participants,
    ),
    choice(
        "two-sides",
        "ทั้งสองฝ่าย",
        "the two sides",
        Participants::TwoSides,
    ),
];

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

pub const TERMINATION_OPTIONS: [Choice<TerminationOption>; 2] = [
    choice(
        "notice",
        "ทางเลือกที่ ๑: มีผลจนกว่าฝ่ายใดฝ่ายหนึ่งแจ้งบอกเลิก",
        "option 1: in effect until either side gives notice",
        TerminationOption::Notice,
    ),
    choice(
        "fixed-term",
        "ทางเลือกที่ ๒: มีผลตามระยะเวลาที่กำหนด",
        "option 2: in effect for a fixed term",
        TerminationOption::FixedTerm,
    ),
];

/// Units of a notice period (MOU option 1).
pub const NOTICE_UNITS: [Choice<PeriodUnit>; 2] = [
    choice("months", "เดือน", "months", PeriodUnit::Months),
    choice("days", "วัน", "days", PeriodUnit::Days),
];

/// Units of a fixed term (MOU option 2).
pub const TERM_UNITS: [Choice<PeriodUnit>; 1] = [choice("years", "ปี", "years", PeriodUnit::Years)];

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

pub const LOI_PARTIES: [Choice<LoiParties>; 3] = [
    choice(
        "both-cities",
        "ทั้งสองเมือง",
        "both cities",
        LoiParties::BothCities,
    ),
    choice(
        "the-two-cities",
        "เมืองทั้งสอง",
        "the two cities",
        LoiParties::TheTwoCities,
    ),
    choice(
        "both-sides",
        "ทั้งสองฝ่าย",
        "both sides",
        LoiParties::BothSides,
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoiIntent {
    Will,
    Wish,
}

pub const LOI_INTENTS: [Choice<LoiIntent>; 2] = [
    choice("will", "จะ", "will", LoiIntent::Will),
    choice("wish", "ประสงค์ที่จะ", "wish to", LoiIntent::Wish),
];

#[derive(Clone, Debug, PartialEq)]
pub struct LoiSection {
    pub parties: Option<At<LoiParties>>,
    pub intent: Option<At<LoiIntent>>,
}

/// The documents a descriptor can ask for (`documents:`).
pub const DOCUMENTS: [Choice<DocKind>; 2] = [
    choice("loi", "หนังสือแสดงเจตจำนง", "Letter of Intent", DocKind::Loi),
    choice(
        "mou",
        "บันทึกความเข้าใจ",
        "Memorandum of Understanding",
        DocKind::Mou,
    ),
];

/// `output.layout`.
pub const LAYOUTS: [Choice<Layout>; 2] = [
    choice(
        "sequential",
        "ภาษาไทยทั้งฉบับ แล้วภาษาอังกฤษ",
        "Thai text, then the English text",
        Layout::Sequential,
    ),
    choice(
        "parallel",
        "ภาษาไทยและภาษาอังกฤษคู่กันซ้ายขวา",
        "Thai and English side by side",
        Layout::Parallel,
    ),
];

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
    pub fn user_texts(&self) -> Vec<&Bilingual> {
        let mut out: Vec<&Bilingual> = Vec::new();
        if let Some(KeyOr::Custom(b)) = self.relationship.as_ref().map(|r| &r.value) {
            out.push(b);
        }
        if let Some(KeyOr::Custom(b)) = self.thai_side.position.as_ref().map(|r| &r.value) {
            out.push(b);
        }
        for b in [
            &self.partner.name,
            &self.partner.within,
            &self.partner.signatory_title,
            &self.signing.place,
        ]
        .into_iter()
        .flatten()
        {
            out.push(b);
        }
        for f in self.fields.iter().chain(self.explore.iter().flatten()) {
            if let KeyOr::Custom(b) = f {
                out.push(b);
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
