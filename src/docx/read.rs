//! Reads the text of any DOCX (Word's, LibreOffice's, ours), paragraph by
//! paragraph, for round-trip tests and the `diff` command.
//!
//! What it reads from the main document part (`word/document.xml`):
//! * each `w:p` is one paragraph: its `w:t` texts joined across runs (so a
//!   word split over runs reads whole), `w:tab` / `w:ptab` as `'\t'`,
//!   `w:br` / `w:cr` as `'\n'`, `w:noBreakHyphen` as `'-'`;
//! * paragraphs inside tables (`in_table`), nested tables and text boxes
//!   are read in document order (a text box's paragraphs come before the
//!   paragraph that anchors it); the VML copy of a text box that Word puts
//!   in `mc:Fallback` is skipped, so its text is not read twice;
//! * tracked changes are read as accepted: inserted text (`w:ins`,
//!   `w:moveTo`) is kept, deleted text (`w:del`, `w:moveFrom`, `w:delText`)
//!   dropped, a paragraph whose mark was deleted is joined to the next, and
//!   a deleted table row is dropped; [`DocxText::had_tracked_changes`] says
//!   whether there were any (formatting changes count too). [`read_docx_view`]
//!   reads them as rejected instead (the standard side of a redline): then
//!   insertions go, deletions stay, and an inserted paragraph mark or row
//!   goes;
//! * field codes (`w:instrText`) are not text; field results are.
//!
//! Headers, footers, footnotes and comments are not read.
//!
//! Untrusted input is expected: a file that is not a zip, has no main
//! document, holds malformed XML, has too many entries or a main document
//! that inflates past [`MAX_DOCUMENT_BYTES`] gives an error, never a panic.

use std::fmt;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, XmlVersion};
use zip::result::ZipError;
use zip::ZipArchive;

/// Most entries a DOCX may have before it is refused (a real one has tens).
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes the main document part may inflate to (50 MiB).
pub const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;
/// Most bytes the package relationships part may inflate to (1 MiB).
const MAX_RELS_BYTES: u64 = 1024 * 1024;

const W_NS: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const REL_NS: &[u8] = b"http://schemas.openxmlformats.org/package/2006/relationships";

/// One paragraph's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocxParagraph {
    pub text: String,
    /// Inside a table (at any depth).
    pub in_table: bool,
}

/// All paragraphs of a DOCX, and whether it had tracked changes.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DocxText {
    pub paragraphs: Vec<DocxParagraph>,
    /// The document held tracked insertions, deletions or moves (the text
    /// is read as if they were accepted).
    pub had_tracked_changes: bool,
}

/// Why a DOCX could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxReadError {
    /// The bytes are not a readable zip archive.
    NotZip(String),
    /// The archive has more entries than [`MAX_ENTRIES`].
    TooManyEntries { entries: usize, limit: usize },
    /// The archive has no main document part (the path looked for).
    MissingDocument(String),
    /// A part inflates past its limit (a zip bomb or not a DOCX).
    TooLarge { part: String, limit: u64 },
    /// An entry could not be decompressed (corrupt data, unsupported method).
    Zip(String),
    /// The main document part is not well-formed WordprocessingML.
    Xml(String),
}

impl fmt::Display for DocxReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxReadError::NotZip(m) => write!(f, "not a DOCX (zip) file: {m}"),
            DocxReadError::TooManyEntries { entries, limit } => write!(
                f,
                "DOCX has {entries} zip entries, more than the {limit} allowed"
            ),
            DocxReadError::MissingDocument(p) => {
                write!(f, "DOCX has no main document part ({p})")
            }
            DocxReadError::TooLarge { part, limit } => {
                write!(
                    f,
                    "DOCX part {part} is larger than {limit} bytes uncompressed"
                )
            }
            DocxReadError::Zip(m) => write!(f, "DOCX zip entry unreadable: {m}"),
            DocxReadError::Xml(m) => write!(f, "DOCX document XML is malformed: {m}"),
        }
    }
}

impl std::error::Error for DocxReadError {}

