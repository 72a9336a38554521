//! `sisterdoc serve`: the staff workbench, an HTTP front end beside the CLI.
//!
//! Like `cli/`, it only calls the library (`check::check_bytes`,
//! `render::render`, `diff::*`, `registry::*`); the library knows nothing of
//! HTTP. axum on tokio: `api` has the JSON API the page itself uses,
//! `request` the extractors that read its request bodies, `guard` the Host (DNS rebinding) and Origin (CSRF) checks, `assets` the
//! embedded page, `form_state` the one conversion between the form and
//! descriptor YAML. CPU work (check, render, diff) runs on the blocking pool,
//! at most `jobs` at a time; nothing is written to disk.

mod api;
mod assets;
mod form_state;
mod guard;
mod problem;
mod request;

use crate::cli::ServeArgs;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Uri};
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tower_http::set_header::SetResponseHeaderLayer;

/// The form definition the page is built from: the library's one
/// definition of the descriptor's fields. The page also needs to know which
/// fields are the columns of a list of rows (`proposal.plan.budget`): those
/// get `row_of` (the list's path), and `lists` gives each list's label.
pub fn form_definition() -> serde_json::Value {
    use sisterdoc::descriptor::format::{self, Kind};
    let mut form = format::form_json();
    let mut lists = serde_json::Map::new();
    if let Some(steps) = form["steps"].as_array_mut() {
        for step in steps {
            for f in step["fields"].as_array_mut().into_iter().flatten() {
                let path = f["path"].as_str().unwrap_or_default().to_string();
                let Some((parent, _)) = path.rsplit_once('.') else {
                    continue;
                };
                if let Some(list) = format::field(parent).filter(|p| matches!(p.kind, Kind::List)) {
                    f["row_of"] = serde_json::json!(parent);
                    lists.insert(
                        parent.to_string(),
                        serde_json::json!({
                            "label": {"th": list.label.th, "en": list.label.en},
                            "help": {"th": list.help.th, "en": list.help.en},
                        }),
                    );
                }
            }
        }
    }
    form["lists"] = serde_json::Value::Object(lists);
    form
}

/// Shared by every request.
pub struct AppState {
    /// Bounds the check/render/diff work running at once.
    pub jobs: Semaphore,
    /// Host names (besides IP literals and localhost) requests may name.
    pub allowed_hosts: Vec<String>,
    /// The form definition, computed once.
    pub form: serde_json::Value,
}

/// A page or an embedded asset; unknown `/api/` paths get the API's 404.
async fn page(uri: Uri) -> axum::response::Response {
    use axum::response::IntoResponse;
    if uri.path().starts_with("/api/") {
        return api::not_found().await.into_response();
    }
    assets::serve(uri.path())
}

/// The whole app: routes, limits, guards and security headers.
pub fn app(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/api/check", post(api::check))
        .route("/api/render", post(api::render))
        .route("/api/render.zip", post(api::render_zip))
        .route(
            "/api/diff",
            post(api::diff).layer(DefaultBodyLimit::max(api::MAX_DIFF_BODY)),
        )
        .route("/api/pairs", get(api::pairs))
        .route("/api/schema", get(api::schema))
        .route("/api/form", get(api::form))
        .route("/api/form/check", post(api::form_check))
        .route("/api/form/descriptor", post(api::form_descriptor))
        .route("/api/form/open", post(api::form_open))
        .fallback(api::not_found);
    Router::new()
        .merge(api)
        .fallback(get(page).fallback(api::not_found_method))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::host_and_origin,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; \
                 object-src 'self' blob:; style-src 'self'; script-src 'self'; font-src 'self'; \
                 connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
            ),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(120),
        ))
        .with_state(state)
}

/// Runs the server until Ctrl-C (or SIGTERM).
pub fn run(args: &ServeArgs) -> ExitCode {
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(jobs.max(2) * 4)
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(serve(args, jobs))
}

async fn serve(args: &ServeArgs, jobs: usize) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind((args.host.as_str(), args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "error: cannot listen on {}:{}: {e} (เปิดพอร์ตนี้ไม่ได้ ลองใช้ --port อื่น)",
                args.host, args.port
            );
            return ExitCode::from(2);
        }
    };
    let addr: SocketAddr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let form = form_definition();
    let state = Arc::new(AppState {
        jobs: Semaphore::new(jobs),
        allowed_hosts: args
            .allow_hosts
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect(),
        form,
    });
    let shown = if addr.ip().is_unspecified() {
        SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), addr.port())
    } else {
        addr
    };
    let url = format!("http://{shown}/");
    println!("sisterdoc: เปิดหน้าเว็บที่ {url} (กด Ctrl-C เพื่อหยุด)");
    println!("sisterdoc: listening on {url} (press Ctrl-C to stop)");
    if addr.ip().is_unspecified() {
        println!("sisterdoc: เครื่องอื่นในสำนักงานเปิดได้ที่ http://<IP ของเครื่องนี้>:{} / other PCs in the office: http://<this PC's IP>:{}", addr.port(), addr.port());
    }
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    if args.open {
        open_browser(&url);
    }
    let result = axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await;
    match result {
        Ok(()) => {
            println!("sisterdoc: หยุดแล้ว / stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Opens `url` in the default browser (best effort; the address is printed anyway).
fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(url);
        c
    };
    if let Err(e) = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("note: cannot open a browser ({e}); open {url} yourself / เปิดเบราว์เซอร์ไม่ได้ กรุณาเปิด {url} เอง");
    }
}
