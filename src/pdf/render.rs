//! Writing the laid-out pages to PDF with krilla.
//!
//! Each line is drawn as runs of glyphs (one `draw_glyphs` call per font)
//! with the text every glyph stands for (see `shape`), so krilla writes a
//! `/ToUnicode` map that copies out the source text: one entry per glyph,
//! fixed up front by `seed_mappings`, plus `/ActualText` for each run of
//! Thai glyphs with stacked marks (see `draw_line`). Glyphs that carry no text
//! of their own (the rare shifted SARA AM after ป ฝ ฟ) are drawn as outlines.
//!
//! The PDF is tagged (a `P` structure element per paragraph or signature
//! line, each line a `Span` with its language; page numbers and the
//! non-compliance mark are artifacts), has the document's title, subject
//! and language, and by default is checked by krilla's PDF/A-2b validator.
//! Nothing depends on the clock or the machine: the file ID is derived from
//! the document's content, so the same document always gives the same bytes.

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document as KDocument, SerializeSettings};

use super::fonts::{font_data, FontKind, FONT_SIZE};
use super::layout::{LaidOut, Placed, PAGE_H, PAGE_W};
use super::{LinePart, PdfError, PdfOptions};
use crate::document::{Document, Lang};

/// Colour of the non-compliance mark.
const MARK_RED: (u8, u8, u8) = (192, 0, 0);

/// A stable 64-bit FNV-1a hash (the document ID must not change between
/// runs or machines, so no `RandomState`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // Field separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
}

/// Formatted text streamed into the hash (no separator: call `bytes(b"")`
/// after a field).
impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for &x in s.as_bytes() {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        Ok(())
    }
}

/// A document ID derived from everything the PDF shows. The blocks are
/// hashed field by field (not through their `Debug` form, which cost a
/// formatted string per block).
fn document_id(doc: &Document) -> String {
    let mut h = Fnv::new();
    h.str(doc.kind.code());
    h.str(&doc.title);
    h.str(&doc.subject);
    {
        use std::fmt::Write;
        let _ = write!(h, "{:?}", doc.layout);
        h.bytes(b"");
    }
    h.str(doc.non_compliant_mark.as_deref().unwrap_or(""));
    h.bytes(&[u8::from(doc.thai_digits)]);
    for s in &doc.sections {
        h.str(s.lang.code());
        for b in &s.blocks {
            h.str(&b.key);
            hash_content(&mut h, &b.content);
        }
    }
    let mut h2 = Fnv::new();
    h2.bytes(&h.0.to_le_bytes());
    h2.str(&doc.plain_text());
    format!("sisterdoc-{:016x}{:016x}", h.0, h2.0)
}

/// Styles, numbers, runs (text, language, bold, slot) of a block. Small
/// enums and the (rare) tables go through `Debug`, streamed into the hash
/// without building a string.
fn hash_content(h: &mut Fnv, content: &crate::document::BlockContent) {
    use crate::document::{BlockContent, Run};
    use std::fmt::Write;
    let runs = |h: &mut Fnv, runs: &[Run]| {
        h.bytes(&(runs.len() as u64).to_le_bytes());
        for r in runs {
            h.str(&r.text);
            h.str(r.lang.code());
            h.bytes(&[u8::from(r.bold)]);
            h.str(r.slot.as_deref().unwrap_or("\u{0}"));
        }
    };
    match content {
        BlockContent::Paragraph(p) => {
            let _ = write!(h, "{:?}", p.style);
            h.bytes(b"");
            h.str(p.number.as_deref().unwrap_or("\u{0}"));
            runs(h, &p.runs);
        }
        BlockContent::Signature(sig) => {
            h.str("signature");
            for side in [&sig.left, &sig.right] {
                h.bytes(&(side.len() as u64).to_le_bytes());
                for line in side {
                    runs(h, line);
                }
            }
        }
        BlockContent::Table(t) => {
            let _ = write!(h, "{t:?}");
            h.bytes(b"");
        }
    }
}

fn fill(red: bool) -> Fill {
    if red {
        let (r, g, b) = MARK_RED;
        Fill {
            paint: rgb::Color::new(r, g, b).into(),
            ..Fill::default()
        }
    } else {
        Fill::default()
    }
}

