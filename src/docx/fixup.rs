//! Rewrites the XML docx-rs generated for `word/document.xml` and the
//! headers, one streaming pass each:
//!
//! * a `w:pPr` / `w:rPr` / `w:tblPr` holding a marker style (`w:pStyle` /
//!   `w:rStyle` / `w:tblStyle` with a `Sisterdoc…` id, see
//!   [`super::build`]) is replaced whole by the exact property XML the
//!   marker points to;
//! * `w:gridCol` loses the `w:type` attribute docx-rs adds (the schema has
//!   only `w:w`);
//! * the body-level `w:sectPr` docx-rs wrote is replaced by ours (see
//!   [`super::write::to_docx_rs`]);
//! * `w14:paraId` values are renumbered 1, 2, 3… across all parts in order,
//!   so they do not depend on docx-rs's thread-local counter;
//! * in a document with tracked changes, a second pass ([`number_revisions`])
//!   numbers the `w:id` of every `w:ins` / `w:del` 1, 2, 3… in document
//!   order (docx-rs takes them from a process-wide counter, and the
//!   paragraph ends' changes come from the property table with id 0).
//!
//! Everything else is copied byte for byte.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::write::{Props, MARK_K, MARK_P, MARK_R, MARK_T};
use super::DocxError;

fn xml_err(e: impl std::fmt::Display) -> DocxError {
    DocxError::Xml(e.to_string())
}

/// The `w:val` of a `w:pStyle` / `w:rStyle` element, if it is one.
///
/// Attributes are read without the duplicate check (docx-rs writes each
/// once), which would collect every name into a list first.
fn style_val<'a>(e: &'a BytesStart<'_>) -> Result<Option<Cow<'a, [u8]>>, DocxError> {
    let name = e.name();
    if !matches!(name.as_ref(), b"w:pStyle" | b"w:rStyle" | b"w:tblStyle") {
        return Ok(None);
    }
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(xml_err)?;
        if a.key.as_ref() == b"w:val" {
            // Marker ids are plain ASCII: no entities to resolve.
            return Ok(Some(a.value));
        }
    }
    Ok(None)
}

/// The property XML a marker id points to, or `None` for other style ids.
fn lookup<'p>(val: &[u8], props: &'p Props) -> Result<Option<&'p str>, DocxError> {
    let (table, rest) = if let Some(rest) = val.strip_prefix(MARK_P.as_bytes()) {
        (&props.ppr, rest)
    } else if let Some(rest) = val.strip_prefix(MARK_R.as_bytes()) {
        (&props.rpr, rest)
    } else if let Some(rest) = val.strip_prefix(MARK_K.as_bytes()) {
        (&props.runs, rest)
    } else if let Some(rest) = val.strip_prefix(MARK_T.as_bytes()) {
        (&props.tblpr, rest)
    } else {
        return Ok(None);
    };
    let shown = || String::from_utf8_lossy(val).into_owned();
    let n: usize = std::str::from_utf8(rest)
        .ok()
        .and_then(|r| r.parse().ok())
        .ok_or_else(|| DocxError::Xml(format!("bad property marker {:?}", shown())))?;
    table
        .get(n)
        .map(Some)
        .ok_or_else(|| DocxError::Xml(format!("property marker {:?} out of range", shown())))
}

/// Rewrite one part (see the module comment). `next_para_id` carries the
/// paragraph-id counter from part to part; `sect` replaces any `w:sectPr`
/// outside a marked paragraph property (the body-level one).
///
/// What is kept is copied from `input` as it is (the span of each event),
/// not written again event by event.
pub(crate) fn fix_part(
    input: &[u8],
    props: &Props,
    sect: Option<&str>,
    next_para_id: &mut u32,
) -> Result<Vec<u8>, DocxError> {
    let mut reader = Reader::from_reader(input);
    let mut writer = Writer::new(Vec::with_capacity(input.len() * 2));
    // The `w:pPr` / `w:rPr` / `w:tblPr` being looked at: where it starts in
    // `input`, its depth, and the property XML of the marker it holds.
    let mut held: Option<(usize, usize, Option<&str>)> = None;
    // Depth inside a `w:sectPr` being replaced.
    let mut in_sect = 0usize;
    loop {
        let start = position(&reader)?;
        let ev = reader.read_event().map_err(xml_err)?;
        let end = position(&reader)?;
        if in_sect > 0 {
            match &ev {
                Event::Start(_) => in_sect += 1,
                Event::End(_) => in_sect -= 1,
                Event::Eof => return Err(DocxError::Xml("unclosed w:sectPr".into())),
                _ => {}
            }
            continue;
        }
        if let Some((from, depth, replacement)) = &mut held {
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    if matches!(ev, Event::Start(_)) {
                        *depth += 1;
                    }
                    if let Some(val) = style_val(e)? {
                        if let Some(xml) = lookup(&val, props)? {
                            *replacement = Some(xml);
                        }
                    }
                }
                Event::End(_) => *depth -= 1,
                Event::Eof => return Err(DocxError::Xml("unclosed property element".into())),
                _ => {}
            }
            if *depth == 0 {
                let out = writer.get_mut();
                match replacement {
                    Some(xml) => out.extend_from_slice(xml.as_bytes()),
                    None => out.extend_from_slice(span(input, *from, end)?),
                }
                held = None;
            }
            continue;
        }
        match ev {
            Event::Eof => break,
            Event::Start(e) if matches!(e.name().as_ref(), b"w:pPr" | b"w:rPr" | b"w:tblPr") => {
                // The element itself carries no style id; its children may.
                held = Some((start, 1, None));
            }
            Event::Start(e) if e.name().as_ref() == b"w:p" => {
                renumber(writer.get_mut(), &e, false, next_para_id)?;
            }
            Event::Empty(e) if e.name().as_ref() == b"w:p" => {
                renumber(writer.get_mut(), &e, true, next_para_id)?;
            }
            Event::Empty(e) if e.name().as_ref() == b"w:gridCol" => {
                let mut out = BytesStart::new("w:gridCol");
                for a in e.attributes() {
                    let a = a.map_err(xml_err)?;
                    if a.key.as_ref() == b"w:w" {
                        out.push_attribute(a);
                    }
                }
                writer.write_event(Event::Empty(out)).map_err(xml_err)?;
            }
            Event::Start(e) if e.name().as_ref() == b"w:sectPr" => {
                let sect = sect.ok_or_else(|| DocxError::Xml("unexpected w:sectPr".into()))?;
                writer.get_mut().extend_from_slice(sect.as_bytes());
                in_sect = 1;
            }
            Event::Empty(e) if e.name().as_ref() == b"w:sectPr" => {
                let sect = sect.ok_or_else(|| DocxError::Xml("unexpected w:sectPr".into()))?;
                writer.get_mut().extend_from_slice(sect.as_bytes());
            }
            Event::Empty(e) | Event::Start(e) if style_val(&e)?.is_some() => {
                return Err(DocxError::Xml(format!(
                    "style element outside a property element: {:?}",
                    String::from_utf8_lossy(e.as_ref())
                )));
            }
            _ => writer.get_mut().extend_from_slice(span(input, start, end)?),
        }
    }
    Ok(writer.into_inner())
}

