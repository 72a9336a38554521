//! The line markup templates render to, parsed into a `Section`.
//!
//! Each non-empty line is one block line: `@style key [number] | text`.
//! Styles: `mark`, `title`, `center`, `body`, `clause` (with a number),
//! `sig-left`, `sig-right` (lines of the signature block, collected into one
//! block). Letters add `emblem` (the Garuda's space), `blank`, `from-centre`
//! (the date), `label` (the number is the label: `@label subject เรื่อง | ...`),
//! `indent` (first line indented) and `left`.
//!
//! Flags follow the key (and number), each with a `+`: `+principle` marks a
//! principle clause of the standard (guideline 8.2; the diff classes any
//! change to it as substantive): `@clause clause-1 1. +principle | ...`.
//! A flag prints nothing.
//!
//! Tables: `@table key | 6 c | 28 l | 14 r` starts a table with borders
//! (each column's share of the text width in per cent and its alignment),
//! `@grid key | 50 l | 50 l` one without (a layout grid); then `@thead key
//! [row-id] | cell | cell` (heading rows), `@row key [row-id] | ...` and
//! `@row-bold key [row-id] | ...` add rows to the table of that key. Cells are
//! split at `|` and a cell's lines at `//`, never inside a slot value. Inside the text, slot values arrive wrapped in private-use markers
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
    let run = |text: &str, lang: Lang| Run {
        text: text.to_string(),
        lang,
        bold,
        slot: slot.clone(),
        revision: None,
    };
    let mut cur = section;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let lang = if is_thai(c) {
            Some(Lang::Th)
        } else if c.is_alphabetic() {
            Some(Lang::En)
        } else {
            None
        };
        if let Some(l) = lang {
            if l != cur && i > start {
                out.push(run(&text[start..i], cur));
                start = i;
            }
            cur = l;
        }
    }
    if text.len() > start {
        out.push(run(&text[start..], cur));
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

/// Splits `s` at `sep` where it is not inside a slot value (user text may
/// hold any character; only the template's own separators count).
fn split_outside_slots<'s>(s: &'s str, sep: &str) -> Vec<&'s str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        if c == SLOT_START {
            depth += 1;
        } else if c == SLOT_END {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && rest.starts_with(sep) {
            out.push(&s[start..i]);
            i += sep.len();
            start = i;
            continue;
        }
        i += c.len_utf8();
    }
    out.push(&s[start..]);
    out
}

/// A table's column specs: "6 c | 28 l | 14 r".
fn columns(body: &str) -> Option<Vec<TableColumn>> {
    body.split('|')
        .map(|spec| {
            let mut p = spec.split_whitespace();
            let percent = p.next()?.parse::<u16>().ok()?;
            let align = match p.next()? {
                "l" => CellAlign::Left,
                "c" => CellAlign::Center,
                "r" => CellAlign::Right,
                _ => return None,
            };
            Some(TableColumn { percent, align })
        })
        .collect()
}

/// A table row's cells (`|`), each cell's lines (`//`).
fn cells(body: &str, lang: Lang, bold: bool) -> Vec<Cell> {
    split_outside_slots(body, "|")
        .into_iter()
        .map(|cell| Cell {
            lines: split_outside_slots(cell, "//")
                .into_iter()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| runs(l, lang, bold))
                .collect(),
            value: CellValue::Text,
        })
        .collect()
}

