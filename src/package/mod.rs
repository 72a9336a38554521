//! The submission to the Ministry of Interior (`sisterdoc package`), from
//! the same descriptor as the drafts: the covering letter (guideline 3), the
//! action plan and budget (guideline 7; also as XLSX), the partner profile
//! and reasons, the drafts exactly as `render` makes them, and a checklist
//! of what guidelines 3, 7 and 9 need; with `--signed`, the report of the
//! signing (guideline 10).
//!
//! Every part is a `document::Document` built from a template in
//! `templates/` (the words) with values computed in `values` (the data),
//! through the same markup, model and writers as the drafts.

mod values;

use crate::descriptor::Descriptor;
use crate::diagnostic::Severity;
use crate::document::compose::{for_each_run, render_section, ComposeError};
use crate::document::{
    BlockContent, CellValue, DocKind, Document, Lang, Layout, PackagePart, Section,
};
use crate::render::{self, Format, Output, RenderError};

const TEMPLATES: [(&str, &str); 6] = [
    ("letter.th", include_str!("../../templates/letter.th.tera")),
    ("plan.th", include_str!("../../templates/plan.th.tera")),
    (
        "profile.th",
        include_str!("../../templates/profile.th.tera"),
    ),
    (
        "profile.en",
        include_str!("../../templates/profile.en.tera"),
    ),
    (
        "checklist.th",
        include_str!("../../templates/checklist.th.tera"),
    ),
    (
        "signing-report.th",
        include_str!("../../templates/signing-report.th.tera"),
    ),
];

/// The package templates' sources (for build fingerprints and tests).
pub fn template_sources() -> &'static [(&'static str, &'static str)] {
    &TEMPLATES
}

/// The parts `package` writes: the proposal, or with `signed` the report.
pub fn parts(signed: bool) -> &'static [PackagePart] {
    if signed {
        &[PackagePart::SigningReport]
    } else {
        &[
            PackagePart::Letter,
            PackagePart::Plan,
            PackagePart::Profile,
            PackagePart::Checklist,
        ]
    }
}

/// The languages a part is written in: the profile in Thai and English
/// (for both sides), the rest in Thai (correspondence with the ministry).
fn languages(part: PackagePart) -> &'static [Lang] {
    match part {
        PackagePart::Profile => &[Lang::Th, Lang::En],
        _ => &[Lang::Th],
    }
}

/// Builds one part of the package. Missing values print as dotted blanks
/// (`package` refuses descriptors with errors before it gets here).
pub fn build_part(desc: &Descriptor, part: PackagePart) -> Result<Document, ComposeError> {
    let mut tera = tera::Tera::new();
    for (name, src) in TEMPLATES {
        tera.add_raw_template(name, src)
            .map_err(|e| ComposeError::Template(format!("{name}: {e:?}")))?;
    }
    let mut sections: Vec<Section> = Vec::new();
    for &lang in languages(part) {
        let name = format!("{}.{}", part.code(), lang.code());
        let ctx = values::context(desc, part, lang);
        let mut section = render_section(&tera, &name, &ctx, lang)?;
        if lang == Lang::Th && desc.output.thai_digits {
            for_each_run(&mut section, |r| {
                r.text = crate::thai::digits::to_thai_digits(&r.text)
            });
        }
        if part == PackagePart::Plan {
            set_plan_values(&mut section, desc);
        }
        sections.push(section);
    }
    let (thai, partner) = values::names_en(desc);
    let (title, subject) = match part {
        PackagePart::Letter => ("Proposal letter to the Ministry of Interior", "guideline 3"),
        PackagePart::Plan => ("Action plan and budget", "guideline 7"),
        PackagePart::Profile => ("Partner profile and reasons", "guidelines 3 and 7"),
        PackagePart::Checklist => ("Submission checklist", "guidelines 3, 7 and 9"),
        PackagePart::SigningReport => (
            "Report of the signing to the Ministry of Interior",
            "guideline 10",
        ),
    };
    Ok(Document {
        kind: DocKind::Package(part),
        title: format!("{title}: {thai} - {partner}"),
        subject: format!("Sister-city proposal package ({subject})"),
        layout: Layout::Sequential,
        non_compliant_mark: None,
        sections,
        thai_digits: desc.output.thai_digits,
    })
}

