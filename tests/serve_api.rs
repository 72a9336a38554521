//! `sisterdoc serve`: the JSON API over real HTTP, against the real binary
//! (`serve --port 0`, address read from its stdout). Every endpoint, and
//! every kind of bad input: empty, binary, oversized, alias bomb, wrong
//! content type, zip bomb, cross-origin POST, foreign Host.

mod common;
#[path = "common/server.rs"]
mod server;

use serde_json::{json, Value};
use server::Server;
use std::io::{Cursor, Read, Write};
use std::process::Command;

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    /// A refusal: 4xx with a JSON error naming the problem in Thai and English.
    fn refused(&self, status: u16, code: &str) -> Value {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body[..self.body.len().min(600)])
        );
        let v = self.json();
        assert_eq!(v["error"]["code"], code, "{v}");
        assert!(
            v["error"]["th"]
                .as_str()
                .is_some_and(|s| s.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))),
            "Thai message: {v}"
        );
        assert!(
            v["error"]["en"].as_str().is_some_and(|s| !s.is_empty()),
            "{v}"
        );
        v
    }
}

fn finish(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
    let mut r = r.expect("request");
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    let status = r.status().as_u16();
    let body = r
        .body_mut()
        .with_config()
        .limit(200 << 20)
        .read_to_vec()
        .expect("body");
    Resp {
        status,
        headers,
        body,
    }
}

fn get(s: &Server, path: &str) -> Resp {
    finish(agent().get(s.url(path)).call())
}

fn post(s: &Server, path: &str, ctype: &str, body: &[u8]) -> Resp {
    finish(
        agent()
            .post(s.url(path))
            .header("Content-Type", ctype)
            .send(body),
    )
}

fn post_yaml(s: &Server, path: &str, body: &[u8]) -> Resp {
    post(s, path, "application/yaml", body)
}

fn post_json(s: &Server, path: &str, v: &Value) -> Resp {
    post(s, path, "application/json", v.to_string().as_bytes())
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(common::root().join(name)).expect("fixture")
}

/// A multipart/form-data body: (field, file name, bytes).
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "sisterdoc-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\""
        )
        .ok();
        if let Some(f) = file {
            write!(
                body,
                "; filename=\"{f}\"\r\nContent-Type: application/octet-stream"
            )
            .ok();
        }
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").ok();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn post_multipart(s: &Server, parts: &[(&str, Option<&str>, &[u8])]) -> Resp {
    let (ctype, body) = multipart(parts);
    post(s, "/api/diff", &ctype, &body)
}

fn alias_bomb() -> Vec<u8> {
    let mut y = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='j' {
        y.push_str(&format!(
            "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = c;
    }
    y.into_bytes()
}

fn zip_bomb() -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", opts).expect("start");
    z.write_all(b"<?xml version=\"1.0\"?><Types/>")
        .expect("write");
    z.start_file("word/document.xml", opts).expect("start");
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..=(sisterdoc::docx::read::MAX_DOCUMENT_BYTES >> 20) {
        z.write_all(&chunk).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

/// Every entry of a zip: (name, bytes), in archive order.
fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("entry");
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("read");
            (f.name().map(|n| n.to_string()).unwrap_or_default(), b)
        })
        .collect()
}

/// The text of the standard MOU the fixture renders, as a .txt draft.
fn mou_text(s: &Server) -> String {
    let docx = post_yaml(
        s,
        "/api/render?kind=mou&format=docx",
        &fixture("fixtures/valid/chiangmai-kunming.yaml"),
    );
    assert_eq!(docx.status, 200);
    let t = sisterdoc::docx::read_docx_text(&docx.body).expect("our DOCX reads");
    t.paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn prints_its_address_in_thai_and_english_and_stops_cleanly_on_sigterm() {
    let s = Server::start();
    assert_eq!(get(&s, "/").status, 200);
    let status = s.stop();
    assert!(status.success(), "{status:?}");
}

#[test]
fn pages_and_embedded_assets() {
    let s = Server::start();
    for page in ["/", "/review", "/registry"] {
        let r = get(&s, page);
        assert_eq!(r.status, 200, "{page}");
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        let html = String::from_utf8_lossy(&r.body);
        assert!(html.contains("<html lang=\"th\">"), "{page}");
        assert!(html.contains("rel=\"icon\""), "{page} names its favicon");
        let csp = r.header("content-security-policy").expect("CSP");
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    }
    for (path, ctype) in [
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/common.js", "text/javascript; charset=utf-8"),
        ("/assets/draft.js", "text/javascript; charset=utf-8"),
        ("/assets/review.js", "text/javascript; charset=utf-8"),
        ("/assets/registry.js", "text/javascript; charset=utf-8"),
        ("/assets/favicon.svg", "image/svg+xml"),
        ("/favicon.ico", "image/svg+xml"),
        ("/assets/Sarabun-Regular.ttf", "font/ttf"),
        ("/assets/Sarabun-Bold.ttf", "font/ttf"),
    ] {
        let r = get(&s, path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ctype), "{path}");
        assert!(!r.body.is_empty(), "{path}");
    }
    assert_eq!(
        get(&s, "/assets/Sarabun-Regular.ttf").body,
        fixture("fonts/Sarabun-Regular.ttf"),
        "the page's font is the bundled Sarabun"
    );
    assert_eq!(get(&s, "/no-such-page").status, 404);
    get(&s, "/api/nothing").refused(404, "not-found");
    assert_eq!(get(&s, "/api/check").status, 405, "GET on a POST endpoint");
}

