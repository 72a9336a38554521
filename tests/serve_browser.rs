//! The staff workbench in a real browser: Debian's chromium driven over
//! WebDriver (thirtyfour) through a chromedriver this test starts itself,
//! against the real `sisterdoc serve`. As a user would: a province typo and
//! its one-click fix, the whole form, the four files and the ZIP and YAML
//! downloaded and read back, a descriptor opened and downloaded again, a
//! returned draft reviewed, the registry filtered, every field reached with
//! Tab, the page at 200% zoom, and a console free of errors. Screenshots go
//! to target/workbench-screenshots/ (the good ones are copied to docs/).
//!
//! Without chromium/chromedriver the test says why and passes, except in CI
//! (env CI set), where that is a failure: `scripts/test` installs them.

mod common;
#[path = "common/server.rs"]
mod server;

use serde_json::Value;
use server::Server;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;
use thirtyfour::LoggingPrefsLogLevel;

const CHROMIUM: &str = "/usr/bin/chromium";

fn chromedriver_path() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(path: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let child = Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, url }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn shots_dir() -> PathBuf {
    let d = common::root().join("target").join("workbench-screenshots");
    let d = std::env::var_os("CARGO_TARGET_DIR")
        .map(|t| PathBuf::from(t).join("workbench-screenshots"))
        .unwrap_or(d);
    std::fs::create_dir_all(&d).expect("screenshot dir");
    d
}

