//! Tests of the DOCX text reader: what it reads (runs joined, tabs, breaks,
//! tables, text boxes, tracked changes, entities) and that bad input gives
//! an error, not a panic.

mod common;

use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::process::Command;

use sisterdoc::docx::read::{parse_document_xml, MAX_DOCUMENT_BYTES, MAX_ENTRIES};
use sisterdoc::docx::{read_docx_text, read_docx_view, read_paragraphs, DocxReadError, View};
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A zip with the given entries.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default();
    for (name, bytes) in entries {
        z.start_file(*name, opts).expect("start");
        z.write_all(bytes).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

/// A minimal docx around a `w:body`'s inner XML.
fn docx_with_body(body: &str) -> Vec<u8> {
    let xml = document(body);
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body}</w:body></w:document>"#
    )
}

fn texts(bytes: &[u8]) -> Vec<String> {
    read_paragraphs(bytes)
        .expect("reads")
        .into_iter()
        .map(|p| p.text)
        .collect()
}

// ----- what is read ---------------------------------------------------------------

#[test]
fn runs_that_split_a_word_read_back_joined() {
    let d = docx_with_body(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Partic</w:t></w:r><w:r><w:t>ipants</w:t></w:r><w:r><w:t xml:space="preserve"> will</w:t></w:r></w:p>"#,
    );
    assert_eq!(texts(&d), ["Participants will"]);
}

#[test]
fn tabs_breaks_and_tab_stops() {
    let d = docx_with_body(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs></w:pPr><w:r><w:t>๑.</w:t><w:tab/><w:t>ผู้เข้าร่วม</w:t><w:br/><w:t>บรรทัดสอง</w:t><w:cr/><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t></w:r></w:p>"#,
    );
    // The tab stop definition in w:pPr/w:tabs is not a tab character.
    assert_eq!(texts(&d), ["๑.\tผู้เข้าร่วม\nบรรทัดสอง\nx-y"]);
}

#[test]
fn tables_nested_tables_in_order() {
    let d = docx_with_body(
        r#"<w:p><w:r><w:t>before</w:t></w:r></w:p>
        <w:tbl><w:tr>
          <w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p/></w:tc>
          <w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc>
        </w:tr></w:tbl>
        <w:p><w:r><w:t>after</w:t></w:r></w:p>"#,
    );
    let got = read_paragraphs(&d).expect("reads");
    let view: Vec<(&str, bool)> = got.iter().map(|p| (p.text.as_str(), p.in_table)).collect();
    assert_eq!(
        view,
        [
            ("before", false),
            ("A1", true),
            ("nested", true),
            ("", true),
            ("B1", true),
            ("after", false)
        ]
    );
}

#[test]
fn text_box_read_once_not_from_fallback() {
    let d = docx_with_body(
        r#"<w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>in the box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>in the box</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
    );
    assert_eq!(texts(&d), ["in the box", "anchor"]);
}