#[test]
fn check_gives_the_records_of_check_format_json() {
    let s = Server::start();
    for name in [
        "fixtures/valid/chiangmai-kunming.yaml",
        "fixtures/valid/lamphun-orinda.yaml",
        "fixtures/invalid/data-province-unknown.yaml",
        "fixtures/invalid/mfa-12-binding-wording.yaml",
    ] {
        let r = post_yaml(&s, &format!("/api/check?name={name}"), &fixture(name));
        assert_eq!(r.status, 200, "{name}");
        let mut got = r.json();
        for rec in got.as_array_mut().expect("array") {
            rec.as_object_mut().expect("record").remove("fix");
        }
        let cli = Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
            .current_dir(common::root())
            .args(["check", "--format", "json", name])
            .output()
            .expect("cli");
        let want: Vec<Value> = String::from_utf8_lossy(&cli.stdout)
            .lines()
            .map(|l| {
                let mut v: Value = serde_json::from_str(l).expect("record");
                v.as_object_mut().expect("record").remove("fix");
                v
            })
            .collect();
        assert_eq!(got, Value::Array(want), "{name}");
        let errors = got
            .as_array()
            .map(|a| a.iter().filter(|r| r["severity"] == "error").count())
            .unwrap_or_default();
        assert_eq!(
            r.header("x-sisterdoc-errors"),
            Some(errors.to_string().as_str())
        );
    }
}

#[test]
fn a_province_typo_comes_with_a_one_click_fix() {
    let s = Server::start();
    let r = post_yaml(
        &s,
        "/api/check",
        &fixture("fixtures/invalid/data-province-unknown.yaml"),
    );
    let v = r.json();
    let d = v
        .as_array()
        .and_then(|a| a.iter().find(|d| d["rule"] == "DATA-PROVINCE"))
        .expect("DATA-PROVINCE");
    assert_eq!(d["fix"]["value"], "Chai Nat", "{d}");
    assert_eq!(d["line"], 7);
}