/// The paragraphs of a DOCX, in document order (see the module comment).
pub fn read_paragraphs(bytes: &[u8]) -> Result<Vec<DocxParagraph>, DocxReadError> {
    Ok(read_docx_text(bytes)?.paragraphs)
}

/// How tracked changes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Every tracked change accepted (what the document says now).
    Accepted,
    /// Every tracked change rejected (what it said before the changes).
    Rejected,
}

impl View {
    /// Whether a change element (`ins`, `del`, `moveTo`, `moveFrom`) takes
    /// its content away in this view.
    fn removes(self, element: &[u8]) -> bool {
        match self {
            View::Accepted => matches!(element, b"del" | b"moveFrom"),
            View::Rejected => matches!(element, b"ins" | b"moveTo"),
        }
    }
}

/// The paragraphs of a DOCX and whether it had tracked changes (read as
/// accepted).
pub fn read_docx_text(bytes: &[u8]) -> Result<DocxText, DocxReadError> {
    read_docx_view(bytes, View::Accepted)
}

/// The paragraphs of a DOCX with every tracked change accepted or rejected.
pub fn read_docx_view(bytes: &[u8], view: View) -> Result<DocxText, DocxReadError> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxReadError::NotZip(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(DocxReadError::TooManyEntries {
            entries: zip.len(),
            limit: MAX_ENTRIES,
        });
    }
    let main = main_part_name(&mut zip)?;
    let xml = match read_entry(&mut zip, &main, MAX_DOCUMENT_BYTES)? {
        Some(x) => x,
        None => return Err(DocxReadError::MissingDocument(main)),
    };
    parse_document_view(&xml, view)
}

/// The main document part's name: the target of the package's
/// `officeDocument` relationship, or `word/document.xml`.
fn main_part_name(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<String, DocxReadError> {
    const DEFAULT: &str = "word/document.xml";
    let rels = match read_entry(zip, "_rels/.rels", MAX_RELS_BYTES)? {
        Some(r) => r,
        None => return Ok(DEFAULT.to_string()),
    };
    let mut reader = NsReader::from_reader(rels.as_slice());
    loop {
        match reader.read_resolved_event() {
            Ok((ResolveResult::Bound(Namespace(ns)), Event::Empty(e) | Event::Start(e)))
                if ns == REL_NS && e.local_name().as_ref() == b"Relationship" =>
            {
                let decoder = reader.decoder();
                let mut ty = String::new();
                let mut target = String::new();
                for a in e.attributes().flatten() {
                    let v = a
                        .decoded_and_normalized_value(XmlVersion::Implicit1_0, decoder)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    match a.key.as_ref() {
                        b"Type" => ty = v,
                        b"Target" => target = v,
                        _ => {}
                    }
                }
                if ty.ends_with("/officeDocument") && !target.is_empty() {
                    return Ok(target.trim_start_matches('/').to_string());
                }
            }
            Ok((_, Event::Eof)) | Err(_) => return Ok(DEFAULT.to_string()),
            Ok(_) => {}
        }
    }
}

/// Read one entry (names compared case-insensitively, as OPC part names
/// are), refusing more than `limit` inflated bytes. `None` if absent.
fn read_entry(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, DocxReadError> {
    let index = match zip.index_for_name(name) {
        Some(i) => i,
        None => {
            let found = zip
                .file_names()
                .filter_map(Result::ok)
                .find(|n| n.eq_ignore_ascii_case(name))
                .map(|n| n.into_owned());
            match found.and_then(|n| zip.index_for_name(&n)) {
                Some(i) => i,
                None => return Ok(None),
            }
        }
    };
    let file = match zip.by_index(index) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxReadError::Zip(format!("{name}: {e}"))),
    };
    let too_large = || DocxReadError::TooLarge {
        part: name.to_string(),
        limit,
    };
    if file.size() > limit {
        return Err(too_large());
    }
    let mut buf = Vec::new();
    // The declared size may lie: cap what is actually inflated.
    file.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| DocxReadError::Zip(format!("{name}: {e}")))?;
    if buf.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(Some(buf))
}

