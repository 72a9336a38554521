//! `sisterdoc package`: golden text of every part of the submission (the
//! covering letter, the plan with its totals, the profile, the checklist,
//! the signing report) for the proposal fixtures, and the plan's numbers.

mod common;
use common::*;
use sisterdoc::document::{BlockContent, CellValue, Document, PackagePart};

fn descriptor(name: &str) -> sisterdoc::descriptor::Descriptor {
    let path = root().join(format!("fixtures/proposal/{name}.yaml"));
    let l = sisterdoc::check::check_bytes(&std::fs::read(&path).expect("read"), Some(name));
    l.descriptor.expect("decodes")
}

pub fn fixtures() -> Vec<String> {
    yaml_files("fixtures/proposal")
        .iter()
        .map(|p| stem(p))
        .collect()
}

fn part(name: &str, p: PackagePart) -> Document {
    sisterdoc::package::build_part(&descriptor(name), p).expect("builds")
}

#[test]
fn package_text_matches_golden_files() {
    let mut failures = Vec::new();
    let names = fixtures();
    assert!(names.len() >= 2);
    for name in &names {
        for &p in &PackagePart::ALL {
            let doc = part(name, p);
            let path = root()
                .join("fixtures/golden/package")
                .join(format!("{name}-{}.txt", p.code()));
            if let Err(e) = golden(&path, &doc.plain_text()) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn plan_totals_are_numbers_and_sums() {
    let doc = part("chiangmai-kunming-proposal", PackagePart::Plan);
    let t = doc.sections[0]
        .blocks
        .iter()
        .find_map(|b| match &b.content {
            BlockContent::Table(t) => Some(t),
            _ => None,
        })
        .expect("plan table");
    let budget = |id: &str| {
        let row = t
            .rows
            .iter()
            .position(|r| r.id.as_deref() == Some(id))
            .expect(id);
        (
            row,
            t.rows[row].cells[2].value.clone(),
            t.rows[row].cells[2].text(),
        )
    };
    assert_eq!(budget("a-1").1, CellValue::Number(350000));
    assert_eq!(budget("a-1").2, vec!["๓๕๐,๐๐๐"]);
    let (a1, a2) = (budget("a-1").0, budget("a-2").0);
    assert_eq!(budget("fy-2570").1, CellValue::Sum(vec![a1, a2]));
    assert_eq!(budget("fy-2570").2, vec!["๘๕๐,๐๐๐"]);
    let fys: Vec<usize> = ["fy-2570", "fy-2571", "fy-2572"]
        .iter()
        .map(|y| budget(y).0)
        .collect();
    assert_eq!(budget("total").1, CellValue::Sum(fys));
    assert_eq!(budget("total").2, vec!["๙๗๐,๐๐๐"]);
    let text = doc.plain_text();
    for want in [
        "ปีงบประมาณ พ.ศ. ๒๕๗๐ - ๒๕๗๒",
        "รวมปีงบประมาณ พ.ศ. ๒๕๗๑",
        "รวมทั้งสิ้น",
    ] {
        assert!(text.contains(want), "{want}");
    }
}

#[test]
fn letter_follows_the_correspondence_order() {
    let text = part("nan-luangprabang-proposal", PackagePart::Letter).plain_text();
    let order = [
        "ที่ นน ๐๐๑๗.๓/",
        "สำนักงานจังหวัดน่าน",
        "เรื่อง ขอเสนอการสถาปนา",
        "เรียน ปลัดกระทรวงมหาดไทย",
        "อ้างถึง หนังสือกระทรวงมหาดไทย",
        "สิ่งที่ส่งมาด้วย",
        "๑. ร่างหนังสือแสดงเจตจำนง",
        "ด้วยจังหวัดน่าน",
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "ขอแสดงความนับถือ",
        "(นายตัวอย่าง น่าน)",
        "ผู้ว่าราชการจังหวัดน่าน",
        "กลุ่มงานยุทธศาสตร์",
        "โทร. ๐ ๕๔๗๑ ๐๒๓๔",
        "โทรสาร ๐ ๕๔๗๑ ๐๒๓๕",
    ];
    let mut at = 0;
    for want in order {
        let i = text[at..]
            .find(want)
            .unwrap_or_else(|| panic!("{want} after byte {at}:\n{text}"));
        at += i + want.len();
    }
    // No date given: a dotted line for the registry clerk.
    assert!(
        text.contains("\n..............................\n"),
        "{text}"
    );
}
