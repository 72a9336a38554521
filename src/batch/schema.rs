//! The descriptor's JSON Schema (`sisterdoc schema`), for editors with a
//! YAML language server: completion and checking while a descriptor is typed.
//!
//! The descriptor is decoded by a hand-written pass (`descriptor::schema`)
//! that reports every problem at once, so its model types are not serde
//! types. These structs mirror the format (`shared/spec/descriptor.md` plus
//! `output.docx_font`) for schemars only; the keys of the built-in tables
//! (relationships, positions, fields, countries, units, languages,
//! provinces) come from the same tables the decoder uses. Tests
//! (`tests/build_schema.rs`) keep the mirror honest: every valid fixture
//! validates, an unknown key anywhere fails, and every value the schema
//! allows at each enumerated key is accepted by the decoder.
//!
//! The schema accepts keys in their canonical spelling (`trade`, `CN`); the
//! decoder is more forgiving (`Trade`, `cn`), so an editor may flag a value
//! that `sisterdoc check` accepts, never the reverse for keys.

#![allow(dead_code)] // The mirror structs are never built, only described.

use crate::descriptor::model::Unit;
use crate::reference::{countries, fields, languages, positions, provinces, relationships};
use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};

/// The JSON Schema of descriptor format version 1 (draft-07, which every
/// YAML language server reads), pretty-printed.
pub fn descriptor_schema() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<Descriptor>();
    let mut v = schema.to_value();
    strip_null(&mut v);
    // `signing` and its values may be left empty (`signing:` with nothing).
    for ptr in [
        "/properties/signing",
        "/definitions/Signing/properties/place",
        "/definitions/Signing/properties/date",
    ] {
        if let Some(s) = v.pointer_mut(ptr) {
            let inner = s.take();
            *s = json!({"anyOf": [inner, {"type": "null"}]});
        }
    }
    v
}

