//! Golden text of every standard draft rendered from the fixtures: each
//! template under each slot combination the fixtures cover (both termination
//! options, notice in months and days, both LOI intents and all three party
//! terms, both participant terms, the three instrument titles, a custom
//! relationship name, with and without place and date, Thai and Arabic digits).

mod common;
use common::*;
use sisterdoc::document::{ComposeOptions, DocKind};

fn render_all(files: Vec<std::path::PathBuf>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in files {
        let s = stem(&f);
        let l = sisterdoc::check::check_bytes(&std::fs::read(&f).expect("read"), Some(&s));
        let desc = l.descriptor.expect("decodes");
        for kind in [DocKind::Loi, DocKind::Mou] {
            if !desc.documents.contains(&kind) {
                continue;
            }
            let doc = sisterdoc::render::document(&desc, kind, ComposeOptions::default())
                .expect("builds");
            out.push((
                format!("{}-{}", desc.id.clone().unwrap_or(s.clone()), kind.code()),
                doc.plain_text(),
            ));
        }
    }
    out
}

#[test]
fn rendered_text_matches_golden_files() {
    let mut docs = render_all(yaml_files("fixtures/valid"));
    // A custom relationship name and the "Agreement" title (warnings only: they render).
    docs.extend(render_all(
        ["mfa-2-custom-name", "mou-title-agreement"]
            .iter()
            .map(|n| root().join(format!("fixtures/invalid/{n}.yaml")))
            .collect(),
    ));
    let mut failures = Vec::new();
    for (name, text) in &docs {
        if let Err(e) = golden(
            &root().join("fixtures/golden").join(format!("{name}.txt")),
            text,
        ) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(docs.len() >= 16, "{}", docs.len());
}

fn text_of(id: &str, kind: &str) -> String {
    std::fs::read_to_string(
        root()
            .join("fixtures/golden")
            .join(format!("{id}-{kind}.txt")),
    )
    .expect("golden exists")
}

#[test]
fn slot_combinations_render_as_the_standard_words_them() {
    // Option 1, months, Thai digits.
    let t = text_of("chiangmai-kunming", "mou");
    // Clause 5 in the MFA's word order and wording ("จะมีผลกระทั่ง", the period before ล่วงหน้า).
    assert!(t.contains("จะมีผลกระทั่งผู้เข้าร่วมฝ่ายใดฝ่ายหนึ่งแจ้งเป็นลายลักษณ์อักษร ๖ เดือน ล่วงหน้าให้ผู้เข้าร่วมอีกฝ่าย"));
    assert!(!t.contains("จนกระทั่ง"));
    // Clause 1: the MFA's Thai (ความมั่นคง), only the doubled vowel repaired.
    assert!(t.contains("เพื่อส่งเสริมความมั่นคงและพัฒนาร่วมกันบนพื้นฐาน"));
    // English clause 2: the comma makes "compatible with" qualify every field.
    assert!(t.contains("tourism and smart agriculture, compatible with"));
    assert!(t.contains("the exchange of visits between"));
    // The signing date as Thai official texts write it.
    assert!(t.contains("เมื่อวันที่ ๑๕ มีนาคม พ.ศ. ๒๕๖๙"));
    assert!(t.contains("six (6) months' prior written notice"));
    assert!(t.contains("๑๕ มีนาคม พ.ศ. ๒๕๖๙") && t.contains("15 March 2026"));
    assert!(t.contains("เป็นภาษาไทย ภาษาจีน และภาษาอังกฤษ"));
    assert!(t.contains("in the Thai, Chinese and English languages"));
    assert!(t.contains("๑. ผู้เข้าร่วมทั้งสองฝ่าย"));
    // Option 2, two sides.
    let t = text_of("chiangmai-hokkaido", "mou");
    assert!(t.contains("จะมีผลเป็นระยะเวลา ๕ ปี"));
    assert!(t.contains("for a five (5)-year period"));
    assert!(t.contains("The two sides will"));
    assert!(t.contains("๑. ทั้งสองฝ่ายจะร่วมมือ"));
    // Clause 3 with two-sides does not read "อีกทั้งทั้งสองฝ่าย".
    assert!(t.contains("อีกทั้ง ทั้งสองฝ่ายจะมีการสนับสนุน") && !t.contains("อีกทั้งทั้ง"));
    // Option 2 completed with the MFA Treaty Department's own words.
    assert!(t.contains("จะขึ้นอยู่กับการตกลงกันระหว่างทั้งสองฝ่าย"));
    assert!(!t.contains("การตัดสินใจร่วมกัน"));
    // Notice in days; Memorandum of Agreement.
    let t = text_of("phuket-busan", "mou");
    assert!(t.contains("ninety (90) days' prior written notice") && t.contains("๙๐ วัน"));
    assert!(t.contains("Memorandum of Agreement") && t.contains("บันทึกความตกลง"));
    // Arabic digits when thai_digits is off.
    let t = text_of("sakaeo-banteay-meanchey", "mou");
    assert!(t.contains("1. ผู้เข้าร่วมทั้งสองฝ่าย") && t.contains("3 ปี") && !t.contains('๑'));
    // LOI: wish / both sides; no place or date: dotted lines.
    let t = text_of("mukdahan-savannakhet", "loi");
    assert!(t.contains("ทั้งสองฝ่ายประสงค์ที่จะสถาปนา"));
    assert!(t.contains("Both sides wish to formally establish"));
    assert!(t.contains(
        "ลงนามเป็นคู่ฉบับ ณ .............................. เมื่อวันที่ .............................."
    ));
    assert!(t.contains("เป็นภาษาไทย ภาษาลาว และภาษาอังกฤษ"));
    // English-speaking partner: Thai and English only.
    let t = text_of("lamphun-orinda", "mou");
    assert!(
        t.contains("เป็นภาษาไทยและภาษาอังกฤษ") && t.contains("in the Thai and English languages")
    );
    // A partner name built on "of" takes "the" in English.
    assert!(t.contains("Lamphun Province and the City of Orinda"));
    assert!(t.contains("For the City of Orinda"));
    let t = text_of("lamphun-orinda", "loi");
    assert!(t.contains("\nto Establish a Sister Cities Relationship\n"));
    assert!(t.contains(
        "Both cities will formally establish a Sister Cities relationship in the future."
    ));
    // The two cities; will.
    let t = text_of("sakaeo-banteay-meanchey", "loi");
    assert!(
        t.contains("เมืองทั้งสองจะสถาปนา") && t.contains("The two cities will formally establish")
    );
    // The LOI preamble offers only [ทั้งสองเมือง/ทั้งสองฝ่าย].
    assert!(t.contains("ทั้งสองเมืองแสดงเจตจำนงร่วมกันดังนี้") && !t.contains("เมืองทั้งสองแสดง"));
    // Establishment of Cooperation reads naturally.
    let t = text_of("nakhonphanom-quangbinh", "mou");
    assert!(
        t.contains("เพื่อการสถาปนาความร่วมมือ") && t.contains("on the Establishment of Cooperation")
    );
    // Custom relationship name.
    let t = text_of("mfa-2-custom-name", "mou");
    assert!(
        t.contains("เพื่อการสถาปนาความสัมพันธ์เมืองพันธมิตร")
            && t.contains("on the Establishment of Allied Cities")
    );
    // Both drafts carry the draft mark.
    for (id, kind) in [("chiangmai-kunming", "loi"), ("chiangmai-kunming", "mou")] {
        let t = text_of(id, kind);
        assert!(t.starts_with("(ร่าง)\n") && t.contains("\n(Draft)\n"));
    }
}

#[test]
fn non_compliant_mark_comes_from_the_model() {
    let f = root().join("fixtures/invalid/mfa-9-vice-governor.yaml");
    let l = sisterdoc::check::check_bytes(&std::fs::read(f).expect("read"), Some("x"));
    let desc = l.descriptor.expect("decodes");
    let doc = sisterdoc::render::document(
        &desc,
        DocKind::Mou,
        ComposeOptions {
            non_compliant: true,
            ..Default::default()
        },
    )
    .expect("builds");
    assert_eq!(
        doc.non_compliant_mark.as_deref(),
        Some(sisterdoc::document::compose::NON_COMPLIANT)
    );
}

/// `data/thai-runs.txt` (the standard texts' Thai runs with their breaks,
/// computed ahead for a fast cold start) is what the bundled examples make
/// of it today, with one example's province, relationship name and first
/// field varied over their closed lists; `UPDATE_GOLDEN=1` rewrites it after
/// a template change.
#[test]
fn known_thai_runs_are_current() {
    use sisterdoc::descriptor::model::{At, KeyOr};
    use sisterdoc::reference::{
        fields::FIELDS, provinces::PROVINCES, relationships::RELATIONSHIPS,
    };
    let texts: Vec<String> = render_all(yaml_files("fixtures/valid"))
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let base_file = root().join("fixtures/valid/ayutthaya-hue.yaml");
    let base = sisterdoc::check::check_bytes(&std::fs::read(&base_file).expect("read"), None)
        .descriptor
        .expect("decodes");
    let drafts = |d: &sisterdoc::descriptor::Descriptor| -> String {
        [DocKind::Loi, DocKind::Mou]
            .iter()
            .map(|k| {
                sisterdoc::render::document(d, *k, ComposeOptions::default())
                    .expect("builds")
                    .plain_text()
            })
            .collect()
    };
    let pos = base.thai_side.province.as_ref().expect("a province").pos;
    let mut variants: Vec<Vec<String>> = Vec::new();
    variants.push(
        PROVINCES
            .iter()
            .map(|p| {
                let mut d = base.clone();
                d.thai_side.province = Some(At { value: p, pos });
                drafts(&d)
            })
            .collect(),
    );
    variants.push(
        RELATIONSHIPS
            .iter()
            .map(|r| {
                let mut d = base.clone();
                d.relationship = Some(At {
                    value: KeyOr::Key(r),
                    pos,
                });
                drafts(&d)
            })
            .collect(),
    );
    variants.push(
        FIELDS
            .iter()
            .map(|f| {
                let mut d = base.clone();
                if let Some(first) = d.fields.first_mut() {
                    *first = KeyOr::Key(f);
                }
                drafts(&d)
            })
            .collect(),
    );
    let table = sisterdoc::thai::known_runs::generate(&texts, &variants);
    assert!(table.lines().count() > 200, "{}", table.lines().count());
    if let Err(e) = golden(&root().join("data/thai-runs.txt"), &table) {
        panic!("{}", e.chars().take(2000).collect::<String>());
    }
}
