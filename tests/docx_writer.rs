//! Tests of the DOCX writer: round trip through the reader, Thai run and
//! paragraph properties, byte-identical output, metadata, and (when
//! LibreOffice is installed) that LibreOffice converts the files to PDF.
mod common;
use common::pdf_fixture as fixture;
use fixture::{para, run, slot};

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use quick_xml::events::Event;
use quick_xml::Reader;
use sisterdoc::document::{
    Block, BlockContent, DocKind, Document, Lang, Layout, ParaStyle, Run, Section, Signature,
};
use sisterdoc::docx::{read_paragraphs, write_docx, DocxOptions};

// ----- building a sample document by hand ------------------------------------

fn line(parts: &[(&str, bool)], lang: Lang) -> Vec<Run> {
    parts
        .iter()
        .map(|(t, is_slot)| {
            if *is_slot {
                slot(t, lang, "signatory")
            } else {
                run(t, lang)
            }
        })
        .collect()
}

const TH_CLAUSES: [&str; 5] = [
    "จะร่วมมือกันและกันเพื่อส่งเสริมความมั่งคั่งและการพัฒนาร่วมกันบนพื้นฐานของความเท่าเทียมและผลประโยชน์ร่วมกัน ภายใต้อำนาจหน้าที่ของตน และตามกฎหมายและระเบียบที่มีผลใช้บังคับในแต่ละประเทศ",
    "จะร่วมมือกันในด้านต่าง ๆ ได้แก่ การท่องเที่ยว การศึกษา และวัฒนธรรม ที่สอดคล้องกับนโยบายของรัฐบาล กฎหมายภายใน และพันธกรณีระหว่างประเทศของแต่ละฝ่าย",
    "จะส่งเสริมให้หน่วยงานที่เกี่ยวข้องของตนติดต่อกันโดยตรงเพื่อความร่วมมือภายใต้บันทึกความเข้าใจนี้ และจะส่งเสริมการแลกเปลี่ยนการเยือนระหว่างเจ้าหน้าที่ของตน",
    "จะหารือกันเกี่ยวกับรูปแบบและแผนงานความร่วมมือในการดำเนินการตามบันทึกความเข้าใจนี้ โดยจัดการประชุมประจำปี หรือการประชุมอื่นเมื่อจำเป็น เพื่อติดตามและประเมินผลโครงการร่วมกัน",
    "บันทึกความเข้าใจนี้จะมีผลใช้บังคับในวันที่ลงนาม และจะมีผลต่อไปจนกว่าผู้เข้าร่วมฝ่ายใดฝ่ายหนึ่งจะแจ้งเป็นลายลักษณ์อักษรล่วงหน้าหกเดือนถึงความประสงค์ที่จะยุติบันทึกความเข้าใจนี้",
];

const EN_CLAUSES: [&str; 5] = [
    "will, within their authorities and to the extent permitted by the laws and regulations in force in their respective countries, cooperate with each other to promote mutual prosperity and development on the basis of equality and mutual benefits.",
    "will cooperate with each other in various fields, namely tourism, education and culture, compatible with their respective Governments' policies, domestic law, and international obligations.",
    "will encourage their agencies concerned to maintain direct contacts with each other for the cooperation under this Memorandum of Understanding, and will also encourage the exchange of visits between their officials.",
    "will consult each other regarding the modalities and programmes of cooperation in implementing this Memorandum of Understanding by convening the annual meeting, or other meetings when necessary, to monitor and evaluate joint projects.",
    "This Memorandum of Understanding will come into effect on the date of its signature and will remain in effect until either Participant gives the other six months' prior written notice of its intention to terminate it.",
];

const TH_NUMS: [&str; 5] = ["๑.", "๒.", "๓.", "๔.", "๕."];

