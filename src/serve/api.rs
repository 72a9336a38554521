//! The JSON API, the one the page itself uses (documented in docs/api.md).
//!
//! A handler takes a descriptor or form body through an extractor of
//! `request` (content type, limit, query parameters: refused before the
//! handler runs; `diff` reads its multipart form with the router's limit),
//! runs the library on the blocking pool (at most `AppState::jobs` at once)
//! and answers JSON or a file; every refusal is a `Problem` (4xx, Thai and
//! English).

use super::form_state;
use super::problem::Problem;
use super::request::{DescriptorBody, FormBody, QueryParams};
use super::AppState;
use axum::body::Bytes;
use axum::extract::{Multipart, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use sisterdoc::descriptor::{Descriptor, Loaded, MAX_BYTES};
use sisterdoc::diagnostic::{Diagnostic, JsonRecord, Severity};
use sisterdoc::diff;
use sisterdoc::document::{ComposeOptions, DocKind};
use sisterdoc::render::{self, Format, RenderError};
use std::sync::Arc;
use std::time::Duration;

/// The draft limit of `diff` plus room for the descriptor and the form fields.
pub const MAX_DIFF_BODY: usize = diff::MAX_DRAFT_BYTES as usize + MAX_BYTES + 64 * 1024;
/// How long a request waits for a free worker before it is told to retry.
const QUEUE_WAIT: Duration = Duration::from_secs(60);

type Shared = State<Arc<AppState>>;

/// Runs CPU work off the async threads, bounded by the job semaphore.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Problem> {
    let permit = tokio::time::timeout(QUEUE_WAIT, state.jobs.acquire())
        .await
        .map_err(|_| Problem::busy())?
        .map_err(|_| Problem::busy())?;
    let out = tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| Problem::internal("worker"));
    drop(permit);
    out
}

/// "chiangmai-kunming.yaml" -> "chiangmai-kunming" (the default id, as a file stem is).
fn stem(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let s = base
        .strip_suffix(".yaml")
        .or_else(|| base.strip_suffix(".yml"))
        .unwrap_or(base);
    (!s.is_empty()).then(|| s.to_string())
}

/// The value a one-click fix puts in the field: the library's `fix` when it
/// gives one, else the single value a "did you mean `X`" hint names.
fn fix_value(rec: &Value) -> Option<String> {
    if let Some(v) = rec.get("fix").and_then(|f| f.get("value")) {
        return v
            .as_str()
            .map(str::to_string)
            .or_else(|| Some(v.to_string()));
    }
    let hint = rec.get("hint")?.as_str()?;
    let rest = hint.strip_prefix("did you mean `")?;
    let (value, after) = rest.split_once('`')?;
    // Several equally close candidates ("`a` or `b`"): never guess.
    if after.starts_with(" or `") {
        return None;
    }
    (!value.is_empty()).then(|| value.to_string())
}

/// The `check --format json` record of a diagnostic, plus the value of a
/// one-click fix when one is known.
fn record(file: &str, d: &Diagnostic) -> Value {
    let mut v = serde_json::to_value(JsonRecord::new(file, d)).unwrap_or(Value::Null);
    if v.get("fix").is_none_or(Value::is_null) {
        if let Some(fix) = fix_value(&v) {
            v["fix"] = json!({ "value": fix });
        }
    }
    v
}

fn records(file: &str, loaded: &Loaded) -> Vec<Value> {
    loaded.diagnostics.iter().map(|d| record(file, d)).collect()
}

