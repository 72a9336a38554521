//! The draft under review: the paragraphs of a DOCX (Word's, LibreOffice's,
//! python-docx's or sisterdoc's own, through `docx::read`, tracked changes
//! read as accepted) or of a plain-text file (one paragraph per line).
//! Blank paragraphs carry no words and are dropped.

use std::fmt;

use crate::docx::read::{read_docx_text, DocxReadError};

/// Largest draft file read at all (bytes); the DOCX reader has its own,
/// tighter limits on what a zip may inflate to.
pub const MAX_DRAFT_BYTES: u64 = 64 * 1024 * 1024;
/// Most text a draft may hold (bytes, all paragraphs): a real LOI or MOU
/// holds about 20 KB. Past this the word segmenter and the alignment would
/// take minutes for no useful answer.
pub const MAX_DRAFT_TEXT: usize = 2 * 1024 * 1024;

/// What the draft was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftFormat {
    Docx,
    Text,
}

/// A draft's non-blank paragraphs, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub paragraphs: Vec<String>,
    /// The DOCX held tracked changes (read as if accepted).
    pub had_tracked_changes: bool,
    pub format: DraftFormat,
}

impl Draft {
    /// A draft from paragraphs already in memory (blank ones dropped).
    pub fn from_paragraphs<S: Into<String>>(paras: impl IntoIterator<Item = S>) -> Draft {
        Draft {
            // Read through the same Thai normalization as descriptor values:
            // "นํ้า" typed in a draft is the standard's "น้ำ", not a deviation.
            paragraphs: paras
                .into_iter()
                .map(Into::into)
                .filter(|p: &String| !is_blank(p))
                .map(|p| crate::thai::normalize::normalize_marks(&p))
                .collect(),
            had_tracked_changes: false,
            format: DraftFormat::Text,
        }
    }
}

/// Why a draft could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// Not a DOCX, a corrupt zip, a zip bomb, malformed XML.
    Docx(DocxReadError),
    /// A `.txt` draft that is not UTF-8.
    NotUtf8,
    /// More text than [`MAX_DRAFT_TEXT`].
    TooMuchText(usize),
    /// No words at all.
    Empty,
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Docx(e) => write!(f, "{e}"),
            DraftError::NotUtf8 => write!(f, "text draft is not UTF-8"),
            DraftError::TooMuchText(n) => write!(
                f,
                "draft holds {n} bytes of text, more than the {MAX_DRAFT_TEXT} a draft may have"
            ),
            DraftError::Empty => write!(f, "draft has no text"),
        }
    }
}

impl std::error::Error for DraftError {}

fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}'))
}

/// Reads a draft. `text` selects the plain-text reader (the CLI passes it
/// for `.txt` files); otherwise the bytes must be a DOCX.
pub fn read_draft(bytes: &[u8], text: bool) -> Result<Draft, DraftError> {
    let draft = if text {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let s = std::str::from_utf8(bytes).map_err(|_| DraftError::NotUtf8)?;
        Draft::from_paragraphs(s.lines())
    } else {
        let t = read_docx_text(bytes).map_err(DraftError::Docx)?;
        let mut d = Draft::from_paragraphs(t.paragraphs.into_iter().map(|p| p.text));
        d.had_tracked_changes = t.had_tracked_changes;
        d.format = DraftFormat::Docx;
        d
    };
    let total: usize = draft.paragraphs.iter().map(String::len).sum();
    if total > MAX_DRAFT_TEXT {
        return Err(DraftError::TooMuchText(total));
    }
    if draft.paragraphs.is_empty() {
        return Err(DraftError::Empty);
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_read_through_thai_normalization() {
        let d = read_draft("นํ้า\u{200b}ใจ\t1.\n".as_bytes(), true).expect("reads");
        assert_eq!(d.paragraphs, vec!["น้ำใจ\t1.".to_string()]);
    }

    #[test]
    fn text_drafts_drop_blank_lines() {
        let d = read_draft("\u{FEFF}(Draft)\n\n  \nTitle\r\n".as_bytes(), true).expect("reads");
        assert_eq!(d.paragraphs, ["(Draft)", "Title"]);
        assert_eq!(d.format, DraftFormat::Text);
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(matches!(
            read_draft(b"plain words", false),
            Err(DraftError::Docx(DocxReadError::NotZip(_)))
        ));
        assert_eq!(read_draft(b"\xff\xfe", true), Err(DraftError::NotUtf8));
        assert_eq!(read_draft(b"\n \n", true), Err(DraftError::Empty));
    }
}