/// A paragraph being read.
struct ParaBuf {
    text: String,
    in_table: bool,
    /// Its paragraph mark goes in this view (a deletion accepted, an
    /// insertion rejected): it joins the next one.
    mark_deleted: bool,
}

/// Which WordprocessingML element an event is, if it is one.
fn w_local<'a>(ns: &ResolveResult<'_>, local: &'a [u8]) -> Option<&'a [u8]> {
    match ns {
        ResolveResult::Bound(Namespace(n)) if W_NS.contains(n) => Some(local),
        _ => None,
    }
}

fn is_mc_fallback(ns: &ResolveResult<'_>, local: &[u8]) -> bool {
    matches!(ns, ResolveResult::Bound(Namespace(n)) if *n == MC_NS) && local == b"Fallback"
}

/// Tracked property changes: they hold the old properties, never text.
const PROPERTY_CHANGES: [&[u8]; 8] = [
    b"rPrChange",
    b"pPrChange",
    b"sectPrChange",
    b"tblPrChange",
    b"tblPrExChange",
    b"trPrChange",
    b"tcPrChange",
    b"numberingChange",
];

/// The state of one pass over a main document part.
#[derive(Default)]
struct Walk {
    out: DocxText,
    /// Open paragraphs, innermost last (text boxes nest paragraphs).
    paras: Vec<ParaBuf>,
    /// Text of paragraphs whose mark was deleted, waiting for the next one.
    carry: Option<String>,
    tbl_depth: usize,
    /// Open table rows: whether each is a tracked deletion.
    rows: Vec<bool>,
    ppr_depth: usize,
    trpr_depth: usize,
    in_t: bool,
}

impl Walk {
    fn start_para(&mut self) {
        self.paras.push(ParaBuf {
            text: self.carry.take().unwrap_or_default(),
            in_table: self.tbl_depth > 0,
            mark_deleted: false,
        });
    }

    fn end_para(&mut self) {
        let Some(p) = self.paras.pop() else { return };
        if self.rows.iter().any(|deleted| *deleted) {
            // In a deleted table row: gone once the change is accepted.
            return;
        }
        if p.mark_deleted {
            self.carry = Some(p.text);
        } else {
            self.out.paragraphs.push(DocxParagraph {
                text: p.text,
                in_table: p.in_table,
            });
        }
    }

