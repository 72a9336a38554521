//! A hand-built MOU-like document (Thai and English) for the PDF writer's
//! tests and benchmark (and its Run/Block constructors for the DOCX tests);
//! `common::pdf_fixture` in `tests/pdf_writer.rs` and `tests/docx_writer.rs`,
//! and included by `benches/pdf_render.rs` with `#[path]`.
#![allow(dead_code)]

use sisterdoc::document::{
    Block, BlockContent, DocKind, Document, Lang, Layout, ParaStyle, Paragraph, Run, Section,
    Signature,
};

pub fn run(text: &str, lang: Lang) -> Run {
    Run {
        text: text.to_string(),
        lang,
        bold: false,
        slot: None,
        revision: None,
    }
}

pub fn slot(text: &str, lang: Lang, name: &str) -> Run {
    Run {
        text: text.to_string(),
        lang,
        bold: false,
        slot: Some(name.to_string()),
        revision: None,
    }
}

pub fn para(key: &str, style: ParaStyle, number: Option<&str>, runs: Vec<Run>) -> Block {
    Block {
        key: key.to_string(),
        content: BlockContent::Paragraph(Paragraph {
            style,
            number: number.map(str::to_string),
            runs,
            revision: None,
            lang: None,
        }),
        principle: false,
    }
}

fn sig(left: &[&[&str]], right: &[&[&str]], lang: Lang) -> Block {
    let col = |c: &[&[&str]]| -> Vec<Vec<Run>> {
        c.iter()
            .map(|l| l.iter().map(|t| run(t, lang)).collect())
            .collect()
    };
    Block {
        key: "signature".to_string(),
        content: BlockContent::Signature(Signature {
            left: col(left),
            right: col(right),
        }),
        principle: false,
    }
}

