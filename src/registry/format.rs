//! Output formats for relationship lists: an aligned Thai/English text
//! table, pretty JSON, and CSV for Excel (UTF-8 with BOM, CRLF, RFC 4180
//! quoting). Pure functions: they build the output, the caller prints it.

use unicode_width::UnicodeWidthStr;

use super::{Relationship, Status};

/// Column separator of [`format_table`]; never occurs in the data.
const SEP: &str = " | ";

fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

fn remark_cell(r: &Relationship) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(rem) = &r.remark {
        parts.push(rem.clone());
    }
    if let Some(by) = &r.signed_by {
        if !r
            .remark
            .as_deref()
            .unwrap_or_default()
            .contains(by.as_str())
        {
            parts.push(format!("ลงนามโดย{by}"));
        }
    }
    parts.join("; ")
}

fn table_cells(r: &Relationship) -> [String; 6] {
    let mut partner = r.partner_display();
    if let Some(w) = &r.partner_within {
        partner.push_str(", ");
        partner.push_str(&w.th);
    }
    [
        format!("{} ({})", r.province.th, r.province.en),
        partner,
        r.country.clone(),
        format!("{} ({})", r.status.label_th(), r.status.label_en()),
        r.year_be.map(|y| y.to_string()).unwrap_or_default(),
        remark_cell(r),
    ]
}

/// A readable Thai/English table, columns aligned by display width (Thai
/// combining vowels and tone marks take no column), separated by " | ",
/// with a header, a rule and a count line.
pub fn format_table(rows: &[&Relationship]) -> String {
    let header = [
        "จังหวัด (Province)".to_string(),
        "คู่ความสัมพันธ์ (Partner)".to_string(),
        "ประเทศ (Country)".to_string(),
        "สถานะ (Status)".to_string(),
        "ปี พ.ศ. (Year)".to_string(),
        "หมายเหตุ (Remark)".to_string(),
    ];
    let body: Vec<[String; 6]> = rows.iter().map(|r| table_cells(r)).collect();
    let mut widths = [0usize; 6];
    for line in std::iter::once(&header).chain(body.iter()) {
        for (w, cell) in widths.iter_mut().zip(line.iter()) {
            *w = (*w).max(UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let render = |cells: &[String; 6]| -> String {
        let mut parts: Vec<String> = cells[..5]
            .iter()
            .zip(widths.iter())
            .map(|(c, w)| pad(c, *w))
            .collect();
        if !cells[5].is_empty() {
            parts.push(cells[5].clone());
        }
        parts.join(SEP).trim_end().to_string()
    };
    let mut out = String::new();
    out.push_str(&render(&header));
    out.push('\n');
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat((*w).max(1))).collect();
    out.push_str(&rule.join("-+-"));
    out.push('\n');
    for line in &body {
        out.push_str(&render(line));
        out.push('\n');
    }
    let signed = rows.iter().filter(|r| r.status == Status::Signed).count();
    out.push_str(&format!(
        "{} คู่ ({} relationships): ลงนามแล้ว {} (signed), อยู่ระหว่างดำเนินการ {} (in progress)\n",
        rows.len(),
        rows.len(),
        signed,
        rows.len() - signed
    ));
    out
}

/// Pretty-printed JSON array of the relationships (all fields, sources included).
pub fn format_json(rows: &[&Relationship]) -> String {
    // Serialising these plain structs cannot fail; fall back to an empty
    // array rather than panic.
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}

/// CSV column names, in order.
pub const CSV_HEADER: [&str; 17] = [
    "id",
    "province_th",
    "province_en",
    "partner_th",
    "partner_en",
    "partner_within_th",
    "partner_within_en",
    "country",
    "status",
    "instrument",
    "year_be",
    "date",
    "signed_by",
    "remark",
    "fields",
    "aliases",
    "sources",
];

fn csv_field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\r', '\n']) || value.starts_with(' ') || value.ends_with(' ') {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn csv_record(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push_str("\r\n");
}

/// CSV for Excel: UTF-8 with a byte-order mark (so Excel shows Thai), a
/// header row ([`CSV_HEADER`]), one row per relationship, RFC 4180 quoting
/// and CRLF line ends. Lists are joined with "; ".
pub fn format_csv(rows: &[&Relationship]) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = CSV_HEADER.iter().map(|s| s.to_string()).collect();
    csv_record(&mut out, &header);
    for r in rows {
        let within = r.partner_within.as_ref();
        let fields = vec![
            r.id.clone(),
            r.province.th.clone(),
            r.province.en.clone(),
            r.partner.th.clone(),
            r.partner.en.clone().unwrap_or_default(),
            within.map(|w| w.th.clone()).unwrap_or_default(),
            within.and_then(|w| w.en.clone()).unwrap_or_default(),
            r.country.clone(),
            r.status.as_str().to_string(),
            r.instrument.as_str().to_string(),
            r.year_be.map(|y| y.to_string()).unwrap_or_default(),
            r.date.clone().unwrap_or_default(),
            r.signed_by.clone().unwrap_or_default(),
            r.remark.clone().unwrap_or_default(),
            r.fields.join("; "),
            r.partner.aliases.join("; "),
            r.source_refs().join("; "),
        ];
        csv_record(&mut out, &fields);
    }
    out.into_bytes()
}
