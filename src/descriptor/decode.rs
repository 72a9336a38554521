//! Node tree -> `Descriptor`: one function per section of the format, each
//! reading its keys through `reader::Decoder` (which collects every problem
//! and takes the allowed keys, missing-key hints and choice lists from
//! `format`). Decoding never stops at the first problem.

use super::format;
use super::id::{suggest_id, valid_id};
use super::model::*;
use super::reader::Decoder;
use super::yaml::{Node, Pos, Value};
use crate::descriptor::model::DocKind;
use crate::diagnostic::{Diagnostic, Msg};
use crate::reference::{countries, fields, languages, positions, provinces, relationships};

/// Decodes the whole descriptor. `stem` is the file stem, the default `id`.
pub fn decode(root: &Node, stem: Option<&str>) -> (Descriptor, Vec<Diagnostic>) {
    let mut d = Decoder::new();
    let desc = decode_root(&mut d, root, stem);
    (desc, d.diags)
}

fn decode_root(d: &mut Decoder, root: &Node, stem: Option<&str>) -> Descriptor {
    let mut desc = Descriptor::empty();
    let Some(mut m) = d.map(root, "(top level)") else {
        return desc;
    };
    m.path = String::new();

    // version
    match d.required_field(&mut m, "version") {
        Some(n) if n.value == Value::Int(1) => {}
        Some(n) => d.push(
            Diagnostic::error(
                "SCHEMA-VERSION",
                Some(n.pos),
                Msg::new(
                    "โปรแกรมนี้อ่านได้เฉพาะไฟล์รูปแบบรุ่นที่ 1 (version: 1)",
                    "this tool reads descriptor format version 1 only",
                ),
            )
            .with_hint(Msg::new(
                "เขียนบรรทัดแรกว่า “version: 1”",
                "write `version: 1`",
            )),
        ),
        None => {}
    }

    // id
    match m.get("id") {
        Some(n) => {
            if let Some(s) = d.string(n, "id") {
                if valid_id(&s.value) {
                    desc.id = Some(s.value);
                } else {
                    d.push(bad_id(Some(n.pos), &s.value, "id"));
                }
            }
        }
        None => match stem {
            Some(st) if valid_id(st) => desc.id = Some(st.to_string()),
            Some(st) => d.push(bad_id(None, st, "file name")),
            None => d.push(
                Diagnostic::error(
                    "DATA-ID",
                    None,
                    Msg::new(
                        "ยังไม่มีช่อง “ชื่อไฟล์ผลลัพธ์” (id) และไม่มีชื่อไฟล์ให้ใช้แทน",
                        "no `id` and no file name to take it from",
                    ),
                )
                .with_hint(Msg::new(
                    "เพิ่มบรรทัด “id:” ตามด้วยชื่อภาษาอังกฤษตัวเล็ก เช่น “id: chiangmai-kunming”",
                    "add `id: <name>`, e.g. `id: chiangmai-kunming`",
                )),
            ),
        },
    }

    // documents
    if let Some(n) = m.get("documents") {
        match &n.value {
            Value::Seq(items) => {
                let mut docs = Vec::new();
                for it in items {
                    if let Some(k) = d.choice(it, "documents", &DOCUMENTS) {
                        if !docs.contains(&k.value) {
                            docs.push(k.value);
                        }
                    }
                }
                if items.is_empty() {
                    d.push(Diagnostic::error(
                        "SCHEMA-VALUE",
                        Some(n.pos),
                        Msg::new(
                            "ช่อง “เอกสารที่ต้องการร่าง” ว่างอยู่ ต้องระบุ loi (หนังสือแสดงเจตจำนง) หรือ mou (บันทึกความเข้าใจ) หรือทั้งสองอย่าง",
                            "the field “Documents to draft” is empty: list loi, mou or both",
                        ),
                    ).with_hint(Msg::new(
                        "เขียน “documents: [loi, mou]” หรือเลือกเพียงอย่างเดียว",
                        "write `documents: [loi, mou]`, or just one of them",
                    )));
                }
                docs.sort();
                desc.documents = docs;
            }
            _ => d.type_error(
                n,
                "documents",
                "a list such as [loi, mou]",
                "รายการในวงเล็บเหลี่ยม เช่น [loi, mou]",
            ),
        }
    }

    // relationship
    if let Some(n) = d.required_field(&mut m, "relationship") {
        desc.relationship = d.key_or(
            n,
            "relationship",
            "DATA-RELATIONSHIP",
            Msg::new("ชื่อความสัมพันธ์", "relationship name"),
            relationships::lookup,
            relationships::suggest,
            |r| r.key,
        );
    }

    if let Some(n) = d.required_field(&mut m, "thai_side") {
        decode_thai_side(d, n, &mut desc);
    }
    if let Some(n) = d.required_field(&mut m, "partner") {
        decode_partner(d, n, &mut desc);
    }
    if let Some(n) = d.required_field(&mut m, "cooperation") {
        decode_cooperation(d, n, &mut desc);
    }

    let mou_node = m.get("mou");
    let loi_node = m.get("loi");
    if desc.documents.contains(&DocKind::Mou) {
        match mou_node {
            Some(n) => desc.mou = decode_mou(d, n),
            None => d.missing_field(&m, "mou"),
        }
    }
    if desc.documents.contains(&DocKind::Loi) {
        match loi_node {
            Some(n) => desc.loi = decode_loi(d, n),
            None => d.missing_field(&m, "loi"),
        }
    }
    if let Some(n) = m.get("signing") {
        decode_signing(d, n, &mut desc);
    }
    if let Some(n) = m.get("output") {
        decode_output(d, n, &mut desc);
    }
    desc.proposal = m
        .get("proposal")
        .and_then(|n| super::proposal::decode(d, n));
    d.finish(m);
    desc
}

