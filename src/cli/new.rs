//! `sisterdoc new`: a descriptor with every field, commented in Thai and English.

use super::files::write_atomic;
use super::KindArg;
use std::path::Path;
use std::process::ExitCode;

/// The descriptor text `new` writes. Values in <...> are placeholders that
/// `check` reports (SCHEMA-PLACEHOLDER) until they are filled in.
pub fn template(kind: KindArg) -> String {
    let documents = match kind {
        KindArg::Loi => "[loi]",
        KindArg::Mou => "[mou]",
        KindArg::Both => "[loi, mou]",
    };
    let mut s = format!(
        r#"# Pairing descriptor / ไฟล์ข้อมูลการสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง
# Fill in every <...> value, then run:  sisterdoc check <this file>
# กรอกข้อมูลแทนข้อความใน <...> ทุกแห่ง แล้วตรวจด้วยคำสั่ง  sisterdoc check <ชื่อไฟล์นี้>
version: 1
# Output file names come from id (a-z, 0-9, -) / ชื่อไฟล์ผลลัพธ์ (ใช้ได้เฉพาะ a-z 0-9 และ -)
id: <province-partner>
# Documents to draft: loi = Letter of Intent (หนังสือแสดงเจตจำนง), mou = MOU (บันทึกความเข้าใจ)
documents: {documents}

# Relationship name / ชื่อเรียกความสัมพันธ์ (แนวทางข้อ ๒):
#   sister-cities (เมืองพี่เมืองน้อง) | twin-cities (เมืองคู่แฝด) | friendship-cities (เมืองมิตรภาพ)
#   partnership-cities (เมืองหุ้นส่วน) | friendly-cities (เมืองคู่มิตร) | amity-cities (เมืองฉันทมิตร)
#   cooperation (การสถาปนาความร่วมมือ) | or another agreed name: {{th: ..., en: ...}}
relationship: sister-cities

thai_side:
  # Thai province, in Thai or English / จังหวัดของไทย เขียนภาษาไทยหรือภาษาอังกฤษก็ได้
  province: <Chiang Mai>
  signatory:
    # The provincial governor signs (guideline 9) / ผู้ลงนามคือผู้ว่าราชการจังหวัด (แนวทางข้อ ๙)
    name: {{th: <ชื่อผู้ว่าราชการจังหวัด>, en: <Governor's name>}}
    position: governor

partner:
  # Name of the foreign unit / ชื่อหน่วยการปกครองของต่างประเทศ
  name: {{th: <ชื่อภาษาไทย>, en: <English name>}}
  # state | province | prefecture | region | autonomous-region | special-administrative-region
  # municipality | city | county | district | other
  unit: province
  # province-equivalent (เทียบเท่าจังหวัด) | below-province (ต่ำกว่าจังหวัด: พิจารณาเป็นรายกรณี, แนวทางข้อ ๑)
  level: province-equivalent
  # Optional parent unit / หน่วยการปกครองที่สังกัด (ถ้ามี), e.g. {{th: มณฑลยูนนาน, en: Yunnan Province}}
  # within: {{th: <มณฑล/รัฐ>, en: <Province/State>}}
  # ISO 3166-1 alpha-2 country code / รหัสประเทศ 2 ตัวอักษร เช่น CN JP VN LA KR
  country: <CN>
  # Optional: partner's language (default from the country) / ภาษาของอีกฝ่าย (ถ้าไม่ระบุ ใช้ภาษาหลักของประเทศ)
  # language: zh
  signatory:
    name: {{th: <ชื่อผู้ลงนามฝ่ายต่างประเทศ>, en: <Partner signatory's name>}}
    title: {{th: <ตำแหน่งภาษาไทย>, en: <Title in English>}}
    # governor-equivalent (เทียบเท่าผู้ว่าราชการจังหวัด) | lower (ต่ำกว่า: ไม่เป็นไปตามแนวทางข้อ ๙)
    rank: governor-equivalent

cooperation:
  # Fields of cooperation / สาขาความร่วมมือ: trade, investment, tourism, education, culture, sports,
  # public-health, agriculture, science-and-technology, smart-city, environment, logistics,
  # human-resources, local-administration, or {{th: ..., en: ...}}
  fields: [trade, tourism, education]
  # Optional, LOI clause 2 (default: same as fields) / ด้านที่จะหาโอกาสร่วมมือ (หนังสือแสดงเจตจำนง ข้อ ๒)
  # explore: [culture, sports]
"#
    );
    if matches!(kind, KindArg::Mou | KindArg::Both) {
        s.push_str(
            r#"
mou:
  # memorandum-of-understanding (บันทึกความเข้าใจ) | memorandum-of-agreement (บันทึกความตกลง) | agreement (ความตกลง)
  title: memorandum-of-understanding
  # participants (ผู้เข้าร่วมทั้งสองฝ่าย / the Participants) | two-sides (ทั้งสองฝ่าย / the two sides)
  participants: participants
  termination:
    # notice = Option 1: in effect until one side gives written notice / มีผลจนกว่าฝ่ายใดฝ่ายหนึ่งแจ้งบอกเลิก
    # fixed-term = Option 2: in effect for a period / มีผลเป็นระยะเวลาที่กำหนด (term: 5 years)
    option: notice
    notice_period: 6 months
"#,
        );
    }
    if matches!(kind, KindArg::Loi | KindArg::Both) {
        s.push_str(
            r#"
loi:
  # both-cities (ทั้งสองเมือง) | the-two-cities (เมืองทั้งสอง) | both-sides (ทั้งสองฝ่าย)
  parties: both-cities
  # Clause 4: will (จะ) | wish (ประสงค์ที่จะ)
  intent: will
"#,
        );
    }
    s.push_str(
        r#"
# Optional: leave out and the drafts print dotted lines to fill in by hand
# ไม่บังคับ: ถ้าไม่ระบุ ร่างจะเว้นเป็นเส้นประให้เขียนด้วยมือ
# signing:
#   place: {th: <สถานที่ลงนาม>, en: <Place of signing>}
#   date: 2026-03-15        # YYYY-MM-DD, Common Era (ค.ศ.); the Thai text shows พ.ศ.

output:
  # sequential (Thai, then English) | parallel (Thai and English side by side / สองภาษาคู่กัน)
  layout: sequential
  # Thai digits in the Thai text / ใช้เลขไทยในฉบับภาษาไทย
  thai_digits: true

# Optional: the submission to the Ministry of Interior for `sisterdoc package`
# (covering letter, action plan and budget, profile, checklist; guidelines 3, 7, 13).
# ไม่บังคับ: ข้อมูลสำหรับคำสั่ง sisterdoc package (หนังสือเสนอกระทรวงมหาดไทย แผนปฏิบัติการและแผนงบประมาณ)
# proposal:
#   letter:
#     number: <ชม ๐๐๑๗.๓/>          # ที่: ending with / leaves the running number to the registry clerk
#     date: 2026-01-15              # optional; a dotted line when missing
#     to: ปลัดกระทรวงมหาดไทย          # optional; this is the default
#     office: <สำนักงานจังหวัด...>      # ส่วนราชการเจ้าของหนังสือ (needed: PROP-1)
#     address: <ศาลากลางจังหวัด... ถนน... อำเภอ... จังหวัด... รหัสไปรษณีย์>
#     # reference: <หนังสือ... ที่ ... ลงวันที่ ...>   # อ้างถึง, when answering a letter
#     contact: {unit: <กลุ่มงาน...>, phone: "<๐ ๕๓๑๑ ๒๓๔๕>", email: <foreign@province.go.th>}
#   reasons: {th: <เหตุผลในการเสนอ>, en: <Reasons>}
#   partner_profile: {th: <ข้อมูลพื้นฐาน>, en: <Profile>}
#   plan:                           # at least one activity; one in every fiscal year (PROP-1, PROP-2)
#     - activity: {th: <การแลกเปลี่ยนการเยือน>, en: <exchange of visits>}
#       fiscal_year: 2570           # ปีงบประมาณ พ.ศ. (B.E.; PROP-3)
#       budget: 350000              # บาท; 0 when none is needed
#       source: <งบประมาณจังหวัด>
#       responsible: <สำนักงานจังหวัด...>
#       indicator: {th: <มีการเยือนอย่างน้อยปีละ ๑ ครั้ง>, en: <at least one visit a year>}
"#,
    );
    s
}

pub fn run(kind: KindArg, output: Option<&Path>) -> ExitCode {
    let text = template(kind);
    match output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(p) if p.exists() => {
            eprintln!(
                "error: {} already exists; not overwriting it (ไฟล์นี้มีอยู่แล้ว จะไม่เขียนทับ)",
                p.display()
            );
            ExitCode::from(2)
        }
        Some(p) => match write_atomic(p, text.as_bytes()) {
            Ok(()) => {
                eprintln!(
                    "wrote {} (fill in every <...>, then run `sisterdoc check {}`)",
                    p.display(),
                    p.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                ExitCode::from(2)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    /// The commented `proposal:` example decodes once uncommented: its keys
    /// are the format's, only the <...> placeholders are left to fill in.
    #[test]
    fn the_commented_proposal_decodes_once_uncommented() {
        let t = super::template(super::KindArg::Both);
        let start = t.find("# proposal:").expect("proposal example");
        let mut s = t[..start].to_string();
        for line in t[start..].lines() {
            s.push_str(line.strip_prefix("# ").unwrap_or(line));
            s.push('\n');
        }
        let l = crate::check::check_bytes(s.as_bytes(), Some("x"));
        let bad: Vec<_> = l
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("SCHEMA") && d.rule != "SCHEMA-PLACEHOLDER")
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
        let p = l
            .descriptor
            .and_then(|d| d.proposal)
            .expect("proposal decodes");
        assert_eq!(p.plan.len(), 1);
        assert_eq!(p.plan[0].budget.as_ref().map(|b| b.value), Some(350000));
        assert!(p.letter.date.is_some());
    }
}
