//! Request guards for a server a whole office may reach.
//!
//! * DNS rebinding: a page on an attacker's domain that re-resolves to this
//!   server sends its own name in `Host`. Only IP literals, `localhost` and
//!   names given with `--allow-host` are accepted.
//! * CSRF: a POST whose `Origin` (or `Sec-Fetch-Site`) shows another site is
//!   refused. Requests without either header (scripts, curl) are allowed:
//!   the API is for a ministry's own systems too, and holds no session or
//!   cookie an attacker could ride on.

use super::problem::Problem;
use super::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;
use std::sync::Arc;

/// The host part of a `Host` header value ("[::1]:8700" -> "::1").
fn host_name(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or_default();
    }
    host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    })
}

fn host_allowed(host: &str, allowed: &[String]) -> bool {
    let name = host_name(host).trim_end_matches('.').to_ascii_lowercase();
    name.parse::<IpAddr>().is_ok() || name == "localhost" || allowed.contains(&name)
}

/// Whether the request comes from another site than the one it is sent to.
fn cross_origin(headers: &HeaderMap, host: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site == "cross-site" || site == "same-site" {
            return true;
        }
    }
    match headers.get(header::ORIGIN).map(|v| v.to_str()) {
        None => false,
        Some(Err(_)) => true,
        Some(Ok("null")) => true,
        Some(Ok(origin)) => {
            let authority = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                .unwrap_or(origin);
            !authority.eq_ignore_ascii_case(host)
        }
    }
}

pub async fn host_and_origin(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if !host_allowed(&host, &state.allowed_hosts) {
        return Problem::new(
            StatusCode::MISDIRECTED_REQUEST,
            "foreign-host",
            format!("ไม่รับคำขอที่ส่งถึงชื่อเครื่อง `{host}` (ป้องกันการโจมตีแบบ DNS rebinding) ถ้าเป็นชื่อเครื่องของสำนักงาน ให้เริ่มโปรแกรมด้วย --allow-host ชื่อเครื่อง"),
            format!("requests for host `{host}` are refused (DNS rebinding protection); if this is your office's name for the server, start it with --allow-host NAME"),
        )
        .into_response();
    }
    if req.method() != Method::GET
        && req.method() != Method::HEAD
        && cross_origin(req.headers(), &host)
    {
        return Problem::new(
            StatusCode::FORBIDDEN,
            "cross-origin",
            "ไม่รับคำขอจากเว็บไซต์อื่น (ป้องกัน CSRF)",
            "requests from another web site are refused (CSRF protection)",
        )
        .into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let none: Vec<String> = vec![];
        assert!(host_allowed("127.0.0.1:8700", &none));
        assert!(host_allowed("[::1]:8700", &none));
        assert!(host_allowed("localhost:8700", &none));
        assert!(host_allowed("192.168.1.20", &none));
        assert!(!host_allowed("evil.example:8700", &none));
        assert!(!host_allowed("", &none));
        assert!(host_allowed("prov-pc:8700", &["prov-pc".to_string()]));
    }
}
