//! Interrupting `sisterdoc build` (SIGKILL, and SIGTERM) leaves no truncated
//! output and no manifest that lies, and the next run completes.
#![cfg(unix)]

mod common;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// `n` descriptors made from the valid fixtures that list both documents,
/// each with its own id, spread over a few folders.
fn generate(src: &Path, n: usize) {
    let fixtures: Vec<String> = common::yaml_files("fixtures/valid")
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("fixture"))
        .filter(|t| t.contains("documents: [loi, mou]"))
        .collect();
    assert!(!fixtures.is_empty());
    for i in 0..n {
        let text = &fixtures[i % fixtures.len()];
        let id = format!("pair-{i:04}");
        let body: String = text
            .lines()
            .map(|l| {
                if l.starts_with("id:") {
                    format!("id: {id}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let dir = src.join(format!("g{}", i % 4));
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join(format!("{id}.yaml")), body + "\n").expect("write");
    }
}

/// Changes every descriptor so that all its outputs are replaced.
fn edit_all(src: &Path) {
    for f in sisterdoc_files(src) {
        let text = std::fs::read_to_string(&f).expect("read");
        let edited: String = text
            .lines()
            .map(|l| {
                if l.starts_with("relationship:") {
                    "relationship: amity-cities".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&f, edited + "\n").expect("write");
    }
}

fn sisterdoc_files(src: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for d in std::fs::read_dir(src).expect("src").flatten() {
        for f in std::fs::read_dir(d.path()).expect("dir").flatten() {
            out.push(f.path());
        }
    }
    out
}

/// One format keeps these tests quick in a debug build (every format is
/// written the same way: temporary file, then rename).
fn format() -> &'static str {
    sisterdoc::render::Format::ALL[0].extension()
}

fn build(dir: &Path, extra: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
        .args([
            "build",
            "src",
            "-o",
            "out",
            "--jobs",
            "2",
            "--format",
            format(),
        ])
        .args(extra)
        .current_dir(dir)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// Starts a build and returns once it has written `after` outputs.
fn start_and_wait(dir: &Path, after: usize) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
        .args([
            "build",
            "src",
            "-o",
            "out",
            "--jobs",
            "2",
            "--format",
            format(),
        ])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(dir.join("stderr.txt")).expect("stderr file"))
        .spawn()
        .expect("spawns");
    let stdout = child.stdout.take().expect("stdout");
    let mut written = 0;
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if line.starts_with("wrote ") {
            written += 1;
            if written >= after {
                break;
            }
        }
    }
    assert!(
        written >= after,
        "the build ended before writing {after} outputs"
    );
    child
}

/// What must hold at any moment: every output the manifest lists has the
/// recorded SHA-256, every output file is a complete DOCX, and nothing but
/// hidden `.tmp` files is left over.
fn assert_consistent(out: &Path, allow_tmp: bool) {
    if let Ok(bytes) = std::fs::read(out.join("manifest.json")) {
        let m: Value = serde_json::from_slice(&bytes).expect("the manifest is complete JSON");
        for (path, e) in m["descriptors"].as_object().expect("descriptors") {
            for (name, h) in e["outputs"].as_object().expect("outputs") {
                let b = std::fs::read(out.join(name))
                    .unwrap_or_else(|err| panic!("{name} (listed for {path}) is missing: {err}"));
                assert_eq!(
                    Some(sisterdoc::batch::hash::sha256_hex(&b).as_str()),
                    h.as_str(),
                    "{name}: the manifest lies"
                );
            }
        }
    }
    for f in std::fs::read_dir(out).expect("out").flatten() {
        let name = f.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tmp") {
            assert!(allow_tmp, "{name} left over");
            assert!(name.starts_with('.'), "{name}: temporary files are hidden");
            continue;
        }
        if name.ends_with(".docx") {
            let b = std::fs::read(f.path()).expect("read");
            assert!(
                sisterdoc::docx::read::read_docx_text(&b).is_ok(),
                "{name} is truncated"
            );
        }
    }
}

#[test]
fn a_killed_build_leaves_no_partial_file_and_the_next_run_completes() {
    let t = tempfile::tempdir().expect("tempdir");
    let dir = t.path();
    generate(&dir.join("src"), 120);
    assert_eq!(build(dir, &[]).0, 0);
    edit_all(&dir.join("src"));

    let mut child = start_and_wait(dir, 20);
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    assert_consistent(&dir.join("out"), true);

    let (code, out) = build(dir, &[]);
    assert_eq!(code, 0, "{out}");
    assert_consistent(&dir.join("out"), false);
    let (code, out) = build(dir, &["--check"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_terminated_build_finishes_its_files_writes_the_manifest_and_stops() {
    let t = tempfile::tempdir().expect("tempdir");
    let dir = t.path();
    generate(&dir.join("src"), 120);
    let child = start_and_wait(dir, 10);
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    assert_consistent(&dir.join("out"), false);
    let m: Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/manifest.json")).expect("manifest"))
            .expect("json");
    let done = m["descriptors"].as_object().map_or(0, |d| d.len());
    assert!((5..120).contains(&done), "{done} descriptors recorded");

    let (code, out) = build(dir, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("{} unchanged", 2 * done)), "{out}");
    assert_consistent(&dir.join("out"), false);
}