#[test]
fn tracked_changes_read_as_accepted() {
    let d = docx_with_body(
        r#"<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>two sides</w:delText></w:r><w:r><w:tab/></w:r></w:del><w:ins w:id="2" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t>Participants</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> will</w:t></w:r></w:p>
        <w:p><w:pPr><w:rPr><w:del w:id="3" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">joined </w:t></w:r></w:p>
        <w:p><w:r><w:t>to the next</w:t></w:r></w:p>"#,
    );
    let t = read_docx_text(&d).expect("reads");
    assert!(t.had_tracked_changes);
    let got: Vec<&str> = t.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(got, ["The Participants will", "joined to the next"]);

    // A deleted table row goes; an inserted one stays.
    let d = docx_with_body(
        r#"<w:tbl><w:tr><w:trPr><w:del w:id="4" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr><w:tc><w:p><w:r><w:delText>old row</w:delText></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:ins w:id="5" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr><w:tc><w:p><w:r><w:t>new row</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    assert_eq!(texts(&d), ["new row", "kept"]);

    // A formatting change is a tracked change, and its record is not text.
    let d = docx_with_body(
        r#"<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="6" w:author="x" w:date="2024-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>bold now</w:t></w:r></w:p>"#,
    );
    let t = read_docx_text(&d).expect("reads");
    assert!(t.had_tracked_changes);
    assert_eq!(t.paragraphs[0].text, "bold now");

    let clean = docx_with_body(r#"<w:p><w:r><w:t>x</w:t></w:r></w:p>"#);
    assert!(!read_docx_text(&clean).expect("reads").had_tracked_changes);
}

#[test]
fn tracked_changes_read_as_rejected() {
    let d = docx_with_body(
        r#"<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>two sides</w:delText></w:r><w:r><w:tab/></w:r></w:del><w:ins w:id="2" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t>Participants</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> will</w:t></w:r></w:p>
        <w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">joined </w:t></w:r></w:p>
        <w:p><w:pPr><w:rPr><w:del w:id="4" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>to the next</w:t></w:r></w:p>
        <w:p><w:moveFrom w:id="5" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:moveTo w:id="6" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t>away</w:t></w:r></w:moveTo></w:p>"#,
    );
    let t = read_docx_view(&d, View::Rejected).expect("reads");
    assert!(t.had_tracked_changes);
    let got: Vec<&str> = t.paragraphs.iter().map(|p| p.text.as_str()).collect();
    // Deleted text and its tab come back, the insertion goes; the inserted
    // paragraph mark goes (its text joins the next), the deleted one stays.
    assert_eq!(got, ["The two sides\t will", "joined to the next", "moved"]);
    let accepted = read_docx_view(&d, View::Accepted).expect("reads");
    assert_eq!(accepted, read_docx_text(&d).expect("reads"));

    // An inserted table row goes, a deleted one comes back.
    let d = docx_with_body(
        r#"<w:tbl><w:tr><w:trPr><w:del w:id="4" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr><w:tc><w:p><w:r><w:delText>old row</w:delText></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:ins w:id="5" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr><w:tc><w:p><w:r><w:t>new row</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    let got: Vec<String> = read_docx_view(&d, View::Rejected)
        .expect("reads")
        .paragraphs
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(got, ["old row", "kept"]);
}

#[test]
fn field_codes_are_not_text_but_results_are() {
    let d = docx_with_body(
        r#"<w:p><w:r><w:t xml:space="preserve">page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
    );
    assert_eq!(texts(&d), ["page 2"]);
}

#[test]
fn entities_and_character_references() {
    let d = docx_with_body(
        r#"<w:p><w:r><w:t>A &amp; B &lt;&gt; &quot;q&quot; &apos;s&apos; &#3585;&#x0E02;</w:t></w:r></w:p>"#,
    );
    assert_eq!(texts(&d), ["A & B <> \"q\" 's' กข"]);
}

#[test]
fn main_part_found_through_package_relationships() {
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>"#;
    let xml = document(r#"<w:p><w:r><w:t>main</w:t></w:r></w:p>"#);
    let d = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/main.xml", xml.as_bytes()),
    ]);
    assert_eq!(texts(&d), ["main"]);
}

#[test]
fn strict_ooxml_namespace() {
    let xml = r#"<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>strict</w:t></w:r></w:p></w:body></w:document>"#;
    let d = zip_of(&[("word/document.xml", xml.as_bytes())]);
    assert_eq!(texts(&d), ["strict"]);
}

#[test]
fn other_namespaces_t_is_not_text() {
    // DrawingML's a:t (e.g. in a chart or SmartArt drawing) is not body text.
    let d = docx_with_body(
        r#"<w:p><w:r><w:t>body</w:t></w:r><w:r><a:p xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:r><a:t>shape</a:t></a:r></a:p></w:r></w:p>"#,
    );
    assert_eq!(texts(&d), ["body"]);
}

// ----- bad input ----------------------------------------------------------------------

#[test]
fn random_bytes_are_not_a_zip() {
    // A fixed pseudo-random sequence (xorshift), so the test is repeatable.
    let mut x: u32 = 0x9E37_79B9;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    assert!(matches!(
        read_paragraphs(&bytes),
        Err(DocxReadError::NotZip(_))
    ));
    assert!(matches!(
        read_paragraphs(&[]),
        Err(DocxReadError::NotZip(_))
    ));
    assert!(matches!(
        read_paragraphs(b"PK\x03\x04 truncated"),
        Err(DocxReadError::NotZip(_))
    ));
}

#[test]
fn empty_zip_has_no_document() {
    let d = zip_of(&[]);
    let e = read_paragraphs(&d).expect_err("empty zip");
    assert_eq!(
        e,
        DocxReadError::MissingDocument("word/document.xml".into())
    );
    assert!(e.to_string().contains("word/document.xml"));
}

#[test]
fn zip_without_document_xml() {
    let d = zip_of(&[("word/styles.xml", b"<w:styles/>"), ("readme.txt", b"hi")]);
    assert!(matches!(
        read_paragraphs(&d),
        Err(DocxReadError::MissingDocument(_))
    ));
}

#[test]
fn broken_xml_is_an_error() {
    for xml in [
        // Mismatched end tag.
        document("<w:p><w:r><w:t>abc</w:r></w:p>"),
        // Truncated.
        document("<w:p><w:r><w:t>abc</w:t>").replace("</w:body></w:document>", ""),
        // Not XML.
        "this is not xml at all <<<".to_string(),
        // Empty.
        String::new(),
        // Some other XML.
        "<html><body><p>hi</p></body></html>".to_string(),
        // Unknown entity.
        document("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>"),
    ] {
        let d = zip_of(&[("word/document.xml", xml.as_bytes())]);
        let r = read_paragraphs(&d);
        assert!(
            matches!(r, Err(DocxReadError::Xml(_))),
            "{xml:?} gave {r:?}"
        );
    }
    // Straight into the XML parser too.
    assert!(parse_document_xml(b"\xff\xfe garbage").is_err());
}

#[test]
fn corrupt_compressed_data_is_an_error() {
    let xml = document(&"<w:p><w:r><w:t>abc</w:t></w:r></w:p>".repeat(200));
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file(
        "word/document.xml",
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated),
    )
    .expect("start");
    z.write_all(xml.as_bytes()).expect("write");
    let mut bytes = z.finish().expect("finish").into_inner();
    // Flip bytes in the middle of the compressed data.
    for b in bytes.iter_mut().skip(80).take(40) {
        *b ^= 0x5A;
    }
    let r = read_paragraphs(&bytes);
    assert!(r.is_err(), "corrupt data read as {r:?}");
}

#[test]
fn zip_bomb_document_is_refused() {
    // A document.xml that inflates past the cap: a few hundred KiB of zip.
    let limit = MAX_DOCUMENT_BYTES as usize;
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file(
        "word/document.xml",
        SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false),
    )
    .expect("start");
    let chunk = vec![b' '; 1 << 20];
    let mut written = 0;
    while written <= limit {
        z.write_all(&chunk).expect("write");
        written += chunk.len();
    }
    let bytes = z.finish().expect("finish").into_inner();
    assert!(
        bytes.len() < limit / 50,
        "test zip is small: {}",
        bytes.len()
    );
    assert!(matches!(
        read_paragraphs(&bytes),
        Err(DocxReadError::TooLarge { .. })
    ));
}