fn error_count(loaded: &Loaded) -> usize {
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// `POST /api/check`: descriptor YAML -> the records of `check --format json`.
pub async fn check(State(state): Shared, body: DescriptorBody) -> Result<Response, Problem> {
    let name = body.file_name();
    let out = blocking(&state, move || {
        let loaded = sisterdoc::check::check_bytes(&body.bytes, stem(&name).as_deref());
        (records(&name, &loaded), error_count(&loaded))
    })
    .await?;
    let mut resp = Json(Value::Array(out.0)).into_response();
    resp.headers_mut()
        .insert("x-sisterdoc-errors", HeaderValue::from(out.1));
    Ok(resp)
}

#[derive(Deserialize)]
pub struct RenderQuery {
    kind: Option<String>,
    format: Option<String>,
    /// Render a descriptor with errors anyway, every page marked as not compliant.
    allow_errors: Option<String>,
}

/// `render`'s parameters, checked before the body is read.
pub struct RenderParams {
    kind: Option<DocKind>,
    format: Format,
    allow_errors: bool,
}

impl QueryParams for RenderParams {
    type Query = RenderQuery;
    fn check(q: RenderQuery) -> Result<Self, Problem> {
        let kind = parse_kind(q.kind.as_deref())?;
        let format = match q.format.as_deref() {
            None | Some("") | Some("pdf") => Format::Pdf,
            Some("docx") => Format::Docx,
            Some(other) => {
                return Err(Problem::bad_request(
                    "bad-format",
                    format!("ไม่รู้จักรูปแบบไฟล์ `{other}`: ใช้ docx หรือ pdf"),
                    format!("unknown format `{other}`: use docx or pdf"),
                ))
            }
        };
        let allow_errors = matches!(q.allow_errors.as_deref(), Some("1" | "true" | "yes" | "on"));
        Ok(RenderParams {
            kind,
            format,
            allow_errors,
        })
    }
}

fn parse_kind(k: Option<&str>) -> Result<Option<DocKind>, Problem> {
    match k {
        None | Some("") => Ok(None),
        Some("loi") => Ok(Some(DocKind::Loi)),
        Some("mou") => Ok(Some(DocKind::Mou)),
        Some(other) => Err(Problem::bad_request(
            "bad-kind",
            format!("ไม่รู้จักชนิดเอกสาร `{other}`: ใช้ loi หรือ mou"),
            format!("unknown kind `{other}`: use loi or mou"),
        )),
    }
}

fn render_problem(e: RenderError) -> Problem {
    let (th, en) = match &e {
        RenderError::NoId => ("ยังไม่มีชื่อไฟล์ผลลัพธ์ (id) ที่ใช้ได้".to_string(), e.to_string()),
        RenderError::KindNotListed(k) => (
            format!("descriptor ไม่ได้ระบุเอกสาร {} ใน documents", k.code()),
            e.to_string(),
        ),
        _ => (
            format!("สร้างเอกสารไม่ได้: {e}"),
            format!("cannot render: {e}"),
        ),
    };
    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "not-rendered", th, en)
}

/// A checked descriptor, or the 422 that refuses it.
fn checked(bytes: &[u8], name: &str, allow_errors: bool) -> Result<(Descriptor, bool), Problem> {
    let loaded = sisterdoc::check::check_bytes(bytes, stem(name).as_deref());
    let errors = error_count(&loaded);
    let recs = Value::Array(records(name, &loaded));
    match loaded.descriptor {
        Some(d) if errors == 0 || allow_errors => Ok((d, errors > 0)),
        _ => Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "descriptor-has-errors",
            format!("descriptor มีข้อผิดพลาด {errors} รายการ จึงยังสร้างเอกสารไม่ได้ แก้ตามรายการก่อน"),
            format!("the descriptor has {errors} error(s) and is not rendered; fix them first"),
        )
        .with_detail(recs)),
    }
}

