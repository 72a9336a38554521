//! The bundled fonts (Sarabun Regular and Bold, SIL OFL 1.1; see
//! `fonts/README.md`) and which characters they can show.
//!
//! A low layer: the PDF writer draws with these fonts (`pdf::fonts` adds the
//! sizes and shaping), `check` warns before rendering about characters they
//! have no glyph for (DATA-GLYPH), and `batch` fingerprints them. The fonts
//! are compiled in with `include_bytes!`: nothing depends on what is
//! installed on the machine.

use rustybuzz::ttf_parser::Face;

pub static SARABUN_REGULAR: &[u8] = include_bytes!("../fonts/Sarabun-Regular.ttf");
pub static SARABUN_BOLD: &[u8] = include_bytes!("../fonts/Sarabun-Bold.ttf");

/// The bundled font files by name, for build fingerprints: a font change
/// makes every rendered output stale (`batch::fingerprint`).
pub fn font_sources() -> [(&'static str, &'static [u8]); 2] {
    [
        ("Sarabun-Regular.ttf", SARABUN_REGULAR),
        ("Sarabun-Bold.ttf", SARABUN_BOLD),
    ]
}

/// The characters of `text` (each once, in order) that the bundled fonts
/// (regular or bold) have no glyph for: they would print as boxes, which
/// PDF/A forbids, so writing a PDF with them fails. Spaces and controls are
/// never reported. `Err` names a bundled font that cannot be parsed.
pub fn unsupported_chars(text: &str) -> Result<String, String> {
    static FACES: std::sync::OnceLock<Result<[Face<'static>; 2], String>> =
        std::sync::OnceLock::new();
    let faces = FACES
        .get_or_init(|| {
            let parse = |(name, bytes): (&str, &'static [u8])| {
                Face::parse(bytes, 0)
                    .map_err(|e| format!("bundled font {name} cannot be parsed: {e}"))
            };
            let [regular, bold] = font_sources();
            Ok([parse(regular)?, parse(bold)?])
        })
        .as_ref()
        .map_err(Clone::clone)?;
    let mut out = String::new();
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() || out.contains(c) {
            continue;
        }
        if faces.iter().any(|f| f.glyph_index(c).is_none()) {
            out.push(c);
        }
    }
    Ok(out)
}