#[test]
fn too_many_entries_is_refused() {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..=MAX_ENTRIES {
        z.start_file(format!("f{i}"), opts).expect("start");
    }
    let bytes = z.finish().expect("finish").into_inner();
    assert!(matches!(
        read_paragraphs(&bytes),
        Err(DocxReadError::TooManyEntries { .. })
    ));
}

// ----- a DOCX LibreOffice wrote -------------------------------------------------------------

fn soffice() -> Option<PathBuf> {
    common::tool(&["soffice"], "libreoffice-writer-nogui")
}

/// LibreOffice re-saves a DOCX with its own structure (runs split at script
/// changes, other properties); the reader gets the same text out of it.
#[test]
fn reads_libreoffice_docx() {
    let Some(soffice) = soffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let src = tmp.path().join("in.docx");
    let xml = document(
        r#"<w:p><w:r><w:t>(ร่าง)</w:t></w:r></w:p><w:p><w:r><w:t>๑.</w:t><w:tab/><w:t>Partic</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ipants ผู้เข้าร่วม</w:t></w:r></w:p><w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>left</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>right</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"#,
    );
    let ct = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let d = zip_of(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", xml.as_bytes()),
    ]);
    std::fs::write(&src, &d).expect("write");
    let out = tmp.path().join("out");
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&src)
        .status()
        .expect("soffice runs");
    assert!(status.success());
    let lo = std::fs::read(out.join("in.docx")).expect("LibreOffice output");
    let got: Vec<String> = read_paragraphs(&lo)
        .expect("reads LibreOffice's docx")
        .into_iter()
        .map(|p| p.text)
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(got, ["(ร่าง)", "๑.\tParticipants ผู้เข้าร่วม", "left", "right"]);
}
