//! Load and latency of `sisterdoc serve` (not a timed test: `cargo bench
//! --bench serve_load`). Starts the release binary on a free port, then:
//!
//! 1. one user: a check round trip as the page makes it (POST /api/form/check,
//!    the form state of a whole descriptor) and the raw POST /api/check, and a
//!    one-document PDF preview (POST /api/render?kind=mou&format=pdf):
//!    p50/p95 over sequential requests (goals: check p95 < 30 ms, preview p95
//!    < 100 ms);
//! 2. load: 50 concurrent clients for 30 s (SERVE_BENCH_SECS to change),
//!    each alternating /api/check and /api/render; every response must be a
//!    200; p50/p95 and throughput.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn post(agent: &ureq::Agent, url: &str, ctype: &str, body: &[u8]) -> u16 {
    match agent.post(url).header("Content-Type", ctype).send(body) {
        Ok(mut r) => {
            let _ = r.body_mut().with_config().limit(64 << 20).read_to_vec();
            r.status().as_u16()
        }
        Err(_) => 0,
    }
}

fn one_user(name: &str, n: usize, mut f: impl FnMut() -> u16) {
    for _ in 0..5 {
        f();
    }
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let status = f();
        times.push(t.elapsed());
        assert_eq!(status, 200, "{name}");
    }
    times.sort();
    println!(
        "{name:<44} one user, {n} requests: p50 {}  p95 {}  max {}",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().unwrap_or(&Duration::ZERO))
    );
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    // SISTERDOC_BIN: measure another build of the server (e.g. target/release/sisterdoc
    // while this client runs unoptimised).
    let bin = std::env::var_os("SISTERDOC_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_sisterdoc").into());
    let mut child = Command::new(bin)
        .args(["serve", "--host", "127.0.0.1", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start sisterdoc serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let base = loop {
        let line = lines.next().and_then(Result::ok).expect("address line");
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .trim_end_matches('/')
                .to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});

    let yaml =
        std::fs::read(format!("{root}/fixtures/valid/chiangmai-kunming.yaml")).expect("fixture");
    let a = agent();
    let form = {
        let mut r = a
            .post(format!("{base}/api/form/open?name=chiangmai-kunming.yaml"))
            .header("Content-Type", "application/yaml")
            .send(&yaml[..])
            .expect("open");
        let v: serde_json::Value =
            serde_json::from_slice(&r.body_mut().read_to_vec().expect("body")).expect("json");
        v["state"].to_string().into_bytes()
    };

    let check = format!("{base}/api/check");
    let form_check = format!("{base}/api/form/check");
    let render = format!("{base}/api/render?kind=mou&format=pdf");
    one_user("check round trip (POST /api/form/check)", 300, || {
        post(&a, &form_check, "application/json", &form)
    });
    one_user("check (POST /api/check)", 300, || {
        post(&a, &check, "application/yaml", &yaml)
    });
    one_user("PDF preview, one MOU (POST /api/render)", 100, || {
        post(&a, &render, "application/yaml", &yaml)
    });

    let secs: u64 = std::env::var("SERVE_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let clients = 50;
    let errors = Arc::new(AtomicUsize::new(0));
    let times: Arc<Mutex<(Vec<Duration>, Vec<Duration>)>> = Arc::default();
    let start = Instant::now();
    let end = start + Duration::from_secs(secs);
    let handles: Vec<_> = (0..clients)
        .map(|i| {
            let (errors, times, yaml) = (errors.clone(), times.clone(), yaml.clone());
            let (check, render) = (check.clone(), render.clone());
            std::thread::spawn(move || {
                let a = agent();
                let (mut c, mut r) = (Vec::new(), Vec::new());
                let mut k = i;
                while Instant::now() < end {
                    let is_render = k % 2 == 1;
                    let t = Instant::now();
                    let status = post(
                        &a,
                        if is_render { &render } else { &check },
                        "application/yaml",
                        &yaml,
                    );
                    let took = t.elapsed();
                    if status != 200 {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                    if is_render {
                        r.push(took)
                    } else {
                        c.push(took)
                    }
                    k += 1;
                }
                let mut all = times.lock().unwrap_or_else(|e| e.into_inner());
                all.0.extend(c);
                all.1.extend(r);
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let wall = start.elapsed().as_secs_f64();
    let (mut c, mut r) = std::mem::take(&mut *times.lock().unwrap_or_else(|e| e.into_inner()));
    c.sort();
    r.sort();
    let n = c.len() + r.len();
    println!(
        "load: {clients} clients for {secs} s: {n} requests, {} errors, {:.0} requests/s",
        errors.load(Ordering::Relaxed),
        n as f64 / wall
    );
    println!(
        "  /api/check   {} requests  p50 {}  p95 {}",
        c.len(),
        ms(percentile(&c, 0.5)),
        ms(percentile(&c, 0.95))
    );
    println!(
        "  /api/render  {} requests  p50 {}  p95 {}  ({:.0} PDFs/s)",
        r.len(),
        ms(percentile(&r, 0.5)),
        ms(percentile(&r, 0.95)),
        r.len() as f64 / wall
    );
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        errors.load(Ordering::Relaxed),
        0,
        "every request under load succeeds"
    );
}
