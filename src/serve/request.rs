//! What every handler of a POST body reads before doing its job, as axum
//! extractors: the content type, the body within its limit, the query
//! string, each refusal a `Problem` (415, 413, 400; never a 500). A handler
//! takes a [`DescriptorBody`] (descriptor YAML: check, render, render.zip,
//! form/open) or a [`FormBody`] (the form's JSON state: form/check,
//! form/descriptor) and states only its job.

use super::form_state;
use super::problem::Problem;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Query, Request};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};
use sisterdoc::descriptor::form_values::FormValues;
use sisterdoc::descriptor::MAX_BYTES;

/// A form state is a few KB; anything near the descriptor limit is not one.
const MAX_FORM_BODY: usize = MAX_BYTES;
/// Oversized bodies up to this size are read and dropped before the 413.
const DRAIN_CAP: usize = 16 << 20;
/// The name a descriptor's records carry when the request gives none.
const DEFAULT_NAME: &str = "descriptor.yaml";

/// A descriptor sent as YAML (or plain text, or with no content type), at
/// most `descriptor::MAX_BYTES`, with the query string's `name` and the
/// endpoint's own query parameters `P`, checked before the body is read.
pub struct DescriptorBody<P = ()> {
    /// `?name=FILE.yaml`: the file the records name; its stem is the default id.
    pub name: Option<String>,
    pub params: P,
    pub bytes: Bytes,
}

impl<P> DescriptorBody<P> {
    /// The file name the records carry ("descriptor.yaml" when none is given).
    pub fn file_name(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| DEFAULT_NAME.to_string())
    }
}

/// An endpoint's query parameters beyond `name`: `Query` is what the query
/// string holds, `check` turns it into what the handler needs or the 400
/// that refuses it.
pub trait QueryParams: Sized + Send {
    type Query: DeserializeOwned;
    fn check(query: Self::Query) -> Result<Self, Problem>;
}

/// No parameters beyond `name` (others are ignored).
#[derive(Deserialize)]
pub struct NoQuery {}

impl QueryParams for () {
    type Query = NoQuery;
    fn check(_: NoQuery) -> Result<(), Problem> {
        Ok(())
    }
}

#[derive(Deserialize)]
struct NameQuery {
    name: Option<String>,
}

impl<S, P> FromRequest<S> for DescriptorBody<P>
where
    S: Send + Sync,
    P: QueryParams,
{
    type Rejection = Response;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Response> {
        let (parts, body) = req.into_parts();
        let Query(NameQuery { name }) =
            Query::try_from_uri(&parts.uri).map_err(IntoResponse::into_response)?;
        let Query(query) =
            Query::<P::Query>::try_from_uri(&parts.uri).map_err(IntoResponse::into_response)?;
        require_yaml(&parts.headers).map_err(IntoResponse::into_response)?;
        let params = P::check(query).map_err(IntoResponse::into_response)?;
        let bytes = read_body(&parts.headers, body, MAX_BYTES)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(DescriptorBody {
            name,
            params,
            bytes,
        })
    }
}

/// The form's state as JSON (an object keyed by descriptor path), with the
/// default `id` when it has none, and its form values.
pub struct FormBody {
    pub form: Map<String, Value>,
    pub values: FormValues,
}

impl<S: Send + Sync> FromRequest<S> for FormBody {
    type Rejection = Problem;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Problem> {
        let (parts, body) = req.into_parts();
        require_json(&parts.headers)?;
        let bytes = read_body(&parts.headers, body, MAX_FORM_BODY).await?;
        let v: Value = serde_json::from_slice(&bytes).map_err(|e| {
            Problem::bad_request(
                "bad-json",
                format!("ข้อมูลแบบฟอร์มไม่ใช่ JSON ที่ถูกต้อง: {e}"),
                format!("the form state is not valid JSON: {e}"),
            )
        })?;
        let Value::Object(form) = v else {
            return Err(Problem::bad_request(
                "bad-json",
                "ข้อมูลแบบฟอร์มต้องเป็น JSON object",
                "the form state must be a JSON object keyed by descriptor path",
            ));
        };
        let form = form_state::with_default_id(form);
        let values = form_state::values(&form).map_err(|e| {
            Problem::bad_request(
                "bad-json",
                format!("ค่าในแบบฟอร์มมีรูปแบบไม่ถูกต้อง: {e}"),
                format!("a form value has the wrong shape: {e}"),
            )
        })?;
        Ok(FormBody { form, values })
    }
}

/// Reads a body of at most `limit` bytes.
async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, Problem> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(n) = declared.filter(|&n| n > limit as u64) {
        // Read (and drop) a moderately oversized body before refusing it, so
        // the client is not cut off mid-upload and sees the 413 message.
        if n <= DRAIN_CAP as u64 {
            let _ = axum::body::to_bytes(body, DRAIN_CAP).await;
        }
        return Err(Problem::too_large(limit));
    }
    axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| Problem::too_large(limit))
}

fn media_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
}

/// Descriptor bodies: YAML or plain text (or no content type at all).
fn require_yaml(headers: &HeaderMap) -> Result<(), Problem> {
    match media_type(headers).as_deref() {
        None
        | Some(
            "application/yaml" | "application/x-yaml" | "text/yaml" | "text/x-yaml" | "text/plain",
        ) => Ok(()),
        Some(_) => Err(Problem::content_type(
            "application/yaml (the descriptor's YAML text)",
        )),
    }
}

fn require_json(headers: &HeaderMap) -> Result<(), Problem> {
    match media_type(headers).as_deref() {
        Some("application/json") => Ok(()),
        _ => Err(Problem::content_type("application/json")),
    }
}
