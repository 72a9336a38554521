//! Page geometry and paragraph styles: how every document sisterdoc writes
//! sits on the page, defined once. The DOCX writer (`docx::write`,
//! `docx::table`), the PDF layout (`pdf::layout`, `pdf::letter`) and the
//! redline (`diff::redline`) read these values; none of them writes a
//! margin, an indent or a paragraph's spacing of its own.
//!
//! Lengths are stated as the rules state them (centimetres for the page
//! and indents, points for spacing) in a [`Length`], with one conversion to
//! each writer's unit: [`Length::twips`] for DOCX, [`Length::points`] for PDF.

use super::model::ParaStyle;

/// One centimetre in points (PDF's unit, 1/72 inch).
pub const POINTS_PER_CM: f32 = 72.0 / 2.54;
/// One centimetre in twips as Word counts it: 567, the value of Word's own
/// ruler and page setup (the exact value is 566.93). Rounded to whole twips
/// this gives the numbers Word itself writes for 3 cm (1701), 2.5 cm (1418),
/// 1.25 cm (709).
pub const TWIPS_PER_CM: f32 = 567.0;

/// A length on the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    Cm(f32),
    Pt(f32),
}

impl Length {
    /// In points, for the PDF writer.
    pub const fn points(self) -> f32 {
        match self {
            Length::Cm(cm) => cm * POINTS_PER_CM,
            Length::Pt(pt) => pt,
        }
    }

    /// In whole twentieths of a point (twips), for the DOCX writer.
    pub const fn twips(self) -> u32 {
        let t = match self {
            Length::Cm(cm) => cm * TWIPS_PER_CM,
            Length::Pt(pt) => pt * 20.0,
        };
        // Lengths are never negative: adding a half and truncating rounds.
        (t + 0.5) as u32
    }
}

/// The page: A4 portrait, with the margins of the ระเบียบงานสารบรรณ
/// (Regulations on Official Correspondence) for government letters.
pub struct Page {
    pub width: Length,
    pub height: Length,
    pub margin_left: Length,
    pub margin_right: Length,
    pub margin_top: Length,
    pub margin_bottom: Length,
    /// Top of the page-number line ("- 2 -"), from the page's top edge
    /// (DOCX: the header distance).
    pub header: Length,
}

/// A4 (210 x 297 mm, in points as PDF writes it: 595.28 x 841.89); left
/// margin 3 cm and right 2 cm (the regulations); top 2.5 cm, which the
/// regulations do not fix, leaves room for the page number 1.25 cm down and
/// the non-compliance mark above it; bottom 2 cm as the right margin (no
/// footer is printed).
pub const PAGE: Page = Page {
    width: Length::Pt(595.28),
    height: Length::Pt(841.89),
    margin_left: Length::Cm(3.0),
    margin_right: Length::Cm(2.0),
    margin_top: Length::Cm(2.5),
    margin_bottom: Length::Cm(2.0),
    header: Length::Cm(1.25),
};

impl Page {
    /// Width of the text column in twips (21 cm - 3 cm - 2 cm = 16 cm).
    pub const fn text_width_twips(&self) -> u32 {
        self.width.twips() - self.margin_left.twips() - self.margin_right.twips()
    }

    /// Width of the text column in points.
    pub const fn text_width_points(&self) -> f32 {
        self.width.points() - self.margin_left.points() - self.margin_right.points()
    }
}

/// Body text size in points: TH SarabunPSK 16 pt, the size the Thai
/// government prescribes for official correspondence. (The PDF draws with
/// Sarabun, whose glyphs are larger: `pdf::fonts::FONT_SIZE` is the size
/// that looks like this one.)
pub const BODY_SIZE_PT: f32 = 16.0;

/// Hanging indent of numbered clauses, 1 cm: room for "๑๐." / "10." and a gap.
pub const CLAUSE_HANG: Length = Length::Cm(1.0);
/// Half the gap between the two columns of the parallel layout and of the
/// signature block (0.3 cm each side).
pub const GUTTER: Length = Length::Cm(0.3);
/// Space above the signature block.
pub const SIGNATURE_BEFORE: Length = Length::Pt(24.0);
/// Room to sign: space above the signature block's second line (the dotted
/// line after "For ...").
pub const SIGNATURE_SIGN_ROOM: Length = Length::Pt(36.0);
/// Letters: the Garuda's space at the top of the first page, 3 cm (the
/// emblem's height on a หนังสือภายนอก).
pub const EMBLEM_HEIGHT: Length = Length::Cm(3.0);
/// Letters: first-line indent of body paragraphs, 2.5 cm.
pub const FIRST_LINE_INDENT: Length = Length::Cm(2.5);
/// Space above body paragraphs, clauses, the title and a table block.
pub const PARA_SPACE: Length = Length::Pt(6.0);
/// Width of a table's rules, 0.5 pt.
pub const TABLE_RULE: Length = Length::Pt(0.5);

/// How a paragraph's lines sit between its margins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Justified (each writer chooses how: Thai by clusters, English by
    /// spaces; DOCX sets English in a half-width column ragged).
    Justify,
}

/// What a paragraph style looks like.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParaLook {
    pub align: Align,
    pub before: Length,
    pub after: Length,
    /// A heading: kept on the page of the block that follows.
    pub keep_with_next: bool,
    /// Every run set in bold.
    pub bold: bool,
}

const NONE: Length = Length::Pt(0.0);

/// The look of each paragraph style.
pub const fn look(style: ParaStyle) -> ParaLook {
    let (align, before, after, keep_with_next) = match style {
        ParaStyle::DraftMark => (Align::Right, NONE, Length::Pt(12.0), true),
        ParaStyle::Title => (Align::Center, PARA_SPACE, NONE, true),
        ParaStyle::Centered => (Align::Center, NONE, NONE, true),
        ParaStyle::Body | ParaStyle::Clause | ParaStyle::Indented => {
            (Align::Justify, PARA_SPACE, NONE, false)
        }
        // The Garuda's space: no text; kept with the letter's heading.
        ParaStyle::Emblem => (Align::Center, NONE, NONE, true),
        ParaStyle::Blank | ParaStyle::Left => (Align::Left, NONE, NONE, false),
        // The date: a blank line's worth of space above it.
        ParaStyle::FromCentre => (Align::Left, Length::Pt(12.0), NONE, false),
        // A heading line (เรื่อง, เรียน) is set ragged, as letters set it.
        ParaStyle::Labelled => (Align::Left, PARA_SPACE, NONE, false),
    };
    ParaLook {
        align,
        before,
        after,
        keep_with_next,
        bold: matches!(style, ParaStyle::Title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_give_the_numbers_word_and_pdf_use() {
        assert_eq!(PAGE.width.twips(), 11906);
        assert_eq!(PAGE.height.twips(), 16838);
        assert_eq!(PAGE.margin_left.twips(), 1701);
        assert_eq!(PAGE.margin_right.twips(), 1134);
        assert_eq!(PAGE.margin_top.twips(), 1418);
        assert_eq!(PAGE.header.twips(), 709);
        assert_eq!(PAGE.text_width_twips(), 9071);
        assert_eq!(CLAUSE_HANG.twips(), 567);
        assert_eq!(GUTTER.twips(), 170);
        assert_eq!(PARA_SPACE.twips(), 120);
        assert!((PAGE.margin_left.points() - 85.04).abs() < 0.01);
        assert!((PAGE.text_width_points() - 453.54).abs() < 0.01);
    }
}