/// Removes the `null` that schemars allows for every `Option` field: the
/// decoder refuses an empty value except where `descriptor_schema` adds it back.
fn strip_null(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if let Some(Value::Array(types)) = o.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let t = types.remove(0);
                    o.insert("type".into(), t);
                }
            }
            if let Some(Value::Array(any)) = o.get_mut("anyOf") {
                any.retain(|s| s.get("type") != Some(&json!("null")));
                if any.len() == 1 {
                    let only = any.remove(0);
                    o.remove("anyOf");
                    if let Value::Object(inner) = only {
                        for (k, val) in inner {
                            o.entry(k).or_insert(val);
                        }
                    }
                }
            }
            for val in o.values_mut() {
                strip_null(val);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// A pairing descriptor, format version 1 / ไฟล์ข้อมูลการสถาปนาความสัมพันธ์ (รูปแบบรุ่น 1)
#[derive(JsonSchema)]
#[schemars(
    title = "sisterdoc pairing descriptor",
    deny_unknown_fields,
    transform = documents_need_sections,
    transform = |s: &mut Schema| optional(s, &["id"])
)]
struct Descriptor {
    /// Descriptor format version: 1
    #[schemars(schema_with = "version")]
    version: u32,
    /// Names the output files (default: the file name): a-z, 0-9 and -
    #[schemars(schema_with = "id")]
    id: Option<String>,
    /// The documents to draft (default [loi, mou]) / เอกสารที่ต้องการ
    #[schemars(length(min = 1))]
    documents: Option<Vec<DocumentKind>>,
    /// An MFA-2 relationship name, or {th, en} for a name agreed otherwise / ชื่อเรียกความสัมพันธ์
    #[schemars(schema_with = "relationship")]
    relationship: String,
    /// The Thai province and its signatory / ฝ่ายไทย
    thai_side: ThaiSide,
    /// The foreign partner / เมืองคู่ความสัมพันธ์
    partner: Partner,
    /// Fields of cooperation / สาขาความร่วมมือ
    cooperation: Cooperation,
    /// MOU settings (required when documents lists mou)
    mou: Option<Mou>,
    /// LOI settings (required when documents lists loi)
    loi: Option<Loi>,
    /// Signing place and date; dotted blanks are printed for what is missing
    signing: Option<Signing>,
    /// Presentation settings
    output: Option<OutputSettings>,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum DocumentKind {
    /// Letter of Intent / หนังสือแสดงเจตจำนง
    Loi,
    /// Memorandum of Understanding / บันทึกความเข้าใจ
    Mou,
}

/// A text in Thai and English / ข้อความภาษาไทยและภาษาอังกฤษ
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Bilingual {
    /// Thai / ภาษาไทย
    #[schemars(schema_with = "text")]
    th: String,
    /// English / ภาษาอังกฤษ
    #[schemars(schema_with = "text")]
    en: String,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ThaiSide {
    /// Thai province, in Thai or English (เชียงใหม่, Chiang Mai) / จังหวัด
    #[schemars(schema_with = "province")]
    province: String,
    signatory: ThaiSignatory,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ThaiSignatory {
    /// The signatory's name / ชื่อผู้ลงนาม
    name: Bilingual,
    /// governor (guideline 9), another built-in position, or {th, en} / ตำแหน่ง
    #[schemars(schema_with = "position")]
    position: String,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = |s: &mut Schema| optional(s, &["language"]))]
struct Partner {
    /// The partner's name / ชื่อเมืองคู่ความสัมพันธ์
    name: Bilingual,
    /// The kind of unit of government
    #[schemars(schema_with = "unit")]
    unit: String,
    /// Is the partner at the level of a Thai province? (MFA-1)
    level: Level,
    /// The parent unit, e.g. {en: Yunnan Province, th: มณฑลยูนนาน}
    within: Option<Bilingual>,
    /// ISO 3166-1 alpha-2 country code, upper case (CN, JP, ...) / รหัสประเทศ
    #[schemars(schema_with = "country")]
    country: String,
    /// BCP 47 code of the partner's language (default: from the country)
    #[schemars(schema_with = "language")]
    language: Option<String>,
    signatory: PartnerSignatory,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum Level {
    ProvinceEquivalent,
    BelowProvince,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct PartnerSignatory {
    /// The partner signatory's name
    name: Bilingual,
    /// The partner signatory's title
    title: Bilingual,
    /// Is the signatory of a governor's rank? (MFA-9)
    rank: Rank,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum Rank {
    GovernorEquivalent,
    Lower,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = |s: &mut Schema| optional(s, &["explore"]))]
struct Cooperation {
    /// Built-in field keys or {th, en} texts / สาขาความร่วมมือ
    #[schemars(schema_with = "field_list")]
    fields: Vec<String>,
    /// LOI clause 2 (default: the same as fields)
    #[schemars(schema_with = "field_list")]
    explore: Option<Vec<String>>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Mou {
    /// The instrument's title (MOU-TITLE)
    title: MouTitle,
    /// How the two sides are called
    participants: Participants,
    /// Termination clause (MOU-5)
    termination: Termination,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum MouTitle {
    MemorandumOfUnderstanding,
    MemorandumOfAgreement,
    Agreement,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum Participants {
    /// ผู้เข้าร่วมทั้งสองฝ่าย / the Participants
    Participants,
    /// ทั้งสองฝ่าย / the two sides
    TwoSides,
}

#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    transform = termination_needs_period,
    transform = |s: &mut Schema| optional(s, &["notice_period", "term"])
)]
struct Termination {
    /// notice = standard Option 1, fixed-term = standard Option 2
    option: TerminationOption,
    /// Required with notice: "<n> days" or "<n> months"
    #[schemars(schema_with = "notice_period")]
    notice_period: Option<String>,
    /// Required with fixed-term: "<n> years"
    #[schemars(schema_with = "term")]
    term: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum TerminationOption {
    Notice,
    FixedTerm,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Loi {
    /// How the parties are called
    parties: LoiParties,
    /// Clause 4: will (จะ) or wish (ประสงค์ที่จะ)
    intent: LoiIntent,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum LoiParties {
    /// ทั้งสองเมือง
    BothCities,
    /// เมืองทั้งสอง
    TheTwoCities,
    /// ทั้งสองฝ่าย
    BothSides,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum LoiIntent {
    Will,
    Wish,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = |s: &mut Schema| optional(s, &["date"]))]
struct Signing {
    /// Where the documents are signed
    place: Option<Bilingual>,
    /// ISO date in the Common Era, e.g. 2026-03-15 (the Thai text gets the Buddhist Era)
    #[schemars(schema_with = "date")]
    date: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = |s: &mut Schema| optional(s, &["docx_font"]))]
struct OutputSettings {
    /// sequential (Thai, page break, English) or parallel (side by side)
    layout: Option<Layout>,
    /// Thai digits (๐-๙) in the Thai text (default true)
    thai_digits: Option<bool>,
    /// The font named in the DOCX (default TH SarabunPSK)
    #[schemars(schema_with = "text")]
    docx_font: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
enum Layout {
    Sequential,
    Parallel,
}

// --- Hand-written parts -----------------------------------------------------

fn version(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"const": 1, "description": "Descriptor format version: 1"})
}

fn id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,99}$"})
}

/// One line of text that is not blank.
fn text(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "minLength": 1, "pattern": "\\S"})
}

fn key_or_bilingual(g: &mut SchemaGenerator, keys: Vec<&'static str>) -> Schema {
    let bilingual = g.subschema_for::<Bilingual>();
    json_schema!({"anyOf": [{"type": "string", "enum": keys}, bilingual]})
}

fn relationship(g: &mut SchemaGenerator) -> Schema {
    key_or_bilingual(
        g,
        relationships::RELATIONSHIPS.iter().map(|r| r.key).collect(),
    )
}

fn position(g: &mut SchemaGenerator) -> Schema {
    key_or_bilingual(g, positions::POSITIONS.iter().map(|p| p.key).collect())
}

fn field_list(g: &mut SchemaGenerator) -> Schema {
    let item = key_or_bilingual(g, fields::FIELDS.iter().map(|f| f.key).collect());
    json_schema!({"type": "array", "minItems": 1, "items": item})
}

fn unit(_: &mut SchemaGenerator) -> Schema {
    let keys: Vec<&str> = Unit::ALL.iter().map(|(k, _)| *k).collect();
    json_schema!({"type": "string", "enum": keys})
}

fn country(_: &mut SchemaGenerator) -> Schema {
    let codes: Vec<&str> = countries::COUNTRIES.iter().map(|c| c.code).collect();
    json_schema!({"type": "string", "enum": codes})
}

fn language(_: &mut SchemaGenerator) -> Schema {
    let codes: Vec<&str> = languages::LANGUAGES.iter().map(|l| l.code).collect();
    json_schema!({"type": "string", "pattern": "^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$", "examples": codes})
}

fn province(_: &mut SchemaGenerator) -> Schema {
    let mut names: Vec<&str> = provinces::PROVINCES.iter().map(|p| p.en).collect();
    names.extend(provinces::PROVINCES.iter().map(|p| p.th));
    json_schema!({"type": "string", "minLength": 1, "pattern": "\\S", "examples": names})
}

/// "<n> unit" for any of `units`, singular or plural, in any case, as the
/// decoder reads periods.
fn period_pattern(units: &[&str]) -> String {
    let alts: Vec<String> = units
        .iter()
        .map(|u| {
            let letters: String = u
                .chars()
                .map(|c| format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase()))
                .collect();
            letters + "[sS]?"
        })
        .collect();
    format!("^\\s*[0-9]+\\s+({})\\s*$", alts.join("|"))
}

fn notice_period(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "pattern": period_pattern(&["day", "month"]), "examples": ["6 months", "90 days"]})
}

