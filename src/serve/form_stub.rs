//! TEMPORARY stand-in for `sisterdoc::descriptor::format::form_json()` (the
//! one definition of the descriptor's fields, being written in the library):
//! the same shape, so the page and `form_state` work against it unchanged.
//! Choices come from the library's built-in tables. Remove once the library
//! module lands.

use serde_json::{json, Value};
use sisterdoc::reference::{countries, fields, languages, positions, provinces, relationships};

fn lbl(th: &str, en: &str) -> Value {
    json!({"th": th, "en": en})
}

fn ch(key: &str, th: &str, en: &str) -> Value {
    json!({"key": key, "th": th, "en": en})
}

#[allow(clippy::too_many_arguments)]
fn field(
    path: &str,
    kind: &str,
    required: &str,
    th: &str,
    en: &str,
    help_th: &str,
    help_en: &str,
    choices: Vec<Value>,
) -> Value {
    let mut f = json!({
        "path": path, "kind": kind, "required": required,
        "label": lbl(th, en), "help": lbl(help_th, help_en),
    });
    if !choices.is_empty() {
        f["choices"] = Value::Array(choices);
    }
    f
}

pub fn form_json() -> Value {
    let provinces: Vec<Value> = provinces::PROVINCES
        .iter()
        .map(|p| ch(p.en, p.th, p.en))
        .collect();
    let countries: Vec<Value> = countries::COUNTRIES
        .iter()
        .map(|c| ch(c.code, c.th_short, c.en_short))
        .collect();
    let languages: Vec<Value> = languages::LANGUAGES
        .iter()
        .map(|l| ch(l.code, l.th, l.en))
        .collect();
    let positions: Vec<Value> = positions::POSITIONS
        .iter()
        .map(|p| ch(p.key, p.th, p.en))
        .collect();
    let rels: Vec<Value> = relationships::RELATIONSHIPS
        .iter()
        .map(|r| ch(r.key, r.th, r.en))
        .collect();
    let coop: Vec<Value> = fields::FIELDS
        .iter()
        .map(|f| ch(f.key, f.th, f.en))
        .collect();
    let units = vec![
        ch("state", "รัฐ", "state"),
        ch("province", "มณฑล/จังหวัด", "province"),
        ch("prefecture", "จังหวัด (ญี่ปุ่น)", "prefecture"),
        ch("region", "ภูมิภาค", "region"),
        ch("autonomous-region", "เขตปกครองตนเอง", "autonomous region"),
        ch(
            "special-administrative-region",
            "เขตบริหารพิเศษ",
            "special administrative region",
        ),
        ch("municipality", "เทศบาล", "municipality"),
        ch("city", "นคร/เมือง", "city"),
        ch("county", "อำเภอ/เทศมณฑล", "county"),
        ch("district", "เขต", "district"),
        ch("other", "อื่น ๆ", "other"),
    ];
    let mut country_field = field(
        "partner.country",
        "choice",
        "always",
        "ประเทศ",
        "Country",
        "พิมพ์ชื่อประเทศภาษาไทยหรืออังกฤษ แล้วเลือกจากรายการ",
        "Type the country's name in Thai or English and pick it",
        countries,
    );
    country_field["free_text"] = json!(true);
    let mut province_field = field(
        "thai_side.province",
        "choice",
        "always",
        "จังหวัด",
        "Province",
        "พิมพ์ชื่อจังหวัดภาษาไทยหรืออังกฤษ แล้วเลือกจากรายการ",
        "Type the province in Thai or English and pick it",
        provinces,
    );
    province_field["free_text"] = json!(true);
    let mut coop_field = field(
        "cooperation.fields",
        "key_list",
        "always",
        "สาขาความร่วมมือ",
        "Fields of cooperation",
        "เลือกได้หลายสาขา และเพิ่มสาขาของจังหวัดเองได้",
        "Choose any number, and add the province's own",
        coop.clone(),
    );
    coop_field["free_text"] = json!(true);
    let mut explore_field = field(
        "cooperation.explore",
        "key_list",
        "optional",
        "ด้านที่จะหาโอกาสร่วมมือ (หนังสือแสดงเจตจำนง ข้อ ๒)",
        "Areas to explore (LOI clause 2)",
        "ถ้าไม่เลือก ใช้สาขาความร่วมมือข้างต้น",
        "Leave empty to use the fields of cooperation",
        coop,
    );
    explore_field["free_text"] = json!(true);
    let mut rel_field = field(
        "relationship",
        "key_or_bilingual",
        "always",
        "ชื่อความสัมพันธ์",
        "Name of the relationship",
        "ชื่อตามแนวทางข้อ ๒ หรือชื่อที่ตกลงกันเป็นอย่างอื่น",
        "A name of guideline 2, or one agreed otherwise",
        rels,
    );
    rel_field["free_text"] = json!(true);
    let mut pos_field = field(
        "thai_side.signatory.position",
        "key_or_bilingual",
        "always",
        "ตำแหน่งผู้ลงนาม",
        "Signatory's position",
        "ผู้ว่าราชการจังหวัดเป็นผู้ลงนาม (แนวทางข้อ ๙)",
        "The governor signs (guideline 9)",
        positions,
    );
    pos_field["free_text"] = json!(true);
    json!({"steps": [
        {"id": "thai_side", "label": lbl("ฝ่ายไทย", "Thai side"), "fields": [
            province_field,
            field("thai_side.signatory.name", "bilingual", "always", "ชื่อผู้ว่าราชการจังหวัด", "Governor's name",
                "ชื่อและนามสกุลพร้อมคำนำหน้า", "Full name with title", vec![]),
            pos_field,
        ]},
        {"id": "partner", "label": lbl("ฝ่ายต่างประเทศ", "Foreign partner"), "fields": [
            field("partner.name", "bilingual", "always", "ชื่อหน่วยการปกครองต่างประเทศ", "Name of the foreign unit",
                "เช่น นครคุนหมิง / Kunming", "e.g. นครคุนหมิง / Kunming", vec![]),
            field("partner.unit", "choice", "always", "ประเภทหน่วยการปกครอง", "Kind of unit", "", "", units),
            field("partner.level", "choice", "always", "ระดับเมื่อเทียบกับจังหวัด", "Level compared with a province",
                "ต่ำกว่าจังหวัด: พิจารณาเป็นรายกรณี (แนวทางข้อ ๑)", "Below a province: case by case (guideline 1)",
                vec![ch("province-equivalent", "เทียบเท่าจังหวัด", "equivalent to a province"),
                     ch("below-province", "ต่ำกว่าจังหวัด", "below a province")]),
            field("partner.within", "bilingual", "optional", "หน่วยการปกครองที่สังกัด", "Parent unit",
                "ถ้ามี เช่น มณฑลยูนนาน / Yunnan Province", "If any, e.g. มณฑลยูนนาน / Yunnan Province", vec![]),
            country_field,
            field("partner.language", "choice", "optional", "ภาษาของฝ่ายต่างประเทศ", "Partner's language",
                "ถ้าไม่ระบุ ใช้ภาษาหลักของประเทศ", "Default: the country's language", languages),
            field("partner.signatory.name", "bilingual", "always", "ชื่อผู้ลงนามฝ่ายต่างประเทศ", "Partner signatory's name", "", "", vec![]),
            field("partner.signatory.title", "bilingual", "always", "ตำแหน่งผู้ลงนามฝ่ายต่างประเทศ", "Partner signatory's title", "", "", vec![]),
            field("partner.signatory.rank", "choice", "always", "ระดับผู้ลงนามฝ่ายต่างประเทศ", "Partner signatory's rank",
                "ต้องเทียบเท่าผู้ว่าราชการจังหวัด (แนวทางข้อ ๙)", "Must be equivalent to a governor (guideline 9)",
                vec![ch("governor-equivalent", "เทียบเท่าผู้ว่าราชการจังหวัด", "equivalent to a governor"),
                     ch("lower", "ต่ำกว่าผู้ว่าราชการจังหวัด", "lower than a governor")]),
        ]},
        {"id": "relationship", "label": lbl("ชื่อความสัมพันธ์", "Relationship"), "fields": [rel_field]},
        {"id": "cooperation", "label": lbl("สาขาความร่วมมือ", "Cooperation"), "fields": [coop_field, explore_field]},
        {"id": "documents", "label": lbl("เอกสาร", "Documents"), "fields": [
            field("documents", "key_list", "always", "เอกสารที่จะจัดทำ", "Documents to draft", "", "",
                vec![ch("loi", "หนังสือแสดงเจตจำนง (LOI)", "Letter of Intent (LOI)"),
                     ch("mou", "บันทึกความเข้าใจ (MOU)", "Memorandum of Understanding (MOU)")]),
            field("mou.title", "choice", "with:mou", "ชื่อเอกสาร", "Title of the instrument", "", "",
                vec![ch("memorandum-of-understanding", "บันทึกความเข้าใจ", "Memorandum of Understanding"),
                     ch("memorandum-of-agreement", "บันทึกความตกลง", "Memorandum of Agreement"),
                     ch("agreement", "ความตกลง", "Agreement")]),
            field("mou.participants", "choice", "with:mou", "คำเรียกคู่ภาคี", "How the parties are called", "", "",
                vec![ch("participants", "ผู้เข้าร่วมทั้งสองฝ่าย", "the Participants"),
                     ch("two-sides", "ทั้งสองฝ่าย", "the two sides")]),
            field("mou.termination.option", "choice", "with:mou", "การสิ้นสุด", "Termination", "", "",
                vec![ch("notice", "มีผลจนกว่าฝ่ายใดฝ่ายหนึ่งแจ้งบอกเลิก (ทางเลือกที่ ๑)", "until one side gives notice (option 1)"),
                     ch("fixed-term", "มีผลเป็นระยะเวลาที่กำหนด (ทางเลือกที่ ๒)", "for a fixed term (option 2)")]),
            field("mou.termination.notice_period", "period", "with:mou", "ระยะเวลาแจ้งล่วงหน้า", "Notice period",
                "ใช้เมื่อเลือกทางเลือกที่ ๑ เช่น ๖ เดือน", "With option 1, e.g. 6 months", vec![]),
            field("mou.termination.term", "period", "with:mou", "ระยะเวลาที่มีผล", "Term",
                "ใช้เมื่อเลือกทางเลือกที่ ๒ เช่น ๕ ปี", "With option 2, e.g. 5 years", vec![]),
            field("loi.parties", "choice", "with:loi", "คำเรียกคู่ภาคีในหนังสือแสดงเจตจำนง", "How the LOI names the parties", "", "",
                vec![ch("both-cities", "ทั้งสองเมือง", "both cities"),
                     ch("the-two-cities", "เมืองทั้งสอง", "the two cities"),
                     ch("both-sides", "ทั้งสองฝ่าย", "both sides")]),
            field("loi.intent", "choice", "with:loi", "ข้อ ๔ ของหนังสือแสดงเจตจำนง", "LOI clause 4", "", "",
                vec![ch("will", "จะ", "will"), ch("wish", "ประสงค์ที่จะ", "wish to")]),
        ]},
        {"id": "signing", "label": lbl("การลงนาม", "Signing"), "fields": [
            field("signing.place", "bilingual", "optional", "สถานที่ลงนาม", "Place of signing",
                "ถ้ายังไม่ทราบ เว้นไว้ได้ ร่างจะพิมพ์เป็นเส้นประ", "Leave empty if not yet known: the draft prints a dotted line", vec![]),
            field("signing.date", "date", "optional", "วันที่ลงนาม", "Date of signing",
                "ปีเป็นพุทธศักราช เช่น ๑๕ ๓ ๒๕๖๙", "Year in the Buddhist Era, e.g. 15 3 2569", vec![]),
        ]},
        {"id": "output", "label": lbl("รูปแบบเอกสาร", "Output"), "fields": [
            field("output.layout", "choice", "optional", "การจัดหน้า", "Layout", "", "",
                vec![ch("sequential", "ภาษาไทยแล้วตามด้วยภาษาอังกฤษ", "Thai, then English"),
                     ch("parallel", "ภาษาไทยและภาษาอังกฤษคู่กัน", "Thai and English side by side")]),
            field("output.thai_digits", "bool", "optional", "ใช้เลขไทยในฉบับภาษาไทย", "Thai digits in the Thai text", "", "", vec![]),
            field("id", "text", "optional", "ชื่อไฟล์ผลลัพธ์", "Name of the output files",
                "ใช้ได้เฉพาะ a-z 0-9 และ - เช่น chiangmai-kunming", "Only a-z, 0-9 and -, e.g. chiangmai-kunming", vec![]),
        ]},
    ]})
}
