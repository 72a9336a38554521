//! The web app's files, compiled into the binary: the page works with no
//! network and no CDN. Plain HTML, CSS and JavaScript (no build step).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// (URL path, content type, bytes).
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "/",
        "text/html; charset=utf-8",
        include_bytes!("../../web/draft.html"),
    ),
    (
        "/review",
        "text/html; charset=utf-8",
        include_bytes!("../../web/review.html"),
    ),
    (
        "/registry",
        "text/html; charset=utf-8",
        include_bytes!("../../web/registry.html"),
    ),
    (
        "/assets/style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../web/style.css"),
    ),
    (
        "/assets/common.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/common.js"),
    ),
    (
        "/assets/draft.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/draft.js"),
    ),
    (
        "/assets/review.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/review.js"),
    ),
    (
        "/assets/registry.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/registry.js"),
    ),
    (
        "/assets/favicon.svg",
        "image/svg+xml",
        include_bytes!("../../web/favicon.svg"),
    ),
    (
        "/favicon.ico",
        "image/svg+xml",
        include_bytes!("../../web/favicon.svg"),
    ),
    (
        "/assets/Sarabun-Regular.ttf",
        "font/ttf",
        include_bytes!("../../fonts/Sarabun-Regular.ttf"),
    ),
    (
        "/assets/Sarabun-Bold.ttf",
        "font/ttf",
        include_bytes!("../../fonts/Sarabun-Bold.ttf"),
    ),
];

/// Serves one embedded file, or a 404 page.
pub fn serve(path: &str) -> Response {
    match FILES.iter().find(|(p, ..)| *p == path) {
        Some((_, ctype, bytes)) => {
            let cache = if path.starts_with("/assets/") && path.ends_with(".ttf") {
                "public, max-age=86400"
            } else {
                "no-cache"
            };
            (
                [(header::CONTENT_TYPE, *ctype), (header::CACHE_CONTROL, cache)],
                *bytes,
            )
                .into_response()
        }
        None => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!doctype html><html lang=\"th\"><meta charset=\"utf-8\"><title>ไม่พบหน้านี้ / Not found</title>\
             <link rel=\"icon\" href=\"/assets/favicon.svg\"><p>ไม่พบหน้านี้ / Page not found. <a href=\"/\">ร่างเอกสาร / Draft</a></p></html>",
        )
            .into_response(),
    }
}