fn term(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "pattern": period_pattern(&["year"]), "examples": ["5 years"]})
}

fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "examples": ["2026-03-15"]})
}

/// Fields whose schema is hand-written (`schema_with`) are taken as
/// required; these are optional (`Option` in the mirror).
fn optional(schema: &mut Schema, names: &[&str]) {
    if let Some(Value::Array(req)) = schema.get_mut("required") {
        req.retain(|r| !names.iter().any(|n| r == n));
    }
}

/// A listed document needs its section; without `documents`, both are listed.
fn documents_need_sections(schema: &mut Schema) {
    let rules: Vec<Value> = ["loi", "mou"]
        .iter()
        .map(|k| {
            json!({
                "if": {"properties": {"documents": {"contains": {"const": k}}}},
                "then": {"required": [k]},
            })
        })
        .collect();
    schema.insert("allOf".into(), Value::Array(rules));
}

/// notice needs notice_period; fixed-term needs term.
fn termination_needs_period(schema: &mut Schema) {
    schema.insert(
        "allOf".into(),
        json!([
            {"if": {"properties": {"option": {"const": "notice"}}}, "then": {"required": ["notice_period"]}},
            {"if": {"properties": {"option": {"const": "fixed-term"}}}, "then": {"required": ["term"]}},
        ]),
    );
}