/// The Thai section of the MOU.
pub fn thai() -> Section {
    use Lang::Th;
    use ParaStyle::*;
    let p = "ผู้เข้าร่วมทั้งสองฝ่าย";
    Section {
        lang: Th,
        blocks: vec![
            para("mark", DraftMark, None, vec![run("(ร่าง)", Th)]),
            para("title", Title, None, vec![run("บันทึกความเข้าใจ", Th)]),
            para(
                "title-2",
                Centered,
                None,
                vec![
                    run("เพื่อการสถาปนาความสัมพันธ์", Th),
                    slot("เมืองพี่เมืองน้อง", Th, "relationship"),
                ],
            ),
            para("between", Centered, None, vec![run("ระหว่าง", Th)]),
            para(
                "party-th",
                Centered,
                None,
                vec![slot("จังหวัดพระนครศรีอยุธยา", Th, "thai_party")],
            ),
            para("and", Centered, None, vec![run("กับ", Th)]),
            para(
                "party-partner",
                Centered,
                None,
                vec![slot("นครคุนหมิง มณฑลยูนนาน สาธารณรัฐประชาชนจีน", Th, "partner")],
            ),
            para(
                "preamble-1",
                Body,
                None,
                vec![
                    slot("จังหวัดพระนครศรีอยุธยา", Th, "thai_party"),
                    run(" กับ", Th),
                    slot("นครคุนหมิง", Th, "partner"),
                    run(" ซึ่งต่อไปนี้จะเรียกว่า \"", Th),
                    run(p, Th),
                    run("\" เพื่อให้เป็นไปตามปรารถนาร่วมกันที่จะเสริมสร้างความเข้าใจและมิตรจิตระหว่างกัน ด้วยน้ำใจไมตรีอันดีที่มีมาช้านาน และ", Th),
                ],
            ),
            para(
                "preamble-2",
                Body,
                None,
                vec![
                    run("โดยคำนึงถึงความสัมพันธ์ฉันมิตรที่มีอยู่ระหว่างทั้งสองประเทศ ", Th),
                    run(p, Th),
                    run("ได้บรรลุความเข้าใจร่วมกันดังต่อไปนี้", Th),
                ],
            ),
            para(
                "clause-1",
                Clause,
                Some("๑."),
                vec![
                    run(p, Th),
                    run("จะร่วมมือกันเพื่อส่งเสริมความมั่งคั่งและการพัฒนาร่วมกันบนพื้นฐานของความเท่าเทียมและผลประโยชน์ร่วมกัน ภายใต้อำนาจหน้าที่ของตน และตามกฎหมายและระเบียบที่มีผลใช้บังคับในแต่ละประเทศ", Th),
                ],
            ),
            para(
                "clause-2",
                Clause,
                Some("๒."),
                vec![
                    run(p, Th),
                    run("จะร่วมมือกันในด้านต่าง ๆ ได้แก่ ", Th),
                    slot("การท่องเที่ยว การค้าและการลงทุน การศึกษา วัฒนธรรม และการแลกเปลี่ยนดนตรีพื้นบ้าน เช่น ปี่ ซอ และการแสดงพื้นเมืองของจังหวัดลำพูนและเขตปกครองตนเองสิบสองปันนา", Th, "fields"),
                    run(" ที่สอดคล้องกับนโยบายของรัฐบาล กฎหมายภายใน และพันธกรณีระหว่างประเทศของ", Th),
                    run(p, Th),
                ],
            ),
            para(
                "clause-3",
                Clause,
                Some("๓."),
                vec![
                    run(p, Th),
                    run("จะส่งเสริมให้หน่วยงานที่เกี่ยวข้องของตนติดต่อกันโดยตรงเพื่อความร่วมมือภายใต้บันทึกความเข้าใจนี้ อีกทั้ง", Th),
                    run(p, Th),
                    run("จะสนับสนุนให้มีการแลกเปลี่ยนการเยือนระหว่างเจ้าหน้าที่ของตน รวมทั้งผู้แทนจากสาธารณรัฐแห่งสหภาพเมียนมาที่ได้รับเชิญเป็นผู้สังเกตการณ์ ฟิ้ กั๊ก", Th),
                ],
            ),
            para(
                "clause-4",
                Clause,
                Some("๔."),
                vec![
                    run(p, Th),
                    run("จะหารือกันเกี่ยวกับรูปแบบและแผนงานความร่วมมือในการดำเนินการตามบันทึกความเข้าใจนี้ โดยจัดให้มีการประชุมประจำปีหรือการประชุมอื่นเมื่อจำเป็น เพื่อติดตามและประเมินผลสัมฤทธิ์ของโครงการร่วม ตลอดจนเพื่อให้เกิดผลเป็นรูปธรรมและประโยชน์ร่วมกันต่อทั้งสองฝ่ายอย่างแท้จริง", Th),
                ],
            ),
            para(
                "clause-5",
                Clause,
                Some("๕."),
                vec![
                    run("บันทึกความเข้าใจนี้จะมีผลใช้บังคับในวันที่ลงนาม และจะมีผลต่อไปจนกว่า", Th),
                    run("ผู้เข้าร่วมฝ่ายใดฝ่ายหนึ่ง", Th),
                    run("จะแจ้งเป็นลายลักษณ์อักษรล่วงหน้า ", Th),
                    slot("หกเดือน", Th, "notice"),
                    run(" ให้", Th),
                    run("ผู้เข้าร่วมอีกฝ่าย", Th),
                    run("ทราบถึงเจตนาที่จะยุติบันทึกความเข้าใจนี้", Th),
                ],
            ),
            para(
                "signing",
                Body,
                None,
                vec![
                    run("ลงนามเป็นคู่ฉบับ ณ ", Th),
                    slot("นครคุนหมิง", Th, "place"),
                    run(" เมื่อวันที่ ", Th),
                    slot("๑๕ มีนาคม พ.ศ. ๒๕๖๙", Th, "date"),
                    run(" เป็นภาษาไทย ภาษาจีน และภาษาอังกฤษ ในกรณีที่มีความแตกต่างในการตีความให้ใช้ฉบับภาษาอังกฤษเป็นเกณฑ์", Th),
                ],
            ),
            sig(
                &[
                    &["สำหรับจังหวัดพระนครศรีอยุธยา"],
                    &["........................................"],
                    &["(นายสมชาย ใจดี)"],
                    &["ผู้ว่าราชการจังหวัดพระนครศรีอยุธยา"],
                ],
                &[
                    &["สำหรับนครคุนหมิง"],
                    &["........................................"],
                    &["(นายหลี่ หมิง)"],
                    &["นายกเทศมนตรีนครคุนหมิง"],
                ],
                Th,
            ),
        ],
    }
}