fn bad_id(pos: Option<Pos>, value: &str, what: &str) -> Diagnostic {
    Diagnostic::error(
        "DATA-ID",
        pos,
        Msg::new(
            format!(
                "{} “{value}” ใช้ตั้งชื่อไฟล์เอกสารไม่ได้ เพราะใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-)",
                if what == "id" {
                    "ช่อง “ชื่อไฟล์ผลลัพธ์” (id)"
                } else {
                    "ชื่อไฟล์"
                }
            ),
            format!("{what} `{value}` cannot name output files: only a-z, 0-9 and - are allowed"),
        ),
    )
    .with_hint(Msg::new(
        format!("เขียน “id: {}”", suggest_id(value)),
        format!("use `id: {}`", suggest_id(value)),
    ))
}

fn decode_thai_side(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "thai_side") else {
        return;
    };
    if let Some(p) = d.required_field(&mut m, "province") {
        desc.thai_side.province = d.lookup(
            p,
            "thai_side.province",
            "DATA-PROVINCE",
            Msg::new("จังหวัด", "Thai province"),
            provinces::lookup,
            provinces::suggest,
            |c| {
                (
                    format!("“{}” ({})", c.th, c.en),
                    format!("`{}` ({})", c.en, c.th),
                )
            },
            Msg::new(
                "เขียนชื่อจังหวัดภาษาไทยหรือภาษาอังกฤษ เช่น เชียงใหม่ หรือ Chiang Mai",
                "write a Thai province in Thai or English, e.g. Chiang Mai or เชียงใหม่",
            ),
        );
    }
    if let Some(sn) = d.required_field(&mut m, "signatory") {
        if let Some(mut s) = d.map(sn, "thai_side.signatory") {
            if let Some(nn) = d.required_field(&mut s, "name") {
                desc.thai_side.signatory_name = d.bilingual(nn, "thai_side.signatory.name");
            }
            if let Some(pn) = d.required_field(&mut s, "position") {
                desc.thai_side.position = d.key_or(
                    pn,
                    "thai_side.signatory.position",
                    "DATA-POSITION",
                    Msg::new("ตำแหน่ง", "position"),
                    positions::lookup,
                    positions::suggest,
                    |p| p.key,
                );
            }
            d.finish(s);
        }
    }
    d.finish(m);
}

