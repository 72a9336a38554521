//! Thai lists in official style: items separated by a space, the last one
//! introduced by "และ" written against it ("ก ข และค").
//!
//! The rules (Royal Institute spacing rules as the government writes them):
//! - 0 items: ""; 1 item: "ก".
//! - 3 or more: a space between items and a space before "และ", none after
//!   it: "การค้า การลงทุน และการท่องเที่ยว".
//! - 2 items: the spacing before "และ" marks the last item of an enumeration,
//!   and two items are not an enumeration, so they are written together:
//!   "การค้าและการลงทุน", "ภาษาไทยและภาษาอังกฤษ". When either item itself
//!   contains a space (a multi-word name), the space before "และ" is kept,
//!   "ก ข และค ง" style, so the boundary between the items stays visible:
//!   "นาย ก และนาย ข".
//!
//! Items are trimmed and empty items skipped, so a blank entry never doubles
//! a space or leaves a dangling "และ".

const AND: &str = "และ";

/// Join items Thai style: "", "ก", "กและข" (or "ก และข" when an item contains
/// a space), "ก ข และค". See the module docs for the rules.
pub fn join_thai(items: &[impl AsRef<str>]) -> String {
    crate::lang::join_items(items, |rest, last| match rest {
        [first] if !first.contains(char::is_whitespace) && !last.contains(char::is_whitespace) => {
            format!("{first}{AND}{last}")
        }
        _ => format!("{} {AND}{last}", rest.join(" ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_one_two_three_five() {
        let empty: [&str; 0] = [];
        assert_eq!(join_thai(&empty), "");
        assert_eq!(join_thai(&["ก"]), "ก");
        assert_eq!(join_thai(&["ก", "ข"]), "กและข");
        assert_eq!(join_thai(&["ก", "ข", "ค"]), "ก ข และค");
        assert_eq!(join_thai(&["ก", "ข", "ค", "ง", "จ"]), "ก ข ค ง และจ");
    }

    #[test]
    fn document_phrases() {
        assert_eq!(
            join_thai(&["ภาษาไทย", "ภาษาญี่ปุ่น", "ภาษาอังกฤษ"]),
            "ภาษาไทย ภาษาญี่ปุ่น และภาษาอังกฤษ"
        );
        assert_eq!(join_thai(&["ภาษาไทย", "ภาษาอังกฤษ"]), "ภาษาไทยและภาษาอังกฤษ");
        assert_eq!(
            join_thai(&["การค้า", "การลงทุน", "การท่องเที่ยว", "เกษตรอัจฉริยะ"]),
            "การค้า การลงทุน การท่องเที่ยว และเกษตรอัจฉริยะ"
        );
    }

    #[test]
    fn two_items_with_spaces_keep_a_visible_boundary() {
        assert_eq!(join_thai(&["นาย ก", "นาย ข"]), "นาย ก และนาย ข");
        assert_eq!(join_thai(&["ก", "ข ค"]), "ก และข ค");
        assert_eq!(join_thai(&["ก ข", "ค"]), "ก ข และค");
    }

    #[test]
    fn blank_items_are_skipped_and_items_trimmed() {
        assert_eq!(join_thai(&["", " "]), "");
        assert_eq!(join_thai(&[" ก ", "", "ข"]), "กและข");
        assert_eq!(join_thai(&["ก", "\t", "ข", " ค"]), "ก ข และค");
    }

    #[test]
    fn accepts_owned_strings() {
        let v: Vec<String> = vec!["ก".into(), "ข".into(), "ค".into()];
        assert_eq!(join_thai(&v), "ก ข และค");
    }
}
