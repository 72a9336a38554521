//! The line markup templates render to, parsed into a `Section`.
//!
//! Each non-empty line is one block line: `@style key [number] | text`.
//! Styles: `mark`, `title`, `center`, `body`, `clause` (with a number),
//! `sig-left`, `sig-right` (lines of the signature block, collected into one
//! block). Inside the text, slot values arrive wrapped in private-use markers
//! (`SLOT_START name SLOT_NAME_END value SLOT_END`); the schema refuses
//! private-use characters in user text, so user text cannot forge a marker.

use super::model::*;
use crate::thai::segment::is_thai;

pub const SLOT_START: char = '\u{E000}';
pub const SLOT_NAME_END: char = '\u{E001}';
pub const SLOT_END: char = '\u{E002}';

/// Splits text into (text, slot name) segments.
pub fn segments(s: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(SLOT_START) {
        if i > 0 {
            out.push((rest[..i].to_string(), None));
        }
        let after = &rest[i + SLOT_START.len_utf8()..];
        let Some(n) = after.find(SLOT_NAME_END) else {
            break;
        };
        let name = &after[..n];
        let body = &after[n + SLOT_NAME_END.len_utf8()..];
        let end = body.find(SLOT_END).unwrap_or(body.len());
        out.push((body[..end].to_string(), Some(name.to_string())));
        rest = body.get(end + SLOT_END.len_utf8()..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push((rest.to_string(), None));
    }
    out
}

/// Splits a segment into runs by script: Thai letters are Thai, Latin letters
/// are English, everything else (spaces, digits, punctuation) stays with the
/// run it is in, starting in the section's language.
fn runs_by_script(
    text: &str,
    slot: &Option<String>,
    section: Lang,
    bold: bool,
    out: &mut Vec<Run>,
) {
    let mut cur = section;
    let mut buf = String::new();
    for c in text.chars() {
        let lang = if is_thai(c) {
            Some(Lang::Th)
        } else if c.is_alphabetic() {
            Some(Lang::En)
        } else {
            None
        };
        if let Some(l) = lang {
            if l != cur && !buf.is_empty() {
                out.push(Run {
                    text: std::mem::take(&mut buf),
                    lang: cur,
                    bold,
                    slot: slot.clone(),
                });
            }
            cur = l;
        }
        buf.push(c);
    }
    if !buf.is_empty() {
        out.push(Run {
            text: buf,
            lang: cur,
            bold,
            slot: slot.clone(),
        });
    }
}

fn runs(text: &str, section: Lang, bold: bool) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (t, slot) in segments(text) {
        runs_by_script(&t, &slot, section, bold, &mut out);
    }
    // Merge neighbours that differ in nothing.
    let mut merged: Vec<Run> = Vec::new();
    for r in out {
        match merged.last_mut() {
            Some(m) if m.lang == r.lang && m.bold == r.bold && m.slot == r.slot => {
                m.text.push_str(&r.text)
            }
            _ => merged.push(r),
        }
    }
    merged
}

/// Parses rendered template text. Errors carry the 1-based output line.
pub fn parse(text: &str, lang: Lang) -> Result<Section, (usize, String)> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut sig: Option<(String, Signature)> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let err = |m: &str| (i + 1, format!("{m}: {line:?}"));
        let Some(rest) = line.strip_prefix('@') else {
            return Err(err("a block line must start with @"));
        };
        let Some((head, body)) = rest.split_once(" | ") else {
            return Err(err("missing \" | \" between header and text"));
        };
        let mut parts = head.split_whitespace();
        let (Some(style), Some(key)) = (parts.next(), parts.next()) else {
            return Err(err("expected @style key"));
        };
        let number = parts.next().map(str::to_string);
        let body = body.trim();
        let para = |style: ParaStyle, bold: bool| Block {
            key: key.to_string(),
            content: BlockContent::Paragraph(Paragraph {
                style,
                number: number.clone(),
                runs: runs(body, lang, bold),
            }),
        };
        let block = match style {
            "mark" => para(ParaStyle::DraftMark, false),
            "title" => para(ParaStyle::Title, true),
            "center" => para(ParaStyle::Centered, false),
            "body" => para(ParaStyle::Body, false),
            "clause" => {
                if number.is_none() {
                    return Err(err("a clause needs a number"));
                }
                para(ParaStyle::Clause, false)
            }
            "sig-left" | "sig-right" => {
                let (_, s) = sig.get_or_insert_with(|| {
                    (
                        key.to_string(),
                        Signature {
                            left: Vec::new(),
                            right: Vec::new(),
                        },
                    )
                });
                let col = if style == "sig-left" {
                    &mut s.left
                } else {
                    &mut s.right
                };
                col.push(runs(body, lang, false));
                continue;
            }
            _ => return Err(err("unknown style")),
        };
        blocks.push(block);
    }
    if let Some((key, s)) = sig {
        blocks.push(Block {
            key,
            content: BlockContent::Signature(s),
        });
    }
    Ok(Section { lang, blocks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_and_scripts_become_runs() {
        let s = format!("@body b | จังหวัด{SLOT_START}x{SLOT_NAME_END}Chiang Mai{SLOT_END} ๑");
        let sec = parse(&s, Lang::Th).expect("parses");
        let BlockContent::Paragraph(p) = &sec.blocks[0].content else {
            panic!()
        };
        assert_eq!(p.runs.len(), 3, "{:?}", p.runs);
        assert_eq!(p.runs[0].lang, Lang::Th);
        assert_eq!(p.runs[1].text, "Chiang Mai");
        assert_eq!(p.runs[1].lang, Lang::En);
        assert_eq!(p.runs[1].slot.as_deref(), Some("x"));
        assert_eq!(p.runs[2].text, " ๑");
        assert_eq!(p.text(), "จังหวัดChiang Mai ๑");
    }

    #[test]
    fn malformed_lines_are_errors() {
        assert!(parse("no at sign", Lang::En).is_err());
        assert!(parse("@body k no bar", Lang::En).is_err());
        assert!(parse("@clause k | no number", Lang::En).is_err());
        assert!(parse("@weird k | x", Lang::En).is_err());
    }
}
