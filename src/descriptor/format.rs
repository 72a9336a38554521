//! The descriptor format, written once.
//!
//! `FIELDS` lists every key a descriptor may hold: its dotted path, the kind
//! of value, when it is required, its Thai and English label and help, the
//! example `sisterdoc new` writes and the hint given when it is missing.
//! Everything else that needs to know the format reads this table:
//!
//! - the decoder (`descriptor::decode`) takes the keys allowed in each mapping,
//!   the missing-key hints and the choice lists from here (a test decodes a
//!   complete descriptor and checks that the keys the decoder asks for are
//!   exactly the table's);
//! - `descriptor::json_schema` builds the JSON Schema from it;
//! - `descriptor::commented_yaml` writes descriptors (the `sisterdoc new`
//!   template and the web form's download) from it;
//! - the web form's steps and inputs (`form_json`) come from it.
//!
//! Adding an optional field is one entry here plus its decoding into the
//! model and its rendering.

use super::model::{
    Choice, DOCUMENTS, LAYOUTS, LEVELS, LOI_INTENTS, LOI_PARTIES, MOU_TITLES, NOTICE_UNITS,
    PARTICIPANTS, RANKS, TERMINATION_OPTIONS, TERM_UNITS, UNITS,
};
use crate::reference::{countries, fields, languages, positions, provinces, relationships};
use serde_json::{json, Value};

/// A Thai and an English text, usable in constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub th: &'static str,
    pub en: &'static str,
}

const fn t(th: &'static str, en: &'static str) -> Text {
    Text { th, en }
}

/// One allowed value with its labels, whatever enum it decodes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChoiceLabel {
    pub key: &'static str,
    pub th: &'static str,
    pub en: &'static str,
}

/// A fixed list of choices, seen without its model type.
pub trait ChoiceSet: Sync {
    fn labels(&self) -> Vec<ChoiceLabel>;
}

impl<T: Sync, const N: usize> ChoiceSet for [Choice<T>; N] {
    fn labels(&self) -> Vec<ChoiceLabel> {
        self.iter()
            .map(|c| ChoiceLabel {
                key: c.key,
                th: c.th,
                en: c.en,
            })
            .collect()
    }
}

/// A built-in reference table a value is looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Provinces,
    Countries,
    Languages,
    Relationships,
    Positions,
    CooperationFields,
}

impl Table {
    /// The table's entries as choices (the key is what a descriptor writes).
    pub fn labels(self) -> Vec<ChoiceLabel> {
        match self {
            Table::Provinces => provinces::PROVINCES
                .iter()
                .map(|p| ChoiceLabel {
                    key: p.en,
                    th: p.th,
                    en: p.en,
                })
                .collect(),
            Table::Countries => countries::COUNTRIES
                .iter()
                .map(|c| ChoiceLabel {
                    key: c.code,
                    th: c.th_short,
                    en: c.en_short,
                })
                .collect(),
            Table::Languages => languages::LANGUAGES
                .iter()
                .map(|l| ChoiceLabel {
                    key: l.code,
                    th: l.th,
                    en: l.en,
                })
                .collect(),
            Table::Relationships => relationships::RELATIONSHIPS
                .iter()
                .map(|r| ChoiceLabel {
                    key: r.key,
                    th: r.th,
                    en: r.en,
                })
                .collect(),
            Table::Positions => positions::POSITIONS
                .iter()
                .map(|p| ChoiceLabel {
                    key: p.key,
                    th: p.th,
                    en: p.en,
                })
                .collect(),
            Table::CooperationFields => fields::FIELDS
                .iter()
                .map(|f| ChoiceLabel {
                    key: f.key,
                    th: f.th,
                    en: f.en,
                })
                .collect(),
        }
    }
}

/// The kind of value a key holds.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A mapping of further keys (listed in the table under its path).
    Section,
    /// The format version, the integer 1.
    Version,
    /// `[a-z0-9-]+`, names output files.
    Id,
    /// One line of text.
    Text,
    /// `{th: ..., en: ...}`.
    Bilingual,
    /// One key of a fixed list.
    Choice(&'static dyn ChoiceSet),
    /// A list of keys of a fixed list.
    ChoiceList(&'static dyn ChoiceSet),
    /// A text looked up in a reference table (in Thai or English).
    Lookup(Table),
    /// A key of a reference table, or `{th, en}` for anything else.
    KeyOrBilingual(Table),
    /// A list of those.
    KeyOrBilingualList(Table),
    /// "<n> <unit>" with one of the units.
    Period(&'static dyn ChoiceSet),
    /// An ISO date.
    Date,
    /// true or false.
    Bool,
    /// A whole number (a YAML integer, or digits in a text, Thai digits and
    /// "," grouping allowed).
    WholeNumber,
    /// A list of mappings whose keys are listed under this path
    /// (`proposal.plan`: one mapping per activity).
    List,
}

impl Kind {
    /// The name the web form and the JSON description use.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Section => "section",
            Kind::Version => "version",
            Kind::Id => "id",
            Kind::Text => "text",
            Kind::Bilingual => "bilingual",
            Kind::Choice(_) => "choice",
            Kind::ChoiceList(_) => "choice_list",
            Kind::Lookup(_) => "lookup",
            Kind::KeyOrBilingual(_) => "key_or_bilingual",
            Kind::KeyOrBilingualList(_) => "key_or_bilingual_list",
            Kind::Period(_) => "period",
            Kind::Date => "date",
            Kind::Bool => "bool",
            Kind::WholeNumber => "whole_number",
            Kind::List => "list",
        }
    }

    /// The allowed keys, where the kind has a list of them.
    pub fn choices(&self) -> Vec<ChoiceLabel> {
        match self {
            Kind::Choice(c) | Kind::ChoiceList(c) | Kind::Period(c) => c.labels(),
            Kind::Lookup(t) | Kind::KeyOrBilingual(t) | Kind::KeyOrBilingualList(t) => t.labels(),
            _ => Vec::new(),
        }
    }
}