/// Gives the plan table's budget cells their numbers and sums: the rows
/// are named by the template (`a-<n>` the n-th activity as written,
/// `fy-<year>` a fiscal year's subtotal, `total`), the budget cell is the
/// one whose runs fill the slot `budget`.
fn set_plan_values(section: &mut Section, desc: &Descriptor) {
    let plan = values::plan_of(desc);
    for block in &mut section.blocks {
        let BlockContent::Table(t) = &mut block.content else {
            continue;
        };
        let ids: Vec<Option<String>> = t.rows.iter().map(|r| r.id.clone()).collect();
        let rows_where = |f: &dyn Fn(&str) -> bool| -> Vec<usize> {
            ids.iter()
                .enumerate()
                .filter(|(_, id)| id.as_deref().is_some_and(f))
                .map(|(i, _)| i)
                .collect()
        };
        let mut values: Vec<(usize, CellValue)> = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = id.as_deref() else { continue };
            let value = if let Some(n) = id.strip_prefix("a-") {
                let budget = n
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| plan.get(n.wrapping_sub(1)))
                    .and_then(|a| a.budget.as_ref())
                    .map(|b| b.value);
                match budget {
                    Some(b) => CellValue::Number(b),
                    None => continue,
                }
            } else if let Some(year) = id.strip_prefix("fy-") {
                let year = year.to_string();
                let wanted: Vec<usize> = values::activities_of_year(desc, &year)
                    .into_iter()
                    .map(|n| format!("a-{n}"))
                    .filter_map(|a| ids.iter().position(|id| id.as_deref() == Some(a.as_str())))
                    .collect();
                CellValue::Sum(wanted)
            } else if id == "total" {
                CellValue::Sum(rows_where(&|id| id.starts_with("fy-")))
            } else {
                continue;
            };
            values.push((i, value));
        }
        for (i, value) in values {
            let Some(row) = t.rows.get_mut(i) else {
                continue;
            };
            for cell in &mut row.cells {
                if cell
                    .lines
                    .iter()
                    .flatten()
                    .any(|r| r.slot.as_deref() == Some("budget"))
                {
                    cell.value = value.clone();
                }
            }
        }
    }
}

/// File name of a package part: `<id>-<part>.<extension>`.
pub fn file_name(id: &str, part: PackagePart, format: Format) -> String {
    format!("{id}-{}.{}", part.code(), format.extension())
}

/// What stops `package`: decoding/rule errors, and PROP-1 (as errors).
pub fn refusals(
    desc: &Descriptor,
    diagnostics: &[crate::diagnostic::Diagnostic],
) -> Vec<crate::diagnostic::Diagnostic> {
    let mut out: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    out.extend(crate::rules::proposal_complete::for_package(desc));
    out
}

/// Every file of the package, in memory: the parts in each of `formats`
/// (the plan also as XLSX) and, unless `signed`, the drafts exactly as
/// `render` makes them. `diagnostics` are the descriptor's (from `check`);
/// any error among them, or any PROP-1 gap, refuses the package.
pub fn render_package(
    desc: &Descriptor,
    diagnostics: &[crate::diagnostic::Diagnostic],
    formats: &[Format],
    signed: bool,
) -> Result<Vec<Output>, RenderError> {
    let refused = refusals(desc, diagnostics);
    if !refused.is_empty() {
        return Err(RenderError::Refused(refused));
    }
    let id = desc.id.as_deref().ok_or(RenderError::NoId)?;
    let mut out = Vec::new();
    for &part in parts(signed) {
        let doc = build_part(desc, part).map_err(RenderError::Build)?;
        let mut fmts: Vec<Format> = formats.to_vec();
        if part == PackagePart::Plan {
            fmts.push(Format::Xlsx);
        }
        for format in fmts {
            out.push(Output {
                file_name: file_name(id, part, format),
                kind: DocKind::Package(part),
                format,
                bytes: render::write(desc, &doc, format)?,
            });
        }
    }
    if !signed {
        out.extend(render::render(
            desc,
            None,
            formats,
            crate::document::ComposeOptions::default(),
        )?);
    }
    Ok(out)
}

/// The outputs as one zip file, entries in the given order with a fixed
/// timestamp (the same package gives the same bytes).
pub fn zip(outputs: &[Output]) -> Result<Vec<u8>, RenderError> {
    crate::docx::zip_entries(
        outputs
            .iter()
            .map(|o| (o.file_name.as_str(), o.bytes.as_slice())),
    )
    .map_err(RenderError::Docx)
}