/// The bundled fonts as krilla reads them, parsed once per process.
fn krilla_fonts() -> Result<&'static [Font; 2], PdfError> {
    static FONTS: std::sync::OnceLock<Result<[Font; 2], PdfError>> = std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let load = |kind: FontKind| {
                Font::new(font_data(kind).into(), 0)
                    .ok_or_else(|| PdfError::Font(format!("bundled font {kind:?} cannot be read")))
            };
            Ok([load(FontKind::Regular)?, load(FontKind::Bold)?])
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Write the laid-out document.
pub fn render(doc: &Document, layout: &LaidOut, opts: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let mut builder = ConfigurationBuilder::new();
    if opts.archival {
        builder = builder.with_archival_validator(Archival::A2_B);
    }
    let configuration = builder
        .finish()
        .map_err(|e| PdfError::Pdf(format!("PDF configuration: {e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut pdf = KDocument::new_with(settings);

    let fonts = krilla_fonts()?;
    let font = |k: FontKind| match k {
        FontKind::Regular => fonts[0].clone(),
        FontKind::Bold => fonts[1].clone(),
    };

    let mut group_children: Vec<Vec<Node>> = vec![Vec::new(); layout.groups.len()];
    for (page_index, page) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| PdfError::Pdf("invalid page size".into()))?;
        let mut p = pdf.start_page_with(settings);
        let mut surface = p.surface();
        if page_index == 0 {
            seed_mappings(&mut surface, layout, &font);
        }
        draw_rules(&mut surface, &page.rules);
        for pl in &page.placed {
            let f = &layout.flows[pl.flow];
            surface.set_fill(Some(fill(f.red)));
            let id = draw_line(&mut surface, layout, pl, &font);
            if let (Some(id), Some(children)) =
                (id, f.group.and_then(|g| group_children.get_mut(g)))
            {
                children.push(Node::from(id));
            }
        }
        surface.finish();
        p.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(Lang::Th.bcp47().to_string()));
    for (g, children) in layout.groups.iter().zip(group_children) {
        if children.is_empty() {
            continue;
        }
        let tag = Tag::P.with_lang(Some(g.lang.bcp47().to_string()));
        tree.push(TagGroup::with_children(tag, children));
    }
    pdf.set_tag_tree(tree);

    let mut meta = Metadata::new()
        .title(doc.title.clone())
        .description(doc.subject.clone())
        .language(Lang::Th.bcp47().to_string())
        .creator("sisterdoc".to_string())
        .document_id(document_id(doc));
    if let Some((y, m, d)) = opts.date.or(if opts.archival {
        Some(PdfOptions::PLACEHOLDER_DATE)
    } else {
        None
    }) {
        meta = meta.creation_date(DateTime::new(y).month(m).day(d));
    }
    pdf.set_metadata(meta);

    pdf.finish()
        .map_err(|e| PdfError::Pdf(format!("krilla: {e:?}")))
}

/// Table rules: filled rectangles, as one layout artifact.
fn draw_rules(surface: &mut krilla::surface::Surface<'_>, rules: &[[f32; 4]]) {
    let mut pb = krilla::geom::PathBuilder::new();
    for &[x, y, w, h] in rules {
        if let Some(r) = krilla::geom::Rect::from_xywh(x, y, w, h) {
            pb.push_rect(r);
        }
    }
    let Some(path) = pb.finish() else { return };
    surface.set_fill(Some(Fill::default()));
    surface.start_tagged(ContentTag::Artifact(Artifact::new(
        ArtifactType::Layout,
        None,
    )));
    surface.draw_path(&path);
    surface.end_tagged();
}

/// Draw one placed line as a tagged `Span` with the line's language (page
/// furniture as an artifact); returns the span's identifier.
///
/// A run of glyphs (one font) that holds a zero-width glyph (a Thai
/// consonant with its vowel and tone marks) is given to krilla as one text
/// range, the run's text, so krilla wraps it in one `/ActualText` span.
/// poppler takes glyphs that start within 0.1 em of each other for
/// overlapping duplicates and splits words there, which scrambles stacked
/// marks (ที่ -> ท่ี); inside an actual-text span it reads the text whole.
/// One span per run rather than one per cluster: each span costs a text
/// state and a position in the content stream (an LOI's first page: 47 KB
/// of content -> 23 KB; the PDF writer 8% fewer instructions), and the text
/// copied out is the same in MuPDF and better in poppler and PDFium (no
/// line of a paragraph set apart, no space inside a word such as สม่ำเสมอ).
/// The glyphs' own `/ToUnicode` entries (one character each, fixed by
/// `seed_mappings`) serve readers that ignore `/ActualText`, such as MuPDF.
fn draw_line(
    surface: &mut krilla::surface::Surface<'_>,
    layout: &LaidOut,
    pl: &Placed,
    font: &dyn Fn(FontKind) -> Font,
) -> Option<Identifier> {
    let f = &layout.flows[pl.flow];
    let line = f.lines.get(pl.line)?;
    let size = FONT_SIZE;
    let glyphs = f.glyphs.get(line.glyphs.clone()).unwrap_or(&[]);
    if glyphs.is_empty() {
        return None;
    }
    // Pen position of every glyph, justification included, and the space
    // added after each (the gap before the next glyph). A glyph is drawn
    // with its own advance plus that space, not with the difference of two
    // pen positions: the difference carries float rounding that krilla
    // writes as a positioning adjustment of a thousandth of an em.
    let mut pos = Vec::with_capacity(glyphs.len());
    let mut after = vec![0.0f32; glyphs.len()];
    let mut pen = pl.x;
    let mut gaps = line.gaps.iter().peekable();
    for (k, g) in glyphs.iter().enumerate() {
        let gi = line.glyphs.start + k;
        while let Some(&&(at, space)) = gaps.peek() {
            if at > gi {
                break;
            }
            if at == gi {
                let extra = if space {
                    pl.space_spacing
                } else {
                    pl.word_spacing
                };
                pen += extra;
                if let Some(prev) = k.checked_sub(1) {
                    after[prev] += extra;
                }
            }
            gaps.next();
        }
        pos.push(pen);
        pen += g.adv * size;
    }

    // The text range each glyph is drawn with: its own characters, or, in
    // a run that holds a zero-width glyph (a Thai consonant with its vowel
    // and tone marks), the whole run's text (see above).
    let text = f.flow.text.as_str();
    let own = |g: &super::shape::SGlyph| g.text.clone().unwrap_or(g.key..g.key);
    let tag = match f.group {
        Some(_) => ContentTag::Span(SpanTag::empty().with_lang(Some(f.lang.bcp47()))),
        None => ContentTag::Artifact(Artifact::new(
            match f.part {
                LinePart::PageNumber => ArtifactType::PageNumber,
                _ => ArtifactType::PaginationOther,
            },
            None,
        )),
    };
    let id = surface.start_tagged(tag);
    // Runs of one font and one kind (text / outline).
    let mut s = 0;
    while s < glyphs.len() {
        let outline = glyphs[s].text.is_none();
        let kind = glyphs[s].font;
        let mut e = s + 1;
        while e < glyphs.len() && glyphs[e].font == kind && glyphs[e].text.is_none() == outline {
            e += 1;
        }
        let whole = (!outline && glyphs[s..e].iter().any(|g| g.adv == 0.0))
            .then(|| run_text(&glyphs[s..e]))
            .flatten();
        let run: Vec<KrillaGlyph> = (s..e)
            .map(|k| {
                let g = &glyphs[k];
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g.id)),
                    g.adv + after[k] / size,
                    g.dx,
                    g.dy,
                    0.0,
                    whole.clone().unwrap_or_else(|| own(g)),
                    None,
                )
            })
            .collect();
        surface.draw_glyphs(
            Point::from_xy(pos[s], pl.baseline),
            &run,
            font(kind),
            text,
            size,
            outline,
        );
        s = e;
    }
    surface.end_tagged();
    f.group.map(|_| id)
}

