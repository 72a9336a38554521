//! The DOCX container: a zip with a fixed entry order and fixed timestamps
//! (1980-01-01 00:00, the zip epoch), deflate-compressed, so the same
//! document always gives the same bytes. Also writes the parts that do not
//! depend on the document's text: the package wiring (`[Content_Types].xml`,
//! the relationships), `docProps/app.xml`, `docProps/core.xml` (title,
//! subject, language; no author, no clock time), `word/styles.xml` (document
//! defaults for Thai: font on all four slots, `w:szCs`, `w:lang w:bidi`),
//! `word/settings.xml` and `word/fontTable.xml` (the chosen font).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use super::write::{xml_attr, xml_char_ok, Built, Fmt, HEADER_RID, XML_DECL};
use super::zipfile::{deflate, Deflated, ZipFile};
use super::DocxError;
use crate::document::{Document, Lang};
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The document's parts and ours, zipped deterministically.
pub(crate) fn pack(doc: &Document, fmt: &Fmt, built: Built) -> Result<Vec<u8>, DocxError> {
    let Built { document, headers } = built;
    let n = headers.len();

    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            content_types_xml(n).into_bytes(),
        ),
        ("_rels/.rels".into(), package_rels_xml().into_bytes()),
        ("docProps/app.xml".into(), APP_XML.as_bytes().to_vec()),
        (
            "docProps/core.xml".into(),
            core_xml(&doc.title, &doc.subject)?.into_bytes(),
        ),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels_xml(n).into_bytes(),
        ),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), styles_xml(fmt).into_bytes()),
        ("word/settings.xml".into(), settings_xml().into_bytes()),
        (
            "word/fontTable.xml".into(),
            font_table_xml(fmt).into_bytes(),
        ),
    ];
    for (i, h) in headers.into_iter().enumerate() {
        entries.push((format!("word/header{}.xml", i + 1), h.into_bytes()));
    }
    zip_entries(entries.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
}

/// `docProps/app.xml`: the extended properties, none of them set.
const APP_XML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties""#,
    r#" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes" />"#,
);

const CT_PREFIX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn content_types_xml(headers: usize) -> String {
    let mut x = format!(
        concat!(
            "{decl}",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            r#"<Override PartName="/word/document.xml" ContentType="{ct}.document.main+xml"/>"#,
            r#"<Override PartName="/word/styles.xml" ContentType="{ct}.styles+xml"/>"#,
            r#"<Override PartName="/word/settings.xml" ContentType="{ct}.settings+xml"/>"#,
            r#"<Override PartName="/word/fontTable.xml" ContentType="{ct}.fontTable+xml"/>"#,
            r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
            r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
        ),
        decl = XML_DECL,
        ct = CT_PREFIX,
    );
    for i in 1..=headers {
        x.push_str(&format!(
            r#"<Override PartName="/word/header{i}.xml" ContentType="{CT_PREFIX}.header+xml"/>"#
        ));
    }
    x.push_str("</Types>");
    x
}

fn package_rels_xml() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<Relationships xmlns="{ns}">"#,
            r#"<Relationship Id="rId1" Type="{office}/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{office}/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        decl = XML_DECL,
        ns = REL_NS,
        office = OFFICE_REL,
    )
}

fn document_rels_xml(headers: usize) -> String {
    let mut x = format!(
        concat!(
            "{decl}",
            r#"<Relationships xmlns="{ns}">"#,
            r#"<Relationship Id="rId1" Type="{office}/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rId2" Type="{office}/settings" Target="settings.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{office}/fontTable" Target="fontTable.xml"/>"#,
        ),
        decl = XML_DECL,
        ns = REL_NS,
        office = OFFICE_REL,
    );
    for i in 1..=headers {
        x.push_str(&format!(
            r#"<Relationship Id="{HEADER_RID}{i}" Type="{OFFICE_REL}/header" Target="header{i}.xml"/>"#
        ));
    }
    x.push_str("</Relationships>");
    x
}