/// When a key must be present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
    /// Required when the list at `path` contains `value` (a missing list
    /// counts as its default, which contains every document).
    RequiredWhenListed {
        path: &'static str,
        value: &'static str,
    },
    /// Required when the sibling key `key` has the value `value`.
    RequiredWhenSibling {
        key: &'static str,
        value: &'static str,
    },
}

/// One key of the descriptor.
#[derive(Clone, Copy)]
pub struct Field {
    /// Dotted path from the top ("partner.signatory.rank").
    pub path: &'static str,
    pub kind: Kind,
    pub presence: Presence,
    pub label: Text,
    pub help: Text,
    /// The value `sisterdoc new` writes, as YAML source; "<...>" is a
    /// placeholder the user must replace. Empty for sections.
    pub example: &'static str,
    /// `new` writes the key commented out (an optional key shown as an example).
    pub commented_out: bool,
    /// The hint when a required key is missing.
    pub missing: Text,
}

impl Field {
    /// The last segment of the path: the key as written in its mapping.
    pub fn key(&self) -> &'static str {
        self.path.rsplit('.').next().unwrap_or(self.path)
    }
    /// The path of the mapping this key is in ("" at the top).
    pub fn parent(&self) -> &'static str {
        match self.path.rfind('.') {
            Some(i) => &self.path[..i],
            None => "",
        }
    }
    pub fn required(&self) -> bool {
        self.presence == Presence::Required
    }
}

const NONE: Text = t("", "");

/// Form steps: the sections of the descriptor in the order the standard
/// documents follow, with their labels.
pub const STEPS: &[(&str, Text, &[&str])] = &[
    ("thai_side", t("ฝ่ายไทย", "Thai side"), &["thai_side"]),
    (
        "partner",
        t("ฝ่ายต่างประเทศ", "Foreign partner"),
        &["partner"],
    ),
    (
        "relationship",
        t("ชื่อความสัมพันธ์", "Relationship"),
        &["relationship"],
    ),
    (
        "cooperation",
        t("สาขาความร่วมมือ", "Fields of cooperation"),
        &["cooperation"],
    ),
    (
        "documents",
        t("เอกสาร", "Documents"),
        &["documents", "mou", "loi"],
    ),
    ("signing", t("การลงนาม", "Signing"), &["signing"]),
    ("output", t("รูปแบบเอกสาร", "Output"), &["id", "output"]),
    (
        "proposal",
        t(
            "หนังสือเสนอกระทรวงมหาดไทย",
            "Proposal to the Ministry of Interior",
        ),
        &["proposal"],
    ),
];