/// The source text a run of glyphs stands for: from the first character
/// any of them carries to the last. Every character of a line is carried by
/// the first glyph drawn for it (a glyph drawn as an outline carries none,
/// see `shape`), so this is the run's text exactly.
fn run_text(glyphs: &[super::shape::SGlyph]) -> Option<std::ops::Range<usize>> {
    let mut carried = glyphs.iter().filter_map(|g| g.text.as_ref());
    let first = carried.next()?;
    let (lo, hi) = carried.fold((first.start, first.end), |(lo, hi), r| {
        (lo.min(r.start), hi.max(r.end))
    });
    Some(lo..hi)
}

/// Give every glyph its own text as its `/ToUnicode` entry before any line
/// is drawn. krilla fixes a glyph's entry the first time the glyph is drawn
/// as the start of a text range; drawing each glyph alone with its own text
/// into a scratch stream that is then dropped (never written to the file)
/// makes that first time a one-glyph, one-text draw, so a consonant drawn
/// later at the start of a cluster range ("ที่") keeps the entry "ท".
fn seed_mappings(
    surface: &mut krilla::surface::Surface<'_>,
    layout: &LaidOut,
    font: &dyn Fn(FontKind) -> Font,
) {
    let mut seen: std::collections::BTreeMap<(FontKind, u16), String> = Default::default();
    for f in &layout.flows {
        for g in f.glyphs.iter() {
            if let Some(r) = &g.text {
                seen.entry((g.font, g.id))
                    .or_insert_with(|| f.flow.text[r.clone()].to_string());
            }
        }
    }
    let mut sb = surface.stream_builder();
    let mut scratch = sb.surface();
    for kind in [FontKind::Regular, FontKind::Bold] {
        let mut text = String::new();
        let mut run = Vec::new();
        for ((_, id), t) in seen.range((kind, 0)..=(kind, u16::MAX)) {
            let start = text.len();
            text.push_str(t);
            run.push(KrillaGlyph::new(
                GlyphId::new(u32::from(*id)),
                0.5,
                0.0,
                0.0,
                0.0,
                start..text.len(),
                None,
            ));
        }
        if !run.is_empty() {
            scratch.draw_glyphs(
                Point::from_xy(0.0, 0.0),
                &run,
                font(kind),
                &text,
                FONT_SIZE,
                false,
            );
        }
    }
    scratch.finish();
}