fn file_response(file_name: &str, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    let mut resp = (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        bytes,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

fn content_type_of(format: Format) -> &'static str {
    match format {
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Format::Pdf => "application/pdf",
        Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
}

/// `POST /api/render?kind=loi|mou&format=docx|pdf`: descriptor YAML -> the file.
pub async fn render(
    State(state): Shared,
    body: DescriptorBody<RenderParams>,
) -> Result<Response, Problem> {
    let name = body.file_name();
    let RenderParams {
        kind,
        format,
        allow_errors,
    } = body.params;
    let out = blocking(&state, move || -> Result<render::Output, Problem> {
        let (desc, non_compliant) = checked(&body.bytes, &name, allow_errors)?;
        let kind = match kind {
            Some(k) => k,
            None => *desc
                .documents
                .first()
                .ok_or_else(|| render_problem(RenderError::KindNotListed(DocKind::Mou)))?,
        };
        let mut outs = render::render(
            &desc,
            Some(kind),
            &[format],
            ComposeOptions {
                non_compliant,
                ..Default::default()
            },
        )
        .map_err(render_problem)?;
        outs.pop().ok_or_else(|| Problem::internal("no output"))
    })
    .await??;
    Ok(file_response(
        &out.file_name,
        content_type_of(out.format),
        out.bytes,
    ))
}

/// A ZIP of named files with fixed timestamps (same input, same bytes).
fn zip_files(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Problem> {
    sisterdoc::docx::zip_entries(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
        .map_err(|_| Problem::internal("zip"))
}

/// `POST /api/render.zip`: every document in both formats, and the descriptor.
pub async fn render_zip(State(state): Shared, body: DescriptorBody) -> Result<Response, Problem> {
    let name = body.file_name();
    let (zip_name, zip) = blocking(&state, move || -> Result<(String, Vec<u8>), Problem> {
        let (desc, _) = checked(&body.bytes, &name, false)?;
        let outs = render::render(&desc, None, Format::ALL, ComposeOptions::default())
            .map_err(render_problem)?;
        let id = desc.id.clone().unwrap_or_else(|| "sisterdoc".to_string());
        let mut files: Vec<(String, Vec<u8>)> =
            outs.into_iter().map(|o| (o.file_name, o.bytes)).collect();
        files.push((format!("{id}.yaml"), body.bytes.to_vec()));
        Ok((format!("{id}.zip"), zip_files(&files)?))
    })
    .await??;
    Ok(file_response(&zip_name, "application/zip", zip))
}

/// `POST /api/diff` (multipart): `draft` (DOCX or .txt), optional `descriptor`,
/// `kind`, `redline=1` for the tracked-change DOCX instead of the report.
pub async fn diff(
    State(state): Shared,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, Problem> {
    let mut multipart =
        multipart.map_err(|_| Problem::content_type("multipart/form-data (draft, descriptor)"))?;
    let mut draft: Option<(String, Bytes)> = None;
    let mut descriptor: Option<(String, Bytes)> = None;
    let (mut kind, mut redline) = (None, false);
    let bad_multipart = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::too_large(MAX_DIFF_BODY)
        } else {
            Problem::bad_request(
                "bad-multipart",
                "อ่านไฟล์ที่ส่งมาไม่ได้ (multipart ไม่ถูกต้อง)",
                format!("cannot read the upload: {}", e.body_text()),
            )
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(bad_multipart)? {
        let fname = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().unwrap_or_default().to_string();
        let data = field.bytes().await.map_err(bad_multipart)?;
        match fname.as_str() {
            "draft" => draft = Some((file_name, data)),
            "descriptor" if !data.iter().all(u8::is_ascii_whitespace) => {
                if data.len() > MAX_BYTES {
                    return Err(Problem::too_large(MAX_BYTES));
                }
                descriptor = Some((file_name, data));
            }
            "kind" => kind = parse_kind(std::str::from_utf8(&data).ok().map(str::trim))?,
            "redline" => redline = matches!(&data[..], b"1" | b"true" | b"on"),
            _ => {}
        }
    }
    let Some((draft_name, draft_bytes)) = draft.filter(|(_, b)| !b.is_empty()) else {
        return Err(Problem::bad_request(
            "no-draft",
            "ยังไม่ได้เลือกไฟล์ร่าง (DOCX หรือ TXT)",
            "no draft: send the returned draft (DOCX or .txt) as the `draft` field",
        ));
    };
    let draft_name = if draft_name.is_empty() {
        "draft.docx".to_string()
    } else {
        draft_name
    };
    blocking(&state, move || -> Result<Response, Problem> {
        let is_text = draft_name.to_ascii_lowercase().ends_with(".txt");
        let d = diff::read_draft(&draft_bytes, is_text).map_err(|e| {
            Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "not-a-draft",
                format!("อ่านไฟล์ร่าง {draft_name} ไม่ได้: {e} (ต้องเป็น DOCX จาก Word/LibreOffice หรือข้อความ UTF-8 .txt)"),
                format!("cannot read the draft {draft_name}: {e} (send a DOCX from Word/LibreOffice or a UTF-8 .txt)"),
            )
        })?;
        let mut descriptor_name = None;
        let desc = match descriptor {
            None => None,
            Some((n, bytes)) => {
                let n = if n.is_empty() { "descriptor.yaml".to_string() } else { n };
                let loaded = sisterdoc::check::check_bytes(&bytes, stem(&n).as_deref());
                let Some(desc) = loaded.descriptor else {
                    return Err(Problem::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "descriptor-unreadable",
                        format!("อ่าน descriptor {n} ไม่ได้"),
                        format!("the descriptor {n} cannot be read"),
                    )
                    .with_detail(Value::Array(records(&n, &loaded))));
                };
                descriptor_name = Some(n);
                Some(desc)
            }
        };
        let no_standard = |e: &dyn std::fmt::Display| {
            Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "no-standard",
                format!("สร้างข้อความมาตรฐานไม่ได้: {e}"),
                format!("cannot build the standard text: {e}"),
            )
        };
        let kind = match kind {
            Some(k) => k,
            None => diff::infer_kind(desc.as_ref(), &d).map_err(|e| no_standard(&e))?,
        };
        let reference = diff::standard(desc.as_ref(), kind).map_err(|e| no_standard(&e))?;
        let result = diff::compare(&reference, &d);
        let names = diff::report::Names {
            draft: draft_name.clone(),
            descriptor: descriptor_name,
        };
        if redline {
            let opts = sisterdoc::docx::DocxOptions {
                font: desc
                    .as_ref()
                    .and_then(|d| d.output.docx_font.clone())
                    .unwrap_or_else(|| sisterdoc::docx::DocxOptions::default().font),
                ..Default::default()
            };
            let bytes = diff::redline::write_redline(&result, &names, &opts)
                .map_err(|e| render_problem(RenderError::Docx(e)))?;
            let base = draft_name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or("draft")
                .trim_end_matches(".docx")
                .trim_end_matches(".txt")
                .to_string();
            let safe: String = base
                .chars()
                .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
                .collect();
            return Ok(file_response(
                &format!("{safe}-redline.docx"),
                content_type_of(Format::Docx),
                bytes,
            ));
        }
        Ok(Json(diff::report::json(&result, &names)).into_response())
    })
    .await?
}

#[derive(Deserialize)]
pub struct PairsQuery {
    province: Option<String>,
    country: Option<String>,
    status: Option<String>,
    /// Search in Thai or English over province, partner and country names.
    q: Option<String>,
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// `GET /api/pairs?province=&country=&status=&q=`: the registry, filtered.
pub async fn pairs(Query(q): Query<PairsQuery>) -> Result<Response, Problem> {
    use sisterdoc::registry::{self, Filter, Status};
    let status = match nonempty(q.status).as_deref() {
        None => None,
        Some("signed") => Some(Status::Signed),
        Some("in-progress") => Some(Status::InProgress),
        Some(other) => {
            return Err(Problem::bad_request(
                "bad-status",
                format!("ไม่รู้จักสถานะ `{other}`: ใช้ signed หรือ in-progress"),
                format!("unknown status `{other}`: use signed or in-progress"),
            ))
        }
    };
    let filter = Filter {
        province: nonempty(q.province),
        country: nonempty(q.country),
        status,
    };
    let rows = filter.apply().map_err(|e| {
        Problem::bad_request(
            "bad-filter",
            format!("ค้นหาไม่ได้: {e}"),
            format!("cannot filter: {e}"),
        )
    })?;
    let needle = nonempty(q.q).map(|s| s.to_lowercase());
    let country_name = |code: &str| {
        sisterdoc::reference::countries::lookup(code)
            .map(|c| json!({"th": c.th_short, "en": c.en_short}))
            .unwrap_or_else(|| json!({"th": code, "en": code}))
    };
    let mut out = Vec::new();
    for r in rows {
        let cn = country_name(&r.country);
        if let Some(n) = &needle {
            let hay = format!(
                "{} {} {} {} {} {} {}",
                r.province.th,
                r.province.en,
                r.partner.th,
                r.partner.en.as_deref().unwrap_or_default(),
                r.partner_within
                    .as_ref()
                    .map(|w| w.th.as_str())
                    .unwrap_or_default(),
                r.partner_within
                    .as_ref()
                    .and_then(|w| w.en.as_deref())
                    .unwrap_or_default(),
                cn
            )
            .to_lowercase();
            if !hay.contains(n.as_str()) {
                continue;
            }
        }
        let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
        v["country_name"] = cn;
        out.push(v);
    }
    let tables = registry::tables()
        .ok()
        .and_then(|t| serde_json::to_value(t).ok())
        .unwrap_or(Value::Array(vec![]));
    let provinces = registry::provinces();
    Ok(
        Json(json!({"count": out.len(), "pairs": out, "tables": tables, "provinces": provinces}))
            .into_response(),
    )
}

/// `GET /api/schema`: the descriptor's JSON Schema.
pub async fn schema() -> Json<Value> {
    Json(sisterdoc::descriptor::json_schema::descriptor_schema())
}

/// `GET /api/form`: the form definition, plus the month names of the date input.
pub async fn form(State(state): Shared) -> Json<Value> {
    let months: Vec<Value> = (1..=12u8)
        .map(|m| {
            json!({
                "th": sisterdoc::thai::buddhist_date::thai_month_name(m).unwrap_or_default(),
                "en": sisterdoc::english::date::month_name(m).unwrap_or_default(),
            })
        })
        .collect();
    let mut v = state.form.clone();
    v["months"] = Value::Array(months);
    v["initial"] = Value::Object(initial_state());
    v["be_offset"] = json!(sisterdoc::thai::buddhist_date::BE_OFFSET);
    Json(v)
}

/// The form's starting values: those `sisterdoc new` writes, without its
/// `<...>` placeholders (one definition of the defaults).
fn initial_state() -> Map<String, Value> {
    let template = crate::cli::new_descriptor_template();
    let mut state = form_state::from_yaml(&template)
        .map(|o| o.state)
        .unwrap_or_default();
    state.retain(|_, v| !v.to_string().contains('<'));
    state
}

/// The format table's field an input belongs to (`partner.name.en` -> `partner.name`).
fn field_of(input: &str) -> Option<&'static sisterdoc::descriptor::format::Field> {
    let mut p = input;
    loop {
        if let Some(f) = sisterdoc::descriptor::format::field(p) {
            return Some(f);
        }
        p = p.rsplit_once('.')?.0;
    }
}

/// "Governor's name" -> "governor's name".
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `POST /api/form/check`: form state -> its descriptor YAML, every
/// diagnostic placed on its input (the diagnostic's `path`), the registry
/// notes and the dates shown.
pub async fn form_check(
    State(state): Shared,
    FormBody { form, values }: FormBody,
) -> Result<Response, Problem> {
    let out = blocking(&state, move || {
        let yaml = form_state::to_yaml(&values);
        let loaded = sisterdoc::check::check_bytes(yaml.as_bytes(), None);
        let mut diagnostics = Vec::new();
        let mut registry = Vec::new();
        for d in &loaded.diagnostics {
            let mut rec = record("descriptor.yaml", d);
            let input = rec.get("path").and_then(Value::as_str).map(str::to_string);
            // A missing value, said as the form would say it (the library
            // speaks of YAML keys, which the form does not show).
            if d.rule == "SCHEMA-MISSING" {
                if let Some(f) = input.as_deref().and_then(field_of) {
                    rec["message_th"] = json!(format!("ยังไม่ได้กรอก{}", f.label.th));
                    rec["message_en"] = json!(format!("Enter the {}", lower_first(f.label.en)));
                    rec["hint"] = Value::Null;
                    rec["hint_th"] = Value::Null;
                }
            }
            rec["input"] = input.map_or(Value::Null, Value::String);
            if d.rule.starts_with("REG-") {
                registry.push(rec);
            } else {
                diagnostics.push(rec);
            }
        }
        let errors = error_count(&loaded);
        let mut display = Map::new();
        if let Some(date) = form
            .get("signing.date")
            .and_then(Value::as_str)
            .and_then(|s| sisterdoc::date::parse_iso(s).ok())
        {
            display.insert(
                "signing.date".into(),
                json!({
                    "th": sisterdoc::thai::digits::to_thai_digits(&sisterdoc::thai::buddhist_date::thai_date(date)),
                    "en": sisterdoc::english::date::english_date(date),
                }),
            );
        }
        let id = loaded.descriptor.as_ref().and_then(|d| d.id.clone());
        json!({
            "yaml": yaml,
            "id": id,
            "errors": errors,
            "diagnostics": diagnostics,
            "registry": registry,
            "display": display,
        })
    })
    .await?;
    Ok(Json(out).into_response())
}

/// `POST /api/form/descriptor`: form state -> the descriptor YAML file.
pub async fn form_descriptor(FormBody { form, values }: FormBody) -> Result<Response, Problem> {
    let yaml = form_state::to_yaml(&values);
    let id = form
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| sisterdoc::descriptor::id::valid_id(s))
        .unwrap_or("descriptor");
    let mut resp = file_response(&format!("{id}.yaml"), "application/yaml", yaml.into_bytes());
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/yaml; charset=utf-8"),
    );
    Ok(resp)
}

