//! The bundled fonts (Sarabun Regular and Bold, SIL OFL 1.1; see
//! `fonts/README.md`) and the type sizes derived from them.
//!
//! The fonts are compiled into the binary with `include_bytes!`: the PDF never
//! depends on what is installed on the machine. krilla subsets them when it
//! writes the file, so only the glyphs used are embedded.

use std::collections::HashMap;

use rustybuzz::ttf_parser::Tag;
use rustybuzz::Face;

use super::PdfError;

use crate::fonts::{SARABUN_BOLD, SARABUN_REGULAR};

/// Body text size in points.
///
/// The MFA drafts are set in TH SarabunPSK 16 pt. Sarabun (the Google Fonts
/// revision of the same design) draws its glyphs much larger for the same
/// em: measured from the outlines, the Thai consonant height (ก น อ) is
/// 586/1000 em in Sarabun against 401/1000 em in TH SarabunPSK (ratio 1.461),
/// Latin x-height 500 against 340 and cap height 700 against 476 (both
/// 1.471), and advance widths of a mixed Thai/English sentence are 1.497
/// times wider. So 16 pt TH SarabunPSK ≈ 16 / 1.465 ≈ 10.9 pt Sarabun: the
/// same letter size (a Thai consonant 6.4 pt tall in both) and about the
/// same number of characters per line.
pub const FONT_SIZE: f32 = 10.9;

/// Baseline-to-baseline distance in points: 1.49 em, Sarabun's own line
/// height (ascent + descent, 1.3 em) plus room for stacked marks (tone mark
/// over an upper vowel reaches 1.23 em above the baseline, tails 0.25 em
/// below), so no two lines' marks touch.
///
/// Word spaces TH SarabunPSK 16 pt lines 20.75 pt apart ("single": its win
/// ascent + descent, 1.297 em). At our 10.9 pt that would be 1.9 em, and PDF
/// readers take lines more than 1.5 em apart for separate paragraphs
/// (poppler: `maxLineSpacingDelta`), so copy/paste and text analysis would
/// see every line as a paragraph of its own. Pages therefore hold more lines
/// than the DOCX's; the text size is the same.
pub const LINE_PITCH: f32 = 16.2;

/// Distance from the top of a line box to its baseline: Sarabun's ascent
/// share of its line height (1068 / 1300).
pub const BASELINE_OFFSET: f32 = LINE_PITCH * 1068.0 / 1300.0;

/// Which of the two bundled faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontKind {
    Regular,
    Bold,
}

impl FontKind {
    pub fn for_bold(bold: bool) -> FontKind {
        if bold {
            FontKind::Bold
        } else {
            FontKind::Regular
        }
    }

    fn index(self) -> usize {
        match self {
            FontKind::Regular => 0,
            FontKind::Bold => 1,
        }
    }
}

/// The raw bytes of a bundled font.
pub fn font_data(kind: FontKind) -> &'static [u8] {
    match kind {
        FontKind::Regular => SARABUN_REGULAR,
        FontKind::Bold => SARABUN_BOLD,
    }
}

/// What the shaper needs to redraw SARA AM (U+0E33) so that it copies out
/// right (see `shape`): the shaper splits it into NIKHAHIT + SARA AA, and
/// Sarabun draws NIKHAHIT + tone mark as one composite glyph.
#[derive(Debug, Default)]
pub struct SaraAm {
    /// The font's own SARA AM glyph (NIKHAHIT and SARA AA in one).
    pub am: u16,
    pub aa: u16,
    pub nikhahit: u16,
    /// Composite glyphs made of NIKHAHIT at (0, 0) and one other glyph:
    /// that glyph and its offset in font units.
    pub with_nikhahit: HashMap<u16, (u16, i16, i16)>,
}

impl SaraAm {
    fn load(face: &Face) -> SaraAm {
        let gid = |c: char| face.glyph_index(c).map_or(0, |g| g.0);
        let nikhahit = gid('\u{0E4D}');
        let mut with_nikhahit = HashMap::new();
        if nikhahit != 0 {
            for (g, comps) in composites(face) {
                if let [(a, 0, 0), (b, dx, dy)] = comps.as_slice() {
                    if *a == nikhahit {
                        with_nikhahit.insert(g, (*b, *dx, *dy));
                    }
                }
            }
        }
        SaraAm {
            am: gid('\u{0E33}'),
            aa: gid('\u{0E32}'),
            nikhahit,
            with_nikhahit,
        }
    }
}