fn thai_section() -> Section {
    let th = Lang::Th;
    let mut blocks = vec![
        para("mark", ParaStyle::DraftMark, None, vec![run("(ร่าง)", th)]),
        para(
            "title",
            ParaStyle::Title,
            None,
            vec![Run {
                bold: true,
                ..run("บันทึกความเข้าใจ", th)
            }],
        ),
        para(
            "title-2",
            ParaStyle::Centered,
            None,
            vec![
                run("เพื่อการสถาปนาความสัมพันธ์", th),
                slot("เมืองพี่เมืองน้อง", th, "relationship"),
            ],
        ),
        para("between", ParaStyle::Centered, None, vec![run("ระหว่าง", th)]),
        para(
            "party-1",
            ParaStyle::Centered,
            None,
            vec![slot("จังหวัดเชียงใหม่ ราชอาณาจักรไทย", th, "thai_party")],
        ),
        para("and", ParaStyle::Centered, None, vec![run("กับ", th)]),
        para(
            "party-2",
            ParaStyle::Centered,
            None,
            vec![slot("นครคุนหมิง สาธารณรัฐประชาชนจีน", th, "partner")],
        ),
        para(
            "preamble-1",
            ParaStyle::Body,
            None,
            vec![
                slot("จังหวัดเชียงใหม่", th, "thai_party"),
                run(" กับ ", th),
                slot("นครคุนหมิง", th, "partner"),
                run(
                    " ซึ่งต่อไปนี้จะเรียกว่า \"ผู้เข้าร่วมทั้งสองฝ่าย\" เพื่อให้เป็นไปตามความปรารถนาร่วมกันที่จะเสริมสร้างความเข้าใจและมิตรภาพระหว่างกัน และโดยคำนึงถึงความสัมพันธ์ที่มีอยู่ระหว่างกัน",
                    th,
                ),
            ],
        ),
        para(
            "preamble-2",
            ParaStyle::Body,
            None,
            vec![run("ได้บรรลุความเข้าใจร่วมกันดังต่อไปนี้", th)],
        ),
    ];
    for (i, text) in TH_CLAUSES.iter().enumerate() {
        let mut runs = Vec::new();
        if i < 4 {
            runs.push(run("ผู้เข้าร่วมทั้งสองฝ่าย", th));
        }
        runs.push(run(text, th));
        blocks.push(para(
            &format!("clause-{}", i + 1),
            ParaStyle::Clause,
            Some(TH_NUMS[i]),
            runs,
        ));
    }
    blocks.push(para(
        "signing",
        ParaStyle::Body,
        None,
        vec![
            run("ลงนามเป็นคู่ฉบับ ณ ", th),
            slot("นครคุนหมิง", th, "place"),
            run(" เมื่อวันที่ ", th),
            slot("๑๕ มีนาคม ๒๕๖๘", th, "date"),
            run(
                " เป็นภาษาไทย ภาษาจีน และภาษาอังกฤษ ในกรณีที่มีความแตกต่างในการตีความ ให้ใช้ฉบับภาษาอังกฤษเป็นเกณฑ์",
                th,
            ),
        ],
    ));
    blocks.push(Block {
        key: "signature".into(),
        content: BlockContent::Signature(Signature {
            left: vec![
                line(&[("สำหรับ", false), ("จังหวัดเชียงใหม่", true)], th),
                line(&[("..............................", false)], th),
                line(&[("(", false), ("นายสมชาย ใจดี", true), (")", false)], th),
                line(&[("ผู้ว่าราชการจังหวัดเชียงใหม่", true)], th),
            ],
            right: vec![
                line(&[("สำหรับ", false), ("นครคุนหมิง", true)], th),
                line(&[("..............................", false)], th),
                line(&[("(", false), ("นายหลี่ เหวย", true), (")", false)], th),
                line(&[("นายกเทศมนตรีนครคุนหมิง", true)], th),
            ],
        }),
        principle: false,
    });
    Section { lang: th, blocks }
}