/// Every key of format version 1, parents before their children, in the
/// order `sisterdoc new` writes them and "keys allowed here" lists them.
pub static FIELDS: &[Field] = &[
    Field {
        path: "version",
        kind: Kind::Version,
        presence: Presence::Required,
        label: t("รุ่นของรูปแบบไฟล์", "Format version"),
        help: NONE,
        example: "1",
        commented_out: false,
        missing: t(
            "เพิ่มบรรทัด “version: 1” ที่ต้นไฟล์",
            "add `version: 1` at the top",
        ),
    },
    Field {
        path: "id",
        kind: Kind::Id,
        presence: Presence::Optional,
        label: t("ชื่อไฟล์ผลลัพธ์", "Output file name"),
        help: t(
            "ใช้ได้เฉพาะ a-z 0-9 และ - ถ้าไม่ระบุ ใช้ชื่อไฟล์นี้",
            "a-z, 0-9 and - only; default: this file's name",
        ),
        example: "<province-partner>",
        commented_out: false,
        missing: NONE,
    },
    Field {
        path: "documents",
        kind: Kind::ChoiceList(&DOCUMENTS),
        presence: Presence::Optional,
        label: t("เอกสารที่ต้องการร่าง", "Documents to draft"),
        help: t(
            "loi = หนังสือแสดงเจตจำนง, mou = บันทึกความเข้าใจ (ถ้าไม่ระบุ ร่างทั้งสองฉบับ)",
            "loi = Letter of Intent, mou = Memorandum of Understanding (default: both)",
        ),
        example: "[loi, mou]",
        commented_out: false,
        missing: NONE,
    },
    Field {
        path: "relationship",
        kind: Kind::KeyOrBilingual(Table::Relationships),
        presence: Presence::Required,
        label: t("ชื่อเรียกความสัมพันธ์", "Name of the relationship"),
        help: t(
            "ชื่อตามแนวทางข้อ ๒ หรือชื่อที่ตกลงกันเป็นอย่างอื่น {th: ..., en: ...}",
            "a name allowed by guideline 2, or one agreed otherwise as {th: ..., en: ...}",
        ),
        example: "sister-cities",
        commented_out: false,
        missing: t(
            "เพิ่ม “relationship: sister-cities”",
            "add `relationship: sister-cities`",
        ),
    },
    Field {
        path: "thai_side",
        kind: Kind::Section,
        presence: Presence::Required,
        label: t("ฝ่ายไทย", "Thai side"),
        help: t(
            "จังหวัดและผู้ลงนามฝ่ายไทย",
            "the Thai province and its signatory",
        ),
        example: "",
        commented_out: false,
        missing: t(
            "เพิ่มหัวข้อ “thai_side:” (จังหวัดและผู้ลงนามฝ่ายไทย)",
            "add `thai_side:` (the Thai province and its signatory)",
        ),
    },
    Field {
        path: "thai_side.province",
        kind: Kind::Lookup(Table::Provinces),
        presence: Presence::Required,
        label: t("จังหวัด", "Province"),
        help: t(
            "จังหวัดของไทย เขียนภาษาไทยหรือภาษาอังกฤษก็ได้",
            "Thai province, in Thai or English",
        ),
        example: "<Chiang Mai>",
        commented_out: false,
        missing: t("เพิ่ม “province: เชียงใหม่”", "add `province: Chiang Mai`"),
    },
    Field {
        path: "thai_side.signatory",
        kind: Kind::Section,
        presence: Presence::Required,
        label: t("ผู้ลงนามฝ่ายไทย", "Thai signatory"),
        help: t(
            "ผู้ลงนามคือผู้ว่าราชการจังหวัด (แนวทางข้อ ๙)",
            "The provincial governor signs (guideline 9)",
        ),
        example: "",
        commented_out: false,
        missing: t(
            "เพิ่ม “signatory:” (ชื่อและตำแหน่งผู้ลงนามฝ่ายไทย)",
            "add `signatory:` with name and position",
        ),
    },
    Field {
        path: "thai_side.signatory.name",
        kind: Kind::Bilingual,
        presence: Presence::Required,
        label: t("ชื่อผู้ลงนามฝ่ายไทย", "Name of the Thai signatory"),
        help: t(
            "ชื่อผู้ว่าราชการจังหวัด ภาษาไทยและภาษาอังกฤษ",
            "the governor's name in Thai and English",
        ),
        example: "{th: <ชื่อผู้ว่าราชการจังหวัด>, en: <Governor's name>}",
        commented_out: false,
        missing: t(
            "เพิ่ม “name: {th: ..., en: ...}”",
            "add `name: {th: ..., en: ...}`",
        ),
    },
    Field {
        path: "thai_side.signatory.position",
        kind: Kind::KeyOrBilingual(Table::Positions),
        presence: Presence::Required,
        label: t("ตำแหน่งผู้ลงนามฝ่ายไทย", "Position of the Thai signatory"),
        help: t(
            "ปกติคือผู้ว่าราชการจังหวัด (governor)",
            "normally the provincial governor (governor)",
        ),
        example: "governor",
        commented_out: false,
        missing: t("เพิ่ม “position: governor”", "add `position: governor`"),
    },
    Field {
        path: "partner",
        kind: Kind::Section,
        presence: Presence::Required,
        label: t("ฝ่ายต่างประเทศ", "Foreign partner"),
        help: t(
            "หน่วยการปกครองของต่างประเทศที่จะสถาปนาความสัมพันธ์ด้วย",
            "the foreign unit of government",
        ),
        example: "",
        commented_out: false,
        missing: t(
            "เพิ่มหัวข้อ “partner:” (เมืองคู่ความสัมพันธ์)",
            "add `partner:` (the foreign partner)",
        ),
    },
    Field {
        path: "partner.name",
        kind: Kind::Bilingual,
        presence: Presence::Required,
        label: t("ชื่อเมืองคู่ความสัมพันธ์", "Partner's name"),
        help: t(
            "ชื่อหน่วยการปกครองของต่างประเทศ ภาษาไทยและภาษาอังกฤษ",
            "Name of the foreign unit, in Thai and English",
        ),
        example: "{th: <ชื่อภาษาไทย>, en: <English name>}",
        commented_out: false,
        missing: t(
            "เพิ่ม “name: {th: ..., en: ...}”",
            "add `name: {th: ..., en: ...}`",
        ),
    },
    Field {
        path: "partner.unit",
        kind: Kind::Choice(&UNITS),
        presence: Presence::Required,
        label: t("ประเภทหน่วยการปกครอง", "Kind of unit"),
        help: t(
            "เช่น รัฐ มณฑล จังหวัดของญี่ปุ่น เมือง",
            "for example state, province, prefecture, city",
        ),
        example: "province",
        commented_out: false,
        missing: t(
            "เพิ่ม “unit:” เช่น province หรือ city",
            "add `unit:`, e.g. province or city",
        ),
    },
    Field {
        path: "partner.level",
        kind: Kind::Choice(&LEVELS),
        presence: Presence::Required,
        label: t(
            "ระดับเมื่อเทียบกับจังหวัดของไทย",
            "Level compared with a Thai province",
        ),
        help: t(
            "ความสัมพันธ์ควรเป็นระดับที่เทียบเท่ากัน ระดับต่ำกว่าจังหวัดพิจารณาเป็นรายกรณี (แนวทางข้อ ๑)",
            "partners should be of the same level; below a province is case by case (guideline 1)",
        ),
        example: "province-equivalent",
        commented_out: false,
        missing: t(
            "เพิ่ม “level: province-equivalent”",
            "add `level: province-equivalent`",
        ),
    },
    Field {
        path: "partner.within",
        kind: Kind::Bilingual,
        presence: Presence::Optional,
        label: t("หน่วยการปกครองที่สังกัด", "Parent unit"),
        help: t(
            "ถ้ามี เช่น {th: มณฑลยูนนาน, en: Yunnan Province}",
            "optional, e.g. {th: มณฑลยูนนาน, en: Yunnan Province}",
        ),
        example: "{th: <มณฑล/รัฐ>, en: <Province/State>}",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "partner.country",
        kind: Kind::Lookup(Table::Countries),
        presence: Presence::Required,
        label: t("ประเทศ", "Country"),
        help: t(
            "รหัสประเทศ ISO 3166-1 สองตัวอักษร เช่น CN JP VN LA KR",
            "ISO 3166-1 alpha-2 country code, e.g. CN JP VN LA KR",
        ),
        example: "<CN>",
        commented_out: false,
        missing: t(
            "เพิ่ม “country:” ตามด้วยรหัสประเทศสองตัวอักษร เช่น CN",
            "add `country:`, a two-letter ISO code such as CN",
        ),
    },
    Field {
        path: "partner.language",
        kind: Kind::Lookup(Table::Languages),
        presence: Presence::Optional,
        label: t("ภาษาของฝ่ายต่างประเทศ", "Partner's language"),
        help: t(
            "ถ้าไม่ระบุ ใช้ภาษาหลักของประเทศ",
            "default: the country's main language",
        ),
        example: "zh",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "partner.signatory",
        kind: Kind::Section,
        presence: Presence::Required,
        label: t("ผู้ลงนามฝ่ายต่างประเทศ", "Partner's signatory"),
        help: t(
            "ชื่อ ตำแหน่ง และระดับของผู้ลงนามฝ่ายต่างประเทศ",
            "name, title and rank of the partner's signatory",
        ),
        example: "",
        commented_out: false,
        missing: t(
            "เพิ่ม “signatory:” (ชื่อ ตำแหน่ง และระดับของผู้ลงนามฝ่ายต่างประเทศ)",
            "add `signatory:` with name, title and rank",
        ),
    },
    Field {
        path: "partner.signatory.name",
        kind: Kind::Bilingual,
        presence: Presence::Required,
        label: t("ชื่อผู้ลงนามฝ่ายต่างประเทศ", "Name of the partner's signatory"),
        help: t("ภาษาไทยและภาษาอังกฤษ", "in Thai and English"),
        example: "{th: <ชื่อผู้ลงนามฝ่ายต่างประเทศ>, en: <Partner signatory's name>}",
        commented_out: false,
        missing: t(
            "เพิ่ม “name: {th: ..., en: ...}”",
            "add `name: {th: ..., en: ...}`",
        ),
    },
    Field {
        path: "partner.signatory.title",
        kind: Kind::Bilingual,
        presence: Presence::Required,
        label: t(
            "ตำแหน่งผู้ลงนามฝ่ายต่างประเทศ",
            "Title of the partner's signatory",
        ),
        help: t(
            "เช่น {th: ผู้ว่าการมณฑลยูนนาน, en: Governor of Yunnan Province}",
            "for example {th: ผู้ว่าการมณฑลยูนนาน, en: Governor of Yunnan Province}",
        ),
        example: "{th: <ตำแหน่งภาษาไทย>, en: <Title in English>}",
        commented_out: false,
        missing: t(
            "เพิ่ม “title: {th: ..., en: ...}”",
            "add `title: {th: ..., en: ...}`",
        ),
    },
    Field {
        path: "partner.signatory.rank",
        kind: Kind::Choice(&RANKS),
        presence: Presence::Required,
        label: t(
            "ระดับของผู้ลงนามฝ่ายต่างประเทศ",
            "Rank of the partner's signatory",
        ),
        help: t(
            "ผู้ลงนามควรมีระดับเทียบเท่าผู้ว่าราชการจังหวัด (แนวทางข้อ ๙)",
            "the signatory should be of a governor's rank (guideline 9)",
        ),
        example: "governor-equivalent",
        commented_out: false,
        missing: t(
            "เพิ่ม “rank: governor-equivalent”",
            "add `rank: governor-equivalent`",
        ),
    },
    Field {
        path: "cooperation",
        kind: Kind::Section,
        presence: Presence::Required,
        label: t("สาขาความร่วมมือ", "Fields of cooperation"),
        help: NONE,
        example: "",
        commented_out: false,
        missing: t(
            "เพิ่ม “cooperation: {fields: [trade, tourism]}”",
            "add `cooperation: {fields: [trade, tourism]}`",
        ),
    },
    Field {
        path: "cooperation.fields",
        kind: Kind::KeyOrBilingualList(Table::CooperationFields),
        presence: Presence::Required,
        label: t("สาขาความร่วมมือ", "Fields of cooperation"),
        help: t(
            "เลือกจากรายการ หรือเพิ่มสาขาของจังหวัดเอง {th: ..., en: ...}",
            "built-in fields, or the province's own as {th: ..., en: ...}",
        ),
        example: "[trade, tourism, education]",
        commented_out: false,
        missing: t(
            "เพิ่ม “fields: [trade, tourism]”",
            "add `fields: [trade, tourism]`",
        ),
    },
    Field {
        path: "cooperation.explore",
        kind: Kind::KeyOrBilingualList(Table::CooperationFields),
        presence: Presence::Optional,
        label: t("ด้านที่จะหาโอกาสร่วมมือ", "Fields to explore"),
        help: t(
            "หนังสือแสดงเจตจำนง ข้อ ๒ (ถ้าไม่ระบุ ใช้สาขาเดียวกับข้างบน)",
            "LOI clause 2 (default: the same as the fields)",
        ),
        example: "[culture, sports]",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "mou",
        kind: Kind::Section,
        presence: Presence::RequiredWhenListed {
            path: "documents",
            value: "mou",
        },
        label: t("บันทึกความเข้าใจ", "Memorandum of Understanding"),
        help: NONE,
        example: "",
        commented_out: false,
        missing: t(
            "ช่อง “เอกสารที่ต้องการร่าง” (documents) มี mou จึงต้องมีหัวข้อ “mou:”",
            "`documents` lists mou, so a `mou:` section is required",
        ),
    },
    Field {
        path: "mou.title",
        kind: Kind::Choice(&MOU_TITLES),
        presence: Presence::Required,
        label: t("ชื่อเอกสาร", "Title of the instrument"),
        help: t(
            "บันทึกความเข้าใจ บันทึกความตกลง หรือความตกลง",
            "Memorandum of Understanding, of Agreement, or Agreement",
        ),
        example: "memorandum-of-understanding",
        commented_out: false,
        missing: t(
            "เพิ่ม “title: memorandum-of-understanding”",
            "add `title: memorandum-of-understanding`",
        ),
    },
    Field {
        path: "mou.participants",
        kind: Kind::Choice(&PARTICIPANTS),
        presence: Presence::Required,
        label: t("คำเรียกคู่ภาคี", "How the two sides are called"),
        help: t(
            "ผู้เข้าร่วมทั้งสองฝ่าย (the Participants) หรือ ทั้งสองฝ่าย (the two sides)",
            "the Participants (ผู้เข้าร่วมทั้งสองฝ่าย) or the two sides (ทั้งสองฝ่าย)",
        ),
        example: "participants",
        commented_out: false,
        missing: t(
            "เพิ่ม “participants: participants”",
            "add `participants: participants`",
        ),
    },
    Field {
        path: "mou.termination",
        kind: Kind::Section,
        presence: Presence::Required,
        label: t("การสิ้นสุด", "Termination"),
        help: NONE,
        example: "",
        commented_out: false,
        missing: t(
            "เพิ่ม “termination: {option: notice, notice_period: 6 months}”",
            "add `termination: {option: notice, notice_period: 6 months}`",
        ),
    },
    Field {
        path: "mou.termination.option",
        kind: Kind::Choice(&TERMINATION_OPTIONS),
        presence: Presence::Required,
        label: t("ทางเลือกการสิ้นสุด", "Termination option"),
        help: t(
            "ทางเลือกที่ ๑ มีผลจนกว่าฝ่ายใดฝ่ายหนึ่งแจ้งบอกเลิก หรือทางเลือกที่ ๒ มีผลตามระยะเวลาที่กำหนด",
            "Option 1: until either side gives written notice; option 2: for a fixed term",
        ),
        example: "notice",
        commented_out: false,
        missing: t(
            "เพิ่ม “option: notice” หรือ “option: fixed-term”",
            "add `option: notice` or `option: fixed-term`",
        ),
    },
    Field {
        path: "mou.termination.notice_period",
        kind: Kind::Period(&NOTICE_UNITS),
        presence: Presence::RequiredWhenSibling {
            key: "option",
            value: "notice",
        },
        label: t("ระยะเวลาแจ้งล่วงหน้า", "Notice period"),
        help: t(
            "สำหรับทางเลือกที่ ๑ เช่น 6 months หรือ 90 days",
            "for option 1, e.g. 6 months or 90 days",
        ),
        example: "6 months",
        commented_out: false,
        missing: NONE,
    },
    Field {
        path: "mou.termination.term",
        kind: Kind::Period(&TERM_UNITS),
        presence: Presence::RequiredWhenSibling {
            key: "option",
            value: "fixed-term",
        },
        label: t("ระยะเวลาที่มีผล", "Term"),
        help: t("สำหรับทางเลือกที่ ๒ เช่น 5 years", "for option 2, e.g. 5 years"),
        example: "5 years",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "loi",
        kind: Kind::Section,
        presence: Presence::RequiredWhenListed {
            path: "documents",
            value: "loi",
        },
        label: t("หนังสือแสดงเจตจำนง", "Letter of Intent"),
        help: NONE,
        example: "",
        commented_out: false,
        missing: t(
            "ช่อง “เอกสารที่ต้องการร่าง” (documents) มี loi จึงต้องมีหัวข้อ “loi:”",
            "`documents` lists loi, so a `loi:` section is required",
        ),
    },
    Field {
        path: "loi.parties",
        kind: Kind::Choice(&LOI_PARTIES),
        presence: Presence::Required,
        label: t("คำเรียกคู่ภาคี", "How the parties are called"),
        help: t(
            "ทั้งสองเมือง เมืองทั้งสอง หรือ ทั้งสองฝ่าย",
            "both cities, the two cities, or both sides",
        ),
        example: "both-cities",
        commented_out: false,
        missing: t("เพิ่ม “parties: both-cities”", "add `parties: both-cities`"),
    },
    Field {
        path: "loi.intent",
        kind: Kind::Choice(&LOI_INTENTS),
        presence: Presence::Required,
        label: t("ถ้อยคำในข้อ ๔", "Wording of clause 4"),
        help: t("จะ หรือ ประสงค์ที่จะ", "will, or wish to"),
        example: "will",
        commented_out: false,
        missing: t(
            "เพิ่ม “intent: will” หรือ “intent: wish”",
            "add `intent: will` or `intent: wish`",
        ),
    },
    Field {
        path: "signing",
        kind: Kind::Section,
        presence: Presence::Optional,
        label: t("การลงนาม", "Signing"),
        help: t(
            "ไม่บังคับ: ถ้าไม่ระบุ ร่างจะเว้นเป็นเส้นประให้เขียนด้วยมือ",
            "Optional: leave out and the drafts print dotted lines to fill in by hand",
        ),
        example: "",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "signing.place",
        kind: Kind::Bilingual,
        presence: Presence::Optional,
        label: t("สถานที่ลงนาม", "Place of signing"),
        help: t("ภาษาไทยและภาษาอังกฤษ", "in Thai and English"),
        example: "{th: <สถานที่ลงนาม>, en: <Place of signing>}",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "signing.date",
        kind: Kind::Date,
        presence: Presence::Optional,
        label: t("วันที่ลงนาม", "Date of signing"),
        help: t(
            "ปี ค.ศ.-เดือน-วัน เช่น 2026-03-15 ฉบับภาษาไทยจะแสดงเป็น พ.ศ.",
            "YYYY-MM-DD, Common Era; the Thai text shows the Buddhist Era",
        ),
        example: "2026-03-15",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "output",
        kind: Kind::Section,
        presence: Presence::Optional,
        label: t("รูปแบบเอกสาร", "Output"),
        help: NONE,
        example: "",
        commented_out: false,
        missing: NONE,
    },
    Field {
        path: "output.layout",
        kind: Kind::Choice(&LAYOUTS),
        presence: Presence::Optional,
        label: t("การจัดหน้า", "Layout"),
        help: t(
            "ภาษาไทยทั้งฉบับแล้วภาษาอังกฤษ หรือสองภาษาคู่กัน",
            "Thai, then English, or the two side by side",
        ),
        example: "sequential",
        commented_out: false,
        missing: NONE,
    },
    Field {
        path: "output.thai_digits",
        kind: Kind::Bool,
        presence: Presence::Optional,
        label: t("ใช้เลขไทย", "Thai digits"),
        help: t(
            "ใช้เลขไทยในฉบับภาษาไทย ตามแบบหนังสือราชการ",
            "Thai digits in the Thai text, as official documents use",
        ),
        example: "true",
        commented_out: false,
        missing: NONE,
    },
    Field {
        path: "output.docx_font",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("แบบอักษรใน DOCX", "DOCX font"),
        help: t(
            "ชื่อแบบอักษรที่ระบุในไฟล์ DOCX (ถ้าไม่ระบุ ใช้ TH SarabunPSK)",
            "the font named in the DOCX (default TH SarabunPSK)",
        ),
        example: "TH Sarabun New",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal",
        kind: Kind::Section,
        presence: Presence::Optional,
        label: t("หนังสือเสนอกระทรวงมหาดไทย", "Proposal to the Ministry of Interior"),
        help: t(
            "สำหรับคำสั่ง sisterdoc package: หนังสือเสนอเรื่อง แผนปฏิบัติการและแผนงบประมาณ (แนวทางข้อ ๓ และ ๗)",
            "for `sisterdoc package`: the covering letter, action plan and budget (guidelines 3 and 7)",
        ),
        example: "",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter",
        kind: Kind::Section,
        presence: Presence::Optional,
        label: t("หนังสือเสนอเรื่อง", "Covering letter"),
        help: NONE,
        example: "",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.number",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("ที่ (เลขที่หนังสือ)", "Letter number (ที่)"),
        help: t(
            "รหัสหนังสือของจังหวัด ถ้าลงท้ายด้วย / เว้นเลขทะเบียนไว้ให้งานสารบรรณ",
            "the province's registry prefix; ending with / leaves the running number for the registry clerk",
        ),
        example: "<ชม ๐๐๑๗.๓/>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.date",
        kind: Kind::Date,
        presence: Presence::Optional,
        label: t("วันที่ของหนังสือ", "Date of the letter"),
        help: t(
            "ปี ค.ศ.-เดือน-วัน ถ้าไม่ระบุ เว้นเป็นเส้นประ",
            "YYYY-MM-DD, Common Era; a dotted line when missing",
        ),
        example: "2026-01-15",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.to",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("เรียน", "Addressee"),
        help: t("ถ้าไม่ระบุ ใช้ ปลัดกระทรวงมหาดไทย", "default ปลัดกระทรวงมหาดไทย"),
        example: "ปลัดกระทรวงมหาดไทย",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.office",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("ส่วนราชการเจ้าของหนังสือ", "Issuing office"),
        help: t("ต้องมีสำหรับ sisterdoc package (PROP-1)", "needed by `sisterdoc package` (PROP-1)"),
        example: "<สำนักงานจังหวัดเชียงใหม่>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.address",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("ที่ตั้งส่วนราชการ", "Office address"),
        help: NONE,
        example: "<ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ ๕๐๓๐๐>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.reference",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("อ้างถึง", "Reference"),
        help: t(
            "หนังสือที่อ้างถึง ถ้ามี (ส่วนขยายของรูปแบบ)",
            "an earlier letter this one answers, if any (an extension of the format)",
        ),
        example: "<หนังสือกระทรวงมหาดไทย ที่ มท ... ลงวันที่ ...>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.contact",
        kind: Kind::Section,
        presence: Presence::Optional,
        label: t("ส่วนราชการเจ้าของเรื่องและผู้ติดต่อ", "Contact block"),
        help: NONE,
        example: "",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.contact.unit",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("ส่วนราชการเจ้าของเรื่อง", "Unit in charge"),
        help: NONE,
        example: "<กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.contact.phone",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("โทร.", "Telephone"),
        help: NONE,
        example: "\"<๐ ๕๓๑๑ ๒๓๔๕>\"",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.contact.fax",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("โทรสาร", "Fax"),
        help: t("ส่วนขยายของรูปแบบ", "an extension of the format"),
        example: "\"<๐ ๕๓๑๑ ๒๓๔๖>\"",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.letter.contact.email",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("ไปรษณีย์อิเล็กทรอนิกส์", "E-mail"),
        help: NONE,
        example: "<foreign@province.go.th>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.reasons",
        kind: Kind::Bilingual,
        presence: Presence::Optional,
        label: t("เหตุผลในการเสนอ", "Reasons for the choice"),
        help: t(
            "สิ่งที่ทั้งสองฝ่ายมีร่วมกัน เช่น ภูมิประเทศ ประเพณี วัฒนธรรม การเป็นเมืองหลวงเก่าหรือเมืองท่า",
            "what the two share: geography, traditions, culture, a former capital, a port ...",
        ),
        example: "{th: <เหตุผล>, en: <Reasons>}",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.partner_profile",
        kind: Kind::Bilingual,
        presence: Presence::Optional,
        label: t("ข้อมูลพื้นฐานของเมืองคู่ความสัมพันธ์", "Partner profile"),
        help: t(
            "ประชากร พื้นที่ เศรษฐกิจ ความสัมพันธ์ที่มีอยู่",
            "population, area, economy, existing ties",
        ),
        example: "{th: <ข้อมูลพื้นฐาน>, en: <Profile>}",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.plan",
        kind: Kind::List,
        presence: Presence::Optional,
        label: t("แผนปฏิบัติการและแผนงบประมาณ", "Action plan and budget"),
        help: t(
            "อย่างน้อยหนึ่งกิจกรรม และควรมีกิจกรรมทุกปีงบประมาณ (แนวทางข้อ ๗ และ ๑๓)",
            "at least one activity, and one in every fiscal year (guidelines 7 and 13)",
        ),
        example: "",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.plan.activity",
        kind: Kind::Bilingual,
        presence: Presence::Optional,
        label: t("กิจกรรม", "Activity"),
        help: NONE,
        example: "{th: <การแลกเปลี่ยนการเยือนระดับผู้บริหาร>, en: <exchange of visits by executives>}",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.plan.fiscal_year",
        kind: Kind::WholeNumber,
        presence: Presence::Optional,
        label: t("ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)"),
        help: t(
            "ปีงบประมาณ พ.ศ. เช่น 2570 (PROP-3)",
            "the Thai fiscal year, B.E., e.g. 2570 (PROP-3)",
        ),
        example: "2570",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.plan.budget",
        kind: Kind::WholeNumber,
        presence: Presence::Optional,
        label: t("งบประมาณ (บาท)", "Budget (baht)"),
        help: t("จำนวนเต็ม ๐ ถ้าไม่ใช้งบประมาณ", "whole baht; 0 when none is needed"),
        example: "350000",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.plan.source",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("แหล่งงบประมาณ", "Source of funds"),
        help: NONE,
        example: "<งบประมาณจังหวัด>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.plan.responsible",
        kind: Kind::Text,
        presence: Presence::Optional,
        label: t("หน่วยงานรับผิดชอบ", "Responsible unit"),
        help: NONE,
        example: "<สำนักงานจังหวัดเชียงใหม่>",
        commented_out: true,
        missing: NONE,
    },
    Field {
        path: "proposal.plan.indicator",
        kind: Kind::Bilingual,
        presence: Presence::Optional,
        label: t("ตัวชี้วัด", "Indicator"),
        help: t(
            "ผลที่วัดได้ (แนวทางข้อ ๑๓, PROP-2)",
            "a measurable result (guideline 13, PROP-2)",
        ),
        example: "{th: <มีการเยือนอย่างน้อยปีละ ๑ ครั้ง>, en: <at least one visit a year>}",
        commented_out: true,
        missing: NONE,
    },
];