fn be_u16(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(at)?, *d.get(at + 1)?]))
}

fn be_u32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(at)?,
        *d.get(at + 1)?,
        *d.get(at + 2)?,
        *d.get(at + 3)?,
    ]))
}

/// A composite glyph's components: (glyph, dx, dy) in font units.
type Components = Vec<(u16, i16, i16)>;

/// The composite glyphs of a TrueType font whose components are placed by
/// plain x/y offsets without scaling: glyph -> [(component, dx, dy)].
fn composites(face: &Face) -> Vec<(u16, Components)> {
    let mut out = Vec::new();
    let (Some(head), Some(loca), Some(glyf)) = (
        face.raw_face().table(Tag::from_bytes(b"head")),
        face.raw_face().table(Tag::from_bytes(b"loca")),
        face.raw_face().table(Tag::from_bytes(b"glyf")),
    ) else {
        return out;
    };
    let long = be_u16(head, 50) == Some(1);
    let offset = |g: usize| -> Option<usize> {
        if long {
            be_u32(loca, g * 4).map(|o| o as usize)
        } else {
            be_u16(loca, g * 2).map(|o| o as usize * 2)
        }
    };
    for g in 0..face.number_of_glyphs() {
        let (Some(start), Some(end)) = (offset(g as usize), offset(g as usize + 1)) else {
            break;
        };
        if end < start + 10 || be_u16(glyf, start).map(|n| n as i16 >= 0).unwrap_or(true) {
            continue;
        }
        let mut at = start + 10;
        let mut comps = Vec::new();
        let mut plain = true;
        loop {
            let (Some(flags), Some(id)) = (be_u16(glyf, at), be_u16(glyf, at + 2)) else {
                plain = false;
                break;
            };
            at += 4;
            let (dx, dy) = if flags & 0x0001 != 0 {
                let (Some(a), Some(b)) = (be_u16(glyf, at), be_u16(glyf, at + 2)) else {
                    plain = false;
                    break;
                };
                at += 4;
                (a as i16, b as i16)
            } else {
                let (Some(&a), Some(&b)) = (glyf.get(at), glyf.get(at + 1)) else {
                    plain = false;
                    break;
                };
                at += 2;
                (i16::from(a as i8), i16::from(b as i8))
            };
            // Point matching or any scale: not a plain offset.
            if flags & 0x0002 == 0 || flags & (0x0008 | 0x0040 | 0x0080) != 0 {
                plain = false;
            }
            comps.push((id, dx, dy));
            if flags & 0x0020 == 0 {
                break;
            }
        }
        if plain {
            out.push((g, comps));
        }
    }
    out
}

/// The shaping faces of both fonts.
pub struct Faces {
    faces: [Face<'static>; 2],
    units_per_em: [f32; 2],
    sara_am: [SaraAm; 2],
}

impl Faces {
    /// The faces, parsed once per process (the fonts are compiled in).
    pub fn shared() -> Result<&'static Faces, PdfError> {
        static FACES: std::sync::OnceLock<Result<Faces, PdfError>> = std::sync::OnceLock::new();
        FACES
            .get_or_init(Faces::load)
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn load() -> Result<Faces, PdfError> {
        let load = |kind: FontKind| {
            Face::from_slice(font_data(kind), 0)
                .ok_or_else(|| PdfError::Font(format!("bundled font {kind:?} cannot be parsed")))
        };
        let regular = load(FontKind::Regular)?;
        let bold = load(FontKind::Bold)?;
        let upem = |f: &Face| (f.units_per_em() as f32).max(1.0);
        let units_per_em = [upem(&regular), upem(&bold)];
        let sara_am = [SaraAm::load(&regular), SaraAm::load(&bold)];
        Ok(Faces {
            faces: [regular, bold],
            units_per_em,
            sara_am,
        })
    }

    pub fn face(&self, kind: FontKind) -> &Face<'static> {
        &self.faces[kind.index()]
    }

    pub fn units_per_em(&self, kind: FontKind) -> f32 {
        self.units_per_em[kind.index()]
    }

    pub fn sara_am(&self, kind: FontKind) -> &SaraAm {
        &self.sara_am[kind.index()]
    }
}
