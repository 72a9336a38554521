//! The YAML parser's syntax errors, said in Thai for staff: what is wrong on
//! the line and what to do, without parser words. The English keeps the
//! parser's own message (precise for people who know YAML).

/// (what is wrong, what to do) in Thai for a serde-saphyr error message.
pub fn explain(message: &str) -> (&'static str, &'static str) {
    let m = message.to_ascii_lowercase();
    if m.contains("':'") || m.contains("mapping values are not allowed") {
        (
            "เครื่องหมาย “:” อยู่ผิดที่",
            "โปรดตรวจว่าบรรทัดนี้ย่อหน้าตรงกับบรรทัดอื่นในหัวข้อเดียวกัน และถ้าข้อความมี “:” ให้ใส่ข้อความนั้นในเครื่องหมายคำพูด \"...\"",
        )
    } else if m.contains("tab") {
        (
            "บรรทัดนี้ย่อหน้าด้วยแท็บ (Tab)",
            "ย่อหน้าด้วยการเว้นวรรค (Space) เท่านั้น ไม่ใช้ปุ่ม Tab",
        )
    } else if m.contains("indent") || m.contains("block sequence") || m.contains("expected key") {
        (
            "การย่อหน้าของบรรทัดนี้ไม่ตรงกับหัวข้อที่อยู่",
            "โปรดตรวจว่าบรรทัดนี้เว้นวรรคหน้าบรรทัดเท่ากับบรรทัดอื่นในหัวข้อเดียวกัน",
        )
    } else if m.contains("']'")
        || m.contains("'}'")
        || m.contains("flow")
        || m.contains("end of stream")
    {
        (
            "วงเล็บ [ ] หรือ { } ไม่ครบคู่",
            "โปรดตรวจว่าวงเล็บที่เปิดไว้ในบรรทัดนี้หรือบรรทัดก่อนหน้ามีวงเล็บปิดครบ",
        )
    } else if m.contains("quote") || m.contains("scalar") {
        (
            "เครื่องหมายคำพูดไม่ครบคู่",
            "โปรดตรวจว่าข้อความที่เปิดด้วย \" หรือ ' ปิดด้วยเครื่องหมายเดียวกัน",
        )
    } else if m.contains("duplicate") {
        ("มีหัวข้อเดียวกันซ้ำสองครั้ง", "โปรดลบหรือรวมหัวข้อที่ซ้ำให้เหลือหัวข้อเดียว")
    } else {
        (
            "รูปแบบของไฟล์ผิดตรงจุดนี้ โปรแกรมจึงอ่านไฟล์ต่อไม่ได้",
            "โปรดตรวจการย่อหน้า เครื่องหมาย “:” หลังชื่อหัวข้อ และวงเล็บ [ ] { } ให้ครบคู่ หรือเทียบกับไฟล์ตัวอย่างจากคำสั่ง `sisterdoc new`",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misplaced_colon_is_said_in_thai() {
        let (what, todo) = explain("illegal placement of ':' indicator at line 5, column 12");
        assert!(what.contains("“:”") && todo.contains("ย่อหน้า"));
        assert!(!what.is_ascii());
    }

    #[test]
    fn every_explanation_is_thai() {
        for m in [
            "tab found",
            "did not find expected key",
            "unclosed ']'",
            "unknown x",
            "duplicate key",
        ] {
            let (a, b) = explain(m);
            assert!(
                crate::thai::segment::has_thai(a) && crate::thai::segment::has_thai(b),
                "{m}"
            );
        }
    }
}