/// Keys that may be written with no value (`signing:` left empty while the
/// date and place are not known yet).
const BLANK_OK: &[&str] = &["signing", "signing.place", "signing.date"];

/// May the key at `path` be present with an empty value?
pub fn blank_ok(path: &str) -> bool {
    BLANK_OK.contains(&path)
}

/// A path without its list indices ("proposal.plan[2].budget" ->
/// "proposal.plan.budget"), as the table writes it.
pub fn without_indices(path: &str) -> std::borrow::Cow<'_, str> {
    if !path.contains('[') {
        return std::borrow::Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len());
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The table entry for a dotted path (list indices removed).
pub fn field(path: &str) -> Option<&'static Field> {
    let path = without_indices(path);
    FIELDS.iter().find(|f| f.path == path)
}

/// A message about the field at `path`, named (`field_name`) in each
/// language: `th` and `en` get the name and write the sentence around it.
pub fn field_msg(
    path: &str,
    th: impl FnOnce(&str) -> String,
    en: impl FnOnce(&str) -> String,
) -> crate::diagnostic::Msg {
    let (t, e) = field_name(path);
    crate::diagnostic::Msg::new(th(&t), en(&e))
}

/// How a message names the field at `path` for staff, in words rather than
/// YAML keys: the field's label from the table, the list item (counted from
/// one, in Thai digits in Thai) and, for one half of a `{th, en}` text, its
/// language. "cooperation.fields[2].en" gives ช่อง “สาขาความร่วมมือ”
/// รายการที่ ๓ (ภาษาอังกฤษ) / the field “Fields of cooperation”, item 3
/// (English). A path the table does not know is shown as written, quoted.
pub fn field_name(path: &str) -> (String, String) {
    let (base, lang) = match path
        .strip_suffix(".th")
        .map(|b| (b, Some(("ภาษาไทย", "Thai"))))
        .or_else(|| {
            path.strip_suffix(".en")
                .map(|b| (b, Some(("ภาษาอังกฤษ", "English"))))
        }) {
        Some((b, l)) if field(b).is_some() => (b, l),
        _ => (path, None),
    };
    let Some(f) = field(base) else {
        return (format!("“{path}”"), format!("`{path}`"));
    };
    let (mut th, mut en) = match f.kind {
        Kind::Section => (
            format!("หัวข้อ “{}”", f.label.th),
            format!("the section “{}”", f.label.en),
        ),
        _ => (
            format!("ช่อง “{}”", f.label.th),
            format!("the field “{}”", f.label.en),
        ),
    };
    // The first list index: on this field ("fields[2]") it is the item; on
    // a parent ("plan[1].budget") it says which entry of that list.
    if let (Some(open), Some(close)) = (base.find('['), base.find(']')) {
        if let Ok(i) = base[open + 1..close].parse::<usize>() {
            let n = (i + 1).to_string();
            let n_th = crate::thai::digits::to_thai_digits(&n);
            if close + 1 == base.len() {
                th.push_str(&format!(" รายการที่ {n_th}"));
                en.push_str(&format!(", item {n}"));
            } else if let Some(parent) = field(&base[..open]) {
                th.push_str(&format!(" ของรายการที่ {n_th} ใน “{}”", parent.label.th));
                en.push_str(&format!(" of entry {n} in “{}”", parent.label.en));
            }
        }
    }
    if let Some((l_th, l_en)) = lang {
        th.push_str(&format!(" ({l_th})"));
        en.push_str(&format!(" ({l_en})"));
    }
    (th, en)
}

