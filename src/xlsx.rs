//! XLSX writer for the document model's table blocks (the action plan and
//! budget, the format budget offices work in), with rust_xlsxwriter.
//!
//! One worksheet: the document's paragraphs (title, subtitle, notes) each in
//! a row of the first column, then each table, its cells' lines joined by a
//! line break. A cell whose value is `CellValue::Number` is written as a
//! number (format `#,##0`), `CellValue::Sum` as a `SUM` formula over the
//! rows it names, with its computed result cached so that readers which do
//! not calculate (and the tests) see the figure. The text is the model's
//! runs, Thai as it is; writers add no words.
//!
//! Deterministic: the creation date in the workbook's properties is a fixed
//! placeholder (2000-01-01, as in the PDF), and rust_xlsxwriter zips with
//! fixed timestamps and a fixed part order.

use std::collections::HashMap;
use std::fmt;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook,
};

use crate::document::{BlockContent, CellAlign, CellValue, Document, Table};

/// Why a workbook could not be written.
#[derive(Debug)]
pub struct XlsxError(pub String);

impl fmt::Display for XlsxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for XlsxError {}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        XlsxError(e.to_string())
    }
}

/// Font of every cell: the government standard, as in the DOCX.
const FONT: &str = "TH SarabunPSK";
const FONT_SIZE: f64 = 16.0;
/// Width of the whole table in Excel character units (about A4's text width).
const TABLE_WIDTH: f64 = 120.0;

/// "C3" for zero-based (row, col).
fn cell_ref(row: u32, col: u16) -> String {
    let mut name = String::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        name.insert(0, char::from(b'A' + r as u8));
        c = (c - 1) / 26;
    }
    format!("{name}{}", row + 1)
}

/// The value of a cell as a number, following sums (for the cached result).
fn value_of(t: &Table, row: usize, col: usize, depth: usize) -> i64 {
    let Some(cell) = t.rows.get(row).and_then(|r| r.cells.get(col)) else {
        return 0;
    };
    match &cell.value {
        CellValue::Text => 0,
        CellValue::Number(n) => *n,
        CellValue::Sum(rows) if depth < 8 => {
            rows.iter().map(|&r| value_of(t, r, col, depth + 1)).sum()
        }
        CellValue::Sum(_) => 0,
    }
}

/// Render the document's paragraphs and tables as the bytes of an `.xlsx`.
pub fn write_xlsx(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(doc.title.clone())
        .set_subject(doc.subject.clone())
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    let base = Format::new().set_font_name(FONT).set_font_size(FONT_SIZE);
    let text = base.clone().set_text_wrap().set_align(FormatAlign::Top);
    let ws = wb.add_worksheet();
    ws.set_name("แผนปฏิบัติการ")?;
    ws.set_paper_size(9); // A4
    let mut row: u32 = 0;
    let mut widths_set = false;
    for section in &doc.sections {
        for block in &section.blocks {
            match &block.content {
                BlockContent::Paragraph(p) => {
                    let t = p.text();
                    if t.is_empty() {
                        continue;
                    }
                    ws.write_string_with_format(row, 0, t, &base.clone().set_bold())?;
                    row += 1;
                }
                BlockContent::Signature(s) => {
                    for line in s.left.iter().chain(s.right.iter()) {
                        let t: String = line.iter().map(|r| r.text.as_str()).collect();
                        ws.write_string_with_format(row, 0, t, &base)?;
                        row += 1;
                    }
                }
                BlockContent::Table(t) => {
                    let total: f64 = t
                        .columns
                        .iter()
                        .map(|c| f64::from(c.percent))
                        .sum::<f64>()
                        .max(1.0);
                    if !widths_set {
                        for (i, c) in t.columns.iter().enumerate() {
                            let w = TABLE_WIDTH * f64::from(c.percent) / total;
                            ws.set_column_width(i as u16, w)?;
                        }
                        widths_set = true;
                    }
                    // Sheet row of each table row, for formulas.
                    let first = row + 1; // a blank row before the table
                    let sheet_row: HashMap<usize, u32> =
                        (0..t.rows.len()).map(|i| (i, first + i as u32)).collect();
                    for (ri, r) in t.rows.iter().enumerate() {
                        let at = first + ri as u32;
                        let bold = r.header
                            || r.cells
                                .iter()
                                .any(|c| c.lines.iter().flatten().any(|run| run.bold));
                        for (ci, cell) in r.cells.iter().enumerate() {
                            let col = ci as u16;
                            let mut f = text.clone();
                            if t.borders {
                                f = f.set_border(FormatBorder::Thin);
                            }
                            if bold {
                                f = f.set_bold();
                            }
                            f = match t.columns.get(ci).map(|c| c.align) {
                                Some(CellAlign::Center) => f.set_align(FormatAlign::Center),
                                Some(CellAlign::Right) => f.set_align(FormatAlign::Right),
                                _ => f.set_align(FormatAlign::Left),
                            };
                            match &cell.value {
                                CellValue::Text => {
                                    ws.write_string_with_format(
                                        at,
                                        col,
                                        cell.text().join("\n"),
                                        &f,
                                    )?;
                                }
                                CellValue::Number(n) => {
                                    ws.write_number_with_format(
                                        at,
                                        col,
                                        *n as f64,
                                        &f.set_num_format("#,##0"),
                                    )?;
                                }
                                CellValue::Sum(rows) => {
                                    let refs: Vec<String> = rows
                                        .iter()
                                        .filter_map(|r| sheet_row.get(r))
                                        .map(|&sr| cell_ref(sr, col))
                                        .collect();
                                    let formula = Formula::new(format!("=SUM({})", refs.join(",")))
                                        .set_result(value_of(t, ri, ci, 0).to_string());
                                    ws.write_formula_with_format(
                                        at,
                                        col,
                                        formula,
                                        &f.set_num_format("#,##0"),
                                    )?;
                                }
                            }
                        }
                    }
                    if let Some(h) = t.rows.iter().rposition(|r| r.header) {
                        ws.set_repeat_rows(first, first + h as u32)?;
                    }
                    row = first + t.rows.len() as u32 + 1;
                }
            }
        }
    }
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn cell_references() {
        assert_eq!(super::cell_ref(0, 0), "A1");
        assert_eq!(super::cell_ref(9, 2), "C10");
        assert_eq!(super::cell_ref(0, 26), "AA1");
    }
}