/// The English section of the MOU.
pub fn english() -> Section {
    use Lang::En;
    use ParaStyle::*;
    Section {
        lang: En,
        blocks: vec![
            para("mark", DraftMark, None, vec![run("(Draft)", En)]),
            para("title", Title, None, vec![run("Memorandum of Understanding", En)]),
            para(
                "title-2",
                Centered,
                None,
                vec![
                    run("on the Establishment of ", En),
                    slot("Sister City", En, "relationship"),
                    run(" Relations", En),
                ],
            ),
            para("between", Centered, None, vec![run("between", En)]),
            para(
                "party-th",
                Centered,
                None,
                vec![slot("Phra Nakhon Si Ayutthaya Province", En, "thai_party")],
            ),
            para("and", Centered, None, vec![run("and", En)]),
            para(
                "party-partner",
                Centered,
                None,
                vec![slot("Kunming City, Yunnan Province, the People's Republic of China", En, "partner")],
            ),
            para(
                "preamble-1",
                Body,
                None,
                vec![
                    slot("Phra Nakhon Si Ayutthaya Province", En, "thai_party"),
                    run(" and ", En),
                    slot("Kunming City", En, "partner"),
                    run(" (hereinafter collectively referred to as the \"Participants\"); Guided by mutual aspiration toward the strengthening of understanding and goodwill between them; and", En),
                ],
            ),
            para(
                "preamble-2",
                Body,
                None,
                vec![run("Taking into consideration the existing friendly relations between the two countries, the Participants have reached the following understandings:", En)],
            ),
            para(
                "clause-1",
                Clause,
                Some("1."),
                vec![run("The Participants will, within their authorities and to the extent permitted by the laws and regulations in force in their respective countries, cooperate with each other to promote mutual prosperity and development on the basis of equality and mutual benefits.", En)],
            ),
            para(
                "clause-2",
                Clause,
                Some("2."),
                vec![
                    run("The Participants will cooperate with each other in various fields, namely ", En),
                    slot("tourism, trade and investment, education, culture, and exchanges of folk music and performing arts of Lamphun Province and the Xishuangbanna Dai Autonomous Prefecture", En, "fields"),
                    run(", compatible with their respective Governments' policies, domestic law, and international obligations.", En),
                ],
            ),
            para(
                "clause-3",
                Clause,
                Some("3."),
                vec![run("The Participants will encourage their agencies concerned to maintain direct contacts with each other for the cooperation under this Memorandum of Understanding. The Participants will also encourage the exchange of visits between their officials, including representatives of the Republic of the Union of Myanmar invited as observers.", En)],
            ),
            para(
                "clause-4",
                Clause,
                Some("4."),
                vec![run("The Participants will consult each other regarding the modalities and programmes of cooperation in implementing this Memorandum of Understanding by convening an annual meeting, or other meetings when necessary, to monitor and evaluate the achievement of joint projects as well as to ensure concrete results and mutual benefits.", En)],
            ),
            para(
                "clause-5",
                Clause,
                Some("5."),
                vec![
                    run("This Memorandum of Understanding will come into effect on the date of its signature and will remain in effect until one of the Participants gives the other ", En),
                    slot("six months'", En, "notice"),
                    run(" prior written notice of its intention to terminate it.", En),
                ],
            ),
            para(
                "signing",
                Body,
                None,
                vec![
                    run("Signed in duplicate at ", En),
                    slot("Kunming", En, "place"),
                    run(" on ", En),
                    slot("15 March 2026", En, "date"),
                    run(" in the Thai, Chinese and English languages. In case of divergence of interpretation, the English text will be used.", En),
                ],
            ),
            sig(
                &[
                    &["For Phra Nakhon Si Ayutthaya Province"],
                    &["........................................"],
                    &["(Mr. Somchai Jaidee)"],
                    &["Governor of Phra Nakhon Si Ayutthaya Province"],
                ],
                &[
                    &["For Kunming City"],
                    &["........................................"],
                    &["(Mr. Li Ming)"],
                    &["Mayor of Kunming City"],
                ],
                En,
            ),
        ],
    }
}

/// The whole MOU in the given layout.
pub fn mou(layout: Layout) -> Document {
    Document {
        kind: DocKind::Mou,
        title: "Memorandum of Understanding: Phra Nakhon Si Ayutthaya - Kunming".to_string(),
        subject: "Draft MFA standard MOU (Thai and English)".to_string(),
        layout,
        non_compliant_mark: None,
        sections: vec![thai(), english()],
        thai_digits: true,
    }
}

/// A paragraph of long Thai proper names back to back, to stress line breaking.
pub fn stress_names() -> Block {
    let names = "จังหวัดพระนครศรีอยุธยาเขตปกครองตนเองสิบสองปันนาสาธารณรัฐแห่งสหภาพเมียนมานครคุนหมิงจังหวัดลำพูนผู้เข้าร่วมทั้งสองฝ่ายกรุงเทพมหานครอมรรัตนโกสินทร์มหินทรายุธยามหาดิลกภพนพรัตนราชธานีบุรีรมย์อุดมราชนิเวศน์มหาสถานอมรพิมานอวตารสถิตสักกะทัตติยวิษณุกรรมประสิทธิ์จังหวัดพระนครศรีอยุธยาเขตปกครองตนเองสิบสองปันนา";
    para("stress", ParaStyle::Body, None, vec![run(names, Lang::Th)])
}

/// The MOU with the stress paragraph added to the Thai section.
pub fn mou_with_stress(layout: Layout) -> Document {
    let mut d = mou(layout);
    if let Some(s) = d.sections.first_mut() {
        let at = s.blocks.len().saturating_sub(2);
        s.blocks.insert(at, stress_names());
    }
    d
}

/// The text the independent checkers expect (`shared/tools`): a line per
/// paragraph, the signature block row by row as "LEFT    RIGHT".
pub fn checker_expected(doc: &Document) -> String {
    let mut out = String::new();
    for s in &doc.sections {
        for b in &s.blocks {
            match &b.content {
                BlockContent::Paragraph(p) => {
                    out.push_str(&p.text());
                    out.push('\n');
                }
                BlockContent::Signature(sig) => {
                    let text = |l: &Vec<Run>| l.iter().map(|r| r.text.as_str()).collect::<String>();
                    for i in 0..sig.left.len().max(sig.right.len()) {
                        let l = sig.left.get(i).map(text).unwrap_or_default();
                        let r = sig.right.get(i).map(text).unwrap_or_default();
                        out.push_str(&format!("{l}    {r}\n"));
                    }
                }
                BlockContent::Table(_) => {
                    for l in b.lines() {
                        out.push_str(&l);
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}