/// The keys allowed directly in the mapping at `parent` ("" for the top),
/// in table order. A bilingual value's mapping allows `th` and `en`.
pub fn keys_in(parent: &str) -> Vec<&'static str> {
    match field(parent).map(|f| f.kind) {
        Some(Kind::Bilingual) | Some(Kind::KeyOrBilingual(_)) => return vec!["th", "en"],
        _ => {}
    }
    let parent = without_indices(parent);
    FIELDS
        .iter()
        .filter(|f| f.parent() == parent)
        .map(|f| f.key())
        .collect()
}

/// The form's definition for the web front end: steps, each with its
/// fields (sections left out; their children carry full paths), labels,
/// help and choices, all from `FIELDS`.
pub fn form_json() -> Value {
    let steps: Vec<Value> = STEPS
        .iter()
        .map(|(id, label, sections)| {
            let fields: Vec<Value> = FIELDS
                .iter()
                .filter(|f| !matches!(f.kind, Kind::Section | Kind::Version | Kind::List))
                .filter(|f| {
                    let top = f.path.split('.').next().unwrap_or("");
                    sections.contains(&top)
                })
                .map(field_json)
                .collect();
            json!({"id": id, "label": {"th": label.th, "en": label.en}, "fields": fields})
        })
        .collect();
    json!({ "version": 1, "steps": steps })
}