fn english_section() -> Section {
    let en = Lang::En;
    let mut blocks = vec![
        para("mark", ParaStyle::DraftMark, None, vec![run("(Draft)", en)]),
        para(
            "title",
            ParaStyle::Title,
            None,
            vec![Run {
                bold: true,
                ..run("Memorandum of Understanding", en)
            }],
        ),
        para(
            "title-2",
            ParaStyle::Centered,
            None,
            vec![
                run("on the Establishment of ", en),
                slot("Sister Cities", en, "relationship"),
                run(" Relationship", en),
            ],
        ),
        para("between", ParaStyle::Centered, None, vec![run("between", en)]),
        para(
            "party-1",
            ParaStyle::Centered,
            None,
            vec![slot("Chiang Mai Province, the Kingdom of Thailand", en, "thai_party")],
        ),
        para("and", ParaStyle::Centered, None, vec![run("and", en)]),
        para(
            "party-2",
            ParaStyle::Centered,
            None,
            vec![slot("Kunming City, the People's Republic of China", en, "partner")],
        ),
        para(
            "preamble-1",
            ParaStyle::Body,
            None,
            vec![
                slot("Chiang Mai Province", en, "thai_party"),
                run(" and ", en),
                slot("Kunming City", en, "partner"),
                run(
                    " (hereinafter collectively referred to as the \"Participants\"); Guided by mutual aspiration toward the strengthening of understanding and goodwill between them; and Taking into consideration the existing contacts between them;",
                    en,
                ),
            ],
        ),
        para(
            "preamble-2",
            ParaStyle::Body,
            None,
            vec![run("Have reached the following understandings:", en)],
        ),
    ];
    for (i, text) in EN_CLAUSES.iter().enumerate() {
        let mut runs = Vec::new();
        if i < 4 {
            runs.push(run("The Participants ", en));
        }
        runs.push(run(text, en));
        blocks.push(para(
            &format!("clause-{}", i + 1),
            ParaStyle::Clause,
            Some(&format!("{}.", i + 1)),
            runs,
        ));
    }
    blocks.push(para(
        "signing",
        ParaStyle::Body,
        None,
        vec![
            run("Signed in duplicate at ", en),
            slot("Kunming", en, "place"),
            run(" on ", en),
            slot("15 March 2025", en, "date"),
            run(
                " in the Thai, Chinese and English languages. In case of divergence of interpretation, the English text will be used.",
                en,
            ),
        ],
    ));
    blocks.push(Block {
        key: "signature".into(),
        content: BlockContent::Signature(Signature {
            left: vec![
                line(&[("For ", false), ("Chiang Mai Province", true)], en),
                line(&[("..............................", false)], en),
                line(
                    &[("(", false), ("Mr. Somchai Jaidee", true), (")", false)],
                    en,
                ),
                line(&[("Governor of Chiang Mai", true)], en),
            ],
            right: vec![
                line(&[("For ", false), ("Kunming City", true)], en),
                line(&[("..............................", false)], en),
                line(&[("(", false), ("Mr. Li Wei", true), (")", false)], en),
                line(&[("Mayor of Kunming", true)], en),
            ],
        }),
        principle: false,
    });
    Section { lang: en, blocks }
}

fn sample(layout: Layout) -> Document {
    Document {
        kind: DocKind::Mou,
        title: "Memorandum of Understanding: Chiang Mai - Kunming".into(),
        subject: "Draft MFA standard MOU (Thai and English)".into(),
        layout,
        non_compliant_mark: None,
        sections: vec![thai_section(), english_section()],
        thai_digits: true,
    }
}

// ----- helpers -----------------------------------------------------------------

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    let mut f = zip.by_name(name).expect("part present");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 part");
    s
}

fn has_thai(s: &str) -> bool {
    s.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
}