/// Zips the entries in the given order with fixed metadata (timestamp,
/// permissions), so the same entries give the same bytes. The one
/// deterministic zip writer: DOCX packages, `sisterdoc package --zip` and the
/// workbench's download of every file use it (the container itself is
/// written by [`super::zipfile`]).
///
/// Small entries are deflated once, remembered by their content, and their
/// compressed bytes written again as they are: a batch's documents share
/// all their parts but `word/document.xml` and `docProps/core.xml` (the
/// styles, settings, headers, relationships). An entry's bytes depend only
/// on its content (remembered or not, it is deflated at the same level by a
/// freshly reset compressor), so a document is byte-identical wherever it
/// falls in a batch.
pub fn zip_entries<'a>(
    entries: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<u8>, DocxError> {
    let mut zip = ZipFile::with_capacity(16 << 10);
    for (name, bytes) in entries {
        zip.add(name, &*compressed_entry(bytes)?)?;
    }
    zip.finish()
}

/// Larger entries (a document body) are unique to their document.
const REMEMBER_MAX: usize = 16 << 10;

/// Deflate level of a remembered entry: compressed once per process, so the
/// default level (6).
const LEVEL_REMEMBERED: u32 = 6;

/// Deflate level of an entry larger than [`REMEMBER_MAX`] (a document
/// body, deflated for every document): the fastest. Measured (callgrind,
/// 40 DOCX of 20 descriptors): deflating took 34 M instructions at level 1,
/// 51 M at 2 and 62 M at 3 (what the zip crate was given before), for
/// 465, 419 and 404 KB of DOCX: 0.7 M instructions per document saved for
/// 1.5 KB more (11.6 against 10.1 KB a DOCX).
const LEVEL_LARGE: u32 = 1;

/// `bytes` deflated (remembered for entries small enough to recur; bounded:
/// emptied when full).
fn compressed_entry(bytes: &[u8]) -> Result<Arc<Deflated>, DocxError> {
    const MEMO_MAX_ENTRIES: usize = 1024;
    /// CRC and length of the content -> (the content, deflated).
    type Memo = Mutex<HashMap<u64, (Vec<u8>, Arc<Deflated>)>>;
    static MEMO: LazyLock<Memo> = LazyLock::new(Default::default);
    if bytes.len() > REMEMBER_MAX {
        return Ok(Arc::new(deflate(bytes, LEVEL_LARGE)?));
    }
    // CRC-32 (hardware-assisted in crc32fast) and length as the key: the
    // std SipHash over every part of every document was 2% of a DOCX batch.
    let key = (u64::from(crc32fast::hash(bytes)) << 32) | (bytes.len() as u64 & 0xffff_ffff);
    let hit = MEMO.lock().ok().and_then(|m| {
        // The hash stands for the content; compare it rather than trust it.
        m.get(&key)
            .filter(|(content, _)| content.as_slice() == bytes)
            .map(|(_, deflated)| deflated.clone())
    });
    if let Some(deflated) = hit {
        return Ok(deflated);
    }
    let deflated = Arc::new(deflate(bytes, LEVEL_REMEMBERED)?);
    if let Ok(mut m) = MEMO.lock() {
        if m.len() >= MEMO_MAX_ENTRIES {
            m.clear();
        }
        m.insert(key, (bytes.to_vec(), deflated.clone()));
    }
    Ok(deflated)
}

/// XML text content, escaped; control characters XML cannot hold are an error.
fn xml_text(field: &str, s: &str) -> Result<String, DocxError> {
    if let Some(ch) = s.chars().find(|c| !xml_char_ok(*c)) {
        return Err(DocxError::InvalidText {
            key: field.to_string(),
            ch,
        });
    }
    Ok(quick_xml::escape::escape(s).into_owned())
}

