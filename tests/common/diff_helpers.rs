//! Helpers shared by the `diff_*` tests (`common::diff_helpers`): render a
//! fixture descriptor, edit the rendered document the way a province or a
//! partner would, write it as DOCX, read it back and diff it.
#![allow(dead_code)]

use sisterdoc::descriptor::Descriptor;
use sisterdoc::diff::{self, Class, Deviation, DiffReport, Draft};
use sisterdoc::document::{compose, BlockContent, ComposeOptions, DocKind, Document, Lang};

pub use super::root;

pub fn descriptor(name: &str) -> Descriptor {
    let path = root().join(format!("fixtures/valid/{name}.yaml"));
    let bytes = std::fs::read(&path).expect("fixture descriptor");
    sisterdoc::check::check_bytes(&bytes, Some(name))
        .descriptor
        .expect("fixture decodes")
}

pub fn rendered(name: &str, kind: DocKind) -> Document {
    compose(&descriptor(name), kind, ComposeOptions::default()).expect("builds")
}

pub fn docx(doc: &Document) -> Vec<u8> {
    sisterdoc::docx::write_docx(doc, &Default::default()).expect("writes")
}

/// The draft as `sisterdoc diff` reads it: DOCX bytes, paragraphs back.
pub fn draft_of(doc: &Document) -> Draft {
    diff::read_draft(&docx(doc), false).expect("reads back")
}

/// Diff of an edited document against the named fixture's standard
/// (`open`: without the descriptor).
pub fn diff_doc(name: &str, kind: DocKind, edited: &Document, open: bool) -> DiffReport {
    let desc = descriptor(name);
    let r = diff::standard((!open).then_some(&desc), kind).expect("reference");
    diff::compare(&r, &draft_of(edited))
}

fn blocks_mut(doc: &mut Document, lang: Lang) -> &mut Vec<sisterdoc::document::Block> {
    &mut doc
        .sections
        .iter_mut()
        .find(|s| s.lang == lang)
        .expect("section")
        .blocks
}

/// Replaces the first `from` in one run of block `key` with `to`.
pub fn replace(doc: &mut Document, lang: Lang, key: &str, from: &str, to: &str) {
    let blocks = blocks_mut(doc, lang);
    let b = blocks.iter_mut().find(|b| b.key == key).expect("block");
    let runs = b.runs_mut();
    for r in runs {
        if r.text.contains(from) {
            r.text = r.text.replacen(from, to, 1);
            return;
        }
    }
    panic!("{from:?} not in one run of {key}");
}

pub fn remove(doc: &mut Document, lang: Lang, key: &str) {
    let blocks = blocks_mut(doc, lang);
    let i = blocks.iter().position(|b| b.key == key).expect("block");
    blocks.remove(i);
}

/// Moves block `key` to just after block `after`.
pub fn move_after(doc: &mut Document, lang: Lang, key: &str, after: &str) {
    let blocks = blocks_mut(doc, lang);
    let i = blocks.iter().position(|b| b.key == key).expect("block");
    let b = blocks.remove(i);
    let j = blocks.iter().position(|b| b.key == after).expect("after");
    blocks.insert(j + 1, b);
}

/// Adds a body paragraph with `text` after block `after`.
pub fn add_after(doc: &mut Document, lang: Lang, after: &str, text: &str) {
    use sisterdoc::document::{Block, ParaStyle, Paragraph, Run};
    let blocks = blocks_mut(doc, lang);
    let j = blocks.iter().position(|b| b.key == after).expect("after");
    blocks.insert(
        j + 1,
        Block {
            key: "added".into(),
            content: BlockContent::Paragraph(Paragraph {
                style: ParaStyle::Body,
                number: None,
                runs: vec![Run {
                    text: text.into(),
                    lang,
                    bold: false,
                    slot: None,
                    revision: None,
                }],
                revision: None,
                lang: None,
            }),
            principle: false,
        },
    );
}

pub fn only(r: &DiffReport) -> &Deviation {
    assert_eq!(r.deviations.len(), 1, "{:#?}", r.deviations);
    &r.deviations[0]
}

pub fn classes(r: &DiffReport) -> Vec<Class> {
    r.deviations.iter().map(|d| d.class).collect()
}

/// The non-blank paragraphs of a redline's first page: the first page
/// written alone has `first` of them.
pub fn first_page(
    paras: &[sisterdoc::docx::DocxParagraph],
    first: usize,
) -> Vec<&sisterdoc::docx::DocxParagraph> {
    paras
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .take(first)
        .collect()
}

/// The paragraphs of a redline after its first page (`first` non-blank
/// paragraphs), blank ones dropped.
pub fn body(paras: &[sisterdoc::docx::DocxParagraph], first: usize) -> Vec<String> {
    paras
        .iter()
        .map(|p| p.text.clone())
        .filter(|t| !t.trim().is_empty())
        .skip(first)
        .collect()
}

/// How many non-blank paragraphs the redline's first page has: the first
/// page written alone through the DOCX writer and read back.
pub fn first_page_len(r: &DiffReport, names: &sisterdoc::diff::report::Names) -> usize {
    let doc = sisterdoc::diff::redline::first_page(r, names).expect("first page");
    sisterdoc::docx::read_paragraphs(&docx(&doc))
        .expect("reads")
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .count()
}

/// The standard text as the redline's rejected view should read it.
pub fn standard_text(r: &DiffReport, reference: &sisterdoc::diff::Standard) -> Vec<String> {
    let _ = r;
    reference
        .units
        .iter()
        .map(|u| u.alts[0].text.clone())
        .collect()
}