/// The reader's paragraphs, normalised for comparison with the model:
/// the tab the writer puts after a clause number (for the hanging indent)
/// reads back as '\t' where the model's `Paragraph::text()` has a space, so
/// the first tab of a paragraph becomes a space; empty paragraphs (section
/// breaks, the spacer that must end a table cell holding a table, an empty
/// cell) are dropped.
fn read_back(docx: &[u8]) -> Vec<String> {
    read_paragraphs(docx)
        .expect("our own docx reads back")
        .into_iter()
        .map(|p| p.text.replacen('\t', " ", 1))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Expected reading order of the parallel layout, worked out independently
/// of the writer: per Thai block, its lines, then its English partner's.
fn parallel_expected(doc: &Document) -> Vec<String> {
    let th = &doc.sections[0];
    let en = &doc.sections[1];
    let mut out = Vec::new();
    for b in &th.blocks {
        out.extend(b.lines());
        if let Some(e) = en.blocks.iter().find(|e| e.key == b.key) {
            out.extend(e.lines());
        }
    }
    out.into_iter().filter(|l| !l.is_empty()).collect()
}

// ----- (a) round trip ------------------------------------------------------------

#[test]
fn round_trip_sequential() {
    let doc = sample(Layout::Sequential);
    let bytes = write_docx(&doc, &DocxOptions::default()).expect("write");
    let got = read_back(&bytes);
    let want: Vec<String> = doc
        .plain_text()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    assert_eq!(got.len(), want.len(), "paragraph count\n{got:#?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
}

#[test]
fn round_trip_parallel() {
    let doc = sample(Layout::Parallel);
    let bytes = write_docx(&doc, &DocxOptions::default()).expect("write");
    let paras = read_paragraphs(&bytes).expect("read");
    assert!(
        paras
            .iter()
            .filter(|p| !p.text.is_empty())
            .all(|p| p.in_table),
        "parallel layout puts every paragraph in the table"
    );
    let got = read_back(&bytes);
    let want = parallel_expected(&doc);
    assert_eq!(got, want);
}

#[test]
fn parallel_unpaired_english_block_gets_own_row() {
    let mut doc = sample(Layout::Parallel);
    // An English-only block after the English "preamble-2".
    let extra = para(
        "en-only",
        ParaStyle::Body,
        None,
        vec![run("An English-only paragraph.", Lang::En)],
    );
    let at = doc.sections[1]
        .blocks
        .iter()
        .position(|b| b.key == "preamble-2")
        .expect("preamble-2")
        + 1;
    doc.sections[1].blocks.insert(at, extra);
    let bytes = write_docx(&doc, &DocxOptions::default()).expect("write");
    let got = read_back(&bytes);
    let i = got
        .iter()
        .position(|t| t == "An English-only paragraph.")
        .expect("English-only text present");
    assert_eq!(got[i - 1], "Have reached the following understandings:");
    assert!(
        got[i + 1].starts_with("๑. "),
        "next row is clause 1: {}",
        got[i + 1]
    );
    // Its row: an empty Thai cell, then the English text.
    let paras = read_paragraphs(&bytes).expect("read");
    let j = paras
        .iter()
        .position(|p| p.text == "An English-only paragraph.")
        .expect("present");
    assert_eq!(paras[j - 1].text, "", "empty left cell before it");
}

// ----- (b) Thai run and paragraph properties ----------------------------------------

#[derive(Default, Debug)]
struct RunInfo {
    text: String,
    rfonts_cs: bool,
    cs: bool,
    sz: bool,
    sz_cs: bool,
    b: bool,
    b_cs: bool,
    lang_val: Option<String>,
    lang_bidi: Option<String>,
}

#[derive(Default, Debug)]
struct ParaInfo {
    text: String,
    jc: Option<String>,
    hanging: bool,
    runs: Vec<RunInfo>,
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// Paragraphs of document.xml with their runs' properties (top level or in
/// tables; our writer does not nest paragraphs).
fn scan(xml: &str) -> Vec<ParaInfo> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut cur: Option<ParaInfo> = None;
    let mut run: Option<RunInfo> = None;
    let mut in_ppr = false;
    let mut in_t = false;
    loop {
        let ev = r.read_event().expect("well-formed document.xml");
        let ev_kind = match ev {
            Event::Empty(_) => Kind::Empty,
            _ => Kind::Other,
        };
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev_kind, Kind::Empty);
                match e.name().as_ref() {
                    b"w:p" if empty => out.push(ParaInfo::default()),
                    b"w:p" => cur = Some(ParaInfo::default()),
                    b"w:pPr" => in_ppr = !empty,
                    b"w:r" if !empty => run = Some(RunInfo::default()),
                    b"w:t" => in_t = !empty,
                    b"w:jc" if in_ppr => {
                        if let Some(p) = cur.as_mut() {
                            p.jc = attr(&e, b"w:val");
                        }
                    }
                    b"w:ind" if in_ppr => {
                        if let Some(p) = cur.as_mut() {
                            p.hanging = attr(&e, b"w:hanging").is_some();
                        }
                    }
                    name if !in_ppr => {
                        if let Some(ri) = run.as_mut() {
                            match name {
                                b"w:rFonts" => ri.rfonts_cs = attr(&e, b"w:cs").is_some(),
                                b"w:cs" => ri.cs = true,
                                b"w:sz" => ri.sz = true,
                                b"w:szCs" => ri.sz_cs = true,
                                b"w:b" => ri.b = true,
                                b"w:bCs" => ri.b_cs = true,
                                b"w:lang" => {
                                    ri.lang_val = attr(&e, b"w:val");
                                    ri.lang_bidi = attr(&e, b"w:bidi");
                                }
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:p" => {
                    if let Some(p) = cur.take() {
                        out.push(p);
                    }
                }
                b"w:pPr" => in_ppr = false,
                b"w:r" => {
                    if let (Some(ri), Some(p)) = (run.take(), cur.as_mut()) {
                        p.text.push_str(&ri.text);
                        p.runs.push(ri);
                    }
                }
                b"w:t" => in_t = false,
                _ => {}
            },
            Event::Text(t) if in_t => {
                if let Some(ri) = run.as_mut() {
                    ri.text.push_str(&t.xml10_content().expect("text"));
                }
            }
            Event::GeneralRef(g) if in_t => {
                if let Some(ri) = run.as_mut() {
                    let name = g.decode().expect("ref");
                    ri.text.push_str(
                        quick_xml::escape::resolve_predefined_entity(&name).unwrap_or("?"),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

enum Kind {
    Empty,
    Other,
}

fn check_thai_properties(doc: &Document) {
    let bytes = write_docx(doc, &DocxOptions::default()).expect("write");
    let xml = part(&bytes, "word/document.xml");
    let paras = scan(&xml);
    let mut thai_runs = 0;
    for p in &paras {
        for r in &p.runs {
            if has_thai(&r.text) {
                thai_runs += 1;
                assert!(r.rfonts_cs, "w:rFonts w:cs missing on {:?}", r.text);
                assert!(r.cs, "w:cs missing on {:?}", r.text);
                assert!(r.sz && r.sz_cs, "w:sz / w:szCs missing on {:?}", r.text);
                assert_eq!(r.lang_bidi.as_deref(), Some("th-TH"), "{:?}", r.text);
                assert_eq!(r.lang_val.as_deref(), Some("en-GB"), "{:?}", r.text);
                assert_eq!(r.b, r.b_cs, "w:b without w:bCs on {:?}", r.text);
            } else if !r.text.is_empty() {
                assert_eq!(r.lang_val.as_deref(), Some("en-GB"), "{:?}", r.text);
                assert!(r.rfonts_cs && r.sz_cs, "{:?}", r.text);
            }
        }
    }
    assert!(thai_runs > 20, "found only {thai_runs} Thai runs");

    // Thai body paragraphs and clauses: thaiDistribute; English: both.
    let find = |start: &str| {
        paras
            .iter()
            .find(|p| p.text.starts_with(start))
            .unwrap_or_else(|| panic!("paragraph starting {start:?}"))
    };
    for n in TH_NUMS {
        let p = find(n);
        assert_eq!(p.jc.as_deref(), Some("thaiDistribute"), "{n}");
        assert!(p.hanging, "clause {n} has a hanging indent");
        assert!(p.text.starts_with(&format!("{n}ผู้")) || p.text.starts_with(&format!("{n}บัน")));
    }
    // English is justified across the page, left-aligned in a parallel column.
    let english_jc = match doc.layout {
        Layout::Sequential => "both",
        Layout::Parallel => "left",
    };
    for n in 1..=5 {
        let p = find(&format!("{n}."));
        assert_eq!(p.jc.as_deref(), Some(english_jc), "{n}.");
        assert!(p.hanging);
    }
    assert_eq!(find("ลงนามเป็นคู่ฉบับ").jc.as_deref(), Some("thaiDistribute"));
    assert_eq!(
        find("จังหวัดเชียงใหม่ กับ").jc.as_deref(),
        Some("thaiDistribute")
    );
    assert_eq!(find("Signed in duplicate").jc.as_deref(), Some(english_jc));
    assert_eq!(find("บันทึกความเข้าใจ").jc.as_deref(), Some("center"));
    assert_eq!(find("(ร่าง)").jc.as_deref(), Some("right"));
    assert_eq!(find("(Draft)").jc.as_deref(), Some("right"));
    // The title is bold on both script slots.
    let title = find("บันทึกความเข้าใจ");
    assert!(title.runs.iter().all(|r| r.b && r.b_cs));
}

#[test]
fn thai_runs_carry_complex_script_properties_sequential() {
    check_thai_properties(&sample(Layout::Sequential));
}

#[test]
fn thai_runs_carry_complex_script_properties_parallel() {
    check_thai_properties(&sample(Layout::Parallel));
}

#[test]
fn clause_number_is_followed_by_a_tab() {
    let bytes = write_docx(&sample(Layout::Sequential), &DocxOptions::default()).expect("write");
    let paras = read_paragraphs(&bytes).expect("read");
    assert!(paras
        .iter()
        .any(|p| p.text.starts_with("๑.\tผู้เข้าร่วมทั้งสองฝ่าย")));
    assert!(paras
        .iter()
        .any(|p| p.text.starts_with("1.\tThe Participants")));
}

#[test]
fn layout_structure() {
    let seq = write_docx(&sample(Layout::Sequential), &DocxOptions::default()).expect("write");
    let xml = part(&seq, "word/document.xml");
    // Two sections: Thai (Thai page digits, restart at 1) and English.
    assert_eq!(xml.matches("<w:sectPr").count(), 2);
    assert!(xml.contains(r#"w:fmt="thaiNumbers""#));
    assert_eq!(xml.matches("<w:titlePg").count(), 2);
    // A4, left 3 cm, right 2 cm.
    assert!(xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#));
    assert!(xml.contains(r#"w:left="1701""#) && xml.contains(r#"w:right="1134""#));
    // Signature tables: borderless, row kept together, one per language.
    assert_eq!(xml.matches("<w:tbl>").count(), 2);
    assert_eq!(xml.matches("<w:cantSplit").count(), 2);
    // Paragraphs before the signature keep with it.
    assert!(xml.contains("<w:keepNext/>"));
    // No marker survives the rewrite.
    assert!(!xml.contains("Sisterdoc"), "marker left in document.xml");

    let par = write_docx(&sample(Layout::Parallel), &DocxOptions::default()).expect("write");
    let xml = part(&par, "word/document.xml");
    assert_eq!(xml.matches("<w:sectPr").count(), 1);
    // The parallel table plus a nested signature table per column.
    assert_eq!(xml.matches("<w:tbl>").count(), 3);
    assert!(!xml.contains("Sisterdoc"));

    // Headers: the PAGE field between "- " and " -".
    let h = (1..=4)
        .filter_map(|i| {
            let mut zip = zip::ZipArchive::new(Cursor::new(&seq[..])).ok()?;
            let mut f = zip.by_name(&format!("word/header{i}.xml")).ok()?;
            let mut s = String::new();
            f.read_to_string(&mut s).ok()?;
            Some(s)
        })
        .collect::<Vec<_>>();
    assert_eq!(h.len(), 4, "default and first-page header per section");
    assert_eq!(h.iter().filter(|x| x.contains("PAGE")).count(), 2);
    assert!(h.iter().all(|x| !x.contains("Sisterdoc")));
}

#[test]
fn non_compliant_mark_is_in_every_header() {
    let mut doc = sample(Layout::Sequential);
    doc.non_compliant_mark = Some("NOT COMPLIANT: rendered with --allow-errors".into());
    let bytes = write_docx(&doc, &DocxOptions::default()).expect("write");
    for i in 1..=4 {
        let h = part(&bytes, &format!("word/header{i}.xml"));
        assert!(
            h.contains("NOT COMPLIANT: rendered with --allow-errors"),
            "header{i}"
        );
        assert!(h.contains("<w:b/>"), "mark is bold in header{i}");
    }
    // The mark is not body text.
    let got = read_back(&bytes);
    assert!(got.iter().all(|t| !t.contains("NOT COMPLIANT")));
}

#[test]
fn options_are_written_and_checked() {
    let opts = DocxOptions {
        font: "Sarabun & Co".into(),
        size_pt: 15.5,
    };
    let bytes = write_docx(&sample(Layout::Sequential), &opts).expect("write");
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"w:cs="Sarabun &amp; Co""#));
    assert!(xml.contains(r#"<w:szCs w:val="31"/>"#));
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:bidi="th-TH""#));

    let bad = DocxOptions {
        font: " ".into(),
        size_pt: 16.0,
    };
    assert!(write_docx(&sample(Layout::Sequential), &bad).is_err());
    let bad = DocxOptions {
        font: "TH SarabunPSK".into(),
        size_pt: f32::NAN,
    };
    assert!(write_docx(&sample(Layout::Sequential), &bad).is_err());
}

#[test]
fn control_characters_are_an_error_not_broken_xml() {
    let mut doc = sample(Layout::Sequential);
    if let BlockContent::Paragraph(p) = &mut doc.sections[0].blocks[1].content {
        p.runs[0].text.push('\u{1}');
    }
    let err = write_docx(&doc, &DocxOptions::default()).expect_err("U+0001 refused");
    assert!(err.to_string().contains("title"), "{err}");
}

// ----- (c) deterministic bytes ------------------------------------------------------

#[test]
fn same_document_same_bytes() {
    for layout in [Layout::Sequential, Layout::Parallel] {
        let doc = sample(layout);
        let a = write_docx(&doc, &DocxOptions::default()).expect("write");
        let b = write_docx(&doc, &DocxOptions::default()).expect("write");
        assert_eq!(a, b, "{layout:?}: two writes differ");
        // Another thread (docx-rs keeps per-thread counters) too.
        let doc2 = doc.clone();
        let c =
            std::thread::spawn(move || write_docx(&doc2, &DocxOptions::default()).expect("write"))
                .join()
                .expect("thread");
        assert_eq!(a, c, "{layout:?}: write on another thread differs");
    }
}

#[test]
fn zip_entries_have_fixed_timestamps() {
    let bytes = write_docx(&sample(Layout::Sequential), &DocxOptions::default()).expect("write");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("zip");
    let names: Vec<String> = zip.file_names().flatten().map(|n| n.into_owned()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    for i in 0..zip.len() {
        let f = zip.by_index(i).expect("entry");
        let t = f.last_modified().expect("timestamp");
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (1980, 1, 1),
            "{:?}",
            f.name()
        );
        assert_eq!(
            (t.hour(), t.minute(), t.second()),
            (0, 0, 0),
            "{:?}",
            f.name()
        );
    }
}

// ----- (d) metadata -----------------------------------------------------------------

#[test]
fn core_properties() {
    let mut doc = sample(Layout::Sequential);
    doc.title = "Letter of Intent: Chiang Mai <-> Kunming & co".into();
    let bytes = write_docx(&doc, &DocxOptions::default()).expect("write");
    let core = part(&bytes, "docProps/core.xml");
    assert!(core
        .contains("<dc:title>Letter of Intent: Chiang Mai &lt;-&gt; Kunming &amp; co</dc:title>"));
    assert!(core.contains("<dc:subject>Draft MFA standard MOU (Thai and English)</dc:subject>"));
    assert!(core.contains("<dc:language>th-TH</dc:language>"));
    for absent in [
        "dcterms:created>",
        "dcterms:modified>",
        "dc:creator",
        "cp:lastModifiedBy",
    ] {
        assert!(!core.contains(absent), "core.xml has {absent}");
    }
    // The title reads back through the reader's own XML parser too.
    let mut r = Reader::from_str(&core);
    loop {
        match r.read_event().expect("core.xml well-formed") {
            Event::Eof => break,
            _ => continue,
        }
    }
}

// ----- (e) LibreOffice -----------------------------------------------------------------

fn soffice() -> Option<PathBuf> {
    common::tool(&["soffice"], "libreoffice-writer-nogui")
}

fn convert_to_pdf(soffice: &Path, docx: &Path, outdir: &Path, profile: &Path) -> PathBuf {
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(outdir)
        .arg(docx)
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice failed on {}", docx.display());
    let pdf = outdir.join(docx.with_extension("pdf").file_name().expect("name"));
    let meta = std::fs::metadata(&pdf).unwrap_or_else(|_| panic!("{} missing", pdf.display()));
    assert!(meta.len() > 1000, "{} is nearly empty", pdf.display());
    let head = std::fs::read(&pdf).expect("read pdf");
    assert!(head.starts_with(b"%PDF"), "not a PDF");
    pdf
}

/// LibreOffice converts both layouts to PDF, and re-saves them as DOCX
/// with the same text (read back with our reader). Set SISTERDOC_DOCX_KEEP
/// to a directory to keep the DOCX and PDF files there for a look.
#[test]
fn libreoffice_converts_to_pdf() {
    let Some(soffice) = soffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let keep = std::env::var_os("SISTERDOC_DOCX_KEEP").map(PathBuf::from);
    let outdir = keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&outdir).expect("outdir");
    let profile = tmp.path().join("lo-profile");
    for (name, layout, mark) in [
        ("mou-sequential", Layout::Sequential, false),
        ("mou-parallel", Layout::Parallel, false),
        ("mou-sequential-marked", Layout::Sequential, true),
    ] {
        let mut doc = sample(layout);
        if mark {
            doc.non_compliant_mark = Some("ไม่เป็นไปตามแบบมาตรฐาน / NOT COMPLIANT".into());
        }
        let bytes = write_docx(&doc, &DocxOptions::default()).expect("write");
        let path = outdir.join(format!("{name}.docx"));
        std::fs::write(&path, &bytes).expect("write docx");
        convert_to_pdf(&soffice, &path, &outdir, &profile);

        let resaved_dir = tmp.path().join("resaved");
        let status = Command::new(&soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "docx:MS Word 2007 XML",
            ])
            .arg("--outdir")
            .arg(&resaved_dir)
            .arg(&path)
            .status()
            .expect("soffice runs");
        assert!(status.success(), "soffice could not re-save {name}");
        let resaved = std::fs::read(resaved_dir.join(format!("{name}.docx"))).expect("resaved");
        let want = match layout {
            Layout::Sequential => doc
                .plain_text()
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            Layout::Parallel => parallel_expected(&doc),
        };
        assert_eq!(
            read_back(&resaved),
            want,
            "{name} as re-saved by LibreOffice"
        );
    }
}

// ----- every fixture, through the real pipeline -----------------------------------

#[test]
fn every_fixture_round_trips_and_tags_thai_runs() {
    let docs = common::fixture_documents();
    assert!(docs.len() >= 12);
    for (name, doc) in docs {
        let bytes = write_docx(&doc, &DocxOptions::default()).expect("write");
        let got = read_back(&bytes);
        let want: Vec<String> = match doc.layout {
            Layout::Sequential => doc
                .plain_text()
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            Layout::Parallel => parallel_expected(&doc),
        };
        assert_eq!(
            got, want,
            "{name}: DOCX text differs from the document model"
        );
        let xml = part(&bytes, "word/document.xml");
        let mut thai_runs = 0;
        for p in scan(&xml) {
            for r in p.runs.iter().filter(|r| has_thai(&r.text)) {
                thai_runs += 1;
                assert!(
                    r.rfonts_cs && r.cs && r.sz_cs,
                    "{name}: complex-script attributes missing on {:?}",
                    r.text
                );
                assert_eq!(
                    r.lang_bidi.as_deref(),
                    Some("th-TH"),
                    "{name}: {:?}",
                    r.text
                );
            }
        }
        assert!(thai_runs > 10, "{name}: only {thai_runs} Thai runs");
        let again = write_docx(&doc, &DocxOptions::default()).expect("write");
        assert!(bytes == again, "{name}: two renders differ");
    }
}

/// LibreOffice opens every rendered fixture (all of them in one soffice run).
#[test]
fn libreoffice_opens_every_rendered_fixture() {
    let Some(soffice) = soffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let profile = tmp.path().join("lo-profile");
    let mut paths = Vec::new();
    for (name, doc) in common::fixture_documents() {
        let path = tmp.path().join(format!("{name}.docx"));
        std::fs::write(
            &path,
            write_docx(&doc, &DocxOptions::default()).expect("write"),
        )
        .expect("write docx");
        paths.push(path);
    }
    let out = tmp.path().join("pdf");
    let status = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out)
        .args(&paths)
        .status()
        .expect("soffice runs");
    assert!(status.success());
    for p in &paths {
        let pdf = out.join(p.with_extension("pdf").file_name().expect("name"));
        let bytes = std::fs::read(&pdf)
            .unwrap_or_else(|_| panic!("LibreOffice did not convert {}", p.display()));
        assert!(
            bytes.starts_with(b"%PDF") && bytes.len() > 5000,
            "{}",
            pdf.display()
        );
    }
}

/// Runs and paragraph ends marked as tracked changes (the redline's) are
/// written as Word's `w:ins` / `w:del` (deleted text as `w:delText`), author
/// "sisterdoc", a fixed date, ids 1, 2, 3… in document order on every
/// write; the one reader reads both sides back.
#[test]
fn tracked_changes_are_written_as_word_revisions() {
    use sisterdoc::document::{Paragraph, Revision};
    use sisterdoc::docx::{read_docx_view, View};
    let th = Lang::Th;
    let mut changed = run("will", Lang::En);
    changed.revision = Some(Revision::Deleted);
    let mut added = run("shall", Lang::En);
    added.revision = Some(Revision::Inserted);
    let mut thai = run("ผู้เข้าร่วม", th);
    thai.revision = Some(Revision::Inserted);
    let mut gone = para("gone", ParaStyle::Body, None, vec![run("Old ", Lang::En)]);
    if let BlockContent::Paragraph(p) = &mut gone.content {
        p.revision = Some(Revision::Deleted);
        p.runs[0].revision = Some(Revision::Deleted);
    }
    let blocks = vec![
        para(
            "c",
            ParaStyle::Clause,
            None,
            vec![run("1.\tThey ", Lang::En), changed, added, thai],
        ),
        gone,
        Block {
            key: "end".into(),
            content: BlockContent::Paragraph(Paragraph {
                style: ParaStyle::Body,
                number: None,
                runs: vec![run("text", Lang::En)],
                revision: None,
                lang: Some(Lang::En),
            }),
            principle: false,
        },
    ];
    let doc = Document {
        sections: vec![Section {
            lang: Lang::En,
            blocks,
        }],
        ..sample(Layout::Sequential)
    };
    let a = write_docx(&doc, &DocxOptions::default()).expect("writes");
    let b = write_docx(&doc, &DocxOptions::default()).expect("writes");
    assert_eq!(a, b, "same bytes");
    let xml = part(&a, "word/document.xml");
    assert_eq!(xml.matches("<w:ins ").count(), 2, "{xml}");
    // The deleted word, the deleted paragraph's end and its text.
    assert_eq!(xml.matches("<w:del ").count(), 3, "{xml}");
    for id in 1..=5 {
        assert_eq!(xml.matches(&format!(r#"w:id="{id}""#)).count(), 1, "{id}");
    }
    assert!(!xml.contains(r#"w:id="6""#));
    assert_eq!(xml.matches(r#"w:author="sisterdoc""#).count(), 5);
    assert!(xml.contains("<w:delText"));
    let view = |v| -> Vec<String> {
        read_docx_view(&a, v)
            .expect("reads")
            .paragraphs
            .into_iter()
            .map(|p| p.text)
            .collect()
    };
    assert_eq!(view(View::Accepted), ["1.\tThey shallผู้เข้าร่วม", "text"]);
    assert_eq!(view(View::Rejected), ["1.\tThey will", "Old ", "text"]);
}
