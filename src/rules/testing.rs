//! Test support: a valid descriptor to vary, and "does rule X fire?".

use crate::diagnostic::Diagnostic;

/// A complete, valid descriptor (Chiang Mai - Kunming) used as the base of rule tests.
pub const BASE: &str = r#"version: 1
id: test-pair
documents: [loi, mou]
relationship: sister-cities
thai_side:
  province: Chiang Mai
  signatory:
    name: {th: นายปวิณ ชำนิประศาสน์, en: Mr. Pawin Chamniprasart}
    position: governor
partner:
  name: {en: Kunming, th: นครคุนหมิง}
  unit: city
  level: province-equivalent
  within: {en: Yunnan Province, th: มณฑลยูนนาน}
  country: CN
  signatory:
    name: {en: Mr. Example Name, th: นายตัวอย่าง}
    title: {en: Mayor of Kunming, th: นายกเทศมนตรีนครคุนหมิง}
    rank: governor-equivalent
cooperation:
  fields: [trade, investment, tourism]
mou:
  title: memorandum-of-understanding
  participants: participants
  termination:
    option: notice
    notice_period: 6 months
loi:
  parties: both-cities
  intent: will
signing:
  place: {en: Kunming, th: นครคุนหมิง}
  date: 2026-03-15
"#;

/// A complete `proposal:` section to append to BASE: three fiscal years,
/// each with an activity and an indicator.
pub const PROPOSAL: &str = r#"proposal:
  letter:
    number: ชม ๐๐๑๗.๓/
    date: 2026-01-15
    office: สำนักงานจังหวัดเชียงใหม่
    address: ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ ๕๐๓๐๐
  reasons: {th: เป็นเมืองศูนย์กลางทางวัฒนธรรม, en: both are cultural centres}
  partner_profile: {th: ประชากรประมาณ ๘ ล้านคน, en: about 8 million people}
  plan:
    - activity: {th: การแลกเปลี่ยนการเยือนระดับผู้บริหาร, en: exchange of visits by executives}
      fiscal_year: 2570
      budget: 350000
      source: งบประมาณจังหวัด
      responsible: สำนักงานจังหวัดเชียงใหม่
      indicator: {th: มีการเยือนอย่างน้อยปีละ ๑ ครั้ง, en: at least one visit a year}
    - activity: {th: เทศกาลวัฒนธรรม, en: cultural festival}
      fiscal_year: 2571
      budget: 0
      source: ไม่ใช้งบประมาณ
      responsible: สำนักงานวัฒนธรรมจังหวัดเชียงใหม่
      indicator: {th: ผู้เข้าร่วม ๕๐๐ คน, en: 500 participants}
    - activity: {th: การประชุมประจำปี, en: annual meeting}
      fiscal_year: 2572
      budget: 120000
      source: งบประมาณจังหวัด
      responsible: สำนักงานจังหวัดเชียงใหม่
      indicator: {th: จัดประชุม ๑ ครั้ง, en: one meeting held}
"#;

/// BASE with one line replaced (`from` must occur exactly once).
pub fn with(from: &str, to: &str) -> String {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "{from:?} must occur once in BASE"
    );
    BASE.replace(from, to)
}

/// BASE with the partner's unit, level and signatory rank replaced.
pub fn partner_block(unit: &str, level: &str, rank: &str) -> String {
    with("  unit: city\n", &format!("  unit: {unit}\n"))
        .replace("level: province-equivalent", &format!("level: {level}"))
        .replace("rank: governor-equivalent", &format!("rank: {rank}"))
}

/// Every diagnostic (decoding and rules) for a descriptor text.
pub fn diagnostics(yaml: &str) -> Vec<Diagnostic> {
    crate::check::check_bytes(yaml.as_bytes(), Some("test-pair")).diagnostics
}

/// Does `rule` report anything for this descriptor?
pub fn fires(rule: &str, yaml: &str) -> bool {
    diagnostics(yaml).iter().any(|d| d.rule == rule)
}

#[test]
fn base_descriptor_is_clean() {
    // Chiang Mai - Kunming exists already (REG-1 and REG-2 say so); nothing else fires.
    let d: Vec<_> = diagnostics(BASE)
        .into_iter()
        .filter(|d| !d.rule.starts_with("REG-"))
        .collect();
    assert!(d.is_empty(), "{d:#?}");
}