/// `docProps/core.xml`: title, subject and language only. No creator, no
/// last-modified-by, no created / modified dates: nothing that changes from
/// run to run or names a person.
fn core_xml(title: &str, subject: &str) -> Result<String, DocxError> {
    let title = xml_text("title", title)?;
    let subject = xml_text("subject", subject)?;
    Ok(format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>",
            "<dc:language>{lang}</dc:language><cp:revision>1</cp:revision>",
            "</cp:coreProperties>"
        ),
        decl = XML_DECL,
        title = title,
        subject = subject,
        lang = Lang::Th.bcp47(),
    ))
}

/// `word/styles.xml`: document defaults (the font on all four font slots,
/// `w:sz` and `w:szCs`, English for Latin text and Thai for complex
/// script, single line spacing, no paragraph spacing, widow control) and the
/// built-in default styles. Paragraphs and runs carry their look directly.
fn styles_xml(fmt: &Fmt) -> String {
    let font = xml_attr(&fmt.font);
    let hp = fmt.half_points;
    format!(
        concat!(
            "{decl}",
            r#"<w:styles xmlns:w="{ns}">"#,
            "<w:docDefaults><w:rPrDefault><w:rPr>",
            r#"<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>"#,
            r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#,
            r#"<w:lang w:val="{en}" w:eastAsia="{en}" w:bidi="{th}"/>"#,
            "</w:rPr></w:rPrDefault>",
            "<w:pPrDefault><w:pPr><w:widowControl/>",
            r#"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#,
            "</w:pPr></w:pPrDefault></w:docDefaults>",
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
            r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>"#,
            r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
            "</w:styles>"
        ),
        decl = XML_DECL,
        ns = W_NS,
        font = font,
        hp = hp,
        en = Lang::En.bcp47(),
        th = Lang::Th.bcp47(),
    )
}

/// `word/settings.xml`: Word 2013+ layout, Thai as the complex-script
/// language of the theme fonts.
fn settings_xml() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:settings xmlns:w="{ns}">"#,
            r#"<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang w:val="{en}" w:bidi="{th}"/>"#,
            "</w:settings>"
        ),
        decl = XML_DECL,
        ns = W_NS,
        en = Lang::En.bcp47(),
        th = Lang::Th.bcp47(),
    )
}

/// `word/fontTable.xml`: the one font the document uses.
fn font_table_xml(fmt: &Fmt) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:fonts xmlns:w="{ns}">"#,
            r#"<w:font w:name="{font}"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
            "</w:fonts>"
        ),
        decl = XML_DECL,
        ns = W_NS,
        font = xml_attr(&fmt.font),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_entry_is_what_a_fresh_deflate_gives() {
        let small = styles_xml(&Fmt::new(&crate::docx::DocxOptions::default()).expect("fmt"));
        let first = compressed_entry(small.as_bytes()).expect("first");
        let again = compressed_entry(small.as_bytes()).expect("remembered");
        let fresh = deflate(small.as_bytes(), LEVEL_REMEMBERED).expect("fresh");
        assert_eq!(*first, fresh);
        assert_eq!(*again, fresh);
        let large = "<w:t>ข้อความ</w:t>".repeat(REMEMBER_MAX / 10);
        let once = compressed_entry(large.as_bytes()).expect("large");
        assert_eq!(
            *once,
            deflate(large.as_bytes(), LEVEL_LARGE).expect("fresh")
        );
    }

    #[test]
    fn zip_entries_is_the_same_wherever_an_archive_falls() {
        let parts: Vec<(String, String)> = (0..5)
            .map(|i| {
                (
                    format!("p{i}.xml"),
                    format!("<x>{}</x>", "y".repeat(i * 100)),
                )
            })
            .collect();
        let zip =
            || zip_entries(parts.iter().map(|(n, b)| (n.as_str(), b.as_bytes()))).expect("zip");
        let first = zip();
        // Other archives in between (other entries, other levels).
        let big = "z".repeat(REMEMBER_MAX * 2);
        zip_entries([("big.xml", big.as_bytes()), ("q.xml", b"<q/>".as_slice())]).expect("zip");
        assert_eq!(zip(), first);
    }
}
