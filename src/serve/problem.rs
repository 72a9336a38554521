//! Request problems: every refusal is a 4xx (or 503 when busy) with a JSON
//! body naming the problem in Thai and English, which the page shows in its
//! language. Nothing a client sends can produce a 500; a 500 means a bug.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// A refused request (boxed: it travels in every handler's `Result`).
#[derive(Debug)]
pub struct Problem(Box<Body>);

#[derive(Debug)]
pub struct Body {
    pub status: StatusCode,
    /// Stable code for scripts ("body-too-large", "not-a-draft", ...).
    pub code: &'static str,
    pub th: String,
    pub en: String,
    /// Extra machine-readable detail (the diagnostics of a 422).
    pub detail: Option<serde_json::Value>,
}

impl Problem {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        th: impl Into<String>,
        en: impl Into<String>,
    ) -> Problem {
        Problem(Box::new(Body {
            status,
            code,
            th: th.into(),
            en: en.into(),
            detail: None,
        }))
    }

    pub fn bad_request(code: &'static str, th: impl Into<String>, en: impl Into<String>) -> Self {
        Problem::new(StatusCode::BAD_REQUEST, code, th, en)
    }

    pub fn with_detail(mut self, detail: serde_json::Value) -> Self {
        self.0.detail = Some(detail);
        self
    }

    pub fn too_large(limit: usize) -> Problem {
        let size = human_size(limit);
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body-too-large",
            format!("ข้อมูลที่ส่งมาใหญ่เกินไป (รับได้ไม่เกิน {size})"),
            format!("the request body is too large (the limit is {size})"),
        )
    }

    pub fn busy() -> Problem {
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "เครื่องแม่ข่ายกำลังทำงานหนัก กรุณาลองใหม่อีกครั้ง",
            "the server is busy; try again in a moment",
        )
    }

    pub fn internal(what: &str) -> Problem {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("เกิดข้อผิดพลาดภายในโปรแกรม ({what}) โปรดแจ้งผู้ดูแล"),
            format!("internal error ({what}); please report it"),
        )
    }

    pub fn content_type(expected: &str) -> Problem {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content-type",
            format!("ชนิดข้อมูลไม่ถูกต้อง: ต้องส่งเป็น {expected}"),
            format!("wrong content type: send {expected}"),
        )
    }
}

/// "1 MiB", "64 MiB", "512 KiB".
pub fn human_size(n: usize) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let p = *self.0;
        let mut body = json!({
            "error": {"code": p.code, "th": p.th, "en": p.en}
        });
        if let Some(d) = p.detail {
            body["diagnostics"] = d;
        }
        (p.status, Json(body)).into_response()
    }
}