/// Polls `f` until it gives `Some`, for at most 30 s.
async fn until<T, F, Fut>(what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn js(d: &WebDriver, script: &str) -> Value {
    d.execute(script, Vec::<Value>::new())
        .await
        .expect("script")
        .json()
        .clone()
}

async fn by_name(d: &WebDriver, name: &str) -> WebElement {
    let css = format!("[name=\"{name}\"]");
    until(&format!("input {name}"), || async {
        d.find(By::Css(css.as_str())).await.ok()
    })
    .await
}

/// Clicks the element `by` finds.
async fn click(d: &WebDriver, by: By) {
    d.find(by)
        .await
        .expect("element")
        .click()
        .await
        .expect("click");
}

/// Types `text` into the element `by` finds (a file input takes a path).
async fn send_keys(d: &WebDriver, by: By, text: &str) {
    d.find(by)
        .await
        .expect("element")
        .send_keys(text)
        .await
        .expect("send keys");
}

async fn type_into(d: &WebDriver, name: &str, text: &str) {
    let e = by_name(d, name).await;
    e.clear().await.expect("clear");
    e.send_keys(text).await.expect("type");
}

async fn select(d: &WebDriver, name: &str, value: &str) {
    let e = by_name(d, name).await;
    SelectElement::new(&e)
        .await
        .expect("select")
        .select_by_value(value)
        .await
        .unwrap_or_else(|err| panic!("{name}={value}: {err}"));
}

async fn step(d: &WebDriver, id: &str) {
    click(d, By::Css(format!("[data-step=\"{id}\"]"))).await;
}

/// Waits until the page has checked the current form (no request in flight).
async fn settled(d: &WebDriver) -> Value {
    tokio::time::sleep(Duration::from_millis(400)).await;
    until("the check to finish", || async {
        let s = js(
            d,
            "return document.getElementById('check-state').textContent",
        )
        .await;
        let s = s.as_str().unwrap_or_default().to_string();
        (!s.is_empty() && !s.contains("กำลังตรวจ") && !s.contains("Checking")).then_some(s)
    })
    .await;
    Value::Null
}

async fn wait_file(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    until(&format!("download {name}"), || {
        let path = path.clone();
        async move {
            let ready = path.exists() && !dir_has_partial(path.parent().unwrap_or(Path::new(".")));
            ready.then(|| std::fs::read(&path).ok()).flatten()
        }
    })
    .await
}

fn dir_has_partial(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
        })
        .unwrap_or(false)
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path().join("x.pdf");
    std::fs::write(&p, bytes).expect("write");
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&p)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn docx_text(bytes: &[u8]) -> String {
    sisterdoc::docx::read_docx_text(bytes)
        .expect("DOCX reads")
        .paragraphs
        .iter()
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A screenshot of the whole page (the window grown to the page's height,
/// up to 2000 px), scrolled to `top_of` (a CSS selector) or to the top.
async fn shot_at(d: &WebDriver, name: &str, top_of: Option<&str>) {
    let rect = d.get_window_rect().await.expect("rect");
    let h = js(d, "return document.documentElement.scrollHeight")
        .await
        .as_i64()
        .unwrap_or(1000);
    d.set_window_rect(0, 0, rect.width as u32, h.clamp(600, 2000) as u32)
        .await
        .expect("resize");
    match top_of {
        Some(css) => {
            js(
                d,
                &format!("document.querySelector('{css}').scrollIntoView(); return 1"),
            )
            .await
        }
        None => js(d, "window.scrollTo(0, 0); return 1").await,
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    d.screenshot(&shots_dir().join(name))
        .await
        .expect("screenshot");
    d.set_window_rect(0, 0, rect.width as u32, rect.height as u32)
        .await
        .expect("resize back");
}

async fn shot(d: &WebDriver, name: &str) {
    shot_at(d, name, None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workbench_in_a_real_browser() {
    let driver_path = chromedriver_path();
    if !Path::new(CHROMIUM).exists() || driver_path.is_none() {
        let why = "chromium and chromium-driver are not installed (scripts/test installs them: apt-get install chromium chromium-driver)";
        if std::env::var_os("CI").is_some() {
            panic!("{why}");
        }
        eprintln!("skipped: {why}");
        return;
    }
    let chromedriver = Driver::start(&driver_path.expect("checked"));
    let server = Server::start();
    let downloads = tempfile::tempdir().expect("download dir");

    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(CHROMIUM).expect("binary");
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1366,1000",
        "--lang=th-TH",
    ] {
        caps.add_arg(arg).expect("arg");
    }
    caps.add_experimental_option(
        "prefs",
        serde_json::json!({
            "download.default_directory": downloads.path().to_string_lossy(),
            "download.prompt_for_download": false,
            "profile.default_content_setting_values.automatic_downloads": 1,
        }),
    )
    .expect("prefs");
    caps.set_browser_log_level(LoggingPrefsLogLevel::All)
        .expect("logging");
    let d = WebDriver::new(chromedriver.url.as_str(), caps)
        .await
        .expect("browser session");
    // Run the flows in a task so that a failed assertion still closes the browser.
    let flows = {
        let (d, base, dir) = (d.clone(), server.url(""), downloads.path().to_path_buf());
        tokio::spawn(async move { run_all(&d, &base, &dir).await })
    };
    let result = flows.await;
    let _ = d.quit().await;
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Drains the browser console and fails on any error in it, except the
/// network refusals the test provoked on purpose (`expected`).
async fn console_clean(d: &WebDriver, expected: &[&str]) {
    let logs = d.browser_log().await.expect("browser log");
    let errors: Vec<String> = logs
        .iter()
        .filter(|l| l.level == "SEVERE")
        .map(|l| l.message.clone())
        .filter(|m| !expected.iter().any(|e| m.contains(e)))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// The page addresses of the server under test.
struct Site(String);

impl Site {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

async fn run_all(d: &WebDriver, base: &str, downloads: &Path) {
    let s = &Site(base.trim_end_matches('/').to_string());
    d.goto(s.url("/")).await.expect("open page");
    js(d, "localStorage.clear(); return 1").await;
    d.goto(s.url("/")).await.expect("reload");
    province_typo_and_its_fix(d).await;
    fill_the_whole_form(d).await;
    download_the_files(d, downloads).await;
    every_field_is_reached_with_tab(d).await;
    english_and_200_percent_zoom(d).await;
    open_a_descriptor_and_download_it_back(d, downloads).await;
    review_a_returned_draft(d, s, downloads).await;
    registry_filters(d, s).await;
}

async fn province_typo_and_its_fix(d: &WebDriver) {
    let province = by_name(d, "thai_side.province").await;
    province.send_keys("เชียงใหมม").await.expect("type");
    // Leave the field, as a user would.
    by_name(d, "thai_side.signatory.name.th")
        .await
        .click()
        .await
        .expect("click");
    until("the one-click fix", || async {
        d.find(By::Css("[data-fix-for=\"thai_side.province\"]"))
            .await
            .ok()
    })
    .await;
    settled(d).await;
    let fix = d
        .find(By::Css("[data-fix-for=\"thai_side.province\"]"))
        .await
        .expect("fix button");
    assert_eq!(
        province
            .attr("aria-invalid")
            .await
            .expect("attr")
            .as_deref(),
        Some("true")
    );
    let described = province
        .attr("aria-describedby")
        .await
        .expect("attr")
        .unwrap_or_default();
    let msg_id = described
        .split_whitespace()
        .find(|id| id.starts_with("msg-"))
        .expect("the message is tied to the input")
        .to_string();
    let msg = d
        .find(By::Id(msg_id.as_str()))
        .await
        .expect("message")
        .text()
        .await
        .expect("text");
    assert!(
        msg.contains("DATA-PROVINCE") && msg.contains("เชียงใหมม"),
        "{msg}"
    );
    let summary = d
        .find(By::Css(".error-summary"))
        .await
        .expect("error summary");
    let link = summary
        .find(By::Css("a[href=\"#in-thai_side-province\"]"))
        .await
        .expect("summary links to the field");
    assert!(link.text().await.expect("text").contains("จังหวัด"));
    assert!(fix.text().await.expect("text").contains("เชียงใหม่"));
    shot(d, "draft-typo.png").await;
    fix.click().await.expect("accept the fix");
    until("the error to go", || async {
        (province.attr("aria-invalid").await.ok().flatten().is_none()).then_some(())
    })
    .await;
    assert_eq!(
        province.value().await.expect("value").as_deref(),
        Some("เชียงใหม่")
    );
    let described = province
        .attr("aria-describedby")
        .await
        .expect("attr")
        .unwrap_or_default();
    assert!(
        !described.contains("msg-"),
        "message no longer described: {described}"
    );
}

async fn fill_the_whole_form(d: &WebDriver) {
    type_into(d, "thai_side.signatory.name.th", "นายตัวอย่าง เชียงใหม่").await;
    type_into(d, "thai_side.signatory.name.en", "Mr. Example Chiangmai").await;
    click(d, By::Id("next")).await;
    type_into(d, "partner.name.th", "นครคุนหมิง").await;
    type_into(d, "partner.name.en", "Kunming").await;
    select(d, "partner.unit", "city").await;
    type_into(d, "partner.within.th", "มณฑลยูนนาน").await;
    type_into(d, "partner.within.en", "Yunnan Province").await;
    // The country combobox: type its Thai name, pick it with the keyboard.
    let country = by_name(d, "partner.country").await;
    country.send_keys("จีน").await.expect("type");
    until("country suggestions", || async {
        (country
            .attr("aria-expanded")
            .await
            .ok()
            .flatten()
            .as_deref()
            == Some("true"))
        .then_some(())
    })
    .await;
    country.send_keys(Key::Down).await.expect("down");
    country.send_keys(Key::Enter).await.expect("enter");
    assert_eq!(country.value().await.expect("value").as_deref(), Some("จีน"));
    type_into(d, "partner.signatory.name.th", "นายตัวอย่าง คุนหมิง").await;
    type_into(d, "partner.signatory.name.en", "Mr. Example Kunming").await;
    type_into(d, "partner.signatory.title.th", "นายกเทศมนตรีนครคุนหมิง").await;
    type_into(d, "partner.signatory.title.en", "Mayor of Kunming").await;
    step(d, "cooperation").await;
    click(
        d,
        By::Css("input[name=\"cooperation.fields\"][value=\"investment\"]"),
    )
    .await;
    step(d, "signing").await;
    type_into(d, "signing.place.th", "นครคุนหมิง").await;
    type_into(d, "signing.place.en", "Kunming").await;
    type_into(d, "signing.date.day", "15").await;
    select(d, "signing.date.month", "3").await;
    type_into(d, "signing.date.year", "2569").await;
    let shown = until("the Buddhist Era date", || async {
        let t = d
            .find(By::Id("in-signing-date-shown"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (!t.is_empty()).then_some(t)
    })
    .await;
    assert_eq!(shown, "๑๕ มีนาคม ๒๕๖๙");
    assert_eq!(
        by_name(d, "signing.date")
            .await
            .value()
            .await
            .expect("value")
            .as_deref(),
        Some("2026-03-15"),
        "stored as the ISO date"
    );
    settled(d).await;
    let state = d
        .find(By::Id("check-state"))
        .await
        .expect("state")
        .text()
        .await
        .expect("text");
    assert!(state.contains("ผ่านการตรวจแล้ว"), "{state}");
    assert!(
        d.find(By::Css(".error-summary")).await.is_err(),
        "no error summary left"
    );
    let registry = d
        .find(By::Id("registry"))
        .await
        .expect("panel")
        .text()
        .await
        .expect("text");
    assert!(
        registry.contains("REG-1"),
        "the existing Chiang Mai - Kunming pair: {registry}"
    );
    until("the preview", || async {
        let src = d
            .find(By::Id("preview"))
            .await
            .ok()?
            .attr("src")
            .await
            .ok()??;
        src.starts_with("blob:").then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    step(d, "thai_side").await;
    shot(d, "draft.png").await;
}

async fn download_the_files(d: &WebDriver, dir: &Path) {
    for (button, file) in [
        ("loi-docx", "chiang-mai-kunming-loi.docx"),
        ("loi-pdf", "chiang-mai-kunming-loi.pdf"),
        ("mou-docx", "chiang-mai-kunming-mou.docx"),
        ("mou-pdf", "chiang-mai-kunming-mou.pdf"),
        ("zip", "chiang-mai-kunming.zip"),
        ("yaml", "chiang-mai-kunming.yaml"),
    ] {
        click(d, By::Css(format!("[data-dl=\"{button}\"]"))).await;
        let bytes = wait_file(dir, file).await;
        match file.rsplit('.').next() {
            Some("pdf") => {
                let t = pdf_text(&bytes);
                assert!(t.contains("เชียงใหม่") && t.contains("คุนหมิง"), "{file}: {t}");
                assert!(
                    t.contains("๑๕ มีนาคม") && t.contains("๒๕๖๙") && t.contains("15 March 2026"),
                    "{file}"
                );
                assert!(!t.contains("ไม่เป็นไปตามร่างมาตรฐาน"), "{file} is compliant");
            }
            Some("docx") => {
                let t = docx_text(&bytes);
                assert!(
                    t.contains("นายตัวอย่าง คุนหมิง") && t.contains("Mayor of Kunming"),
                    "{file}"
                );
                assert!(t.contains("มณฑลยูนนาน"), "{file}");
            }
            Some("zip") => assert_eq!(&bytes[..2], b"PK"),
            _ => {
                let loaded = sisterdoc::check::check_bytes(&bytes, Some("chiang-mai-kunming"));
                assert!(
                    loaded
                        .diagnostics
                        .iter()
                        .all(|x| x.severity != sisterdoc::diagnostic::Severity::Error),
                    "the downloaded descriptor checks: {:?}",
                    loaded.diagnostics
                );
                let text = String::from_utf8_lossy(&bytes);
                assert!(text.contains("date: 2026-03-15"), "{text}");
                let comments = text
                    .lines()
                    .filter(|l| l.trim_start().starts_with('#'))
                    .count();
                assert!(comments > 20, "commented in Thai and English: {text}");
                assert!(text.contains("province: Chiang Mai"), "{text}");
            }
        }
    }
}

async fn every_field_is_reached_with_tab(d: &WebDriver) {
    let steps = js(
        d,
        "return [...document.querySelectorAll('[data-step]')].map(b => b.dataset.step)",
    )
    .await;
    for id in steps.as_array().expect("steps") {
        let id = id.as_str().expect("id");
        step(d, id).await;
        // Every visible, enabled input of the step, by name.
        let want = js(d, &format!(
            "return [...document.querySelectorAll('#step-{id} [name]')].filter(e => e.type !== 'hidden' && e.offsetParent !== null && !e.disabled).map(e => e.name + '=' + (e.type === 'checkbox' ? e.value : ''))"
        ))
        .await;
        let want: Vec<String> = want
            .as_array()
            .expect("names")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert!(!want.is_empty(), "step {id} has inputs");
        let mut reached = std::collections::BTreeSet::new();
        for _ in 0..(want.len() * 3 + 20) {
            // The keyboard itself, wherever the focus is.
            d.action_chain()
                .send_keys(Key::Tab)
                .perform()
                .await
                .expect("tab");
            let now = js(d, "const e = document.activeElement; return e && e.name ? e.name + '=' + (e.type === 'checkbox' ? e.value : '') : ''").await;
            if let Some(n) = now.as_str().filter(|n| !n.is_empty()) {
                reached.insert(n.to_string());
            }
            if want.iter().all(|w| reached.contains(w)) {
                break;
            }
        }
        let missed: Vec<&String> = want.iter().filter(|w| !reached.contains(*w)).collect();
        assert!(missed.is_empty(), "step {id}: Tab never reached {missed:?}");
        if id == "documents" || id == "cooperation" {
            shot(d, &format!("draft-{id}.png")).await;
        }
    }
    // Every field has a visible label.
    let unlabelled = js(d, "return [...document.querySelectorAll('#step-host input:not([type=hidden]), #step-host select')].filter(e => !(e.labels && e.labels.length)).map(e => e.name)").await;
    assert_eq!(unlabelled, serde_json::json!([]), "inputs without a label");
    step(d, "thai_side").await;
}

async fn english_and_200_percent_zoom(d: &WebDriver) {
    click(d, By::Id("lang-switch")).await;
    let label = d
        .find(By::Css("label[for=\"in-thai_side-province\"]"))
        .await
        .expect("label");
    assert_eq!(label.text().await.expect("text"), "Province");
    assert_eq!(js(d, "return document.documentElement.lang").await, "en");
    shot(d, "draft-en.png").await;
    click(d, By::Id("lang-switch")).await;
    // 200% zoom of a 1366-pixel laptop screen: the page reflows, no sideways scrolling.
    d.set_window_rect(0, 0, 683, 900).await.expect("resize");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let overflow = js(
        d,
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
    )
    .await;
    assert!(
        overflow.as_i64().unwrap_or(99) <= 0,
        "horizontal overflow {overflow}"
    );
    shot(d, "draft-narrow.png").await;
    d.set_window_rect(0, 0, 1366, 1000).await.expect("resize");
}

async fn open_a_descriptor_and_download_it_back(d: &WebDriver, dir: &Path) {
    let fixture = common::root().join("fixtures/valid/phuket-busan.yaml");
    let input = d.find(By::Id("open-file")).await.expect("file input");
    input
        .send_keys(fixture.to_string_lossy().as_ref())
        .await
        .expect("choose file");
    until("the opened descriptor", || async {
        let v = by_name(d, "partner.name.en").await.value().await.ok()??;
        v.contains("Busan").then_some(())
    })
    .await;
    settled(d).await;
    click(d, By::Css("[data-dl=\"yaml\"]")).await;
    let bytes = wait_file(dir, "phuket-busan.yaml").await;
    let original = std::fs::read(&fixture).expect("fixture");
    let a = sisterdoc::check::check_bytes(&original, Some("phuket-busan"));
    let b = sisterdoc::check::check_bytes(&bytes, Some("phuket-busan"));
    let rules = |l: &sisterdoc::descriptor::Loaded| {
        l.diagnostics.iter().map(|x| x.rule).collect::<Vec<_>>()
    };
    assert_eq!(rules(&a), rules(&b), "same diagnostics");
    let render = |l: &sisterdoc::descriptor::Loaded| {
        sisterdoc::render::render(
            l.descriptor.as_ref().expect("descriptor"),
            None,
            sisterdoc::render::Format::ALL,
            Default::default(),
        )
        .expect("renders")
    };
    assert!(
        render(&a) == render(&b),
        "downloaded descriptor renders the same files"
    );
}

async fn review_a_returned_draft(d: &WebDriver, s: &Site, dir: &Path) {
    // The standard MOU's text with one substantive edit.
    let yaml = common::root().join("fixtures/valid/chiangmai-kunming.yaml");
    let loaded = sisterdoc::check::check_bytes(
        &std::fs::read(&yaml).expect("fixture"),
        Some("chiangmai-kunming"),
    );
    let out = sisterdoc::render::render(
        loaded.descriptor.as_ref().expect("descriptor"),
        Some(sisterdoc::document::DocKind::Mou),
        &[sisterdoc::render::Format::Docx],
        Default::default(),
    )
    .expect("render");
    let text = docx_text(&out[0].bytes).replacen("will encourage", "shall encourage", 1);
    let draft = dir.join("returned-mou.txt");
    std::fs::write(&draft, text).expect("write draft");

    d.goto(s.url("/review")).await.expect("review page");
    send_keys(d, By::Id("draft"), draft.to_string_lossy().as_ref()).await;
    click(d, By::Id("src-file")).await;
    send_keys(d, By::Id("descriptor"), yaml.to_string_lossy().as_ref()).await;
    click(d, By::Css("#review button[type=submit]")).await;
    let dev = until("the report", || async {
        d.find(By::Css(".deviation.substantive")).await.ok()
    })
    .await;
    let t = dev.text().await.expect("text");
    assert!(
        t.contains("สาระสำคัญ") && t.contains("shall") && t.contains("MFA-12"),
        "{t}"
    );
    assert_eq!(
        d.find_all(By::Css(".deviation")).await.expect("all").len(),
        1,
        "one deviation"
    );
    shot(d, "review.png").await;
    click(d, By::Id("redline")).await;
    let red = wait_file(dir, "returned-mou-redline.docx").await;
    assert!(
        sisterdoc::docx::read_docx_text(&red)
            .expect("reads")
            .had_tracked_changes
    );
    console_clean(d, &[]).await;
    // An unreadable draft: the error is on the field.
    let junk = dir.join("junk.docx");
    std::fs::write(&junk, b"not a docx").expect("write");
    send_keys(d, By::Id("draft"), junk.to_string_lossy().as_ref()).await;
    click(d, By::Css("#review button[type=submit]")).await;
    until("the refusal", || async {
        let a = d
            .find(By::Id("draft"))
            .await
            .ok()?
            .attr("aria-invalid")
            .await
            .ok()??;
        (a == "true").then_some(())
    })
    .await;
    assert!(d
        .find(By::Css(".error-summary a[href=\"#draft\"]"))
        .await
        .is_ok());
    // The browser reports the refused upload itself; nothing else.
    console_clean(
        d,
        &["/api/diff - Failed to load resource: the server responded with a status of 422"],
    )
    .await;
}

async fn registry_filters(d: &WebDriver, s: &Site) {
    d.goto(s.url("/registry?province=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87%E0%B9%83%E0%B8%AB%E0%B8%A1%E0%B9%88")).await.expect("registry");
    let rows = until("rows", || async {
        let r = d.find_all(By::Css("#pairs tbody tr")).await.ok()?;
        (!r.is_empty()).then_some(r)
    })
    .await;
    for r in &rows {
        assert!(r.text().await.expect("text").starts_with("เชียงใหม่"));
    }
    let all_cm = rows.len();
    send_keys(d, By::Id("f-q"), "คุนหมิง").await;
    until("search", || async {
        let n = d.find_all(By::Css("#pairs tbody tr")).await.ok()?.len();
        (n < all_cm && n > 0).then_some(())
    })
    .await;
    let t = d
        .find(By::Css("#pairs tbody"))
        .await
        .expect("rows")
        .text()
        .await
        .expect("text");
    assert!(t.contains("คุนหมิง"), "{t}");
    d.find(By::Id("f-q"))
        .await
        .expect("search")
        .clear()
        .await
        .expect("clear");
    tokio::time::sleep(Duration::from_millis(800)).await;
    shot(d, "registry.png").await;
    console_clean(d, &[]).await;
}
