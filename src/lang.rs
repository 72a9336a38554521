//! The two languages sisterdoc writes and speaks: Thai and English. One enum
//! for the language of a run of text, of a section, and of the messages a
//! user asked for (`--lang`).

/// A language of the drafts and of the messages: Thai or English.
/// Messages are in English unless Thai is asked for (`Default`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    Th,
    #[default]
    En,
}

impl Lang {
    /// BCP 47 tag as written into DOCX and PDF metadata.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::Th => "th-TH",
            Lang::En => "en-GB",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }
}

/// `--lang en|th` on the command line (English first, as before).
#[cfg(feature = "cli")]
impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::En, Lang::Th]
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()))
    }
}

/// A list as both languages write one: the items trimmed and blank ones
/// skipped (so a blank entry never doubles a separator or leaves a dangling
/// "and"); none gives "", one gives the item, and more are joined by
/// `join(all_but_last, last)`, the one thing `english::list` and
/// `thai::list` write differently.
pub fn join_items(items: &[impl AsRef<str>], join: impl FnOnce(&[&str], &str) -> String) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.as_ref().trim())
        .filter(|s| !s.is_empty())
        .collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => join(rest, last),
    }
}
