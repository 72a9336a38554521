//! Every text value of the descriptor goes through Thai normalization
//! (`thai::normalize`) before decoding, so the drafts carry one spelling
//! whatever keystroke order the author used. A value that changed gets a
//! warning naming the field, what was wrong, and a fix; the model (and so
//! the drafts) already holds the normalized text.

use super::fix;
use super::yaml::{self, Node, Value};
use crate::diagnostic::{Diagnostic, Msg};
use crate::thai::normalize::{changes, normalize};

/// Normalizes every string value of the tree in place (keys are left to
/// the schema, which reports unknown ones); one warning per changed value.
pub fn normalize_tree(root: &mut Node) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    yaml::visit_mut(root, "", &mut |node, path| {
        if let Value::Str(s) = &node.value {
            let n = normalize(s);
            if n != *s {
                out.push(diagnostic(node, path, &n));
                node.value = Value::Str(n);
            }
        }
    });
    out
}

fn diagnostic(node: &Node, path: &str, normalized: &str) -> Diagnostic {
    let Value::Str(original) = &node.value else {
        return Diagnostic::warning("DATA-NORMALIZE", Some(node.pos), Msg::new("", ""));
    };
    let what = changes(original);
    let th: Vec<&str> = what.iter().map(|c| c.th()).collect();
    let en: Vec<&str> = what.iter().map(|c| c.en()).collect();
    Diagnostic::warning(
        "DATA-NORMALIZE",
        Some(node.pos),
        Msg::new(
            format!(
                "ข้อความใน{} พิมพ์ในลำดับที่ต่างจากมาตรฐาน แม้บนจอจะดูเหมือนกัน: {}",
                super::format::field_name(path).0,
                th.join(" และ")
            ),
            format!(
                "the text of {} is typed in a non-standard order, although it looks the same on screen: {}",
                super::format::field_name(path).1,
                en.join("; ")
            ),
        ),
    )
    .with_hint(Msg::new(
        format!("เอกสารจะใช้ “{normalized}” (แบบมาตรฐาน) ให้แก้ในไฟล์ด้วยคำสั่ง sisterdoc check --fix เพื่อให้ค้นหาและเทียบข้อความได้ตรงกัน"),
        format!("the drafts use \"{normalized}\" (the standard form); correct the file with `sisterdoc check --fix` so searches and comparisons match"),
    ))
    .with_fix(fix::replace_value(node, normalized))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descriptor::yaml::parse;

    #[test]
    fn decomposed_sara_am_is_normalized_with_a_fix() {
        let src = "partner:\n  name: {th: \"นครลําปาง\", en: Lampang} # comment\n";
        let mut root = parse(src).expect("yaml");
        let d = normalize_tree(&mut root);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].rule, "DATA-NORMALIZE");
        assert!(
            d[0].message
                .en
                .contains("the field “Partner's name” (Thai)"),
            "{}",
            d[0].message.en
        );
        let f = d[0].fix.as_ref().expect("fix");
        assert_eq!(f.value, "นครลำปาง");
        assert_eq!(&src[f.start..f.end], "\"นครลําปาง\"");
        assert_eq!(f.replacement, "นครลำปาง");
    }

    #[test]
    fn normal_text_gets_nothing() {
        let src = "a: {th: น้ำ, en: water}\nb: [trade, tourism]\n";
        let mut root = parse(src).expect("yaml");
        assert!(normalize_tree(&mut root).is_empty());
    }
}