/// Parses rendered template text. Errors carry the 1-based output line.
pub fn parse(text: &str, lang: Lang) -> Result<Section, (usize, String)> {
    let mut blocks: Vec<Block> = Vec::new();
    // The signature block, and where it stands among the blocks (at its
    // first line: text after it, such as a letter's contact block, follows it).
    let mut sig: Option<(String, Signature, bool)> = None;
    let mut sig_at = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let err = |m: &str| (i + 1, format!("{m}: {line:?}"));
        let Some(rest) = line.strip_prefix('@') else {
            return Err(err("a block line must start with @"));
        };
        // A line with nothing after its bar ("@emblem garuda |") has an empty text.
        let Some((head, body)) = rest
            .split_once(" | ")
            .or_else(|| rest.strip_suffix(" |").map(|h| (h, "")))
        else {
            return Err(err("missing \" | \" between header and text"));
        };
        let mut parts = head.split_whitespace();
        let (Some(style), Some(key)) = (parts.next(), parts.next()) else {
            return Err(err("expected @style key"));
        };
        let (flags, rest): (Vec<&str>, Vec<&str>) = parts.partition(|p| p.starts_with('+'));
        let mut principle = false;
        for flag in flags {
            match flag {
                "+principle" => principle = true,
                _ => return Err(err("unknown flag (known: +principle)")),
            }
        }
        let number = match rest.as_slice() {
            [] => None,
            [n] => Some(n.to_string()),
            _ => return Err(err("more than one number after the key")),
        };
        let body = body.trim();
        let para = |style: ParaStyle, bold: bool| Block {
            key: key.to_string(),
            content: BlockContent::Paragraph(Paragraph {
                style,
                number: number.clone(),
                runs: runs(body, lang, bold),
                revision: None,
                lang: None,
            }),
            principle,
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
            "label" => {
                if number.is_none() {
                    return Err(err("a label line needs its label"));
                }
                para(ParaStyle::Labelled, false)
            }
            "emblem" => para(ParaStyle::Emblem, false),
            "blank" => para(ParaStyle::Blank, false),
            "from-centre" => para(ParaStyle::FromCentre, false),
            "indent" => para(ParaStyle::Indented, false),
            "left" => para(ParaStyle::Left, false),
            "table" | "grid" => {
                let Some(columns) = columns(body) else {
                    return Err(err("column specs are \"<percent> l|c|r\" separated by |"));
                };
                Block {
                    key: key.to_string(),
                    content: BlockContent::Table(Table {
                        columns,
                        rows: Vec::new(),
                        borders: style == "table",
                    }),
                    principle,
                }
            }
            "thead" | "row" | "row-bold" => {
                let Some(Block {
                    content: BlockContent::Table(t),
                    ..
                }) = blocks.iter_mut().rev().find(|b| b.key == key)
                else {
                    return Err(err(
                        "a row needs a @table or @grid of the same key before it",
                    ));
                };
                let header = style == "thead";
                let row = TableRow {
                    id: number.clone(),
                    header,
                    cells: cells(body, lang, header || style == "row-bold"),
                };
                if row.cells.len() != t.columns.len() {
                    return Err(err("the row's cell count differs from the table's columns"));
                }
                t.rows.push(row);
                continue;
            }
            "sig-left" | "sig-right" => {
                if sig.is_none() {
                    sig_at = blocks.len();
                }
                let (_, s, marked) = sig.get_or_insert_with(|| {
                    (
                        key.to_string(),
                        Signature {
                            left: Vec::new(),
                            right: Vec::new(),
                        },
                        false,
                    )
                });
                *marked |= principle;
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
    if let Some((key, s, principle)) = sig {
        blocks.insert(
            sig_at.min(blocks.len()),
            Block {
                key,
                content: BlockContent::Signature(s),
                principle,
            },
        );
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
        assert!(parse("@row t | a", Lang::En).is_err());
        assert!(parse("@table t | 50 l | 50 x", Lang::En).is_err());
        assert!(parse("@table t | 50 l | 50 r\n@row t | a", Lang::En).is_err());
        assert!(parse("@body k +weird | x", Lang::En).is_err());
        assert!(parse("@clause k 1. 2. | x", Lang::En).is_err());
    }

    #[test]
    fn a_principle_flag_marks_the_block_and_prints_nothing() {
        let src = "@clause c-1 1. +principle | The text.\n@clause c-2 +principle 2. | More.\n@body b | Plain.";
        let sec = parse(src, Lang::En).expect("parses");
        let marked: Vec<bool> = sec.blocks.iter().map(|b| b.principle).collect();
        assert_eq!(marked, [true, true, false]);
        let BlockContent::Paragraph(p) = &sec.blocks[1].content else {
            panic!()
        };
        assert_eq!(p.text(), "2. More.");
    }

    #[test]
    fn tables_split_cells_and_lines_outside_slots_only() {
        let user = format!("{SLOT_START}x{SLOT_NAME_END}a | b // c{SLOT_END}");
        let s = format!("@table t | 40 l | 60 r\n@thead t | A | B\n@row t r1 | {user} | x // y\n@row-bold t total | | z");
        let sec = parse(&s, Lang::En).expect("parses");
        let BlockContent::Table(t) = &sec.blocks[0].content else {
            panic!()
        };
        assert!(t.borders);
        assert_eq!(t.rows.len(), 3);
        assert!(t.rows[0].header && t.rows[0].cells[0].lines[0][0].bold);
        assert_eq!(t.rows[1].id.as_deref(), Some("r1"));
        assert_eq!(t.rows[1].cells[0].text(), vec!["a | b // c"]);
        assert_eq!(t.rows[1].cells[1].text(), vec!["x", "y"]);
        assert!(t.rows[2].cells[0].lines.is_empty());
        assert_eq!(
            sec.blocks[0].lines(),
            vec!["A", "B", "a | b // c", "x", "y", "z"]
        );
    }
}