/// Where the reader is in its input, as an index.
fn position(reader: &Reader<&[u8]>) -> Result<usize, DocxError> {
    usize::try_from(reader.buffer_position())
        .map_err(|_| DocxError::Xml("reader position out of range".into()))
}

/// `input[from..to]`, the bytes of the events read between two positions.
fn span(input: &[u8], from: usize, to: usize) -> Result<&[u8], DocxError> {
    input
        .get(from..to)
        .ok_or_else(|| DocxError::Xml(format!("span {from}..{to} out of range")))
}

/// Write a `w:p` tag (`empty`: `<w:p …/>`) again with `w14:paraId` set
/// to the next number, every attribute as ` key="value"`.
fn renumber(
    out: &mut Vec<u8>,
    e: &BytesStart<'_>,
    empty: bool,
    next: &mut u32,
) -> Result<(), DocxError> {
    out.extend_from_slice(b"<w:p");
    for a in e.attributes() {
        let a = a.map_err(xml_err)?;
        out.push(b' ');
        out.extend_from_slice(a.key.as_ref());
        out.extend_from_slice(b"=\"");
        if a.key.as_ref() == b"w14:paraId" {
            // Word wants paragraph ids below 0x80000000.
            push_hex8(out, *next);
            *next += 1;
        } else {
            out.extend_from_slice(&a.value);
        }
        out.push(b'"');
    }
    out.extend_from_slice(if empty { b"/>" } else { b">" });
    Ok(())
}

/// `n` as eight upper-case hex digits (`{:08X}`).
fn push_hex8(out: &mut Vec<u8>, n: u32) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for shift in (0..8).rev() {
        out.push(HEX[((n >> (shift * 4)) & 0xf) as usize]);
    }
}

/// Number the `w:id` of every `w:ins` / `w:del` of a part 1, 2, 3… in
/// document order (see the module comment).
pub(crate) fn number_revisions(input: &[u8]) -> Result<Vec<u8>, DocxError> {
    let mut reader = Reader::from_reader(input);
    let mut writer = Writer::new(Vec::with_capacity(input.len()));
    let mut next = 1u32;
    let renumbered =
        |e: &BytesStart<'_>, next: &mut u32| -> Result<BytesStart<'static>, DocxError> {
            let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
            let mut out = BytesStart::new(name);
            for a in e.attributes() {
                let a = a.map_err(xml_err)?;
                if a.key.as_ref() == b"w:id" {
                    let id = next.to_string();
                    *next += 1;
                    out.push_attribute(("w:id", id.as_str()));
                } else {
                    out.push_attribute(a);
                }
            }
            Ok(out)
        };
    loop {
        match reader.read_event().map_err(xml_err)? {
            Event::Eof => break,
            Event::Start(e) if matches!(e.name().as_ref(), b"w:ins" | b"w:del") => {
                let e = renumbered(&e, &mut next)?;
                writer.write_event(Event::Start(e)).map_err(xml_err)?;
            }
            Event::Empty(e) if matches!(e.name().as_ref(), b"w:ins" | b"w:del") => {
                let e = renumbered(&e, &mut next)?;
                writer.write_event(Event::Empty(e)).map_err(xml_err)?;
            }
            ev => writer.write_event(ev).map_err(xml_err)?,
        }
    }
    Ok(writer.into_inner())
}
