//! Descriptor -> output files (name + bytes), in memory.
//!
//! Ties the pipeline together for `render` (and later `build`): document
//! model from the templates, then each requested writer. Output names come
//! only from the validated `id` ("<id>-loi.docx"), never from user paths.
//! Nothing is written to disk here.

use crate::descriptor::Descriptor;
use crate::document::{self, BuildOptions, DocKind, Document};
use crate::docx::{self, DocxOptions};
use std::fmt;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Docx,
    Pdf,
    /// A workbook (the action plan and budget only; `sisterdoc package`).
    Xlsx,
}

impl Format {
    /// Every format, in output order (`--format all`).
    pub const ALL: &'static [Format] = &[Format::Docx, Format::Pdf];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
        }
    }
}

/// One rendered file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// File name only ("chiangmai-kunming-mou.docx").
    pub file_name: String,
    pub kind: DocKind,
    pub format: Format,
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub enum RenderError {
    /// The descriptor has no usable id, so outputs cannot be named.
    NoId,
    /// `--kind` asked for a document the descriptor does not list.
    KindNotListed(DocKind),
    Build(document::build::BuildError),
    Docx(docx::DocxError),
    Pdf(crate::pdf::PdfError),
    Xlsx(crate::xlsx::XlsxError),
    /// `sisterdoc package` refuses: the descriptor has errors or PROP-1 fails
    /// (the diagnostics say what to fix).
    Refused(Vec<crate::diagnostic::Diagnostic>),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::NoId => {
                write!(f, "the descriptor has no valid id to name the output files")
            }
            RenderError::KindNotListed(k) => write!(
                f,
                "`documents` does not list {}; add it (with its `{}:` section) to render it",
                k.code(),
                k.code()
            ),
            RenderError::Build(e) => write!(f, "{e}"),
            RenderError::Docx(e) => write!(f, "DOCX: {e}"),
            RenderError::Pdf(e) => write!(f, "PDF: {e}"),
            RenderError::Xlsx(e) => write!(f, "XLSX: {e}"),
            RenderError::Refused(d) => write!(
                f,
                "the package is refused: {} problem(s) to fix first",
                d.len()
            ),
        }
    }
}

impl std::error::Error for RenderError {}

/// The documents to render: `only` if given (it must be listed), else all listed.
pub fn kinds(desc: &Descriptor, only: Option<DocKind>) -> Result<Vec<DocKind>, RenderError> {
    match only {
        Some(k) if desc.documents.contains(&k) => Ok(vec![k]),
        Some(k) => Err(RenderError::KindNotListed(k)),
        None => Ok(desc.documents.clone()),
    }
}

/// Builds the document model of one kind.
pub fn document(
    desc: &Descriptor,
    kind: DocKind,
    opts: BuildOptions,
) -> Result<Document, RenderError> {
    document::build(desc, kind, opts).map_err(RenderError::Build)
}

/// Writes one document model in one format.
pub fn write(desc: &Descriptor, doc: &Document, format: Format) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Docx => {
            let mut opts = DocxOptions::default();
            if let Some(font) = &desc.output.docx_font {
                opts.font = font.clone();
            }
            docx::write_docx(doc, &opts).map_err(RenderError::Docx)
        }
        Format::Pdf => crate::pdf::write_pdf(doc).map_err(RenderError::Pdf),
        Format::Xlsx => crate::xlsx::write_xlsx(doc).map_err(RenderError::Xlsx),
    }
}

/// The file name of one output: `<id>-<kind>.<extension>`. The one place
/// output names are made (`render` and the batch build both use it).
pub fn file_name(id: &str, kind: DocKind, format: Format) -> String {
    format!("{id}-{}.{}", kind.code(), format.extension())
}

/// Renders every requested document in every requested format.
pub fn render(
    desc: &Descriptor,
    only: Option<DocKind>,
    formats: &[Format],
    opts: BuildOptions,
) -> Result<Vec<Output>, RenderError> {
    let id = desc.id.as_deref().ok_or(RenderError::NoId)?;
    let mut out = Vec::new();
    for kind in kinds(desc, only)? {
        let doc = document(desc, kind, opts)?;
        for &format in formats {
            out.push(Output {
                file_name: file_name(id, kind, format),
                kind,
                format,
                bytes: write(desc, &doc, format)?,
            });
        }
    }
    Ok(out)
}