#[test]
fn bad_descriptors_on_check_are_diagnostics_not_failures() {
    let s = Server::start();
    let rule_of = |body: &[u8]| -> Vec<String> {
        let r = post_yaml(&s, "/api/check", body);
        assert_eq!(r.status, 200);
        r.json()
            .as_array()
            .expect("records")
            .iter()
            .map(|d| d["rule"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert!(!rule_of(b"").is_empty(), "empty body is reported");
    assert!(
        rule_of(&[0xff, 0xfe, 0x00, 0x9c, 0x80, 0x01, 0x02])
            .contains(&"SCHEMA-ENCODING".to_string()),
        "binary garbage"
    );
    let bomb = rule_of(&alias_bomb());
    assert!(!bomb.is_empty(), "alias bomb refused: {bomb:?}");
}

#[test]
fn limits_content_types_and_methods_are_4xx() {
    let s = Server::start();
    let big = vec![b'a'; 2 << 20];
    for path in [
        "/api/check",
        "/api/render",
        "/api/render.zip",
        "/api/form/open",
    ] {
        post_yaml(&s, path, &big).refused(413, "body-too-large");
        post(&s, path, "application/json", b"{}").refused(415, "content-type");
    }
    post(&s, "/api/form/check", "application/json", &big).refused(413, "body-too-large");
    post(&s, "/api/form/check", "text/yaml", b"a: 1").refused(415, "content-type");
    post(&s, "/api/form/check", "application/json", b"{not json").refused(400, "bad-json");
    post(&s, "/api/form/check", "application/json", b"[1, 2]").refused(400, "bad-json");
    post(
        &s,
        "/api/form/check",
        "application/json",
        &[0xff, 0x00, 0x13],
    )
    .refused(400, "bad-json");
    post(&s, "/api/diff", "application/json", b"{}").refused(415, "content-type");
    let valid = fixture("fixtures/valid/chiangmai-kunming.yaml");
    post_yaml(&s, "/api/render?kind=treaty", &valid).refused(400, "bad-kind");
    post_yaml(&s, "/api/render?format=odt", &valid).refused(400, "bad-format");
    get(&s, "/api/pairs?status=maybe").refused(400, "bad-status");
    get(&s, "/api/pairs?province=Atlantis").refused(400, "bad-filter");
}

#[test]
fn render_refuses_unusable_descriptors_with_422_and_the_diagnostics() {
    let s = Server::start();
    let typo = fixture("fixtures/invalid/data-province-unknown.yaml");
    for body in [
        b"".to_vec(),
        vec![0xff, 0xfe, 0x00, 0x9c, 0x80],
        alias_bomb(),
        typo.clone(),
    ] {
        for path in ["/api/render?kind=mou&format=pdf", "/api/render.zip"] {
            let v = post_yaml(&s, path, &body).refused(422, "descriptor-has-errors");
            assert!(
                v["diagnostics"].as_array().is_some_and(|a| !a.is_empty()),
                "{path}: {v}"
            );
        }
        if body != typo {
            post_yaml(&s, "/api/form/open", &body).refused(422, "descriptor-unreadable");
        }
    }
    // A descriptor with errors still opens: the form then shows them.
    let opened = post_yaml(&s, "/api/form/open", &typo);
    assert_eq!(opened.status, 200);
    assert_eq!(opened.json()["state"]["thai_side.province"], "Chai Natt");
    // With allow_errors the preview renders, marked as not compliant.
    let r = post_yaml(
        &s,
        "/api/render?kind=mou&format=pdf&allow_errors=1",
        &fixture("fixtures/invalid/data-province-unknown.yaml"),
    );
    assert_eq!(r.status, 200);
    assert!(r.body.starts_with(b"%PDF"));
    // A document the descriptor does not list.
    let loi_only = String::from_utf8(fixture("fixtures/valid/chiangmai-kunming.yaml"))
        .expect("utf8")
        .replace("documents: [loi, mou]", "documents: [loi]");
    assert!(loi_only.contains("documents: [loi]"));
    post_yaml(&s, "/api/render?kind=mou", loi_only.as_bytes()).refused(422, "not-rendered");
}

#[test]
fn render_gives_the_same_bytes_as_the_cli() {
    let s = Server::start();
    let dir = tempfile::tempdir().expect("tmp");
    let name = "fixtures/valid/chiangmai-kunming.yaml";
    let ok = Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
        .current_dir(common::root())
        .args(["render", name, "-o"])
        .arg(dir.path())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("cli");
    assert!(ok.success());
    let yaml = fixture(name);
    for kind in ["loi", "mou"] {
        for (format, ctype) in [
            ("pdf", "application/pdf"),
            (
                "docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        ] {
            let r = post_yaml(
                &s,
                &format!("/api/render?kind={kind}&format={format}"),
                &yaml,
            );
            assert_eq!(r.status, 200, "{kind} {format}");
            assert_eq!(r.header("content-type"), Some(ctype));
            let file = format!("chiangmai-kunming-{kind}.{format}");
            assert_eq!(
                r.header("content-disposition"),
                Some(format!("attachment; filename=\"{file}\"").as_str())
            );
            let cli = std::fs::read(dir.path().join(&file)).expect("cli output");
            assert!(r.body == cli, "{file} differs from the CLI's");
        }
    }
    // The zip: every document in both formats, and the descriptor.
    let r = post_yaml(&s, "/api/render.zip", &yaml);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/zip"));
    let mut entries = zip_entries(&r.body);
    entries.sort();
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "chiangmai-kunming-loi.docx",
            "chiangmai-kunming-loi.pdf",
            "chiangmai-kunming-mou.docx",
            "chiangmai-kunming-mou.pdf",
            "chiangmai-kunming.yaml"
        ]
    );
    for (n, bytes) in &entries[..4] {
        assert!(
            *bytes == std::fs::read(dir.path().join(n)).expect("cli"),
            "{n}"
        );
    }
    let again = post_yaml(&s, "/api/render.zip", &yaml);
    assert!(again.body == r.body, "the zip is deterministic");
}

#[test]
fn diff_reports_and_redlines() {
    let s = Server::start();
    let yaml = fixture("fixtures/valid/chiangmai-kunming.yaml");
    let base = fixture("fixtures/drafts/base-mou.docx");
    let r = post_multipart(
        &s,
        &[
            ("draft", Some("base-mou.docx"), &base),
            ("descriptor", Some("chiangmai-kunming.yaml"), &yaml),
        ],
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert_eq!(v["summary"]["deviations"], 0, "{v}");
    assert_eq!(v["kind"], "mou");

    // One substantive edit in a text draft.
    let text = mou_text(&s).replacen("will encourage", "shall encourage", 1);
    assert!(text.contains("shall encourage"));
    let r = post_multipart(
        &s,
        &[
            ("draft", Some("returned.txt"), text.as_bytes()),
            ("descriptor", Some("chiangmai-kunming.yaml"), &yaml),
        ],
    );
    let v = r.json();
    assert_eq!(v["summary"]["substantive"], 1, "{v}");
    let d = &v["deviations"][0];
    assert_eq!(d["class"], "substantive");
    assert_eq!(d["draft"], "shall");
    assert_eq!(d["binding"][0]["rule"], "MFA-12");

    // Without a descriptor the slots are open.
    let r = post_multipart(&s, &[("draft", Some("base-mou.docx"), &base)]);
    assert_eq!(r.json()["slots_open"], true);

    // The redline is a DOCX.
    let r = post_multipart(
        &s,
        &[
            ("draft", Some("returned.txt"), text.as_bytes()),
            ("descriptor", Some("chiangmai-kunming.yaml"), &yaml),
            ("redline", None, b"1"),
        ],
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"returned-redline.docx\"")
    );
    let doc = sisterdoc::docx::read_docx_text(&r.body).expect("redline reads");
    assert!(doc.had_tracked_changes, "the redline has tracked changes");
}

#[test]
fn diff_refuses_bad_uploads() {
    let s = Server::start();
    post_multipart(&s, &[("kind", None, b"mou")]).refused(400, "no-draft");
    post_multipart(&s, &[("draft", Some("x.docx"), b"")]).refused(400, "no-draft");
    post_multipart(&s, &[("draft", Some("x.docx"), &[0u8, 1, 2, 3, 0xff])])
        .refused(422, "not-a-draft");
    post_multipart(&s, &[("draft", Some("x.txt"), &[0xffu8, 0xfe, 0x00])])
        .refused(422, "not-a-draft");
    post_multipart(&s, &[("draft", Some("bomb.docx"), &zip_bomb())]).refused(422, "not-a-draft");
    post_multipart(
        &s,
        &[
            (
                "draft",
                Some("base-mou.docx"),
                &fixture("fixtures/drafts/base-mou.docx"),
            ),
            ("descriptor", Some("bomb.yaml"), &alias_bomb()),
        ],
    )
    .refused(422, "descriptor-unreadable");
    post_multipart(
        &s,
        &[("draft", Some("x.txt"), b"abc"), ("kind", None, b"treaty")],
    )
    .refused(400, "bad-kind");
    post(
        &s,
        "/api/diff",
        "multipart/form-data; boundary=x",
        b"garbage",
    )
    .refused(400, "bad-multipart");
}

#[test]
fn cross_origin_posts_and_foreign_hosts_are_refused() {
    let s = Server::start();
    let yaml = fixture("fixtures/valid/chiangmai-kunming.yaml");
    let evil = finish(
        agent()
            .post(s.url("/api/check"))
            .header("Content-Type", "application/yaml")
            .header("Origin", "http://evil.example")
            .send(&yaml[..]),
    );
    evil.refused(403, "cross-origin");
    let site = finish(
        agent()
            .post(s.url("/api/render"))
            .header("Content-Type", "application/yaml")
            .header("Sec-Fetch-Site", "cross-site")
            .send(&yaml[..]),
    );
    site.refused(403, "cross-origin");
    let same = finish(
        agent()
            .post(s.url("/api/check"))
            .header("Content-Type", "application/yaml")
            .header("Origin", format!("http://{}", s.addr))
            .send(&yaml[..]),
    );
    assert_eq!(same.status, 200, "same origin is fine");
    // DNS rebinding: the attacker's name in Host.
    let (status, _, body) =
        s.raw(b"GET /api/pairs HTTP/1.1\r\nHost: evil.example:8700\r\nConnection: close\r\n\r\n");
    assert_eq!(status, 421, "{}", String::from_utf8_lossy(&body));
    let v: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(v["error"]["code"], "foreign-host");
    let (status, ..) = s.raw(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assert_eq!(status, 200);
    let named = Server::start_with(&["--allow-host", "prov-pc.local"]);
    let (status, ..) =
        named.raw(b"GET / HTTP/1.1\r\nHost: prov-pc.local:8700\r\nConnection: close\r\n\r\n");
    assert_eq!(status, 200, "--allow-host");
}

#[test]
fn pairs_filters_and_searches() {
    let s = Server::start();
    let all = get(&s, "/api/pairs").json();
    let n_all = all["count"].as_u64().expect("count");
    assert!(n_all > 50, "{n_all}");
    assert!(
        all["tables"].as_array().is_some_and(|t| !t.is_empty()),
        "sources listed"
    );
    let cm = get(&s, "/api/pairs?province=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87%E0%B9%83%E0%B8%AB%E0%B8%A1%E0%B9%88").json();
    let rows = cm["pairs"].as_array().expect("rows");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["province"]["th"] == "เชียงใหม่"));
    let cn = get(
        &s,
        "/api/pairs?province=Chiang%20Mai&country=cn&status=signed",
    )
    .json();
    let rows = cn["pairs"].as_array().expect("rows");
    assert!(rows.iter().all(|r| r["country"] == "CN"
        && r["status"] == "signed"
        && r["country_name"]["th"] == "จีน"));
    let q = get(&s, "/api/pairs?q=kunming").json();
    assert!(q["pairs"]
        .as_array()
        .is_some_and(|a| a.iter().any(|r| r["partner"]["th"]
            .as_str()
            .is_some_and(|t| t.contains("คุนหมิง")))));
    let q_th = get(
        &s,
        "/api/pairs?q=%E0%B8%84%E0%B8%B8%E0%B8%99%E0%B8%AB%E0%B8%A1%E0%B8%B4%E0%B8%87",
    )
    .json();
    assert_eq!(q_th["count"], q["count"], "Thai and English search agree");
}

#[test]
fn schema_and_form_definition() {
    let s = Server::start();
    let schema = get(&s, "/api/schema").json();
    assert_eq!(
        schema,
        sisterdoc::descriptor::json_schema::descriptor_schema()
    );
    let form = get(&s, "/api/form").json();
    let paths: Vec<&str> = form["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .flat_map(|s| s["fields"].as_array().into_iter().flatten())
        .filter_map(|f| f["path"].as_str())
        .collect();
    for p in [
        "thai_side.province",
        "partner.name",
        "partner.country",
        "relationship",
        "cooperation.fields",
        "documents",
        "mou.termination.notice_period",
        "signing.date",
        "output.thai_digits",
    ] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    assert_eq!(form["months"][2]["th"], "มีนาคม");
    assert_eq!(form["initial"]["documents"], json!(["loi", "mou"]));
    assert!(
        form["initial"].get("thai_side.province").is_none(),
        "no placeholders"
    );
}

#[test]
fn open_then_download_gives_a_descriptor_that_checks_and_renders_the_same() {
    let s = Server::start();
    for path in common::yaml_files("fixtures/valid") {
        let original = std::fs::read(&path).expect("fixture");
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let opened = post_yaml(&s, &format!("/api/form/open?name={stem}.yaml"), &original);
        assert_eq!(opened.status, 200, "{}", path.display());
        let v = opened.json();
        assert_eq!(v["not_in_form"], json!([]), "{}", path.display());
        let yaml = post_json(&s, "/api/form/descriptor", &v["state"]);
        assert_eq!(yaml.status, 200);
        assert!(yaml
            .header("content-type")
            .is_some_and(|c| c.starts_with("application/yaml")));
        let strip = |r: Resp| -> Vec<(Value, Value)> {
            r.json()
                .as_array()
                .expect("records")
                .iter()
                .map(|d| (d["rule"].clone(), d["message_en"].clone()))
                .collect()
        };
        let name = format!("/api/check?name={stem}.yaml");
        assert_eq!(
            strip(post_yaml(&s, &name, &yaml.body)),
            strip(post_yaml(&s, &name, &original)),
            "{}: same diagnostics",
            path.display()
        );
        let zip = |body: &[u8]| post_yaml(&s, &format!("/api/render.zip?name={stem}.yaml"), body);
        let (a, b) = (zip(&original), zip(&yaml.body));
        if a.status == 200 {
            let files = |r: &Resp| {
                let mut out = zip_entries(&r.body);
                out.retain(|(n, _)| !n.ends_with(".yaml"));
                out.sort();
                out
            };
            assert!(
                files(&a) == files(&b),
                "{}: renders the same",
                path.display()
            );
        } else {
            assert_eq!(a.status, b.status, "{}", path.display());
        }
    }
}

#[test]
fn form_check_places_each_message_on_its_input() {
    let s = Server::start();
    let form = json!({
        "documents": ["loi", "mou"],
        "relationship": "sister-cities",
        "thai_side.province": "เชียงใหมม",
        "thai_side.signatory.name": {"th": "นายตัวอย่าง", "en": "Mr. Example"},
        "thai_side.signatory.position": "governor",
        "partner.name": {"th": "นครคุนหมิง", "en": ""},
        "partner.unit": "city",
        "partner.level": "province-equivalent",
        "partner.country": "CN",
        "partner.signatory.name": {"th": "นายเอ", "en": "Mr. A"},
        "partner.signatory.title": {"th": "นายกเทศมนตรีนครคุนหมิง", "en": "Mayor of Kunming"},
        "partner.signatory.rank": "governor-equivalent",
        "cooperation.fields": ["trade", {"th": "เกษตรอัจฉริยะ", "en": "smart agriculture"}],
        "mou.title": "memorandum-of-understanding",
        "mou.participants": "participants",
        "mou.termination.option": "notice",
        "mou.termination.notice_period": "6 months",
        "loi.parties": "both-cities",
        "loi.intent": "will",
        "signing.date": "2026-03-15",
        "output.layout": "sequential",
        "output.thai_digits": true,
    });
    let r = post_json(&s, "/api/form/check", &form);
    assert_eq!(r.status, 200);
    let v = r.json();
    let find = |rule: &str| {
        v["diagnostics"]
            .as_array()
            .and_then(|a| a.iter().find(|d| d["rule"] == rule))
            .cloned()
            .unwrap_or_else(|| panic!("{rule} in {v}"))
    };
    let p = find("DATA-PROVINCE");
    assert_eq!(p["input"], "thai_side.province");
    let fix = p["fix"]["value"].as_str().expect("fix");
    assert!(fix == "Chiang Mai" || fix == "เชียงใหม่", "{fix}");
    assert!(v["yaml"]
        .as_str()
        .is_some_and(|y| y.contains("province: เชียงใหมม")));
    assert_eq!(v["display"]["signing.date"]["th"], "๑๕ มีนาคม ๒๕๖๙");
    assert_eq!(v["display"]["signing.date"]["en"], "15 March 2026");
    let empty_en = v["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["input"] == "partner.name.en"))
        .cloned();
    assert!(
        empty_en.is_some(),
        "the empty English name is on its input: {v}"
    );
    // Fixed: no errors, and the registry notes Chiang Mai - Kunming exists (REG-1).
    let mut fixed = form.clone();
    fixed["thai_side.province"] = json!(fix);
    fixed["partner.name"] = json!({"th": "นครคุนหมิง", "en": "Kunming"});
    let v = post_json(&s, "/api/form/check", &fixed).json();
    assert_eq!(v["errors"], 0, "{v}");
    assert_eq!(v["id"], "chiang-mai-kunming", "default id from the names");
    assert!(
        v["registry"]
            .as_array()
            .is_some_and(|a| a.iter().any(|d| d["rule"] == "REG-1")),
        "{v}"
    );
}

#[test]
fn many_requests_at_once_all_succeed_and_nothing_is_written_to_disk() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = Server::start_in(dir.path(), &[]);
    let yaml = fixture("fixtures/valid/phuket-busan.yaml");
    std::thread::scope(|sc| {
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let (s, yaml) = (&s, &yaml);
                sc.spawn(move || {
                    let path = if i % 2 == 0 {
                        "/api/check"
                    } else {
                        "/api/render?kind=mou&format=pdf"
                    };
                    post_yaml(s, path, yaml).status
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().expect("thread"), 200);
        }
    });
    let base = fixture("fixtures/drafts/base-mou.docx");
    let r = post_multipart(
        &s,
        &[
            ("draft", Some("base-mou.docx"), &base),
            ("redline", None, b"1"),
        ],
    );
    assert_eq!(r.status, 200);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert!(
        left.is_empty(),
        "the server wrote {left:?} (working and temp directory)"
    );
}