fn presence_name(p: Presence) -> String {
    match p {
        Presence::Required => "always".into(),
        Presence::Optional => "optional".into(),
        Presence::RequiredWhenListed { value, .. } => format!("with:{value}"),
        Presence::RequiredWhenSibling { key, value } => format!("when:{key}={value}"),
    }
}

fn field_json(f: &Field) -> Value {
    let choices: Vec<Value> = f
        .kind
        .choices()
        .iter()
        .map(|c| json!({"key": c.key, "th": c.th, "en": c.en}))
        .collect();
    // Where the page must show the section a field belongs to (`mou.title`
    // only matters when the MOU is drafted).
    let section = f.path.split('.').next().unwrap_or("");
    let mut v = json!({
        "path": f.path,
        "kind": f.kind.name(),
        "required": presence_name(f.presence),
        "label": {"th": f.label.th, "en": f.label.en},
        "help": {"th": f.help.th, "en": f.help.en},
        "section": section,
        "free_text": matches!(f.kind, Kind::KeyOrBilingual(_) | Kind::KeyOrBilingualList(_) | Kind::Lookup(Table::Provinces)),
    });
    if !choices.is_empty() {
        v["choices"] = Value::Array(choices);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_before_children_and_paths_are_unique() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert!(
                FIELDS[..i].iter().all(|g| g.path != f.path),
                "{} twice",
                f.path
            );
            if !f.parent().is_empty() {
                let p = FIELDS[..i].iter().find(|g| g.path == f.parent());
                assert!(
                    matches!(p.map(|p| p.kind), Some(Kind::Section | Kind::List)),
                    "{}: parent missing or not a section",
                    f.path
                );
            }
        }
    }

    #[test]
    fn required_keys_have_a_missing_hint_and_every_field_a_label() {
        for f in FIELDS {
            assert!(
                !f.label.th.is_empty() && !f.label.en.is_empty(),
                "{}",
                f.path
            );
            if f.presence != Presence::Optional
                && !matches!(f.presence, Presence::RequiredWhenSibling { .. })
            {
                assert!(!f.missing.en.is_empty(), "{} has no missing hint", f.path);
            }
        }
    }

    #[test]
    fn every_step_has_fields_and_every_field_a_step() {
        let form = form_json();
        let mut paths = Vec::new();
        for s in form["steps"].as_array().into_iter().flatten() {
            let fields = s["fields"].as_array().expect("fields");
            assert!(!fields.is_empty(), "{s}");
            paths.extend(
                fields
                    .iter()
                    .map(|f| f["path"].as_str().unwrap_or("").to_string()),
            );
        }
        for f in FIELDS {
            if !matches!(f.kind, Kind::Section | Kind::Version | Kind::List) {
                assert!(paths.iter().any(|p| p == f.path), "{} in no step", f.path);
            }
        }
    }
}