fn decode_partner(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "partner") else {
        return;
    };
    let p = &mut desc.partner;
    if let Some(v) = d.required_field(&mut m, "name") {
        p.name = d.bilingual(v, "partner.name");
    }
    if let Some(v) = d.required_field(&mut m, "unit") {
        p.unit = d.choice(v, "partner.unit", &UNITS);
    }
    if let Some(v) = d.required_field(&mut m, "level") {
        p.level = d.choice(v, "partner.level", &LEVELS);
    }
    if let Some(v) = m.get("within") {
        p.within = d.bilingual(v, "partner.within");
    }
    if let Some(v) = d.required_field(&mut m, "country") {
        p.country = d.lookup(
            v,
            "partner.country",
            "DATA-COUNTRY",
            Msg::new("รหัสประเทศ", "country code"),
            countries::lookup,
            countries::suggest,
            |c| {
                (
                    format!("“{}” ({})", c.code, c.th),
                    format!("`{}` ({})", c.code, c.en_short),
                )
            },
            Msg::new(
                "ใช้รหัสประเทศสากลสองตัวอักษร เช่น CN (จีน) JP (ญี่ปุ่น) VN (เวียดนาม)",
                "use an ISO 3166-1 alpha-2 code such as CN, JP, VN",
            ),
        );
    }
    match m.get("language") {
        Some(v) => {
            p.language = d.lookup(
                v,
                "partner.language",
                "DATA-LANGUAGE",
                Msg::new("รหัสภาษา", "language code"),
                languages::lookup,
                languages::suggest,
                |l| {
                    (
                        format!("“{}” ({})", l.code, l.th),
                        format!("`{}` ({})", l.code, l.en),
                    )
                },
                Msg::new(
                    "ใช้รหัสภาษาสากล เช่น zh (ภาษาจีน) ja (ภาษาญี่ปุ่น) vi (ภาษาเวียดนาม)",
                    "use a BCP 47 language code such as zh, ja, vi",
                ),
            );
        }
        None => {
            if let Some(c) = &p.country {
                p.language = languages::lookup(c.value.language).map(|l| At {
                    value: l,
                    pos: c.pos,
                });
            }
        }
    }
    if let Some(sn) = d.required_field(&mut m, "signatory") {
        if let Some(mut s) = d.map(sn, "partner.signatory") {
            if let Some(v) = d.required_field(&mut s, "name") {
                p.signatory_name = d.bilingual(v, "partner.signatory.name");
            }
            if let Some(v) = d.required_field(&mut s, "title") {
                p.signatory_title = d.bilingual(v, "partner.signatory.title");
            }
            if let Some(v) = d.required_field(&mut s, "rank") {
                p.rank = d.choice(v, "partner.signatory.rank", &RANKS);
            }
            d.finish(s);
        }
    }
    d.finish(m);
}

fn field_list(d: &mut Decoder, n: &Node, path: &str) -> Vec<KeyOr<fields::Field>> {
    let Value::Seq(items) = &n.value else {
        d.type_error(
            n,
            path,
            "a list such as [trade, tourism]",
            "รายการในวงเล็บเหลี่ยม เช่น [trade, tourism]",
        );
        return Vec::new();
    };
    if items.is_empty() {
        d.push(
            Diagnostic::error(
                "SCHEMA-VALUE",
                Some(n.pos),
                format::field_msg(
                    path,
                    |field| format!("{field} ว่างอยู่ ต้องมีอย่างน้อยหนึ่งสาขา"),
                    |field| format!("{field} is empty: name at least one field"),
                ),
            )
            .with_hint(Msg::new(
                "เลือกสาขาจากรายการ เช่น [trade, tourism] หรือเขียนเองในรูป {th: ..., en: ...}",
                "pick fields such as [trade, tourism], or write your own as {th: ..., en: ...}",
            )),
        );
    }
    items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            d.key_or(
                it,
                &format!("{path}[{i}]"),
                "DATA-FIELD",
                Msg::new("สาขาความร่วมมือ", "cooperation field"),
                fields::lookup,
                fields::suggest,
                |f| f.key,
            )
            .map(|a| a.value)
        })
        .collect()
}