/// `POST /api/form/open?name=FILE.yaml`: descriptor YAML -> form state (for
/// "เปิดไฟล์"). A file without `id` gets its file stem, as `check` gives it.
pub async fn form_open(State(state): Shared, body: DescriptorBody) -> Result<Response, Problem> {
    blocking(&state, move || -> Result<Response, Problem> {
        let stem = body.name.as_deref().and_then(stem);
        let loaded = sisterdoc::descriptor::load(&body.bytes, stem.as_deref());
        let unreadable = || {
            Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "descriptor-unreadable",
                "เปิดไฟล์นี้ไม่ได้: ไม่ใช่ descriptor ที่อ่านได้ (ดูรายละเอียดด้านล่าง)",
                "cannot open this file: it is not a readable descriptor (see below)",
            )
            .with_detail(Value::Array(records("descriptor.yaml", &loaded)))
        };
        if loaded.descriptor.is_none() {
            return Err(unreadable());
        }
        let mut opened = form_state::from_yaml(&loaded.source).ok_or_else(unreadable)?;
        if !opened.state.contains_key("id") {
            if let Some(id) = loaded.descriptor.as_ref().and_then(|d| d.id.clone()) {
                opened.state.insert("id".into(), Value::String(id));
            }
        }
        Ok(Json(json!({"state": opened.state, "not_in_form": opened.not_in_form})).into_response())
    })
    .await?
}

/// Unknown API paths.
pub async fn not_found() -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "not-found",
        "ไม่มีบริการนี้ (ดู docs/api.md)",
        "no such endpoint (see docs/api.md)",
    )
}

/// A method other than GET on a page.
pub async fn not_found_method() -> Problem {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method",
        "ใช้ได้เฉพาะ GET กับหน้านี้",
        "only GET is allowed here",
    )
}
