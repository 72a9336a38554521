//! English lists as the standard drafts write them: "a", "a and b",
//! "a, b and c" (British style, no Oxford comma).

/// Join items as "a", "a and b", "a, b and c" (no comma before "and").
///
/// Items are trimmed and empty items are skipped, so a blank entry never
/// produces ", ," or a dangling "and". No items gives "".
pub fn join_english(items: &[impl AsRef<str>]) -> String {
    crate::lang::join_items(items, |rest, last| {
        format!("{} and {last}", rest.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_to_five_items() {
        let empty: [&str; 0] = [];
        assert_eq!(join_english(&empty), "");
        assert_eq!(join_english(&["trade"]), "trade");
        assert_eq!(
            join_english(&["trade", "investment"]),
            "trade and investment"
        );
        assert_eq!(
            join_english(&["trade", "investment", "tourism"]),
            "trade, investment and tourism"
        );
        assert_eq!(join_english(&["a", "b", "c", "d", "e"]), "a, b, c, d and e");
    }

    #[test]
    fn languages_clause() {
        assert_eq!(
            join_english(&["Thai", "Japanese", "English"]),
            "Thai, Japanese and English"
        );
        assert_eq!(join_english(&["Thai", "English"]), "Thai and English");
    }

    #[test]
    fn accepts_owned_strings() {
        let v = vec![String::from("smart agriculture"), String::from("culture")];
        assert_eq!(join_english(&v), "smart agriculture and culture");
    }

    #[test]
    fn blank_items_are_skipped_and_items_trimmed() {
        assert_eq!(join_english(&["", "  "]), "");
        assert_eq!(join_english(&[" a ", "", "b"]), "a and b");
        assert_eq!(join_english(&["a", " ", "b", "c "]), "a, b and c");
    }
}