fn decode_cooperation(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "cooperation") else {
        return;
    };
    if let Some(v) = d.required_field(&mut m, "fields") {
        desc.fields = field_list(d, v, "cooperation.fields");
    }
    if let Some(v) = m.get("explore") {
        desc.explore = Some(field_list(d, v, "cooperation.explore"));
    }
    d.finish(m);
}

fn decode_mou(d: &mut Decoder, n: &Node) -> Option<MouSection> {
    let mut m = d.map(n, "mou")?;
    let mut s = MouSection {
        title: None,
        participants: None,
        termination: None,
    };
    if let Some(v) = d.required_field(&mut m, "title") {
        s.title = d.choice(v, "mou.title", &MOU_TITLES);
    }
    if let Some(v) = d.required_field(&mut m, "participants") {
        s.participants = d.choice(v, "mou.participants", &PARTICIPANTS);
    }
    if let Some(v) = d.required_field(&mut m, "termination") {
        if let Some(mut t) = d.map(v, "mou.termination") {
            let mut term = Termination {
                option: None,
                notice_period: None,
                term: None,
                pos: v.pos,
            };
            if let Some(o) = d.required_field(&mut t, "option") {
                term.option = d.choice(o, "mou.termination.option", &TERMINATION_OPTIONS);
            }
            if let Some(p) = t.get("notice_period") {
                term.notice_period = d.period(p, "mou.termination.notice_period", &NOTICE_UNITS);
            }
            if let Some(p) = t.get("term") {
                term.term = d.period(p, "mou.termination.term", &TERM_UNITS);
            }
            d.finish(t);
            s.termination = Some(term);
        }
    }
    d.finish(m);
    Some(s)
}

fn decode_loi(d: &mut Decoder, n: &Node) -> Option<LoiSection> {
    let mut m = d.map(n, "loi")?;
    let mut s = LoiSection {
        parties: None,
        intent: None,
    };
    if let Some(v) = d.required_field(&mut m, "parties") {
        s.parties = d.choice(v, "loi.parties", &LOI_PARTIES);
    }
    if let Some(v) = d.required_field(&mut m, "intent") {
        s.intent = d.choice(v, "loi.intent", &LOI_INTENTS);
    }
    d.finish(m);
    Some(s)
}

/// The node, unless it is empty where the format allows an empty value.
fn given<'a>(n: &'a Node, path: &str) -> Option<&'a Node> {
    if n.value == Value::Null && format::blank_ok(path) {
        None
    } else {
        Some(n)
    }
}

fn decode_signing(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    if given(n, "signing").is_none() {
        return;
    }
    let Some(mut m) = d.map(n, "signing") else {
        return;
    };
    if let Some(v) = m.get("place").and_then(|v| given(v, "signing.place")) {
        desc.signing.place = d.bilingual(v, "signing.place");
    }
    if let Some(v) = m.get("date").and_then(|v| given(v, "signing.date")) {
        desc.signing.date = d.date(v, "signing.date");
    }
    d.finish(m);
}

fn decode_output(d: &mut Decoder, n: &Node, desc: &mut Descriptor) {
    let Some(mut m) = d.map(n, "output") else {
        return;
    };
    if let Some(v) = m.get("layout") {
        if let Some(l) = d.choice(v, "output.layout", &LAYOUTS) {
            desc.output.layout = l.value;
        }
    }
    if let Some(v) = m.get("thai_digits") {
        if let Some(b) = d.boolean(v, "output.thai_digits") {
            desc.output.thai_digits = b;
        }
    }
    if let Some(v) = m.get("docx_font") {
        desc.output.docx_font = d.string(v, "output.docx_font").map(|s| s.value);
    }
    d.finish(m);
}