    fn push(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    /// A change that the view takes away (start or empty): inside `w:pPr`
    /// it removes the paragraph mark, inside `w:trPr` the whole row.
    fn removal(&mut self) {
        self.out.had_tracked_changes = true;
        if self.ppr_depth > 0 {
            if let Some(p) = self.paras.last_mut() {
                p.mark_deleted = true;
            }
        } else if self.trpr_depth > 0 {
            if let Some(r) = self.rows.last_mut() {
                *r = true;
            }
        }
    }

    fn finish(mut self) -> DocxText {
        if let Some(text) = self.carry.take() {
            self.out.paragraphs.push(DocxParagraph {
                text,
                in_table: false,
            });
        }
        self.out
    }
}

/// Read the paragraphs out of a main document part's XML (any
/// WordprocessingML `w:document`, transitional or strict), changes accepted.
pub fn parse_document_xml(xml: &[u8]) -> Result<DocxText, DocxReadError> {
    parse_document_view(xml, View::Accepted)
}

/// [`parse_document_xml`] with tracked changes read as `view` says.
pub fn parse_document_view(xml: &[u8], view: View) -> Result<DocxText, DocxReadError> {
    let err = |e: &dyn fmt::Display, pos: u64| DocxReadError::Xml(format!("at byte {pos}: {e}"));
    let mut reader = NsReader::from_reader(xml);
    let mut w = Walk::default();
    let mut depth = 0usize;
    let mut seen_root = false;
    // Depth inside a skipped subtree (deletions, mc:Fallback, field codes,
    // property-change records).
    let mut skip = 0usize;

    loop {
        let pos = reader.buffer_position();
        let (ns, ev) = reader.read_resolved_event().map_err(|e| err(&e, pos))?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                let local = e.local_name();
                let local = local.as_ref();
                if !seen_root {
                    seen_root = true;
                    if w_local(&ns, local) != Some(b"document") {
                        return Err(DocxReadError::Xml(format!(
                            "root element is {:?}, not w:document",
                            String::from_utf8_lossy(e.name().as_ref())
                        )));
                    }
                    continue;
                }
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                if is_mc_fallback(&ns, local) {
                    skip = 1;
                    continue;
                }
                match w_local(&ns, local) {
                    Some(b"p") => w.start_para(),
                    Some(b"tbl") => w.tbl_depth += 1,
                    Some(b"tr") => w.rows.push(false),
                    Some(b"pPr") => w.ppr_depth += 1,
                    Some(b"trPr") => w.trpr_depth += 1,
                    Some(b"t") => w.in_t = true,
                    // Deleted text is text once the deletion is rejected.
                    Some(b"delText") if view == View::Rejected => w.in_t = true,
                    Some(n @ (b"del" | b"moveFrom" | b"ins" | b"moveTo")) if view.removes(n) => {
                        w.removal();
                        skip = 1;
                    }
                    Some(b"delText" | b"delInstrText" | b"instrText") => skip = 1,
                    Some(b"ins" | b"moveTo" | b"del" | b"moveFrom") => {
                        w.out.had_tracked_changes = true
                    }
                    Some(n) if PROPERTY_CHANGES.contains(&n) => {
                        w.out.had_tracked_changes = true;
                        skip = 1;
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if !seen_root {
                    return Err(DocxReadError::Xml("empty root element".into()));
                }
                if skip > 0 {
                    continue;
                }
                let local = e.local_name();
                let in_props = w.ppr_depth > 0 || w.trpr_depth > 0;
                match w_local(&ns, local.as_ref()) {
                    Some(b"p") => {
                        w.start_para();
                        w.end_para();
                    }
                    Some(b"tab" | b"ptab") if !in_props => w.push("\t"),
                    Some(b"br" | b"cr") if !in_props => w.push("\n"),
                    Some(b"noBreakHyphen") if !in_props => w.push("-"),
                    Some(n @ (b"del" | b"moveFrom" | b"ins" | b"moveTo")) if view.removes(n) => {
                        w.removal()
                    }
                    Some(b"ins" | b"moveTo" | b"del" | b"moveFrom") => {
                        w.out.had_tracked_changes = true
                    }
                    Some(n) if PROPERTY_CHANGES.contains(&n) => w.out.had_tracked_changes = true,
                    _ => {}
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let local = e.local_name();
                match w_local(&ns, local.as_ref()) {
                    Some(b"p") => w.end_para(),
                    Some(b"tbl") => w.tbl_depth = w.tbl_depth.saturating_sub(1),
                    Some(b"tr") => {
                        w.rows.pop();
                    }
                    Some(b"pPr") => w.ppr_depth = w.ppr_depth.saturating_sub(1),
                    Some(b"trPr") => w.trpr_depth = w.trpr_depth.saturating_sub(1),
                    Some(b"t" | b"delText") => w.in_t = false,
                    _ => {}
                }
            }
            Event::Text(t) if w.in_t && skip == 0 => {
                let s = t.xml10_content().map_err(|e| err(&e, pos))?;
                w.push(&s);
            }
            Event::CData(t) if w.in_t && skip == 0 => {
                let s = t.decode().map_err(|e| err(&e, pos))?;
                w.push(&s);
            }
            Event::GeneralRef(r) if w.in_t && skip == 0 => {
                if r.is_char_ref() {
                    if let Some(c) = r.resolve_char_ref().map_err(|e| err(&e, pos))? {
                        w.push(c.encode_utf8(&mut [0u8; 4]));
                    }
                } else {
                    let name = r.decode().map_err(|e| err(&e, pos))?;
                    match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(v) => w.push(v),
                        None => {
                            return Err(DocxReadError::Xml(format!(
                                "at byte {pos}: unknown entity &{name};"
                            )))
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(DocxReadError::Xml("no root element".into()));
    }
    if depth != 0 {
        return Err(DocxReadError::Xml(
            "document ends before its elements are closed".into(),
        ));
    }
    Ok(w.finish())
}
